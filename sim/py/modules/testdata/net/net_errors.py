# What goes wrong on a network, and what a program sees.
from curio import run, sleep, spawn, open_connection, tcp_server
from curio.socket import *

async def rude(client, addr):
    await client.recv(10)
    # closing with input unread resets the connection

async def main():
    try:
        await open_connection('localhost', 9)
    except ConnectionRefusedError as e:
        print('nobody listens:', e)
    try:
        await open_connection('no.such.host', 80)
    except gaierror as e:
        print('no such host:', e)
    a = socket(AF_INET, SOCK_STREAM)
    a.bind(('', 8000))
    a.listen()
    b = socket(AF_INET, SOCK_STREAM)
    try:
        b.bind(('', 8000))
    except OSError as e:
        print('bind twice:', e)
    try:
        b.getpeername()
    except OSError as e:
        print('not connected:', e)
    await a.close()
    await b.close()
    try:
        await b.recv(10)
    except OSError as e:
        print('read after close:', e)

    server = await spawn(tcp_server, '', 8001, rude)
    c = await open_connection('localhost', 8001)
    await c.sendall(b'hello, and more that nobody will read\n')
    await sleep(0.1)
    try:
        await c.recv(100)
    except ConnectionResetError as e:
        print('reset by the server:', e)
    try:
        await c.sendall(b'again')
    except BrokenPipeError as e:
        print('then writing:', e)
    await c.close()

    d = await open_connection('localhost', 8002)
    got = b''
    try:
        while True:
            data = await d.recv(100)
            if not data:
                break
            got += data
    except ConnectionResetError as e:
        print('the peer died mid-transfer:', e)
    print('after', got.count(b'\n'), 'records')
    await server.cancel()

run(main)
