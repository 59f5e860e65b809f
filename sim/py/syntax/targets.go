package syntax

// Assignment targets: contexts, validity and CPython's names for what
// cannot be assigned to.

type targetKind uint8

const (
	targetStar targetKind = iota // assignment, with, comprehension
	targetFor                    // for loops: "for f() in x" parses f() in x as a comparison
	targetDel
)

// setContext marks e and its sub-targets as assigned or deleted.
func setContext(e Expr, ctx ExprContext) {
	switch e := e.(type) {
	case *Name:
		e.Ctx = ctx
	case *Attribute:
		e.Ctx = ctx
	case *Subscript:
		e.Ctx = ctx
	case *Starred:
		e.Ctx = ctx
		setContext(e.Value, ctx)
	case *List:
		e.Ctx = ctx
		for _, x := range e.Elts {
			setContext(x, ctx)
		}
	case *Tuple:
		e.Ctx = ctx
		for _, x := range e.Elts {
			setContext(x, ctx)
		}
	}
}

// invalidTarget returns the first sub-expression of e that cannot be a
// target, or nil (CPython's _PyPegen_get_invalid_target).
func invalidTarget(e Expr, kind targetKind) Expr {
	switch x := e.(type) {
	case *List:
		for _, el := range x.Elts {
			if bad := invalidTarget(el, kind); bad != nil {
				return bad
			}
		}
		return nil
	case *Tuple:
		for _, el := range x.Elts {
			if bad := invalidTarget(el, kind); bad != nil {
				return bad
			}
		}
		return nil
	case *Starred:
		if kind == targetDel {
			return e
		}
		return invalidTarget(x.Value, kind)
	case *Compare:
		if kind == targetFor {
			if x.Ops[0] == In {
				return invalidTarget(x.Left, kind)
			}
			return nil
		}
		return e
	case *Name, *Subscript, *Attribute:
		return nil
	}
	return e
}

// exprName is CPython's _PyPegen_get_expr_name.
func exprName(e Expr) string {
	switch x := e.(type) {
	case *Attribute:
		return "attribute"
	case *Subscript:
		return "subscript"
	case *Starred:
		return "starred"
	case *Name:
		return "name"
	case *List:
		return "list"
	case *Tuple:
		return "tuple"
	case *Lambda:
		return "lambda"
	case *Call:
		return "function call"
	case *BoolOp, *BinOp, *UnaryOp:
		return "expression"
	case *GeneratorExp:
		return "generator expression"
	case *Yield, *YieldFrom:
		return "yield expression"
	case *Await:
		return "await expression"
	case *ListComp:
		return "list comprehension"
	case *SetComp:
		return "set comprehension"
	case *DictComp:
		return "dict comprehension"
	case *Dict:
		return "dict literal"
	case *Set:
		return "set display"
	case *JoinedStr, *FormattedValue:
		return "f-string expression"
	case *Constant:
		switch x.Value.(type) {
		case NoneValue:
			return "None"
		case bool:
			if x.Value.(bool) {
				return "True"
			}
			return "False"
		case EllipsisValue:
			return "ellipsis"
		}
		return "literal"
	case *Compare:
		return "comparison"
	case *IfExp:
		return "conditional expression"
	case *NamedExpr:
		return "named expression"
	}
	return "expression"
}

// markParens records that e was written in parentheses. Only a few error
// messages and AnnAssign.Simple depend on it.
func (p *parser) markParens(e Expr) {
	if p.parens == nil {
		p.parens = map[Expr]bool{}
	}
	p.parens[e] = true
}

func (p *parser) isParenthesized(e Expr) bool { return p.parens[e] }

// isSingleTarget reports whether e may be the target of an augmented
// assignment: a name, attribute or subscript, maybe in parentheses.
func (p *parser) isSingleTarget(e Expr) bool {
	switch e.(type) {
	case *Name, *Attribute, *Subscript:
		return true
	}
	return false
}

// isBitwiseOrLevel reports whether e could have been parsed by CPython's
// bitwise_or rule: no unparenthesized boolean, comparison, not, lambda,
// conditional, starred or tuple at the top.
func (p *parser) isBitwiseOrLevel(e Expr) bool {
	if p.isParenthesized(e) {
		return true
	}
	switch x := e.(type) {
	case *BoolOp, *Compare, *Lambda, *IfExp, *Starred, *Tuple, *NamedExpr, *Yield, *YieldFrom:
		return false
	case *UnaryOp:
		return x.Op != Not
	}
	return true
}

// startsWithDisplay reports whether the expression starting at token
// index first begins with a list or tuple display, a generator expression,
// or True, None or False: CPython's !(list|tuple|genexp|'True'|'None'|'False').
func (p *parser) startsWithDisplay(first int, e Expr) bool {
	switch p.toks[first].kind {
	case kwTrue, kwFalse, kwNone:
		return true
	case tLPAR, tLSQB:
	default:
		return false
	}
	// Descend to the leftmost atom.
	for {
		switch x := e.(type) {
		case *BinOp:
			e = x.Left
			continue
		case *Attribute:
			e = x.Value
			continue
		case *Subscript:
			e = x.Value
			continue
		case *Call:
			e = x.Func
			continue
		case *Compare:
			e = x.Left
			continue
		case *BoolOp:
			e = x.Values[0]
			continue
		}
		break
	}
	if e.Start().Offset != p.toks[first].off {
		return false
	}
	switch e.(type) {
	case *List, *GeneratorExp:
		return true
	case *Tuple:
		return p.isParenthesized(e)
	}
	return false
}
