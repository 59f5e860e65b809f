package main

import (
	"strings"
	"testing"

	"asyncplay/sim"
)

// The run ends after two seconds of sleep plus 500ns of interpreted
// operations at 100ns each.
func TestRunReportsOutputAndEnd(t *testing.T) {
	o := Run("lesson.md", "import curio\nasync def main():\n    await curio.sleep(2)\n    print('hi')\ncurio.run(main)\n", 0)
	if o.Stdout != "hi\n" || o.Stderr != "" || o.ExitCode != 0 || o.End != 2*sim.Second+500*sim.Nanosecond || o.Events != 17 {
		t.Errorf("%+v", o)
	}
}

func TestRunReportsErrorsLikePython(t *testing.T) {
	o := Run("lesson.md", "print(1/0)\n", 0)
	want := "Traceback (most recent call last):\n  File \"lesson.md\", line 1, in <module>\n    print(1/0)\n          ~^~\nZeroDivisionError: division by zero\n"
	if o.ExitCode != 1 || o.Stderr != want {
		t.Errorf("exit %d, stderr %q; want %q", o.ExitCode, o.Stderr, want)
	}
	o = Run("lesson.md", "import curio\nasync def main():\n    await curio.Event().wait()\ncurio.run(main)\n", 0)
	if o.ExitCode != 1 || !strings.HasPrefix(o.Stderr, "asyncplay: deadlock at ") {
		t.Errorf("deadlock: exit %d, stderr %q", o.ExitCode, o.Stderr)
	}
}
