package run

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestCorpus runs every program of testdata/lang and requires exactly
// the stdout, stderr and exit status CPython 3.11 recorded for it. The
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
	passed := 0
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".py")
		t.Run(name, func(t *testing.T) {
			src, _ := os.ReadFile(path)
			want := func(ext string) string {
				b, _ := os.ReadFile(filepath.Join(dir, name+ext))
				return string(b)
			}
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
