# The tutorial's first echo server: plain sockets, one task per client.
from curio import run, spawn
from curio.socket import *

async def serve(address):
    sock = socket(AF_INET, SOCK_STREAM)
    sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
    sock.bind(address)
    sock.listen(5)
    print('listening at', sock.getsockname())
    async with sock:
        while True:
            client, addr = await sock.accept()
            await spawn(echo, client, addr, daemon=True)

async def echo(client, addr):
    print('connection from', addr)
    async with client:
        while True:
            data = await client.recv(1000)
            if not data:
                break
            await client.sendall(data)
    print('connection from', addr, 'closed')

run(serve, ('', 25000))
