package view_test

import (
	"fmt"
	"strings"
	"testing"

	"asyncplay/sim"
	"asyncplay/wasm/view"
)

func dumpObjects(objs []view.ObjectState) string {
	var b strings.Builder
	for _, o := range objs {
		fmt.Fprintf(&b, "%s %s level %d/%d", o.Object.Kind, o.Object.Name, o.Level, o.Object.Cap)
		for _, w := range o.Waiters {
			fmt.Fprintf(&b, " [task %d %s since %s]", w.Task, view.Label(w.State), w.Since)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// The backpressure run's queue: full with the producer waiting to put at
// 3.5s, half full with nobody waiting at 1.5s.
func TestObjectsAtShowsQueueAndWaiters(t *testing.T) {
	tl := view.Build(producerConsumer().Trace())
	for _, c := range []struct {
		t    sim.Time
		want string
	}{
		{3500 * sim.Millisecond, "Queue q level 1/1 [task 2 queue put since 3.000s]\n"},
		{1500 * sim.Millisecond, "Queue q level 1/1\n"},
		{7 * sim.Second, "Queue q level 0/1\n"},
	} {
		if got := dumpObjects(tl.ObjectsAt(c.t)); got != c.want {
			t.Errorf("ObjectsAt(%s) = %q; want %q", c.t, got, c.want)
		}
	}
}

// Three tasks queue for a lock: the panel lists them oldest first, with
// the owner as the lock's level; a joiner is not listed on any object.
func TestObjectsAtOrdersWaitersByArrival(t *testing.T) {
	k := sim.New()
	k.Run("main", func(t *sim.Task) (any, error) {
		lock := t.Kernel().NewLock("db")
		var kids []*sim.Task
		for i := range 3 {
			kids = append(kids, t.Spawn(fmt.Sprint("w", i), func(t *sim.Task) (any, error) {
				t.Sleep(sim.Time(i) * sim.Second)
				if err := lock.Acquire(t); err != nil {
					return nil, err
				}
				t.Sleep(10 * sim.Second)
				return nil, lock.Release(t)
			}, false))
		}
		for _, kid := range kids {
			if _, err := t.Join(kid); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	tl := view.Build(k.Trace())
	want := "Lock db level 2/0 [task 3 lock since 1.000s] [task 4 lock since 2.000s]\n"
	if got := dumpObjects(tl.ObjectsAt(5 * sim.Second)); got != want {
		t.Errorf("at 5s: %q; want %q", got, want)
	}
	want = "Lock db level 3/0 [task 4 lock since 2.000s]\n"
	if got := dumpObjects(tl.ObjectsAt(15 * sim.Second)); got != want {
		t.Errorf("at 15s: %q; want %q", got, want)
	}
	if got := tl.ObjectsAt(-1); len(got) != 0 {
		t.Errorf("objects before the run: %v", got)
	}
}
