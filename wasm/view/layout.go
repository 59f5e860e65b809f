package view

import (
	"math"
	"sort"

	"asyncplay/sim"
)

// Viewport is the part of the run on screen: a window of virtual time
// across the width, and a vertical scroll over the lanes.
type Viewport struct {
	From, To      sim.Time // the time axis, From at x=0 and To at x=Width
	Width, Height float64  // the lane area in pixels
	LaneHeight    float64  // one lane's row, gap included
	ScrollY       float64  // pixels of lanes scrolled off the top
	// CollapseFinished hides the lanes of tasks that ended before From, so
	// a long run's hundred finished workers do not push the live ones off
	// screen.
	CollapseFinished bool
}

// Bar is a stretch of a lane in one state, in pixels.
type Bar struct {
	X, Y, W, H float64
	Task       int
	State      sim.State
	Seq        int // the record that began it: a click on the bar finds it
}

// Arrow is a link between two lanes, in pixels.
type Arrow struct {
	X, Y1, Y2 float64 // links are instantaneous: one x
	Kind      LinkKind
	From, To  int
}

// Row is one visible lane's header.
type Row struct {
	Y       float64
	Task    int
	Name    string
	State   sim.State // at the cursor time, for the header's label
	Outcome string    // "" while the task lives at the cursor time
	Group   int       // the object id of its task group, 0 if none
}

// Frame is everything the lane area draws at one cursor time, already
// culled to the viewport: what is off screen is not in it.
type Frame struct {
	Rows   []Row
	Bars   []Bar
	Arrows []Arrow
	// Kernel is the kernel's own row: which task held the CPU, as Running
	// bars at y 0 over the whole run's tasks (scrolled off or not), at most
	// one per pixel column. A CPU hog is one long bar here while every
	// other lane waits READY.
	Kernel []Bar
	// Late marks where a visible task's timer fired late (Arrow's Y1 is
	// its row's centre, Y2 unused; From is the lateness in nanoseconds).
	Late   []Arrow
	Cursor float64 // the cursor's x; NaN when it is outside the window
	// Exit is the x where the program exited, when the world outside ran
	// on after it and the cursor has passed it; NaN otherwise.
	Exit float64
	// LanesHeight is the height of every lane shown, on screen or not:
	// what a scroll bar measures against.
	LanesHeight float64

	rowOf   []float64 // task id -> its row's centre y, NaN when not shown
	drawn   map[arrowKey]struct{}
	lateCol map[int]float64
}

// arrowKey is where an arrow lands on screen, to the pixel.
type arrowKey struct {
	x, y1, y2 int32
	kind      LinkKind
}

// Layout places the run as it was at cursor inside vp, into f. Nothing
// after the cursor is drawn, so stepping back hides what has not happened
// yet. Each lane gets at most one bar per pixel column, so a hundred
// thousand records still give a frame the size of the screen; f's slices
// are reused, so an animation allocates nothing once it is warm.
func (tl *Timeline) Layout(f *Frame, vp Viewport, cursor sim.Time) {
	f.Rows, f.Bars, f.Arrows, f.Cursor, f.Exit, f.LanesHeight = f.Rows[:0], f.Bars[:0], f.Arrows[:0], math.NaN(), math.NaN(), 0
	if vp.To <= vp.From || vp.Width <= 0 || vp.LaneHeight <= 0 {
		return
	}
	scale := vp.Width / float64(vp.To-vp.From)
	x := func(t sim.Time) float64 { return float64(t-vp.From) * scale }
	if cursor >= vp.From && cursor <= vp.To {
		f.Cursor = x(cursor)
	}
	if tl.Exit >= vp.From && tl.Exit <= min(cursor, vp.To) && tl.Exit < tl.End {
		f.Exit = x(tl.Exit)
	}
	end := min(cursor, vp.To)
	f.rowOf = f.rowOf[:0]
	for range len(tl.Lanes) + 1 {
		f.rowOf = append(f.rowOf, math.NaN())
	}
	row := 0
	for _, lane := range tl.Lanes {
		if lane.Born > cursor {
			continue
		}
		if vp.CollapseFinished && lane.Ended && lane.EndedAt < vp.From && lane.EndedAt <= cursor {
			continue
		}
		y := float64(row)*vp.LaneHeight - vp.ScrollY
		row++
		if y+vp.LaneHeight <= 0 || y >= vp.Height {
			continue // scrolled out of sight
		}
		id := lane.Task.ID
		f.rowOf[id] = y + vp.LaneHeight/2
		r := Row{Y: y, Task: id, Name: lane.Task.Name, Group: lane.Task.Group}
		if lane.Ended && lane.EndedAt <= cursor {
			r.State, r.Outcome = sim.Terminated, lane.Outcome.String()
		} else if seg, ok := tl.StateAt(id, cursor); ok {
			r.State = seg.State
		}
		f.Rows = append(f.Rows, r)
		f.Bars = appendBars(f.Bars, lane, vp, end, y, x)
	}
	f.LanesHeight = float64(row) * vp.LaneHeight
	f.Late = f.Late[:0]
	if f.lateCol == nil {
		f.lateCol = map[int]float64{}
	}
	clear(f.lateCol)
	lateCol := f.lateCol // task -> the last column marked, so each column is marked once
	for _, l := range tl.Late {
		if l.By < LateShown || l.T > cursor || l.T < vp.From || l.T > vp.To {
			continue
		}
		y, lx := f.RowY(l.Task), math.Floor(x(l.T))
		if math.IsNaN(y) {
			continue
		}
		if last, ok := lateCol[l.Task]; ok && last == lx {
			continue
		}
		lateCol[l.Task] = lx
		f.Late = append(f.Late, Arrow{X: x(l.T), Y1: y, To: l.Task, From: int(l.By)})
	}
	f.Kernel = f.Kernel[:0]
	cpu := tl.cpu
	drawnTo := math.Inf(-1)
	for i := sort.Search(len(cpu), func(i int) bool { return cpu[i].End > vp.From }); i < len(cpu) && cpu[i].Start < end; {
		s := cpu[i]
		x0, x1 := max(math.Floor(x(max(s.Start, vp.From))), drawnTo), math.Ceil(x(min(s.End, end)))
		if x1 > x0 {
			// Zoomed out, a bar stands for the CPU's use of whole pixel
			// columns, some of them mostly idle: its height says how
			// busy they were, so a task waking briefly every few seconds
			// of a day-long run does not read as a CPU always busy. Half
			// busy or more is full height.
			t0, t1 := vp.From+sim.Time(x0/scale), vp.From+sim.Time(x1/scale)
			frac := float64(tl.busyUntil(t1)-tl.busyUntil(t0)) / float64(max(t1-t0, 1))
			h := vp.LaneHeight * min(1, max(0.25, 2*frac))
			f.Kernel = append(f.Kernel, Bar{X: x0, W: x1 - x0, H: h, Task: s.On, State: sim.Running, Seq: s.Seq})
			drawnTo = x1
		}
		// Skip the stretches that end inside what is drawn: a busy run
		// costs a bar per pixel column, not one per switch.
		covered := vp.From + sim.Time(drawnTo/scale)
		rest := cpu[i+1:]
		i += 1 + sort.Search(len(rest), func(j int) bool { return rest[j].End > covered })
	}
	if f.drawn == nil {
		f.drawn = map[arrowKey]struct{}{}
	}
	clear(f.drawn)
	for _, l := range tl.Links {
		if l.T > cursor || l.T < vp.From || l.T > vp.To {
			continue
		}
		y1, y2 := f.RowY(l.From), f.RowY(l.To)
		switch {
		case math.IsNaN(y1) && math.IsNaN(y2):
			continue
		case math.IsNaN(y1):
			y1 = y2 // its source is off screen or the kernel: a stub at the target
		case math.IsNaN(y2):
			y2 = y1
		}
		a := Arrow{X: x(l.T), Y1: y1, Y2: y2, Kind: l.Kind, From: l.From, To: l.To}
		// Links that would be drawn on the same pixels are drawn once:
		// a busy queue wakes someone in most pixel columns.
		key := arrowKey{int32(a.X), int32(y1), int32(y2), a.Kind}
		if _, dup := f.drawn[key]; dup {
			continue
		}
		f.drawn[key] = struct{}{}
		f.Arrows = append(f.Arrows, a)
	}
}

// RowY is the centre y of task id's row, NaN if it is not on screen.
func (f *Frame) RowY(id int) float64 {
	if id < 1 || id >= len(f.rowOf) {
		return math.NaN()
	}
	return f.rowOf[id]
}

// appendBars adds one lane's bars inside [vp.From, end], snapped to whole
// pixels. Zero-length states (READY then RUNNING in one instant) have
// nothing to show; a stretch that ends in the column where the previous
// bar ended is dropped, as the column already shows the lane was busy.
func appendBars(bars []Bar, lane *Lane, vp Viewport, end sim.Time, y float64, x func(sim.Time) float64) []Bar {
	segs := lane.Segments
	first := sort.Search(len(segs), func(i int) bool { return segs[i].End > vp.From })
	drawnTo := math.Inf(-1) // right edge of the last bar, in whole pixels
	for _, s := range segs[first:] {
		start, stop := max(s.Start, vp.From), min(s.End, end)
		if start >= end {
			break
		}
		if stop <= start {
			continue
		}
		x0 := max(math.Floor(x(start)), drawnTo)
		x1 := math.Ceil(x(stop))
		if x1 <= x0 {
			continue
		}
		bars = append(bars, Bar{X: x0, Y: y, W: x1 - x0, H: vp.LaneHeight, Task: lane.Task.ID, State: s.State, Seq: s.Seq})
		drawnTo = x1
	}
	return bars
}

// Label is a state's name as the lane legend shows it.
func Label(s sim.State) string {
	if int(s) < len(labels) && labels[s] != "" {
		return labels[s]
	}
	return s.String()
}

var labels = [...]string{
	sim.Ready:       "ready",
	sim.Running:     "running",
	sim.TimeSleep:   "sleep",
	sim.TaskJoin:    "join",
	sim.EventWait:   "event wait",
	sim.LockAcquire: "lock",
	sim.SemaAcquire: "semaphore",
	sim.CondWait:    "condition",
	sim.QueueGet:    "queue get",
	sim.QueuePut:    "queue put",
	sim.QueueJoin:   "queue join",
	sim.ReadWait:    "read wait",
	sim.WriteWait:   "write wait",
	sim.FutureWait:  "future",
	sim.Terminated:  "done",
	sim.Computing:   "computing",
}
