package runtime

import (
	"math/big"

	"asyncplay/sim/py/syntax"
)

// expr compiles an expression.
func (c *compiler) expr(e syntax.Expr) exprFn {
	switch e := e.(type) {
	case *syntax.Constant:
		v := constant(e.Value)
		return func(*Frame) (Value, error) { return v, nil }
	case *syntax.Name:
		return c.nameLoad(e)
	case *syntax.BinOp:
		return c.binOp(e)
	case *syntax.UnaryOp:
		return c.unaryOp(e)
	case *syntax.BoolOp:
		return c.boolOp(e)
	case *syntax.Compare:
		return c.compare(e)
	case *syntax.IfExp:
		test, body, orelse := c.expr(e.Test), c.expr(e.Body), c.expr(e.Orelse)
		return func(fr *Frame) (Value, error) {
			t, err := c.truth(fr, test, e.Test)
			if err != nil {
				return nil, err
			}
			if t {
				return body(fr)
			}
			return orelse(fr)
		}
	case *syntax.Call:
		return c.call(e)
	case *syntax.Attribute:
		obj := c.expr(e.Value)
		name := e.Attr
		return func(fr *Frame) (Value, error) {
			o, err := obj(fr)
			if err != nil {
				return nil, err
			}
			v, err := GetAttr(fr.th, o, name)
			if err != nil {
				return nil, fr.fail(err, e)
			}
			return v, nil
		}
	case *syntax.Subscript:
		obj, key := c.expr(e.Value), c.expr(e.Slice)
		return func(fr *Frame) (Value, error) {
			o, err := obj(fr)
			if err != nil {
				return nil, err
			}
			k, err := key(fr)
			if err != nil {
				return nil, err
			}
			v, err := GetItem(fr.th, o, k)
			if err != nil {
				return nil, fr.fail(err, e)
			}
			return v, nil
		}
	case *syntax.Slice:
		lo, hi, st := c.optExpr(e.Lower), c.optExpr(e.Upper), c.optExpr(e.Step)
		return func(fr *Frame) (Value, error) {
			var parts [3]Value
			for i, f := range [3]exprFn{lo, hi, st} {
				parts[i] = None
				if f != nil {
					v, err := f(fr)
					if err != nil {
						return nil, err
					}
					parts[i] = v
				}
			}
			return &Slice{Start: parts[0], Stop: parts[1], Step: parts[2]}, nil
		}
	case *syntax.Tuple:
		items := c.sequence(e.Elts)
		return func(fr *Frame) (Value, error) {
			vs, err := items(fr)
			return Tuple(vs), err
		}
	case *syntax.List:
		items := c.sequence(e.Elts)
		return func(fr *Frame) (Value, error) {
			vs, err := items(fr)
			if err != nil {
				return nil, err
			}
			return &List{Items: vs}, nil
		}
	case *syntax.Set:
		return c.setDisplay(e)
	case *syntax.Dict:
		return c.dictDisplay(e)
	case *syntax.JoinedStr:
		return c.joinedStr(e)
	case *syntax.FormattedValue:
		return c.formattedValue(e)
	case *syntax.NamedExpr:
		value := c.expr(e.Value)
		store := c.nameStore(e.Target.(*syntax.Name).Id)
		return func(fr *Frame) (Value, error) {
			v, err := value(fr)
			if err == nil {
				store(fr, v)
			}
			return v, err
		}
	case *syntax.Lambda:
		return c.lambda(e)
	case *syntax.ListComp, *syntax.SetComp, *syntax.DictComp, *syntax.GeneratorExp:
		return c.comprehension(e)
	case *syntax.Await:
		return c.await(e)
	case *syntax.Yield:
		return c.yield(e)
	case *syntax.YieldFrom:
		return c.yieldFrom(e)
	case *syntax.Starred:
		return func(fr *Frame) (Value, error) {
			return nil, fr.fail(NewError(SyntaxErrorClass, "can't use starred expression here"), e)
		}
	}
	return func(fr *Frame) (Value, error) {
		return nil, NewError(SyntaxErrorClass, "unsupported expression")
	}
}

func (c *compiler) optExpr(e syntax.Expr) exprFn {
	if e == nil {
		return nil
	}
	return c.expr(e)
}

// constant converts a literal's value.
func constant(v any) Value {
	switch v := v.(type) {
	case *big.Int:
		return MakeBig(v)
	case float64:
		return Float(v)
	case string:
		return Str(v)
	case syntax.Bytes:
		return Bytes(v)
	case bool:
		return MakeBool(v)
	case syntax.EllipsisValue:
		return Ellipsis
	}
	return None
}

type ellipsis struct{}

// Ellipsis is the value of `...`.
var Ellipsis Value = ellipsis{}

// truth evaluates a condition, with bool as the fast path.
func (c *compiler) truth(fr *Frame, f exprFn, n syntax.Node) (bool, error) {
	v, err := f(fr)
	if err != nil {
		return false, err
	}
	if b, ok := v.(Bool); ok {
		return bool(b), nil
	}
	t, err := Truth(fr.th, v)
	if err != nil {
		return false, fr.fail(err, n)
	}
	return t, nil
}

var binOps = [...]Op{syntax.Add: OpAdd, syntax.Sub: OpSub, syntax.Mult: OpMul, syntax.MatMult: OpMatMul,
	syntax.Div: OpDiv, syntax.Mod: OpMod, syntax.Pow: OpPow, syntax.LShift: OpLShift, syntax.RShift: OpRShift,
	syntax.BitOr: OpOr, syntax.BitXor: OpXor, syntax.BitAnd: OpAnd, syntax.FloorDiv: OpFloorDiv}

// binOp compiles a binary operation; + and - on two small ints are done
// inline, everything else through BinaryOp.
func (c *compiler) binOp(e *syntax.BinOp) exprFn {
	left, right := c.expr(e.Left), c.expr(e.Right)
	op := binOps[e.Op]
	slow := func(fr *Frame, a, b Value) (Value, error) {
		v, err := BinaryOp(fr.th, op, a, b)
		if err != nil {
			return nil, fr.fail(err, e)
		}
		return v, nil
	}
	if slot, ok := c.localSlot(e.Left); ok && (op == OpAdd || op == OpSub) {
		if k, ok := smallConst(e.Right); ok { // n - 1, i + 1: no call for either operand
			if op == OpSub {
				k = -k
			}
			return func(fr *Frame) (Value, error) {
				a := fr.locals[slot]
				if x, ok := a.(Int); ok && x < 1<<40 && x > -(1<<40) {
					return MakeInt(int64(x) + k), nil
				}
				if a == nil {
					return left(fr) // raises the UnboundLocalError
				}
				b, _ := right(fr)
				return slow(fr, a, b)
			}
		}
	}
	switch op {
	case OpAdd:
		return func(fr *Frame) (Value, error) {
			a, err := left(fr)
			if err != nil {
				return nil, err
			}
			b, err := right(fr)
			if err != nil {
				return nil, err
			}
			if x, ok := a.(Int); ok {
				if y, ok := b.(Int); ok {
					if s := x + y; (s > x) == (y > 0) {
						return MakeInt(int64(s)), nil
					}
				}
			}
			return slow(fr, a, b)
		}
	case OpSub:
		return func(fr *Frame) (Value, error) {
			a, err := left(fr)
			if err != nil {
				return nil, err
			}
			b, err := right(fr)
			if err != nil {
				return nil, err
			}
			if x, ok := a.(Int); ok {
				if y, ok := b.(Int); ok {
					if s := x - y; (s < x) == (y > 0) {
						return MakeInt(int64(s)), nil
					}
				}
			}
			return slow(fr, a, b)
		}
	}
	return func(fr *Frame) (Value, error) {
		a, err := left(fr)
		if err != nil {
			return nil, err
		}
		b, err := right(fr)
		if err != nil {
			return nil, err
		}
		return slow(fr, a, b)
	}
}

var unaryOps = [...]UnOp{syntax.USub: UnNeg, syntax.UAdd: UnPos, syntax.Invert: UnInvert, syntax.Not: UnNot}

func (c *compiler) unaryOp(e *syntax.UnaryOp) exprFn {
	operand := c.expr(e.Operand)
	if e.Op == syntax.Not {
		return func(fr *Frame) (Value, error) {
			t, err := c.truth(fr, operand, e.Operand)
			if err != nil {
				return nil, err
			}
			return MakeBool(!t), nil
		}
	}
	op := e.Op
	return func(fr *Frame) (Value, error) {
		v, err := operand(fr)
		if err != nil {
			return nil, err
		}
		if x, ok := v.(Int); ok && op == syntax.USub && x != -x {
			return MakeInt(-int64(x)), nil
		}
		r, err := UnaryOp(fr.th, unaryOps[op], v)
		if err != nil {
			return nil, fr.fail(err, e)
		}
		return r, nil
	}
}

// boolOp compiles `and`/`or`: the last operand evaluated is the value.
func (c *compiler) boolOp(e *syntax.BoolOp) exprFn {
	vals := make([]exprFn, len(e.Values))
	for i, v := range e.Values {
		vals[i] = c.expr(v)
	}
	isAnd := e.Op == syntax.And
	return func(fr *Frame) (Value, error) {
		var v Value
		for i, f := range vals {
			var err error
			if v, err = f(fr); err != nil {
				return nil, err
			}
			if i == len(vals)-1 {
				break
			}
			t, err := Truth(fr.th, v)
			if err != nil {
				return nil, fr.fail(err, e.Values[i])
			}
			if t != isAnd {
				return v, nil
			}
		}
		return v, nil
	}
}

// compare compiles a comparison chain: a < b < c evaluates b once and
// stops at the first false link.
func (c *compiler) compare(e *syntax.Compare) exprFn {
	left := c.expr(e.Left)
	rights := make([]exprFn, len(e.Comparators))
	for i, r := range e.Comparators {
		rights[i] = c.expr(r)
	}
	ops := e.Ops
	if slot, ok := c.localSlot(e.Left); ok && len(ops) == 1 && ops[0] >= syntax.Eq && ops[0] <= syntax.GtE {
		if k, ok := smallConst(e.Comparators[0]); ok { // n < 2: no call for either operand
			op, right := ops[0], rights[0]
			y := Int(k)
			return func(fr *Frame) (Value, error) {
				a := fr.locals[slot]
				if x, ok := a.(Int); ok {
					switch op {
					case syntax.Lt:
						return MakeBool(x < y), nil
					case syntax.LtE:
						return MakeBool(x <= y), nil
					case syntax.Gt:
						return MakeBool(x > y), nil
					case syntax.GtE:
						return MakeBool(x >= y), nil
					case syntax.Eq:
						return MakeBool(x == y), nil
					}
					return MakeBool(x != y), nil
				}
				if a == nil {
					return left(fr)
				}
				b, _ := right(fr)
				r, err := compareOp(fr.th, op, a, b)
				if err != nil {
					return nil, fr.fail(err, e)
				}
				return r, nil
			}
		}
	}
	if len(ops) == 1 {
		right, op := rights[0], ops[0]
		return func(fr *Frame) (Value, error) {
			a, err := left(fr)
			if err != nil {
				return nil, err
			}
			b, err := right(fr)
			if err != nil {
				return nil, err
			}
			if x, ok := a.(Int); ok { // the loop counters and guards of hot code
				if y, ok := b.(Int); ok {
					switch op {
					case syntax.Lt:
						return MakeBool(x < y), nil
					case syntax.LtE:
						return MakeBool(x <= y), nil
					case syntax.Gt:
						return MakeBool(x > y), nil
					case syntax.GtE:
						return MakeBool(x >= y), nil
					case syntax.Eq:
						return MakeBool(x == y), nil
					case syntax.NotEq:
						return MakeBool(x != y), nil
					}
				}
			}
			r, err := compareOp(fr.th, op, a, b)
			if err != nil {
				return nil, fr.fail(err, e)
			}
			return r, nil
		}
	}
	return func(fr *Frame) (Value, error) {
		a, err := left(fr)
		if err != nil {
			return nil, err
		}
		var r Value
		for i, right := range rights {
			b, err := right(fr)
			if err != nil {
				return nil, err
			}
			if r, err = compareOp(fr.th, ops[i], a, b); err != nil {
				return nil, fr.fail(err, e)
			}
			if i == len(rights)-1 {
				break
			}
			t, err := Truth(fr.th, r)
			if err != nil {
				return nil, fr.fail(err, e)
			}
			if !t {
				return r, nil
			}
			a = b
		}
		return r, nil
	}
}

var cmpOps = [...]CmpOp{syntax.Eq: CmpEq, syntax.NotEq: CmpNe, syntax.Lt: CmpLt, syntax.LtE: CmpLe, syntax.Gt: CmpGt, syntax.GtE: CmpGe}

// compareOp applies one comparison operator.
func compareOp(th *Thread, op syntax.CmpOp, a, b Value) (Value, error) {
	switch op {
	case syntax.Is:
		return MakeBool(identical(a, b)), nil
	case syntax.IsNot:
		return MakeBool(!identical(a, b)), nil
	case syntax.In, syntax.NotIn:
		in, err := Contains(th, b, a)
		if err != nil {
			return nil, err
		}
		return MakeBool(in == (op == syntax.In)), nil
	}
	return Compare(th, cmpOps[op], a, b)
}

// sequence compiles the items of a tuple or list display, expanding
// *starred items.
func (c *compiler) sequence(elts []syntax.Expr) func(fr *Frame) ([]Value, error) {
	type item struct {
		f       exprFn
		starred bool
	}
	items := make([]item, len(elts))
	for i, e := range elts {
		if s, ok := e.(*syntax.Starred); ok {
			items[i] = item{c.expr(s.Value), true}
		} else {
			items[i] = item{c.expr(e), false}
		}
	}
	return func(fr *Frame) ([]Value, error) {
		out := make([]Value, 0, len(items))
		for i, it := range items {
			v, err := it.f(fr)
			if err != nil {
				return nil, err
			}
			if !it.starred {
				out = append(out, v)
				continue
			}
			xs, err := Collect(fr.th, v)
			if err != nil {
				return nil, fr.fail(err, elts[i])
			}
			out = append(out, xs...)
		}
		return out, nil
	}
}

// setDisplay builds {a, b, c}; a display of constants replays CPython's
// constant folding so the set iterates in CPython's order.
func (c *compiler) setDisplay(e *syntax.Set) exprFn {
	allConst := true
	for _, x := range e.Elts {
		if _, ok := x.(*syntax.Constant); !ok {
			allConst = false
		}
	}
	items := c.sequence(e.Elts)
	return func(fr *Frame) (Value, error) {
		vs, err := items(fr)
		if err != nil {
			return nil, err
		}
		if allConst {
			s, err := SetFromConstants(fr.th, vs)
			if err != nil {
				return nil, fr.fail(err, e)
			}
			return s, nil
		}
		s := NewSet()
		for _, v := range vs {
			if err := s.Add(fr.th, v); err != nil {
				return nil, fr.fail(err, e)
			}
		}
		return s, nil
	}
}

// dictDisplay builds {k: v, **m}.
func (c *compiler) dictDisplay(e *syntax.Dict) exprFn {
	keys := make([]exprFn, len(e.Keys))
	vals := make([]exprFn, len(e.Values))
	for i := range e.Keys {
		keys[i] = c.optExpr(e.Keys[i])
		vals[i] = c.expr(e.Values[i])
	}
	return func(fr *Frame) (Value, error) {
		d := NewDict()
		for i := range keys {
			if keys[i] == nil { // **mapping
				m, err := vals[i](fr)
				if err != nil {
					return nil, err
				}
				if err := mergeMapping(fr.th, d, m); err != nil {
					return nil, fr.fail(err, e.Values[i])
				}
				continue
			}
			k, err := keys[i](fr)
			if err != nil {
				return nil, err
			}
			v, err := vals[i](fr)
			if err != nil {
				return nil, err
			}
			if err := d.Set(fr.th, k, v); err != nil {
				return nil, fr.fail(err, e.Keys[i])
			}
		}
		return d, nil
	}
}

// mergeMapping adds a mapping's items to d (for **m in displays and calls).
func mergeMapping(th *Thread, d *Dict, m Value) error {
	if src, ok := m.(*Dict); ok {
		for _, kv := range src.Items() {
			if err := d.Set(th, kv[0], kv[1]); err != nil {
				return err
			}
		}
		return nil
	}
	keysFn, err := GetAttr(th, m, "keys")
	if err != nil {
		return NewError(TypeErrorClass, "'"+TypeName(m)+"' object is not a mapping")
	}
	ks, err := Call(th, keysFn, nil, nil)
	if err != nil {
		return err
	}
	keys, err := Collect(th, ks)
	if err != nil {
		return err
	}
	for _, k := range keys {
		v, err := GetItem(th, m, k)
		if err != nil {
			return err
		}
		if err := d.Set(th, k, v); err != nil {
			return err
		}
	}
	return nil
}

// joinedStr builds an f-string from its parts.
func (c *compiler) joinedStr(e *syntax.JoinedStr) exprFn {
	parts := make([]exprFn, len(e.Values))
	for i, v := range e.Values {
		parts[i] = c.expr(v)
	}
	return func(fr *Frame) (Value, error) {
		var b []byte
		for _, p := range parts {
			v, err := p(fr)
			if err != nil {
				return nil, err
			}
			b = append(b, v.(Str)...)
		}
		return Str(b), nil
	}
}

// formattedValue is one {value!conv:spec} field.
func (c *compiler) formattedValue(e *syntax.FormattedValue) exprFn {
	value := c.expr(e.Value)
	spec := c.optExpr(e.FormatSpec)
	conv := e.Conversion
	return func(fr *Frame) (Value, error) {
		v, err := value(fr)
		if err != nil {
			return nil, err
		}
		switch conv {
		case 'r', 'a':
			s, err := Repr(fr.th, v)
			if err != nil {
				return nil, fr.fail(err, e)
			}
			if conv == 'a' {
				s = asciiEscape(s)
			}
			v = Str(s)
		case 's':
			s, err := StrOf(fr.th, v)
			if err != nil {
				return nil, fr.fail(err, e)
			}
			v = Str(s)
		}
		var sp string
		if spec != nil {
			sv, err := spec(fr)
			if err != nil {
				return nil, err
			}
			sp = string(sv.(Str))
		}
		if s, ok := v.(Str); ok && sp == "" {
			return s, nil
		}
		s, err := FormatValue(fr.th, v, sp)
		if err != nil {
			return nil, fr.fail(err, e)
		}
		return Str(s), nil
	}
}

// localSlot reports the slot of a name that is a plain local here.
func (c *compiler) localSlot(e syntax.Expr) (int, bool) {
	n, ok := e.(*syntax.Name)
	if !ok {
		return 0, false
	}
	if kind, i := c.scope.kindOf(n.Id); kind == nameLocal {
		return i, true
	}
	return 0, false
}

// smallConst reports the value of an int literal that fits easily.
func smallConst(e syntax.Expr) (int64, bool) {
	k, ok := e.(*syntax.Constant)
	if !ok {
		return 0, false
	}
	b, ok := k.Value.(*big.Int)
	if !ok || !b.IsInt64() || b.Int64() > 1<<30 || b.Int64() < -(1<<30) {
		return 0, false
	}
	return b.Int64(), true
}
