package runtime

import (
	"math"
)

// Slice is Python's slice object: what a[start:stop:step] passes to the
// subscript. Absent parts are None.
type Slice struct {
	Start, Stop, Step Value
}

// SliceClass is the class of slices.
var SliceClass = newBuiltinClass("slice", ObjectClass)

// NewSlice builds a slice; nil parts become None.
func NewSlice(start, stop, step Value) *Slice {
	if start == nil {
		start = None
	}
	if stop == nil {
		stop = None
	}
	if step == nil {
		step = None
	}
	return &Slice{Start: start, Stop: stop, Step: step}
}

func (s *Slice) Type() *Class { return SliceClass }

// Repr renders slice(1, None, None).
func (s *Slice) Repr(th *Thread) (string, error) {
	r, err := reprSeq(th, []Value{s.Start, s.Stop, s.Step}, "slice(", ")")
	return r, err
}

// Compare compares slices as the tuples of their parts.
func (s *Slice) Compare(th *Thread, op CmpOp, other Value) (Value, bool, error) {
	o, ok := other.(*Slice)
	if !ok {
		if op == CmpEq || op == CmpNe {
			return MakeBool(op == CmpNe), true, nil
		}
		return nil, false, nil
	}
	r, err := compareSeq(th, op, []Value{s.Start, s.Stop, s.Step}, []Value{o.Start, o.Stop, o.Step})
	return r, true, err
}

// Hash: slices are unhashable in 3.11.
func (s *Slice) Hash(th *Thread) (int64, error) { return 0, unhashable(s) }

// sliceIndex reads one part of a slice (PySlice_Unpack's
// _PyEval_SliceIndex: big values clamp).
func sliceIndex(th *Thread, v Value) (int64, error) {
	n, err := asClampedIndex(th, v)
	if err != nil {
		if e, ok := err.(*Instance); ok && e.Class == TypeErrorClass {
			return 0, NewError(TypeErrorClass, "slice indices must be integers or None or have an __index__ method")
		}
	}
	return n, err
}

// Unpack is PySlice_Unpack: the raw start, stop and step, with the
// defaults of a missing part still to be adjusted to a length.
func (s *Slice) Unpack(th *Thread) (start, stop, step int64, err error) {
	step = 1
	if s.Step != None {
		if step, err = sliceIndex(th, s.Step); err != nil {
			return
		}
		if step == 0 {
			return 0, 0, 0, NewError(ValueErrorClass, "slice step cannot be zero")
		}
		if step < -math.MaxInt64 {
			step = -math.MaxInt64
		}
	}
	if s.Start == None {
		if step < 0 {
			start = math.MaxInt64
		} else {
			start = 0
		}
	} else if start, err = sliceIndex(th, s.Start); err != nil {
		return
	}
	if s.Stop == None {
		if step < 0 {
			stop = math.MinInt64
		} else {
			stop = math.MaxInt64
		}
	} else if stop, err = sliceIndex(th, s.Stop); err != nil {
		return
	}
	return
}

// adjustSlice is PySlice_AdjustIndices: clip start and stop to a sequence
// of length n and return the number of items selected.
func adjustSlice(n int64, start, stop *int64, step int64) int64 {
	if *start < 0 {
		*start += n
		if *start < 0 {
			if step < 0 {
				*start = -1
			} else {
				*start = 0
			}
		}
	} else if *start >= n {
		if step < 0 {
			*start = n - 1
		} else {
			*start = n
		}
	}
	if *stop < 0 {
		*stop += n
		if *stop < 0 {
			if step < 0 {
				*stop = -1
			} else {
				*stop = 0
			}
		}
	} else if *stop >= n {
		if step < 0 {
			*stop = n - 1
		} else {
			*stop = n
		}
	}
	if step < 0 {
		if *stop < *start {
			return (*start-*stop-1)/(-step) + 1
		}
	} else if *start < *stop {
		return (*stop-*start-1)/step + 1
	}
	return 0
}

// Indices resolves the slice against a sequence of length n: the first
// index, the step and the number of items.
func (s *Slice) Indices(th *Thread, n int) (start, step, count int, err error) {
	st, sp, stp, err := s.Unpack(th)
	if err != nil {
		return 0, 0, 0, err
	}
	c := adjustSlice(int64(n), &st, &sp, stp)
	return int(st), int(stp), int(c), nil
}

func init() {
	SetConstructor(SliceClass, func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		if err := noKwargs("slice", kw); err != nil {
			return nil, err
		}
		if err := checkPositional("slice", args, 1, 3); err != nil {
			return nil, err
		}
		if len(args) == 1 {
			return NewSlice(None, args[0], None), nil
		}
		return NewSlice(args[0], args[1], optArg(args, 2)), nil
	})
	defProperty(SliceClass, "start", func(th *Thread, self Value) (Value, error) { return self.(*Slice).Start, nil })
	defProperty(SliceClass, "stop", func(th *Thread, self Value) (Value, error) { return self.(*Slice).Stop, nil })
	defProperty(SliceClass, "step", func(th *Thread, self Value) (Value, error) { return self.(*Slice).Step, nil })
	defMethod(SliceClass, "indices", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("slice.indices", args, kw); err != nil {
			return nil, err
		}
		n, err := asIndex(th, args[0])
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, NewError(ValueErrorClass, "length should not be negative")
		}
		s := self.(*Slice)
		start, stop, step, err := s.Unpack(th)
		if err != nil {
			return nil, err
		}
		adjustSlice(n, &start, &stop, step)
		return Tuple{MakeInt(start), MakeInt(stop), MakeInt(step)}, nil
	})
}
