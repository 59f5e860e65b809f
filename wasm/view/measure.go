package view

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"asyncplay/sim"
)

// Measures are the numbers a lesson's exercise checks a run by, all
// derived from the trace: how deep the queues got and how long their items
// waited, how late timers fired, how much a connection had unsent, how
// many tasks lived at once.
type Measures map[string]Measure

// Measure is one number with its unit.
type Measure struct {
	Value float64
	Unit  Unit
}

// Unit says how a measure is read and printed.
type Unit uint8

const (
	Count    Unit = iota // items, tasks
	Duration             // virtual nanoseconds
	Bytes
	PerSecond
)

// measureDocs lists the measures with what they mean, in the order the
// page shows them.
var measureDocs = []struct {
	name string
	unit Unit
	doc  string
}{
	{"peak_queue", Count, "the most items any queue held"},
	{"p50_wait", Duration, "half the items waited in their queue this long or less"},
	{"p99_wait", Duration, "99% of the items waited in their queue this long or less"},
	{"max_wait", Duration, "the longest an item waited in its queue"},
	{"items", Count, "the items got from queues"},
	{"throughput", PerSecond, "items got per second of the run"},
	{"max_late", Duration, "the latest a timer fired (a task held the CPU)"},
	{"peak_unsent", Bytes, "the most bytes a connection had written but not sent"},
	{"peak_tasks", Count, "the most tasks alive at once"},
	{"end", Duration, "the virtual time the program ended (the world may go on after it)"},
	{"completed", Count, "1 when the program ran to its end, 0 when the kernel stopped it (a deadlock, a limit)"},
}

// Measure derives the measures of the whole run.
func (tl *Timeline) Measure() Measures {
	m := Measures{}
	var waits []sim.Time
	var peakQ, items, peakUnsent int64
	end := tl.End // the program's measures end with it, not with the world after it
	if tl.Exit >= 0 {
		end = tl.Exit
	}
	for _, g := range tl.Gauges {
		switch {
		case g == nil:
		case g.Object.Kind == "socket":
			peakUnsent = max(peakUnsent, g.Peak())
		case Plotted(g.Object):
			peakQ = max(peakQ, g.Peak())
			w := g.Waits(end)
			waits = append(waits, w...)
			prev := g.Samples[0].Value
			for _, s := range g.Samples[1:] {
				if s.Value < prev {
					items += prev - s.Value
				}
				prev = s.Value
			}
		}
	}
	h := NewHistogram(waits)
	var late sim.Time
	for _, l := range tl.Late {
		late = max(late, l.By)
	}
	m["peak_queue"] = Measure{float64(peakQ), Count}
	m["p50_wait"] = Measure{float64(h.P50), Duration}
	m["p99_wait"] = Measure{float64(h.P99), Duration}
	m["max_wait"] = Measure{float64(h.Max), Duration}
	m["items"] = Measure{float64(items), Count}
	throughput := 0.0
	if end > 0 {
		throughput = float64(items) / end.Seconds()
	}
	m["throughput"] = Measure{throughput, PerSecond}
	m["max_late"] = Measure{float64(late), Duration}
	m["peak_unsent"] = Measure{float64(peakUnsent), Bytes}
	m["peak_tasks"] = Measure{float64(tl.peakTasks()), Count}
	m["end"] = Measure{float64(end), Duration}
	m["completed"] = Measure{float64(tl.completed()), Count}
	return m
}

// completed says whether the run ended because the program did: the
// trace records its exit (the world after it may still have been cut
// short by a limit), not only the reason the kernel stopped the run.
func (tl *Timeline) completed() int {
	if tl.Exit >= 0 {
		return 1
	}
	return 0
}

// peakTasks is the most program tasks alive at once (peers, threads and
// processes are the world's and the pools', not the program's tasks).
func (tl *Timeline) peakTasks() int {
	type change struct {
		t     sim.Time
		delta int
	}
	var cs []change
	for _, l := range tl.Lanes {
		if l.Task.Lane != sim.LaneTask {
			continue
		}
		cs = append(cs, change{l.Born, 1})
		if l.Ended {
			cs = append(cs, change{l.EndedAt, -1})
		}
	}
	// at one instant, endings before births: a task replaced by another is
	// not two alive
	slices.SortStableFunc(cs, func(a, b change) int {
		if a.t != b.t {
			return cmp.Compare(a.t, b.t)
		}
		return a.delta - b.delta
	})
	n, peak := 0, 0
	for _, c := range cs {
		n += c.delta
		peak = max(peak, n)
	}
	return peak
}

// String prints a measure as a lesson states it: 12, 48ms, 64.0KiB, 3.5/s.
func (m Measure) String() string {
	switch m.Unit {
	case Duration:
		return shortDuration(time.Duration(m.Value))
	case Bytes:
		if m.Value < 1024 {
			return strconv.FormatFloat(m.Value, 'f', -1, 64) + "B"
		}
		return strconv.FormatFloat(m.Value/1024, 'f', 1, 64) + "KiB"
	case PerSecond:
		return strconv.FormatFloat(m.Value, 'f', 1, 64) + "/s"
	}
	return strconv.FormatFloat(m.Value, 'f', -1, 64)
}

// exact prints a measure with every digit it has, for when the rounded
// value reads the same as the one it is compared with.
func (m Measure) exact() string {
	switch m.Unit {
	case Duration:
		return strconv.FormatFloat(m.Value/1e9, 'f', -1, 64) + "s"
	case PerSecond:
		return strconv.FormatFloat(m.Value, 'f', -1, 64) + "/s"
	case Bytes:
		return strconv.FormatFloat(m.Value, 'f', -1, 64) + "B"
	}
	return strconv.FormatFloat(m.Value, 'f', -1, 64)
}

// shortDuration prints d to three significant digits in its largest
// unit: 5.25s, 700ms, 12.5µs, 400ns. A run's times carry the CPU cost of
// each operation (3.0000019s); a lesson reads them rounded.
func shortDuration(d time.Duration) string {
	for _, u := range []struct {
		unit time.Duration
		name string
	}{{time.Second, "s"}, {time.Millisecond, "ms"}, {time.Microsecond, "µs"}} {
		if d >= u.unit {
			return strconv.FormatFloat(float64(d)/float64(u.unit), 'g', 3, 64) + u.name
		}
	}
	return strconv.FormatInt(int64(d), 10) + "ns"
}

// Table prints every measure on a line of its own, in the documented
// order: "peak_queue   12".
func (m Measures) Table() string {
	var b strings.Builder
	for _, d := range measureDocs {
		fmt.Fprintf(&b, "%-12s %s\n", d.name, m[d.name])
	}
	return b.String()
}

// MeasureNames lists the measures a check may use, with what each means.
func MeasureNames() string {
	var b strings.Builder
	for _, d := range measureDocs {
		fmt.Fprintf(&b, "%s: %s\n", d.name, d.doc)
	}
	return b.String()
}
