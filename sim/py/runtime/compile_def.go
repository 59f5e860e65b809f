package runtime

import (
	"strings"

	"asyncplay/sim/py/syntax"
)

// codeFor compiles the body of a def, lambda or comprehension into a Code,
// in the scope the symtable made for node.
func (c *compiler) codeFor(node syntax.Node, name string, args *syntax.Arguments, compileBody func(inner *compiler) func(fr *Frame) error) *Code {
	s := c.st.of[node]
	qual := strings.Join(append(append([]string(nil), c.qual...), name), ".")
	code := &Code{Name: name, QualName: qual, File: c.file, Line: node.Start().Line,
		nslots: s.nslots, params: s.params, generator: s.generator, async: s.async}
	code.slotName = make([]string, s.nslots)
	for n, i := range s.slots {
		code.slotName[i] = n
	}
	code.cellVars = s.cells[:len(s.cells)-s.nfree]
	code.nfree = s.nfree
	for _, p := range s.params {
		if ci, ok := s.cellIdx[p]; ok && ci < len(code.cellVars) {
			code.cellParams = append(code.cellParams, [2]int{s.slots[p], ci})
		}
	}
	code.simple = !s.generator && !s.async && len(s.cells) == 0 &&
		(args == nil || args.Vararg == nil && args.Kwarg == nil && len(args.Kwonlyargs) == 0)
	if args != nil {
		code.nposonly = len(args.Posonlyargs)
		code.nargs = len(args.Posonlyargs) + len(args.Args)
		code.nkwonly = len(args.Kwonlyargs)
		code.varargs = args.Vararg != nil
		code.varkw = args.Kwarg != nil
	} else {
		code.nargs = len(s.params) // a comprehension's one argument
	}
	inner := &compiler{st: c.st, file: c.file, scope: s, code: code, qual: append(append([]string(nil), c.qual...), name, "<locals>")}
	code.body = compileBody(inner)
	return code
}

// makeFunction compiles creating a function object at run time: defaults
// evaluated now, closure cells taken from the defining frame.
func (c *compiler) makeFunction(node syntax.Node, code *Code, args *syntax.Arguments) exprFn {
	var defaults []exprFn
	kwDefaults := map[string]exprFn{}
	if args != nil {
		for _, d := range args.Defaults {
			defaults = append(defaults, c.expr(d))
		}
		for i, d := range args.KwDefaults {
			if d != nil {
				kwDefaults[args.Kwonlyargs[i].Arg] = c.expr(d)
			}
		}
	}
	s := c.st.of[node]
	// Each free variable of the new function is a cell of this frame.
	var closure []int
	for _, name := range s.cells[len(s.cells)-s.nfree:] {
		_, i := c.scope.kindOf(name)
		closure = append(closure, i)
	}
	module := "__main__"
	return func(fr *Frame) (Value, error) {
		f := &Function{Code: code, Name: code.Name, QualName: code.QualName, Globals: fr.globals, Module: module}
		for _, d := range defaults {
			v, err := d(fr)
			if err != nil {
				return nil, err
			}
			f.Defaults = append(f.Defaults, v)
		}
		if len(kwDefaults) > 0 {
			f.KwDefaults = map[string]Value{}
			for name, d := range kwDefaults {
				v, err := d(fr)
				if err != nil {
					return nil, err
				}
				f.KwDefaults[name] = v
			}
		}
		for _, i := range closure {
			f.Closure = append(f.Closure, fr.cells[i])
		}
		return f, nil
	}
}

// functionBody runs a def's statements; falling off the end returns None.
func functionBody(body stmtFn) func(fr *Frame) error {
	return func(fr *Frame) error {
		_, err := body(fr)
		return err
	}
}

// def compiles def and async def: decorators are applied innermost first.
func (c *compiler) def(node syntax.Stmt, name string, args *syntax.Arguments, body []syntax.Stmt, decorators []syntax.Expr, async bool) stmtFn {
	decos := make([]exprFn, len(decorators))
	for i, d := range decorators {
		decos[i] = c.expr(d)
	}
	code := c.codeFor(node, name, args, func(inner *compiler) func(fr *Frame) error {
		return functionBody(inner.block(body))
	})
	code.async = async
	code.doc = docstring(body)
	mk := c.makeFunction(node, code, args)
	store := c.nameStore(name)
	return func(fr *Frame) (ctl, error) {
		var ds []Value
		for _, d := range decos {
			v, err := d(fr)
			if err != nil {
				return ctlNext, err
			}
			ds = append(ds, v)
		}
		f, err := mk(fr)
		if err != nil {
			return ctlNext, err
		}
		var v Value = f
		for i := len(ds) - 1; i >= 0; i-- {
			if v, err = Call(fr.th, ds[i], []Value{v}, nil); err != nil {
				return ctlNext, fr.fail(err, decorators[i])
			}
		}
		store(fr, v)
		return ctlNext, nil
	}
}

func (c *compiler) lambda(e *syntax.Lambda) exprFn {
	code := c.codeFor(e, "<lambda>", e.Args, func(inner *compiler) func(fr *Frame) error {
		body := inner.expr(e.Body)
		return func(fr *Frame) error {
			v, err := body(fr)
			fr.ret = v
			return err
		}
	})
	return c.makeFunction(e, code, e.Args)
}

// classDef runs the class body in a fresh namespace, then creates the
// class from its bases and that namespace.
func (c *compiler) classDef(s *syntax.ClassDef) stmtFn {
	bases := make([]exprFn, len(s.Bases))
	for i, b := range s.Bases {
		bases[i] = c.expr(b)
	}
	decos := make([]exprFn, len(s.DecoratorList))
	for i, d := range s.DecoratorList {
		decos[i] = c.expr(d)
	}
	cs := c.st.of[s]
	inner := &compiler{st: c.st, file: c.file, scope: cs, qual: append(append([]string(nil), c.qual...), s.Name)}
	body := inner.block(s.Body)
	qual := strings.Join(inner.qual, ".")
	var closure []int
	for _, name := range cs.cells[len(cs.cells)-cs.nfree:] {
		_, i := c.scope.kindOf(name)
		closure = append(closure, i)
	}
	store := c.nameStore(s.Name)
	line := s.Start().Line
	doc := docstring(s.Body)
	return func(fr *Frame) (ctl, error) {
		th := fr.th
		var ds []Value
		for _, d := range decos {
			v, err := d(fr)
			if err != nil {
				return ctlNext, err
			}
			ds = append(ds, v)
		}
		var bs []*Class
		for i, b := range bases {
			v, err := b(fr)
			if err != nil {
				return ctlNext, err
			}
			bc, ok := v.(*Class)
			if !ok {
				return ctlNext, fr.fail(NewError(TypeErrorClass, "bases must be types"), s.Bases[i])
			}
			bs = append(bs, bc)
		}
		ns := NewNamespace()
		ns.Set("__module__", Str("__main__"))
		ns.Set("__qualname__", Str(qual))
		if doc != nil {
			ns.Set("__doc__", doc)
		}
		th.serial++
		cf := &Frame{th: th, serial: th.serial, File: fr.File, Func: s.Name, Line: line, globals: fr.globals, classNS: ns}
		for _, i := range closure {
			cf.cells = append(cf.cells, fr.cells[i])
		}
		cf.code = &Code{Name: s.Name, File: fr.File, body: func(f *Frame) error { _, err := body(f); return err }}
		if _, err := th.run(cf); err != nil {
			return ctlNext, err
		}
		cls, err := NewClass(s.Name, "__main__", bs, ns)
		if err != nil {
			return ctlNext, fr.fail(err, s)
		}
		for _, name := range ns.Keys() { // methods learn their class, for super()
			v, _ := ns.Get(name)
			setClassCell(v, cls)
		}
		var v Value = cls
		for i := len(ds) - 1; i >= 0; i-- {
			if v, err = Call(th, ds[i], []Value{v}, nil); err != nil {
				return ctlNext, fr.fail(err, s.DecoratorList[i])
			}
		}
		store(fr, v)
		return ctlNext, nil
	}
}

// setClassCell records the class a function was defined in, for the
// zero-argument super() inside it.
func setClassCell(v Value, cls *Class) {
	switch f := v.(type) {
	case *Function:
		if f.class == nil {
			f.class = cls
		}
	case *StaticMethod:
		setClassCell(f.Fn, cls)
	case *ClassMethod:
		setClassCell(f.Fn, cls)
	case *Property:
		setClassCell(f.Fget, cls)
		setClassCell(f.Fset, cls)
		setClassCell(f.Fdel, cls)
	}
}

// comprehension compiles [elt for ...], {...}, {k: v ...} and generator
// expressions as a function of the first iterable, called at once (or, for
// a generator expression, returned as a generator).
func (c *compiler) comprehension(e syntax.Expr) exprFn {
	var gens []*syntax.Comprehension
	var elt, value syntax.Expr
	var name string
	kind := byte('l')
	switch e := e.(type) {
	case *syntax.ListComp:
		gens, elt, name = e.Generators, e.Elt, "<listcomp>"
	case *syntax.SetComp:
		gens, elt, name, kind = e.Generators, e.Elt, "<setcomp>", 's'
	case *syntax.DictComp:
		gens, elt, value, name, kind = e.Generators, e.Key, e.Value, "<dictcomp>", 'd'
	case *syntax.GeneratorExp:
		gens, elt, name, kind = e.Generators, e.Elt, "<genexpr>", 'g'
	}
	first := c.expr(gens[0].Iter)
	firstAsync := gens[0].IsAsync
	code := c.codeFor(e, name, nil, func(inner *compiler) func(fr *Frame) error {
		return inner.comprehensionBody(e, gens, elt, value, kind)
	})
	mk := c.makeFunction(e, code, nil)
	return func(fr *Frame) (Value, error) {
		it, err := first(fr)
		if err != nil {
			return nil, err
		}
		var iter Value = it
		if !firstAsync { // the first iterable's iter() is taken in the enclosing scope
			i, err := Iter(fr.th, it)
			if err != nil {
				return nil, fr.fail(err, gens[0].Iter)
			}
			iter = iterValue{i}
		}
		f, err := mk(fr)
		if err != nil {
			return nil, err
		}
		v, err := f.(*Function).Call(fr.th, []Value{iter}, nil)
		if err != nil {
			return nil, fr.fail(err, e)
		}
		if g, ok := v.(*Generator); ok && g.kind == coroutineKind && kind != 'g' {
			// an async comprehension inside an async function: await it here
			return g.awaitDirect(fr.th)
		}
		return v, nil
	}
}

// iterValue wraps an iterator already taken, to pass it as a value.
type iterValue struct{ Iterator }

func (v iterValue) Type() *Class { return IterClass }

// comprehensionBody loops over the clauses and collects the results.
func (c *compiler) comprehensionBody(node syntax.Expr, gens []*syntax.Comprehension, elt, value syntax.Expr, kind byte) func(fr *Frame) error {
	eltFn := c.expr(elt)
	var valFn exprFn
	if value != nil {
		valFn = c.expr(value)
	}
	type clause struct {
		iter  exprFn // nil for the first: argument .0
		store func(fr *Frame, v Value) error
		ifs   []exprFn
		async bool
		node  syntax.Expr
	}
	clauses := make([]clause, len(gens))
	for i, g := range gens {
		cl := clause{store: c.target(g.Target), async: g.IsAsync, node: g.Iter}
		if i > 0 {
			cl.iter = c.expr(g.Iter)
		}
		for _, f := range g.Ifs {
			cl.ifs = append(cl.ifs, c.expr(f))
		}
		clauses[i] = cl
	}
	return func(fr *Frame) error {
		var list []Value
		var set *Set
		var dict *Dict
		switch kind {
		case 's':
			set = NewSet()
		case 'd':
			dict = NewDict()
		}
		var loop func(depth int) error
		loop = func(depth int) error {
			if depth == len(clauses) {
				v, err := eltFn(fr)
				if err != nil {
					return err
				}
				switch kind {
				case 'g':
					_, err = fr.gen.yieldValue(fr, v)
				case 's':
					err = set.Add(fr.th, v)
				case 'd':
					var val Value
					if val, err = valFn(fr); err == nil {
						err = dict.Set(fr.th, v, val)
					}
				default:
					list = append(list, v)
				}
				if err != nil {
					return fr.fail(err, node)
				}
				return nil
			}
			cl := clauses[depth]
			var src Value
			if cl.iter == nil {
				src = fr.locals[0]
			} else {
				v, err := cl.iter(fr)
				if err != nil {
					return err
				}
				src = v
			}
			var next func() (Value, bool, error)
			if cl.async {
				ai, err := aiter(fr.th, src)
				if err != nil {
					return fr.fail(err, cl.node)
				}
				next = func() (Value, bool, error) { return anext(fr.th, ai) }
			} else {
				it, ok := src.(iterValue)
				var iter Iterator = it.Iterator
				if !ok {
					var err error
					if iter, err = Iter(fr.th, src); err != nil {
						return fr.fail(err, cl.node)
					}
				}
				next = func() (Value, bool, error) { return iter.Next(fr.th) }
			}
		items:
			for {
				x, ok, err := next()
				if err != nil {
					return fr.fail(err, cl.node)
				}
				if !ok {
					return nil
				}
				if err := cl.store(fr, x); err != nil {
					return err
				}
				for _, cond := range cl.ifs {
					t, err := c.truth(fr, cond, node)
					if err != nil {
						return err
					}
					if !t {
						continue items
					}
				}
				if err := loop(depth + 1); err != nil {
					return err
				}
			}
		}
		err := loop(0)
		switch kind {
		case 's':
			fr.ret = set
		case 'd':
			fr.ret = dict
		case 'g':
		default:
			fr.ret = &List{Items: list}
		}
		return err
	}
}

// docstring is the string a body starts with, if any.
func docstring(body []syntax.Stmt) Value {
	if len(body) == 0 {
		return nil
	}
	if es, ok := body[0].(*syntax.ExprStmt); ok {
		if c, ok := es.Value.(*syntax.Constant); ok {
			if s, ok := c.Value.(string); ok {
				return Str(s)
			}
		}
	}
	return nil
}
