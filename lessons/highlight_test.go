package lessons

import (
	"strings"
	"testing"
)

func TestHighlight(t *testing.T) {
	for _, c := range []struct{ lang, code, want string }{
		{"", "a < b", "a &lt; b"},
		{"no-such-language", "a < b", "a &lt; b"},
		{"python", "x = 1", `<span class="n">x</span> <span class="o">=</span> <span class="mi">1</span>`},
	} {
		if got := highlight(c.lang, c.code); got != c.want {
			t.Errorf("highlight(%q, %q) = %q; want %q", c.lang, c.code, got, c.want)
		}
	}
	css := HighlightCSS()
	for _, want := range []string{".chroma .k {", "@media (prefers-color-scheme: dark) {"} {
		if !strings.Contains(css, want) {
			t.Errorf("HighlightCSS lacks %q", want)
		}
	}
}
