package site_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"asyncplay/lessons"
	"asyncplay/site"
)

func build(t *testing.T) string {
	t.Helper()
	needModules(t) // Build bundles the page script
	ls, err := lessons.All()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "dist")
	if err := site.Build(out, ls); err != nil {
		t.Fatal(err)
	}
	return out
}

func read(t *testing.T, out, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustContain(t *testing.T, name, page string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(page, p) {
			t.Errorf("%s lacks %q", name, p)
		}
	}
}

func TestIndexListsLessonsInOrder(t *testing.T) {
	page := read(t, build(t), "index.html")
	mustContain(t, "index.html", page,
		"<title>Lessons · asyncplay</title>",
		`<link rel="stylesheet" href="/static/style.css">`,
		`<a href="/lessons/01-tasks/"><span class="title">Tasks on a virtual clock</span></a>`,
		`<a href="/lessons/02-seeing-inside/"><span class="title">Seeing inside: task states, the monitor, and a hung program</span></a>`,
		`<a href="/lessons/03-timeouts/"><span class="title">Cancellation and timeouts</span></a>`,
		"<li>curio.run</li>", "<li>deadlock</li>",
	)
	if !(strings.Index(page, "01-tasks") < strings.Index(page, "02-seeing-inside") && strings.Index(page, "02-seeing-inside") < strings.Index(page, "03-timeouts")) {
		t.Error("lessons out of order")
	}
}

func TestLessonPages(t *testing.T) {
	out := build(t)
	first := read(t, out, "lessons/01-tasks/index.html")
	mustContain(t, "01-tasks", first,
		"<title>Tasks on a virtual clock · asyncplay</title>",
		"Lesson 1 of ",
		`<a rel="next" href="/lessons/02-seeing-inside/">Seeing inside: task states, the monitor, and a hung program →</a>`,
		`<h2 id="a-countdown">A countdown</h2>`,
		`<figure class="program" data-line="`,
		`<details class="expected-output"><summary>Expected output</summary>`,
		`<main class="lesson" data-lesson="01-tasks">`,
		`<script type="module" src="/static/page.js"></script>`,
		`<link rel="stylesheet" href="/static/chroma.css">`,
		`<pre class="chroma"><code class="language-python"><span class="kn">import</span>`,
	)
	mustContain(t, "chroma.css", read(t, out, "static/chroma.css"), ".chroma .k {")
	if strings.Contains(first, `rel="prev"`) {
		t.Error("the first lesson links to a previous one")
	}
	second := read(t, out, "lessons/02-seeing-inside/index.html")
	mustContain(t, "02-seeing-inside", second, "Lesson 2 of ", `<a rel="prev" href="/lessons/01-tasks/">← Tasks on a virtual clock</a>`)
	ls, _ := lessons.All()
	last := ls[len(ls)-1]
	lastPage := read(t, out, "lessons/"+last.Slug+"/index.html")
	mustContain(t, last.Slug, lastPage, fmt.Sprintf("Lesson %d of %d", len(ls), len(ls)), `rel="prev"`)
	if strings.Contains(lastPage, `rel="next"`) {
		t.Error("the last lesson links to a next one")
	}
	mustContain(t, "404.html", read(t, out, "404.html"), "No such page", `<a href="/">See all lessons.</a>`)
	mustContain(t, "style.css", read(t, out, "static/style.css"), "figure.program", ".program-bar")
	mustContain(t, "page.js", read(t, out, "static/page.js"), `"figure.program"`, "cm-editor", "sourceMappingURL=page.js.map")
	read(t, out, "static/page.js.map")
}

// The .gz beside each page holds the same bytes, and two builds are
// identical, so a rebuild changes no ETag that need not change.
func TestPrecompressedAndReproducible(t *testing.T) {
	a, b := build(t), build(t)
	for _, name := range []string{"index.html", "lessons/01-tasks/index.html", "static/style.css", "static/page.js", "static/page.js.map"} {
		zr, err := gzip.NewReader(strings.NewReader(read(t, a, name+".gz")))
		if err != nil {
			t.Fatal(name, err)
		}
		plain, _ := io.ReadAll(zr)
		if !bytes.Equal(plain, []byte(read(t, a, name))) {
			t.Errorf("%s.gz does not hold %s", name, name)
		}
		if read(t, a, name+".gz") != read(t, b, name+".gz") {
			t.Errorf("%s.gz differs between builds", name)
		}
		br, err := io.ReadAll(brotli.NewReader(strings.NewReader(read(t, a, name+".br"))))
		if err != nil || !bytes.Equal(br, []byte(read(t, a, name))) {
			t.Errorf("%s.br does not hold %s (%v)", name, name, err)
		}
		if read(t, a, name+".br") != read(t, b, name+".br") {
			t.Errorf("%s.br differs between builds", name)
		}
	}
}

// Pages re-renders the lesson pages of a built site (what -watch does on
// a saved lesson) and touches its marker; it refuses a folder Build did
// not make.
func TestPagesRerendersLessons(t *testing.T) {
	out := build(t)
	l, err := lessons.Parse("01-tasks.md", []byte("---\ntitle: Edited\norder: 1\n---\n# Edited\n\nNew words.\n"))
	if err != nil {
		t.Fatal(err)
	}
	marker := filepath.Join(out, ".asyncplay-site")
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(marker, old, old); err != nil {
		t.Fatal(err)
	}
	if err := site.Pages(out, []*lessons.Lesson{l}); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "lesson page", read(t, out, "lessons/01-tasks/index.html"), "<p>New words.</p>")
	mustContain(t, "index", read(t, out, "index.html"), "Edited")
	if read(t, out, "static/page.js") == "" {
		t.Error("Pages removed the page script")
	}
	if fi, err := os.Stat(marker); err != nil || !fi.ModTime().After(old) {
		t.Errorf("the marker was not touched: %v", err)
	}
	if err := site.Pages(t.TempDir(), []*lessons.Lesson{l}); err == nil || !strings.Contains(err.Error(), "build it first") {
		t.Errorf("Pages into an unbuilt folder: %v", err)
	}
}

// Build replaces its own output but never a folder it did not make.
func TestBuildRefusesForeignFolders(t *testing.T) {
	ls, _ := lessons.All()
	out := build(t)
	stale := filepath.Join(out, "lessons", "gone", "index.html")
	os.MkdirAll(filepath.Dir(stale), 0o755)
	os.WriteFile(stale, []byte("old"), 0o644)
	if err := site.Build(out, ls); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a rebuild kept a stale page")
	}
	foreign := t.TempDir()
	os.WriteFile(filepath.Join(foreign, "thesis.tex"), []byte("years of work"), 0o644)
	err := site.Build(foreign, ls)
	if err == nil || !strings.Contains(err.Error(), "refusing to replace it") {
		t.Errorf("Build into a foreign folder: %v", err)
	}
	if read(t, foreign, "thesis.tex") != "years of work" {
		t.Error("Build touched a foreign folder")
	}
}
