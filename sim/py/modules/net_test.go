package modules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"asyncplay/sim"
	"asyncplay/sim/world"
)

// runWithWorld runs a program in the world declared beside it (NAME.world,
// if there is one) and returns its output as one transcript: stdout, then
// stderr and the exit status when there are any.
func runWithWorld(t *testing.T, path string) (string, *sim.Kernel) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var spec *world.Spec
	if text, err := os.ReadFile(strings.TrimSuffix(path, ".py") + ".world"); err == nil {
		if spec, err = world.Parse(filepath.Base(path), string(text)); err != nil {
			t.Fatal(err)
		}
	}
	out, errs, code, res := runCurio(t, string(src), func(k *sim.Kernel) {
		if spec != nil {
			if err := spec.Install(k); err != nil {
				t.Fatal(err)
			}
		}
	})
	if errs != "" {
		out += "--- stderr\n" + errs
	}
	if code != 0 {
		out += fmt.Sprintf("--- exit %d\n", code)
	}
	return out, res.Kernel
}

// TestNetPrograms runs each program of testdata/net in its world and
// compares the transcript with NAME.out (UPDATE_GOLDEN=1 rewrites them
// after a reviewed change): the tutorial's servers driven by scripted
// clients and terminals, signals included, and the errors of a network.
func TestNetPrograms(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "net", "*.py"))
	if len(files) == 0 {
		t.Fatal("no programs in testdata/net")
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".py")
		t.Run(name, func(t *testing.T) {
			got, _ := runWithWorld(t, path)
			golden := strings.TrimSuffix(path, ".py") + ".out"
			if os.Getenv("UPDATE_GOLDEN") != "" {
				os.WriteFile(golden, []byte(got), 0o644)
				return
			}
			want, _ := os.ReadFile(golden)
			if got != string(want) {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
