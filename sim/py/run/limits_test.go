package run

import (
	"strings"
	"testing"

	"asyncplay/sim"
)

// TestRunawayProgramsStop: every kind of runaway program ends promptly
// with a message that says what happened, and nothing hangs the host.
func TestRunawayProgramsStop(t *testing.T) {
	cases := []struct {
		name, src, lastLine string
	}{
		{"infinite loop", "while True:\n    pass\n",
			"asyncplay: steps limit (200000) reached at 0.000s while task 1 was running"},
		{"runaway recursion", "def f(n):\n    return f(n + 1)\nf(0)\n",
			"RecursionError: maximum recursion depth exceeded"},
		{"huge list", "x = [0] * 10**9\n", "MemoryError"},
		{"huge string", "s = 'ab' * 10**10\n", "MemoryError"},
		{"huge power", "x = 10 ** 10 ** 10\n", "MemoryError"},
		{"built-in loop", "l = list(range(10**10))\n",
			"asyncplay: steps limit (200000) reached at 0.000s while task 1 was running"},
		{"growing dict", "d = {}\ni = 0\nwhile True:\n    d[i] = 'x' * 1000\n    i += 1\n", "MemoryError"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errs strings.Builder
			limits := sim.Limits{Steps: 200_000}
			if c.name == "growing dict" {
				limits.Steps = 20_000_000
			}
			res := Program(c.src, Config{Stdout: &out, Stderr: &errs, Limits: limits, MaxMemory: 64 << 20})
			lines := strings.Split(strings.TrimSpace(errs.String()), "\n")
			last := lines[len(lines)-1]
			if strings.HasPrefix(c.lastLine, "asyncplay:") {
				last = lines[0]
				for _, l := range lines {
					if strings.HasPrefix(l, "asyncplay:") {
						last = l
					}
				}
			}
			if res.ExitCode != 1 || last != c.lastLine {
				t.Errorf("exit %d, stderr:\n%s\nwant a line %q", res.ExitCode, errs.String(), c.lastLine)
			}
		})
	}
}

// TestLimitReportSaysWhere: the step-limit report names the task and the
// line it was running.
func TestLimitReportSaysWhere(t *testing.T) {
	var errs strings.Builder
	Program("x = 0\nwhile True:\n    x += 1\n", Config{File: "spin.py", Stderr: &errs, Limits: sim.Limits{Steps: 1000}})
	want := "asyncplay: steps limit (1000) reached at 0.000s while task 1 was running\n  task 1 \"<module>\" RUNNING at spin.py:3 in <module>\n"
	if errs.String() != want {
		t.Errorf("stderr:\n%q\nwant:\n%q", errs.String(), want)
	}
}
