package runtime

import (
	"math"
	"math/big"
)

// CmpOp is a rich comparison.
type CmpOp uint8

const (
	CmpEq CmpOp = iota
	CmpNe
	CmpLt
	CmpLe
	CmpGt
	CmpGe
)

var cmpInfo = [...]struct {
	symbol, dunder string
	reflect        CmpOp
}{
	CmpEq: {"==", "__eq__", CmpEq},
	CmpNe: {"!=", "__ne__", CmpNe},
	CmpLt: {"<", "__lt__", CmpGt},
	CmpLe: {"<=", "__le__", CmpGe},
	CmpGt: {">", "__gt__", CmpLt},
	CmpGe: {">=", "__ge__", CmpLe},
}

// holds reports whether a three-way result c satisfies op.
func (op CmpOp) holds(c int) bool {
	switch op {
	case CmpEq:
		return c == 0
	case CmpNe:
		return c != 0
	case CmpLt:
		return c < 0
	case CmpLe:
		return c <= 0
	case CmpGt:
		return c > 0
	}
	return c >= 0
}

// Equal is a == b as a truth value.
func Equal(th *Thread, a, b Value) (bool, error) {
	// Fast paths for the keys and items programs compare most.
	switch x := a.(type) {
	case Str:
		if y, ok := b.(Str); ok {
			return x == y, nil
		}
	case Int:
		if y, ok := b.(Int); ok {
			return x == y, nil
		}
	}
	r, err := Compare(th, CmpEq, a, b)
	if err != nil {
		return false, err
	}
	return Truth(th, r)
}

// Compare evaluates a op b: built-in types first, then the operands' rich
// comparison methods (the reflected one of b first when b's type is a
// subclass of a's), then identity for == and !=.
func Compare(th *Thread, op CmpOp, a, b Value) (Value, error) {
	if r, ok, err := builtinCompare(th, op, a, b); ok || err != nil {
		return r, err
	}
	ia, aInst := a.(*Instance)
	ib, bInst := b.(*Instance)
	reflectFirst := bInst && (!aInst || ib.Class != ia.Class && ib.Class.IsSubclass(TypeOf(a)))
	try := func(x Value, o CmpOp, y Value) (Value, bool, error) {
		if _, ok := x.(*Instance); !ok {
			return nil, false, nil
		}
		r, found, err := CallMethod(th, x, cmpInfo[o].dunder, y)
		if !found || err != nil || r == NotImplemented {
			return nil, false, err
		}
		return r, true, nil
	}
	refl := cmpInfo[op].reflect
	if reflectFirst {
		if r, ok, err := try(b, refl, a); ok || err != nil {
			return r, err
		}
	}
	if r, ok, err := try(a, op, b); ok || err != nil {
		return r, err
	}
	if !reflectFirst {
		if r, ok, err := try(b, refl, a); ok || err != nil {
			return r, err
		}
	}
	switch op {
	case CmpEq:
		return MakeBool(identical(a, b)), nil
	case CmpNe:
		if aInst {
			if m, _, ok := ia.Class.Lookup("__eq__"); ok && !isBuiltinObjectMethod(m) {
				r, err := Call(th, m, []Value{a, b}, nil)
				if err != nil || r == NotImplemented {
					return MakeBool(!identical(a, b)), err
				}
				t, err := Truth(th, r)
				return MakeBool(!t), err
			}
		}
		return MakeBool(!identical(a, b)), nil
	}
	return nil, NewError(TypeErrorClass, "'"+cmpInfo[op].symbol+"' not supported between instances of '"+TypeName(a)+"' and '"+TypeName(b)+"'")
}

// identical is Python's `is` for the comparison fallback and for the
// identity test of dict and set lookups. Floats are values here, not
// objects, so two NaNs count as the same object: a NaN key is found
// again, though CPython would miss it when it is a different NaN object.
func identical(a, b Value) bool {
	if x, ok := a.(Float); ok {
		y, ok := b.(Float)
		return ok && (x == y || math.IsNaN(float64(x)) && math.IsNaN(float64(y)))
	}
	if x, ok := a.(Tuple); ok {
		y, ok := b.(Tuple)
		return ok && len(x) == len(y) && (len(x) == 0 || &x[0] == &y[0])
	}
	defer func() { recover() }() // other uncomparable Go values are never identical
	return a == b
}

// builtinCompare compares values of built-in types; ok is false when the
// operands' methods must decide.
func builtinCompare(th *Thread, op CmpOp, a, b Value) (Value, bool, error) {
	if isNumber(a) && isNumber(b) {
		c, ok := numCompare(a, b)
		if !ok { // NaN compares unequal to everything
			return MakeBool(op == CmpNe), true, nil
		}
		return MakeBool(op.holds(c)), true, nil
	}
	switch x := a.(type) {
	case Str:
		if y, ok := b.(Str); ok {
			return MakeBool(op.holds(cmpStrings(string(x), string(y)))), true, nil
		}
	case Bytes:
		if y, ok := b.(Bytes); ok {
			return MakeBool(op.holds(cmpStrings(string(x), string(y)))), true, nil
		}
	case Tuple:
		if y, ok := b.(Tuple); ok {
			r, err := compareSeq(th, op, x, y)
			return r, true, err
		}
	case *List:
		if y, ok := b.(*List); ok {
			r, err := compareSeq(th, op, x.Items, y.Items)
			return r, true, err
		}
	case none:
		if _, ok := b.(none); ok && (op == CmpEq || op == CmpNe) {
			return MakeBool(op == CmpEq), true, nil
		}
	case Comparer:
		return x.Compare(th, op, b)
	}
	if _, ok := a.(*Instance); !ok {
		if _, ok := b.(*Instance); !ok && (op == CmpEq || op == CmpNe) {
			if c, ok := b.(Comparer); ok {
				return c.Compare(th, cmpInfo[op].reflect, a)
			}
			return MakeBool((op == CmpEq) == identical(a, b)), true, nil
		}
	}
	return nil, false, nil
}

// Comparer is implemented by runtime containers (dict, set) that compare
// themselves; ok false means "not supported with that operand".
type Comparer interface {
	Compare(th *Thread, op CmpOp, other Value) (Value, bool, error)
}

func cmpStrings(a, b string) int {
	switch {
	case a < b: // byte order of UTF-8 is code point order
		return -1
	case a > b:
		return 1
	}
	return 0
}

// compareSeq compares sequences lexicographically, as tuples and lists do.
func compareSeq(th *Thread, op CmpOp, x, y []Value) (Value, error) {
	if (op == CmpEq || op == CmpNe) && len(x) != len(y) {
		return MakeBool(op == CmpNe), nil
	}
	for i := 0; i < len(x) && i < len(y); i++ {
		if identical(x[i], y[i]) {
			continue
		}
		eq, err := Equal(th, x[i], y[i])
		if err != nil {
			return nil, err
		}
		if !eq {
			switch op {
			case CmpEq:
				return False, nil
			case CmpNe:
				return True, nil
			}
			return Compare(th, op, x[i], y[i])
		}
	}
	c := len(x) - len(y)
	return MakeBool(op.holds(c)), nil
}

// Hash is hash(v), with CPython's values for ints, floats, bools and
// tuples of them (so that sets of numbers iterate in CPython's order).
func Hash(th *Thread, v Value) (int64, error) {
	switch v := v.(type) {
	case Int:
		return hashInt(big.NewInt(int64(v))), nil
	case *big.Int:
		return hashInt(v), nil
	case Bool:
		if v {
			return 1, nil
		}
		return 0, nil
	case Float:
		return hashFloat(float64(v)), nil
	case Str:
		return fixHash(int64(fnv64(string(v)))), nil
	case Bytes:
		return fixHash(int64(fnv64(string(v)))), nil
	case none:
		return 0x7f0000000000 >> 4, nil
	case Tuple:
		return hashTuple(th, v)
	case *List:
		return 0, unhashable(v)
	case *Instance:
		m, _, ok := v.Class.Lookup("__hash__")
		if ok && m == None {
			return 0, unhashable(v)
		}
		if ok && !isBuiltinObjectMethod(m) {
			r, err := Call(th, m, []Value{v}, nil)
			if err != nil {
				return 0, err
			}
			switch r := r.(type) {
			case Int, *big.Int, Bool:
				h, _ := Hash(th, r)
				return h, nil
			}
			return 0, NewError(TypeErrorClass, "__hash__ method should return an integer")
		}
		if _, _, eq := v.Class.Lookup("__eq__"); eq && !ok {
			return 0, unhashable(v)
		}
		return fixHash(int64(th.Interp.ID(v) >> 4)), nil
	case Hasher:
		return v.Hash(th)
	}
	return fixHash(int64(th.Interp.ID(v) >> 4)), nil
}

// Hasher is implemented by runtime values with their own hash (or none:
// they return the unhashable error).
type Hasher interface {
	Hash(th *Thread) (int64, error)
}

func unhashable(v Value) error {
	return NewError(TypeErrorClass, "unhashable type: '"+TypeName(v)+"'")
}

// fixHash maps -1, which CPython reserves for errors, to -2.
func fixHash(h int64) int64 {
	if h == -1 {
		return -2
	}
	return h
}

const hashModulus = 1<<61 - 1

var hashMod = big.NewInt(hashModulus)

// hashInt is CPython's: the value modulo 2**61-1, with the sign kept.
func hashInt(v *big.Int) int64 {
	m := new(big.Int).Mod(new(big.Int).Abs(v), hashMod).Int64()
	if v.Sign() < 0 {
		m = -m
	}
	return fixHash(m)
}

// hashFloat is CPython's _Py_HashDouble: integral floats hash as the int,
// others as the exact rational value modulo 2**61-1.
func hashFloat(f float64) int64 {
	switch {
	case math.IsInf(f, 1):
		return 314159
	case math.IsInf(f, -1):
		return -314159
	case math.IsNaN(f):
		return 0 // CPython 3.11 hashes NaN by identity; any constant keeps runs alike
	}
	frac, exp := math.Frexp(math.Abs(f))
	var x uint64
	for frac != 0 {
		x = ((x << 28) & hashModulus) | x>>(61-28)
		frac *= 268435456.0 // 2**28
		exp -= 28
		y := uint64(frac)
		frac -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if exp >= 0 {
		exp %= 61
	} else {
		exp = 61 - 1 - ((-1 - exp) % 61)
	}
	x = ((x << uint(exp)) & hashModulus) | x>>uint(61-exp)
	h := int64(x)
	if f < 0 {
		h = -h
	}
	return fixHash(h)
}

// hashTuple is CPython 3.8+'s tuplehash (xxHash's mixing).
func hashTuple(th *Thread, t Tuple) (int64, error) {
	const (
		p1 = 11400714785074694791
		p2 = 14029467366897019727
		p5 = 2870177450012600261
	)
	acc := uint64(p5)
	for _, item := range t {
		h, err := Hash(th, item)
		if err != nil {
			return 0, err
		}
		acc += uint64(h) * p2
		acc = acc<<31 | acc>>33
		acc *= p1
	}
	acc += uint64(len(t)) ^ (p5 ^ 3527539)
	if acc == ^uint64(0) {
		return 1546275796, nil
	}
	return int64(acc), nil
}

// fnv64 is a fixed string hash: CPython randomises str hashes, so any
// deterministic function serves.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h >> 1
}
