package syntax

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// The machine's python3 is the oracle: every snippet in testdata/parse
// must dump exactly as CPython's ast.dump prints it, and every snippet in
// testdata/errors must fail with CPython's message and location. The
// snippets also seed FuzzParse.

// caseSeparator splits a testdata file into independent snippets.
const caseSeparator = "\n# ----\n"

type testCase struct {
	name string // file:index
	src  string
}

func loadCases(t testing.TB, dir string) []testCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.py"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	var cases []testCase
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, src := range strings.Split(string(b), caseSeparator) {
			cases = append(cases, testCase{name: filepath.Base(f) + ":" + itoa(i+1), src: src})
		}
	}
	return cases
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// oracleScript reads a JSON list of sources and prints, for each, either
// the dumps of ast.parse or the attributes of the SyntaxError that
// compile() raises, with CPython's own rendering of it.
const oracleScript = `
import ast, sys, json, io, contextlib
out = []
for src in json.load(sys.stdin):
    r = {}
    try:
        compile(src, '<main>', 'exec')
        t = ast.parse(src)
        r['dump'] = ast.dump(t)
        r['attrs'] = ast.dump(t, include_attributes=True)
    except SyntaxError as e:
        r['error'] = {'type': type(e).__name__, 'msg': e.msg, 'lineno': e.lineno,
                      'offset': e.offset, 'end_lineno': e.end_lineno, 'end_offset': e.end_offset,
                      'has_text': e.text is not None}
        buf = io.StringIO()
        with contextlib.redirect_stderr(buf):
            e.__traceback__ = None
            sys.__excepthook__(type(e), e, None)
        r['rendered'] = buf.getvalue()
    except Exception as e:
        r['other'] = type(e).__name__ + ': ' + str(e)
    out.append(r)
json.dump(out, sys.stdout)
`

type oracleError struct {
	Type      string `json:"type"`
	Msg       string `json:"msg"`
	Lineno    int    `json:"lineno"`
	Offset    int    `json:"offset"`
	EndLineno int    `json:"end_lineno"`
	EndOffset int    `json:"end_offset"`
	HasText   bool   `json:"has_text"`
}

type oracleResult struct {
	Dump     string       `json:"dump"`
	Attrs    string       `json:"attrs"`
	Error    *oracleError `json:"error"`
	Rendered string       `json:"rendered"`
	Other    string       `json:"other"`
}

var (
	pythonOnce sync.Once
	pythonPath string
)

// askPython runs the oracle over all sources in one python3 process, or
// skips the test when python3 is missing.
func askPython(t *testing.T, cases []testCase) []oracleResult {
	t.Helper()
	pythonOnce.Do(func() { pythonPath, _ = exec.LookPath("python3") })
	if pythonPath == "" {
		t.Skip("python3 not found; the CPython oracle tests need it")
	}
	srcs := make([]string, len(cases))
	for i, c := range cases {
		srcs[i] = c.src
	}
	in, err := json.Marshal(srcs)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(pythonPath, "-c", oracleScript)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.String())
	}
	var res []oracleResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	if len(res) != len(cases) {
		t.Fatalf("python3 answered %d results for %d sources", len(res), len(cases))
	}
	return res
}

func TestParseMatchesCPython(t *testing.T) {
	cases := loadCases(t, "parse")
	res := askPython(t, cases)
	dumps, positions := 0, 0
	for i, c := range cases {
		r := res[i]
		if r.Error != nil || r.Other != "" {
			t.Errorf("%s: CPython rejects this parse case: %+v %s", c.name, r.Error, r.Other)
			continue
		}
		mod, err := Parse("<main>", c.src)
		if err != nil {
			t.Errorf("%s: %v\nsource:\n%s", c.name, err, c.src)
			continue
		}
		if got := Dump(mod); got != r.Dump {
			t.Errorf("%s: dump differs\nsource:\n%s\ngot:  %s\nwant: %s", c.name, c.src, got, r.Dump)
			continue
		}
		dumps++
		if got := dumpWithPositions(mod); got != r.Attrs {
			t.Errorf("%s: positions differ\nsource:\n%s\ngot:  %s\nwant: %s", c.name, c.src, got, r.Attrs)
			continue
		}
		positions++
	}
	t.Logf("%d snippets match ast.dump, %d also match every node position", dumps, positions)
}

func TestErrorsMatchCPython(t *testing.T) {
	cases := loadCases(t, "errors")
	res := askPython(t, cases)
	matched, ranges, rendered := 0, 0, 0
	for i, c := range cases {
		r := res[i]
		if r.Error == nil {
			t.Errorf("%s: CPython accepts this error case (%s)\n%s", c.name, r.Other, c.src)
			continue
		}
		_, err := Parse("<main>", c.src)
		if err == nil {
			t.Errorf("%s: no error, want %s: %s at %d:%d\nsource:\n%s", c.name, r.Error.Type, r.Error.Msg, r.Error.Lineno, r.Error.Offset, c.src)
			continue
		}
		e, ok := err.(*SyntaxError)
		if !ok {
			t.Errorf("%s: error is %T, want *SyntaxError", c.name, err)
			continue
		}
		want := r.Error
		if e.Kind.String() != want.Type || e.Msg != want.Msg || e.Line != want.Lineno || e.Col != want.Offset {
			t.Errorf("%s:\nsource:\n%s\ngot:  %s: %s at %d:%d\nwant: %s: %s at %d:%d", c.name, c.src,
				e.Kind, e.Msg, e.Line, e.Col, want.Type, want.Msg, want.Lineno, want.Offset)
			continue
		}
		matched++
		if e.EndLine == want.EndLineno && e.EndCol == want.EndOffset {
			ranges++
		} else {
			t.Errorf("%s: caret range ends at %d:%d, CPython's at %d:%d\nsource:\n%s", c.name, e.EndLine, e.EndCol, want.EndLineno, want.EndOffset, c.src)
		}
		switch {
		case !want.HasText:
			// CPython's compiler reads the line from the file, which
			// compile() from a string does not have; we show it anyway.
			rendered++
		case e.Error()+"\n" == r.Rendered:
			rendered++
		default:
			t.Errorf("%s: rendering differs\ngot:\n%s\nwant:\n%s", c.name, e.Error(), r.Rendered)
		}
	}
	t.Logf("%d of %d errors match CPython's type, message, line and column; %d also the caret range; %d render identically",
		matched, len(cases), ranges, rendered)
}
