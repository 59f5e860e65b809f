package lessons_test

import (
	"fmt"
	"strings"
	"testing"

	"asyncplay/lessons"
	"asyncplay/sim"
	"asyncplay/sim/py/run"
)

// opCost is the virtual CPU per interpreted operation, the same default
// as the command line's --cpu: lessons print what a learner will see.
const opCost = 100 * sim.Nanosecond

// TestLessonPrograms runs every program of every lesson on the kernel:
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
				res := run.Program(p.Source, run.Config{
					File: l.Slug + ".md", Stdout: &stdout, Stderr: &stderr,
					OpCost: opCost, Modules: run.StandardModules,
				})
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
