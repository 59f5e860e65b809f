package syntax

import "fmt"

// The checks CPython makes after parsing, when it builds the symbol table
// (Python/symtable.c) and compiles (Python/compile.c). They run in the same
// three phases as CPython's, each stopping at its first error in source
// order: symbol table construction, its analysis, then code generation.

type scopeKind uint8

const (
	moduleScope scopeKind = iota
	functionScope
	classScope
	comprehensionScope
)

// Symbol flags, as symtable.c's DEF_* and USE.
const (
	defGlobal = 1 << iota
	defLocal
	defParam
	defNonlocal
	use
	defAnnot
)

type scope struct {
	kind       scopeKind
	node       Node
	parent     *scope
	children   []*scope
	async      bool // async def, or a comprehension that awaits
	generator  bool
	names      map[string]int
	order      []string
	directives map[string]Node // where each global/nonlocal was declared
	compName   string          // "list comprehension", ... for comprehension scopes
}

type checker struct {
	src    *source
	scopes map[Node]*scope
	cur    *scope
}

func check(src *source, mod *Module) (err error) {
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			err = b.err
		}
	}()
	c := &checker{src: src, scopes: map[Node]*scope{}}
	top := c.enter(moduleScope, mod)
	for _, s := range mod.Body {
		c.stmt(s)
	}
	c.analyze(top)
	g := &codegen{c: c}
	g.scope = top
	g.stmts(mod.Body)
	return nil
}

func (c *checker) raise(n Node, msg string) {
	s, e := n.Start(), n.End()
	panic(bailout{err: c.src.errorAt(KindSyntax, msg, s.Line, s.Col+1, e.Line, e.Col+1)})
}

func (c *checker) enter(kind scopeKind, n Node) *scope {
	s := &scope{kind: kind, node: n, parent: c.cur, names: map[string]int{}, directives: map[string]Node{}}
	if c.cur != nil {
		c.cur.children = append(c.cur.children, s)
	}
	c.scopes[n] = s
	c.cur = s
	return s
}

func (c *checker) exit() { c.cur = c.cur.parent }

func (c *checker) addDef(name string, flag int, at Node) {
	s := c.cur
	old, seen := s.names[name]
	if flag&defParam != 0 && old&defParam != 0 {
		c.raise(at, fmt.Sprintf("duplicate argument '%s' in function definition", name))
	}
	if !seen {
		s.order = append(s.order, name)
	}
	s.names[name] = old | flag
}

// Phase 1: the symbol table.

func (c *checker) stmts(list []Stmt) {
	for _, s := range list {
		c.stmt(s)
	}
}

func (c *checker) stmt(s Stmt) {
	switch s := s.(type) {
	case *FunctionDef:
		c.function(s, s.Name, s.Args, s.Body, s.DecoratorList, s.Returns, false)
	case *AsyncFunctionDef:
		c.function(s, s.Name, s.Args, s.Body, s.DecoratorList, s.Returns, true)
	case *ClassDef:
		c.addDef(s.Name, defLocal, s)
		c.exprs(s.Bases)
		for _, k := range s.Keywords {
			c.expr(k.Value)
		}
		c.exprs(s.DecoratorList)
		c.enter(classScope, s)
		c.stmts(s.Body)
		c.exit()
	case *Return:
		c.exprOpt(s.Value)
	case *Delete:
		c.exprs(s.Targets)
	case *Assign:
		c.exprs(s.Targets)
		c.expr(s.Value)
	case *AugAssign:
		c.expr(s.Target)
		c.expr(s.Value)
	case *AnnAssign:
		if n, ok := s.Target.(*Name); ok {
			if c.cur.names[n.Id]&(defGlobal|defNonlocal) != 0 && s.Simple {
				// CPython: "annotated name 'x' can't be global"
				what := "global"
				if c.cur.names[n.Id]&defNonlocal != 0 {
					what = "nonlocal"
				}
				c.raise(s, fmt.Sprintf("annotated name '%s' can't be %s", n.Id, what))
			}
			if s.Simple {
				c.addDef(n.Id, defAnnot|defLocal, s)
			} else if s.Value != nil {
				c.addDef(n.Id, defLocal, s)
			}
		} else {
			c.expr(s.Target)
		}
		c.expr(s.Annotation)
		c.exprOpt(s.Value)
	case *For:
		c.expr(s.Target)
		c.expr(s.Iter)
		c.stmts(s.Body)
		c.stmts(s.Orelse)
	case *AsyncFor:
		c.expr(s.Target)
		c.expr(s.Iter)
		c.stmts(s.Body)
		c.stmts(s.Orelse)
	case *While:
		c.expr(s.Test)
		c.stmts(s.Body)
		c.stmts(s.Orelse)
	case *If:
		c.expr(s.Test)
		c.stmts(s.Body)
		c.stmts(s.Orelse)
	case *With:
		c.withItems(s.Items)
		c.stmts(s.Body)
	case *AsyncWith:
		c.withItems(s.Items)
		c.stmts(s.Body)
	case *Raise:
		c.exprOpt(s.Exc)
		c.exprOpt(s.Cause)
	case *Try:
		c.try(s.Body, s.Handlers, s.Orelse, s.Finalbody)
	case *TryStar:
		c.try(s.Body, s.Handlers, s.Orelse, s.Finalbody)
	case *Assert:
		c.expr(s.Test)
		c.exprOpt(s.Msg)
	case *Import:
		for _, a := range s.Names {
			c.importAlias(a)
		}
	case *ImportFrom:
		for _, a := range s.Names {
			c.importAlias(a)
		}
	case *Global:
		c.declare(s, s.Names, defGlobal)
	case *Nonlocal:
		if c.cur.kind == moduleScope {
			c.raise(s, "nonlocal declaration not allowed at module level")
		}
		c.declare(s, s.Names, defNonlocal)
	case *ExprStmt:
		c.expr(s.Value)
	}
}

func (c *checker) declare(s Stmt, names []string, flag int) {
	what := "global"
	if flag == defNonlocal {
		what = "nonlocal"
	}
	for _, name := range names {
		cur := c.cur.names[name]
		if cur&(defParam|defLocal|use|defAnnot) != 0 {
			var msg string
			switch {
			case cur&defParam != 0:
				msg = "name '%s' is parameter and " + what
			case cur&use != 0:
				msg = "name '%s' is used prior to " + what + " declaration"
			case cur&defAnnot != 0:
				msg = "annotated name '%s' can't be " + what
			default:
				msg = "name '%s' is assigned to before " + what + " declaration"
			}
			c.raise(s, fmt.Sprintf(msg, name))
		}
		c.addDef(name, flag, s)
		if _, ok := c.cur.directives[name]; !ok {
			c.cur.directives[name] = s
		}
	}
}

func (c *checker) importAlias(a *Alias) {
	if a.Name == "*" {
		if c.cur.kind != moduleScope {
			c.raise(a, "import * only allowed at module level")
		}
		return
	}
	name := a.Asname
	if name == "" {
		name = a.Name
		for i := 0; i < len(name); i++ {
			if name[i] == '.' {
				name = name[:i]
				break
			}
		}
	}
	c.addDef(name, defLocal, a)
}

func (c *checker) withItems(items []*WithItem) {
	for _, it := range items {
		c.expr(it.ContextExpr)
		c.exprOpt(it.OptionalVars)
	}
}

func (c *checker) function(n Node, name string, args *Arguments, body []Stmt, decos []Expr, returns Expr, async bool) {
	c.addDef(name, defLocal, n)
	c.exprs(args.Defaults)
	c.exprs(args.KwDefaults)
	c.annotations(args)
	c.exprOpt(returns)
	c.exprs(decos)
	s := c.enter(functionScope, n)
	s.async = async
	c.params(args)
	c.stmts(body)
	c.exit()
}

func (c *checker) annotations(args *Arguments) {
	for _, list := range [][]*Arg{args.Posonlyargs, args.Args} {
		for _, a := range list {
			c.exprOpt(a.Annotation)
		}
	}
	if args.Vararg != nil {
		c.exprOpt(args.Vararg.Annotation)
	}
	for _, a := range args.Kwonlyargs {
		c.exprOpt(a.Annotation)
	}
	if args.Kwarg != nil {
		c.exprOpt(args.Kwarg.Annotation)
	}
}

func (c *checker) params(args *Arguments) {
	for _, list := range [][]*Arg{args.Posonlyargs, args.Args, args.Kwonlyargs} {
		for _, a := range list {
			c.addDef(a.Arg, defParam, a)
		}
	}
	if args.Vararg != nil {
		c.addDef(args.Vararg.Arg, defParam, args.Vararg)
	}
	if args.Kwarg != nil {
		c.addDef(args.Kwarg.Arg, defParam, args.Kwarg)
	}
}

func (c *checker) exprOpt(e Expr) {
	if e != nil {
		c.expr(e)
	}
}

func (c *checker) exprs(list []Expr) {
	for _, e := range list {
		if e != nil {
			c.expr(e)
		}
	}
}

func (c *checker) expr(e Expr) {
	switch e := e.(type) {
	case *Name:
		switch e.Ctx {
		case Load:
			c.addDef(e.Id, use, e)
		default:
			c.addDef(e.Id, defLocal, e)
		}
	case *NamedExpr:
		c.expr(e.Value)
		// The target binds in the nearest enclosing non-comprehension scope.
		s := c.cur
		for s.kind == comprehensionScope {
			s = s.parent
		}
		saved := c.cur
		c.cur = s
		c.expr(e.Target)
		c.cur = saved
	case *Lambda:
		c.exprs(e.Args.Defaults)
		c.exprs(e.Args.KwDefaults)
		c.enter(functionScope, e)
		c.params(e.Args)
		c.expr(e.Body)
		c.exit()
	case *ListComp:
		c.comprehension(e, "list comprehension", e.Generators, e.Elt, nil)
	case *SetComp:
		c.comprehension(e, "set comprehension", e.Generators, e.Elt, nil)
	case *DictComp:
		c.comprehension(e, "dict comprehension", e.Generators, e.Key, e.Value)
	case *GeneratorExp:
		c.comprehension(e, "generator expression", e.Generators, e.Elt, nil)
	case *Yield:
		c.yield(e)
		c.exprOpt(e.Value)
	case *YieldFrom:
		c.yield(e)
		c.expr(e.Value)
	case *Await:
		c.expr(e.Value)
		if c.cur.kind == comprehensionScope {
			c.cur.async = true
		}
	default:
		Inspect(e, func(n Node) bool {
			if n == Node(e) {
				return true
			}
			if x, ok := n.(Expr); ok {
				c.expr(x)
				return false
			}
			return true
		})
	}
}

func (c *checker) yield(e Expr) {
	if c.cur.kind == comprehensionScope {
		c.raise(e, "'yield' inside "+c.cur.compName)
	}
	c.cur.generator = true
}

func (c *checker) comprehension(e Expr, what string, gens []*Comprehension, elt, value Expr) {
	// The first iterable is evaluated in the enclosing scope.
	c.expr(gens[0].Iter)
	s := c.enter(comprehensionScope, e)
	s.compName = what
	for i, g := range gens {
		if g.IsAsync {
			s.async = true
		}
		c.expr(g.Target)
		if i > 0 {
			c.expr(g.Iter)
		}
		c.exprs(g.Ifs)
	}
	c.expr(elt)
	c.exprOpt(value)
	c.exit()
}

// Phase 2: analysis of nonlocal and global declarations.

func (c *checker) analyze(s *scope) {
	for _, name := range s.order {
		flags := s.names[name]
		if flags&defNonlocal != 0 && flags&defGlobal != 0 {
			c.raise(s.directives[name], fmt.Sprintf("name '%s' is nonlocal and global", name))
		}
		if flags&defNonlocal != 0 && !boundOutside(s, name) {
			c.raise(s.directives[name], fmt.Sprintf("no binding for nonlocal '%s' found", name))
		}
	}
	for _, ch := range s.children {
		c.analyze(ch)
	}
}

// boundOutside reports whether an enclosing function binds name.
func boundOutside(s *scope, name string) bool {
	for p := s.parent; p != nil; p = p.parent {
		switch p.kind {
		case moduleScope:
			return false
		case classScope:
			continue
		}
		f := p.names[name]
		if f&defGlobal != 0 {
			return false
		}
		if f&(defLocal|defParam) != 0 && f&defNonlocal == 0 {
			return true
		}
		if f&defNonlocal != 0 {
			return boundOutside(p, name)
		}
	}
	return false
}

// try visits a try statement in symtable.c's order: the body, the else
// block, the handlers, then the finally block.
func (c *checker) try(body []Stmt, handlers []*ExceptHandler, orelse, final []Stmt) {
	c.stmts(body)
	c.stmts(orelse)
	for _, h := range handlers {
		c.exprOpt(h.Type)
		if h.Name != "" {
			c.addDef(h.Name, defLocal, h)
		}
		c.stmts(h.Body)
	}
	c.stmts(final)
}
