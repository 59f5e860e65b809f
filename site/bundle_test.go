package site_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"asyncplay/site"
)

// needModules skips a test that bundles the page script when
// site/node_modules is not installed, except in CI, where that is a
// failure: CI must test the bundle.
func needModules(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join("node_modules", ".package-lock.json")); err == nil {
		return
	}
	msg := "site/node_modules is not installed: run `npm ci` in site/ (make test does) to test the page script's bundle"
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

func TestBundle(t *testing.T) {
	needModules(t)
	out := t.TempDir()
	if err := site.Bundle(out, site.PageScript); err != nil {
		t.Fatal(err)
	}
	js := read(t, out, "static/page.js")
	mustContain(t, "page.js", js,
		`"figure.program"`,                          // the entry's own code
		"cm-editor", "cm-gutters", "cm-lineNumbers", // CodeMirror's view and basic setup
		"Mod-Enter", "asyncplay-ready", "/static/view.html",
		"//# sourceMappingURL=page.js.map",
	)
	// An ES module: it exports nothing, but it must not be wrapped as a
	// classic script's IIFE, and it uses module-only syntax freely.
	if strings.HasPrefix(js, "(()=>{") || strings.HasPrefix(js, "\"use strict\";(()=>") {
		t.Error("page.js is an IIFE, not an ES module")
	}
	// Minified: the sources' own names are gone (lines are not a measure:
	// template literals keep theirs).
	for _, name := range []string{"createEditor", "loadEngine", "lessonFile"} {
		if strings.Contains(js, name) {
			t.Errorf("page.js still says %s: not minified", name)
		}
	}
	var m struct {
		Version        int
		Sources        []string
		SourcesContent []string
	}
	if err := json.Unmarshal([]byte(read(t, out, "static/page.js.map")), &m); err != nil {
		t.Fatal("page.js.map:", err)
	}
	if m.Version != 3 || len(m.Sources) != len(m.SourcesContent) {
		t.Errorf("page.js.map: version %d, %d sources, %d contents", m.Version, len(m.Sources), len(m.SourcesContent))
	}
	// The map's paths are relative to where the bundle would sit among
	// the sources (site/static), not to out: the same wherever it is built.
	srcs := strings.Join(m.Sources, "\n")
	mustContain(t, "page.js.map sources", srcs, "../ts/page.ts", "../ts/editor.ts", "node_modules/@codemirror/view/")
	if strings.Contains(srcs, out) || strings.Contains(srcs, os.TempDir()) {
		t.Errorf("page.js.map names the output folder: %s", srcs)
	}
	if _, err := os.Stat(filepath.Join(out, "static", "page.js.gz")); err != nil {
		t.Error("no page.js.gz beside page.js")
	}
}

// esbuild's errors come back as a Go error that names the file, line and
// column, as a compiler would.
func TestBundleSyntaxError(t *testing.T) {
	needModules(t)
	dir := t.TempDir()
	entry := filepath.Join(dir, "broken.ts")
	src := "import { EditorView } from \"@codemirror/view\";\n" +
		"const ok: number = 1;\n" +
		"const broken = (ok: number => ok;\n" +
		"console.log(EditorView, broken);\n"
	if err := os.WriteFile(entry, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	err := site.Bundle(out, entry)
	if err == nil {
		t.Fatal("a syntax error bundled without error")
	}
	msg := err.Error()
	if !strings.Contains(msg, "broken.ts:3:") {
		t.Errorf("the error does not name broken.ts line 3:\n%s", msg)
	}
	if !strings.Contains(msg, "const broken = (ok: number => ok;") {
		t.Errorf("the error does not show the line:\n%s", msg)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed bundle wrote files")
	}
}

// An import that does not resolve is an error naming the importing line.
func TestBundleMissingImport(t *testing.T) {
	needModules(t)
	dir := t.TempDir()
	entry := filepath.Join(dir, "lost.ts")
	if err := os.WriteFile(entry, []byte("import { nothing } from \"no-such-package\";\nconsole.log(nothing);\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := site.Bundle(filepath.Join(dir, "out"), entry)
	if err == nil || !strings.Contains(err.Error(), "lost.ts:1:") || !strings.Contains(err.Error(), "no-such-package") {
		t.Errorf("a missing import: %v", err)
	}
}
