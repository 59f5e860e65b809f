package lessons_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"asyncplay/lessons"
)

const sample = `---
title: Sample
order: 3
concepts: [a, b]
summary: One line.
---

# A heading

| x | y |
| - | - |
| 1 | 2 |

` + "```python run" + `
print("<hi>")
` + "```" + `

` + "```output" + `
<hi>
` + "```" + `

` + "```python" + `
just_a_listing()
` + "```" + `

<script>alert(1)</script>
`

func TestParseSample(t *testing.T) {
	l, err := lessons.Parse("lessons/03-sample.md", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	if l.Slug != "03-sample" || l.Title != "Sample" || l.Order != 3 || strings.Join(l.Concepts, ",") != "a,b" || l.Summary != "One line." {
		t.Errorf("front matter: %+v", l)
	}
	want := []lessons.Program{{Line: 15, Source: "print(\"<hi>\")\n", Output: "<hi>\n", HasOutput: true}}
	if len(l.Programs) != 1 || l.Programs[0] != want[0] {
		t.Errorf("programs: %+v; want %+v", l.Programs, want)
	}
	html := string(l.HTML)
	for _, part := range []string{
		`<h1 id="a-heading">A heading</h1>`,
		"<table>",
		`<figure class="program" data-line="15"><pre class="chroma"><code class="language-python"><span class="nb">print</span><span class="p">(</span><span class="s2">&#34;&lt;hi&gt;&#34;</span><span class="p">)</span>` + "\n</code></pre></figure>",
		`<details class="expected-output"><summary>Expected output</summary><pre><code>&lt;hi&gt;` + "\n</code></pre></details>",
		`<pre class="chroma"><code class="language-python"><span class="n">just_a_listing</span><span class="p">()</span>` + "\n</code></pre>",
		"<!-- raw HTML omitted -->",
	} {
		if !strings.Contains(html, part) {
			t.Errorf("HTML lacks %q:\n%s", part, html)
		}
	}
	if strings.Contains(html, "<script>") || strings.Contains(html, "title: Sample") {
		t.Errorf("HTML has raw HTML or front matter:\n%s", html)
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"# no front matter\n", "x.md:1: a lesson starts with front matter"},
		{"---\norder: 1\n---\n", "x.md: front matter: title is required"},
		{"---\ntitle: T\n---\n", "x.md: front matter: order is required"},
		{"---\ntitle: [unclosed\n---\n", "x.md: front matter: "},
		{"---\ntitle: T\norder: 1\n---\n\ntext\n\n```output\nx\n```\n", "x.md:8: an output block must follow a ```python run block"},
		{"---\ntitle: T\norder: 1\n---\n\n```output\n```\n", "x.md:6: an output block must follow"},
		{"---\ntitle: T\norder: 1\n---\n\n```python\nx\n```\n```output\n```\n", "x.md:9: an output block must follow"},
		{"---\ntitle: T\norder: 1\n---\n\n```world\nsignal SIGINT at 1s\n```\n", "x.md:6: a world block must follow a ```python run block"},
		{"---\ntitle: T\norder: 1\n---\n\ntext\n\n```error\nx\n```\n", "x.md:8: an error block must follow a ```python run block"},
		{"---\ntitle: T\norder: 1\n---\n\n```python run\nx\n```\n```world\n```\n```world\n```\n", "x.md:11: a world block must follow"},
		{"---\ntitle: T\norder: 1\n---\n\n```exercise\ncheck: peak_queue <= 1\n```\n", "x.md:6: an exercise block must follow a ```python run block"},
		{"---\ntitle: T\norder: 1\n---\n\n```python run\nx\n```\n```exercise\nDo it.\n```\n", "x.md:10: an exercise needs a line \"check: ...\""},
		{"---\ntitle: T\norder: 1\n---\n\n```python run\nx\n```\n```exercise\ncheck: peak_queue <= soon\n```\n", "x.md:10: check \"peak_queue <= soon\""},
		{"---\ntitle: T\norder: 1\n---\n\n```python run\nx\n```\n```python solution\ny\n```\n", "x.md:9: a solution block must follow an exercise block"},
		{"---\ntitle: T\norder: 1\n---\n\n```python run\nN = 1\n```\n```compare\nN = 1\n```\n", "x.md:10: a compare block is one line, KNOB = VALUE, VALUE, ... with two values or more"},
		{"---\ntitle: T\norder: 1\n---\n\n```python run\nN = 1\n```\n```compare\nM = 1, 2\n```\n", "x.md:10: the program before it has no line M = ... at its top level to vary"},
		// a mistake in a world is shown at its line of the lesson
		{"---\ntitle: T\norder: 1\n---\n\n```python run\nx\n```\n```world\nsignal SIGINT at 1s\nsignl SIGHUP at 2s\n```\n", "  File \"x.md\", line 11\n    signl SIGHUP at 2s\n    ^^^^^\nWorldError: unknown declaration \"signl\"; did you mean \"signal\"?"},
	} {
		_, err := lessons.Parse("x.md", []byte(c.src))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("Parse(%q) = %v; want %q", c.src, err, c.want)
		}
	}
}

// A world block gives the program before it its world, with or without an
// output block between them, and shows as its own figure.
func TestWorldBlocks(t *testing.T) {
	src := "---\ntitle: T\norder: 1\n---\n\n```python run\nprint(1)\n```\n```output\n1\n```\n```world\nsignal SIGINT at 1s\n```\n"
	l, err := lessons.Parse("x.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	p := l.Programs[0]
	if p.World != "signal SIGINT at 1s\n" || p.WorldLine != 13 || p.Output != "1\n" {
		t.Errorf("%+v", p)
	}
	if want := `<aside class="world"><p class="caption">The world outside the program</p><pre><code>signal SIGINT at 1s` + "\n</code></pre></aside>"; !strings.Contains(string(l.HTML), want) {
		t.Errorf("html:\n%s\nwant it to contain\n%s", l.HTML, want)
	}
}

// An error block is what a program meant to fail writes to stderr, beside
// its output, and shows collapsed as the expected error.
func TestErrorBlocks(t *testing.T) {
	src := "---\ntitle: T\norder: 1\n---\n\n```python run\nprint(1)\n1/0\n```\n```output\n1\n```\n```error\nZeroDivisionError\n```\n"
	l, err := lessons.Parse("x.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if p := l.Programs[0]; p.Output != "1\n" || p.Error != "ZeroDivisionError\n" || !p.HasError {
		t.Errorf("%+v", p)
	}
	if want := `<details class="expected-output expected-error"><summary>Expected error</summary><pre><code>ZeroDivisionError`; !strings.Contains(string(l.HTML), want) {
		t.Errorf("html:\n%s\nwant it to contain\n%s", l.HTML, want)
	}
}

// An exercise sets a task and a check on the program before it, with its
// solution after it; the page gets the check in the markup, and the task
// reads as Markdown.
func TestExerciseBlocks(t *testing.T) {
	src := "---\ntitle: T\norder: 1\n---\n\n```python run\nprint(1)\n```\n```exercise\ncheck: peak_queue <= 20\nKeep the `Queue` short.\n```\n```python solution\nprint(2)\n```\n"
	l, err := lessons.Parse("x.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	ex := l.Programs[0].Exercise
	if ex == nil || ex.Check != "peak_queue <= 20" || ex.Task != "Keep the `Queue` short." || ex.Solution != "print(2)\n" || ex.Line != 10 {
		t.Fatalf("%+v", ex)
	}
	for _, want := range []string{
		`<aside class="exercise" data-check="peak_queue &lt;= 20"><p class="caption">Exercise</p><p>Keep the <code>Queue</code> short.</p>`,
		`<details class="solution"><summary>A solution</summary>`,
	} {
		if !strings.Contains(string(l.HTML), want) {
			t.Errorf("html:\n%s\nwant it to contain\n%s", l.HTML, want)
		}
	}
}

// A compare block names a knob of the program and its values; each
// variant sets the knob's top-level assignment, not an indented one.
func TestCompareBlocks(t *testing.T) {
	src := "---\ntitle: T\norder: 1\n---\n\n```python run\ndef f():\n    SIZE = 9\nSIZE = 2\nprint(SIZE)\n```\n```compare\nSIZE = 0, 2, 'big'\n```\n"
	l, err := lessons.Parse("x.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c := l.Programs[0].Compare
	if c == nil || c.Knob != "SIZE" || strings.Join(c.Values, "|") != "0|2|'big'" {
		t.Fatalf("%+v", c)
	}
	if got := c.Variant(l.Programs[0].Source, "'big'"); got != "def f():\n    SIZE = 9\nSIZE = 'big'\nprint(SIZE)\n" {
		t.Errorf("variant:\n%s", got)
	}
	if want := `<aside class="compare" data-knob="SIZE" data-values="0` + "\x1f" + `2` + "\x1f" + `&#39;big&#39;"><p class="caption">Compare: SIZE = 0, 2, &#39;big&#39;</p></aside>`; !strings.Contains(string(l.HTML), want) {
		t.Errorf("html:\n%s\nwant it to contain\n%s", l.HTML, want)
	}
}

func TestLoadOrdersAndRejectsDuplicates(t *testing.T) {
	lesson := func(title, order string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\norder: " + order + "\n---\n")}
	}
	all, err := lessons.Load(fstest.MapFS{"b.md": lesson("B", "1"), "a.md": lesson("A", "2"), "README.md": {Data: []byte("# about")}, "notes.txt": {}})
	if err != nil || len(all) != 2 || all[0].Slug != "b" || all[1].Slug != "a" {
		t.Fatalf("Load: %v %v", all, err)
	}
	_, err = lessons.Load(fstest.MapFS{"b.md": lesson("B", "1"), "a.md": lesson("A", "1")})
	if err == nil || err.Error() != "b.md: order 1 is already taken by a.md" {
		t.Errorf("duplicate order: %v", err)
	}
}

// The shipped lessons load, each has a runnable program with its output,
// and they are numbered 1, 2, ... with no gaps, each file named after its
// number.
func TestShippedLessons(t *testing.T) {
	all, err := lessons.All()
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range all {
		if !strings.HasPrefix(l.Slug, fmt.Sprintf("%02d-", l.Order)) {
			t.Errorf("%s: order %d; the file name starts with the order, so the listing reads in track order", l.Slug, l.Order)
		}
		if l.Order != i+1 || len(l.Programs) == 0 || !l.Programs[0].HasOutput || len(l.Concepts) == 0 || l.Summary == "" {
			t.Errorf("%s: order %d, %d programs, concepts %v", l.Slug, l.Order, len(l.Programs), l.Concepts)
		}
	}
}

// A talk's slides are split at lines of three dashes, and each slide's
// notes start at a paragraph beginning "Notes:".
func TestParseTalk(t *testing.T) {
	src := "---\ntitle: A talk\n---\n\n# One\n\nFirst slide.\n\nNotes: say hello.\n\n---\n\n## Two\n\n```python run\nprint(2)\n```\n\n```output\n2\n```\n"
	talk, err := lessons.ParseTalk("talks/t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if talk.Slug != "t" || talk.Title != "A talk" || len(talk.Slides) != 2 || len(talk.Programs) != 1 || talk.Programs[0].Output != "2\n" {
		t.Fatalf("%+v", talk)
	}
	s := talk.Slides[0]
	if !strings.Contains(string(s.HTML), "<h1 id=\"one\">One</h1>") || strings.Contains(string(s.HTML), "hello") || !strings.Contains(string(s.Notes), "Notes: say hello.") {
		t.Errorf("slide 1: %s / notes %s", s.HTML, s.Notes)
	}
	if !strings.Contains(string(talk.Slides[1].HTML), `<figure class="program"`) {
		t.Errorf("slide 2: %s", talk.Slides[1].HTML)
	}
	if _, err := lessons.ParseTalk("talks/x.md", []byte("# no front matter\n")); err == nil || !strings.Contains(err.Error(), "talks/x.md:1: a talk starts with front matter") {
		t.Errorf("no front matter: %v", err)
	}
	all, err := lessons.Talks()
	if err != nil || len(all) == 0 {
		t.Fatalf("the shipped talks: %v, %v", all, err)
	}
}
