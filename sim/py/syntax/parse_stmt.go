package syntax

import (
	"fmt"
	"sort"
)

// Statements (Grammar/python.gram: statements, simple_stmts, compound_stmt).

func (p *parser) file() *Module {
	var body []Stmt
	for p.kind() != tEOF {
		body = append(body, p.statement()...)
	}
	return &Module{Body: body}
}

func (p *parser) statement() []Stmt {
	switch p.kind() {
	case kwDef, tAT, kwClass, kwIf, kwWith, kwFor, kwTry, kwWhile:
		return []Stmt{p.compoundStmt()}
	case kwAsync:
		switch p.peekKind(1) {
		case kwDef, kwWith, kwFor:
			return []Stmt{p.compoundStmt()}
		}
	}
	return p.simpleStmts()
}

func (p *parser) compoundStmt() Stmt {
	p.enter()
	defer p.leave()
	switch p.kind() {
	case tAT:
		return p.decorated()
	case kwDef:
		return p.funcDef(nil, p.tok().pos(), false)
	case kwClass:
		return p.classDef(nil)
	case kwIf:
		return p.ifStmt()
	case kwWhile:
		return p.whileStmt()
	case kwFor:
		return p.forStmt(p.tok().pos(), false)
	case kwWith:
		return p.withStmt(p.tok().pos(), false)
	case kwTry:
		return p.tryStmt()
	case kwAsync:
		start := p.next().pos()
		switch p.kind() {
		case kwDef:
			return p.funcDef(nil, start, true)
		case kwFor:
			return p.forStmt(start, true)
		case kwWith:
			return p.withStmt(start, true)
		}
	}
	p.fail()
	return nil
}

// simpleStmts is simple_stmt (';' simple_stmt)* [';'] NEWLINE.
func (p *parser) simpleStmts() []Stmt {
	var stmts []Stmt
	for {
		stmts = append(stmts, p.simpleStmt())
		if !p.got(tSEMI) || p.kind() == tNEWLINE {
			break
		}
	}
	if p.kind() != tNEWLINE {
		p.fail()
	}
	p.next()
	return stmts
}

func (p *parser) simpleStmt() Stmt {
	t := p.tok()
	start := t.pos()
	switch t.kind {
	case kwReturn:
		p.next()
		var v Expr
		if p.startsExpr(true) {
			v = p.starExpressions()
		}
		return &Return{Span: p.span(start), Value: v}
	case kwImport:
		return p.importName()
	case kwFrom:
		return p.importFrom()
	case kwRaise:
		p.next()
		s := &Raise{}
		if p.startsExpr(false) {
			s.Exc = p.expression()
			if p.got(kwFrom) {
				s.Cause = p.expression()
			}
		}
		s.Span = p.span(start)
		return s
	case kwPass:
		p.next()
		return &Pass{Span: p.span(start)}
	case kwBreak:
		p.next()
		return &Break{Span: p.span(start)}
	case kwContinue:
		p.next()
		return &Continue{Span: p.span(start)}
	case kwDel:
		return p.delStmt()
	case kwAssert:
		p.next()
		s := &Assert{Test: p.expression()}
		if p.got(tCOMMA) {
			s.Msg = p.expression()
		}
		s.Span = p.span(start)
		return s
	case kwGlobal, kwNonlocal:
		p.next()
		var names []string
		for {
			names = append(names, p.expect(tNAME).text)
			if !p.got(tCOMMA) {
				break
			}
		}
		if t.kind == kwGlobal {
			return &Global{Span: p.span(start), Names: names}
		}
		return &Nonlocal{Span: p.span(start), Names: names}
	}
	return p.exprOrAssignStmt()
}

// exprOrAssignStmt parses an expression statement, an assignment, an
// augmented assignment or an annotated assignment.
func (p *parser) exprOrAssignStmt() Stmt {
	first := p.i
	start := p.tok().pos()
	var e Expr
	if p.kind() == kwYield {
		e = p.yieldExpr()
	} else {
		e = p.starExpressions()
	}
	switch k := p.kind(); {
	case k == tCOLON:
		return p.annAssign(first, start, e)
	case k == tEQUAL:
		return p.assign(start, e)
	case augOps[k] != 0:
		op := augOps[k]
		if !p.isSingleTarget(e) {
			p.next()
			p.annotatedRHS()
			p.raiseNode(e, fmt.Sprintf("'%s' is an illegal expression for augmented assignment", exprName(e)))
		}
		p.next()
		v := p.annotatedRHS()
		setContext(e, Store)
		return &AugAssign{Span: p.span(start), Target: e, Op: op, Value: v}
	}
	return &ExprStmt{Span: p.span(start), Value: e}
}

var augOps = map[tokenKind]Operator{
	tPLUSEQ: Add, tMINEQ: Sub, tSTAREQ: Mult, tATEQ: MatMult, tSLASHEQ: Div,
	tPERCEQ: Mod, tAMPEREQ: BitAnd, tVBAREQ: BitOr, tCIRCEQ: BitXor,
	tLSHIFTEQ: LShift, tRSHIFTEQ: RShift, tPOWEQ: Pow, tFLOOREQ: FloorDiv,
}

// annotatedRHS is yield_expr | star_expressions.
func (p *parser) annotatedRHS() Expr {
	if p.kind() == kwYield {
		return p.yieldExpr()
	}
	return p.starExpressions()
}

func (p *parser) annAssign(first int, start Pos, e Expr) Stmt {
	simple := false
	switch e.(type) {
	case *Name:
		simple = !p.isParenthesized(e)
	case *Attribute, *Subscript:
	default:
		// invalid_assignment: the message depends on what the target is,
		// and needs ':' expression to follow.
		colon := p.i
		if !p.speculate(func() { p.next(); p.expression() }) {
			p.i = colon
			p.fail()
		}
		switch e.(type) {
		case *List, *Tuple:
			if t, ok := e.(*Tuple); ok && !p.isParenthesized(e) && len(t.Elts) > 0 {
				p.raiseNode(t.Elts[0], "only single target (not tuple) can be annotated")
			}
			p.raiseNode(e, fmt.Sprintf("only single target (not %s) can be annotated", exprName(e)))
		}
		p.raiseNode(e, "illegal target for annotation")
	}
	p.next()
	ann := p.expression()
	var v Expr
	if p.got(tEQUAL) {
		v = p.annotatedRHS()
	}
	setContext(e, Store)
	return &AnnAssign{Span: p.span(start), Target: e, Annotation: ann, Value: v, Simple: simple}
}

func (p *parser) assign(start Pos, e Expr) Stmt {
	eq := p.i
	targets := []Expr{e}
	var value Expr
	for p.got(tEQUAL) {
		if p.kind() == kwYield {
			value = p.yieldExpr()
		} else {
			if !p.startsExpr(true) {
				p.fail()
			}
			value = p.starExpressions()
		}
		if p.kind() == tEQUAL {
			targets = append(targets, value)
		}
	}
	for _, t := range targets {
		if _, ok := t.(*Yield); ok && !p.isParenthesized(t) {
			p.raiseNode(t, "assignment to yield expression not possible")
		}
		if _, ok := t.(*YieldFrom); ok && !p.isParenthesized(t) {
			p.raiseNode(t, "assignment to yield expression not possible")
		}
		if bad := invalidTarget(t, targetStar); bad != nil {
			p.checkAssignHere(e, eq)
			p.raiseNode(bad, "cannot assign to "+exprName(bad))
		}
	}
	for _, t := range targets {
		setContext(t, Store)
	}
	return &Assign{Span: p.span(start), Targets: targets, Value: value}
}

// checkAssignHere gives the messages of CPython's invalid_named_expression
// for a failed assignment: its second pass meets the first target (or the
// last element of a first target tuple) as a named expression followed by
// '=', the token at index eq.
func (p *parser) checkAssignHere(e Expr, eq int) {
	el := e
	if t, ok := e.(*Tuple); ok && !p.isParenthesized(e) {
		if p.toks[eq-1].kind == tCOMMA {
			return
		}
		el = t.Elts[len(t.Elts)-1]
	}
	if _, ok := el.(*Starred); ok {
		return
	}
	p.checkMisplacedAssignAt(p.tokenIndex(el.Start().Offset), el, eq)
}

// tokenIndex returns the index of the token starting at offset.
func (p *parser) tokenIndex(offset int) int {
	return sort.Search(len(p.toks), func(i int) bool { return p.toks[i].off >= offset })
}

func (p *parser) delStmt() Stmt {
	start := p.next().pos()
	e := p.starExpressions()
	if bad := invalidTarget(e, targetDel); bad != nil {
		p.raiseNode(bad, "cannot delete "+exprName(bad))
	}
	if k := p.kind(); k != tSEMI && k != tNEWLINE {
		p.fail()
	}
	var targets []Expr
	if t, ok := e.(*Tuple); ok && !p.isParenthesized(e) {
		targets = t.Elts
	} else {
		targets = []Expr{e}
	}
	for _, t := range targets {
		setContext(t, Del)
	}
	return &Delete{Span: p.span(start), Targets: targets}
}

func (p *parser) importName() Stmt {
	start := p.next().pos()
	var names []*Alias
	for {
		aStart := p.tok().pos()
		a := &Alias{Name: p.dottedName()}
		if p.got(kwAs) {
			a.Asname = p.expect(tNAME).text
		}
		a.Span = p.span(aStart)
		names = append(names, a)
		if !p.got(tCOMMA) {
			break
		}
	}
	return &Import{Span: p.span(start), Names: names}
}

// dottedName parses NAME ('.' NAME)*.
func (p *parser) dottedName() string {
	name := p.expect(tNAME).text
	for p.kind() == tDOT {
		p.next()
		name += "." + p.expect(tNAME).text
	}
	return name
}

func (p *parser) importFrom() Stmt {
	start := p.next().pos()
	level := 0
	for {
		if p.got(tDOT) {
			level++
		} else if p.got(tELLIPSIS) {
			level += 3
		} else {
			break
		}
	}
	module := ""
	if p.kind() == tNAME {
		module = p.dottedName()
	} else if level == 0 {
		p.fail()
	}
	p.expect(kwImport)
	var names []*Alias
	switch p.kind() {
	case tSTAR:
		t := p.next()
		names = []*Alias{{Span: Span{t.pos(), t.end()}, Name: "*"}}
	case tLPAR:
		p.next()
		names = p.importAsNames()
		p.got(tCOMMA)
		p.expect(tRPAR)
	default:
		names = p.importAsNames()
		if p.kind() == tCOMMA {
			p.next()
			if p.kind() == tNEWLINE {
				p.raiseLast("trailing comma not allowed without surrounding parentheses")
			}
			p.fail()
		}
	}
	return &ImportFrom{Span: p.span(start), Module: module, Names: names, Level: level}
}

func (p *parser) importAsNames() []*Alias {
	var names []*Alias
	for {
		t := p.expect(tNAME)
		a := &Alias{Name: t.text}
		if p.got(kwAs) {
			a.Asname = p.expect(tNAME).text
		}
		a.Span = p.span(t.pos())
		names = append(names, a)
		if p.kind() != tCOMMA || p.peekKind(1) != tNAME {
			return names
		}
		p.next()
	}
}

// block parses the body of a compound statement; what and line name the
// statement for "expected an indented block after ...".
func (p *parser) block(what string, line int) []Stmt {
	if p.kind() != tNEWLINE {
		return p.simpleStmts()
	}
	p.next()
	if p.kind() != tINDENT {
		if what == "" {
			p.raiseIndent("expected an indented block")
		}
		p.raiseIndent(fmt.Sprintf("expected an indented block after %s on line %d", what, line))
	}
	p.next()
	var body []Stmt
	for p.kind() != tDEDENT && p.kind() != tEOF {
		body = append(body, p.statement()...)
	}
	p.next()
	return body
}

// colon expects the ':' of a compound statement header; a header that
// ends the line instead gets "expected ':'".
func (p *parser) colon() {
	if p.got(tCOLON) {
		return
	}
	if p.kind() == tNEWLINE {
		p.raiseLast("expected ':'")
	}
	p.fail()
}

func (p *parser) decorated() Stmt {
	var decos []Expr
	for p.got(tAT) {
		decos = append(decos, p.namedExpression())
		p.expect(tNEWLINE)
	}
	switch p.kind() {
	case kwDef:
		return p.funcDef(decos, p.tok().pos(), false)
	case kwClass:
		return p.classDef(decos)
	case kwAsync:
		if p.peekKind(1) == kwDef {
			start := p.next().pos()
			return p.funcDef(decos, start, true)
		}
	}
	p.fail()
	return nil
}

func (p *parser) funcDef(decos []Expr, start Pos, async bool) Stmt {
	defTok := p.expect(kwDef)
	name := p.expect(tNAME).text
	p.expectForced(tLPAR)
	args := p.parameters(tRPAR, true)
	p.expect(tRPAR)
	var returns Expr
	if p.got(tRARROW) {
		returns = p.expression()
	}
	p.expectForced(tCOLON)
	body := p.block("function definition", defTok.line)
	if decos == nil {
		decos = []Expr{}
	}
	if async {
		return &AsyncFunctionDef{Span: p.span(start), Name: name, Args: args, Body: body, DecoratorList: decos, Returns: returns}
	}
	return &FunctionDef{Span: p.span(start), Name: name, Args: args, Body: body, DecoratorList: decos, Returns: returns}
}

func (p *parser) classDef(decos []Expr) Stmt {
	t := p.expect(kwClass)
	start := t.pos()
	name := p.expect(tNAME).text
	var bases []Expr
	var kws []*Keyword
	if p.kind() == tLPAR {
		p.next()
		bases, kws = p.callArgs()
		p.expect(tRPAR)
	}
	p.colon()
	body := p.block("class definition", t.line)
	if decos == nil {
		decos = []Expr{}
	}
	return &ClassDef{Span: p.span(start), Name: name, Bases: bases, Keywords: kws, Body: body, DecoratorList: decos}
}

func (p *parser) ifStmt() Stmt {
	t := p.next() // if or elif
	test := p.namedExpression()
	p.colon()
	what := "'if' statement"
	if t.kind == kwElif {
		what = "'elif' statement"
	}
	s := &If{Test: test, Body: p.block(what, t.line)}
	switch p.kind() {
	case kwElif:
		s.Orelse = []Stmt{p.ifStmt()}
	case kwElse:
		s.Orelse = p.elseBlock()
	}
	s.Span = p.span(t.pos())
	return s
}

func (p *parser) elseBlock() []Stmt {
	t := p.next()
	p.expectForced(tCOLON)
	return p.block("'else' statement", t.line)
}

func (p *parser) whileStmt() Stmt {
	t := p.next()
	test := p.namedExpression()
	p.colon()
	s := &While{Test: test, Body: p.block("'while' statement", t.line)}
	if p.kind() == kwElse {
		s.Orelse = p.elseBlock()
	}
	s.Span = p.span(t.pos())
	return s
}

func (p *parser) forStmt(start Pos, async bool) Stmt {
	t := p.next()
	target := p.forTarget()
	p.next()
	iter := p.starExpressions()
	p.colon()
	body := p.block("'for' statement", t.line)
	var orelse []Stmt
	if p.kind() == kwElse {
		orelse = p.elseBlock()
	}
	if async {
		return &AsyncFor{Span: p.span(start), Target: target, Iter: iter, Body: body, Orelse: orelse}
	}
	return &For{Span: p.span(start), Target: target, Iter: iter, Body: body, Orelse: orelse}
}

func (p *parser) withStmt(start Pos, async bool) Stmt {
	t := p.next()
	var items []*WithItem
	if p.kind() == tLPAR {
		// 'with' '(' ','.with_item+ ','? ')' ':' is tried first; on failure
		// the parenthesis starts an ordinary expression.
		if !p.alternative(func() {
			p.next()
			items = p.withItems(true)
			p.got(tCOMMA)
			p.expect(tRPAR)
			if p.kind() != tCOLON {
				p.fail()
			}
		}) {
			items = nil
		}
	}
	if items == nil {
		items = p.withItems(false)
	}
	p.colon()
	body := p.block("'with' statement", t.line)
	if async {
		return &AsyncWith{Span: p.span(start), Items: items, Body: body}
	}
	return &With{Span: p.span(start), Items: items, Body: body}
}

func (p *parser) withItems(inParens bool) []*WithItem {
	var items []*WithItem
	for {
		item := &WithItem{ContextExpr: p.expression()}
		if p.got(kwAs) {
			target := p.expression()
			if bad := invalidTarget(target, targetStar); bad != nil {
				if k := p.kind(); k == tCOMMA || k == tRPAR || k == tCOLON {
					p.raiseNode(bad, "cannot assign to "+exprName(bad))
				}
				p.fail()
			}
			setContext(target, Store)
			item.OptionalVars = target
		}
		items = append(items, item)
		if p.kind() != tCOMMA {
			return items
		}
		if inParens && p.peekKind(1) == tRPAR {
			return items
		}
		p.next()
	}
}

func (p *parser) tryStmt() Stmt {
	t := p.next()
	p.expectForced(tCOLON)
	body := p.block("'try' statement", t.line)
	var handlers []*ExceptHandler
	star := p.kind() == kwExcept && p.peekKind(1) == tSTAR
	for p.kind() == kwExcept {
		if isStar := p.peekKind(1) == tSTAR; isStar != star {
			p.mixedExcept(star)
		}
		handlers = append(handlers, p.exceptBlock(star))
	}
	var orelse, final []Stmt
	if len(handlers) > 0 && p.kind() == kwElse {
		orelse = p.elseBlock()
	}
	if p.kind() == kwFinally {
		f := p.next()
		p.expectForced(tCOLON)
		final = p.block("'finally' statement", f.line)
	}
	if len(handlers) == 0 && final == nil {
		p.raiseLast("expected 'except' or 'finally' block")
	}
	if star {
		return &TryStar{Span: p.span(t.pos()), Body: body, Handlers: handlers, Orelse: orelse, Finalbody: final}
	}
	return &Try{Span: p.span(t.pos()), Body: body, Handlers: handlers, Orelse: orelse, Finalbody: final}
}

// mixedExcept is the end of CPython's invalid_try_stmt: an except clause
// of the other kind than the ones before it. When the clause's header
// reads as one of that kind, the error is "cannot have both"; otherwise
// the clause's own checks (in exceptBlock) report it.
func (p *parser) mixedExcept(star bool) {
	save := p.i
	exc := p.tok()
	var op *token
	ok := p.speculate(func() {
		p.next()
		if !star { // except_block+ then 'except' '*' expression ['as' NAME] ':'
			op = p.expect(tSTAR)
			p.expression()
			if p.got(kwAs) {
				p.expect(tNAME)
			}
		} else if p.kind() != tCOLON { // except_star_block+ then 'except' [expression ['as' NAME]] ':'
			p.expression()
			if p.got(kwAs) {
				p.expect(tNAME)
			}
		}
		p.expect(tCOLON)
	})
	p.i = save
	if !ok {
		return
	}
	const msg = "cannot have both 'except' and 'except*' on the same 'try'"
	if op != nil {
		p.raiseRange(exc.pos(), op.end(), msg)
	}
	p.raiseTok(exc, msg)
}

// exceptBlock parses an except clause, or an except* clause when star is
// set. A clause of the other kind fails (after its own checks), as it
// does in CPython's except_block and except_star_block.
func (p *parser) exceptBlock(star bool) *ExceptHandler {
	t := p.next()
	h := &ExceptHandler{}
	what := "'except' statement"
	isStar := p.kind() == tSTAR
	if isStar {
		p.next()
		what = "'except*' statement"
		if k := p.kind(); k == tCOLON || k == tNEWLINE {
			p.raiseLast("expected one or more exception types")
		}
	}
	if !isStar && p.kind() == tCOLON {
		if star {
			p.fail()
		}
		p.next()
	} else if !isStar && p.kind() == tNEWLINE {
		p.raiseLast("expected ':'")
	} else {
		typ := p.expression()
		if p.kind() == tCOMMA {
			// except A, B: is Python 2.
			save := p.i
			if p.speculate(func() {
				p.next()
				p.expressions()
				if p.got(kwAs) {
					p.expect(tNAME)
				}
				p.expect(tCOLON)
			}) {
				p.raiseStartingFrom(typ.Start(), "multiple exception types must be parenthesized")
			}
			p.i = save
		}
		h.Type = typ
		if p.got(kwAs) {
			h.Name = p.expect(tNAME).text
		}
		p.colon()
	}
	if isStar != star {
		p.fail()
	}
	h.Body = p.block(what, t.line)
	h.Span = p.span(t.pos())
	return h
}

// alternative runs f as one alternative of CPython's first pass: on a
// plain failure it backtracks and reports false, but the tokens it
// examined count towards the furthest token, as they do for CPython.
func (p *parser) alternative(f func()) bool {
	save, far := p.i, p.far
	ok := p.speculate(f)
	if p.lastSpeculated > far {
		p.far = p.lastSpeculated
	}
	if !ok {
		p.i = save
	}
	return ok
}

// orBacktrack runs f, which parses an optional continuation. Outside
// speculation a failure is final; inside, it backtracks to where f started
// and reports false, as a PEG rule's alternative would.
func (p *parser) orBacktrack(f func()) bool {
	if p.spec == 0 {
		f()
		return true
	}
	save := p.i
	if !p.speculate(f) {
		p.i = save
		return false
	}
	return true
}

// speculate runs f and reports whether it parsed without error. The
// caller restores the position.
func (p *parser) speculate(f func()) (ok bool) {
	depth, far := p.depth, p.far
	p.spec++
	defer func() {
		p.spec--
		p.lastSpeculated = p.far
		p.far = far
		if r := recover(); r != nil {
			if b, isB := r.(bailout); isB && b.generic && !b.fromTokenizer {
				ok = false
				p.depth = depth
				return
			}
			panic(r)
		}
	}()
	f()
	return true
}
