package view

import (
	"fmt"
	"strings"
	"testing"

	"asyncplay/sim"
)

// backlog is a producer putting an item every 100 ms and a consumer taking
// one every 300 ms, five items in all (the fourth put comes just after the
// first get, so four wait at 0.4s), and a ticker whose timer falls due
// while the consumer holds the CPU: 30 ms late.
func backlog(t *testing.T) *Timeline {
	k := sim.New()
	_, err := k.Run("main", func(task *sim.Task) (any, error) {
		q := k.NewQueue("jobs", sim.FIFO, 0)
		task.Spawn("producer", func(p *sim.Task) (any, error) {
			for i := range 5 {
				q.Put(p, i)
				p.Sleep(100 * sim.Millisecond)
			}
			return nil, nil
		}, false)
		c := task.Spawn("consumer", func(c *sim.Task) (any, error) {
			for range 5 {
				c.Sleep(300 * sim.Millisecond)
				q.Get(c)
			}
			c.Charge(50 * sim.Millisecond) // holds the CPU from 1.5s to 1.55s
			return nil, nil
		}, false)
		tick := task.Spawn("ticker", func(tk *sim.Task) (any, error) {
			return nil, tk.Sleep(1520 * sim.Millisecond) // due while the consumer holds the CPU
		}, false)
		if _, err := task.Join(c); err != nil {
			return nil, err
		}
		_, err := task.Join(tick)
		return nil, err
	})
	if err != nil {
		t.Fatal(err)
	}
	return Build(k.Trace())
}

func TestMeasures(t *testing.T) {
	m := backlog(t).Measure()
	var got []string
	for _, d := range measureDocs {
		got = append(got, fmt.Sprintf("%s=%s", d.name, m[d.name]))
	}
	want := "peak_queue=4 p50_wait=700ms p99_wait=1.1s max_wait=1.1s items=5 throughput=3.2/s max_late=30ms peak_unsent=0B peak_tasks=4 end=1.55s completed=1"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

// A run the kernel stopped, here a deadlock, did not complete.
func TestCompletedIsZeroForADeadlock(t *testing.T) {
	k := sim.New()
	k.Run("main", func(task *sim.Task) (any, error) {
		return nil, k.NewEvent("never").Wait(task)
	})
	if m := Build(k.Trace()).Measure(); m["completed"].Value != 0 {
		t.Errorf("a deadlocked run: completed = %v", m["completed"])
	}
}

func TestChecks(t *testing.T) {
	m := backlog(t).Measure()
	for _, c := range []struct{ check, want string }{
		{"peak_queue <= 4 and p99_wait < 2s", "true [peak_queue = 4, want <= 4 ✓ p99_wait = 1.1s, want < 2s ✓]"},
		{"peak_queue < 4", "false [peak_queue = 4, want < 4 ✗]"},
		// rounded, 3.2/s would seem to pass; failing, it is shown exactly
		{"throughput < 3.2/s", "false [throughput = 3.225806451612903/s, want < 3.2/s ✗]"},
		{"throughput >= 3/s and peak_unsent == 0 and max_late <= 30ms", "true [throughput = 3.2/s, want >= 3.0/s ✓ peak_unsent = 0B, want == 0B ✓ max_late = 30ms, want <= 30ms ✓]"},
	} {
		chk, err := ParseCheck(c.check)
		if err != nil {
			t.Fatal(err)
		}
		v := chk.Apply(m)
		if got := fmt.Sprint(v.OK, v.Parts); got != c.want {
			t.Errorf("%s:\ngot  %s\nwant %s", c.check, got, c.want)
		}
	}
	for _, c := range []struct{ check, want string }{
		{"peak_queu <= 3", `no measure is named "peak_queu"`},
		{"p99_wait < 20", "p99_wait is a duration, so write its value like 50ms or 1.5s"},
		{"peak_queue =< 3", "the comparison is one of < <= > >= ==, not \"=<\""},
		{"peak_queue <= lots", `"lots" is not a number`},
		{"peak_queue", "each part is MEASURE OP VALUE"},
	} {
		if _, err := ParseCheck(c.check); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v; want it to say %q", c.check, err, c.want)
		}
	}
}

// The view flags a timer late by 100 µs or more; the kernel's own costs
// make timers a little late all the time, and those are not flagged.
func TestLayoutFlagsOnlyLateTimers(t *testing.T) {
	tl := backlog(t)
	tl.Late = append(tl.Late, Late{T: tl.End / 2, Task: 1, By: 300}) // 300 ns: the kernel's own cost
	var f Frame
	tl.Layout(&f, Viewport{From: 0, To: tl.End, Width: 1000, Height: 200, LaneHeight: 20}, tl.End)
	if len(f.Late) != 1 || f.Late[0].From != int(30*sim.Millisecond) {
		t.Errorf("flags %+v, want the one 30 ms late", f.Late)
	}
}

// The program's measures end when it exits, though the world runs on
// after it: end is the exit, not the trace's last record, and the run is
// completed. A run the kernel stopped is not.
func TestMeasuresEndAtTheExit(t *testing.T) {
	k := sim.New()
	_, err := k.Run("main", func(task *sim.Task) (any, error) {
		k.At(0, func() {
			k.SpawnPeer("reader", func(p *sim.Task) (any, error) { return nil, p.Sleep(3 * sim.Second) })
		})
		return nil, task.Sleep(sim.Second)
	})
	if err != nil {
		t.Fatal(err)
	}
	tl := Build(k.Trace())
	m := tl.Measure()
	if tl.End != 3*sim.Second || tl.Exit != sim.Second || m["end"].String() != "1s" || m["completed"].Value != 1 {
		t.Errorf("trace ends at %v, exit %v; end %v, completed %v", tl.End, tl.Exit, m["end"], m["completed"])
	}
	stopped := sim.New(sim.WithLimits(sim.Limits{Time: sim.Second}))
	stopped.Run("main", func(task *sim.Task) (any, error) { return nil, task.Sleep(sim.Hour) })
	tl = Build(stopped.Trace())
	if m := tl.Measure(); tl.Exit != -1 || m["end"].String() != "1s" || m["completed"].Value != 0 {
		t.Errorf("a stopped run: exit %v, end %v, completed %v", tl.Exit, m["end"], m["completed"])
	}
}
