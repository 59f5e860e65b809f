# A server that restarts on SIGHUP: the clients of the old one are told.
import signal
from curio import run, spawn, SignalQueue, CancelledError, tcp_server

async def echo(client, addr):
    print('connection from', addr)
    s = client.as_stream()
    try:
        async for line in s:
            await s.write(line)
    except CancelledError:
        await s.write(b'SERVER IS GOING AWAY!\n')
        raise
    print('connection closed', addr)

async def main(host, port):
    async with SignalQueue(signal.SIGHUP) as restart:
        while True:
            print('starting the server')
            server = await spawn(tcp_server, host, port, echo)
            await restart.get()
            print('restarting')
            await server.cancel()

run(main('', 25000))
