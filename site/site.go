// Package site builds the static site: the lesson pages, the index and
// their styles, written to a folder (site/dist) that cmd/serve or any
// static host serves. Pages are html/template over the lessons package's
// rendered HTML; text files and the engine are also written brotli- and
// gzip-compressed beside themselves (see compress.go), so the server need
// not compress on each request.
//
// Build also bundles the page script (TypeScript in ts/, see [Bundle])
// into static/page.js: it turns each program's listing into a CodeMirror
// editor with the controls of a run, a console and a monitor.
// [BuildEngine] adds the engine compiled to WebAssembly (package
// asyncplay/wasm), which runs in the view frame static/view.html: the page
// starts it while the reader reads, and it draws each run with ebiten.
// Without JavaScript each program reads as a listing with its expected
// output.
//
// The page script's packages are pinned in package-lock.json and installed
// into site/node_modules by `npm ci` in site/; Build needs them.
package site

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"time"

	"asyncplay/lessons"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

var pages = template.Must(template.New("").ParseFS(templateFiles, "templates/*.html"))

// marker names a folder this package built, the only kind Build will
// empty before writing: a mistyped -out must not delete someone's files.
const marker = ".asyncplay-site"

// Build writes the site for ls into out, replacing what a previous Build
// wrote there. It bundles the page script first, so a failed bundle
// leaves out as it was.
func Build(out string, ls []*lessons.Lesson, talks ...*lessons.Talk) error {
	files, err := bundle(PageScript)
	if err != nil {
		return err
	}
	if err := prepare(out); err != nil {
		return err
	}
	files[marker] = []byte("built by asyncplay/site; safe to delete\n")
	files["static/chroma.css"] = []byte(lessons.HighlightCSS())
	if err := renderPages(files, ls, talks); err != nil {
		return err
	}
	err = fs.WalkDir(staticFiles, "static", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if _, ok := files[name]; ok {
			return fmt.Errorf("site/%s would replace the bundled page script; the page script is TypeScript in site/ts now", name)
		}
		data, err := staticFiles.ReadFile(name)
		files[name] = data
		return err
	})
	if err != nil {
		return err
	}
	return writeAll(out, files)
}

// Pages renders the lesson pages, the index and the 404 page of ls into a
// site Build made in out, leaving the engine, the script and the styles as
// they are, and touches the site's marker so `serve -dev` reloads: what
// `sitebuild -watch` does when a teacher saves a lesson.
func Pages(out string, ls []*lessons.Lesson, talks ...*lessons.Talk) error {
	if _, err := os.Stat(filepath.Join(out, marker)); err != nil {
		return fmt.Errorf("%s is not a site built by asyncplay; build it first", out)
	}
	files := map[string][]byte{}
	if err := renderPages(files, ls, talks); err != nil {
		return err
	}
	if err := writeAll(out, files); err != nil {
		return err
	}
	now := time.Now()
	return os.Chtimes(filepath.Join(out, marker), now, now)
}

// renderPages adds the index, each lesson's and talk's page and the 404
// page to files.
func renderPages(files map[string][]byte, ls []*lessons.Lesson, talks []*lessons.Talk) error {
	var b bytes.Buffer
	if err := pages.ExecuteTemplate(&b, "index.html", map[string]any{"Lessons": ls, "Talks": talks}); err != nil {
		return err
	}
	files["index.html"] = bytes.Clone(b.Bytes())
	for i, l := range ls {
		data := map[string]any{"Lesson": l, "Body": template.HTML(l.HTML), "Number": i + 1, "Count": len(ls)}
		if i > 0 {
			data["Prev"] = ls[i-1]
		}
		if i+1 < len(ls) {
			data["Next"] = ls[i+1]
		}
		b.Reset()
		if err := pages.ExecuteTemplate(&b, "lesson.html", data); err != nil {
			return fmt.Errorf("%s: %v", l.Slug, err)
		}
		files[path.Join("lessons", l.Slug, "index.html")] = bytes.Clone(b.Bytes())
	}
	for _, t := range talks {
		var slides []map[string]any
		for i, s := range t.Slides {
			slides = append(slides, map[string]any{"N": i + 1, "Body": template.HTML(s.HTML), "Notes": template.HTML(s.Notes)})
		}
		b.Reset()
		if err := pages.ExecuteTemplate(&b, "talk.html", map[string]any{"Talk": t, "Slides": slides}); err != nil {
			return fmt.Errorf("%s: %v", t.Slug, err)
		}
		files[path.Join("talks", t.Slug, "index.html")] = bytes.Clone(b.Bytes())
	}
	b.Reset()
	if err := pages.ExecuteTemplate(&b, "404.html", nil); err != nil {
		return err
	}
	files["404.html"] = bytes.Clone(b.Bytes())
	return nil
}

// BuildEngine compiles the engine (package asyncplay/wasm) to
// out/asyncplay.wasm with the go command, and copies Go's wasm_exec.js,
// the loader that matches it, beside the page script. Run it from the
// module.
func BuildEngine(out string) error {
	wasm := filepath.Join(out, "asyncplay.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", wasm, "asyncplay/wasm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building the engine: %v\n%s", err, msg)
	}
	root, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("go env GOROOT: %v", err)
	}
	loader, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(root)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return err
	}
	if err := write(out, "static/wasm_exec.js", loader); err != nil {
		return err
	}
	data, err := os.ReadFile(wasm)
	if err != nil {
		return err
	}
	return write(out, "asyncplay.wasm", data)
}

// prepare makes out an empty folder, refusing to empty one it did not
// build.
func prepare(out string) error {
	entries, err := os.ReadDir(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(out, 0o755)
	case err != nil:
		return err
	case len(entries) == 0:
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, marker)); err != nil {
		return fmt.Errorf("%s is not empty and was not built by asyncplay; refusing to replace it", out)
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	return os.MkdirAll(out, 0o755)
}

// writeAll writes files, by their names in the site, into out.
func writeAll(out string, files map[string][]byte) error {
	for name, data := range files {
		if err := write(out, name, data); err != nil {
			return err
		}
	}
	return nil
}

// write writes one file, and a .gz beside it when that saves space.
func write(out, name string, data []byte) error {
	p := filepath.Join(out, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return err
	}
	if !compressible(name) {
		return nil
	}
	for _, v := range []struct {
		ext  string
		pack func([]byte) []byte
	}{{".gz", gzipped}, {".br", brotlied}} {
		packed := v.pack(data)
		if len(packed) >= len(data)*9/10 {
			continue // not worth a second file
		}
		if err := os.WriteFile(p+v.ext, packed, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func compressible(name string) bool {
	switch path.Ext(name) {
	case ".html", ".css", ".js", ".json", ".map", ".svg", ".wasm", ".txt":
		return true
	}
	return false
}
