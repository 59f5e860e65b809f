package run

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

const fibProgram = `
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(fib(30))
`

// BenchmarkFibVsCPython runs recursive fib(30) in the interpreter and in
// the machine's python3 (timed inside python3, without its start-up) and
// reports both times and their ratio.
func BenchmarkFibVsCPython(b *testing.B) {
	py, err := exec.LookPath("python3")
	if err != nil {
		b.Skip("python3 not found")
	}
	var ours, theirs time.Duration
	for range b.N {
		start := time.Now()
		var out strings.Builder
		res := Program(fibProgram, Config{Stdout: &out})
		ours += time.Since(start)
		if res.ExitCode != 0 || out.String() != "832040\n" {
			b.Fatalf("fib(30) printed %q (exit %d)", out.String(), res.ExitCode)
		}
		t, err := exec.Command(py, "-c", fibProgram+
			"import time\nt = time.perf_counter()\nfib(30)\nprint(time.perf_counter() - t)\n").Output()
		if err != nil {
			b.Fatal(err)
		}
		lines := strings.Fields(string(t))
		secs, _ := strconv.ParseFloat(lines[len(lines)-1], 64)
		theirs += time.Duration(secs * float64(time.Second))
	}
	b.ReportMetric(ours.Seconds()/float64(b.N), "s/fib30")
	b.ReportMetric(theirs.Seconds()/float64(b.N), "cpython-s/fib30")
	b.ReportMetric(float64(ours)/float64(theirs), "x-cpython")
}
