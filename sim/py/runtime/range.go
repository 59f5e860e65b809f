package runtime

import (
	"math/big"
)

// Range is Python's range. Its bounds are int64: a range reaching
// beyond that raises OverflowError here, where CPython would allow it.
type Range struct {
	Start, Stop, Step int64
	n                 int64 // number of items
}

// RangeClass is the class of ranges.
var RangeClass = newBuiltinClass("range", ObjectClass)

// NewRange returns range(start, stop, step); step must not be zero.
func NewRange(start, stop, step int64) *Range {
	r := &Range{Start: start, Stop: stop, Step: step}
	r.n = rangeLen(start, stop, step)
	return r
}

func rangeLen(start, stop, step int64) int64 {
	if step > 0 {
		if start >= stop {
			return 0
		}
		return int64((uint64(stop)-uint64(start)-1)/uint64(step) + 1)
	}
	if start <= stop {
		return 0
	}
	return int64((uint64(start)-uint64(stop)-1)/uint64(-step) + 1)
}

func (r *Range) Type() *Class { return RangeClass }

// Len is len(r).
func (r *Range) Len() int { return int(r.n) }

// At is r[i] for 0 <= i < len(r).
func (r *Range) At(i int64) int64 { return r.Start + i*r.Step }

// Repr renders range(0, 5) or range(0, 10, 2).
func (r *Range) Repr(th *Thread) (string, error) {
	s := "range(" + itoa(r.Start) + ", " + itoa(r.Stop)
	if r.Step != 1 {
		s += ", " + itoa(r.Step)
	}
	return s + ")", nil
}

// Iter iterates the range.
func (r *Range) Iter(th *Thread) (Iterator, error) {
	return &rangeIter{next: r.Start, step: r.Step, left: r.n}, nil
}

type rangeIter struct {
	next, step, left int64
}

var RangeIterClass = newBuiltinClass("range_iterator", ObjectClass)

func (it *rangeIter) Type() *Class { return RangeIterClass }

func (it *rangeIter) Next(th *Thread) (Value, bool, error) {
	if it.left <= 0 {
		return nil, false, nil
	}
	th.tickItem()
	v := it.next
	it.left--
	it.next += it.step
	return MakeInt(v), true, nil
}

// Reversed iterates the range backwards.
func (r *Range) Reversed() Iterator {
	if r.n == 0 {
		return &rangeIter{}
	}
	return &rangeIter{next: r.At(r.n - 1), step: -r.Step, left: r.n}
}

// index returns the position of the int v in the range, or -1.
func (r *Range) index(v int64) int64 {
	if r.n == 0 {
		return -1
	}
	last := r.At(r.n - 1)
	lo, hi := r.Start, last
	if r.Step < 0 {
		lo, hi = last, r.Start
	}
	if v < lo || v > hi {
		return -1
	}
	d := new(big.Int).Sub(big.NewInt(v), big.NewInt(r.Start))
	q, m := new(big.Int).QuoRem(d, big.NewInt(r.Step), new(big.Int))
	if m.Sign() != 0 {
		return -1
	}
	return q.Int64()
}

// rangeInt reports the value of an exact int (or bool) for membership.
func rangeInt(v Value) (int64, bool, bool) {
	switch x := v.(type) {
	case Int:
		return int64(x), true, true
	case Bool:
		if x {
			return 1, true, true
		}
		return 0, true, true
	case *big.Int:
		return 0, true, false // outside any int64 range
	}
	return 0, false, false
}

// Contains is `v in r`: arithmetic for ints, equality for others.
func (r *Range) Contains(th *Thread, v Value) (bool, error) {
	if n, isInt, fits := rangeInt(v); isInt {
		return fits && r.index(n) >= 0, nil
	}
	for i := int64(0); i < r.n; i++ {
		if eq, err := Equal(th, MakeInt(r.At(i)), v); err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

// GetItem is r[i] or r[slice].
func (r *Range) GetItem(th *Thread, key Value) (Value, error) {
	if s, ok := key.(*Slice); ok {
		start, stop, step, err := s.Unpack(th)
		if err != nil {
			return nil, err
		}
		n := adjustSlice(r.n, &start, &stop, step)
		sp := r.Step * step
		return &Range{Start: r.Start + start*r.Step, Stop: r.Start + stop*r.Step, Step: sp, n: n}, nil
	}
	switch key.(type) {
	case Int, Bool, *big.Int, *Instance:
	default:
		return nil, NewError(TypeErrorClass, "range indices must be integers or slices, not "+TypeName(key))
	}
	iv, err := IndexValue(th, key)
	if err != nil {
		return nil, NewError(TypeErrorClass, "range indices must be integers or slices, not "+TypeName(key))
	}
	i, ok := iv.(Int)
	if !ok {
		return nil, NewError(IndexErrorClass, "range object index out of range")
	}
	j, ok := seqIndex(int64(i), int(r.n))
	if !ok {
		return nil, NewError(IndexErrorClass, "range object index out of range")
	}
	return MakeInt(r.At(int64(j))), nil
}

// Compare: ranges are equal when they hold the same items.
func (r *Range) Compare(th *Thread, op CmpOp, other Value) (Value, bool, error) {
	o, ok := other.(*Range)
	if op != CmpEq && op != CmpNe {
		return nil, false, nil
	}
	eq := ok && r.n == o.n && (r.n == 0 || r.Start == o.Start && (r.n == 1 || r.Step == o.Step))
	return MakeBool(eq == (op == CmpEq)), true, nil
}

// Hash is CPython's: the hash of (len, start, step), with start and step
// None when they do not matter.
func (r *Range) Hash(th *Thread) (int64, error) {
	t := Tuple{MakeInt(r.n), None, None}
	if r.n > 0 {
		t[1] = MakeInt(r.Start)
		if r.n > 1 {
			t[2] = MakeInt(r.Step)
		}
	}
	return hashTuple(th, t)
}

func rangeArg(th *Thread, v Value) (int64, error) {
	n, err := IndexValue(th, v)
	if err != nil {
		return 0, err
	}
	i, ok := n.(Int)
	if !ok {
		return 0, NewError(OverflowErrorClass, "Python int too large to convert to C ssize_t")
	}
	return int64(i), nil
}

func init() {
	SetConstructor(RangeClass, func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		if err := noKwargs("range", kw); err != nil {
			return nil, err
		}
		if err := checkPositional("range", args, 1, 3); err != nil {
			return nil, err
		}
		var vals [3]int64
		vals[2] = 1
		for i, a := range args {
			n, err := rangeArg(th, a)
			if err != nil {
				return nil, err
			}
			vals[i] = n
		}
		if len(args) == 1 {
			return NewRange(0, vals[0], 1), nil
		}
		if vals[2] == 0 {
			return nil, NewError(ValueErrorClass, "range() arg 3 must not be zero")
		}
		return NewRange(vals[0], vals[1], vals[2]), nil
	})
	defProperty(RangeClass, "start", func(th *Thread, self Value) (Value, error) { return MakeInt(self.(*Range).Start), nil })
	defProperty(RangeClass, "stop", func(th *Thread, self Value) (Value, error) { return MakeInt(self.(*Range).Stop), nil })
	defProperty(RangeClass, "step", func(th *Thread, self Value) (Value, error) { return MakeInt(self.(*Range).Step), nil })
	defMethod(RangeClass, "index", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("range.index", args, kw); err != nil {
			return nil, err
		}
		r := self.(*Range)
		if n, isInt, fits := rangeInt(args[0]); isInt {
			if fits {
				if i := r.index(n); i >= 0 {
					return MakeInt(i), nil
				}
			}
		} else {
			for i := int64(0); i < r.n; i++ {
				if eq, err := Equal(th, MakeInt(r.At(i)), args[0]); err != nil || eq {
					return MakeInt(i), err
				}
			}
			return nil, NewError(ValueErrorClass, "sequence.index(x): x not in sequence")
		}
		s, err := Repr(th, args[0])
		if err != nil {
			return nil, err
		}
		return nil, NewError(ValueErrorClass, s+" is not in range")
	})
	defMethod(RangeClass, "count", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("range.count", args, kw); err != nil {
			return nil, err
		}
		r := self.(*Range)
		if n, isInt, fits := rangeInt(args[0]); isInt {
			if fits && r.index(n) >= 0 {
				return MakeInt(1), nil
			}
			return MakeInt(0), nil
		}
		count := 0
		for i := int64(0); i < r.n; i++ {
			eq, err := Equal(th, MakeInt(r.At(i)), args[0])
			if err != nil {
				return nil, err
			}
			if eq {
				count++
			}
		}
		return MakeInt(int64(count)), nil
	})
}
