package run

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestCorpus runs every program of testdata/lang and requires exactly
// the stdout, stderr and exit status python3 gives it: python3 runs each
// program in the test when the machine has it (and the recordings beside
// the programs must still match it); otherwise, as under WebAssembly,
// the recordings stand in. The
// programs listed in testdata/known_failures.txt are still run; one that
// starts passing fails the test until it is taken off the list, so the
// list only shrinks.
func TestCorpus(t *testing.T) {
	dir := filepath.Join("..", "testdata", "lang")
	files, _ := filepath.Glob(filepath.Join(dir, "*.py"))
	if len(files) == 0 {
		t.Fatal("no corpus programs found")
	}
	known := readKnownFailures(t)
	python, _ := exec.LookPath("python3")
	passed := 0
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".py")
		t.Run(name, func(t *testing.T) {
			src, _ := os.ReadFile(path)
			recorded := map[string]string{}
			for _, ext := range []string{".out", ".err", ".code"} {
				b, _ := os.ReadFile(filepath.Join(dir, name+ext))
				recorded[ext] = string(b)
			}
			if python != "" {
				// The oracle itself, now: python3 runs the program in the test.
				live := runCPython(t, python, dir, name)
				for ext, v := range live {
					if v != recorded[ext] {
						t.Errorf("%s%s recorded in testdata differs from what python3 prints now:\n%s\n--- python3:\n%s", name, ext, recorded[ext], v)
					}
				}
				recorded = live
			}
			want := func(ext string) string { return recorded[ext] }
			wantCode := 0
			if c := strings.TrimSpace(want(".code")); c != "" {
				wantCode, _ = strconv.Atoi(c)
			}
			var stdout, stderr strings.Builder
			res := Program(string(src), Config{File: name + ".py", Stdout: &stdout, Stderr: &stderr, Modules: StandardModules})
			ok := stdout.String() == want(".out") && stderr.String() == want(".err") && res.ExitCode == wantCode
			switch {
			case ok && known[name]:
				t.Errorf("%s passes now: take it off testdata/known_failures.txt", name)
			case ok:
				passed++
			case !known[name]:
				t.Errorf("%s differs from CPython\n--- stdout:\n%s\n--- want:\n%s\n--- stderr:\n%s\n--- want:\n%s\n--- exit %d, want %d",
					name, stdout.String(), want(".out"), stderr.String(), want(".err"), res.ExitCode, wantCode)
			}
		})
	}
	t.Logf("%d of %d corpus programs match CPython; %d known failures", passed, len(files), len(known))
}

// runCPython runs a corpus program with python3 as the recordings were
// made: from its folder, under its own name, with the folder stripped from
// the absolute path CPython puts in tracebacks.
func runCPython(t *testing.T, python, dir, name string) map[string]string {
	abs, _ := filepath.Abs(dir)
	cmd := exec.Command(python, name+".py")
	cmd.Dir = abs
	cmd.Env = append(os.Environ(), "PYTHONHASHSEED=0", "PYTHONIOENCODING=utf-8")
	var out, errs strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errs
	code := 0
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("python3: %v", err)
		}
		code = ee.ExitCode()
	}
	res := map[string]string{".out": out.String(), ".err": strings.ReplaceAll(errs.String(), abs+"/", "")}
	if code != 0 {
		res[".code"] = strconv.Itoa(code) + "\n"
	} else {
		res[".code"] = ""
	}
	return res
}

func readKnownFailures(t *testing.T) map[string]bool {
	known := map[string]bool{}
	f, err := os.Open(filepath.Join("testdata", "known_failures.txt"))
	if err != nil {
		return known
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			known[strings.Fields(line)[0]] = true
		}
	}
	return known
}
