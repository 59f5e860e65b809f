# asyncio's write-buffer water marks seen from a protocol, and the
# reader's line limit.
import asyncio

class Writer(asyncio.Protocol):
    def connection_made(self, transport):
        self.t = transport
        self.can_write = asyncio.Event()
        self.can_write.set()
    def pause_writing(self):
        print(f'{now():.2f} pause_writing at {self.t.get_write_buffer_size()} bytes')
        self.can_write.clear()
    def resume_writing(self):
        print(f'{now():.2f} resume_writing at {self.t.get_write_buffer_size()} bytes')
        self.can_write.set()

def now():
    return asyncio.get_running_loop().time()

async def main():
    loop = asyncio.get_running_loop()
    t, p = await loop.create_connection(Writer, 'slow.example', 9000)
    print('limits', t.get_write_buffer_limits())
    try:
        t.set_write_buffer_limits(high=10, low=20)
    except ValueError as e:
        print('ValueError:', e)
    t.set_write_buffer_limits(high=32768)
    print('limits', t.get_write_buffer_limits())
    chunk = b'x' * 10000
    for i in range(40):
        await p.can_write.wait()
        t.write(chunk)
    t.close()

    done = asyncio.Event()
    async def lines(reader, writer):
        print(await reader.readline())
        try:
            await reader.readline()
        except ValueError as e:
            print('ValueError:', e)
        print(await reader.readline())
        writer.close()
        done.set()
    server = await asyncio.start_server(lines, '', 7000, limit=100)
    await done.wait()
    server.close()

asyncio.run(main())
