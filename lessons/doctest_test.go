package lessons_test

import (
	"fmt"
	"strings"
	"testing"

	"asyncplay/lessons"
	"asyncplay/sim/py/run"
	"asyncplay/sim/world"
	"asyncplay/wasm/view"
)

// TestLessonPrograms runs every program of every lesson on the kernel,
// with the page's CPU cost (run.DefaultOpCost), so lessons print what a
// learner will see:
// it must end cleanly, write nothing to stderr, and print exactly its
// output block when it has one. A program with an exercise must fail its
// check, and the exercise's solution must pass it.
func TestLessonPrograms(t *testing.T) {
	all, err := lessons.All()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) == 0 {
		t.Fatal("no lessons")
	}
	for _, l := range all {
		for i, p := range l.Programs {
			t.Run(fmt.Sprintf("%s/%d", l.Slug, i+1), func(t *testing.T) {
				res, stdout, stderr := runLessonProgram(t, l.Slug, p.Source, p.World)
				where := fmt.Sprintf("%s.md:%d", l.Slug, p.Line)
				switch {
				case p.HasError && stderr != p.Error:
					t.Errorf("%s: wrote to stderr\n%s\nwant (the error block)\n%s", where, stderr, p.Error)
				case !p.HasError && (res.ExitCode != 0 || res.Err != nil || stderr != ""):
					t.Fatalf("%s: exit %d, %v\n%s", where, res.ExitCode, res.Err, stderr)
				}
				if p.HasOutput && stdout != p.Output {
					t.Errorf("%s: printed\n%s\nwant (the output block)\n%s", where, stdout, p.Output)
				}
				if ex := p.Exercise; ex != nil {
					checkExercise(t, fmt.Sprintf("%s.md:%d", l.Slug, ex.Line), l.Slug, p, res)
				}
				if c := p.Compare; c != nil {
					for _, v := range c.Values { // every run the comparison makes must end cleanly
						res, _, stderr := runLessonProgram(t, l.Slug, c.Variant(p.Source, v), p.World)
						if res.ExitCode != 0 || res.Err != nil || stderr != "" {
							t.Errorf("%s.md:%d: with %s = %s: exit %d, %v\n%s", l.Slug, c.Line, c.Knob, v, res.ExitCode, res.Err, stderr)
						}
					}
				}
			})
		}
	}
}

// runLessonProgram runs src as the page does, in its world.
func runLessonProgram(t *testing.T, slug, src, w string) (*run.Result, string, string) {
	t.Helper()
	var stdout, stderr strings.Builder
	cfg := run.Config{
		File: slug + ".md", Stdout: &stdout, Stderr: &stderr,
		OpCost: run.DefaultOpCost, Modules: run.StandardModules,
	}
	if w != "" {
		spec, err := world.Parse(slug+".md", w)
		if err != nil {
			t.Fatal(err)
		}
		cfg.Prepare = spec.Install
	}
	res := run.Program(src, cfg)
	return res, stdout.String(), stderr.String()
}

// checkExercise requires the program as given to fail its exercise's
// check, and the reference solution to run cleanly and pass it: an
// exercise that cannot fail, or cannot be done, is caught here.
func checkExercise(t *testing.T, where, slug string, p lessons.Program, given *run.Result) {
	t.Helper()
	ex := p.Exercise
	chk, err := view.ParseCheck(ex.Check)
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	if v := chk.Apply(view.Build(given.Kernel.Trace()).Measure()); v.OK {
		t.Errorf("%s: the program as given already passes its check: %v", where, v.Parts)
	}
	if ex.Solution == "" {
		t.Fatalf("%s: the exercise has no ```python solution block", where)
	}
	res, _, stderr := runLessonProgram(t, slug, ex.Solution, p.World)
	if res.ExitCode != 0 || res.Err != nil || stderr != "" {
		t.Fatalf("%s: the solution: exit %d, %v\n%s", where, res.ExitCode, res.Err, stderr)
	}
	if v := chk.Apply(view.Build(res.Kernel.Trace()).Measure()); !v.OK {
		t.Errorf("%s: the solution fails its check: %v", where, v.Parts)
	}
}

// TestTalkPrograms runs every program of every talk as the lessons' are run.
func TestTalkPrograms(t *testing.T) {
	talks, err := lessons.Talks()
	if err != nil {
		t.Fatal(err)
	}
	if len(talks) == 0 {
		t.Fatal("no talks")
	}
	for _, talk := range talks {
		for i, p := range talk.Programs {
			t.Run(fmt.Sprintf("%s/%d", talk.Slug, i+1), func(t *testing.T) {
				res, stdout, stderr := runLessonProgram(t, talk.Slug, p.Source, p.World)
				if res.ExitCode != 0 || res.Err != nil || stderr != "" {
					t.Fatalf("talk %s program %d: exit %d, %v\n%s", talk.Slug, i+1, res.ExitCode, res.Err, stderr)
				}
				if p.HasOutput && stdout != p.Output {
					t.Errorf("talk %s program %d printed\n%s\nwant\n%s", talk.Slug, i+1, stdout, p.Output)
				}
			})
		}
	}
}
