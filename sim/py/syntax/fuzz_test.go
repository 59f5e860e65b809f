package syntax

import (
	"strings"
	"testing"
)

// FuzzParse feeds the parser arbitrary source, seeded with every snippet of
// the oracle corpora. Parse must never panic or fail internally; an
// accepted program must dump, and parsing must be deterministic.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"parse", "errors"} {
		for _, c := range loadCases(f, dir) {
			f.Add(c.src)
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		mod, err := Parse("<main>", src)
		if err != nil {
			e, ok := err.(*SyntaxError)
			if !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if strings.HasPrefix(e.Msg, "internal parser error") {
				t.Fatalf("%s", e.Msg)
			}
			// CPython leaves one compiler error without a location (line
			// -1): a break, continue or return leaving an except* block
			// through a with block or a try/finally.
			if e.Line < 1 && !(e.Line == -1 && strings.Contains(e.Msg, "except* block")) {
				t.Fatalf("error without a line: %#v", e)
			}
			_ = e.Error()
			_, err2 := Parse("<main>", src)
			if err2 == nil || err2.Error() != err.Error() {
				t.Fatalf("second parse disagrees: %v then %v", err, err2)
			}
			return
		}
		d := Dump(mod)
		_ = dumpWithPositions(mod)
		mod2, err := Parse("<main>", src)
		if err != nil {
			t.Fatalf("second parse failed: %v", err)
		}
		if d2 := Dump(mod2); d2 != d {
			t.Fatalf("second parse dumps differently:\n%s\n%s", d, d2)
		}
	})
}
