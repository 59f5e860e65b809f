package main

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"asyncplay/lessons"
	"asyncplay/sim"
)

const ticker = `import curio

async def ticker(name, n, gap):
    for i in range(n):
        await curio.sleep(gap)
        print(name, i)

async def main():
    a = await curio.spawn(ticker, "a", 3, 1)
    b = await curio.spawn(ticker, "b", 2, 1.5)
    await a.join()
    await b.join()

curio.run(main)
`

// loaded makes prog's run in slices of one step and checks it is Ready.
func loaded(t *testing.T, prog Program) *Player {
	t.Helper()
	p := NewPlayer()
	p.Load(prog)
	for n := 0; !p.Compute(1); n++ {
		if p.Phase != Computing || n > 1e6 {
			t.Fatalf("phase %v after %d slices", p.Phase, n)
		}
	}
	if p.Phase != Ready || p.Cursor != 0 {
		t.Fatalf("phase %v cursor %v after the run was made", p.Phase, p.Cursor)
	}
	return p
}

func TestPlayerConsoleAtCursor(t *testing.T) {
	p := loaded(t, Program{Name: "t.py", Source: ticker})
	for _, tc := range []struct {
		at   sim.Time
		want string
	}{
		{0, ""},
		{sim.Second - 1, ""},
		{sim.Second + 10*sim.Millisecond, "a 0\n"},
		{2 * sim.Second, "a 0\nb 0\n"}, // a's second line comes a few operations after 2s
		{2*sim.Second + 10*sim.Millisecond, "a 0\nb 0\na 1\n"},
		{p.End(), "a 0\nb 0\na 1\nb 1\na 2\n"},
	} {
		if out, errs := p.Console(tc.at); out != tc.want || errs != "" {
			t.Errorf("Console(%v) = %q, %q; want %q", tc.at, out, errs, tc.want)
		}
	}
	if p.End() != 3*sim.Second+p.End()%sim.Second || p.End() < 3*sim.Second {
		t.Errorf("run ended at %v, want just after 3s", p.End())
	}
}

func TestPlayerPlaysStepsAndSeeks(t *testing.T) {
	p := loaded(t, Program{Name: "t.py", Source: ticker})
	p.Playing, p.Speed = true, 2
	p.Advance(0.25) // half a virtual second
	if p.Cursor != sim.Second/2 || !p.Playing {
		t.Errorf("after 0.25 s at 2x: cursor %v playing %v", p.Cursor, p.Playing)
	}
	p.Advance(100)
	if p.Cursor != p.End() || p.Playing {
		t.Errorf("playing past the end: cursor %v (end %v) playing %v", p.Cursor, p.End(), p.Playing)
	}
	p.Seek(-5)
	if p.Cursor != 0 {
		t.Errorf("Seek(-5) put the cursor at %v", p.Cursor)
	}
	// Step visits each distinct record time in order, and back undoes it.
	fwd := []sim.Time{0}
	for {
		p.Step(true)
		if p.Cursor == fwd[len(fwd)-1] {
			break
		}
		fwd = append(fwd, p.Cursor)
	}
	if fwd[len(fwd)-1] != p.End() {
		t.Errorf("stepping ended at %v, not the end %v", fwd[len(fwd)-1], p.End())
	}
	for i := len(fwd) - 2; i >= 0; i-- {
		p.Step(false)
		if p.Cursor != fwd[i] {
			t.Fatalf("step back %d: cursor %v, want %v", i, p.Cursor, fwd[i])
		}
	}
}

func TestPlayerStepLineAndLines(t *testing.T) {
	p := loaded(t, Program{Name: "t.py", Source: ticker})
	p.Seek(sim.Second + 10*sim.Millisecond)
	if got, want := fmt.Sprint(p.Lines(p.Cursor)), "[{1 14 TASK_JOIN} {2 11 TASK_JOIN} {3 5 TIME_SLEEP} {4 5 TIME_SLEEP}]"; got != want {
		t.Errorf("Lines = %s\nwant   %s", got, want)
	}
	before := fmt.Sprint(p.Lines(p.Cursor))
	p.StepLine()
	if fmt.Sprint(p.Lines(p.Cursor)) == before || p.Cursor <= sim.Second {
		t.Errorf("StepLine went to %v where lines are %v", p.Cursor, p.Lines(p.Cursor))
	}
}

func TestPlayerMonitorAtCursor(t *testing.T) {
	p := loaded(t, Program{Name: "t.py", Source: ticker})
	ps := p.PS(sim.Second + 10*sim.Millisecond)
	for _, want := range []string{"Task", "main", "ticker", "TIME_SLEEP"} {
		if !strings.Contains(ps, want) {
			t.Errorf("ps lacks %q:\n%s", want, ps)
		}
	}
	where := p.Where(3, sim.Second+10*sim.Millisecond)
	if !strings.Contains(where, "await curio.sleep(gap)") {
		t.Errorf("where 3 does not quote the line:\n%s", where)
	}
}

// A monitor command re-makes the run with the command as an input: the
// past is unchanged and the future answers it.
func TestPlayerCommandsChangeTheFuture(t *testing.T) {
	p := loaded(t, Program{Name: "t.py", Source: ticker, Commands: []Command{{At: 1200 * sim.Millisecond, Cancel: 4}}})
	out, errs := p.Console(p.End())
	if !strings.HasPrefix(out, "a 0\n") || strings.Contains(out, "b 0") {
		t.Errorf("stdout after cancelling b at 1.2s:\n%s", out)
	}
	if !strings.Contains(errs, "TaskCancelled") && !strings.Contains(errs, "TaskError") {
		t.Errorf("joining the cancelled b should fail the program:\n%s", errs)
	}
	q := loaded(t, Program{Name: "t.py", Source: ticker, Commands: []Command{{At: 1200 * sim.Millisecond, Signal: sim.SIGINT}}})
	if _, errs := q.Console(q.End()); !strings.Contains(errs, "KeyboardInterrupt") {
		t.Errorf("a SIGINT should end the program with KeyboardInterrupt:\n%s", errs)
	}
}

func TestPlayerSyntaxError(t *testing.T) {
	p := loaded(t, Program{Name: "t.py", Source: "import curio\nx = (1,\n"})
	line, col, msg, ok := p.SyntaxError()
	if !ok || line != 2 || col != 5 || msg != "'(' was never closed" {
		t.Errorf("SyntaxError() = %d, %d, %q, %v", line, col, msg, ok)
	}
	if _, errs := p.Console(p.End()); !strings.Contains(errs, "SyntaxError: '(' was never closed") {
		t.Errorf("stderr:\n%s", errs)
	}
}

// Lesson 1 tells the reader to cancel the kid (task 3) at 6s from the
// monitor: the kid's lane ends then, cancelled, and the parent goes on to
// leave at 8s as before.
func TestPlayerLessonOneCancelClaim(t *testing.T) {
	ls, err := lessons.All()
	if err != nil {
		t.Fatal(err)
	}
	prog := ls[0].Programs[1]
	p := loaded(t, Program{Name: ls[0].Slug + ".md", Source: prog.Source, Commands: []Command{{At: 6 * sim.Second, Cancel: 3}}})
	kid := p.Timeline.Lanes[2]
	if kid.Task.Name != "kid" || !kid.Ended || kid.Outcome != sim.WasCancelled || kid.EndedAt != 6*sim.Second {
		t.Errorf("task 3 is %q, ended %v %v at %v", kid.Task.Name, kid.Ended, kid.Outcome, kid.EndedAt)
	}
	if out, _ := p.Console(p.End()); out != prog.Output {
		t.Errorf("with the kid cancelled at 6s the program printed\n%s\nwant as before\n%s", out, prog.Output)
	}
}

// Stop: an endless program stopped while its run is made becomes a run to
// play, up to where it got, with the reason at the end of its console.
func TestPlayerStop(t *testing.T) {
	p := NewPlayer()
	p.Load(Program{Name: "t.py", Source: "import curio\n\nasync def main():\n    print('start')\n    while True:\n        await curio.sleep(1)\n\ncurio.run(main)\n"})
	for range 50 {
		if p.Compute(100) {
			t.Fatal("the endless program's run was made")
		}
	}
	at := p.Progress()
	p.Stop()
	if !p.Compute(100) || p.Phase != Ready {
		t.Fatalf("phase %v after Stop", p.Phase)
	}
	if p.End() < at || p.End() > at+sim.Second {
		t.Errorf("the run ends at %v, stopped at %v", p.End(), at)
	}
	out, errs := p.Console(p.End())
	if out != "start\n" || !strings.HasPrefix(errs, "asyncplay: stopped by you at ") {
		t.Errorf("console %q, %q", out, errs)
	}
	p.Stop() // a made run: nothing
	if p.Phase != Ready {
		t.Errorf("Stop after the run was made changed the phase to %v", p.Phase)
	}
}

// Loading a program while another's run is being made unwinds the old
// run: none of its tasks' coroutines is left waiting.
func TestPlayerLoadUnwindsARunBeingMade(t *testing.T) {
	before := runtime.NumGoroutine()
	p := NewPlayer()
	p.Load(Program{Name: "t.py", Source: "import curio\n\nasync def spin():\n    while True:\n        await curio.sleep(1)\n\nasync def main():\n    for _ in range(5):\n        await curio.spawn(spin)\n    await spin()\n\ncurio.run(main)\n"})
	for range 20 {
		p.Compute(100)
	}
	if p.Phase != Computing {
		t.Fatalf("phase %v", p.Phase)
	}
	p.Load(Program{Name: "t.py", Source: ticker})
	for !p.Compute(1 << 20) {
	}
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines before, %d after the replaced run", before, after)
	}
}

// An asyncio program plays like a curio one: its tasks are lanes named
// after their coroutines, and gather's tasks share a group.
func TestPlayerAsyncio(t *testing.T) {
	p := loaded(t, Program{Name: "t.py", Source: "import asyncio\n\nasync def tick(n):\n    await asyncio.sleep(n)\n    print('tick', n)\n\nasync def main():\n    await asyncio.gather(tick(2), tick(1))\n\nasyncio.run(main())\n"})
	if out, errs := p.Console(p.End()); out != "tick 1\ntick 2\n" || errs != "" {
		t.Errorf("console %q, %q", out, errs)
	}
	var lanes []string
	for _, l := range p.Timeline.Lanes {
		lanes = append(lanes, fmt.Sprintf("%s/%d", l.Task.Name, l.Task.Group))
	}
	if got := strings.Join(lanes, " "); got != "<module>/0 main/0 tick/1 tick/1" {
		t.Errorf("lanes (name/group): %s", got)
	}
}

// A program runs in the world its lesson declares: its clients connect,
// and their reads are in the console.
func TestPlayerRunsInItsWorld(t *testing.T) {
	src := "from curio import run, tcp_server\n\nasync def echo(client, addr):\n    s = client.as_stream()\n    async for line in s:\n        await s.write(line.upper())\n\ntry:\n    run(tcp_server, '', 25000, echo)\nexcept KeyboardInterrupt:\n    print('stopped')\n"
	p := loaded(t, Program{Name: "t.py", Source: src, World: "client ann at 1s connect localhost:25000\n    send \"hi\\n\"\n    read line\nsignal SIGINT at 2s\n"})
	if out, errs := p.Console(p.End()); out != "[ann] HI\nstopped\n" || errs != "" {
		t.Errorf("console %q, %q", out, errs)
	}
	bad := loaded(t, Program{Name: "t.py", Source: src, World: "cilent ann at 1s connect localhost:25000\n"})
	if out, errs := bad.Console(bad.End()); out != "" || !strings.Contains(errs, "WorldError: unknown declaration \"cilent\"; did you mean \"client\"?") {
		t.Errorf("a world with a mistake: console %q, %q", out, errs)
	}
}

// A line typed into a terminal from the page is a command: the run is made
// again with it in the input, at its time, and an unknown terminal is an
// error the console shows.
func TestPlayerTypesIntoATerminal(t *testing.T) {
	src := "from curio import run, tcp_server\n\nasync def echo(client, addr):\n    s = client.as_stream()\n    async for line in s:\n        await s.write(line.upper())\n\ntry:\n    run(tcp_server, '', 25000, echo)\nexcept KeyboardInterrupt:\n    print('stopped')\n"
	w := "terminal you at 1s connect localhost:25000\ntype you at 2s \"first\\n\"\nsignal SIGINT at 5s\n"
	p := loaded(t, Program{Name: "t.py", Source: src, World: w,
		Commands: []Command{{At: 3 * sim.Second, Terminal: "you", Text: "second\n"}}})
	if out, errs := p.Console(p.End()); out != "[you] FIRST\n[you] SECOND\nstopped\n[you] (end of file)\n" || errs != "" {
		t.Errorf("console %q, %q", out, errs)
	}
	bad := loaded(t, Program{Name: "t.py", Source: src, World: w, Commands: []Command{{At: 0, Terminal: "me", Text: "x"}}})
	if _, errs := bad.Console(bad.End()); !strings.Contains(errs, `the world has no terminal named "me"`) {
		t.Errorf("an unknown terminal: %q", errs)
	}
}

// An exercise's check judges the whole run.
func TestPlayerChecksTheRun(t *testing.T) {
	p := loaded(t, Program{Name: "t.py", Source: ticker})
	v, err := p.Check("end >= 3s and peak_queue == 0")
	if err != nil || !v.OK || len(v.Parts) != 2 {
		t.Errorf("%+v, %v", v, err)
	}
	if _, err := p.Check("ends >= 3s"); err == nil {
		t.Error("a check naming no measure passed")
	}
}

// runTrial makes a comparison's run of src to its end, in slices.
func runTrial(t *testing.T, src string) TrialResult {
	t.Helper()
	tr := NewTrial(Program{Name: "t.py", Source: src})
	for n := 0; !tr.Step(100); n++ {
		if n > 1e6 {
			t.Fatal("the trial never ended")
		}
	}
	return tr.Result
}

// A trial makes a run for the comparison table: its measures and the
// course of its queue.
func TestTrial(t *testing.T) {
	src := "import curio\n\nSIZE = 2\n\nasync def main():\n    q = curio.Queue(maxsize=SIZE)\n    async def consumer():\n        for _ in range(4):\n            await q.get()\n            await curio.sleep(1)\n    c = await curio.spawn(consumer)\n    for n in range(4):\n        await q.put(n)\n    await c.join()\n\ncurio.run(main)\n"
	r := runTrial(t, src)
	if r.ExitCode != 0 || r.Measures["peak_queue"].Value != 2 || r.Gauge != "Queue#1" || len(r.Series) != SeriesPoints {
		t.Errorf("%+v", r)
	}
	if top := slices.Max(r.Series); top != 2 || r.Series[SeriesPoints-1] != 0 {
		t.Errorf("the queue's course: peaks at %v, ends at %v", top, r.Series[SeriesPoints-1])
	}
}

// Every row of a comparison shows the same queue, the first made, even in
// a run where another queue held more: the rows differ in one knob, and a
// column must compare like with like.
func TestTrialShowsTheFirstQueue(t *testing.T) {
	src := "import curio\n\nasync def main():\n    first, second = curio.Queue(), curio.Queue()\n    await first.put(0)\n    for n in range(3):\n        await second.put(n)\n\ncurio.run(main)\n"
	if r := runTrial(t, src); r.Gauge != "Queue#1" || slices.Max(r.Series) != 1 {
		t.Errorf("the row shows %s peaking at %v, want Queue#1 at 1", r.Gauge, slices.Max(r.Series))
	}
}
