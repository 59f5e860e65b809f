package modules

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"time"

	rt "asyncplay/sim/py/runtime"
)

// datetime: date, datetime (a subclass of date, as in CPython), timedelta
// and timezone.utc. now() and today() read the virtual clock (see
// time.go); the local zone is UTC. Instances keep a dtData in Data.

var (
	dateClass     = stdClass("date", "datetime")
	datetimeClass = stdClass("datetime", "datetime", dateClass)
	timezoneClass = stdClass("timezone", "datetime")
	utcZone       = rt.NewInstance(timezoneClass)
)

type dtData struct {
	t   time.Time // UTC; midnight for a date
	utc bool      // aware (tzinfo=timezone.utc)
}

func dtOf(v rt.Value) *dtData {
	if inst, ok := v.(*rt.Instance); ok {
		if d, ok := inst.Data.(*dtData); ok {
			return d
		}
	}
	return nil
}

func isDatetime(v rt.Value) bool { return rt.TypeOf(v).IsSubclass(datetimeClass) }

// newDT makes a date or datetime of class c, checking the year range.
func newDT(c *rt.Class, t time.Time, utc bool) (rt.Value, error) {
	if t.Year() < 1 || t.Year() > 9999 {
		return nil, rt.NewError(rt.OverflowErrorClass, "date value out of range")
	}
	inst := rt.NewInstance(c)
	inst.Data = &dtData{t: t, utc: utc}
	return inst, nil
}

// dtFields reads the integer fields of the constructors, checking ranges
// with CPython's messages.
func dtFields(th *rt.Thread, a []rt.Value) ([7]int, error) {
	var f [7]int
	for i, v := range a {
		if i >= 7 || v == nil {
			continue
		}
		if _, ok := v.(rt.Float); ok {
			return f, rt.NewError(rt.TypeErrorClass, "'float' object cannot be interpreted as an integer")
		}
		n, err := stdInt(th, v)
		if err != nil {
			return f, err
		}
		f[i] = int(n)
	}
	switch {
	case f[0] < 1 || f[0] > 9999:
		return f, rt.NewError(rt.ValueErrorClass, "year "+itoa(f[0])+" is out of range")
	case f[1] < 1 || f[1] > 12:
		return f, rt.NewError(rt.ValueErrorClass, "month must be in 1..12")
	case f[2] < 1 || f[2] > time.Date(f[0], time.Month(f[1])+1, 0, 0, 0, 0, 0, time.UTC).Day():
		return f, rt.NewError(rt.ValueErrorClass, "day is out of range for month")
	case f[3] < 0 || f[3] > 23:
		return f, rt.NewError(rt.ValueErrorClass, "hour must be in 0..23")
	case f[4] < 0 || f[4] > 59:
		return f, rt.NewError(rt.ValueErrorClass, "minute must be in 0..59")
	case f[5] < 0 || f[5] > 59:
		return f, rt.NewError(rt.ValueErrorClass, "second must be in 0..59")
	case f[6] < 0 || f[6] > 999999:
		return f, rt.NewError(rt.ValueErrorClass, "microsecond must be in 0..999999")
	}
	return f, nil
}

func tzArg(v rt.Value) (bool, error) {
	switch {
	case v == nil || v == rt.None:
		return false, nil
	case v == utcZone:
		return true, nil
	}
	return false, rt.NewError(rt.TypeErrorClass, "only datetime.timezone.utc is supported as tzinfo here")
}

func dtIso(d *dtData, sep string) string {
	s := d.t.Format("2006-01-02") + sep + d.t.Format("15:04:05")
	if us := d.t.Nanosecond() / 1000; us != 0 {
		s += fmt.Sprintf(".%06d", us)
	}
	if d.utc {
		s += "+00:00"
	}
	return s
}

func dtRepr(self rt.Value, d *dtData) string {
	name := "datetime." + rt.TypeName(self)
	if c := rt.TypeOf(self); c != dateClass && c != datetimeClass {
		name = c.QualName()
	}
	t := d.t
	fields := []int{t.Year(), int(t.Month()), t.Day()}
	if isDatetime(self) {
		fields = append(fields, t.Hour(), t.Minute(), t.Second(), t.Nanosecond()/1000)
		for range 2 {
			if fields[len(fields)-1] == 0 {
				fields = fields[:len(fields)-1]
			}
		}
	}
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = itoa(f)
	}
	if d.utc {
		parts = append(parts, "tzinfo=datetime.timezone.utc")
	}
	return name + "(" + strings.Join(parts, ", ") + ")"
}

// fromTimestamp is datetime.fromtimestamp(ts).
func fromTimestamp(th *rt.Thread, v rt.Value) (time.Time, error) {
	s, err := rt.AsFloat(th, v)
	if err != nil {
		return time.Time{}, err
	}
	sec := math.Floor(s)
	us := math.Round((s - sec) * 1e6)
	return time.Unix(int64(sec), int64(us)*1000).UTC(), nil
}

// dtAddUs adds microseconds (a big.Int) to a time.
func dtAddUs(t time.Time, us *big.Int) (time.Time, error) {
	days, rest := tdParts(us)
	if !days.IsInt64() || days.Int64() > 4_000_000 || days.Int64() < -4_000_000 {
		return t, rt.NewError(rt.OverflowErrorClass, "date value out of range")
	}
	t = t.AddDate(0, 0, int(days.Int64())).Add(time.Duration(rest) * time.Microsecond)
	if t.Year() < 1 || t.Year() > 9999 {
		return t, rt.NewError(rt.OverflowErrorClass, "date value out of range")
	}
	return t, nil
}

// dtDiffUs is a - b in microseconds.
func dtDiffUs(a, b time.Time) *big.Int {
	s := new(big.Int).Mul(big.NewInt(a.Unix()-b.Unix()), bigMillion)
	return s.Add(s, big.NewInt(int64(a.Nanosecond()/1000-b.Nanosecond()/1000)))
}

// dtParseISO reads date.fromisoformat's and datetime.fromisoformat's
// formats: YYYY-MM-DD[(T| )HH:MM[:SS[.ffffff]]][+00:00|Z].
func dtParseISO(s string, withTime bool) (time.Time, bool, bool) {
	utc := false
	for _, suffix := range []string{"+00:00", "Z"} {
		if withTime && strings.HasSuffix(s, suffix) && len(s) > 10 {
			s, utc = strings.TrimSuffix(s, suffix), true
		}
	}
	layouts := []string{"2006-01-02"}
	if withTime {
		for _, sep := range []string{"T", " "} {
			layouts = append(layouts, "2006-01-02"+sep+"15:04", "2006-01-02"+sep+"15:04:05", "2006-01-02"+sep+"15:04:05.000000", "2006-01-02"+sep+"15:04:05.000")
		}
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil && len(s) == len(l) {
			return t, utc, true
		}
	}
	return time.Time{}, false, false
}

func init() {
	rt.SetConstructor(timezoneClass, func(th *rt.Thread, c *rt.Class, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("timezone", args, kw, []string{"offset", "name"}, 1)
		if err != nil {
			return nil, err
		}
		if us := tdOf(a[0]); us != nil && us.Sign() == 0 && a[1] == nil {
			return utcZone, nil
		}
		return nil, rt.NewError(rt.ValueErrorClass, "only timezone(timedelta(0)), timezone.utc, is supported here")
	})
	timezoneClass.Dict.Set("utc", utcZone)
	stdMethod(timezoneClass, "__repr__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.Str("datetime.timezone.utc"), nil
	})
	stdMethod(timezoneClass, "__str__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.Str("UTC"), nil
	})
	stdMethod(timezoneClass, "utcoffset", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return newTD(new(big.Int))
	})
	stdMethod(timezoneClass, "tzname", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.Str("UTC"), nil
	})

	for _, c := range []*rt.Class{dateClass, datetimeClass} {
		withTime := c == datetimeClass
		stdMethod(c, "__init__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			params := []string{"year", "month", "day"}
			if withTime {
				params = append(params, "hour", "minute", "second", "microsecond", "tzinfo")
			}
			a, err := stdArgs("function", args, kw, params, 0)
			if err != nil {
				return nil, err
			}
			for i := range 3 {
				if a[i] == nil {
					return nil, rt.NewError(rt.TypeErrorClass, "function missing required argument '"+params[i]+"' (pos "+itoa(i+1)+")")
				}
			}
			f, err := dtFields(th, a)
			if err != nil {
				return nil, err
			}
			utc := false
			if withTime {
				if utc, err = tzArg(a[7]); err != nil {
					return nil, err
				}
			}
			self.(*rt.Instance).Data = &dtData{t: time.Date(f[0], time.Month(f[1]), f[2], f[3], f[4], f[5], f[6]*1000, time.UTC), utc: utc}
			return rt.None, nil
		})
		classMethod := func(mname string, f func(th *rt.Thread, cls *rt.Class, args []rt.Value, kw *rt.Kwargs) (rt.Value, error)) {
			c.Dict.Set(mname, &rt.ClassMethod{Fn: stdFn(mname, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
				return f(th, args[0].(*rt.Class), args[1:], kw)
			})})
		}
		truncate := func(t time.Time) time.Time {
			if withTime {
				return t.Truncate(time.Microsecond)
			}
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		}
		classMethod("today", func(th *rt.Thread, cls *rt.Class, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("today", args, kw, 0, 0); err != nil {
				return nil, err
			}
			return newDT(cls, truncate(wallTime(th)), false)
		})
		classMethod("fromtimestamp", func(th *rt.Thread, cls *rt.Class, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := stdArgs("fromtimestamp", args, kw, []string{"timestamp", "tz"}, 1)
			if err != nil {
				return nil, err
			}
			t, err := fromTimestamp(th, a[0])
			if err != nil {
				return nil, err
			}
			utc, err := tzArg(a[1])
			if err != nil {
				return nil, err
			}
			return newDT(cls, truncate(t), utc && withTime)
		})
		classMethod("fromisoformat", func(th *rt.Thread, cls *rt.Class, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("fromisoformat", args, kw, 1, 1); err != nil {
				return nil, err
			}
			s, ok := args[0].(rt.Str)
			if !ok {
				return nil, rt.NewError(rt.TypeErrorClass, "fromisoformat: argument must be str")
			}
			t, utc, ok := dtParseISO(string(s), withTime)
			if !ok {
				return nil, rt.NewError(rt.ValueErrorClass, "Invalid isoformat string: "+rt.QuoteStr(string(s)))
			}
			return newDT(cls, t, utc)
		})
		if withTime {
			classMethod("now", func(th *rt.Thread, cls *rt.Class, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
				a, err := stdArgs("now", args, kw, []string{"tz"}, 0)
				if err != nil {
					return nil, err
				}
				utc, err := tzArg(a[0])
				if err != nil {
					return nil, err
				}
				return newDT(cls, truncate(wallTime(th)), utc)
			})
			classMethod("utcnow", func(th *rt.Thread, cls *rt.Class, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
				if err := stdPos("utcnow", args, kw, 0, 0); err != nil {
					return nil, err
				}
				return newDT(cls, truncate(wallTime(th)), false)
			})
			classMethod("utcfromtimestamp", func(th *rt.Thread, cls *rt.Class, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
				if err := stdPos("utcfromtimestamp", args, kw, 1, 1); err != nil {
					return nil, err
				}
				t, err := fromTimestamp(th, args[0])
				if err != nil {
					return nil, err
				}
				return newDT(cls, t, false)
			})
			classMethod("combine", func(th *rt.Thread, cls *rt.Class, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
				if err := stdPos("combine", args, kw, 2, 2); err != nil {
					return nil, err
				}
				d, t := dtOf(args[0]), dtOf(args[1])
				if d == nil || t == nil {
					return nil, rt.NewError(rt.TypeErrorClass, "combine() argument must be a date and a datetime here")
				}
				y, m, day := d.t.Date()
				return newDT(cls, time.Date(y, m, day, t.t.Hour(), t.t.Minute(), t.t.Second(), t.t.Nanosecond(), time.UTC), t.utc)
			})
		}
	}
	defineDateMethods()
}
