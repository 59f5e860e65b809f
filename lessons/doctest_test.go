package lessons_test

import (
	"fmt"
	"strings"
	"testing"

	"asyncplay/lessons"
	"asyncplay/sim/py/run"
	"asyncplay/sim/world"
)

// TestLessonPrograms runs every program of every lesson on the kernel,
// with the page's CPU cost (run.DefaultOpCost), so lessons print what a
// learner will see:
// it must end cleanly, write nothing to stderr, and print exactly its
// output block when it has one.
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
				var stdout, stderr strings.Builder
				cfg := run.Config{
					File: l.Slug + ".md", Stdout: &stdout, Stderr: &stderr,
					OpCost: run.DefaultOpCost, Modules: run.StandardModules,
				}
				if p.World != "" {
					spec, err := world.Parse(l.Slug+".md", p.World)
					if err != nil {
						t.Fatal(err)
					}
					cfg.Prepare = spec.Install
				}
				res := run.Program(p.Source, cfg)
				where := fmt.Sprintf("%s.md:%d", l.Slug, p.Line)
				if res.ExitCode != 0 || res.Err != nil || stderr.Len() > 0 {
					t.Fatalf("%s: exit %d, %v\n%s", where, res.ExitCode, res.Err, stderr.String())
				}
				if p.HasOutput && stdout.String() != p.Output {
					t.Errorf("%s: printed\n%s\nwant (the output block)\n%s", where, stdout.String(), p.Output)
				}
			})
		}
	}
}
