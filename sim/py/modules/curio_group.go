package modules

import (
	"asyncplay/sim"
	rt "asyncplay/sim/py/runtime"
)

var groupClass = newType("TaskGroup", "curio.task")

// groupObj is curio's TaskGroup, on the kernel's.
type groupObj struct {
	g  *sim.TaskGroup
	st *curioState
}

func (o *groupObj) Type() *rt.Class { return groupClass }

func (o *groupObj) Attr(th *rt.Thread, name string) (rt.Value, bool, error) {
	g := o.g
	switch name {
	case "completed":
		if c := g.Completed(); c != nil {
			return o.st.task(c), true, nil
		}
		return rt.None, true, nil
	case "result":
		v, err := g.Result()
		if err != nil {
			return nil, true, ConvertKernelErr(err)
		}
		return valueOf(v), true, nil
	case "exception":
		if err := g.Exception(); err != nil {
			return ConvertKernelErr(err).(rt.Value), true, nil
		}
		return rt.None, true, nil
	case "results":
		vs, err := g.Results()
		if err != nil {
			return nil, true, ConvertKernelErr(err)
		}
		out := make([]rt.Value, len(vs))
		for i, v := range vs {
			out[i] = valueOf(v)
		}
		return &rt.List{Items: out}, true, nil
	case "exceptions":
		var out []rt.Value
		for _, e := range g.Exceptions() {
			if e == nil {
				out = append(out, rt.None)
			} else {
				out = append(out, ConvertKernelErr(e).(rt.Value))
			}
		}
		return &rt.List{Items: out}, true, nil
	case "tasks":
		var out []rt.Value
		for _, t := range g.Members() {
			out = append(out, o.st.task(t))
		}
		return &rt.List{Items: out}, true, nil
	}
	return nil, false, nil
}

func (st *curioState) defineGroup(m *rt.Module) {
	m.NS.Set("TaskGroup", groupClass)
	rt.SetConstructor(groupClass, func(th *rt.Thread, _ *rt.Class, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		k, err := kernel(th)
		if err != nil {
			return nil, err
		}
		a, err := rt.UnpackArgs("TaskGroup", args, kw, []string{"tasks", "wait"}, 0)
		if err != nil {
			return nil, err
		}
		policy := sim.WaitAll
		switch w := a[1]; {
		case w == nil || w == rt.Builtins["all"]:
		case w == rt.Builtins["any"]:
			policy = sim.WaitAny
		case w == rt.Value(rt.ObjectClass):
			policy = sim.WaitObject
		case w == rt.None:
			policy = sim.WaitNone
		default:
			return nil, rt.NewError(rt.ValueErrorClass, "wait must be all, any, object or None")
		}
		o := &groupObj{g: k.NewTaskGroup("", policy), st: st}
		if a[0] != nil {
			tasks, err := rt.Collect(th, a[0])
			if err != nil {
				return nil, err
			}
			for _, t := range tasks {
				to, ok := t.(*taskObj)
				if !ok {
					return nil, rt.NewError(rt.TypeErrorClass, "TaskGroup tasks must be Tasks")
				}
				if err := o.g.AddTask(to.t); err != nil {
					return nil, ConvertKernelErr(err)
				}
			}
		}
		return o, nil
	})
}

func init() {
	grp := func(self rt.Value) *groupObj { return self.(*groupObj) }
	aDef(groupClass, "spawn", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		o := grp(self)
		daemon, err := daemonKw("spawn", th, kw)
		if err != nil {
			return nil, err
		}
		co, name, err := coroutineOf(th, "spawn", args)
		if err != nil {
			return nil, err
		}
		spawn := o.g.Spawn
		if daemon {
			spawn = o.g.SpawnDaemon
		}
		var child *sim.Task
		err = kcall(th, func(t *sim.Task) error {
			var err error
			child, err = spawn(t, name, o.st.taskFunc(co, th.OpCost))
			return err
		})
		if err != nil {
			return nil, err
		}
		return o.st.task(child), nil
	})
	aDef(groupClass, "add_task", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if len(args) != 1 {
			return nil, rt.ArgError("add_task() takes exactly one argument (%d given)", len(args))
		}
		t, ok := args[0].(*taskObj)
		if !ok {
			return nil, rt.NewError(rt.TypeErrorClass, "add_task() needs a Task")
		}
		return blocking(th, func(*sim.Task) error { return grp(self).g.AddTask(t.t) })
	})
	nextDone := func(th *rt.Thread, o *groupObj) (rt.Value, error) {
		var done *sim.Task
		err := kcall(th, func(t *sim.Task) error {
			var err error
			done, err = o.g.NextDone(t)
			return err
		})
		if err != nil || done == nil {
			return rt.None, err
		}
		return o.st.task(done), nil
	}
	aDef(groupClass, "next_done", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return nextDone(th, grp(self))
	})
	aDef(groupClass, "next_result", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		var v any
		err := kcall(th, func(t *sim.Task) error {
			var err error
			v, err = grp(self).g.NextResult(t)
			return err
		})
		return valueOf(v), err
	})
	aDef(groupClass, "join", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return blocking(th, func(t *sim.Task) error { return grp(self).g.Join(t) })
	})
	aDef(groupClass, "cancel_remaining", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return blocking(th, func(t *sim.Task) error { return grp(self).g.CancelRemaining(t) })
	})
	aDef(groupClass, "__aenter__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return self, nil
	})
	aDef(groupClass, "__aexit__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		var body error
		if len(args) > 1 {
			if e, ok := args[1].(*rt.Instance); ok {
				body = toKernel(e)
			}
		}
		var out error
		err := kcall(th, func(t *sim.Task) error {
			out = grp(self).g.Exit(t, body)
			return nil
		})
		if err != nil {
			return nil, err
		}
		if out == nil || out == body {
			return rt.False, nil // nothing new: the body's exception (if any) goes on
		}
		return nil, ConvertKernelErr(out)
	})
	def(groupClass, "__aiter__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return self, nil
	})
	aDef(groupClass, "__anext__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		t, err := nextDone(th, grp(self))
		if err == nil && t == rt.None {
			return nil, rt.NewInstance(rt.StopAsyncIterationClass)
		}
		return t, err
	})
}
