package view_test

import (
	"fmt"
	"strings"
	"testing"

	"asyncplay/sim"
	"asyncplay/wasm/view"
)

// producerConsumer: a producer puts four items into a queue of maxsize
// 1, one a second; the consumer takes each and spends two seconds on it,
// so the producer ends up blocked on a full queue (backpressure).
func producerConsumer() *sim.Kernel {
	k := sim.New()
	q := k.NewQueue("q", sim.FIFO, 1)
	k.Run("main", func(t *sim.Task) (any, error) {
		prod := t.Spawn("producer", func(t *sim.Task) (any, error) {
			for i := range 4 {
				if err := q.Put(t, i); err != nil {
					return nil, err
				}
				if err := t.Sleep(sim.Second); err != nil {
					return nil, err
				}
			}
			return nil, nil
		}, false)
		for range 4 {
			if _, err := q.Get(t); err != nil {
				return nil, err
			}
			if err := t.Sleep(2 * sim.Second); err != nil {
				return nil, err
			}
		}
		return t.Join(prod)
	})
	return k
}

// dump prints a timeline as exact text, one line per lane, gauge and link.
func dump(tl *view.Timeline) string {
	var b strings.Builder
	for _, l := range tl.Lanes {
		fmt.Fprintf(&b, "task %d %s born %s:", l.Task.ID, l.Task.Name, l.Born)
		for _, s := range l.Segments {
			fmt.Fprintf(&b, " [%s-%s %s", s.Start, s.End, s.State)
			if s.State.Blocked() {
				fmt.Fprintf(&b, " on %d", s.On)
			}
			b.WriteString("]")
		}
		if l.Ended {
			fmt.Fprintf(&b, " ended %s %s", l.EndedAt, l.Outcome)
		}
		b.WriteString("\n")
	}
	for _, g := range tl.Gauges {
		if g == nil {
			continue
		}
		fmt.Fprintf(&b, "gauge %d %s %s:", g.Object.ID, g.Object.Kind, g.Object.Name)
		for _, s := range g.Samples {
			fmt.Fprintf(&b, " %s=%d", s.T, s.Value)
		}
		fmt.Fprintf(&b, " peak %d\n", g.Peak())
	}
	kinds := [...]string{view.Spawned: "spawned", view.Woke: "woke", view.Cancelled: "cancelled"}
	for _, l := range tl.Links {
		fmt.Fprintf(&b, "link %s %d->%d at %s\n", kinds[l.Kind], l.From, l.To, l.T)
	}
	fmt.Fprintf(&b, "end %s\n", tl.End)
	return b.String()
}

// The producer blocks on the full queue from 3s to 4s and the consumer's
// get at 4s wakes it: the lanes, the gauge and the links all show it.
func TestBuildProducerConsumer(t *testing.T) {
	got := dump(view.Build(producerConsumer().Trace()))
	want := `task 1 main born 0.000s: [0.000s-0.000s READY] [0.000s-0.000s RUNNING] [0.000s-0.000s QUEUE_GET on 1] [0.000s-0.000s READY] [0.000s-0.000s RUNNING] [0.000s-2.000s TIME_SLEEP on 0] [2.000s-2.000s READY] [2.000s-2.000s RUNNING] [2.000s-4.000s TIME_SLEEP on 0] [4.000s-4.000s READY] [4.000s-4.000s RUNNING] [4.000s-6.000s TIME_SLEEP on 0] [6.000s-6.000s READY] [6.000s-6.000s RUNNING] [6.000s-8.000s TIME_SLEEP on 0] [8.000s-8.000s READY] [8.000s-8.000s RUNNING] ended 8.000s returned
task 2 producer born 0.000s: [0.000s-0.000s READY] [0.000s-0.000s RUNNING] [0.000s-1.000s TIME_SLEEP on 0] [1.000s-1.000s READY] [1.000s-1.000s RUNNING] [1.000s-2.000s TIME_SLEEP on 0] [2.000s-2.000s READY] [2.000s-2.000s RUNNING] [2.000s-3.000s TIME_SLEEP on 0] [3.000s-3.000s READY] [3.000s-3.000s RUNNING] [3.000s-4.000s QUEUE_PUT on 1] [4.000s-4.000s READY] [4.000s-4.000s RUNNING] [4.000s-5.000s TIME_SLEEP on 0] [5.000s-5.000s READY] [5.000s-5.000s RUNNING] ended 5.000s returned
gauge 1 Queue q: 0.000s=0 0.000s=1 0.000s=0 1.000s=1 2.000s=0 2.000s=1 4.000s=0 4.000s=1 6.000s=0 peak 1
link spawned 1->2 at 0.000s
link woke 2->1 at 0.000s
link woke 1->2 at 4.000s
end 8.000s
`
	if got != want {
		t.Errorf("timeline:\n%s\nwant:\n%s", got, want)
	}
}

// Any moment can be asked for without re-running: the state in force is
// the last change at or before t.
func TestStateAndValueAt(t *testing.T) {
	tl := view.Build(producerConsumer().Trace())
	for _, c := range []struct {
		task  int
		t     sim.Time
		state sim.State
		ok    bool
	}{
		{2, 3500 * sim.Millisecond, sim.QueuePut, true},
		{2, 4 * sim.Second, sim.TimeSleep, true}, // the last of the changes at 4s
		{1, 3 * sim.Second, sim.TimeSleep, true},
		{2, 5 * sim.Second, sim.Running, true},
		{2, 6 * sim.Second, 0, false}, // ended at 5s
		{3, 0, 0, false},              // no such task
		{0, 0, 0, false},
	} {
		seg, ok := tl.StateAt(c.task, c.t)
		if ok != c.ok || (ok && seg.State != c.state) {
			t.Errorf("StateAt(%d, %s) = %s, %v; want %s, %v", c.task, c.t, seg.State, ok, c.state, c.ok)
		}
	}
	if seg, _ := tl.StateAt(2, 3500*sim.Millisecond); seg.On != 1 || seg.Start != 3*sim.Second || seg.End != 4*sim.Second {
		t.Errorf("blocked segment = %+v; want on queue 1 from 3s to 4s", seg)
	}
	for _, c := range []struct {
		t    sim.Time
		want int64
	}{{500 * sim.Millisecond, 0}, {sim.Second, 1}, {3 * sim.Second, 1}, {5 * sim.Second, 1}, {7 * sim.Second, 0}} {
		if v, ok := tl.ValueAt(1, c.t); !ok || v != c.want {
			t.Errorf("ValueAt(q, %s) = %d, %v; want %d", c.t, v, ok, c.want)
		}
	}
	if _, ok := tl.ValueAt(2, 0); ok {
		t.Error("ValueAt of a missing object reported a value")
	}
}

// A cancellation links the canceller to its victim, a semaphore's gauge
// starts at its initial value, and a lane cut short by the end of the run
// ends at the run's end.
func TestCancelLinksAndSemaphoreGauge(t *testing.T) {
	k := sim.New()
	var sem *sim.Semaphore
	k.Run("main", func(t *sim.Task) (any, error) {
		sem = t.Kernel().NewSemaphore("slots", 2)
		kid := t.Spawn("kid", func(t *sim.Task) (any, error) {
			if err := sem.Acquire(t); err != nil {
				return nil, err
			}
			return nil, t.Sleep(10 * sim.Second)
		}, false)
		t.Sleep(sim.Second)
		t.Cancel(kid, true)
		return nil, nil
	})
	got := dump(view.Build(k.Trace()))
	want := `task 1 main born 0.000s: [0.000s-0.000s READY] [0.000s-0.000s RUNNING] [0.000s-1.000s TIME_SLEEP on 0] [1.000s-1.000s READY] [1.000s-1.000s RUNNING] [1.000s-1.000s TASK_JOIN on 2] [1.000s-1.000s READY] [1.000s-1.000s RUNNING] ended 1.000s returned
task 2 kid born 0.000s: [0.000s-0.000s READY] [0.000s-0.000s RUNNING] [0.000s-1.000s TIME_SLEEP on 0] [1.000s-1.000s READY] [1.000s-1.000s RUNNING] ended 1.000s cancelled
gauge 1 Semaphore slots: 0.000s=2 0.000s=1 peak 2
link spawned 1->2 at 0.000s
link cancelled 1->2 at 1.000s
end 1.000s
`
	if got != want {
		t.Errorf("timeline:\n%s\nwant:\n%s", got, want)
	}
}

// A run stopped by a limit kills its tasks, and the lanes end there.
func TestLimitEndsLanes(t *testing.T) {
	k := sim.New(sim.WithLimits(sim.Limits{Time: 5 * sim.Second}))
	k.Run("main", func(t *sim.Task) (any, error) {
		t.Sleep(3 * sim.Second)
		return nil, t.Sleep(100 * sim.Second)
	})
	tl := view.Build(k.Trace())
	lane := tl.Lanes[0]
	last := lane.Segments[len(lane.Segments)-1]
	if last.State != sim.TimeSleep || last.Start != 3*sim.Second || last.End != 5*sim.Second ||
		!lane.Ended || lane.Outcome != sim.Killed || tl.End != 5*sim.Second {
		t.Errorf("last segment %+v, ended %v %s, run end %s", last, lane.Ended, lane.Outcome, tl.End)
	}
}

// A trace cut short by its event limit leaves lanes open: they end at the
// last record instead of dangling.
func TestTruncatedTraceClosesLanes(t *testing.T) {
	k := sim.New(sim.WithLimits(sim.Limits{TraceEvents: 12}))
	k.Run("main", func(t *sim.Task) (any, error) {
		for range 100 {
			t.Sleep(sim.Second)
		}
		return nil, nil
	})
	tl := view.Build(k.Trace())
	for _, lane := range tl.Lanes {
		for _, s := range lane.Segments {
			if s.End < s.Start || s.End > tl.End {
				t.Errorf("task %d segment %+v outside the run (end %s)", lane.Task.ID, s, tl.End)
			}
		}
	}
}
