// Package lessons loads the lessons: Markdown files with front matter,
// rendered to HTML with goldmark. A fenced block whose info string is
// "python run" is a program the page makes runnable; an "output" block
// right after it is what that program prints, which the doctest in this
// package checks by running every program on the kernel; an "error" block
// is what it writes to stderr, for a program meant to fail (only such a
// program may). A "world" block
// after a program (before or after its output) declares the world it runs
// in: its clients, peers and signals (see package sim/world). An
// "exercise" block (after the program, prose between or not) sets a task
// on it, with a "check:"
// line on the run's measures (see view.ParseCheck), and a "python
// solution" block after it is the reference solution: the doctest requires
// the program as given to fail the check and the solution to pass it. A
// "compare" block, KNOB = v1, v2, ..., names a top-level assignment of the
// program the page runs once per value, side by side, with each run's
// measures; the doctest runs every variant. The prose stands
// on its own: without the page script a program is a highlighted listing
// and its output a collapsed block.
//
// The lessons themselves are the *.md files beside this file, embedded
// in the package ([All]).
//
// To write a lesson: add NN-name.md here with a front matter of title,
// order, concepts and summary; run `make dev` and reload the page as you
// save; give each program its output block (run it in the page, or with
// `go run ./cmd/asyncplay run`, and paste what it prints); `go test
// ./lessons` then checks every program still prints exactly that.
package lessons

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"asyncplay/sim/world"
	"asyncplay/wasm/view"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.abhg.dev/goldmark/frontmatter"
)

// Lesson is one lesson file, parsed and rendered.
type Lesson struct {
	Slug     string   // the file name without .md: the page's name
	Title    string   // front matter: title (required)
	Order    int      // front matter: order (required, unique), the index's order
	Concepts []string // front matter: concepts, listed on the index
	Summary  string   // front matter: summary, one sentence for the index
	Programs []Program
	HTML     []byte // the body, rendered
}

// Program is one runnable block of a lesson.
type Program struct {
	Line   int    // the line of the block's first source line in the .md file
	Source string // the Python program
	Output string // the expected output ("" when none is given)
	// HasOutput says an output block follows, so the doctest checks it.
	HasOutput bool
	// Error is what the program writes to stderr when it is meant to fail
	// (a traceback, a deadlock report): an "error" block after it. Only
	// such a program may end with a non-zero exit status.
	Error    string
	HasError bool
	// World is the world the program runs in (a ```world block after it,
	// in the world package's format), "" for none.
	World     string
	WorldLine int // the line of the world's first line in the .md file
	// Exercise is the task set on this program, if an exercise block
	// follows it.
	Exercise *Exercise
	// Compare is a knob whose values the page runs side by side, if a
	// compare block follows the program.
	Compare *Compare
}

// Compare is one knob of a program, a module-level assignment such as
// QUEUE_SIZE = 2, and the values to run it with, each on the same seed,
// for the page's comparison table.
type Compare struct {
	Line   int
	Knob   string
	Values []string // Python literals, as written
}

// Variant is the program's source with the knob set to value: the first
// line assigning the knob at the top level is rewritten.
func (c *Compare) Variant(src, value string) string {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if name, _, ok := strings.Cut(l, "="); ok && strings.TrimSpace(name) == c.Knob && !strings.HasPrefix(l, " ") {
			lines[i] = c.Knob + " = " + value
			break
		}
	}
	return strings.Join(lines, "\n")
}

// Exercise is a task on a program: change it until its run passes Check
// (see view.ParseCheck). The program as given must fail the check and the
// reference Solution must pass it; the doctest runs both.
type Exercise struct {
	Line     int    // the line of the exercise block's first line
	Check    string // such as "peak_queue <= 20 and p99_wait < 50ms"
	Task     string // what the learner is asked to do, in prose
	Solution string // a program that passes (a ```python solution block)
}

type frontMatter struct {
	Title    string   `yaml:"title"`
	Order    int      `yaml:"order"`
	Concepts []string `yaml:"concepts"`
	Summary  string   `yaml:"summary"`
}

//go:embed *.md
var files embed.FS

// All loads the lessons that ship with asyncplay, in order.
func All() ([]*Lesson, error) { return Load(files) }

// Load parses every *.md file at the top of fsys and returns the lessons
// sorted by their order. Errors name the file and line.
func Load(fsys fs.FS) ([]*Lesson, error) {
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return nil, err
	}
	var all []*Lesson
	byOrder := map[int]string{}
	for _, name := range names {
		if strings.EqualFold(name, "README.md") {
			continue
		}
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		l, err := Parse(name, src)
		if err != nil {
			return nil, err
		}
		if other, dup := byOrder[l.Order]; dup {
			return nil, fmt.Errorf("%s: order %d is already taken by %s", name, l.Order, other)
		}
		byOrder[l.Order] = name
		all = append(all, l)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Order < all[j].Order })
	return all, nil
}

// Parse reads one lesson from its Markdown source; name is its file name.
func Parse(name string, src []byte) (*Lesson, error) {
	l := &Lesson{Slug: strings.TrimSuffix(path.Base(name), ".md")}
	doc, meta, err := parseDoc(name, src, "a lesson starts with front matter (--- title: ... order: ... ---)")
	if err != nil {
		return nil, err
	}
	if meta.Order <= 0 {
		return nil, fmt.Errorf("%s: front matter: order is required (a positive number)", name)
	}
	l.Title, l.Order, l.Concepts, l.Summary = meta.Title, meta.Order, meta.Concepts, meta.Summary
	if err := l.collectPrograms(name, doc, src); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := markdown.Renderer().Render(&out, src, doc); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	l.HTML = out.Bytes()
	return l, nil
}

// parseDoc parses a lesson's or a talk's Markdown and its front matter,
// which must have a title; missing says what a file without any is told.
func parseDoc(name string, src []byte, missing string) (ast.Node, frontMatter, error) {
	var meta frontMatter
	ctx := parser.NewContext()
	doc := markdown.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	fm := frontmatter.Get(ctx)
	if fm == nil {
		return nil, meta, fmt.Errorf("%s:1: %s", name, missing)
	}
	if err := fm.Decode(&meta); err != nil {
		return nil, meta, fmt.Errorf("%s: front matter: %v", name, err)
	}
	if strings.TrimSpace(meta.Title) == "" {
		return nil, meta, fmt.Errorf("%s: front matter: title is required", name)
	}
	return doc, meta, nil
}

// collectPrograms finds the runnable blocks and their expected outputs.
func (l *Lesson) collectPrograms(name string, doc ast.Node, src []byte) error {
	return ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		block, ok := n.(*ast.FencedCodeBlock)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		switch blockRole(block, src) {
		case roleProgram:
			l.Programs = append(l.Programs, Program{Line: lineOf(block, src), Source: blockText(block, src)})
		case roleOutput:
			if !follows(block, src) {
				return ast.WalkStop, fmt.Errorf("%s:%d: an output block must follow a ```python run block", name, fenceLine(block, src))
			}
			p := &l.Programs[len(l.Programs)-1]
			p.Output, p.HasOutput = blockText(block, src), true
		case roleError:
			if !follows(block, src) {
				return ast.WalkStop, fmt.Errorf("%s:%d: an error block must follow a ```python run block", name, fenceLine(block, src))
			}
			p := &l.Programs[len(l.Programs)-1]
			p.Error, p.HasError = blockText(block, src), true
		case roleExercise:
			if len(l.Programs) == 0 { // it belongs to the last program before it, prose between or not
				return ast.WalkStop, fmt.Errorf("%s:%d: an exercise block must follow a ```python run block", name, fenceLine(block, src))
			}
			if l.Programs[len(l.Programs)-1].Exercise != nil {
				return ast.WalkStop, fmt.Errorf("%s:%d: the program before it has an exercise already", name, fenceLine(block, src))
			}
			ex, err := parseExercise(name, lineOf(block, src), blockText(block, src))
			if err != nil {
				return ast.WalkStop, err
			}
			l.Programs[len(l.Programs)-1].Exercise = ex
		case roleSolution:
			prev, ok := block.PreviousSibling().(*ast.FencedCodeBlock)
			p := &l.Programs[len(l.Programs)-1]
			if !ok || blockRole(prev, src) != roleExercise || p.Exercise == nil {
				return ast.WalkStop, fmt.Errorf("%s:%d: a solution block must follow an exercise block", name, fenceLine(block, src))
			}
			p.Exercise.Solution = blockText(block, src)
		case roleCompare:
			if len(l.Programs) == 0 || l.Programs[len(l.Programs)-1].Compare != nil {
				return ast.WalkStop, fmt.Errorf("%s:%d: a compare block must follow a ```python run block (one for each program)", name, fenceLine(block, src))
			}
			p := &l.Programs[len(l.Programs)-1]
			c, err := parseCompare(name, lineOf(block, src), blockText(block, src), p.Source)
			if err != nil {
				return ast.WalkStop, err
			}
			p.Compare = c
		case roleWorld:
			if !follows(block, src) {
				return ast.WalkStop, fmt.Errorf("%s:%d: a world block must follow a ```python run block", name, fenceLine(block, src))
			}
			p := &l.Programs[len(l.Programs)-1]
			p.World, p.WorldLine = blockText(block, src), lineOf(block, src)
			if _, err := world.Parse(name, p.World); err != nil {
				if we, ok := err.(*world.Error); ok {
					we.Line += p.WorldLine - 1 // a line of the lesson, not of the block
				}
				return ast.WalkStop, err
			}
		}
		return ast.WalkSkipChildren, nil
	})
}

type role int

const (
	roleListing  role = iota // any other code block
	roleProgram              // ```python run
	roleOutput               // ```output
	roleError                // ```error: the expected stderr
	roleWorld                // ```world: the world of the program before it
	roleExercise             // ```exercise: "check: ..." and the task, on the program before it
	roleSolution             // ```python solution: the exercise's reference solution
	roleCompare              // ```compare: KNOB = v1, v2, ...: runs side by side
)

// parseCompare reads a compare block, "KNOB = v1, v2, v3", and checks the
// program sets KNOB at its top level.
func parseCompare(name string, line int, text, program string) (*Compare, error) {
	knob, values, ok := strings.Cut(strings.TrimSpace(text), "=")
	c := &Compare{Line: line, Knob: strings.TrimSpace(knob)}
	for _, v := range strings.Split(values, ",") {
		if v = strings.TrimSpace(v); v != "" {
			c.Values = append(c.Values, v)
		}
	}
	if !ok || c.Knob == "" || strings.ContainsAny(c.Knob, " \n") || len(c.Values) < 2 {
		return nil, fmt.Errorf("%s:%d: a compare block is one line, KNOB = VALUE, VALUE, ... with two values or more", name, line)
	}
	if c.Variant(program, "x") == program {
		return nil, fmt.Errorf("%s:%d: the program before it has no line %s = ... at its top level to vary", name, line, c.Knob)
	}
	return c, nil
}

// parseExercise reads an exercise block: a "check:" line and the task.
func parseExercise(name string, line int, text string) (*Exercise, error) {
	ex := &Exercise{Line: line}
	var task []string
	for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
		if c, ok := strings.CutPrefix(strings.TrimSpace(l), "check:"); ok {
			ex.Check = strings.TrimSpace(c)
			continue
		}
		task = append(task, l)
	}
	ex.Task = strings.TrimSpace(strings.Join(task, "\n"))
	if ex.Check == "" {
		return nil, fmt.Errorf("%s:%d: an exercise needs a line \"check: ...\", such as check: peak_queue <= 20", name, line)
	}
	if _, err := view.ParseCheck(ex.Check); err != nil {
		return nil, fmt.Errorf("%s:%d: %v", name, line, err)
	}
	return ex, nil
}

// follows reports whether b comes right after a program, or after the
// program's output or world block.
func follows(b *ast.FencedCodeBlock, src []byte) bool {
	for {
		prev, ok := b.PreviousSibling().(*ast.FencedCodeBlock)
		if !ok {
			return false
		}
		switch blockRole(prev, src) {
		case roleProgram:
			return true
		case roleOutput, roleError, roleWorld, roleExercise, roleCompare:
			if blockRole(prev, src) == blockRole(b, src) {
				return false // one of each
			}
			b = prev
		default:
			return false
		}
	}
}

func blockRole(b *ast.FencedCodeBlock, src []byte) role {
	if b.Info == nil {
		return roleListing
	}
	words := strings.Fields(string(b.Info.Segment.Value(src)))
	switch {
	case len(words) == 2 && words[0] == "python" && words[1] == "run":
		return roleProgram
	case len(words) == 1 && words[0] == "output":
		return roleOutput
	case len(words) == 1 && words[0] == "error":
		return roleError
	case len(words) == 1 && words[0] == "world":
		return roleWorld
	case len(words) == 1 && words[0] == "exercise":
		return roleExercise
	case len(words) == 2 && words[0] == "python" && words[1] == "solution":
		return roleSolution
	case len(words) == 1 && words[0] == "compare":
		return roleCompare
	}
	return roleListing
}

func blockText(b *ast.FencedCodeBlock, src []byte) string {
	var s strings.Builder
	for i := 0; i < b.Lines().Len(); i++ {
		line := b.Lines().At(i)
		s.Write(line.Value(src))
	}
	return s.String()
}

// lineOf is the 1-based line of a block's first content line (the line
// after its opening fence), or of the fence when the block is empty.
func lineOf(b *ast.FencedCodeBlock, src []byte) int {
	if b.Lines().Len() == 0 {
		return fenceLine(b, src)
	}
	return lineAt(src, b.Lines().At(0).Start)
}

// fenceLine is the line of a block's opening fence. Only blocks with an
// info string have a role, so only they are asked.
func fenceLine(b *ast.FencedCodeBlock, src []byte) int {
	if b.Info == nil {
		return 0
	}
	return lineAt(src, b.Info.Segment.Start)
}

func lineAt(src []byte, offset int) int { return bytes.Count(src[:offset], []byte("\n")) + 1 }
