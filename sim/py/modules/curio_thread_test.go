package modules_test

import (
	"strconv"
	"strings"
	"testing"

	"asyncplay/sim"
	"asyncplay/sim/py/run"
)

// runLanes runs a program (dedented) with the default CPU cost per operation, so
// that computing takes virtual time, and returns stdout, stderr, the exit
// status and the kernel.
func runLanes(t *testing.T, src string, setup func(k *sim.Kernel)) (string, string, int, *sim.Kernel) {
	t.Helper()
	var stdout, stderr strings.Builder
	res := run.Program(dedent(src), run.Config{File: "prog.py", OpCost: run.DefaultOpCost, Stdout: &stdout, Stderr: &stderr,
		Setup: setup, Modules: run.StandardModules})
	return stdout.String(), stderr.String(), res.ExitCode, res.Kernel
}

// checkLanes runs src and compares its whole output with want.
func checkLanes(t *testing.T, src, want string, setup func(k *sim.Kernel)) *sim.Kernel {
	t.Helper()
	out, errs, code, k := runLanes(t, src, setup)
	if got := out + errs; got != dedent(want) || code != 0 {
		t.Errorf("got (exit %d):\n%s\nwant:\n%s", code, got, dedent(want))
	}
	return k
}

// The tutorial's fib: in a process it keeps a ticker on time; in a thread
// the ticker is 5 ms late (the GIL's switch interval); inline it waits
// for the whole computation.
func TestFibInProcessThreadAndInline(t *testing.T) {
	checkLanes(t, `
		import curio

		def fib(n):
		    return n if n < 2 else fib(n - 1) + fib(n - 2)

		async def ticker(period, n):
		    start = await curio.clock()
		    late = []
		    for i in range(1, n + 1):
		        await curio.sleep(start + i * period - await curio.clock())
		        late.append(round((await curio.clock() - start - i * period) * 1000, 1))
		    return late

		async def main(where):
		    t = await curio.spawn(ticker, 0.01, 6)
		    await curio.sleep(0)
		    start = await curio.clock()
		    if where == 'process':
		        r = await curio.run_in_process(fib, 27)
		    elif where == 'thread':
		        r = await curio.run_in_thread(fib, 27)
		    else:
		        r = fib(27)
		    took = await curio.clock() - start
		    print(f'{where:8} fib={r} took {took * 1000:.1f} ms, ticks late (ms): {await t.join()}')

		for where in ['inline', 'thread', 'process']:
		    curio.run(main, where)
		`, `
		inline   fib=196418 took 63.6 ms, ticks late (ms): [53.6, 43.6, 33.6, 23.6, 13.6, 3.6]
		thread   fib=196418 took 63.6 ms, ticks late (ms): [5.0, 5.0, 5.0, 5.0, 5.0, 3.6]
		process  fib=196418 took 63.5 ms, ticks late (ms): [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
		`, nil)
}

// time.sleep in a thread sleeps the thread only; in the kernel's own
// thread it stops every task.
func TestTimeSleepInThreadAndKernel(t *testing.T) {
	checkLanes(t, `
		import curio, time

		async def ticker():
		    for i in range(6):
		        print(f'tick {i} at {await curio.clock():.2f}')
		        await curio.sleep(0.1)

		async def main():
		    t = await curio.spawn(ticker)
		    await curio.sleep(0.05)
		    await curio.run_in_thread(time.sleep, 0.2)
		    print(f'thread slept 0.2 s, now {await curio.clock():.2f}')
		    time.sleep(0.2)
		    print(f'kernel slept 0.2 s, now {await curio.clock():.2f}')
		    await t.join()

		curio.run(main)
		`, `
		tick 0 at 0.00
		tick 1 at 0.10
		tick 2 at 0.20
		thread slept 0.2 s, now 0.25
		kernel slept 0.2 s, now 0.45
		tick 3 at 0.45
		tick 4 at 0.55
		tick 5 at 0.65
		`, nil)
}

// spawn_thread runs a function in a thread that calls async code with
// AWAIT: the kernel runs each coroutine in a task while the thread waits.
// join returns the function's result.
func TestSpawnThreadWithAWAIT(t *testing.T) {
	k := checkLanes(t, `
		import curio, time

		async def double(x):
		    await curio.sleep(0.1)
		    return 2 * x

		def worker(n):
		    total = 0
		    for i in range(n):
		        total += curio.AWAIT(double(i))
		        print('thread', i, round(time.monotonic(), 2))
		    print('AWAIT of a plain value:', curio.AWAIT(42), curio.AWAIT(len, 'abc'))
		    return total

		async def main():
		    t = await curio.spawn_thread(worker, 3)
		    print('spawned', t.terminated)
		    print('joined', await t.join(), t.terminated, t.result)
		    try:
		        curio.AWAIT(len, 'abc')
		        curio.AWAIT(double(1))
		    except curio.AsyncOnlyError as e:
		        print('outside a thread:', repr(e))

		curio.run(main)
		`, `
		spawned False
		thread 0 0.1
		thread 1 0.2
		thread 2 0.3
		AWAIT of a plain value: 42 3
		joined 6 True 6
		outside a thread: AsyncOnlyError('Must be used as async')
		`, nil)
	lanes := map[string]sim.Lane{}
	for _, info := range k.Trace().Tasks {
		lanes[info.Name] = info.Lane
	}
	if lanes["worker"] != sim.LaneThread || lanes["double"] != sim.LaneTask {
		t.Errorf("lanes: %v", lanes)
	}
}

// async_thread (imported from curio.thread, as curio's documentation
// does): awaited from async code the function runs in a thread (its
// time.sleep does not stop the ticker); called from a thread it is a
// plain call.
func TestAsyncThreadBothSides(t *testing.T) {
	checkLanes(t, `
		import curio, time
		from curio.thread import async_thread

		@async_thread
		def fetch(n):
		    time.sleep(0.25)
		    return n * 10

		def from_thread():
		    return fetch(2) + fetch(3)

		async def ticker():
		    for i in range(5):
		        await curio.sleep(0.1)
		        print('tick', round(await curio.clock(), 2))

		async def main():
		    t = await curio.spawn(ticker)
		    print('async side', await fetch(1), round(await curio.clock(), 2))
		    print('thread side', await curio.run_in_thread(from_thread), round(await curio.clock(), 2))
		    await t.join()
		    print(fetch.__name__)
		    try:
		        async_thread(main)
		    except TypeError as e:
		        print(e)

		curio.run(main)
		`, `
		tick 0.1
		tick 0.2
		async side 10 0.25
		tick 0.3
		tick 0.4
		tick 0.5
		thread side 50 0.75
		fetch
		async_thread can't be applied to coroutines.
		`, nil)
}

// A UniversalQueue between a producer thread and an async consumer, and
// a UniversalEvent set by async code and waited for by the thread: each
// side blocks on the same kernel object in its own lane.
func TestUniversalQueueAndEvent(t *testing.T) {
	k := checkLanes(t, `
		import curio, time

		def producer(q, go):
		    for i in range(3):
		        time.sleep(0.1)
		        q.put(i)
		    q.put(None)
		    go.wait()
		    print('thread: event set, at', round(time.monotonic(), 2), go.is_set())
		    q.join()
		    print('thread: queue done, at', round(time.monotonic(), 2))

		async def main():
		    q = curio.UniversalQueue()
		    go = curio.UniversalEvent()
		    t = await curio.spawn_thread(producer, q, go)
		    while (item := await q.get()) is not None:
		        print('got', item, 'at', round(await curio.clock(), 2), 'qsize', q.qsize())
		        await q.task_done()
		    await curio.sleep(0.5)
		    await go.set()
		    await curio.sleep(0.5)
		    await q.task_done()
		    await t.join()

		curio.run(main)
		`, `
		got 0 at 0.1 qsize 0
		got 1 at 0.2 qsize 0
		got 2 at 0.3 qsize 1
		thread: event set, at 0.8 True
		thread: queue done, at 1.3
		`, nil)
	seen := map[sim.State]bool{}
	for _, r := range k.Trace().Records() {
		if info, _ := k.Trace().Task(int(r.Task)); r.Kind == sim.EvState && info.Lane == sim.LaneThread {
			seen[r.State] = true
		}
	}
	if !seen[sim.EventWait] || !seen[sim.QueueJoin] || !seen[sim.TimeSleep] {
		t.Errorf("the thread's lane went through %v", seen)
	}
}

// A thread that raises: run_in_thread raises the exception itself;
// joining a spawn_thread raises TaskError caused by it, as a task's join.
// A process's exception comes back with the worker's traceback as its
// cause, curio's RemoteTraceback, printed when nobody catches it.
func TestRaisingThreadsAndProcesses(t *testing.T) {
	out, errs, code, _ := runLanes(t, `
		import curio

		def bad(n):
		    raise ValueError(f'bad {n}')

		async def main():
		    try:
		        await curio.run_in_thread(bad, 1)
		    except ValueError as e:
		        print('run_in_thread raised', repr(e))
		    t = await curio.spawn_thread(bad, 2)
		    try:
		        await t.join()
		    except curio.TaskError as e:
		        print('join raised', repr(e), 'from', repr(e.__cause__))
		    try:
		        await curio.run_in_process(bad, 3)
		    except ValueError as e:
		        print('run_in_process raised', repr(e), 'from', type(e.__cause__).__name__)
		    await curio.run_in_process(bad, 4)

		curio.run(main)
		`, nil)
	wantOut := dedent(`
		run_in_thread raised ValueError('bad 1')
		join raised TaskError() from ValueError('bad 2')
		run_in_process raised ValueError('bad 3') from RemoteTraceback
		`)
	wantErr := dedent(`
		curio.workers.RemoteTraceback: 
		"""
		Traceback (most recent call last):
		  File "prog.py", line 4, in bad
		    raise ValueError(f'bad {n}')
		ValueError: bad 4
		"""

		The above exception was the direct cause of the following exception:

		Traceback (most recent call last):
		  File "prog.py", line 22, in <module>
		    curio.run(main)
		  File "prog.py", line 20, in main
		    await curio.run_in_process(bad, 4)
		ValueError: bad 4
		`)
	if out != wantOut || errs != wantErr || code != 1 {
		t.Errorf("stdout:\n%s\nstderr:\n%s\nexit %d", out, errs, code)
	}
}

// What pickle refuses cannot be sent to a process: CPython 3.11's errors,
// raised in the waiting task. What it accepts arrives as a copy.
func TestProcessArgumentsArePickled(t *testing.T) {
	checkLanes(t, `
		import curio

		def append(data, item):
		    data.append(item)
		    return data

		square = lambda x: x * x

		def main_fn():
		    pass

		async def main():
		    data = [1, [2]]
		    data.append(data[1])
		    got = await curio.run_in_process(append, data, 'p')
		    print('process:', got, 'caller:', data, got[1] is got[2])
		    print('thread:', await curio.run_in_thread(append, data, 't'), 'caller:', data)
		    def local(x):
		        return x
		    for target, args in [(square, (2,)), (local, (1,)), (lambda: 0, ()), (append, ([], local)),
		                         (append, ([], curio.Event())), (len, ('abc',)), (main_fn, ())]:
		        try:
		            print('ok:', await curio.run_in_process(target, *args))
		        except Exception as e:
		            print(f'{type(e).__module__}.{type(e).__name__}: {e}')

		curio.run(main)
		`, `
		process: [1, [2], [2], 'p'] caller: [1, [2], [2]] True
		thread: [1, [2], [2], 't'] caller: [1, [2], [2], 't']
		_pickle.PicklingError: Can't pickle <function <lambda> at 0x000000001040>: attribute lookup <lambda> on __main__ failed
		builtins.AttributeError: Can't pickle local object 'main.<locals>.local'
		builtins.AttributeError: Can't pickle local object 'main.<locals>.<lambda>'
		builtins.AttributeError: Can't pickle local object 'main.<locals>.local'
		builtins.TypeError: cannot pickle 'Event' object
		ok: 3
		ok: None
		`, nil)
}

// Pool limits: five process jobs on a pool of two take three rounds;
// the pools' sizes come from the kernel's machine, which a host sets.
func TestPoolLimits(t *testing.T) {
	src := `
		import curio, time

		def job(i):
		    time.sleep(1)
		    return i

		async def main(run):
		    start = await curio.clock()
		    tasks = [await curio.spawn(run, job, i) for i in range(5)]
		    print([await t.join() for t in tasks], 'in', round(await curio.clock() - start, 2), 's')

		curio.run(main, curio.run_in_process)
		curio.run(main, curio.run_in_thread)
		`
	checkLanes(t, src, `
		[0, 1, 2, 3, 4] in 2.0 s
		[0, 1, 2, 3, 4] in 1.0 s
		`, nil)
	k := checkLanes(t, src, `
		[0, 1, 2, 3, 4] in 3.0 s
		[0, 1, 2, 3, 4] in 5.0 s
		`, func(k *sim.Kernel) { k.SetMachine(sim.Machine{ProcessPool: 2, ThreadPool: 1}) })
	var pools []string
	for _, o := range k.Trace().Objects {
		if o.Kind == "Semaphore" {
			pools = append(pools, o.Label()+" "+strconv.Itoa(o.Cap))
		}
	}
	if got := strings.Join(pools, ", "); got != "Semaphore#1 'process pool' 2, Semaphore#2 'thread pool' 1" {
		t.Errorf("pools: %s", got)
	}
}

// Cancelling the task that waits for a thread leaves the thread running
// to completion, then calls call_on_cancel(future) in it; cancelling a
// process kills it. While they run, the waiting task is in FUTURE_WAIT
// and the process computes in its own lane.
func TestCancelThreadAndProcess(t *testing.T) {
	k := checkLanes(t, `
		import curio, time

		def slow(n):
		    print('thread starts at', round(time.monotonic(), 2))
		    time.sleep(n)
		    print('thread ends at', round(time.monotonic(), 2))
		    return n

		def spin(n):
		    total = 0
		    for i in range(n):
		        total += i
		    print('never printed')

		def on_cancel(fut):
		    print('call_on_cancel: result', fut.result(), 'at', round(time.monotonic(), 2))

		async def main():
		    try:
		        async with curio.timeout_after(0.5):
		            await curio.run_in_thread(slow, 2, call_on_cancel=on_cancel)
		    except curio.TaskTimeout:
		        print('gave up on the thread at', round(await curio.clock(), 2))
		    try:
		        async with curio.timeout_after(0.5):
		            await curio.run_in_process(spin, 10**9)
		    except curio.TaskTimeout:
		        print('killed the process at', round(await curio.clock(), 2))
		    await curio.sleep(3)
		    print('main ends at', round(await curio.clock(), 2))

		curio.run(main)
		`, `
		thread starts at 0.0
		gave up on the thread at 0.5
		killed the process at 1.0
		thread ends at 2.0
		call_on_cancel: result 2 at 2.0
		main ends at 4.0
		`, nil)
	var spin sim.TaskInfo
	for _, info := range k.Trace().Tasks {
		if info.Name == "spin" {
			spin = info
		}
	}
	states := map[sim.State]bool{}
	var outcome sim.Outcome = -1
	for _, r := range k.Trace().Records() {
		switch {
		case r.Kind == sim.EvState && r.Task == 2:
			states[r.State] = true
		case r.Kind == sim.EvState && int(r.Task) == spin.ID:
			states[r.State] = true
		case r.Kind == sim.EvDone && int(r.Task) == spin.ID:
			outcome = sim.Outcome(r.Val)
		}
	}
	if spin.Lane != sim.LaneProcess || outcome != sim.Killed || !states[sim.FutureWait] || !states[sim.Computing] {
		t.Errorf("spin %+v ended %v; states seen %v", spin, outcome, states)
	}
}

// AsyncThread.cancel cancels what the thread AWAITs (or its next AWAIT)
// and, blocking, waits for the thread to end.
func TestAsyncThreadCancel(t *testing.T) {
	checkLanes(t, `
		import curio

		def waiter():
		    try:
		        curio.AWAIT(curio.sleep(10))
		    except curio.CancelledError as e:
		        print('thread: AWAIT raised', type(e).__name__)
		    return 'finished'

		async def main():
		    t = await curio.spawn_thread(waiter)
		    await curio.sleep(1)
		    await t.cancel()
		    print(t.cancelled, t.terminated, await t.join(), round(await curio.clock(), 2))

		curio.run(main)
		`, `
		thread: AWAIT raised TaskCancelled
		True True finished 1.0
		`, nil)
}

// Threads are not curio's tasks: curio.run does not cancel them, and a
// thread still sleeping when the program ends dies with it, silently.
// (The module's time.sleep would hold the CPU and stop the thread too:
// the kernel's thread is not preempted; a second kernel sleeps instead.)
func TestThreadsOutliveCurioRun(t *testing.T) {
	checkLanes(t, `
		import curio, time

		def sleeper(d):
		    time.sleep(d)
		    print('thread woke at', round(time.monotonic(), 2))

		async def main():
		    await curio.spawn_thread(sleeper, 1)
		    await curio.spawn_thread(sleeper, 100)

		curio.run(main)
		print('run returned at', round(time.monotonic(), 2))
		curio.run(curio.sleep, 2)
		print('module ends at', round(time.monotonic(), 2))
		`, `
		run returned at 0.0
		thread woke at 1.0
		module ends at 2.0
		`, nil)
}

// The same program of threads, processes, AWAIT and a ticker gives the
// same trace twice, and sys.getswitchinterval() is the machine's.
func TestLanesProgramIsDeterministic(t *testing.T) {
	src := `
		import curio, sys, time

		def fib(n):
		    return n if n < 2 else fib(n - 1) + fib(n - 2)

		def worker(n):
		    for i in range(n):
		        curio.AWAIT(curio.sleep(0.001))
		        fib(15)
		    return n

		async def ticker():
		    while True:
		        await curio.sleep(0.002)

		async def main():
		    print(sys.getswitchinterval())
		    await curio.spawn(ticker, daemon=True)
		    threads = [await curio.spawn_thread(worker, i) for i in range(3)]
		    jobs = [await curio.spawn(curio.run_in_process, fib, 18 + i) for i in range(3)]
		    print([await t.join() for t in threads], [await j.join() for j in jobs])

		curio.run(main)
		`
	digest := func() string {
		out, errs, code, k := runLanes(t, src, nil)
		if out != "0.005\n[0, 1, 2] [2584, 4181, 6765]\n" || errs != "" || code != 0 {
			t.Fatalf("got (exit %d)\n%s%s", code, out, errs)
		}
		return k.Trace().Digest()
	}
	if a, b := digest(), digest(); a != b {
		t.Errorf("two runs differ: %s %s", a, b)
	}
}
