package sim_test

import (
	"strings"
	"testing"

	"asyncplay/sim"
)

// ticker sleeps to the next multiple of period n times and says how late
// it woke: the lateness a learner sees beside a computation.
func ticker(period sim.Time, n int) sim.TaskFunc {
	return func(t *sim.Task) (any, error) {
		for i := 1; i <= n; i++ {
			due := sim.Time(i) * period
			if err := t.SleepUntil(due); err != nil {
				return nil, err
			}
			say(t, "tick %d late %v", i, t.Kernel().Now()-due)
		}
		return nil, nil
	}
}

// compute spends total CPU time in steps of step, as the interpreter
// reports its work in batches, then says so.
func compute(total, step sim.Time) sim.TaskFunc {
	return func(t *sim.Task) (any, error) {
		for spent := sim.Time(0); spent < total; spent += step {
			t.Work(1, step)
		}
		say(t, "done, cpu %v", t.CPU())
		return nil, nil
	}
}

// beside runs a ticker (10 ms, 4 ticks) beside a 40 ms computation of the
// given lane and returns the transcript.
func beside(t *testing.T, lane sim.Lane) string {
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		tick := t.Spawn("ticker", ticker(10*sim.Millisecond, 4), false)
		var work *sim.Task
		if lane == sim.LaneTask {
			work = t.Spawn("work", compute(40*sim.Millisecond, 100*sim.Microsecond), false)
		} else {
			work = t.SpawnLane("work", compute(40*sim.Millisecond, 100*sim.Microsecond), lane)
		}
		if _, err := t.Join(work); err != nil {
			return nil, err
		}
		_, err := t.Join(tick)
		return nil, err
	})
	must(t, err)
	return out
}

// TestKernelWorkHoldsTheCPU pins today's rule for the kernel's own tasks:
// a computation holds the one CPU and the ticker waits for all of it.
func TestKernelWorkHoldsTheCPU(t *testing.T) {
	expect(t, beside(t, sim.LaneTask), `
		0.040s work: done, cpu 0.040s
		0.040s ticker: tick 1 late 0.030s
		0.040s ticker: tick 2 late 0.020s
		0.040s ticker: tick 3 late 0.010s
		0.040s ticker: tick 4 late 0.000s
		`)
}

// TestProcessWorkDoesNotHoldTheClock: a process computes on its own CPU,
// so the ticker is never late and the process ends when its 40 ms of CPU
// are spent, in parallel.
func TestProcessWorkDoesNotHoldTheClock(t *testing.T) {
	expect(t, beside(t, sim.LaneProcess), `
		0.010s ticker: tick 1 late 0.000s
		0.020s ticker: tick 2 late 0.000s
		0.030s ticker: tick 3 late 0.000s
		0.040s ticker: tick 4 late 0.000s
		0.040s work: done, cpu 0.040s
		`)
}

// TestThreadGivesTheCPUBack: a thread holds the CPU, but once the
// ticker's timer has been due for the 5 ms switch interval the thread
// gives the CPU back, so every tick is exactly 5 ms late and the thread's
// CPU time is spread between the ticks.
func TestThreadGivesTheCPUBack(t *testing.T) {
	expect(t, beside(t, sim.LaneThread), `
		0.015s ticker: tick 1 late 0.005s
		0.025s ticker: tick 2 late 0.005s
		0.035s ticker: tick 3 late 0.005s
		0.040s work: done, cpu 0.040s
		0.040s ticker: tick 4 late 0.000s
		`)
}

// TestProcessComputingIsItsOwnState: a process's lane shows COMPUTING
// while it sleeps its CPU time off, a quantum (1 ms) at a time, with no
// timer lateness recorded for it; the kernel's lane never shows it
// RUNNING for longer than an instant.
func TestProcessComputingIsItsOwnState(t *testing.T) {
	k, _, err, _ := run(t, func(t *sim.Task) (any, error) {
		p := t.SpawnLane("proc", compute(5*sim.Millisecond, 250*sim.Microsecond), sim.LaneProcess)
		return nil, t.WaitFor(p)
	})
	must(t, err)
	var states []string
	for _, r := range k.Trace().Records() {
		switch {
		case r.Task != 2:
		case r.Kind == sim.EvState && r.State == sim.Computing:
			states = append(states, r.T.String())
		case r.Kind == sim.EvTimer:
			t.Errorf("process CPU timer recorded lateness at %v", r.T)
		case r.Kind == sim.EvState && r.State == sim.Running && len(states) > 0:
		}
	}
	if got := strings.Join(states, " "); got != "0.000s 0.001s 0.002s 0.003s 0.004s" {
		t.Errorf("COMPUTING from %s", got)
	}
}

// TestProcessHeldUpCatchesUp: the kernel's thread computing for 50 ms
// holds up the process's timer, but the process's CPU ran in parallel:
// it finishes its 10 ms without sleeping once it runs again.
func TestProcessHeldUpCatchesUp(t *testing.T) {
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		p := t.SpawnLane("proc", compute(10*sim.Millisecond, 100*sim.Microsecond), sim.LaneProcess)
		hog := t.Spawn("hog", compute(50*sim.Millisecond, 50*sim.Millisecond), false)
		if _, err := t.Join(hog); err != nil {
			return nil, err
		}
		return nil, t.WaitFor(p)
	})
	must(t, err)
	expect(t, out, `
		0.050s hog: done, cpu 0.050s
		0.050s proc: done, cpu 0.010s
		`)
}

// TestProcessClockRunsAhead: a process reads its own clock, ahead of the
// kernel's while it owes CPU time, and its output is stamped with it.
func TestProcessClockRunsAhead(t *testing.T) {
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		p := t.SpawnLane("proc", func(t *sim.Task) (any, error) {
			t.Work(1, 300*sim.Microsecond) // less than a quantum: owed
			behind := t.Kernel().Now()
			t.Write(sim.Stdout, t.Now().String()+" proc: own clock, kernel's "+behind.String()+"\n")
			return nil, nil
		}, sim.LaneProcess)
		return nil, t.WaitFor(p)
	})
	must(t, err)
	expect(t, out, `
		0.0003s proc: own clock, kernel's 0.000s
		`)
}

// TestThreadsShareTheCPU: two threads computing take turns every switch
// interval, as two CPython threads contend for the GIL.
func TestThreadsShareTheCPU(t *testing.T) {
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		a := t.SpawnLane("a", compute(20*sim.Millisecond, sim.Millisecond), sim.LaneThread)
		b := t.SpawnLane("b", compute(20*sim.Millisecond, sim.Millisecond), sim.LaneThread)
		if err := t.WaitFor(a); err != nil {
			return nil, err
		}
		return nil, t.WaitFor(b)
	})
	must(t, err)
	expect(t, out, `
		0.035s a: done, cpu 0.020s
		0.040s b: done, cpu 0.020s
		`)
}

// TestSleepBlocking: time.sleep in the kernel's lane holds the CPU (the
// ticker is late by the whole sleep); in a thread or a process it sleeps
// that lane only.
func TestSleepBlocking(t *testing.T) {
	for _, c := range []struct {
		lane sim.Lane
		want string
	}{
		{sim.LaneTask, `
			0.030s sleeper: woke
			0.030s ticker: tick 1 late 0.020s
			0.030s ticker: tick 2 late 0.010s
			0.030s ticker: tick 3 late 0.000s
			`},
		{sim.LaneThread, `
			0.010s ticker: tick 1 late 0.000s
			0.020s ticker: tick 2 late 0.000s
			0.030s sleeper: woke
			0.030s ticker: tick 3 late 0.000s
			`},
		{sim.LaneProcess, `
			0.010s ticker: tick 1 late 0.000s
			0.020s ticker: tick 2 late 0.000s
			0.030s sleeper: woke
			0.030s ticker: tick 3 late 0.000s
			`},
	} {
		t.Run(c.lane.String(), func(t *testing.T) {
			_, _, err, out := run(t, func(t *sim.Task) (any, error) {
				tick := t.Spawn("ticker", ticker(10*sim.Millisecond, 3), false)
				sleeper := func(t *sim.Task) (any, error) {
					t.SleepBlocking(30 * sim.Millisecond)
					say(t, "woke")
					return nil, nil
				}
				var s *sim.Task
				if c.lane == sim.LaneTask {
					s = t.Spawn("sleeper", sleeper, false)
				} else {
					s = t.SpawnLane("sleeper", sleeper, c.lane)
				}
				if _, err := t.Join(s); err != nil {
					return nil, err
				}
				_, err := t.Join(tick)
				return nil, err
			})
			must(t, err)
			expect(t, out, c.want)
		})
	}
}

// TestSleepBlockingIsUncancellable: cancelling a thread in time.sleep
// stays pending until its next trap.
func TestSleepBlockingIsUncancellable(t *testing.T) {
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		th := t.SpawnLane("thread", func(t *sim.Task) (any, error) {
			t.SleepBlocking(20 * sim.Millisecond)
			say(t, "slept, cancel pending: %v", t.CancelPending() != nil)
			return nil, t.Sleep(sim.Millisecond)
		}, sim.LaneThread)
		if err := t.Sleep(5 * sim.Millisecond); err != nil {
			return nil, err
		}
		if _, err := t.Cancel(th, true); err != nil {
			return nil, err
		}
		say(t, "thread ended %v", th.Outcome())
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		0.020s thread: slept, cancel pending: true
		0.020s main: thread ended cancelled
		`)
}

// TestKillProcess: a killed process runs no more of its code, however it
// was blocked; its end is recorded as killed.
func TestKillProcess(t *testing.T) {
	k, _, err, out := run(t, func(t *sim.Task) (any, error) {
		p := t.SpawnLane("proc", func(t *sim.Task) (any, error) {
			for i := 0; ; i++ {
				t.Work(1, 400*sim.Microsecond)
				if i == 10 {
					say(t, "at work")
				}
			}
		}, sim.LaneProcess)
		if err := t.Sleep(5 * sim.Millisecond); err != nil {
			return nil, err
		}
		if ok, err := t.Kill(p); !ok || err != nil {
			return nil, err
		}
		if err := t.WaitFor(p); err != nil {
			return nil, err
		}
		say(t, "proc %v after %v of CPU", p.Outcome(), p.CPU())
		again, _ := t.Kill(p)
		say(t, "kill again: %v", again)
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		0.0044s proc: at work
		0.005s main: proc killed after 0.005s of CPU
		0.005s main: kill again: false
		`)
	var cancels int
	for _, r := range k.Trace().Records() {
		if r.Kind == sim.EvCancel && r.Task == 2 && r.Obj == 1 {
			cancels++
		}
	}
	if cancels != 1 {
		t.Errorf("%d cancel records of the process by main, want 1", cancels)
	}
}

// TestShutdownKillsLanes: when main ends, a thread still sleeping and a
// process still computing die with the program; a task is cancelled and
// runs its cleanup as before.
func TestShutdownKillsLanes(t *testing.T) {
	var th, p, task *sim.Task
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		th = t.SpawnLane("thread", func(t *sim.Task) (any, error) {
			t.SleepBlocking(sim.Hour)
			say(t, "thread woke")
			return nil, nil
		}, sim.LaneThread)
		p = t.SpawnLane("proc", compute(sim.Hour, sim.Millisecond), sim.LaneProcess)
		task = t.Spawn("task", func(t *sim.Task) (any, error) {
			err := t.Sleep(sim.Hour)
			say(t, "task cleanup")
			return nil, err
		}, true)
		return nil, t.Sleep(sim.Second)
	})
	must(t, err)
	expect(t, out, `
		1.000s task: task cleanup
		`)
	if th.Outcome() != sim.Killed || p.Outcome() != sim.Killed || task.Outcome() != sim.WasCancelled {
		t.Errorf("outcomes: thread %v, process %v, task %v", th.Outcome(), p.Outcome(), task.Outcome())
	}
}

// TestMachineDefaults pins the simulated machine and that a setup hook
// can change it before the run.
func TestMachineDefaults(t *testing.T) {
	k := sim.New()
	m := k.Machine()
	if m.CPUs != 4 || m.SwitchInterval != 5*sim.Millisecond || m.Quantum != sim.Millisecond ||
		m.ThreadPool != 64 || m.ProcessPool != 4 || m.Executor != 8 {
		t.Errorf("defaults: %+v", m)
	}
	k.SetMachine(sim.Machine{CPUs: 2})
	if m := k.Machine(); m.ProcessPool != 2 || m.Executor != 6 || m.ThreadPool != 64 {
		t.Errorf("two CPUs: %+v", m)
	}
	if m := sim.New(sim.WithMachine(sim.Machine{CPUs: 64, ProcessPool: 3})).Machine(); m.Executor != 32 || m.ProcessPool != 3 {
		t.Errorf("64 CPUs: %+v", m)
	}
}

// TestLanesAreDeterministic: the same run of threads, processes and a
// ticker gives the same trace.
func TestLanesAreDeterministic(t *testing.T) {
	digest := func() string {
		k, _, err, _ := run(t, func(t *sim.Task) (any, error) {
			t.Spawn("ticker", ticker(3*sim.Millisecond, 20), true)
			a := t.SpawnLane("a", compute(20*sim.Millisecond, 70*sim.Microsecond), sim.LaneThread)
			b := t.SpawnLane("b", compute(20*sim.Millisecond, 130*sim.Microsecond), sim.LaneProcess)
			c := t.SpawnLane("c", compute(20*sim.Millisecond, 90*sim.Microsecond), sim.LaneThread)
			for _, x := range []*sim.Task{a, b, c} {
				if err := t.WaitFor(x); err != nil {
					return nil, err
				}
			}
			return nil, nil
		})
		must(t, err)
		return k.Trace().Digest()
	}
	if a, b := digest(), digest(); a != b {
		t.Errorf("digests differ: %s %s", a, b)
	}
}
