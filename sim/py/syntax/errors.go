package syntax

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrorKind tells SyntaxError's subclasses apart.
type ErrorKind uint8

const (
	// KindSyntax is a plain SyntaxError.
	KindSyntax ErrorKind = iota
	// KindIndentation is an IndentationError.
	KindIndentation
	// KindTab is a TabError (a subclass of IndentationError).
	KindTab
)

// String returns the Python exception class name.
func (k ErrorKind) String() string {
	switch k {
	case KindIndentation:
		return "IndentationError"
	case KindTab:
		return "TabError"
	}
	return "SyntaxError"
}

// SyntaxError is a syntax error in CPython's terms: its fields are the
// attributes of Python's SyntaxError (msg, filename, lineno, offset,
// end_lineno, end_offset, text) and Error renders it the way CPython prints
// an uncaught SyntaxError, without the traceback header.
type SyntaxError struct {
	Kind     ErrorKind
	Msg      string
	Filename string
	Line     int // 1-based line (lineno)
	// Col is the 1-based offset in characters (CPython's offset); 0 means
	// unknown. It may point just past the end of Text.
	Col     int
	EndLine int // end_lineno
	// EndCol is CPython's end_offset: 1-based, exclusive, in characters;
	// 0 or -1 when unknown, which renders as a single caret.
	EndCol int
	Text   string // the source line, without its newline
}

// Error renders the error as CPython's default exception printer does:
//
//	  File "<main>", line 3
//	    if x = 1:
//	       ^^^^^
//	SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?
func (e *SyntaxError) Error() string {
	var b strings.Builder
	b.WriteString(`  File "`)
	b.WriteString(e.Filename)
	b.WriteString(`", line `)
	b.WriteString(strconv.Itoa(e.Line))
	b.WriteByte('\n')
	if e.Text != "" || e.Col > 0 {
		// CPython draws a range of carets for SyntaxError itself only.
		writeErrorText(&b, e.Text, e.Col, e.Kind == KindSyntax, e.EndLine != e.Line, e.EndCol)
	}
	b.WriteString(e.Kind.String())
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// writeErrorText follows CPython 3.11's print_error_text (pythonrun.c):
// leading blanks are stripped and the caret shifted to match.
func writeErrorText(b *strings.Builder, text string, offset int, ranged, multiline bool, endOffset int) {
	runes := []rune(text)
	if multiline {
		// A range that ends on a later line is drawn to the end of this
		// one, short of its last character, as CPython does.
		endOffset = len(runes)
	}
	// CPython works in characters for the offset and strips ' ', '\t', '\f'.
	off := offset - 1
	end := endOffset - 1
	i := 0
	for i < len(runes) && (runes[i] == ' ' || runes[i] == '\t' || runes[i] == '\f') {
		i++
		off--
		end--
	}
	runes = runes[i:]
	b.WriteString("    ")
	b.WriteString(string(runes))
	b.WriteByte('\n')
	if offset <= 0 || off < 0 {
		return
	}
	if off > len(runes) {
		off = len(runes)
	}
	carets := 1
	if multiline {
		end = endOffset - 1 - (len([]rune(text)) - len(runes))
	}
	if ranged && endOffset > 0 && end > off {
		if end > len(runes)+1 {
			end = len(runes) + 1
		}
		if end > off {
			carets = end - off
		}
	}
	b.WriteString("    ")
	b.WriteString(strings.Repeat(" ", off))
	b.WriteString(strings.Repeat("^", carets))
	b.WriteByte('\n')
}

// charOffset converts a byte count within line to a character count the
// way CPython's _PyPegen_byte_offset_to_character_offset does: a sequence
// cut short by the limit counts as one character.
func charOffset(line string, n int) int {
	if n <= 0 {
		return n
	}
	if n > len(line) {
		// The newline CPython keeps at the end of its line buffer counts too.
		extra := n - len(line)
		if extra > 1 {
			extra = 1
		}
		return utf8.RuneCountInString(line) + extra
	}
	return utf8.RuneCountInString(line[:n])
}
