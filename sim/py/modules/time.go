package modules

import (
	"fmt"
	"math"
	"strings"
	"time"

	"asyncplay/sim"
	rt "asyncplay/sim/py/runtime"
)

// time: the virtual clock. time.time() is a fixed epoch plus the
// kernel's time; monotonic() and perf_counter() are the kernel's time (a
// process's own clock in a worker process); sleep() in the kernel's
// thread holds its only CPU (time passes and no other task runs: the
// lesson "time.sleep blocks the event loop"), while in a thread or a
// process it sleeps that lane only. The zone is UTC.

// epochSeconds is time.time() when a run starts: 2023-11-14 22:13:20 UTC.
const epochSeconds = 1_700_000_000

// virtualNow charges the thread's pending operations and reads the
// kernel's clock (zero outside a kernel).
func virtualNow(th *rt.Thread) sim.Time {
	if th == nil || th.Task == nil {
		return 0
	}
	th.Flush()
	var now sim.Time
	th.OnTask(func() error {
		now = th.Task.Now()
		return nil
	})
	return now
}

// wallTime is the virtual wall clock.
func wallTime(th *rt.Thread) time.Time {
	return time.Unix(epochSeconds, int64(virtualNow(th))).UTC()
}

// secondsArg reads a duration or timestamp argument as time.sleep does.
func secondsArg(th *rt.Thread, v rt.Value) (float64, error) {
	switch v.(type) {
	case rt.Float, rt.Int, rt.Bool:
	default:
		if !isIndex(v) {
			if _, _, ok := rt.TypeOf(v).Lookup("__float__"); !ok {
				return 0, rt.NewError(rt.TypeErrorClass, "'"+rt.TypeName(v)+"' object cannot be interpreted as an integer")
			}
		}
	}
	f, err := rt.AsFloat(th, v)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(f) {
		return 0, rt.NewError(rt.ValueErrorClass, "Invalid value NaN (not a number)")
	}
	return f, nil
}

var structTimeClass = newNamedTuple(&ntSpec{name: "struct_time", reprName: "time.struct_time", builtin: true,
	fields: []string{"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"}}, "time")

func structTime(t time.Time, isdst int64) rt.Value {
	inst := rt.NewInstance(structTimeClass)
	wday := (int(t.Weekday()) + 6) % 7 // Monday is 0
	inst.Data = rt.Tuple{rt.MakeInt(int64(t.Year())), rt.MakeInt(int64(t.Month())), rt.MakeInt(int64(t.Day())),
		rt.MakeInt(int64(t.Hour())), rt.MakeInt(int64(t.Minute())), rt.MakeInt(int64(t.Second())),
		rt.MakeInt(int64(wday)), rt.MakeInt(int64(t.YearDay())), rt.MakeInt(isdst)}
	return inst
}

// timeFromTuple reads a struct_time or a 9-tuple.
func timeFromTuple(th *rt.Thread, v rt.Value) (t time.Time, wday, yday int, err error) {
	items, err := rt.Collect(th, v)
	if err != nil {
		return
	}
	if len(items) != 9 {
		err = rt.NewError(rt.TypeErrorClass, "function takes exactly 9 arguments ("+itoa(len(items))+" given)")
		return
	}
	var f [8]int
	for i := range f {
		n, e := stdInt(th, items[i])
		if e != nil {
			return t, 0, 0, e
		}
		f[i] = int(n)
	}
	return time.Date(f[0], time.Month(f[1]), f[2], f[3], f[4], f[5], 0, time.UTC), f[6], f[7], nil
}

// timeArg is the optional seconds-since-epoch argument of gmtime and
// ctime: the virtual now by default.
func timeArg(th *rt.Thread, args []rt.Value) (time.Time, error) {
	if len(args) == 0 || args[0] == rt.None {
		return wallTime(th), nil
	}
	s, err := secondsArg(th, args[0])
	if err != nil {
		return time.Time{}, err
	}
	sec := math.Floor(s)
	return time.Unix(int64(sec), int64((s-sec)*1e9)).UTC(), nil
}

var (
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	months   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// strftime formats t as the C library does in the C locale; micro adds
// %f (datetime's), zone names %Z and %z.
func strftime(t time.Time, format string, zone string) string {
	return strftimeTm(t, (int(t.Weekday())+6)%7, t.YearDay(), format, zone)
}

// strftimeTm is strftime with the weekday (Monday 0) and day of the year
// a struct_time gives, which C's strftime takes as they are.
func strftimeTm(t time.Time, wday, yday int, format string, zone string) string {
	var b strings.Builder
	sub := func(f string) string { return strftimeTm(t, wday, yday, f, zone) }
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 == len(format) {
			b.WriteByte(c)
			continue
		}
		i++
		switch format[i] {
		case 'a':
			b.WriteString(weekdays[wday][:3])
		case 'A':
			b.WriteString(weekdays[wday])
		case 'b', 'h':
			b.WriteString(months[t.Month()-1][:3])
		case 'B':
			b.WriteString(months[t.Month()-1])
		case 'c':
			b.WriteString(sub("%a %b %e %H:%M:%S %Y"))
		case 'd':
			fmt.Fprintf(&b, "%02d", t.Day())
		case 'e':
			fmt.Fprintf(&b, "%2d", t.Day())
		case 'f':
			fmt.Fprintf(&b, "%06d", t.Nanosecond()/1000)
		case 'H':
			fmt.Fprintf(&b, "%02d", t.Hour())
		case 'I':
			fmt.Fprintf(&b, "%02d", (t.Hour()+11)%12+1)
		case 'j':
			fmt.Fprintf(&b, "%03d", yday)
		case 'm':
			fmt.Fprintf(&b, "%02d", int(t.Month()))
		case 'M':
			fmt.Fprintf(&b, "%02d", t.Minute())
		case 'p':
			if t.Hour() < 12 {
				b.WriteString("AM")
			} else {
				b.WriteString("PM")
			}
		case 'S':
			fmt.Fprintf(&b, "%02d", t.Second())
		case 'u':
			fmt.Fprintf(&b, "%d", wday+1)
		case 'w':
			fmt.Fprintf(&b, "%d", (wday+1)%7)
		case 'x':
			b.WriteString(sub("%m/%d/%y"))
		case 'X':
			b.WriteString(sub("%H:%M:%S"))
		case 'y':
			fmt.Fprintf(&b, "%02d", t.Year()%100)
		case 'Y':
			fmt.Fprintf(&b, "%d", t.Year())
		case 'z':
			if zone != "" {
				b.WriteString("+0000")
			}
		case 'Z':
			b.WriteString(zone)
		case 'U':
			fmt.Fprintf(&b, "%02d", (yday+6-(wday+1)%7)/7)
		case 'W':
			fmt.Fprintf(&b, "%02d", (yday+6-wday)/7)
		case 'G':
			y, _ := t.ISOWeek()
			fmt.Fprintf(&b, "%d", y)
		case 'V':
			_, w := t.ISOWeek()
			fmt.Fprintf(&b, "%02d", w)
		case 'D':
			b.WriteString(sub("%m/%d/%y"))
		case 'F':
			b.WriteString(sub("%Y-%m-%d"))
		case 'T':
			b.WriteString(sub("%H:%M:%S"))
		case 'R':
			b.WriteString(sub("%H:%M"))
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case '%':
			b.WriteByte('%')
		default:
			b.WriteByte('%')
			b.WriteByte(format[i])
		}
	}
	return b.String()
}

func init() {
	register("time", func(in *rt.Interp) *rt.Module {
		m := newModule("time")
		noArgs := func(name string, f func(th *rt.Thread) rt.Value) {
			fn(m, name, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
				if err := stdPos(name, args, kw, 0, 0); err != nil {
					return nil, err
				}
				return f(th), nil
			})
		}
		noArgs("time", func(th *rt.Thread) rt.Value {
			return rt.Float(epochSeconds + virtualNow(th).Seconds())
		})
		noArgs("time_ns", func(th *rt.Thread) rt.Value {
			return rt.MakeInt(epochSeconds*int64(sim.Second) + int64(virtualNow(th)))
		})
		for _, name := range []string{"monotonic", "perf_counter"} {
			noArgs(name, func(th *rt.Thread) rt.Value { return rt.Float(virtualNow(th).Seconds()) })
			noArgs(name+"_ns", func(th *rt.Thread) rt.Value { return rt.MakeInt(int64(virtualNow(th))) })
		}
		for _, name := range []string{"process_time", "thread_time"} {
			noArgs(name, func(th *rt.Thread) rt.Value {
				if th.Task == nil {
					return rt.Float(0)
				}
				virtualNow(th)
				return rt.Float(th.Task.CPU().Seconds())
			})
		}
		fn(m, "sleep", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := mathArgs("sleep", args, kw, 1); err != nil {
				return nil, rt.NewError(rt.TypeErrorClass, "time.sleep() takes exactly one argument ("+itoa(len(args))+" given)")
			}
			s, err := secondsArg(th, args[0])
			if err != nil {
				return nil, err
			}
			if s < 0 {
				return nil, rt.NewError(rt.ValueErrorClass, "sleep length must be non-negative")
			}
			if th.Task == nil {
				return rt.None, nil
			}
			th.Flush()
			return rt.None, th.OnTask(func() error {
				th.Task.SleepBlocking(sim.FromSeconds(s))
				return nil
			})
		})
		for _, name := range []string{"gmtime", "localtime"} {
			fn(m, name, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
				if err := stdPos(name, args, kw, 0, 1); err != nil {
					return nil, err
				}
				t, err := timeArg(th, args)
				if err != nil {
					return nil, err
				}
				return structTime(t, 0), nil
			})
		}
		fn(m, "mktime", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("mktime", args, kw, 1, 1); err != nil {
				return nil, err
			}
			t, _, _, err := timeFromTuple(th, args[0])
			if err != nil {
				return nil, err
			}
			return rt.Float(float64(t.Unix())), nil
		})
		fn(m, "ctime", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("ctime", args, kw, 0, 1); err != nil {
				return nil, err
			}
			t, err := timeArg(th, args)
			if err != nil {
				return nil, err
			}
			return rt.Str(strftime(t, "%c", "")), nil
		})
		tupleOrNow := func(th *rt.Thread, args []rt.Value) (time.Time, int, int, error) {
			if len(args) == 0 {
				t := wallTime(th)
				return t, (int(t.Weekday()) + 6) % 7, t.YearDay(), nil
			}
			return timeFromTuple(th, args[0])
		}
		fn(m, "asctime", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("asctime", args, kw, 0, 1); err != nil {
				return nil, err
			}
			t, wday, yday, err := tupleOrNow(th, args)
			if err != nil {
				return nil, err
			}
			return rt.Str(strftimeTm(t, wday, yday, "%c", "")), nil
		})
		fn(m, "strftime", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("strftime", args, kw, 1, 2); err != nil {
				return nil, err
			}
			format, ok := args[0].(rt.Str)
			if !ok {
				return nil, rt.NewError(rt.TypeErrorClass, "strftime() argument 1 must be str, not "+rt.TypeName(args[0]))
			}
			t, wday, yday, err := tupleOrNow(th, args[1:])
			if err != nil {
				return nil, err
			}
			return rt.Str(strftimeTm(t, wday, yday, string(format), "UTC")), nil
		})
		m.NS.Set("struct_time", structTimeClass)
		m.NS.Set("timezone", zero)
		m.NS.Set("altzone", zero)
		m.NS.Set("daylight", zero)
		m.NS.Set("tzname", rt.Tuple{rt.Str("UTC"), rt.Str("UTC")})
		return m
	})
}
