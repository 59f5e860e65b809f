// Command wasm is asyncplay's engine in the browser. Built with GOOS=js
// GOARCH=wasm, it runs in the page's view frame (site/static/view.html):
// an ebiten game that draws the run (package draw, over package view), and
// an `asyncplay` object on the frame's global scope that the page script
// calls (main_js.go). The Player, here, is the part tests reach natively:
// it makes a run in slices, then moves a cursor over its trace and reads
// the console, the task lines and the monitor at any moment.
package main

import (
	"errors"
	"slices"
	"strings"

	"asyncplay/sim"
	"asyncplay/sim/py/run"
	"asyncplay/sim/py/syntax"
	"asyncplay/sim/world"
	"asyncplay/wasm/view"
)

// Command is something a learner does to a paused run from the monitor:
// cancel a task or send a signal, taking effect at a virtual time. The
// run is made again with the command as an input at that time, so what
// came before it is unchanged (the kernel is deterministic) and what
// follows is the program's answer to it.
type Command struct {
	At       sim.Time
	Cancel   int        // a task id, or 0
	Signal   sim.Signal // or 0
	Terminal string     // a terminal of the world, and the text typed into it
	Text     string
}

// Program is what to run: the same Program always makes the same run.
type Program struct {
	Name     string // the file name tracebacks show, e.g. "01-tasks.md"
	Source   string
	Seed     uint64
	Commands []Command
	World    string // the world it runs in (package sim/world's format)
}

// Phase is where a Player is.
type Phase int

const (
	Idle      Phase = iota // nothing loaded
	Computing              // the run is being made, slice by slice
	Ready                  // the run is made; the cursor plays or waits
)

// Player is one program's run as the page shows it: first the run is made
// in slices (so the page stays responsive), then a cursor moves over its
// trace at a speed, or by steps. Everything it reports at a cursor time is
// read from the trace, so stepping back needs no re-run.
type Player struct {
	Program Program
	Phase   Phase
	Cursor  sim.Time
	Playing bool
	Speed   float64 // virtual seconds per wall second while playing

	session        *run.Session
	stdout, stderr strings.Builder // the whole run's output, with the final verdict
	Timeline       *view.Timeline  // once Ready
	times          []sim.Time      // the distinct times of the trace's records, once Ready
	output         []written       // what the program wrote, in order, once Ready
}

// written is one write to stdout or stderr, kept apart from the trace so
// the console at a moment costs the output's size, not the trace's.
type written struct {
	t      sim.Time
	stderr bool
	text   string
}

// NewPlayer is an idle player at normal speed.
func NewPlayer() *Player { return &Player{Speed: 1} }

// Load starts making prog's run; Compute does the work. A run still being
// made is stopped and unwound first, so its tasks' coroutines end rather
// than wait for ever.
func (p *Player) Load(prog Program) {
	if p.Phase == Computing {
		p.session.Stop("replaced by a new run")
		for !p.session.Step(1 << 30) {
		}
	}
	*p = Player{Program: prog, Phase: Computing, Speed: p.Speed}
	p.session = run.Start(prog.Source, prog.config(&p.stdout, &p.stderr))
}

// config is how prog runs, the same on the page and in `asyncplay run`:
// the CPU cost, the seed, the world, the monitor's commands as inputs.
func (prog Program) config(stdout, stderr *strings.Builder) run.Config {
	commands := slices.Clone(prog.Commands)
	return run.Config{
		File: prog.Name, Seed: prog.Seed, OpCost: run.DefaultOpCost, // what `asyncplay run` uses
		Stdout: stdout, Stderr: stderr, Modules: run.StandardModules,
		Setup: func(k *sim.Kernel) {
			for _, c := range commands {
				if c.Cancel != 0 {
					k.Inject(c.At, sim.CancelTask(c.Cancel))
				}
				if c.Signal != 0 {
					k.Inject(c.At, c.Signal)
				}
			}
		},
		Prepare: func(k *sim.Kernel) error {
			spec, err := world.Parse(prog.Name, prog.World)
			if err != nil {
				return err
			}
			for _, c := range commands {
				if c.Terminal != "" {
					if err := spec.Type(c.Terminal, c.At, c.Text); err != nil {
						return err
					}
				}
			}
			return spec.Install(k)
		},
	}
}

// Compute runs the program for up to budget kernel steps and reports
// whether the run is made. When it is, the cursor waits at time zero.
func (p *Player) Compute(budget int64) bool {
	if p.Phase != Computing {
		return p.Phase == Ready
	}
	if !p.session.Step(budget) {
		return false
	}
	tr := p.Trace()
	p.Timeline = view.Build(tr)
	for _, r := range tr.Records() {
		if len(p.times) == 0 || p.times[len(p.times)-1] != r.T {
			p.times = append(p.times, r.T)
		}
		if r.Kind == sim.EvOutput {
			p.output = append(p.output, written{r.T, r.Obj == sim.Stderr, tr.Strings[r.Val]})
		}
	}
	p.Phase, p.Cursor = Ready, 0
	return true
}

// Stop ends a run being made where it has got to, as a limit would: the
// next Compute finishes it, and the trace so far is the run to play.
func (p *Player) Stop() {
	if p.Phase == Computing {
		p.session.Stop("stopped by you at " + p.Progress().String() + " of virtual time, while the run was being made")
	}
}

// Progress is how far the run being made has got in virtual time.
func (p *Player) Progress() sim.Time {
	if p.session == nil {
		return 0
	}
	return p.session.Kernel().Now()
}

// Trace is the run's trace (growing while Computing).
func (p *Player) Trace() *sim.Trace { return p.session.Kernel().Trace() }

// Result is how the run ended, once Ready.
func (p *Player) Result() *run.Result { return p.session.Result() }

// End is the virtual time the run ended at, once Ready.
func (p *Player) End() sim.Time {
	if p.Timeline == nil {
		return 0
	}
	return p.Timeline.End
}

// Advance moves a playing cursor by wall seconds of real time at the
// player's speed, and stops playing at the end.
func (p *Player) Advance(wall float64) {
	if p.Phase != Ready || !p.Playing {
		return
	}
	p.Seek(p.Cursor + sim.Time(wall*p.Speed*float64(sim.Second)))
	if p.Cursor == p.End() {
		p.Playing = false
	}
}

// Seek puts the cursor at t, within the run.
func (p *Player) Seek(t sim.Time) {
	p.Cursor = max(0, min(t, p.End()))
}

// Step moves the cursor to the next moment something happened (forward)
// or the previous one (back), and pauses.
func (p *Player) Step(forward bool) {
	p.Playing = false
	i, found := slices.BinarySearch(p.times, p.Cursor)
	switch {
	case forward && found:
		i++
	case !forward:
		i--
	}
	if i >= 0 && i < len(p.times) {
		p.Cursor = p.times[i]
	}
}

// StepLine moves the cursor forward to the next moment a task stands at a
// different line of the program, and pauses: one step of the program as
// a learner reads it, skipping moments that only shuffle the kernel.
func (p *Player) StepLine() {
	p.Playing = false
	here := p.Lines(p.Cursor)
	i, found := slices.BinarySearch(p.times, p.Cursor)
	if found {
		i++
	}
	for ; i < len(p.times); i++ {
		if !slices.Equal(p.Lines(p.times[i]), here) {
			p.Cursor = p.times[i]
			return
		}
	}
	p.Cursor = p.End()
}

// TaskLine is where a live task stands in the program at a moment.
type TaskLine struct {
	Task  int
	Line  int // in the program's own file; 0 if unknown
	State sim.State
}

// Lines lists the live tasks at t with the line of the program each
// stands at: the innermost frame in the program's file, so a task inside
// curio's code shows the line of the program that called it.
func (p *Player) Lines(t sim.Time) []TaskLine {
	if p.Timeline == nil {
		return nil
	}
	var out []TaskLine
	tr := p.Trace()
	for _, lane := range p.Timeline.Lanes {
		seg, ok := p.Timeline.StateAt(lane.Task.ID, t)
		if !ok || lane.Born > t || (lane.Ended && lane.EndedAt <= t) {
			continue
		}
		tl := TaskLine{Task: lane.Task.ID, State: seg.State}
		stack := tr.Stack(seg.Loc)
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].File == p.Program.Name {
				tl.Line = stack[i].Line
				break
			}
		}
		out = append(out, tl)
	}
	return out
}

// Console is what the program had printed by t: stdout and stderr as a
// terminal would have shown them then. At the run's end it includes the
// kernel's verdict on a run that stopped (a limit, a deadlock).
func (p *Player) Console(t sim.Time) (stdout, stderr string) {
	if p.Phase != Ready {
		return "", ""
	}
	if t >= p.End() {
		return p.stdout.String(), p.stderr.String()
	}
	var out, errs strings.Builder
	for _, w := range p.output {
		if w.t > t {
			break
		}
		if w.stderr {
			errs.WriteString(w.text)
		} else {
			out.WriteString(w.text)
		}
	}
	return out.String(), errs.String()
}

// PS is the monitor's `ps` at t.
func (p *Player) PS(t sim.Time) string {
	if p.Phase != Ready {
		return ""
	}
	return p.Trace().PS(t)
}

// Where is the monitor's `where N` at t, with the program's lines quoted.
func (p *Player) Where(id int, t sim.Time) string {
	if p.Phase != Ready {
		return ""
	}
	lines := strings.Split(p.Program.Source, "\n")
	return p.Trace().Where(id, t, func(file string, line int) string {
		if file == p.Program.Name && line >= 1 && line <= len(lines) {
			return strings.TrimSpace(lines[line-1])
		}
		return ""
	})
}

// SyntaxError is where the program failed to compile, if it did.
func (p *Player) SyntaxError() (line, col int, msg string, ok bool) {
	if p.Phase != Ready {
		return 0, 0, "", false
	}
	se, isSE := p.Result().SyntaxErr.(*syntax.SyntaxError)
	if !isSE {
		return 0, 0, "", false
	}
	return se.Line, se.Col, se.Msg, true
}

// Check judges the run by an exercise's check (see view.ParseCheck): the
// verdict, or what is wrong with the check.
func (p *Player) Check(text string) (view.Verdict, error) {
	chk, err := view.ParseCheck(text)
	if err != nil {
		return view.Verdict{}, err
	}
	if p.Timeline == nil {
		return view.Verdict{}, errors.New("there is no run to check yet")
	}
	return chk.Apply(p.Timeline.Measure()), nil
}
