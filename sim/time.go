package sim

import (
	"strconv"
	"strings"
)

// Time is virtual time in integer nanoseconds since the start of a run.
type Time int64

// Units of virtual time.
const (
	Nanosecond  Time = 1
	Microsecond      = 1000 * Nanosecond
	Millisecond      = 1000 * Microsecond
	Second           = 1000 * Millisecond
	Minute           = 60 * Second
	Hour             = 60 * Minute
)

// never is the deadline of a timer that is not armed.
const never Time = 1<<63 - 1

// Seconds returns t as a floating-point number of seconds, the unit Python
// programs see.
func (t Time) Seconds() float64 { return float64(t) / float64(Second) }

// FromSeconds converts seconds (as a Python program gives them) to Time,
// rounding to the nearest nanosecond. Negative durations become zero and
// huge ones saturate.
func FromSeconds(s float64) Time {
	switch {
	case !(s > 0): // also catches NaN
		return 0
	case s >= float64(never)/float64(Second):
		return never - 1
	}
	return Time(s*float64(Second) + 0.5)
}

// String formats t in seconds with at least millisecond precision and no
// trailing zeros beyond it: "1.500s", "0.000250s".
func (t Time) String() string {
	sign := ""
	if t < 0 {
		sign, t = "-", -t
	}
	frac := strconv.FormatInt(int64(t%Second)+int64(Second), 10)[1:] // 9 digits
	frac = strings.TrimRight(frac, "0")
	for len(frac) < 3 {
		frac += "0"
	}
	return sign + strconv.FormatInt(int64(t/Second), 10) + "." + frac + "s"
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }
