package sim

import (
	"errors"
	"iter"
	"path"
	"runtime"
	"slices"
	"strings"
)

// Task is a coroutine scheduled by the kernel. Its blocking methods (Sleep,
// Join, Wait, Cancel with blocking, and the blocking methods of queues,
// locks, events and groups) may only be called by the task itself while it
// runs; they are its traps and its cancellation points.
type Task struct {
	k      *Kernel
	id     int
	name   string
	parent int
	daemon bool
	lane   Lane
	fn     TaskFunc

	next  func() (trap, bool) // the coroutine, created on first run
	stop  func()
	yield func(trap) bool

	state     State
	cycles    int
	cpu       Time
	loc       int32 // location at the last state change
	lastLoc   int32 // the id of lastStack, the stack it last blocked at
	lastStack []Frame
	where     func() []Frame
	waitObj   int
	waitQ     *WaitQueue
	qprev     *Task
	qnext     *Task
	wakeErr   error // what the blocking call returns on resume

	sleepTimer   timer
	timeoutTimer timer
	timeout      Time   // effective deadline, never if none
	deadlines    []Time // timeout blocks, outermost first

	allowCancel   bool
	cancelled     bool
	cancelPending error
	killed        bool // ends at its next resumption without running more code

	own     Time // a process lane's own CPU clock (see workProcess)
	gilAt   Time // when a thread lane last took the CPU
	cpuWait bool // a process lane is sleeping off its CPU time

	terminated bool
	joined     bool
	outcome    Outcome
	result     any
	err        error
	joiners    WaitQueue
	watchers   []*WaitQueue // WaitAny calls waiting for this task among others
	group      *TaskGroup
	groupSeq   int // position among the group's members
	// groupDaemon: a daemonic member of its group (curio's
	// TaskGroup.spawn(daemon=True)), not waited for nor held when done.
	groupDaemon bool
}

// errAbort unwinds a coroutine whose run has stopped.
var errAbort = errors.New("sim: run stopped")

// start creates the coroutine. A panic in task code becomes the task's
// crash; the abort sentinel just unwinds.
func (t *Task) start() {
	t.next, t.stop = iter.Pull(func(yield func(trap) bool) {
		t.yield = yield
		defer func() {
			if r := recover(); r != nil && r != errAbort {
				t.result, t.err = nil, &PanicError{Value: r}
			}
		}()
		if t.killed {
			return // killed before it first ran
		}
		t.result, t.err = t.fn(t)
		t.Settle() // a process's last CPU time is part of its run
	})
}

// suspend hands control back to the kernel. A task killed meanwhile
// unwinds from here.
func (t *Task) suspend(tr trap) {
	if !t.yield(tr) || t.killed {
		panic(errAbort)
	}
}

func (t *Task) mustRun() {
	if t.k.current != t {
		panic("sim: blocking call on task " + itoa(int64(t.id)) + " while it is not running")
	}
}

// takeCancel returns a pending cancellation if it may be delivered now.
func (t *Task) takeCancel() error {
	if t.cancelPending != nil && t.allowCancel {
		err := t.cancelPending
		t.cancelPending = nil
		return err
	}
	return nil
}

// block parks t on q (nil: on a timer only) in state st until woken. It
// returns the error it is woken with: a cancellation or a timeout.
func (t *Task) block(q *WaitQueue, st State, obj int, val int64) error {
	t.mustRun()
	t.Settle()
	if err := t.takeCancel(); err != nil {
		return err
	}
	t.state, t.waitObj = st, obj
	if q != nil {
		q.push(t)
	}
	t.k.emitState(t, st, obj, val)
	return t.yieldCPU()
}

// yieldCPU lets other tasks run until t is picked again and returns what
// t was woken with. A guest traps back to the host; the host runs the
// scheduler itself (see [Kernel.Step]) and goes back to Step only to end a
// slice or when the run stops.
func (t *Task) yieldCPU() error {
	t.awaitTurn()
	err := t.wakeErr
	t.wakeErr = nil
	return err
}

// awaitTurn suspends t until the scheduler picks it again: a guest traps
// back to its host; the host runs the scheduler itself and goes back to
// Step only to end a slice or when the run stops.
func (t *Task) awaitTurn() {
	k := t.k
	if k.host != t {
		t.suspend(trapBlock)
		return
	}
	k.current = nil
	for k.pick(t) == nil {
		if k.ending {
			t.suspend(trapAbort)
		} else {
			t.suspend(trapSlice)
		}
		k.current = nil // back in the scheduler, not in t's code
	}
	if t.killed {
		panic(errAbort)
	}
}

// Wait parks the task on q in state st until another task wakes it with
// [Kernel.WakeOne] or [Kernel.WakeAll], or it is cancelled. obj is the
// object id the trace shows it waiting on. This is the one blocking
// primitive that every waiting object is built on.
func (t *Task) Wait(q *WaitQueue, st State, obj int) error { return t.block(q, st, obj, 0) }

// Sleep blocks for d of virtual time. Sleep(0) moves the task to the back
// of the ready queue so that others run: curio's schedule().
func (t *Task) Sleep(d Time) error {
	t.mustRun()
	if d <= 0 {
		t.Settle()
		if err := t.takeCancel(); err != nil {
			return err
		}
		t.k.makeReady(t, nil)
		return t.yieldCPU()
	}
	return t.SleepUntil(t.k.now + d)
}

// SleepUntil blocks until the clock reaches when (curio's wake_at).
func (t *Task) SleepUntil(when Time) error {
	t.mustRun()
	if when <= t.k.now {
		return t.Sleep(0)
	}
	t.k.heap(&t.sleepTimer).arm(&t.sleepTimer, when, &t.k.seq)
	err := t.block(nil, TimeSleep, 0, int64(when))
	if err != nil && t.sleepTimer.idx >= 0 {
		t.k.heap(&t.sleepTimer).remove(&t.sleepTimer)
	}
	return err
}

// Spawn creates a task that runs fn. It does not switch: the new task runs
// when the spawner next blocks. Daemon tasks are never expected to be joined.
func (t *Task) Spawn(name string, fn TaskFunc, daemon bool) *Task {
	return t.k.spawn(t, name, fn, daemon)
}

// SpawnLane creates a daemon task of another lane (a thread or process of
// the program, or a peer the program starts); see [Lane].
func (t *Task) SpawnLane(name string, fn TaskFunc, lane Lane) *Task {
	return t.k.spawnLane(t, name, fn, true, lane)
}

// SpawnPeer creates a daemon task for the world outside the program, with
// no parent. The world calls it from a timer callback ([Kernel.At]) or
// before the run starts.
func (k *Kernel) SpawnPeer(name string, fn TaskFunc) *Task {
	return k.spawnLane(nil, name, fn, true, LanePeer)
}

// Join waits for target to end and returns its result; if target failed
// (including being cancelled) it returns a [*TaskError] caused by target's
// error, as curio's join does.
func (t *Task) Join(target *Task) (any, error) {
	if err := t.WaitFor(target); err != nil {
		return nil, err
	}
	target.joined = true
	if target.err != nil {
		return nil, &TaskError{TaskID: target.id, Name: target.name, Cause: target.err}
	}
	return target.result, nil
}

// WaitFor waits for target to end without collecting its result (curio's
// Task.wait).
func (t *Task) WaitFor(target *Task) error {
	for !target.terminated {
		if err := t.block(&target.joiners, TaskJoin, target.id, 0); err != nil {
			return err
		}
	}
	return nil
}

// WaitAny waits until one of targets has ended, returning at once if one
// has: asyncio.wait's FIRST_COMPLETED. The task shows as joining the
// first of them.
func (t *Task) WaitAny(targets []*Task) error {
	if len(targets) == 0 {
		return nil
	}
	for _, x := range targets {
		if x.terminated {
			return nil
		}
	}
	var q WaitQueue
	for _, x := range targets {
		x.watchers = append(x.watchers, &q)
	}
	defer func() {
		for _, x := range targets {
			x.watchers = slices.DeleteFunc(x.watchers, func(w *WaitQueue) bool { return w == &q })
		}
	}()
	return t.block(&q, TaskJoin, targets[0].id, 0)
}

// Cancel asks target to stop: it raises TaskCancelled at target's next
// blocking trap (at once if it is blocked now). With blocking, Cancel then
// waits for target to end. It reports false if target had already ended,
// which is a no-op.
func (t *Task) Cancel(target *Task, blocking bool) (bool, error) {
	if target == t {
		return false, runtimeError("A task can't cancel itself")
	}
	if target.terminated {
		return false, nil
	}
	t.k.cancel(target, t, false)
	if blocking {
		return true, t.WaitFor(target)
	}
	return true, nil
}

// Uncancel forgets that t was cancelled, so that a later cancellation is
// delivered again (a task is otherwise cancelled once): asyncio's
// Task.uncancel, which a task group calls once the cancellation it made
// of its own task has unwound the block.
func (t *Task) Uncancel() {
	t.cancelled = false
	t.cancelPending = nil
}

// cancel delivers TaskCancelled to target now if it is blocked and allows
// cancellation, or leaves it pending for its next blocking trap. A task is
// cancelled once; force (used at shutdown) cancels again a task that caught
// an earlier cancellation and went on.
func (k *Kernel) cancel(target *Task, by *Task, force bool) {
	if target.terminated || (target.cancelled && !force) {
		return
	}
	target.cancelled = true
	var byID int
	if by != nil {
		byID = by.id
	}
	k.emit(EvCancel, target.id, byID, 0, 0, 0)
	exc := &Cancelled{Kind: TaskCancelled, At: k.now}
	if target.state.Blocked() && target.allowCancel {
		k.makeReady(target, exc)
	} else {
		target.cancelPending = exc
	}
}

// Charge spends d of virtual CPU time in the running task: the clock moves
// and every other task waits (a thread or process lane spends it as
// [Task.Work] says). It counts as one step; see Work.
func (t *Task) Charge(d Time) { t.Work(1, d) }

// Work records n operations that took d of virtual CPU time together: an
// interpreter counts its operations and reports them in batches. Each
// operation is a step, so the step limit and the host's step budget mean
// the same whether work is reported one operation at a time or many. When
// the budget runs out the task pauses invisibly; when a limit is exceeded
// the run stops and Work does not return.
//
// The lane decides whose CPU the time is spent on. A task of the kernel's
// lane holds the one CPU: the clock moves by d and no other task of the
// program runs, while the world outside keeps its own time (peers, the
// network's deliveries and typed lines happen at their times; see
// [Task.hold]). A thread holds it too but gives it back once the rest of
// the program has waited for it for the machine's switch interval
// (CPython's GIL); a process computes on a CPU of its own and does not
// move the clock, and so does a peer (see [Machine] and the package
// documentation).
func (t *Task) Work(n int64, d Time) {
	k := t.k
	if k.stopErr != nil {
		k.abortCurrent(k.stopErr) // the host interrupted the run between slices
	}
	k.steps += n
	if k.steps > k.lim.Steps {
		k.abortCurrent(k.limitError("steps", k.lim.Steps))
	}
	if !k.zeroCost && d > 0 {
		switch t.lane {
		case LaneProcess:
			t.workProcess(d)
		case LaneThread:
			t.workThread(d)
		case LanePeer:
			t.cpu += d // on a machine of its own
		default:
			t.cpu += d
			if end := k.now + d; end <= k.lim.Time {
				t.hold(end)
			} else {
				k.now = end
				k.abortCurrent(k.limitError("time", int64(k.lim.Time)))
			}
		}
	}
	k.budget -= n
	if k.budget <= 0 {
		t.suspend(trapSlice)
	}
}

// Abort stops the whole run with err, from inside the running task (for
// limits the host enforces itself, such as memory). It does not return.
func (t *Task) Abort(err error) {
	t.mustRun()
	t.k.abortCurrent(err)
}

// Streams for [Task.Write].
const (
	Stdout = 1
	Stderr = 2
)

// Write records text written by the task to stream (Stdout or Stderr) and
// copies it to the kernel's writers. A process lane settles its CPU time
// first, so that the text appears when the process really writes it.
func (t *Task) Write(stream int, text string) {
	k := t.k
	if t.lane == LaneProcess && k.current == t {
		t.Settle()
	}
	k.outBytes += int64(len(text))
	if k.outBytes > k.lim.OutputBytes {
		k.abortCurrent(k.limitError("output bytes", k.lim.OutputBytes))
	}
	k.emit(EvOutput, t.id, stream, 0, int64(k.trace.str(text)), 0)
	w := k.stdout
	if stream == Stderr {
		w = k.stderr
	}
	if w != nil {
		w.Write([]byte(text))
	}
}

// SetWhere installs the function the kernel calls at each state change to
// learn where the task stands (its stack, innermost frame last).
func (t *Task) SetWhere(where func() []Frame) { t.where = where }

// location interns the task's current stack in the trace. A task that
// blocks again where it blocked last (a loop) reuses the id without
// interning anew.
func (t *Task) location() int32 {
	var stack []Frame
	switch {
	case t.where != nil:
		stack = t.where()
	case t.k.goLines:
		stack = goStack()
	default:
		return 0
	}
	if t.lastLoc != 0 && slices.Equal(stack, t.lastStack) {
		return t.lastLoc
	}
	t.lastStack, t.lastLoc = stack, t.k.trace.intern(stack)
	return t.lastLoc
}

// goStack is the Go call stack of task code, outside this package.
func goStack() []Frame {
	var pcs [32]uintptr
	n := runtime.Callers(3, pcs[:])
	frames := runtime.CallersFrames(pcs[:n])
	var out []Frame
	for {
		f, more := frames.Next()
		fn := f.Function
		if !strings.HasPrefix(fn, "asyncplay/sim.") && !strings.HasPrefix(fn, "iter.") &&
			!strings.HasPrefix(fn, "runtime.") && fn != "" {
			short := fn[strings.LastIndexByte(fn, '/')+1:]
			out = append(out, Frame{File: path.Base(f.File), Line: f.Line, Func: short})
		}
		if !more {
			break
		}
	}
	// Innermost last, as in a Python traceback.
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// ID is the task's id; the main task is 1.
func (t *Task) ID() int { return t.id }

// Name is the task's name.
func (t *Task) Name() string { return t.name }

// Parent is the id of the task that spawned this one (0 for main).
func (t *Task) Parent() int { return t.parent }

// Lane says what the task stands for.
func (t *Task) Lane() Lane { return t.lane }

// Daemon reports whether the task was spawned as a daemon.
func (t *Task) Daemon() bool { return t.daemon }

// State is the task's scheduling state.
func (t *Task) State() State { return t.state }

// Cycles counts how many times the task has been run.
func (t *Task) Cycles() int { return t.cycles }

// CPU is the virtual CPU time the task has charged.
func (t *Task) CPU() Time { return t.cpu }

// Terminated reports whether the task has ended.
func (t *Task) Terminated() bool { return t.terminated }

// Cancelled reports whether the task has been asked to cancel.
func (t *Task) Cancelled() bool { return t.cancelled }

// Outcome says how a terminated task ended.
func (t *Task) Outcome() Outcome { return t.outcome }

// Result is the value the task returned (nil until it has).
func (t *Task) Result() any { return t.result }

// Err is the error the task ended with (nil if it returned normally).
func (t *Task) Err() error { return t.err }

// Joined reports whether the task's result has been collected.
func (t *Task) Joined() bool { return t.joined }

// Kernel is the kernel running the task.
func (t *Task) Kernel() *Kernel { return t.k }

// AllowCancel turns delivery of cancellations (and timeouts) on or off;
// while off they stay pending (curio's disable_cancellation).
func (t *Task) AllowCancel(allow bool) { t.allowCancel = allow }

// CancelPending is the cancellation waiting to be delivered, if any.
func (t *Task) CancelPending() error { return t.cancelPending }

// SetCancelPending replaces the pending cancellation and returns the old
// one (curio's set_cancellation).
func (t *Task) SetCancelPending(err error) error {
	old := t.cancelPending
	t.cancelPending = err
	return old
}

// String is curio's repr of a task.
func (t *Task) String() string {
	return "Task(id=" + itoa(int64(t.id)) + ", name=" + quote(t.name) + ", state=" + quote(t.state.String()) + ")"
}

// status says where the task stands, for deadlock and limit reports.
func (t *Task) status() TaskStatus {
	s := TaskStatus{ID: t.id, Name: t.name, State: t.state, Daemon: t.daemon}
	if t.state.Blocked() {
		s.On = t.k.describe(t.state, t.waitObj)
	}
	if t.where != nil {
		s.Stack = t.where()
	} else {
		s.Stack = t.k.trace.Stack(t.loc)
	}
	return s
}

// describe names what a task in state st waits on.
func (k *Kernel) describe(st State, obj int) string {
	switch {
	case st == TaskJoin && obj > 0:
		if info, ok := k.trace.Task(obj); ok {
			return "Task#" + itoa(int64(obj)) + " " + quote(info.Name)
		}
	case obj < 0: // a wait on a task group (NextDone, Join)
		if info, ok := k.trace.Object(-obj); ok {
			return info.Label()
		}
	case obj != 0:
		if info, ok := k.trace.Object(obj); ok {
			return info.Label()
		}
	}
	return ""
}

func isCancelled(err error) bool {
	var c *Cancelled
	return errors.As(err, &c)
}
