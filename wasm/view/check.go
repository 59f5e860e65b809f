package view

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Check is an exercise's condition on a run's measures, as a lesson writes
// it: comparisons joined by "and", such as
//
//	peak_queue <= 20 and p99_wait < 50ms
//
// A duration is written 50ms or 1.5s, a size 64KiB or 1000B, a rate 20/s.
type Check struct {
	Text  string
	terms []term
}

type term struct {
	name  string
	op    string
	value float64
	unit  Unit
}

// ParseCheck reads a check, naming what is wrong in it.
func ParseCheck(text string) (*Check, error) {
	c := &Check{Text: strings.TrimSpace(text)}
	for _, part := range strings.Split(c.Text, " and ") {
		f := strings.Fields(part)
		if len(f) != 3 {
			return nil, fmt.Errorf("check %q: each part is MEASURE OP VALUE, like peak_queue <= 20", part)
		}
		t := term{name: f[0], op: f[1]}
		want := Unit(255)
		for _, d := range measureDocs {
			if d.name == t.name {
				want = d.unit
			}
		}
		if want == 255 {
			return nil, fmt.Errorf("check %q: no measure is named %q (the measures:\n%s)", part, t.name, MeasureNames())
		}
		switch t.op {
		case "<", "<=", ">", ">=", "==":
		default:
			return nil, fmt.Errorf("check %q: the comparison is one of < <= > >= ==, not %q", part, t.op)
		}
		var err error
		if t.value, t.unit, err = parseValue(f[2]); err != nil {
			return nil, fmt.Errorf("check %q: %v", part, err)
		}
		if t.unit == Count && want == Bytes {
			t.unit = Bytes // a plain number of bytes
		}
		if t.unit != want {
			return nil, fmt.Errorf("check %q: %s is %s, so write its value %s", part, t.name, unitNames[want], unitExamples[want])
		}
		c.terms = append(c.terms, t)
	}
	return c, nil
}

// parseValue reads 20, 50ms, 64KiB, 1000B or 20/s.
func parseValue(s string) (float64, Unit, error) {
	if n, ok := strings.CutSuffix(s, "/s"); ok {
		v, err := strconv.ParseFloat(n, 64)
		return v, PerSecond, err
	}
	for _, u := range []struct {
		suffix string
		mult   float64
	}{{"KiB", 1024}, {"MiB", 1 << 20}, {"B", 1}} {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			v, err := strconv.ParseFloat(n, 64)
			return v * u.mult, Bytes, err
		}
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		return v, Count, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, 0, fmt.Errorf("%q is not a number, a duration (50ms), a size (64KiB) or a rate (20/s)", s)
	}
	return float64(d), Duration, nil
}

// Verdict is a check applied to a run: whether it holds, and each
// comparison with the run's value, for the page to show.
type Verdict struct {
	OK    bool
	Parts []string // "peak_queue = 12 <= 20 ✓"
}

// Apply judges a run's measures.
func (c *Check) Apply(m Measures) Verdict {
	v := Verdict{OK: true}
	for _, t := range c.terms {
		got := m[t.name]
		var ok bool
		switch t.op {
		case "<":
			ok = got.Value < t.value
		case "<=":
			ok = got.Value <= t.value
		case ">":
			ok = got.Value > t.value
		case ">=":
			ok = got.Value >= t.value
		case "==":
			ok = got.Value == t.value
		}
		mark := "✓"
		if !ok {
			mark, v.OK = "✗", false
		}
		want := Measure{t.value, got.Unit}
		shown := got.String()
		if !ok && shown == want.String() {
			shown = got.exact() // 3.0000019s, not a "3s" that seems to pass "<= 3s"
		}
		v.Parts = append(v.Parts, fmt.Sprintf("%s = %s, want %s %s %s", t.name, shown, t.op, want, mark))
	}
	return v
}

var (
	unitNames    = [...]string{Count: "a count", Duration: "a duration", Bytes: "a size", PerSecond: "a rate"}
	unitExamples = [...]string{Count: "as a number, like 20", Duration: "like 50ms or 1.5s", Bytes: "like 64KiB or 1000B", PerSecond: "like 20/s"}
)
