# A one-way proxy with asyncio's protocols and no flow control: whatever
# the fast side sends is read at once and queued in the slow side's
# transport, however much that is.
import asyncio

class Dest(asyncio.Protocol):
    def connection_lost(self, exc):
        pass

class Source(asyncio.Protocol):
    def __init__(self, dest, done):
        self.dest = dest
        self.done = done
    def data_received(self, data):
        self.dest.write(data)          # never waits: the buffer grows
    def eof_received(self):
        self.dest.write_eof()
        self.done.set()

async def watch(dest, done):
    peak = 0
    while not done.is_set() or dest.get_write_buffer_size():
        size = dest.get_write_buffer_size()
        peak = max(peak, size)
        print(f'{asyncio.get_running_loop().time():4.1f}s buffered in the proxy: {size:7d}')
        await asyncio.sleep(2)
    print('peak', peak)

async def main():
    loop = asyncio.get_running_loop()
    dest, _ = await loop.create_connection(Dest, 'slow.example', 9000)
    done = asyncio.Event()
    server = await loop.create_server(lambda: Source(dest, done), '', 8000)
    await watch(dest, done)
    server.close()
    dest.close()
    await asyncio.sleep(1)

asyncio.run(main())
