# The same proxy with asyncio's streams: drain() waits while the slow
# side's transport holds more than its high-water mark.
import asyncio

async def copy(reader, writer, done):
    while data := await reader.read(65536):
        writer.write(data)
        await writer.drain()           # waits above 64 KiB
    writer.write_eof()
    done.set()

async def main():
    loop = asyncio.get_running_loop()
    dest_reader, dest = await asyncio.open_connection('slow.example', 9000)
    done = asyncio.Event()
    async def on_client(reader, writer):
        server.close()
        await copy(reader, dest, done)
        writer.close()
    server = await asyncio.start_server(on_client, '', 8000)
    peak = 0
    while not done.is_set():
        size = dest.transport.get_write_buffer_size()
        peak = max(peak, size)
        print(f'{loop.time():4.1f}s buffered in the proxy: {size:7d}')
        await asyncio.sleep(2)
    print('peak', peak)
    dest.close()
    await dest.wait_closed()
    await asyncio.sleep(1)

asyncio.run(main())
