package sim_test

import (
	"runtime"
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

// BenchmarkSpawnJoin measures creating a task, running it and joining it.
func BenchmarkSpawnJoin(b *testing.B) {
	b.ReportAllocs()
	k := sim.New(sim.WithLimits(sim.Limits{Steps: 1 << 62, TraceEvents: 1 << 31}))
	child := func(t *sim.Task) (any, error) { return nil, nil }
	k.Run("main", func(t *sim.Task) (any, error) {
		for range b.N {
			if _, err := t.Join(t.Spawn("child", child, false)); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
}

// BenchmarkManySleepers runs 10,000 tasks that each sleep ten times for
// varied durations, and reports trace records per second and the memory
// each sleeping task costs (heap and coroutine stack) at the peak.
func BenchmarkManySleepers(b *testing.B) {
	const tasks, naps = 10_000, 10
	var perTask float64
	records := 0
	for range b.N {
		k := sim.New(sim.WithSeed(7), sim.WithLimits(sim.Limits{TraceEvents: 1 << 31}))
		k.Run("main", func(t *sim.Task) (any, error) {
			var before runtime.MemStats
			b.StopTimer()
			runtime.GC()
			runtime.ReadMemStats(&before)
			b.StartTimer()
			all := make([]*sim.Task, tasks)
			for i := range all {
				d := sim.Time(1+k.Rand().IntN(1000)) * sim.Millisecond
				all[i] = t.Spawn("sleeper", func(t *sim.Task) (any, error) {
					for range naps {
						if err := t.Sleep(d); err != nil {
							return nil, err
						}
					}
					return nil, nil
				}, false)
			}
			if err := t.Sleep(0); err != nil { // every sleeper runs once and sleeps
				return nil, err
			}
			var after runtime.MemStats
			b.StopTimer()
			runtime.GC()
			runtime.ReadMemStats(&after)
			b.StartTimer()
			perTask = float64(after.HeapAlloc+after.StackInuse-before.HeapAlloc-before.StackInuse) / tasks
			for _, s := range all {
				if _, err := t.Join(s); err != nil {
					return nil, err
				}
			}
			return nil, nil
		})
		records += k.Trace().Len()
	}
	b.ReportMetric(float64(records)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(perTask, "bytes/task")
	b.ReportMetric(perTask*tasks/(1<<20), "MB/10k-tasks")
}
