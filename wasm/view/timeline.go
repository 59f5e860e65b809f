// Package view turns a run's trace into what the page draws, in plain Go
// that tests can check without a GPU: a Timeline of each task's states
// over virtual time, each object's gauge, and the links between tasks
// (spawns, wake-ups, cancellations), each connection's pipe of buffers.
// [Timeline.Layout] then places them in a viewport as pixel rectangles
// and arrows. [Timeline.Measure] sums a run up in the numbers a lesson's
// exercise checks ([ParseCheck]) and a comparison shows. Drawing (ebiten) lives
// elsewhere and only reads a [Frame]. Following DESIGN's one rule, nothing here runs code:
// everything is derived from the trace, and any moment of the run can be
// asked for without re-running it.
package view

import (
	"cmp"
	"slices"
	"sort"

	"asyncplay/sim"
)

// Segment is a stretch of a task's lane in one state.
type Segment struct {
	Start, End sim.Time // End is the run's end for the last segment
	State      sim.State
	On         int   // what a blocked task waits on: an object id, a task id for TASK_JOIN, minus a group's id
	Loc        int32 // where it blocked (see sim.Trace.Stack); 0 if unknown
	Seq        int   // the record that began it
}

// Lane is one task over the run.
type Lane struct {
	Task     sim.TaskInfo
	Segments []Segment
	Born     sim.Time
	Ended    bool
	Outcome  sim.Outcome
	EndedAt  sim.Time
}

// Sample is one value of an object's gauge, from time T on.
type Sample struct {
	T     sim.Time
	Value int64
	Seq   int
}

// Gauge is an object's level over the run: a queue's size, a semaphore's
// value, an event's flag, a lock's owner, a group's held tasks.
type Gauge struct {
	Object  sim.ObjectInfo
	Samples []Sample
	peak    int64
	peaked  int // samples Peak has looked at: it is asked every frame
}

// LinkKind says what a link between two tasks means.
type LinkKind uint8

const (
	Spawned   LinkKind = iota // From spawned To
	Woke                      // From's action made To ready (a put waking a getter)
	Cancelled                 // From asked To to cancel (From 0: the kernel)
)

// Link joins two lanes at a moment.
type Link struct {
	Kind     LinkKind
	From, To int
	T        sim.Time
	Seq      int
}

// LateShown is the least lateness the view flags. Every operation costs
// the kernel a little virtual CPU time, so a timer can be a fraction of a
// microsecond late with no task to blame; a flag for that would read as a
// problem. The measures still count every lateness.
const LateShown = 100 * sim.Microsecond

// Late is a timer that fired late: task Task's sleep or timeout was due
// By before T, when the kernel got the CPU back.
type Late struct {
	T    sim.Time
	Task int
	By   sim.Time
	Seq  int
}

// Pipe is one socket's outgoing side of a connection over the run. Its
// gauge is what the program wrote that the network has not taken: the
// send buffer plus what a library holds above it (asyncio's transport
// buffer). Here are those two apart, the bytes in flight towards its peer
// and its own receive buffer, so the view can draw the way from one
// program's write to the other's read.
type Pipe struct {
	Send   []Sample
	User   []Sample
	Peer   int      // the socket at the other end (object id), 0 if none yet
	Since  sim.Time // when the connection was made, -1 if never
	Flight []Sample
	Recv   []Sample
	SndCap int64
	RcvCap int64
	Listen bool
	send   int64 // the levels as Build goes, for the gauge's sum
	user   int64
}

// Timeline is the whole run as the page draws it.
type Timeline struct {
	Lanes  []*Lane  // by task id: Lanes[i].Task.ID == i+1
	Gauges []*Gauge // by object id
	Pipes  []*Pipe  // by object id, nil for what is not a socket
	Links  []Link
	End    sim.Time // time of the last record
	// Exit is when the program exited (the trace's exit record), -1 if it
	// did not: the run is stopped, or still going. The world may go on
	// after it (see sim's "After the program exits"), so End can be later.
	Exit  sim.Time
	trace *sim.Trace
	// Late are the timers that fired late, because a task held the CPU
	// past their time, in time order.
	Late  []Late
	plots *plotChoice // PlotsOf's choice, made once
	// cpu is every stretch of time some task ran, in time order: one CPU,
	// so they never overlap. Layout's kernel row reads it; cpuBusy[i] is
	// the time the first i stretches took.
	cpu     []Segment
	cpuBusy []sim.Time
}

// Build derives the timeline from a trace.
func Build(tr *sim.Trace) *Timeline {
	tl := &Timeline{trace: tr, Exit: -1}
	running := 0 // the task whose code runs now, 0 between tasks
	for i, r := range tr.Records() {
		tl.End = r.T
		switch r.Kind {
		case sim.EvExit:
			tl.Exit = r.T
		case sim.EvSpawn:
			info, _ := tr.Task(int(r.Task))
			tl.Lanes = append(tl.Lanes, &Lane{Task: info, Born: r.T})
			if r.Obj != 0 {
				tl.Links = append(tl.Links, Link{Kind: Spawned, From: int(r.Obj), To: int(r.Task), T: r.T, Seq: i})
			}
		case sim.EvState:
			lane := tl.lane(r.Task)
			if lane == nil {
				continue
			}
			born := len(lane.Segments) == 0 // first Ready comes from the spawn, not a wake-up
			if !born {
				lane.Segments[len(lane.Segments)-1].End = r.T
			}
			seg := Segment{Start: r.T, End: -1, State: r.State, Seq: i}
			if r.State.Blocked() {
				seg.On, seg.Loc = int(r.Obj), r.Aux
			}
			lane.Segments = append(lane.Segments, seg)
			switch {
			case r.State == sim.Running:
				running = int(r.Task)
			case r.State == sim.Ready && !born && running != 0 && running != int(r.Task):
				if !tl.justCancelled(running, int(r.Task), r.T) {
					tl.Links = append(tl.Links, Link{Kind: Woke, From: running, To: int(r.Task), T: r.T, Seq: i})
				}
			case int(r.Task) == running:
				running = 0 // it blocked: the kernel runs next
			}
		case sim.EvDone:
			lane := tl.lane(r.Task)
			if lane == nil {
				continue
			}
			if n := len(lane.Segments); n > 0 {
				lane.Segments[n-1].End = r.T
			}
			lane.Ended, lane.Outcome, lane.EndedAt = true, sim.Outcome(r.Val), r.T
			if int(r.Task) == running {
				running = 0
			}
		case sim.EvCancel:
			tl.Links = append(tl.Links, Link{Kind: Cancelled, From: int(r.Obj), To: int(r.Task), T: r.T, Seq: i})
		case sim.EvObject:
			info, _ := tr.Object(int(r.Obj))
			for len(tl.Gauges) < int(r.Obj) {
				tl.Gauges = append(tl.Gauges, nil)
			}
			tl.Gauges[r.Obj-1] = &Gauge{Object: info, Samples: []Sample{{T: r.T, Value: initial(info), Seq: i}}}
			if info.Kind == "socket" {
				for len(tl.Pipes) < int(r.Obj) {
					tl.Pipes = append(tl.Pipes, nil)
				}
				zero := []Sample{{T: r.T, Seq: i}}
				tl.Pipes[r.Obj-1] = &Pipe{Since: -1, SndCap: int64(info.Cap), Send: zero, User: slices.Clone(zero),
					Flight: slices.Clone(zero), Recv: slices.Clone(zero)}
			}
		case sim.EvNet:
			tl.net(r, i)
		case sim.EvTimer:
			if r.Val > 0 {
				tl.Late = append(tl.Late, Late{T: r.T, Task: int(r.Task), By: sim.Time(r.Val), Seq: i})
			}
		case sim.EvQueue, sim.EvSema, sim.EvFlag, sim.EvLock, sim.EvGroup:
			if g := tl.gauge(r.Obj); g != nil {
				g.Samples = append(g.Samples, Sample{T: r.T, Value: r.Val, Seq: i})
			}
		}
	}
	for _, lane := range tl.Lanes {
		if n := len(lane.Segments); n > 0 && lane.Segments[n-1].End < 0 {
			lane.Segments[n-1].End = tl.End
		}
	}
	for _, lane := range tl.Lanes {
		for _, seg := range lane.Segments {
			if seg.State == sim.Running && seg.End > seg.Start {
				seg.On = lane.Task.ID // here: which task ran
				tl.cpu = append(tl.cpu, seg)
			}
		}
	}
	slices.SortFunc(tl.cpu, func(a, b Segment) int { return cmp.Compare(a.Start, b.Start) })
	tl.cpuBusy = make([]sim.Time, len(tl.cpu)+1)
	for i, seg := range tl.cpu {
		tl.cpuBusy[i+1] = tl.cpuBusy[i] + seg.End - seg.Start
	}
	return tl
}

// busyUntil is how long some task held the CPU before time t.
func (tl *Timeline) busyUntil(t sim.Time) sim.Time {
	i := sort.Search(len(tl.cpu), func(i int) bool { return tl.cpu[i].End > t })
	busy := tl.cpuBusy[i]
	if i < len(tl.cpu) && tl.cpu[i].Start < t {
		busy += t - tl.cpu[i].Start
	}
	return busy
}

// net records a socket's change; its gauge is its unsent bytes.
func (tl *Timeline) net(r sim.Record, i int) {
	if r.Obj < 1 || int(r.Obj) > len(tl.Pipes) || tl.Pipes[r.Obj-1] == nil {
		return
	}
	p := tl.Pipes[r.Obj-1]
	sample := Sample{T: r.T, Value: r.Val, Seq: i}
	switch sim.NetOp(r.Aux) {
	case sim.NetSendBuf, sim.NetUserBuf:
		if sim.NetOp(r.Aux) == sim.NetSendBuf {
			p.Send, p.send = append(p.Send, sample), r.Val
		} else {
			p.User, p.user = append(p.User, sample), r.Val
		}
		g := tl.Gauges[r.Obj-1]
		g.Samples = append(g.Samples, Sample{T: r.T, Value: p.send + p.user, Seq: i})
	case sim.NetInFlight:
		p.Flight = append(p.Flight, sample)
	case sim.NetRecvBuf:
		p.Recv = append(p.Recv, sample)
	case sim.NetSndCap:
		p.SndCap = r.Val
	case sim.NetRcvCap:
		p.RcvCap = r.Val
	case sim.NetConnect:
		p.Peer, p.Since = int(r.Val), r.T
	case sim.NetListen:
		p.Listen = true
	}
}

// at is the value of samples s at time t (the last at or before t).
func at(s []Sample, t sim.Time) int64 {
	i := sort.Search(len(s), func(i int) bool { return s[i].T > t }) - 1
	if i < 0 {
		return 0
	}
	return s[i].Value
}

// initial is a gauge's level when its object is created.
func initial(o sim.ObjectInfo) int64 {
	switch o.Kind {
	case "Semaphore", "BoundedSemaphore":
		return int64(o.Cap)
	}
	return 0
}

// justCancelled reports whether the last link is from cancelling to at
// time t, which already says why to became ready: one arrow, not two.
func (tl *Timeline) justCancelled(from, to int, t sim.Time) bool {
	n := len(tl.Links)
	if n == 0 {
		return false
	}
	l := tl.Links[n-1]
	return l.Kind == Cancelled && l.From == from && l.To == to && l.T == t
}

func (tl *Timeline) lane(task int32) *Lane {
	if task < 1 || int(task) > len(tl.Lanes) {
		return nil
	}
	return tl.Lanes[task-1]
}

func (tl *Timeline) gauge(obj int32) *Gauge {
	if obj < 1 || int(obj) > len(tl.Gauges) {
		return nil
	}
	return tl.Gauges[obj-1]
}

// StateAt is the state of task id at time t (its last change at or
// before t), and false if the task did not exist then.
func (tl *Timeline) StateAt(id int, t sim.Time) (Segment, bool) {
	lane := tl.lane(int32(id))
	if lane == nil || t < lane.Born || (lane.Ended && t > lane.EndedAt) {
		return Segment{}, false
	}
	segs := lane.Segments
	i := sort.Search(len(segs), func(i int) bool { return segs[i].Start > t }) - 1
	if i < 0 {
		return Segment{}, false
	}
	return segs[i], true
}

// ValueAt is an object's gauge at time t (its last sample at or before t).
func (tl *Timeline) ValueAt(obj int, t sim.Time) (int64, bool) {
	g := tl.gauge(int32(obj))
	if g == nil || t < g.Samples[0].T {
		return 0, false
	}
	s := g.Samples
	i := sort.Search(len(s), func(i int) bool { return s[i].T > t }) - 1
	return s[i].Value, true
}

// Peak is the highest level of an object's gauge over the run.
func (g *Gauge) Peak() int64 {
	for ; g.peaked < len(g.Samples); g.peaked++ {
		g.peak = max(g.peak, g.Samples[g.peaked].Value)
	}
	return g.peak
}
