package sim_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"asyncplay/sim"
)

// TestMonitorReplayMatchesLive checks that the rows `ps` replays from the
// trace equal the kernel's own rows at the same moment, across tasks that
// sleep, wait on a queue, join, hold a deadline and are READY.
func TestMonitorReplayMatchesLive(t *testing.T) {
	type snap struct {
		seq  int
		rows []sim.TaskRow
	}
	var snaps []snap
	k, _, err, _ := run(t, func(t *sim.Task) (any, error) {
		k := t.Kernel()
		look := func() { snaps = append(snaps, snap{k.Trace().Len(), k.Rows()}) }
		q := k.NewQueue("jobs", sim.FIFO, 1)
		getter := t.Spawn("getter", func(t *sim.Task) (any, error) {
			_, err := q.Get(t)
			return nil, err
		}, false)
		sleeper := t.Spawn("sleeper", func(t *sim.Task) (any, error) {
			return nil, t.Sleep(3 * sim.Second)
		}, false)
		look() // both children READY, never run
		s := t.TimeoutAfter(10*sim.Second, false)
		if err := s.Exit(t.Sleep(sim.Second)); err != nil {
			return nil, err
		}
		look() // getter in QUEUE_GET, sleeper in TIME_SLEEP with 2s left
		waiter := t.Spawn("waiter", func(t *sim.Task) (any, error) {
			_, err := t.Join(sleeper)
			return nil, err
		}, false)
		t.Sleep(0)
		look() // waiter in TASK_JOIN
		q.Put(t, "job")
		look() // getter READY again
		_, err := t.Join(waiter)
		look()
		_, err2 := t.Join(getter)
		return nil, firstErr(err, err2)
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range snaps {
		replayed := k.Trace().Rows(s.seq)
		if !reflect.DeepEqual(replayed, s.rows) {
			t.Errorf("snapshot %d: replayed rows\n%+v\nlive rows\n%+v", i, replayed, s.rows)
		}
	}
	if len(snaps) != 5 {
		t.Fatalf("took %d snapshots, want 5", len(snaps))
	}
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// TestMonitorPSAtTimes pins curio's columns, remaining times and states at
// several moments of the tutorial's parent and kid.
func TestMonitorPSAtTimes(t *testing.T) {
	k, _, _, _ := run(t, parentKidMain)
	tr := k.Trace()
	cases := []struct {
		at   sim.Time
		want string
	}{
		{0, `
			Task   State        Cycles     Timeout Sleep   Task
			------ ------------ ---------- ------- ------- --------------------------------------------------
			1      TIME_SLEEP   1          None    5.00000 main
			2      TIME_SLEEP   1          None    1000.00 kid
			`},
		{6 * sim.Second, `
			Task   State        Cycles     Timeout Sleep   Task
			------ ------------ ---------- ------- ------- --------------------------------------------------
			1      TASK_JOIN    2          None    None    main
			2      TIME_SLEEP   1          None    994.000 kid
			3      TIME_SLEEP   2          None    1.00000 countdown
			`},
		{12 * sim.Second, `
			Task   State        Cycles     Timeout Sleep   Task
			------ ------------ ---------- ------- ------- --------------------------------------------------
			1      TASK_JOIN    3          6.00000 None    main
			2      TIME_SLEEP   1          None    988.000 kid
			`},
		{18 * sim.Second, `
			Task   State        Cycles     Timeout Sleep   Task
			------ ------------ ---------- ------- ------- --------------------------------------------------
			`},
	}
	for _, c := range cases {
		if got := tr.PS(c.at); got != dedent(c.want) {
			t.Errorf("ps at %s:\n%s\nwant:\n%s", c.at, got, dedent(c.want))
		}
	}
}

// TestMonitorWhere shows a task's stack with source lines, live and
// replayed, in curio's format.
func TestMonitorWhere(t *testing.T) {
	source := func(file string, line int) string { return fmt.Sprintf("    <%s line %d>  ", file, line) }
	var live string
	k, _, _, _ := run(t, func(t *sim.Task) (any, error) {
		kid := t.Spawn("kid", func(t *sim.Task) (any, error) { return nil, t.Sleep(sim.Second) }, false)
		t.Sleep(0)
		live = t.Kernel().Where(kid.ID(), source)
		_, err := t.Join(kid)
		return nil, err
	})
	replayed := k.Trace().Where(2, 500*sim.Millisecond, source)
	for _, got := range []string{live, replayed} {
		lines := strings.Split(got, "\n")
		if lines[0] != "Stack for Task(id=2, name='kid', state='TIME_SLEEP') (most recent call last):" {
			t.Errorf("header: %q", lines[0])
		}
		if !strings.HasPrefix(lines[1], `  File "monitor_test.go", line `) || !strings.Contains(lines[1], ", in sim_test.TestMonitorWhere.func") {
			t.Errorf("frame: %q", lines[1])
		}
		if !strings.HasPrefix(lines[2], "    <monitor_test.go line ") || !strings.HasSuffix(lines[2], ">") {
			t.Errorf("source line: %q", lines[2])
		}
	}
	if live != replayed {
		t.Errorf("live where\n%s\ndiffers from replayed\n%s", live, replayed)
	}
	if got := k.Trace().Where(9, 0, nil); got != "No task 9\n" {
		t.Errorf("unknown task: %q", got)
	}
}

// TestMonitorPSAtADeadlock: at the end of a run the kernel stopped, ps
// lists the tasks as they stood when it stopped, not as it unwound them.
func TestMonitorPSAtADeadlock(t *testing.T) {
	k := sim.New()
	k.Run("main", func(task *sim.Task) (any, error) {
		ev := k.NewEvent("never")
		w := task.Spawn("waiter", func(w *sim.Task) (any, error) { return nil, ev.Wait(w) }, false)
		return task.Join(w)
	})
	want := dedent(`
		Task   State        Cycles     Timeout Sleep   Task
		------ ------------ ---------- ------- ------- --------------------------------------------------
		1      TASK_JOIN    1          None    None    main
		2      EVENT_WAIT   1          None    None    waiter
		`)
	if got := k.Trace().PS(k.Now()); got != want {
		t.Errorf("ps at the deadlock:\n%s\nwant:\n%s", got, want)
	}
}
