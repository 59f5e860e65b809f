package sim_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"asyncplay/sim"
)

// Helpers shared by sync_test.go, queue_test.go and signal_test.go. Their
// names carry a "sync" prefix so they cannot clash with other test files.

// syncJoin joins every task in order and returns the first error.
func syncJoin(t *sim.Task, tasks ...*sim.Task) error {
	for _, x := range tasks {
		if _, err := t.Join(x); err != nil {
			return err
		}
	}
	return nil
}

// syncRecords lists the trace records of one kind about object obj
// (any object if obj is 0).
func syncRecords(k *sim.Kernel, kind sim.Kind, obj int) []sim.Record {
	var out []sim.Record
	for _, r := range k.Trace().Records() {
		if r.Kind == kind && (obj == 0 || int(r.Obj) == obj) {
			out = append(out, r)
		}
	}
	return out
}

// syncStates lists, as "time task STATE", the blocking states tasks
// entered on object obj.
func syncStates(k *sim.Kernel, obj int) string {
	var b strings.Builder
	for _, r := range syncRecords(k, sim.EvState, obj) {
		if r.State.Blocked() && r.State != sim.TaskJoin { // TASK_JOIN's Obj is a task id
			fmt.Fprintf(&b, "%s task%d %s\n", r.T, r.Task, r.State)
		}
	}
	return b.String()
}

// syncUsage checks that err is a *sim.UsageError naming Python exception
// python with message msg.
func syncUsage(tb testing.TB, err error, python, msg string) {
	tb.Helper()
	var ue *sim.UsageError
	if !errors.As(err, &ue) {
		tb.Errorf("got error %v (%T), want *sim.UsageError %s(%q)", err, err, python, msg)
		return
	}
	if ue.Python != python || ue.Msg != msg {
		tb.Errorf("got %s(%q), want %s(%q)", ue.Python, ue.Msg, python, msg)
	}
}

// syncCancelled checks that err is curio's TaskCancelled.
func syncCancelled(tb testing.TB, err error) {
	tb.Helper()
	var c *sim.Cancelled
	if !errors.As(err, &c) || c.Kind != sim.TaskCancelled {
		tb.Errorf("got error %v (%T), want TaskCancelled", err, err)
	}
}

// ---- Event ----

// TestEventWaitReturnsAtOnceWhenSet pins that waiting for an event that is
// already set neither blocks nor lets another task run.
func TestEventWaitReturnsAtOnceWhenSet(t *testing.T) {
	var id int
	k, _, err, out := run(t, func(m *sim.Task) (any, error) {
		ev := m.Kernel().NewEvent("ready")
		id = ev.ID()
		other := m.Spawn("other", func(tk *sim.Task) (any, error) {
			say(tk, "ran")
			return nil, nil
		}, false)
		ev.Set()
		must(t, ev.Wait(m))
		say(m, "passed the wait, is_set=%v", ev.IsSet())
		return nil, syncJoin(m, other)
	})
	must(t, err)
	expect(t, out, `
		0.000s main: passed the wait, is_set=true
		0.000s other: ran
		`)
	if got := syncStates(k, id); got != "" {
		t.Errorf("nobody should block on the set event; got\n%s", got)
	}
}

// TestEventSetWakesWaitersInFIFOOrder pins that Set wakes every waiter in
// the order they started waiting, not the order they were spawned.
func TestEventSetWakesWaitersInFIFOOrder(t *testing.T) {
	_, _, err, out := run(t, func(m *sim.Task) (any, error) {
		ev := m.Kernel().NewEvent("go")
		var kids []*sim.Task
		for _, w := range []struct {
			name  string
			delay sim.Time
		}{{"a", 3}, {"b", 1}, {"c", 2}} {
			kids = append(kids, m.Spawn(w.name, func(tk *sim.Task) (any, error) {
				must(t, tk.Sleep(w.delay*sim.Second))
				say(tk, "waiting")
				if err := ev.Wait(tk); err != nil {
					return nil, err
				}
				say(tk, "woke")
				return nil, nil
			}, false))
		}
		must(t, m.Sleep(5*sim.Second))
		say(m, "set with %d waiting", ev.Waiting())
		ev.Set()
		return nil, syncJoin(m, kids...)
	})
	must(t, err)
	expect(t, out, `
		1.000s b: waiting
		2.000s c: waiting
		3.000s a: waiting
		5.000s main: set with 3 waiting
		5.000s b: woke
		5.000s c: woke
		5.000s a: woke
		`)
}

// TestEventClearMakesWaitBlockAgain pins is_set through set and clear, that
// a cleared event blocks new waiters, and the EvFlag records (1 set, 0
// cleared, stamped with the task that did it).
func TestEventClearMakesWaitBlockAgain(t *testing.T) {
	var id int
	k, _, err, out := run(t, func(m *sim.Task) (any, error) {
		ev := m.Kernel().NewEvent("flag")
		id = ev.ID()
		say(m, "is_set=%v", ev.IsSet())
		ev.Set()
		say(m, "is_set=%v", ev.IsSet())
		ev.Clear()
		say(m, "is_set=%v", ev.IsSet())
		setter := m.Spawn("setter", func(tk *sim.Task) (any, error) {
			must(t, tk.Sleep(2*sim.Second))
			ev.Set()
			return nil, nil
		}, false)
		if err := ev.Wait(m); err != nil {
			return nil, err
		}
		say(m, "woke, is_set=%v", ev.IsSet())
		return nil, syncJoin(m, setter)
	})
	must(t, err)
	expect(t, out, `
		0.000s main: is_set=false
		0.000s main: is_set=true
		0.000s main: is_set=false
		2.000s main: woke, is_set=true
		`)
	var got []string
	for _, r := range syncRecords(k, sim.EvFlag, id) {
		got = append(got, fmt.Sprintf("%s task%d %d", r.T, r.Task, r.Val))
	}
	want := []string{"0.000s task1 1", "0.000s task1 0", "2.000s task2 1"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("EvFlag records = %q, want %q", got, want)
	}
	if got, want := syncStates(k, id), "0.000s task1 EVENT_WAIT\n"; got != want {
		t.Errorf("blocking states = %q, want %q", got, want)
	}
}

// TestEventSetThenClearStillWakesWaiters pins curio's (and asyncio's)
// rule that Set wakes every current waiter even if the event is cleared
// again before they run: a pulse is not lost. (The kernel used to re-check
// the flag and put them back to sleep.)
func TestEventSetThenClearStillWakesWaiters(t *testing.T) {
	_, _, err, out := run(t, func(m *sim.Task) (any, error) {
		ev := m.Kernel().NewEvent("pulse")
		w := m.Spawn("waiter", func(tk *sim.Task) (any, error) {
			if err := ev.Wait(tk); err != nil {
				return nil, err
			}
			say(tk, "woke, is_set=%v", ev.IsSet())
			return nil, nil
		}, false)
		must(t, m.Sleep(sim.Second))
		ev.Set()
		ev.Clear()
		return nil, syncJoin(m, w)
	})
	must(t, err)
	expect(t, out, `
		1.000s waiter: woke, is_set=false
		`)
}

// TestEventWaitCancelled pins that a cancelled waiter leaves the event's
// wait queue and gets TaskCancelled; the other waiters still wake on Set.
func TestEventWaitCancelled(t *testing.T) {
	_, _, err, out := run(t, func(m *sim.Task) (any, error) {
		ev := m.Kernel().NewEvent("go")
		waiter := func(tk *sim.Task) (any, error) {
			if err := ev.Wait(tk); err != nil {
				say(tk, "wait raised %v", err)
				return nil, err
			}
			say(tk, "woke")
			return nil, nil
		}
		a := m.Spawn("a", waiter, false)
		b := m.Spawn("b", waiter, false)
		must(t, m.Sleep(sim.Second))
		say(m, "%d waiting", ev.Waiting())
		if _, err := m.Cancel(a, true); err != nil {
			return nil, err
		}
		say(m, "%d waiting", ev.Waiting())
		ev.Set()
		_, errA := m.Join(a)
		syncCancelled(t, errors.Unwrap(errA))
		return nil, syncJoin(m, b)
	})
	must(t, err)
	expect(t, out, `
		1.000s main: 2 waiting
		1.000s a: wait raised TaskCancelled
		1.000s main: 1 waiting
		1.000s b: woke
		`)
}

// ---- Lock ----

// TestLockHandsOffInFIFOOrder pins that Release hands the lock straight to
// the first waiter (it is the owner before it even runs, so a task that
// arrives later queues behind), and that waiters get it in arrival order.
func TestLockHandsOffInFIFOOrder(t *testing.T) {
	var id int
	k, _, err, out := run(t, func(m *sim.Task) (any, error) {
		k := m.Kernel()
		l := k.NewLock("lock")
		id = l.ID()
		worker := func(tk *sim.Task) (any, error) {
			if err := l.Acquire(tk); err != nil {
				return nil, err
			}
			say(tk, "acquired")
			must(t, tk.Sleep(sim.Second))
			say(tk, "releasing")
			return nil, l.Release(tk)
		}
		must(t, l.Acquire(m))
		var ws []*sim.Task
		for _, name := range []string{"w1", "w2", "w3"} {
			ws = append(ws, m.Spawn(name, worker, false))
			must(t, m.Sleep(sim.Second)) // w1 queues first, then w2, then w3
		}
		say(m, "releasing with %d waiting", l.Waiting())
		must(t, l.Release(m))
		say(m, "owner is now %s, locked=%v", l.Owner().Name(), l.Locked())
		late := m.Spawn("late", worker, false)
		return nil, syncJoin(m, append(ws, late)...)
	})
	must(t, err)
	expect(t, out, `
		3.000s main: releasing with 3 waiting
		3.000s main: owner is now w1, locked=true
		3.000s w1: acquired
		4.000s w1: releasing
		4.000s w2: acquired
		5.000s w2: releasing
		5.000s w3: acquired
		6.000s w3: releasing
		6.000s late: acquired
		7.000s late: releasing
		`)
	want := "" +
		"0.000s task2 LOCK_ACQUIRE\n" +
		"1.000s task3 LOCK_ACQUIRE\n" +
		"2.000s task4 LOCK_ACQUIRE\n" +
		"3.000s task5 LOCK_ACQUIRE\n"
	if got := syncStates(k, id); got != want {
		t.Errorf("blocking states:\n%swant:\n%s", got, want)
	}
}

// TestLockOwnerTracking pins Owner and Locked as the lock changes hands,
// and the EvLock records: Val is the owner's id (0 free), Aux the depth.
func TestLockOwnerTracking(t *testing.T) {
	var id int
	k, _, err, _ := run(t, func(m *sim.Task) (any, error) {
		l := m.Kernel().NewLock("lock")
		id = l.ID()
		if l.Owner() != nil || l.Locked() {
			t.Errorf("new lock: owner %v, locked %v", l.Owner(), l.Locked())
		}
		must(t, l.Acquire(m))
		if l.Owner() != m || !l.Locked() {
			t.Errorf("after acquire: owner %v, locked %v", l.Owner(), l.Locked())
		}
		w := m.Spawn("w", func(tk *sim.Task) (any, error) {
			if err := l.Acquire(tk); err != nil {
				return nil, err
			}
			return nil, l.Release(tk)
		}, false)
		must(t, m.Sleep(sim.Second))
		must(t, l.Release(m))
		if l.Owner() != w {
			t.Errorf("after handoff: owner %v, want w", l.Owner())
		}
		must(t, syncJoin(m, w))
		if l.Owner() != nil || l.Locked() {
			t.Errorf("at end: owner %v, locked %v", l.Owner(), l.Locked())
		}
		return nil, nil
	})
	must(t, err)
	var got []string
	for _, r := range syncRecords(k, sim.EvLock, id) {
		got = append(got, fmt.Sprintf("%s by%d owner%d depth%d", r.T, r.Task, r.Val, r.Aux))
	}
	want := []string{
		"0.000s by1 owner1 depth1",
		"1.000s by1 owner2 depth1",
		"1.000s by2 owner0 depth0",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("EvLock records = %q, want %q", got, want)
	}
}

// TestLockReleaseWhenNotHeldIsRuntimeError pins the RuntimeError (curio's
// wording) for releasing a Lock or RLock that nobody holds.
func TestLockReleaseWhenNotHeldIsRuntimeError(t *testing.T) {
	for _, tc := range []struct {
		kind string
		msg  string
	}{
		{"Lock", "Lock is not acquired"},
		{"RLock", "RLock is not locked"},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			_, _, err, _ := run(t, func(m *sim.Task) (any, error) {
				l := m.Kernel().NewLock("l")
				if tc.kind == "RLock" {
					l = m.Kernel().NewRLock("l")
				}
				syncUsage(t, l.Release(m), "RuntimeError", tc.msg)
				must(t, l.Acquire(m))
				must(t, l.Release(m))
				syncUsage(t, l.Release(m), "RuntimeError", tc.msg)
				return nil, nil
			})
			must(t, err)
		})
	}
}

// TestLockReleaseByAnotherTask pins curio's rule that a plain Lock is not
// owned for release purposes: any task may release it, and that hands it
// to the first waiter as usual.
func TestLockReleaseByAnotherTask(t *testing.T) {
	_, _, err, out := run(t, func(m *sim.Task) (any, error) {
		l := m.Kernel().NewLock("l")
		holder := m.Spawn("holder", func(tk *sim.Task) (any, error) {
			if err := l.Acquire(tk); err != nil {
				return nil, err
			}
			return nil, tk.Sleep(10 * sim.Second)
		}, false)
		must(t, m.Sleep(sim.Second))
		say(m, "owner %s", l.Owner().Name())
		must(t, l.Release(m))
		say(m, "released; locked=%v", l.Locked())
		must(t, l.Acquire(m))
		say(m, "acquired")
		must(t, l.Release(m))
		return nil, syncJoin(m, holder)
	})
	must(t, err)
	expect(t, out, `
		1.000s main: owner holder
		1.000s main: released; locked=false
		1.000s main: acquired
		`)
}

// TestLockWaiterCancelledLeavesQueue pins that a waiter cancelled in
// LOCK_ACQUIRE does not get the lock; the next waiter does.
func TestLockWaiterCancelledLeavesQueue(t *testing.T) {
	_, _, err, out := run(t, func(m *sim.Task) (any, error) {
		l := m.Kernel().NewLock("l")
		worker := func(tk *sim.Task) (any, error) {
			if err := l.Acquire(tk); err != nil {
				say(tk, "acquire raised %v", err)
				return nil, err
			}
			say(tk, "acquired")
			return nil, l.Release(tk)
		}
		must(t, l.Acquire(m))
		a := m.Spawn("a", worker, false)
		b := m.Spawn("b", worker, false)
		must(t, m.Sleep(sim.Second))
		if _, err := m.Cancel(a, true); err != nil {
			return nil, err
		}
		say(m, "%d waiting", l.Waiting())
		must(t, l.Release(m))
		must(t, m.WaitFor(a))
		return nil, syncJoin(m, b)
	})
	must(t, err)
	expect(t, out, `
		1.000s a: acquire raised TaskCancelled
		1.000s main: 1 waiting
		1.000s b: acquired
		`)
}

// ---- RLock ----

// TestRLockReentrancyDepth pins that the owner may re-acquire an RLock,
// that each acquire adds one to the depth recorded in EvLock's Aux, and
// that another task gets it only when the depth is back to zero.
func TestRLockReentrancyDepth(t *testing.T) {
	var id int
	k, _, err, out := run(t, func(m *sim.Task) (any, error) {
		l := m.Kernel().NewRLock("r")
		id = l.ID()
		for range 3 {
			must(t, l.Acquire(m))
		}
		other := m.Spawn("other", func(tk *sim.Task) (any, error) {
			if err := l.Acquire(tk); err != nil {
				return nil, err
			}
			say(tk, "acquired")
			return nil, l.Release(tk)
		}, false)
		for range 3 {
			must(t, m.Sleep(sim.Second))
			must(t, l.Release(m))
			say(m, "released; owner=%v", l.Owner() != nil)
		}
		return nil, syncJoin(m, other)
	})
	must(t, err)
	expect(t, out, `
		1.000s main: released; owner=true
		2.000s main: released; owner=true
		3.000s main: released; owner=true
		3.000s other: acquired
		`)
	var got []string
	for _, r := range syncRecords(k, sim.EvLock, id) {
		got = append(got, fmt.Sprintf("%s owner%d depth%d", r.T, r.Val, r.Aux))
	}
	want := []string{
		"0.000s owner1 depth1", "0.000s owner1 depth2", "0.000s owner1 depth3",
		"1.000s owner1 depth2", "2.000s owner1 depth1",
		"3.000s owner2 depth1", "3.000s owner0 depth0",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("EvLock records = %q, want %q", got, want)
	}
}

// TestRLockReleaseByNonOwnerIsRuntimeError pins curio's RuntimeError when a
// task that does not own a held RLock releases it; the lock is unchanged.
func TestRLockReleaseByNonOwnerIsRuntimeError(t *testing.T) {
	_, _, err, _ := run(t, func(m *sim.Task) (any, error) {
		l := m.Kernel().NewRLock("r")
		must(t, l.Acquire(m))
		other := m.Spawn("other", func(tk *sim.Task) (any, error) {
			syncUsage(t, l.Release(tk), "RuntimeError", "RLock can only be released by the owner")
			return nil, nil
		}, false)
		must(t, syncJoin(m, other))
		if l.Owner() != m {
			t.Errorf("owner after failed release = %v, want main", l.Owner())
		}
		return nil, l.Release(m)
	})
	must(t, err)
}

// ---- Semaphore ----

// TestSemaphoreValueAndLocked pins Value and Locked as units are taken and
// returned, and the EvSema records (Val the value, Aux the waiters).
func TestSemaphoreValueAndLocked(t *testing.T) {
	var id int
	k, _, err, out := run(t, func(m *sim.Task) (any, error) {
		s := m.Kernel().NewSemaphore("s", 2)
		id = s.ID()
		show := func(what string) { say(m, "%s: value=%d locked=%v", what, s.Value(), s.Locked()) }
		show("new")
		must(t, s.Acquire(m))
		show("acquired")
		must(t, s.Acquire(m))
		show("acquired")
		must(t, s.Release())
		show("released")
		must(t, s.Release())
		must(t, s.Release()) // a plain Semaphore may go above its start value
		show("released twice")
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		0.000s main: new: value=2 locked=false
		0.000s main: acquired: value=1 locked=false
		0.000s main: acquired: value=0 locked=true
		0.000s main: released: value=1 locked=false
		0.000s main: released twice: value=3 locked=false
		`)
	var got []int64
	for _, r := range syncRecords(k, sim.EvSema, id) {
		got = append(got, r.Val)
	}
	if fmt.Sprint(got) != "[1 0 1 2 3]" {
		t.Errorf("EvSema values = %v, want [1 0 1 2 3]", got)
	}
}

// TestSemaphoreHandsOffInFIFOOrder pins that Release with waiters hands
// the unit to the first of them (the value stays 0) and that waiters get
// units in arrival order.
func TestSemaphoreHandsOffInFIFOOrder(t *testing.T) {
	var id int
	k, _, err, out := run(t, func(m *sim.Task) (any, error) {
		s := m.Kernel().NewSemaphore("s", 1)
		id = s.ID()
		must(t, s.Acquire(m))
		var ws []*sim.Task
		for _, name := range []string{"w1", "w2", "w3"} {
			ws = append(ws, m.Spawn(name, func(tk *sim.Task) (any, error) {
				if err := s.Acquire(tk); err != nil {
					return nil, err
				}
				say(tk, "acquired, value=%d", s.Value())
				must(t, tk.Sleep(sim.Second))
				return nil, s.Release()
			}, false))
		}
		must(t, m.Sleep(sim.Second))
		say(m, "releasing with %d waiting", s.Waiting())
		must(t, s.Release())
		must(t, syncJoin(m, ws...))
		say(m, "value=%d", s.Value())
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		1.000s main: releasing with 3 waiting
		1.000s w1: acquired, value=0
		2.000s w2: acquired, value=0
		3.000s w3: acquired, value=0
		4.000s main: value=1
		`)
	var got []string
	for _, r := range syncRecords(k, sim.EvSema, id) {
		got = append(got, fmt.Sprintf("%s value%d waiting%d", r.T, r.Val, r.Aux))
	}
	want := []string{
		"0.000s value0 waiting0",
		"1.000s value0 waiting2", "2.000s value0 waiting1", "3.000s value0 waiting0",
		"4.000s value1 waiting0",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("EvSema records = %q, want %q", got, want)
	}
}

// TestBoundedSemaphoreReleaseAboveInitialIsValueError pins that a
// BoundedSemaphore refuses to go above its initial value (ValueError) and
// keeps its value, while a release that hands a unit to a waiter is fine.
func TestBoundedSemaphoreReleaseAboveInitialIsValueError(t *testing.T) {
	_, _, err, out := run(t, func(m *sim.Task) (any, error) {
		s := m.Kernel().NewBoundedSemaphore("b", 1)
		syncUsage(t, s.Release(), "ValueError", "BoundedSemaphore released too many times")
		must(t, s.Acquire(m))
		w := m.Spawn("w", func(tk *sim.Task) (any, error) {
			if err := s.Acquire(tk); err != nil {
				return nil, err
			}
			say(tk, "acquired")
			return nil, s.Release()
		}, false)
		must(t, m.Sleep(sim.Second))
		must(t, s.Release()) // hands off to w
		must(t, syncJoin(m, w))
		say(m, "value=%d", s.Value())
		syncUsage(t, s.Release(), "ValueError", "BoundedSemaphore released too many times")
		say(m, "value=%d", s.Value())
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		1.000s w: acquired
		1.000s main: value=1
		1.000s main: value=1
		`)
}
