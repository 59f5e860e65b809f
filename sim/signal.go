package sim

import "slices"

// Signal is a Unix signal number, delivered to the program by the world, a
// test or the page at a virtual time with [Kernel.Inject].
type Signal int

// The signals lessons use.
const (
	SIGHUP  Signal = 1
	SIGINT  Signal = 2
	SIGQUIT Signal = 3
	SIGKILL Signal = 9
	SIGUSR1 Signal = 10
	SIGUSR2 Signal = 12
	SIGTERM Signal = 15
)

var signalNames = map[Signal]string{
	SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGKILL: "SIGKILL",
	SIGUSR1: "SIGUSR1", SIGUSR2: "SIGUSR2", SIGTERM: "SIGTERM",
}

func (s Signal) String() string {
	if n, ok := signalNames[s]; ok {
		return n
	}
	return "signal " + itoa(int64(s))
}

// ParseSignal accepts "SIGINT", "INT" or "2".
func ParseSignal(name string) (Signal, bool) {
	for s, n := range signalNames {
		if name == n || "SIG"+name == n || name == itoa(int64(s)) {
			return s, true
		}
	}
	return 0, false
}

// Input is something from outside the program that the kernel delivers at
// a virtual time, in the first phase of a pass. Signals are inputs; the
// world adds its own kinds (typed lines, connecting clients).
type Input interface {
	Deliver(k *Kernel)
}

// Deliver raises the signal in the program.
func (s Signal) Deliver(k *Kernel) { k.raise(s) }

type pendingInput struct {
	at  Time
	seq uint64
	in  Input
}

// inputHeap is kept sorted by (time, sequence); inputs are few.
type inputHeap []pendingInput

func (h inputHeap) next() Time {
	if len(h) == 0 {
		return never
	}
	return h[0].at
}

// WorldInput is an input that happens outside the program, such as a line
// typed on a terminal (itself a peer): it is delivered at its time even
// while a task of the program holds the CPU, as the world's timers are
// (see [Task.Work]). Other inputs (signals, the monitor's cancel) reach
// the program through its kernel's loop, so they wait for the CPU.
type WorldInput interface {
	Input
	OutsideProgram()
}

// Inject schedules in for delivery at virtual time at (at once, in the next
// pass, if at has passed). Inputs at the same time arrive in the order they
// were injected.
func (k *Kernel) Inject(at Time, in Input) {
	k.seq++
	p := pendingInput{at: at, seq: k.seq, in: in}
	h := &k.inputs
	if _, ok := in.(WorldInput); ok {
		h = &k.worldIn
	}
	i, _ := slices.BinarySearchFunc(*h, p, func(a, b pendingInput) int {
		if a.at != b.at {
			return cmpTime(a.at, b.at)
		}
		return cmpU64(a.seq, b.seq)
	})
	*h = slices.Insert(*h, i, p)
}

// Pending is the number of inputs not yet delivered.
func (k *Kernel) Pending() int { return len(k.inputs) + len(k.worldIn) }

// deliverInputs delivers the inputs due now, the program's and the
// world's together, in (time, sequence) order.
func (k *Kernel) deliverInputs() {
	for k.stopErr == nil {
		p, w := k.inputs, k.worldIn
		var h *inputHeap
		switch {
		case len(p) > 0 && p[0].at <= k.now && (len(w) == 0 || p[0].at < w[0].at ||
			p[0].at == w[0].at && p[0].seq < w[0].seq):
			h = &k.inputs
		case len(w) > 0 && w[0].at <= k.now:
			h = &k.worldIn
		default:
			return
		}
		in := (*h)[0].in
		*h = (*h)[1:]
		in.Deliver(k)
	}
}

// deliverWorld delivers the world's inputs due now, while a task of the
// program holds the CPU.
func (k *Kernel) deliverWorld() {
	for len(k.worldIn) > 0 && k.worldIn[0].at <= k.now && k.stopErr == nil {
		in := k.worldIn[0].in
		k.worldIn = k.worldIn[1:]
		in.Deliver(k)
	}
}

func cmpTime(a, b Time) int {
	if a < b {
		return -1
	}
	return 1
}

func cmpU64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// signalWatcher receives the signals it registered for.
type signalWatcher interface{ notify(Signal) }

// signalTable maps each signal to its watchers in registration order.
type signalTable map[Signal][]signalWatcher

func (k *Kernel) watch(w signalWatcher, sigs []Signal) {
	if k.signals == nil {
		k.signals = signalTable{}
	}
	for _, s := range sigs {
		k.signals[s] = append(k.signals[s], w)
	}
}

func (k *Kernel) unwatch(w signalWatcher) {
	for s, ws := range k.signals {
		k.signals[s] = slices.DeleteFunc(ws, func(x signalWatcher) bool { return x == w })
	}
}

// raise delivers a signal: to its watchers if there are any, otherwise with
// the default action of a Python program. SIGINT raises KeyboardInterrupt
// in the main task, so the program unwinds and the kernel cancels the rest
// (the tutorial's "hit Control-C twice"); the other signals end the process
// on the spot, with no cleanup, as they would a real one.
func (k *Kernel) raise(s Signal) {
	ws := k.signals[s]
	if s == SIGKILL {
		ws = nil // cannot be caught
	}
	k.emit(EvSignal, 0, 0, 0, int64(s), int32(len(ws)))
	for _, w := range slices.Clone(ws) {
		w.notify(s)
	}
	switch {
	case len(ws) > 0:
	case s == SIGINT && !k.main.terminated:
		m := k.main
		exc := &Interrupt{At: k.now}
		if m.state.Blocked() {
			k.makeReady(m, exc)
		} else {
			m.cancelPending = exc
		}
	case s != SIGINT:
		k.stop(&SignalExit{Signal: s, At: k.now})
	}
}

// SignalEvent is curio's SignalEvent: an Event set whenever one of its
// signals arrives. While it exists it replaces the signals' default
// actions; Close (Python's `del`) restores them.
type SignalEvent struct {
	*Event
	closed bool
}

// NewSignalEvent creates an event watching sigs.
func (k *Kernel) NewSignalEvent(name string, sigs ...Signal) *SignalEvent {
	e := &SignalEvent{Event: &Event{k: k, id: k.newObject("SignalEvent", name, 0)}}
	k.watch(e, sigs)
	return e
}

func (e *SignalEvent) notify(Signal) { e.Set() }

// Close stops watching; the signals' default actions apply again.
func (e *SignalEvent) Close() {
	if !e.closed {
		e.closed = true
		e.k.unwatch(e)
	}
}

// SignalQueue is curio's SignalQueue: every arrival of one of its signals
// is queued, so a program can respond to each (e.g. SIGHUP to restart).
type SignalQueue struct {
	*Queue
	closed bool
}

// NewSignalQueue creates an unbounded queue of arriving signals.
func (k *Kernel) NewSignalQueue(name string, sigs ...Signal) *SignalQueue {
	q := &SignalQueue{Queue: &Queue{k: k, id: k.newObject("SignalQueue", name, 0)}}
	k.watch(q, sigs)
	return q
}

func (q *SignalQueue) notify(s Signal) { q.add(s) }

// Close stops watching; the signals' default actions apply again.
func (q *SignalQueue) Close() {
	if !q.closed {
		q.closed = true
		q.k.unwatch(q)
	}
}

// CancelTask is the monitor's `cancel N` as an input: at its time the
// kernel cancels task N as if an outside hand had (the cancel record names
// no task as its source). A task that has ended, or never existed, is left
// alone.
type CancelTask int

// Deliver cancels the task.
func (c CancelTask) Deliver(k *Kernel) {
	if t := k.Task(int(c)); t != nil {
		k.cancel(t, nil, false)
	}
}
