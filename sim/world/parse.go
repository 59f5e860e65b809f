package world

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"asyncplay/sim"
)

// Error is a mistake in a world declaration, shown as python3 shows a
// syntax error: the line, a caret under the word, and what is wrong.
type Error struct {
	File string
	Line int    // 1-based
	Col  int    // 0-based column of the word
	Len  int    // the word's length, for the carets
	Text string // the declaration's line
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "  File %q, line %d\n", e.File, e.Line)
	if e.Text != "" {
		trimmed := strings.TrimLeft(e.Text, " \t")
		indent := len(e.Text) - len(trimmed)
		b.WriteString("    " + trimmed + "\n")
		b.WriteString("    " + strings.Repeat(" ", max(e.Col-indent, 0)) + strings.Repeat("^", max(e.Len, 1)) + "\n")
	}
	b.WriteString("WorldError: " + e.Msg + "\n")
	return b.String()
}

// word is a token of a declaration line: a bare word or a quoted string
// (whose escapes are decoded).
type word struct {
	s      string
	col    int
	n      int // its length in the line
	quoted bool
}

// line is one declaration line, split into words.
type line struct {
	no     int
	text   string
	indent bool
	words  []word
}

// split cuts a line into words; a # outside quotes starts a comment.
func split(no int, text string) (line, *Error) {
	l := line{no: no, text: text}
	l.indent = strings.HasPrefix(text, " ") || strings.HasPrefix(text, "\t")
	i := 0
	for i < len(text) {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '#':
			return l, nil
		case c == ';':
			l.words = append(l.words, word{s: ";", col: i, n: 1})
			i++
		case c == '"':
			s, n, err := unquote(text[i:])
			if err != "" {
				return l, &Error{Line: no, Col: i, Len: len(text) - i, Text: text, Msg: err}
			}
			l.words = append(l.words, word{s: s, col: i, n: n, quoted: true})
			i += n
		default:
			j := i
			for j < len(text) && !strings.ContainsRune(" \t\"#;\r", rune(text[j])) {
				j++
			}
			l.words = append(l.words, word{s: text[i:j], col: i, n: j - i})
			i = j
		}
	}
	return l, nil
}

// steps cuts a line at its semicolons (outside quotes) into the line and
// the steps that follow it on the same line, each then an indented line.
func steps(l line) []line {
	out := []line{{no: l.no, text: l.text, indent: l.indent}}
	for _, w := range l.words {
		if !w.quoted && w.s == ";" {
			out = append(out, line{no: l.no, text: l.text, indent: true})
			continue
		}
		cur := &out[len(out)-1]
		cur.words = append(cur.words, w)
	}
	return out
}

// unquote decodes a "quoted string" at the start of s with the escapes a
// learner types: \n \r \t \\ \".
func unquote(s string) (string, int, string) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			return b.String(), i + 1, ""
		case '\\':
			if i+1 == len(s) {
				return "", 0, "the string is not closed with \""
			}
			i++
			switch e := s[i]; e {
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case '\\', '"':
				b.WriteByte(e)
			default:
				return "", 0, fmt.Sprintf("unknown escape \\%c (use \\n, \\r, \\t, \\\\ or \\\")", e)
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", 0, "the string is not closed with \""
}

// reader walks the words of one line, producing errors that point at them.
type reader struct {
	file string
	l    line
	i    int
}

func (r *reader) errAt(w word, format string, args ...any) *Error {
	return &Error{File: r.file, Line: r.l.no, Col: w.col, Len: w.n, Text: r.l.text, Msg: fmt.Sprintf(format, args...)}
}

// errEnd is an error about something missing at the end of the line.
func (r *reader) errEnd(format string, args ...any) *Error {
	end := len(strings.TrimRight(r.l.text, " \t\r"))
	return &Error{File: r.file, Line: r.l.no, Col: end, Len: 1, Text: r.l.text, Msg: fmt.Sprintf(format, args...)}
}

func (r *reader) done() bool { return r.i >= len(r.l.words) }

func (r *reader) peek() (word, bool) {
	if r.done() {
		return word{}, false
	}
	return r.l.words[r.i], true
}

func (r *reader) next(what string) (word, *Error) {
	if r.done() {
		return word{}, r.errEnd("%s is missing here", what)
	}
	r.i++
	return r.l.words[r.i-1], nil
}

// keyword reads the next word, which must be one of words.
func (r *reader) keyword(words ...string) (string, *Error) {
	w, err := r.next(strings.Join(quoteAll(words), " or "))
	if err != nil {
		return "", err
	}
	for _, k := range words {
		if w.s == k && !w.quoted {
			return k, nil
		}
	}
	return "", r.errAt(w, "expected %s, not %q%s", strings.Join(quoteAll(words), " or "), w.s, suggest(w.s, words))
}

// optional reads kw if it comes next.
func (r *reader) optional(kw string) bool {
	if w, ok := r.peek(); ok && w.s == kw && !w.quoted {
		r.i++
		return true
	}
	return false
}

func (r *reader) duration(what string) (sim.Time, *Error) {
	w, err := r.next(what)
	if err != nil {
		return 0, err
	}
	d, perr := parseDuration(w.s)
	if perr != "" {
		return 0, r.errAt(w, "%s: %s", what, perr)
	}
	return d, nil
}

func (r *reader) count(what string) (int, *Error) {
	w, err := r.next(what)
	if err != nil {
		return 0, err
	}
	n, perr := strconv.Atoi(strings.ReplaceAll(w.s, "_", ""))
	if perr != nil || n < 0 {
		return 0, r.errAt(w, "%s must be a whole number, not %q", what, w.s)
	}
	return n, nil
}

func (r *reader) name(what string) (string, *Error) {
	w, err := r.next(what)
	if err != nil {
		return "", err
	}
	if w.quoted || w.s == "" {
		return "", r.errAt(w, "%s must be a plain word", what)
	}
	return w.s, nil
}

func (r *reader) text(what string) (string, *Error) {
	w, err := r.next(what)
	if err != nil {
		return "", err
	}
	if !w.quoted {
		return "", r.errAt(w, "%s must be in double quotes, like \"hello\\n\"", what)
	}
	return w.s, nil
}

// address reads HOST:PORT.
func (r *reader) address(what string) (string, int, *Error) {
	w, err := r.next(what)
	if err != nil {
		return "", 0, err
	}
	host, port, ok := strings.Cut(w.s, ":")
	p, perr := strconv.Atoi(port)
	if !ok || perr != nil || p <= 0 || p > 65535 {
		return "", 0, r.errAt(w, "%s must be HOST:PORT, like localhost:25000, not %q", what, w.s)
	}
	return host, p, nil
}

// parseDuration reads 10s, 1.5s, 250ms, 100us, 2m; a bare 0 is zero.
func parseDuration(s string) (sim.Time, string) {
	if s == "0" {
		return 0, ""
	}
	d, err := time.ParseDuration(strings.ReplaceAll(s, "µ", "u"))
	if err != nil || d < 0 {
		return 0, fmt.Sprintf("%q is not a duration such as 1s, 250ms or 100us", s)
	}
	return sim.Time(d), ""
}

// parseSize reads a byte count: 1000, 64KiB, 1MB (K and M are 1000s,
// Ki and Mi 1024s).
func parseSize(s string) (int64, string) {
	mult := int64(1)
	num := s
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			num, mult = strings.TrimSuffix(s, u.suffix), u.mult
			break
		}
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(num, "_", ""), 64)
	if err != nil || f < 0 {
		return 0, fmt.Sprintf("%q is not a size such as 1000, 64KiB or 1MB", s)
	}
	return int64(f * float64(mult)), ""
}

// rate reads N/s (records, or bytes with a unit: 10KB/s).
func (r *reader) rate(what string) (float64, *Error) {
	w, err := r.next(what)
	if err != nil {
		return 0, err
	}
	num, ok := strings.CutSuffix(w.s, "/s")
	if !ok {
		return 0, r.errAt(w, "%s must be per second, like 1000/s or 10KB/s, not %q", what, w.s)
	}
	n, perr := parseSize(num)
	if perr != "" || n <= 0 {
		return 0, r.errAt(w, "%s must be a positive rate, like 1000/s or 10KB/s, not %q", what, w.s)
	}
	return float64(n), nil
}

func quoteAll(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = strconv.Quote(w)
	}
	return out
}

// suggest names the known word closest to s, when one is close.
func suggest(s string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := distance(s, k); d < bestD || (d == bestD && best == "" && d <= len(k)/3) {
			best, bestD = k, d
		}
	}
	if best == "" || bestD > max(1, len(best)/3) {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// distance is the Damerau-Levenshtein distance (adjacent swaps count 1).
func distance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
