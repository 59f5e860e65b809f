package runtime

import (
	"sort"

	"asyncplay/sim/py/syntax"
)

// Scope analysis decides, before any code runs, what every name in the
// program is, as CPython's symtable does: a local slot, a local kept in a
// cell because an inner function uses it, a free variable (a cell of an
// enclosing function), a global, or a name in a class body's namespace.

type scopeKind uint8

const (
	moduleScope scopeKind = iota
	functionScope
	classScope
	comprehensionScope
)

type nameKind uint8

const (
	nameGlobal    nameKind = iota
	nameLocal              // slot in the frame's locals
	nameCell               // a local that lives in a cell
	nameFree               // a cell of an enclosing function
	nameClass              // class body namespace, then globals
	nameClassFree          // class body namespace, then an enclosing function's cell
)

// scope is one function, class, comprehension or the module.
type scope struct {
	kind     scopeKind
	name     string
	parent   *scope
	children []*scope

	assigned map[string]bool
	global   map[string]bool
	nonlocal map[string]bool
	used     map[string]bool
	params   []string

	generator bool // contains yield
	async     bool // async def (or a comprehension with await in one)

	// Results of resolve.
	slots   map[string]int // local slot of each plain local
	nslots  int
	cellIdx map[string]int // index in the frame's cells of cell and free variables
	cells   []string       // cell variables, then free variables
	nfree   int
}

func newScope(kind scopeKind, name string, parent *scope) *scope {
	s := &scope{kind: kind, name: name, parent: parent,
		assigned: map[string]bool{}, global: map[string]bool{}, nonlocal: map[string]bool{}, used: map[string]bool{}}
	if parent != nil {
		parent.children = append(parent.children, s)
	}
	return s
}

// isFunctionLike reports whether the scope has a frame of locals.
func (s *scope) isFunctionLike() bool { return s.kind == functionScope || s.kind == comprehensionScope }

// symtable collects the scopes of a module and maps defining nodes to
// their scopes.
type symtable struct {
	module *scope
	of     map[syntax.Node]*scope
	err    *syntax.SyntaxError
	file   string
}

func buildSymtable(file string, mod *syntax.Module) (*symtable, error) {
	st := &symtable{of: map[syntax.Node]*scope{}, file: file}
	st.module = newScope(moduleScope, "<module>", nil)
	st.of[mod] = st.module
	for _, s := range mod.Body {
		st.stmt(st.module, s)
	}
	if st.err != nil {
		return nil, st.err
	}
	st.resolve(st.module, nil)
	if st.err != nil {
		return nil, st.err
	}
	return st, nil
}

func (st *symtable) fail(n syntax.Node, msg string) {
	if st.err == nil {
		p := n.Start()
		st.err = &syntax.SyntaxError{Msg: msg, Filename: st.file, Line: p.Line, Col: p.Col + 1}
	}
}

// bind records that name is assigned in s (or, for a walrus in a
// comprehension, in the scope the comprehension lives in).
func (st *symtable) bind(s *scope, name string) { s.assigned[name] = true }

func (st *symtable) stmts(s *scope, body []syntax.Stmt) {
	for _, x := range body {
		st.stmt(s, x)
	}
}

func (st *symtable) stmt(s *scope, n syntax.Stmt) {
	switch n := n.(type) {
	case *syntax.FunctionDef:
		st.exprs(s, n.DecoratorList)
		st.function(s, n, n.Name, n.Args, n.Body, nil, false)
		st.bind(s, n.Name)
	case *syntax.AsyncFunctionDef:
		st.exprs(s, n.DecoratorList)
		st.function(s, n, n.Name, n.Args, n.Body, nil, true)
		st.bind(s, n.Name)
	case *syntax.ClassDef:
		st.exprs(s, n.DecoratorList)
		st.exprs(s, n.Bases)
		for _, k := range n.Keywords {
			st.expr(s, k.Value)
		}
		c := newScope(classScope, n.Name, s)
		st.of[n] = c
		st.stmts(c, n.Body)
		st.bind(s, n.Name)
	case *syntax.Return:
		st.optExpr(s, n.Value)
	case *syntax.Delete:
		for _, t := range n.Targets {
			st.target(s, t)
		}
	case *syntax.Assign:
		st.expr(s, n.Value)
		for _, t := range n.Targets {
			st.target(s, t)
		}
	case *syntax.AugAssign:
		st.expr(s, n.Value)
		st.target(s, n.Target)
		if name, ok := n.Target.(*syntax.Name); ok {
			s.used[name.Id] = true
		}
	case *syntax.AnnAssign:
		st.optExpr(s, n.Value)
		if n.Value != nil || !n.Simple {
			st.target(s, n.Target)
		} else if name, ok := n.Target.(*syntax.Name); ok && n.Simple {
			st.bind(s, name.Id) // an annotated name is local even without a value
		}
		if s.kind != functionScope {
			st.expr(s, n.Annotation) // evaluated at module and class level only
		}
	case *syntax.For:
		st.expr(s, n.Iter)
		st.target(s, n.Target)
		st.stmts(s, n.Body)
		st.stmts(s, n.Orelse)
	case *syntax.AsyncFor:
		st.expr(s, n.Iter)
		st.target(s, n.Target)
		st.stmts(s, n.Body)
		st.stmts(s, n.Orelse)
	case *syntax.While:
		st.expr(s, n.Test)
		st.stmts(s, n.Body)
		st.stmts(s, n.Orelse)
	case *syntax.If:
		st.expr(s, n.Test)
		st.stmts(s, n.Body)
		st.stmts(s, n.Orelse)
	case *syntax.With:
		st.withItems(s, n.Items)
		st.stmts(s, n.Body)
	case *syntax.AsyncWith:
		st.withItems(s, n.Items)
		st.stmts(s, n.Body)
	case *syntax.Raise:
		st.optExpr(s, n.Exc)
		st.optExpr(s, n.Cause)
	case *syntax.Try:
		st.try(s, n.Body, n.Handlers, n.Orelse, n.Finalbody)
	case *syntax.TryStar:
		st.try(s, n.Body, n.Handlers, n.Orelse, n.Finalbody)
	case *syntax.Assert:
		st.expr(s, n.Test)
		st.optExpr(s, n.Msg)
	case *syntax.Import:
		for _, a := range n.Names {
			name := a.Asname
			if name == "" {
				name = a.Name
				if i := indexByte(name, '.'); i >= 0 {
					name = name[:i]
				}
			}
			st.bind(s, name)
		}
	case *syntax.ImportFrom:
		for _, a := range n.Names {
			if a.Name == "*" {
				if s.kind != moduleScope {
					st.fail(n, "import * only allowed at module level")
				}
				continue
			}
			name := a.Asname
			if name == "" {
				name = a.Name
			}
			st.bind(s, name)
		}
	case *syntax.Global:
		for _, name := range n.Names {
			if s.assigned[name] || s.used[name] {
				st.fail(n, "name '"+name+"' is used prior to global declaration")
			}
			s.global[name] = true
		}
	case *syntax.Nonlocal:
		for _, name := range n.Names {
			if s.kind == moduleScope {
				st.fail(n, "nonlocal declaration not allowed at module level")
			}
			if s.assigned[name] || s.used[name] {
				st.fail(n, "name '"+name+"' is used prior to nonlocal declaration")
			}
			s.nonlocal[name] = true
		}
	case *syntax.ExprStmt:
		st.expr(s, n.Value)
	}
}

func indexByte(s string, c byte) int {
	for i := range len(s) {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func (st *symtable) withItems(s *scope, items []*syntax.WithItem) {
	for _, it := range items {
		st.expr(s, it.ContextExpr)
		if it.OptionalVars != nil {
			st.target(s, it.OptionalVars)
		}
	}
}

// function records a def or lambda: defaults and annotations belong to
// the enclosing scope, the parameters and body to the new one.
func (st *symtable) function(s *scope, node syntax.Node, name string, args *syntax.Arguments, body []syntax.Stmt, lambdaBody syntax.Expr, async bool) {
	st.exprs(s, args.Defaults)
	for _, d := range args.KwDefaults {
		st.optExpr(s, d)
	}
	for _, a := range allArgs(args) {
		st.optExpr(s, a.Annotation)
	}
	f := newScope(functionScope, name, s)
	f.async = async
	st.of[node] = f
	for _, a := range allArgs(args) {
		f.params = append(f.params, a.Arg)
		f.assigned[a.Arg] = true
	}
	if lambdaBody != nil {
		st.expr(f, lambdaBody)
	} else {
		st.stmts(f, body)
	}
}

// allArgs lists the parameters in frame-slot order: positional-only,
// positional, *args, keyword-only, **kwargs.
func allArgs(a *syntax.Arguments) []*syntax.Arg {
	var out []*syntax.Arg
	out = append(out, a.Posonlyargs...)
	out = append(out, a.Args...)
	if a.Vararg != nil {
		out = append(out, a.Vararg)
	}
	out = append(out, a.Kwonlyargs...)
	if a.Kwarg != nil {
		out = append(out, a.Kwarg)
	}
	return out
}

// target records the names an assignment target binds, and reads the
// parts of it that are evaluated (a.b, a[i]).
func (st *symtable) target(s *scope, t syntax.Expr) {
	switch t := t.(type) {
	case *syntax.Name:
		st.bind(s, t.Id)
	case *syntax.Tuple:
		for _, e := range t.Elts {
			st.target(s, e)
		}
	case *syntax.List:
		for _, e := range t.Elts {
			st.target(s, e)
		}
	case *syntax.Starred:
		st.target(s, t.Value)
	default:
		st.expr(s, t)
	}
}

func (st *symtable) optExpr(s *scope, e syntax.Expr) {
	if e != nil {
		st.expr(s, e)
	}
}

func (st *symtable) exprs(s *scope, es []syntax.Expr) {
	for _, e := range es {
		st.expr(s, e)
	}
}

func (st *symtable) expr(s *scope, e syntax.Expr) {
	switch e := e.(type) {
	case *syntax.Name:
		s.used[e.Id] = true
	case *syntax.BoolOp:
		st.exprs(s, e.Values)
	case *syntax.NamedExpr:
		st.expr(s, e.Value)
		target := s
		for target.kind == comprehensionScope {
			target = target.parent
		}
		if target.kind == classScope {
			st.fail(e, "assignment expression within a comprehension cannot be used in a class body")
		}
		name := e.Target.(*syntax.Name).Id
		st.bind(target, name)
		if target != s {
			s.nonlocal[name] = target.kind != moduleScope
			if target.kind == moduleScope {
				s.global[name] = true
			}
		}
	case *syntax.BinOp:
		st.expr(s, e.Left)
		st.expr(s, e.Right)
	case *syntax.UnaryOp:
		st.expr(s, e.Operand)
	case *syntax.Lambda:
		st.function(s, e, "<lambda>", e.Args, nil, e.Body, false)
	case *syntax.IfExp:
		st.expr(s, e.Test)
		st.expr(s, e.Body)
		st.expr(s, e.Orelse)
	case *syntax.Dict:
		for _, k := range e.Keys {
			st.optExpr(s, k)
		}
		st.exprs(s, e.Values)
	case *syntax.Set:
		st.exprs(s, e.Elts)
	case *syntax.ListComp:
		st.comprehension(s, e, "<listcomp>", e.Generators, e.Elt, nil)
	case *syntax.SetComp:
		st.comprehension(s, e, "<setcomp>", e.Generators, e.Elt, nil)
	case *syntax.DictComp:
		st.comprehension(s, e, "<dictcomp>", e.Generators, e.Key, e.Value)
	case *syntax.GeneratorExp:
		c := st.comprehension(s, e, "<genexpr>", e.Generators, e.Elt, nil)
		c.generator = true
	case *syntax.Await:
		st.expr(s, e.Value)
		for c := s; c != nil && c.kind == comprehensionScope; c = c.parent {
			c.async = true
		}
	case *syntax.Yield:
		st.optExpr(s, e.Value)
		s.generator = true
	case *syntax.YieldFrom:
		st.expr(s, e.Value)
		s.generator = true
	case *syntax.Compare:
		st.expr(s, e.Left)
		st.exprs(s, e.Comparators)
	case *syntax.Call:
		st.expr(s, e.Func)
		st.exprs(s, e.Args)
		for _, k := range e.Keywords {
			st.expr(s, k.Value)
		}
	case *syntax.FormattedValue:
		st.expr(s, e.Value)
		st.optExpr(s, e.FormatSpec)
	case *syntax.JoinedStr:
		st.exprs(s, e.Values)
	case *syntax.Attribute:
		st.expr(s, e.Value)
	case *syntax.Subscript:
		st.expr(s, e.Value)
		st.expr(s, e.Slice)
	case *syntax.Starred:
		st.expr(s, e.Value)
	case *syntax.List:
		st.exprs(s, e.Elts)
	case *syntax.Tuple:
		st.exprs(s, e.Elts)
	case *syntax.Slice:
		st.optExpr(s, e.Lower)
		st.optExpr(s, e.Upper)
		st.optExpr(s, e.Step)
	}
}

// comprehension records a comprehension: the first iterable is evaluated
// in the enclosing scope, everything else in the comprehension's own.
func (st *symtable) comprehension(s *scope, node syntax.Expr, name string, gens []*syntax.Comprehension, elt, value syntax.Expr) *scope {
	st.expr(s, gens[0].Iter)
	c := newScope(comprehensionScope, name, s)
	st.of[node] = c
	for i, g := range gens {
		if i > 0 {
			st.expr(c, g.Iter)
		}
		st.target(c, g.Target)
		st.exprs(c, g.Ifs)
		if g.IsAsync {
			c.async = true
		}
	}
	st.expr(c, elt)
	st.optExpr(c, value)
	c.params = []string{".0"} // the first iterator, passed in
	c.assigned[".0"] = true
	return c
}

// resolve decides the kind of every name of s, given the names bound by
// enclosing function scopes, and returns the free names s needs from
// them (which makes them cells there).
func (st *symtable) resolve(s *scope, enclosing map[string]*scope) map[string]bool {
	free := map[string]bool{}
	local := func(name string) bool {
		return s.assigned[name] && !s.global[name] && !s.nonlocal[name]
	}
	for name := range s.nonlocal {
		if s.kind == comprehensionScope && s.global[name] {
			continue
		}
		if enclosing[name] == nil {
			st.fail(&syntax.Name{Id: name}, "no binding for nonlocal '"+name+"' found")
			return free
		}
		free[name] = true
	}
	// Names bound here are visible to inner functions (not from a class).
	inner := enclosing
	if s.isFunctionLike() {
		inner = map[string]*scope{}
		for k, v := range enclosing {
			inner[k] = v
		}
		for name := range s.assigned {
			if local(name) {
				inner[name] = s
			}
		}
	}
	childFree := map[string]bool{}
	for _, c := range s.children {
		for name := range st.resolve(c, inner) {
			childFree[name] = true
		}
	}
	switch s.kind {
	case moduleScope:
		return nil
	case classScope:
		for name := range s.used {
			if !local(name) && !s.global[name] && enclosing[name] != nil {
				free[name] = true
			}
		}
		for name := range childFree { // methods reach past the class body
			if !(local(name) && false) && enclosing[name] != nil {
				free[name] = true
			}
		}
		st.layout(s, nil, free)
		return free
	}
	cells := map[string]bool{}
	for name := range childFree {
		if local(name) {
			cells[name] = true
		} else if enclosing[name] != nil && !s.global[name] {
			free[name] = true // passed through to the inner function
		}
	}
	for name := range s.used {
		if !local(name) && !s.global[name] && enclosing[name] != nil {
			free[name] = true
		}
	}
	st.layout(s, cells, free)
	return free
}

// layout numbers the slots and cells of a scope: parameters first, in
// order, so a call can fill them directly.
func (st *symtable) layout(s *scope, cells, free map[string]bool) {
	s.slots = map[string]int{}
	s.cellIdx = map[string]int{}
	addSlot := func(name string) {
		if _, ok := s.slots[name]; !ok && !cells[name] {
			s.slots[name] = s.nslots
			s.nslots++
		}
	}
	if s.isFunctionLike() {
		for _, p := range s.params {
			s.slots[p] = s.nslots // every parameter has a slot; cell ones are copied into their cell on entry
			s.nslots++
		}
		var names []string
		for name := range s.assigned {
			if s.assigned[name] && !s.global[name] && !s.nonlocal[name] {
				names = append(names, name)
			}
		}
		sort.Strings(names)
		for _, name := range names {
			addSlot(name)
		}
	}
	for _, name := range sortedKeys(cells) {
		s.cellIdx[name] = len(s.cells)
		s.cells = append(s.cells, name)
	}
	for _, name := range sortedKeys(free) {
		if _, ok := s.cellIdx[name]; !ok {
			s.cellIdx[name] = len(s.cells)
			s.cells = append(s.cells, name)
			s.nfree++
		}
	}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// kindOf says how scope s reaches name.
func (s *scope) kindOf(name string) (nameKind, int) {
	switch s.kind {
	case moduleScope:
		return nameGlobal, 0
	case classScope:
		if s.global[name] {
			return nameGlobal, 0
		}
		if i, ok := s.cellIdx[name]; ok && !s.assigned[name] {
			return nameClassFree, i
		}
		return nameClass, 0
	}
	if s.global[name] {
		return nameGlobal, 0
	}
	if i, ok := s.cellIdx[name]; ok {
		if i < len(s.cells)-s.nfree {
			return nameCell, i
		}
		return nameFree, i
	}
	if i, ok := s.slots[name]; ok {
		return nameLocal, i
	}
	return nameGlobal, 0
}

// try visits a try statement in symtable.c's order: the body, the else
// block, the handlers, then the finally block.
func (st *symtable) try(s *scope, body []syntax.Stmt, handlers []*syntax.ExceptHandler, orelse, final []syntax.Stmt) {
	st.stmts(s, body)
	st.stmts(s, orelse)
	for _, h := range handlers {
		st.optExpr(s, h.Type)
		if h.Name != "" {
			st.bind(s, h.Name)
		}
		st.stmts(s, h.Body)
	}
	st.stmts(s, final)
}
