package sim_test

import (
	"errors"
	"fmt"
	"testing"

	"asyncplay/sim"
)

// signalRecords lists the EvSignal records as "time SIGNAME watchers".
func signalRecords(k *sim.Kernel) []string {
	var out []string
	for _, r := range syncRecords(k, sim.EvSignal, 0) {
		if r.Task != 0 || r.Obj != 0 {
			out = append(out, fmt.Sprintf("unexpected task %d obj %d", r.Task, r.Obj))
		}
		out = append(out, fmt.Sprintf("%s %s %d", r.T, sim.Signal(r.Val), r.Aux))
	}
	return out
}

// wantInterrupt checks that err is a KeyboardInterrupt raised at at.
func wantInterrupt(tb testing.TB, err error, at sim.Time) {
	tb.Helper()
	var ki *sim.Interrupt
	if !errors.As(err, &ki) || ki.At != at {
		tb.Errorf("got %v (%T), want *sim.Interrupt at %s", err, err, at)
	}
}

// wantSignalExit checks that err is a *sim.SignalExit for sig at at.
func wantSignalExit(tb testing.TB, err error, sig sim.Signal, at sim.Time) {
	tb.Helper()
	var se *sim.SignalExit
	if !errors.As(err, &se) || se.Signal != sig || se.At != at {
		tb.Errorf("got %v (%T), want *sim.SignalExit{%s, %s}", err, err, sig, at)
	}
}

// TestSignalEventSetByInjectedSignal pins that an injected signal sets a
// SignalEvent watching it, whether it was injected before Run, from task
// code during the run, or for a time already past (delivered in the next
// pass).
func TestSignalEventSetByInjectedSignal(t *testing.T) {
	for _, tc := range []struct {
		name   string
		before sim.Time // inject before Run at this time, if not 0
		during sim.Time // inject from task code at this time, if not 0
		want   string
	}{
		{"before_run", 3 * sim.Second, 0, "3.000s main: woke, is_set=true\n"},
		{"from_task", 0, 4 * sim.Second, "4.000s main: woke, is_set=true\n"},
		{"in_the_past", 0, sim.Second / 2, "1.000s main: woke, is_set=true\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out string
			k := sim.New(sim.WithOutput(syncWriter{&out}, syncWriter{&out}))
			if tc.before != 0 {
				k.Inject(tc.before, sim.SIGUSR1)
			}
			_, err := k.Run("main", func(m *sim.Task) (any, error) {
				ev := k.NewSignalEvent("usr1", sim.SIGUSR1)
				must(t, m.Sleep(sim.Second))
				if tc.during != 0 {
					k.Inject(tc.during, sim.SIGUSR1)
				}
				if err := ev.Wait(m); err != nil {
					return nil, err
				}
				say(m, "woke, is_set=%v", ev.IsSet())
				return nil, nil
			})
			must(t, err)
			expect(t, out, tc.want)
			if k.Pending() != 0 {
				t.Errorf("%d inputs still pending", k.Pending())
			}
		})
	}
}

// syncWriter appends what is written to a string.
type syncWriter struct{ s *string }

func (w syncWriter) Write(p []byte) (int, error) { *w.s += string(p); return len(p), nil }

// TestSignalQueueReceivesEveryArrivalInOrder pins that a SignalQueue
// queues each arrival of its signals, in arrival order (injection order
// for signals due at the same time), and ignores other signals' arrivals.
func TestSignalQueueReceivesEveryArrivalInOrder(t *testing.T) {
	_, _, err, out := run(t, func(m *sim.Task) (any, error) {
		k := m.Kernel()
		q := k.NewSignalQueue("sigs", sim.SIGHUP, sim.SIGUSR1)
		other := k.NewSignalEvent("usr2", sim.SIGUSR2)
		k.Inject(3*sim.Second, sim.SIGHUP)
		k.Inject(1*sim.Second, sim.SIGHUP)
		k.Inject(2*sim.Second, sim.SIGUSR2)
		k.Inject(2*sim.Second, sim.SIGUSR1)
		k.Inject(3*sim.Second, sim.SIGUSR1)
		for range 4 {
			s, err := q.Get(m)
			if err != nil {
				return nil, err
			}
			say(m, "got %v, %d left", s, q.Qsize())
		}
		say(m, "usr2 is_set=%v", other.IsSet())
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		1.000s main: got SIGHUP, 0 left
		2.000s main: got SIGUSR1, 0 left
		3.000s main: got SIGHUP, 1 left
		3.000s main: got SIGUSR1, 0 left
		3.000s main: usr2 is_set=true
		`)
}

// TestSignalCloseRestoresDefaultAction pins that closing a SignalEvent or
// SignalQueue (Python's del, or leaving its block) gives the signal its
// default action back: a second SIGTERM ends the run. Closing twice is
// harmless.
func TestSignalCloseRestoresDefaultAction(t *testing.T) {
	for _, kind := range []string{"SignalEvent", "SignalQueue"} {
		t.Run(kind, func(t *testing.T) {
			k, _, err, out := run(t, func(m *sim.Task) (any, error) {
				k := m.Kernel()
				k.Inject(1*sim.Second, sim.SIGTERM)
				k.Inject(2*sim.Second, sim.SIGTERM)
				if kind == "SignalEvent" {
					ev := k.NewSignalEvent("term", sim.SIGTERM)
					if err := ev.Wait(m); err != nil {
						return nil, err
					}
					ev.Close()
					ev.Close()
				} else {
					q := k.NewSignalQueue("term", sim.SIGTERM)
					if _, err := q.Get(m); err != nil {
						return nil, err
					}
					q.Close()
					q.Close()
				}
				say(m, "caught the first; closed")
				err := m.Sleep(sim.Hour)
				say(m, "never printed: %v", err)
				return nil, err
			})
			wantSignalExit(t, err, sim.SIGTERM, 2*sim.Second)
			expect(t, out, `
				1.000s main: caught the first; closed
				`)
			checkList(t, "EvSignal records", signalRecords(k), []string{"1.000s SIGTERM 1", "2.000s SIGTERM 0"})
		})
	}
}

// TestUnhandledSignalDefaultActions pins each signal's default action when
// nothing watches it: SIGINT raises KeyboardInterrupt in the main task and
// the other tasks are cancelled and clean up; every other signal ends the
// run at once with SignalExit, every task killed where it stood, no
// cleanup run.
func TestUnhandledSignalDefaultActions(t *testing.T) {
	for _, sig := range []sim.Signal{sim.SIGINT, sim.SIGHUP, sim.SIGQUIT, sim.SIGTERM, sim.SIGUSR1, sim.SIGUSR2, sim.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			k, _, err, out := run(t, func(m *sim.Task) (any, error) {
				m.Kernel().Inject(sim.Second, sig)
				w := m.Spawn("worker", func(tk *sim.Task) (any, error) {
					err := tk.Sleep(sim.Hour)
					say(tk, "cleanup after %v", err)
					return nil, err
				}, false)
				err := m.Sleep(10 * sim.Second)
				say(m, "sleep raised %v", err)
				if err != nil {
					return nil, err
				}
				return nil, syncJoin(m, w)
			})
			var outcomes []string
			for _, r := range syncRecords(k, sim.EvDone, 0) {
				outcomes = append(outcomes, fmt.Sprintf("%s task%d %s", r.T, r.Task, sim.Outcome(r.Val)))
			}
			if sig == sim.SIGINT {
				wantInterrupt(t, err, sim.Second)
				expect(t, out, `
					1.000s main: sleep raised KeyboardInterrupt
					1.000s worker: cleanup after TaskCancelled
					`)
				checkList(t, "outcomes", outcomes, []string{"1.000s task1 crashed", "1.000s task2 cancelled"})
				return
			}
			wantSignalExit(t, err, sig, sim.Second)
			expect(t, out, "")
			checkList(t, "outcomes", outcomes, []string{"1.000s task1 killed", "1.000s task2 killed"})
			ends := syncRecords(k, sim.EvEnd, 0)
			if want := "terminated by " + sig.String() + " at 1.000s"; len(ends) != 1 || k.Trace().Strings[ends[0].Val] != want {
				t.Errorf("EvEnd records %v, want one saying %q", ends, want)
			}
		})
	}
}

// TestSIGINTInterruptsMainThenShutdownCancelsHighestIDFirst pins the
// unwinding after KeyboardInterrupt: main ends with it, then the kernel
// cancels the remaining tasks one at a time, highest id first, each
// running its cleanup (which may block) before the next is cancelled.
func TestSIGINTInterruptsMainThenShutdownCancelsHighestIDFirst(t *testing.T) {
	k, _, err, out := run(t, func(m *sim.Task) (any, error) {
		m.Kernel().Inject(3*sim.Second, sim.SIGINT)
		for _, name := range []string{"w1", "w2"} {
			m.Spawn(name, func(tk *sim.Task) (any, error) {
				err := tk.Sleep(sim.Hour)
				say(tk, "cancelled (%v), cleaning up", err)
				must(t, tk.Sleep(sim.Second))
				say(tk, "clean")
				return nil, err
			}, false)
		}
		err := m.Sleep(10 * sim.Second)
		say(m, "sleep raised %v", err)
		return nil, err
	})
	wantInterrupt(t, err, 3*sim.Second)
	expect(t, out, `
		3.000s main: sleep raised KeyboardInterrupt
		3.000s w2: cancelled (TaskCancelled), cleaning up
		4.000s w2: clean
		4.000s w1: cancelled (TaskCancelled), cleaning up
		5.000s w1: clean
		`)
	var cancels []string
	for _, r := range syncRecords(k, sim.EvCancel, 0) {
		cancels = append(cancels, fmt.Sprintf("%s task%d by%d", r.T, r.Task, r.Obj))
	}
	checkList(t, "EvCancel records", cancels, []string{"3.000s task3 by0", "4.000s task2 by0"})
}

// TestSIGINTIsDeliveredAtMainsBlockingTrap pins that KeyboardInterrupt
// never interrupts main mid-computation: a SIGINT that arrives while main
// is READY or computing is raised by its next blocking call, which then
// does not block.
func TestSIGINTIsDeliveredAtMainsBlockingTrap(t *testing.T) {
	for _, tc := range []struct {
		name      string
		at        sim.Time // when SIGINT is injected
		deliverAt sim.Time // the time it is raised at (Interrupt.At)
		want      string
	}{
		// Due before main first runs: pending until its first trap.
		{"before_main_runs", 0, 0, `
			0.000s main: computed
			0.000s main: sleep raised KeyboardInterrupt
			`},
		// Due while main charges 3s of CPU: main is RUNNING, so it is
		// delivered at the next pass, once main has blocked.
		{"while_computing", sim.Second, 3 * sim.Second, `
			0.000s main: computed
			3.000s main: sleep raised KeyboardInterrupt
			`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out string
			k := sim.New(sim.WithOutput(syncWriter{&out}, syncWriter{&out}))
			k.Inject(tc.at, sim.SIGINT)
			_, err := k.Run("main", func(m *sim.Task) (any, error) {
				say(m, "computed")
				if tc.at > 0 {
					m.Charge(3 * sim.Second)
				}
				err := m.Sleep(10 * sim.Second)
				say(m, "sleep raised %v", err)
				return nil, err
			})
			wantInterrupt(t, err, tc.deliverAt)
			expect(t, out, tc.want)
		})
	}
}

// TestSIGKILLCannotBeCaught pins that SIGKILL ignores its watchers: the
// SignalEvent and SignalQueue are not told (EvSignal's Aux is 0) and the
// run ends at once with SignalExit.
func TestSIGKILLCannotBeCaught(t *testing.T) {
	var ev *sim.SignalEvent
	var q *sim.SignalQueue
	k, _, err, out := run(t, func(m *sim.Task) (any, error) {
		k := m.Kernel()
		ev = k.NewSignalEvent("kill", sim.SIGKILL)
		q = k.NewSignalQueue("kills", sim.SIGKILL)
		k.Inject(2*sim.Second, sim.SIGKILL)
		err := ev.Wait(m)
		say(m, "never printed: %v", err)
		return nil, err
	})
	wantSignalExit(t, err, sim.SIGKILL, 2*sim.Second)
	expect(t, out, "")
	if ev.IsSet() || q.Qsize() != 0 {
		t.Errorf("watchers were told: event set %v, queue size %d", ev.IsSet(), q.Qsize())
	}
	checkList(t, "EvSignal records", signalRecords(k), []string{"2.000s SIGKILL 0"})
}

// TestSignalTraceRecords pins the EvSignal record: stamped with the time
// of delivery, Val the signal, Aux the number of watchers told, no task.
func TestSignalTraceRecords(t *testing.T) {
	k, _, err, out := run(t, func(m *sim.Task) (any, error) {
		k := m.Kernel()
		ev := k.NewSignalEvent("hup", sim.SIGHUP)
		q := k.NewSignalQueue("all", sim.SIGHUP, sim.SIGUSR1)
		k.Inject(1*sim.Second, sim.SIGHUP)
		k.Inject(2*sim.Second, sim.SIGUSR1)
		k.Inject(3*sim.Second, sim.SIGTERM)
		for range 2 {
			s, err := q.Get(m)
			if err != nil {
				return nil, err
			}
			say(m, "got %v, event set %v", s, ev.IsSet())
		}
		return nil, m.Sleep(sim.Hour)
	})
	wantSignalExit(t, err, sim.SIGTERM, 3*sim.Second)
	expect(t, out, `
		1.000s main: got SIGHUP, event set true
		2.000s main: got SIGUSR1, event set true
		`)
	checkList(t, "EvSignal records", signalRecords(k), []string{
		"1.000s SIGHUP 2", "2.000s SIGUSR1 1", "3.000s SIGTERM 0",
	})
}

// sigParent is the tutorial's parent: it waits for Control-C with a
// SignalEvent, deletes the event, counts down, gives the kid 10 seconds
// to come, then cancels it. The kid's friends play until cancelled.
func sigParent(t *sim.Task) (any, error) {
	k := t.Kernel()
	goodbye := k.NewSignalEvent("goodbye", sim.SIGINT, sim.SIGTERM)
	kid := t.Spawn("kid", func(t *sim.Task) (any, error) {
		say(t, "Building the Millenium Falcon in Minecraft")
		var friends []*sim.Task
		for _, name := range []string{"Max", "Lillian", "Thomas"} {
			friends = append(friends, t.Spawn(name, func(t *sim.Task) (any, error) {
				say(t, "Playing Minecraft")
				err := t.Sleep(1000 * sim.Second)
				say(t, "going home")
				return nil, err
			}, false))
		}
		err := t.Sleep(1000 * sim.Second)
		say(t, "Fine. Saving my work.")
		for _, f := range friends {
			t.Cancel(f, true)
		}
		return nil, err
	}, false)
	if err := goodbye.Wait(t); err != nil {
		return nil, err
	}
	goodbye.Close() // del goodbye: Control-C has its default action again
	say(t, "Let's go")
	count := t.Spawn("countdown", countdown(5), false)
	if _, err := t.Join(count); err != nil {
		say(t, "join raised %v", err)
		return nil, err
	}
	say(t, "We're leaving!")
	scope := t.TimeoutAfter(10*sim.Second, false)
	_, err := t.Join(kid)
	if err = scope.Exit(err); err != nil {
		say(t, "I warned you!")
		if _, err := t.Cancel(kid, true); err != nil {
			return nil, err
		}
	}
	say(t, "Leaving!")
	return nil, nil
}

// TestControlCTwice pins the tutorial's signal lesson. One Control-C sets
// the SignalEvent and the parent's whole shutdown sequence runs. Because
// the parent deleted the event, a second Control-C during the countdown
// raises KeyboardInterrupt in the parent, and everything unwinds at once:
// the kernel cancels the countdown, the friends and the kid, highest id
// first.
func TestControlCTwice(t *testing.T) {
	const start = `
		0.000s kid: Building the Millenium Falcon in Minecraft
		0.000s Max: Playing Minecraft
		0.000s Lillian: Playing Minecraft
		0.000s Thomas: Playing Minecraft
		10.000s main: Let's go
		10.000s countdown: T-minus 5
		11.000s countdown: T-minus 4
		12.000s countdown: T-minus 3
		` // each case's lines follow on
	for _, tc := range []struct {
		name    string
		presses []sim.Time
		want    string
		signals []string
	}{
		{"once", []sim.Time{10 * sim.Second}, start + `13.000s countdown: T-minus 2
			14.000s countdown: T-minus 1
			15.000s main: We're leaving!
			25.000s main: I warned you!
			25.000s kid: Fine. Saving my work.
			25.000s Max: going home
			25.000s Lillian: going home
			25.000s Thomas: going home
			25.000s main: Leaving!
			`, []string{"10.000s SIGINT 1"}},
		{"twice", []sim.Time{10 * sim.Second, 12500 * sim.Millisecond}, start + `12.500s main: join raised KeyboardInterrupt
			12.500s Thomas: going home
			12.500s Lillian: going home
			12.500s Max: going home
			12.500s kid: Fine. Saving my work.
			`, []string{"10.000s SIGINT 1", "12.500s SIGINT 0"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out string
			k := sim.New(sim.WithOutput(syncWriter{&out}, syncWriter{&out}))
			for _, at := range tc.presses {
				k.Inject(at, sim.SIGINT)
			}
			_, err := k.Run("main", sigParent)
			if len(tc.presses) == 1 {
				must(t, err)
			} else {
				wantInterrupt(t, err, tc.presses[1])
			}
			expect(t, out, tc.want)
			checkList(t, "EvSignal records", signalRecords(k), tc.signals)
		})
	}
}

// TestCancelTaskInput pins the monitor's cancel: injected at a time, it
// cancels a sleeping task then, with no task named as the canceller, and
// leaves finished or unknown tasks alone.
func TestCancelTaskInput(t *testing.T) {
	var out string
	k := sim.New(sim.WithOutput(syncWriter{&out}, syncWriter{&out}))
	k.Inject(2*sim.Second, sim.CancelTask(2))
	k.Inject(3*sim.Second, sim.CancelTask(2)) // already ended
	k.Inject(3*sim.Second, sim.CancelTask(99))
	_, err := k.Run("main", func(m *sim.Task) (any, error) {
		child := m.Spawn("sleeper", func(c *sim.Task) (any, error) {
			err := c.Sleep(10 * sim.Second)
			say(c, "woke: %v", err)
			return nil, err
		}, false)
		_, err := m.Join(child)
		say(m, "join: %v", err)
		return nil, m.Sleep(2 * sim.Second)
	})
	must(t, err)
	expect(t, out, "2.000s sleeper: woke: TaskCancelled\n2.000s main: join: Task crash\n")
	cancels := syncRecords(k, sim.EvCancel, 0)
	if len(cancels) != 1 || cancels[0].Task != 2 || cancels[0].Obj != 0 || cancels[0].T != 2*sim.Second {
		t.Errorf("cancel records %+v, want one of task 2 by nobody at 2s", cancels)
	}
}

// Uncancel: a task cancelled once, which caught it, can be cancelled again
// after Uncancel; without it the second cancel is not delivered.
func TestUncancelAllowsASecondCancel(t *testing.T) {
	for _, uncancel := range []bool{false, true} {
		var out string
		k := sim.New(sim.WithOutput(syncWriter{&out}, syncWriter{&out}))
		_, err := k.Run("main", func(m *sim.Task) (any, error) {
			child := m.Spawn("child", func(c *sim.Task) (any, error) {
				say(c, "first: %v", c.Sleep(sim.Second))
				if uncancel {
					c.Uncancel()
				}
				say(c, "second: %v", c.Sleep(sim.Second))
				return nil, nil
			}, false)
			must(t, m.Sleep(sim.Second/2))
			m.Cancel(child, false)
			must(t, m.Sleep(sim.Second/2))
			m.Cancel(child, false)
			_, err := m.Join(child)
			return nil, err
		})
		must(t, err)
		want := "0.500s child: first: TaskCancelled\n1.500s child: second: <nil>\n"
		if uncancel {
			want = "0.500s child: first: TaskCancelled\n1.000s child: second: TaskCancelled\n"
		}
		expect(t, out, want)
	}
}

// WaitAny returns when the first of several tasks ends, and at once when
// one has already ended.
func TestWaitAny(t *testing.T) {
	var out string
	k := sim.New(sim.WithOutput(syncWriter{&out}, syncWriter{&out}))
	_, err := k.Run("main", func(m *sim.Task) (any, error) {
		var ts []*sim.Task
		for _, d := range []sim.Time{3, 1, 2} {
			ts = append(ts, m.Spawn(fmt.Sprint("sleep", d), func(c *sim.Task) (any, error) { return nil, c.Sleep(d * sim.Second) }, false))
		}
		must(t, m.WaitAny(ts))
		say(m, "first done")
		must(t, m.WaitAny(ts))
		say(m, "again at once")
		for _, x := range ts {
			m.Join(x)
		}
		return nil, m.WaitAny(nil)
	})
	must(t, err)
	expect(t, out, "1.000s main: first done\n1.000s main: again at once\n")
}
