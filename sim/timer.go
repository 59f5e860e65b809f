package sim

type timerKind uint8

const (
	timerSleep timerKind = iota
	timerTimeout
	timerFunc
)

// timer is an entry of the kernel's timer heap. Sleep and timeout timers
// live inside their task, so arming one allocates nothing; idx lets a
// cancelled or restored timer leave the heap at once, so deadlines that are
// never hit do not pile up.
type timer struct {
	when Time
	seq  uint64
	idx  int // position in the heap, -1 when not armed
	kind timerKind
	task *Task
	fn   func()
}

// timerHeap orders timers by (deadline, sequence): equal deadlines fire in
// the order they were armed.
type timerHeap []*timer

func (h timerHeap) less(i, j int) bool {
	a, b := h[i], h[j]
	return a.when < b.when || (a.when == b.when && a.seq < b.seq)
}

func (h timerHeap) swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].idx, h[j].idx = i, j
}

func (h timerHeap) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !h.less(i, p) {
			return
		}
		h.swap(i, p)
		i = p
	}
}

func (h timerHeap) down(i int) {
	n := len(h)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		m := l
		if r := l + 1; r < n && h.less(r, l) {
			m = r
		}
		if !h.less(m, i) {
			return
		}
		h.swap(i, m)
		i = m
	}
}

// arm (re)schedules tm at when.
func (h *timerHeap) arm(tm *timer, when Time, seq *uint64) {
	if tm.idx >= 0 {
		h.remove(tm)
	}
	*seq++
	tm.when, tm.seq, tm.idx = when, *seq, len(*h)
	*h = append(*h, tm)
	h.up(tm.idx)
}

func (h *timerHeap) remove(tm *timer) {
	i, last := tm.idx, len(*h)-1
	if i != last {
		h.swap(i, last)
	}
	(*h)[last] = nil
	*h = (*h)[:last]
	if i != last {
		h.down(i)
		h.up(i)
	}
	tm.idx = -1
}

func (h timerHeap) next() Time {
	if len(h) == 0 {
		return never
	}
	return h[0].when
}

// lastBefore is the latest deadline at or before limit, or -1 if there is
// none; it visits only the timers due by then.
func (h timerHeap) lastBefore(limit Time) Time {
	if len(h) == 0 || h[0].when > limit {
		return -1
	}
	last := h[0].when
	var walk func(i int)
	walk = func(i int) {
		if i >= len(h) || h[i].when > limit {
			return // the subtree holds only later deadlines
		}
		last = max(last, h[i].when)
		walk(2*i + 1)
		walk(2*i + 2)
	}
	walk(0)
	return last
}

// heap is the timer heap tm belongs in: the world's (timer funcs and the
// timers of peers, which keep their own time while the program computes;
// see [Task.hold]) or the program's.
func (k *Kernel) heap(tm *timer) *timerHeap {
	if tm.kind == timerFunc || tm.task.lane == LanePeer {
		return &k.world
	}
	return &k.timers
}

// expireTimers fires every timer due now, the program's and the world's
// together, in (deadline, sequence) order, recording how late each fired
// (late only when a task held the CPU).
func (k *Kernel) expireTimers() {
	for k.stopErr == nil {
		p, w := k.timers, k.world
		switch {
		case len(p) > 0 && p[0].when <= k.now && (len(w) == 0 || p.less0(w)):
			k.fire(p[0])
		case len(w) > 0 && w[0].when <= k.now:
			k.fire(w[0])
		default:
			return
		}
	}
}

// less0 reports whether h's first timer comes before o's (o not empty).
func (h timerHeap) less0(o timerHeap) bool {
	a, b := h[0], o[0]
	return a.when < b.when || (a.when == b.when && a.seq < b.seq)
}

// expireWorld fires the world's timers due now, in (deadline, sequence)
// order, while a task of the program holds the CPU.
func (k *Kernel) expireWorld() {
	for len(k.world) > 0 && k.world[0].when <= k.now && k.stopErr == nil {
		k.fire(k.world[0])
	}
}

// fire removes tm from its heap and does what it is for.
func (k *Kernel) fire(tm *timer) {
	k.heap(tm).remove(tm)
	late := k.now - tm.when
	switch tm.kind {
	case timerSleep:
		if !tm.task.cpuWait { // a process's own CPU is never late
			k.emit(EvTimer, tm.task.id, 0, TimeSleep, int64(late), 0)
		}
		k.makeReady(tm.task, nil)
	case timerTimeout:
		k.emit(EvTimer, tm.task.id, 0, Ready, int64(late), 0)
		k.fireTimeout(tm.task)
	case timerFunc:
		tm.fn()
	}
}

// Timer is a callback the kernel runs at a virtual time, in the timer phase
// of a pass; the world uses it to deliver bytes and to pace its peers.
type Timer struct{ tm timer }

// At schedules fn to run at virtual time when (or at once, in the next
// timer phase, if when has passed). The returned timer can be stopped.
func (k *Kernel) At(when Time, fn func()) *Timer {
	t := &Timer{tm: timer{idx: -1, kind: timerFunc, fn: fn}}
	k.world.arm(&t.tm, when, &k.seq)
	return t
}

// Stop cancels the timer if it has not fired; it reports whether it had
// been pending.
func (k *Kernel) StopTimer(t *Timer) bool {
	if t.tm.idx < 0 {
		return false
	}
	k.world.remove(&t.tm)
	return true
}

// Timers is the number of armed timers (sleeps, deadlines, callbacks).
func (k *Kernel) Timers() int { return len(k.timers) + len(k.world) }
