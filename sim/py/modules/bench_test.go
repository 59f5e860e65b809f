package modules_test

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

const queueProgram = `
import curio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
    await q.put(None)

async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            return total
        total += item

async def main():
    q = curio.Queue(maxsize=1)
    p = await curio.spawn(producer, q, 200000)
    c = await curio.spawn(consumer, q)
    await p.join()
    print(await c.join())

curio.run(main)
`

const asyncioQueueProgram = `
import asyncio, time

async def producer(q, n):
    for i in range(n):
        await q.put(i)
    await q.put(None)

async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            return total
        total += item

async def main():
    q = asyncio.Queue(maxsize=1)
    t = time.perf_counter()
    p = asyncio.create_task(producer(q, 200000))
    c = asyncio.create_task(consumer(q))
    await p
    print(await c)
    print(time.perf_counter() - t)

asyncio.run(main())
`

// BenchmarkQueueVsAsyncio moves 200,000 messages through a queue of
// maxsize 1 between two tasks, in the interpreter on the kernel and in the
// machine's python3 with asyncio (timed inside python3), and reports both
// times and their ratio.
func BenchmarkQueueVsAsyncio(b *testing.B) {
	py, err := exec.LookPath("python3")
	if err != nil {
		b.Skip("python3 not found")
	}
	var ours, theirs time.Duration
	for range b.N {
		start := time.Now()
		out, errs, code, _ := runCurio(&testing.T{}, queueProgram, nil)
		ours += time.Since(start)
		if out != "19999900000\n" || code != 0 {
			b.Fatalf("printed %q %q (exit %d)", out, errs, code)
		}
		t, err := exec.Command(py, "-c", asyncioQueueProgram).Output()
		if err != nil {
			b.Fatal(err)
		}
		lines := strings.Fields(string(t))
		secs, _ := strconv.ParseFloat(lines[len(lines)-1], 64)
		theirs += time.Duration(secs * float64(time.Second))
	}
	b.ReportMetric(ours.Seconds()/float64(b.N), "s/200k")
	b.ReportMetric(theirs.Seconds()/float64(b.N), "asyncio-s/200k")
	b.ReportMetric(float64(theirs)/float64(ours), "x-faster")
}
