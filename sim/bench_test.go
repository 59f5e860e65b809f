package sim_test

import (
	"testing"

	"asyncplay/sim"
)

// pingPong sends n messages from a producer to a consumer through a queue
// of maxsize 1: the pattern where every message costs two task switches.
func pingPong(n int, opts ...sim.Option) *sim.Kernel {
	k := sim.New(append([]sim.Option{sim.WithLimits(sim.Limits{Steps: 1 << 62, TraceEvents: 1 << 31})}, opts...)...)
	q := k.NewQueue("q", sim.FIFO, 1)
	var msg any = "message" // interpreted values are boxed already
	k.Run("main", func(t *sim.Task) (any, error) {
		prod := t.Spawn("producer", func(t *sim.Task) (any, error) {
			for range n {
				if err := q.Put(t, msg); err != nil {
					return nil, err
				}
			}
			return nil, nil
		}, false)
		for range n {
			if _, err := q.Get(t); err != nil {
				return nil, err
			}
		}
		return t.Join(prod)
	})
	return k
}

func benchPingPong(b *testing.B, opts ...sim.Option) {
	b.ReportAllocs()
	pingPong(b.N, opts...)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkPingPong measures messages per second through a maxsize=1
// queue with the trace on, as the page runs it.
func BenchmarkPingPong(b *testing.B) { benchPingPong(b) }

// BenchmarkPingPongNoTrace is the same without recording, to price the trace.
func BenchmarkPingPongNoTrace(b *testing.B) { benchPingPong(b, sim.WithoutTrace()) }
