package runtime

import (
	"strings"
	"unicode/utf8"

	"asyncplay/sim/py/syntax"
)

// FormatException renders an uncaught exception as CPython 3.11 prints
// it: the chain of causes and contexts first, each with its traceback,
// source lines and carets, then the exception line and its notes.
// Exception groups are drawn in boxes, as pythonrun.c's
// print_exception_group draws them.
func (in *Interp) FormatException(th *Thread, e *Instance) string {
	var b strings.Builder
	p := &excPrinter{in: in, th: th, b: &b, seen: map[*Instance]bool{}}
	p.format(e)
	return b.String()
}

// CPython's limits on the groups it draws.
const (
	maxGroupWidth = 15
	maxGroupDepth = 10
)

// excPrinter is pythonrun.c's exception_print_context.
type excPrinter struct {
	in        *Interp
	th        *Thread
	b         *strings.Builder
	seen      map[*Instance]bool
	depth     int  // nesting of exception groups
	needClose bool // the last group's closing line is still to come
}

func (p *excPrinter) indent() string { return strings.Repeat(" ", 2*p.depth) }

// margin is what begins each line inside a group's box.
func (p *excPrinter) margin() string {
	if p.depth == 0 {
		return ""
	}
	return p.indent() + "| "
}

// emit writes text, each of its lines after the margin.
func (p *excPrinter) emit(text string) {
	m := p.margin()
	for text != "" {
		i := strings.IndexByte(text, '\n')
		line := text
		if i >= 0 {
			line, text = text[:i+1], text[i+1:]
		} else {
			text = ""
		}
		p.b.WriteString(m + line)
	}
}

// format is print_exception_recursive.
func (p *excPrinter) format(e *Instance) {
	p.seen[e] = true
	switch {
	case e.Exc.Cause != nil && !p.seen[e.Exc.Cause]:
		p.chained(e.Exc.Cause, "The above exception was the direct cause of the following exception:\n")
	case e.Exc.Context != nil && !e.Exc.SuppressContext && !p.seen[e.Exc.Context]:
		p.chained(e.Exc.Context, "During handling of the above exception, another exception occurred:\n")
	}
	if IsGroup(e) && GroupExceptions(e) != nil {
		p.group(e)
		return
	}
	p.exception(e, "Traceback (most recent call last):\n", p.margin())
}

// chained is print_chained: the cause or context, then the message
// between blank lines.
func (p *excPrinter) chained(e *Instance, msg string) {
	needClose := p.needClose
	p.format(e)
	p.needClose = needClose
	p.emit("\n" + msg + "\n")
}

// exception is print_exception: the traceback under its header, the
// exception line and the notes.
func (p *excPrinter) exception(e *Instance, header, headerMargin string) {
	if len(e.Exc.Traceback) > 0 {
		p.b.WriteString(headerMargin + header)
		var tb strings.Builder
		p.in.formatEntries(&tb, e.Exc.Traceback)
		p.emit(tb.String())
	}
	p.emit(p.in.exceptionLine(p.th, e) + "\n")
	p.notes(e)
}

// notes prints __notes__, each line of each note after the margin.
func (p *excPrinter) notes(e *Instance) {
	v, ok := e.Dict.Get("__notes__")
	if !ok {
		return
	}
	var items []Value
	switch n := v.(type) {
	case *List:
		items = n.Items
	case Tuple:
		items = n
	default:
		r, err := Repr(p.th, v)
		if err != nil {
			r = "<__notes__ repr() failed>"
		}
		p.emit(r + "\n")
		return
	}
	for _, note := range items {
		s, err := StrOf(p.th, note)
		if err != nil {
			p.b.WriteString("<note str() failed>\n")
			continue
		}
		p.emit(s)
		p.b.WriteString("\n")
	}
}

// group is print_exception_group: the group's own traceback and line,
// then each exception in a numbered box, at most maxGroupWidth of them
// and maxGroupDepth deep.
func (p *excPrinter) group(e *Instance) {
	if p.depth > maxGroupDepth {
		p.emit("... (max_group_depth is " + itoa(maxGroupDepth) + ")\n")
		return
	}
	if p.depth == 0 {
		p.depth++
	}
	headerMargin := p.margin()
	if p.depth == 1 {
		headerMargin = p.indent() + "+ "
	}
	p.exception(e, "Exception Group Traceback (most recent call last):\n", headerMargin)
	excs := GroupExceptions(e)
	n := len(excs)
	if n > maxGroupWidth {
		n = maxGroupWidth + 1
	}
	p.needClose = false
	for i := 0; i < n; i++ {
		last := i == n-1
		if last {
			p.needClose = true // unless a nested group closes the box
		}
		lead := "  "
		if i == 0 {
			lead = "+-"
		}
		title := itoa(int64(i + 1))
		truncated := i >= maxGroupWidth
		if truncated {
			title = "..."
		}
		p.b.WriteString(p.indent() + lead + "+---------------- " + title + " ----------------\n")
		p.depth++
		if !truncated {
			if x, ok := excs[i].(*Instance); ok && x.Exc != nil {
				p.format(x)
			}
		} else {
			more := len(excs) - maxGroupWidth
			plural := "s"
			if more == 1 {
				plural = ""
			}
			p.emit("and " + itoa(int64(more)) + " more exception" + plural + "\n")
		}
		if last && p.needClose {
			p.b.WriteString(p.indent() + "+------------------------------------\n")
			p.needClose = false
		}
		p.depth--
	}
	if p.depth == 1 {
		p.depth--
	}
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
		// A position that goes on to later lines is underlined to the
		// last non-blank character of this one (traceback.c; traceback.py
		// stops one short).
		end = strippedChars + utf8.RuneCountInString(stripped) + 1
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
