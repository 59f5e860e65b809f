// Package draw paints a run's view with ebiten: the clock and status, one
// lane per task, links between lanes, queue-depth plots, the objects at
// the cursor and a legend. It only reads what package view computes; the
// shapes are tested there, in plain Go, and this package turns them into
// pixels.
package draw

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"asyncplay/sim"
	"asyncplay/wasm/view"
)

// Scene is what one frame shows.
type Scene struct {
	Timeline *view.Timeline // nil before the first run
	Cursor   sim.Time
	Status   string  // "paused", "playing 1×", "computing… 1.2s"
	Zoom     float64 // 1 shows the whole run; 4 a quarter of it around the cursor
	ScrollY  float64 // CSS pixels of lanes scrolled off the top
	Scale    float64 // device pixels per CSS pixel
	Large    bool    // presenter mode: type and lanes for the back of a hall
	Dark     bool    // the page's dark scheme
}

// Colours: a light theme with the contrast slides need. Each waiting state
// has its own hue so a lane reads at a glance; running is the one strong
// colour, ready a warning amber.
var (
	// The chrome's colours, from the palette of the frame being painted.
	background, ink, muted, rule, laneTint, cursorInk, groupInk color.RGBA

	stateColours = map[sim.State]color.RGBA{
		sim.Running:     {0x1a, 0x7f, 0x37, 0xff},
		sim.Ready:       {0xd4, 0xa0, 0x17, 0xff},
		sim.TimeSleep:   {0x9e, 0xc5, 0xfe, 0xff},
		sim.TaskJoin:    {0xaf, 0xb8, 0xc1, 0xff},
		sim.EventWait:   {0x7d, 0xd3, 0xc0, 0xff},
		sim.LockAcquire: {0xf0, 0x88, 0x3e, 0xff},
		sim.SemaAcquire: {0xe8, 0x59, 0x0c, 0xff},
		sim.CondWait:    {0x63, 0xe6, 0xbe, 0xff},
		sim.QueueGet:    {0xb1, 0x97, 0xfc, 0xff},
		sim.QueuePut:    {0x84, 0x5e, 0xf7, 0xff},
		sim.QueueJoin:   {0xd0, 0xbf, 0xff, 0xff},
		sim.ReadWait:    {0xc2, 0x9d, 0x70, 0xff},
		sim.WriteWait:   {0x9c, 0x6b, 0x30, 0xff},
		sim.FutureWait:  {0xff, 0xa8, 0xa8, 0xff},
		sim.Computing:   {0x4a, 0xc2, 0x6b, 0xff}, // a process on its own CPU: running's hue, lighter
	}
	linkColours = [...]color.RGBA{
		view.Spawned:   {0x09, 0x69, 0xda, 0xff},
		view.Woke:      {0x1a, 0x7f, 0x37, 0xff},
		view.Cancelled: {0xcf, 0x22, 0x2e, 0xff},
	}
	legendStates = []sim.State{sim.Running, sim.Computing, sim.Ready, sim.TimeSleep, sim.QueueGet, sim.QueuePut, sim.QueueJoin,
		sim.TaskJoin, sim.EventWait, sim.LockAcquire, sim.SemaAcquire, sim.CondWait, sim.ReadWait, sim.WriteWait, sim.FutureWait}
)

// palette is the chrome's colours: the page's light scheme, or its dark
// one. The state colours are mid-tones that read on both.
type palette struct {
	background, ink, muted, rule, laneTint, cursorInk, groupInk color.RGBA
}

var (
	lightPalette = palette{
		background: color.RGBA{0xff, 0xff, 0xff, 0xff}, ink: color.RGBA{0x1f, 0x23, 0x28, 0xff},
		muted: color.RGBA{0x57, 0x60, 0x6a, 0xff}, rule: color.RGBA{0xd0, 0xd7, 0xde, 0xff},
		laneTint: color.RGBA{0xf6, 0xf8, 0xfa, 0xff}, cursorInk: color.RGBA{0xcf, 0x22, 0x2e, 0xff},
		groupInk: color.RGBA{0x8c, 0x95, 0x9f, 0xff},
	}
	darkPalette = palette{
		background: color.RGBA{0x16, 0x18, 0x1b, 0xff}, ink: color.RGBA{0xe8, 0xea, 0xed, 0xff},
		muted: color.RGBA{0xa3, 0xa9, 0xb1, 0xff}, rule: color.RGBA{0x3d, 0x42, 0x49, 0xff},
		laneTint: color.RGBA{0x1f, 0x22, 0x26, 0xff}, cursorInk: color.RGBA{0xff, 0x6b, 0x6b, 0xff},
		groupInk: color.RGBA{0x7d, 0x85, 0x90, 0xff},
	}
)

// use makes p the chrome's colours for the frame being painted.
func use(p palette) {
	background, ink, muted, rule, laneTint, cursorInk, groupInk = p.background, p.ink, p.muted, p.rule, p.laneTint, p.cursorInk, p.groupInk
}

// Painter draws scenes, keeping its frame between draws so an animation
// allocates little.
type Painter struct {
	// The last frame painted, and where its lanes were: what At and
	// MaxScroll answer from.
	frame              view.Frame
	vp                 view.Viewport
	areaX, lanesTop    float64
	lanesBottom, scale float64
	rects              rects          // solid rectangles waiting for one draw call
	legendOf           *view.Timeline // the run legend was computed for
	legend             []sim.State    // the states that run has, in legend order
	hasGroups          bool           // the run has a task group
}

// metrics are a scene's sizes in device pixels.
type metrics struct {
	s                              float64 // device pixels per CSS pixel, times presenter scale
	text, small                    float64
	pad, header, gutter, lane      float64
	plotH, objectsH, legendH, axis float64
}

func measure(sc Scene) metrics {
	s := sc.Scale
	if s <= 0 {
		s = 1
	}
	if sc.Large {
		s *= 1.6
	}
	return metrics{s: s, text: 15 * s, small: 12 * s, pad: 8 * s, header: 30 * s, gutter: 170 * s,
		lane: 24 * s, plotH: 80 * s, objectsH: 46 * s, legendH: 24 * s, axis: 18 * s}
}

// Paint draws sc over the whole of dst and returns the height, in CSS
// pixels, that would show every lane of the run without scrolling: the
// page sizes the view to it, within the screen.
func (p *Painter) Paint(dst *ebiten.Image, sc Scene) (want float64) {
	if sc.Dark {
		use(darkPalette)
	} else {
		use(lightPalette)
	}
	dst.Fill(background)
	m := measure(sc)
	w, h := float64(dst.Bounds().Dx()), float64(dst.Bounds().Dy())
	m.gutter = min(m.gutter, w*0.3) // a phone keeps most of its width for the lanes
	tl := sc.Timeline

	// Header: the clock, then the status.
	clock := "t = " + sc.Cursor.String()
	drawText(dst, clock, m.pad, m.pad, m.text*1.2, ink, 0)
	drawText(dst, sc.Status, m.pad+textWidth("t = 000.000000s", m.text*1.2)+2*m.pad, m.pad+2*m.s, m.text, muted, 0)
	if tl == nil {
		drawText(dst, "Press Run to see the program's tasks here.", m.pad, m.header+2*m.pad, m.text, muted, 0)
		queued.flush()
		return 0
	}

	// The layout is the run's, not the cursor's: the plots and the objects
	// have their room from the start, so nothing jumps while it plays.
	plots, hasObjects := view.PlotsOf(tl, 2)
	objects := tl.ObjectsAt(sc.Cursor)
	bottom := h - m.legendH
	objTop := bottom - m.objectsH
	if !hasObjects {
		objTop = bottom
	}
	want = m.header + m.pad + m.lane + 2*m.s + float64(len(tl.Lanes))*m.lane + m.axis + float64(len(plots))*m.plotH + (bottom - objTop) + m.legendH
	if sc.Scale > 0 {
		want /= sc.Scale // device pixels to CSS pixels
	}
	plotTop := objTop - float64(len(plots))*m.plotH
	axisTop := plotTop - m.axis
	kernelTop := m.header + m.pad
	lanesTop := kernelTop + m.lane + 2*m.s
	areaX, areaW := m.gutter, w-m.gutter-m.pad
	vp := window(tl, sc, areaW, axisTop-lanesTop, m.lane)
	p.vp, p.areaX, p.lanesTop, p.lanesBottom, p.scale = vp, areaX, lanesTop, axisTop, max(sc.Scale, 1e-9)

	tl.Layout(&p.frame, vp, sc.Cursor)
	f := &p.frame

	// The kernel's row: which task holds the CPU, by id where it fits.
	fill(dst, 0, kernelTop, w, m.lane, laneTint)
	drawText(dst, "CPU", m.pad, kernelTop+2*m.s, m.small, ink, 0)
	drawText(dst, "which task runs", m.pad, kernelTop+m.lane/2, m.small*0.9, muted, 0)
	for _, b := range f.Kernel {
		full := m.lane - 6*m.s
		h := full * b.H / m.lane // how busy the bar's columns were (Layout's Bar.H)
		p.rects.add(areaX+b.X, kernelTop+3*m.s+full-h, math.Max(b.W, 1), h, stateColours[sim.Running])
	}
	p.rects.flush(dst)
	for _, b := range f.Kernel {
		if id := strconv.Itoa(b.Task); b.W > textWidth(id, m.small)+4*m.s {
			drawText(dst, id, areaX+b.X+2*m.s, kernelTop+4*m.s, m.small, background, 0)
		}
	}
	fill(dst, areaX, lanesTop-1.5*m.s, areaW, m.s, rule)

	// Lanes.
	lanes := dst.SubImage(rectOf(0, lanesTop, w, axisTop-lanesTop)).(*ebiten.Image)
	for i, r := range f.Rows {
		y := lanesTop + r.Y
		if i%2 == 0 {
			fill(lanes, 0, y, w, m.lane, laneTint)
		}
		name := fmt.Sprintf("%d %s", r.Task, r.Name)
		drawText(lanes, name, m.pad, y+2*m.s, m.small, ink, m.gutter-2*m.pad)
		label := view.Label(r.State)
		if r.Outcome != "" {
			label = r.Outcome
		}
		drawText(lanes, label, m.pad, y+m.lane/2, m.small*0.9, muted, m.gutter-2*m.pad)
	}
	// A bracket at the gutter's edge joins the lanes of one task group.
	for i := 0; i < len(f.Rows); {
		j := i + 1
		for j < len(f.Rows) && f.Rows[j].Group == f.Rows[i].Group {
			j++
		}
		if f.Rows[i].Group != 0 {
			top, bot := lanesTop+f.Rows[i].Y+2*m.s, lanesTop+f.Rows[j-1].Y+m.lane-2*m.s
			p.rects.add(m.gutter-7*m.s, top, 3*m.s, bot-top, groupInk)
			p.rects.add(m.gutter-7*m.s, top, 6*m.s, 2*m.s, groupInk)
			p.rects.add(m.gutter-7*m.s, bot-2*m.s, 6*m.s, 2*m.s, groupInk)
		}
		i = j
	}
	for _, b := range f.Bars {
		if c, ok := stateColours[b.State]; ok {
			p.rects.add(areaX+b.X, lanesTop+b.Y+3*m.s, math.Max(b.W, 1), m.lane-6*m.s, c)
		}
	}
	for _, a := range f.Arrows {
		x := areaX + a.X
		c := linkColours[a.Kind]
		y1, y2 := lanesTop+a.Y1, lanesTop+a.Y2
		// Plain rectangles, not anti-aliased paths: they batch into one
		// draw call however many links a busy run has.
		p.rects.add(x-m.s, math.Min(y1, y2), 2*m.s, math.Abs(y2-y1)+m.s, c)
		p.rects.add(x-3*m.s, y2-3*m.s, 6*m.s, 6*m.s, c)
	}
	for _, l := range f.Late {
		// A timer that fired late: a red flag on the lane where it woke.
		x, y := areaX+l.X, lanesTop+l.Y1
		p.rects.add(x-m.s, y-m.lane/2+2*m.s, 2*m.s, m.lane-4*m.s, cursorInk)
		p.rects.add(x-m.s, y-m.lane/2+2*m.s, 6*m.s, 5*m.s, cursorInk)
	}
	p.rects.flush(lanes)
	for _, lane := range tl.Lanes {
		if lane.Ended && lane.EndedAt <= sc.Cursor && lane.Outcome != sim.Returned {
			// A cross where a task crashed, was cancelled or was killed.
			y := f.RowY(lane.Task.ID)
			if !math.IsNaN(y) && lane.EndedAt >= vp.From && lane.EndedAt <= vp.To {
				x := areaX + float64(lane.EndedAt-vp.From)*vp.Width/float64(vp.To-vp.From)
				cross(lanes, x, lanesTop+y, 5*m.s, cursorInk, 2*m.s)
			}
		}
	}
	if f.LanesHeight > vp.Height {
		// A scroll hint: how much of the lane list is on screen.
		frac := vp.Height / f.LanesHeight
		fill(lanes, w-4*m.s, lanesTop+vp.ScrollY*frac, 3*m.s, vp.Height*frac, rule)
	}

	// Time axis with a few ticks.
	fill(dst, areaX, axisTop, areaW, m.s, rule)
	for _, t := range ticks(vp.From, vp.To, int(areaW/(110*m.s))) {
		x := areaX + float64(t-vp.From)*areaW/float64(vp.To-vp.From)
		fill(dst, x, axisTop, m.s, 4*m.s, muted)
		if label := t.String(); x+2*m.s+textWidth(label, m.small*0.9) <= w {
			drawText(dst, label, x+2*m.s, axisTop+2*m.s, m.small*0.9, muted, 0)
		}
	}

	// Plots of queue depth, on the lanes' time axis.
	for i, g := range plots {
		if g.Samples[0].T > sc.Cursor {
			continue // its queue does not exist yet
		}
		top := plotTop + float64(i)*m.plotH
		boxH := m.plotH - m.small - 2*m.pad
		pl := tl.Plot(g, vp, boxH, sc.Cursor)
		fill(dst, areaX, top+m.small+m.pad, areaW, boxH, laneTint)
		what, unit := "depth", ""
		if g.Object.Kind == "socket" {
			what, unit = "unsent", " B"
		}
		drawText(dst, fmt.Sprintf("%s %s: %d%s", objectName(g.Object), what, pl.Now, unit), m.pad, top+m.pad, m.small, ink, m.gutter-m.pad)
		drawText(dst, fmt.Sprintf("max %d%s", pl.Max, unit), m.pad, top+m.pad+m.small*1.3, m.small*0.9, muted, 0)
		if h := view.NewHistogram(g.Waits(sc.Cursor)); h.N > 0 {
			// How long the items got so far waited in the queue: the
			// latency a backlog adds, as percentiles and a histogram.
			y := top + m.pad + m.small*2.5
			drawText(dst, fmt.Sprintf("waited p50 %s  p99 %s", short(h.P50), short(h.P99)), m.pad, y, m.small*0.9, ink, m.gutter-m.pad)
			histogram(&p.rects, h, m.pad, y+m.small*1.3, m.gutter-3*m.pad, m.plotH-(y-top)-m.small*1.3-m.pad, stateColours[sim.QueuePut])
			p.rects.flush(dst)
		}
		var path vector.Path
		for j, pt := range pl.Points {
			x, y := float32(areaX+pt.X), float32(top+m.small+m.pad+pt.Y)
			if j == 0 {
				path.MoveTo(x, y)
			} else {
				path.LineTo(x, y)
			}
		}
		stroke := &vector.StrokeOptions{Width: float32(2 * m.s), LineJoin: vector.LineJoinRound}
		vector.StrokePath(dst, &path, stroke, &vector.DrawPathOptions{AntiAlias: true, ColorScale: scaleOf(stateColours[sim.QueuePut])})
	}

	// Where the program exited, when the world outside ran on after it: a
	// thin rule across lanes and plots, named at the foot of the lanes.
	if !math.IsNaN(f.Exit) {
		fill(dst, areaX+f.Exit-m.s/2, kernelTop, m.s, objTop-kernelTop, muted)
		drawText(dst, "exit", areaX+f.Exit+2*m.s, kernelTop+2*m.s, m.small, muted, 0)
	}

	// The cursor across lanes and plots.
	if !math.IsNaN(f.Cursor) {
		fill(dst, areaX+f.Cursor-m.s, kernelTop, 2*m.s, objTop-kernelTop, cursorInk)
	}

	// Objects at the cursor: queues as slots, the rest as a value.
	x := m.pad
	for _, o := range objects {
		if x > w-100*m.s {
			break
		}
		x = drawObject(dst, o, x, objTop+m.pad/2, m) + 3*m.pad
	}

	// Legend: the states this run has, then the links.
	x = m.pad
	y := bottom + 4*m.s
	if p.legendOf != tl {
		p.legendOf, p.legend, p.hasGroups = tl, p.legend[:0], false
		for _, lane := range tl.Lanes {
			p.hasGroups = p.hasGroups || lane.Task.Group != 0
		}
		for _, st := range legendStates {
			if hasState(tl, st) {
				p.legend = append(p.legend, st)
			}
		}
	}
	for _, st := range p.legend {
		fill(dst, x, y+3*m.s, 12*m.s, 12*m.s, stateColours[st])
		x = drawText(dst, view.Label(st), x+16*m.s, y, m.small, ink, 0) + 12*m.s
	}
	for kind, name := range [...]string{view.Spawned: "spawned", view.Woke: "woke", view.Cancelled: "cancelled"} {
		fill(dst, x+2*m.s, y+6*m.s, 7*m.s, 7*m.s, linkColours[kind])
		x = drawText(dst, name, x+14*m.s, y, m.small, ink, 0) + 12*m.s
	}
	if slices.ContainsFunc(tl.Late, func(l view.Late) bool { return l.By >= view.LateShown }) {
		fill(dst, x+2*m.s, y+3*m.s, 2*m.s, 12*m.s, cursorInk)
		fill(dst, x+2*m.s, y+3*m.s, 6*m.s, 5*m.s, cursorInk)
		x = drawText(dst, "late timer", x+14*m.s, y, m.small, ink, 0) + 12*m.s
	}
	if p.hasGroups {
		fill(dst, x+2*m.s, y+3*m.s, 3*m.s, 12*m.s, groupInk)
		fill(dst, x+2*m.s, y+3*m.s, 6*m.s, 2*m.s, groupInk)
		fill(dst, x+2*m.s, y+13*m.s, 6*m.s, 2*m.s, groupInk)
		drawText(dst, "task group", x+14*m.s, y, m.small, ink, 0)
	}
	queued.flush()
	return want
}

// At is the virtual time and the task under a point of the last frame, in
// CSS pixels: what a click on the lanes means. ok is false outside the
// lanes; task is 0 between rows.
func (p *Painter) At(x, y float64) (t sim.Time, task int, ok bool) {
	x, y = x*p.scale, y*p.scale
	if p.vp.Width <= 0 || x < p.areaX || x > p.areaX+p.vp.Width || y < p.lanesTop || y > p.lanesBottom {
		return 0, 0, false
	}
	t = p.vp.From + sim.Time((x-p.areaX)/p.vp.Width*float64(p.vp.To-p.vp.From))
	for _, r := range p.frame.Rows {
		if y >= p.lanesTop+r.Y && y < p.lanesTop+r.Y+p.vp.LaneHeight {
			task = r.Task
		}
	}
	return t, task, true
}

// MaxScroll is how far, in CSS pixels, the lanes of the last frame can
// scroll: 0 when they all fit.
func (p *Painter) MaxScroll() float64 {
	return max(0, p.frame.LanesHeight-p.vp.Height) / p.scale
}

// hasState reports whether any task of the run was ever in state st.
func hasState(tl *view.Timeline, st sim.State) bool {
	for _, lane := range tl.Lanes {
		for _, seg := range lane.Segments {
			if seg.State == st {
				return true
			}
		}
	}
	return false
}

// window is the time window on screen: the whole run at zoom 1, or a
// zoomed slice that keeps the cursor in view.
func window(tl *view.Timeline, sc Scene, w, h, lane float64) view.Viewport {
	end := max(tl.End, sim.Millisecond)
	span := end
	if sc.Zoom > 1 {
		span = max(sim.Time(float64(end)/sc.Zoom), sim.Microsecond)
	}
	from := sim.Time(0)
	if span < end {
		from = max(0, min(sc.Cursor-span/2, end-span))
	}
	return view.Viewport{From: from, To: from + span, Width: w, Height: h, LaneHeight: lane,
		ScrollY: sc.ScrollY * sc.Scale, CollapseFinished: sc.Zoom > 1}
}

// ticks are up to n round times between from and to.
func ticks(from, to sim.Time, n int) []sim.Time {
	if n < 1 || to <= from {
		return nil
	}
	raw := float64(to-from) / float64(n)
	step := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, f := range []float64{1, 2, 5, 10} {
		if step*f >= raw {
			step *= f
			break
		}
	}
	var out []sim.Time
	for t := math.Ceil(float64(from)/step) * step; t <= float64(to); t += step {
		out = append(out, sim.Time(t))
	}
	return out
}

// drawObject draws one object's panel at x and returns its right edge.
func drawObject(dst *ebiten.Image, o view.ObjectState, x, y float64, m metrics) float64 {
	right := drawText(dst, objectName(o.Object), x, y, m.small, ink, 200*m.s)
	line2 := y + m.small*1.4
	switch {
	case o.Pipe != nil:
		right = max(right, drawPipe(dst, o.Pipe, x, line2, m))
	case view.Plotted(o.Object):
		slots := o.Object.Cap
		if slots <= 0 {
			slots = int(min(o.Level, 24)) // unbounded: draw what it holds, up to 24
		}
		cell := 10 * m.s
		cx := x
		for i := range min(slots, 24) {
			c := rule
			if int64(i) < o.Level {
				c = stateColours[sim.QueuePut]
			}
			fill(dst, cx, line2+2*m.s, cell-2*m.s, cell, c)
			cx += cell
		}
		text := fmt.Sprintf("%d", o.Level)
		if o.Object.Cap > 0 {
			text += fmt.Sprintf("/%d", o.Object.Cap)
		}
		right = max(right, drawText(dst, text, cx+4*m.s, line2, m.small, ink, 0))
	default:
		right = max(right, drawText(dst, fmt.Sprintf("%s %s", kindLabel(o.Object.Kind), levelText(o)), x, line2, m.small, muted, 0))
	}
	if len(o.Waiters) > 0 {
		// The oldest few, by task id: a hundred ids are not read, only counted.
		var ids []string
		for _, wt := range o.Waiters[:min(len(o.Waiters), 8)] {
			ids = append(ids, fmt.Sprintf("%d", wt.Task))
		}
		text := fmt.Sprintf("%d waiting: %s", len(o.Waiters), strings.Join(ids, " "))
		if len(o.Waiters) > len(ids) {
			text += " …"
		}
		right = max(right, drawText(dst, text, right+6*m.s, y, m.small, muted, 0))
	}
	return right
}

// drawPipe draws a socket's way to its peer: what the program's library
// holds (asyncio's transport buffer, when there is one), its send buffer,
// the bytes on the wire, the peer's receive buffer, each a box filled to
// its level, and returns the right edge.
func drawPipe(dst *ebiten.Image, p *view.PipeState, x, y float64, m metrics) float64 {
	switch {
	case p.Listening:
		return drawText(dst, "listening", x, y, m.small, muted, 0)
	case !p.Connected:
		return drawText(dst, "not connected", x, y, m.small, muted, 0)
	}
	box := func(x, w float64, level, capacity int64, c color.RGBA) float64 {
		fill(dst, x, y+2*m.s, w, 10*m.s, rule)
		if capacity > 0 && level > 0 {
			fill(dst, x, y+2*m.s, math.Max(w*math.Min(float64(level)/float64(capacity), 1), m.s), 10*m.s, c)
		}
		return x + w
	}
	arrow := func(x float64) float64 {
		fill(dst, x+2*m.s, y+6*m.s, 6*m.s, 2*m.s, muted)
		return x + 10*m.s
	}
	bx, text := x, ""
	if p.HasUser {
		// asyncio's transport buffer has no capacity: full past the send buffer's
		bx = arrow(box(bx, 40*m.s, p.User, max(p.SndCap, 1), cursorInk))
		text = size(p.User) + " › "
	}
	bx = box(bx, 40*m.s, p.Send, p.SndCap, stateColours[sim.WriteWait])
	bx = box(arrow(bx), 16*m.s, min(p.Flight, 1), 1, stateColours[sim.Running])
	bx = box(arrow(bx), 40*m.s, p.PeerRecv, p.RcvCap, stateColours[sim.ReadWait])
	text += fmt.Sprintf("%s › %s › %s", size(p.Send), size(p.Flight), size(p.PeerRecv))
	return drawText(dst, text, bx+4*m.s, y, m.small, ink, 0)
}

// size is a byte count for a small label: 512, 16K, 1.5M.
func size(n int64) string {
	switch {
	case n < 1024:
		return strconv.FormatInt(n, 10)
	case n < 1<<20:
		return fmt.Sprintf("%.3gK", float64(n)/1024)
	}
	return fmt.Sprintf("%.3gM", float64(n)/(1<<20))
}

// histogram queues h's buckets as bars in a w by h box at (x, y), each
// bar's height its count against the largest.
func histogram(r *rects, h view.Histogram, x, y, w, ht float64, c color.RGBA) {
	most := slices.Max(h.Counts)
	bw := w / float64(len(h.Counts))
	for i, n := range h.Counts {
		bh := ht * float64(n) / float64(most)
		r.add(x+float64(i)*bw, y+ht-bh, math.Max(bw-1, 1), bh, c)
	}
	r.add(x, y+ht, w, 1, muted)
}

// short formats a duration for a small label: 850µs, 12ms, 1.25s.
func short(d sim.Time) string {
	switch {
	case d < sim.Millisecond:
		return fmt.Sprintf("%dµs", d/sim.Microsecond)
	case d < sim.Second:
		return fmt.Sprintf("%.3gms", float64(d)/float64(sim.Millisecond))
	}
	return fmt.Sprintf("%.3gs", d.Seconds())
}

// kindLabel is an object's kind as the objects strip names it.
func kindLabel(kind string) string {
	if kind == "TaskGroup" {
		return "task group"
	}
	return strings.ToLower(kind)
}

func levelText(o view.ObjectState) string {
	switch o.Object.Kind {
	case "Event":
		if o.Level != 0 {
			return "set"
		}
		return "clear"
	case "Lock", "RLock":
		if o.Level == 0 {
			return "free"
		}
		return fmt.Sprintf("held by %d", o.Level)
	case "TaskGroup":
		return fmt.Sprintf("%d unread", o.Level)
	}
	return fmt.Sprintf("= %d", o.Level)
}

func objectName(o sim.ObjectInfo) string {
	if o.Name != "" {
		return o.Name
	}
	return fmt.Sprintf("%s#%d", o.Kind, o.ID)
}

func rectOf(x, y, w, h float64) image.Rectangle {
	return image.Rect(int(x), int(y), int(math.Ceil(x+w)), int(math.Ceil(y+h)))
}

func fill(dst *ebiten.Image, x, y, w, h float64, c color.Color) {
	vector.FillRect(dst, float32(x), float32(y), float32(w), float32(h), c, false)
}

func cross(dst *ebiten.Image, x, y, r float64, c color.Color, width float64) {
	vector.StrokeLine(dst, float32(x-r), float32(y-r), float32(x+r), float32(y+r), float32(width), c, false)
	vector.StrokeLine(dst, float32(x-r), float32(y+r), float32(x+r), float32(y-r), float32(width), c, false)
}

func scaleOf(c color.RGBA) ebiten.ColorScale {
	var s ebiten.ColorScale
	s.ScaleWithColor(c)
	return s
}
