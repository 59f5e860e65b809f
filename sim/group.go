package sim

import "slices"

// WaitPolicy is a task group's `wait=` argument: what Join waits for.
type WaitPolicy uint8

const (
	WaitAll    WaitPolicy = iota // every task (stop early if one fails)
	WaitAny                      // the first task to finish
	WaitObject                   // the first task to return something other than None (nil)
	WaitNone                     // nothing: cancel everything at once
)

// TaskGroup is curio's TaskGroup: structured concurrency. Tasks spawned
// into it are waited for, or cancelled, before the group's block is left.
//
// Finished tasks queue in the group in completion order until the program
// takes them (NextDone, NextResult, iteration) or Join collects them; see
// the package documentation for the rule that bounds what a group holds.
type TaskGroup struct {
	k         *Kernel
	id        int
	policy    WaitPolicy
	members   []*Task // in spawn order; finished ones are skipped and compacted away
	daemons   []*Task // daemonic members: never waited for, cancelled when the group is joined
	dead      int     // finished entries still in members
	running   int
	finished  []*Task // finished, not yet taken; finished[fhead:] is live
	fhead     int
	kept      int // successful tasks among the finished ones
	released  int
	collected []*Task // taken by Join, for Results and Exceptions
	completed *Task
	joined    bool
	added     int // members ever added; numbers them in spawn order
	waiters   WaitQueue
}

// NewTaskGroup creates an empty group with a wait policy.
func (k *Kernel) NewTaskGroup(name string, policy WaitPolicy) *TaskGroup {
	return &TaskGroup{k: k, id: k.newObject("TaskGroup", name, 0), policy: policy}
}

// ID is the group's object id in the trace.
func (g *TaskGroup) ID() int { return g.id }

// Spawn creates a task in the group.
func (g *TaskGroup) Spawn(t *Task, name string, fn TaskFunc) (*Task, error) {
	if g.joined {
		return nil, runtimeError("Task group is closed")
	}
	child := t.Spawn(name, fn, false)
	g.add(child)
	return child, nil
}

// SpawnDaemon creates a daemonic task in the group, as curio's
// spawn(..., daemon=True): the group does not wait for it or hold it when
// it ends, and cancels it when the group is joined.
func (g *TaskGroup) SpawnDaemon(t *Task, name string, fn TaskFunc) (*Task, error) {
	if g.joined {
		return nil, runtimeError("Task group is closed")
	}
	child := t.Spawn(name, fn, true)
	child.group, child.groupDaemon = g, true
	g.daemons = append(g.daemons, child)
	return child, nil
}

// AddTask puts an existing task under the group's care.
func (g *TaskGroup) AddTask(task *Task) error {
	switch {
	case g.joined:
		return runtimeError("Task group is closed")
	case task.group != nil:
		return runtimeError("Task is already part of a group")
	}
	g.add(task)
	return nil
}

func (g *TaskGroup) add(task *Task) {
	task.group = g
	g.added++
	task.groupSeq = g.added
	if int(task.id) <= len(g.k.trace.Tasks) {
		g.k.trace.Tasks[task.id-1].Group = g.id
	}
	g.members = append(g.members, task)
	if task.terminated {
		g.dead++
		g.pushFinished(task)
		return
	}
	g.running++
	g.changed()
}

func (g *TaskGroup) changed() {
	g.k.emit(EvGroup, g.k.currentID(), g.id, 0, int64(len(g.finished)-g.fhead), int32(g.running))
}

// taskDone is called by the kernel when a running member ends.
func (g *TaskGroup) taskDone(task *Task) {
	if task.groupDaemon {
		g.daemons = slices.DeleteFunc(g.daemons, func(d *Task) bool { return d == task })
		return
	}
	g.running--
	g.dead++
	if g.dead > 32 && g.dead*2 > len(g.members) {
		g.compact()
	}
	g.pushFinished(task)
}

func (g *TaskGroup) pushFinished(task *Task) {
	g.finished = append(g.finished, task)
	if task.err == nil {
		g.kept++
	}
	for g.kept > g.k.lim.GroupKeep {
		g.releaseOldest()
	}
	g.changed()
	if g.waiters.head != nil {
		g.k.makeReady(g.waiters.head, nil)
	}
}

// releaseOldest drops the oldest finished task that succeeded and that
// nobody has read: the program can no longer ask for it.
func (g *TaskGroup) releaseOldest() {
	for i := g.fhead; i < len(g.finished); i++ {
		if task := g.finished[i]; task.err == nil {
			copy(g.finished[g.fhead+1:i+1], g.finished[g.fhead:i])
			g.finished[g.fhead] = nil
			g.fhead++
			g.shrink()
			g.kept--
			g.released++
			task.joined = true // released on purpose: no "never joined" warning
			g.k.emit(EvRelease, task.id, g.id, 0, 0, 0)
			return
		}
	}
}

// shrink moves the live part of finished to the front once the taken part
// dominates, so a long-running group's memory stays proportional to what
// it holds.
func (g *TaskGroup) shrink() {
	if g.fhead == len(g.finished) {
		g.finished, g.fhead = g.finished[:0], 0
	} else if g.fhead > 32 && 2*g.fhead > len(g.finished) {
		n := copy(g.finished, g.finished[g.fhead:])
		clear(g.finished[n:])
		g.finished, g.fhead = g.finished[:n], 0
	}
}

func (g *TaskGroup) compact() {
	live := g.members[:0]
	for _, m := range g.members {
		if !m.terminated {
			live = append(live, m)
		}
	}
	clear(g.members[len(live):])
	g.members, g.dead = live, 0
}

// Running is the number of members still running.
func (g *TaskGroup) Running() int { return g.running }

// Held is the number of finished members nobody has taken yet.
func (g *TaskGroup) Held() int { return len(g.finished) - g.fhead }

// Released counts finished members dropped unread by the GroupKeep rule.
func (g *TaskGroup) Released() int { return g.released }

// Tasks lists the members still running, in spawn order.
func (g *TaskGroup) Tasks() []*Task {
	var out []*Task
	for _, m := range g.members {
		if !m.terminated {
			out = append(out, m)
		}
	}
	return out
}

// Members lists, in spawn order, the tasks the group still tracks, as
// curio's TaskGroup.tasks does: the running ones, the finished ones nobody
// has taken yet, and those Join collected. A task the program took
// (NextDone, iteration) or CancelRemaining removed is no longer a member,
// nor is a daemon.
func (g *TaskGroup) Members() []*Task {
	// The three sets are disjoint: a finished task leaves the running
	// ones, and Join collects a task by taking it from the finished ones.
	out := append(g.Tasks(), g.finished[g.fhead:]...)
	out = append(out, g.collected...)
	slices.SortFunc(out, func(a, b *Task) int { return a.groupSeq - b.groupSeq })
	return out
}

// NextDone returns the next member to finish, in completion order, waiting
// for one if need be; nil when no member is left. The task counts as joined.
func (g *TaskGroup) NextDone(t *Task) (*Task, error) {
	for g.fhead == len(g.finished) {
		if g.running == 0 {
			return nil, nil
		}
		// A negative object id marks a wait on a group, not on one task.
		if err := t.block(&g.waiters, TaskJoin, -g.id, 0); err != nil {
			return nil, err
		}
	}
	task := g.finished[g.fhead]
	g.finished[g.fhead] = nil
	g.fhead++
	g.shrink()
	if task.err == nil {
		g.kept--
	}
	task.joined = true
	g.changed()
	return task, nil
}

// NextResult returns the result of the next member to finish; a member
// that failed makes it return a [*TaskError].
func (g *TaskGroup) NextResult(t *Task) (any, error) {
	task, err := g.NextDone(t)
	switch {
	case err != nil:
		return nil, err
	case task == nil:
		return nil, runtimeError("No task available")
	case task.err != nil:
		return nil, &TaskError{TaskID: task.id, Name: task.name, Cause: task.err}
	}
	return task.result, nil
}

// Join waits for members according to the group's policy, then cancels
// the ones still running. If a member failed, or the policy's chosen task
// failed, Join returns a [*TaskError] caused by that failure; a
// cancellation of the joining task itself is returned as is.
func (g *TaskGroup) Join(t *Task) error {
	err := g.collect(t)
	if cerr := g.cancelRunning(t, false); err == nil {
		err = cerr
	}
	if cerr := g.cancelDaemons(t); err == nil {
		err = cerr
	}
	g.joined = true
	if err != nil {
		return err
	}
	for _, task := range g.collected {
		if task.outcome == Crashed {
			return &TaskError{TaskID: task.id, Name: task.name, Cause: task.err}
		}
	}
	return nil
}

func (g *TaskGroup) collect(t *Task) error {
	if g.policy == WaitNone {
		return nil
	}
	for {
		task, err := g.NextDone(t)
		if err != nil || task == nil {
			return err
		}
		g.collected = append(g.collected, task)
		switch g.policy {
		case WaitAny:
			g.completed = task
			return nil
		case WaitObject:
			if task.err != nil || task.result != nil {
				g.completed = task
				return nil
			}
		default:
			if g.completed == nil {
				g.completed = task
			}
			if task.outcome == Crashed {
				return nil
			}
		}
	}
}

// CancelRemaining cancels the running members in spawn order, waiting for
// each to finish its cleanup before cancelling the next, and removes them
// from the group, as curio does: next_done and iteration no longer see
// them. If t is itself cancelled (or times out) while it waits, it still
// finishes the job and then returns that error: no member may outlive the
// group's block.
func (g *TaskGroup) CancelRemaining(t *Task) error { return g.cancelRunning(t, true) }

// cancelRunning is CancelRemaining; Join's own cancelling of the members
// its policy did not wait for keeps them in the group (discard false).
func (g *TaskGroup) cancelRunning(t *Task, discard bool) error {
	return g.cancelAll(t, g.Tasks(), discard)
}

// cancelDaemons cancels the daemonic members, as joining a group does.
func (g *TaskGroup) cancelDaemons(t *Task) error {
	return g.cancelAll(t, slices.Clone(g.daemons), false)
}

func (g *TaskGroup) cancelAll(t *Task, tasks []*Task, discard bool) error {
	var first error
	for _, m := range tasks {
		if m == t {
			continue
		}
		// Fix: returning at the first interruption left m in its cleanup
		// and never cancelled the members after it.
		_, err := t.Cancel(m, true)
		for err != nil {
			if first == nil {
				first = err
			}
			err = t.WaitFor(m)
		}
		m.joined = true
		if discard {
			g.discard(m)
		}
	}
	return first
}

// discard takes a finished member out of the tasks the group holds.
func (g *TaskGroup) discard(m *Task) {
	if i := slices.Index(g.finished[g.fhead:], m); i >= 0 {
		g.finished = slices.Delete(g.finished, g.fhead+i, g.fhead+i+1)
		if m.err == nil {
			g.kept--
		}
		g.changed()
	}
}

// Exit leaves the group's `async with` block: if the body failed, cancel
// what is still running and let the failure through (or a cancellation of
// t that arrived meanwhile, which replaces it); otherwise Join.
func (g *TaskGroup) Exit(t *Task, bodyErr error) error {
	if bodyErr != nil {
		cerr := g.CancelRemaining(t)
		if derr := g.cancelDaemons(t); cerr == nil {
			cerr = derr
		}
		g.joined = true
		// Fix: a cancellation delivered while cleaning up was dropped. As
		// in Python's __aexit__, it replaces the body's error.
		if cerr != nil {
			return cerr
		}
		return bodyErr
	}
	return g.Join(t)
}

// Completed is the task the policy chose (the first to finish, or the
// first with a non-None result for WaitObject), or nil.
func (g *TaskGroup) Completed() *Task { return g.completed }

// Result is the completed task's result, or a [*TaskError] if it failed.
func (g *TaskGroup) Result() (any, error) {
	switch {
	case !g.joined:
		return nil, runtimeError("Task group not yet terminated")
	case g.completed == nil:
		return nil, runtimeError("No task successfully completed")
	case g.completed.err != nil:
		return nil, &TaskError{TaskID: g.completed.id, Name: g.completed.name, Cause: g.completed.err}
	}
	return g.completed.result, nil
}

// Exception is the completed task's error (nil if it succeeded or none did).
func (g *TaskGroup) Exception() error {
	if g.completed == nil {
		return nil
	}
	return g.completed.err
}

// Results lists the results of the tasks Join collected, in spawn order
// as curio does; a failed one makes it return a [*TaskError] instead.
func (g *TaskGroup) Results() ([]any, error) {
	if !g.joined {
		return nil, runtimeError("Task group not yet terminated")
	}
	collected := g.bySpawn()
	out := make([]any, 0, len(collected))
	for _, task := range collected {
		if task.err != nil {
			return nil, &TaskError{TaskID: task.id, Name: task.name, Cause: task.err}
		}
		out = append(out, task.result)
	}
	return out, nil
}

// Exceptions lists the errors of the tasks Join collected (nil entries for
// successes), in spawn order.
func (g *TaskGroup) Exceptions() []error {
	collected := g.bySpawn()
	out := make([]error, len(collected))
	for i, task := range collected {
		out[i] = task.err
	}
	return out
}

func (g *TaskGroup) bySpawn() []*Task {
	return slices.SortedFunc(slices.Values(g.collected), func(a, b *Task) int { return a.groupSeq - b.groupSeq })
}
