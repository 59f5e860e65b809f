package modules_test

import (
	"strconv"
	"strings"
	"testing"

	"asyncplay/sim"
	"asyncplay/sim/py/run"
)

// The modules that read the kernel (time, datetime, random, logging)
// have no oracle: their outputs are asserted exactly for deterministic
// programs.

func stdDedent(s string) string {
	lines := strings.Split(strings.TrimPrefix(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimLeft(l, "\t")
	}
	return strings.Join(lines, "\n")
}

func stdExpect(t *testing.T, src string, seed uint64, wantOut, wantErr string) {
	t.Helper()
	out, errOut, code := stdRun(stdDedent(src), seed)
	if out != stdDedent(wantOut) || errOut != stdDedent(wantErr) || code != 0 {
		t.Errorf("got stdout:\n%s\nwant:\n%s\ngot stderr:\n%s\nwant:\n%s\nexit %d", out, stdDedent(wantOut), errOut, stdDedent(wantErr), code)
	}
}

func TestTimeReadsTheVirtualClock(t *testing.T) {
	stdExpect(t, `
		import time, datetime
		print(time.time(), time.monotonic(), time.perf_counter(), time.time_ns(), time.monotonic_ns())
		print(datetime.datetime.now(), repr(datetime.datetime.now()), datetime.date.today(), time.ctime())
		time.sleep(2.5)
		print(time.time(), time.monotonic(), time.perf_counter_ns(), time.gmtime().tm_sec, time.strftime("%H:%M:%S"))
		print(repr(datetime.datetime.now()), datetime.datetime.now() - datetime.datetime.fromtimestamp(1700000000))
		time.sleep(0)
		time.sleep(1e-9)
		print(time.time_ns() - 1700000000 * 10**9)
		`, 1, `
		1700000000.0 0.0 0.0 1700000000000000000 0
		2023-11-14 22:13:20 datetime.datetime(2023, 11, 14, 22, 13, 20) 2023-11-14 Tue Nov 14 22:13:20 2023
		1700000002.5 2.5 2500000000 22 22:13:22
		datetime.datetime(2023, 11, 14, 22, 13, 22, 500000) 0:00:02.500000
		2500000001
		`, "")
}

// TestTimeSleepBlocksTheKernel: time.sleep in a coroutine holds the one
// CPU, so the other task's curio.sleep wakes late (the lesson's point).
func TestTimeSleepBlocksTheKernel(t *testing.T) {
	stdExpect(t, `
		import curio, time
		async def ticker():
		    for i in range(3):
		        print("tick", round(time.monotonic(), 3))
		        await curio.sleep(0.1)
		async def main():
		    task = await curio.spawn(ticker)
		    await curio.sleep(0.05)
		    time.sleep(1)
		    print("slept", round(time.monotonic(), 3))
		    await task.join()
		    print("done", round(time.monotonic(), 3))
		curio.run(main)
		`, 1, `
		tick 0.0
		slept 1.05
		tick 1.05
		tick 1.15
		done 1.25
		`, "")
}

// TestTimeCountsOperations: with a cost per operation, the clock moves
// as the program computes.
func TestTimeCountsOperations(t *testing.T) {
	var stdout strings.Builder
	src := "import time\nt0 = time.monotonic()\nfor i in range(10000):\n    pass\nprint(time.monotonic() > t0, time.time() > 1700000000)\n"
	res := run.Program(src, run.Config{Stdout: &stdout, OpCost: sim.Microsecond, Modules: run.StandardModules})
	if stdout.String() != "True True\n" || res.ExitCode != 0 {
		t.Errorf("got %q, exit %d", stdout.String(), res.ExitCode)
	}
}

func TestRandomIsDeterministicPerSeed(t *testing.T) {
	prog := stdDedent(`
		import random
		print([random.random() for _ in range(3)], random.randint(1, 100), random.choice("abcdef"))
		l = list(range(8)); random.shuffle(l); print(l, random.sample(range(100), 3), random.uniform(1, 2), random.gauss(0, 1))
		print(random.choices("xyz", weights=[1, 2, 3], k=5), random.randrange(0, 100, 7), random.getrandbits(70))
		`)
	a1, _, c1 := stdRun(prog, 1)
	a2, _, c2 := stdRun(prog, 1)
	b, _, _ := stdRun(prog, 2)
	if c1 != 0 || c2 != 0 || a1 != a2 {
		t.Errorf("same kernel seed, different runs:\n%s\n%s", a1, a2)
	}
	if a1 == b {
		t.Errorf("kernel seeds 1 and 2 gave the same numbers:\n%s", a1)
	}
	seeded := "import random\nrandom.seed(42)\n" + prog
	s1, _, _ := stdRun(seeded, 1)
	s2, _, _ := stdRun(seeded, 2)
	if s1 != s2 {
		t.Errorf("random.seed(42) depends on the kernel seed:\n%s\n%s", s1, s2)
	}
	// A Random instance seeded alike gives the module's numbers.
	stdExpect(t, `
		import random
		random.seed("abc"); a = [random.random() for _ in range(5)]
		r = random.Random("abc"); b = [r.random() for _ in range(5)]
		random.seed(7); c = random.randint(0, 10**30)
		random.seed(7); d = random.randint(0, 10**30)
		print(a == b, c == d, 0 <= c <= 10**30, all(0 <= x < 1 for x in a))
		random.seed()
		print(random.random() != a[0])
		`, 5, "True True True True\nTrue\n", "")
}

func TestLoggingFormatsRecords(t *testing.T) {
	stdExpect(t, `
		import logging, time, sys
		logging.getLogger("quiet").error("last resort: the bare message")
		logging.warning("default %s", "format")
		logging.basicConfig(force=True, level=logging.DEBUG, stream=sys.stdout,
		    format="%(asctime)s %(msecs)03d %(relativeCreated)d %(levelname)-8s %(name)s %(funcName)s:%(lineno)d %(message)s")
		def work():
		    time.sleep(1.25)
		    logging.getLogger("app.db").info("connected in %.2fs", 1.25)
		logging.debug("start")
		work()
		log = logging.getLogger("app")
		h = logging.StreamHandler(sys.stdout)
		h.setFormatter(logging.Formatter("[%(asctime)s] %(message)s", datefmt="%H:%M:%S"))
		log.addHandler(h)
		log.warning("twice: here and at the root")
		log.propagate = False
		log.critical("once")
		try:
		    {}["k"]
		except KeyError:
		    log.exception("lookup failed")
		`, 1, `
		2023-11-14 22:13:20,000 000 0 DEBUG    root <module>:9 start
		2023-11-14 22:13:21,250 250 1250 INFO     app.db work:8 connected in 1.25s
		[22:13:21] twice: here and at the root
		2023-11-14 22:13:21,250 250 1250 WARNING  app <module>:15 twice: here and at the root
		[22:13:21] once
		[22:13:21] lookup failed
		Traceback (most recent call last):
		  File "prog.py", line 19, in <module>
		    {}["k"]
		    ~~^^^^^
		KeyError: 'k'
		`, `
		last resort: the bare message
		WARNING:root:default format
		`)
}

func TestSignalNumbersAreTheKernels(t *testing.T) {
	stdExpect(t, `
		import signal, sys
		print(signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGKILL, signal.SIGUSR1, signal.SIGUSR2, sys.argv, sys.platform)
		`, 1, "2 15 1 3 9 10 12 ['<main>'] asyncplay\n", "")
	for _, s := range []sim.Signal{sim.SIGINT, sim.SIGTERM, sim.SIGHUP, sim.SIGQUIT, sim.SIGKILL, sim.SIGUSR1, sim.SIGUSR2} {
		out, _, _ := stdRun("import signal\nprint(signal."+s.String()+", signal.Signals(signal."+s.String()+").name)\n", 1)
		if want := strconv.Itoa(int(s)) + " " + s.String() + "\n"; out != want {
			t.Errorf("signal.%s: got %q, want %q", s, out, want)
		}
	}
}

// TestModulesImportOncePerProgram: each program builds its own modules,
// once; sys.modules lists what it imported.
func TestModulesImportOncePerProgram(t *testing.T) {
	stdExpect(t, `
		import sys, math, collections
		import math as m2
		from collections import deque
		print(m2 is math, collections.deque is deque, sorted(sys.modules), type(math).__name__)
		`, 1, "True True ['collections', 'math', 'sys'] module\n", "")
}
