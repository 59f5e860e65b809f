package view

import (
	"slices"

	"asyncplay/sim"
)

// Waits are the times the items of FIFO queue g spent in it, for the items
// got by cursor, in the order they were got: the queueing latency that a
// backlog adds to every message. The trace records each put (+1) and get
// (-1) as the queue's size, and a FIFO queue hands out its k-th item to
// its k-th get, so no program needs to mark its messages for this. Other
// gauges (LIFO and priority queues, semaphores) have none: their order is
// not the order of arrival.
func (g *Gauge) Waits(cursor sim.Time) []sim.Time {
	if g.Object.Kind != "Queue" || len(g.Samples) == 0 {
		return nil
	}
	var puts, waits []sim.Time
	prev := g.Samples[0].Value
	for _, s := range g.Samples[1:] {
		if s.T > cursor {
			break
		}
		switch {
		case s.Value > prev:
			puts = append(puts, s.T)
		case s.Value < prev && len(waits) < len(puts):
			waits = append(waits, s.T-puts[len(waits)])
		}
		prev = s.Value
	}
	return waits
}

// Histogram is a distribution of waits in buckets of round widths.
type Histogram struct {
	// Edges bound the buckets: Counts[i] counts waits in [Edges[i],
	// Edges[i+1]). Only the buckets from the shortest wait to the longest
	// are kept.
	Edges  []sim.Time
	Counts []int
	N      int
	P50    sim.Time // the median
	P99    sim.Time // 99% of waits were this long or shorter
	Max    sim.Time
}

// bucketEdges are 1-2-5 steps from a microsecond to a thousand seconds.
var bucketEdges = func() []sim.Time {
	edges := []sim.Time{0}
	for d := sim.Microsecond; d <= 1000*sim.Second; d *= 10 {
		edges = append(edges, d, 2*d, 5*d)
	}
	return edges
}()

// NewHistogram sorts waits into buckets and reads its percentiles
// (nearest rank).
func NewHistogram(waits []sim.Time) Histogram {
	h := Histogram{N: len(waits)}
	if h.N == 0 {
		return h
	}
	sorted := slices.Sorted(slices.Values(waits))
	rank := func(p int) sim.Time { return sorted[max(0, (p*h.N+99)/100-1)] }
	h.P50, h.P99, h.Max = rank(50), rank(99), sorted[h.N-1]
	bucket := func(d sim.Time) int {
		i, _ := slices.BinarySearch(bucketEdges, d+1) // the first edge above d
		return i - 1
	}
	lo, hi := bucket(sorted[0]), bucket(h.Max)
	h.Edges = slices.Clone(bucketEdges[lo : hi+2])
	h.Counts = make([]int, hi-lo+1)
	for _, d := range sorted {
		h.Counts[bucket(d)-lo]++
	}
	return h
}
