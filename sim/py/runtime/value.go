package runtime

import (
	"math/big"
)

// Value is any Python object. The runtime's own types stand for Python's
// built-in ones:
//
//	NoneType   none (the single value None)
//	bool       Bool
//	int        Int (int64) or *big.Int when it does not fit
//	float      Float
//	str        Str
//	bytes      Bytes
//	list       *List
//	tuple      Tuple
//	dict       *Dict
//	set        *Set
//	type       *Class
//	others     *Instance (user classes and exceptions), *Function,
//	           *Builtin, *Method, *Module, ...
//
// Type switches on these Go types are the fast path of every operation;
// anything else is dispatched through its class's dunder methods.
type Value = any

type none struct{}

// None is Python's None.
var None Value = none{}

// Bool is Python's bool; True and False are its two values.
type Bool bool

// True and False are Python's booleans.
var (
	True  Value = Bool(true)
	False Value = Bool(false)
)

// Int is a Python int that fits in 64 bits. Results that do not fit are
// *big.Int; results that fit again are normalised back to Int.
type Int int64

// Float is Python's float.
type Float float64

// Str is Python's str. It holds UTF-8; indexing and len count code points.
type Str string

// Bytes is Python's bytes (immutable).
type Bytes string

// Tuple is Python's tuple.
type Tuple []Value

// List is Python's list.
type List struct{ Items []Value }

// smallInts caches the boxed values of common ints, as CPython caches
// -5..256, so that loops and counters rarely allocate.
var smallInts = func() (t [1024 + 5]Value) {
	for i := range t {
		t[i] = Int(i - 5)
	}
	return
}()

// MakeInt boxes an int64, from the cache when it can.
func MakeInt(v int64) Value {
	if v >= -5 && v < 1024 {
		return smallInts[v+5]
	}
	return Int(v)
}

// MakeBig returns b as an Int when it fits in 64 bits and as *big.Int
// otherwise. b must not be modified afterwards.
func MakeBig(b *big.Int) Value {
	if b.IsInt64() {
		return MakeInt(b.Int64())
	}
	return b
}

// MakeBool returns True or False.
func MakeBool(b bool) Value {
	if b {
		return True
	}
	return False
}
