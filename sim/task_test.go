package sim_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"asyncplay/sim"
)

// TestSpawnDoesNotSwitch pins that spawning is not a switch: the child
// first runs when its parent blocks.
func TestSpawnDoesNotSwitch(t *testing.T) {
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		kid := t.Spawn("kid", func(t *sim.Task) (any, error) {
			say(t, "running")
			return nil, nil
		}, false)
		say(t, "spawned kid, state %s", kid.State())
		_, err := t.Join(kid)
		say(t, "joined")
		return nil, err
	})
	must(t, err)
	expect(t, out, `
		0.000s main: spawned kid, state READY
		0.000s kid: running
		0.000s main: joined
		`)
}

// TestReadyQueueIsFIFO pins that ready tasks run in the order they became
// ready, pass after pass.
func TestReadyQueueIsFIFO(t *testing.T) {
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		var kids []*sim.Task
		for _, name := range []string{"a", "b", "c"} {
			kids = append(kids, t.Spawn(name, func(t *sim.Task) (any, error) {
				for i := 1; i <= 2; i++ {
					say(t, "step %d", i)
					if err := t.Sleep(sim.Second); err != nil {
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
	must(t, err)
	expect(t, out, `
		0.000s a: step 1
		0.000s b: step 1
		0.000s c: step 1
		1.000s a: step 2
		1.000s b: step 2
		1.000s c: step 2
		`)
}

// TestJoinReturnsResult pins that Join hands back the child's return value
// once it ends, and marks it joined.
func TestJoinReturnsResult(t *testing.T) {
	var kid *sim.Task
	_, v, err, out := run(t, func(t *sim.Task) (any, error) {
		kid = t.Spawn("kid", func(t *sim.Task) (any, error) {
			if err := t.Sleep(2 * sim.Second); err != nil {
				return nil, err
			}
			return 42, nil
		}, false)
		v, err := t.Join(kid)
		say(t, "joined %v", v)
		return v, err
	})
	must(t, err)
	if v != 42 || !kid.Joined() || kid.Outcome() != sim.Returned {
		t.Errorf("got v=%v joined=%v outcome=%v, want 42 true returned", v, kid.Joined(), kid.Outcome())
	}
	expect(t, out, "2.000s main: joined 42\n")
}

// TestJoinCrashedTaskReturnsTaskError pins curio's `raise TaskError from
// exc`: the TaskError names the task and unwraps to the original error.
func TestJoinCrashedTaskReturnsTaskError(t *testing.T) {
	boom := errors.New("boom")
	var joinErr error
	var kid *sim.Task
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		kid = t.Spawn("kid", func(t *sim.Task) (any, error) {
			t.Sleep(sim.Second)
			return nil, boom
		}, false)
		_, joinErr = t.Join(kid)
		return nil, nil
	})
	must(t, err)
	var te *sim.TaskError
	if !errors.As(joinErr, &te) || te.TaskID != 2 || te.Name != "kid" || errors.Unwrap(te) != boom {
		t.Fatalf("join error = %#v, want TaskError{2, kid} caused by boom", joinErr)
	}
	if te.Error() != "Task crash" || kid.Outcome() != sim.Crashed || kid.Err() != boom {
		t.Errorf("Error()=%q outcome=%v err=%v", te.Error(), kid.Outcome(), kid.Err())
	}
	expect(t, out, "") // joined, so no "Exception in unjoined task"
}

// TestJoinCancelledTaskReturnsTaskError pins that joining a cancelled task
// raises TaskError caused by TaskCancelled.
func TestJoinCancelledTaskReturnsTaskError(t *testing.T) {
	var joinErr error
	var kid *sim.Task
	_, _, err, _ := run(t, func(t *sim.Task) (any, error) {
		kid = t.Spawn("kid", func(t *sim.Task) (any, error) {
			return nil, t.Sleep(sim.Hour)
		}, false)
		t.Sleep(sim.Second)
		if _, err := t.Cancel(kid, false); err != nil {
			return nil, err
		}
		_, joinErr = t.Join(kid)
		return nil, nil
	})
	must(t, err)
	var te *sim.TaskError
	var c *sim.Cancelled
	if !errors.As(joinErr, &te) || !errors.As(te.Cause, &c) || c.Kind != sim.TaskCancelled || c.At != sim.Second {
		t.Fatalf("join error = %#v, want TaskError caused by TaskCancelled at 1s", joinErr)
	}
	if kid.Outcome() != sim.WasCancelled || !kid.Cancelled() {
		t.Errorf("outcome=%v cancelled=%v, want cancelled", kid.Outcome(), kid.Cancelled())
	}
}

// TestWaitForDoesNotCollect pins curio's Task.wait: it waits for the end,
// returns nil even for a crash, and leaves the result to be joined.
func TestWaitForDoesNotCollect(t *testing.T) {
	boom := errors.New("boom")
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		ok := t.Spawn("ok", func(t *sim.Task) (any, error) {
			t.Sleep(2 * sim.Second)
			return 7, nil
		}, false)
		bad := t.Spawn("bad", func(t *sim.Task) (any, error) {
			t.Sleep(3 * sim.Second)
			return nil, boom
		}, false)
		for _, k := range []*sim.Task{ok, bad} {
			err := t.WaitFor(k)
			say(t, "%s ended: err=%v result=%v joined=%v", k.Name(), err, k.Result(), k.Joined())
		}
		v, err := t.Join(ok)
		say(t, "join ok: %v %v", v, err)
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		2.000s main: ok ended: err=<nil> result=7 joined=false
		3.000s main: bad ended: err=<nil> result=<nil> joined=false
		3.000s main: join ok: 7 <nil>
		Exception in unjoined task Task(id=3, name='bad', state='TERMINATED')
		boom
		`)
}

// TestCancelDeliveredAtNextBlockingTrap pins that a task cancelled after
// its timer woke it (READY, not yet run) finishes the wake-up normally,
// computes, and only sees TaskCancelled at its next blocking trap.
func TestCancelDeliveredAtNextBlockingTrap(t *testing.T) {
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		kid := t.Spawn("kid", func(t *sim.Task) (any, error) {
			say(t, "sleeping")
			say(t, "sleep returned %v", t.Sleep(sim.Second))
			t.Charge(sim.Second)
			t.Charge(sim.Second)
			say(t, "computed")
			err := t.Sleep(sim.Second)
			say(t, "next sleep returned %v", err)
			return nil, err
		}, false)
		t.Sleep(sim.Second) // armed before kid's timer: main runs first at 1s
		say(t, "cancelling kid in state %s", kid.State())
		if ok, err := t.Cancel(kid, false); !ok || err != nil {
			return nil, fmt.Errorf("cancel = %v, %v", ok, err)
		}
		_, err := t.Join(kid)
		say(t, "join: %v caused by %v", err, errors.Unwrap(err))
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		0.000s kid: sleeping
		1.000s main: cancelling kid in state READY
		1.000s kid: sleep returned <nil>
		3.000s kid: computed
		3.000s kid: next sleep returned TaskCancelled
		3.000s main: join: Task crash caused by TaskCancelled
		`)
}

// TestCancelBeforeFirstRun pins that a task cancelled before it ever ran
// still starts, and gets TaskCancelled at its first blocking trap.
func TestCancelBeforeFirstRun(t *testing.T) {
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		kid := t.Spawn("kid", func(t *sim.Task) (any, error) {
			say(t, "started")
			t.Charge(sim.Second)
			err := t.Sleep(sim.Hour)
			say(t, "sleep: %v", err)
			return nil, err
		}, false)
		t.Cancel(kid, false)
		say(t, "cancelled %s, cycles %d", kid.State(), kid.Cycles())
		return nil, t.WaitFor(kid)
	})
	must(t, err)
	expect(t, out, `
		0.000s main: cancelled READY, cycles 0
		0.000s kid: started
		1.000s kid: sleep: TaskCancelled
		`)
}

// TestCancelWakesBlockedTaskAtOnce pins that cancelling a blocked task
// wakes it now (not when its sleep would end) and that a non-blocking
// cancel returns before the target runs its cleanup.
func TestCancelWakesBlockedTaskAtOnce(t *testing.T) {
	k, _, err, out := run(t, func(t *sim.Task) (any, error) {
		kid := t.Spawn("kid", func(t *sim.Task) (any, error) {
			err := t.Sleep(1000 * sim.Second)
			say(t, "cleanup after %v", err)
			return nil, err
		}, false)
		t.Sleep(5 * sim.Second)
		ok, err := t.Cancel(kid, false)
		say(t, "cancel requested: %v %v", ok, err)
		t.Join(kid)
		say(t, "kid is gone")
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		5.000s main: cancel requested: true <nil>
		5.000s kid: cleanup after TaskCancelled
		5.000s main: kid is gone
		`)
	if k.Now() != 5*sim.Second || k.Timers() != 0 {
		t.Errorf("end at %v with %d timers, want 5s and 0 (the sleep timer is disarmed)", k.Now(), k.Timers())
	}
	cancels := ktRecords(k, sim.EvCancel)
	if len(cancels) != 1 || cancels[0].Task != 2 || cancels[0].Obj != 1 || cancels[0].T != 5*sim.Second {
		t.Errorf("cancel records = %+v, want one: task 2 by task 1 at 5s", cancels)
	}
}

// TestBlockingCancelWaitsForCleanup pins that Cancel(blocking) returns only
// after the target has run its (blocking) cleanup and ended.
func TestBlockingCancelWaitsForCleanup(t *testing.T) {
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		kid := t.Spawn("kid", ktStubborn(2*sim.Second), false)
		t.Sleep(5 * sim.Second)
		ok, err := t.Cancel(kid, true)
		say(t, "cancel returned %v %v, kid %s %v", ok, err, kid.State(), kid.Outcome())
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		0.000s kid: playing
		5.000s kid: cancelled, cleaning up
		7.000s kid: clean
		7.000s main: cancel returned true <nil>, kid TERMINATED cancelled
		`) // no "never joined": cancelled tasks are exempt
}

// TestCancelFinishedTaskIsNoOp pins that cancelling a task that has ended
// returns false, records nothing and leaves its outcome alone.
func TestCancelFinishedTaskIsNoOp(t *testing.T) {
	for _, blocking := range []bool{false, true} {
		t.Run(fmt.Sprint("blocking=", blocking), func(t *testing.T) {
			k, _, err, _ := run(t, func(t *sim.Task) (any, error) {
				kid := t.Spawn("kid", func(t *sim.Task) (any, error) { return 1, nil }, false)
				if _, err := t.Join(kid); err != nil {
					return nil, err
				}
				ok, err := t.Cancel(kid, blocking)
				if ok || err != nil || kid.Cancelled() || kid.Outcome() != sim.Returned {
					return nil, fmt.Errorf("cancel = %v, %v; cancelled=%v outcome=%v", ok, err, kid.Cancelled(), kid.Outcome())
				}
				return nil, nil
			})
			must(t, err)
			if n := len(ktRecords(k, sim.EvCancel)); n != 0 {
				t.Errorf("%d cancel records, want 0", n)
			}
		})
	}
}

// TestTaskCannotCancelItself pins curio's RuntimeError for self-cancel; the
// task is not marked cancelled.
func TestTaskCannotCancelItself(t *testing.T) {
	_, _, err, _ := run(t, func(t *sim.Task) (any, error) {
		ok, err := t.Cancel(t, true)
		var ue *sim.UsageError
		if ok || !errors.As(err, &ue) || ue.Python != "RuntimeError" || ue.Msg != "A task can't cancel itself" {
			return nil, fmt.Errorf("cancel self = %v, %#v", ok, err)
		}
		if t.Cancelled() || t.CancelPending() != nil {
			return nil, errors.New("self-cancel left a cancellation behind")
		}
		return nil, t.Sleep(sim.Second)
	})
	must(t, err)
}

// TestShutdownCancelsHighestIDFirst pins the end of a run: once main
// returns, the remaining tasks (daemons too) are cancelled one at a time,
// highest id first, each finishing its cleanup before the next.
func TestShutdownCancelsHighestIDFirst(t *testing.T) {
	k, v, err, out := run(t, func(t *sim.Task) (any, error) {
		t.Spawn("a", ktStubborn(sim.Second), false)
		t.Spawn("b", ktStubborn(sim.Second), false)
		t.Spawn("c", ktStubborn(sim.Second), false)
		t.Spawn("d", ktStubborn(sim.Second), true)
		t.Sleep(sim.Second)
		say(t, "bye")
		return "done", nil
	})
	if v != "done" || err != nil {
		t.Fatalf("Run = %v, %v; want done, nil", v, err)
	}
	expect(t, out, `
		0.000s a: playing
		0.000s b: playing
		0.000s c: playing
		0.000s d: playing
		1.000s main: bye
		1.000s d: cancelled, cleaning up
		2.000s d: clean
		2.000s c: cancelled, cleaning up
		3.000s c: clean
		3.000s b: cancelled, cleaning up
		4.000s b: clean
		4.000s a: cancelled, cleaning up
		5.000s a: clean
		`)
	var order []int32
	for _, r := range ktRecords(k, sim.EvCancel) {
		if r.Obj != 0 {
			t.Errorf("shutdown cancel of task %d attributed to task %d, want the kernel (0)", r.Task, r.Obj)
		}
		order = append(order, r.Task)
	}
	if fmt.Sprint(order) != "[5 4 3 2]" {
		t.Errorf("cancel order %v, want [5 4 3 2]", order)
	}
}

// TestShutdownCancelsTaskThatCaughtCancel pins that a task is cancelled
// once (a second Cancel does not wake it), but that shutdown cancels again
// a task that caught its cancellation and carried on.
func TestShutdownCancelsTaskThatCaughtCancel(t *testing.T) {
	k, _, err, out := run(t, func(t *sim.Task) (any, error) {
		kid := t.Spawn("kid", func(t *sim.Task) (any, error) {
			say(t, "first: %v", t.Sleep(sim.Hour))
			err := t.Sleep(sim.Hour)
			say(t, "second: %v", err)
			return nil, err
		}, false)
		t.Sleep(sim.Second)
		t.Cancel(kid, false)
		t.Sleep(sim.Second)
		t.Cancel(kid, false) // already cancelled: no effect
		t.Sleep(sim.Second)
		say(t, "bye")
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		1.000s kid: first: TaskCancelled
		3.000s main: bye
		3.000s kid: second: TaskCancelled
		`)
	var got []string
	for _, r := range ktRecords(k, sim.EvCancel) {
		got = append(got, fmt.Sprintf("%v task %d by %d", sim.Time(r.T), r.Task, r.Obj))
	}
	if want := "[1.000s task 2 by 1 3.000s task 2 by 0]"; fmt.Sprint(got) != want {
		t.Errorf("cancel records %v, want %v", got, want)
	}
}

// TestUnjoinedTaskWarnings pins what the end of a run says about tasks
// nobody joined, as curio does when it discards them.
func TestUnjoinedTaskWarnings(t *testing.T) {
	boom := errors.New("boom")
	returns := func(t *sim.Task) (any, error) { return 1, nil }
	crashes := func(t *sim.Task) (any, error) { return nil, boom }
	tests := []struct {
		name   string
		kid    sim.TaskFunc
		daemon bool
		then   func(t, kid *sim.Task) error
		want   string
	}{
		{"returned", returns, false, nil,
			"Task(id=2, name='kid', state='TERMINATED') never joined\n"},
		{"joined", returns, false, func(t, kid *sim.Task) error { _, err := t.Join(kid); return err }, ""},
		{"waited but not joined", returns, false, func(t, kid *sim.Task) error { return t.WaitFor(kid) },
			"Task(id=2, name='kid', state='TERMINATED') never joined\n"},
		{"daemon", returns, true, nil, ""},
		{"cancelled", ktStubborn(0), false, func(t, kid *sim.Task) error { _, err := t.Cancel(kid, true); return err },
			"0.000s kid: playing\n1.000s kid: cancelled, cleaning up\n1.000s kid: clean\n"},
		{"crashed", crashes, false, nil,
			"Exception in unjoined task Task(id=2, name='kid', state='TERMINATED')\nboom\n"},
		{"crashed daemon", crashes, true, nil,
			"Exception in unjoined task Task(id=2, name='kid', state='TERMINATED')\nboom\n"},
		{"crashed and joined", crashes, false, func(t, kid *sim.Task) error { t.Join(kid); return nil }, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			k, _, err, out := run(t, func(t *sim.Task) (any, error) {
				kid := t.Spawn("kid", tc.kid, tc.daemon)
				t.Sleep(sim.Second)
				if tc.then != nil {
					return nil, tc.then(t, kid)
				}
				return nil, nil
			})
			must(t, err)
			expect(t, out, tc.want)
			warned := strings.Contains(tc.want, "join")
			if n := len(ktRecords(k, sim.EvWarning)); (n == 1) != warned {
				t.Errorf("%d warning records for output %q", n, tc.want)
			}
			var stderr []string // the kernel's own writes: task 0 on stream 2
			for _, r := range ktRecords(k, sim.EvOutput) {
				if r.Task == 0 && r.Obj == sim.Stderr {
					stderr = append(stderr, k.Trace().Strings[r.Val])
				}
			}
			if warned != (len(stderr) == 1 && stderr[0] == tc.want) || (!warned && len(stderr) != 0) {
				t.Errorf("stderr records %q, want the warning %v", stderr, warned)
			}
		})
	}
}

// TestPanicBecomesTaskCrash pins that a Go panic in task code crashes that
// task only (as *PanicError): the host does not panic and the run goes on.
func TestPanicBecomesTaskCrash(t *testing.T) {
	tests := []struct {
		name  string
		boom  func()
		value string
	}{
		{"panic value", func() { panic("oops") }, "oops"},
		{"runtime error", func() {
			var s []int
			_ = s[len(s)+3]
		}, "runtime error: index out of range [3] with length 0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var joinErr error
			_, _, err, out := run(t, func(t *sim.Task) (any, error) {
				kid := t.Spawn("kid", func(t *sim.Task) (any, error) {
					t.Sleep(sim.Second)
					tc.boom()
					return nil, nil
				}, false)
				_, joinErr = t.Join(kid)
				say(t, "still running")
				return nil, t.Sleep(sim.Second)
			})
			must(t, err)
			expect(t, out, "1.000s main: still running\n")
			var pe *sim.PanicError
			if !errors.As(joinErr, &pe) || fmt.Sprint(pe.Value) != tc.value || pe.Error() != "panic: "+tc.value {
				t.Fatalf("join error %#v, want TaskError caused by PanicError{%s}", joinErr, tc.value)
			}
			if _, isRuntime := pe.Value.(runtime.Error); isRuntime != (tc.name == "runtime error") {
				t.Errorf("panic value %T lost its type", pe.Value)
			}
		})
	}
	t.Run("unjoined", func(t *testing.T) {
		_, _, err, out := run(t, func(t *sim.Task) (any, error) {
			t.Spawn("kid", func(t *sim.Task) (any, error) { panic("oops") }, false)
			return nil, t.Sleep(sim.Second)
		})
		must(t, err)
		expect(t, out, "Exception in unjoined task Task(id=2, name='kid', state='TERMINATED')\npanic: oops\n")
	})
	t.Run("main", func(t *testing.T) {
		_, _, err, _ := run(t, func(t *sim.Task) (any, error) {
			t.Sleep(sim.Second)
			panic("main oops")
		})
		var pe *sim.PanicError
		if !errors.As(err, &pe) || pe.Value != "main oops" {
			t.Fatalf("Run error %#v, want PanicError{main oops}", err)
		}
	})
}

// TestSleepZeroYieldsToBackOfReadyQueue pins curio's schedule(): Sleep(0)
// lets every task already ready run first, without moving the clock.
func TestSleepZeroYieldsToBackOfReadyQueue(t *testing.T) {
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		a := t.Spawn("a", func(t *sim.Task) (any, error) {
			say(t, "one")
			if err := t.Sleep(0); err != nil {
				return nil, err
			}
			say(t, "two")
			return nil, t.Sleep(0)
		}, false)
		b := t.Spawn("b", func(t *sim.Task) (any, error) { say(t, "only"); return nil, nil }, false)
		c := t.Spawn("c", func(t *sim.Task) (any, error) { say(t, "only"); return nil, nil }, false)
		for _, k := range []*sim.Task{a, b, c} {
			t.Join(k)
		}
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		0.000s a: one
		0.000s b: only
		0.000s c: only
		0.000s a: two
		`)
}

// TestCyclesCountResumptions pins Task.Cycles: one per time the kernel ran
// the task (curio's cycles column in ps).
func TestCyclesCountResumptions(t *testing.T) {
	var main, kid *sim.Task
	_, _, err, _ := run(t, func(t *sim.Task) (any, error) {
		main = t
		kid = t.Spawn("kid", func(t *sim.Task) (any, error) {
			for range 3 {
				t.Sleep(sim.Second)
				t.Charge(sim.Millisecond) // charging is not a resumption
			}
			return nil, nil
		}, false)
		_, err := t.Join(kid)
		return nil, err
	})
	must(t, err)
	if main.Cycles() != 2 || kid.Cycles() != 4 {
		t.Errorf("cycles main=%d kid=%d, want 2 and 4", main.Cycles(), kid.Cycles())
	}
}

// ktStubborn is a task that plays until cancelled, then spends cleanup
// (blocking) on its way out and lets the cancellation through.
func ktStubborn(cleanup sim.Time) sim.TaskFunc {
	return func(t *sim.Task) (any, error) {
		say(t, "playing")
		err := t.Sleep(1000 * sim.Second)
		if err == nil {
			return nil, nil
		}
		say(t, "cancelled, cleaning up")
		if cleanup > 0 {
			if err := t.Sleep(cleanup); err != nil {
				return nil, err
			}
		}
		say(t, "clean")
		return nil, err
	}
}

// ktRecords lists the trace records of one kind.
func ktRecords(k *sim.Kernel, kind sim.Kind) []sim.Record {
	var out []sim.Record
	for _, r := range k.Trace().Records() {
		if r.Kind == kind {
			out = append(out, r)
		}
	}
	return out
}

// ktCancelled returns err as a *sim.Cancelled of the given kind, or nil.
func ktCancelled(err error, kind sim.CancelKind) *sim.Cancelled {
	var c *sim.Cancelled
	if errors.As(err, &c) && c.Kind == kind {
		return c
	}
	return nil
}

// Timers due within TimerSlack of each other fire together: two tasks
// whose one-second sleeps began 300 ns apart both wake before the task the
// first one wakes, as curio and asyncio order them on a real machine.
func TestTimersWithinSlackFireTogether(t *testing.T) {
	k := sim.New()
	var order []string
	k.Run("main", func(m *sim.Task) (any, error) {
		ev := k.NewEvent("go")
		waiter := m.Spawn("waiter", func(w *sim.Task) (any, error) {
			err := ev.Wait(w)
			order = append(order, "waiter")
			return nil, err
		}, false)
		a := m.Spawn("a", func(a *sim.Task) (any, error) {
			if err := a.Sleep(sim.Second); err != nil {
				return nil, err
			}
			order = append(order, "a")
			ev.Set()
			return nil, nil
		}, false)
		b := m.Spawn("b", func(b *sim.Task) (any, error) {
			b.Charge(300) // b's sleep begins 300 ns after a's
			err := b.Sleep(sim.Second)
			order = append(order, "b")
			return nil, err
		}, false)
		for _, t := range []*sim.Task{waiter, a, b} {
			if _, err := m.Join(t); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	if got := strings.Join(order, " "); got != "a b waiter" {
		t.Errorf("woke in the order %s, want a b waiter", got)
	}
}
