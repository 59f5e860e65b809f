package runtime

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestQuoteStrMatchesCPython compares repr() of strings: quote choice,
// escapes, and which characters print as themselves.
func TestQuoteStrMatchesCPython(t *testing.T) {
	strs := []string{"", "a", "it's", `say "hi"`, `both ' and "`, "tab\there", "new\nline", "\r\x00\x1f\x7f",
		"back\\slash", "héllo", "日本語", "\u00a0nbsp", "\u200bzero width", "\u2028sep", "emoji 🎉", "\U000e0001tag",
		"\u0080\u009f", "ÿ", "\ufeff", "\U0001f600", "a\u0301"}
	in, _ := json.Marshal(strs)
	out := python(t, `
import json, sys
print(json.dumps([repr(s) for s in json.load(sys.stdin)]))
`, string(in))
	var want []string
	if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &want); err != nil {
		t.Fatal(err)
	}
	for i, s := range strs {
		if got := QuoteStr(s); got != want[i] {
			t.Errorf("QuoteStr(%q) = %s, CPython %s", s, got, want[i])
		}
	}
}
