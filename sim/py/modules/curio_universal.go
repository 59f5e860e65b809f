package modules

import (
	"asyncplay/sim"
	rt "asyncplay/sim/py/runtime"
)

// curio's UniversalQueue and UniversalEvent: one object that threads and
// async code both use. Each method has curio's two faces, chosen as
// curio's meta.awaitable chooses them: called from a coroutine it returns
// an awaitable, called from anywhere else (a thread) it is a plain call
// that blocks the calling lane. Both sides block on the same kernel
// object, so the view shows a thread waiting in QUEUE_GET like a task.
// (curio's async UniversalEvent.wait borrows a worker thread to wait in;
// here the task waits on the event itself.)

var (
	universalQueueClass = newType("UniversalQueue", "curio.queue")
	universalEventClass = newType("UniversalEvent", "curio.sync")
)

type universalQueue struct{ q *sim.Queue }
type universalEvent struct{ e *sim.Event }

func (o *universalQueue) Type() *rt.Class { return universalQueueClass }
func (o *universalEvent) Type() *rt.Class { return universalEventClass }

// Iter is `for item in queue` in a thread: get() forever.
func (o *universalQueue) Iter(th *rt.Thread) (rt.Iterator, error) { return &universalIter{o}, nil }

type universalIter struct{ o *universalQueue }

func (it *universalIter) Next(th *rt.Thread) (rt.Value, bool, error) {
	v, err := it.o.get(th)
	return v, err == nil, err
}

func (o *universalQueue) get(th *rt.Thread) (rt.Value, error) {
	var item any
	err := kcall(th, func(t *sim.Task) error {
		var err error
		item, err = o.q.Get(t)
		return err
	})
	return valueOf(item), err
}

func defineUniversal(m *rt.Module) {
	m.NS.Set("UniversalQueue", universalQueueClass)
	rt.SetConstructor(universalQueueClass, func(th *rt.Thread, _ *rt.Class, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		k, err := kernel(th)
		if err != nil {
			return nil, err
		}
		if len(args) > 0 {
			return nil, rt.ArgError("UniversalQueue() takes 0 positional arguments but %d were given", len(args)+1)
		}
		maxsize := 0
		for i, name := range kwNames(kw) {
			switch name {
			case "maxsize":
				n, ok := kw.Values[i].(rt.Int)
				if !ok {
					return nil, rt.NewError(rt.TypeErrorClass, "maxsize must be an integer")
				}
				maxsize = int(n)
			case "withfd":
				if truth(th, kw.Values[i]) {
					return nil, rt.NewError(rt.NotImplementedErrorClass, "UniversalQueue(withfd=True) is not simulated")
				}
			default:
				return nil, rt.ArgError("UniversalQueue() got an unexpected keyword argument '%s'", name)
			}
		}
		return &universalQueue{k.NewQueue("universal", sim.FIFO, maxsize)}, nil
	})
	m.NS.Set("UniversalEvent", universalEventClass)
	rt.SetConstructor(universalEventClass, func(th *rt.Thread, _ *rt.Class, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		k, err := kernel(th)
		if err != nil {
			return nil, err
		}
		if len(args) > 0 || kw.Len() > 0 {
			return nil, rt.ArgError("UniversalEvent() takes no arguments")
		}
		return &universalEvent{k.NewEvent("universal")}, nil
	})
}

// dual defines a method with curio's two faces: an awaitable from a
// coroutine, a plain (blocking) call from anywhere else.
func dual(c *rt.Class, name string, f func(th *rt.Thread, self rt.Value, args []rt.Value) (rt.Value, error)) {
	rt.Def(c, name, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		self, rest := args[0], args[1:]
		if kw.Len() > 0 {
			return nil, rt.ArgError("%s() takes no keyword arguments", name)
		}
		if th.InCoroutine() {
			return async(name, func(th *rt.Thread) (rt.Value, error) { return f(th, self, rest) }), nil
		}
		return f(th, self, rest)
	})
}

func init() {
	uq := func(self rt.Value) *sim.Queue { return self.(*universalQueue).q }
	dual(universalQueueClass, "put", func(th *rt.Thread, self rt.Value, args []rt.Value) (rt.Value, error) {
		if len(args) != 1 {
			return nil, rt.ArgError("put() takes exactly one argument (%d given)", len(args))
		}
		return blocking(th, func(t *sim.Task) error { return uq(self).Put(t, args[0]) })
	})
	dual(universalQueueClass, "get", func(th *rt.Thread, self rt.Value, args []rt.Value) (rt.Value, error) {
		return self.(*universalQueue).get(th)
	})
	dual(universalQueueClass, "task_done", func(th *rt.Thread, self rt.Value, args []rt.Value) (rt.Value, error) {
		return blocking(th, func(t *sim.Task) error { return uq(self).TaskDone() })
	})
	dual(universalQueueClass, "join", func(th *rt.Thread, self rt.Value, args []rt.Value) (rt.Value, error) {
		return blocking(th, func(t *sim.Task) error { return uq(self).Join(t) })
	})
	def(universalQueueClass, "qsize", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.MakeInt(int64(uq(self).Qsize())), nil
	})
	def(universalQueueClass, "empty", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.MakeBool(uq(self).Empty()), nil
	})
	def(universalQueueClass, "full", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.MakeBool(uq(self).Full()), nil
	})
	def(universalQueueClass, "__aiter__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return self, nil
	})
	aDef(universalQueueClass, "__anext__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return self.(*universalQueue).get(th)
	})

	ue := func(self rt.Value) *sim.Event { return self.(*universalEvent).e }
	def(universalEventClass, "is_set", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.MakeBool(ue(self).IsSet()), nil
	})
	def(universalEventClass, "clear", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return blocking(th, func(t *sim.Task) error { ue(self).Clear(); return nil })
	})
	dual(universalEventClass, "set", func(th *rt.Thread, self rt.Value, args []rt.Value) (rt.Value, error) {
		return blocking(th, func(t *sim.Task) error { ue(self).Set(); return nil })
	})
	dual(universalEventClass, "wait", func(th *rt.Thread, self rt.Value, args []rt.Value) (rt.Value, error) {
		return blocking(th, func(t *sim.Task) error { return ue(self).Wait(t) })
	})
}
