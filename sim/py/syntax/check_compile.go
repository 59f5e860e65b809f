package syntax

import "fmt"

// Phase 3 of the checks: the errors CPython's compiler raises while it
// generates code (Python/compile.c), in code generation order.

type codegen struct {
	c     *checker
	scope *scope
	loops int // enclosing loops in the current function
	// star is set inside an except* block of the current function, where
	// starLoops were the enclosing loops: compile.c's fblock stack holds
	// an EXCEPTION_GROUP_HANDLER that break, continue and return may not
	// cross.
	star      bool
	starLoops int
	// starUnset is set when a with block or the protected part of a
	// try/finally lies between the statement and the except* block: its
	// unwinding leaves compile.c with no location (line -1).
	starUnset bool
}

func (g *codegen) raise(n Node, msg string) { g.c.raise(n, msg) }

// raiseStar reports a break, continue or return that would leave an
// except* block, at n or at compile.c's unset location.
func (g *codegen) raiseStar(n Node) {
	const msg = "'break', 'continue' and 'return' cannot appear in an except* block"
	if g.starUnset {
		panic(bailout{err: &SyntaxError{Kind: KindSyntax, Msg: msg, Filename: g.c.src.filename, Line: -1, EndLine: -1}})
	}
	g.raise(n, msg)
}

// unwinding runs f in a block whose unwinding unsets the location.
func (g *codegen) unwinding(f func()) {
	saved := g.starUnset
	g.starUnset = true
	f()
	g.starUnset = saved
}

func (g *codegen) inFunction() bool {
	return g.scope.kind == functionScope || g.scope.kind == comprehensionScope
}

// asyncFunction reports whether the scope is an async def.
func (g *codegen) asyncFunction() bool {
	return g.scope.kind == functionScope && g.scope.async
}

func (g *codegen) stmts(list []Stmt) {
	for _, s := range list {
		g.stmt(s)
	}
}

func (g *codegen) body(n Node, list []Stmt) {
	saved, loops, star, starLoops := g.scope, g.loops, g.star, g.starLoops
	g.scope, g.loops, g.star = g.c.scopes[n], 0, false
	g.stmts(list)
	g.scope, g.loops, g.star, g.starLoops = saved, loops, star, starLoops
}

func (g *codegen) function(n Node, args *Arguments, body []Stmt, decos []Expr, returns Expr) {
	g.exprs(decos)
	g.exprs(args.Defaults)
	g.exprs(args.KwDefaults)
	for _, list := range [][]*Arg{args.Posonlyargs, args.Args} {
		for _, a := range list {
			g.exprOpt(a.Annotation)
		}
	}
	if args.Vararg != nil {
		g.exprOpt(args.Vararg.Annotation)
	}
	for _, a := range args.Kwonlyargs {
		g.exprOpt(a.Annotation)
	}
	if args.Kwarg != nil {
		g.exprOpt(args.Kwarg.Annotation)
	}
	g.exprOpt(returns)
	g.body(n, body)
}

func (g *codegen) stmt(s Stmt) {
	switch s := s.(type) {
	case *FunctionDef:
		g.function(s, s.Args, s.Body, s.DecoratorList, s.Returns)
	case *AsyncFunctionDef:
		g.function(s, s.Args, s.Body, s.DecoratorList, s.Returns)
	case *ClassDef:
		g.exprs(s.DecoratorList)
		g.c.checkKeywords(s.Keywords)
		g.elts(s.Bases)
		for _, k := range s.Keywords {
			g.expr(k.Value)
		}
		g.body(s, s.Body)
	case *Return:
		if !g.inFunction() {
			g.raise(s, "'return' outside function")
		}
		if s.Value != nil && g.scope.async && g.scope.generator {
			g.raise(s, "'return' with value in async generator")
		}
		if s.Value != nil {
			g.value(s.Value)
		}
		if g.star {
			// compile.c locates the error at a constant value on the
			// statement's line (after constant folding), else at the
			// statement.
			if s.Value != nil && folded(s.Value) && s.Value.Start().Line == s.Start().Line {
				g.raiseStar(s.Value)
			}
			g.raiseStar(s)
		}
	case *Delete:
		g.exprs(s.Targets)
	case *Assign:
		g.value(s.Value)
		for _, t := range s.Targets {
			g.target(t)
		}
	case *AugAssign:
		g.expr(s.Target)
		g.value(s.Value)
	case *AnnAssign:
		if s.Value != nil {
			g.value(s.Value)
		}
		g.target(s.Target)
		g.expr(s.Annotation)
	case *For:
		g.expr(s.Iter)
		g.target(s.Target)
		g.loop(s.Body)
		g.stmts(s.Orelse)
	case *AsyncFor:
		if !g.asyncFunction() {
			g.raise(s, "'async for' outside async function")
		}
		g.expr(s.Iter)
		g.target(s.Target)
		g.loop(s.Body)
		g.stmts(s.Orelse)
	case *While:
		g.expr(s.Test)
		g.loop(s.Body)
		g.stmts(s.Orelse)
	case *If:
		g.expr(s.Test)
		g.stmts(s.Body)
		g.stmts(s.Orelse)
	case *With:
		g.withItems(s.Items)
		g.unwinding(func() { g.stmts(s.Body) })
	case *AsyncWith:
		if !g.asyncFunction() {
			g.raise(s, "'async with' outside async function")
		}
		g.withItems(s.Items)
		g.unwinding(func() { g.stmts(s.Body) })
	case *Raise:
		g.exprOpt(s.Exc)
		g.exprOpt(s.Cause)
	case *Try:
		g.finally(s.Finalbody, func() {
			// compiler_try_except compiles the else block before the handlers.
			g.stmts(s.Body)
			g.stmts(s.Orelse)
			for i, h := range s.Handlers {
				if h.Type == nil && i < len(s.Handlers)-1 {
					g.raise(h, "default 'except:' must be last")
				}
				g.exprOpt(h.Type)
				g.stmts(h.Body)
			}
		})
	case *TryStar:
		g.finally(s.Finalbody, func() {
			// compiler_try_star_except compiles the handlers, then the else.
			g.stmts(s.Body)
			for _, h := range s.Handlers {
				g.exprOpt(h.Type)
				star, starLoops, unset := g.star, g.starLoops, g.starUnset
				g.star, g.starLoops, g.starUnset = true, g.loops, false
				g.stmts(h.Body)
				g.star, g.starLoops, g.starUnset = star, starLoops, unset
			}
			g.stmts(s.Orelse)
		})
	case *Assert:
		g.expr(s.Test)
		g.exprOpt(s.Msg)
	case *ExprStmt:
		g.value(s.Value)
	case *Break:
		if g.star && g.loops == g.starLoops {
			g.raiseStar(s)
		}
		if g.loops == 0 {
			g.raise(s, "'break' outside loop")
		}
	case *Continue:
		if g.star && g.loops == g.starLoops {
			g.raiseStar(s)
		}
		if g.loops == 0 {
			g.raise(s, "'continue' not properly in loop")
		}
	}
}

// finally compiles a try statement: with a finally block, its protected
// part runs under compile.c's FINALLY_TRY block.
func (g *codegen) finally(final []Stmt, protected func()) {
	if len(final) == 0 {
		protected()
		return
	}
	g.unwinding(protected)
	g.stmts(final)
}

func (g *codegen) loop(body []Stmt) {
	g.loops++
	g.stmts(body)
	g.loops--
}

func (g *codegen) withItems(items []*WithItem) {
	for _, it := range items {
		g.expr(it.ContextExpr)
		if it.OptionalVars != nil {
			g.target(it.OptionalVars)
		}
	}
}

// value compiles an expression whose value is used on its own, where a
// bare starred expression is not allowed.
func (g *codegen) value(e Expr) {
	g.expr(e)
}

// target checks an assignment target.
func (g *codegen) target(e Expr) {
	switch t := e.(type) {
	case *Starred:
		g.raise(t, "starred assignment target must be in a list or tuple")
	case *Tuple:
		g.unpack(t, t.Elts)
	case *List:
		g.unpack(t, t.Elts)
	default:
		g.expr(e)
	}
}

func (g *codegen) unpack(n Expr, elts []Expr) {
	seen := false
	for _, el := range elts {
		if s, ok := el.(*Starred); ok {
			if seen {
				g.raise(n, "multiple starred expressions in assignment")
			}
			seen = true
			g.target(s.Value)
			continue
		}
		g.target(el)
	}
}

func (g *codegen) exprOpt(e Expr) {
	if e != nil {
		g.expr(e)
	}
}

func (g *codegen) exprs(list []Expr) {
	for _, e := range list {
		if e != nil {
			g.expr(e)
		}
	}
}

// elts compiles the elements of a display or call, where *x is allowed.
func (g *codegen) elts(list []Expr) {
	for _, e := range list {
		if s, ok := e.(*Starred); ok {
			g.expr(s.Value)
			continue
		}
		g.expr(e)
	}
}

func (g *codegen) expr(e Expr) {
	switch e := e.(type) {
	case *Starred:
		if e.Ctx == Store {
			g.raise(e, "starred assignment target must be in a list or tuple")
		}
		g.raise(e, "can't use starred expression here")
	case *Tuple:
		if e.Ctx == Store {
			g.target(e)
			return
		}
		g.elts(e.Elts)
	case *List:
		if e.Ctx == Store {
			g.target(e)
			return
		}
		g.elts(e.Elts)
	case *Set:
		g.elts(e.Elts)
	case *Call:
		g.expr(e.Func)
		g.c.checkKeywords(e.Keywords)
		g.elts(e.Args)
		for _, k := range e.Keywords {
			g.expr(k.Value)
		}
	case *Subscript:
		g.expr(e.Value)
		if t, ok := e.Slice.(*Tuple); ok {
			g.elts(t.Elts)
		} else {
			g.expr(e.Slice)
		}
	case *Lambda:
		g.exprs(e.Args.Defaults)
		g.exprs(e.Args.KwDefaults)
		saved, loops := g.scope, g.loops
		g.scope, g.loops = g.c.scopes[e], 0
		g.expr(e.Body)
		g.scope, g.loops = saved, loops
	case *ListComp:
		g.comprehension(e, e.Generators, e.Elt, nil, false)
	case *SetComp:
		g.comprehension(e, e.Generators, e.Elt, nil, false)
	case *DictComp:
		g.comprehension(e, e.Generators, e.Key, e.Value, false)
	case *GeneratorExp:
		g.comprehension(e, e.Generators, e.Elt, nil, true)
	case *Yield:
		if !g.inFunction() {
			g.raise(e, "'yield' outside function")
		}
		g.exprOpt(e.Value)
	case *YieldFrom:
		if !g.inFunction() {
			g.raise(e, "'yield' outside function")
		}
		if g.asyncFunction() {
			g.raise(e, "'yield from' inside async function")
		}
		g.expr(e.Value)
	case *Await:
		if !g.inFunction() {
			g.raise(e, "'await' outside function")
		}
		if !g.asyncFunction() && g.scope.kind != comprehensionScope {
			g.raise(e, "'await' outside async function")
		}
		g.expr(e.Value)
	case *Dict:
		for i, k := range e.Keys {
			if k != nil {
				g.expr(k)
			}
			g.expr(e.Values[i])
		}
	default:
		Inspect(e, func(n Node) bool {
			if n == Node(e) {
				return true
			}
			if x, ok := n.(Expr); ok {
				g.expr(x)
				return false
			}
			return true
		})
	}
}

func (g *codegen) comprehension(e Expr, gens []*Comprehension, elt, value Expr, genexp bool) {
	g.expr(gens[0].Iter)
	s := g.c.scopes[e]
	if s.async && !genexp && !g.asyncFunction() && g.scope.kind != comprehensionScope {
		g.raise(e, "asynchronous comprehension outside of an asynchronous function")
	}
	saved, loops := g.scope, g.loops
	g.scope, g.loops = s, 0
	for i, gen := range gens {
		if i > 0 {
			g.expr(gen.Iter)
		}
		g.target(gen.Target)
		g.exprs(gen.Ifs)
	}
	g.expr(elt)
	g.exprOpt(value)
	g.scope, g.loops = saved, loops
}

// checkKeywords is compile.c's validate_keywords.
func (c *checker) checkKeywords(kws []*Keyword) {
	for i, k := range kws {
		if k.Arg == "" {
			continue
		}
		for _, o := range kws[i+1:] {
			if o.Arg == k.Arg {
				c.raise(o, fmt.Sprintf("keyword argument repeated: %s", k.Arg))
			}
		}
	}
}

// folded reports whether CPython's AST optimizer turns e into a constant
// before compiling: a constant, or a unary operator or tuple of such.
// (Folding binary operators is not modelled.)
func folded(e Expr) bool {
	switch e := e.(type) {
	case *Constant:
		return true
	case *UnaryOp:
		return folded(e.Operand)
	case *Tuple:
		if e.Ctx != Load {
			return false
		}
		for _, x := range e.Elts {
			if !folded(x) {
				return false
			}
		}
		return true
	}
	return false
}
