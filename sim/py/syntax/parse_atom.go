package syntax

// Atoms, displays, comprehensions, calls and parameter lists.

func (p *parser) atom() Expr {
	t := p.tok()
	sp := Span{t.pos(), t.end()}
	switch t.kind {
	case tNAME:
		p.next()
		return &Name{Span: sp, Id: t.text, Ctx: Load}
	case kwTrue:
		p.next()
		return &Constant{Span: sp, Value: true}
	case kwFalse:
		p.next()
		return &Constant{Span: sp, Value: false}
	case kwNone:
		p.next()
		return &Constant{Span: sp, Value: NoneValue{}}
	case tELLIPSIS:
		p.next()
		return &Constant{Span: sp, Value: EllipsisValue{}}
	case tINT, tFLOAT, tIMAG:
		p.next()
		return p.number(t)
	case tSTRING:
		return p.strings()
	case tLPAR:
		return p.parenAtom()
	case tLSQB:
		return p.listAtom()
	case tLBRACE:
		return p.braceAtom()
	}
	p.fail()
	return nil
}

// parenAtom is tuple | group | genexp, with invalid_group.
func (p *parser) parenAtom() Expr {
	open := p.next()
	start := open.pos()
	switch p.kind() {
	case tRPAR:
		p.next()
		e := &Tuple{Span: p.span(start), Elts: []Expr{}, Ctx: Load}
		p.markParens(e)
		return e
	case kwYield:
		e := p.yieldExpr()
		p.expect(tRPAR)
		p.markParens(e)
		return e
	case tPOW:
		dstar := p.tok()
		save := p.i
		if p.speculate(func() { p.next(); p.expression(); p.expect(tRPAR) }) {
			p.raiseTok(dstar, "cannot use double starred expression here")
		}
		p.i = save
		p.fail()
	}
	first := p.starNamedExpression()
	switch p.kind() {
	case kwFor, kwAsync:
		if p.kind() == kwAsync && p.peekKind(1) != kwFor {
			break
		}
		if s, ok := first.(*Starred); ok {
			p.comprehensionClauses()
			p.raiseNode(s, "iterable unpacking cannot be used in comprehension")
		}
		gens := p.comprehensionClauses()
		p.expect(tRPAR)
		e := &GeneratorExp{Span: p.span(start), Elt: first, Generators: gens}
		p.markParens(e)
		return e
	case tRPAR:
		p.next()
		if s, ok := first.(*Starred); ok {
			p.raiseNode(s, "cannot use starred expression here")
		}
		p.markParens(first)
		return first
	case tCOMMA:
		elts := []Expr{first}
		for p.got(tCOMMA) {
			if p.kind() == tRPAR {
				break
			}
			elts = append(elts, p.starNamedExpression())
		}
		p.expect(tRPAR)
		e := &Tuple{Span: p.span(start), Elts: elts, Ctx: Load}
		p.markParens(e)
		return e
	}
	p.fail()
	return nil
}

func (p *parser) listAtom() Expr {
	start := p.next().pos()
	if p.got(tRSQB) {
		return &List{Span: p.span(start), Elts: []Expr{}, Ctx: Load}
	}
	first := p.starNamedExpression()
	if p.startsComprehension() {
		if s, ok := first.(*Starred); ok {
			p.comprehensionClauses()
			p.raiseNode(s, "iterable unpacking cannot be used in comprehension")
		}
		gens := p.comprehensionClauses()
		p.expect(tRSQB)
		return &ListComp{Span: p.span(start), Elt: first, Generators: gens}
	}
	elts := p.restOfElements(first, tRSQB)
	p.expect(tRSQB)
	return &List{Span: p.span(start), Elts: elts, Ctx: Load}
}

// restOfElements parses (',' star_named_expression)* [','] after the
// first element of a list or set display, and reports a comprehension
// whose target lacks parentheses ([a, b for ...]).
func (p *parser) restOfElements(first Expr, closer tokenKind) []Expr {
	elts := []Expr{first}
	for p.kind() == tCOMMA {
		comma := p.next()
		if p.startsComprehension() && len(elts) == 1 {
			save := p.i
			if p.speculate(func() { p.comprehensionClauses() }) {
				p.raiseRange(first.Start(), comma.end(), "did you forget parentheses around the comprehension target?")
			}
			p.i = save
		}
		if p.kind() == closer {
			break
		}
		elts = append(elts, p.starNamedExpression())
		if p.startsComprehension() {
			save := p.i
			if p.speculate(func() { p.comprehensionClauses() }) {
				p.raiseRange(first.Start(), elts[len(elts)-1].End(), "did you forget parentheses around the comprehension target?")
			}
			p.i = save
		}
	}
	return elts
}

func (p *parser) startsComprehension() bool {
	return p.kind() == kwFor || p.kind() == kwAsync && p.peekKind(1) == kwFor
}

// braceAtom is dict | set | dictcomp | setcomp.
func (p *parser) braceAtom() Expr {
	start := p.next().pos()
	if p.got(tRBRACE) {
		return &Dict{Span: p.span(start), Keys: []Expr{}, Values: []Expr{}}
	}
	if p.kind() == tPOW {
		dstar := p.tok()
		p.next()
		v := p.bitwiseOr()
		if p.startsComprehension() {
			p.comprehensionClauses()
			if p.kind() == tRBRACE {
				p.raiseTok(dstar, "dict unpacking cannot be used in dict comprehension")
			}
			p.fail()
		}
		return p.dictRest(start, []Expr{nil}, []Expr{v})
	}
	first := p.starNamedExpression()
	if p.kind() == tCOLON {
		if _, ok := first.(*Starred); ok {
			p.fail()
		}
		p.next()
		v := p.dictValue()
		if p.startsComprehension() {
			gens := p.comprehensionClauses()
			p.expect(tRBRACE)
			return &DictComp{Span: p.span(start), Key: first, Value: v, Generators: gens}
		}
		return p.dictRest(start, []Expr{first}, []Expr{v})
	}
	if p.startsComprehension() {
		if s, ok := first.(*Starred); ok {
			p.comprehensionClauses()
			p.raiseNode(s, "iterable unpacking cannot be used in comprehension")
		}
		gens := p.comprehensionClauses()
		p.expect(tRBRACE)
		return &SetComp{Span: p.span(start), Elt: first, Generators: gens}
	}
	elts := p.restOfElements(first, tRBRACE)
	p.expect(tRBRACE)
	return &Set{Span: p.span(start), Elts: elts}
}

// dictValue parses the value after "key:", with CPython's messages for
// a missing or starred value.
func (p *parser) dictValue() Expr {
	switch p.kind() {
	case tRBRACE, tCOMMA:
		p.raiseTok(p.prev(), "expression expected after dictionary key and ':'")
	case tSTAR:
		star := p.tok()
		if p.speculate(func() { p.next(); p.bitwiseOr(); p.tok() }) {
			p.raiseStartingFrom(star.pos(), "cannot use a starred expression in a dictionary value")
		}
	}
	return p.expression()
}

func (p *parser) dictRest(start Pos, keys, values []Expr) Expr {
	for p.got(tCOMMA) {
		if p.kind() == tRBRACE {
			break
		}
		if p.got(tPOW) {
			keys = append(keys, nil)
			values = append(values, p.bitwiseOr())
			continue
		}
		p.noJuxtapose = true
		k := p.expression()
		if p.kind() != tCOLON {
			p.raise(p.src.errorAt(KindSyntax, "':' expected after dictionary key",
				k.Start().Line, k.End().Col, k.End().Line, 0))
		}
		p.next()
		keys = append(keys, k)
		values = append(values, p.dictValue())
	}
	p.expect(tRBRACE)
	return &Dict{Span: p.span(start), Keys: keys, Values: values}
}

// comprehensionClauses is for_if_clause+.
func (p *parser) comprehensionClauses() []*Comprehension {
	var gens []*Comprehension
	for p.startsComprehension() {
		c := &Comprehension{Ifs: []Expr{}}
		if p.got(kwAsync) {
			c.IsAsync = true
		}
		p.next() // for
		c.Target = p.forTarget()
		p.next()
		c.Iter = p.disjunction()
		for p.got(kwIf) {
			c.Ifs = append(c.Ifs, p.disjunction())
		}
		gens = append(gens, c)
	}
	return gens
}

// forTarget parses the target of a for loop or clause, leaving the
// parser at 'in'. When that fails, CPython's invalid_for_target parses
// star_expressions there to name what cannot be assigned to.
func (p *parser) forTarget() Expr {
	startIdx := p.i
	var target Expr
	if p.alternative(func() {
		target = p.starTargets()
		if p.kind() != kwIn {
			p.fail()
		}
	}) && invalidTarget(target, targetFor) == nil {
		setContext(target, Store)
		return target
	}
	var e Expr
	save := p.i
	p.i = startIdx
	if p.speculate(func() { e = p.starExpressions() }) {
		if bad := invalidTarget(e, targetFor); bad != nil {
			p.raiseNode(bad, "cannot assign to "+exprName(bad))
		}
	}
	p.i = save
	p.fail()
	return nil
}

// starTargets parses a target list: star_targets.
func (p *parser) starTargets() Expr {
	start := p.tok().pos()
	first := p.starTarget()
	var e Expr = first
	if p.kind() == tCOMMA {
		elts := []Expr{first}
		for p.got(tCOMMA) {
			if !p.startsExpr(true) {
				break
			}
			elts = append(elts, p.starTarget())
		}
		e = &Tuple{Span: p.span(start), Elts: elts, Ctx: Store}
	}
	return e
}

func (p *parser) starTarget() Expr {
	if p.kind() == tSTAR {
		start := p.next().pos()
		if p.kind() == tSTAR {
			p.fail()
		}
		v := p.starTarget()
		return &Starred{Span: p.span(start), Value: v, Ctx: Store}
	}
	return p.bitwiseOr()
}

// call parses the argument list after a primary.
func (p *parser) call(start Pos, fn Expr) Expr {
	open := p.next()
	args, kws := p.callArgs()
	p.expect(tRPAR)
	// f(x for x in y): the generator expression spans the parentheses.
	if len(args) == 1 && len(kws) == 0 {
		if g, ok := args[0].(*GeneratorExp); ok && g.StartPos == g.Elt.Start() && !p.isParenthesized(g) {
			g.Span = Span{open.pos(), p.prevEnd()}
			p.markParens(g)
		}
	}
	return &Call{Span: p.span(start), Func: fn, Args: args, Keywords: kws}
}

// callArgs parses arguments up to the closing parenthesis, with CPython's
// invalid_arguments and invalid_kwarg messages.
func (p *parser) callArgs() ([]Expr, []*Keyword) {
	args := []Expr{}
	kws := []*Keyword{}
	sawKeyword, sawDoubleStar := false, false
	for p.kind() != tRPAR {
		t := p.tok()
		switch {
		case t.kind == tSTAR:
			p.next()
			v := p.expression()
			if sawDoubleStar {
				p.raiseTok(t, "iterable argument unpacking follows keyword argument unpacking")
			}
			args = append(args, &Starred{Span: p.span(t.pos()), Value: v, Ctx: Load})
		case t.kind == tPOW:
			p.next()
			v := p.expression()
			kws = append(kws, &Keyword{Span: p.span(t.pos()), Value: v})
			sawDoubleStar = true
		case t.kind == tNAME && p.peekKind(1) == tEQUAL:
			p.next()
			eq := p.next()
			v := p.expression()
			if p.startsComprehension() {
				p.raiseRange(t.pos(), eq.end(), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
			}
			kws = append(kws, &Keyword{Span: p.span(t.pos()), Arg: t.text, Value: v})
			sawKeyword = true
		case (t.kind == kwTrue || t.kind == kwFalse || t.kind == kwNone) && p.peekKind(1) == tEQUAL:
			eq := p.at(p.i + 1)
			p.raiseRange(t.pos(), eq.end(), "cannot assign to "+t.text)
		default:
			var e Expr
			if t.kind == tNAME && p.peekKind(1) == tWALRUS {
				e = p.assignmentExpression()
			} else {
				e = p.expression()
			}
			if p.kind() == tEQUAL {
				eq := p.tok()
				p.raiseRange(e.Start(), eq.end(), "expression cannot contain assignment, perhaps you meant \"==\"?")
			}
			if p.startsComprehension() {
				gens := p.comprehensionClauses()
				last := gens[len(gens)-1]
				lastItem := lastComprehensionItem(last)
				if len(args) > 0 || len(kws) > 0 {
					p.raiseRange(e.Start(), lastItem.End(), "Generator expression must be parenthesized")
				}
				if p.kind() != tRPAR {
					p.raiseRange(e.Start(), lastItem.End(), "Generator expression must be parenthesized")
				}
				e = &GeneratorExp{Span: Span{e.Start(), p.prevEnd()}, Elt: e, Generators: gens}
			}
			if sawKeyword || sawDoubleStar {
				if sawDoubleStar {
					p.raiseLast("positional argument follows keyword argument unpacking")
				}
				p.raiseLast("positional argument follows keyword argument")
			}
			args = append(args, e)
		}
		if !p.got(tCOMMA) {
			break
		}
	}
	return args, kws
}

func lastComprehensionItem(c *Comprehension) Expr {
	if len(c.Ifs) > 0 {
		return c.Ifs[len(c.Ifs)-1]
	}
	return c.Iter
}

// yieldExpr is 'yield' 'from' expression | 'yield' [star_expressions].
func (p *parser) yieldExpr() Expr {
	start := p.next().pos()
	if p.got(kwFrom) {
		v := p.expression()
		return &YieldFrom{Span: p.span(start), Value: v}
	}
	var v Expr
	if p.startsExpr(true) {
		v = p.starExpressions()
	}
	return &Yield{Span: p.span(start), Value: v}
}

// parameters parses a def's (annotations allowed) or a lambda's parameter
// list up to closer, which it leaves unconsumed.
func (p *parser) parameters(closer tokenKind, annotations bool) *Arguments {
	a := &Arguments{Posonlyargs: []*Arg{}, Args: []*Arg{}, Kwonlyargs: []*Arg{}, KwDefaults: []Expr{}, Defaults: []Expr{}}
	sawStar, sawSlash, sawDefault := false, false, false
	for p.kind() != closer {
		t := p.tok()
		switch t.kind {
		case tSLASH:
			if sawStar {
				p.raiseTok(t, "/ must be ahead of *")
			}
			if sawSlash {
				p.raiseTok(t, "/ may appear only once")
			}
			if len(a.Args) == 0 {
				p.raiseTok(t, "at least one argument must precede /")
			}
			p.next()
			sawSlash = true
			a.Posonlyargs, a.Args = a.Args, []*Arg{}
		case tSTAR:
			if sawStar {
				p.raiseTok(t, "* argument may appear only once")
			}
			p.next()
			sawStar = true
			bare := p.kind() == closer
			if p.kind() == tCOMMA {
				k := p.peekKind(1)
				bare = k == closer || k == tPOW
			}
			if bare {
				if closer == tCOLON {
					p.raiseLast("named arguments must follow bare *")
				}
				p.raiseTok(t, "named arguments must follow bare *")
			}
			if p.kind() != tCOMMA {
				a.Vararg = p.param(annotations)
				if p.kind() == tEQUAL {
					p.raiseTok(p.tok(), "var-positional argument cannot have default value")
				}
			}
		case tPOW:
			p.next()
			a.Kwarg = p.param(annotations)
			if p.kind() == tEQUAL {
				p.raiseTok(p.tok(), "var-keyword argument cannot have default value")
			}
			if p.kind() == tCOMMA {
				switch n := p.at(p.i + 1); n.kind {
				case tNAME:
					p.raiseTok(n, "arguments cannot follow var-keyword argument")
				case tSTAR, tPOW, tSLASH:
					p.raiseTok(n, "arguments cannot follow var-keyword argument")
				}
			}
			p.got(tCOMMA)
			if p.kind() != closer {
				p.fail()
			}
			return a
		case tNAME:
			arg := p.param(annotations)
			var def Expr
			if p.kind() == tEQUAL {
				eq := p.next()
				if k := p.kind(); k == tCOMMA || k == closer {
					p.raiseTok(eq, "expected default value expression")
				}
				def = p.expression()
			}
			if sawStar {
				a.Kwonlyargs = append(a.Kwonlyargs, arg)
				a.KwDefaults = append(a.KwDefaults, def)
			} else {
				if def == nil && sawDefault {
					p.raiseNode(arg, "non-default argument follows default argument")
				}
				if def != nil {
					sawDefault = true
					a.Defaults = append(a.Defaults, def)
				}
				a.Args = append(a.Args, arg)
			}
		default:
			p.fail()
		}
		if !p.got(tCOMMA) {
			break
		}
	}
	return a
}

func (p *parser) param(annotations bool) *Arg {
	t := p.expect(tNAME)
	arg := &Arg{Arg: t.text}
	if annotations && p.got(tCOLON) {
		arg.Annotation = p.expression()
	}
	arg.Span = p.span(t.pos())
	return arg
}
