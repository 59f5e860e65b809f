package modules

import (
	"asyncplay/sim"
	rt "asyncplay/sim/py/runtime"
)

// asyncio's threads: asyncio.to_thread and loop.run_in_executor(None,
// ...) run a function in a thread lane of the loop's default executor,
// concurrent.futures' ThreadPoolExecutor of min(32, cpu_count + 4)
// workers (8 on the simulated machine's 4 CPUs; see [sim.Machine]). The
// workers are the same thread lanes as curio's (curio_thread.go): a job
// waits on the executor's semaphore for a worker, then in FUTURE_WAIT for
// its result. Cancelling the waiting task does not stop a thread that has
// started: it runs to completion and its result is dropped; asyncio.run
// waits for such threads before it returns, as its
// shutdown_default_executor does. run_in_executor returns asyncio's
// future as a task that waits for the job (only the default executor,
// None, is simulated).

// executor is the loop's default executor.
type executor struct {
	pool *pool
	jobs []*job // jobs whose threads may still run, for asyncio.run's shutdown
}

// defineThreads adds asyncio.to_thread.
func (st *asyncioState) defineThreads(m *rt.Module) {
	st.executor = &executor{pool: &pool{name: "executor", lane: sim.LaneThread,
		size: func(m sim.Machine) int { return m.Executor }}}
	fn(m, "to_thread", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if len(args) == 0 {
			return nil, rt.ArgError("to_thread() missing 1 required positional argument: 'func'")
		}
		j := &job{fn: args[0], args: args[1:], kw: kw, name: callableName(th, args[0])}
		return async("to_thread", func(th *rt.Thread) (rt.Value, error) { return st.executor.run(th, j) }), nil
	})
}

// run runs j in a worker thread of the executor for the awaiting task.
func (ex *executor) run(th *rt.Thread, j *job) (rt.Value, error) {
	live := ex.jobs[:0]
	for _, o := range ex.jobs {
		if o.lane == nil || !o.lane.Terminated() {
			live = append(live, o)
		}
	}
	ex.jobs = append(live, j)
	return runJob(th, ex.pool, j, acall)
}

// shutdown is shutdown_default_executor: t waits for every worker thread
// still running, zombies included.
func (ex *executor) shutdown(t *sim.Task) error {
	for _, j := range ex.jobs {
		if j.lane != nil {
			if err := t.WaitFor(j.lane); err != nil {
				return err
			}
		}
	}
	ex.jobs = nil
	return nil
}

func init() {
	rt.Def(loopClass, "run_in_executor", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		l, args := args[0].(*loopObj), args[1:]
		if kw.Len() > 0 {
			return nil, rt.ArgError("run_in_executor() got an unexpected keyword argument '%s'", kw.Names[0])
		}
		if len(args) < 2 {
			return nil, rt.ArgError("run_in_executor() missing required positional arguments: 'executor' and 'func'")
		}
		if args[0] != rt.None {
			return nil, rt.NewError(rt.NotImplementedErrorClass, "only the default executor (None) is simulated")
		}
		st := l.st
		name := callableName(th, args[1])
		j := &job{fn: args[1], args: args[2:], name: name}
		co := async("run_in_executor", func(th *rt.Thread) (rt.Value, error) { return st.executor.run(th, j) })
		// asyncio submits the job at once and returns a future; here a
		// task that waits for the job stands for the future, made now.
		run := st.taskFunc(co, th.OpCost)
		var child *sim.Task
		if err := acall(th, func(t *sim.Task) error {
			child = t.Spawn("run_in_executor", run, true)
			return nil
		}); err != nil {
			return nil, err
		}
		return &aTask{t: child, st: st, name: "run_in_executor"}, nil
	})
}
