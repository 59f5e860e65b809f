package modules_test

import (
	"strings"
	"testing"

	"asyncplay/sim"
)

// threadLoop is virtualLoop (asyncio_oracle_test.go) for programs with
// threads: when no timer is pending the loop waits for real, for a
// thread's result to arrive.
var threadLoop = strings.Replace(virtualLoop, `        if timeout is None:
            raise RuntimeError("deadlock: nothing left to wait for")`, `        if timeout is None:
            return super().select(None)`, 1)

// asyncio.to_thread and loop.run_in_executor against python3's: results,
// keyword arguments, exceptions raised in the awaiting task, gather, and
// a thread's exception that nobody catches.
func TestAsyncioThreadsAgainstPython(t *testing.T) {
	if threadLoop == virtualLoop {
		t.Fatal("the virtual loop's select changed: update threadLoop")
	}
	src := `import asyncio

def blocking(n):
    return sum(range(n))

def fails(msg):
    raise ValueError(msg)

async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.to_thread(blocking, 10))
    print(await loop.run_in_executor(None, blocking, 100))
    print(await asyncio.gather(asyncio.to_thread(blocking, 5), loop.run_in_executor(None, blocking, 6)))
    try:
        await asyncio.to_thread(fails, "boom")
    except ValueError as e:
        print("raised", repr(e))
    print(await asyncio.to_thread(sorted, [3, 1, 2], reverse=True))
    data = []
    await asyncio.gather(*(asyncio.to_thread(data.append, i) for i in range(3)))
    print(sorted(data))
    fut = loop.run_in_executor(None, fails, "late")
    await asyncio.sleep(1)
    print("slept until", round(loop.time(), 2))
    try:
        await fut
    except ValueError as e:
        print("future raised", repr(e))
    await asyncio.to_thread(fails, "uncaught")

asyncio.run(main())
`
	wantOut, wantErr, wantCode := stdPython(t, threadLoop+src)
	gotOut, gotErr, gotCode := stdRun(src, 0)
	if gotOut != wantOut || gotCode != wantCode {
		t.Errorf("stdout (exit %d):\n%s\npython3 (exit %d):\n%s", gotCode, gotOut, wantCode, wantOut)
	}
	if last(gotErr) != last(wantErr) {
		t.Errorf("stderr ends %q; python3's %q\nstderr:\n%s", last(gotErr), last(wantErr), gotErr)
	}
}

// Virtual time with asyncio's threads (python3's threads sleep for real,
// so these are exact expected outputs): a thread's time.sleep leaves the
// loop running; the default executor has min(32, 4 + 4) = 8 workers, or
// what the machine says; a thread whose awaiting task timed out runs on,
// and asyncio.run waits for it before it returns.
func TestAsyncioThreadsVirtualTime(t *testing.T) {
	src := `
		import asyncio, time

		def sleepy(d):
		    time.sleep(d)
		    return d

		async def ticker():
		    loop = asyncio.get_running_loop()
		    for i in range(3):
		        await asyncio.sleep(0.1)
		        print('tick', round(loop.time(), 2))

		async def main():
		    loop = asyncio.get_running_loop()
		    t = asyncio.create_task(ticker())
		    print('slept', await asyncio.to_thread(sleepy, 0.25), 'at', round(loop.time(), 2))
		    await t
		    start = loop.time()
		    await asyncio.gather(*[asyncio.to_thread(sleepy, 1) for _ in range(10)])
		    print('10 jobs in', round(loop.time() - start, 2))
		    try:
		        await asyncio.wait_for(loop.run_in_executor(None, sleepy, 2), 0.5)
		    except TimeoutError:
		        print('timed out at', round(loop.time(), 2))
		    fut = loop.run_in_executor(None, sleepy, 0.1)
		    await asyncio.sleep(1)
		    print('future done by then:', fut.done(), await fut)

		asyncio.run(main())
		print('run returned at', round(time.monotonic(), 2))
		`
	checkLanes(t, src, `
		tick 0.1
		tick 0.2
		slept 0.25 at 0.25
		tick 0.3
		10 jobs in 2.0
		timed out at 2.8
		future done by then: True 0.1
		run returned at 4.3
		`, nil)
	checkLanes(t, src, `
		tick 0.1
		tick 0.2
		slept 0.25 at 0.25
		tick 0.3
		10 jobs in 5.0
		timed out at 5.8
		future done by then: True 0.1
		run returned at 7.3
		`, func(k *sim.Kernel) { k.SetMachine(sim.Machine{Executor: 2}) })
}
