package runtime

import (
	"strings"

	"asyncplay/sim/py/syntax"
)

// with compiles with/async with; several items nest, the first outermost.
// CPython locates entering and exiting at the whole statement (stmt).
func (c *compiler) with(stmt syntax.Node, items []*syntax.WithItem, body []syntax.Stmt, async bool) stmtFn {
	inner := c.block(body)
	for i := len(items) - 1; i >= 0; i-- {
		inner = c.withItem(stmt, items[i], inner, async)
	}
	return inner
}

func (c *compiler) withItem(stmt syntax.Node, it *syntax.WithItem, body stmtFn, async bool) stmtFn {
	mgrFn := c.expr(it.ContextExpr)
	var store func(fr *Frame, v Value) error
	if it.OptionalVars != nil {
		store = c.target(it.OptionalVars)
	}
	line := stmt.Start().Line // where CPython stands while the block exits
	enterName, exitName, protocol := "__enter__", "__exit__", "the context manager protocol"
	if async {
		enterName, exitName, protocol = "__aenter__", "__aexit__", "the asynchronous context manager protocol"
	}
	return func(fr *Frame) (ctl, error) {
		th := fr.th
		mgr, err := mgrFn(fr)
		if err != nil {
			return ctlNext, err
		}
		cls := TypeOf(mgr)
		enter, _, ok1 := cls.Lookup(enterName)
		exit, _, ok2 := cls.Lookup(exitName)
		if !ok1 || !ok2 {
			return ctlNext, fr.fail(NewError(TypeErrorClass, "'"+cls.Name+"' object does not support "+protocol), stmt)
		}
		exitBound, err := bind(th, exit, mgr, cls)
		if err != nil {
			return ctlNext, fr.fail(err, stmt)
		}
		v, err := callMaybeAwait(th, enter, mgr, nil, async)
		if err != nil {
			return ctlNext, fr.fail(err, stmt)
		}
		if store != nil {
			if err := store(fr, v); err != nil {
				return ctlNext, err
			}
		}
		k, err := body(fr)
		fr.Line = line
		if exc, ok := err.(*Instance); ok {
			th.handling = append(th.handling, exc)
			r, xerr := callMaybeAwait(th, exitBound, nil, []Value{exc.Class, exc, None}, async)
			th.handling = th.handling[:len(th.handling)-1]
			if xerr != nil {
				chain(xerr, exc)
				return ctlNext, fr.fail(xerr, stmt)
			}
			if t, terr := Truth(th, r); terr != nil || !t {
				if terr != nil {
					return ctlNext, terr
				}
				return ctlNext, err
			}
			return ctlNext, nil // __exit__ returned true: the exception is suppressed
		}
		if err != nil {
			return ctlNext, err
		}
		if _, xerr := callMaybeAwait(th, exitBound, nil, []Value{None, None, None}, async); xerr != nil {
			return ctlNext, fr.fail(xerr, stmt)
		}
		return k, nil
	}
}

// callMaybeAwait calls fn (bound to self when self is not nil) and awaits
// the result for async with.
func callMaybeAwait(th *Thread, fn Value, self Value, args []Value, async bool) (Value, error) {
	if self != nil {
		args = append([]Value{self}, args...)
	}
	v, err := Call(th, fn, args, nil)
	if err != nil || !async {
		return v, err
	}
	return th.Await(v)
}

// Module is a module object: a name and a namespace.
type Module struct {
	Name string
	NS   *Namespace
}

func (m *Module) Type() *Class          { return ModuleClass }
func (m *Module) Namespace() *Namespace { return m.NS }
func (m *Module) ModuleName() string    { return m.Name }
func (m *Module) Repr(*Thread) (string, error) {
	return "<module '" + m.Name + "' (built-in)>", nil
}

// importModule finds a module through the interpreter's importer.
func (th *Thread) importModule(name string) (Value, error) {
	if th.Interp.Import == nil {
		return nil, NewError(ModuleNotFoundErrorClass, "No module named '"+name+"'")
	}
	return th.Interp.Import(th, name)
}

func (c *compiler) importStmt(s *syntax.Import) stmtFn {
	type one struct {
		name  string
		store func(fr *Frame, v Value)
		top   bool // `import a.b` binds a
	}
	var ims []one
	for _, a := range s.Names {
		if a.Asname != "" {
			ims = append(ims, one{a.Name, c.nameStore(a.Asname), false})
		} else {
			top := a.Name
			if i := strings.IndexByte(top, '.'); i >= 0 {
				top = top[:i]
			}
			ims = append(ims, one{a.Name, c.nameStore(top), top != a.Name})
		}
	}
	return func(fr *Frame) (ctl, error) {
		for _, im := range ims {
			m, err := fr.th.importModule(im.name)
			if err != nil {
				return ctlNext, fr.fail(err, s)
			}
			if im.top {
				name := im.name[:strings.IndexByte(im.name, '.')]
				if m, err = fr.th.importModule(name); err != nil {
					return ctlNext, fr.fail(err, s)
				}
			}
			im.store(fr, m)
		}
		return ctlNext, nil
	}
}

func (c *compiler) importFrom(s *syntax.ImportFrom) stmtFn {
	type one struct {
		name  string
		store func(fr *Frame, v Value)
	}
	var names []one
	star := false
	for _, a := range s.Names {
		if a.Name == "*" {
			star = true
			continue
		}
		as := a.Asname
		if as == "" {
			as = a.Name
		}
		names = append(names, one{a.Name, c.nameStore(as)})
	}
	mod := s.Module
	return func(fr *Frame) (ctl, error) {
		m, err := fr.th.importModule(mod)
		if err != nil {
			return ctlNext, fr.fail(err, s)
		}
		if star {
			ns := ownDict(m)
			if ns == nil {
				return ctlNext, nil
			}
			for _, k := range ns.Keys() {
				if !strings.HasPrefix(k, "_") {
					v, _ := ns.Get(k)
					fr.globals.Set(k, v)
				}
			}
		}
		for _, n := range names {
			v, err := GetAttr(fr.th, m, n.name)
			if err != nil {
				return ctlNext, fr.fail(NewError(ImportErrorClass, "cannot import name '"+n.name+"' from '"+mod+"' (unknown location)"), s)
			}
			n.store(fr, v)
		}
		return ctlNext, nil
	}
}

// Warn prints a warning the way Python's warnings module does for the
// program's own file: "file:line: Category: message", then the line.
func (th *Thread) Warn(fr *Frame, category, msg string) {
	if th.Interp.Stderr == nil {
		return
	}
	text := fr.File + ":" + itoa(int64(fr.Line)) + ": " + category + ": " + msg + "\n"
	if src := th.Interp.SourceLine(fr.File, fr.Line); src != "" {
		text += "  " + strings.TrimSpace(src) + "\n"
	}
	th.Interp.Stderr(th, text)
}
