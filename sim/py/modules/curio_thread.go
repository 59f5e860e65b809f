package modules

import (
	"asyncplay/sim"
	rt "asyncplay/sim/py/runtime"
)

// curio's threads and processes, after curio 1.x's workers.py and
// thread.py. Each call runs in a kernel task of lane thread or process,
// which the view draws as its own lane and which spends its CPU time as
// the kernel's lanes say (a thread holds the one CPU, giving it back
// every switch interval; a process computes on its own CPU). A thread or
// process cannot be cancelled: cancelling the task that waits for
// run_in_thread leaves the thread to run to completion (a zombie, whose
// result is dropped, and call_on_cancel(future) is then called in it),
// while cancelling run_in_process kills the worker process, as curio's
// Process.terminate() does. The pools are kernel semaphores named
// "thread pool" and "process pool", made at first use as curio makes its
// pools, of the sizes of the kernel's [sim.Machine] (64 threads; as many
// processes as the machine's 4 CPUs). The universal queue and event are
// in curio_universal.go, the pickling of a process's arguments in
// curio_pickle.go.

var (
	asyncOnlyErrorClass  = errorClass("AsyncOnlyError", CurioErrorClass)
	remoteTracebackClass = subclassOf("RemoteTraceback", "curio.workers", rt.ExceptionClass)
	asyncThreadClass     = newType("AsyncThread", "curio.thread")
	futureLessClass      = newType("_FutureLess", "curio.workers")
)

// pool is a pool of workers: a kernel semaphore of its size that a
// caller holds while its job runs (curio's WorkerPool.reserve).
type pool struct {
	name string
	lane sim.Lane
	size func(sim.Machine) int
	sem  *sim.Semaphore
}

func (p *pool) semaphore(k *sim.Kernel) *sim.Semaphore {
	if p.sem == nil {
		p.sem = k.NewSemaphore(p.name, p.size(k.Machine()))
	}
	return p.sem
}

// job is one call of a function in a worker lane, for a task that waits
// for it in FUTURE_WAIT.
type job struct {
	fn        rt.Value
	args      []rt.Value
	kw        *rt.Kwargs
	name      string
	lane      *sim.Task
	done      bool
	val       rt.Value
	err       error
	waiters   sim.WaitQueue
	abandoned bool     // the waiting task was cancelled
	onCancel  rt.Value // curio's call_on_cancel, or nil
}

// caller makes a kernel call for Python code and raises what it returns
// as its library does: kcall for curio, acall for asyncio.
type caller func(th *rt.Thread, f func(t *sim.Task) error) error

// runJob runs j in a worker of p and returns its result, or raises its
// exception itself, as curio's run_in_thread and run_in_process do.
func runJob(th *rt.Thread, p *pool, j *job, call caller) (rt.Value, error) {
	var sem *sim.Semaphore
	if err := call(th, func(t *sim.Task) error {
		sem = p.semaphore(t.Kernel())
		return sem.Acquire(t)
	}); err != nil {
		return nil, err
	}
	release := func() { th.OnTask(func() error { return sem.Release() }) }
	if p.lane == sim.LaneProcess {
		// The request is pickled on its way to the worker (curio's
		// Connection.send): what pickle refuses fails in the caller.
		sent, err := pickleCopy(th, rt.Tuple{j.fn, rt.Tuple(j.args)})
		if err != nil {
			release()
			return nil, err
		}
		j.fn, j.args = sent.(rt.Tuple)[0], sent.(rt.Tuple)[1].(rt.Tuple)
	}
	run := j.run(th.Interp, th.OpCost, p.lane)
	err := call(th, func(t *sim.Task) error {
		j.lane = t.SpawnLane(j.name, run, p.lane)
		for !j.done {
			if err := t.Wait(&j.waiters, sim.FutureWait, 0); err != nil {
				j.abandoned = true
				if p.lane == sim.LaneProcess {
					t.Kill(j.lane)
				}
				sem.Release()
				return err
			}
		}
		return sem.Release()
	})
	if err != nil {
		return nil, err
	}
	return j.val, j.err
}

// run is the worker lane's body: the call, its outcome handed to the
// waiting task, then call_on_cancel if that task gave up waiting.
func (j *job) run(in *rt.Interp, cost sim.Time, lane sim.Lane) sim.TaskFunc {
	return func(t *sim.Task) (any, error) {
		t.AllowCancel(false) // the kernel cannot cancel a thread or a process
		th := rt.NewThread(in, t)
		th.OpCost = cost
		v, err := rt.Call(th, j.fn, j.args, j.kw)
		if lane == sim.LaneProcess {
			v, err = fromProcess(th, v, err)
		}
		th.Flush()
		j.val, j.err, j.done = v, err, true
		t.Kernel().WakeAll(&j.waiters)
		if j.abandoned && j.onCancel != nil {
			if _, err := rt.Call(th, j.onCancel, []rt.Value{&futureLess{j}}, nil); err != nil {
				reportThreadCrash(th, t, err)
			}
			th.Flush()
		}
		return nil, nil
	}
}

// fromProcess is what comes back from a worker process: a pickled copy of
// its result, or of its exception with the worker's traceback as its
// cause (curio's RemoteTraceback, as multiprocessing.pool makes it).
func fromProcess(th *rt.Thread, v rt.Value, err error) (rt.Value, error) {
	if err == nil {
		if v, err = pickleCopy(th, v); err == nil {
			return v, nil
		}
	}
	e, ok := err.(*rt.Instance)
	if !ok || e.Exc == nil {
		return nil, err
	}
	tb := th.Interp.FormatException(th, e)
	if c, cerr := pickleCopy(th, e); cerr == nil {
		e = c.(*rt.Instance)
	}
	e.Exc.Cause = rt.NewError(remoteTracebackClass, "\n\"\"\"\n"+tb+"\"\"\"")
	e.Exc.SuppressContext = true
	return nil, e
}

// reportThreadCrash prints an exception that escaped a thread, as
// threading's excepthook does.
func reportThreadCrash(th *rt.Thread, t *sim.Task, err error) {
	msg := err.Error() + "\n"
	if e, ok := err.(*rt.Instance); ok && e.Exc != nil {
		msg = th.Interp.FormatException(th, e)
	}
	th.Flush()
	t.Write(sim.Stderr, "Exception in thread "+t.Name()+":\n"+msg)
}

// futureLess is what call_on_cancel receives: result() gives the
// abandoned call's result or raises its exception.
type futureLess struct{ j *job }

func (f *futureLess) Type() *rt.Class { return futureLessClass }

// callableName names a worker lane after what it runs.
func callableName(th *rt.Thread, fn rt.Value) string {
	for _, attr := range []string{"__qualname__", "__name__"} {
		if v, err := rt.GetAttr(th, fn, attr); err == nil {
			if s, ok := v.(rt.Str); ok {
				return string(s)
			}
		}
	}
	return rt.TypeName(fn)
}

// curioThreads is one program's pools and async threads.
type curioThreads struct {
	st      *curioState
	threads *pool
	procs   *pool
	async   map[*sim.Task]*asyncThread // a thread's lane -> its AsyncThread, for AWAIT
}

// defineThreads adds run_in_thread, run_in_process, spawn_thread, AWAIT,
// async_thread, UniversalQueue and UniversalEvent to curio.
func (st *curioState) defineThreads(m *rt.Module) {
	ct := &curioThreads{st: st, async: map[*sim.Task]*asyncThread{},
		threads: &pool{name: "thread pool", lane: sim.LaneThread, size: func(m sim.Machine) int { return m.ThreadPool }},
		procs:   &pool{name: "process pool", lane: sim.LaneProcess, size: func(m sim.Machine) int { return m.ProcessPool }}}
	m.NS.Set("AsyncOnlyError", asyncOnlyErrorClass)
	fn(m, "run_in_thread", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if len(args) == 0 {
			return nil, rt.ArgError("run_in_thread() missing 1 required positional argument: 'callable'")
		}
		j := &job{fn: args[0], args: args[1:], name: callableName(th, args[0])}
		for i, name := range kwNames(kw) {
			if name != "call_on_cancel" {
				return nil, rt.ArgError("run_in_thread() got an unexpected keyword argument '%s'", name)
			}
			if v := kw.Values[i]; v != rt.None {
				j.onCancel = v
			}
		}
		return async("run_in_thread", func(th *rt.Thread) (rt.Value, error) { return runJob(th, ct.threads, j, kcall) }), nil
	})
	fn(m, "run_in_process", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if len(args) == 0 {
			return nil, rt.ArgError("run_in_process() missing 1 required positional argument: 'callable'")
		}
		if names := kwNames(kw); len(names) > 0 {
			return nil, rt.ArgError("run_in_process() got an unexpected keyword argument '%s'", names[0])
		}
		j := &job{fn: args[0], args: args[1:], name: callableName(th, args[0])}
		return async("run_in_process", func(th *rt.Thread) (rt.Value, error) { return runJob(th, ct.procs, j, kcall) }), nil
	})
	fn(m, "spawn_thread", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		daemon, err := daemonKw("spawn_thread", th, kw)
		if err != nil {
			return nil, err
		}
		if len(args) == 0 || args[0] == rt.None {
			return nil, rt.NewError(rt.NotImplementedErrorClass, "async with spawn_thread() is not simulated: pass spawn_thread a function")
		}
		if isCoroutineFunc(args[0]) || isAwaitable(args[0]) {
			return nil, rt.NewError(rt.TypeErrorClass, "spawn_thread() can't be used on coroutines")
		}
		f, fargs := args[0], args[1:]
		return async("spawn_thread", func(th *rt.Thread) (rt.Value, error) {
			return ct.start(th, f, fargs, nil, daemon)
		}), nil
	})
	fn(m, "AWAIT", ct.await)
	fn(m, "async_thread", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		daemon, err := daemonKw("async_thread", th, kw)
		if err != nil {
			return nil, err
		}
		if len(args) == 0 || args[0] == rt.None {
			return &rt.Builtin{Name: "async_thread", Fn: func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
				if len(args) != 1 {
					return nil, rt.ArgError("async_thread() takes exactly one argument (%d given)", len(args))
				}
				return ct.wrap(th, args[0], daemon)
			}}, nil
		}
		return ct.wrap(th, args[0], daemon)
	})
	defineUniversal(m)
	// curio.thread, where curio's documentation imports them from.
	sub := newModule("curio.thread")
	for _, name := range []string{"AWAIT", "spawn_thread", "async_thread"} {
		v, _ := m.NS.Get(name)
		sub.NS.Set(name, v)
	}
	m.NS.Set("thread", sub)
}

func kwNames(kw *rt.Kwargs) []string {
	if kw == nil {
		return nil
	}
	return kw.Names
}

// daemonKw reads the keyword-only daemon=False.
func daemonKw(name string, th *rt.Thread, kw *rt.Kwargs) (bool, error) {
	daemon := false
	for i, n := range kwNames(kw) {
		if n != "daemon" {
			return false, rt.ArgError("%s() got an unexpected keyword argument '%s'", name, n)
		}
		daemon = truth(th, kw.Values[i])
	}
	return daemon, nil
}

func isCoroutineFunc(v rt.Value) bool {
	f, ok := v.(*rt.Function)
	return ok && f.IsCoroutineFunction()
}

// inThread reports whether th runs in a thread's lane.
func inThread(th *rt.Thread) bool { return th.Task != nil && th.Task.Lane() == sim.LaneThread }

// asyncThread is curio's AsyncThread: a function running in a thread of
// its own that may AWAIT coroutines, each run by the kernel in a task of
// its own while the thread waits for it.
type asyncThread struct {
	ct        *curioThreads
	lane      *sim.Task
	fn        rt.Value
	args      []rt.Value
	kw        *rt.Kwargs
	daemon    bool
	done      bool
	val       rt.Value
	err       error
	awaiting  *sim.Task // the task running what the thread AWAITs now
	cancelReq bool      // cancelled while nothing was awaited: the next AWAIT is
	cancelled bool
	joined    bool
}

func (a *asyncThread) Type() *rt.Class { return asyncThreadClass }

func (a *asyncThread) Repr(th *rt.Thread) (string, error) {
	return "<curio.thread.AsyncThread object at 0x" + hexID(th, a) + ">", nil
}

// start launches f(*args) in a new thread lane.
func (ct *curioThreads) start(th *rt.Thread, f rt.Value, args []rt.Value, kw *rt.Kwargs, daemon bool) (*asyncThread, error) {
	a := &asyncThread{ct: ct, fn: f, args: args, kw: kw, daemon: daemon}
	in, cost, name := th.Interp, th.OpCost, callableName(th, f)
	err := kcall(th, func(t *sim.Task) error {
		a.lane = t.SpawnLane(name, func(t *sim.Task) (any, error) {
			t.AllowCancel(false)
			lth := rt.NewThread(in, t)
			lth.OpCost = cost
			ct.async[t] = a
			v, err := rt.Call(lth, a.fn, a.args, a.kw)
			lth.Flush()
			delete(ct.async, t)
			a.val, a.err, a.done = v, err, true
			return nil, nil
		}, sim.LaneThread)
		return nil
	})
	return a, err
}

// await is AWAIT(coro, *args, **kwargs): in an async thread, the kernel
// runs the coroutine in a task of its own while the thread waits; its
// result is returned and its exception raised in the thread. Something
// that is not a coroutine is returned as it is.
func (ct *curioThreads) await(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	if len(args) == 0 {
		return nil, rt.ArgError("AWAIT() missing 1 required positional argument: 'coro'")
	}
	co := args[0]
	if !isAwaitable(co) && rt.IsCallable(co) {
		var err error
		if co, err = rt.Call(th, co, args[1:], kw); err != nil {
			return nil, err
		}
	}
	if !isAwaitable(co) {
		return co, nil
	}
	a := ct.async[th.Task]
	if a == nil {
		return nil, rt.NewError(asyncOnlyErrorClass, "Must be used as async")
	}
	co, name, err := coroutineOf(th, "AWAIT", []rt.Value{co})
	if err != nil {
		return nil, err
	}
	run := ct.st.taskFunc(co, th.OpCost)
	var task *sim.Task
	err = kcall(th, func(t *sim.Task) error {
		task = t.Spawn(name, run, true)
		a.awaiting = task
		if a.cancelReq {
			a.cancelReq = false
			t.Cancel(task, false)
		}
		t.Join(task) // the thread cannot be cancelled: this only ends with task
		return nil
	})
	a.awaiting = nil
	if err != nil {
		return nil, err
	}
	if task.Err() != nil {
		return nil, ConvertKernelErr(pythonErr(task.Err()))
	}
	return valueOf(task.Result()), nil
}

// cancel is AsyncThread.cancel's request: the coroutine the thread awaits
// now is cancelled, or else the next one it awaits (curio cancels the
// task that runs the thread's coroutines).
func (a *asyncThread) cancel(t *sim.Task) {
	a.cancelled = true
	if a.awaiting != nil && !a.awaiting.Terminated() {
		t.Cancel(a.awaiting, false)
	} else {
		a.cancelReq = true
	}
}

// outcome is a finished thread's result, or its exception raised.
func (a *asyncThread) outcome() (rt.Value, error) {
	if a.err != nil {
		return nil, a.err
	}
	return valueOf(a.val), nil
}

func init() {
	method := func(name string, f func(th *rt.Thread, a *asyncThread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error)) {
		rt.Def(asyncThreadClass, name, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return f(th, args[0].(*asyncThread), args[1:], kw)
		})
	}
	method("wait", func(th *rt.Thread, a *asyncThread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return async("wait", func(th *rt.Thread) (rt.Value, error) {
			return rt.None, kcall(th, func(t *sim.Task) error { return t.WaitFor(a.lane) })
		}), nil
	})
	// join raises TaskError caused by the thread's exception, as a task's
	// join does (with no message: curio's AsyncThread.join).
	method("join", func(th *rt.Thread, a *asyncThread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return async("join", func(th *rt.Thread) (rt.Value, error) {
			if err := kcall(th, func(t *sim.Task) error { return t.WaitFor(a.lane) }); err != nil {
				return nil, err
			}
			a.joined = true
			if e, ok := a.err.(*rt.Instance); ok && e.Exc != nil {
				te := rt.NewInstance(TaskErrorClass) // curio's `raise TaskError() from exc`
				te.Exc.Cause, te.Exc.SuppressContext = e, true
				return nil, te
			}
			return a.outcome()
		}), nil
	})
	method("cancel", func(th *rt.Thread, a *asyncThread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		blocking := true
		if v, ok := kw.Get("blocking"); ok {
			blocking = truth(th, v)
		}
		return async("cancel", func(th *rt.Thread) (rt.Value, error) {
			return rt.None, kcall(th, func(t *sim.Task) error {
				a.cancel(t)
				if blocking {
					return t.WaitFor(a.lane)
				}
				return nil
			})
		}), nil
	})
	rt.Def(futureLessClass, "result", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		j := args[0].(*futureLess).j
		if j.err != nil {
			return nil, j.err
		}
		return valueOf(j.val), nil
	})
}

// Attr gives AsyncThread's attributes and its result property.
func (a *asyncThread) Attr(th *rt.Thread, name string) (rt.Value, bool, error) {
	switch name {
	case "terminated":
		return rt.MakeBool(a.done), true, nil
	case "cancelled":
		return rt.MakeBool(a.cancelled), true, nil
	case "daemon":
		return rt.MakeBool(a.daemon), true, nil
	case "id":
		return rt.MakeInt(int64(a.lane.ID())), true, nil
	case "result":
		if !a.done {
			return nil, true, rt.NewError(rt.RuntimeErrorClass, "Thread not terminated")
		}
		v, err := a.outcome()
		return v, true, err
	}
	return nil, false, nil
}

// wrap is async_thread(func): a function that, awaited from async code,
// runs func in a thread of its own and returns its result (raising its
// exception itself), and called anywhere else is a plain call.
func (ct *curioThreads) wrap(th *rt.Thread, f rt.Value, daemon bool) (rt.Value, error) {
	if isCoroutineFunc(f) {
		return nil, rt.NewError(rt.TypeErrorClass, "async_thread can't be applied to coroutines.")
	}
	name := callableName(th, f)
	return &rt.Builtin{Name: name, Fn: func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if !th.InCoroutine() || inThread(th) {
			return rt.Call(th, f, args, kw)
		}
		return async(name, func(th *rt.Thread) (rt.Value, error) {
			a, err := ct.start(th, f, args, kw, daemon)
			if err != nil {
				return nil, err
			}
			err = kcall(th, func(t *sim.Task) error {
				werr := t.WaitFor(a.lane)
				if werr == nil {
					return nil
				}
				// Cancelled: the thread's next AWAIT is, and once the thread
				// has ended a cancellation it never took stays pending here.
				a.cancel(t)
				t.AllowCancel(false)
				t.WaitFor(a.lane)
				t.AllowCancel(true)
				if a.cancelReq {
					a.cancelReq = false
					t.SetCancelPending(werr)
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
			return a.outcome()
		}), nil
	}}, nil
}
