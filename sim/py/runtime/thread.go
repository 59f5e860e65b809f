package runtime

import (
	goruntime "runtime"
	"runtime/metrics"
	"strings"

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
	handling   []*Instance    // exceptions being handled by except blocks, innermost last
	curGen     *Generator     // the generator whose stack is running, nil on the task's own
	pool       []*Frame       // frames of finished simple calls, for reuse
	serial     uint64         // numbers frames, so a reused frame is a new one to tracebacks
}

// Interp is what every thread of one program shares.
type Interp struct {
	ids      map[Value]uint64 // id() of objects that have been asked for one
	Builtins *Namespace       // the builtins module's names
	gens     []*Generator     // generators with stacks, stopped by Close

	// ConvertKernelErr turns a kernel error (a cancellation, a timeout)
	// into the Python exception the program sees; set by the modules.
	ConvertKernelErr func(error) error

	// Import finds a module by name; set by the modules package.
	Import func(th *Thread, name string) (Value, error)

	// Stdout and Stderr write the program's output; the runner sends it
	// to the kernel's trace.
	Stdout, Stderr func(th *Thread, text string)

	sources map[string][]string // source lines by file, for tracebacks

	// MaxMemory bounds the program's objects (approximately: the Go heap
	// of the process); 0 means no bound.
	MaxMemory int64
	flushes   int64
}

// AddSource registers a file's text for tracebacks and warnings.
func (in *Interp) AddSource(file, text string) {
	if in.sources == nil {
		in.sources = map[string][]string{}
	}
	in.sources[file] = strings.Split(text, "\n")
}

// SourceLine returns line n (1-based) of a registered file, or "".
func (in *Interp) SourceLine(file string, n int) string {
	lines := in.sources[file]
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
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

// Frame is one activation of Python code: a call, a module or a class
// body. Frames are created by the compiled code and linked for tracebacks
// and for the kernel's `where`.
type Frame struct {
	Back *Frame
	File string
	Func string
	Line int

	th      *Thread
	serial  uint64
	code    *Code
	fn      *Function // the function this frame runs, nil for modules and class bodies
	locals  []Value
	cells   []*Cell
	globals *Namespace
	classNS *Namespace // a class body's namespace, nil elsewhere
	gen     *Generator // the generator or coroutine this frame runs, if any
	ret     Value
	buf     [6]Value // locals of small functions, saving an allocation

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
	if th.ops >= opBatch {
		th.Flush()
	}
}

// opBatch is how many operations are counted before they are charged.
const opBatch = 256

// tickItem counts one item produced by a built-in iterator, so that
// list(range(10**10)) is work the step limit sees; th may be nil.
func (th *Thread) tickItem() {
	if th != nil {
		th.Tick()
	}
}

// checkMemory samples the Go heap every few thousand operations and
// raises MemoryError when the program's objects pass Interp.MaxMemory
// (after a collection, so garbage does not count).
func (th *Thread) checkMemory() error {
	in := th.Interp
	if in.MaxMemory <= 0 {
		return nil
	}
	if in.flushes++; in.flushes%64 != 0 {
		return nil
	}
	if heapBytes() <= in.MaxMemory {
		return nil
	}
	goruntime.GC()
	if heapBytes() <= in.MaxMemory {
		return nil
	}
	return NewError(MemoryErrorClass, "")
}

func heapBytes() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64())
}

// Flush charges the counted operations now: before a trap, a clock read or
// output, so that the virtual time of every visible event is exact. The
// charge may pause the task, so it is made on the task's own stack.
func (th *Thread) Flush() {
	if th.Task != nil && th.ops > 0 {
		ops := th.ops
		th.ops = 0
		th.onTask(func() error {
			th.Task.Work(ops, sim.Time(ops)*th.OpCost)
			return nil
		})
		return
	}
	th.ops = 0
}
