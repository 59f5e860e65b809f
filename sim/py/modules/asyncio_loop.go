package modules

import (
	"asyncplay/sim"
	rt "asyncplay/sim/py/runtime"
)

// The running loop, as get_running_loop returns it: its clock, its
// create_task, and callbacks scheduled with call_soon, call_later and
// call_at. A scheduled callback is a small kernel task of its own that
// sleeps until its time and then calls it, so the view shows a pending
// timer as a sleeping lane; inside it, as in asyncio, there is no current
// task.

var (
	loopClass   = newType("_VirtualEventLoop", "asyncio")
	handleClass = newType("TimerHandle", "asyncio.events")
)

type loopObj struct{ st *asyncioState }

// signalHandler is one add_signal_handler registration: the
// signal's queue, watched by a small task that calls the handler.
type signalHandler struct {
	q *sim.SignalQueue
}

func (l *loopObj) Type() *rt.Class { return loopClass }

// addSignalHandler is add_signal_handler(sig, callback, *args): from now
// on each arrival of sig calls callback(*args) in the loop (a small task
// waiting on the signal, as the view shows), instead of the signal's
// default action. A second registration for sig replaces the first.
func (l *loopObj) addSignalHandler(th *rt.Thread, args []rt.Value) (rt.Value, error) {
	if len(args) < 2 {
		return nil, rt.ArgError("add_signal_handler() missing required positional arguments")
	}
	n, ok := args[0].(rt.Int)
	if !ok {
		return nil, rt.NewError(rt.TypeErrorClass, "sig must be an int, not "+rt.TypeName(args[0]))
	}
	sig, cb, cbArgs := sim.Signal(n), args[1], args[2:]
	l.removeSignalHandler(th, sig)
	in, cost := l.st.in, th.OpCost
	return rt.None, acall(th, func(t *sim.Task) error {
		h := &signalHandler{q: t.Kernel().NewSignalQueue("signal "+sig.String(), sig)}
		l.st.signals[sig] = h
		t.Spawn("signal handler", func(t *sim.Task) (any, error) {
			for {
				if _, err := h.q.Get(t); err != nil {
					return nil, nil // removed, or the run is ending
				}
				cth := rt.NewThread(in, t)
				cth.OpCost = cost
				_, err := rt.Call(cth, cb, cbArgs, nil)
				cth.Flush()
				if err != nil {
					return nil, &taskFailure{err: err, in: in}
				}
			}
		}, true)
		return nil
	})
}

// removeSignalHandler gives sig its default action back and reports
// whether a handler was removed.
func (l *loopObj) removeSignalHandler(th *rt.Thread, sig sim.Signal) bool {
	h, ok := l.st.signals[sig]
	if !ok {
		return false
	}
	delete(l.st.signals, sig)
	th.OnTask(func() error {
		h.q.Close()
		return nil
	})
	return true
}

// handle is a scheduled callback: cancel() before its time stops it.
type handle struct {
	when      sim.Time
	cancelled bool
}

func (h *handle) Type() *rt.Class { return handleClass }

func (h *handle) Repr(*rt.Thread) (string, error) {
	if h.cancelled {
		return "<TimerHandle cancelled>", nil
	}
	return "<TimerHandle when=" + h.when.String() + ">", nil
}

// schedule runs cb(*args) at virtual time when.
func (l *loopObj) schedule(th *rt.Thread, when sim.Time, cb rt.Value, args []rt.Value) (rt.Value, error) {
	name := "callback"
	if v, err := rt.GetAttr(th, cb, "__qualname__"); err == nil {
		if s, ok := v.(rt.Str); ok {
			name = string(s)
		}
	}
	h := &handle{when: when}
	in, cost := l.st.in, th.OpCost
	err := acall(th, func(t *sim.Task) error {
		t.Spawn(name, func(t *sim.Task) (any, error) {
			if err := t.SleepUntil(when); err != nil {
				return nil, err
			}
			if h.cancelled {
				return nil, nil
			}
			cth := rt.NewThread(in, t)
			cth.OpCost = cost
			_, err := rt.Call(cth, cb, args, nil)
			cth.Flush()
			if err != nil {
				return nil, &taskFailure{err: err, in: in}
			}
			return nil, nil
		}, true)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return h, nil
}

func init() {
	method := func(name string, f func(th *rt.Thread, l *loopObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error)) {
		rt.Def(loopClass, name, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return f(th, args[0].(*loopObj), args[1:], kw)
		})
	}
	method("time", func(th *rt.Thread, l *loopObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		th.Flush()
		return rt.Float(th.Task.Kernel().Now().Seconds()), nil
	})
	method("create_task", func(th *rt.Thread, l *loopObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		co, name, err := coroutineOf(th, "create_task", args)
		if err != nil {
			return nil, err
		}
		return l.st.spawn(th, co, name)
	})
	method("call_soon", func(th *rt.Thread, l *loopObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if len(args) == 0 {
			return nil, rt.ArgError("call_soon() missing 1 required positional argument: 'callback'")
		}
		th.Flush()
		return l.schedule(th, th.Task.Kernel().Now(), args[0], args[1:])
	})
	for _, name := range []string{"call_later", "call_at"} {
		method(name, func(th *rt.Thread, l *loopObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if len(args) < 2 {
				return nil, rt.ArgError("%s() missing required positional arguments", name)
			}
			d, err := toTime(args[0])
			if err != nil {
				return nil, err
			}
			th.Flush()
			when := d
			if name == "call_later" {
				when = th.Task.Kernel().Now() + max(d, 0)
			}
			return l.schedule(th, when, args[1], args[2:])
		})
	}
	method("add_signal_handler", func(th *rt.Thread, l *loopObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return l.addSignalHandler(th, args)
	})
	method("remove_signal_handler", func(th *rt.Thread, l *loopObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if len(args) != 1 {
			return nil, rt.ArgError("remove_signal_handler() takes exactly one argument (%d given)", len(args))
		}
		n, ok := args[0].(rt.Int)
		if !ok {
			return nil, rt.NewError(rt.TypeErrorClass, "sig must be an int, not "+rt.TypeName(args[0]))
		}
		return rt.MakeBool(l.removeSignalHandler(th, sim.Signal(n))), nil
	})
	rt.Def(handleClass, "cancel", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		args[0].(*handle).cancelled = true
		return rt.None, nil
	})
	rt.Def(handleClass, "cancelled", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.MakeBool(args[0].(*handle).cancelled), nil
	})
	rt.Def(handleClass, "when", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.Float(args[0].(*handle).when.Seconds()), nil
	})
}
