package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// asyncplay runs the command and returns its exit status and streams.
func asyncplay(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errs strings.Builder
	code := command(args, strings.NewReader(stdin), &out, &errs)
	return code, out.String(), errs.String()
}

func program(t *testing.T, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "prog.py")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const sleeper = `import curio

async def kid():
    await curio.sleep(1000)

async def main():
    t = await curio.spawn(kid)
    await curio.sleep(5)
    print("waiting at", await curio.clock())
    await t.join()

curio.run(main)
`

func TestRunPrintsLikePython(t *testing.T) {
	code, out, errs := asyncplay(t, "print('hi')\nprint(sum(range(10)))\n", "run", "-")
	if code != 0 || out != "hi\n45\n" || errs != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, out, errs = asyncplay(t, "", "run", program(t, "x = 1\nraise SystemExit(3)\n"))
	if code != 3 || out != "" || errs != "" {
		t.Errorf("SystemExit(3): exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, _, errs = asyncplay(t, "", "run", program(t, "def f():\n    return 1 / 0\nf()\n"))
	if code != 1 || !strings.HasSuffix(errs, "ZeroDivisionError: division by zero\n") || !strings.Contains(errs, "prog.py\", line 3, in <module>") {
		t.Errorf("uncaught error: exit %d, stderr:\n%s", code, errs)
	}
	code, out, errs = asyncplay(t, "", "run", program(t, "if x = 1:\n    pass\n"))
	if code != 1 || out != "" || !strings.HasSuffix(errs, "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n") {
		t.Errorf("syntax error: exit %d, stdout %q, stderr:\n%s", code, out, errs)
	}
}

func TestUntilAndPS(t *testing.T) {
	code, out, errs := asyncplay(t, "", "run", program(t, sleeper), "--until", "30s", "--ps", "--cpu", "ideal")
	wantPS := `Task   State        Cycles     Timeout Sleep   Task
------ ------------ ---------- ------- ------- --------------------------------------------------
1      TASK_JOIN    1          None    None    <module>
2      TASK_JOIN    2          None    None    main
3      TIME_SLEEP   1          None    970.000 kid
`
	if code != 0 || out != "waiting at 5.0\n" || errs != wantPS {
		t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant stderr:\n%s", code, out, errs, wantPS)
	}
}

func TestCPUCostMovesTheClock(t *testing.T) {
	src := "import curio\nasync def main():\n    for i in range(1000):\n        pass\n    print(await curio.clock())\ncurio.run(main)\n"
	// At 1us per operation: 1000 loop statements, 1000 range items and 5 more.
	for _, c := range []struct{ cpu, want string }{{"ideal", "0.0\n"}, {"1us", "0.002005\n"}} {
		code, out, errs := asyncplay(t, "", "run", "--cpu", c.cpu, program(t, src))
		if code != 0 || out != c.want {
			t.Errorf("--cpu %s: exit %d, stdout %q, stderr %q; want %q", c.cpu, code, out, errs, c.want)
		}
	}
}

func TestSignalsAndDeadlock(t *testing.T) {
	src := `import curio
async def main():
    evt = curio.SignalEvent(2)
    await evt.wait()
    print("got SIGINT at", await curio.clock())
    q = curio.Queue()
    await q.get()
curio.run(main)
`
	code, out, errs := asyncplay(t, "", "run", "--cpu", "ideal", "--signal", "SIGINT@12s", program(t, src))
	if code != 1 || out != "got SIGINT at 12.0\n" || !strings.Contains(errs, "asyncplay: deadlock at 12.000s") ||
		!strings.Contains(errs, `task 2 "main" QUEUE_GET on Queue#`) {
		t.Errorf("exit %d, stdout %q, stderr:\n%s", code, out, errs)
	}
}

func TestTraceFiles(t *testing.T) {
	dir := t.TempDir()
	jl, chrome := filepath.Join(dir, "t.jsonl"), filepath.Join(dir, "c.json")
	code, _, errs := asyncplay(t, "", "run", "--trace", jl, "--chrome-trace", chrome, "--until", "10s", program(t, sleeper))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines, _ := os.ReadFile(jl)
	for i, l := range strings.Split(strings.TrimSpace(string(lines)), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("trace line %d: %v", i, err)
		}
	}
	var doc map[string]any
	b, _ := os.ReadFile(chrome)
	if err := json.Unmarshal(b, &doc); err != nil || doc["traceEvents"] == nil {
		t.Errorf("chrome trace: %v", err)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"run"}, {"run", "--cpu", "fast", "x.py"}, {"run", "--until", "soon", "x.py"},
		{"run", "--signal", "SIGFOO@1s", "x.py"}, {"run", "/no/such/file.py"}} {
		if code, _, _ := asyncplay(t, "", args...); code != 2 {
			t.Errorf("asyncplay %v: exit %d, want 2", args, code)
		}
	}
	if code, out, _ := asyncplay(t, "", "help"); code != 0 || !strings.Contains(out, "asyncplay run [flags] FILE.py") {
		t.Errorf("help: exit %d\n%s", code, out)
	}
}

// The world comes from a file, from --declare lines, or both; a mistake in
// it is shown at its line and the program does not run.
func TestWorld(t *testing.T) {
	src := `from curio import run, tcp_server
async def echo(client, addr):
    s = client.as_stream()
    async for line in s:
        await s.write(line.upper())
try:
    run(tcp_server, '', 25000, echo)
except KeyboardInterrupt:
    print('stopped')
`
	dir := t.TempDir()
	file := filepath.Join(dir, "clients.world")
	os.WriteFile(file, []byte("client ann at 1s connect localhost:25000\n    send \"hi\\n\"\n    read line\n"), 0o644)
	code, out, errs := asyncplay(t, "", "run", "--world", file, "--declare", `client bob at 2s connect localhost:25000; send "yo\n"; read line`,
		"--declare", "signal SIGINT at 3s", program(t, src))
	if code != 0 || out != "[ann] HI\n[bob] YO\nstopped\n" || errs != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, out, errs = asyncplay(t, "", "run", "--declare", "client bob at 2s conect localhost:25000", program(t, src))
	want := "  File \"<--declare>\", line 1\n    client bob at 2s conect localhost:25000\n                     ^^^^^^\nWorldError: expected \"connect\", not \"conect\"; did you mean \"connect\"?\n"
	if code != 2 || out != "" || errs != want {
		t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant:\n%s", code, out, errs, want)
	}
	if code, _, errs := asyncplay(t, "", "run", "--world", filepath.Join(dir, "missing.world"), program(t, src)); code != 2 || !strings.Contains(errs, "--world:") {
		t.Errorf("a missing world file: exit %d, %s", code, errs)
	}
}

// --measures prints the run's measures; --check judges them, exiting 3
// when the check fails, and a check with a mistake is a usage error.
func TestMeasuresAndCheck(t *testing.T) {
	src := `import curio
async def main():
    q = curio.Queue()
    for i in range(3):
        await q.put(i)
    for i in range(3):
        await q.get()
curio.run(main)
`
	code, _, errs := asyncplay(t, "", "run", "--measures", program(t, src))
	if code != 0 || !strings.Contains(errs, "peak_queue   3\n") || !strings.Contains(errs, "items        3\n") {
		t.Errorf("--measures: exit %d, stderr:\n%s", code, errs)
	}
	code, _, errs = asyncplay(t, "", "run", "--check", "peak_queue <= 3", program(t, src))
	if code != 0 || errs != "peak_queue = 3, want <= 3 ✓\n" {
		t.Errorf("a passing check: exit %d, stderr %q", code, errs)
	}
	code, _, errs = asyncplay(t, "", "run", "--check", "peak_queue < 3", program(t, src))
	if code != 3 || !strings.Contains(errs, "peak_queue = 3, want < 3 ✗\n") || !strings.HasSuffix(errs, "the check fails\n") {
		t.Errorf("a failing check: exit %d, stderr %q", code, errs)
	}
	if code, _, _ := asyncplay(t, "", "run", "--check", "peak_queu < 3", program(t, src)); code != 2 {
		t.Errorf("a check with a mistake: exit %d, want 2", code)
	}
}
