package sim_test

import (
	"errors"
	"testing"

	"asyncplay/sim"
)

// fuzzProgram turns bytes into a program: every task reads ops from the
// input in turn and performs them on a shared set of objects, so random
// inputs exercise sleeping, queues, events, locks, semaphores, conditions,
// spawning, joining, cancelling, timeouts, groups, signals and CPU charges
// in every interleaving the kernel allows.
func fuzzProgram(data []byte) sim.TaskFunc {
	return func(main *sim.Task) (any, error) {
		k := main.Kernel()
		q := k.NewQueue("q", sim.FIFO, 2)
		ev := k.NewEvent("ev")
		lock := k.NewLock("lock")
		sem := k.NewBoundedSemaphore("sem", 1)
		cond := k.NewCondition("cond", nil)
		group := k.NewTaskGroup("group", sim.WaitPolicy(len(data)%4))
		var tasks []*sim.Task
		pos := 0
		next := func() byte {
			if pos >= len(data) {
				return 0
			}
			pos++
			return data[pos-1]
		}
		var body sim.TaskFunc
		body = func(t *sim.Task) (any, error) {
			for steps := 0; steps < 40 && pos < len(data); steps++ {
				op, arg := next(), sim.Time(next())
				var err error
				switch op % 16 {
				case 0:
					err = t.Sleep(arg * sim.Millisecond)
				case 1:
					err = q.Put(t, int(arg))
				case 2:
					_, err = q.Get(t)
				case 3:
					ev.Set()
				case 4:
					err = ev.Wait(t)
				case 5:
					if err = lock.Acquire(t); err == nil {
						err = t.Sleep(arg * sim.Microsecond)
						lock.Release(t)
					}
				case 6:
					if err = sem.Acquire(t); err == nil {
						err = t.Sleep(arg * sim.Microsecond)
						sem.Release()
					}
				case 7:
					if len(tasks) < 12 {
						tasks = append(tasks, t.Spawn("child", body, arg%2 == 0))
					}
				case 8:
					if len(tasks) > 0 {
						_, err = t.Join(tasks[int(arg)%len(tasks)])
					}
				case 9:
					if len(tasks) > 0 {
						_, err = t.Cancel(tasks[int(arg)%len(tasks)], arg%2 == 0)
					}
				case 10:
					_, err = t.RunTimeout(k.Now()+arg*sim.Millisecond, arg%2 == 0, func() error {
						return t.Sleep(sim.Time(next()) * sim.Millisecond)
					})
				case 11:
					t.Charge(arg * sim.Millisecond)
				case 12:
					if len(tasks) < 12 {
						var c *sim.Task
						if c, err = group.Spawn(t, "member", body); err == nil {
							tasks = append(tasks, c)
						}
					}
				case 13:
					_, err = group.NextDone(t)
				case 14:
					if err = lock.Acquire(t); err == nil {
						if arg%2 == 0 {
							err = cond.Notify(t, 1)
						} else {
							err = cond.WaitFor(t, func() (bool, error) { return ev.IsSet(), nil })
						}
						lock.Release(t)
					}
				case 15:
					k.Inject(k.Now()+arg*sim.Millisecond, sim.Signal(1+arg%3))
				}
				var c *sim.Cancelled
				if errors.As(err, &c) {
					return nil, err
				}
			}
			return nil, nil
		}
		_, err := body(main)
		if err == nil {
			err = group.Join(main)
		}
		return nil, err
	}
}

var fuzzLimits = sim.WithLimits(sim.Limits{Steps: 20_000, Time: sim.Hour, TraceEvents: 50_000})

// FuzzKernel runs random programs: the host never panics, every run ends,
// and a run is the same whether taken whole or one step at a time.
func FuzzKernel(f *testing.F) {
	f.Add([]byte{7, 1, 1, 3, 2, 0, 0, 50, 8, 0})
	f.Add([]byte{12, 1, 12, 2, 13, 0, 10, 5, 9, 1, 4, 0})
	f.Add([]byte{5, 9, 7, 0, 5, 3, 6, 1, 14, 1, 14, 0, 3, 0, 15, 1})
	f.Add([]byte{11, 200, 0, 10, 7, 2, 9, 0, 2, 0, 2, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		whole := sim.New(fuzzLimits)
		whole.Run("main", fuzzProgram(data))
		sliced := sim.New(fuzzLimits)
		sliced.Start("main", fuzzProgram(data))
		for n := 0; !sliced.Step(3); n++ {
			if n > 1_000_000 {
				t.Fatal("sliced run does not end")
			}
		}
		if a, b := whole.Trace().Digest(), sliced.Trace().Digest(); a != b {
			t.Fatalf("whole and sliced runs differ: %s vs %s", a, b)
		}
	})
}
