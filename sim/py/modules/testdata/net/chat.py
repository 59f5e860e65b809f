# A chat server: each connection reads lines and publishes them, and
# writes what everyone else says. SIGHUP drops everyone and starts over.
import signal
from curio import run, spawn, SignalQueue, TaskGroup, Queue, tcp_server, CancelledError

messages = Queue()
subscribers = set()

async def dispatcher():
    async for msg in messages:
        for q in subscribers:
            await q.put(msg)

async def outgoing(stream):
    queue = Queue()
    try:
        subscribers.add(queue)
        async for name, msg in queue:
            await stream.write(name + b': ' + msg)
    finally:
        subscribers.discard(queue)

async def incoming(stream, name):
    try:
        async for line in stream:
            await messages.put((name, line))
    except CancelledError:
        await stream.write(b'SERVER IS GOING AWAY!\n')
        raise

async def handler(client, addr):
    print('connection from', addr)
    async with client:
        stream = client.as_stream()
        await stream.write(b'Your name: ')
        name = (await stream.readline()).strip()
        await messages.put((name, b'joined\n'))
        async with TaskGroup(wait=any) as workers:
            await workers.spawn(outgoing, stream)
            await workers.spawn(incoming, stream, name)
        await messages.put((name, b'has gone away\n'))
    print('connection closed', addr)

async def chat_server(host, port):
    async with TaskGroup() as g:
        await g.spawn(dispatcher)
        await g.spawn(tcp_server, host, port, handler)

async def main(host, port):
    async with SignalQueue(signal.SIGHUP) as restart:
        while True:
            print('starting the server')
            server = await spawn(chat_server, host, port)
            await restart.get()
            print('server shutting down')
            await server.cancel()

run(main('', 25000))
