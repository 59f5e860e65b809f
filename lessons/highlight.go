package lessons

import (
	"html"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// Listings are highlighted when the site is built, with CSS classes
// (chroma's), so a page without JavaScript, or before its editor loads,
// shows coloured code; HighlightCSS is the style sheet for them, light
// and dark. The programs' editors colour themselves.

var formatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.PreventSurroundingPre(true))

// highlight returns code as HTML spans in language lang, or escaped and
// plain when the language is unknown or empty.
func highlight(lang, code string) string {
	lexer := lexers.Get(lang)
	if lang == "" || lexer == nil {
		return html.EscapeString(code)
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	var b strings.Builder
	if err == nil {
		err = formatter.Format(&b, styles.Get("github"), it)
	}
	if err != nil {
		return html.EscapeString(code)
	}
	return b.String()
}

// HighlightCSS is the style sheet of highlighted listings: GitHub's
// colours, and GitHub's dark ones when the reader's system is dark.
func HighlightCSS() string {
	var light, dark strings.Builder
	formatter.WriteCSS(&light, styles.Get("github"))
	formatter.WriteCSS(&dark, styles.Get("github-dark"))
	return "/* Highlighted listings (chroma, generated). */\n" + light.String() +
		"@media (prefers-color-scheme: dark) {\n" + dark.String() + "}\n"
}
