package sim_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"asyncplay/sim"
)

// afterExit is a program that ends at 100 ms in a world that is still
// busy: a peer started at 0 ticks every 300 ms four times (its last tick
// is at 1.2 s), a peer waits forever for an event nobody sets (a terminal
// waiting for typing), a timer func at 500 ms writes a line (a delivery on
// its way), a client spawned by a timer func at 2 s would start after the
// exit (the exit hook stops it), and a SIGTERM and a typed line arrive at
// 700 ms, after the exit. An exit hook records when it ran.
func afterExit(hooked *[]sim.Time) sim.TaskFunc {
	return func(m *sim.Task) (any, error) {
		k := m.Kernel()
		k.At(0, func() {
			k.SpawnPeer("ticker", ticker(300*sim.Millisecond, 4))
			k.SpawnPeer("terminal", func(t *sim.Task) (any, error) {
				err := k.NewEvent("typing").Wait(t)
				say(t, "ended: %v", err)
				return nil, err
			})
		})
		k.At(500*sim.Millisecond, func() { m.Write(sim.Stdout, fmt.Sprintf("%v delivered\n", k.Now())) })
		late := k.At(2*sim.Second, func() { k.SpawnPeer("late", ticker(sim.Second, 1)) })
		k.OnExit(func() {
			*hooked = append(*hooked, k.Now())
			k.StopTimer(late)
		})
		k.Inject(700*sim.Millisecond, sim.SIGTERM)
		k.Inject(700*sim.Millisecond, typedLine("too late"))
		if err := m.Sleep(100 * sim.Millisecond); err != nil {
			return nil, err
		}
		say(m, "main ends")
		return "ok", nil
	}
}

// TestWorldRunsOnAfterExit: once the program has exited (main and its
// shutdown done), the run goes on with the world alone: the peers' timers
// and the timer funcs fire, until nothing is under way; then the peers
// left waiting are cancelled, quietly, and the run ends there. The exit is
// in the trace at the program's time, before the world's records;
// signals and typed lines due after it are not delivered, and the result
// is the program's.
func TestWorldRunsOnAfterExit(t *testing.T) {
	typedAt = nil
	var hooked []sim.Time
	var out strings.Builder
	k := sim.New(sim.WithOutput(&out, &out))
	v, err := k.Run("main", afterExit(&hooked))
	if v != "ok" || err != nil {
		t.Fatalf("result %v, %v", v, err)
	}
	expect(t, out.String(), `
		0.100s main: main ends
		0.300s ticker: tick 1 late 0.000s
		0.500s delivered
		0.600s ticker: tick 2 late 0.000s
		0.900s ticker: tick 3 late 0.000s
		1.200s ticker: tick 4 late 0.000s
		1.200s terminal: ended: TaskCancelled
	`[1:])
	if fmt.Sprint(hooked) != "[0.100s]" || len(typedAt) != 0 {
		t.Errorf("exit hook ran at %v; typed lines delivered at %v", hooked, typedAt)
	}
	tr := k.Trace()
	var exitAt, endAt sim.Time = -1, -1
	for _, r := range tr.Records() {
		switch r.Kind {
		case sim.EvExit:
			exitAt = r.T
		case sim.EvEnd:
			endAt = r.T
			if tr.Strings[r.Val] != sim.MainEnded {
				t.Errorf("end record says %q", tr.Strings[r.Val])
			}
		case sim.EvSignal:
			t.Errorf("a signal was delivered after the exit: %+v", r)
		}
	}
	if exitAt != 100*sim.Millisecond || endAt != 1200*sim.Millisecond {
		t.Errorf("exit at %v, end at %v; want 0.1s and 1.2s", exitAt, endAt)
	}
	for _, ti := range tr.Tasks {
		if ti.Name == "late" {
			t.Error("a client due after the exit started")
		}
	}
}

// TestWorldAfterExitSlicingMatchesRun: the world after the exit traces
// the same whether the run is driven whole or in slices of any budget.
func TestWorldAfterExitSlicingMatchesRun(t *testing.T) {
	var hooked []sim.Time
	ref := sim.New()
	if _, err := ref.Run("main", afterExit(&hooked)); err != nil {
		t.Fatal(err)
	}
	for _, budget := range []int64{1, 2, 3, 7, 1000} {
		t.Run(fmt.Sprint("budget ", budget), func(t *testing.T) {
			k := sim.New()
			k.Start("main", afterExit(&hooked))
			for !k.Step(budget) {
			}
			if _, err := k.Result(); err != nil {
				t.Fatal(err)
			}
			ktSameTrace(t, ref, k)
		})
	}
}

// TestNoWorldAfterADeadlockOrALimit: a run the kernel stops (a deadlock,
// a limit) ends where it stopped, as before: no exit, no world after it,
// every task killed, the hooks not run.
func TestNoWorldAfterADeadlockOrALimit(t *testing.T) {
	for _, c := range []struct {
		name string
		lim  sim.Limits
		main sim.TaskFunc
		want string
	}{
		{"deadlock", sim.Limits{}, func(m *sim.Task) (any, error) {
			k := m.Kernel()
			k.At(0, func() {
				k.SpawnPeer("terminal", func(t *sim.Task) (any, error) { return nil, k.NewEvent("typing").Wait(t) })
			})
			return nil, k.NewEvent("never").Wait(m)
		}, "deadlock"},
		{"time limit", sim.Limits{Time: sim.Second}, func(m *sim.Task) (any, error) {
			k := m.Kernel()
			k.At(0, func() { k.SpawnPeer("ticker", ticker(300*sim.Millisecond, 100)) })
			return nil, m.Sleep(sim.Hour)
		}, "time limit"},
	} {
		t.Run(c.name, func(t *testing.T) {
			k := sim.New(sim.WithLimits(c.lim))
			ran := false
			k.OnExit(func() { ran = true })
			_, err := k.Run("main", c.main)
			if err == nil || !strings.Contains(err.Error(), c.want) || ran || k.Exited() {
				t.Fatalf("err %v, hook ran %v, exited %v", err, ran, k.Exited())
			}
			for _, r := range k.Trace().Records() {
				if r.Kind == sim.EvExit {
					t.Errorf("exit record in a stopped run: %+v", r)
				}
				if r.Kind == sim.EvDone && sim.Outcome(r.Val) != sim.Killed {
					t.Errorf("task %d ended %v, want killed", r.Task, sim.Outcome(r.Val))
				}
			}
		})
	}
}

// TestLimitInTheWorldAfterExit: a limit that stops the world after the
// program has exited ends the run there, but the program's result stands.
func TestLimitInTheWorldAfterExit(t *testing.T) {
	k := sim.New(sim.WithLimits(sim.Limits{Time: 2 * sim.Second}))
	v, err := k.Run("main", func(m *sim.Task) (any, error) {
		k := m.Kernel()
		k.At(0, func() { k.SpawnPeer("ticker", ticker(sim.Second, 10)) })
		if err := m.Sleep(500 * sim.Millisecond); err != nil {
			return nil, err
		}
		return nil, errors.New("boom")
	})
	if v != nil || err == nil || err.Error() != "boom" || !k.Exited() || k.Now() != 2*sim.Second {
		t.Fatalf("result %v, %v at %v (exited %v); want the program's error at 2s", v, err, k.Now(), k.Exited())
	}
	tr := k.Trace()
	last := tr.At(tr.Len() - 1)
	if last.Kind != sim.EvEnd || !strings.Contains(tr.Strings[last.Val], "time limit") {
		t.Errorf("last record %+v %q", last, tr.Strings[last.Val])
	}
}
