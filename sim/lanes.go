package sim

// The CPU time of threads and processes (see "Threads and processes" in the
// package documentation). A task of the kernel's own lane holds the one
// CPU while it computes; a thread lane holds it too, as CPython's GIL
// makes it, but hands it back when the rest of the program has wanted it
// for a switch interval; a process lane computes on a CPU of its own and
// sleeps its CPU time off in state COMPUTING so that the others run
// meanwhile. Whichever of the program's tasks holds the CPU, the world
// outside (peers, the network, typed lines) keeps its own time (see
// [Task.hold]); a peer's own work costs the program nothing.

// Machine describes the simulated computer that the program's threads and
// processes run on, and the sizes of the pools its libraries create (the
// kernel only carries those numbers; curio and asyncio read them). A zero
// field takes its default.
type Machine struct {
	// CPUs is the machine's CPU count (os.cpu_count()): default 4.
	CPUs int
	// SwitchInterval is CPython's sys.getswitchinterval(): a thread that
	// holds the CPU gives it back once others have waited this long for
	// it. Default 5 ms.
	SwitchInterval Time
	// Quantum is how much CPU time a process lane may owe before it sleeps
	// it off, so that its lane shows progress and limits apply. Default 1 ms.
	Quantum Time
	// ThreadPool is the number of workers of curio's run_in_thread pool:
	// default 64, curio's MAX_WORKER_THREADS.
	ThreadPool int
	// ProcessPool is the number of workers of curio's run_in_process pool:
	// default CPUs, as curio's multiprocessing.cpu_count().
	ProcessPool int
	// Executor is the number of workers of asyncio's default executor:
	// default min(32, CPUs+4), as concurrent.futures' ThreadPoolExecutor.
	Executor int
}

// DefaultCPUs is the simulated machine's CPU count unless configured.
const DefaultCPUs = 4

// withDefaults fills m's zero fields.
func (m Machine) withDefaults() Machine {
	if m.CPUs <= 0 {
		m.CPUs = DefaultCPUs
	}
	if m.SwitchInterval <= 0 {
		m.SwitchInterval = 5 * Millisecond
	}
	if m.Quantum <= 0 {
		m.Quantum = Millisecond
	}
	if m.ThreadPool <= 0 {
		m.ThreadPool = 64
	}
	if m.ProcessPool <= 0 {
		m.ProcessPool = m.CPUs
	}
	if m.Executor <= 0 {
		m.Executor = min(32, m.CPUs+4)
	}
	return m
}

// WithMachine describes the simulated machine (see [Machine]).
func WithMachine(m Machine) Option { return func(k *Kernel) { k.machine = m.withDefaults() } }

// SetMachine describes the simulated machine; call it before the run
// starts (a host's setup hook has the kernel, not its options).
func (k *Kernel) SetMachine(m Machine) {
	if k.main != nil {
		panic("sim: SetMachine after the run started")
	}
	k.machine = m.withDefaults()
}

// Machine is the simulated machine, defaults filled in.
func (k *Kernel) Machine() Machine { return k.machine }

// Now is the time as the task sees it: the kernel's clock, or for a
// process lane that has computed ahead of it, its own CPU's clock (the
// time at which what it does next becomes visible; see [Task.Settle]).
func (t *Task) Now() Time {
	if t.lane == LaneProcess && t.own > t.k.now {
		return t.own
	}
	return t.k.now
}

// Settle makes a process lane pay the CPU time it owes: it sleeps in
// state COMPUTING, uncancellably, until the clock reaches its own, so
// that what it does next is stamped with the time it really happens. The
// kernel settles before every blocking trap, before output and when the
// task ends; code that checks kernel state and then blocks on it (a
// queue's Get) must settle first, or another task may change that state
// during the settling. Other lanes owe nothing.
func (t *Task) Settle() {
	if t.lane == LaneProcess && t.own > t.k.now {
		t.park(t.own, Computing, true)
	}
}

// SleepBlocking is a blocking call made outside the kernel: time.sleep,
// or blocking I/O. In a task of the kernel's own lane it holds the one CPU
// for d, as computing does: the lesson "time.sleep blocks the event loop"
// (the world outside keeps its own time meanwhile; see [Task.Work]). A
// thread releases the GIL, and a process or a peer is on its own, so in
// those lanes only the lane itself waits, in TIME_SLEEP. It cannot be
// cancelled: the kernel cannot interrupt a thread or a process.
func (t *Task) SleepBlocking(d Time) {
	switch t.lane {
	case LaneThread, LaneProcess, LanePeer:
		t.mustRun()
		t.Settle()
		t.park(t.k.now+max(d, 0), TimeSleep, false)
	default:
		t.Charge(d)
	}
}

// park blocks t until the clock reaches until, in state st, with
// cancellation held back (a delivered cancellation stays pending for the
// next trap). cpu marks a process lane sleeping off its CPU time: its
// timer records no lateness and its own clock survives the wait.
func (t *Task) park(until Time, st State, cpu bool) {
	k := t.k
	allow := t.allowCancel
	t.allowCancel, t.cpuWait = false, cpu
	if until <= k.now {
		k.makeReady(t, nil)
	} else {
		k.heap(&t.sleepTimer).arm(&t.sleepTimer, until, &k.seq)
		t.state, t.waitObj = st, 0
		k.emitState(t, st, 0, int64(until))
	}
	t.yieldCPU()
	t.allowCancel, t.cpuWait = allow, false
}

// workProcess charges d of CPU time to a process lane's own CPU: the
// clock does not move; past a quantum of debt the lane sleeps it off.
// When the lane was held up (a timer of its own fired late because the
// kernel's lane was computing), its own clock is behind the kernel's and
// it computes on without sleeping until it has caught up: its CPU ran in
// parallel all along.
func (t *Task) workProcess(d Time) {
	t.own += d
	t.cpu += d
	if t.own-t.k.now >= t.k.machine.Quantum {
		t.Settle()
	}
}

// workThread charges d of CPU time to a thread lane: it holds the one CPU
// (the clock moves, as for the kernel's own tasks), but once the rest of
// the program has wanted the CPU for a switch interval it gives it back,
// exactly then, and continues when the scheduler picks it again.
func (t *Task) workThread(d Time) {
	k := t.k
	for d > 0 {
		step := d
		if w := k.gilWanted(t); w != never {
			at := w + k.machine.SwitchInterval
			if k.now >= at {
				t.gilYield()
				continue
			}
			step = min(d, at-k.now)
		}
		if k.now+step > k.lim.Time {
			k.now += step
			k.abortCurrent(k.limitError("time", int64(k.lim.Time)))
		}
		from := k.now
		t.hold(from + step) // may end early: a program task became ready
		t.cpu += k.now - from
		d -= k.now - from
	}
}

// gilWanted is the time since which the rest of the program has wanted
// the CPU that thread t holds: the earliest of the program's timers (due
// now or later), or when the ready queue or the queue of threads waiting
// for the GIL filled; never before t took the CPU. never: nobody will want
// it while t computes, unless the world wakes a task meanwhile (then the
// hold ends early and this is asked again). The world's timers and inputs
// do not want the CPU: they happen while t holds it.
func (k *Kernel) gilWanted(t *Task) Time {
	w := k.timers.next()
	if k.ready.len() > 0 {
		w = min(w, k.readySince)
	}
	if len(k.gilWait) > 0 {
		w = min(w, k.gilSince)
	}
	if w == never {
		return never
	}
	return max(w, t.gilAt)
}

// gilYield gives the CPU back: t stays READY, but it rejoins the ready
// queue only in the next pass, after the timers then due, so that a timer
// that fell due while t held the CPU fires before t runs on.
func (t *Task) gilYield() {
	k := t.k
	if len(k.gilWait) == 0 {
		k.gilSince = k.now
	}
	k.gilWait = append(k.gilWait, t)
	t.state = Ready
	k.emitState(t, Ready, 0, 0)
	t.yieldCPU()
}

// Kill ends target at once, running no more of its code (no Python
// finally block, no cleanup): a worker process terminated by its pool
// (curio's run_in_process on cancellation), or a thread or process that
// dies with the program at shutdown. It is recorded as a cancellation by
// t, then target's end with outcome killed. It reports false if target
// had already ended.
func (t *Task) Kill(target *Task) (bool, error) {
	if target == t {
		return false, runtimeError("A task can't kill itself")
	}
	return t.k.kill(target, t), nil
}

// kill marks target and makes it run, so that it unwinds where it stands
// (see [Task.suspend]); by is nil at shutdown.
func (k *Kernel) kill(target, by *Task) bool {
	if target.terminated || target.killed {
		return false
	}
	var byID int
	if by != nil {
		byID = by.id
	}
	target.killed, target.cancelled = true, true
	if target.lane == LaneProcess && target.own > k.now {
		target.cpu -= target.own - k.now // the CPU time it had not spent yet
	}
	k.emit(EvCancel, target.id, byID, 0, 0, 0)
	switch {
	case target.state.Blocked():
		k.makeReady(target, nil)
	case target.state == Ready:
		for i, w := range k.gilWait {
			if w == target {
				k.gilWait = append(k.gilWait[:i], k.gilWait[i+1:]...)
				k.ready.push(target)
				break
			}
		}
	}
	return true
}

// errKilled is the error a killed task ends with.
func (k *Kernel) errKilled() error { return &Cancelled{Kind: TaskCancelled, At: k.now} }

// hold moves the clock to end while t, a task of the program, holds the
// CPU (it computes, or blocks it in time.sleep). The world outside the
// program does not wait for it: its timers (peers' sleeps, the network's
// deliveries, [Kernel.At] funcs) fire at their times, its inputs
// ([WorldInput]) are delivered, and the peers they wake run then, on their own machines, so
// that bytes land in the program's buffers when they arrive. The
// program's own tasks, timers and inputs (signals) still wait for t: they
// run, and record their lateness, once it gives the CPU back. When nothing of the world
// falls due before end (the common case) the clock just moves.
//
// Otherwise t stops invisibly (it stays RUNNING) and the scheduler runs the
// world up to end ([Kernel.holdStep]), as a task that yields does
// ([Task.awaitTurn]). A thread's hold
// ends early, at the moment a program task becomes ready, so that it can
// count its switch interval from then.
func (t *Task) hold(end Time) {
	k := t.k
	if k.readyPeers == 0 && min(k.world.next(), k.worldIn.next()) > end {
		k.now = end
		return
	}
	k.takeReadyPeers()
	k.holder, k.holdEnd = t, end
	k.holdCut = t.lane == LaneThread && k.ready.len() == 0
	t.awaitTurn() // holdStep hands the CPU back when the hold is over
	k.current = t
}

// takeReadyPeers moves the peers waiting in the ready queue to the peers'
// own queue, keeping the order of both, so that they run while a program
// task holds the CPU.
func (k *Kernel) takeReadyPeers() {
	if k.readyPeers == 0 {
		return
	}
	n, pass := k.ready.len(), k.passLeft
	for i := range n {
		t := k.ready.pop()
		if t.lane != LanePeer {
			k.ready.push(t)
			continue
		}
		if i < pass {
			k.passLeft--
		}
		k.peerReady.push(t)
	}
	k.readyPeers = 0
}

// holdStep takes one step of the world's time while k.holder holds the
// CPU: it runs a ready peer, or moves the clock to the world's next event
// within the hold and delivers it, or ends the hold and resumes the holder.
// It returns a task that pick must return (see [Kernel.pick]), else nil.
func (k *Kernel) holdStep(host *Task) *Task {
	if k.peerReady.len() > 0 {
		t := k.peerReady.pop()
		if t.state != Ready || !k.startRunning(t) {
			return nil
		}
		if host == nil || t == host {
			return t
		}
		k.runGuest(t)
		return nil
	}
	if k.holdCut && k.ready.len() > 0 {
		k.holdEnd = k.now // a thread counts its switch interval from now
	}
	if next := min(k.world.next(), k.worldIn.next()); next <= k.holdEnd {
		k.now = max(k.now, next)
		k.deliverWorld()
		k.expireWorld()
		return nil
	}
	h := k.holder
	k.holder = nil
	k.now = k.holdEnd
	k.current = h
	if host == nil || h == host {
		return h
	}
	k.runGuest(h)
	return nil
}
