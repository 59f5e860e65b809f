package runtime

import (
	"math"
	"math/big"
	"strings"
)

// BinaryOp evaluates a op b as CPython's binary_op1 does: numbers first,
// then the left operand's method and the right operand's reflected one
// (the reflected one first when the right operand's class derives from
// the left's), then the built-in sequence, mapping and set operations,
// with CPython's TypeErrors when nothing applies.
func BinaryOp(th *Thread, op Op, a, b Value) (Value, error) {
	if v, ok, err := Arith(op, a, b); ok {
		return v, err
	}
	return binaryOp(th, op, a, b, false)
}

// InplaceOp evaluates a op= b: the in-place method (__iadd__) or the
// in-place behaviour of lists, sets and dicts, else the binary operation.
// The result is what the target is rebound to.
func InplaceOp(th *Thread, op Op, a, b Value) (Value, error) {
	if op != OpMatMul {
		if v, ok, err := Arith(op, a, b); ok {
			return v, err
		}
	}
	switch x := a.(type) {
	case *List:
		switch op {
		case OpAdd:
			if y, ok := b.(*List); ok {
				x.Items = append(x.Items, y.Items...)
				return x, nil
			}
			items, err := Collect(th, b)
			if err != nil {
				return nil, err
			}
			x.Items = append(x.Items, items...)
			return x, nil
		case OpMul:
			if _, isInst := b.(*Instance); !isInst || hasMethod(b, "__index__") {
				n, ok, err := repeatCount(th, b)
				if err != nil {
					return nil, err
				}
				if ok {
					items, err := repeatItems(x.Items, n)
					if err != nil {
						return nil, err
					}
					x.Items = items
					return x, nil
				}
			}
		}
	case *Set:
		if y, ok := b.(*Set); ok && !x.Frozen {
			var err error
			switch op {
			case OpOr:
				err = setUpdate(th, x, y)
			case OpAnd:
				err = setIntersectionUpdate(th, x, y)
			case OpSub:
				err = setDifferenceUpdate(th, x, y)
			case OpXor:
				err = setSymmetricDifferenceUpdate(th, x, y)
			default:
				return binaryOp(th, op, a, b, true)
			}
			return x, err
		}
	case *Dict:
		if op == OpOr {
			if err := dictUpdate(th, x, b); err != nil {
				return nil, err
			}
			return x, nil
		}
	case *Instance:
		name, _ := op.Dunder()
		if m, _, ok := x.Class.Lookup("__i" + name[2:]); ok {
			r, err := Call(th, m, []Value{a, b}, nil)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	}
	return binaryOp(th, op, a, b, true)
}

func hasMethod(v Value, name string) bool {
	_, _, ok := TypeOf(v).Lookup(name)
	return ok
}

// binaryOp is BinaryOp once plain arithmetic has declined.
func binaryOp(th *Thread, op Op, a, b Value, inplace bool) (Value, error) {
	ia, aInst := a.(*Instance)
	ib, bInst := b.(*Instance)
	if !aInst && !bInst {
		if v, ok, err := builtinBinary(th, op, a, b); ok {
			return v, err
		}
		return nil, binaryError(op, a, b, inplace)
	}
	if (op == OpMod) && !aInst {
		switch x := a.(type) {
		case Str:
			s, err := Printf(th, string(x), b)
			return Str(s), err
		case Bytes:
			s, err := bytesPrintf(th, string(x), b)
			return Bytes(s), err
		}
	}
	lname, rname := op.Dunder()
	var slotv, slotw Value
	if aInst {
		slotv, _, _ = ia.Class.Lookup(lname)
	}
	if bInst && (!aInst || ib.Class != ia.Class) {
		slotw, _, _ = ib.Class.Lookup(rname)
	}
	if slotw != nil && aInst && ib.Class.IsSubclass(ia.Class) {
		r, err := Call(th, slotw, []Value{b, a}, nil)
		if err != nil || r != NotImplemented {
			return r, err
		}
		slotw = nil
	}
	if slotv != nil {
		r, err := Call(th, slotv, []Value{a, b}, nil)
		if err != nil || r != NotImplemented {
			return r, err
		}
	}
	if slotw != nil {
		r, err := Call(th, slotw, []Value{b, a}, nil)
		if err != nil || r != NotImplemented {
			return r, err
		}
	}
	if v, ok, err := builtinBinary(th, op, a, b); ok {
		return v, err
	}
	return nil, binaryError(op, a, b, inplace)
}

// isSeq reports whether v is a built-in sequence that + and * work on.
func isSeq(v Value) bool {
	switch v.(type) {
	case Str, Bytes, *List, Tuple:
		return true
	}
	return false
}

// binaryError is the TypeError of an unsupported operation, with the
// sequences' own wording for + and *.
func binaryError(op Op, a, b Value, inplace bool) error {
	switch op {
	case OpAdd:
		switch a.(type) {
		case Str, *List, Tuple:
			return NewError(TypeErrorClass, "can only concatenate "+TypeName(a)+" (not \""+TypeName(b)+"\") to "+TypeName(a))
		case Bytes:
			return NewError(TypeErrorClass, "can't concat "+TypeName(b)+" to "+TypeName(a))
		}
	case OpMul:
		if isSeq(a) {
			return NewError(TypeErrorClass, "can't multiply sequence by non-int of type '"+TypeName(b)+"'")
		}
		if isSeq(b) {
			return NewError(TypeErrorClass, "can't multiply sequence by non-int of type '"+TypeName(a)+"'")
		}
	}
	sym := op.Symbol()
	if inplace {
		sym += "="
	} else if op == OpPow {
		sym = "** or pow()"
	}
	return NewError(TypeErrorClass, "unsupported operand type(s) for "+sym+": '"+TypeName(a)+"' and '"+TypeName(b)+"'")
}

// repeatCount reads the count of a sequence repetition; ok is false when
// n is not an integer.
func repeatCount(th *Thread, n Value) (int64, bool, error) {
	switch n.(type) {
	case Int, Bool, *big.Int, *Instance:
	default:
		return 0, false, nil
	}
	if inst, ok := n.(*Instance); ok && !hasMethod(inst, "__index__") {
		return 0, false, nil
	}
	v, err := IndexValue(th, n)
	if err != nil {
		return 0, true, err
	}
	switch v := v.(type) {
	case Int:
		return int64(v), true, nil
	case *big.Int:
		return 0, true, NewError(OverflowErrorClass, "cannot fit 'int' into an index-sized integer")
	}
	return 0, false, nil
}

// maxRepeat bounds the size of a repeated sequence, as the machine's
// memory would.
const maxRepeat = 1 << 28

func repeatItems(items []Value, n int64) ([]Value, error) {
	if n <= 0 || len(items) == 0 {
		return []Value{}, nil
	}
	if n > maxRepeat/int64(len(items)) {
		return nil, NewError(MemoryErrorClass, "")
	}
	out := make([]Value, 0, int64(len(items))*n)
	for range n {
		out = append(out, items...)
	}
	return out, nil
}

func repeatString(s string, n int64) (string, error) {
	if n <= 0 || s == "" {
		return "", nil
	}
	if n > maxRepeat/int64(len(s)) {
		return "", NewError(MemoryErrorClass, "")
	}
	return strings.Repeat(s, int(n)), nil
}

// repeatSeq is seq * n.
func repeatSeq(seq Value, n int64) (Value, error) {
	switch s := seq.(type) {
	case Str:
		r, err := repeatString(string(s), n)
		return Str(r), err
	case Bytes:
		r, err := repeatString(string(s), n)
		return Bytes(r), err
	case *List:
		items, err := repeatItems(s.Items, n)
		return &List{Items: items}, err
	case Tuple:
		if n == 1 {
			return s, nil
		}
		items, err := repeatItems(s, n)
		return Tuple(items), err
	}
	return nil, nil
}

// builtinBinary implements the operators of the built-in containers;
// ok is false when the operand types have none.
func builtinBinary(th *Thread, op Op, a, b Value) (Value, bool, error) {
	switch op {
	case OpAdd:
		switch x := a.(type) {
		case Str:
			if y, ok := b.(Str); ok {
				return x + y, true, nil
			}
		case Bytes:
			if y, ok := b.(Bytes); ok {
				return x + y, true, nil
			}
		case *List:
			if y, ok := b.(*List); ok {
				items := make([]Value, 0, len(x.Items)+len(y.Items))
				return &List{Items: append(append(items, x.Items...), y.Items...)}, true, nil
			}
		case Tuple:
			if y, ok := b.(Tuple); ok {
				if len(y) == 0 {
					return x, true, nil
				}
				if len(x) == 0 {
					return y, true, nil
				}
				items := make(Tuple, 0, len(x)+len(y))
				return append(append(items, x...), y...), true, nil
			}
		}
	case OpMul:
		seq, n := a, b
		if !isSeq(seq) {
			seq, n = b, a
		}
		if isSeq(seq) {
			count, ok, err := repeatCount(th, n)
			if err != nil {
				return nil, true, err
			}
			if ok {
				r, err := repeatSeq(seq, count)
				return r, true, err
			}
		}
	case OpMod:
		switch x := a.(type) {
		case Str:
			s, err := Printf(th, string(x), b)
			return Str(s), true, err
		case Bytes:
			s, err := bytesPrintf(th, string(x), b)
			return Bytes(s), true, err
		}
	case OpOr:
		if x, ok := a.(*Dict); ok {
			if y, ok := b.(*Dict); ok {
				d := dictCopy(x)
				return d, true, dictMerge(th, d, y)
			}
		}
	}
	switch op {
	case OpOr, OpAnd, OpSub, OpXor:
		x, ok1 := a.(*Set)
		y, ok2 := b.(*Set)
		if ok1 && ok2 {
			r, err := setBinary(th, op, x, y)
			return r, true, err
		}
		if r, ok, err := viewBinary(th, op, a, b); ok {
			return r, true, err
		}
	}
	return nil, false, nil
}

// UnOp is a unary operator.
type UnOp uint8

const (
	UnNeg    UnOp = iota // -x
	UnPos                // +x
	UnInvert             // ~x
	UnNot                // not x
)

var unarySymbols = [...]string{"-", "+", "~", "not"}
var unaryDunders = [...]string{"__neg__", "__pos__", "__invert__", ""}

// UnaryOp evaluates -x, +x, ~x and not x.
func UnaryOp(th *Thread, op UnOp, v Value) (Value, error) {
	if op == UnNot {
		t, err := Truth(th, v)
		return MakeBool(!t), err
	}
	switch x := v.(type) {
	case Int:
		switch op {
		case UnNeg:
			if x == math.MinInt64 {
				return new(big.Int).Neg(big.NewInt(int64(x))), nil
			}
			return MakeInt(-int64(x)), nil
		case UnPos:
			return x, nil
		case UnInvert:
			return MakeInt(^int64(x)), nil
		}
	case Bool:
		n := int64(0)
		if x {
			n = 1
		}
		return UnaryOp(th, op, MakeInt(n))
	case *big.Int:
		switch op {
		case UnNeg:
			return MakeBig(new(big.Int).Neg(x)), nil
		case UnPos:
			return x, nil
		case UnInvert:
			return MakeBig(new(big.Int).Not(x)), nil
		}
	case Float:
		switch op {
		case UnNeg:
			return -x, nil
		case UnPos:
			return x, nil
		}
	case *Instance:
		if m, _, ok := x.Class.Lookup(unaryDunders[op]); ok {
			return Call(th, m, []Value{v}, nil)
		}
	}
	return nil, NewError(TypeErrorClass, "bad operand type for unary "+unarySymbols[op]+": '"+TypeName(v)+"'")
}
