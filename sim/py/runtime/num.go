package runtime

import (
	"math"
	"math/big"
)

// Op is a binary operator.
type Op uint8

const (
	OpAdd Op = iota
	OpSub
	OpMul
	OpMatMul
	OpDiv
	OpFloorDiv
	OpMod
	OpPow
	OpLShift
	OpRShift
	OpOr
	OpXor
	OpAnd
)

var opSymbols = [...]string{"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "|", "^", "&"}

// Symbol is the operator as written, for error messages.
func (op Op) Symbol() string { return opSymbols[op] }

// Dunder returns the names of the method and of its reflected form.
func (op Op) Dunder() (string, string) {
	n := [...]string{"add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "or", "xor", "and"}[op]
	return "__" + n + "__", "__r" + n + "__"
}

// toBig widens an int value; ok is false for non-ints. bool counts as int.
func toBig(v Value) (*big.Int, bool) {
	switch v := v.(type) {
	case Int:
		return big.NewInt(int64(v)), true
	case *big.Int:
		return v, true
	case Bool:
		if v {
			return big.NewInt(1), true
		}
		return big.NewInt(0), true
	}
	return nil, false
}

// toFloat converts an int or float to float64; ok is false for others and
// err reports an int too large for a float.
func toFloat(v Value) (f float64, ok bool, err error) {
	switch v := v.(type) {
	case Float:
		return float64(v), true, nil
	case Int:
		return float64(v), true, nil
	case Bool:
		if v {
			return 1, true, nil
		}
		return 0, true, nil
	case *big.Int:
		f, _ := new(big.Float).SetInt(v).Float64()
		if math.IsInf(f, 0) {
			return 0, true, NewError(OverflowErrorClass, "int too large to convert to float")
		}
		return f, true, nil
	}
	return 0, false, nil
}

// smallOperands returns two int64 operands when both are Int or Bool.
func smallOperands(a, b Value) (int64, int64, bool) {
	var x, y int64
	switch a := a.(type) {
	case Int:
		x = int64(a)
	case Bool:
		if a {
			x = 1
		}
	default:
		return 0, 0, false
	}
	switch b := b.(type) {
	case Int:
		y = int64(b)
	case Bool:
		if b {
			y = 1
		}
	default:
		return 0, 0, false
	}
	return x, y, true
}

// Arith applies op to two numbers. ok is false when the operands are not
// both numbers (the caller then tries the operands' dunder methods).
func Arith(op Op, a, b Value) (v Value, ok bool, err error) {
	if x, isBool := a.(Bool); isBool {
		if y, isBool := b.(Bool); isBool && (op == OpAnd || op == OpOr || op == OpXor) {
			switch op { // bool's own &, |, ^ keep the type
			case OpAnd:
				return MakeBool(bool(x && y)), true, nil
			case OpOr:
				return MakeBool(bool(x || y)), true, nil
			}
			return MakeBool(x != y), true, nil
		}
	}
	if x, y, small := smallOperands(a, b); small {
		if v, done, err := smallArith(op, x, y); done {
			return v, true, err
		}
	}
	_, af := a.(Float)
	_, bf := b.(Float)
	if !af && !bf {
		x, ok1 := toBig(a)
		y, ok2 := toBig(b)
		if !ok1 || !ok2 {
			return nil, false, nil
		}
		v, err := bigArith(op, x, y)
		return v, true, err
	}
	if op >= OpLShift || op == OpMatMul { // no bitwise or @ on floats
		return nil, false, nil
	}
	x, ok1, err1 := toFloat(a)
	y, ok2, err2 := toFloat(b)
	if !ok1 || !ok2 {
		return nil, false, nil
	}
	if err1 != nil {
		return nil, true, err1
	}
	if err2 != nil {
		return nil, true, err2
	}
	v, err = floatArith(op, x, y)
	return v, true, err
}

// smallArith is the int64 fast path; done is false when the result may
// not fit and the big path must take over.
func smallArith(op Op, x, y int64) (Value, bool, error) {
	switch op {
	case OpAdd:
		if s := x + y; (s > x) == (y > 0) {
			return MakeInt(s), true, nil
		}
	case OpSub:
		if s := x - y; (s < x) == (y > 0) {
			return MakeInt(s), true, nil
		}
	case OpMul:
		if x == 0 || y == 0 {
			return smallInts[5], true, nil
		}
		if p := x * y; p/y == x && !(x == -1 && y == math.MinInt64) && !(y == -1 && x == math.MinInt64) {
			return MakeInt(p), true, nil
		}
	case OpFloorDiv, OpMod:
		if y == 0 {
			if op == OpMod {
				return nil, true, NewError(ZeroDivisionErrorClass, "integer modulo by zero")
			}
			return nil, true, NewError(ZeroDivisionErrorClass, "integer division or modulo by zero")
		}
		if x == math.MinInt64 && y == -1 {
			return nil, false, nil
		}
		q, r := x/y, x%y
		if r != 0 && (r < 0) != (y < 0) {
			q, r = q-1, r+y
		}
		if op == OpMod {
			return MakeInt(r), true, nil
		}
		return MakeInt(q), true, nil
	case OpDiv:
		if y == 0 {
			return nil, true, NewError(ZeroDivisionErrorClass, "division by zero")
		}
		if abs64(x) < 1<<53 && abs64(y) < 1<<53 {
			return Float(float64(x) / float64(y)), true, nil
		}
	case OpAnd:
		return MakeInt(x & y), true, nil
	case OpOr:
		return MakeInt(x | y), true, nil
	case OpXor:
		return MakeInt(x ^ y), true, nil
	case OpRShift:
		if y < 0 {
			return nil, true, NewError(ValueErrorClass, "negative shift count")
		}
		return MakeInt(x >> min(y, 63)), true, nil
	case OpLShift:
		if y < 0 {
			return nil, true, NewError(ValueErrorClass, "negative shift count")
		}
		if y < 62 && abs64(x) < uint64(1)<<(62-y) {
			return MakeInt(x << y), true, nil
		}
	case OpPow:
		if y >= 0 && y < 64 {
			r, base, e := int64(1), x, y
			for e > 0 {
				if e&1 == 1 {
					if hi, lo := mulOverflows(r, base); hi {
						return nil, false, nil
					} else {
						r = lo
					}
				}
				e >>= 1
				if e > 0 {
					if hi, lo := mulOverflows(base, base); hi {
						return nil, false, nil
					} else {
						base = lo
					}
				}
			}
			return MakeInt(r), true, nil
		}
	}
	return nil, false, nil
}

// abs64 is |x| as an unsigned number, so that MinInt64 stays large.
func abs64(x int64) uint64 {
	if x < 0 {
		return uint64(-x)
	}
	return uint64(x)
}

// mulOverflows multiplies and reports whether the product left int64.
func mulOverflows(a, b int64) (bool, int64) {
	if a == 0 || b == 0 {
		return false, 0
	}
	p := a * b
	if p/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		return true, 0
	}
	return false, p
}

// maxIntBits bounds the size of an int a shift, a power or a product may
// produce, so a program cannot ask for an integer of unbounded size: the
// run's memory limit would stop it anyway, but far later and far slower.
const maxIntBits = 1 << 22

func bigArith(op Op, x, y *big.Int) (Value, error) {
	z := new(big.Int)
	switch op {
	case OpAdd:
		z.Add(x, y)
	case OpSub:
		z.Sub(x, y)
	case OpMul:
		if x.BitLen()+y.BitLen() > maxIntBits {
			return nil, NewError(MemoryErrorClass, "")
		}
		z.Mul(x, y)
	case OpFloorDiv, OpMod:
		if y.Sign() == 0 {
			if op == OpMod {
				return nil, NewError(ZeroDivisionErrorClass, "integer modulo by zero")
			}
			return nil, NewError(ZeroDivisionErrorClass, "integer division or modulo by zero")
		}
		q, r := new(big.Int).QuoRem(x, y, new(big.Int))
		if r.Sign() != 0 && (r.Sign() < 0) != (y.Sign() < 0) {
			q.Sub(q, big.NewInt(1))
			r.Add(r, y)
		}
		if op == OpMod {
			return MakeBig(r), nil
		}
		return MakeBig(q), nil
	case OpDiv:
		if y.Sign() == 0 {
			return nil, NewError(ZeroDivisionErrorClass, "division by zero")
		}
		if x.Sign() == 0 { // keep the sign of a zero quotient, as floats do
			return Float(math.Copysign(0, float64(y.Sign()))), nil
		}
		q, _ := new(big.Rat).SetFrac(x, y).Float64()
		if math.IsInf(q, 0) {
			return nil, NewError(OverflowErrorClass, "integer division result too large for a float")
		}
		return Float(q), nil
	case OpAnd:
		z.And(x, y)
	case OpOr:
		z.Or(x, y)
	case OpXor:
		z.Xor(x, y)
	case OpLShift, OpRShift:
		if y.Sign() < 0 {
			return nil, NewError(ValueErrorClass, "negative shift count")
		}
		if op == OpRShift {
			if !y.IsInt64() || y.Int64() > int64(x.BitLen()) {
				if x.Sign() < 0 {
					return MakeInt(-1), nil
				}
				return MakeInt(0), nil
			}
			z.Rsh(x, uint(y.Int64()))
		} else {
			if x.Sign() == 0 {
				return MakeInt(0), nil
			}
			if !y.IsInt64() || y.Int64() > maxIntBits-int64(x.BitLen()) {
				return nil, NewError(MemoryErrorClass, "") // CPython runs out of memory
			}
			z.Lsh(x, uint(y.Int64()))
		}
	case OpPow:
		if y.Sign() < 0 {
			fx, _, err := toFloat(x)
			if err != nil {
				return nil, err
			}
			fy, _ := new(big.Float).SetInt(y).Float64()
			return floatArith(OpPow, fx, fy)
		}
		if x.BitLen() <= 1 { // 0, 1 and -1 to any power stay small
			if x.Sign() < 0 && y.Bit(0) == 0 {
				return MakeInt(1), nil
			}
			if x.Sign() == 0 && y.Sign() == 0 {
				return MakeInt(1), nil
			}
			return MakeBig(new(big.Int).Set(x)), nil
		}
		if !y.IsInt64() || y.Int64() > maxIntBits/int64(x.BitLen()) {
			return nil, NewError(MemoryErrorClass, "") // CPython runs out of memory
		}
		z.Exp(x, y, nil)
	default:
		return nil, NewError(TypeErrorClass, "unsupported operand type(s) for "+op.Symbol()+": 'int' and 'int'")
	}
	return MakeBig(z), nil
}

func floatArith(op Op, x, y float64) (Value, error) {
	switch op {
	case OpAdd:
		return Float(x + y), nil
	case OpSub:
		return Float(x - y), nil
	case OpMul:
		return Float(x * y), nil
	case OpDiv:
		if y == 0 {
			return nil, NewError(ZeroDivisionErrorClass, "float division by zero")
		}
		return Float(x / y), nil
	case OpFloorDiv, OpMod:
		if y == 0 {
			if op == OpMod {
				return nil, NewError(ZeroDivisionErrorClass, "float modulo")
			}
			return nil, NewError(ZeroDivisionErrorClass, "float floor division by zero")
		}
		q, r := floatDivmod(x, y)
		if op == OpMod {
			return Float(r), nil
		}
		return Float(q), nil
	case OpPow:
		return floatPow(x, y)
	}
	return nil, NewError(TypeErrorClass, "unsupported operand type(s) for "+op.Symbol()+": 'float' and 'float'")
}

// floatDivmod is CPython's float_divmod: the remainder takes the sign of
// the divisor and the quotient is floored.
func floatDivmod(x, y float64) (float64, float64) {
	mod := math.Mod(x, y)
	div := (x - mod) / y
	if mod != 0 {
		if (y < 0) != (mod < 0) {
			mod += y
			div -= 1
		}
	} else {
		mod = math.Copysign(0, y)
	}
	var floordiv float64
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1
		}
	} else {
		floordiv = math.Copysign(0, x/y)
	}
	return floordiv, mod
}

func floatPow(x, y float64) (Value, error) {
	switch {
	case x == 0 && y < 0:
		return nil, NewError(ZeroDivisionErrorClass, "0.0 cannot be raised to a negative power")
	case x < 0 && y != math.Trunc(y) && !math.IsInf(y, 0):
		// CPython returns a complex number here; the subset has none.
		return nil, NewError(ValueErrorClass, "math domain error")
	}
	r := correctPow(x, y)
	if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsInf(y, 0) {
		return nil, NewError(OverflowErrorClass, "(34, 'Numerical result out of range')")
	}
	return Float(r), nil
}
