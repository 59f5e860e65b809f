package modules

import (
	"math/big"
	"time"

	rt "asyncplay/sim/py/runtime"
)

// dtMethod adds a method to date (and so datetime) or datetime.
func dtMethod(c *rt.Class, name string, f func(th *rt.Thread, self rt.Value, d *dtData, args []rt.Value, kw *rt.Kwargs) (rt.Value, error)) {
	stdMethod(c, name, func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		d := dtOf(self)
		if d == nil {
			return nil, rt.NewError(rt.TypeErrorClass, "uninitialised "+rt.TypeName(self))
		}
		return f(th, self, d, args, kw)
	})
}

// rejectSetattr makes instances of c (not of Python subclasses) refuse
// new attributes, as CPython's C types do.
func rejectSetattr(c *rt.Class, qual string) {
	objSetattr, _ := rt.ObjectClass.Dict.Get("__setattr__")
	c.Dict.Set("__setattr__", stdFn("__setattr__", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if len(args) == 3 && rt.TypeOf(args[0]) == c {
			name, _ := args[1].(rt.Str)
			return nil, rt.NewError(rt.AttributeErrorClass, "'"+qual+"' object has no attribute '"+string(name)+"'")
		}
		return rt.Call(th, objSetattr, args, kw)
	}))
}

func ordinal(t time.Time) int64 {
	days := t.Unix() / 86400
	if t.Unix() < 0 && t.Unix()%86400 != 0 {
		days--
	}
	return days + 719163
}

func defineDateMethods() {
	d, dt := dateClass, datetimeClass
	rejectSetattr(d, "datetime.date")
	rejectSetattr(dt, "datetime.datetime")
	rejectSetattr(timedeltaClass, "datetime.timedelta")
	rejectSetattr(timezoneClass, "datetime.timezone")
	for name, get := range map[string]func(t time.Time) int{
		"year": time.Time.Year, "day": time.Time.Day,
		"month": func(t time.Time) int { return int(t.Month()) },
	} {
		stdAttr(d, name, func(th *rt.Thread, self rt.Value) (rt.Value, error) {
			return rt.MakeInt(int64(get(dtOf(self).t))), nil
		})
	}
	for name, get := range map[string]func(t time.Time) int{
		"hour": time.Time.Hour, "minute": time.Time.Minute, "second": time.Time.Second,
		"microsecond": func(t time.Time) int { return t.Nanosecond() / 1000 },
	} {
		stdAttr(dt, name, func(th *rt.Thread, self rt.Value) (rt.Value, error) {
			return rt.MakeInt(int64(get(dtOf(self).t))), nil
		})
	}
	stdAttr(dt, "tzinfo", func(th *rt.Thread, self rt.Value) (rt.Value, error) {
		if dtOf(self).utc {
			return utcZone, nil
		}
		return rt.None, nil
	})
	dtMethod(d, "isoformat", func(th *rt.Thread, self rt.Value, x *dtData, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if !isDatetime(self) {
			return rt.Str(x.t.Format("2006-01-02")), nil
		}
		a, err := stdArgs("isoformat", args, kw, []string{"sep", "timespec"}, 0)
		if err != nil {
			return nil, err
		}
		sep := "T"
		if s, ok := a[0].(rt.Str); ok {
			sep = string(s)
		}
		return rt.Str(dtIso(x, sep)), nil
	})
	dtMethod(d, "__str__", func(th *rt.Thread, self rt.Value, x *dtData, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if isDatetime(self) {
			return rt.Str(dtIso(x, " ")), nil
		}
		return rt.Str(x.t.Format("2006-01-02")), nil
	})
	dtMethod(d, "__repr__", func(th *rt.Thread, self rt.Value, x *dtData, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.Str(dtRepr(self, x)), nil
	})
	zone := func(x *dtData) string {
		if x.utc {
			return "UTC"
		}
		return ""
	}
	dtMethod(d, "strftime", func(th *rt.Thread, self rt.Value, x *dtData, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("strftime", args, kw, []string{"format"}, 1)
		if err != nil {
			return nil, err
		}
		f, ok := a[0].(rt.Str)
		if !ok {
			return nil, rt.NewError(rt.TypeErrorClass, "strftime() argument 1 must be str, not "+rt.TypeName(a[0]))
		}
		return rt.Str(strftime(x.t, string(f), zone(x))), nil
	})
	dtMethod(d, "__format__", func(th *rt.Thread, self rt.Value, x *dtData, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("__format__", args, kw, 1, 1); err != nil {
			return nil, err
		}
		f, ok := args[0].(rt.Str)
		if !ok {
			return nil, rt.NewError(rt.TypeErrorClass, "__format__() argument must be str, not "+rt.TypeName(args[0]))
		}
		if f == "" {
			s, err := rt.StrOf(th, self)
			return rt.Str(s), err
		}
		return rt.Str(strftime(x.t, string(f), zone(x))), nil
	})
	dtMethod(d, "weekday", func(th *rt.Thread, self rt.Value, x *dtData, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.MakeInt(int64((int(x.t.Weekday()) + 6) % 7)), nil
	})
	dtMethod(d, "isoweekday", func(th *rt.Thread, self rt.Value, x *dtData, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.MakeInt(int64((int(x.t.Weekday())+6)%7 + 1)), nil
	})
	dtMethod(d, "toordinal", func(th *rt.Thread, self rt.Value, x *dtData, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.MakeInt(ordinal(x.t)), nil
	})
	dtMethod(d, "timetuple", func(th *rt.Thread, self rt.Value, x *dtData, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return structTime(x.t, -1), nil
	})
	dtMethod(d, "ctime", func(th *rt.Thread, self rt.Value, x *dtData, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.Str(strftime(x.t, "%c", "")), nil
	})
	dtMethod(d, "replace", func(th *rt.Thread, self rt.Value, x *dtData, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		params := []string{"year", "month", "day"}
		if isDatetime(self) {
			params = append(params, "hour", "minute", "second", "microsecond", "tzinfo")
		}
		a, err := stdArgs("replace", args, kw, params, 0)
		if err != nil {
			return nil, err
		}
		t := x.t
		cur := []int{t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond() / 1000}
		full := make([]rt.Value, 7)
		for i := range full {
			full[i] = rt.MakeInt(int64(cur[i]))
			if i < len(a) && a[i] != nil {
				full[i] = a[i]
			}
		}
		f, err := dtFields(th, full)
		if err != nil {
			return nil, err
		}
		utc := x.utc
		if len(a) == 8 && a[7] != nil {
			if utc, err = tzArg(a[7]); err != nil {
				return nil, err
			}
		}
		return newDT(rt.TypeOf(self), time.Date(f[0], time.Month(f[1]), f[2], f[3], f[4], f[5], f[6]*1000, time.UTC), utc)
	})
	dtMethod(d, "__hash__", func(th *rt.Thread, self rt.Value, x *dtData, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		h, err := rt.Hash(th, rt.MakeBig(dtDiffUs(x.t, time.Unix(0, 0))))
		return rt.MakeInt(h), err
	})
	for _, cmp := range []struct {
		name string
		op   rt.CmpOp
	}{{"__eq__", rt.CmpEq}, {"__ne__", rt.CmpNe}, {"__lt__", rt.CmpLt}, {"__le__", rt.CmpLe}, {"__gt__", rt.CmpGt}, {"__ge__", rt.CmpGe}} {
		dtMethod(d, cmp.name, func(th *rt.Thread, self rt.Value, x *dtData, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			y := dtOf(args[0])
			if y == nil {
				return rt.NotImplemented, nil
			}
			eqOp := cmp.op == rt.CmpEq || cmp.op == rt.CmpNe
			if isDatetime(self) != isDatetime(args[0]) {
				if eqOp {
					return rt.MakeBool(cmp.op == rt.CmpNe), nil
				}
				return nil, rt.NewError(rt.TypeErrorClass, "can't compare "+rt.TypeOf(self).QualName()+" to "+rt.TypeOf(args[0]).QualName())
			}
			if x.utc != y.utc {
				if eqOp {
					return rt.MakeBool(cmp.op == rt.CmpNe), nil
				}
				return nil, rt.NewError(rt.TypeErrorClass, "can't compare offset-naive and offset-aware datetimes")
			}
			return rt.Compare(th, cmp.op, rt.MakeBig(dtDiffUs(x.t, y.t)), zero)
		})
	}
	add := func(th *rt.Thread, self rt.Value, x *dtData, other rt.Value) (rt.Value, error) {
		us := tdOf(other)
		if us == nil {
			return rt.NotImplemented, nil
		}
		if !isDatetime(self) {
			days, _ := tdParts(us) // date + timedelta uses timedelta.days only
			us = new(big.Int).Mul(days, bigUsPerDay)
		}
		t, err := dtAddUs(x.t, us)
		if err != nil {
			return nil, err
		}
		return newDT(rt.TypeOf(self), t, x.utc)
	}
	dtMethod(d, "__add__", func(th *rt.Thread, self rt.Value, x *dtData, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return add(th, self, x, args[0])
	})
	dtMethod(d, "__radd__", func(th *rt.Thread, self rt.Value, x *dtData, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return add(th, self, x, args[0])
	})
	dtMethod(d, "__sub__", func(th *rt.Thread, self rt.Value, x *dtData, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if us := tdOf(args[0]); us != nil {
			return add(th, self, x, rt.Value(mustTD(new(big.Int).Neg(us))))
		}
		y := dtOf(args[0])
		if y == nil || isDatetime(self) != isDatetime(args[0]) {
			return rt.NotImplemented, nil
		}
		if x.utc != y.utc {
			return nil, rt.NewError(rt.TypeErrorClass, "can't subtract offset-naive and offset-aware datetimes")
		}
		return newTD(dtDiffUs(x.t, y.t))
	})
	dtMethod(dt, "date", func(th *rt.Thread, self rt.Value, x *dtData, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		y, m, day := x.t.Date()
		return newDT(dateClass, time.Date(y, m, day, 0, 0, 0, 0, time.UTC), false)
	})
	dtMethod(dt, "timestamp", func(th *rt.Thread, self rt.Value, x *dtData, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.Float(float64(x.t.Unix()) + float64(x.t.Nanosecond()/1000)/1e6), nil
	})
	dtMethod(dt, "utcoffset", func(th *rt.Thread, self rt.Value, x *dtData, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if x.utc {
			return newTD(new(big.Int))
		}
		return rt.None, nil
	})

	register("datetime", func(in *rt.Interp) *rt.Module {
		m := newModule("datetime")
		m.NS.Set("date", dateClass)
		m.NS.Set("datetime", datetimeClass)
		m.NS.Set("timedelta", timedeltaClass)
		m.NS.Set("timezone", timezoneClass)
		m.NS.Set("MINYEAR", rt.MakeInt(1))
		m.NS.Set("MAXYEAR", rt.MakeInt(9999))
		return m
	})
}

func mustTD(us *big.Int) rt.Value {
	v, err := newTD(us)
	if err != nil {
		inst := rt.NewInstance(timedeltaClass)
		inst.Data = us
		return inst
	}
	return v
}
