package syntax

import (
	"fmt"
	"strings"
)

// F-strings as CPython 3.11 parses them (Parser/string_parser.c): the
// tokenizer returns an f-string as one STRING token; its literal parts are
// decoded here and each replacement field's expression is parsed by a
// separate parser over the text "(expr)". Positions follow 3.11 too: the
// Constant and FormattedValue parts span the whole concatenated literal,
// while the expressions inside have their real positions.

// fstringState accumulates the parts of a (possibly concatenated) literal.
type fstringState struct {
	sp      Span // the whole literal, all tokens
	kindU   bool
	fmode   bool
	lastStr strings.Builder
	hasStr  bool
	values  []Expr
}

func (fs *fstringState) addLiteral(s string) {
	if s == "" {
		return
	}
	fs.lastStr.WriteString(s)
	fs.hasStr = true
}

func (fs *fstringState) flushStr() {
	if fs.hasStr {
		fs.values = append(fs.values, fs.strNode(fs.lastStr.String(), fs.sp))
		fs.lastStr.Reset()
		fs.hasStr = false
	}
}

func (fs *fstringState) strNode(s string, sp Span) *Constant {
	c := &Constant{Span: sp, Value: s}
	if fs.kindU {
		c.Kind = "u"
	}
	return c
}

func (fs *fstringState) addExpr(e Expr) {
	fs.flushStr()
	fs.values = append(fs.values, e)
}

func (fs *fstringState) finish() Expr {
	if !fs.fmode {
		return fs.strNode(fs.lastStr.String(), fs.sp)
	}
	fs.flushStr()
	if fs.values == nil {
		fs.values = []Expr{}
	}
	return &JoinedStr{Span: fs.sp, Values: fs.values}
}

// fstring parses the body str of f-string literal lit into fs. It returns
// the unparsed rest (after a nested format spec's closing brace is left
// for the caller). recurse is 0 for the literal, 1 inside a format spec.
func (p *parser) fstring(fs *fstringState, lit strLit, str string, i int, recurse int) int {
	for {
		// The literal part, up to an undoubled brace.
		litStart := i
		doubled := false
		for i < len(str) {
			ch := str[i]
			i++
			if !lit.raw && ch == '\\' && i < len(str) {
				ch = str[i]
				i++
				if ch == 'N' {
					if i < len(str) && str[i] == '{' {
						i++
						for i < len(str) && str[i] != '}' {
							i++
						}
						if i < len(str) {
							i++
						}
					}
					continue
				}
			}
			if ch == '{' || ch == '}' {
				if recurse == 0 {
					if i < len(str) && str[i] == ch {
						doubled = true
						break
					}
					if ch == '}' {
						p.raiseLast("f-string: single '}' is not allowed")
					}
				}
				i--
				break
			}
		}
		if i > litStart {
			text := str[litStart:i]
			if !lit.raw {
				s, err := decodeUnicodeEscapes(text)
				if err != "" {
					p.raiseLast(err)
				}
				text = s
			}
			fs.addLiteral(text)
		}
		if doubled {
			i++ // skip the second brace
			continue
		}
		if i >= len(str) || str[i] == '}' {
			break
		}
		i = p.fstringField(fs, lit, str, i, recurse)
	}
	if recurse == 0 && i < len(str) {
		p.raiseLast("f-string: unexpected end of string")
	}
	if recurse != 0 && (i >= len(str) || str[i] != '}') {
		p.raiseLast("f-string: expecting '}'")
	}
	return i
}

// fstringField parses one replacement field starting at the '{' at i.
func (p *parser) fstringField(fs *fstringState, lit strLit, str string, i int, recurse int) int {
	if recurse >= 2 {
		p.raiseLast("f-string: expressions nested too deeply")
	}
	brace := i
	i++
	exprStart := i
	var quote byte
	strType := 0
	var stack []byte
loop:
	for ; i < len(str); i++ {
		ch := str[i]
		if ch == '\\' {
			p.raiseLast("f-string expression part cannot include a backslash")
		}
		if quote != 0 {
			if ch == quote {
				if strType == 3 {
					if i+2 < len(str) && str[i+1] == ch && str[i+2] == ch {
						i += 2
						quote, strType = 0, 0
					}
				} else {
					quote, strType = 0, 0
				}
			}
			continue
		}
		switch {
		case ch == '\'' || ch == '"':
			if i+2 < len(str) && str[i+1] == ch && str[i+2] == ch {
				strType = 3
				i += 2
			} else {
				strType = 1
			}
			quote = ch
		case ch == '[' || ch == '{' || ch == '(':
			if len(stack) >= maxLevel {
				p.raiseLast("f-string: too many nested parenthesis")
			}
			stack = append(stack, ch)
		case ch == '#':
			p.raiseLast("f-string expression part cannot include '#'")
		case len(stack) == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<'):
			if i+1 < len(str) {
				next := str[i+1]
				if (ch == '!' || ch == '=' || ch == '<' || ch == '>') && next == '=' {
					i++
					continue
				}
			}
			if ch == '>' || ch == '<' {
				continue
			}
			break loop
		case ch == ']' || ch == '}' || ch == ')':
			if len(stack) == 0 {
				p.raiseLast(fmt.Sprintf("f-string: unmatched '%c'", ch))
			}
			open := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !(open == '(' && ch == ')' || open == '[' && ch == ']' || open == '{' && ch == '}') {
				p.raiseLast(fmt.Sprintf("f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", ch, open))
			}
		}
	}
	exprEnd := i
	if quote != 0 {
		p.raiseLast("f-string: unterminated string")
	}
	if len(stack) > 0 {
		p.raiseLast(fmt.Sprintf("f-string: unmatched '%c'", stack[len(stack)-1]))
	}
	if i >= len(str) {
		p.raiseLast("f-string: expecting '}'")
	}
	value := p.fstringExpr(lit, str, brace, exprStart, exprEnd)

	exprText := ""
	hasText := false
	if str[i] == '=' {
		i++
		for i < len(str) && isSpace(str[i]) {
			i++
		}
		if i >= len(str) {
			p.raiseLast("f-string: expecting '}'")
		}
		exprText = str[exprStart:i]
		hasText = true
	}
	conversion := ConvNone
	if str[i] == '!' {
		i++
		if i >= len(str) {
			p.raiseLast("f-string: expecting '}'")
		}
		conversion = int(str[i])
		i++
		if conversion != 's' && conversion != 'r' && conversion != 'a' {
			p.raiseLast("f-string: invalid conversion character: expected 's', 'r', or 'a'")
		}
	}
	var spec Expr
	if i < len(str) && str[i] == ':' {
		i++
		if i >= len(str) {
			p.raiseLast("f-string: expecting '}'")
		}
		var sub fstringState
		sub.sp = Span{lit.tok.pos(), lit.tok.end()}
		sub.kindU = fs.kindU
		sub.fmode = true
		i = p.fstring(&sub, lit, str, i, recurse+1)
		spec = sub.finish()
	}
	if i >= len(str) || str[i] != '}' {
		p.raiseLast("f-string: expecting '}'")
	}
	i++
	if hasText && spec == nil && conversion == ConvNone {
		conversion = ConvRepr
	}
	if hasText {
		fs.addLiteral(exprText)
	}
	fs.addExpr(&FormattedValue{Span: fs.sp, Value: value, Conversion: conversion, FormatSpec: spec})
	return i
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// fstringExpr parses the expression str[start:end] of a replacement field
// whose '{' is at str[brace], as CPython's fstring_compile_expr does.
func (p *parser) fstringExpr(lit strLit, str string, brace, start, end int) Expr {
	text := str[start:end]
	if strings.Trim(text, " \t\n\f") == "" {
		if c := str[end]; c == '!' || c == ':' || c == '=' {
			p.raiseLast(fmt.Sprintf("f-string: expression required before '%c'", c))
		}
		p.raiseLast("f-string: empty expression not allowed")
	}
	// fstring_find_expr_location: how far the expression is shifted.
	t := lit.tok
	parent := t.text
	exprAt := lit.bodyOff + brace // index of '{' in the token text
	lines, cols := 0, 0
	newlineAfterBrace := true
	for j := exprAt + 1; j < len(parent) && parent[j] != '}' && parent[j] != '\n'; j++ {
		if c := parent[j]; c != ' ' && c != '\t' && c != '\f' {
			newlineAfterBrace = false
			break
		}
	}
	if !newlineAfterBrace {
		j := exprAt
		for j > 0 && parent[j] != '\n' {
			j--
		}
		cols = exprAt - j
		if parent[j] == '\n' {
			cols--
		}
	}
	lines = strings.Count(parent[:exprAt], "\n")

	sub := newParser(newSource(p.src.filename, "("+text+")"))
	sub.inFString = true
	sub.depth = p.depth
	var e Expr
	err := sub.run(func() { e = sub.starExpressions() })
	lineDelta := t.line + lines - 1
	if err != nil {
		err.Line += lineDelta
		if err.EndLine > 0 {
			err.EndLine += lineDelta
		}
		panic(bailout{err: err})
	}
	shiftPositions(e, p.src, lineDelta, t.col+cols)
	return e
}

// shiftPositions moves the nodes of a replacement field's expression from
// the "(expr)" text to the enclosing source, as CPython's tokens for the
// field get starting_lineno and starting_col_offset.
func shiftPositions(e Expr, src *source, lineDelta, colShift int) {
	fix := func(pos Pos) Pos {
		if pos.Line == 1 {
			pos.Col += colShift
		}
		pos.Line += lineDelta
		if pos.Line >= 1 && pos.Line <= len(src.lineStarts) {
			pos.Offset = src.lineStarts[pos.Line-1] + pos.Col
		}
		return pos
	}
	Inspect(e, func(n Node) bool {
		s := n.(interface{ span() *Span }).span()
		s.StartPos = fix(s.StartPos)
		s.EndPos = fix(s.EndPos)
		return true
	})
}
