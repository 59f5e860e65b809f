package modules_test

import (
	"strings"
	"testing"

	"asyncplay/sim"
	"asyncplay/sim/world"
)

// runInWorld runs src in the world declared by decl.
func runInWorld(t *testing.T, src, decl string) (string, string, int, *sim.Kernel) {
	t.Helper()
	spec, err := world.Parse("", decl)
	if err != nil {
		t.Fatal(err)
	}
	out, errs, code, res := runCurio(t, dedent(src), func(k *sim.Kernel) {
		if err := spec.Install(k); err != nil {
			t.Fatal(err)
		}
	})
	return out, errs, code, res.Kernel
}

// A curio program that sendalls a megabyte to a slow reader and exits at
// once: sendall returned when the last bytes were in the send buffer, the
// OS sends them after the exit, and the sink reports every byte, at its
// pace, after the program's last line. No sleep at the end is needed.
func TestCurioExitLeavesTheSendBufferToTheOS(t *testing.T) {
	out, errs, code, k := runInWorld(t, `
		import curio

		async def main():
		    sock = await curio.open_connection('slow.example', 9000)
		    await sock.sendall(b'x' * 1_000_000)
		    print(f'{await curio.clock():.2f}s sent, exiting')

		curio.run(main)
		`, "sink slow on slow.example:9000 rate 100KB/s")
	if out != "8.50s sent, exiting\n[slow] received 1000000 bytes\n" || errs != "" || code != 0 {
		t.Errorf("stdout %q, stderr %q, exit %d", out, errs, code)
	}
	if !k.Exited() || k.Now() < 10*sim.Second {
		t.Errorf("the run ended at %v (exited %v): the world did not run on", k.Now(), k.Exited())
	}
}

// An asyncio program that writes a megabyte without drain and exits at
// once loses what its transport buffer held: the reader gets what the
// socket had taken (its receive buffer's 128 KiB and the 16 KiB send
// buffer), then the end of file.
func TestAsyncioExitLosesTheTransportBuffer(t *testing.T) {
	out, errs, code, _ := runInWorld(t, `
		import asyncio

		async def main():
		    reader, writer = await asyncio.open_connection('slow.example', 9000)
		    writer.write(b'x' * 1_000_000)
		    print('buffered', writer.transport.get_write_buffer_size())

		asyncio.run(main())
		`, "sink slow on slow.example:9000 rate 100KB/s")
	if out != "buffered 983616\n[slow] received 147456 bytes\n" || errs != "" || code != 0 {
		t.Errorf("stdout %q, stderr %q, exit %d", out, errs, code)
	}
}

// A server stopped by Control-C: the terminal connected to it sees the
// end of file once the OS has closed the connection, and the exit status
// is still the program's.
func TestTerminalSeesTheEndOfFileAfterTheExit(t *testing.T) {
	out, errs, code, _ := runInWorld(t, `
		from curio import run, tcp_server

		async def echo(client, addr):
		    s = client.as_stream()
		    async for line in s:
		        await s.write(line.upper())

		run(tcp_server, '', 25000, echo)
		`, "terminal you at 1s connect localhost:25000\ntype you at 2s \"hi\\n\"\nsignal SIGINT at 3s\ntype you at 4s \"too late\\n\"")
	if out != "[you] HI\n[you] (end of file)\n" || !strings.HasSuffix(errs, "KeyboardInterrupt\n") || code != 1 {
		t.Errorf("stdout %q, stderr %q, exit %d", out, errs, code)
	}
}
