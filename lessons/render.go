package lessons

import (
	"fmt"
	"html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
	"go.abhg.dev/goldmark/frontmatter"
)

// markdown is the one configuration every lesson is rendered with:
// GitHub tables and strikethrough, ids on headings for links into a
// lesson, and raw HTML escaped (a lesson is prose and programs, nothing
// that could run in the page).
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.GFM, &frontmatter.Extender{}),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	goldmark.WithRendererOptions(
		renderer.WithNodeRenderers(util.Prioritized(codeBlocks{}, 100)),
	),
)

// codeBlocks renders fenced blocks: a program becomes the markup the
// page script turns into a widget, an output block a collapsed
// "Expected output", anything else a plain listing.
type codeBlocks struct{}

func (codeBlocks) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, renderFenced)
}

func renderFenced(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	b := n.(*ast.FencedCodeBlock)
	text := blockText(b, src)
	switch blockRole(b, src) {
	case roleProgram:
		fmt.Fprintf(w, "<figure class=\"program\" data-line=\"%d\"><pre class=\"chroma\"><code class=\"language-python\">%s</code></pre></figure>\n", lineOf(b, src), highlight("python", text))
	case roleOutput:
		fmt.Fprintf(w, "<details class=\"expected-output\"><summary>Expected output</summary><pre><code>%s</code></pre></details>\n", html.EscapeString(text))
	case roleError:
		fmt.Fprintf(w, "<details class=\"expected-output expected-error\"><summary>Expected error</summary><pre><code>%s</code></pre></details>\n", html.EscapeString(text))
	case roleExercise:
		ex, err := parseExercise("", 0, text)
		if err != nil {
			return ast.WalkStop, err
		}
		// The page script evaluates the check on each run of the program
		// before it and shows the verdict here.
		// The task is Markdown like the prose around it (`code`, *emphasis*).
		var task strings.Builder
		if err := markdown.Convert([]byte(ex.Task), &task); err != nil {
			return ast.WalkStop, err
		}
		fmt.Fprintf(w, "<aside class=\"exercise\" data-check=\"%s\"><p class=\"caption\">Exercise</p>%s<p class=\"check\"><code>%s</code></p></aside>\n",
			html.EscapeString(ex.Check), task.String(), html.EscapeString(ex.Check))
	case roleCompare:
		knob, values, _ := strings.Cut(strings.TrimSpace(text), "=")
		var vs []string
		for _, v := range strings.Split(values, ",") {
			vs = append(vs, strings.TrimSpace(v))
		}
		// The page script runs the program once per value and fills the table.
		fmt.Fprintf(w, "<aside class=\"compare\" data-knob=\"%s\" data-values=\"%s\"><p class=\"caption\">Compare: %s = %s</p></aside>\n",
			html.EscapeString(strings.TrimSpace(knob)), html.EscapeString(strings.Join(vs, "\x1f")),
			html.EscapeString(strings.TrimSpace(knob)), html.EscapeString(strings.Join(vs, ", ")))
	case roleSolution:
		fmt.Fprintf(w, "<details class=\"solution\"><summary>A solution</summary><pre class=\"chroma\"><code class=\"language-python\">%s</code></pre></details>\n", highlight("python", text))
	case roleWorld:
		// The page script gives it to the program before it.
		fmt.Fprintf(w, "<aside class=\"world\"><p class=\"caption\">The world outside the program</p><pre><code>%s</code></pre></aside>\n", html.EscapeString(text))
	default:
		lang, class := "", ""
		if l := b.Language(src); l != nil {
			lang = string(l)
			class = fmt.Sprintf(" class=\"language-%s\"", html.EscapeString(lang))
		}
		fmt.Fprintf(w, "<pre class=\"chroma\"><code%s>%s</code></pre>\n", class, highlight(lang, text))
	}
	return ast.WalkSkipChildren, nil
}
