# The same proxy with curio: sendall waits while the slow side is full,
# so the proxy stops reading and TCP holds the fast sender back.
from curio import run, spawn, sleep, clock, open_connection, tcp_server_socket, Event

moved = 0

async def copy(src, dest, done):
    global moved
    async with src:
        while True:
            data = await src.recv(65536)
            if not data:
                break
            await dest.sendall(data)   # waits for room
            moved += len(data)
    await dest.shutdown(1)
    await done.set()

async def watch(done):
    while not done.is_set():
        print(f'{await clock():4.1f}s forwarded: {moved:7d}')
        await sleep(2)

async def main():
    dest = await open_connection('slow.example', 9000)
    listener = tcp_server_socket('', 8000)
    src, addr = await listener.accept()
    await listener.close()
    done = Event()
    await spawn(copy, src, dest, done, daemon=True)
    await watch(done)
    print('all forwarded:', moved)
    await sleep(1)
    await dest.close()

run(main)
