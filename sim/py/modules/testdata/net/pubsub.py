# Publish and subscribe between tasks: one queue in, one queue per reader.
from curio import run, TaskGroup, Queue, sleep

messages = Queue()
subscribers = set()

async def dispatcher():
    async for msg in messages:
        for q in list(subscribers):
            await q.put(msg)

async def subscriber(name):
    queue = Queue()
    subscribers.add(queue)
    try:
        async for msg in queue:
            print(name, 'got', msg)
    finally:
        subscribers.discard(queue)

async def producer():
    for i in range(4):
        await messages.put(i)
        await sleep(0.1)

async def main():
    async with TaskGroup() as g:
        await g.spawn(dispatcher)
        for name in ('ann', 'bob'):
            await g.spawn(subscriber, name)
        p = await g.spawn(producer)
        await p.join()
        await sleep(0.1)
        await g.cancel_remaining()
    print('done')

run(main)
