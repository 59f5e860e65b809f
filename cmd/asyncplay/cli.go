package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"asyncplay/sim"
	"asyncplay/sim/py/run"
	"asyncplay/sim/world"
	"asyncplay/wasm/view"
)

const usage = `asyncplay runs Python programs on asyncplay's simulated kernel.

Usage:
  asyncplay run [flags] FILE.py     run a program ("-" reads it from stdin)
  asyncplay help                    show this help

The program prints what python3 would print: stdout to stdout, stderr to
stderr, exit status 0 on success, 1 on an uncaught exception, SystemExit's
code. Time is virtual: sleeping a thousand seconds takes no time.

Flags:
  --seed N             seed of the kernel's random generator (default 0, as the
                       page and the lesson doctest use)
  --until DURATION     stop at this virtual time, e.g. 30s or 1.5m
  --cpu MODE           virtual CPU per interpreted operation: ideal (free),
                       default (100ns), or a duration such as 250ns
  --max-steps N        stop after N steps (operations and task switches)
  --signal SIG@TIME    deliver a signal at a virtual time, e.g. SIGINT@10s;
                       may be repeated
  --world FILE         the world outside the program: hosts, scripted clients,
                       sources, sinks, HTTP services, terminals and signals
                       (the format is in the world package's documentation,
                       docs/world.md)
  --declare LINE       one more line of the world, e.g.
                       'client nc at 1s connect localhost:25000; send "hi\n"; read line'
                       (a client's steps follow it after semicolons); may be repeated
  --trace FILE         write the trace as JSON lines
  --chrome-trace FILE  write the trace in Chrome's format (open in Perfetto)
  --ps                 print the monitor's ps (to stderr) where the run ended
  --measures           print the run's measures (to stderr), the numbers a
                       lesson's exercise checks: queue depth and waits,
                       throughput, late timers, unsent bytes, live tasks
  --check CHECK        judge the run, as an exercise does, e.g.
                       'peak_queue <= 20 and p99_wait < 50ms'; exit 3 if it fails
`

// command is asyncplay, with its streams and exit status explicit for tests.
func command(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(stdout, usage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if args[0] != "run" {
		fmt.Fprintf(stderr, "asyncplay: unknown command %q (try: asyncplay help)\n", args[0])
		return 2
	}
	fs := flag.NewFlagSet("asyncplay run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	seed := fs.Uint64("seed", 0, "")
	until := fs.String("until", "", "")
	cpu := fs.String("cpu", "default", "")
	maxSteps := fs.Int64("max-steps", 0, "")
	tracePath := fs.String("trace", "", "")
	chromePath := fs.String("chrome-trace", "", "")
	showPS := fs.Bool("ps", false, "")
	showMeasures := fs.Bool("measures", false, "")
	checkText := fs.String("check", "", "")
	var signals signalFlags
	fs.Var(&signals, "signal", "")
	worldPath := fs.String("world", "", "")
	var declared lineFlags
	fs.Var(&declared, "declare", "")
	if err := fs.Parse(reorder(args[1:])); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "asyncplay run: one program file is needed (or - for stdin)")
		return 2
	}
	cfg := run.Config{Seed: *seed, Stdout: stdout, Stderr: stderr, Modules: run.StandardModules}
	var err error
	if cfg.OpCost, err = parseCPU(*cpu); err != nil {
		fmt.Fprintln(stderr, "asyncplay run: --cpu:", err)
		return 2
	}
	if *until != "" {
		if cfg.Until, err = parseDuration(*until); err != nil || cfg.Until <= 0 {
			fmt.Fprintf(stderr, "asyncplay run: --until: %q is not a positive duration such as 30s\n", *until)
			return 2
		}
	}
	cfg.Limits.Steps = *maxSteps
	var check *view.Check
	if *checkText != "" {
		if check, err = view.ParseCheck(*checkText); err != nil {
			fmt.Fprintln(stderr, "asyncplay run: --check:", err)
			return 2
		}
	}
	src, file, err := readProgram(fs.Arg(0), stdin)
	if err != nil {
		fmt.Fprintln(stderr, "asyncplay run:", err)
		return 2
	}
	cfg.File = file
	var spec *world.Spec
	if *worldPath != "" || len(declared) > 0 {
		var text []byte
		name := "<--declare>"
		if *worldPath != "" {
			if text, err = os.ReadFile(*worldPath); err != nil {
				fmt.Fprintln(stderr, "asyncplay run: --world:", err)
				return 2
			}
			name = *worldPath
		}
		for _, l := range declared {
			if len(text) > 0 {
				text = append(text, '\n')
			}
			text = append(text, l...)
		}
		if spec, err = world.Parse(name, string(text)); err != nil {
			fmt.Fprint(stderr, err) // python3's syntax error layout, which names the file
			return 2
		}
	}
	cfg.Setup = func(k *sim.Kernel) {
		for _, s := range signals {
			k.Inject(s.at, s.sig)
		}
	}
	if spec != nil {
		cfg.Prepare = spec.Install
	}
	res := run.Program(src, cfg)
	if *showPS {
		fmt.Fprint(stderr, res.Kernel.Trace().PS(res.Kernel.Now()))
	}
	if *showMeasures || check != nil {
		m := view.Build(res.Kernel.Trace()).Measure()
		if *showMeasures {
			fmt.Fprint(stderr, m.Table())
		}
		if check != nil {
			v := check.Apply(m)
			for _, p := range v.Parts {
				fmt.Fprintln(stderr, p)
			}
			if !v.OK && res.ExitCode == 0 {
				defer func() { fmt.Fprintln(stderr, "asyncplay run: the check fails") }()
				return 3
			}
		}
	}
	for _, w := range []struct {
		path  string
		write func(io.Writer) error
	}{{*tracePath, res.Kernel.Trace().WriteJSONL}, {*chromePath, res.Kernel.Trace().WriteChrome}} {
		if w.path == "" {
			continue
		}
		if err := writeFile(w.path, w.write); err != nil {
			fmt.Fprintln(stderr, "asyncplay run:", err)
			return 2
		}
	}
	return res.ExitCode
}

// reorder lets flags follow the file name (asyncplay run prog.py --ps),
// as people type them.
func reorder(args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-" || !strings.HasPrefix(a, "-"):
			rest = append(rest, a)
		case strings.Contains(a, "=") || a == "--ps" || a == "-ps" || a == "--measures" || a == "-measures":
			flags = append(flags, a)
		default:
			flags = append(flags, a)
			if i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		}
	}
	return append(flags, rest...)
}

func readProgram(path string, stdin io.Reader) (src, file string, err error) {
	if path == "-" {
		b, err := io.ReadAll(stdin)
		return string(b), "<stdin>", err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", "", errors.Unwrap(err)
	}
	return string(b), path, nil
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// parseCPU reads --cpu: ideal, default or a duration per operation.
func parseCPU(s string) (sim.Time, error) {
	switch s {
	case "ideal":
		return 0, nil
	case "default":
		return run.DefaultOpCost, nil
	}
	d, err := parseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("%q is not ideal, default or a duration such as 250ns", s)
	}
	return d, nil
}

// parseDuration reads a Go duration ("30s", "1.5m", "250ns") as virtual time.
func parseDuration(s string) (sim.Time, error) {
	d, err := time.ParseDuration(s)
	return sim.Time(d), err
}

// lineFlags collects the lines of a repeated flag.
type lineFlags []string

func (l *lineFlags) String() string     { return strings.Join(*l, "\n") }
func (l *lineFlags) Set(v string) error { *l = append(*l, v); return nil }

// signalFlags collects --signal SIG@TIME.
type signalFlags []struct {
	sig sim.Signal
	at  sim.Time
}

func (s *signalFlags) String() string { return "" }

func (s *signalFlags) Set(v string) error {
	name, at, ok := strings.Cut(v, "@")
	if !ok {
		return fmt.Errorf("%q: want SIGNAME@TIME, e.g. SIGINT@10s", v)
	}
	sig, ok := sim.ParseSignal(strings.ToUpper(name))
	if !ok {
		return fmt.Errorf("%q: unknown signal", name)
	}
	d, err := parseDuration(at)
	if err != nil || d < 0 {
		return fmt.Errorf("%q: not a time such as 10s", at)
	}
	*s = append(*s, struct {
		sig sim.Signal
		at  sim.Time
	}{sig, d})
	return nil
}
