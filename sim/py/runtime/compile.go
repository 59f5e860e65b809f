package runtime

import (
	"asyncplay/sim/py/syntax"
)

// The compiler turns the AST into a tree of Go closures. Each expression
// becomes an exprFn and each statement a stmtFn; names are resolved ahead
// of time by the symtable (scope.go), so running a closure does no lookup
// by name except for globals, whose namespace slot is cached.

type exprFn func(fr *Frame) (Value, error)

type stmtFn func(fr *Frame) (ctl, error)

// ctl is how a statement ended.
type ctl uint8

const (
	ctlNext ctl = iota
	ctlReturn
	ctlBreak
	ctlContinue
)

type compiler struct {
	st    *symtable
	file  string
	scope *scope
	code  *Code
	qual  []string // qualified-name prefix of the enclosing defs and classes
}

// Compile compiles a parsed module. Its Code runs the module's body with
// RunModule.
func Compile(file string, mod *syntax.Module) (*Code, error) {
	st, err := buildSymtable(file, mod)
	if err != nil {
		return nil, err
	}
	c := &compiler{st: st, file: file, scope: st.module}
	code := &Code{Name: "<module>", QualName: "<module>", File: file, Line: 1}
	c.code = code
	body := c.block(mod.Body)
	code.body = func(fr *Frame) error {
		_, err := body(fr)
		return err
	}
	return code, nil
}

// RunModule executes a module's code with globals as its namespace.
func (th *Thread) RunModule(code *Code, globals *Namespace) error {
	th.serial++
	fr := &Frame{th: th, serial: th.serial, code: code, File: code.File, Func: code.Name, Line: 1, globals: globals}
	_, err := th.run(fr)
	return err
}

// block compiles a statement list into one statement. Before each
// statement it records the line in the frame (for tracebacks and the
// kernel's `where`) and counts one operation of virtual CPU; doing that
// here rather than in a wrapper per statement saves a call per statement.
func (c *compiler) block(body []syntax.Stmt) stmtFn {
	fns := make([]stmtFn, len(body))
	lines := make([]int, len(body))
	for i, s := range body {
		fns[i], lines[i] = c.stmtBody(s), s.Start().Line
	}
	switch len(fns) {
	case 0:
		return func(*Frame) (ctl, error) { return ctlNext, nil }
	case 1:
		f, line := fns[0], lines[0]
		return func(fr *Frame) (ctl, error) {
			fr.Line = line
			th := fr.th
			if th.ops++; th.ops >= opBatch {
				th.Flush()
				if err := th.checkMemory(); err != nil {
					return ctlNext, fr.fail(err, body[0])
				}
			}
			return f(fr)
		}
	}
	return func(fr *Frame) (ctl, error) {
		th := fr.th
		for i, f := range fns {
			fr.Line = lines[i]
			if th.ops++; th.ops >= opBatch {
				th.Flush()
				if err := th.checkMemory(); err != nil {
					return ctlNext, fr.fail(err, body[i])
				}
			}
			if k, err := f(fr); k != ctlNext || err != nil {
				return k, err
			}
		}
		return ctlNext, nil
	}
}

// fail records where in the frame an exception arose and, the first time
// the exception is seen in this frame, adds the frame's traceback entry.
func (fr *Frame) fail(err error, n syntax.Node) error {
	e, ok := err.(*Instance)
	if !ok || e.Exc == nil || e.Exc.frame == fr.serial {
		return err
	}
	s, end := n.Start(), n.End()
	e.Exc.frame = fr.serial
	e.Exc.Traceback = append([]TraceEntry{{File: fr.File, Line: s.Line, Func: fr.Func,
		Col: s.Col, EndLine: end.Line, EndCol: end.Col}}, e.Exc.Traceback...)
	return err
}

// failLine is fail for operations CPython records with a line but no
// columns (the next item of a for loop): the traceback shows no carets.
func (fr *Frame) failLine(err error, line int) error {
	e, ok := err.(*Instance)
	if !ok || e.Exc == nil || e.Exc.frame == fr.serial {
		return err
	}
	e.Exc.frame = fr.serial
	e.Exc.Traceback = append([]TraceEntry{{File: fr.File, Line: line, Func: fr.Func}}, e.Exc.Traceback...)
	return err
}

// nameLoad compiles reading a name.
func (c *compiler) nameLoad(n *syntax.Name) exprFn {
	kind, i := c.scope.kindOf(n.Id)
	name := n.Id
	switch kind {
	case nameLocal:
		return func(fr *Frame) (Value, error) {
			if v := fr.locals[i]; v != nil {
				return v, nil
			}
			return nil, fr.fail(NewError(UnboundLocalErrorClass,
				"cannot access local variable '"+name+"' where it is not associated with a value"), n)
		}
	case nameCell, nameFree:
		return func(fr *Frame) (Value, error) {
			if v := fr.cells[i].V; v != nil {
				return v, nil
			}
			if kind == nameCell {
				return nil, fr.fail(NewError(UnboundLocalErrorClass,
					"cannot access local variable '"+name+"' where it is not associated with a value"), n)
			}
			return nil, fr.fail(NewError(NameErrorClass,
				"cannot access free variable '"+name+"' where it is not associated with a value in enclosing scope"), n)
		}
	case nameClass:
		g := c.globalRef(name)
		return func(fr *Frame) (Value, error) {
			if v, ok := fr.classNS.Get(name); ok {
				return v, nil
			}
			v, err := g.load(fr)
			if err != nil {
				return nil, fr.fail(err, n)
			}
			return v, nil
		}
	case nameClassFree:
		return func(fr *Frame) (Value, error) {
			if v, ok := fr.classNS.Get(name); ok {
				return v, nil
			}
			if v := fr.cells[i].V; v != nil {
				return v, nil
			}
			return nil, fr.fail(NewError(NameErrorClass,
				"cannot access free variable '"+name+"' where it is not associated with a value in enclosing scope"), n)
		}
	}
	g := c.globalRef(name)
	return func(fr *Frame) (Value, error) {
		v, err := g.load(fr)
		if err != nil {
			suggestName(fr, err, name)
			return nil, fr.fail(err, n)
		}
		return v, nil
	}
}

// suggestName adds 3.11's "Did you mean" to a NameError: the closest
// local name, else the closest global or built-in one.
func suggestName(fr *Frame, err error, name string) {
	e, ok := err.(*Instance)
	if !ok || e.Class != NameErrorClass {
		return
	}
	if fr.code != nil {
		if s := Suggest(fr.code.slotName, name); s != "" {
			e.Suggestion = s
			return
		}
	}
	cands := fr.globals.Keys()
	if b := fr.th.Interp.Builtins; b != nil {
		cands = append(cands, b.Keys()...)
	}
	e.Suggestion = Suggest(cands, name)
}

// globalRef reads a global (then a built-in) through a cached namespace
// slot, so hot global reads (function names in recursion) skip hashing.
type globalRef struct {
	name    string
	ns      *Namespace
	slot    int
	version uint64
}

func (c *compiler) globalRef(name string) *globalRef { return &globalRef{name: name, slot: -1} }

func (g *globalRef) load(fr *Frame) (Value, error) {
	ns := fr.globals
	if g.ns == ns && g.version == ns.version && g.slot >= 0 {
		if v := ns.vals[g.slot]; v != nil {
			return v, nil
		}
	}
	if i, ok := ns.index[g.name]; ok {
		g.ns, g.slot, g.version = ns, i, ns.version
		return ns.vals[i], nil
	}
	if b := fr.th.Interp.Builtins; b != nil {
		if v, ok := b.Get(g.name); ok {
			return v, nil
		}
	}
	return nil, NewError(NameErrorClass, "name '"+g.name+"' is not defined")
}

// nameStore compiles assigning a value to a name.
func (c *compiler) nameStore(name string) func(fr *Frame, v Value) {
	kind, i := c.scope.kindOf(name)
	switch kind {
	case nameLocal:
		return func(fr *Frame, v Value) { fr.locals[i] = v }
	case nameCell, nameFree:
		return func(fr *Frame, v Value) { fr.cells[i].V = v }
	case nameClass, nameClassFree:
		return func(fr *Frame, v Value) { fr.classNS.Set(name, v) }
	}
	return func(fr *Frame, v Value) { fr.globals.Set(name, v) }
}

// nameDelete compiles `del name`.
func (c *compiler) nameDelete(n *syntax.Name) stmtFn {
	kind, i := c.scope.kindOf(n.Id)
	name := n.Id
	unbound := func(fr *Frame) (ctl, error) {
		if kind == nameLocal || kind == nameCell {
			return ctlNext, fr.fail(NewError(UnboundLocalErrorClass,
				"cannot access local variable '"+name+"' where it is not associated with a value"), n)
		}
		return ctlNext, fr.fail(NewError(NameErrorClass, "name '"+name+"' is not defined"), n)
	}
	switch kind {
	case nameLocal:
		return func(fr *Frame) (ctl, error) {
			if fr.locals[i] == nil {
				return unbound(fr)
			}
			release(fr.locals[i])
			fr.locals[i] = nil
			return ctlNext, nil
		}
	case nameCell, nameFree:
		return func(fr *Frame) (ctl, error) {
			if fr.cells[i].V == nil {
				return unbound(fr)
			}
			fr.cells[i].V = nil
			return ctlNext, nil
		}
	case nameClass, nameClassFree:
		return func(fr *Frame) (ctl, error) {
			if !fr.classNS.Delete(name) {
				return unbound(fr)
			}
			return ctlNext, nil
		}
	}
	return func(fr *Frame) (ctl, error) {
		v, _ := fr.globals.Get(name)
		if !fr.globals.Delete(name) {
			return unbound(fr)
		}
		release(v)
		return ctlNext, nil
	}
}

// Releaser is a value with an effect when its last reference goes, as
// CPython's __del__ runs then. Without reference counting the runtime
// takes `del name` as that moment: the curio tutorial deletes a
// SignalEvent to give Control-C its default action back.
type Releaser interface {
	Release()
}

func release(v Value) {
	if r, ok := v.(Releaser); ok {
		r.Release()
	}
}
