package run

import (
	"strings"
	"testing"

	"asyncplay/sim"
)

// A run in slices, even of one step each, makes the trace and output of
// the same run in one go: the page's slicing cannot change what it shows.
func TestSessionSlicesMakeTheSameRun(t *testing.T) {
	src := `import curio

async def worker(n):
    total = 0
    for i in range(200):
        total += i * n
    await curio.sleep(n / 10)
    print("worker", n, total)

async def main():
    tasks = [await curio.spawn(worker, n) for n in range(3)]
    for task in tasks:
        await task.join()
    while True:
        pass

curio.run(main)
`
	cfg := func(out *strings.Builder) Config {
		return Config{Stdout: out, Stderr: out, OpCost: DefaultOpCost, Modules: StandardModules,
			Limits: sim.Limits{Steps: 50_000}}
	}
	var whole, sliced strings.Builder
	want := Program(src, cfg(&whole))
	s := Start(src, cfg(&sliced))
	slices := 0
	for !s.Step(1) {
		slices++
	}
	got := s.Result()
	if slices < 100 { // the interpreter charges its operations in batches
		t.Errorf("the run took %d slices of one step; want many", slices)
	}
	if whole.String() != sliced.String() || got.ExitCode != want.ExitCode {
		t.Errorf("sliced run printed\n%s(exit %d)\nwant\n%s(exit %d)", sliced.String(), got.ExitCode, whole.String(), want.ExitCode)
	}
	if !strings.Contains(whole.String(), "steps limit") {
		t.Errorf("the endless loop should stop at the step limit:\n%s", whole.String())
	}
	if a, b := got.Kernel.Trace().Digest(), want.Kernel.Trace().Digest(); a != b {
		t.Errorf("sliced trace digest %s, whole %s", a, b)
	}
	if !s.Step(1) {
		t.Error("Step after the end should report the end")
	}
}

func TestSessionReportsSyntaxErrors(t *testing.T) {
	var out strings.Builder
	s := Start("x = (1,\n", Config{Stderr: &out})
	if !s.Step(1) {
		t.Fatal("a program that does not compile should end at once")
	}
	if s.Result().SyntaxErr == nil || s.Result().ExitCode != 1 {
		t.Errorf("SyntaxErr %v, exit %d", s.Result().SyntaxErr, s.Result().ExitCode)
	}
}

// A run stopped between slices ends at once with the reason on stderr, and
// what it printed before stays.
func TestSessionStop(t *testing.T) {
	var out strings.Builder
	s := Start("print('before')\nwhile True:\n    pass\n", Config{Stdout: &out, Stderr: &out, OpCost: DefaultOpCost})
	for range 20 {
		if s.Step(1000) {
			t.Fatal("the endless program ended by itself")
		}
	}
	s.Stop("stopped by the reader")
	if !s.Step(1000) {
		t.Fatal("the stopped run did not end")
	}
	if got := out.String(); got != "before\nasyncplay: stopped by the reader\n" {
		t.Errorf("output %q", got)
	}
	if s.Result().ExitCode != 1 {
		t.Errorf("exit %d", s.Result().ExitCode)
	}
}
