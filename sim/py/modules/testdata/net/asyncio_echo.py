# asyncio's stream echo server, served until a SIGTERM.
import asyncio, signal

async def handle(reader, writer):
    addr = writer.get_extra_info('peername')
    print('connection from', addr)
    async for line in reader:
        writer.write(line.upper())
        await writer.drain()
    print('closed', addr)
    writer.close()
    await writer.wait_closed()

async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    server = await asyncio.start_server(handle, '', 25000)
    async with server:
        await stop.wait()
    print('stopped')

asyncio.run(main())
