package sim_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"asyncplay/sim"
)

// TestLimitsStopTheRun pins that each limit stops a runaway program with a
// LimitError naming the limit and saying where every live task stood.
func TestLimitsStopTheRun(t *testing.T) {
	tests := []struct {
		name    string
		lim     sim.Limits
		opts    []sim.Option
		runaway func(t *sim.Task)
		first   string    // the first line of the error
		at      sim.Time  // when it stopped
		by      int       // the task that was running, 0 if none
		main    sim.State // where main stood
		extra   int       // tasks spawned by the runaway, still READY
		wantOut string
	}{
		{"steps", sim.Limits{Steps: 1000}, nil,
			func(t *sim.Task) {
				for {
					t.Charge(sim.Microsecond)
				}
			},
			"steps limit (1000) reached at 0.000996s while task 1 was running", 996 * sim.Microsecond, 1, sim.Running, 0, ""},
		{"steps with zero cost", sim.Limits{Steps: 1000}, []sim.Option{sim.WithZeroCost()},
			func(t *sim.Task) {
				for {
					t.Charge(sim.Hour)
				}
			},
			"steps limit (1000) reached at 0.000s while task 1 was running", 0, 1, sim.Running, 0, ""},
		{"time while sleeping", sim.Limits{Time: 10 * sim.Second}, nil,
			func(t *sim.Task) {
				for {
					t.Sleep(3 * sim.Second)
				}
			},
			"time limit (10.000s) reached at 10.000s", 10 * sim.Second, 0, sim.TimeSleep, 0, ""},
		{"time while computing", sim.Limits{Time: 10 * sim.Second}, nil,
			func(t *sim.Task) {
				for {
					t.Charge(3 * sim.Second)
				}
			},
			"time limit (10.000s) reached at 12.000s while task 1 was running", 12 * sim.Second, 1, sim.Running, 0, ""},
		{"tasks", sim.Limits{Tasks: 5}, nil,
			func(t *sim.Task) {
				for {
					t.Spawn("extra", ktMember(sim.Hour, nil, nil), false)
				}
			},
			"tasks limit (5) reached at 0.000s while task 1 was running", 0, 1, sim.Running, 2, ""},
		{"output bytes", sim.Limits{OutputBytes: 100}, nil,
			func(t *sim.Task) {
				for {
					t.Write(sim.Stdout, "0123456789")
				}
			},
			"output bytes limit (100) reached at 0.000s while task 1 was running", 0, 1, sim.Running, 0,
			strings.Repeat("0123456789", 10)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			k, _, err, out := run(t, func(t *sim.Task) (any, error) {
				ev := t.Kernel().NewEvent("go")
				t.Spawn("sleeper", func(t *sim.Task) (any, error) { return nil, t.Sleep(sim.Hour) }, false)
				t.Spawn("waiter", func(t *sim.Task) (any, error) { return nil, ev.Wait(t) }, false)
				t.Sleep(0)
				tc.runaway(t)
				return nil, errors.New("unreachable")
			}, append([]sim.Option{sim.WithLimits(tc.lim)}, tc.opts...)...)
			var le *sim.LimitError
			if !errors.As(err, &le) {
				t.Fatalf("Run error %v, want a LimitError", err)
			}
			if first, _, _ := strings.Cut(le.Error(), "\n"); first != tc.first {
				t.Errorf("error starts %q, want %q", first, tc.first)
			}
			if le.At != tc.at || le.Task != tc.by || k.Now() != tc.at {
				t.Errorf("stopped at %v (clock %v) by task %d, want %v by %d", le.At, k.Now(), le.Task, tc.at, tc.by)
			}
			want := []string{
				fmt.Sprintf("1 main %s ", tc.main),
				"2 sleeper TIME_SLEEP ",
				"3 waiter EVENT_WAIT Event#1 'go'",
			}
			for i := range tc.extra {
				want = append(want, fmt.Sprintf("%d extra READY ", 4+i))
			}
			var got []string
			for _, s := range le.Tasks {
				got = append(got, fmt.Sprintf("%d %s %s %s", s.ID, s.Name, s.State, s.On))
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("task statuses\n got %q\nwant %q", got, want)
			}
			expect(t, out, tc.wantOut)
			if !k.Done() || k.Task(1) != nil {
				t.Errorf("done=%v, task 1 still alive=%v", k.Done(), k.Task(1) != nil)
			}
			ktCheckKilled(t, k, 3+tc.extra)
		})
	}
}

// TestTraceEventLimit pins the trace-size limit: the run stops with a
// LimitError once the trace holds TraceEvents records.
func TestTraceEventLimit(t *testing.T) {
	k, _, err := ktRunawayTrace(t)
	var le *sim.LimitError
	if !errors.As(err, &le) || le.Limit != "trace events" || le.Max != 100 || le.Task != 1 ||
		len(le.Tasks) != 1 || le.Tasks[0].Name != "main" {
		t.Fatalf("Run error %#v, want a trace events LimitError listing main", err)
	}
	if last := k.Trace().At(k.Trace().Len() - 1); last.Kind != sim.EvEnd {
		t.Errorf("last record %+v, want the end", last)
	}
}

// TestTraceEventLimitKeepsClosingRecords pins that a run stopped by the
// trace limit still closes its trace: one killed record per live task,
// then the end record.
func TestTraceEventLimitKeepsClosingRecords(t *testing.T) {
	k, _, _ := ktRunawayTrace(t)
	if n := k.Trace().Len(); n != 100+2 {
		t.Errorf("trace holds %d records, want the 100 allowed plus main's killed record and the end", n)
	}
	ktCheckKilled(t, k, 1)
}

// ktRunawayTrace runs a main task that only fills the trace, with room for
// 100 records.
func ktRunawayTrace(t *testing.T) (*sim.Kernel, any, error) {
	k, v, err, _ := run(t, func(t *sim.Task) (any, error) {
		for {
			t.Sleep(0)
		}
	}, sim.WithLimits(sim.Limits{TraceEvents: 100}))
	return k, v, err
}

// ktCheckKilled checks that a stopped run's trace ends with n killed tasks
// and the end record.
func ktCheckKilled(t *testing.T, k *sim.Kernel, n int) {
	t.Helper()
	recs := k.Trace()
	last := recs.At(recs.Len() - 1)
	if last.Kind != sim.EvEnd {
		t.Errorf("last record %+v, want the end", last)
	}
	killed := 0
	for _, r := range ktRecords(k, sim.EvDone) {
		if sim.Outcome(r.Val) == sim.Killed {
			killed++
		}
	}
	if killed != n {
		t.Errorf("%d tasks recorded killed, want %d", killed, n)
	}
}

// TestDeadlockReportsEveryTask pins the deadlock report: every waiting task
// with its state, what it waits on, and the Go line where it blocked.
func TestDeadlockReportsEveryTask(t *testing.T) {
	lines := map[string]int{}
	mark := func(name string) { // records the line after the caller's
		_, _, line, _ := runtime.Caller(1)
		lines[name] = line + 1
	}
	k, _, err, _ := run(t, func(t *sim.Task) (any, error) {
		aDone := t.Kernel().NewEvent("a-done")
		var a, b, c *sim.Task
		a = t.Spawn("a", func(t *sim.Task) (any, error) {
			mark("a")
			_, err := t.Join(b)
			aDone.Set()
			return nil, err
		}, false)
		b = t.Spawn("b", func(t *sim.Task) (any, error) {
			mark("b")
			_, err := t.Join(c)
			return nil, err
		}, false)
		c = t.Spawn("c", func(t *sim.Task) (any, error) {
			mark("c")
			return nil, aDone.Wait(t)
		}, false)
		t.Sleep(sim.Second)
		mark("main")
		return t.Join(a)
	})
	var de *sim.DeadlockError
	if !errors.As(err, &de) {
		t.Fatalf("Run error %v, want a DeadlockError", err)
	}
	if de.At != sim.Second || !strings.HasPrefix(de.Error(), "deadlock at 1.000s: every task is waiting and nothing can wake them\n") {
		t.Errorf("deadlock at %v: %q", de.At, de.Error())
	}
	want := []string{
		fmt.Sprintf("1 main TASK_JOIN Task#2 'a' limits_test.go:%d", lines["main"]),
		fmt.Sprintf("2 a TASK_JOIN Task#3 'b' limits_test.go:%d", lines["a"]),
		fmt.Sprintf("3 b TASK_JOIN Task#4 'c' limits_test.go:%d", lines["b"]),
		fmt.Sprintf("4 c EVENT_WAIT Event#1 'a-done' limits_test.go:%d", lines["c"]),
	}
	var got []string
	for _, s := range de.Tasks {
		where := "no stack"
		if n := len(s.Stack); n > 0 {
			f := s.Stack[n-1]
			where = fmt.Sprintf("%s:%d", f.File, f.Line)
			if !strings.HasPrefix(f.Func, "sim_test.TestDeadlockReportsEveryTask") {
				t.Errorf("task %d innermost frame in %s", s.ID, f.Func)
			}
		}
		got = append(got, fmt.Sprintf("%d %s %s %s %s", s.ID, s.Name, s.State, s.On, where))
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("deadlock report\n got %q\nwant %q", got, want)
	}
	for _, line := range want {
		f := strings.Fields(line)
		if !strings.Contains(de.Error(), fmt.Sprintf("task %s %q %s on", f[0], f[1], f[2])) {
			t.Errorf("message lacks task %s: %s", f[0], de.Error())
		}
	}
	ktCheckKilled(t, k, 4)
}

// ktScenario exercises most of the kernel: spawning, CPU charging,
// sleeping, events, queues, timeouts, cancellation, task groups, crashes
// and output. It is the workload of the slicing test.
func ktScenario(t *sim.Task) (any, error) {
	k := t.Kernel()
	q := k.NewQueue("jobs", sim.FIFO, 2)
	ev := k.NewEvent("start")
	producer := t.Spawn("producer", func(t *sim.Task) (any, error) {
		if err := ev.Wait(t); err != nil {
			return nil, err
		}
		for i := range 6 {
			t.Charge(sim.Time(i) * sim.Millisecond)
			if err := q.Put(t, i); err != nil {
				return nil, err
			}
			say(t, "put %d", i)
		}
		return nil, nil
	}, false)
	consumer := t.Spawn("consumer", func(t *sim.Task) (any, error) {
		sum := 0
		for range 6 {
			v, err := q.Get(t)
			if err != nil {
				return nil, err
			}
			for range 5 {
				t.Charge(sim.Millisecond)
			}
			sum += v.(int)
		}
		return sum, nil
	}, false)
	t.Spawn("ticker", func(t *sim.Task) (any, error) {
		for {
			if err := t.Sleep(7 * sim.Millisecond); err != nil {
				return nil, err
			}
			say(t, "tick")
		}
	}, true)
	t.Spawn("crasher", func(t *sim.Task) (any, error) {
		t.Sleep(5 * sim.Millisecond)
		return nil, errors.New("boom")
	}, false)
	t.Sleep(sim.Millisecond)
	ev.Set()
	g := k.NewTaskGroup("g", sim.WaitAny)
	g.Spawn(t, "fast", ktMember(20*sim.Millisecond, "fast", nil))
	g.Spawn(t, "slow", ktStubborn(3*sim.Millisecond))
	expired, err := t.RunTimeout(k.Now()+10*sim.Millisecond, true, func() error {
		_, err := t.Join(consumer)
		return err
	})
	say(t, "timeout block: %v %v", expired, err)
	say(t, "group: %v", g.Join(t))
	sum, err := t.Join(consumer)
	say(t, "sum %v %v", sum, err)
	if _, err := t.Join(producer); err != nil {
		return nil, err
	}
	return sum, nil
}

// TestStepSlicingMatchesRun pins that running in slices of any budget,
// pausing tasks mid-computation, records exactly the trace of one Run.
func TestStepSlicingMatchesRun(t *testing.T) {
	var whole strings.Builder
	opts := func(out *strings.Builder) []sim.Option {
		return []sim.Option{sim.WithGoLocations(), sim.WithOutput(out, out)}
	}
	ref := sim.New(opts(&whole)...)
	refV, refErr := ref.Run("main", ktScenario)
	if refV != 15 || refErr != nil {
		t.Fatalf("scenario returned %v, %v; want 15", refV, refErr)
	}
	for _, budget := range []int64{1, 2, 3, 7, 1000} {
		t.Run(fmt.Sprint("budget ", budget), func(t *testing.T) {
			var out strings.Builder
			k := sim.New(opts(&out)...)
			k.Start("main", ktScenario)
			calls := int64(1)
			for !k.Step(budget) {
				calls++
			}
			v, err := k.Result()
			if v != refV || err != refErr || out.String() != whole.String() {
				t.Errorf("result %v, %v; output\n%s\nwant %v, %v and\n%s", v, err, out.String(), refV, refErr, whole.String())
			}
			// A slice may run one step over its budget: a task picked with
			// the last unit of budget may still charge once before it pauses.
			if calls*(budget+1) < k.Steps() || k.Steps() != ref.Steps() {
				t.Errorf("%d calls for %d steps (whole run: %d)", calls, k.Steps(), ref.Steps())
			}
			ktSameTrace(t, ref, k)
		})
	}
}

// ktSameTrace compares two traces record by record, with their tables.
func ktSameTrace(t *testing.T, want, got *sim.Kernel) {
	t.Helper()
	wt, gt := want.Trace(), got.Trace()
	if wt.Len() != gt.Len() {
		t.Errorf("trace has %d records, want %d", gt.Len(), wt.Len())
	}
	var wrecs []sim.Record
	for _, r := range wt.Records() {
		wrecs = append(wrecs, r)
	}
	for i, r := range gt.Records() {
		if i >= len(wrecs) || r != wrecs[i] {
			t.Fatalf("record %d is %+v, want %+v", i, r, wrecs[min(i, len(wrecs)-1)])
		}
		if r.Kind == sim.EvState && fmt.Sprint(gt.Stack(r.Aux)) != fmt.Sprint(wt.Stack(r.Aux)) {
			t.Fatalf("record %d stack %v, want %v", i, gt.Stack(r.Aux), wt.Stack(r.Aux))
		}
	}
	for name, pair := range map[string][2]any{
		"tasks": {wt.Tasks, gt.Tasks}, "objects": {wt.Objects, gt.Objects}, "strings": {wt.Strings, gt.Strings},
	} {
		if fmt.Sprint(pair[0]) != fmt.Sprint(pair[1]) {
			t.Errorf("%s table differs:\n got %v\nwant %v", name, pair[1], pair[0])
		}
	}
}

// A host driving a run in slices can interrupt it between two: the task
// computing without end stops at its next charged operation, every task
// is unwound, and the run ends with the host's error.
func TestInterruptBetweenSlices(t *testing.T) {
	k := sim.New()
	stopped := errors.New("stopped by the reader")
	k.Start("main", func(m *sim.Task) (any, error) {
		m.Spawn("sleeper", func(s *sim.Task) (any, error) { return nil, s.Sleep(sim.Hour) }, false)
		for {
			m.Charge(sim.Millisecond) // computes forever
		}
	})
	for range 10 {
		if k.Step(100) {
			t.Fatal("the endless run ended by itself")
		}
	}
	at := k.Now()
	k.Interrupt(stopped)
	for n := 0; !k.Step(100); n++ {
		if n > 3 {
			t.Fatal("the interrupted run did not end")
		}
	}
	if _, err := k.Result(); err != stopped {
		t.Errorf("result %v, want the host's error", err)
	}
	if k.Now() > at+sim.Millisecond {
		t.Errorf("the run went on to %v after the interrupt at %v", k.Now(), at)
	}
	killed := 0
	for _, r := range k.Trace().Records() {
		if r.Kind == sim.EvDone && sim.Outcome(r.Val) == sim.Killed {
			killed++
		}
	}
	if killed != 2 {
		t.Errorf("%d tasks killed, want both", killed)
	}
	k.Interrupt(errors.New("again")) // after the end: nothing
	if _, err := k.Result(); err != stopped {
		t.Errorf("a second interrupt changed the result to %v", err)
	}
}
