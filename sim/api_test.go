package sim_test

import (
	"errors"
	"fmt"
	"testing"

	"asyncplay/sim"
)

// TestSetWhereRecordsHostStacks pins the interpreter's hook: the stack a
// task reports at each blocking trap is recorded in the trace and shown by
// `where`, live and replayed.
func TestSetWhereRecordsHostStacks(t *testing.T) {
	line := 10
	var live string
	k := sim.New()
	k.Run("main", func(t *sim.Task) (any, error) {
		kid := t.Spawn("kid", func(t *sim.Task) (any, error) {
			t.SetWhere(func() []sim.Frame {
				return []sim.Frame{{File: "<main>", Line: 3, Func: "<module>"}, {File: "<main>", Line: line, Func: "kid"}}
			})
			if err := t.Sleep(sim.Second); err != nil {
				return nil, err
			}
			line = 11
			return nil, t.Sleep(sim.Second)
		}, false)
		t.Sleep(0)
		live = t.Kernel().Where(kid.ID(), func(file string, n int) string { return fmt.Sprintf("source %d", n) })
		_, err := t.Join(kid)
		return nil, err
	})
	want := "Stack for Task(id=2, name='kid', state='TIME_SLEEP') (most recent call last):\n" +
		"  File \"<main>\", line 3, in <module>\n    source 3\n" +
		"  File \"<main>\", line 10, in kid\n    source 10\n"
	if live != want {
		t.Errorf("live where:\n%s\nwant:\n%s", live, want)
	}
	if got := k.Trace().Where(2, 1500*sim.Millisecond, nil); got != "Stack for Task(id=2, name='kid', state='TIME_SLEEP') (most recent call last):\n"+
		"  File \"<main>\", line 3, in <module>\n  File \"<main>\", line 11, in kid\n" {
		t.Errorf("replayed where at 1.5s:\n%s", got)
	}
}

// TestAllowCancelDefersCancellation pins curio's disable_cancellation: a
// cancel that arrives while delivery is off stays pending, and the first
// blocking trap after delivery is turned back on raises it.
func TestAllowCancelDefersCancellation(t *testing.T) {
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		kid := t.Spawn("kid", func(t *sim.Task) (any, error) {
			t.AllowCancel(false)
			if err := t.Sleep(2 * sim.Second); err != nil {
				return nil, fmt.Errorf("shielded sleep failed: %w", err)
			}
			say(t, "slept through it; pending: %v", t.CancelPending())
			t.AllowCancel(true)
			err := t.Sleep(sim.Second)
			say(t, "then: %v", err)
			return nil, err
		}, false)
		t.Sleep(sim.Second)
		_, err := t.Cancel(kid, true)
		say(t, "kid done")
		return nil, err
	})
	must(t, err)
	expect(t, out, `
		2.000s kid: slept through it; pending: TaskCancelled
		2.000s kid: then: TaskCancelled
		2.000s main: kid done
		`)
}

// TestAbortStopsTheRun pins Task.Abort: the host's own limits (memory)
// end the run with the host's error, and no task runs afterwards.
func TestAbortStopsTheRun(t *testing.T) {
	oom := errors.New("MemoryError: program uses more than 64 MB")
	ran := false
	k, _, err, _ := run(t, func(t *sim.Task) (any, error) {
		t.Spawn("other", func(t *sim.Task) (any, error) { ran = true; return nil, nil }, false)
		t.Abort(oom)
		return nil, errors.New("Abort returned")
	})
	if err != oom || ran || !k.Done() {
		t.Fatalf("err %v, other ran %v, done %v; want the host's error and nothing else run", err, ran, k.Done())
	}
}

// TestCustomWaitPrimitive pins the public wait-queue API that the world
// builds on: Wait parks in a chosen state, WakeOne and WakeAll wake in
// FIFO order, and the trace shows the state and object.
func TestCustomWaitPrimitive(t *testing.T) {
	var q sim.WaitQueue
	k, _, err, out := run(t, func(t *sim.Task) (any, error) {
		for _, name := range []string{"r1", "r2", "r3"} {
			t.Spawn(name, func(t *sim.Task) (any, error) {
				err := t.Wait(&q, sim.ReadWait, 0)
				say(t, "woke: %v", err)
				return nil, err
			}, true)
		}
		t.Sleep(sim.Second)
		say(t, "waiting: %d", q.Len())
		say(t, "woke %s", t.Kernel().WakeOne(&q).Name())
		t.Sleep(sim.Second)
		say(t, "woke %d more", t.Kernel().WakeAll(&q))
		return nil, t.Sleep(sim.Second)
	})
	must(t, err)
	expect(t, out, `
		1.000s main: waiting: 3
		1.000s main: woke r1
		1.000s r1: woke: <nil>
		2.000s main: woke 2 more
		2.000s r2: woke: <nil>
		2.000s r3: woke: <nil>
		`)
	readWaits := 0
	for _, r := range k.Trace().Records() {
		if r.Kind == sim.EvState && r.State == sim.ReadWait {
			readWaits++
		}
	}
	if readWaits != 3 {
		t.Errorf("%d READ_WAIT records, want 3", readWaits)
	}
}

// inputFunc is an outside input that runs a function when delivered.
type inputFunc func(k *sim.Kernel)

func (f inputFunc) Deliver(k *sim.Kernel) { f(k) }

// TestTimersAndInputsRunAtTheirTimes pins Kernel.At callbacks (and
// StopTimer) and custom inputs, which the world uses for its peers.
func TestTimersAndInputsRunAtTheirTimes(t *testing.T) {
	var log []string
	k := sim.New()
	k.At(2*sim.Second, func() { log = append(log, fmt.Sprint("timer at ", k.Now())) })
	stopped := k.At(3*sim.Second, func() { log = append(log, "stopped timer ran") })
	k.Inject(sim.Second, inputFunc(func(k *sim.Kernel) { log = append(log, fmt.Sprint("input at ", k.Now())) }))
	k.Run("main", func(t *sim.Task) (any, error) {
		if !k.StopTimer(stopped) || k.StopTimer(stopped) {
			log = append(log, "StopTimer reported wrongly")
		}
		log = append(log, fmt.Sprint("pending inputs ", k.Pending()))
		err := t.Sleep(4 * sim.Second)
		log = append(log, fmt.Sprint("pending inputs ", k.Pending()))
		return nil, err
	})
	if got := fmt.Sprint(log); got != "[pending inputs 1 input at 1.000s timer at 2.000s pending inputs 0]" {
		t.Errorf("log %s", got)
	}
}

// TestSeededRandomness pins that the kernel's generator depends only on
// the seed.
func TestSeededRandomness(t *testing.T) {
	draw := func(seed uint64) string {
		k := sim.New(sim.WithSeed(seed))
		return fmt.Sprint(k.Rand().IntN(1000), k.Rand().IntN(1000), k.Rand().IntN(1000))
	}
	first, again, other := draw(7), draw(7), draw(8)
	if first != again || first == other {
		t.Errorf("seed 7: %s and %s; seed 8: %s", first, again, other)
	}
}

// TestLargeGroupKeepsOrder runs a group far larger than its compaction
// threshold and reads every member back in completion order.
func TestLargeGroupKeepsOrder(t *testing.T) {
	const n = 200
	_, _, err, _ := run(t, func(t *sim.Task) (any, error) {
		g := t.Kernel().NewTaskGroup("big", sim.WaitAll)
		for i := range n {
			g.Spawn(t, "m", func(t *sim.Task) (any, error) {
				return i, t.Sleep(sim.Time(n-i) * sim.Millisecond) // last spawned finishes first
			})
		}
		for want := n - 1; want >= 0; want-- {
			v, err := g.NextResult(t)
			if err != nil || v != want {
				return nil, fmt.Errorf("got %v, %v; want %d", v, err, want)
			}
			if g.Running() != want {
				return nil, fmt.Errorf("running %d, want %d", g.Running(), want)
			}
		}
		return nil, g.Join(t)
	})
	must(t, err)
}

// TestNamesParse pins the parsers the command line and the page use.
func TestNamesParse(t *testing.T) {
	for _, name := range []string{"SIGINT", "INT", "2"} {
		if s, ok := sim.ParseSignal(name); !ok || s != sim.SIGINT {
			t.Errorf("ParseSignal(%q) = %v, %v", name, s, ok)
		}
	}
	if _, ok := sim.ParseSignal("SIGFOO"); ok {
		t.Error("ParseSignal accepted SIGFOO")
	}
	if s, ok := sim.ParseState("QUEUE_GET"); !ok || s != sim.QueueGet || s.String() != "QUEUE_GET" {
		t.Errorf("ParseState(QUEUE_GET) = %v, %v", s, ok)
	}
	if sim.Signal(99).String() != "signal 99" || sim.State(200).String() != "STATE(200)" {
		t.Error("unknown names")
	}
}
