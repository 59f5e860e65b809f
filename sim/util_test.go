package sim_test

import (
	"fmt"
	"strings"
	"testing"

	"asyncplay/sim"
)

// run runs main in a fresh kernel (Go locations on) and returns the kernel,
// main's outcome, and everything tasks wrote to stdout and stderr.
func run(tb testing.TB, main sim.TaskFunc, opts ...sim.Option) (*sim.Kernel, any, error, string) {
	tb.Helper()
	var out strings.Builder
	k := sim.New(append([]sim.Option{sim.WithGoLocations(), sim.WithOutput(&out, &out)}, opts...)...)
	v, err := k.Run("main", main)
	return k, v, err, out.String()
}

// say writes a transcript line stamped with virtual time (as the task
// sees it: a process's own clock) and task name,
// e.g. "5.000s kid: hello".
func say(t *sim.Task, format string, args ...any) {
	t.Write(sim.Stdout, fmt.Sprintf("%s %s: %s\n", t.Now(), t.Name(), fmt.Sprintf(format, args...)))
}

// expect compares a transcript with what was expected, ignoring the
// leading newline and indentation of a raw string literal.
func expect(tb testing.TB, got, want string) {
	tb.Helper()
	want = dedent(want)
	if got != want {
		tb.Errorf("transcript mismatch\n--- got:\n%s--- want:\n%s", got, want)
	}
}

func dedent(s string) string {
	s = strings.TrimPrefix(s, "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimLeft(l, "\t")
	}
	return strings.Join(lines, "\n")
}

// must fails the test at once on an unexpected error inside task code.
func must(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatalf("unexpected error: %v", err)
	}
}
