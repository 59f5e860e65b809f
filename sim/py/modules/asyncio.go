package modules

import (
	"cmp"
	"errors"
	"slices"
	"strconv"

	"asyncplay/sim"
	rt "asyncplay/sim/py/runtime"
)

// asyncio binds the core of asyncio (no network yet) to the same kernel
// as curio: asyncio.run and tasks here; gather, wait, wait_for, timeout,
// the queue and the locks in asyncio_sync.go; TaskGroup in
// asyncio_group.go; the running loop's clock and callbacks in
// asyncio_loop.go. The differences a learner meets are asyncio's, not
// curio's: create_task is a plain call, a task is awaited directly and
// re-raises its own exception, cancellation is asyncio.CancelledError, and
// a deadline raises TimeoutError. asyncio_oracle_test.go holds every part
// to what python3's own asyncio prints.

func init() { register("asyncio", newAsyncio) }

var (
	// AsyncioCancelledErrorClass is asyncio.CancelledError (a
	// BaseException since Python 3.8, so `except Exception` lets it pass).
	AsyncioCancelledErrorClass = subclassOf("CancelledError", "asyncio.exceptions", rt.BaseExceptionClass)
	invalidStateClass          = subclassOf("InvalidStateError", "asyncio.exceptions", rt.ExceptionClass)
	queueEmptyClass            = subclassOf("QueueEmpty", "asyncio.queues", rt.ExceptionClass)
	queueShutDownClass         = subclassOf("QueueShutDown", "asyncio.queues", rt.ExceptionClass)
	queueFullClass             = subclassOf("QueueFull", "asyncio.queues", rt.ExceptionClass)
	aTaskClass                 = newType("Task", "_asyncio")
)

// subclassOf makes a built-in class of module with one base (the
// exception classes of asyncio, socket and requests, the Protocol classes).
func subclassOf(name, module string, base *rt.Class) *rt.Class {
	c, err := rt.NewClass(name, module, []*rt.Class{base}, rt.NewNamespace())
	if err != nil {
		panic(err)
	}
	return c
}

// asyncioState is one program's asyncio: the Task object of each kernel
// task it created.
type asyncioState struct {
	in    *rt.Interp
	tasks map[*sim.Task]*aTask
	made  int // tasks created, for asyncio's default names Task-1, Task-2, ...
	// signals are the loop's signal handlers (add_signal_handler).
	signals map[sim.Signal]*signalHandler
	// executor is the loop's default executor (asyncio_thread.go).
	executor *executor
}

func newAsyncio(in *rt.Interp) *rt.Module {
	st := &asyncioState{in: in, tasks: map[*sim.Task]*aTask{}, signals: map[sim.Signal]*signalHandler{}}
	m := newModule("asyncio")
	for _, c := range []*rt.Class{AsyncioCancelledErrorClass, invalidStateClass, queueEmptyClass, queueFullClass, queueShutDownClass} {
		m.NS.Set(c.Name, c)
	}
	m.NS.Set("TimeoutError", rt.TimeoutErrorClass)
	m.NS.Set("Task", aTaskClass)
	fn(m, "run", st.run)
	fn(m, "create_task", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("create_task", args, kw, []string{"coro", "name"}, 1)
		if err != nil {
			return nil, err
		}
		co, name, err := coroutineOf(th, "create_task", a[:1])
		if err != nil {
			return nil, err
		}
		o, err := st.spawn(th, co, name)
		if s, ok := a[1].(rt.Str); ok && err == nil {
			o.name = string(s)
		}
		return o, err
	})
	fn(m, "ensure_future", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("ensure_future", args, kw, []string{"coro_or_future", "loop"}, 1)
		if err != nil {
			return nil, err
		}
		if o, ok := a[0].(*aTask); ok {
			return o, nil
		}
		co, name, err := coroutineOf(th, "ensure_future", a[:1])
		if err != nil {
			return nil, err
		}
		return st.spawn(th, co, name)
	})
	fn(m, "all_tasks", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		var live []*sim.Task
		for t := range st.tasks {
			if !t.Terminated() {
				live = append(live, t)
			}
		}
		sortTasks(live)
		set := rt.NewSet()
		for _, t := range live {
			if err := set.Add(th, st.tasks[t]); err != nil {
				return nil, err
			}
		}
		return set, nil
	})
	fn(m, "sleep", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("sleep", args, kw, []string{"delay", "result"}, 1)
		var d sim.Time
		if err == nil {
			d, err = toTime(a[0])
		}
		return async("sleep", func(th *rt.Thread) (rt.Value, error) {
			if err != nil {
				return nil, err
			}
			if err := acall(th, func(t *sim.Task) error { return t.Sleep(max(d, 0)) }); err != nil {
				return nil, err
			}
			return valueOrNone(a[1]), nil
		}), nil
	})
	fn(m, "current_task", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if o, ok := st.tasks[th.Task]; ok {
			return o, nil
		}
		return rt.None, nil
	})
	fn(m, "get_running_loop", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if th.Task == nil {
			return nil, rt.NewError(rt.RuntimeErrorClass, "no running event loop")
		}
		return &loopObj{st: st}, nil
	})
	fn(m, "gather", st.gather)
	fn(m, "wait", st.wait)
	for _, c := range []string{"FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"} {
		m.NS.Set(c, rt.Str(c))
	}
	fn(m, "wait_for", st.waitFor)
	fn(m, "timeout", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("timeout", args, kw, []string{"delay"}, 1)
		if err != nil {
			return nil, err
		}
		cm := &aTimeout{st: st}
		if a[0] != rt.None {
			d, err := toTime(a[0])
			if err != nil {
				return nil, err
			}
			cm.d, cm.set = d, true
		}
		return cm, nil
	})
	st.defineSync(m)
	st.defineTaskGroup(m)
	st.defineStreams(m)
	st.defineThreads(m)
	return m
}

func valueOrNone(v rt.Value) rt.Value {
	if v == nil {
		return rt.None
	}
	return v
}

// acall makes a kernel call for asyncio code, as kcall does for curio's,
// but a cancellation comes back as asyncio.CancelledError.
func acall(th *rt.Thread, f func(t *sim.Task) error) error {
	if th.Task == nil {
		return rt.NewError(rt.RuntimeErrorClass, "no running event loop")
	}
	th.Flush()
	return asyncioErr(th.OnTask(func() error { return f(th.Task) }))
}

// asyncioErr is a kernel error as asyncio raises it.
func asyncioErr(err error) error {
	var c *sim.Cancelled
	if errors.As(err, &c) {
		if _, isTaskErr := err.(*sim.TaskError); !isTaskErr {
			inst := rt.NewInstance(AsyncioCancelledErrorClass)
			inst.Native = c
			return inst
		}
	}
	return ConvertKernelErr(err)
}

// toKernelAsyncio is the kernel's view of an exception leaving an asyncio
// task: an asyncio.CancelledError is the task's cancellation.
func toKernelAsyncio(err error) error {
	inst, ok := err.(*rt.Instance)
	if ok && inst.Exc != nil && inst.Native == nil && inst.Class.IsSubclass(AsyncioCancelledErrorClass) {
		inst.Native = &sim.Cancelled{Kind: sim.TaskCancelled}
	}
	return err
}

// spawn starts a kernel task running co, as create_task does. A task that
// is cancelled before it first runs never runs its coroutine, as in
// asyncio.
func (st *asyncioState) spawn(th *rt.Thread, co rt.Value, name string) (*aTask, error) {
	var child *sim.Task
	fn := st.taskFunc(co, th.OpCost)
	err := acall(th, func(t *sim.Task) error {
		// Daemon: asyncio reports no "never joined" task; asyncio.run
		// cancels what is left itself.
		child = t.Spawn(name, fn, true)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return st.task(child), nil
}

// taskFunc runs co as an asyncio task on a thread of its own.
func (st *asyncioState) taskFunc(co rt.Value, cost sim.Time) sim.TaskFunc {
	return func(t *sim.Task) (any, error) {
		th := rt.NewThread(st.in, t)
		th.OpCost = cost
		if t.CancelPending() != nil {
			return nil, &taskFailure{err: toKernelAsyncio(rt.NewInstance(AsyncioCancelledErrorClass)), in: st.in}
		}
		v, err := th.Await(co)
		th.Flush()
		if err != nil {
			return nil, &asyncioFailure{taskFailure{err: toKernelAsyncio(err), in: st.in}, st, t, co}
		}
		return v, nil
	}
}

// pythonErr is the Python exception inside a task's failure, or err.
func pythonErr(err error) error {
	var af *asyncioFailure
	if errors.As(err, &af) {
		return af.err
	}
	var f *taskFailure
	if errors.As(err, &f) {
		return f.err
	}
	return err
}

// asyncioFailure is an asyncio task's exception as the kernel holds it;
// left unread, it is reported as asyncio reports it.
type asyncioFailure struct {
	taskFailure
	st *asyncioState
	t  *sim.Task
	co rt.Value
}

// UnjoinedReport is CPython's "Task exception was never retrieved".
func (f *asyncioFailure) UnjoinedReport() string {
	th := rt.NewThread(f.in, nil)
	name := f.t.Name()
	if o, ok := f.st.tasks[f.t]; ok {
		name = o.name
	}
	coro := name
	if g, ok := f.co.(*rt.Generator); ok {
		c := g.Code()
		coro = c.QualName + "() done, defined at " + c.File + ":" + strconv.Itoa(c.Line)
	}
	exc := f.err.Error()
	if v, ok := f.err.(rt.Value); ok {
		exc, _ = rt.Repr(th, v)
	}
	return "Task exception was never retrieved\nfuture: <Task finished name='" + name + "' coro=<" + coro +
		"> exception=" + exc + ">\n" + f.Traceback()
}

func (st *asyncioState) task(t *sim.Task) *aTask {
	if o, ok := st.tasks[t]; ok {
		return o
	}
	st.made++
	o := &aTask{t: t, st: st, name: "Task-" + strconv.Itoa(st.made)}
	st.tasks[t] = o
	return o
}

// run is asyncio.run(main): main runs as a task; when it ends, every
// other task is cancelled at once and waited for, as asyncio's
// _cancel_all_tasks does, and main's result is returned or its exception
// raised.
func (st *asyncioState) run(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	a, err := rt.UnpackArgs("run", args, kw, []string{"main", "debug"}, 1)
	if err != nil {
		return nil, err
	}
	if !isAwaitable(a[0]) {
		r, _ := rt.Repr(th, a[0])
		return nil, rt.NewError(rt.ValueErrorClass, "a coroutine was expected, got "+r)
	}
	if _, inLoop := st.tasks[th.Task]; inLoop {
		return nil, rt.NewError(rt.RuntimeErrorClass, "asyncio.run() cannot be called from a running event loop")
	}
	co, name, err := coroutineOf(th, "run", a[:1])
	if err != nil {
		return nil, err
	}
	main, err := st.spawn(th, co, name)
	if err != nil {
		return nil, err
	}
	var result any
	var joinErr error
	err = acall(th, func(t *sim.Task) error {
		result, joinErr = t.Join(main.t)
		var rest []*sim.Task
		for other := range st.tasks {
			if other != main.t && !other.Terminated() {
				rest = append(rest, other)
			}
		}
		sortTasks(rest)
		for _, other := range rest {
			if _, err := t.Cancel(other, false); err != nil {
				return err
			}
		}
		for _, other := range rest {
			if err := t.WaitFor(other); err != nil {
				return err
			}
		}
		return st.executor.shutdown(t)
	})
	if err != nil {
		return nil, err
	}
	if joinErr != nil {
		return nil, taskResultErr(joinErr)
	}
	return valueOf(result), nil
}

// taskResultErr is what awaiting a finished task raises: its own
// exception, or CancelledError if it was cancelled.
func taskResultErr(err error) error {
	var te *sim.TaskError
	if errors.As(err, &te) {
		err = te.Cause
	}
	return asyncioErr(pythonErr(err))
}

// sortTasks orders tasks by id: creation order, the order asyncio's
// all_tasks set would be iterated in for a small program.
func sortTasks(ts []*sim.Task) {
	slices.SortFunc(ts, func(a, b *sim.Task) int { return cmp.Compare(a.ID(), b.ID()) })
}

// aTask is asyncio's Task. Its kernel task, which the view and the
// monitor show, is named after its coroutine; get_name() gives asyncio's
// name (Task-N, or the one given to create_task).
type aTask struct {
	t    *sim.Task
	st   *asyncioState
	name string
}

func (o *aTask) Type() *rt.Class { return aTaskClass }

func (o *aTask) Repr(*rt.Thread) (string, error) {
	state := "pending"
	if o.t.Terminated() {
		state = "finished"
		if o.t.Outcome() == sim.WasCancelled {
			state = "cancelled"
		}
	}
	return "<Task " + state + " name='" + o.name + "'>", nil
}

// Await is `await task`: wait for it and return its result or raise its
// exception. As in asyncio, cancelling the awaiting task cancels the
// awaited one too.
func (o *aTask) Await(th *rt.Thread) (rt.Value, error) {
	var v any
	err := acall(th, func(t *sim.Task) error {
		if err := t.WaitFor(o.t); err != nil {
			if _, cerr := t.Cancel(o.t, false); cerr != nil {
				return cerr
			}
			return err
		}
		v, _ = t.Join(o.t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return o.outcome(v)
}

// retrieved marks a finished task's outcome as read (the kernel's join),
// so its failure is not reported as never retrieved at the end.
func (o *aTask) retrieved(th *rt.Thread) {
	th.OnTask(func() error {
		th.Task.Join(o.t) // ended: returns at once
		return nil
	})
}

// outcome is a finished task's result as result() gives it.
func (o *aTask) outcome(v any) (rt.Value, error) {
	if o.t.Err() != nil {
		return nil, taskResultErr(o.t.Err())
	}
	return valueOf(v), nil
}

func init() {
	method := func(name string, f func(th *rt.Thread, o *aTask, args []rt.Value, kw *rt.Kwargs) (rt.Value, error)) {
		rt.Def(aTaskClass, name, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return f(th, args[0].(*aTask), args[1:], kw)
		})
	}
	method("done", func(th *rt.Thread, o *aTask, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.MakeBool(o.t.Terminated()), nil
	})
	method("cancelled", func(th *rt.Thread, o *aTask, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.MakeBool(o.t.Terminated() && o.t.Outcome() == sim.WasCancelled), nil
	})
	method("get_name", func(th *rt.Thread, o *aTask, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.Str(o.name), nil
	})
	method("set_name", func(th *rt.Thread, o *aTask, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if len(args) != 1 {
			return nil, rt.ArgError("set_name() takes exactly one argument (%d given)", len(args))
		}
		s, err := rt.StrOf(th, args[0])
		o.name = s
		return rt.None, err
	})
	method("result", func(th *rt.Thread, o *aTask, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if !o.t.Terminated() {
			return nil, rt.NewError(invalidStateClass, "Result is not set.")
		}
		o.retrieved(th)
		return o.outcome(o.t.Result())
	})
	method("exception", func(th *rt.Thread, o *aTask, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if !o.t.Terminated() {
			return nil, rt.NewError(invalidStateClass, "Exception is not set.")
		}
		o.retrieved(th)
		if o.t.Err() == nil {
			return rt.None, nil
		}
		err := taskResultErr(o.t.Err())
		if inst, ok := err.(*rt.Instance); ok && inst.Class.IsSubclass(AsyncioCancelledErrorClass) {
			return nil, err // exception() of a cancelled task raises CancelledError
		}
		return err.(rt.Value), nil
	})
	method("cancel", func(th *rt.Thread, o *aTask, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if o.t.Terminated() {
			return rt.False, nil
		}
		err := acall(th, func(t *sim.Task) error {
			_, err := t.Cancel(o.t, false)
			return err
		})
		if err != nil {
			return nil, err
		}
		return rt.True, nil
	})
}
