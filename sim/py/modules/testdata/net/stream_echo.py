# tcp_server and a stream: the handler reads line by line.
from curio import run, tcp_server, clock

async def shout(client, addr):
    s = client.as_stream()
    async for line in s:
        print(f'{await clock():.4f} {addr[1]} said {line!r}')
        await s.write(line.upper())
    print(addr[1], 'left')

run(tcp_server, '', 25000, shout)
