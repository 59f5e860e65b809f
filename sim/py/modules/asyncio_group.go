package modules

import (
	"errors"
	"strconv"

	"asyncplay/sim"
	rt "asyncplay/sim/py/runtime"
)

// asyncio.TaskGroup, Python 3.11's structured concurrency: the block does
// not end before its tasks; the first task to fail cancels the others
// and the block's own body, and the block raises an ExceptionGroup of
// every failure, in the order they happened.

var aTaskGroupClass = newType("TaskGroup", "asyncio.taskgroups")

type aTaskGroup struct {
	st              *asyncioState
	g               *sim.TaskGroup // the kernel's: the view brackets the members' lanes
	parent          *sim.Task      // the task running the async with block
	entered         bool
	exiting         bool // the body has ended; __aexit__ is waiting
	aborting        bool // a failure is cancelling everything
	cancelledParent bool // the abort cancelled the body: __aexit__ swallows that
	tasks           []*aTask
	errors          []rt.Value
}

func (tg *aTaskGroup) Type() *rt.Class { return aTaskGroupClass }

// Repr is CPython's: the unfinished tasks, the errors, the state.
func (tg *aTaskGroup) Repr(*rt.Thread) (string, error) {
	s := "<TaskGroup"
	if n := tg.unfinished(); n > 0 {
		s += " tasks=" + strconv.Itoa(n)
	}
	if len(tg.errors) > 0 {
		s += " errors=" + strconv.Itoa(len(tg.errors))
	}
	if tg.aborting {
		s += " cancelling"
	} else if tg.entered {
		s += " entered"
	}
	return s + ">", nil
}

func (tg *aTaskGroup) unfinished() int {
	n := 0
	for _, k := range tg.tasks {
		if !k.t.Terminated() {
			n++
		}
	}
	return n
}

// fail is the RuntimeError of a TaskGroup used out of turn.
func (tg *aTaskGroup) fail(what string) error {
	r, _ := tg.Repr(nil)
	return rt.NewError(rt.RuntimeErrorClass, "TaskGroup "+r+" "+what)
}

func (st *asyncioState) defineTaskGroup(m *rt.Module) {
	fn(m, "TaskGroup", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if _, err := rt.UnpackArgs("TaskGroup", args, kw, nil, 0); err != nil {
			return nil, err
		}
		return &aTaskGroup{st: st}, nil
	})
}

// abort cancels every task of the group but from, and the body if it is
// still running: from is the kernel task doing it (a failing member, or
// the parent in __aexit__).
func (tg *aTaskGroup) abort(from *sim.Task) {
	tg.aborting = true
	for _, k := range tg.tasks {
		if k.t != from && !k.t.Terminated() {
			from.Cancel(k.t, false)
		}
	}
	if !tg.exiting && from != tg.parent {
		from.Cancel(tg.parent, false)
		tg.cancelledParent = true
	}
}

// memberFunc runs a member's coroutine and, when it fails with anything
// but a cancellation, records the exception and aborts the group.
func (tg *aTaskGroup) memberFunc(co rt.Value, cost sim.Time) sim.TaskFunc {
	run := tg.st.taskFunc(co, cost)
	return func(t *sim.Task) (any, error) {
		v, err := run(t)
		var c *sim.Cancelled
		if err != nil && !errors.As(err, &c) {
			if inst, ok := pythonErr(err).(*rt.Instance); ok {
				tg.errors = append(tg.errors, inst)
			}
			if !tg.aborting {
				tg.abort(t)
			}
		}
		return v, err
	}
}

func init() {
	method := func(name string, f func(th *rt.Thread, tg *aTaskGroup, args []rt.Value, kw *rt.Kwargs) (rt.Value, error)) {
		rt.Def(aTaskGroupClass, name, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return f(th, args[0].(*aTaskGroup), args[1:], kw)
		})
	}
	method("__aenter__", func(th *rt.Thread, tg *aTaskGroup, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return async("__aenter__", func(th *rt.Thread) (rt.Value, error) {
			if tg.entered {
				return nil, tg.fail("has already been entered")
			}
			if th.Task == nil {
				return nil, rt.NewError(rt.RuntimeErrorClass, "no running event loop")
			}
			tg.entered, tg.parent = true, th.Task
			return tg, acall(th, func(t *sim.Task) error {
				tg.g = t.Kernel().NewTaskGroup("TaskGroup", sim.WaitAll)
				return nil
			})
		}), nil
	})
	method("create_task", func(th *rt.Thread, tg *aTaskGroup, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("create_task", args, kw, []string{"coro", "name"}, 1)
		if err != nil {
			return nil, err
		}
		switch {
		case !tg.entered:
			return nil, tg.fail("has not been entered")
		case tg.exiting && tg.unfinished() == 0:
			return nil, tg.fail("is finished")
		case tg.aborting:
			return nil, tg.fail("is shutting down")
		}
		co, name, err := coroutineOf(th, "create_task", a[:1])
		if err != nil {
			return nil, err
		}
		fn := tg.memberFunc(co, th.OpCost)
		var child *sim.Task
		if err := acall(th, func(t *sim.Task) error {
			var err error
			child, err = tg.g.Spawn(t, name, fn)
			return err
		}); err != nil {
			return nil, err
		}
		o := tg.st.task(child)
		if s, ok := a[1].(rt.Str); ok {
			o.name = string(s)
		}
		tg.tasks = append(tg.tasks, o)
		return o, nil
	})
	method("__aexit__", func(th *rt.Thread, tg *aTaskGroup, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		var body *rt.Instance
		if len(args) > 1 {
			body, _ = args[1].(*rt.Instance)
		}
		return async("__aexit__", func(th *rt.Thread) (rt.Value, error) {
			return tg.exit(th, body)
		}), nil
	})
}

// exit is the end of the block: wait for every member, then raise what
// the group owes.
func (tg *aTaskGroup) exit(th *rt.Thread, body *rt.Instance) (rt.Value, error) {
	tg.exiting = true
	var cancelled error // an outside cancellation of the parent, to re-raise
	suppress := false
	if body != nil {
		if isAsyncioCancel(body) {
			if tg.cancelledParent {
				// Our own abort unwound the body: forget it, as asyncio's
				// uncancel does, and report the failures instead.
				th.OnTask(func() error { th.Task.Uncancel(); return nil })
				suppress = true
			} else {
				cancelled = body
			}
		} else {
			tg.errors = append(tg.errors, body)
		}
		if !tg.aborting {
			th.OnTask(func() error { tg.abort(th.Task); return nil })
		}
	}
	for _, k := range tg.tasks {
		for !k.t.Joined() {
			// Join, not just wait: the group reports its members' failures,
			// so none is an "Exception in unjoined task".
			err := acall(th, func(t *sim.Task) error {
				_, err := t.Join(k.t)
				var te *sim.TaskError
				if errors.As(err, &te) {
					return nil
				}
				return err
			})
			if err != nil && isAsyncioCancel(err) {
				// Cancelled while waiting: cancel the members, go on waiting.
				cancelled = err
				if !tg.aborting {
					th.OnTask(func() error { tg.abort(th.Task); return nil })
				}
			} else if err != nil {
				return nil, err
			}
		}
	}
	// Every member has ended and been read: the kernel's group holds none
	// unread (what its panel in the view counts).
	acall(th, func(t *sim.Task) error {
		for {
			if d, err := tg.g.NextDone(t); d == nil || err != nil {
				return err
			}
		}
	})
	if len(tg.errors) > 0 {
		return nil, rt.NewExceptionGroup("unhandled errors in a TaskGroup", &rt.List{Items: append([]rt.Value(nil), tg.errors...)})
	}
	if cancelled != nil {
		return nil, cancelled
	}
	return rt.MakeBool(suppress), nil
}
