// Package run runs a Python program on the kernel: it parses and compiles
// the source, runs the module as the kernel's main task, writes output
// into the trace, and reports errors the way python3 does (a traceback
// on stderr and exit status 1, SystemExit's code, syntax errors before
// anything runs).
package run

import (
	"errors"
	"io"
	"strings"

	"asyncplay/sim"
	"asyncplay/sim/py/modules"
	"asyncplay/sim/py/runtime"
	"asyncplay/sim/py/syntax"
)

// DefaultOpCost is the virtual CPU of one interpreted operation that the
// command line, the page and the lesson doctest all use: about what
// CPython spends on a simple statement. One value, so a lesson prints the
// same times everywhere.
const DefaultOpCost = 100 * sim.Nanosecond

// Config says how to run a program.
type Config struct {
	File   string   // the name tracebacks show; "<main>" by default
	Seed   uint64   // the kernel's random seed
	OpCost sim.Time // virtual CPU per interpreted operation (0: free)
	Limits sim.Limits
	Stdout io.Writer
	Stderr io.Writer
	// MaxMemory bounds the program's objects in bytes (default 512 MB):
	// past it the program gets MemoryError, as it would on a small machine.
	MaxMemory int64
	// Until stops the run at this virtual time, as a normal end (0: run
	// to completion, within Limits.Time).
	Until sim.Time
	// Setup, if set, prepares the kernel before the run (injecting
	// signals, declaring the world).
	Setup func(k *sim.Kernel)
	// Prepare, if set, runs after Setup and may refuse the run (a world
	// declaration with a mistake): its error is written to stderr, the
	// program does not run, and the exit status is 2.
	Prepare func(k *sim.Kernel) error
	// Modules makes the importer of a program (see StandardModules);
	// nil: no module can be imported.
	Modules func(in *runtime.Interp) func(name string) (runtime.Value, bool)
}

// Result is how a run ended.
type Result struct {
	Kernel   *sim.Kernel
	ExitCode int
	Err      error // the kernel's verdict for runs that did not end normally (limit, deadlock)
	Stopped  bool  // the run reached Config.Until
	// SyntaxErr is the compile error of a program that did not compile
	// (a *syntax.SyntaxError carries its line and column).
	SyntaxErr error
}

// Program runs src to its end.
func Program(src string, cfg Config) *Result {
	s := Start(src, cfg)
	for !s.Step(1 << 62) {
	}
	return s.Result()
}

// Session is a program started on the kernel and run in slices, so a
// host with an event loop (the page) stays responsive during a long run.
// Slicing does not change the run: its trace is the one [Program] makes.
type Session struct {
	cfg  Config
	res  *Result
	in   *runtime.Interp // nil once closed
	done bool
}

// Start prepares src to run; nothing runs until [Session.Step]. A program
// that does not compile ends at once with python3's report on stderr.
func Start(src string, cfg Config) *Session {
	if cfg.File == "" {
		cfg.File = "<main>"
	}
	limits := cfg.Limits
	if cfg.Until > 0 {
		limits.Time = cfg.Until
	}
	k := sim.New(sim.WithSeed(cfg.Seed), sim.WithLimits(limits), sim.WithOutput(cfg.Stdout, cfg.Stderr))
	res := &Result{Kernel: k}
	s := &Session{cfg: cfg, res: res}
	mod, err := syntax.Parse(cfg.File, src)
	var code *runtime.Code
	if err == nil {
		code, err = runtime.Compile(cfg.File, mod)
	}
	if err != nil {
		// Like python3, a program that does not compile does not run.
		k.Run("<module>", func(t *sim.Task) (any, error) {
			t.Write(sim.Stderr, syntaxErrorText(err))
			return nil, nil
		})
		res.ExitCode = 1
		res.SyntaxErr = err
		s.done = true
		return s
	}
	in := runtime.NewInterp()
	s.in = in
	in.MaxMemory = cfg.MaxMemory
	if in.MaxMemory == 0 {
		in.MaxMemory = 512 << 20
	}
	in.AddSource(cfg.File, src)
	in.Builtins = runtime.BuiltinNamespace()
	in.Builtins.Set("print", printBuiltin())
	write := func(stream int) func(th *runtime.Thread, text string) {
		return func(th *runtime.Thread, text string) {
			th.Flush()
			th.OnTask(func() error {
				th.Task.Write(stream, text)
				return nil
			})
		}
	}
	in.Stdout, in.Stderr = write(sim.Stdout), write(sim.Stderr)
	in.ConvertKernelErr = modules.ConvertKernelErr
	if cfg.Modules != nil {
		imp := cfg.Modules(in)
		in.Import = func(th *runtime.Thread, name string) (runtime.Value, error) {
			if m, ok := imp(name); ok {
				return m, nil
			}
			return nil, runtime.NewError(runtime.ModuleNotFoundErrorClass, "No module named '"+name+"'")
		}
	}
	if cfg.Setup != nil {
		cfg.Setup(k)
	}
	if cfg.Prepare != nil {
		if err := cfg.Prepare(k); err != nil {
			k.Run("<world>", func(t *sim.Task) (any, error) {
				t.Write(sim.Stderr, strings.TrimSuffix(err.Error(), "\n")+"\n")
				return nil, nil
			})
			res.ExitCode, res.Err = 2, err
			s.done = true
			s.in = nil
			return s
		}
	}
	k.Start("<module>", func(t *sim.Task) (any, error) {
		th := runtime.NewThread(in, t)
		th.OpCost = cfg.OpCost
		globals := runtime.NewNamespace()
		globals.Set("__name__", runtime.Str("__main__"))
		err := th.RunModule(code, globals)
		th.Flush()
		if err != nil {
			res.ExitCode = reportUncaught(th, in, err)
		}
		return nil, nil
	})
	return s
}

// Step runs the program for at most budget kernel steps (see
// [sim.Kernel.Step]) and reports whether it has ended.
func (s *Session) Step(budget int64) bool {
	if s.done {
		return true
	}
	if !s.res.Kernel.Step(budget) {
		return false
	}
	s.done = true
	s.in.Close()
	s.in = nil
	_, err := s.res.Kernel.Result()
	if le, ok := err.(*sim.LimitError); ok && le.Limit == "time" && s.cfg.Until > 0 {
		s.res.Stopped = true // the run was asked to stop here
		return true
	}
	if err != nil {
		// A limit, a deadlock or a fatal signal: the kernel's verdict names
		// what happened and where every task stood.
		s.res.Err = err
		if s.cfg.Stderr != nil {
			io.WriteString(s.cfg.Stderr, "asyncplay: "+err.Error()+"\n")
		}
		if s.res.ExitCode == 0 {
			s.res.ExitCode = 1
		}
	}
	return true
}

// Stop ends a run being made, between two calls of Step, as a limit
// would: the next Step unwinds the program and reports the run ended, with
// "asyncplay: <reason>" on stderr. The trace up to here is the run.
func (s *Session) Stop(reason string) {
	s.res.Kernel.Interrupt(errors.New(reason))
}

// Kernel is the kernel the program runs on: its clock and trace can be
// read between slices.
func (s *Session) Kernel() *sim.Kernel { return s.res.Kernel }

// Result is how the run ended; valid once Step has reported the end.
func (s *Session) Result() *Result { return s.res }

// reportUncaught prints an exception that ended the program and returns
// the exit status: SystemExit's code, or 1.
func reportUncaught(th *runtime.Thread, in *runtime.Interp, err error) int {
	e, ok := err.(*runtime.Instance)
	if !ok {
		in.Stderr(th, err.Error()+"\n")
		return 1
	}
	if e.Class.IsSubclass(runtime.SystemExitClass) {
		var code runtime.Value = runtime.None
		if len(e.Exc.Args) > 0 {
			code = e.Exc.Args[0]
		}
		switch c := code.(type) {
		case runtime.Int:
			return int(c)
		case runtime.Bool:
			if c {
				return 1
			}
			return 0
		case interface{}:
			if code == runtime.None {
				return 0
			}
			s, _ := runtime.StrOf(th, code)
			in.Stderr(th, s+"\n")
			return 1
		}
	}
	in.Stderr(th, in.FormatException(th, e))
	return 1
}

// syntaxErrorText renders a compile error as python3 prints it.
func syntaxErrorText(err error) string {
	if se, ok := err.(*syntax.SyntaxError); ok {
		return se.Error() + "\n"
	}
	return err.Error() + "\n"
}

// printBuiltin is print(*args, sep=' ', end='\n', file=None, flush=False).
func printBuiltin() *runtime.Builtin {
	return &runtime.Builtin{Name: "print", Fn: func(th *runtime.Thread, args []runtime.Value, kw *runtime.Kwargs) (runtime.Value, error) {
		sep, end := " ", "\n"
		toErr := false
		for i := range kw.Len() {
			v := kw.Values[i]
			switch kw.Names[i] {
			case "sep", "end":
				var s string
				switch v := v.(type) {
				case runtime.Str:
					s = string(v)
				default:
					if v != runtime.None {
						return nil, runtime.NewError(runtime.TypeErrorClass, kw.Names[i]+" must be None or a string, not "+runtime.TypeName(v))
					}
					s = map[string]string{"sep": " ", "end": "\n"}[kw.Names[i]]
				}
				if kw.Names[i] == "sep" {
					sep = s
				} else {
					end = s
				}
			case "file":
				toErr = runtime.IsStderr(v)
			case "flush":
			default:
				return nil, runtime.NewError(runtime.TypeErrorClass, "'"+kw.Names[i]+"' is an invalid keyword argument for print()")
			}
		}
		parts := make([]string, len(args))
		for i, a := range args {
			s, err := runtime.StrOf(th, a)
			if err != nil {
				return nil, err
			}
			parts[i] = s
		}
		text := strings.Join(parts, sep) + end
		if toErr {
			th.Interp.Stderr(th, text)
		} else {
			th.Interp.Stdout(th, text)
		}
		return runtime.None, nil
	}}
}
