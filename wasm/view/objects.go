package view

import (
	"sort"

	"asyncplay/sim"
)

// ObjectState is one kernel object at a moment, as its panel shows it: a
// queue's items against its slots, a lock's owner, a semaphore's value,
// and the tasks waiting on it in the order they began to wait.
type ObjectState struct {
	Object sim.ObjectInfo
	Level  int64 // the gauge: items, value, flag, owner task id, unread tasks
	// Waiters are the tasks blocked on the object, oldest first. For a
	// queue, Getters wait for an item and Putters for a free slot.
	Waiters []Waiter
}

// Waiter is a task blocked on an object.
type Waiter struct {
	Task  int
	State sim.State // which wait: QUEUE_GET, QUEUE_PUT, LOCK_ACQUIRE, ...
	Since sim.Time
}

// ObjectsAt is every object that exists at time t, by id, with who waits
// on it then.
func (tl *Timeline) ObjectsAt(t sim.Time) []ObjectState {
	var out []ObjectState
	index := map[int]int{} // object id -> position in out
	for _, g := range tl.Gauges {
		if g == nil || g.Samples[0].T > t {
			continue
		}
		level, _ := tl.ValueAt(g.Object.ID, t)
		index[g.Object.ID] = len(out)
		out = append(out, ObjectState{Object: g.Object, Level: level})
	}
	for _, lane := range tl.Lanes {
		seg, ok := tl.StateAt(lane.Task.ID, t)
		if !ok || !seg.State.Blocked() || seg.On <= 0 {
			continue // not waiting, asleep, or on a task (a join)
		}
		if seg.State == sim.TaskJoin {
			continue // On is a task id, not an object
		}
		if i, ok := index[seg.On]; ok {
			out[i].Waiters = append(out[i].Waiters, Waiter{Task: lane.Task.ID, State: seg.State, Since: seg.Start})
		}
	}
	for i := range out {
		w := out[i].Waiters
		sort.SliceStable(w, func(a, b int) bool { return w[a].Since < w[b].Since })
	}
	return out
}
