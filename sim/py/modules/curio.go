package modules

import (
	"strings"

	"asyncplay/sim"
	rt "asyncplay/sim/py/runtime"
)

// curio binds the tutorial-era curio API to the kernel: every task a
// program spawns is a kernel task running the coroutine on its own
// interpreter thread; sleeping, joining, waiting on events, locks and
// queues are the kernel's traps.

func init() { register("curio", newCurio) }

// curioState is one program's curio: the Python Task object of each
// kernel task, so a task is always the same object.
type curioState struct {
	in    *rt.Interp
	tasks map[*sim.Task]*taskObj
}

func newCurio(in *rt.Interp) *rt.Module {
	st := &curioState{in: in, tasks: map[*sim.Task]*taskObj{}}
	m := newModule("curio")
	for _, c := range []*rt.Class{CurioErrorClass, CancelledErrorClass, TaskCancelledClass, TimeoutCancellationErrorClass,
		TaskTimeoutClass, UncaughtTimeoutErrorClass, TaskErrorClass} {
		m.NS.Set(c.Name, c)
	}
	m.NS.Set("Task", taskClass)
	fn(m, "run", st.run)
	fn(m, "spawn", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		daemon := false
		for i := range kw.Len() {
			if kw.Names[i] != "daemon" { // curio passes no keywords on to the coroutine
				return nil, rt.NewError(rt.TypeErrorClass, "spawn() got an unexpected keyword argument '"+kw.Names[i]+"'")
			}
		}
		if v, ok := kw.Get("daemon"); ok {
			daemon = truth(th, v)
		}
		co, name, err := coroutineOf(th, "spawn", args)
		return async("spawn", func(th *rt.Thread) (rt.Value, error) {
			if err != nil {
				return nil, err
			}
			return st.spawn(th, co, name, daemon)
		}), nil
	})
	fn(m, "sleep", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		d, err := seconds(th, "sleep", args, kw)
		return async("sleep", func(th *rt.Thread) (rt.Value, error) {
			if err != nil {
				return nil, err
			}
			return rt.None, kcall(th, func(t *sim.Task) error { return t.Sleep(d) })
		}), nil
	})
	fn(m, "schedule", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return async("schedule", func(th *rt.Thread) (rt.Value, error) {
			return rt.None, kcall(th, func(t *sim.Task) error { return t.Sleep(0) })
		}), nil
	})
	fn(m, "clock", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return async("clock", func(th *rt.Thread) (rt.Value, error) {
			th.Flush()
			return rt.Float(th.Task.Kernel().Now().Seconds()), nil
		}), nil
	})
	fn(m, "current_task", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return async("current_task", func(th *rt.Thread) (rt.Value, error) {
			return st.task(th.Task), nil
		}), nil
	})
	for _, t := range []struct {
		name             string
		ignore, absolute bool
	}{{"timeout_after", false, false}, {"timeout_at", false, true}, {"ignore_after", true, false}, {"ignore_at", true, true}} {
		fn(m, t.name, timeoutFunc(t.name, t.ignore, t.absolute))
	}
	fn(m, "gather", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return async("gather", func(th *rt.Thread) (rt.Value, error) {
			if len(args) != 1 {
				return nil, rt.ArgError("gather() takes exactly one argument (%d given)", len(args))
			}
			items, err := rt.Collect(th, args[0])
			if err != nil {
				return nil, err
			}
			var out []rt.Value
			for _, it := range items {
				t, ok := it.(*taskObj)
				if !ok {
					return nil, rt.NewError(rt.TypeErrorClass, "gather() expects tasks")
				}
				v, err := t.join(th)
				if err != nil {
					return nil, err
				}
				out = append(out, v)
			}
			return &rt.List{Items: out}, nil
		}), nil
	})
	st.defineSync(m)
	st.defineGroup(m)
	st.defineNet(m)
	st.defineThreads(m)
	return m
}

func truth(th *rt.Thread, v rt.Value) bool {
	t, _ := rt.Truth(th, v)
	return t
}

// seconds reads a duration argument (int or float seconds).
func seconds(th *rt.Thread, name string, args []rt.Value, kw *rt.Kwargs) (sim.Time, error) {
	a, err := rt.UnpackArgs(name, args, kw, []string{"seconds"}, 1)
	if err != nil {
		return 0, err
	}
	return toTime(a[0])
}

func toTime(v rt.Value) (sim.Time, error) {
	switch v := v.(type) {
	case rt.Int:
		return sim.Time(v) * sim.Second, nil
	case rt.Float:
		return sim.FromSeconds(float64(v)), nil
	case rt.Bool:
		if v {
			return sim.Second, nil
		}
		return 0, nil
	}
	return 0, rt.NewError(rt.TypeErrorClass, "a number of seconds is required, not '"+rt.TypeName(v)+"'")
}

// coroutineOf makes the coroutine of spawn(corofunc, *args) or
// spawn(coro) and names it after its function.
func coroutineOf(th *rt.Thread, what string, args []rt.Value) (rt.Value, string, error) {
	if len(args) == 0 {
		return nil, "", rt.ArgError("%s() missing 1 required positional argument: 'corofunc'", what)
	}
	co := args[0]
	if _, ok := co.(*rt.Generator); !ok {
		if _, ok := co.(*coro); !ok {
			var err error
			if co, err = rt.Call(th, args[0], args[1:], nil); err != nil {
				return nil, "", err
			}
		}
	}
	switch c := co.(type) {
	case *rt.Generator:
		if c.Type() != rt.CoroutineClass {
			return nil, "", rt.NewError(rt.TypeErrorClass, "Only coroutines can be spawned, not "+rt.TypeName(co))
		}
		name, _ := rt.GetAttr(th, c, "__qualname__")
		return c, string(name.(rt.Str)), nil
	case *coro:
		return c, c.name, nil
	}
	return nil, "", rt.NewError(rt.TypeErrorClass, "Only coroutines can be spawned, not "+rt.TypeName(co))
}

// spawn starts a kernel task that awaits co on an interpreter thread of
// its own.
func (st *curioState) spawn(th *rt.Thread, co rt.Value, name string, daemon bool) (rt.Value, error) {
	var child *sim.Task
	err := kcall(th, func(t *sim.Task) error {
		child = t.Spawn(name, st.taskFunc(co, th.OpCost), daemon)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return st.task(child), nil
}

func (st *curioState) taskFunc(co rt.Value, cost sim.Time) sim.TaskFunc {
	return func(t *sim.Task) (any, error) {
		th := rt.NewThread(st.in, t)
		th.OpCost = cost
		v, err := th.Await(co)
		th.Flush()
		if err != nil {
			return nil, &taskFailure{err: toKernel(err), in: st.in}
		}
		return v, nil
	}
}

// taskFailure is a Python exception that ended a task, as the kernel
// holds it: it unwraps to the exception (and from there to a kernel
// cancellation) and renders its traceback for "Exception in unjoined task".
type taskFailure struct {
	err error
	in  *rt.Interp
}

func (f *taskFailure) Error() string { return f.err.Error() }
func (f *taskFailure) Unwrap() error { return f.err }

func (f *taskFailure) Traceback() string {
	if e, ok := f.err.(*rt.Instance); ok {
		return f.in.FormatException(rt.NewThread(f.in, nil), e)
	}
	return f.err.Error() + "\n"
}

// run is curio.run(corofunc, *args): the main coroutine runs as a task,
// and when it ends every other task of the program is cancelled, highest
// id first, before run returns its result or raises its exception. The
// world's peers are not the program's: they run on.
func (st *curioState) run(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	co, name, err := coroutineOf(th, "run", args)
	if err != nil {
		return nil, err
	}
	mainObj, err := st.spawn(th, co, name, false)
	if err != nil {
		return nil, err
	}
	main := mainObj.(*taskObj)
	var result any
	var joinErr error
	if err := kcall(th, func(t *sim.Task) error {
		result, joinErr = t.Join(main.t)
		k := t.Kernel()
		rows := k.Rows()
		for i := len(rows) - 1; i >= 0; i-- {
			if other := k.Task(rows[i].ID); other != nil && other != t {
				if other.Lane() == sim.LanePeer {
					continue // the world's, not the program's: it runs on after the exit
				}
				if other.Lane() == sim.LaneThread {
					continue // not a task: it runs on, and dies with the program
				}
				if other.Lane() == sim.LaneProcess {
					t.Kill(other) // the process pool's shutdown terminates it
					continue
				}
				if _, err := t.Cancel(other, true); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if joinErr != nil {
		conv := ConvertKernelErr(joinErr)
		if e, ok := conv.(*rt.Instance); ok && e.Exc != nil && e.Exc.Cause != nil && e.Class == TaskErrorClass {
			return nil, e.Exc.Cause // curio.run raises the main task's own exception
		}
		return nil, conv
	}
	if result == nil {
		return rt.None, nil
	}
	return result, nil
}

// task is the Python Task object of a kernel task.
func (st *curioState) task(t *sim.Task) *taskObj {
	if o, ok := st.tasks[t]; ok {
		return o
	}
	o := &taskObj{t: t, st: st}
	st.tasks[t] = o
	return o
}

var taskClass = newType("Task", "curio.task")

func newType(name, module string) *rt.Class {
	c, err := rt.NewClass(name, module, nil, rt.NewNamespace())
	if err != nil {
		panic(err)
	}
	return c
}

// taskObj is curio's Task.
type taskObj struct {
	t  *sim.Task
	st *curioState
}

func (o *taskObj) Type() *rt.Class                 { return taskClass }
func (o *taskObj) Repr(*rt.Thread) (string, error) { return o.t.String(), nil }

func (o *taskObj) Attr(th *rt.Thread, name string) (rt.Value, bool, error) {
	t := o.t
	switch name {
	case "id":
		return rt.MakeInt(int64(t.ID())), true, nil
	case "name":
		return rt.Str(t.Name()), true, nil
	case "parentid":
		return rt.MakeInt(int64(t.Parent())), true, nil
	case "daemon":
		return rt.MakeBool(t.Daemon()), true, nil
	case "cycles":
		return rt.MakeInt(int64(t.Cycles())), true, nil
	case "state":
		return rt.Str(t.State().String()), true, nil
	case "cancelled":
		return rt.MakeBool(t.Cancelled()), true, nil
	case "terminated":
		return rt.MakeBool(t.Terminated()), true, nil
	case "joined":
		return rt.MakeBool(t.Joined()), true, nil
	case "result":
		if !t.Terminated() {
			return nil, true, rt.NewError(rt.RuntimeErrorClass, "Task not terminated")
		}
		if t.Err() != nil {
			return nil, true, ConvertKernelErr(t.Err())
		}
		return valueOf(t.Result()), true, nil
	case "exception":
		if t.Err() == nil {
			return rt.None, true, nil
		}
		return ConvertKernelErr(t.Err()).(rt.Value), true, nil
	}
	return nil, false, nil
}

// valueOf is a kernel task's result as Python sees it: nil is None.
func valueOf(v any) rt.Value {
	if v == nil {
		return rt.None
	}
	return v
}

func (o *taskObj) join(th *rt.Thread) (rt.Value, error) {
	var v any
	err := kcall(th, func(t *sim.Task) error {
		var err error
		v, err = t.Join(o.t)
		return err
	})
	return valueOf(v), err
}

func init() {
	method := func(name string, f func(th *rt.Thread, o *taskObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error)) {
		rt.Def(taskClass, name, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return f(th, args[0].(*taskObj), args[1:], kw)
		})
	}
	method("join", func(th *rt.Thread, o *taskObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return async("join", func(th *rt.Thread) (rt.Value, error) { return o.join(th) }), nil
	})
	method("wait", func(th *rt.Thread, o *taskObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return async("wait", func(th *rt.Thread) (rt.Value, error) {
			return rt.None, kcall(th, func(t *sim.Task) error { return t.WaitFor(o.t) })
		}), nil
	})
	method("cancel", func(th *rt.Thread, o *taskObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("cancel", args, kw, []string{"blocking"}, 0)
		blocking := err == nil && (a[0] == nil || truth(th, a[0]))
		return async("cancel", func(th *rt.Thread) (rt.Value, error) {
			if err != nil {
				return nil, err
			}
			var did bool
			err := kcall(th, func(t *sim.Task) error {
				var err error
				did, err = t.Cancel(o.t, blocking)
				return err
			})
			return rt.MakeBool(did), err
		}), nil
	})
	method("traceback", func(th *rt.Thread, o *taskObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		k := o.t.Kernel()
		where := k.Where(o.t.ID(), th.Interp.SourceLine)
		lines := strings.SplitN(where, "\n", 2)
		if len(lines) == 2 {
			return rt.Str(strings.TrimRight(lines[1], "\n")), nil
		}
		return rt.Str(""), nil
	})
}

// timeoutFunc is timeout_after/timeout_at/ignore_after/ignore_at: with a
// coroutine, an awaitable running it under the deadline; without, an
// async context manager.
func timeoutFunc(name string, ignore, absolute bool) func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	return func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if len(args) == 0 {
			return nil, rt.ArgError("%s() missing 1 required positional argument: 'seconds'", name)
		}
		d, err := toTime(args[0])
		if err != nil {
			return nil, err
		}
		var timeoutResult rt.Value = rt.None
		if v, ok := kw.Get("timeout_result"); ok {
			timeoutResult = v
		}
		if len(args) == 1 {
			return &timeoutCM{d: d, ignore: ignore, absolute: absolute, result: rt.True, timeoutResult: timeoutResult}, nil
		}
		co := args[1]
		if len(args) > 2 || !isAwaitable(co) {
			if co, err = rt.Call(th, args[1], args[2:], nil); err != nil {
				return nil, err
			}
		}
		return async(name, func(th *rt.Thread) (rt.Value, error) {
			cm := &timeoutCM{d: d, ignore: ignore, absolute: absolute, timeoutResult: timeoutResult}
			if err := cm.enter(th); err != nil {
				return nil, err
			}
			v, err := th.Await(co)
			suppressed, err := cm.exit(th, err)
			if suppressed {
				return timeoutResult, nil
			}
			return v, err
		}), nil
	}
}

func isAwaitable(v rt.Value) bool {
	switch v.(type) {
	case *rt.Generator, *coro:
		return true
	}
	return false
}

var timeoutClass = newType("_TimeoutAfter", "curio.time")

// timeoutCM is an open (or ready) timeout block.
type timeoutCM struct {
	d             sim.Time
	ignore        bool
	absolute      bool
	scope         *sim.TimeoutScope
	result        rt.Value
	timeoutResult rt.Value
	expired       bool
}

func (cm *timeoutCM) Type() *rt.Class { return timeoutClass }

func (cm *timeoutCM) Attr(th *rt.Thread, name string) (rt.Value, bool, error) {
	switch name {
	case "result":
		return cm.result, true, nil
	case "expired":
		return rt.MakeBool(cm.expired), true, nil
	}
	return nil, false, nil
}

func (cm *timeoutCM) enter(th *rt.Thread) error {
	return kcall(th, func(t *sim.Task) error {
		if cm.absolute {
			cm.scope = t.TimeoutAt(cm.d, cm.ignore)
		} else {
			cm.scope = t.TimeoutAfter(cm.d, cm.ignore)
		}
		return nil
	})
}

// exit closes the block; suppressed reports an ignore block's own expiry.
func (cm *timeoutCM) exit(th *rt.Thread, err error) (suppressed bool, out error) {
	var decided error
	kerr := err
	if err != nil {
		kerr = toKernel(err)
	}
	th.OnTask(func() error {
		decided = cm.scope.Exit(kerr)
		return nil
	})
	cm.expired = cm.scope.Expired
	if err != nil && decided == nil {
		cm.result = cm.timeoutResult
		return true, nil
	}
	if decided == kerr {
		return false, err
	}
	return false, fromScope(err, decided)
}

func init() {
	rt.Def(timeoutClass, "__aenter__", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		cm := args[0].(*timeoutCM)
		return async("__aenter__", func(th *rt.Thread) (rt.Value, error) { return cm, cm.enter(th) }), nil
	})
	rt.Def(timeoutClass, "__aexit__", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		cm := args[0].(*timeoutCM)
		var err error
		if len(args) > 2 {
			if e, ok := args[2].(*rt.Instance); ok {
				err = e
			}
		}
		return async("__aexit__", func(th *rt.Thread) (rt.Value, error) {
			suppressed, out := cm.exit(th, err)
			if out != nil && out != err {
				return nil, out
			}
			return rt.MakeBool(suppressed), nil
		}), nil
	})
}
