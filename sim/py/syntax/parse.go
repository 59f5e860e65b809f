package syntax

import (
	"fmt"
	"runtime"
	"strings"
)

// The parser is recursive descent over the token list, shaped after
// CPython 3.11's PEG grammar (Grammar/python.gram). CPython parses twice:
// a fast pass, and on failure a second pass with extra "invalid_" rules that
// only exist to produce good messages. Here the specialised messages are
// produced in one pass, at the point where the grammar fails, and a
// generic "invalid syntax" is reported at the furthest token examined, which
// is where CPython's first pass stops.
//
// Errors are raised by panicking with a bailout and recovered once in Parse,
// as in starlark-go; any other panic becomes an error too.

type bailout struct {
	err           *SyntaxError
	fromTokenizer bool // raised on reaching the tokenizer's failure
	final         bool // "unexpected indent": never overridden
	// generic marks a plain failure to match, after which a speculative
	// parse backtracks. Other errors are final, as errors raised by
	// CPython's invalid_ rules, actions and forced tokens are.
	generic bool
}

// maxDepth bounds the recursion so that deeply nested input fails cleanly.
const maxDepth = 1000

type parser struct {
	src   *source
	sc    *scanner
	toks  []token
	i     int // index of the current token
	far   int // furthest token index examined
	depth int

	// fstring is set in a parser for an f-string replacement field.
	inFString bool
	// spec counts the speculative parses in progress (CPython's
	// second-pass lookaheads); in them binary operators backtrack as in a
	// PEG parser.
	spec int
	// farAll is the furthest token examined, speculation included: where
	// CPython's tokenizer stands after both passes.
	farAll int
	// noInvalid counts parses of CPython's *_without_invalid rules, where
	// the invalid_ rules and their messages are off.
	noInvalid int
	// noJuxtapose turns off the "forgot a comma" check for the next
	// expression (a dict key after a comma).
	noJuxtapose bool
	// lastSpeculated is the furthest token the last speculative parse
	// examined.
	lastSpeculated int
	// parens records expressions written in parentheses.
	parens map[Expr]bool
}

// Parse parses a Python 3.11 module. The error, if any, is a *SyntaxError
// (which covers IndentationError and TabError) with CPython's message and
// location. Parse also performs the checks that CPython makes when
// compiling (return outside function, break outside loop, ...), so a nil
// error means CPython's compile() would accept the program.
func Parse(filename, src string) (mod *Module, err error) {
	defer func() {
		if r := recover(); r != nil {
			mod = nil
			if b, ok := r.(bailout); ok {
				err = b.err
				return
			}
			buf := make([]byte, 4096)
			buf = buf[:runtime.Stack(buf, false)]
			err = &SyntaxError{Msg: fmt.Sprintf("internal parser error: %v\n%s", r, buf), Filename: filename, Line: 1}
		}
	}()
	if i := strings.IndexByte(src, 0); i >= 0 {
		s := newSource(filename, src)
		pos := s.position(i)
		return nil, s.errorAt(KindSyntax, "source code cannot contain null bytes", pos.Line, pos.Col+1, pos.Line, pos.Col+1)
	}
	s := newSource(filename, src)
	p := newParser(s)
	mod = p.parseModule()
	if err := check(s, mod); err != nil {
		return nil, err
	}
	return mod, nil
}

func newParser(s *source) *parser {
	sc := scan(s)
	return &parser{src: s, sc: sc, toks: sc.toks}
}

// parseModule parses the whole token list.
func (p *parser) parseModule() *Module {
	var mod *Module
	if err := p.run(func() { mod = p.file() }); err != nil {
		panic(bailout{err: err})
	}
	return mod
}

// run calls f and returns its error, settled as CPython's
// _PyPegen_set_syntax_error does.
func (p *parser) run(f func()) (err *SyntaxError) {
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			err = p.settle(&b)
		}
	}()
	f()
	return nil
}

// settle decides whether a tokenizer failure later in the source replaces
// the parser's error: CPython tokenizes the rest of the file after a parser
// error and prefers the tokenizer's exception, and reports a bracket left
// open at the end of the file when the error lies on a later line.
func (p *parser) settle(b *bailout) *SyntaxError {
	if b.fromTokenizer || b.final {
		return b.err
	}
	switch p.sc.fail {
	case failRaised:
		return p.sc.err
	case failNone:
		return b.err
	}
	if len(p.sc.parens) > 0 {
		open := p.sc.parens[len(p.sc.parens)-1]
		if p.toks[p.farAll].line > open.line {
			return p.prefix(p.unclosedParenError())
		}
	}
	return b.err
}

// prefix adds "f-string: " to errors raised by the parser of a
// replacement field, as CPython does for its fstring start rule.
func (p *parser) prefix(e *SyntaxError) *SyntaxError {
	if p.inFString {
		e.Msg = "f-string: " + e.Msg
	}
	return e
}

func (p *parser) unclosedParenError() *SyntaxError {
	open := p.sc.parens[len(p.sc.parens)-1]
	return p.src.errorAt(KindSyntax, fmt.Sprintf("'%c' was never closed", open.ch), open.line, open.col+1, open.line, 0)
}

// tokenizerError converts the scanner's failure into the error CPython
// raises when the parser asks for the failing token.
func (p *parser) tokenizerError() *SyntaxError {
	sc := p.sc
	line := sc.line
	text := p.src.line(line)
	switch sc.fail {
	case failRaised:
		return sc.err
	case failEOFInParens:
		return p.unclosedParenError()
	case failEOF:
		return p.src.errorAt(KindSyntax, "unexpected EOF while parsing", line, len(text)+1, line, -1)
	case failDedent:
		return p.src.errorAt(KindIndentation, "unindent does not match any outer indentation level", line, len(text)+1, line, -1)
	case failTabSpace:
		return p.src.errorAt(KindTab, "inconsistent use of tabs and spaces in indentation", line, 1, line, 0)
	case failTooDeep:
		return p.src.errorAt(KindIndentation, "too many levels of indentation", line, 1, line, 0)
	case failLineCont:
		return p.src.errorAt(KindSyntax, "unexpected character after line continuation character", line, sc.failCol+1, line, 0)
	}
	return p.src.errorAt(KindSyntax, "invalid syntax", line, 1, line, 0)
}

// Token access.

// tok returns the current token.
func (p *parser) tok() *token { return p.at(p.i) }

// kind returns the current token's kind.
func (p *parser) kind() tokenKind { return p.at(p.i).kind }

// peekKind returns the kind of the token n places ahead.
func (p *parser) peekKind(n int) tokenKind { return p.at(p.i + n).kind }

// at returns token i, examining it as CPython's parser fetches it: reaching
// the tokenizer's failure raises its error.
func (p *parser) at(i int) *token {
	if i >= len(p.toks) {
		i = len(p.toks) - 1
	}
	if i > p.far {
		p.far = i
	}
	if i > p.farAll {
		p.farAll = i
	}
	t := &p.toks[i]
	if t.kind == tError {
		err := p.tokenizerError()
		if p.sc.fail != failRaised {
			p.prefix(err)
		}
		panic(bailout{err: err, fromTokenizer: true})
	}
	return t
}

// next consumes the current token and returns it.
func (p *parser) next() *token {
	t := p.tok()
	if t.kind != tEOF {
		p.i++
	}
	return t
}

// got consumes the current token if it has the given kind.
func (p *parser) got(k tokenKind) bool {
	if p.kind() == k {
		p.i++
		return true
	}
	return false
}

// prev returns the last consumed token.
func (p *parser) prev() *token { return &p.toks[p.i-1] }

// prevEnd returns the end of the last consumed token other than NEWLINE,
// INDENT and DEDENT (CPython's _PyPegen_get_last_nonnwhitespace_token).
func (p *parser) prevEnd() Pos {
	for i := p.i - 1; i >= 0; i-- {
		switch p.toks[i].kind {
		case tNEWLINE, tINDENT, tDEDENT, tEOF:
			continue
		}
		return p.toks[i].end()
	}
	return Pos{}
}

// expect consumes a token of kind k or fails with "invalid syntax".
func (p *parser) expect(k tokenKind) *token {
	if p.kind() != k {
		p.fail()
	}
	return p.next()
}

// expectForced is CPython's &&'x': a missing token is "expected 'x'" at
// whatever token is there instead.
func (p *parser) expectForced(k tokenKind) *token {
	t := p.tok()
	if t.kind != k {
		p.raiseTok(t, fmt.Sprintf("expected '%s'", opText[k]))
	}
	return p.next()
}

func (p *parser) enter() {
	p.depth++
	if p.depth > maxDepth {
		p.raise(p.lastTokenError(KindSyntax, "too many nested parentheses"))
	}
}

func (p *parser) leave() { p.depth-- }

// Errors.

func (p *parser) raise(e *SyntaxError) {
	if p.noInvalid > 0 {
		panic(bailout{err: e, generic: true})
	}
	panic(bailout{err: p.prefix(e)})
}

// fail raises the generic error at the furthest token examined, as
// CPython's first pass reports it.
func (p *parser) fail() {
	t := &p.toks[p.far]
	switch t.kind {
	case tINDENT:
		panic(bailout{err: p.prefix(p.lastTokenError(KindIndentation, "unexpected indent")), final: true, generic: true})
	case tDEDENT:
		panic(bailout{err: p.prefix(p.lastTokenError(KindIndentation, "unexpected unindent")), final: true, generic: true})
	}
	panic(bailout{err: p.prefix(p.tokError(KindSyntax, t, "invalid syntax")), generic: true})
}

// raiseTok is RAISE_SYNTAX_ERROR_KNOWN_LOCATION at a token.
func (p *parser) raiseTok(t *token, msg string) {
	p.raise(p.tokError(KindSyntax, t, msg))
}

func (p *parser) tokError(kind ErrorKind, t *token, msg string) *SyntaxError {
	if t.noCol {
		return p.src.errorAt(kind, msg, t.line, 0, t.endLine, 0)
	}
	return p.src.errorAt(kind, msg, t.line, t.col+1, t.endLine, t.endCol+1)
}

// raiseNode is RAISE_SYNTAX_ERROR_KNOWN_LOCATION at a node.
func (p *parser) raiseNode(n Node, msg string) {
	p.raiseRange(n.Start(), n.End(), msg)
}

// raiseRange is RAISE_SYNTAX_ERROR_KNOWN_RANGE.
func (p *parser) raiseRange(start, end Pos, msg string) {
	p.raise(p.src.errorAt(KindSyntax, msg, start.Line, start.Col+1, end.Line, end.Col+1))
}

// raiseStartingFrom is RAISE_SYNTAX_ERROR_STARTING_FROM: the range ends
// where the tokenizer stands, after the furthest token fetched. It is
// called right after a speculative parse, which leaves p.far unchanged,
// so the end is taken from the last token that parse examined.
func (p *parser) raiseStartingFrom(start Pos, msg string) {
	end := &p.toks[p.lastSpeculated]
	p.raise(p.src.errorAt(KindSyntax, msg, start.Line, start.Col+1, end.endLine, end.endCol))
}

// raiseLast is RAISE_SYNTAX_ERROR: located at the last token fetched.
func (p *parser) raiseLast(msg string) {
	p.raise(p.lastTokenError(KindSyntax, msg))
}

// raiseIndent is RAISE_INDENTATION_ERROR.
func (p *parser) raiseIndent(msg string) {
	p.raise(p.lastTokenError(KindIndentation, msg))
}

func (p *parser) lastTokenError(kind ErrorKind, msg string) *SyntaxError {
	t := &p.toks[p.far]
	if t.noCol {
		// CPython uses the tokenizer's position, which is where this token
		// was produced, without the usual +1.
		return p.src.errorAt(kind, msg, t.line, t.col, t.endLine, -1)
	}
	return p.src.errorAt(kind, msg, t.line, t.col+1, t.endLine, t.endCol+1)
}

// span builds a Span from a start position to the end of the last
// consumed token.
func (p *parser) span(start Pos) Span { return Span{StartPos: start, EndPos: p.prevEnd()} }
