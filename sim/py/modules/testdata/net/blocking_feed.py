# A feed of market ticks, 50 a second, handled by code that blocks the
# event loop for 50 ms a tick (time.sleep, or computing). The feed's
# server is another machine: it sends on time, so the ticks wait in the
# socket's receive buffer, and the latency measured from each tick's
# timestamp grows by the 30 ms the handler falls behind on each.
import curio, time

async def main():
    sock = await curio.open_connection('feed', 9000)
    buf = b''
    n = 0
    while n < 8:
        data = await sock.recv(1000)
        if not data:
            break
        buf += data
        while b'\n' in buf and n < 8:
            line, buf = buf.split(b'\n', 1)
            n += 1
            sent = float(line.split()[1])
            print('tick', n, 'latency %.3f' % (time.monotonic() - sent))
            time.sleep(0.05)
    await sock.close()

curio.run(main)
