package sim

// Event is curio's Event: a flag tasks can wait for. Waiters wake in FIFO
// order when it is set.
type Event struct {
	k       *Kernel
	id      int
	set     bool
	waiters WaitQueue
}

// NewEvent creates an event that is not set.
func (k *Kernel) NewEvent(name string) *Event {
	return &Event{k: k, id: k.newObject("Event", name, 0)}
}

// ID is the event's object id in the trace.
func (e *Event) ID() int { return e.id }

// IsSet reports whether the event is set.
func (e *Event) IsSet() bool { return e.set }

// Waiting is the number of tasks waiting for the event.
func (e *Event) Waiting() int { return e.waiters.Len() }

// Set sets the flag and wakes every waiter.
func (e *Event) Set() {
	e.set = true
	e.k.emit(EvFlag, e.k.currentID(), e.id, 0, 1, 0)
	e.k.WakeAll(&e.waiters)
}

// Clear resets the flag.
func (e *Event) Clear() {
	e.set = false
	e.k.emit(EvFlag, e.k.currentID(), e.id, 0, 0, 0)
}

// Wait blocks t until the event is set; it returns at once if it is.
func (e *Event) Wait(t *Task) error {
	if e.set {
		return nil
	}
	// Block once, without re-checking the flag when woken: as in curio and
	// asyncio, Set wakes every current waiter even if the event is cleared
	// again before they run (a set-then-clear pulse is not lost).
	return t.block(&e.waiters, EventWait, e.id, 0)
}

// Lock is curio's Lock, or RLock when reentrant. Release hands the lock
// straight to the first waiter, so waiters acquire it in FIFO order.
type Lock struct {
	k         *Kernel
	id        int
	reentrant bool
	owner     *Task
	depth     int
	waiters   WaitQueue
}

// NewLock creates an unlocked Lock.
func (k *Kernel) NewLock(name string) *Lock {
	return &Lock{k: k, id: k.newObject("Lock", name, 0)}
}

// NewRLock creates an unlocked reentrant lock: its owner may acquire it
// again and must release it as many times.
func (k *Kernel) NewRLock(name string) *Lock {
	return &Lock{k: k, id: k.newObject("RLock", name, 0), reentrant: true}
}

// ID is the lock's object id in the trace.
func (l *Lock) ID() int { return l.id }

// Locked reports whether some task holds the lock.
func (l *Lock) Locked() bool { return l.owner != nil }

// Owner is the task holding the lock, or nil.
func (l *Lock) Owner() *Task { return l.owner }

// Waiting is the number of tasks waiting to acquire the lock.
func (l *Lock) Waiting() int { return l.waiters.Len() }

func (l *Lock) changed() {
	var owner int
	if l.owner != nil {
		owner = l.owner.id
	}
	l.k.emit(EvLock, l.k.currentID(), l.id, 0, int64(owner), int32(l.depth))
}

// Acquire blocks t until it holds the lock.
func (l *Lock) Acquire(t *Task) error {
	switch {
	case l.owner == nil:
		l.owner, l.depth = t, 1
		l.changed()
		return nil
	case l.reentrant && l.owner == t:
		l.depth++
		l.changed()
		return nil
	}
	// Release makes t the owner before waking it.
	return t.block(&l.waiters, LockAcquire, l.id, 0)
}

// Release gives the lock up, handing it to the first waiter if any.
func (l *Lock) Release(t *Task) error {
	if l.owner == nil {
		if l.reentrant {
			return runtimeError("RLock is not locked")
		}
		return runtimeError("Lock is not acquired")
	}
	if l.reentrant {
		if l.owner != t {
			return runtimeError("RLock can only be released by the owner")
		}
		if l.depth--; l.depth > 0 {
			l.changed()
			return nil
		}
	}
	if w := l.waiters.head; w != nil {
		l.owner, l.depth = w, 1
		l.k.makeReady(w, nil)
	} else {
		l.owner, l.depth = nil, 0
	}
	l.changed()
	return nil
}

// Semaphore is curio's Semaphore, or BoundedSemaphore when bounded. A
// release with waiters hands its unit straight to the first of them.
type Semaphore struct {
	k       *Kernel
	id      int
	value   int
	bound   int // initial value of a BoundedSemaphore, -1 if unbounded
	waiters WaitQueue
}

// NewSemaphore creates a semaphore with the given value.
func (k *Kernel) NewSemaphore(name string, value int) *Semaphore {
	return &Semaphore{k: k, id: k.newObject("Semaphore", name, value), value: value, bound: -1}
}

// NewBoundedSemaphore creates a semaphore that may not be released above
// its initial value.
func (k *Kernel) NewBoundedSemaphore(name string, value int) *Semaphore {
	return &Semaphore{k: k, id: k.newObject("BoundedSemaphore", name, value), value: value, bound: value}
}

// ID is the semaphore's object id in the trace.
func (s *Semaphore) ID() int { return s.id }

// Value is the number of units available.
func (s *Semaphore) Value() int { return s.value }

// Locked reports whether an acquire would block.
func (s *Semaphore) Locked() bool { return s.value <= 0 }

// Waiting is the number of tasks waiting to acquire.
func (s *Semaphore) Waiting() int { return s.waiters.Len() }

func (s *Semaphore) changed() {
	s.k.emit(EvSema, s.k.currentID(), s.id, 0, int64(s.value), int32(s.waiters.Len()))
}

// Acquire takes a unit, blocking t until one is available.
func (s *Semaphore) Acquire(t *Task) error {
	if s.value > 0 {
		s.value--
		s.changed()
		return nil
	}
	return t.block(&s.waiters, SemaAcquire, s.id, 0)
}

// Release returns a unit.
func (s *Semaphore) Release() error {
	if w := s.waiters.head; w != nil {
		s.k.makeReady(w, nil)
	} else {
		if s.bound >= 0 && s.value >= s.bound {
			return &UsageError{Python: "ValueError", Msg: "BoundedSemaphore released too many times"}
		}
		s.value++
	}
	s.changed()
	return nil
}

// Condition is curio's Condition over a Lock. Notify with no waiters does
// nothing (curio 1.x raised there; CPython's threading does not).
type Condition struct {
	k       *Kernel
	id      int
	lock    *Lock
	waiters WaitQueue
}

// NewCondition creates a condition variable over lock (a new Lock if nil).
func (k *Kernel) NewCondition(name string, lock *Lock) *Condition {
	if lock == nil {
		lock = k.NewLock(name + ".lock")
	}
	return &Condition{k: k, id: k.newObject("Condition", name, 0), lock: lock}
}

// ID is the condition's object id in the trace.
func (c *Condition) ID() int { return c.id }

// Lock is the condition's lock.
func (c *Condition) Lock() *Lock { return c.lock }

// Waiting is the number of tasks waiting to be notified.
func (c *Condition) Waiting() int { return c.waiters.Len() }

// Wait releases the lock, blocks t until notified, and reacquires the lock
// before returning, even when the wait was cancelled.
func (c *Condition) Wait(t *Task) error {
	if c.lock.owner != t {
		return runtimeError("Can't wait on unacquired lock")
	}
	depth := c.lock.depth
	c.lock.depth = 1
	c.lock.Release(t)
	err := t.block(&c.waiters, CondWait, c.id, 0)
	// Reacquire the lock whatever happens, as asyncio's Condition does: a
	// cancellation, timeout or interrupt that arrives while t waits in
	// LOCK_ACQUIRE must not make Wait return without the lock. Wait
	// returns the first error; a later one stays pending for t's next
	// blocking trap, so it is not lost.
	var later error
	for {
		aerr := c.lock.Acquire(t)
		if aerr == nil {
			break
		}
		if err == nil {
			err = aerr
		} else if later == nil {
			later = aerr
		}
	}
	if later != nil && t.cancelPending == nil {
		t.cancelPending = later
	}
	c.lock.depth = depth
	return err
}

// WaitFor waits until pred reports true, checking it before each wait.
func (c *Condition) WaitFor(t *Task, pred func() (bool, error)) error {
	for {
		ok, err := pred()
		if err != nil || ok {
			return err
		}
		if err := c.Wait(t); err != nil {
			return err
		}
	}
}

// Notify wakes up to n waiters, in FIFO order. t must hold the lock.
func (c *Condition) Notify(t *Task, n int) error {
	if c.lock.owner != t {
		return runtimeError("Can't notify on unacquired lock")
	}
	for ; n > 0 && c.waiters.head != nil; n-- {
		c.k.makeReady(c.waiters.head, nil)
	}
	return nil
}

// NotifyAll wakes every waiter. t must hold the lock.
func (c *Condition) NotifyAll(t *Task) error {
	return c.Notify(t, c.waiters.Len())
}
