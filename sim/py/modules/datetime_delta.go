package modules

import (
	"fmt"
	"math"
	"math/big"
	"strings"

	rt "asyncplay/sim/py/runtime"
)

// datetime.timedelta: a number of microseconds (a big.Int: the range,
// ±999999999 days, does not fit in 64 bits), shown as days, seconds and
// microseconds.

var timedeltaClass = stdClass("timedelta", "datetime")

const usPerDay = 86400 * 1_000_000

var (
	bigUsPerDay = big.NewInt(usPerDay)
	bigMillion  = big.NewInt(1_000_000)
	maxDeltaUs  = new(big.Int).Mul(big.NewInt(1_000_000_000), bigUsPerDay) // exclusive
)

// tdOf returns the microseconds of a timedelta, nil for other values.
func tdOf(v rt.Value) *big.Int {
	if inst, ok := v.(*rt.Instance); ok {
		if us, ok := inst.Data.(*big.Int); ok && inst.Class.IsSubclass(timedeltaClass) {
			return us
		}
	}
	return nil
}

// newTD makes a timedelta, or the OverflowError of one out of range.
func newTD(us *big.Int) (rt.Value, error) {
	days, _ := tdParts(us)
	if new(big.Int).Abs(days).Cmp(big.NewInt(999999999)) > 0 {
		return nil, rt.NewError(rt.OverflowErrorClass, "days="+days.String()+"; must have magnitude <= 999999999")
	}
	inst := rt.NewInstance(timedeltaClass)
	inst.Data = us
	return inst, nil
}

// tdParts splits microseconds into days and the rest of the day (>= 0).
func tdParts(us *big.Int) (days *big.Int, rest int64) {
	d, m := new(big.Int).DivMod(us, bigUsPerDay, new(big.Int))
	return d, m.Int64()
}

// ratOf reads an int or float argument exactly.
func ratOf(th *rt.Thread, v rt.Value, what string) (*big.Rat, error) {
	switch x := v.(type) {
	case rt.Float:
		f := float64(x)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, rt.NewError(rt.ValueErrorClass, "cannot convert float "+map[bool]string{true: "NaN", false: "infinity"}[math.IsNaN(f)]+" to integer")
		}
		return new(big.Rat).SetFloat64(f), nil
	}
	if !isIndex(v) {
		return nil, rt.NewError(rt.TypeErrorClass, "unsupported type for timedelta "+what+" component: "+rt.TypeName(v))
	}
	b, err := stdBig(th, v)
	if err != nil {
		return nil, err
	}
	return new(big.Rat).SetInt(b), nil
}

// roundHalfEven rounds a rational to the nearest integer, ties to even.
func roundHalfEven(r *big.Rat) *big.Int {
	n, d := r.Num(), r.Denom()
	q, m := new(big.Int).DivMod(n, d, new(big.Int)) // floor, as d > 0
	twice := new(big.Int).Mul(m, big.NewInt(2))
	switch c := twice.Cmp(d); {
	case c > 0, c == 0 && q.Bit(0) == 1:
		q.Add(q, big.NewInt(1))
	}
	return q
}

func newTimedelta(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	names := []string{"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"}
	factors := []int64{usPerDay, 1_000_000, 1, 1000, 60_000_000, 3_600_000_000, 7 * usPerDay}
	for i := range kw.Len() {
		known := false
		for _, n := range names {
			known = known || n == kw.Names[i]
		}
		if !known {
			return nil, rt.NewError(rt.TypeErrorClass, "'"+kw.Names[i]+"' is an invalid keyword argument for __new__()")
		}
	}
	a, err := stdArgs("timedelta", args, kw, names, 0)
	if err != nil {
		return nil, err
	}
	total := new(big.Rat)
	for i, v := range a {
		if v == nil {
			continue
		}
		r, err := ratOf(th, v, names[i])
		if err != nil {
			return nil, err
		}
		total.Add(total, r.Mul(r, new(big.Rat).SetInt64(factors[i])))
	}
	return newTD(roundHalfEven(total))
}

// tdString is str(timedelta): "1 day, 0:00:05.000003".
func tdString(us *big.Int) string {
	days, rest := tdParts(us)
	secs, micro := rest/1_000_000, rest%1_000_000
	s := fmt.Sprintf("%d:%02d:%02d", secs/3600, secs/60%60, secs%60)
	if micro != 0 {
		s += fmt.Sprintf(".%06d", micro)
	}
	if days.Sign() != 0 {
		plural := "s"
		if d := days.Int64(); d == 1 || d == -1 {
			plural = ""
		}
		s = days.String() + " day" + plural + ", " + s
	}
	return s
}

func tdRepr(name string, us *big.Int) string {
	days, rest := tdParts(us)
	var parts []string
	if days.Sign() != 0 {
		parts = append(parts, "days="+days.String())
	}
	if s := rest / 1_000_000; s != 0 {
		parts = append(parts, "seconds="+itoa(int(s)))
	}
	if m := rest % 1_000_000; m != 0 {
		parts = append(parts, "microseconds="+itoa(int(m)))
	}
	if len(parts) == 0 {
		parts = []string{"0"}
	}
	return name + "(" + strings.Join(parts, ", ") + ")"
}

// tdScale multiplies microseconds by an int or float, rounding half to
// even; div divides instead.
func tdScale(th *rt.Thread, us *big.Int, by rt.Value, div bool) (rt.Value, error) {
	r, err := ratOf(th, by, "")
	if err != nil {
		return rt.NotImplemented, nil
	}
	x := new(big.Rat).SetInt(us)
	if div {
		if r.Sign() == 0 {
			return nil, rt.NewError(rt.ZeroDivisionErrorClass, "integer division or modulo by zero")
		}
		x.Quo(x, r)
	} else {
		x.Mul(x, r)
	}
	return newTD(roundHalfEven(x))
}

func init() {
	c := timedeltaClass
	stdMethod(c, "__init__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		td, err := newTimedelta(th, args, kw)
		if err != nil {
			return nil, err
		}
		self.(*rt.Instance).Data = tdOf(td)
		return rt.None, nil
	})
	us := func(v rt.Value) *big.Int {
		if u := tdOf(v); u != nil {
			return u
		}
		return new(big.Int)
	}
	stdAttr(c, "days", func(th *rt.Thread, self rt.Value) (rt.Value, error) {
		d, _ := tdParts(us(self))
		return rt.MakeBig(d), nil
	})
	stdAttr(c, "seconds", func(th *rt.Thread, self rt.Value) (rt.Value, error) {
		_, rest := tdParts(us(self))
		return rt.MakeInt(rest / 1_000_000), nil
	})
	stdAttr(c, "microseconds", func(th *rt.Thread, self rt.Value) (rt.Value, error) {
		_, rest := tdParts(us(self))
		return rt.MakeInt(rest % 1_000_000), nil
	})
	stdMethod(c, "total_seconds", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		f, _ := new(big.Rat).SetFrac(us(self), bigMillion).Float64()
		return rt.Float(f), nil
	})
	stdMethod(c, "__str__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.Str(tdString(us(self))), nil
	})
	stdMethod(c, "__repr__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		name := "datetime.timedelta"
		if rt.TypeOf(self) != timedeltaClass {
			name = rt.TypeOf(self).QualName()
		}
		return rt.Str(tdRepr(name, us(self))), nil
	})
	stdMethod(c, "__hash__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		h, err := rt.Hash(th, rt.MakeBig(us(self)))
		return rt.MakeInt(h), err
	})
	stdMethod(c, "__bool__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.MakeBool(us(self).Sign() != 0), nil
	})
	for _, cmp := range []struct {
		name string
		op   rt.CmpOp
	}{{"__eq__", rt.CmpEq}, {"__ne__", rt.CmpNe}, {"__lt__", rt.CmpLt}, {"__le__", rt.CmpLe}, {"__gt__", rt.CmpGt}, {"__ge__", rt.CmpGe}} {
		stdMethod(c, cmp.name, func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			o := tdOf(args[0])
			if o == nil {
				return rt.NotImplemented, nil
			}
			return rt.Compare(th, cmp.op, rt.MakeBig(us(self)), rt.MakeBig(o))
		})
	}
	bin := func(name string, f func(th *rt.Thread, a *big.Int, other rt.Value) (rt.Value, error)) {
		stdMethod(c, name, func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos(name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			return f(th, us(self), args[0])
		})
	}
	bin("__add__", func(th *rt.Thread, a *big.Int, other rt.Value) (rt.Value, error) {
		if b := tdOf(other); b != nil {
			return newTD(new(big.Int).Add(a, b))
		}
		return rt.NotImplemented, nil
	})
	bin("__radd__", func(th *rt.Thread, a *big.Int, other rt.Value) (rt.Value, error) {
		if b := tdOf(other); b != nil {
			return newTD(new(big.Int).Add(a, b))
		}
		return rt.NotImplemented, nil
	})
	bin("__sub__", func(th *rt.Thread, a *big.Int, other rt.Value) (rt.Value, error) {
		if b := tdOf(other); b != nil {
			return newTD(new(big.Int).Sub(a, b))
		}
		return rt.NotImplemented, nil
	})
	bin("__rsub__", func(th *rt.Thread, a *big.Int, other rt.Value) (rt.Value, error) {
		if b := tdOf(other); b != nil {
			return newTD(new(big.Int).Sub(b, a))
		}
		return rt.NotImplemented, nil
	})
	stdMethod(c, "__neg__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return newTD(new(big.Int).Neg(us(self)))
	})
	stdMethod(c, "__pos__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return self, nil
	})
	stdMethod(c, "__abs__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return newTD(new(big.Int).Abs(us(self)))
	})
	mul := func(th *rt.Thread, a *big.Int, other rt.Value) (rt.Value, error) {
		switch other.(type) {
		case rt.Int, *big.Int, rt.Bool, rt.Float:
			return tdScale(th, a, other, false)
		}
		return rt.NotImplemented, nil
	}
	bin("__mul__", mul)
	bin("__rmul__", mul)
	bin("__truediv__", func(th *rt.Thread, a *big.Int, other rt.Value) (rt.Value, error) {
		if b := tdOf(other); b != nil {
			if b.Sign() == 0 {
				return nil, rt.NewError(rt.ZeroDivisionErrorClass, "division by zero")
			}
			f, _ := new(big.Rat).SetFrac(a, b).Float64()
			return rt.Float(f), nil
		}
		switch other.(type) {
		case rt.Int, *big.Int, rt.Bool, rt.Float:
			return tdScale(th, a, other, true)
		}
		return rt.NotImplemented, nil
	})
	bin("__floordiv__", func(th *rt.Thread, a *big.Int, other rt.Value) (rt.Value, error) {
		if b := tdOf(other); b != nil {
			if b.Sign() == 0 {
				return nil, rt.NewError(rt.ZeroDivisionErrorClass, "integer division or modulo by zero")
			}
			return rt.MakeBig(floorDiv(a, b)), nil
		}
		if isIntValue(other) {
			b, _ := stdBig(th, other)
			if b.Sign() == 0 {
				return nil, rt.NewError(rt.ZeroDivisionErrorClass, "integer division or modulo by zero")
			}
			return newTD(floorDiv(a, b))
		}
		return rt.NotImplemented, nil
	})
	bin("__mod__", func(th *rt.Thread, a *big.Int, other rt.Value) (rt.Value, error) {
		b := tdOf(other)
		if b == nil {
			return rt.NotImplemented, nil
		}
		if b.Sign() == 0 {
			return nil, rt.NewError(rt.ZeroDivisionErrorClass, "integer division or modulo by zero")
		}
		q := floorDiv(a, b)
		return newTD(new(big.Int).Sub(a, q.Mul(q, b)))
	})
	bin("__divmod__", func(th *rt.Thread, a *big.Int, other rt.Value) (rt.Value, error) {
		b := tdOf(other)
		if b == nil {
			return rt.NotImplemented, nil
		}
		if b.Sign() == 0 {
			return nil, rt.NewError(rt.ZeroDivisionErrorClass, "integer division or modulo by zero")
		}
		q := floorDiv(a, b)
		r, err := newTD(new(big.Int).Sub(a, new(big.Int).Mul(q, b)))
		return rt.Tuple{rt.MakeBig(q), r}, err
	})
	min, _ := newTD(new(big.Int).Neg(new(big.Int).Mul(big.NewInt(999999999), bigUsPerDay)))
	max, _ := newTD(new(big.Int).Sub(maxDeltaUs, big.NewInt(1)))
	res, _ := newTD(big.NewInt(1))
	c.Dict.Set("min", min)
	c.Dict.Set("max", max)
	c.Dict.Set("resolution", res)
}
