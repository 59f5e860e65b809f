// Command wasm is asyncplay's engine in the browser: built with
// GOOS=js GOARCH=wasm, it puts an `asyncplay` object on the page's global
// scope that runs a program on the kernel and reports what it printed.
// The page script (site/static/page.js) calls it.
//
// Today it runs a program to its end and returns its output; the view
// that animates the trace comes next and will read the same run.
package main

import (
	"strings"

	"asyncplay/sim"
	"asyncplay/sim/py/run"
)

// Outcome is one run as the page shows it.
type Outcome struct {
	Stdout, Stderr string
	ExitCode       int
	End            sim.Time // virtual time when the run ended
	Events         int      // records in the trace
}

// Run runs src as lesson file name with seed.
func Run(name, src string, seed uint64) Outcome {
	var stdout, stderr strings.Builder
	res := run.Program(src, run.Config{
		File: name, Seed: seed, OpCost: run.DefaultOpCost, // what `asyncplay run` uses
		Stdout: &stdout, Stderr: &stderr, Modules: run.StandardModules,
	})
	return Outcome{
		Stdout: stdout.String(), Stderr: stderr.String(), ExitCode: res.ExitCode,
		End: res.Kernel.Now(), Events: res.Kernel.Trace().Len(),
	}
}
