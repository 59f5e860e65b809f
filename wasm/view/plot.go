package view

import (
	"cmp"
	"slices"
	"strings"

	"asyncplay/sim"
)

// Point is a plot's vertex in pixels.
type Point struct{ X, Y float64 }

// Plot is one gauge over time as a step line in a box of the lane area's
// width: y is 0 at the top of the box and the box's height at value 0.
type Plot struct {
	Object sim.ObjectInfo
	Points []Point
	Max    int64 // the value at the top of the box: the queue's maxsize or its peak
	Now    int64 // the value at the cursor
}

// Plotted reports whether a gauge is worth a plot: a queue's depth is the
// story of every backpressure lesson, and so is a socket's send buffer;
// flags and owners are not.
func Plotted(o sim.ObjectInfo) bool {
	return strings.HasSuffix(o.Kind, "Queue") && o.Kind != "SignalQueue" || o.Kind == "socket"
}

// PlotsOf chooses at most n gauges to plot: the queues first, and when
// there are more than n, those that held the most (a pub/sub program's
// slow subscriber, not the first queue made), shown in the order they were
// made; then the sockets whose unsent bytes piled up the most. A
// connection whose send buffer never filled a quarter of the way did not
// back up, and its plot would be flat. It also reports whether the run has
// objects at all.
func PlotsOf(tl *Timeline, n int) (plots []*Gauge, any bool) {
	// The choice is the run's, not the cursor's, and the page asks for it
	// every frame: it is made once.
	if tl.plots != nil && tl.plots.n == n {
		return tl.plots.gauges, tl.plots.any
	}
	defer func() { tl.plots = &plotChoice{n, plots, any} }()
	var queues, sockets []*Gauge
	for _, g := range tl.Gauges {
		any = any || g != nil
		switch {
		case g == nil || !Plotted(g.Object):
		case g.Object.Kind == "socket":
			if peak := g.Peak(); peak > 0 && 4*peak >= int64(g.Object.Cap) {
				sockets = append(sockets, g)
			}
		default:
			queues = append(queues, g)
		}
	}
	byPeak := func(a, b *Gauge) int { return cmp.Compare(b.Peak(), a.Peak()) }
	if len(queues) > n {
		slices.SortStableFunc(queues, byPeak)
		queues = queues[:n]
		slices.SortFunc(queues, func(a, b *Gauge) int { return cmp.Compare(a.Object.ID, b.Object.ID) })
	}
	plots = queues
	slices.SortStableFunc(sockets, byPeak)
	for _, g := range sockets {
		if len(plots) == n {
			break
		}
		plots = append(plots, g)
	}
	return plots, any
}

// plotChoice is PlotsOf's answer, kept for the run.
type plotChoice struct {
	n      int
	gauges []*Gauge
	any    bool
}

// Plot draws gauge g's samples up to cursor in a box w by h pixels over
// the viewport's time window, keeping at most two points per pixel column
// (the column's first and last value), so a long run costs the width of
// the screen.
func (tl *Timeline) Plot(g *Gauge, vp Viewport, h float64, cursor sim.Time) Plot {
	p := Plot{Object: g.Object, Max: max(g.Peak(), int64(g.Object.Cap), 1)}
	if vp.To <= vp.From || vp.Width <= 0 {
		return p
	}
	scale := vp.Width / float64(vp.To-vp.From)
	x := func(t sim.Time) float64 { return float64(t-vp.From) * scale }
	y := func(v int64) float64 { return h - h*float64(v)/float64(p.Max) }
	end := min(cursor, vp.To)
	var value int64
	lastCol := -1
	for _, s := range g.Samples {
		if s.T > end {
			break
		}
		if s.T < vp.From {
			value = s.Value
			continue
		}
		if len(p.Points) == 0 {
			p.Points = append(p.Points, Point{0, y(value)})
		}
		sx := x(s.T)
		if col := int(sx); col == lastCol && len(p.Points) >= 2 {
			p.Points[len(p.Points)-1].Y = y(s.Value) // same column: move its last point
		} else {
			p.Points = append(p.Points, Point{sx, y(value)}, Point{sx, y(s.Value)})
			lastCol = col
		}
		value = s.Value
	}
	if end >= vp.From {
		if len(p.Points) == 0 {
			p.Points = append(p.Points, Point{0, y(value)})
		}
		p.Points = append(p.Points, Point{x(end), y(value)})
	}
	p.Now = value
	return p
}
