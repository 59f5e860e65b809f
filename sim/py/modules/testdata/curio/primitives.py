# Every curio primitive from Python, with the virtual time of each event.
import curio

async def say(*args):
    print(f"{await curio.clock():5.2f}", *args)

async def events():
    evt = curio.Event()
    async def waiter(n):
        await evt.wait()
        await say("waiter", n, "woke")
    t1 = await curio.spawn(waiter, 1)
    t2 = await curio.spawn(waiter, 2)
    await curio.sleep(1)
    print("is_set", evt.is_set())
    await evt.set()
    await t1.join()
    await t2.join()
    evt.clear()
    print("cleared", evt.is_set())

async def locks():
    lock = curio.Lock()
    async def worker(n):
        async with lock:
            await say("worker", n, "has the lock")
            await curio.sleep(1)
    tasks = [await curio.spawn(worker, n) for n in range(3)]
    for t in tasks:
        await t.join()
    print("locked", lock.locked())
    r = curio.RLock()
    async with r:
        async with r:
            print("rlock twice", r.locked())
    print("rlock released", r.locked())

async def semaphores():
    sem = curio.Semaphore(2)
    async def user(n):
        async with sem:
            await say("user", n, "in")
            await curio.sleep(1)
    tasks = [await curio.spawn(user, n) for n in range(4)]
    for t in tasks:
        await t.join()
    b = curio.BoundedSemaphore(1)
    try:
        await b.release()
    except ValueError as e:
        print("ValueError:", e)

async def conditions():
    cond = curio.Condition()
    items = []
    async def consumer():
        async with cond:
            await cond.wait_for(lambda: len(items) >= 2)
            await say("consumer sees", items)
    t = await curio.spawn(consumer)
    for i in range(3):
        await curio.sleep(0.5)
        async with cond:
            items.append(i)
            await cond.notify()
    await t.join()
    try:
        await cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)

async def queues():
    q = curio.Queue(maxsize=2)
    async def producer():
        for i in range(4):
            await q.put(i)
            await say("put", i, "size", q.qsize())
        await q.put(None)
    async def consumer():
        async for item in q:
            if item is None:
                break
            await say("got", item)
            await curio.sleep(1)
            await q.task_done()
        await q.task_done()
    p = await curio.spawn(producer)
    c = await curio.spawn(consumer)
    await p.join()
    await q.join()
    await say("queue joined, empty", q.empty())
    await c.join()
    pq = curio.PriorityQueue()
    for x in [(3, "c"), (1, "a"), (2, "b")]:
        await pq.put(x)
    print("priority", [await pq.get() for _ in range(3)])
    lq = curio.LifoQueue()
    for x in "xyz":
        await lq.put(x)
    print("lifo", [await lq.get() for _ in range(3)])

async def groups():
    async def job(n):
        await curio.sleep(n)
        return n * 10
    async with curio.TaskGroup(wait=any) as g:
        for n in (3, 1, 2):
            await g.spawn(job, n)
    await say("any:", g.result, g.completed.name)
    g = curio.TaskGroup()
    for n in (2, 1):
        await g.spawn(job, n)
    async for done in g:
        await say("done", done.result)
    await g.join()
    async with curio.TaskGroup() as g2:
        await g2.spawn(job, 1)
        await g2.spawn(job, 2)
    print("results", g2.results)

async def timeouts():
    try:
        async with curio.timeout_after(1):
            async with curio.timeout_after(5):
                await curio.sleep(10)
    except curio.TaskTimeout:
        await say("outer TaskTimeout")
    try:
        async with curio.timeout_after(5):
            try:
                async with curio.timeout_after(1):
                    await curio.sleep(10)
            except curio.TaskTimeout:
                await say("inner TaskTimeout")
            await curio.sleep(1)
        await say("outer untouched")
    except curio.TaskTimeout:
        print("wrong")
    async with curio.ignore_after(1) as r:
        await curio.sleep(2)
    await say("ignore_after result", r.result, r.expired)
    v = await curio.ignore_after(1, curio.sleep(2), timeout_result="late")
    await say("call form", v)
    now = await curio.clock()
    try:
        await curio.timeout_at(now + 0.5, curio.sleep, 1)
    except curio.TaskTimeout:
        await say("timeout_at")

async def tasks():
    me = await curio.current_task()
    print("current", me.name, me.id > 0)
    async def child():
        await curio.sleep(1)
        return "child result"
    t = await curio.spawn(child)
    print("state", t.state, t.daemon, t.parentid == me.id)
    print(await curio.gather([t]))
    print("after", t.state, t.terminated, t.result)
    d = await curio.spawn(child, daemon=True)
    await d.cancel()
    print("cancelled", d.cancelled, type(d.exception).__name__)
    await curio.schedule()

async def main():
    for part in (events, locks, semaphores, conditions, queues, groups, timeouts, tasks):
        print("--", part.__name__)
        await part()

curio.run(main)
