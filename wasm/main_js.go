//go:build js && wasm

package main

import (
	"fmt"
	"image"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall/js"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"asyncplay/sim"
	"asyncplay/wasm/draw"
)

// sliceTime is how long one Update may spend making a run: a long run
// takes many frames and the page keeps answering clicks meanwhile.
const sliceTime = 12 * time.Millisecond

// game is the ebiten game: the Player, its view options, and the page's
// requests waiting for the next Update or Draw. The bridge's callbacks and
// ebiten's loop both lock mu; nothing blocks while holding it.
type game struct {
	mu       sync.Mutex
	p        *Player
	painter  draw.Painter
	zoom     float64
	scrollY  float64
	large    bool
	dark     bool
	dirty    bool // something changed since the last Draw
	width    int  // device pixels, from the last Layout
	last     time.Time
	waiting  []js.Value // resolve functions of run() promises
	trials   []pendingTrial
	shots    []js.Value // resolve functions of png() promises
	autoplay bool
	told     string // the state the page last heard of
	drawn    bool   // a frame has been drawn
	frames   frameStats
	want     float64 // the CSS height that shows every lane (0 before a run)
}

func (g *game) Update() error {
	g.mu.Lock()
	g.update()
	state := g.state()
	g.mu.Unlock()
	// The page hears of every change once per tick, outside the lock: its
	// handler calls back into the bridge.
	key := fmt.Sprint(state)
	if key != g.told {
		g.told = key
		if fn := js.Global().Get("asyncplay").Get("onchange"); fn.Type() == js.TypeFunction {
			fn.Invoke(state)
		}
	}
	return nil
}

func (g *game) update() {
	now := time.Now()
	wall := now.Sub(g.last).Seconds()
	g.last = now
	switch g.p.Phase {
	case Computing:
		deadline := now.Add(sliceTime)
		for !g.p.Compute(5000) && time.Now().Before(deadline) {
		}
		g.dirty = true
		if g.p.Phase == Ready {
			g.p.Playing = g.autoplay
			summary := g.summary()
			for _, resolve := range g.waiting {
				resolve.Invoke(summary)
			}
			g.waiting = nil
		}
	case Ready:
		if g.p.Playing {
			g.p.Advance(min(wall, 0.1)) // a stalled tab does not leap ahead
			g.dirty = true
		}
	}
	if g.p.Phase != Computing && len(g.trials) > 0 {
		// Comparison runs, one at a time, after the view's own run.
		next := g.trials[0]
		deadline := now.Add(sliceTime)
		for !next.t.Step(5000) && time.Now().Before(deadline) {
		}
		if next.t.done {
			g.trials = g.trials[1:]
			next.resolve.Invoke(trialResult(next.t.Result))
		}
	}
}

func (g *game) Draw(screen *ebiten.Image) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.dirty && len(g.shots) == 0 {
		return // the screen is kept between frames: a paused view costs nothing
	}
	g.dirty = false
	if !g.drawn {
		// For the page's budget: when the first frame was drawn, on the
		// clock performance.timeOrigin starts.
		g.drawn = true
		perf := js.Global().Get("performance")
		js.Global().Set("asyncplayFirstFrame", perf.Get("timeOrigin").Float()+perf.Call("now").Float())
	}
	status := ""
	switch g.p.Phase {
	case Idle:
		status = "ready"
	case Computing:
		status = "computing… " + g.p.Progress().String()
	case Ready:
		switch {
		case g.p.Playing:
			status = "playing " + speedText(g.p.Speed)
		case g.p.Cursor == g.p.End():
			status = "finished at " + g.p.End().String()
		default:
			status = "paused"
		}
	}
	sc := draw.Scene{Cursor: g.p.Cursor, Status: status, Zoom: g.zoom, ScrollY: g.scrollY,
		Scale: ebiten.Monitor().DeviceScaleFactor(), Large: g.large, Dark: g.dark}
	if g.p.Phase == Ready {
		sc.Timeline = g.p.Timeline
	}
	began := time.Now()
	g.want = g.painter.Paint(screen, sc)
	g.frames.add(time.Since(began))
	if len(g.shots) > 0 {
		// The pixels go to the page as RGBA, which the browser encodes as
		// PNG: Go's encoder would add 185 KB to the engine.
		img := image.NewRGBA(screen.Bounds())
		screen.ReadPixels(img.Pix)
		arr := js.Global().Get("Uint8ClampedArray").New(len(img.Pix))
		js.CopyBytesToJS(arr, img.Pix)
		shot := map[string]any{"width": img.Rect.Dx(), "height": img.Rect.Dy(), "rgba": arr}
		for _, resolve := range g.shots {
			resolve.Invoke(shot)
		}
		g.shots = nil
	}
}

func (g *game) Layout(w, h int) (int, int) {
	s := ebiten.Monitor().DeviceScaleFactor()
	dw, dh := int(float64(w)*s), int(float64(h)*s)
	if dw != g.width {
		g.width, g.dirty = dw, true
	}
	return dw, dh
}

func (g *game) state() map[string]any {
	phase := [...]string{Idle: "idle", Computing: "computing", Ready: "ready"}[g.p.Phase]
	return map[string]any{
		"phase": phase, "cursor": float64(g.p.Cursor), "cursorText": g.p.Cursor.String(),
		"end": float64(g.p.End()), "endText": g.p.End().String(), "playing": g.p.Playing,
		"speed": g.p.Speed, "zoom": g.zoom, "large": g.large, "progress": g.p.Progress().String(),
		"height": g.want,
	}
}

// frameStats keeps the Go time of painted frames, for the page's budget
// (the bridge's stats()).
type frameStats struct {
	n          int
	total, max time.Duration
}

func (f *frameStats) add(d time.Duration) {
	f.n++
	f.total += d
	f.max = max(f.max, d)
}

// summary is how a finished run ended, for run()'s promise.
func (g *game) summary() map[string]any {
	res := g.p.Result()
	out, errs := g.p.Console(g.p.End())
	s := map[string]any{
		"exitCode": res.ExitCode, "end": float64(g.p.End()), "endText": g.p.End().String(),
		"events": g.p.Trace().Len(), "stdout": out, "stderr": errs, "syntaxError": nil,
		"exitText": nil,
	}
	// The world outside may run on after the program exits (its peers read
	// what was sent): the status names both moments.
	if tl := g.p.Timeline; tl != nil && tl.Exit >= 0 && tl.Exit < tl.End {
		s["exitText"] = tl.Exit.String()
	}
	if line, col, msg, ok := g.p.SyntaxError(); ok {
		s["syntaxError"] = map[string]any{"line": line, "col": col, "message": msg}
	}
	return s
}

func speedText(s float64) string { return strconv.FormatFloat(s, 'f', -1, 64) + "×" }

func main() {
	g := &game{p: NewPlayer(), zoom: 1, dirty: true, last: time.Now()}
	bridge(g)
	ebiten.SetWindowTitle("asyncplay")
	ebiten.SetRunnableOnUnfocused(true) // the page's buttons hold the focus, not the canvas
	ebiten.SetScreenClearedEveryFrame(false)
	js.Global().Call("dispatchEvent", js.Global().Get("Event").New("asyncplay-ready"))
	if err := ebiten.RunGame(g); err != nil {
		js.Global().Get("console").Call("error", "asyncplay view: "+err.Error())
	}
}

// bridge puts the `asyncplay` object the page calls on the global scope.
// Times are virtual nanoseconds as JavaScript numbers.
func bridge(g *game) {
	api := js.Global().Get("Object").New()
	js.Global().Set("asyncplay", api)
	// fn wraps a bridge method: it runs under the game's lock, and a
	// method that changes what the view shows marks it for a redraw.
	fn := func(name string, f func(args []js.Value) any) {
		redraw := !slices.Contains([]string{"state", "console", "lines", "ps", "where", "chromeTrace", "stats"}, name)
		api.Set(name, js.FuncOf(func(this js.Value, args []js.Value) any {
			g.mu.Lock()
			defer g.mu.Unlock()
			if redraw {
				g.dirty = true
			}
			return f(args)
		}))
	}
	at := func(args []js.Value, i int) sim.Time {
		if i < len(args) && args[i].Type() == js.TypeNumber {
			return sim.Time(args[i].Float())
		}
		return g.p.Cursor
	}
	fn("run", func(args []js.Value) any {
		// run({source, name, seed, world, commands: [{at, cancel, signal, terminal, text}], play})
		prog, o, rejected := programOf(args)
		if !rejected.IsUndefined() {
			return rejected
		}
		g.autoplay = o.Get("play").Truthy()
		for _, resolve := range g.waiting {
			resolve.Invoke(js.Null()) // a newer run replaces theirs
		}
		g.waiting = nil
		g.p.Load(prog)
		return promise(func(resolve js.Value) { g.waiting = append(g.waiting, resolve) })
	})
	fn("compare", func(args []js.Value) any {
		// compare({source, name, seed, world}): a run for a comparison
		// table, made after the view's own run, in slices like it
		prog, _, rejected := programOf(args)
		if !rejected.IsUndefined() {
			return rejected
		}
		t := NewTrial(prog)
		return promise(func(resolve js.Value) { g.trials = append(g.trials, pendingTrial{t, resolve}) })
	})
	fn("state", func([]js.Value) any { return g.state() })
	fn("stop", func([]js.Value) any { g.p.Stop(); return nil })
	fn("play", func([]js.Value) any {
		if g.p.Phase == Ready {
			if g.p.Cursor == g.p.End() {
				g.p.Cursor = 0 // play again from the start
			}
			g.p.Playing = true
		}
		return nil
	})
	fn("pause", func([]js.Value) any { g.p.Playing = false; return nil })
	fn("seek", func(args []js.Value) any { g.p.Seek(at(args, 0)); return nil })
	fn("step", func(args []js.Value) any {
		g.p.Step(len(args) == 0 || args[0].Truthy())
		return nil
	})
	fn("stepLine", func([]js.Value) any { g.p.StepLine(); return nil })
	fn("setSpeed", func(args []js.Value) any {
		if len(args) > 0 && args[0].Type() == js.TypeNumber && args[0].Float() > 0 {
			g.p.Speed = args[0].Float()
		}
		return nil
	})
	fn("setZoom", func(args []js.Value) any {
		if len(args) > 0 && args[0].Type() == js.TypeNumber {
			g.zoom = max(1, min(args[0].Float(), 1e6))
		}
		return nil
	})
	fn("scroll", func(args []js.Value) any {
		// scroll(dy) scrolls the lanes and reports whether they moved, so
		// a wheel at either end scrolls the page instead.
		if len(args) == 0 || args[0].Type() != js.TypeNumber {
			return false
		}
		before := g.scrollY
		g.scrollY = max(0, min(g.scrollY+args[0].Float(), g.painter.MaxScroll()))
		return g.scrollY != before
	})
	fn("hit", func(args []js.Value) any {
		// hit(x, y): the time and task under a point of the view, or null.
		if len(args) < 2 || g.p.Phase != Ready {
			return nil
		}
		t, task, ok := g.painter.At(args[0].Float(), args[1].Float())
		if !ok {
			return nil
		}
		return map[string]any{"t": float64(max(0, min(t, g.p.End()))), "task": task}
	})
	fn("setLarge", func(args []js.Value) any { g.large = len(args) > 0 && args[0].Truthy(); return nil })
	fn("setDark", func(args []js.Value) any { g.dark = len(args) > 0 && args[0].Truthy(); return nil })
	fn("console", func(args []js.Value) any {
		out, errs := g.p.Console(at(args, 0))
		return map[string]any{"stdout": out, "stderr": errs}
	})
	fn("lines", func(args []js.Value) any {
		var out []any
		for _, l := range g.p.Lines(at(args, 0)) {
			out = append(out, map[string]any{"task": l.Task, "line": l.Line, "state": l.State.String()})
		}
		return out
	})
	fn("ps", func(args []js.Value) any { return g.p.PS(at(args, 0)) })
	fn("where", func(args []js.Value) any {
		if len(args) == 0 || args[0].Type() != js.TypeNumber {
			return "where: give a task id"
		}
		return g.p.Where(args[0].Int(), at(args, 1))
	})
	fn("chromeTrace", func([]js.Value) any {
		if g.p.Phase != Ready {
			return ""
		}
		var b strings.Builder
		g.p.Trace().WriteChrome(&b)
		return b.String()
	})
	fn("check", func(args []js.Value) any {
		// check(text) -> {ok, parts} or {error}: an exercise's verdict on the run
		if len(args) == 0 || args[0].Type() != js.TypeString {
			return map[string]any{"error": "check: give the check's text"}
		}
		v, err := g.p.Check(args[0].String())
		if err != nil {
			return map[string]any{"error": err.Error()}
		}
		parts := make([]any, len(v.Parts))
		for i, s := range v.Parts {
			parts[i] = s
		}
		return map[string]any{"ok": v.OK, "parts": parts}
	})
	fn("stats", func([]js.Value) any {
		mean := 0.0
		if g.frames.n > 0 {
			mean = g.frames.total.Seconds() * 1000 / float64(g.frames.n)
		}
		s := map[string]any{"frames": g.frames.n, "meanMs": mean, "maxMs": g.frames.max.Seconds() * 1000}
		g.frames = frameStats{}
		return s
	})
	fn("png", func([]js.Value) any {
		return promise(func(resolve js.Value) { g.shots = append(g.shots, resolve) })
	})
}

// promise makes a JavaScript Promise whose resolve function keep stores.
// programOf reads a run's description from the page: {source, name, seed,
// world, commands}. A description without a source gets a rejected promise
// to return.
func programOf(args []js.Value) (Program, js.Value, js.Value) {
	var o js.Value
	if len(args) > 0 && args[0].Type() == js.TypeObject {
		o = args[0]
	}
	if o.IsUndefined() || o.Get("source").Type() != js.TypeString {
		return Program{}, o, js.Global().Get("Promise").Call("reject", js.Global().Get("Error").New("asyncplay: give {source: string}"))
	}
	prog := Program{Name: "<main>", Source: o.Get("source").String()}
	if v := o.Get("name"); v.Type() == js.TypeString {
		prog.Name = v.String()
	}
	if v := o.Get("seed"); v.Type() == js.TypeNumber {
		prog.Seed = uint64(v.Int())
	}
	if v := o.Get("world"); v.Type() == js.TypeString {
		prog.World = v.String()
	}
	if cs := o.Get("commands"); cs.Type() == js.TypeObject {
		for i := range cs.Length() {
			c := cs.Index(i)
			cmd := Command{At: sim.Time(c.Get("at").Float())}
			if v := c.Get("cancel"); v.Type() == js.TypeNumber {
				cmd.Cancel = v.Int()
			}
			if v := c.Get("signal"); v.Type() == js.TypeString {
				cmd.Signal, _ = sim.ParseSignal(v.String())
			}
			if v := c.Get("terminal"); v.Type() == js.TypeString {
				cmd.Terminal, cmd.Text = v.String(), c.Get("text").String()
			}
			prog.Commands = append(prog.Commands, cmd)
		}
	}
	return prog, o, js.Undefined()
}

// pendingTrial is a comparison's run being made, and who waits for it.
type pendingTrial struct {
	t       *Trial
	resolve js.Value
}

// trialResult is a trial's result as the page reads it.
func trialResult(r TrialResult) map[string]any {
	ms := map[string]any{}
	for name, m := range r.Measures {
		ms[name] = map[string]any{"value": m.Value, "text": m.String()}
	}
	series := make([]any, len(r.Series))
	for i, v := range r.Series {
		series[i] = v
	}
	return map[string]any{"exitCode": r.ExitCode, "measures": ms, "series": series, "gauge": r.Gauge, "endText": r.End.String()}
}

func promise(keep func(resolve js.Value)) js.Value {
	var executor js.Func
	executor = js.FuncOf(func(this js.Value, args []js.Value) any {
		keep(args[0])
		executor.Release()
		return nil
	})
	return js.Global().Get("Promise").New(executor)
}
