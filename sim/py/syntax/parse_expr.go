package syntax

import "fmt"

// Expressions, from star_expressions down to atom. Nodes built by a rule
// start at the rule's first token, as CPython's EXTRA does: in (a) + b the
// BinOp starts at the parenthesis while a itself starts after it.

// startsExpr reports whether the current token can start an expression
// (or, with star, a star_expression).
func (p *parser) startsExpr(star bool) bool {
	switch p.kind() {
	case tNAME, tINT, tFLOAT, tIMAG, tSTRING, tLPAR, tLSQB, tLBRACE, tMINUS, tPLUS, tTILDE,
		kwNot, kwLambda, kwAwait, tELLIPSIS, kwNone, kwTrue, kwFalse:
		return true
	case tSTAR:
		return star
	}
	return false
}

// starExpressions is star_expression (',' star_expression)* [','].
func (p *parser) starExpressions() Expr {
	start := p.tok().pos()
	e := p.starExpression()
	if p.kind() != tCOMMA {
		return e
	}
	elts := []Expr{e}
	for p.got(tCOMMA) {
		if !p.startsExpr(true) {
			break
		}
		elts = append(elts, p.starExpression())
	}
	return &Tuple{Span: p.span(start), Elts: elts, Ctx: Load}
}

// expressions is expression (',' expression)* [','].
func (p *parser) expressions() Expr {
	start := p.tok().pos()
	e := p.expression()
	if p.kind() != tCOMMA {
		return e
	}
	elts := []Expr{e}
	for p.got(tCOMMA) {
		if !p.startsExpr(false) {
			break
		}
		elts = append(elts, p.expression())
	}
	return &Tuple{Span: p.span(start), Elts: elts, Ctx: Load}
}

func (p *parser) starExpression() Expr {
	if p.kind() == tSTAR {
		start := p.next().pos()
		v := p.bitwiseOr()
		return &Starred{Span: p.span(start), Value: v, Ctx: Load}
	}
	return p.expression()
}

func (p *parser) starNamedExpression() Expr {
	if p.kind() == tSTAR {
		start := p.next().pos()
		v := p.bitwiseOr()
		return &Starred{Span: p.span(start), Value: v, Ctx: Load}
	}
	return p.namedExpression()
}

// namedExpression is assignment_expression | expression !':=', with
// CPython's invalid_named_expression messages.
func (p *parser) namedExpression() Expr {
	first := p.i
	if p.kind() == tNAME && p.peekKind(1) == tWALRUS {
		return p.assignmentExpression()
	}
	e := p.expression()
	if p.noInvalid > 0 {
		return e
	}
	switch p.kind() {
	case tWALRUS:
		save := p.i
		if p.speculate(func() { p.next(); p.expression() }) {
			p.raiseNode(e, "cannot use assignment expressions with "+exprName(e))
		}
		p.i = save
	case tEQUAL:
		p.checkMisplacedAssign(first, e)
	}
	return e
}

// checkMisplacedAssign reports '=' where a comparison or walrus was meant
// (the second and third alternatives of invalid_named_expression).
func (p *parser) checkMisplacedAssign(first int, e Expr) {
	p.checkMisplacedAssignAt(first, e, p.i)
}

// checkMisplacedAssignAt checks e, which starts at token first, followed
// by the '=' at token eq.
func (p *parser) checkMisplacedAssignAt(first int, e Expr, eq int) {
	save := p.i
	p.i = eq + 1
	var b Expr
	var k tokenKind
	ok := p.speculate(func() { b = p.bitwiseOr(); k = p.kind() })
	p.i = save
	if !ok || k == tEQUAL || k == tWALRUS {
		return
	}
	if _, isName := e.(*Name); isName && p.toks[first].kind == tNAME && first+1 == eq {
		p.raiseRange(e.Start(), b.End(), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
	}
	if p.isBitwiseOrLevel(e) && !p.startsWithDisplay(first, e) {
		p.raiseNode(e, fmt.Sprintf("cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(e)))
	}
}

func (p *parser) assignmentExpression() Expr {
	t := p.next()
	target := &Name{Span: Span{t.pos(), t.end()}, Id: t.text, Ctx: Store}
	p.next() // :=
	v := p.expression()
	return &NamedExpr{Span: p.span(t.pos()), Target: target, Value: v}
}

// expression is lambdef | disjunction ['if' disjunction 'else' expression],
// with CPython's invalid_expression and invalid_legacy_expression checks.
func (p *parser) expression() Expr {
	p.enter()
	defer p.leave()
	noJuxtapose := p.noJuxtapose
	p.noJuxtapose = false
	if p.kind() == kwLambda {
		return p.lambdef()
	}
	first := p.i
	start := p.tok().pos()
	a := p.disjunction()
	if p.kind() == kwIf {
		var ifExp Expr
		if p.orBacktrack(func() {
			p.next()
			b := p.disjunction()
			if p.kind() != kwElse {
				if p.kind() != tCOLON && p.noInvalid == 0 {
					p.raiseRange(a.Start(), b.End(), "expected 'else' after 'if' expression")
				}
				p.fail()
			}
			p.next()
			c := p.expression()
			ifExp = &IfExp{Span: p.span(start), Test: b, Body: a, Orelse: c}
		}) {
			return ifExp
		}
	}
	if noJuxtapose || p.noInvalid > 0 {
		// A dict key after a comma: CPython reports the missing ':'.
		return a
	}
	if p.startsExpr(false) {
		p.checkJuxtaposed(first, a)
	}
	return a
}

// checkJuxtaposed handles an expression directly followed by another:
// "Perhaps you forgot a comma?" inside brackets, and Python 2's print.
func (p *parser) checkJuxtaposed(first int, a Expr) {
	legacy := false
	if n, ok := a.(*Name); ok && (n.Id == "print" || n.Id == "exec") {
		legacy = true
	}
	ft := &p.toks[first]
	soft := ft.kind == tNAME && (ft.text == "match" || ft.text == "case" || ft.text == "_")
	nameString := ft.kind == tNAME && p.toks[first+1].kind == tSTRING
	save := p.i
	if !legacy && !soft && !nameString {
		var b Expr
		if p.speculate(func() { b = p.expressionWithoutInvalid() }) {
			if p.toks[p.i-1].level > 0 {
				p.raiseRange(a.Start(), b.End(), "invalid syntax. Perhaps you forgot a comma?")
			}
		}
		p.i = save
	}
	if legacy && p.toks[first+1].off == p.tok().off && p.kind() != tLPAR {
		var b Expr
		if p.speculate(func() { b = p.starExpressions() }) {
			n := a.(*Name)
			p.raiseRange(a.Start(), b.End(), fmt.Sprintf("Missing parentheses in call to '%s'. Did you mean %s(...)?", n.Id, n.Id))
		}
		p.i = save
	}
}

// expressionWithoutInvalid parses an expression without the checks above.
func (p *parser) expressionWithoutInvalid() Expr {
	p.noInvalid++
	defer func() { p.noInvalid-- }()
	return p.expression()
}

func (p *parser) lambdef() Expr {
	start := p.next().pos()
	args := p.parameters(tCOLON, false)
	p.expect(tCOLON)
	body := p.expression()
	return &Lambda{Span: p.span(start), Args: args, Body: body}
}

func (p *parser) disjunction() Expr {
	start := p.tok().pos()
	e := p.conjunction()
	if p.kind() != kwOr {
		return e
	}
	values := []Expr{e}
	for p.kind() == kwOr {
		if !p.orBacktrack(func() { p.next(); values = append(values, p.conjunction()) }) {
			break
		}
	}
	if len(values) == 1 {
		return e
	}
	return &BoolOp{Span: p.span(start), Op: Or, Values: values}
}

func (p *parser) conjunction() Expr {
	start := p.tok().pos()
	e := p.inversion()
	if p.kind() != kwAnd {
		return e
	}
	values := []Expr{e}
	for p.kind() == kwAnd {
		if !p.orBacktrack(func() { p.next(); values = append(values, p.inversion()) }) {
			break
		}
	}
	if len(values) == 1 {
		return e
	}
	return &BoolOp{Span: p.span(start), Op: And, Values: values}
}

func (p *parser) inversion() Expr {
	if p.kind() == kwNot {
		p.enter()
		defer p.leave()
		start := p.next().pos()
		e := p.inversion()
		return &UnaryOp{Span: p.span(start), Op: Not, Operand: e}
	}
	return p.comparison()
}

func (p *parser) comparison() Expr {
	start := p.tok().pos()
	e := p.bitwiseOr()
	var ops []CmpOp
	var comps []Expr
	for {
		save := p.i
		var op CmpOp
		switch p.kind() {
		case tEQEQUAL:
			op = Eq
		case tNOTEQUAL:
			op = NotEq
		case tLESS:
			op = Lt
		case tLESSEQ:
			op = LtE
		case tGREATER:
			op = Gt
		case tGREATEQ:
			op = GtE
		case kwIn:
			op = In
		case kwIs:
			op = Is
			if p.peekKind(1) == kwNot {
				p.next()
				op = IsNot
			}
		case kwNot:
			if p.peekKind(1) != kwIn {
				goto done
			}
			p.next()
			op = NotIn
		default:
			goto done
		}
		if !p.orBacktrack(func() { p.next(); comps = append(comps, p.bitwiseOr()) }) {
			p.i = save
			break
		}
		ops = append(ops, op)
	}
done:
	if ops == nil {
		return e
	}
	return &Compare{Span: p.span(start), Left: e, Ops: ops, Comparators: comps}
}

// Binary operator levels, loosest first, indexed by token kind.
var binLevels = func() (t [6][256]Operator) {
	for i, level := range []map[tokenKind]Operator{
		{tVBAR: BitOr},
		{tCIRCUM: BitXor},
		{tAMPER: BitAnd},
		{tLSHIFT: LShift, tRSHIFT: RShift},
		{tPLUS: Add, tMINUS: Sub},
		{tSTAR: Mult, tSLASH: Div, tFLOORDIV: FloorDiv, tPERCENT: Mod, tAT: MatMult},
	} {
		for k, op := range level {
			t[i][k] = op
		}
	}
	return t
}()

func (p *parser) bitwiseOr() Expr { return p.binary(0) }

func (p *parser) binary(level int) Expr {
	if level == len(binLevels) {
		return p.factor()
	}
	start := p.tok().pos()
	e := p.binary(level + 1)
	for {
		op := binLevels[level][p.kind()]
		if op == 0 {
			return e
		}
		var right Expr
		if !p.orBacktrack(func() { p.next(); right = p.binary(level + 1) }) {
			return e
		}
		e = &BinOp{Span: p.span(start), Left: e, Op: op, Right: right}
	}
}

func (p *parser) factor() Expr {
	var op UnaryOpKind
	switch p.kind() {
	case tPLUS:
		op = UAdd
	case tMINUS:
		op = USub
	case tTILDE:
		op = Invert
	default:
		return p.power()
	}
	p.enter()
	defer p.leave()
	start := p.next().pos()
	e := p.factor()
	return &UnaryOp{Span: p.span(start), Op: op, Operand: e}
}

func (p *parser) power() Expr {
	start := p.tok().pos()
	e := p.awaitPrimary()
	if p.kind() == tPOW {
		var right Expr
		if p.orBacktrack(func() { p.next(); right = p.factor() }) {
			return &BinOp{Span: p.span(start), Left: e, Op: Pow, Right: right}
		}
	}
	return e
}

func (p *parser) awaitPrimary() Expr {
	if p.kind() == kwAwait {
		start := p.next().pos()
		e := p.primary()
		return &Await{Span: p.span(start), Value: e}
	}
	return p.primary()
}

// primary is atom followed by attribute, call and subscript trailers.
func (p *parser) primary() Expr {
	p.enter()
	defer p.leave()
	start := p.tok().pos()
	e := p.atom()
	for {
		var next Expr
		var ok bool
		switch p.kind() {
		case tDOT:
			ok = p.orBacktrack(func() {
				p.next()
				name := p.expect(tNAME).text
				next = &Attribute{Span: p.span(start), Value: e, Attr: name, Ctx: Load}
			})
		case tLPAR:
			ok = p.orBacktrack(func() { next = p.call(start, e) })
		case tLSQB:
			ok = p.orBacktrack(func() {
				p.next()
				s := p.slices()
				p.expect(tRSQB)
				next = &Subscript{Span: p.span(start), Value: e, Slice: s, Ctx: Load}
			})
		}
		if !ok {
			return e
		}
		e = next
	}
}

// slices is slice !',' | ','.(slice | starred_expression)+ [','].
func (p *parser) slices() Expr {
	start := p.tok().pos()
	s := p.slice()
	if _, starred := s.(*Starred); p.kind() != tCOMMA && !starred {
		return s
	}
	elts := []Expr{s}
	for p.got(tCOMMA) {
		if p.kind() == tRSQB {
			break
		}
		elts = append(elts, p.slice())
	}
	return &Tuple{Span: p.span(start), Elts: elts, Ctx: Load}
}

func (p *parser) slice() Expr {
	start := p.tok().pos()
	if p.kind() == tSTAR {
		p.next()
		v := p.expression()
		return &Starred{Span: p.span(start), Value: v, Ctx: Load}
	}
	var lower Expr
	if p.kind() != tCOLON {
		lower = p.namedExpression()
		if p.kind() != tCOLON {
			return lower
		}
		if _, ok := lower.(*NamedExpr); ok && !p.isParenthesized(lower) {
			p.fail()
		}
	}
	s := &Slice{Lower: lower}
	p.next()
	if p.startsExpr(false) {
		s.Upper = p.expression()
	}
	if p.got(tCOLON) {
		if p.startsExpr(false) {
			s.Step = p.expression()
		}
	}
	s.Span = p.span(start)
	return s
}
