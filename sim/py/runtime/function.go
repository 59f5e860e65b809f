package runtime

import (
	"fmt"
	"strings"
)

// Cell holds a variable shared between a function and the functions
// defined inside it.
type Cell struct{ V Value } // V nil: not yet assigned

// Code is a compiled body: a function, a lambda, a comprehension, a class
// body or the module.
type Code struct {
	Name     string
	QualName string
	File     string
	Line     int

	nslots   int
	cellVars []string // names of the cells this code creates (its cell variables)
	nfree    int      // cells it receives from its function's closure, after its own
	slotName []string // name of each local slot, for UnboundLocalError

	// Parameters, in slot order: positional-only, positional, *args,
	// keyword-only, **kwargs.
	params     []string
	nposonly   int
	nargs      int // positional-only and positional
	nkwonly    int
	varargs    bool
	varkw      bool
	cellParams [][2]int // (slot, cell) of parameters that live in cells

	generator bool
	async     bool
	simple    bool  // positional parameters only, no cells, not a generator: calls may reuse frames
	doc       Value // the docstring, nil if none

	body func(fr *Frame) error
}

// Function is a Python function: code with its globals, defaults and
// closure.
type Function struct {
	Code       *Code
	Name       string
	QualName   string
	Globals    *Namespace
	Defaults   []Value // of the last positional parameters
	KwDefaults map[string]Value
	Closure    []*Cell
	Dict       *Namespace // function attributes
	Module     string
	class      *Class // the class whose body defined it, for super()
}

// Type makes functions Typed.
func (f *Function) Type() *Class { return FunctionClass }

// Namespace is the function's __dict__.
func (f *Function) Namespace() *Namespace {
	if f.Dict == nil {
		f.Dict = NewNamespace()
	}
	return f.Dict
}

// SetDoc sets the function's __doc__, as functools.wraps copies the
// wrapped function's. The docstring belongs to the code, which every
// function made by the same def shares, so the function gets its own copy
// of the code first.
func (f *Function) SetDoc(doc Value) {
	c := *f.Code
	c.doc = doc
	if doc == None {
		c.doc = nil
	}
	f.Code = &c
}

// Repr is <function name at 0x...>.
func (f *Function) Repr(th *Thread) (string, error) {
	return "<function " + f.QualName + " at 0x" + hexN(uint32(th.Interp.ID(f)), 12) + ">", nil
}

// Get binds the function to an instance: functions are descriptors.
func (f *Function) Get(th *Thread, instance Value, owner *Class) (Value, error) {
	if instance == nil {
		return f, nil
	}
	return &Method{Fn: f, Self: instance}, nil
}

// Call binds the arguments to a new frame and runs the body, or, for a
// generator or coroutine function, returns the generator or coroutine.
func (f *Function) Call(th *Thread, args []Value, kw *Kwargs) (Value, error) {
	c := f.Code
	th.serial++
	fr := &Frame{th: th, serial: th.serial, code: c, fn: f, File: c.File, Func: c.Name, Line: c.Line, globals: f.Globals}
	if c.nslots <= len(fr.buf) {
		fr.locals = fr.buf[:c.nslots]
	} else {
		fr.locals = make([]Value, c.nslots)
	}
	if kw == nil && !c.varargs && len(args) == c.nargs && c.nkwonly == 0 && !c.varkw {
		copy(fr.locals, args) // the common call: exactly the positional parameters
	} else if err := f.bind(th, fr.locals, args, kw); err != nil {
		return nil, err
	}
	if len(c.cellVars) > 0 || c.nfree > 0 {
		fr.cells = make([]*Cell, len(c.cellVars)+c.nfree)
		for i := range c.cellVars {
			fr.cells[i] = &Cell{}
		}
		copy(fr.cells[len(c.cellVars):], f.Closure)
		for _, sc := range c.cellParams {
			fr.cells[sc[1]].V = fr.locals[sc[0]]
		}
	}
	if c.generator || c.async {
		return newGenerator(th, f, fr), nil
	}
	return th.run(fr)
}

// newFrame takes a frame for a simple function from the thread's pool.
func (th *Thread) newFrame(f *Function) *Frame {
	c := f.Code
	var fr *Frame
	if n := len(th.pool); n > 0 {
		fr = th.pool[n-1]
		th.pool = th.pool[:n-1]
	} else {
		fr = &Frame{th: th}
	}
	th.serial++
	fr.serial = th.serial
	fr.code, fr.fn, fr.File, fr.Func, fr.Line, fr.globals = c, f, c.File, c.Name, c.Line, f.Globals
	if c.nslots <= len(fr.buf) {
		fr.locals = fr.buf[:c.nslots]
	} else {
		fr.locals = make([]Value, c.nslots)
	}
	return fr
}

// freeFrame returns a simple function's frame to the pool once its call
// is over: nothing refers to it then (its cells, if any, live apart).
func (th *Thread) freeFrame(fr *Frame) {
	clear(fr.locals)
	fr.locals, fr.ret, fr.Back, fr.globals, fr.code, fr.fn = nil, nil, nil, nil, nil, nil
	if len(th.pool) < 64 {
		th.pool = append(th.pool, fr)
	}
}

// run executes a frame's code on the thread.
func (th *Thread) run(fr *Frame) (Value, error) {
	if err := th.Push(fr); err != nil {
		return nil, err
	}
	err := fr.code.body(fr)
	th.Pop()
	if err != nil {
		return nil, err
	}
	if fr.ret == nil {
		return None, nil
	}
	return fr.ret, nil
}

// bind places positional and keyword arguments in the parameter slots,
// fills defaults and reports CPython's TypeErrors for the rest.
func (f *Function) bind(th *Thread, slots []Value, args []Value, kw *Kwargs) error {
	c := f.Code
	name := f.QualName
	npos := min(len(args), c.nargs)
	copy(slots, args[:npos])
	if c.varargs { // *args has the slot after the positional parameters
		slots[c.nargs] = append(Tuple(nil), args[npos:]...)
	} else if len(args) > c.nargs {
		return f.tooManyPositional(len(args), kw)
	}
	kwStart := c.nargs
	if c.varargs {
		kwStart++
	}
	var extra *Dict
	if c.varkw {
		extra = NewDict()
		slots[len(c.params)-1] = extra
	}
	for i := range kw.Len() {
		k, v := kw.Names[i], kw.Values[i]
		j := -1
		for p := c.nposonly; p < c.nargs; p++ {
			if c.params[p] == k {
				j = p
			}
		}
		for p := kwStart; p < kwStart+c.nkwonly; p++ {
			if c.params[p] == k {
				j = p
			}
		}
		switch {
		case j >= 0 && slots[j] != nil:
			return ArgError("%s() got multiple values for argument '%s'", name, k)
		case j >= 0:
			slots[j] = v
		case extra != nil:
			extra.SetStr(k, v)
		default:
			for p := 0; p < c.nposonly; p++ {
				if c.params[p] == k {
					return ArgError("%s() got some positional-only arguments passed as keyword arguments: '%s'", name, k)
				}
			}
			return ArgError("%s() got an unexpected keyword argument '%s'", name, k)
		}
	}
	// Defaults for the last positional parameters, then the missing ones.
	firstDefault := c.nargs - len(f.Defaults)
	var missing []string
	for p := 0; p < c.nargs; p++ {
		if slots[p] == nil {
			if p >= firstDefault {
				slots[p] = f.Defaults[p-firstDefault]
			} else {
				missing = append(missing, c.params[p])
			}
		}
	}
	if len(missing) > 0 {
		return ArgError("%s() missing %d required positional argument%s: %s", name, len(missing), plural2(len(missing)), quoteList(missing))
	}
	missing = nil
	for p := kwStart; p < kwStart+c.nkwonly; p++ {
		if slots[p] == nil {
			if d, ok := f.KwDefaults[c.params[p]]; ok {
				slots[p] = d
			} else {
				missing = append(missing, c.params[p])
			}
		}
	}
	if len(missing) > 0 {
		return ArgError("%s() missing %d required keyword-only argument%s: %s", name, len(missing), plural2(len(missing)), quoteList(missing))
	}
	return nil
}

func (f *Function) tooManyPositional(given int, kw *Kwargs) error {
	c := f.Code
	takes := fmt.Sprint(c.nargs)
	if len(f.Defaults) > 0 {
		takes = fmt.Sprintf("from %d to %d", c.nargs-len(f.Defaults), c.nargs)
	}
	word := "arguments"
	if c.nargs == 1 && len(f.Defaults) == 0 {
		word = "argument"
	}
	kwGiven := 0
	for i := range kw.Len() {
		for p := c.nargs; p < len(c.params); p++ {
			if c.params[p] == kw.Names[i] {
				kwGiven++
			}
		}
	}
	was := "were"
	if given == 1 {
		was = "was"
	}
	if kwGiven > 0 {
		kwWord := "arguments"
		if kwGiven == 1 {
			kwWord = "argument"
		}
		return ArgError("%s() takes %s positional %s but %d positional argument%s (and %d keyword-only %s) %s given",
			f.QualName, takes, word, given, plural2(given), kwGiven, kwWord, was)
	}
	return ArgError("%s() takes %s positional %s but %d %s given", f.QualName, takes, word, given, was)
}

func plural2(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// quoteList is CPython's "'a', 'b' and 'c'".
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "'" + n + "'"
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}
