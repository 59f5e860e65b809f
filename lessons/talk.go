package lessons

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Talk is a slide deck for a speaker: Markdown with front matter (title,
// summary), slides separated by lines of three dashes, and on each slide,
// after a paragraph starting "Notes:", the speaker's notes. Its programs
// are a lesson's (runnable, with output, world and compare blocks), and
// the doctest runs them too.
type Talk struct {
	Slug     string
	Title    string
	Summary  string
	Slides   []Slide
	Programs []Program
}

// Slide is one slide, rendered, with its speaker notes apart.
type Slide struct {
	HTML  []byte
	Notes []byte
}

//go:embed talks/*.md
var talkFiles embed.FS

// Talks loads the talks that ship with asyncplay (lessons/talks/*.md).
func Talks() ([]*Talk, error) {
	sub, err := fs.Sub(talkFiles, "talks")
	if err != nil {
		return nil, err
	}
	return LoadTalks(sub)
}

// LoadTalks parses every *.md file at the top of fsys, by title.
func LoadTalks(fsys fs.FS) ([]*Talk, error) {
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return nil, err
	}
	var all []*Talk
	for _, name := range names {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		t, err := ParseTalk(path.Join("talks", name), src)
		if err != nil {
			return nil, err
		}
		all = append(all, t)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Title < all[j].Title })
	return all, nil
}

// ParseTalk reads one talk. Errors name the file and line.
func ParseTalk(name string, src []byte) (*Talk, error) {
	t := &Talk{Slug: strings.TrimSuffix(path.Base(name), ".md")}
	doc, meta, err := parseDoc(name, src, "a talk starts with front matter (--- title: ... ---)")
	if err != nil {
		return nil, err
	}
	t.Title, t.Summary = meta.Title, meta.Summary
	programs := &Lesson{}
	if err := programs.collectPrograms(name, doc, src); err != nil {
		return nil, err
	}
	t.Programs = programs.Programs

	// A thematic break (a line of ---) ends a slide; a paragraph that
	// starts with "Notes:" starts the slide's notes.
	var slide, notes bytes.Buffer
	inNotes := false
	end := func() {
		if slide.Len() > 0 || notes.Len() > 0 {
			t.Slides = append(t.Slides, Slide{HTML: bytes.Clone(slide.Bytes()), Notes: bytes.Clone(notes.Bytes())})
		}
		slide.Reset()
		notes.Reset()
		inNotes = false
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() == ast.KindThematicBreak {
			end()
			continue
		}
		if p, ok := n.(*ast.Paragraph); ok && strings.HasPrefix(string(p.Lines().Value(src)), "Notes:") {
			inNotes = true
		}
		out := &slide
		if inNotes {
			out = &notes
		}
		if err := markdown.Renderer().Render(out, src, n); err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
	}
	end()
	if len(t.Slides) == 0 {
		return nil, fmt.Errorf("%s: the talk has no slides", name)
	}
	return t, nil
}
