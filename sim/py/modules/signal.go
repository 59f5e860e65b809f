package modules

import (
	"asyncplay/sim"
	rt "asyncplay/sim/py/runtime"
)

// signal: the signal numbers the kernel delivers, as ints equal to
// sim.SIGINT and the rest, and the Signals enumeration for their names
// (signal.Signals(2).name == 'SIGINT'). Handlers are curio's business
// (SignalEvent, SignalQueue); signal.signal is not provided.

var signalsClass = stdClass("Signals", "signal")

var signalList = []sim.Signal{sim.SIGHUP, sim.SIGINT, sim.SIGQUIT, sim.SIGKILL, sim.SIGUSR1, sim.SIGUSR2, sim.SIGTERM}

// signalMembers are Signals.SIGINT and the rest, by number.
var signalMembers = map[sim.Signal]*rt.Instance{}

func signalOf(v rt.Value) (sim.Signal, bool) {
	if inst, ok := v.(*rt.Instance); ok {
		s, ok := inst.Data.(sim.Signal)
		return s, ok
	}
	return 0, false
}

func init() {
	c := signalsClass
	for _, s := range signalList {
		inst := rt.NewInstance(c)
		inst.Data = s
		signalMembers[s] = inst
		c.Dict.Set(s.String(), inst)
	}
	rt.SetConstructor(c, func(th *rt.Thread, _ *rt.Class, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("Signals", args, kw, 1, 1); err != nil {
			return nil, err
		}
		if s, ok := signalOf(args[0]); ok {
			return signalMembers[s], nil
		}
		if isIntValue(args[0]) {
			n, err := stdInt(th, args[0])
			if err == nil {
				if m, ok := signalMembers[sim.Signal(n)]; ok {
					return m, nil
				}
			}
		}
		r, err := rt.Repr(th, args[0])
		if err != nil {
			return nil, err
		}
		return nil, rt.NewError(rt.ValueErrorClass, r+" is not a valid Signals")
	})
	rejectSetattr(c, "Signals")
	num := func(self rt.Value) int64 { s, _ := signalOf(self); return int64(s) }
	stdAttr(c, "name", func(th *rt.Thread, self rt.Value) (rt.Value, error) {
		s, _ := signalOf(self)
		return rt.Str(s.String()), nil
	})
	stdAttr(c, "value", func(th *rt.Thread, self rt.Value) (rt.Value, error) { return rt.MakeInt(num(self)), nil })
	stdMethod(c, "__repr__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		s, _ := signalOf(self)
		return rt.Str("<Signals." + s.String() + ": " + itoa(int(s)) + ">"), nil
	})
	stdMethod(c, "__str__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.Str(itoa(int(num(self)))), nil
	})
	for _, name := range []string{"__int__", "__index__", "__hash__"} {
		stdMethod(c, name, func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return rt.MakeInt(num(self)), nil
		})
	}
	for _, cmp := range []struct {
		name string
		op   rt.CmpOp
	}{{"__eq__", rt.CmpEq}, {"__ne__", rt.CmpNe}, {"__lt__", rt.CmpLt}, {"__le__", rt.CmpLe}, {"__gt__", rt.CmpGt}, {"__ge__", rt.CmpGe}} {
		stdMethod(c, cmp.name, func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			other := args[0]
			if s, ok := signalOf(other); ok {
				other = rt.MakeInt(int64(s))
			}
			if !isIntValue(other) && !isNumber(other) {
				return rt.NotImplemented, nil
			}
			return rt.Compare(th, cmp.op, rt.MakeInt(num(self)), other)
		})
	}

	register("signal", func(in *rt.Interp) *rt.Module {
		m := newModule("signal")
		for _, s := range signalList {
			m.NS.Set(s.String(), rt.MakeInt(int64(s)))
		}
		m.NS.Set("Signals", signalsClass)
		m.NS.Set("SIG_DFL", zero)
		m.NS.Set("SIG_IGN", rt.MakeInt(1))
		m.NS.Set("NSIG", rt.MakeInt(65))
		fn(m, "strsignal", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("strsignal", args, kw, 1, 1); err != nil {
				return nil, err
			}
			n, err := stdInt(th, args[0])
			if err != nil {
				return nil, err
			}
			names := map[sim.Signal]string{sim.SIGHUP: "Hangup", sim.SIGINT: "Interrupt", sim.SIGQUIT: "Quit",
				sim.SIGKILL: "Killed", sim.SIGUSR1: "User defined signal 1", sim.SIGUSR2: "User defined signal 2", sim.SIGTERM: "Terminated"}
			if s, ok := names[sim.Signal(n)]; ok {
				return rt.Str(s), nil
			}
			return rt.None, nil
		})
		return m
	})
}
