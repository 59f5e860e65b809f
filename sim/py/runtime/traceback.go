package runtime

import (
	"strings"
	"unicode/utf8"

	"asyncplay/sim/py/syntax"
)

// FormatException renders an uncaught exception as CPython 3.11 prints
// it: the chain of causes and contexts first, each with its traceback,
// source lines and carets, then the exception line.
func (in *Interp) FormatException(th *Thread, e *Instance) string {
	var b strings.Builder
	in.formatChain(th, &b, e, map[*Instance]bool{})
	return b.String()
}

func (in *Interp) formatChain(th *Thread, b *strings.Builder, e *Instance, seen map[*Instance]bool) {
	seen[e] = true
	switch {
	case e.Exc.Cause != nil && !seen[e.Exc.Cause]:
		in.formatChain(th, b, e.Exc.Cause, seen)
		b.WriteString("\nThe above exception was the direct cause of the following exception:\n\n")
	case e.Exc.Context != nil && !e.Exc.SuppressContext && !seen[e.Exc.Context]:
		in.formatChain(th, b, e.Exc.Context, seen)
		b.WriteString("\nDuring handling of the above exception, another exception occurred:\n\n")
	}
	if len(e.Exc.Traceback) > 0 {
		b.WriteString("Traceback (most recent call last):\n")
		in.formatEntries(b, e.Exc.Traceback)
	}
	b.WriteString(in.exceptionLine(th, e))
	b.WriteByte('\n')
}

// formatEntries prints the frames, folding a run of identical ones after
// the third into "[Previous line repeated N more times]".
func (in *Interp) formatEntries(b *strings.Builder, tb []TraceEntry) {
	var last TraceEntry
	count := 0
	flush := func() {
		if count > 3 {
			n := count - 3
			s := "s"
			if n == 1 {
				s = ""
			}
			b.WriteString("  [Previous line repeated " + itoa(int64(n)) + " more time" + s + "]\n")
		}
	}
	for i, t := range tb {
		if i > 0 && t.File == last.File && t.Line == last.Line && t.Func == last.Func {
			count++
		} else {
			flush()
			count = 1
		}
		last = t
		if count > 3 {
			continue
		}
		b.WriteString("  File \"" + t.File + "\", line " + itoa(int64(t.Line)) + ", in " + t.Func + "\n")
		line := in.SourceLine(t.File, t.Line)
		stripped := strings.TrimSpace(line)
		if stripped == "" {
			continue
		}
		b.WriteString("    " + stripped + "\n")
		if carets := caretLine(line, t); carets != "" {
			b.WriteString("    " + carets + "\n")
		}
	}
	flush()
}

// caretLine is the indicator row under a traceback's source line, or ""
// when the failing expression spans the whole line.
func caretLine(line string, t TraceEntry) string {
	if t.EndLine == 0 {
		return ""
	}
	indent := len(line) - len(strings.TrimLeft(line, " \t\f"))
	stripped := strings.TrimSpace(line)
	strippedChars := utf8.RuneCountInString(line[:indent])
	start := charOffset(line, t.Col) + 1
	end := charOffset(line, t.EndCol) + 1
	var anchors *caretAnchors
	if t.Line == t.EndLine {
		if t.Col <= len(line) && t.EndCol <= len(line) && t.Col <= t.EndCol {
			anchors = extractAnchors(line[t.Col:t.EndCol])
		}
	} else {
		end = strippedChars + utf8.RuneCountInString(stripped)
	}
	if !(end-start < utf8.RuneCountInString(stripped) || anchors != nil && anchors.right-anchors.left > 0) {
		return ""
	}
	row := strings.Repeat(" ", start-strippedChars-1)
	if anchors != nil {
		row += strings.Repeat("~", anchors.left) + strings.Repeat("^", anchors.right-anchors.left) + strings.Repeat("~", max(0, end-start-anchors.right))
	} else {
		row += strings.Repeat("^", max(0, end-start))
	}
	return row
}

func charOffset(line string, byteOffset int) int {
	if byteOffset > len(line) {
		byteOffset = len(line)
	}
	return utf8.RuneCountInString(line[:byteOffset])
}

// caretAnchors are the offsets (in characters of the segment) between
// which a binary operator or a subscript's brackets get '^' rather than '~'.
type caretAnchors struct{ left, right int }

// extractAnchors is CPython 3.11's _extract_caret_anchors_from_line_segment:
// it re-parses the failing expression to find its operator or brackets.
func extractAnchors(segment string) *caretAnchors {
	mod, err := syntax.Parse("<segment>", segment)
	if err != nil || len(mod.Body) != 1 {
		return nil
	}
	stmt, ok := mod.Body[0].(*syntax.ExprStmt)
	if !ok {
		return nil
	}
	norm := func(off int) int { return charOffset(segment, off) }
	switch e := stmt.Value.(type) {
	case *syntax.BinOp:
		opStart, opEnd := norm(e.Left.End().Col), norm(e.Right.Start().Col)
		runes := []rune(segment)
		if opStart > opEnd || opEnd > len(runes) {
			return nil
		}
		opStr := string(runes[opStart:opEnd])
		offset := len([]rune(opStr)) - len([]rune(strings.TrimLeft(opStr, " \t\f\n")))
		left := e.Left.End().Col + offset
		right := left + 1
		ops := []rune(opStr)
		if offset+1 < len(ops) && !isSpace(ops[offset+1]) {
			right++
		}
		for left < len(segment) && (isSpace(rune(segment[left])) || segment[left] == ')' || segment[left] == '#') {
			left++
			right++
		}
		return &caretAnchors{norm(left), norm(right)}
	case *syntax.Subscript:
		left := norm(e.Value.End().Col)
		right := norm(e.Slice.End().Col + 1)
		runes := []rune(segment)
		for left < len(runes) && runes[left] != '[' {
			left++
		}
		for right < len(runes) && runes[right] != ']' {
			right++
		}
		if right < len(runes) {
			right++
		}
		return &caretAnchors{left, right}
	}
	return nil
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r' }

// exceptionLine is the last line: "Name: message", with 3.11's "Did you
// mean" suggestion for NameError and AttributeError.
func (in *Interp) exceptionLine(th *Thread, e *Instance) string {
	name := e.Class.Name
	if m := e.Class.Module; m != "builtins" && m != "__main__" && m != "" {
		name = m + "." + name
	}
	msg, err := StrOf(th, e)
	if err != nil {
		msg = "<exception str() failed>"
	}
	if e.Suggestion != "" {
		msg += ". Did you mean: '" + e.Suggestion + "'?"
	}
	if msg == "" {
		return name
	}
	return name + ": " + msg
}
