package modules

import (
	"asyncplay/sim"
	rt "asyncplay/sim/py/runtime"
)

// The synchronization primitives and queues of curio, each a thin Python
// face on its kernel object: curio's async methods become awaitables that
// trap into the kernel.

var (
	eventClass       = newType("Event", "curio.sync")
	lockClass        = newType("Lock", "curio.sync")
	rlockClass       = newType("RLock", "curio.sync")
	semaphoreClass   = newType("Semaphore", "curio.sync")
	boundedSemClass  = newType("BoundedSemaphore", "curio.sync")
	conditionClass   = newType("Condition", "curio.sync")
	queueClass       = newType("Queue", "curio.queue")
	priorityQClass   = newType("PriorityQueue", "curio.queue")
	lifoQClass       = newType("LifoQueue", "curio.queue")
	signalEventClass = newType("SignalEvent", "curio.signal")
	signalQueueClass = newType("SignalQueue", "curio.signal")
)

type eventObj struct{ e *sim.Event }
type lockObj struct {
	l   *sim.Lock
	cls *rt.Class
}
type semObj struct {
	s   *sim.Semaphore
	cls *rt.Class
}
type condObj struct {
	c    *sim.Condition
	lock *lockObj
}
type queueObj struct {
	q   *sim.Queue
	cls *rt.Class
	th  *rt.Thread // the thread comparing items of a priority queue now
}
type signalEventObj struct{ e *sim.SignalEvent }
type signalQueueObj struct{ q *sim.SignalQueue }

func (o *eventObj) Type() *rt.Class       { return eventClass }
func (o *lockObj) Type() *rt.Class        { return o.cls }
func (o *semObj) Type() *rt.Class         { return o.cls }
func (o *condObj) Type() *rt.Class        { return conditionClass }
func (o *queueObj) Type() *rt.Class       { return o.cls }
func (o *signalEventObj) Type() *rt.Class { return signalEventClass }
func (o *signalQueueObj) Type() *rt.Class { return signalQueueClass }

// Release gives Control-C back its default action when the program does
// `del goodbye` (see runtime.Releaser).
func (o *signalEventObj) Release() { o.e.Close() }
func (o *signalQueueObj) Release() { o.q.Close() }

// kernel is the kernel a constructor runs under.
func kernel(th *rt.Thread) (*sim.Kernel, error) {
	if th.Task == nil {
		return nil, rt.NewError(rt.RuntimeErrorClass, "curio needs a running kernel")
	}
	return th.Task.Kernel(), nil
}

// def adds a method to a curio class; aDef one that returns an awaitable.
func def(c *rt.Class, name string, f func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error)) {
	rt.Def(c, name, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return f(th, args[0], args[1:], kw)
	})
}

func aDef(c *rt.Class, name string, f func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error)) {
	rt.Def(c, name, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		self, rest := args[0], args[1:]
		return async(c.Name+"."+name, func(th *rt.Thread) (rt.Value, error) { return f(th, self, rest, kw) }), nil
	})
}

// blocking runs a kernel call that may block, on the task's stack.
func blocking(th *rt.Thread, f func(t *sim.Task) error) (rt.Value, error) {
	return rt.None, kcall(th, f)
}

func (st *curioState) defineSync(m *rt.Module) {
	ctor := func(name string, c *rt.Class, f func(th *rt.Thread, k *sim.Kernel, args []rt.Value, kw *rt.Kwargs) (rt.Value, error)) {
		m.NS.Set(name, c)
		rt.SetConstructor(c, func(th *rt.Thread, _ *rt.Class, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			k, err := kernel(th)
			if err != nil {
				return nil, err
			}
			return f(th, k, args, kw)
		})
	}
	ctor("Event", eventClass, func(th *rt.Thread, k *sim.Kernel, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return &eventObj{k.NewEvent("")}, nil
	})
	ctor("Lock", lockClass, func(th *rt.Thread, k *sim.Kernel, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return &lockObj{k.NewLock(""), lockClass}, nil
	})
	ctor("RLock", rlockClass, func(th *rt.Thread, k *sim.Kernel, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return &lockObj{k.NewRLock(""), rlockClass}, nil
	})
	semCtor := func(cls *rt.Class, bounded bool) func(th *rt.Thread, k *sim.Kernel, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return func(th *rt.Thread, k *sim.Kernel, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := rt.UnpackArgs(cls.Name, args, kw, []string{"value"}, 0)
			if err != nil {
				return nil, err
			}
			value := 1
			if a[0] != nil {
				n, ok := a[0].(rt.Int)
				if !ok || n < 0 {
					return nil, rt.NewError(rt.ValueErrorClass, "semaphore initial value must be >= 0")
				}
				value = int(n)
			}
			if bounded {
				return &semObj{k.NewBoundedSemaphore("", value), cls}, nil
			}
			return &semObj{k.NewSemaphore("", value), cls}, nil
		}
	}
	ctor("Semaphore", semaphoreClass, semCtor(semaphoreClass, false))
	ctor("BoundedSemaphore", boundedSemClass, semCtor(boundedSemClass, true))
	ctor("Condition", conditionClass, func(th *rt.Thread, k *sim.Kernel, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("Condition", args, kw, []string{"lock"}, 0)
		if err != nil {
			return nil, err
		}
		lock, _ := a[0].(*lockObj)
		if lock == nil {
			lock = &lockObj{k.NewLock(""), lockClass}
		}
		return &condObj{k.NewCondition("", lock.l), lock}, nil
	})
	queueCtor := func(cls *rt.Class, order sim.QueueOrder) func(th *rt.Thread, k *sim.Kernel, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return func(th *rt.Thread, k *sim.Kernel, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := rt.UnpackArgs(cls.Name, args, kw, []string{"maxsize"}, 0)
			if err != nil {
				return nil, err
			}
			maxsize := 0
			if a[0] != nil {
				n, ok := a[0].(rt.Int)
				if !ok {
					return nil, rt.NewError(rt.TypeErrorClass, "maxsize must be an integer")
				}
				maxsize = int(n)
			}
			o := &queueObj{cls: cls}
			if order == sim.Priority {
				o.q = k.NewPriorityQueue("", maxsize, func(x, y any) (bool, error) {
					r, err := rt.Compare(o.th, rt.CmpLt, x, y)
					if err != nil {
						return false, err
					}
					return rt.Truth(o.th, r)
				})
			} else {
				o.q = k.NewQueue("", order, maxsize)
			}
			return o, nil
		}
	}
	ctor("Queue", queueClass, queueCtor(queueClass, sim.FIFO))
	ctor("PriorityQueue", priorityQClass, queueCtor(priorityQClass, sim.Priority))
	ctor("LifoQueue", lifoQClass, queueCtor(lifoQClass, sim.LIFO))
	signals := func(args []rt.Value) ([]sim.Signal, error) {
		var out []sim.Signal
		for _, a := range args {
			n, ok := a.(rt.Int)
			if !ok {
				return nil, rt.NewError(rt.TypeErrorClass, "signal number must be an integer")
			}
			out = append(out, sim.Signal(n))
		}
		return out, nil
	}
	ctor("SignalEvent", signalEventClass, func(th *rt.Thread, k *sim.Kernel, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		sigs, err := signals(args)
		if err != nil {
			return nil, err
		}
		return &signalEventObj{k.NewSignalEvent("", sigs...)}, nil
	})
	ctor("SignalQueue", signalQueueClass, func(th *rt.Thread, k *sim.Kernel, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		sigs, err := signals(args)
		if err != nil {
			return nil, err
		}
		return &signalQueueObj{k.NewSignalQueue("", sigs...)}, nil
	})
}

func init() {
	// Event (and SignalEvent, which is one).
	eventOf := func(self rt.Value) *sim.Event {
		if s, ok := self.(*signalEventObj); ok {
			return s.e.Event
		}
		return self.(*eventObj).e
	}
	for _, c := range []*rt.Class{eventClass, signalEventClass} {
		def(c, "is_set", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return rt.MakeBool(eventOf(self).IsSet()), nil
		})
		aDef(c, "set", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return blocking(th, func(t *sim.Task) error { eventOf(self).Set(); return nil })
		})
		def(c, "clear", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return blocking(th, func(t *sim.Task) error { eventOf(self).Clear(); return nil })
		})
		aDef(c, "wait", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return blocking(th, func(t *sim.Task) error { return eventOf(self).Wait(t) })
		})
	}

	// Lock and RLock: acquire, release, locked, async with.
	for _, c := range []*rt.Class{lockClass, rlockClass} {
		aDef(c, "acquire", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			_, err := blocking(th, func(t *sim.Task) error { return self.(*lockObj).l.Acquire(t) })
			return rt.True, err
		})
		aDef(c, "release", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return blocking(th, func(t *sim.Task) error { return self.(*lockObj).l.Release(t) })
		})
		def(c, "locked", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return rt.MakeBool(self.(*lockObj).l.Locked()), nil
		})
		aDef(c, "__aenter__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			_, err := blocking(th, func(t *sim.Task) error { return self.(*lockObj).l.Acquire(t) })
			return self, err
		})
		aDef(c, "__aexit__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			_, err := blocking(th, func(t *sim.Task) error { return self.(*lockObj).l.Release(t) })
			return rt.False, err
		})
	}

	// Semaphore and BoundedSemaphore.
	for _, c := range []*rt.Class{semaphoreClass, boundedSemClass} {
		aDef(c, "acquire", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			_, err := blocking(th, func(t *sim.Task) error { return self.(*semObj).s.Acquire(t) })
			return rt.True, err
		})
		aDef(c, "release", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return blocking(th, func(t *sim.Task) error { return self.(*semObj).s.Release() })
		})
		def(c, "locked", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return rt.MakeBool(self.(*semObj).s.Locked()), nil
		})
		aDef(c, "__aenter__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			_, err := blocking(th, func(t *sim.Task) error { return self.(*semObj).s.Acquire(t) })
			return self, err
		})
		aDef(c, "__aexit__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			_, err := blocking(th, func(t *sim.Task) error { return self.(*semObj).s.Release() })
			return rt.False, err
		})
	}

	// Condition.
	cond := func(self rt.Value) *condObj { return self.(*condObj) }
	aDef(conditionClass, "acquire", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		_, err := blocking(th, func(t *sim.Task) error { return cond(self).lock.l.Acquire(t) })
		return rt.True, err
	})
	aDef(conditionClass, "release", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return blocking(th, func(t *sim.Task) error { return cond(self).lock.l.Release(t) })
	})
	def(conditionClass, "locked", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.MakeBool(cond(self).lock.l.Locked()), nil
	})
	aDef(conditionClass, "__aenter__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		_, err := blocking(th, func(t *sim.Task) error { return cond(self).lock.l.Acquire(t) })
		return self, err
	})
	aDef(conditionClass, "__aexit__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		_, err := blocking(th, func(t *sim.Task) error { return cond(self).lock.l.Release(t) })
		return rt.False, err
	})
	aDef(conditionClass, "wait", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return blocking(th, func(t *sim.Task) error { return cond(self).c.Wait(t) })
	})
	aDef(conditionClass, "wait_for", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if len(args) != 1 {
			return nil, rt.ArgError("wait_for() takes exactly one argument (%d given)", len(args))
		}
		pred := args[0]
		for {
			r, err := rt.Call(th, pred, nil, nil)
			if err != nil {
				return nil, err
			}
			if ok, err := rt.Truth(th, r); err != nil || ok {
				return r, err
			}
			if _, err := blocking(th, func(t *sim.Task) error { return cond(self).c.Wait(t) }); err != nil {
				return nil, err
			}
		}
	})
	aDef(conditionClass, "notify", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		n := 1
		if len(args) > 0 {
			if v, ok := args[0].(rt.Int); ok {
				n = int(v)
			}
		}
		return blocking(th, func(t *sim.Task) error { return cond(self).c.Notify(t, n) })
	})
	aDef(conditionClass, "notify_all", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return blocking(th, func(t *sim.Task) error { return cond(self).c.NotifyAll(t) })
	})

	// Queues (and SignalQueue, which is one).
	queueOf := func(th *rt.Thread, self rt.Value) *sim.Queue {
		if s, ok := self.(*signalQueueObj); ok {
			return s.q.Queue
		}
		o := self.(*queueObj)
		o.th = th
		return o.q
	}
	get := func(th *rt.Thread, self rt.Value) (rt.Value, error) {
		var item any
		err := kcall(th, func(t *sim.Task) error {
			var err error
			item, err = queueOf(th, self).Get(t)
			return err
		})
		if err != nil {
			return nil, err
		}
		if s, ok := item.(sim.Signal); ok {
			return rt.MakeInt(int64(s)), nil
		}
		return valueOf(item), nil
	}
	for _, c := range []*rt.Class{queueClass, priorityQClass, lifoQClass, signalQueueClass} {
		aDef(c, "get", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return get(th, self)
		})
		aDef(c, "put", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if len(args) != 1 {
				return nil, rt.ArgError("put() takes exactly one argument (%d given)", len(args))
			}
			return blocking(th, func(t *sim.Task) error { return queueOf(th, self).Put(t, args[0]) })
		})
		aDef(c, "join", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return blocking(th, func(t *sim.Task) error { return queueOf(th, self).Join(t) })
		})
		aDef(c, "task_done", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return blocking(th, func(t *sim.Task) error { return queueOf(th, self).TaskDone() })
		})
		def(c, "qsize", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return rt.MakeInt(int64(queueOf(th, self).Qsize())), nil
		})
		def(c, "empty", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return rt.MakeBool(queueOf(th, self).Empty()), nil
		})
		def(c, "full", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return rt.MakeBool(queueOf(th, self).Full()), nil
		})
		def(c, "__aiter__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return self, nil
		})
		aDef(c, "__anext__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return get(th, self)
		})
	}
	for _, c := range []*rt.Class{signalEventClass, signalQueueClass} {
		aDef(c, "__aenter__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return self, nil
		})
		aDef(c, "__aexit__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			self.(rt.Releaser).Release()
			return rt.False, nil
		})
	}
}
