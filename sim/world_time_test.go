package sim_test

import (
	"fmt"
	"strings"
	"testing"

	"asyncplay/sim"
)

// worldBeside runs, beside a computation of the given lane (40 ms, in one
// charge or in 100 µs batches), the world's own time: a peer ticker (10 ms,
// 4 ticks) started by a timer func at 0, a delivery (a timer func) at 25
// ms that sets an event a program task waits on, and a line typed (a
// WorldInput) at 33 ms. Everything the world does is stamped with its
// time; the program's waiter runs only once the CPU is free.
func worldBeside(lane sim.Lane, step sim.Time) sim.TaskFunc {
	return func(m *sim.Task) (any, error) {
		k := m.Kernel()
		k.At(0, func() { k.SpawnPeer("peer", ticker(10*sim.Millisecond, 4)) })
		ev := k.NewEvent("delivered")
		k.At(25*sim.Millisecond, func() {
			m.Write(sim.Stdout, fmt.Sprintf("%v world: delivered\n", k.Now()))
			ev.Set()
		})
		k.Inject(33*sim.Millisecond, typedLine("hello"))
		waiter := m.Spawn("waiter", func(t *sim.Task) (any, error) {
			if err := ev.Wait(t); err != nil {
				return nil, err
			}
			say(t, "woken")
			return nil, nil
		}, false)
		if err := m.Sleep(0); err != nil { // the waiter waits
			return nil, err
		}
		var work *sim.Task
		if lane == sim.LaneTask {
			work = m.Spawn("work", compute(40*sim.Millisecond, step), false)
		} else {
			work = m.SpawnLane("work", compute(40*sim.Millisecond, step), lane)
		}
		if _, err := m.Join(work); err != nil {
			return nil, err
		}
		_, err := m.Join(waiter)
		return nil, err
	}
}

// typedLine is an input from outside the program, as a line typed on a
// terminal is.
type typedLine string

func (l typedLine) Deliver(k *sim.Kernel) {
	typedAt = append(typedAt, k.Now())
}
func (typedLine) OutsideProgram() {}

var typedAt []sim.Time

// TestWorldKeepsTimeWhileTheKernelComputes: while a task of the kernel's
// lane holds the CPU, a peer's timers fire on time and the peer runs then,
// a timer func (the network's delivery) runs at its time and a world input
// is delivered at its time; the program task the delivery wakes still
// waits for the CPU, until the computation ends at 40 ms. It makes no
// difference whether the 40 ms is one charge (time.sleep) or many.
func TestWorldKeepsTimeWhileTheKernelComputes(t *testing.T) {
	for _, step := range []sim.Time{40 * sim.Millisecond, 100 * sim.Microsecond} {
		t.Run(step.String(), func(t *testing.T) {
			typedAt = nil
			k, _, err, out := run(t, worldBeside(sim.LaneTask, step))
			must(t, err)
			expect(t, out, `
				0.010s peer: tick 1 late 0.000s
				0.020s peer: tick 2 late 0.000s
				0.025s world: delivered
				0.030s peer: tick 3 late 0.000s
				0.040s peer: tick 4 late 0.000s
				0.040s work: done, cpu 0.040s
				0.040s waiter: woken
				`)
			if len(typedAt) != 1 || typedAt[0] != 33*sim.Millisecond {
				t.Errorf("typed line delivered at %v, want 0.033s", typedAt)
			}
			for _, r := range k.Trace().Records() {
				if r.Kind == sim.EvTimer && r.Task == 4 && r.Val != 0 {
					t.Errorf("the peer's timer fired %v late at %v", sim.Time(r.Val), r.T)
				}
			}
		})
	}
}

// TestProgramTimersStillLateWhileTheKernelComputes: the program's own
// ticker beside the same computation still waits for the CPU, and its
// lateness is recorded as before, while a peer's ticks are on time.
func TestProgramTimersStillLateWhileTheKernelComputes(t *testing.T) {
	_, _, err, out := run(t, func(m *sim.Task) (any, error) {
		k := m.Kernel()
		k.At(0, func() { k.SpawnPeer("peer", ticker(15*sim.Millisecond, 2)) })
		tick := m.Spawn("ticker", ticker(10*sim.Millisecond, 2), false)
		work := m.Spawn("work", compute(40*sim.Millisecond, 40*sim.Millisecond), false)
		if _, err := m.Join(work); err != nil {
			return nil, err
		}
		_, err := m.Join(tick)
		return nil, err
	})
	must(t, err)
	expect(t, out, `
		0.015s peer: tick 1 late 0.000s
		0.030s peer: tick 2 late 0.000s
		0.040s work: done, cpu 0.040s
		0.040s ticker: tick 1 late 0.030s
		0.040s ticker: tick 2 late 0.020s
		`)
}

// TestWorldKeepsTimeWhileAThreadComputes: a thread holding the GIL does
// not stop the world either, and the world's timers no longer count as
// the program wanting the CPU: the thread gives it back 5 ms after the
// delivery at 25 ms made the waiter ready, not 5 ms after the peer's
// first tick (the peer's tick due at that very moment fires first).
func TestWorldKeepsTimeWhileAThreadComputes(t *testing.T) {
	typedAt = nil
	_, _, err, out := run(t, worldBeside(sim.LaneThread, 100*sim.Microsecond))
	must(t, err)
	expect(t, out, `
		0.010s peer: tick 1 late 0.000s
		0.020s peer: tick 2 late 0.000s
		0.025s world: delivered
		0.030s peer: tick 3 late 0.000s
		0.030s waiter: woken
		0.040s peer: tick 4 late 0.000s
		0.040s work: done, cpu 0.040s
		`)
}

// TestWorldTimeSlicingMatchesRun: a run in which the world keeps its own
// time while tasks compute traces the same, record by record, whether it
// is driven whole or in slices of any budget (a peer may then be the
// task Step resumes, the one that runs the scheduler).
func TestWorldTimeSlicingMatchesRun(t *testing.T) {
	for _, lane := range []sim.Lane{sim.LaneTask, sim.LaneThread} {
		for _, step := range []sim.Time{40 * sim.Millisecond, 300 * sim.Microsecond} {
			var whole strings.Builder
			ref := sim.New(sim.WithOutput(&whole, &whole))
			if _, err := ref.Run("main", worldBeside(lane, step)); err != nil {
				t.Fatal(err)
			}
			for _, budget := range []int64{1, 2, 3, 7, 1000} {
				t.Run(fmt.Sprint(lane, " ", step, " budget ", budget), func(t *testing.T) {
					var out strings.Builder
					k := sim.New(sim.WithOutput(&out, &out))
					k.Start("main", worldBeside(lane, step))
					for !k.Step(budget) {
					}
					if _, err := k.Result(); err != nil {
						t.Fatal(err)
					}
					if out.String() != whole.String() {
						t.Errorf("output\n%s\nwant\n%s", out.String(), whole.String())
					}
					ktSameTrace(t, ref, k)
				})
			}
		}
	}
}
