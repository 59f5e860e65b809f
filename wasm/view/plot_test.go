package view_test

import (
	"fmt"
	"testing"

	"asyncplay/sim"
	"asyncplay/wasm/view"
)

// The backpressure run's queue (maxsize 1) as a step line in a box 10px
// high over the whole run (y 10 is empty, 0 full): it fills at 1s, stays
// full while each get is answered by a put in the same pixel column,
// empties at 6s, and nothing after the cursor is drawn.
func TestPlotQueueDepth(t *testing.T) {
	tl := view.Build(producerConsumer().Trace())
	var g *view.Gauge
	for _, c := range tl.Gauges {
		if c != nil && view.Plotted(c.Object) {
			g = c
		}
	}
	if g == nil {
		t.Fatal("no plotted gauge in the producer-consumer run")
	}
	for _, c := range []struct {
		cursor sim.Time
		want   string
	}{
		{8 * sim.Second, "Queue q max 1 now 0 [{0 10} {0 10} {0 10} {100 10} {100 0} {200 0} {200 0} {400 0} {400 0} {600 0} {600 10} {800 10}]"},
		{2500 * sim.Millisecond, "Queue q max 1 now 1 [{0 10} {0 10} {0 10} {100 10} {100 0} {200 0} {200 0} {250 0}]"},
	} {
		p := tl.Plot(g, wholeRun, 10, c.cursor)
		if got := fmt.Sprintf("%s %s max %d now %d %v", p.Object.Kind, p.Object.Name, p.Max, p.Now, p.Points); got != c.want {
			t.Errorf("plot at %s:\n%s\nwant\n%s", c.cursor, got, c.want)
		}
	}
	if p := tl.Plot(g, view.Viewport{}, 10, sim.Second); len(p.Points) != 0 {
		t.Errorf("an empty viewport plots %v", p.Points)
	}
}

func TestPlotted(t *testing.T) {
	for kind, want := range map[string]bool{"Queue": true, "LifoQueue": true, "PriorityQueue": true, "SignalQueue": false, "Event": false, "Lock": false} {
		if got := view.Plotted(sim.ObjectInfo{Kind: kind}); got != want {
			t.Errorf("Plotted(%s) = %v", kind, got)
		}
	}
}
