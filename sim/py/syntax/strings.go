package syntax

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Literals: numbers, and strings with CPython's escape decoding and
// concatenation rules (Parser/string_parser.c, Parser/action_helpers.c).

func (p *parser) number(t *token) Expr {
	sp := Span{t.pos(), t.end()}
	text := strings.ReplaceAll(t.text, "_", "")
	switch t.kind {
	case tIMAG:
		p.raiseTok(t, "imaginary literals are not supported")
	case tFLOAT:
		f, err := strconv.ParseFloat(text, 64)
		if err != nil && f == 0 {
			if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
				p.raiseTok(t, "invalid decimal literal")
			}
		}
		return &Constant{Span: sp, Value: f}
	}
	base := 10
	if len(text) > 1 && text[0] == '0' {
		switch text[1] {
		case 'x', 'X':
			base, text = 16, text[2:]
		case 'o', 'O':
			base, text = 8, text[2:]
		case 'b', 'B':
			base, text = 2, text[2:]
		}
	}
	n, ok := new(big.Int).SetString(text, base)
	if !ok {
		p.raiseTok(t, "invalid decimal literal")
	}
	return &Constant{Span: sp, Value: n}
}

// strLit is one string token taken apart.
type strLit struct {
	tok                  *token
	bytes, raw, f, kindU bool
	body                 string // between the quotes
	bodyOff              int    // offset of body within tok.text
}

func splitString(t *token) strLit {
	s := strLit{tok: t, kindU: t.text[0] == 'u'}
	i := 0
	for ; i < len(t.text); i++ {
		switch t.text[i] {
		case 'b', 'B':
			s.bytes = true
		case 'r', 'R':
			s.raw = true
		case 'f', 'F':
			s.f = true
		case 'u', 'U':
		default:
			goto quote
		}
	}
quote:
	q := 1
	rest := t.text[i:]
	if len(rest) >= 6 && rest[1] == rest[0] && rest[2] == rest[0] {
		q = 3
	}
	s.bodyOff = i + q
	s.body = rest[q : len(rest)-q]
	return s
}

// strings is STRING+: adjacent literals are concatenated, and f-strings
// become a JoinedStr.
func (p *parser) strings() Expr {
	var toks []*token
	for p.kind() == tSTRING {
		toks = append(toks, p.next())
	}
	first, last := toks[0], toks[len(toks)-1]
	sp := Span{first.pos(), last.end()}
	var fs fstringState
	fs.sp = sp
	fs.kindU = first.text[0] == 'u'
	var bytesBuf strings.Builder
	isBytes := false
	for i, t := range toks {
		lit := splitString(t)
		var dec string
		if !lit.f {
			dec = p.decodeLiteral(lit)
		}
		if i != 0 && lit.bytes != isBytes {
			p.raiseLast("cannot mix bytes and nonbytes literals")
		}
		isBytes = lit.bytes
		switch {
		case lit.f:
			fs.fmode = true
			p.fstring(&fs, lit, lit.body, 0, 0)
		case lit.bytes:
			bytesBuf.WriteString(dec)
		default:
			fs.addLiteral(dec)
		}
	}
	if isBytes {
		return &Constant{Span: sp, Value: Bytes(bytesBuf.String())}
	}
	return fs.finish()
}

// decodeLiteral decodes a plain (not f-) string or bytes literal.
func (p *parser) decodeLiteral(lit strLit) string {
	if lit.bytes {
		for i := 0; i < len(lit.body); i++ {
			if lit.body[i] >= 0x80 {
				p.raiseTok(lit.tok, "bytes can only contain ASCII literal characters")
			}
		}
	}
	if lit.raw || strings.IndexByte(lit.body, '\\') < 0 {
		return lit.body
	}
	if lit.bytes {
		s, err := decodeBytesEscapes(lit.body)
		if err != "" {
			p.raiseLast(err)
		}
		return s
	}
	s, err := decodeUnicodeEscapes(lit.body)
	if err != "" {
		p.raiseLast(err)
	}
	return s
}

// decodeUnicodeEscapes decodes escapes as CPython's
// decode_unicode_with_escapes does, returning the error message (with
// CPython's "(unicode error)" wording and positions) on failure.
func decodeUnicodeEscapes(s string) (string, string) {
	var b strings.Builder
	// pos counts bytes as CPython does after rewriting each non-ASCII
	// character as a 10-byte \UXXXXXXXX escape.
	pos := 0
	fail := func(start, end int, msg string) (string, string) {
		if end-start == 1 {
			return "", fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position %d: %s", start, msg)
		}
		return "", fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s", start, end-1, msg)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x80 {
			r, size := utf8.DecodeRuneInString(s[i:])
			b.WriteRune(r)
			i += size
			pos += 10
			continue
		}
		if c != '\\' {
			b.WriteByte(c)
			i++
			pos++
			continue
		}
		start := pos
		i++
		pos++
		if i >= len(s) {
			// A lone trailing backslash cannot happen in a valid token.
			b.WriteByte('\\')
			break
		}
		c = s[i]
		if c >= 0x80 {
			// "\é": CPython keeps the backslash.
			b.WriteByte('\\')
			pos += 5
			continue
		}
		i++
		pos++
		switch c {
		case '\n':
		case '\\', '\'', '"':
			b.WriteByte(c)
		case 'a', 'b', 'f', 't', 'n', 'r', 'v':
			b.WriteByte(controlEscapes[c])
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := rune(c - '0')
			for n := 1; n < 3 && i < len(s) && s[i] >= '0' && s[i] <= '7'; n++ {
				v = v*8 + rune(s[i]-'0')
				i++
				pos++
			}
			writeCodePoint(&b, v)
		case 'x', 'u', 'U':
			count, msg := 2, `truncated \xXX escape`
			if c == 'u' {
				count, msg = 4, `truncated \uXXXX escape`
			} else if c == 'U' {
				count, msg = 8, `truncated \UXXXXXXXX escape`
			}
			var v uint32
			for ; count > 0; count-- {
				if i >= len(s) || !isHex(s[i]) {
					return fail(start, pos, msg)
				}
				d, _ := strconv.ParseUint(s[i:i+1], 16, 8)
				v = v<<4 | uint32(d)
				i++
				pos++
			}
			if v > utf8.MaxRune {
				return fail(start, pos, "illegal Unicode character")
			}
			writeCodePoint(&b, rune(v))
		case 'N':
			msg := `malformed \N character escape`
			if i < len(s) && s[i] == '{' {
				j := strings.IndexByte(s[i:], '}')
				if j < 0 {
					return fail(start, pos+len(s)-i, msg)
				}
				if j > 1 {
					msg = "unknown Unicode character name"
					// Character names need the Unicode database, which this
					// interpreter does not carry.
				}
				n := utf8.RuneCountInString(s[i : i+j+1])
				return fail(start, pos+n, msg)
			}
			return fail(start, pos, msg)
		default:
			b.WriteByte('\\')
			b.WriteByte(c)
		}
	}
	return b.String(), ""
}

// controlEscapes are the one-letter escapes str and bytes literals share.
var controlEscapes = [256]byte{'a': 7, 'b': 8, 'f': 12, 't': 9, 'n': 10, 'r': 13, 'v': 11}

// writeCodePoint appends v; a lone surrogate is kept in WTF-8 form.
func writeCodePoint(b *strings.Builder, v rune) {
	if v >= 0xD800 && v <= 0xDFFF {
		b.WriteByte(byte(0xE0 | v>>12))
		b.WriteByte(byte(0x80 | (v>>6)&0x3F))
		b.WriteByte(byte(0x80 | v&0x3F))
		return
	}
	b.WriteRune(v)
}

// decodeBytesEscapes decodes a bytes literal's escapes as CPython's
// _PyBytes_DecodeEscape does.
func decodeBytesEscapes(s string) (string, string) {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			b.WriteByte(c)
			i++
			continue
		}
		start := i
		i++
		if i >= len(s) {
			b.WriteByte('\\')
			break
		}
		c = s[i]
		i++
		switch c {
		case '\n':
		case '\\', '\'', '"':
			b.WriteByte(c)
		case 'a', 'b', 'f', 't', 'n', 'r', 'v':
			b.WriteByte(controlEscapes[c])
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(c - '0')
			for n := 1; n < 3 && i < len(s) && s[i] >= '0' && s[i] <= '7'; n++ {
				v = v*8 + int(s[i]-'0')
				i++
			}
			b.WriteByte(byte(v))
		case 'x':
			if i+2 <= len(s) && isHex(s[i]) && isHex(s[i+1]) {
				v, _ := strconv.ParseUint(s[i:i+2], 16, 8)
				b.WriteByte(byte(v))
				i += 2
				continue
			}
			return "", fmt.Sprintf(`(value error) invalid \x escape at position %d`, start)
		default:
			b.WriteByte('\\')
			b.WriteByte(c)
		}
	}
	return b.String(), ""
}
