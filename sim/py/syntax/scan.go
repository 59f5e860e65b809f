package syntax

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// The scanner follows CPython 3.11's tokenizer (Parser/tokenizer.c) closely,
// because the learner-facing error messages and their columns depend on
// exactly when and where it gives up. Indentation is a stack of columns with
// a count of pending INDENT/DEDENT tokens, as in starlark-go; newlines inside
// brackets are not tokens.
//
// The whole source is scanned before parsing. When the tokenizer fails, the
// token list ends with a tError token; the parser reports the failure when
// it reaches that token, and otherwise decides, as CPython does, whether the
// tokenizer's error overrides its own (see parser.finish).

const (
	tabSize    = 8
	maxIndent  = 100
	maxLevel   = 200
	altTabSize = 1
)

// scanFail says how the tokenizer stopped. Those with an exception
// (failRaised) win over any parser error; the others are reported only when
// the parser reaches them, like CPython's ERRORTOKEN without an exception.
type scanFail uint8

const (
	failNone scanFail = iota
	failRaised
	failEOFInParens // end of input inside brackets
	failEOF         // backslash continuation at end of input
	failDedent      // unindent does not match any outer indentation level
	failTabSpace
	failTooDeep
	failLineCont
)

type openParen struct {
	ch        byte
	line, col int
}

type scanner struct {
	src        *source
	text       string
	pos        int // next byte to read
	line       int
	lineStart  int
	atBOL      bool
	indents    []int
	altIndents []int
	pending    int // >0: INDENTs to emit, <0: DEDENTs
	parens     []openParen
	toks       []token

	fail    scanFail
	err     *SyntaxError // for failRaised and the located failures
	failCol int          // failLineCont: column of the offending character
}

func scan(src *source) *scanner {
	s := &scanner{src: src, text: src.text, line: 1, atBOL: true,
		indents: []int{0}, altIndents: []int{0}}
	// Typical Python has a token every three or four bytes; one allocation
	// of about the right size saves the slice's regrowth.
	s.toks = make([]token, 0, len(s.text)/3+8)
	if len(s.text) >= 3 && s.text[:3] == "\xef\xbb\xbf" {
		s.pos = 3 // a UTF-8 byte order mark
	}
	for {
		t, ok := s.next()
		if !ok {
			t = token{kind: tError, off: s.pos, endOff: s.pos, line: s.line, col: s.pos - s.lineStart,
				endLine: s.line, endCol: s.pos - s.lineStart, level: len(s.parens)}
			s.toks = append(s.toks, t)
			return s
		}
		s.toks = append(s.toks, t)
		if t.kind == tEOF {
			return s
		}
	}
}

// peekc returns the byte at pos+i, or 0 at the end. The source never
// contains NUL (Parse rejects it), so 0 means end of input.
func (s *scanner) peekc(i int) byte {
	if s.pos+i < len(s.text) {
		return s.text[s.pos+i]
	}
	return 0
}

func (s *scanner) newline() {
	s.line++
	s.lineStart = s.pos
}

// raise records a tokenizer exception located as CPython's syntaxerror():
// at the character before the cursor on the current line.
func (s *scanner) raise(format string, args ...any) bool {
	return s.raiseAt(s.line, s.pos-s.lineStart, -1, fmt.Sprintf(format, args...))
}

// raiseAt records a tokenizer exception. col and endCol count bytes from
// the start of the line (CPython counts characters; errorAt converts).
func (s *scanner) raiseAt(line, col, endCol int, msg string) bool {
	if endCol < 0 {
		endCol = col
	}
	s.fail = failRaised
	s.err = s.src.errorAt(KindSyntax, msg, line, col, line, endCol)
	return false
}

func (s *scanner) tok(kind tokenKind, start, startLine, startCol int) token {
	return token{kind: kind, off: start, endOff: s.pos, line: startLine, col: startCol,
		endLine: s.line, endCol: s.pos - s.lineStart, level: len(s.parens)}
}

// next returns the next token, or false when the tokenizer fails.
func (s *scanner) next() (token, bool) {
	blank := false
again:
	blank = false
	if s.atBOL {
		s.atBOL = false
		col, altcol := 0, 0
	indent:
		for {
			switch s.peekc(0) {
			case ' ':
				col++
				altcol++
			case '\t':
				col = (col/tabSize + 1) * tabSize
				altcol = (altcol/altTabSize + 1) * altTabSize
			case '\f':
				col, altcol = 0, 0
			default:
				break indent
			}
			s.pos++
		}
		if c := s.peekc(0); c == '#' || c == '\n' {
			blank = true
		}
		if !blank && len(s.parens) == 0 {
			top := len(s.indents) - 1
			switch {
			case col == s.indents[top]:
				if altcol != s.altIndents[top] {
					return token{}, s.failWith(failTabSpace)
				}
			case col > s.indents[top]:
				if len(s.indents) >= maxIndent {
					return token{}, s.failWith(failTooDeep)
				}
				if altcol <= s.altIndents[top] {
					return token{}, s.failWith(failTabSpace)
				}
				s.pending++
				s.indents = append(s.indents, col)
				s.altIndents = append(s.altIndents, altcol)
			default:
				for len(s.indents) > 1 && col < s.indents[len(s.indents)-1] {
					s.pending--
					s.indents = s.indents[:len(s.indents)-1]
					s.altIndents = s.altIndents[:len(s.altIndents)-1]
				}
				top = len(s.indents) - 1
				if col != s.indents[top] {
					return token{}, s.failWith(failDedent)
				}
				if altcol != s.altIndents[top] {
					return token{}, s.failWith(failTabSpace)
				}
			}
		}
	}

	if s.pending != 0 {
		if s.pos >= len(s.text) {
			s.atEOF()
		}
		kind := tINDENT
		if s.pending < 0 {
			kind = tDEDENT
			s.pending++
		} else {
			s.pending--
		}
		t := s.tok(kind, s.pos, s.line, s.pos-s.lineStart)
		t.noCol = true
		return t, true
	}

	// Skip blanks.
	for c := s.peekc(0); c == ' ' || c == '\t' || c == '\f'; c = s.peekc(0) {
		s.pos++
	}
	start, startLine, startCol := s.pos, s.line, s.pos-s.lineStart
	c := s.peekc(0)
	if c == '#' {
		for s.pos < len(s.text) && s.text[s.pos] != '\n' {
			s.pos++
		}
		c = s.peekc(0)
	}
	if s.pos >= len(s.text) {
		if len(s.parens) > 0 {
			return token{}, s.failWith(failEOFInParens)
		}
		s.atEOF()
		t := s.tok(tEOF, s.pos, s.line, s.pos-s.lineStart)
		t.noCol = true
		return t, true
	}

	switch {
	case isIdentStart(c):
		return s.scanNameOrString(start, startLine, startCol)
	case c == '\n':
		s.pos++
		s.atBOL = true
		if blank || len(s.parens) > 0 {
			s.newline()
			goto again
		}
		t := token{kind: tNEWLINE, off: start, endOff: s.pos - 1, line: startLine, col: startCol,
			endLine: s.line, endCol: s.pos - 1 - s.lineStart, level: len(s.parens)}
		s.newline()
		return t, true
	case c == '.':
		if isDigit(s.peekc(1)) {
			return s.scanNumber(start, startLine, startCol)
		}
		if s.peekc(1) == '.' && s.peekc(2) == '.' {
			s.pos += 3
			return s.tok(tELLIPSIS, start, startLine, startCol), true
		}
		s.pos++
		return s.tok(tDOT, start, startLine, startCol), true
	case isDigit(c):
		return s.scanNumber(start, startLine, startCol)
	case c == '\'' || c == '"':
		return s.scanString(start, startLine, startCol)
	case c == '\\':
		s.pos++
		if s.peekc(0) != '\n' {
			s.failCol = s.pos - s.lineStart
			return token{}, s.failWith(failLineCont)
		}
		s.pos++
		s.newline()
		if s.pos >= len(s.text) {
			s.atEOF()
			return token{}, s.failWith(failEOF)
		}
		goto again
	}

	// Operators, longest match first.
	if c2 := s.peekc(1); c2 == '=' || c2 == c || c2 == '>' {
		if s.pos+3 <= len(s.text) {
			if k, ok := threeCharOps[s.text[s.pos:s.pos+3]]; ok {
				s.pos += 3
				return s.tok(k, start, startLine, startCol), true
			}
		}
		if s.pos+2 <= len(s.text) {
			if k, ok := twoCharOps[s.text[s.pos:s.pos+2]]; ok {
				s.pos += 2
				return s.tok(k, start, startLine, startCol), true
			}
		}
	}
	s.pos++
	switch c {
	case '(', '[', '{':
		if len(s.parens) >= maxLevel {
			return token{}, s.raise("too many nested parentheses")
		}
		s.parens = append(s.parens, openParen{c, startLine, startCol})
	case ')', ']', '}':
		if len(s.parens) == 0 {
			return token{}, s.raise("unmatched '%c'", c)
		}
		open := s.parens[len(s.parens)-1]
		s.parens = s.parens[:len(s.parens)-1]
		if !(open.ch == '(' && c == ')' || open.ch == '[' && c == ']' || open.ch == '{' && c == '}') {
			if open.line != s.line {
				return token{}, s.raise("closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, open.ch, open.line)
			}
			return token{}, s.raise("closing parenthesis '%c' does not match opening parenthesis '%c'", c, open.ch)
		}
	}
	if c < ' ' || c == 0x7f {
		return token{}, s.raise("invalid non-printable character U+%04X", c)
	}
	if k := oneCharOps[c]; k != 0 {
		return s.tok(k, start, startLine, startCol), true
	}
	t := s.tok(tUnknown, start, startLine, startCol)
	t.text = s.text[start:s.pos]
	return t, true
}

// atEOF moves the line back to the last line of the source: CPython's
// tokenizer does not count a line after the final newline, and reports
// tokens and errors at the end of the input there, past the newline.
func (s *scanner) atEOF() {
	if s.line > len(s.src.lineStarts) && len(s.text) > 0 {
		s.line = len(s.src.lineStarts)
		s.lineStart = s.src.lineStarts[s.line-1]
	}
}

func (s *scanner) failWith(f scanFail) bool {
	s.fail = f
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isHex(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
func isIdentStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c >= 0x80
}
func isIdentChar(c byte) bool { return isIdentStart(c) || isDigit(c) }

// scanNameOrString scans a name, or a string whose prefix it starts.
func (s *scanner) scanNameOrString(start, startLine, startCol int) (token, bool) {
	sawB, sawR, sawU, sawF := false, false, false, false
	for {
		c := s.peekc(0)
		switch {
		case !(sawB || sawU || sawF) && (c == 'b' || c == 'B'):
			sawB = true
		case !(sawB || sawU || sawR || sawF) && (c == 'u' || c == 'U'):
			sawU = true
		case !(sawR || sawU) && (c == 'r' || c == 'R'):
			sawR = true
		case !(sawF || sawB || sawU) && (c == 'f' || c == 'F'):
			sawF = true
		default:
			goto name
		}
		s.pos++
		if q := s.peekc(0); q == '\'' || q == '"' {
			return s.scanString(start, startLine, startCol)
		}
	}
name:
	nonASCII := false
	for s.pos < len(s.text) && isIdentChar(s.text[s.pos]) {
		if s.text[s.pos] >= 0x80 {
			nonASCII = true
		}
		s.pos++
	}
	text := s.text[start:s.pos]
	if nonASCII {
		if !s.verifyIdentifier(start, text) {
			return token{}, false
		}
	}
	t := s.tok(tNAME, start, startLine, startCol)
	if len(text) >= 2 && len(text) <= 8 && (text[0] >= 'a' || text[0] == 'F' || text[0] == 'N' || text[0] == 'T') {
		if k, ok := keywords[text]; ok {
			t.kind = k
		}
	}
	t.text = text
	return t, true
}

// verifyIdentifier reports the first character that may not appear in an
// identifier, as CPython's verify_identifier does.
func (s *scanner) verifyIdentifier(start int, text string) bool {
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			s.pos = start + i + 1
			return s.raise("invalid character '\\x%02x' (U+%04X)", text[i], text[i])
		}
		ok := isIDContinue(r)
		if i == 0 {
			ok = isIDStart(r)
		}
		if !ok {
			s.pos = start + i + size
			if unicode.IsPrint(r) {
				return s.raise("invalid character '%c' (U+%04X)", r, r)
			}
			return s.raise("invalid non-printable character U+%04X", r)
		}
		i += size
	}
	return true
}

func isIDStart(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

func isIDContinue(r rune) bool {
	return isIDStart(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)
}

// scanString scans a string literal whose prefix (if any) is already
// consumed; the quote is at pos. Decoding happens in the parser.
func (s *scanner) scanString(start, startLine, startCol int) (token, bool) {
	firstLineStart := s.lineStart
	quote := s.text[s.pos]
	quoteSize := 1
	if s.peekc(1) == quote && s.peekc(2) == quote {
		quoteSize = 3
	}
	s.pos += quoteSize
	endQuote := 0
	if quoteSize == 1 && s.peekc(0) == quote {
		s.pos++
		endQuote = 1
	}
	for endQuote != quoteSize {
		if s.pos >= len(s.text) || quoteSize == 1 && s.text[s.pos] == '\n' {
			if s.pos >= len(s.text) {
				s.atEOF()
			}
			detected := s.line
			// CPython reports from the string's first character.
			msg := fmt.Sprintf("unterminated string literal (detected at line %d)", detected)
			if quoteSize == 3 {
				msg = fmt.Sprintf("unterminated triple-quoted string literal (detected at line %d)", detected)
			}
			col := start - firstLineStart + 1
			return token{}, s.raiseAt(startLine, col, col, msg)
		}
		c := s.text[s.pos]
		s.pos++
		switch c {
		case quote:
			endQuote++
			continue
		case '\n':
			s.newline()
		case '\\':
			if s.pos < len(s.text) {
				if s.text[s.pos] == '\n' {
					s.pos++
					s.newline()
				} else {
					s.pos++
				}
			}
		}
		endQuote = 0
	}
	t := s.tok(tSTRING, start, startLine, startCol)
	t.text = s.text[start:s.pos]
	return t, true
}

// scanNumber scans a number literal, with CPython's checks and messages.
func (s *scanner) scanNumber(start, startLine, startCol int) (token, bool) {
	kind := tINT
	c := s.peekc(0)
	if c == '.' {
		s.pos++
		kind = tFLOAT
		goto fraction
	}
	if c == '0' {
		s.pos++
		switch c = s.peekc(0); c {
		case 'x', 'X':
			s.pos++
			for {
				if s.peekc(0) == '_' {
					s.pos++
				}
				if !isHex(s.peekc(0)) {
					return token{}, s.raise("invalid hexadecimal literal")
				}
				for isHex(s.peekc(0)) {
					s.pos++
				}
				if s.peekc(0) != '_' {
					break
				}
			}
			if !s.verifyEndOfNumber("hexadecimal") {
				return token{}, false
			}
			return s.number(tINT, start, startLine, startCol)
		case 'o', 'O', 'b', 'B':
			name, max := "octal", byte('8')
			if c == 'b' || c == 'B' {
				name, max = "binary", '2'
			}
			s.pos++
			for {
				if s.peekc(0) == '_' {
					s.pos++
				}
				if d := s.peekc(0); d < '0' || d >= max {
					if isDigit(d) {
						s.pos++
						return token{}, s.raise("invalid digit '%c' in %s literal", d, name)
					}
					return token{}, s.raise("invalid %s literal", name)
				}
				for d := s.peekc(0); d >= '0' && d < max; d = s.peekc(0) {
					s.pos++
				}
				if s.peekc(0) != '_' {
					break
				}
			}
			if d := s.peekc(0); isDigit(d) {
				s.pos++
				return token{}, s.raise("invalid digit '%c' in %s literal", d, name)
			}
			if !s.verifyEndOfNumber(name) {
				return token{}, false
			}
			return s.number(tINT, start, startLine, startCol)
		}
		// Zeros, maybe an old-style octal, or a float.
		nonzero := false
		for {
			if s.peekc(0) == '_' {
				s.pos++
				if !isDigit(s.peekc(0)) {
					return token{}, s.raise("invalid decimal literal")
				}
			}
			if s.peekc(0) != '0' {
				break
			}
			s.pos++
		}
		zerosEnd := s.pos + 1 // CPython's cursor is past the next character
		if isDigit(s.peekc(0)) {
			nonzero = true
			if !s.decimalTail() {
				return token{}, false
			}
		}
		switch c = s.peekc(0); {
		case c == '.':
			s.pos++
			kind = tFLOAT
			goto fraction
		case c == 'e' || c == 'E':
			kind = tFLOAT
			goto exponent
		case c == 'j' || c == 'J':
			goto imaginary
		case nonzero:
			return token{}, s.raiseAt(s.line, start+1-s.lineStart, zerosEnd-s.lineStart,
				"leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
		}
		if !s.verifyEndOfNumber("decimal") {
			return token{}, false
		}
		return s.number(tINT, start, startLine, startCol)
	}
	// Decimal.
	if !s.decimalTail() {
		return token{}, false
	}
	if s.peekc(0) == '.' {
		s.pos++
		kind = tFLOAT
		goto fraction
	}
	goto afterFraction
fraction:
	if isDigit(s.peekc(0)) {
		if !s.decimalTail() {
			return token{}, false
		}
	}
afterFraction:
	if c := s.peekc(0); c == 'e' || c == 'E' {
		goto exponent
	}
	goto suffix
exponent:
	{
		e := s.pos
		s.pos++ // the e
		c := s.peekc(0)
		if c == '+' || c == '-' {
			s.pos++
			if !isDigit(s.peekc(0)) {
				return token{}, s.raise("invalid decimal literal")
			}
		} else if !isDigit(c) {
			// "1e" not followed by digits: only "1else" is allowed.
			s.pos = e
			if !s.verifyEndOfNumber("decimal") {
				return token{}, false
			}
			return s.number(kind, start, startLine, startCol)
		}
		kind = tFLOAT
		if !s.decimalTail() {
			return token{}, false
		}
	}
suffix:
	if c := s.peekc(0); c == 'j' || c == 'J' {
		goto imaginary
	}
	if !s.verifyEndOfNumber("decimal") {
		return token{}, false
	}
	return s.number(kind, start, startLine, startCol)
imaginary:
	s.pos++
	if !s.verifyEndOfNumber("imaginary") {
		return token{}, false
	}
	return s.number(tIMAG, start, startLine, startCol)
}

func (s *scanner) number(kind tokenKind, start, startLine, startCol int) (token, bool) {
	t := s.tok(kind, start, startLine, startCol)
	t.text = s.text[start:s.pos]
	return t, true
}

// decimalTail consumes digits with single underscores between them.
func (s *scanner) decimalTail() bool {
	for {
		for isDigit(s.peekc(0)) {
			s.pos++
		}
		if s.peekc(0) != '_' {
			return true
		}
		s.pos++
		if !isDigit(s.peekc(0)) {
			return s.raise("invalid decimal literal")
		}
	}
}

// verifyEndOfNumber rejects a number glued to a name ("1abc"), except
// before the keywords CPython still accepts there with a warning.
func (s *scanner) verifyEndOfNumber(kind string) bool {
	c := s.peekc(0)
	rest := s.text[s.pos:]
	// CPython's lookahead(): the keyword, not followed by a name character.
	has := func(p string) bool {
		return len(rest) >= len(p) && rest[:len(p)] == p && (len(rest) == len(p) || !isIdentChar(rest[len(p)]))
	}
	switch c {
	case 'a':
		if has("and") {
			return true
		}
	case 'e':
		if has("else") {
			return true
		}
	case 'f':
		if has("for") {
			return true
		}
	case 'i':
		if c2 := s.peekc(1); c2 == 'f' || c2 == 'n' || c2 == 's' {
			return true
		}
	case 'o':
		if has("or") {
			return true
		}
	case 'n':
		if has("not") {
			return true
		}
	}
	if isIdentChar(c) {
		return s.raise("invalid %s literal", kind)
	}
	return true
}
