package sim_test

import (
	"errors"
	"fmt"
	"testing"

	"asyncplay/sim"
)

// TestSameDeadlineTimersWakeInArmOrder pins the tie rule: timers due at
// the same time fire in the order they were armed, not in task order.
func TestSameDeadlineTimersWakeInArmOrder(t *testing.T) {
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		first := t.Spawn("first", func(t *sim.Task) (any, error) {
			t.Sleep(sim.Second)
			t.SleepUntil(5 * sim.Second) // armed at 1s
			say(t, "woke")
			return nil, nil
		}, false)
		second := t.Spawn("second", func(t *sim.Task) (any, error) {
			t.SleepUntil(5 * sim.Second) // armed at 0s
			say(t, "woke")
			return nil, nil
		}, false)
		t.Join(first)
		t.Join(second)
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		5.000s second: woke
		5.000s first: woke
		`)
}

// TestChargeModelsCPU pins the CPU model: a computing task moves the clock
// while others stay READY and a sleeper's timer fires late (lateness in the
// EvTimer record); with WithZeroCost the same program costs no time.
func TestChargeModelsCPU(t *testing.T) {
	tests := []struct {
		name string
		opts []sim.Option
		late sim.Time
		cpu  sim.Time
		want string
	}{
		{"cpu", nil, 2 * sim.Second, 3 * sim.Second, `
			0.000s sleeper: sleep 1s
			0.000s hog: computing
			3.000s hog: done computing
			3.000s other: ran
			3.000s sleeper: woke
			`},
		{"zero cost", []sim.Option{sim.WithZeroCost()}, 0, 0, `
			0.000s sleeper: sleep 1s
			0.000s hog: computing
			0.000s hog: done computing
			0.000s other: ran
			1.000s sleeper: woke
			`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var sleeper, hog, other *sim.Task
			k, _, err, out := run(t, func(t *sim.Task) (any, error) {
				sleeper = t.Spawn("sleeper", func(t *sim.Task) (any, error) {
					say(t, "sleep 1s")
					err := t.Sleep(sim.Second)
					say(t, "woke")
					return nil, err
				}, false)
				hog = t.Spawn("hog", func(t *sim.Task) (any, error) {
					say(t, "computing")
					for range 3 {
						t.Charge(sim.Second)
					}
					say(t, "done computing")
					return nil, nil
				}, false)
				other = t.Spawn("other", func(t *sim.Task) (any, error) {
					if t.State() != sim.Running {
						return nil, fmt.Errorf("state %s", t.State())
					}
					say(t, "ran")
					return nil, nil
				}, false)
				for _, k := range []*sim.Task{sleeper, hog, other} {
					if _, err := t.Join(k); err != nil {
						return nil, err
					}
				}
				return nil, nil
			}, tc.opts...)
			must(t, err)
			expect(t, out, tc.want)
			timers := ktRecords(k, sim.EvTimer)
			if len(timers) != 1 || timers[0].Task != int32(sleeper.ID()) || timers[0].State != sim.TimeSleep ||
				sim.Time(timers[0].Val) != tc.late {
				t.Errorf("timer records %+v, want one for the sleeper, %v late", timers, tc.late)
			}
			if hog.CPU() != tc.cpu || other.CPU() != 0 {
				t.Errorf("cpu hog=%v other=%v, want %v and 0", hog.CPU(), other.CPU(), tc.cpu)
			}
		})
	}
}

// TestTimeoutRaisesTaskTimeout pins timeout_after in both forms: the body
// is interrupted at the deadline with TaskTimeout stamped with that time.
func TestTimeoutRaisesTaskTimeout(t *testing.T) {
	forms := map[string]func(t *sim.Task, body func() error) (bool, error){
		"block": func(t *sim.Task, body func() error) (bool, error) {
			s := t.TimeoutAfter(2*sim.Second, false)
			if s.Deadline() != t.Kernel().Now()+2*sim.Second {
				return false, fmt.Errorf("deadline %v", s.Deadline())
			}
			err := s.Exit(body())
			return s.Expired, err
		},
		"call": func(t *sim.Task, body func() error) (bool, error) {
			return t.RunTimeout(t.Kernel().Now()+2*sim.Second, false, body)
		},
	}
	for _, name := range []string{"block", "call"} {
		t.Run(name, func(t *testing.T) {
			k, _, err, out := run(t, func(t *sim.Task) (any, error) {
				t.Sleep(sim.Second)
				expired, err := forms[name](t, func() error {
					err := t.Sleep(5 * sim.Second)
					say(t, "body interrupted: %v", err)
					return err
				})
				if c := ktCancelled(err, sim.TaskTimeout); c == nil || c.At != 3*sim.Second || !expired {
					return nil, fmt.Errorf("timeout block = %v, %v; want TaskTimeout at 3s, expired", expired, err)
				}
				if _, has := t.Timeout(); has || t.CancelPending() != nil {
					return nil, errors.New("deadline or pending timeout left behind")
				}
				say(t, "caught %v", err)
				return nil, nil
			})
			must(t, err)
			expect(t, out, `
				3.000s main: body interrupted: TaskTimeout at 3.000s
				3.000s main: caught TaskTimeout at 3.000s
				`)
			if k.Timers() != 0 {
				t.Errorf("%d timers armed after the run", k.Timers())
			}
		})
	}
}

// TestIgnoreAfter pins ignore_after: its own timeout is swallowed (nil,
// Expired set); a block that does not expire passes its body's outcome on.
func TestIgnoreAfter(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name    string
		body    func(t *sim.Task) error
		expired bool
		err     error
		end     sim.Time
	}{
		{"expires", func(t *sim.Task) error { return t.Sleep(10 * sim.Second) }, true, nil, 2 * sim.Second},
		{"finishes in time", func(t *sim.Task) error { return t.Sleep(sim.Second) }, false, nil, sim.Second},
		{"fails in time", func(t *sim.Task) error { t.Sleep(sim.Second); return boom }, false, boom, sim.Second},
	}
	for _, tc := range tests {
		for _, form := range []string{"block", "call"} {
			t.Run(tc.name+"/"+form, func(t *testing.T) {
				_, _, err, _ := run(t, func(t *sim.Task) (any, error) {
					var expired bool
					var err error
					if form == "block" {
						s := t.TimeoutAfter(2*sim.Second, true)
						err = s.Exit(tc.body(t))
						expired = s.Expired
					} else {
						expired, err = t.RunTimeout(2*sim.Second, true, func() error { return tc.body(t) })
					}
					if expired != tc.expired || err != tc.err || t.Kernel().Now() != tc.end {
						return nil, fmt.Errorf("got expired=%v err=%v at %v; want %v %v at %v",
							expired, err, t.Kernel().Now(), tc.expired, tc.err, tc.end)
					}
					// Nothing is left to fire later.
					return nil, t.Sleep(10 * sim.Second)
				})
				must(t, err)
			})
		}
	}
}

// TestNestedTimeouts pins curio's rules for nested timeout blocks: the
// outermost expired block raises TaskTimeout, blocks inside it see
// TimeoutCancellationError, and an inner timeout leaves the outer alone.
func TestNestedTimeouts(t *testing.T) {
	tests := []struct {
		name         string
		outer, inner sim.Time // deadlines
		charge       sim.Time // CPU spent inside the inner block before blocking
		innerErr     string   // what the inner block raises
		outerErr     string   // what the outer block raises
		innerExp     bool
		outerExp     bool
		end          sim.Time
	}{
		{"outer first", 2 * sim.Second, 5 * sim.Second, 0,
			"TimeoutCancellationError at 2.000s", "TaskTimeout at 2.000s", false, true, 2 * sim.Second},
		{"inner first", 5 * sim.Second, 2 * sim.Second, 0,
			"TaskTimeout at 2.000s", "<nil>", true, false, 3 * sim.Second},
		{"both at once", 2 * sim.Second, 2 * sim.Second, 0,
			"TimeoutCancellationError at 2.000s", "TaskTimeout at 2.000s", false, true, 2 * sim.Second},
		{"both passed while computing", 3 * sim.Second, 2 * sim.Second, 4 * sim.Second,
			"TimeoutCancellationError at 4.000s", "TaskTimeout at 4.000s", false, true, 4 * sim.Second},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err, _ := run(t, func(t *sim.Task) (any, error) {
				outer := t.TimeoutAt(tc.outer, false)
				inner := t.TimeoutAt(tc.inner, false)
				t.Charge(tc.charge)
				innerErr := inner.Exit(t.Sleep(10 * sim.Second))
				var body error
				if ktCancelled(innerErr, sim.TaskTimeout) != nil {
					body = t.Sleep(sim.Second) // caught the inner timeout: the outer block goes on
				} else {
					body = innerErr
				}
				outerErr := outer.Exit(body)
				got := fmt.Sprintf("%v / %v / %v %v / %v", innerErr, outerErr, inner.Expired, outer.Expired, t.Kernel().Now())
				want := fmt.Sprintf("%s / %s / %v %v / %v", tc.innerErr, tc.outerErr, tc.innerExp, tc.outerExp, tc.end)
				if got != want {
					return nil, fmt.Errorf("inner / outer / expired / end:\n got %s\nwant %s", got, want)
				}
				if _, has := t.Timeout(); has || t.CancelPending() != nil || t.Kernel().Timers() != 0 {
					return nil, errors.New("a deadline outlived its blocks")
				}
				return nil, nil
			})
			must(t, err)
		})
	}
}

// TestTimeoutWhileComputingDeliveredAtNextTrap pins that a deadline that
// passes during CPU work is delivered when the task next blocks, late by
// the overrun recorded in its EvTimer record.
func TestTimeoutWhileComputingDeliveredAtNextTrap(t *testing.T) {
	k, _, err, out := run(t, func(t *sim.Task) (any, error) {
		s := t.TimeoutAfter(2*sim.Second, false)
		t.Charge(3 * sim.Second)
		say(t, "computed past the deadline")
		err := t.Sleep(sim.Second)
		say(t, "sleep: %v", err)
		return nil, s.Exit(err)
	})
	if ktCancelled(err, sim.TaskTimeout) == nil {
		t.Fatalf("Run error %v, want TaskTimeout", err)
	}
	expect(t, out, `
		3.000s main: computed past the deadline
		3.000s main: sleep: TaskTimeout at 3.000s
		`)
	timers := ktRecords(k, sim.EvTimer)
	if len(timers) != 1 || timers[0].State != sim.Ready || sim.Time(timers[0].Val) != sim.Second {
		t.Errorf("timer records %+v, want one timeout record 1s late", timers)
	}
}

// TestTimeoutFiringWhileReadyStaysPending pins that a timeout whose timer
// fires while the task is READY (not blocked) waits for the next blocking
// trap: the Sleep(0) that let it fire still returns normally.
func TestTimeoutFiringWhileReadyStaysPending(t *testing.T) {
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		s := t.TimeoutAfter(2*sim.Second, false)
		t.Charge(3 * sim.Second)
		say(t, "yield: %v", t.Sleep(0))
		say(t, "pending: %v", t.CancelPending())
		t.Charge(sim.Second)
		err := t.Sleep(sim.Second)
		say(t, "sleep: %v", err)
		return nil, s.Exit(err)
	})
	if c := ktCancelled(err, sim.TaskTimeout); c == nil || c.At != 3*sim.Second {
		t.Fatalf("Run error %v, want TaskTimeout at 3s", err)
	}
	expect(t, out, `
		3.000s main: yield: <nil>
		3.000s main: pending: TaskTimeout at 3.000s
		4.000s main: sleep: TaskTimeout at 3.000s
		`)
}

// TestExpiredOuterDeadlineDeliveredAfterInnerExit pins curio's "evil corner
// case": an outer deadline that passed while an inner block ran without
// blocking is raised at the next blocking trap after the inner block exits.
func TestExpiredOuterDeadlineDeliveredAfterInnerExit(t *testing.T) {
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		outer := t.TimeoutAfter(2*sim.Second, false)
		inner := t.TimeoutAfter(10*sim.Second, false)
		t.Charge(3 * sim.Second)
		say(t, "inner exit: %v", inner.Exit(nil))
		err := t.Sleep(sim.Second)
		say(t, "sleep: %v", err)
		err = outer.Exit(err)
		say(t, "outer exit: %v expired=%v", err, outer.Expired)
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		3.000s main: inner exit: <nil>
		3.000s main: sleep: TaskTimeout at 3.000s
		3.000s main: outer exit: TaskTimeout at 3.000s expired=true
		`)
}

// TestUnnoticedTimeoutIsDropped pins that a timeout that fired while the
// task was busy, in a block that then ended normally, is forgotten: it can
// not hit some later, unrelated blocking call.
func TestUnnoticedTimeoutIsDropped(t *testing.T) {
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		s := t.TimeoutAfter(2*sim.Second, false)
		t.Charge(3 * sim.Second)
		t.Sleep(0) // the timer fires now, while the task is READY
		say(t, "exit: %v expired=%v pending=%v", s.Exit(nil), s.Expired, t.CancelPending())
		say(t, "later sleep: %v", t.Sleep(sim.Second))
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		3.000s main: exit: <nil> expired=false pending=<nil>
		4.000s main: later sleep: <nil>
		`)
}

// TestUncaughtTimeout pins UncaughtTimeoutError: a timeout reaching a block
// when no open block's deadline has passed.
func TestUncaughtTimeout(t *testing.T) {
	_, _, err, _ := run(t, func(t *sim.Task) (any, error) {
		t.Sleep(sim.Second)
		s := t.TimeoutAfter(5*sim.Second, false)
		err := s.Exit(&sim.Cancelled{Kind: sim.TaskTimeout, At: sim.Second})
		var ue *sim.UsageError
		if !errors.As(err, &ue) || ue.Python != "UncaughtTimeoutError" || ue.Msg != "Uncaught timeout received" || s.Expired {
			return nil, fmt.Errorf("exit = %#v, expired=%v", err, s.Expired)
		}
		return nil, nil
	})
	must(t, err)
}

// TestTimeoutBlocksDoNotLeakTimers pins that deadlines that are never hit
// leave nothing behind: after many blocks of every kind exit normally, the
// armed timers are back to the baseline and no deadline is in force.
func TestTimeoutBlocksDoNotLeakTimers(t *testing.T) {
	_, _, err, _ := run(t, func(t *sim.Task) (any, error) {
		k := t.Kernel()
		t.Spawn("bystander", func(t *sim.Task) (any, error) { return nil, t.Sleep(sim.Hour) }, true)
		t.Sleep(0)
		base := k.Timers()
		if base != 1 {
			return nil, fmt.Errorf("baseline %d timers, want the bystander's 1", base)
		}
		for i := range 1000 {
			outer := t.TimeoutAfter(sim.Minute, i%2 == 0)
			inner := t.TimeoutAfter(sim.Second, false)
			if err := inner.Exit(t.Sleep(sim.Millisecond)); err != nil {
				return nil, err
			}
			if _, err := t.RunTimeout(k.Now()+sim.Second, true, func() error { return t.Sleep(sim.Millisecond) }); err != nil {
				return nil, err
			}
			if err := outer.Exit(nil); err != nil {
				return nil, err
			}
			if k.Timers() != base {
				return nil, fmt.Errorf("round %d: %d timers armed, want %d", i, k.Timers(), base)
			}
		}
		if _, has := t.Timeout(); has {
			return nil, errors.New("a deadline is still in force")
		}
		return nil, nil
	})
	must(t, err)
}

// TestTimeoutOnJoinThenCancel is the tutorial's parent: it waits for the
// kid with timeout_after(10, kid.join), then cancels it; the kid saves its
// work on the way out.
func TestTimeoutOnJoinThenCancel(t *testing.T) {
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		kid := t.Spawn("kid", func(t *sim.Task) (any, error) {
			say(t, "Building the Millenium Falcon in Minecraft")
			err := t.Sleep(1000 * sim.Second)
			if err != nil {
				say(t, "Fine. Saving my work.")
			}
			return nil, err
		}, false)
		t.Sleep(5 * sim.Second)
		say(t, "Let's go")
		count := t.Spawn("countdown", func(t *sim.Task) (any, error) {
			for n := 3; n > 0; n-- {
				say(t, "T-minus %d", n)
				if err := t.Sleep(sim.Second); err != nil {
					return nil, err
				}
			}
			return nil, nil
		}, false)
		if _, err := t.Join(count); err != nil {
			return nil, err
		}
		say(t, "We're leaving!")
		_, err := t.RunTimeout(t.Kernel().Now()+10*sim.Second, false, func() error {
			_, err := t.Join(kid)
			return err
		})
		if ktCancelled(err, sim.TaskTimeout) == nil {
			return nil, fmt.Errorf("join under timeout: %v", err)
		}
		say(t, "I warned you!")
		if _, err := t.Cancel(kid, true); err != nil {
			return nil, err
		}
		say(t, "Leaving!")
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		0.000s kid: Building the Millenium Falcon in Minecraft
		5.000s main: Let's go
		5.000s countdown: T-minus 3
		6.000s countdown: T-minus 2
		7.000s countdown: T-minus 1
		8.000s main: We're leaving!
		18.000s main: I warned you!
		18.000s kid: Fine. Saving my work.
		18.000s main: Leaving!
		`)
}

// TestCancelPassesThroughTimeoutBlock pins that TaskCancelled leaves a
// timeout block unchanged and disarms the block's deadline: it never fires.
func TestCancelPassesThroughTimeoutBlock(t *testing.T) {
	k, _, err, out := run(t, func(t *sim.Task) (any, error) {
		main := t
		t.Spawn("canceller", func(t *sim.Task) (any, error) {
			t.Sleep(3 * sim.Second)
			_, err := t.Cancel(main, false)
			return nil, err
		}, true)
		s := t.TimeoutAfter(10*sim.Second, false)
		body := t.Sleep(100 * sim.Second)
		err := s.Exit(body)
		c := ktCancelled(err, sim.TaskCancelled)
		say(t, "exit: %v same=%v expired=%v timers=%d", err, c != nil && error(c) == body, s.Expired, t.Kernel().Timers())
		say(t, "later sleep: %v", t.Sleep(20*sim.Second))
		return nil, err
	})
	if ktCancelled(err, sim.TaskCancelled) == nil {
		t.Fatalf("Run error %v, want TaskCancelled", err)
	}
	expect(t, out, `
		3.000s main: exit: TaskCancelled same=true expired=false timers=0
		23.000s main: later sleep: <nil>
		`)
	for _, r := range ktRecords(k, sim.EvTimer) {
		if r.State == sim.Ready {
			t.Errorf("a timeout fired at %v after its block was left", sim.Time(r.T))
		}
	}
}
