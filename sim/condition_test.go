package sim_test

import (
	"errors"
	"fmt"
	"testing"

	"asyncplay/sim"
)

// Condition tests; the helpers (syncJoin, syncStates, ...) are in
// sync_test.go.

// TestConditionWaitReleasesAndReacquiresLock pins that Wait gives the lock
// up while waiting (another task takes it without blocking) and holds it
// again when Wait returns, after the notifier has released it.
func TestConditionWaitReleasesAndReacquiresLock(t *testing.T) {
	var condID, lockID int
	k, _, err, out := run(t, func(m *sim.Task) (any, error) {
		c := m.Kernel().NewCondition("c", nil)
		condID, lockID = c.ID(), c.Lock().ID()
		l := c.Lock()
		waiter := m.Spawn("waiter", func(tk *sim.Task) (any, error) {
			must(t, l.Acquire(tk))
			say(tk, "waiting")
			if err := c.Wait(tk); err != nil {
				return nil, err
			}
			say(tk, "woke holding the lock: %v", l.Owner() == tk)
			return nil, l.Release(tk)
		}, false)
		must(t, m.Sleep(sim.Second))
		say(m, "locked=%v waiting=%d", l.Locked(), c.Waiting())
		must(t, l.Acquire(m))
		must(t, c.Notify(m, 1))
		must(t, m.Sleep(sim.Second)) // the waiter is READY but needs the lock
		say(m, "releasing")
		must(t, l.Release(m))
		return nil, syncJoin(m, waiter)
	})
	must(t, err)
	expect(t, out, `
		0.000s waiter: waiting
		1.000s main: locked=false waiting=1
		2.000s main: releasing
		2.000s waiter: woke holding the lock: true
		`)
	want := "0.000s task2 COND_WAIT\n"
	if got := syncStates(k, condID); got != want {
		t.Errorf("COND_WAIT states = %q, want %q", got, want)
	}
	want = "1.000s task2 LOCK_ACQUIRE\n"
	if got := syncStates(k, lockID); got != want {
		t.Errorf("LOCK_ACQUIRE states = %q, want %q", got, want)
	}
}

// TestConditionWaitForPredicate pins wait_for: the predicate is checked
// before every wait and Wait is not entered once it holds; its error
// propagates.
func TestConditionWaitForPredicate(t *testing.T) {
	_, _, err, out := run(t, func(m *sim.Task) (any, error) {
		c := m.Kernel().NewCondition("c", nil)
		count, checks := 0, 0
		consumer := m.Spawn("consumer", func(tk *sim.Task) (any, error) {
			must(t, c.Lock().Acquire(tk))
			err := c.WaitFor(tk, func() (bool, error) {
				checks++
				return count >= 3, nil
			})
			say(tk, "count=%d after %d checks", count, checks)
			boom := errors.New("boom")
			if err2 := c.WaitFor(tk, func() (bool, error) { return false, boom }); err2 != boom {
				t.Errorf("predicate error: got %v, want boom", err2)
			}
			return nil, errors.Join(err, c.Lock().Release(tk))
		}, false)
		for range 4 {
			must(t, m.Sleep(sim.Second))
			must(t, c.Lock().Acquire(m))
			count++
			must(t, c.NotifyAll(m))
			must(t, c.Lock().Release(m))
		}
		return nil, syncJoin(m, consumer)
	})
	must(t, err)
	expect(t, out, `
		3.000s consumer: count=3 after 4 checks
		`)
}

// TestConditionNotifyWakesUpToNInFIFOOrder pins that Notify(n) wakes the
// first n waiters in arrival order, NotifyAll the rest, and that notifying
// with no waiters is a no-op, not an error.
func TestConditionNotifyWakesUpToNInFIFOOrder(t *testing.T) {
	_, _, err, out := run(t, func(m *sim.Task) (any, error) {
		c := m.Kernel().NewCondition("c", nil)
		l := c.Lock()
		must(t, l.Acquire(m))
		must(t, c.Notify(m, 1)) // no waiters: nothing happens
		must(t, c.NotifyAll(m))
		must(t, l.Release(m))
		var ws []*sim.Task
		for i, name := range []string{"w1", "w2", "w3", "w4"} {
			ws = append(ws, m.Spawn(name, func(tk *sim.Task) (any, error) {
				must(t, tk.Sleep(sim.Time(4-i)*sim.Second)) // w4 waits first, w1 last
				must(t, l.Acquire(tk))
				if err := c.Wait(tk); err != nil {
					return nil, err
				}
				say(tk, "notified")
				return nil, l.Release(tk)
			}, false))
		}
		must(t, m.Sleep(5*sim.Second))
		must(t, l.Acquire(m))
		say(m, "notify(2) with %d waiting", c.Waiting())
		must(t, c.Notify(m, 2))
		must(t, l.Release(m))
		must(t, m.Sleep(sim.Second))
		must(t, l.Acquire(m))
		say(m, "notify_all with %d waiting", c.Waiting())
		must(t, c.NotifyAll(m))
		must(t, l.Release(m))
		return nil, syncJoin(m, ws...)
	})
	must(t, err)
	expect(t, out, `
		5.000s main: notify(2) with 4 waiting
		5.000s w4: notified
		5.000s w3: notified
		6.000s main: notify_all with 2 waiting
		6.000s w2: notified
		6.000s w1: notified
		`)
}

// TestConditionRequiresTheLock pins the RuntimeError for wait, notify and
// notify_all by a task that does not hold the lock, free or held by
// another task.
func TestConditionRequiresTheLock(t *testing.T) {
	const waitMsg, notifyMsg = "Can't wait on unacquired lock", "Can't notify on unacquired lock"
	for _, held := range []bool{false, true} {
		t.Run(fmt.Sprintf("held_by_other=%v", held), func(t *testing.T) {
			_, _, err, _ := run(t, func(m *sim.Task) (any, error) {
				c := m.Kernel().NewCondition("c", nil)
				if held {
					must(t, c.Lock().Acquire(m))
				}
				other := m.Spawn("other", func(tk *sim.Task) (any, error) {
					syncUsage(t, c.Wait(tk), "RuntimeError", waitMsg)
					syncUsage(t, c.Notify(tk, 1), "RuntimeError", notifyMsg)
					syncUsage(t, c.NotifyAll(tk), "RuntimeError", notifyMsg)
					return nil, nil
				}, false)
				return nil, syncJoin(m, other)
			})
			must(t, err)
		})
	}
}

// TestConditionCancelledWaiterReacquiresLock pins that a waiter cancelled
// in COND_WAIT first waits for the lock again (LOCK_ACQUIRE) and only then
// returns TaskCancelled, holding the lock, so its cleanup may release it.
func TestConditionCancelledWaiterReacquiresLock(t *testing.T) {
	var lockID int
	k, _, err, out := run(t, func(m *sim.Task) (any, error) {
		c := m.Kernel().NewCondition("c", nil)
		l := c.Lock()
		lockID = l.ID()
		waiter := m.Spawn("waiter", func(tk *sim.Task) (any, error) {
			must(t, l.Acquire(tk))
			err := c.Wait(tk)
			say(tk, "wait raised %v holding the lock: %v", err, l.Owner() == tk)
			must(t, l.Release(tk))
			return nil, err
		}, false)
		must(t, m.Sleep(sim.Second))
		must(t, l.Acquire(m))
		if _, err := m.Cancel(waiter, false); err != nil {
			return nil, err
		}
		must(t, m.Sleep(sim.Second))
		say(m, "releasing")
		must(t, l.Release(m))
		must(t, m.WaitFor(waiter))
		syncCancelled(t, waiter.Err())
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		2.000s main: releasing
		2.000s waiter: wait raised TaskCancelled holding the lock: true
		`)
	if got, want := syncStates(k, lockID), "1.000s task2 LOCK_ACQUIRE\n"; got != want {
		t.Errorf("LOCK_ACQUIRE states = %q, want %q", got, want)
	}
}

// TestConditionReacquireSurvivesASecondCancellation pins that once a
// waiter has been woken with an error, a second one arriving while it
// waits to reacquire the lock (here its timeout after a cancellation, and
// a cancellation after its timeout) does not make Wait return without the
// lock. Wait returns the first error; the second stays pending for the
// next blocking trap. (The kernel used to return the second error at once,
// lock not held.)
func TestConditionReacquireSurvivesASecondCancellation(t *testing.T) {
	for _, first := range []string{"cancel", "timeout"} {
		t.Run(first+"_first", func(t *testing.T) {
			_, _, err, out := run(t, func(m *sim.Task) (any, error) {
				c := m.Kernel().NewCondition("c", nil)
				l := c.Lock()
				cancelAt, timeoutAt := 1*sim.Second, 2*sim.Second
				if first == "timeout" {
					cancelAt, timeoutAt = timeoutAt, cancelAt
				}
				waiter := m.Spawn("waiter", func(tk *sim.Task) (any, error) {
					scope := tk.TimeoutAt(timeoutAt, false)
					must(t, l.Acquire(tk))
					err := c.Wait(tk)
					say(tk, "wait raised %v holding the lock: %v", err, l.Owner() == tk)
					must(t, l.Release(tk))
					err = scope.Exit(err)
					say(tk, "block raised %v", err)
					if first == "timeout" {
						// the cancellation is still due
						say(tk, "next trap raised %v", tk.Sleep(sim.Second))
					}
					return nil, err
				}, false)
				must(t, m.Sleep(sim.Second/2))
				must(t, l.Acquire(m)) // the waiter must wait for it after waking
				must(t, m.SleepUntil(cancelAt))
				if _, err := m.Cancel(waiter, false); err != nil {
					return nil, err
				}
				must(t, m.Sleep(3*sim.Second))
				say(m, "releasing")
				must(t, l.Release(m))
				return nil, m.WaitFor(waiter)
			})
			must(t, err)
			want := `
				4.000s main: releasing
				4.000s waiter: wait raised TaskCancelled holding the lock: true
				4.000s waiter: block raised TaskCancelled
				`
			if first == "timeout" {
				want = `
				5.000s main: releasing
				5.000s waiter: wait raised TaskTimeout at 1.000s holding the lock: true
				5.000s waiter: block raised TaskTimeout at 1.000s
				5.000s waiter: next trap raised TaskCancelled
				`
			}
			expect(t, out, want)
		})
	}
}

// TestConditionWaitOnRLockRestoresDepth pins that waiting on a condition
// over an RLock held several times releases it completely and restores
// the depth on return.
func TestConditionWaitOnRLockRestoresDepth(t *testing.T) {
	_, _, err, out := run(t, func(m *sim.Task) (any, error) {
		k := m.Kernel()
		l := k.NewRLock("r")
		c := k.NewCondition("c", l)
		waiter := m.Spawn("waiter", func(tk *sim.Task) (any, error) {
			must(t, l.Acquire(tk))
			must(t, l.Acquire(tk))
			if err := c.Wait(tk); err != nil {
				return nil, err
			}
			must(t, l.Release(tk))
			say(tk, "after one release: locked=%v", l.Locked())
			must(t, l.Release(tk))
			say(tk, "after two releases: locked=%v", l.Locked())
			return nil, nil
		}, false)
		must(t, m.Sleep(sim.Second))
		say(m, "while waiting: locked=%v", l.Locked())
		must(t, l.Acquire(m))
		must(t, c.Notify(m, 1))
		must(t, l.Release(m))
		return nil, syncJoin(m, waiter)
	})
	must(t, err)
	expect(t, out, `
		1.000s main: while waiting: locked=false
		1.000s waiter: after one release: locked=true
		1.000s waiter: after two releases: locked=false
		`)
}
