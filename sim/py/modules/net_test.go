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

// tracedNet are the programs whose whole trace is pinned too: every byte
// written, moved and read, every buffer level and blocked side.
var tracedNet = map[string]bool{"echo_server": true, "managed_echo": true, "asyncio_echo": true, "proxy_streams": true}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (UPDATE_GOLDEN=1 creates it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs; got:\n%.3000s", path, got)
	}
}

// TestNetPrograms runs each program of testdata/net in its world and
// compares the transcript with NAME.out, and for some the trace with
// testdata/golden/net_NAME.jsonl (UPDATE_GOLDEN=1 rewrites them after a
// reviewed change): the tutorial's servers driven by scripted
// clients and terminals, signals included, and the errors of a network.
func TestNetPrograms(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "net", "*.py"))
	if len(files) == 0 {
		t.Fatal("no programs in testdata/net")
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".py")
		t.Run(name, func(t *testing.T) {
			got, k := runWithWorld(t, path)
			checkGolden(t, strings.TrimSuffix(path, ".py")+".out", got)
			if tracedNet[name] {
				var trace strings.Builder
				if err := k.Trace().WriteJSONL(&trace); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, filepath.Join("testdata", "golden", "net_"+name+".jsonl"), trace.String())
			}
		})
	}
}

// The standard socket module has the constants and errors asyncio programs
// take from it; a blocking socket says where the simulated network is.
func TestStdSocketModule(t *testing.T) {
	stdout, stderr, code, _ := runCurio(t, `import socket
print(socket.SOL_SOCKET, socket.SO_SNDBUF, socket.SHUT_WR, issubclass(socket.gaierror, OSError))
socket.socket()
`, nil)
	if stdout != "1 7 1 True\n" || code != 1 || !strings.HasSuffix(stderr, "NotImplementedError: a blocking socket.socket is not simulated: use curio.socket, or asyncio's streams\n") {
		t.Errorf("stdout %q, exit %d, stderr\n%s", stdout, code, stderr)
	}
}
