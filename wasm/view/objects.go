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
	// Pipe is a socket's way to its peer at the moment, nil for other
	// objects.
	Pipe *PipeState
}

// PipeState is a connection's one direction at a moment: the bytes in
// this socket's send buffer, on the wire, and in the peer's receive
// buffer, each against its capacity.
type PipeState struct {
	Listening        bool
	Connected        bool
	User             int64 // held by the program's library above the send buffer
	HasUser          bool  // the library ever held any: the view draws its box
	Send, SndCap     int64
	Flight           int64
	PeerRecv, RcvCap int64 // the peer's receive buffer
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
		out = append(out, ObjectState{Object: g.Object, Level: level, Pipe: tl.pipeAt(g.Object.ID, t)})
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

// pipeAt is socket id's outgoing pipe at time t.
func (tl *Timeline) pipeAt(id int, t sim.Time) *PipeState {
	if id < 1 || id > len(tl.Pipes) || tl.Pipes[id-1] == nil {
		return nil
	}
	p := tl.Pipes[id-1]
	ps := &PipeState{Listening: p.Listen, Send: at(p.Send, t), User: at(p.User, t), HasUser: len(p.User) > 1,
		SndCap: p.SndCap, Flight: at(p.Flight, t)}
	if p.Peer > 0 && p.Peer <= len(tl.Pipes) && tl.Pipes[p.Peer-1] != nil {
		peer := tl.Pipes[p.Peer-1]
		if p.Since >= 0 && p.Since <= t {
			ps.Connected = true
			ps.PeerRecv, ps.RcvCap = at(peer.Recv, t), peer.RcvCap
		}
	}
	return ps
}
