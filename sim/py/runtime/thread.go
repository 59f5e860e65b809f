package runtime

import (
	"asyncplay/sim"
)

// Thread is the interpreter's state for one Python task: its call stack
// (for tracebacks and for the kernel's `where`), its recursion depth and
// the virtual CPU it has used but not yet charged to the kernel.
type Thread struct {
	Interp *Interp
	Task   *sim.Task // nil when code runs outside a kernel (unit tests)
	Frame  *Frame    // the innermost frame
	depth  int

	ops     int64    // operations not yet charged
	OpCost  sim.Time // virtual CPU per operation; 0 charges nothing
	MaxDeep int      // recursion limit (CPython's default is 1000)

	reprActive map[Value]bool // containers being repr'd, to print [...] for cycles
}

// Interp is what every thread of one program shares.
type Interp struct {
	ids map[Value]uint64 // id() of objects that have been asked for one
}

// NewInterp returns the shared state of a new program.
func NewInterp() *Interp { return &Interp{ids: map[Value]uint64{}} }

// ID is id(v): a number assigned in the order objects are first asked
// for one, so that it and the default repr are the same on every run.
func (in *Interp) ID(v Value) uint64 {
	if id, ok := in.ids[v]; ok {
		return id
	}
	id := 0x7f0000001000 + uint64(len(in.ids))*0x40
	in.ids[v] = id
	return id
}

// Frame is one activation of Python code.
type Frame struct {
	Back *Frame
	File string
	Func string
	Line int
	Col  int // of the expression being evaluated, for traceback carets
	End  int // its end column, -1 if unknown
}

// NewThread returns a thread of interp for task (which may be nil).
func NewThread(interp *Interp, task *sim.Task) *Thread {
	th := &Thread{Interp: interp, Task: task, MaxDeep: 1000}
	if task != nil {
		task.SetWhere(th.Stack)
	}
	return th
}

// Stack lists the frames from the outermost in, as the kernel records
// them at each trap.
func (th *Thread) Stack() []sim.Frame {
	var out []sim.Frame
	for f := th.Frame; f != nil; f = f.Back {
		out = append(out, sim.Frame{File: f.File, Line: f.Line, Func: f.Func})
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// Push enters a frame; it fails with RecursionError past the limit.
func (th *Thread) Push(f *Frame) error {
	if th.depth >= th.MaxDeep {
		return NewError(RecursionErrorClass, "maximum recursion depth exceeded")
	}
	th.depth++
	f.Back = th.Frame
	th.Frame = f
	return nil
}

// Pop leaves the innermost frame.
func (th *Thread) Pop() {
	th.Frame = th.Frame.Back
	th.depth--
}

// Tick counts one operation; every so often the count is charged to the
// kernel, which may pause or stop the task there.
func (th *Thread) Tick() {
	th.ops++
	if th.ops >= 256 {
		th.Flush()
	}
}

// Flush charges the counted operations now: before a trap, a clock read or
// output, so that the virtual time of every visible event is exact.
func (th *Thread) Flush() {
	if th.Task != nil && th.ops > 0 {
		th.Task.Charge(sim.Time(th.ops) * th.OpCost)
	}
	th.ops = 0
}

// AddTraceback records that e passed through the innermost frame, at the
// line and columns the frame was executing.
func (th *Thread) AddTraceback(e *Instance) {
	f := th.Frame
	if f == nil || e.Exc == nil {
		return
	}
	e.Exc.Traceback = append([]TraceEntry{{File: f.File, Line: f.Line, Func: f.Func, Col: f.Col, EndCol: f.End}}, e.Exc.Traceback...)
}
