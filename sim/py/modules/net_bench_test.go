package modules_test

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"asyncplay/sim"
	"asyncplay/sim/py/run"
	"asyncplay/sim/world"
)

// echoServerProgram serves lines back until every expected client has
// come and gone, then ends: a run "to completion".
const echoServerProgram = `
from curio import run, spawn, tcp_server, Event

clients = 10000
closed = 0
all_done = Event()

async def echo(client, addr):
    global closed
    s = client.as_stream()
    async for line in s:
        await s.write(line)
    closed += 1
    if closed == clients:
        await all_done.set()

async def main():
    server = await spawn(tcp_server('', 25000, echo, backlog=clients))
    await all_done.wait()
    await server.cancel()
    print(closed, 'clients served')

run(main)
`

const echoClientsWorld = `
clients 10000 load at 1ms connect localhost:25000
    send "line {n} from client {i}\n" x10
    read 10 lines
    close
`

// BenchmarkEchoClients is the yardstick for the simulated world: a
// curio echo server with 10,000 concurrent scripted clients, each sending
// 10 lines and reading them back, simulated to completion. It reports the
// trace records made per wall second, the heap the finished run holds
// (its whole trace included) and the most heap the process held.
func BenchmarkEchoClients(b *testing.B) {
	spec, err := world.Parse("", echoClientsWorld)
	if err != nil {
		b.Fatal(err)
	}
	var records int
	var heap, sys uint64
	start := time.Now()
	for b.Loop() {
		var out strings.Builder
		res := run.Program(echoServerProgram, run.Config{Stdout: &out, Stderr: &out, OpCost: run.DefaultOpCost,
			Modules: run.StandardModules, Setup: func(k *sim.Kernel) { spec.Install(k) }})
		if out.String() != "10000 clients served\n" || res.ExitCode != 0 {
			b.Fatalf("exit %d: %.2000s", res.ExitCode, out.String())
		}
		records = res.Kernel.Trace().Len()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		heap, sys = max(heap, ms.HeapAlloc), max(sys, ms.HeapSys)
		runtime.KeepAlive(res)
	}
	b.ReportMetric(float64(records), "records")
	b.ReportMetric(float64(records)*float64(b.N)/time.Since(start).Seconds(), "records/s")
	b.ReportMetric(float64(heap)/(1<<20), "MB-heap")
	b.ReportMetric(float64(sys)/(1<<20), "MB-peak") // the most heap the process ever held
}
