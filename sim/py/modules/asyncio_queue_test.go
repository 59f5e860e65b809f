package modules_test

import "testing"

// Queue.shutdown is Python 3.13's, newer than the python3 this machine has,
// so the expected output is written out from its documented rules: puts
// fail at once; gets drain what is queued, then fail; shutdown(immediate=
// True) drops the items, which count as done, releasing join; blocked
// putters and getters wake to the error. (shutdown releases join before
// it wakes the putters, so the joiner runs first.)
func TestAsyncioQueueShutdown(t *testing.T) {
	src := `
import asyncio

async def consumer(name, q):
    try:
        while True:
            item = await q.get()
            print(name, 'got', item)
            q.task_done()
    except asyncio.QueueShutDown:
        print(name, 'sees the queue shut down')

async def main():
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    q.shutdown()
    try:
        await q.put(3)
    except asyncio.QueueShutDown:
        print('put after shutdown: QueueShutDown')
    await consumer('a', q)

    q = asyncio.Queue(maxsize=1)
    q.put_nowait('x')
    async def putter():
        try:
            await q.put('y')
        except asyncio.QueueShutDown:
            print('blocked putter woken: QueueShutDown')
    async def joiner():
        await q.join()
        print('join released')
    tasks = [asyncio.create_task(putter()), asyncio.create_task(joiner())]
    await asyncio.sleep(1)
    q.shutdown(immediate=True)
    await asyncio.gather(*tasks)
    print('qsize', q.qsize())
    try:
        q.get_nowait()
    except asyncio.QueueShutDown:
        print('get_nowait: QueueShutDown')

    q = asyncio.Queue()
    waiting = asyncio.create_task(consumer('b', q))
    await asyncio.sleep(1)
    q.shutdown()
    await waiting

asyncio.run(main())
`
	out, errs, code := stdRun(src, 0)
	want := `put after shutdown: QueueShutDown
a got 0
a got 1
a got 2
a sees the queue shut down
join released
blocked putter woken: QueueShutDown
qsize 0
get_nowait: QueueShutDown
b sees the queue shut down
`
	if out != want || errs != "" || code != 0 {
		t.Errorf("stdout:\n%s\nstderr:\n%s\nexit %d\nwant:\n%s", out, errs, code, want)
	}
}
