package modules

import (
	"errors"

	"asyncplay/sim"
	rt "asyncplay/sim/py/runtime"
)

// asyncio's combinators (gather, wait_for, timeout) and its queue and
// synchronization primitives, on the kernel's objects: the view draws an
// asyncio.Queue exactly as a curio one.

var (
	aTimeoutClass = newType("Timeout", "asyncio.timeouts")
	aQueueClass   = newType("Queue", "asyncio.queues")
	aPrioQClass   = newType("PriorityQueue", "asyncio.queues")
	aLifoQClass   = newType("LifoQueue", "asyncio.queues")
	aEventClass   = newType("Event", "asyncio.locks")
	aLockClass    = newType("Lock", "asyncio.locks")
	aSemClass     = newType("Semaphore", "asyncio.locks")
	aBSemClass    = newType("BoundedSemaphore", "asyncio.locks")
	aCondClass    = newType("Condition", "asyncio.locks")
)

// gather(*aws, return_exceptions=False): coroutines become tasks at once;
// awaiting gathers their results in argument order. The first exception
// (in the order the tasks fail) is raised unless return_exceptions; the
// other tasks go on. If the gathering task is cancelled, so are they. The
// tasks are a kernel task group, so the view brackets them.
func (st *asyncioState) gather(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	retExc := false
	if v, ok := kw.Get("return_exceptions"); ok {
		retExc = truth(th, v)
	}
	kids := make([]*aTask, len(args))
	var g *sim.TaskGroup
	err := acall(th, func(t *sim.Task) error {
		g = t.Kernel().NewTaskGroup("gather", sim.WaitAll)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i, a := range args {
		if o, ok := a.(*aTask); ok {
			kids[i] = o
			acall(th, func(*sim.Task) error { return g.AddTask(o.t) }) // a task in another group is awaited in turn
			continue
		}
		co, name, err := coroutineOf(th, "gather", []rt.Value{a})
		if err != nil {
			return nil, err
		}
		if kids[i], err = st.spawnIn(th, co, name, g); err != nil {
			return nil, err
		}
	}
	return async("gather", func(th *rt.Thread) (rt.Value, error) {
		results := make([]rt.Value, len(kids))
		settle := func(i int) error {
			if kids[i].t.Err() == nil {
				results[i] = valueOf(kids[i].t.Result())
				return nil
			}
			e := taskResultErr(kids[i].t.Err())
			if !retExc {
				return e
			}
			if isAsyncioCancel(e) {
				// gather makes its own, with the cancel message: '' for none.
				c := rt.NewInstance(AsyncioCancelledErrorClass)
				c.Exc.Args = rt.Tuple{rt.Str("")}
				e = c
			}
			results[i] = e.(rt.Value)
			return nil
		}
		settled := make([]bool, len(kids))
		for left := len(kids); left > 0; {
			var done *sim.Task
			err := acall(th, func(t *sim.Task) error {
				if d, err := g.NextDone(t); err != nil || d != nil {
					done = d
					return err
				}
				// Tasks outside the group: wait for the first unsettled.
				for i, k := range kids {
					if !settled[i] {
						done = k.t
						return t.WaitFor(k.t)
					}
				}
				return nil
			})
			if err != nil {
				st.cancelAll(th, kids) // the gathering task was cancelled
				return nil, err
			}
			for i, k := range kids {
				if k.t == done && !settled[i] {
					settled[i] = true
					left--
					if err := settle(i); err != nil {
						return nil, err
					}
				}
			}
		}
		return &rt.List{Items: results}, nil
	}), nil
}

// wait is asyncio.wait(aws, timeout=None, return_when=ALL_COMPLETED): it
// returns (done, pending), two sets of tasks, when the condition holds or
// the timeout passes, cancelling nothing.
func (st *asyncioState) wait(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	a, err := rt.UnpackArgs("wait", args, kw, []string{"fs", "timeout", "return_when"}, 1)
	if err != nil {
		return nil, err
	}
	when := "ALL_COMPLETED"
	if s, ok := a[2].(rt.Str); ok {
		when = string(s)
	}
	if when != "ALL_COMPLETED" && when != "FIRST_COMPLETED" && when != "FIRST_EXCEPTION" {
		r, _ := rt.Repr(th, a[2])
		return nil, rt.NewError(rt.ValueErrorClass, "Invalid return_when value: "+r)
	}
	items, err := rt.Collect(th, a[0])
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, rt.NewError(rt.ValueErrorClass, "Set of Tasks/Futures is empty.")
	}
	var tasks []*aTask
	for _, it := range items {
		o, ok := it.(*aTask)
		if !ok {
			co, name, err := coroutineOf(th, "wait", []rt.Value{it})
			if err != nil {
				return nil, err
			}
			if o, err = st.spawn(th, co, name); err != nil {
				return nil, err
			}
		}
		tasks = append(tasks, o)
	}
	deadline := sim.Time(-1)
	if a[1] != nil && a[1] != rt.None {
		d, err := toTime(a[1])
		if err != nil {
			return nil, err
		}
		deadline = max(d, 0)
	}
	return async("wait", func(th *rt.Thread) (rt.Value, error) {
		satisfied := func() (pending []*sim.Task, ok bool) {
			failed := false
			for _, o := range tasks {
				if !o.t.Terminated() {
					pending = append(pending, o.t)
				} else if o.t.Err() != nil && o.t.Outcome() != sim.WasCancelled {
					failed = true
				}
			}
			switch {
			case len(pending) == 0:
				return nil, true
			case when == "FIRST_COMPLETED":
				return pending, len(pending) < len(tasks)
			case when == "FIRST_EXCEPTION":
				return pending, failed
			}
			return pending, false
		}
		err := acall(th, func(t *sim.Task) error {
			wait := func() error {
				for {
					pending, ok := satisfied()
					if ok {
						return nil
					}
					if err := t.WaitAny(pending); err != nil {
						return err
					}
				}
			}
			if deadline < 0 {
				return wait()
			}
			_, err := t.RunTimeout(t.Kernel().Now()+deadline, true, wait)
			return err
		})
		if err != nil {
			return nil, err
		}
		done, pending := rt.NewSet(), rt.NewSet()
		for _, o := range tasks {
			set := pending
			if o.t.Terminated() {
				set = done
			}
			if err := set.Add(th, o); err != nil {
				return nil, err
			}
		}
		return rt.Tuple{done, pending}, nil
	}), nil
}

// cancelAll cancels the tasks that have not finished, without waiting.
func (st *asyncioState) cancelAll(th *rt.Thread, kids []*aTask) {
	th.OnTask(func() error {
		for _, k := range kids {
			if !k.t.Terminated() {
				th.Task.Cancel(k.t, false)
			}
		}
		return nil
	})
}

// waitFor is wait_for(aw, timeout): aw runs as a task; past the timeout
// it is cancelled and waited for, and TimeoutError is raised (from its
// CancelledError), unless it returned a value anyway.
func (st *asyncioState) waitFor(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	a, err := rt.UnpackArgs("wait_for", args, kw, []string{"fut", "timeout"}, 2)
	if err != nil {
		return nil, err
	}
	return async("wait_for", func(th *rt.Thread) (rt.Value, error) {
		inner, ok := a[0].(*aTask)
		if !ok {
			co, name, err := coroutineOf(th, "wait_for", a[:1])
			if err != nil {
				return nil, err
			}
			if a[1] == rt.None {
				return th.Await(co)
			}
			if inner, err = st.spawn(th, co, name); err != nil {
				return nil, err
			}
		} else if a[1] == rt.None {
			return inner.Await(th)
		}
		d, err := toTime(a[1])
		if err != nil {
			return nil, err
		}
		var expired bool
		err = acall(th, func(t *sim.Task) error {
			var err error
			expired, err = t.RunTimeout(t.Kernel().Now()+max(d, 0), true, func() error { return t.WaitFor(inner.t) })
			if err != nil {
				t.Cancel(inner.t, false) // the waiting task was cancelled: so is the awaited one
				return err
			}
			if expired {
				_, err = t.Cancel(inner.t, true)
			}
			if err == nil {
				t.Join(inner.t) // its outcome is wait_for's to report: ended, so at once
			}
			return err
		})
		if err != nil {
			return nil, err
		}
		v, err := inner.outcome(inner.t.Result())
		if expired && err != nil && isAsyncioCancel(err) {
			e := rt.NewInstance(rt.TimeoutErrorClass)
			e.Exc.Cause = err.(*rt.Instance)
			e.Exc.SuppressContext = true
			return nil, e
		}
		return v, err
	}), nil
}

func isAsyncioCancel(err error) bool {
	inst, ok := err.(*rt.Instance)
	return ok && inst.Class.IsSubclass(AsyncioCancelledErrorClass)
}

// aTimeout is asyncio.timeout(delay): an async context manager whose
// expiry cancels the block's await in progress and, at the block's end,
// turns that cancellation into TimeoutError.
type aTimeout struct {
	st      *asyncioState
	d       sim.Time
	set     bool
	scope   *sim.TimeoutScope
	expired bool
}

func (cm *aTimeout) Type() *rt.Class { return aTimeoutClass }

func init() {
	rt.Def(aTimeoutClass, "__aenter__", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		cm := args[0].(*aTimeout)
		return async("__aenter__", func(th *rt.Thread) (rt.Value, error) {
			return cm, acall(th, func(t *sim.Task) error {
				d := sim.Time(1) << 62 // None: no deadline
				if cm.set {
					d = max(cm.d, 0)
				}
				cm.scope = t.TimeoutAfter(d, false)
				return nil
			})
		}), nil
	})
	rt.Def(aTimeoutClass, "__aexit__", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		cm := args[0].(*aTimeout)
		var err error
		if len(args) > 2 {
			if e, ok := args[2].(*rt.Instance); ok {
				err = e
			}
		}
		return async("__aexit__", func(th *rt.Thread) (rt.Value, error) {
			var decided error
			kerr := err
			if err != nil {
				kerr = toKernelAsyncio(err)
			}
			th.OnTask(func() error {
				decided = cm.scope.Exit(kerr)
				return nil
			})
			cm.expired = cm.scope.Expired
			switch {
			case decided == nil:
				return rt.False, nil
			case cm.expired && isOwnTimeout(decided):
				e := rt.NewInstance(rt.TimeoutErrorClass)
				if inst, ok := err.(*rt.Instance); ok {
					e.Exc.Cause = inst
					e.Exc.SuppressContext = true
				}
				return nil, e
			case decided == kerr:
				return rt.False, nil // the block's own exception goes on
			}
			return nil, asyncioErr(decided)
		}), nil
	})
	rt.Def(aTimeoutClass, "expired", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.MakeBool(args[0].(*aTimeout).expired), nil
	})
}

// isOwnTimeout reports a block's own expiry as the kernel decides it.
func isOwnTimeout(err error) bool {
	var c *sim.Cancelled
	return errors.As(err, &c) && c.Kind == sim.TaskTimeout
}

// spawnIn is spawn into a kernel task group (nil: none).
func (st *asyncioState) spawnIn(th *rt.Thread, co rt.Value, name string, g *sim.TaskGroup) (*aTask, error) {
	if g == nil {
		return st.spawn(th, co, name)
	}
	var child *sim.Task
	fn := st.taskFunc(co, th.OpCost)
	err := acall(th, func(t *sim.Task) error {
		var err error
		child, err = g.Spawn(t, name, fn)
		return err
	})
	if err != nil {
		return nil, err
	}
	return st.task(child), nil
}

type aQueue struct {
	q   *sim.Queue
	cls *rt.Class
	th  *rt.Thread // the thread comparing a priority queue's items now
}
type aEvent struct{ e *sim.Event }
type aLock struct{ l *sim.Lock }
type aSem struct {
	s   *sim.Semaphore
	cls *rt.Class
}
type aCond struct {
	c    *sim.Condition
	lock *aLock
}

func (o *aQueue) Type() *rt.Class { return o.cls }
func (o *aEvent) Type() *rt.Class { return aEventClass }
func (o *aLock) Type() *rt.Class  { return aLockClass }
func (o *aSem) Type() *rt.Class   { return o.cls }
func (o *aCond) Type() *rt.Class  { return aCondClass }

func (o *aQueue) Attr(th *rt.Thread, name string) (rt.Value, bool, error) {
	if name == "maxsize" {
		return rt.MakeInt(int64(o.q.Maxsize())), true, nil
	}
	return nil, false, nil
}

// shutDown is a queue's shut-down error as asyncio.QueueShutDown.
func shutDown(err error) error {
	if errors.Is(err, sim.ErrShutDown) {
		return rt.NewInstance(queueShutDownClass)
	}
	return err
}

// defineSync adds Queue, Event, Lock, Semaphore and BoundedSemaphore.
func (st *asyncioState) defineSync(m *rt.Module) {
	newObj := func(th *rt.Thread, make func(k *sim.Kernel) rt.Value) (rt.Value, error) {
		var v rt.Value
		err := acall(th, func(t *sim.Task) error { v = make(t.Kernel()); return nil })
		return v, err
	}
	for _, c := range []struct {
		cls   *rt.Class
		order sim.QueueOrder
	}{{aQueueClass, sim.FIFO}, {aPrioQClass, sim.Priority}, {aLifoQClass, sim.LIFO}} {
		fn(m, c.cls.Name, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := rt.UnpackArgs(c.cls.Name, args, kw, []string{"maxsize"}, 0)
			if err != nil {
				return nil, err
			}
			maxsize := 0
			if n, ok := a[0].(rt.Int); ok && n > 0 {
				maxsize = int(n)
			}
			return newObj(th, func(k *sim.Kernel) rt.Value {
				o := &aQueue{cls: c.cls}
				if c.order != sim.Priority {
					o.q = k.NewQueue("", c.order, maxsize)
					return o
				}
				// heapq's order: items compared with <, by the thread using the queue.
				o.q = k.NewPriorityQueue("", maxsize, func(x, y any) (bool, error) {
					r, err := rt.Compare(o.th, rt.CmpLt, x, y)
					if err != nil {
						return false, err
					}
					return rt.Truth(o.th, r)
				})
				return o
			})
		})
	}
	fn(m, "Event", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return newObj(th, func(k *sim.Kernel) rt.Value { return &aEvent{k.NewEvent("")} })
	})
	fn(m, "Lock", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return newObj(th, func(k *sim.Kernel) rt.Value { return &aLock{k.NewLock("")} })
	})
	fn(m, "Condition", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("Condition", args, kw, []string{"lock"}, 0)
		if err != nil {
			return nil, err
		}
		lock, ok := a[0].(*aLock)
		if a[0] != nil && a[0] != rt.None && !ok {
			return nil, rt.NewError(rt.TypeErrorClass, "Condition's lock must be an asyncio.Lock")
		}
		return newObj(th, func(k *sim.Kernel) rt.Value {
			if lock == nil {
				lock = &aLock{k.NewLock("")}
			}
			return &aCond{k.NewCondition("", lock.l), lock}
		})
	})
	for _, s := range []struct {
		cls     *rt.Class
		bounded bool
	}{{aSemClass, false}, {aBSemClass, true}} {
		fn(m, s.cls.Name, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := rt.UnpackArgs(s.cls.Name, args, kw, []string{"value"}, 0)
			if err != nil {
				return nil, err
			}
			value := 1
			if n, ok := a[0].(rt.Int); ok {
				if n < 0 {
					return nil, rt.NewError(rt.ValueErrorClass, "Semaphore initial value must be >= 0")
				}
				value = int(n)
			}
			return newObj(th, func(k *sim.Kernel) rt.Value {
				if s.bounded {
					return &aSem{k.NewBoundedSemaphore("", value), s.cls}
				}
				return &aSem{k.NewSemaphore("", value), s.cls}
			})
		})
	}
}

func init() {
	// sync runs f on the task's stack as a kernel call (for the trace)
	// and returns its value.
	sync := func(c *rt.Class, name string, f func(th *rt.Thread, self rt.Value, args []rt.Value, t *sim.Task) (rt.Value, error)) {
		def(c, name, func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			var v rt.Value
			err := acall(th, func(t *sim.Task) error {
				var err error
				v, err = f(th, self, args, t)
				return err
			})
			return v, err
		})
	}
	await := func(c *rt.Class, name string, f func(th *rt.Thread, self rt.Value, args []rt.Value, t *sim.Task) (rt.Value, error)) {
		aDef(c, name, func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			var v rt.Value
			err := acall(th, func(t *sim.Task) error {
				var err error
				v, err = f(th, self, args, t)
				return err
			})
			return v, err
		})
	}
	arg := func(args []rt.Value, name string) (rt.Value, error) {
		if len(args) != 1 {
			return nil, rt.ArgError("%s() takes exactly one argument (%d given)", name, len(args))
		}
		return args[0], nil
	}

	// Queue, PriorityQueue and LifoQueue. The queue in use remembers the
	// thread using it: a priority queue compares its items on it.
	q := func(th *rt.Thread, v rt.Value) *sim.Queue {
		o := v.(*aQueue)
		o.th = th
		return o.q
	}
	for _, c := range []*rt.Class{aQueueClass, aPrioQClass, aLifoQClass} {
		await(c, "put", func(th *rt.Thread, self rt.Value, args []rt.Value, t *sim.Task) (rt.Value, error) {
			item, err := arg(args, "put")
			if err != nil {
				return nil, err
			}
			return rt.None, shutDown(q(th, self).Put(t, item))
		})
		await(c, "get", func(th *rt.Thread, self rt.Value, args []rt.Value, t *sim.Task) (rt.Value, error) {
			v, err := q(th, self).Get(t)
			return valueOf(v), shutDown(err)
		})
		def(c, "shutdown", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := rt.UnpackArgs("shutdown", args, kw, []string{"immediate"}, 0)
			if err != nil {
				return nil, err
			}
			immediate := a[0] != nil && truth(th, a[0])
			return rt.None, acall(th, func(t *sim.Task) error {
				q(th, self).Shutdown(immediate)
				return nil
			})
		})
		await(c, "join", func(th *rt.Thread, self rt.Value, args []rt.Value, t *sim.Task) (rt.Value, error) {
			return rt.None, q(th, self).Join(t)
		})
		sync(c, "put_nowait", func(th *rt.Thread, self rt.Value, args []rt.Value, t *sim.Task) (rt.Value, error) {
			item, err := arg(args, "put_nowait")
			if err != nil {
				return nil, err
			}
			if ok, err := q(th, self).TryPut(item); err != nil || !ok {
				if err == nil {
					err = rt.NewInstance(queueFullClass)
				}
				return nil, shutDown(err)
			}
			return rt.None, nil
		})
		sync(c, "get_nowait", func(th *rt.Thread, self rt.Value, args []rt.Value, t *sim.Task) (rt.Value, error) {
			v, ok, err := q(th, self).TryGet()
			if err == nil && !ok {
				err = rt.NewInstance(queueEmptyClass)
			}
			return valueOf(v), shutDown(err)
		})
		sync(c, "task_done", func(th *rt.Thread, self rt.Value, args []rt.Value, t *sim.Task) (rt.Value, error) {
			return rt.None, q(th, self).TaskDone()
		})
		def(c, "qsize", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return rt.MakeInt(int64(q(th, self).Qsize())), nil
		})
		def(c, "empty", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return rt.MakeBool(q(th, self).Empty()), nil
		})
		def(c, "full", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return rt.MakeBool(q(th, self).Full()), nil
		})
	}

	// Event.
	e := func(v rt.Value) *sim.Event { return v.(*aEvent).e }
	sync(aEventClass, "set", func(th *rt.Thread, self rt.Value, args []rt.Value, t *sim.Task) (rt.Value, error) {
		e(self).Set()
		return rt.None, nil
	})
	sync(aEventClass, "clear", func(th *rt.Thread, self rt.Value, args []rt.Value, t *sim.Task) (rt.Value, error) {
		e(self).Clear()
		return rt.None, nil
	})
	def(aEventClass, "is_set", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.MakeBool(e(self).IsSet()), nil
	})
	await(aEventClass, "wait", func(th *rt.Thread, self rt.Value, args []rt.Value, t *sim.Task) (rt.Value, error) {
		return rt.True, e(self).Wait(t)
	})

	// Lock, Semaphore, BoundedSemaphore and Condition (its lock's
	// methods), with `async with`.
	for _, c := range []*rt.Class{aLockClass, aSemClass, aBSemClass, aCondClass} {
		acquire := func(th *rt.Thread, self rt.Value, args []rt.Value, t *sim.Task) (rt.Value, error) {
			switch o := self.(type) {
			case *aLock:
				return rt.True, o.l.Acquire(t)
			case *aCond:
				return rt.True, o.lock.l.Acquire(t)
			}
			return rt.True, self.(*aSem).s.Acquire(t)
		}
		release := func(th *rt.Thread, self rt.Value, args []rt.Value, t *sim.Task) (rt.Value, error) {
			switch o := self.(type) {
			case *aLock:
				return rt.None, o.l.Release(t)
			case *aCond:
				return rt.None, o.lock.l.Release(t)
			}
			return rt.None, self.(*aSem).s.Release()
		}
		await(c, "acquire", acquire)
		await(c, "__aenter__", func(th *rt.Thread, self rt.Value, args []rt.Value, t *sim.Task) (rt.Value, error) {
			_, err := acquire(th, self, args, t)
			return rt.None, err
		})
		sync(c, "release", release)
		await(c, "__aexit__", func(th *rt.Thread, self rt.Value, args []rt.Value, t *sim.Task) (rt.Value, error) {
			_, err := release(nil, self, nil, t)
			return rt.False, err
		})
		def(c, "locked", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			switch o := self.(type) {
			case *aLock:
				return rt.MakeBool(o.l.Locked()), nil
			case *aCond:
				return rt.MakeBool(o.lock.l.Locked()), nil
			}
			return rt.MakeBool(self.(*aSem).s.Locked()), nil
		})
	}

	// Condition's own methods.
	cond := func(v rt.Value) *sim.Condition { return v.(*aCond).c }
	await(aCondClass, "wait", func(th *rt.Thread, self rt.Value, args []rt.Value, t *sim.Task) (rt.Value, error) {
		return rt.True, cond(self).Wait(t)
	})
	aDef(aCondClass, "wait_for", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		pred, err := arg(args, "wait_for")
		if err != nil {
			return nil, err
		}
		for {
			r, err := rt.Call(th, pred, nil, nil)
			if err != nil {
				return nil, err
			}
			if ok, err := rt.Truth(th, r); err != nil || ok {
				return r, err
			}
			if err := acall(th, func(t *sim.Task) error { return cond(self).Wait(t) }); err != nil {
				return nil, err
			}
		}
	})
	sync(aCondClass, "notify", func(th *rt.Thread, self rt.Value, args []rt.Value, t *sim.Task) (rt.Value, error) {
		n := 1
		if len(args) > 0 {
			if v, ok := args[0].(rt.Int); ok {
				n = int(v)
			}
		}
		return rt.None, cond(self).Notify(t, n)
	})
	sync(aCondClass, "notify_all", func(th *rt.Thread, self rt.Value, args []rt.Value, t *sim.Task) (rt.Value, error) {
		return rt.None, cond(self).NotifyAll(t)
	})
}
