package sim_test

import (
	"errors"
	"fmt"
	"testing"

	"asyncplay/sim"
)

// ktMember sleeps d, then returns (result, err); if cancelled it says so
// and lets the cancellation through.
func ktMember(d sim.Time, result any, err error) sim.TaskFunc {
	return func(t *sim.Task) (any, error) {
		if cerr := t.Sleep(d); cerr != nil {
			say(t, "cancelled")
			return nil, cerr
		}
		return result, err
	}
}

// TestGroupMembership pins Spawn and AddTask: members are recorded in the
// trace, listed in spawn order while running, and a closed group or a task
// already in a group is refused with curio's RuntimeError.
func TestGroupMembership(t *testing.T) {
	k, _, err, _ := run(t, func(t *sim.Task) (any, error) {
		k := t.Kernel()
		g := k.NewTaskGroup("g", sim.WaitAll)
		a, _ := g.Spawn(t, "a", ktMember(2*sim.Second, "a", nil))
		b, _ := g.Spawn(t, "b", ktMember(sim.Second, "b", nil))
		done := t.Spawn("done", func(t *sim.Task) (any, error) { return "done", nil }, false)
		t.Sleep(0)
		if err := g.AddTask(done); err != nil {
			return nil, err
		}
		if g.Running() != 2 || g.Held() != 1 || fmt.Sprint(g.Tasks()) != fmt.Sprint([]*sim.Task{a, b}) {
			return nil, fmt.Errorf("running=%d held=%d tasks=%v", g.Running(), g.Held(), g.Tasks())
		}
		other := k.NewTaskGroup("other", sim.WaitAll)
		if err := other.AddTask(a); !ktRuntimeError(err, "Task is already part of a group") {
			return nil, fmt.Errorf("adding a member of another group: %v", err)
		}
		if err := g.Join(t); err != nil {
			return nil, err
		}
		if _, err := g.Spawn(t, "late", ktMember(0, nil, nil)); !ktRuntimeError(err, "Task group is closed") {
			return nil, fmt.Errorf("spawn after join: %v", err)
		}
		if err := g.AddTask(t.Spawn("late", ktMember(0, nil, nil), true)); !ktRuntimeError(err, "Task group is closed") {
			return nil, fmt.Errorf("add after join: %v", err)
		}
		return g.ID(), nil
	})
	must(t, err)
	for _, id := range []int{2, 3, 4} {
		if info, _ := k.Trace().Task(id); info.Group != 1 {
			t.Errorf("task %d (%s) recorded in group %d, want 1", id, info.Name, info.Group)
		}
	}
}

// TestGroupNextDoneInCompletionOrder pins NextDone: members come back in
// the order they finish (waiting when none has), then nil at once.
func TestGroupNextDoneInCompletionOrder(t *testing.T) {
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		g := t.Kernel().NewTaskGroup("g", sim.WaitAll)
		g.Spawn(t, "slow", ktMember(3*sim.Second, 3, nil))
		g.Spawn(t, "fast", ktMember(sim.Second, 1, nil))
		g.Spawn(t, "mid", ktMember(2*sim.Second, 2, nil))
		for {
			task, err := g.NextDone(t)
			if err != nil {
				return nil, err
			}
			if task == nil {
				say(t, "no more")
				return nil, nil
			}
			say(t, "%s done: %v joined=%v", task.Name(), task.Result(), task.Joined())
		}
	})
	must(t, err)
	expect(t, out, `
		1.000s main: fast done: 1 joined=true
		2.000s main: mid done: 2 joined=true
		3.000s main: slow done: 3 joined=true
		3.000s main: no more
		`) // every member was taken: no "never joined" warning
}

// TestGroupNextResult pins NextResult: the next result in completion
// order, a TaskError for a failed member, RuntimeError once empty.
func TestGroupNextResult(t *testing.T) {
	boom := errors.New("boom")
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		g := t.Kernel().NewTaskGroup("g", sim.WaitAll)
		g.Spawn(t, "bad", ktMember(2*sim.Second, nil, boom))
		g.Spawn(t, "good", ktMember(sim.Second, "ok", nil))
		for range 3 {
			v, err := g.NextResult(t)
			var te *sim.TaskError
			if errors.As(err, &te) {
				say(t, "error from %s: %v", te.Name, te.Cause)
				continue
			}
			say(t, "result %v, %v", v, err)
		}
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		1.000s main: result ok, <nil>
		2.000s main: error from bad: boom
		2.000s main: result <nil>, No task available
		`)
}

// TestGroupJoinPolicies pins what Join waits for under each policy, that it
// cancels the rest in spawn order, and what Completed, Result, Results and
// Exceptions report afterwards.
func TestGroupJoinPolicies(t *testing.T) {
	tests := []struct {
		name      string
		policy    sim.WaitPolicy
		completed string
		result    string
		results   string
		want      string
	}{
		{"all", sim.WaitAll, "b", "<nil> <nil>", "[a <nil> c] <nil>", `
			3.000s main: joined: <nil>
			`},
		{"any", sim.WaitAny, "b", "<nil> <nil>", "[<nil>] <nil>", `
			1.000s a: cancelled
			1.000s c: cancelled
			1.000s main: joined: <nil>
			`},
		{"object", sim.WaitObject, "c", "c <nil>", "[<nil> c] <nil>", `
			2.000s a: cancelled
			2.000s main: joined: <nil>
			`},
		{"none", sim.WaitNone, "<nil>", "<nil> No task successfully completed", "[] <nil>", `
			0.000s a: cancelled
			0.000s b: cancelled
			0.000s c: cancelled
			0.000s main: joined: <nil>
			`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var g *sim.TaskGroup
			_, _, err, out := run(t, func(t *sim.Task) (any, error) {
				g = t.Kernel().NewTaskGroup("g", tc.policy)
				g.Spawn(t, "a", ktMember(3*sim.Second, "a", nil))
				g.Spawn(t, "b", ktMember(sim.Second, nil, nil)) // returns None
				g.Spawn(t, "c", ktMember(2*sim.Second, "c", nil))
				if _, err := g.Result(); !ktRuntimeError(err, "Task group not yet terminated") {
					return nil, fmt.Errorf("Result before join: %v", err)
				}
				if _, err := g.Results(); !ktRuntimeError(err, "Task group not yet terminated") {
					return nil, fmt.Errorf("Results before join: %v", err)
				}
				say(t, "joined: %v", g.Join(t))
				if g.Running() != 0 {
					return nil, fmt.Errorf("%d members still running after Join", g.Running())
				}
				return nil, nil
			})
			must(t, err)
			expect(t, out, tc.want)
			completed := "<nil>"
			if c := g.Completed(); c != nil {
				completed = c.Name()
			}
			v, rerr := g.Result()
			vs, rserr := g.Results()
			got := fmt.Sprintf("%s / %v %v / %v %v / %v", completed, v, rerr, vs, rserr, g.Exceptions())
			nils := make([]error, len(vs))
			want := fmt.Sprintf("%s / %s / %s / %v", tc.completed, tc.result, tc.results, nils)
			if got != want {
				t.Errorf("completed / result / results / exceptions:\n got %s\nwant %s", got, want)
			}
		})
	}
}

// TestGroupCrashCancelsRest pins that a crashing member stops Join: the
// rest are cancelled and Join returns a TaskError caused by the crash.
func TestGroupCrashCancelsRest(t *testing.T) {
	boom := errors.New("boom")
	var g *sim.TaskGroup
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		g = t.Kernel().NewTaskGroup("g", sim.WaitAll)
		g.Spawn(t, "quick", ktMember(sim.Second/2, "q", nil))
		g.Spawn(t, "crasher", ktMember(sim.Second, nil, boom))
		g.Spawn(t, "slow", ktStubborn(sim.Second))
		err := g.Join(t)
		var te *sim.TaskError
		if !errors.As(err, &te) || te.Name != "crasher" || te.TaskID != 3 || !errors.Is(err, boom) {
			return nil, fmt.Errorf("Join = %#v, want TaskError from crasher", err)
		}
		say(t, "join: %v (%v)", err, te.Cause)
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		0.000s slow: playing
		1.000s slow: cancelled, cleaning up
		2.000s slow: clean
		2.000s main: join: Task crash (boom)
		`)
	if _, err := g.Results(); !errors.Is(err, boom) {
		t.Errorf("Results error %v, want the crash", err)
	}
	if got := fmt.Sprint(g.Exceptions()); got != "[<nil> boom]" {
		t.Errorf("Exceptions %s, want [<nil> boom] (spawn order)", got)
	}
	if v, err := g.Result(); v != "q" || err != nil || g.Exception() != nil {
		t.Errorf("Result = %v, %v (exception %v); want the first to finish, q", v, err, g.Exception())
	}
}

// TestGroupFriendsGoHome is the tutorial's task group: when the kid is
// cancelled its block fails, and its friends go home in spawn order.
func TestGroupFriendsGoHome(t *testing.T) {
	friend := func(t *sim.Task) (any, error) {
		say(t, "Hi, my name is %s", t.Name())
		say(t, "Playing Minecraft")
		err := t.Sleep(1000 * sim.Second)
		if err != nil {
			say(t, "%s going home", t.Name())
		}
		return nil, err
	}
	var bodyErr, exitErr error
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		kid := t.Spawn("kid", func(t *sim.Task) (any, error) {
			say(t, "Building the Millenium Falcon in Minecraft")
			g := t.Kernel().NewTaskGroup("friends", sim.WaitAll)
			for _, name := range []string{"Max", "Lillian", "Thomas"} {
				if _, err := g.Spawn(t, name, friend); err != nil {
					return nil, err
				}
			}
			bodyErr = t.Sleep(1000 * sim.Second)
			if bodyErr != nil {
				say(t, "Fine. Saving my work.")
			}
			exitErr = g.Exit(t, bodyErr)
			return nil, exitErr
		}, false)
		t.Sleep(5 * sim.Second)
		say(t, "Let's go")
		_, err := t.RunTimeout(t.Kernel().Now()+10*sim.Second, false, func() error {
			_, err := t.Join(kid)
			return err
		})
		if ktCancelled(err, sim.TaskTimeout) == nil {
			return nil, fmt.Errorf("join under timeout: %v", err)
		}
		say(t, "I warned you!")
		t.Cancel(kid, true)
		say(t, "Leaving!")
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		0.000s kid: Building the Millenium Falcon in Minecraft
		0.000s Max: Hi, my name is Max
		0.000s Max: Playing Minecraft
		0.000s Lillian: Hi, my name is Lillian
		0.000s Lillian: Playing Minecraft
		0.000s Thomas: Hi, my name is Thomas
		0.000s Thomas: Playing Minecraft
		5.000s main: Let's go
		15.000s main: I warned you!
		15.000s kid: Fine. Saving my work.
		15.000s Max: Max going home
		15.000s Lillian: Lillian going home
		15.000s Thomas: Thomas going home
		15.000s main: Leaving!
		`)
	if exitErr != bodyErr || ktCancelled(exitErr, sim.TaskCancelled) == nil {
		t.Errorf("Exit returned %v, want the body's own TaskCancelled %v", exitErr, bodyErr)
	}
}

// TestGroupJoinCancelledUnwindsInOrder pins that cancelling a task waiting
// in Join cancels the members one by one in spawn order, each finishing its
// (blocking) cleanup first, before the task and then its canceller go on.
func TestGroupJoinCancelledUnwindsInOrder(t *testing.T) {
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		kid := t.Spawn("kid", func(t *sim.Task) (any, error) {
			g := t.Kernel().NewTaskGroup("g", sim.WaitAll)
			g.Spawn(t, "a", ktStubborn(sim.Second))
			g.Spawn(t, "b", ktStubborn(sim.Second))
			err := g.Join(t)
			say(t, "join: %v", err)
			return nil, err
		}, false)
		t.Sleep(5 * sim.Second)
		t.Cancel(kid, true)
		say(t, "kid gone")
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		0.000s a: playing
		0.000s b: playing
		5.000s a: cancelled, cleaning up
		6.000s a: clean
		6.000s b: cancelled, cleaning up
		7.000s b: clean
		7.000s kid: join: TaskCancelled
		7.000s main: kid gone
		`)
}

// TestGroupJoinerCancelledWhileMemberCleansUp pins that a task cancelled
// while Join waits for a member's cleanup still waits for it and cancels
// the rest before it leaves: no member outlives the group's block.
func TestGroupJoinerCancelledWhileMemberCleansUp(t *testing.T) {
	for _, exit := range []bool{false, true} {
		name := map[bool]string{false: "Join", true: "Exit with body error"}[exit]
		t.Run(name, func(t *testing.T) {
			_, _, err, out := run(t, func(t *sim.Task) (any, error) {
				kid := t.Spawn("kid", func(t *sim.Task) (any, error) {
					g := t.Kernel().NewTaskGroup("g", sim.WaitAny)
					g.Spawn(t, "a", ktMember(sim.Second, "a", nil))
					g.Spawn(t, "b", ktStubborn(2*sim.Second))
					g.Spawn(t, "c", ktStubborn(2*sim.Second))
					var err error
					if exit {
						t.Sleep(sim.Second)
						err = g.Exit(t, errors.New("body failed"))
					} else {
						err = g.Join(t)
					}
					say(t, "left the group: %v, %d running", err, g.Running())
					return nil, err
				}, false)
				t.Sleep(2 * sim.Second)
				say(t, "cancelling kid")
				t.Cancel(kid, true)
				say(t, "kid gone")
				return nil, nil
			})
			must(t, err)
			// Python's __aexit__: an exception raised while cleaning up
			// replaces the body's, so Exit raises the cancellation too.
			expect(t, out, `
				0.000s b: playing
				0.000s c: playing
				1.000s b: cancelled, cleaning up
				2.000s main: cancelling kid
				3.000s b: clean
				3.000s c: cancelled, cleaning up
				5.000s c: clean
				5.000s kid: left the group: TaskCancelled, 0 running
				5.000s main: kid gone
				`)
		})
	}
}

// TestGroupReleasesOldestSuccessfulTasks pins the memory rule: a group
// nobody reads keeps at most GroupKeep successful finished tasks, releasing
// the oldest (counted, and recorded in the trace) as new ones finish.
func TestGroupReleasesOldestSuccessfulTasks(t *testing.T) {
	var g *sim.TaskGroup
	k, _, err, out := run(t, func(t *sim.Task) (any, error) {
		g = t.Kernel().NewTaskGroup("pool", sim.WaitAll)
		for i := 1; i <= 6; i++ {
			g.Spawn(t, fmt.Sprint("m", i), ktMember(sim.Time(i)*sim.Second, i, nil))
		}
		return nil, t.Sleep(10 * sim.Second)
	}, sim.WithLimits(sim.Limits{GroupKeep: 3}))
	must(t, err)
	if g.Released() != 3 || g.Held() != 3 {
		t.Errorf("released %d, held %d; want 3 and 3", g.Released(), g.Held())
	}
	var released, held, running []int64
	for _, r := range ktRecords(k, sim.EvRelease) {
		if int(r.Obj) != g.ID() {
			t.Errorf("release record for object %d, want %d", r.Obj, g.ID())
		}
		released = append(released, int64(r.Task))
	}
	for _, r := range ktRecords(k, sim.EvGroup) {
		held, running = append(held, r.Val), append(running, int64(r.Aux))
	}
	want := "released [2 3 4] held [0 0 0 0 0 0 1 2 3 3 3 3] running [1 2 3 4 5 6 5 4 3 2 1 0]"
	if got := fmt.Sprintf("released %v held %v running %v", released, held, running); got != want {
		t.Errorf("trace:\n got %s\nwant %s", got, want)
	}
	// As in curio, a group answers for its members: no "never joined"
	// warnings, though three were never read.
	expect(t, out, ``)
}

// TestGroupNeverReleasesFailedTasks pins that failed members are held
// until read, however many successful ones are released around them.
func TestGroupNeverReleasesFailedTasks(t *testing.T) {
	boom := errors.New("boom")
	var g *sim.TaskGroup
	k, _, err, out := run(t, func(t *sim.Task) (any, error) {
		g = t.Kernel().NewTaskGroup("pool", sim.WaitAll)
		g.Spawn(t, "bad1", ktMember(1*sim.Second, nil, boom))
		g.Spawn(t, "ok1", ktMember(2*sim.Second, 1, nil))
		g.Spawn(t, "bad2", ktMember(3*sim.Second, nil, boom))
		g.Spawn(t, "ok2", ktMember(4*sim.Second, 2, nil))
		g.Spawn(t, "ok3", ktMember(5*sim.Second, 3, nil))
		t.Sleep(10 * sim.Second)
		say(t, "released %d, held %d", g.Released(), g.Held())
		for {
			task, err := g.NextDone(t)
			if task == nil || err != nil {
				return nil, err
			}
			say(t, "%s: %v %v", task.Name(), task.Result(), task.Err())
		}
	}, sim.WithLimits(sim.Limits{GroupKeep: 1}))
	must(t, err)
	expect(t, out, `
		10.000s main: released 2, held 3
		10.000s main: bad1: <nil> boom
		10.000s main: bad2: <nil> boom
		10.000s main: ok3: 3 <nil>
		`)
	var released []int32
	for _, r := range ktRecords(k, sim.EvRelease) {
		released = append(released, r.Task)
	}
	if fmt.Sprint(released) != "[3 5]" {
		t.Errorf("released tasks %v, want ok1 and ok2 [3 5]", released)
	}
}

// TestGroupWaitIsDescribed pins that a task waiting on a group (NextDone,
// Join) is reported as waiting on that group, as waits on objects are.
func TestGroupWaitIsDescribed(t *testing.T) {
	_, _, err, _ := run(t, func(t *sim.Task) (any, error) {
		ev := t.Kernel().NewEvent("never")
		g := t.Kernel().NewTaskGroup("crew", sim.WaitAll)
		g.Spawn(t, "m", func(t *sim.Task) (any, error) { return nil, ev.Wait(t) })
		return nil, g.Join(t)
	})
	var de *sim.DeadlockError
	if !errors.As(err, &de) || len(de.Tasks) != 2 || de.Tasks[0].On != "TaskGroup#2 'crew'" {
		t.Fatalf("Run error %v, want a deadlock with main waiting on TaskGroup#2 'crew'", err)
	}
}

// ktRuntimeError reports whether err is curio's RuntimeError with msg.
func ktRuntimeError(err error, msg string) bool {
	var ue *sim.UsageError
	return errors.As(err, &ue) && ue.Python == "RuntimeError" && ue.Msg == msg
}
