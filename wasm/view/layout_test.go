package view_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"asyncplay/sim"
	"asyncplay/wasm/view"
)

// dumpFrame prints a frame as exact text: rows, bars, arrows, cursor.
func dumpFrame(f view.Frame) string {
	var b strings.Builder
	for _, r := range f.Rows {
		fmt.Fprintf(&b, "row y=%g task %d %s %s %s\n", r.Y, r.Task, r.Name, view.Label(r.State), r.Outcome)
	}
	for _, bar := range f.Bars {
		fmt.Fprintf(&b, "bar task %d x=%g..%g y=%g %s\n", bar.Task, bar.X, bar.X+bar.W, bar.Y, view.Label(bar.State))
	}
	kinds := [...]string{view.Spawned: "spawned", view.Woke: "woke", view.Cancelled: "cancelled"}
	for _, a := range f.Arrows {
		fmt.Fprintf(&b, "arrow %s %d->%d x=%g y=%g..%g\n", kinds[a.Kind], a.From, a.To, a.X, a.Y1, a.Y2)
	}
	fmt.Fprintf(&b, "cursor %g, lanes %gpx high\n", f.Cursor, f.LanesHeight)
	return b.String()
}

// 100 pixels a second over the whole 8s backpressure run, 20px lanes.
var wholeRun = view.Viewport{From: 0, To: 8 * sim.Second, Width: 800, Height: 400, LaneHeight: 20}

func checkFrame(t *testing.T, vp view.Viewport, cursor sim.Time, want string) {
	t.Helper()
	var f view.Frame
	view.Build(producerConsumer().Trace()).Layout(&f, vp, cursor)
	got := dumpFrame(f)
	if got != want {
		t.Errorf("frame at %s:\n%s\nwant:\n%s", cursor, got, want)
	}
}

func TestLayoutWholeRun(t *testing.T) {
	checkFrame(t, wholeRun, 8*sim.Second, `row y=0 task 1 main done returned
row y=20 task 2 producer done returned
bar task 1 x=0..200 y=0 sleep
bar task 1 x=200..400 y=0 sleep
bar task 1 x=400..600 y=0 sleep
bar task 1 x=600..800 y=0 sleep
bar task 2 x=0..100 y=20 sleep
bar task 2 x=100..200 y=20 sleep
bar task 2 x=200..300 y=20 sleep
bar task 2 x=300..400 y=20 queue put
bar task 2 x=400..500 y=20 sleep
arrow spawned 1->2 x=0 y=10..30
arrow woke 2->1 x=0 y=30..10
arrow woke 1->2 x=400 y=10..30
cursor 800, lanes 40px high
`)
}

// Stepping back to 3.5s hides what has not happened: bars stop at the
// cursor, the 4s wake-up is gone, and the producer's header says it waits
// on the queue.
func TestLayoutStopsAtTheCursor(t *testing.T) {
	checkFrame(t, wholeRun, 3500*sim.Millisecond, `row y=0 task 1 main sleep 
row y=20 task 2 producer queue put 
bar task 1 x=0..200 y=0 sleep
bar task 1 x=200..350 y=0 sleep
bar task 2 x=0..100 y=20 sleep
bar task 2 x=100..200 y=20 sleep
bar task 2 x=200..300 y=20 sleep
bar task 2 x=300..350 y=20 queue put
arrow spawned 1->2 x=0 y=10..30
arrow woke 2->1 x=0 y=30..10
cursor 350, lanes 40px high
`)
}

// Zoomed to 6s..8s with finished lanes collapsed, the producer (done at
// 5s) gives its row to nobody and main's last sleep fills the width.
func TestLayoutZoomCollapsesFinished(t *testing.T) {
	vp := wholeRun
	vp.From, vp.CollapseFinished = 6*sim.Second, true
	checkFrame(t, vp, 8*sim.Second, `row y=0 task 1 main done returned
bar task 1 x=0..800 y=0 sleep
cursor 800, lanes 20px high
`)
	vp.CollapseFinished = false // the same window keeps an empty producer row
	checkFrame(t, vp, 7*sim.Second, `row y=0 task 1 main sleep 
row y=20 task 2 producer done returned
bar task 1 x=0..400 y=0 sleep
cursor 400, lanes 40px high
`)
}

// Scrolled one lane down with room for one lane, only the producer shows;
// links from main, now off screen, become stubs on the producer's row.
func TestLayoutScrollCullsLanes(t *testing.T) {
	vp := wholeRun
	vp.ScrollY, vp.Height = 20, 20
	checkFrame(t, vp, 8*sim.Second, `row y=0 task 2 producer done returned
bar task 2 x=0..100 y=0 sleep
bar task 2 x=100..200 y=0 sleep
bar task 2 x=200..300 y=0 sleep
bar task 2 x=300..400 y=0 queue put
bar task 2 x=400..500 y=0 sleep
arrow spawned 1->2 x=0 y=10..10
arrow woke 2->1 x=0 y=10..10
arrow woke 1->2 x=400 y=10..10
cursor 800, lanes 40px high
`)
}

// manySleepers runs tasks that each sleep 1ms steps times: a run of
// about tasks*steps*3 records.
func manySleepers(tasks, steps int) *sim.Trace {
	k := sim.New(sim.WithLimits(sim.Limits{TraceEvents: 1 << 30, Steps: 1 << 40}))
	k.Run("main", func(t *sim.Task) (any, error) {
		var kids []*sim.Task
		for range tasks {
			kids = append(kids, t.Spawn("sleeper", func(t *sim.Task) (any, error) {
				for range steps {
					if err := t.Sleep(sim.Millisecond); err != nil {
						return nil, err
					}
				}
				return nil, nil
			}, false))
		}
		for _, kid := range kids {
			if _, err := t.Join(kid); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	return k.Trace()
}

// Ten thousand sleeps across 100 pixels give at most 100 bars, tiling the
// lane without gaps or overlaps.
func TestLayoutOneBarPerPixelColumn(t *testing.T) {
	tl := view.Build(manySleepers(1, 10000))
	vp := view.Viewport{From: 0, To: tl.End, Width: 100, Height: 100, LaneHeight: 10}
	var f view.Frame
	tl.Layout(&f, vp, tl.End)
	var right float64
	n := 0
	for _, b := range f.Bars {
		if b.Task != 2 {
			continue
		}
		if b.X != right || b.W < 1 {
			t.Fatalf("bar %+v does not start at %g or is under a pixel", b, right)
		}
		right = b.X + b.W
		n++
	}
	if n > 100 || right != 100 {
		t.Errorf("%d bars reaching x=%g; want at most 100 reaching 100", n, right)
	}
}

func TestLayoutEmptyViewport(t *testing.T) {
	tl := view.Build(producerConsumer().Trace())
	for _, vp := range []view.Viewport{
		{From: sim.Second, To: sim.Second, Width: 100, Height: 100, LaneHeight: 10},
		{From: 0, To: sim.Second, Width: 0, Height: 100, LaneHeight: 10},
		{From: 0, To: sim.Second, Width: 100, Height: 100, LaneHeight: 0},
	} {
		f := view.Frame{Bars: make([]view.Bar, 3)} // a used frame is emptied
		tl.Layout(&f, vp, sim.Second)
		if len(f.Rows)+len(f.Bars)+len(f.Arrows) != 0 || !math.IsNaN(f.Cursor) {
			t.Errorf("Layout(%+v) drew %d rows", vp, len(f.Rows))
		}
	}
}

func TestLabels(t *testing.T) {
	for s, want := range map[sim.State]string{sim.QueuePut: "queue put", sim.TimeSleep: "sleep", sim.Initial: "INITIAL", sim.State(200): "STATE(200)"} {
		if got := view.Label(s); got != want {
			t.Errorf("Label(%d) = %q; want %q", s, got, want)
		}
	}
}

// BenchmarkLayout lays out a 100-task run of 300k records on a 1200px
// screen: the cost of one animation frame.
func BenchmarkLayout(b *testing.B) {
	tl := view.Build(manySleepers(100, 1000))
	vp := view.Viewport{From: 0, To: tl.End, Width: 1200, Height: 2000, LaneHeight: 20}
	var f view.Frame
	b.ResetTimer()
	for b.Loop() {
		tl.Layout(&f, vp, tl.End/2)
	}
	b.ReportMetric(float64(len(f.Bars)), "bars")
}

// BenchmarkBuild derives the timeline of the same run from its trace,
// which the page does once per run.
func BenchmarkBuild(b *testing.B) {
	tr := manySleepers(100, 1000)
	b.ReportMetric(float64(tr.Len()), "records")
	b.ResetTimer()
	for b.Loop() {
		view.Build(tr)
	}
}

// BenchmarkFrame is the view's Go work for one drawn frame of a 100-task
// run: the lanes, the objects at the cursor and every plotted gauge.
func BenchmarkFrame(b *testing.B) {
	tl := view.Build(manySleepers(100, 1000))
	vp := view.Viewport{From: 0, To: tl.End, Width: 1200, Height: 600, LaneHeight: 24}
	var f view.Frame
	b.ResetTimer()
	for b.Loop() {
		tl.Layout(&f, vp, tl.End/2)
		tl.ObjectsAt(tl.End / 2)
		for _, g := range tl.Gauges {
			if g != nil && view.Plotted(g.Object) {
				tl.Plot(g, vp, 40, tl.End/2)
			}
		}
	}
}

// A thousand hand-offs through a one-slot queue in one second make about
// two thousand wake-up links; at 10 pixels for the whole run each pixel
// column draws each (kind, source row, target row) once.
func TestLayoutDrawsEachArrowOncePerPixel(t *testing.T) {
	k := sim.New()
	q := k.NewQueue("q", sim.FIFO, 1)
	k.Run("main", func(m *sim.Task) (any, error) {
		prod := m.Spawn("producer", func(p *sim.Task) (any, error) {
			for i := range 1000 {
				if err := q.Put(p, i); err != nil {
					return nil, err
				}
				if err := p.Sleep(sim.Millisecond); err != nil {
					return nil, err
				}
			}
			return nil, nil
		}, false)
		for range 1000 {
			if _, err := q.Get(m); err != nil {
				return nil, err
			}
		}
		return m.Join(prod)
	})
	tl := view.Build(k.Trace())
	woke := 0
	for _, l := range tl.Links {
		if l.Kind == view.Woke {
			woke++
		}
	}
	var f view.Frame
	tl.Layout(&f, view.Viewport{From: 0, To: tl.End, Width: 10, Height: 100, LaneHeight: 20}, tl.End)
	seen := map[string]bool{}
	for _, a := range f.Arrows {
		key := fmt.Sprintf("%d %d %g %g", a.Kind, int(a.X), a.Y1, a.Y2)
		if seen[key] {
			t.Errorf("arrow drawn twice: %s", key)
		}
		seen[key] = true
	}
	if woke < 900 || len(f.Arrows) > 40 {
		t.Errorf("%d wake links drawn as %d arrows; want hundreds as a few dozen", woke, len(f.Arrows))
	}
}

// The kernel row shows which task held the CPU: two workers that compute
// in turn (each Charge is CPU time) alternate in it, main's brief turns
// too, and no two of its bars overlap.
func TestLayoutKernelRow(t *testing.T) {
	k := sim.New()
	k.Run("main", func(m *sim.Task) (any, error) {
		var ws []*sim.Task
		for n := range 2 {
			ws = append(ws, m.Spawn(fmt.Sprint("worker", n), func(w *sim.Task) (any, error) {
				for range 3 {
					w.Charge(100 * sim.Millisecond)
					if err := w.Sleep(50 * sim.Millisecond); err != nil {
						return nil, err
					}
				}
				return nil, nil
			}, false))
		}
		m.Charge(10 * sim.Millisecond)
		for _, w := range ws {
			if _, err := m.Join(w); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	tl := view.Build(k.Trace())
	var f view.Frame
	tl.Layout(&f, view.Viewport{From: 0, To: tl.End, Width: float64(tl.End / sim.Millisecond), Height: 100, LaneHeight: 20}, tl.End)
	var b strings.Builder
	for _, bar := range f.Kernel {
		fmt.Fprintf(&b, "task %d x=%g..%g\n", bar.Task, bar.X, bar.X+bar.W)
	}
	want := "task 1 x=0..10\ntask 2 x=10..110\ntask 3 x=110..210\ntask 2 x=210..310\ntask 3 x=310..410\ntask 2 x=410..510\ntask 3 x=510..610\n"
	if b.String() != want {
		t.Errorf("kernel row:\n%swant:\n%s", b.String(), want)
	}
	for _, bar := range f.Kernel {
		if bar.H != 20 {
			t.Errorf("a bar of a CPU busy all its width is %gpx high, want the lane's 20", bar.H)
		}
	}
	// A window of 20 pixels over the same run: each column at most once.
	tl.Layout(&f, view.Viewport{From: 0, To: tl.End, Width: 20, Height: 100, LaneHeight: 20}, tl.End)
	right := math.Inf(-1)
	for _, bar := range f.Kernel {
		if bar.X < right || bar.State != sim.Running {
			t.Errorf("kernel bar %+v overlaps the one ending at %g", bar, right)
		}
		right = bar.X + bar.W
	}
}

// Zoomed out over a task that runs for a moment every ten seconds, the
// kernel row's bars are low: the pixel columns they stand for were mostly
// idle, and a full bar would say the CPU was always busy.
func TestLayoutKernelRowShowsHowBusy(t *testing.T) {
	k := sim.New()
	k.Run("main", func(m *sim.Task) (any, error) {
		for range 100 {
			m.Charge(sim.Millisecond)
			if err := m.Sleep(10 * sim.Second); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	tl := view.Build(k.Trace())
	var f view.Frame
	tl.Layout(&f, view.Viewport{From: 0, To: tl.End, Width: 50, Height: 100, LaneHeight: 20}, tl.End)
	if len(f.Kernel) == 0 {
		t.Fatal("no kernel bars")
	}
	for _, bar := range f.Kernel {
		if bar.H != 5 {
			t.Errorf("bar %+v: %gpx high, want a quarter of the lane for a mostly idle CPU", bar, bar.H)
		}
	}
}

// Each row knows its task's group, so the painter can bracket a group's
// lanes: the backpressure lesson's producer and consumer share one.
func TestLayoutRowsKnowTheirGroup(t *testing.T) {
	k := sim.New()
	k.Run("main", func(m *sim.Task) (any, error) {
		g := k.NewTaskGroup("workers", sim.WaitAll)
		for n := range 2 {
			if _, err := g.Spawn(m, fmt.Sprint("w", n), func(w *sim.Task) (any, error) { return nil, w.Sleep(sim.Second) }); err != nil {
				return nil, err
			}
		}
		m.Spawn("loner", func(l *sim.Task) (any, error) { return nil, l.Sleep(sim.Second) }, false)
		return nil, g.Join(m)
	})
	var f view.Frame
	view.Build(k.Trace()).Layout(&f, view.Viewport{From: 0, To: 2 * sim.Second, Width: 100, Height: 100, LaneHeight: 20}, sim.Second/2)
	var got []string
	for _, r := range f.Rows {
		got = append(got, fmt.Sprintf("%s:%d", r.Name, r.Group))
	}
	if strings.Join(got, " ") != "main:0 w0:1 w1:1 loner:0" {
		t.Errorf("rows and groups: %v", got)
	}
}

// When the world runs on after the program exits, the frame marks the
// exit once the cursor has passed it.
func TestLayoutMarksTheExit(t *testing.T) {
	k := sim.New()
	k.SpawnPeer("reader", func(p *sim.Task) (any, error) { return nil, p.Sleep(3 * sim.Second) })
	k.Run("main", func(m *sim.Task) (any, error) { return nil, m.Sleep(sim.Second) })
	tl := view.Build(k.Trace())
	if tl.Exit != sim.Second || tl.End != 3*sim.Second {
		t.Fatalf("exit %v, end %v", tl.Exit, tl.End)
	}
	var f view.Frame
	vp := view.Viewport{From: 0, To: tl.End, Width: 300, Height: 100, LaneHeight: 20}
	tl.Layout(&f, vp, tl.End)
	if f.Exit != 100 {
		t.Errorf("exit marked at x=%v, want 100", f.Exit)
	}
	tl.Layout(&f, vp, sim.Second/2)
	if !math.IsNaN(f.Exit) {
		t.Errorf("before the exit the frame marks it at x=%v", f.Exit)
	}
}
