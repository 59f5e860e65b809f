package syntax

import (
	"sort"
	"strings"
)

// Pos is a position in the source. Offset and Col count UTF-8 bytes; Col is
// CPython's col_offset.
type Pos struct {
	Offset int // from the start of the (newline-normalized) source
	Line   int // 1-based
	Col    int // 0-based, in bytes within the line
}

// IsValid reports whether p was set.
func (p Pos) IsValid() bool { return p.Line > 0 }

// source is the text being parsed, with CPython's newline translation
// applied (\r\n and \r become \n, and a final \n is added).
type source struct {
	filename   string
	text       string
	lineStarts []int // byte offset of each line's first byte; lineStarts[0] == 0
}

func newSource(filename, text string) *source {
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	if text != "" && text[len(text)-1] != '\n' {
		text += "\n"
	}
	s := &source{filename: filename, text: text, lineStarts: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' && i+1 < len(text) {
			s.lineStarts = append(s.lineStarts, i+1)
		}
	}
	return s
}

// line returns the text of 1-based line n without its newline.
func (s *source) line(n int) string {
	if n < 1 || n > len(s.lineStarts) {
		return ""
	}
	start := s.lineStarts[n-1]
	end := strings.IndexByte(s.text[start:], '\n')
	if end < 0 {
		return s.text[start:]
	}
	return s.text[start : start+end]
}

// position converts a byte offset to a Pos.
func (s *source) position(off int) Pos {
	i := sort.Search(len(s.lineStarts), func(i int) bool { return s.lineStarts[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return Pos{Offset: off, Line: i + 1, Col: off - s.lineStarts[i]}
}

// errorAt builds a SyntaxError from byte columns. col and endCol are byte
// counts from the start of their line as CPython passes them to its error
// constructors (1-based offsets for parser errors, "bytes up to the
// cursor" for tokenizer errors); values <= 0 pass through unchanged.
func (s *source) errorAt(kind ErrorKind, msg string, line, col, endLine, endCol int) *SyntaxError {
	text := s.line(line)
	e := &SyntaxError{Kind: kind, Msg: msg, Filename: s.filename, Line: line, Text: text,
		Col: charOffset(text, col), EndLine: endLine}
	if endLine == line {
		e.EndCol = charOffset(text, endCol)
	} else {
		e.EndCol = charOffset(s.line(endLine), endCol)
	}
	return e
}
