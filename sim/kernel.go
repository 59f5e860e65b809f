package sim

import (
	"io"
	"math"
	"math/rand/v2"
	"slices"
)

// Limits bound a run. A zero field takes the default of [DefaultLimits].
type Limits struct {
	Steps       int64 // task resumptions plus charged operations
	Time        Time  // virtual time
	Tasks       int   // tasks alive at once
	TraceEvents int   // events in the trace
	OutputBytes int64 // bytes written to stdout and stderr
	GroupKeep   int   // finished, successful, unread tasks a group holds
}

// DefaultLimits are generous for lessons and small enough that a runaway
// program stops within a second or two of host time.
var DefaultLimits = Limits{
	Steps:       50_000_000,
	Time:        24 * Hour,
	Tasks:       100_000,
	TraceEvents: 20_000_000,
	OutputBytes: 10 << 20,
	GroupKeep:   1000,
}

// Option configures a [Kernel].
type Option func(*Kernel)

// WithSeed seeds the kernel's random generator (default 1).
func WithSeed(seed uint64) Option {
	return func(k *Kernel) { k.rng = rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)) }
}

// WithLimits overrides the non-zero fields of [DefaultLimits].
func WithLimits(l Limits) Option {
	return func(k *Kernel) {
		d := &k.lim
		if l.Steps > 0 {
			d.Steps = l.Steps
		}
		if l.Time > 0 {
			d.Time = l.Time
		}
		if l.Tasks > 0 {
			d.Tasks = l.Tasks
		}
		if l.TraceEvents > 0 {
			d.TraceEvents = l.TraceEvents
		}
		if l.OutputBytes > 0 {
			d.OutputBytes = l.OutputBytes
		}
		if l.GroupKeep > 0 {
			d.GroupKeep = l.GroupKeep
		}
	}
}

// WithZeroCost makes [Task.Charge] free: the clock moves only by sleeping
// and timers, as in a runtime with infinitely fast CPUs.
func WithZeroCost() Option { return func(k *Kernel) { k.zeroCost = true } }

// WithoutTrace records no events (tables of tasks and objects are kept).
// It exists to measure the trace's cost; the page always records.
func WithoutTrace() Option { return func(k *Kernel) { k.traceOff = true } }

// WithGoLocations records the Go source line of task code at every state
// change, for kernel scenarios written in Go. The interpreter reports
// Python lines itself with [Task.SetWhere].
func WithGoLocations() Option { return func(k *Kernel) { k.goLines = true } }

// WithOutput copies what tasks write to stdout and stderr as it is written.
func WithOutput(stdout, stderr io.Writer) Option {
	return func(k *Kernel) { k.stdout, k.stderr = stdout, stderr }
}

// TaskFunc is the body of a task. It returns the task's result or error.
type TaskFunc func(t *Task) (any, error)

// trap is what a task's coroutine hands back to the kernel when it stops
// running. The bookkeeping of a blocking call (joining a wait queue, arming
// a timer) is done by the task before it traps, so the kernel only needs
// to know why control came back.
type trap uint8

const (
	trapBlock trap = iota // the task waits (or went back to READY)
	trapSlice             // the host's step budget ran out mid-computation
	trapAbort             // the run is stopping; do not resume this task
)

// Kernel is a deterministic simulated curio kernel. Create one with [New],
// run a main task with [Kernel.Run] (or [Kernel.Start] and [Kernel.Step]),
// then read its [Trace].
type Kernel struct {
	now   Time
	seq   uint64 // tie-breaker for timers and inputs
	steps int64
	lim   Limits

	tasks   []*Task // by id-1; nil once a task has terminated
	live    int
	nextID  int
	main    *Task
	ready   ring
	timers  timerHeap // the program's tasks' sleeps and deadlines
	world   timerHeap // timer funcs and peers' timers: the world's own time
	inputs  inputHeap // signals and the monitor's cancels: the program's
	worldIn inputHeap // inputs outside the program (typed lines)

	current  *Task // the task whose own code is running
	host     *Task // the task Step resumed; it schedules while blocked
	sliced   *Task // a guest stopped mid-computation by the step budget
	ending   bool  // the run is over; Step must finish it
	passLeft int   // tasks of the current pass still to run
	budget   int64

	shutdownAt *Task    // the task being cancelled at shutdown
	shutdownI  int      // k.tasks index the shutdown scan has come down to
	shutdownN  int      // len(k.tasks) when that scan started
	exited     bool     // the program has exited; the world runs on alone
	worldDone  bool     // nothing of the world is under way: its peers are ended
	onExit     []func() // what the world does when the program exits
	done       bool
	stopErr    error // why the run stopped early (limit, deadlock, signal)
	mainErr    error
	mainVal    any
	outBytes   int64
	signals    signalTable
	unjoined   []*Task

	// The world's time while a task of the program holds the CPU (see
	// [Task.hold]): the holder, where its computation ends, the peers
	// ready to run meanwhile, and how many peers wait in the ready queue.
	holder     *Task
	holdEnd    Time
	holdCut    bool // a thread's hold ends once a program task is ready
	peerReady  ring
	readyPeers int

	machine    Machine
	gilWait    []*Task // threads that gave the CPU back, READY from the next pass
	gilSince   Time    // when gilWait last filled
	readySince Time    // when the ready queue last filled

	ext      map[any]any // the world's state of this run, by its package's key
	trace    *Trace
	traceOff bool
	zeroCost bool
	goLines  bool
	rng      *rand.Rand
	stdout   io.Writer
	stderr   io.Writer
}

// New returns a kernel at virtual time zero.
func New(opts ...Option) *Kernel {
	k := &Kernel{lim: DefaultLimits, trace: newTrace(), machine: Machine{}.withDefaults()}
	WithSeed(1)(k)
	for _, o := range opts {
		o(k)
	}
	k.trace.max = k.lim.TraceEvents
	return k
}

// Now is the virtual clock.
func (k *Kernel) Now() Time { return k.now }

// Trace is the run's record so far.
func (k *Kernel) Trace() *Trace { return k.trace }

// Rand is the kernel's seeded generator: the only randomness a run may use.
func (k *Kernel) Rand() *rand.Rand { return k.rng }

// Current is the task that is running, or nil between tasks.
func (k *Kernel) Current() *Task { return k.current }

// Task returns the task with this id if it is still alive.
func (k *Kernel) Task(id int) *Task {
	if id < 1 || id > len(k.tasks) {
		return nil
	}
	return k.tasks[id-1]
}

// Steps is the number of steps taken so far.
func (k *Kernel) Steps() int64 { return k.steps }

// Done reports whether the run has ended.
func (k *Kernel) Done() bool { return k.done }

// Run runs main as task 1 until it ends, then cancels the program's
// remaining tasks, highest id first, letting each run its cleanup; then
// the world runs on alone until nothing of it is under way (see "After
// the program exits" in the package documentation). It returns main's
// result, or main's error, or a [*DeadlockError], [*LimitError] or
// [*SignalExit].
func (k *Kernel) Run(name string, main TaskFunc) (any, error) {
	k.Start(name, main)
	for !k.Step(1 << 62) {
	}
	return k.Result()
}

// Start creates the main task without running it; drive the run with Step.
func (k *Kernel) Start(name string, main TaskFunc) *Task {
	if k.main != nil {
		panic("sim: kernel already started")
	}
	k.main = k.spawn(nil, name, main, false)
	return k.main
}

// Result is main's outcome once [Kernel.Done]. Once the program has
// exited its outcome stands: a limit or an interruption that stops the
// world after it ends the run, but is not the program's result.
func (k *Kernel) Result() (any, error) {
	if k.stopErr != nil && !k.exited {
		return nil, k.stopErr
	}
	return k.mainVal, k.mainErr
}

// Step runs the kernel for at most budget steps (resumptions and charged
// operations) and reports whether the run has ended. A task in the middle
// of a computation is paused invisibly and continues on the next call, so a
// host program can run the kernel in slices without freezing.
//
// Switching tasks costs two coroutine switches per hop through a central
// loop, so the loop is not central: the task Step resumes becomes the
// host, and when it blocks it runs the scheduler itself, resuming the other
// tasks as its guests until it is picked again (see [Kernel.pick]). It
// returns to Step only to end a slice, to stop the run, or when it ends.
func (k *Kernel) Step(budget int64) bool {
	k.budget = budget
	for k.budget > 0 && !k.done {
		h := k.host
		if h == nil {
			if h = k.pick(nil); h == nil {
				if k.ending {
					k.finish()
				}
				continue
			}
			k.host = h
		}
		k.current = h // a host paused in Charge continues its own code
		tr, ok := h.next()
		k.current = nil
		switch {
		case !ok:
			k.host = nil
			k.terminate(h)
		case tr == trapAbort:
			k.host = nil // finish unwinds it
		}
	}
	return k.done
}

// pick runs the scheduler until it selects a task to run. Called by Step
// (host nil) it returns that task, which becomes the host. Called by a
// blocked host it runs every other selected task as a guest and returns the
// host once the host itself is selected. It returns nil when control must go
// back to Step: the budget is spent or the run is ending.
func (k *Kernel) pick(host *Task) *Task {
	for {
		switch {
		case k.stopErr != nil || k.ending:
			k.ending = true
			return nil
		case k.budget <= 0:
			return nil
		case k.sliced != nil:
			g := k.sliced
			k.sliced = nil
			k.current = g
			k.runGuest(g)
		case k.holder != nil:
			if t := k.holdStep(host); t != nil {
				return t
			}
		case k.passLeft > 0:
			k.passLeft--
			t := k.ready.pop()
			if t.lane == LanePeer {
				k.readyPeers--
			}
			if t.state != Ready || !k.startRunning(t) {
				continue // cancelled out of the queue meanwhile, or out of steps
			}
			if host == nil || t == host {
				return t
			}
			k.runGuest(t)
		default:
			k.beginPass()
		}
	}
}

// startRunning marks t RUNNING; it reports false if the step limit stops
// the run instead.
func (k *Kernel) startRunning(t *Task) bool {
	k.steps++
	k.budget--
	if k.steps > k.lim.Steps {
		k.stop(k.limitError("steps", k.lim.Steps))
		return false
	}
	t.cycles++
	t.state = Running
	k.current = t
	switch {
	case t.lane == LaneThread:
		t.gilAt = k.now
	case t.lane == LaneProcess && !t.cpuWait:
		t.own = k.now // its CPU was idle while it waited
	}
	k.emitState(t, Running, 0, 0)
	if t.next == nil {
		t.start()
	}
	return true
}

// runGuest resumes t until it traps back to the host running the loop.
func (k *Kernel) runGuest(t *Task) {
	tr, ok := t.next()
	k.current = nil
	switch {
	case !ok:
		k.terminate(t)
	case tr == trapSlice:
		k.sliced = t
	}
}

// beginPass runs the first two phases of a pass (inputs, timers) and
// counts the ready tasks the third phase will run. When nothing is ready it
// moves the clock to the next deadline, or reports a deadlock.
func (k *Kernel) beginPass() {
	if k.main.terminated {
		if !k.exited && !k.shutdownNext() {
			k.exit()
		}
		if k.worldDone && !k.shutdownNext() {
			k.ending = true
			return
		}
	}
	k.deliverInputs()
	k.expireTimers()
	if k.stopErr != nil {
		return
	}
	for _, t := range k.gilWait { // READY already: behind the timers' tasks
		k.ready.push(t)
	}
	clear(k.gilWait)
	k.gilWait = k.gilWait[:0]
	if k.ready.len() > 0 {
		k.passLeft = k.ready.len()
		return
	}
	next := k.wakeAt()
	if next == never {
		if k.exited && !k.worldDone {
			// The world has done all it had under way: the peers left wait
			// for what will never come (a person's typing, a reply).
			k.worldDone = true
			k.shutdownN = -1 // the next pass scans the peers from the highest id
			return
		}
		k.stop(&DeadlockError{At: k.now, Tasks: k.statuses()})
		return
	}
	if next > k.lim.Time {
		k.now = k.lim.Time
		k.stop(k.limitError("time", int64(k.lim.Time)))
		return
	}
	k.now = max(k.now, next)
}

// TimerSlack is how much later than its deadline the kernel may wake for
// a timer so that the timers due within it fire together: Linux's default
// timer slack, 50 µs. Every operation costs a little virtual time, so
// tasks that start the same sleep one after another have deadlines a few
// hundred nanoseconds apart; a real machine wakes once for all of them,
// and curio and asyncio then run them in the order they were due, before
// any task those wake. Firing each alone would let the first run, and
// wake others, ahead of the rest.
const TimerSlack = 50 * Microsecond

// wakeAt is the time to move the clock to when nothing is ready: the first
// deadline or input, or for a timer, the last deadline within TimerSlack
// of it that comes before the next input.
func (k *Kernel) wakeAt() Time {
	first, input := min(k.timers.next(), k.world.next()), min(k.inputs.next(), k.worldIn.next())
	if first == never || input <= first {
		return min(first, input)
	}
	limit := min(first+TimerSlack, input-1)
	return max(k.timers.lastBefore(limit), k.world.lastBefore(limit))
}

// Interrupt ends a run that is being driven in slices with err, from the
// host between two calls of [Kernel.Step]: the next Step unwinds every
// task (a task in the middle of a computation stops at its next charged
// operation) and the run ends as a limit would end it, with err as its
// result. It does nothing once the run has ended.
func (k *Kernel) Interrupt(err error) {
	if k.current != nil {
		panic("sim: Interrupt called from a task; use Task.Abort")
	}
	if !k.done {
		k.stop(err)
	}
}

// stop ends the run early with err; remaining coroutines are unwound by
// finish. Safe to call from task context: the caller must then trap.
func (k *Kernel) stop(err error) {
	if k.stopErr == nil {
		k.stopErr = err
	}
	k.passLeft = 0
}

// abortCurrent stops the run from inside the running task's coroutine and
// never returns: the task is unwound when finish stops its coroutine.
func (k *Kernel) abortCurrent(err error) {
	k.stop(err)
	if t := k.current; t != nil {
		t.suspend(trapAbort)
	}
	panic(err) // called outside task context: a host bug, not a program error
}

// MainEnded is how the trace's last record says a run ended by itself,
// its main task done; any other text is why the kernel stopped it.
const MainEnded = "main ended"

// finish ends the run: unwinds every coroutine still suspended (a run
// stopped early), reports unjoined tasks (a run that ended normally), and
// records how it ended.
func (k *Kernel) finish() {
	k.done = true
	k.trace.max = math.MaxInt // the closing records always fit
	end := MainEnded
	if k.stopErr != nil {
		end = k.stopErr.Error()
		for _, t := range k.tasks {
			if t == nil {
				continue
			}
			if t.stop != nil {
				t.stop()
			}
			t.terminated, t.state, t.outcome = true, Terminated, Killed
			t.next, t.stop, t.fn = nil, nil, nil
			k.emit(EvDone, t.id, 0, Terminated, int64(Killed), 0)
		}
		k.tasks = nil
		k.live = 0
	} else {
		k.warnUnjoined()
	}
	k.emit(EvEnd, 0, 0, 0, int64(k.trace.str(end)), 0)
}

// OnExit registers fn to run when the program exits, once its main task
// and every task of its shutdown have ended, before the world runs on
// alone: how the world's packages do what the operating system does when
// a process exits (netsim closes the program's sockets) and stop what
// would only have begun after it (a client declared to connect later).
// Hooks run in the order they were registered; fn runs outside any task
// and may arm timers ([Kernel.At]) but must not block.
func (k *Kernel) OnExit(fn func()) { k.onExit = append(k.onExit, fn) }

// Exited reports whether the program has exited (see [Kernel.OnExit]).
func (k *Kernel) Exited() bool { return k.exited }

// exit records that the program has exited: every task of the program
// has ended, as the shutdown cancelled them. The warnings about unjoined
// tasks are the program's last words. Signals and typed lines not yet
// delivered never will be: nobody is there to receive them. Then the
// world's exit hooks run, and the run goes on with the world alone until
// nothing of it is under way.
func (k *Kernel) exit() {
	k.exited = true
	k.warnUnjoined()
	k.emit(EvExit, 0, 0, 0, 0, 0)
	k.inputs, k.worldIn = nil, nil
	for _, fn := range k.onExit {
		fn()
	}
}

// shutdownNext cancels the remaining tasks one at a time, highest id first,
// each blocking until it has run its cleanup. Until the program has
// exited it shuts down the program's tasks only, the peers running on as
// the world does; once the world is done, the peers left. It reports
// whether a task is still being shut down.
func (k *Kernel) shutdownNext() bool {
	if t := k.shutdownAt; t != nil && !t.terminated {
		return true
	}
	if n := len(k.tasks); n != k.shutdownN { // tasks spawned by cleanups go first
		k.shutdownI, k.shutdownN = n-1, n
	}
	for ; k.shutdownI >= 0; k.shutdownI-- {
		if t := k.tasks[k.shutdownI]; t != nil && (k.exited || t.lane != LanePeer) {
			k.shutdownAt = t
			if t.lane == LaneThread || t.lane == LaneProcess {
				k.kill(t, nil) // they die with the program, running no cleanup
			} else {
				k.cancel(t, nil, true)
			}
			return true
		}
	}
	return false
}

func (k *Kernel) statuses() []TaskStatus {
	var out []TaskStatus
	for _, t := range k.tasks {
		if t != nil {
			out = append(out, t.status())
		}
	}
	return out
}

func (k *Kernel) limitError(limit string, max int64) *LimitError {
	e := &LimitError{Limit: limit, Max: max, At: k.now, Tasks: k.statuses()}
	if k.current != nil {
		e.Task = k.current.id
	}
	return e
}

// spawn creates a READY task. parent is nil for the main task.
func (k *Kernel) spawn(parent *Task, name string, fn TaskFunc, daemon bool) *Task {
	return k.spawnLane(parent, name, fn, daemon, LaneTask)
}

// spawnLane creates a READY task of the given lane.
func (k *Kernel) spawnLane(parent *Task, name string, fn TaskFunc, daemon bool, lane Lane) *Task {
	if k.live >= k.lim.Tasks {
		k.abortCurrent(k.limitError("tasks", int64(k.lim.Tasks)))
	}
	k.nextID++
	t := &Task{k: k, id: k.nextID, name: name, fn: fn, daemon: daemon,
		allowCancel: true, timeout: never, lane: lane}
	t.sleepTimer = timer{idx: -1, kind: timerSleep, task: t}
	t.timeoutTimer = timer{idx: -1, kind: timerTimeout, task: t}
	var pid int
	if parent != nil {
		pid = parent.id
		t.parent = pid
	}
	k.tasks = append(k.tasks, t)
	k.live++
	k.trace.Tasks = append(k.trace.Tasks, TaskInfo{ID: t.id, Name: name, Parent: pid, Daemon: daemon, Lane: lane})
	k.emit(EvSpawn, t.id, pid, 0, 0, 0)
	k.makeReady(t, nil)
	return t
}

// makeReady puts t at the back of the ready queue; err (if any) is what its
// blocking call returns when it resumes.
func (k *Kernel) makeReady(t *Task, err error) {
	if q := t.waitQ; q != nil {
		q.remove(t)
	}
	if t.sleepTimer.idx >= 0 {
		k.heap(&t.sleepTimer).remove(&t.sleepTimer)
	}
	t.wakeErr = err
	t.state = Ready
	if t.lane == LanePeer {
		if k.holder != nil { // it runs now, on its own machine
			k.peerReady.push(t)
			k.emitState(t, Ready, 0, 0)
			return
		}
		k.readyPeers++
	}
	if k.ready.len() == 0 {
		k.readySince = k.now
	}
	k.ready.push(t)
	k.emitState(t, Ready, 0, 0)
}

// terminate records the end of t, whose coroutine has returned.
func (k *Kernel) terminate(t *Task) {
	t.terminated = true
	t.state = Terminated
	t.next, t.stop, t.fn = nil, nil, nil // free the coroutine's stack now
	if t.timeoutTimer.idx >= 0 {
		k.heap(&t.timeoutTimer).remove(&t.timeoutTimer)
	}
	k.tasks[t.id-1] = nil
	k.live--
	var text int32
	switch {
	case t.killed:
		t.outcome = Killed
		if t.err == nil {
			t.err = k.errKilled()
		}
	case t.err == nil:
		t.outcome = Returned
	case isCancelled(t.err):
		t.outcome = WasCancelled
	default:
		t.outcome = Crashed
	}
	if t.err != nil {
		text = k.trace.str(t.err.Error())
	}
	k.emit(EvDone, t.id, 0, Terminated, int64(t.outcome), text)
	for t.joiners.head != nil {
		k.makeReady(t.joiners.head, nil)
	}
	for _, q := range t.watchers {
		k.WakeAll(q)
	}
	if t.group != nil {
		t.group.taskDone(t)
	}
	if t == k.main {
		t.joined = true
		k.mainVal, k.mainErr = t.result, t.err
	}
	if !t.joined && (t.err != nil || !t.daemon) {
		k.unjoined = append(k.unjoined, t) // warned about at the end unless joined by then
	}
}

// emit appends a record stamped with the current time.
func (k *Kernel) emit(kind Kind, task, obj int, st State, val int64, aux int32) {
	if !k.traceOff && !k.trace.add(kind, k.now, int32(task), int32(obj), st, val, aux) {
		k.traceFull()
	}
}

// traceFull stops a run whose trace has reached its limit.
func (k *Kernel) traceFull() {
	k.stop(k.limitError("trace events", int64(k.lim.TraceEvents)))
	if k.current != nil {
		k.current.suspend(trapAbort)
	}
}

// emitState records a state change of t, with its location when known.
func (k *Kernel) emitState(t *Task, st State, obj int, val int64) {
	if k.traceOff {
		return
	}
	var loc int32
	if st.Blocked() && k.current == t {
		loc = t.location() // where it blocks; READY and RUNNING are still there
		t.loc = loc
	}
	if !k.trace.add(EvState, k.now, int32(t.id), int32(obj), st, val, loc) {
		k.traceFull() // the hottest record skips emit's extra call
	}
}

// ring is a FIFO of tasks in a power-of-two circular buffer.
type ring struct {
	buf  []*Task
	head int
	n    int
}

func (r *ring) len() int { return r.n }

func (r *ring) push(t *Task) {
	if r.n == len(r.buf) {
		nb := make([]*Task, max(16, 2*len(r.buf)))
		for i := 0; i < r.n; i++ {
			nb[i] = r.buf[(r.head+i)&(len(r.buf)-1)]
		}
		r.buf, r.head = nb, 0
	}
	r.buf[(r.head+r.n)&(len(r.buf)-1)] = t
	r.n++
}

func (r *ring) pop() *Task {
	t := r.buf[r.head]
	r.buf[r.head] = nil
	r.head = (r.head + 1) & (len(r.buf) - 1)
	r.n--
	return t
}

// sortedIDs is a helper for deterministic iteration over task sets.
func sortedIDs(ts []*Task) []*Task {
	return slices.SortedFunc(slices.Values(ts), func(a, b *Task) int { return a.id - b.id })
}

// Tracebacker is an error that can render itself as a Python traceback.
type Tracebacker interface{ Traceback() string }

// UnjoinedReporter is implemented by a task's error that reports itself,
// when the task ends unjoined, in its own library's words: asyncio's
// "Task exception was never retrieved" rather than curio's.
type UnjoinedReporter interface{ UnjoinedReport() string }

// warnUnjoined reports, as curio does when it discards a task, every task
// that ended without being joined: a crash with its traceback, and any
// other non-daemon task with "never joined". Cancelled tasks and members of
// task groups are exempt, as in curio; a group's daemons are not members
// it answers for, so their crashes are reported.
func (k *Kernel) warnUnjoined() {
	for _, t := range sortedIDs(k.unjoined) {
		if t.joined || t.cancelled || t.group != nil && !t.groupDaemon { // a group answers for its members, not its daemons
			continue
		}
		var msg string
		switch {
		case t.err != nil:
			if r, ok := t.err.(UnjoinedReporter); ok {
				msg = r.UnjoinedReport()
				break
			}
			msg = "Exception in unjoined task " + t.String() + "\n"
			if tb, ok := t.err.(Tracebacker); ok {
				msg += tb.Traceback()
			} else {
				msg += t.err.Error() + "\n"
			}
		case !t.daemon:
			msg = t.String() + " never joined\n"
		default:
			continue
		}
		k.emit(EvWarning, t.id, 0, 0, int64(k.trace.str(msg)), 0)
		k.emit(EvOutput, 0, Stderr, 0, int64(k.trace.str(msg)), 0)
		if k.stderr != nil {
			k.stderr.Write([]byte(msg))
		}
	}
	k.unjoined = nil
}
