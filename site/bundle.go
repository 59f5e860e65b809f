package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"
)

// PageScript is the page script's entry point, relative to the site
// package's folder: TypeScript that imports CodeMirror from
// site/node_modules.
const PageScript = "ts/page.ts"

// Bundle bundles the TypeScript module entry (a path relative to the site
// package's folder, such as [PageScript], or an absolute one) and what it
// imports from site/node_modules into one minified ES module,
// out/static/page.js, with a linked source map out/static/page.js.map that
// carries the sources. It uses esbuild's Go API: no Node process runs, and
// nothing is type-checked (make test runs tsc for that).
//
// site/node_modules must have been installed from the lock file: run
// `npm ci` in site/. Run Bundle from inside the module, as it asks the go
// command where the site package's folder is.
func Bundle(out, entry string) error {
	files, err := bundle(entry)
	if err != nil {
		return err
	}
	return writeAll(out, files)
}

// bundle returns the bundle and its map by their names in the site.
func bundle(entry string) (map[string][]byte, error) {
	dir, err := sourceDir()
	if err != nil {
		return nil, err
	}
	modules := filepath.Join(dir, "node_modules")
	// npm writes this file last; without it the install is missing or broken.
	if _, err := os.Stat(filepath.Join(modules, ".package-lock.json")); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("bundling the page script: %s is missing or incomplete: run `npm ci` in site/ to install the packages pinned in site/package-lock.json", modules)
		}
		return nil, err
	}
	if !filepath.IsAbs(entry) {
		entry = filepath.Join(dir, filepath.FromSlash(entry))
	}
	res := api.Build(api.BuildOptions{
		EntryPoints:   []string{entry},
		AbsWorkingDir: dir,
		// Where the bundle would sit among the sources. Nothing is written
		// there, but the map's paths are relative to it ("../ts/page.ts"),
		// so they are the same whatever folder out is.
		Outfile:           filepath.Join(dir, "static", "page.js"),
		Write:             false,
		Bundle:            true,
		NodePaths:         []string{modules}, // also for an entry outside site/
		Format:            api.FormatESModule,
		Platform:          api.PlatformBrowser,
		Target:            api.ES2022,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Sourcemap:         api.SourceMapLinked,
		SourcesContent:    api.SourcesContentInclude,
		LogLevel:          api.LogLevelSilent, // errors come back in res
	})
	if len(res.Errors) > 0 {
		return nil, fmt.Errorf("bundling the page script:\n%s", formatMessages(res.Errors))
	}
	files := make(map[string][]byte, len(res.OutputFiles))
	for _, f := range res.OutputFiles {
		files["static/"+filepath.Base(f.Path)] = f.Contents
	}
	if files["static/page.js"] == nil || files["static/page.js.map"] == nil {
		return nil, fmt.Errorf("bundling the page script: esbuild wrote %d files, not page.js and its map", len(res.OutputFiles))
	}
	return files, nil
}

// formatMessages writes esbuild's messages as a compiler does, one per
// line as file:line:col: text (col counted from 1), with the offending
// line under it.
func formatMessages(msgs []api.Message) string {
	var b strings.Builder
	for _, m := range msgs {
		if l := m.Location; l != nil {
			fmt.Fprintf(&b, "%s:%d:%d: %s\n", filepath.ToSlash(l.File), l.Line, l.Column+1, m.Text)
			if l.LineText != "" {
				fmt.Fprintf(&b, "\t%s\n", l.LineText)
			}
		} else {
			fmt.Fprintf(&b, "%s\n", m.Text)
		}
		for _, n := range m.Notes {
			if l := n.Location; l != nil {
				fmt.Fprintf(&b, "%s:%d:%d: note: %s\n", filepath.ToSlash(l.File), l.Line, l.Column+1, n.Text)
			} else if n.Text != "" {
				fmt.Fprintf(&b, "note: %s\n", n.Text)
			}
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// sourceDir is the site package's folder, which holds the TypeScript and
// node_modules, found by the go command so that any working directory
// inside the module will do.
var sourceDir = sync.OnceValues(func() (string, error) {
	out, err := exec.Command("go", "list", "-f", "{{.Dir}}", "asyncplay/site").Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", fmt.Errorf("finding the site package's folder (run from inside the asyncplay module): %v\n%s", err, ee.Stderr)
		}
		return "", fmt.Errorf("finding the site package's folder: %v", err)
	}
	return strings.TrimSpace(string(out)), nil
})
