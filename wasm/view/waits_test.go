package view_test

import (
	"fmt"
	"testing"

	"asyncplay/sim"
	"asyncplay/wasm/view"
)

// In the backpressure run main gets an item every two seconds from 0s and
// the producer puts one a second after each put, or as soon as a slot is
// free: items put at 0, 1, 2 and 4s are got at 0, 2, 4 and 6s.
func TestWaitsOfAFIFOQueue(t *testing.T) {
	tl := view.Build(producerConsumer().Trace())
	g := tl.Gauges[0]
	if got := fmt.Sprint(g.Waits(8 * sim.Second)); got != "[0.000s 1.000s 2.000s 2.000s]" {
		t.Errorf("waits = %s", got)
	}
	if got := fmt.Sprint(g.Waits(3 * sim.Second)); got != "[0.000s 1.000s]" {
		t.Errorf("waits by 3s = %s", got)
	}
}

func TestHistogram(t *testing.T) {
	var waits []sim.Time
	for i := 1; i <= 100; i++ {
		waits = append(waits, sim.Time(i)*10*sim.Millisecond) // 10ms .. 1s
	}
	h := view.NewHistogram(waits)
	got := fmt.Sprintf("n=%d p50=%s p99=%s max=%s edges=%v counts=%v", h.N, h.P50, h.P99, h.Max, h.Edges, h.Counts)
	want := "n=100 p50=0.500s p99=0.990s max=1.000s edges=[0.010s 0.020s 0.050s 0.100s 0.200s 0.500s 1.000s 2.000s] counts=[1 3 5 10 30 50 1]"
	if got != want {
		t.Errorf("histogram:\n%s\nwant\n%s", got, want)
	}
	if h := view.NewHistogram(nil); h.N != 0 || h.Counts != nil {
		t.Errorf("empty histogram %+v", h)
	}
	if h := view.NewHistogram([]sim.Time{0, 0}); fmt.Sprint(h.Edges, h.Counts, h.P99) != "[0.000s 0.000001s] [2] 0.000s" {
		t.Errorf("zero waits: %v %v %v", h.Edges, h.Counts, h.P99)
	}
}

func TestWaitsOnlyForFIFOQueues(t *testing.T) {
	for _, kind := range []string{"LifoQueue", "PriorityQueue", "Semaphore"} {
		g := &view.Gauge{Object: sim.ObjectInfo{Kind: kind}, Samples: []view.Sample{{T: 0, Value: 0}, {T: 1, Value: 1}, {T: 2, Value: 0}}}
		if w := g.Waits(10); w != nil {
			t.Errorf("%s waits %v", kind, w)
		}
	}
}
