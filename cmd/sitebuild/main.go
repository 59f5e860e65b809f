// Command sitebuild builds the static site into a folder (site/dist by
// default) from the lessons, with the page script bundled and the engine
// compiled to WebAssembly: what cmd/serve serves. Run it from the module's
// root.
//
//	go run ./cmd/sitebuild [-out site/dist]
//	go run ./cmd/sitebuild -watch    # then re-render lessons as they are saved
//	go run ./cmd/sitebuild -build=false -watch   # only watch a site built before
//
// With -watch it keeps running after the build and re-renders the lesson
// pages whenever a file in lessons/ changes, so a teacher can write a
// lesson and reload the page (`make dev` runs it beside `serve -dev`). A
// lesson that does not parse is reported and its old page stays.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"asyncplay/lessons"
	"asyncplay/site"
)

func main() {
	out := flag.String("out", "site/dist", "the folder to build into")
	watch := flag.Bool("watch", false, "after building, re-render the lesson pages when lessons/*.md change")
	build := flag.Bool("build", true, "build the site first (-build=false -watch watches a site built before)")
	flag.Parse()
	if *build {
		ls, err := lessons.All()
		var talks []*lessons.Talk
		if err == nil {
			talks, err = lessons.Talks()
		}
		if err == nil {
			err = site.Build(*out, ls, talks...)
		}
		if err == nil {
			err = site.BuildEngine(*out)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "sitebuild:", err)
			os.Exit(1)
		}
		fmt.Printf("built %d lessons and %d talks into %s\n", len(ls), len(talks), *out)
	}
	if *watch {
		watchLessons(*out, "lessons")
	}
}

// watchLessons polls dir's Markdown files (a few files, twice a second:
// simpler and more portable than file notifications) and re-renders the
// pages when any changes. The lessons are read from disk, not from the
// copy embedded in this binary, so edits show without a rebuild.
func watchLessons(out, dir string) {
	fmt.Printf("watching %s/*.md; Ctrl-C stops\n", dir)
	last := stamp(dir)
	for {
		time.Sleep(500 * time.Millisecond)
		now := stamp(dir)
		if now == last {
			continue
		}
		last = now
		ls, err := lessons.Load(os.DirFS(dir))
		var talks []*lessons.Talk
		if err == nil {
			talks, err = lessons.LoadTalks(os.DirFS(filepath.Join(dir, "talks")))
		}
		if err == nil {
			err = site.Pages(out, ls, talks...)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "sitebuild:", err)
			continue
		}
		fmt.Printf("%s re-rendered %d lessons\n", time.Now().Format("15:04:05"), len(ls))
	}
}

// stamp names every lesson and talk file with its size and time: it changes when
// one is saved, added or removed.
func stamp(dir string) string {
	var b strings.Builder
	matches, _ := fs.Glob(os.DirFS(dir), "*.md")
	talks, _ := fs.Glob(os.DirFS(dir), "talks/*.md")
	matches = append(matches, talks...)
	for _, m := range matches {
		if fi, err := os.Stat(filepath.Join(dir, m)); err == nil {
			fmt.Fprintf(&b, "%s %d %d\n", m, fi.Size(), fi.ModTime().UnixNano())
		}
	}
	return b.String()
}
