package modules

import (
	"errors"

	"asyncplay/sim"
	"asyncplay/sim/netsim"
	rt "asyncplay/sim/py/runtime"
)

// curio's exceptions, in the modules curio defines them in, so that a
// traceback ends "curio.errors.TaskError: Task crash" as the tutorial's.
var (
	CurioErrorClass               = errorClass("CurioError", rt.ExceptionClass)
	CancelledErrorClass           = errorClass("CancelledError", rt.BaseExceptionClass)
	TaskCancelledClass            = errorClass("TaskCancelled", CancelledErrorClass)
	TimeoutCancellationErrorClass = errorClass("TimeoutCancellationError", CancelledErrorClass)
	TaskTimeoutClass              = errorClass("TaskTimeout", CancelledErrorClass)
	UncaughtTimeoutErrorClass     = errorClass("UncaughtTimeoutError", CurioErrorClass)
	TaskErrorClass                = errorClass("TaskError", CurioErrorClass)
)

func errorClass(name string, base *rt.Class) *rt.Class {
	c, err := rt.NewClass(name, "curio.errors", []*rt.Class{base}, rt.NewNamespace())
	if err != nil {
		panic(err)
	}
	return c
}

// ConvertKernelErr turns what a kernel call returned into the Python
// exception the program sees: cancellations and timeouts become curio's
// exceptions (keeping the kernel's own value, with its exact time), a
// crashed join becomes TaskError caused by the task's exception,
// KeyboardInterrupt and the kernel's usage errors become Python's.
func ConvertKernelErr(err error) error {
	switch e := err.(type) {
	case *sim.Cancelled:
		var inst *rt.Instance
		switch e.Kind {
		case sim.TaskTimeout:
			inst = rt.NewInstance(TaskTimeoutClass)
			inst.Exc.Args = rt.Tuple{rt.Float(e.At.Seconds())}
		case sim.TimeoutCancellation:
			inst = rt.NewInstance(TimeoutCancellationErrorClass)
			inst.Exc.Args = rt.Tuple{rt.Float(e.At.Seconds())}
		default:
			inst = rt.NewError(TaskCancelledClass, "TaskCancelled")
		}
		inst.Native = e
		return inst
	case *sim.TaskError:
		inst := rt.NewError(TaskErrorClass, "Task crash")
		if cause, ok := ConvertKernelErr(e.Cause).(*rt.Instance); ok && cause.Exc != nil {
			inst.Exc.Cause = cause
			inst.Exc.SuppressContext = true
		}
		return inst
	case *sim.Interrupt:
		inst := rt.NewInstance(rt.KeyboardInterruptClass)
		inst.Native = e
		return inst
	case *sim.UsageError:
		cls := map[string]*rt.Class{"RuntimeError": rt.RuntimeErrorClass, "ValueError": rt.ValueErrorClass,
			"UncaughtTimeoutError": UncaughtTimeoutErrorClass}[e.Python]
		if cls == nil {
			cls = rt.RuntimeErrorClass
		}
		return rt.NewError(cls, e.Msg)
	case *sim.PanicError:
		return rt.NewError(rt.SystemErrorClass, e.Error())
	case *netsim.Error:
		return netErr(e)
	}
	var py *rt.Instance
	if errors.As(err, &py) && py.Exc != nil {
		return py // a Python exception, perhaps wrapped by the task that raised it
	}
	return err
}

// toKernel is the kernel's view of a Python exception: the cancellation
// it stands for if it came from the kernel, a Cancelled rebuilt from a
// curio exception raised by the program, or the exception itself.
func toKernel(err error) error {
	inst, ok := err.(*rt.Instance)
	if !ok || inst.Exc == nil {
		return err
	}
	if inst.Native != nil {
		return inst
	}
	var kind sim.CancelKind
	switch {
	case inst.Class.IsSubclass(TaskTimeoutClass):
		kind = sim.TaskTimeout
	case inst.Class.IsSubclass(TimeoutCancellationErrorClass):
		kind = sim.TimeoutCancellation
	case inst.Class.IsSubclass(TaskCancelledClass):
		kind = sim.TaskCancelled
	default:
		return inst
	}
	var at sim.Time
	if len(inst.Exc.Args) > 0 {
		if f, ok := inst.Exc.Args[0].(rt.Float); ok {
			at = sim.FromSeconds(float64(f))
		}
	}
	inst.Native = &sim.Cancelled{Kind: kind, At: at}
	return inst
}

// fromScope turns what a timeout block decided back into Python: the
// same exception, or a new curio exception carrying the old traceback
// (as curio's `raise ... .with_traceback(tb) from None`).
func fromScope(orig, decided error) error {
	if decided == nil || decided == orig {
		return decided
	}
	conv := ConvertKernelErr(decided)
	if o, ok := orig.(*rt.Instance); ok && o.Exc != nil {
		if n, ok := conv.(*rt.Instance); ok && n.Exc != nil {
			n.Exc.Traceback = o.Exc.Traceback
			n.Exc.SuppressContext = true
		}
	}
	return conv
}

// coro is what curio's async functions return: awaiting it runs the Go
// function on the awaiting task. Dropping it unawaited warns, as CPython
// does for curio.sleep(1) without await.
type coro struct {
	name    string
	run     func(th *rt.Thread) (rt.Value, error)
	awaited bool
}

func (c *coro) Type() *rt.Class { return rt.CoroutineClass }

func (c *coro) Repr(th *rt.Thread) (string, error) {
	return "<coroutine object " + c.name + " at 0x" + hexID(th, c) + ">", nil
}

func (c *coro) Await(th *rt.Thread) (rt.Value, error) {
	if c.awaited {
		return nil, rt.NewError(rt.RuntimeErrorClass, "cannot reuse already awaited coroutine")
	}
	c.awaited = true
	return c.run(th)
}

func (c *coro) Dropped() string {
	if c.awaited {
		return ""
	}
	c.awaited = true
	return c.name
}

func hexID(th *rt.Thread, v rt.Value) string {
	const digits = "0123456789abcdef"
	id := th.Interp.ID(v)
	var b [12]byte
	for i := 11; i >= 0; i-- {
		b[i] = digits[id&15]
		id >>= 4
	}
	return string(b[:])
}

// kcall makes a kernel call for Python code: the CPU used so far is
// charged first (so the clock is exact; a process settles the CPU time
// it owes, so the call sees the kernel as it is then), the call runs on
// the task's own stack, and its error comes back as a Python exception.
func kcall(th *rt.Thread, f func(t *sim.Task) error) error {
	if th.Task == nil {
		return rt.NewError(rt.RuntimeErrorClass, "curio needs a running kernel")
	}
	th.Flush()
	return ConvertKernelErr(th.OnTask(func() error {
		th.Task.Settle()
		return f(th.Task)
	}))
}

// async wraps a Go implementation as an awaitable curio call.
func async(name string, f func(th *rt.Thread) (rt.Value, error)) *coro {
	return &coro{name: name, run: f}
}
