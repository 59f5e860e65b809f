package modules_test

import (
	"strings"
	"testing"

	"asyncplay/sim"
	"asyncplay/sim/py/run"
)

// asyncio against python3's own asyncio, made deterministic and instant:
// virtualLoop is prepended to the python3 side only. Its event loop reads
// a clock that the selector moves straight to the next timer whenever
// the loop would wait, so `await asyncio.sleep(5)` takes no time and
// loop.time() reads 5.0 after it, as on asyncplay's kernel with its CPU
// cost at zero (stdRun's setting). Each case's stdout and exit status
// must be CPython's, and so must the last line of its stderr.
const virtualLoop = `import asyncio as _asyncio, selectors as _selectors

class _VirtualSelector(_selectors.SelectSelector):
    now = 0.0
    def select(self, timeout=None):
        if timeout is None:
            raise RuntimeError("deadlock: nothing left to wait for")
        if timeout > 0:
            _VirtualSelector.now += timeout
        return super().select(0)

class _VirtualLoop(_asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__(_VirtualSelector())
    def time(self):
        return _VirtualSelector.now

class _VirtualPolicy(_asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return _VirtualLoop()

_asyncio.set_event_loop_policy(_VirtualPolicy())
`

var asyncioCases = []stdCase{
	{"tasks_sleep_and_gather", `import asyncio

async def work(name, delay):
    print("start", name)
    await asyncio.sleep(delay)
    print("done", name, round(asyncio.get_running_loop().time(), 3))
    return name.upper()

async def main():
    a = asyncio.create_task(work("a", 0.3))
    b = asyncio.create_task(work("b", 0.1), name="bee")
    print(b.get_name(), a.done())
    print(await asyncio.gather(a, b, work("c", 0.2)))
    print(a.done(), a.result(), b.cancelled())

asyncio.run(main())
`},
	{"gather_raises_first_failure", `import asyncio

async def ok(n):
    await asyncio.sleep(n)
    print("ok", n)
    return n

async def bad(n):
    await asyncio.sleep(n)
    raise ValueError(f"bad {n}")

async def main():
    try:
        await asyncio.gather(ok(0.3), bad(0.2), bad(0.25))
    except ValueError as e:
        print("caught", e, round(asyncio.get_running_loop().time(), 2))
    await asyncio.sleep(0.5)
    print(await asyncio.gather(ok(0.1), bad(0.05), return_exceptions=True))

asyncio.run(main())
`},
	{"wait_for_and_timeout", `import asyncio

async def fails_soon():
    await asyncio.sleep(0.1)
    return 1 / 0

async def slow():
    try:
        await asyncio.sleep(10)
        return "finished"
    except asyncio.CancelledError:
        print("slow cancelled at", round(asyncio.get_running_loop().time(), 2))
        raise

async def main():
    try:
        await asyncio.wait_for(slow(), timeout=1.5)
    except asyncio.TimeoutError:
        print("wait_for timed out", round(asyncio.get_running_loop().time(), 2))
    print(await asyncio.wait_for(asyncio.sleep(0.5, result="quick"), timeout=1))
    try:
        await asyncio.wait_for(fails_soon(), timeout=1)
    except ZeroDivisionError as e:
        print("wait_for raised", repr(e))
    try:
        async with asyncio.timeout(2):
            await slow()
    except TimeoutError:
        print("timeout block expired", round(asyncio.get_running_loop().time(), 2))
    async with asyncio.timeout(5) as cm:
        await asyncio.sleep(1)
    print("in time:", not cm.expired())

asyncio.run(main())
`},
	{"bounded_queue_backpressure", `import asyncio

async def producer(q):
    loop = asyncio.get_running_loop()
    for i in range(6):
        await q.put(i)
        print(f"{loop.time():.1f} put {i} size {q.qsize()}")
    await q.put(None)

async def consumer(q):
    loop = asyncio.get_running_loop()
    while (item := await q.get()) is not None:
        await asyncio.sleep(1)
        print(f"{loop.time():.1f} got {item}")

async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.empty(), q.full())
    await asyncio.gather(producer(q), consumer(q))

asyncio.run(main())
`},
	{"workers_join_and_cancel", `import asyncio

async def worker(name, q):
    try:
        while True:
            job = await q.get()
            await asyncio.sleep(job)
            print(name, "did", job)
            q.task_done()
    except asyncio.CancelledError:
        print(name, "stopped")
        raise

async def main():
    q = asyncio.Queue()
    for job in [0.3, 0.1, 0.4, 0.2, 0.5]:
        q.put_nowait(job)
    workers = [asyncio.create_task(worker(f"w{i}", q)) for i in range(2)]
    await q.join()
    print("all done at", round(asyncio.get_running_loop().time(), 2))
    for w in workers:
        w.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in results], workers[0].cancelled())

asyncio.run(main())
`},
	{"semaphore_caps_concurrency", `import asyncio

async def fetch(sem, i):
    async with sem:
        print("fetch", i, "at", round(asyncio.get_running_loop().time(), 2), "locked", sem.locked())
        await asyncio.sleep(1)

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(fetch(sem, i) for i in range(5)))
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
`},
	{"event_and_lock", `import asyncio

async def waiter(ev, i):
    print("waiting", i)
    print("woke", i, await ev.wait())

async def holder(lock, name):
    async with lock:
        print(name, "has the lock", lock.locked())
        await asyncio.sleep(0.1)

async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, i)) for i in range(3)]
    await asyncio.sleep(1)
    print("setting", ev.is_set())
    ev.set()
    await asyncio.gather(*tasks)
    lock = asyncio.Lock()
    await asyncio.gather(*(holder(lock, n) for n in "abc"))
    print("free", lock.locked())

asyncio.run(main())
`},
	{"cancel_a_task", `import asyncio

async def sleeper():
    try:
        await asyncio.sleep(100)
    finally:
        print("sleeper cleans up")

async def never():
    print("this never runs")

async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    print("cancel:", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting it raised CancelledError")
    print(t.done(), t.cancelled(), t.cancel())
    n = asyncio.create_task(never())
    n.cancel()
    await asyncio.sleep(0)
    print("never cancelled:", n.cancelled())

asyncio.run(main())
`},
	{"cancelling_an_awaiter_cancels_the_awaited", `import asyncio

async def child():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("child cancelled")
        raise

async def parent(t):
    await t

async def main():
    c = asyncio.create_task(child())
    p = asyncio.create_task(parent(c))
    await asyncio.sleep(1)
    p.cancel()
    r = await asyncio.gather(p, c, return_exceptions=True)
    print([type(x).__name__ for x in r])

asyncio.run(main())
`},
	{"task_names", `import asyncio

async def job():
    await asyncio.sleep(0.1)

async def main():
    a = asyncio.create_task(job())
    b = asyncio.create_task(job(), name="named")
    print(asyncio.current_task().get_name(), a.get_name(), b.get_name())
    a.set_name("renamed")
    print(a.get_name())
    await asyncio.gather(a, b)

asyncio.run(main())
`},
	{"taskgroup_waits_for_all", `import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    print("job", name, "at", round(asyncio.get_running_loop().time(), 2))
    return name * 2

async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(job("a", 0.3))
        b = tg.create_task(job("b", 0.1), name="bee")
        print("body ends before the tasks")
    print("after the block", round(asyncio.get_running_loop().time(), 2), a.result(), b.result(), b.get_name())

asyncio.run(main())
`},
	{"taskgroup_failure_cancels_the_rest", `import asyncio

async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(name, "cancelled at", round(asyncio.get_running_loop().time(), 2))
        raise
    if fail:
        raise ValueError(f"{name} failed")
    print(name, "done")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("fast", 0.1))
            tg.create_task(job("bad", 0.5, fail=True))
            tg.create_task(job("slow", 2))
            await asyncio.sleep(10)
            print("the body is not reached")
    except ExceptionGroup as eg:
        print("caught:", eg, [repr(e) for e in eg.exceptions])
    print("at", round(asyncio.get_running_loop().time(), 2))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("child", 1))
            raise KeyError("body")
    except ExceptionGroup as eg:
        print("body error:", [repr(e) for e in eg.exceptions])
    async with asyncio.TaskGroup() as tg:
        pass
    late = job("late", 1)
    try:
        tg.create_task(late)
    except RuntimeError as e:
        print("RuntimeError:", e)
    late.close()

asyncio.run(main())
`},
	{"taskgroup_except_star", `import asyncio

async def job(name, delay, exc=None):
    await asyncio.sleep(delay)
    if exc is not None:
        raise exc
    print(name, "done")
    return name

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("a", 0.1, ValueError("a failed")))
            tg.create_task(job("b", 0.1, TypeError("b failed")))
            tg.create_task(job("c", 0.05))
    except* ValueError as eg:
        print("values:", repr(eg))
    except* TypeError as eg:
        print("types:", [str(e) for e in eg.exceptions])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("d", 0.1, KeyError("d")))
    except* ValueError:
        print("not reached")
    except* KeyError as eg:
        print("keys:", repr(eg), type(eg).__name__)
        raise RuntimeError("handling the keys") from None

try:
    asyncio.run(main())
except* RuntimeError as eg:
    print("main failed:", repr(eg))
async def last():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(job("e", 0.1, OSError("e")))
asyncio.run(last())
`},
	{"taskgroup_cancelled_from_outside", `import asyncio

cancelled = []

async def member(i):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        cancelled.append(i)  # in the order of a set in CPython: compare sorted
        raise

async def owner():
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(3):
                tg.create_task(member(i))
    except asyncio.CancelledError:
        print("owner cancelled at", round(asyncio.get_running_loop().time(), 2), "members", sorted(cancelled))
        raise

async def main():
    t = asyncio.create_task(owner())
    await asyncio.sleep(1)
    t.cancel()
    print(await asyncio.gather(t, return_exceptions=True))

asyncio.run(main())
`},
	{"condition_and_helpers", `import asyncio

async def consumer(cond, items, name):
    async with cond:
        await cond.wait_for(lambda: items)
        print(name, "takes", items.pop(0), "locked", cond.locked())

async def main():
    cond = asyncio.Condition()
    items = []
    tasks = [asyncio.ensure_future(consumer(cond, items, f"c{i}")) for i in range(3)]
    print("tasks alive:", len(asyncio.all_tasks()))
    for n in range(3):
        await asyncio.sleep(0.5)
        async with cond:
            items.append(n)
            cond.notify()
    await asyncio.gather(*tasks)
    async with cond:
        items.extend([7, 8])
        cond.notify_all()
    print("left:", items, asyncio.ensure_future(tasks[0]) is tasks[0])

asyncio.run(main())
`},
	{"wait_first_completed_and_timeout", `import asyncio

async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(name)
    return name

async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(n, d)) for n, d in [("a", 3), ("b", 1), ("c", 2)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(loop.time(), sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks, timeout=0.5)
    print(loop.time(), len(done), len(pending))
    done, pending = await asyncio.wait(tasks)
    print(loop.time(), sorted(t.result() for t in done), len(pending))
    more = [asyncio.create_task(job("x", 1, fail=True)), asyncio.create_task(job("y", 5))]
    done, pending = await asyncio.wait(more, return_when=asyncio.FIRST_EXCEPTION)
    print(loop.time(), [repr(t.exception()) for t in done], len(pending))
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    for t in pending:
        t.cancel()

asyncio.run(main())
`},
	// The three patterns of the backpressure seed: a bounded queue between
	// a producer and a slow consumer, a semaphore capping concurrent
	// fetches, and several consumers on one queue.
	{"seed_bounded_queue", `import asyncio

async def slow_process(item):
    await asyncio.sleep(0.1)

async def producer(queue):
    loop = asyncio.get_running_loop()
    for i in range(8):
        await queue.put(i)  # blocks when the queue is full
        print(f"{loop.time():.1f} produced {i}, queue holds {queue.qsize()}")
    await queue.put(None)

async def consumer(queue):
    while (item := await queue.get()) is not None:
        await slow_process(item)
        queue.task_done()

async def main():
    queue = asyncio.Queue(maxsize=3)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(producer(queue))
        tg.create_task(consumer(queue))
    print("done at", round(asyncio.get_running_loop().time(), 2))

asyncio.run(main())
`},
	{"seed_semaphore_fetch_all", `import asyncio

active = 0
peak = 0

async def fake_get(url):
    await asyncio.sleep(len(url) / 10)
    return f"<{url}>"

async def fetch_all(urls, concurrency=3):
    semaphore = asyncio.Semaphore(concurrency)

    async def fetch_one(url):
        global active, peak
        async with semaphore:
            active += 1
            peak = max(peak, active)
            try:
                return await fake_get(url)
            finally:
                active -= 1

    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch_one(url)) for url in urls]
    return [t.result() for t in tasks]

async def main():
    urls = ["a", "bb", "ccc", "dddd", "ee", "f", "ggg"]
    print(await fetch_all(urls))
    print("peak concurrency", peak, "at most 3; finished at", round(asyncio.get_running_loop().time(), 2))

asyncio.run(main())
`},
	{"seed_multiple_consumers", `import asyncio

async def producer(queue, n):
    for i in range(n):
        await queue.put(i)
    print("producer done at", round(asyncio.get_running_loop().time(), 2))

async def consumer(name, queue, handled):
    while True:
        item = await queue.get()
        await asyncio.sleep(0.3 + item % 3 / 10)
        handled[name] = handled.get(name, 0) + 1
        queue.task_done()

async def main():
    queue = asyncio.Queue(maxsize=5)
    handled = {}
    async with asyncio.TaskGroup() as tg:
        tg.create_task(producer(queue, 20))
        consumers = [tg.create_task(consumer(f"c{i}", queue, handled)) for i in range(3)]
        await asyncio.sleep(0.01)
        await queue.join()
        print("queue drained at", round(asyncio.get_running_loop().time(), 2))
        for c in consumers:
            c.cancel()
    print(sorted(handled.items()), all(c.cancelled() for c in consumers))

asyncio.run(main())
`},
	{"loop_callbacks", `import asyncio

def say(loop, what):
    print(f"{loop.time():.1f} {what} (in a task: {asyncio.current_task() is not None})")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(1.5, say, loop, "later 1.5")
    h = loop.call_later(1, say, loop, "cancelled")
    loop.call_soon(say, loop, "soon")
    loop.call_at(loop.time() + 0.5, say, loop, "at 0.5")
    ev = asyncio.Event()
    loop.call_later(2, ev.set)
    print("scheduled", h.when(), h.cancelled())
    h.cancel()
    print("cancelled", h.cancelled())
    await ev.wait()
    say(loop, "event set by a callback")
    t = loop.create_task(asyncio.sleep(1, result="from loop.create_task"))
    print(await t)

asyncio.run(main())
`},
	{"priority_and_lifo_queues", `import asyncio

async def main():
    pq = asyncio.PriorityQueue()
    for job in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        await pq.put(job)
    print([await pq.get() for _ in range(pq.qsize())])
    lq = asyncio.LifoQueue(maxsize=3)
    for n in range(3):
        lq.put_nowait(n)
    print(lq.full(), [lq.get_nowait() for _ in range(3)], lq.empty())
    bad = asyncio.PriorityQueue()
    await bad.put(1)
    try:
        await bad.put("one")
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
`},
	{"nowait_errors", `import asyncio

async def main():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("a")
    try:
        q.put_nowait("b")
    except asyncio.QueueFull:
        print("QueueFull")
    print(q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    try:
        q.task_done()
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
`},
	{"run_cancels_what_is_left", `import asyncio

async def forever(name):
    try:
        await asyncio.sleep(1000)
    except asyncio.CancelledError:
        print(name, "cancelled when main ended")
        raise

async def main():
    asyncio.create_task(forever("one"))
    asyncio.create_task(forever("two"))
    await asyncio.sleep(2)
    return "main's result"

print(asyncio.run(main()))
`},
	{"task_exception_propagates", `import asyncio

async def fails():
    await asyncio.sleep(0.5)
    raise KeyError("missing")

async def main():
    t = asyncio.create_task(fails())
    try:
        await t
    except KeyError as e:
        print("caught", repr(e), repr(t.exception()))
    await fails()

asyncio.run(main())
`},
}

func TestAsyncioAgainstPython(t *testing.T) {
	for _, c := range asyncioCases {
		t.Run(c.name, func(t *testing.T) {
			wantOut, wantErr, wantCode := stdPython(t, virtualLoop+c.src)
			gotOut, gotErr, gotCode := stdRun(c.src, 0)
			if gotOut != wantOut || gotCode != wantCode {
				t.Errorf("stdout (exit %d):\n%s\npython3 (exit %d):\n%s", gotCode, gotOut, wantCode, wantOut)
			}
			if last(gotErr) != last(wantErr) {
				t.Errorf("stderr ends %q; python3's %q\nstderr:\n%s", last(gotErr), last(wantErr), gotErr)
			}
		})
	}
}

// last is the last line of s.
func last(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// A task that failed and was never awaited is reported at the end as
// CPython reports it, word for word.
func TestAsyncioExceptionNeverRetrieved(t *testing.T) {
	src := `import asyncio

async def fails():
    await asyncio.sleep(0.5)
    raise KeyError("missing")

async def main():
    asyncio.create_task(fails())
    await asyncio.sleep(1)
    print("main done")

asyncio.run(main())
print("after run")
`
	wantOut, wantErr, wantCode := stdPython(t, src)
	gotOut, gotErr, gotCode := stdRun(src, 0)
	if gotOut != wantOut || gotErr != wantErr || gotCode != wantCode {
		t.Errorf("got (exit %d)\n%s%s\npython3 (exit %d)\n%s%s", gotCode, gotOut, gotErr, wantCode, wantOut, wantErr)
	}
}

// Signal handlers: signals injected at virtual times call the handlers
// added with loop.add_signal_handler, in the loop, instead of their
// default actions (python3 cannot be sent signals at virtual times, so
// this one is checked against the expected output).
func TestAsyncioSignalHandlers(t *testing.T) {
	src := `import asyncio, signal

async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGINT, lambda: print("SIGINT at", loop.time()))
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()
    print("stopping at", loop.time(), loop.remove_signal_handler(signal.SIGTERM), loop.remove_signal_handler(signal.SIGTERM))

asyncio.run(main())
`
	var out strings.Builder
	res := run.Program(src, run.Config{Stdout: &out, Stderr: &out, Modules: run.StandardModules,
		Setup: func(k *sim.Kernel) {
			k.Inject(sim.Second, sim.SIGINT)
			k.Inject(3*sim.Second/2, sim.SIGTERM)
		}})
	if got, want := out.String(), "SIGINT at 1.0\nstopping at 1.5 True False\n"; got != want || res.ExitCode != 0 {
		t.Errorf("got (exit %d)\n%s\nwant\n%s", res.ExitCode, got, want)
	}
}
