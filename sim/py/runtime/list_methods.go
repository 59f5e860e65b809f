package runtime

import (
	"math"
	"math/big"
)

// lessThan is a < b as sorting asks it, with fast paths for the common
// homogeneous cases.
func lessThan(th *Thread, a, b Value) (bool, error) {
	switch x := a.(type) {
	case Int:
		if y, ok := b.(Int); ok {
			return x < y, nil
		}
	case Str:
		if y, ok := b.(Str); ok {
			return x < y, nil
		}
	case Float:
		if y, ok := b.(Float); ok {
			return x < y, nil
		}
	}
	r, err := Compare(th, CmpLt, a, b)
	if err != nil {
		return false, err
	}
	if bv, ok := r.(Bool); ok {
		return bool(bv), nil
	}
	return Truth(th, r)
}

// sorter is CPython's timsort (Objects/listsort.txt): natural runs
// extended to minrun by binary insertion, merged as powersort's stack
// decides. Merges are plain (no galloping), which sorts identically and
// makes the same comparisons as CPython on lists shorter than 64.
type sorter struct {
	th     *Thread
	keys   []Value
	vals   []Value // nil when sorting keys only
	err    error
	runs   []sortRun
	tmpK   []Value
	tmpV   []Value
	length int
}

type sortRun struct {
	base, n, power int
}

func (s *sorter) lt(a, b Value) bool {
	if s.err != nil {
		return false
	}
	r, err := lessThan(s.th, a, b)
	if err != nil {
		s.err = err
		return false
	}
	return r
}

func (s *sorter) swap(i, j int) {
	s.keys[i], s.keys[j] = s.keys[j], s.keys[i]
	if s.vals != nil {
		s.vals[i], s.vals[j] = s.vals[j], s.vals[i]
	}
}

func (s *sorter) reverse(lo, hi int) {
	for hi--; lo < hi; lo, hi = lo+1, hi-1 {
		s.swap(lo, hi)
	}
}

// countRun returns the length of the run at lo and whether it descends.
func (s *sorter) countRun(lo, hi int) (int, bool) {
	if lo+1 == hi {
		return 1, false
	}
	n := 2
	if s.lt(s.keys[lo+1], s.keys[lo]) {
		for i := lo + 2; i < hi; i++ {
			if !s.lt(s.keys[i], s.keys[i-1]) || s.err != nil {
				break
			}
			n++
		}
		return n, true
	}
	for i := lo + 2; i < hi; i++ {
		if s.lt(s.keys[i], s.keys[i-1]) || s.err != nil {
			break
		}
		n++
	}
	return n, false
}

// binarySort sorts keys[lo:hi], of which keys[lo:start] is sorted.
func (s *sorter) binarySort(lo, hi, start int) {
	if lo == start {
		start++
	}
	for ; start < hi && s.err == nil; start++ {
		l, r := lo, start
		pivot := s.keys[r]
		var pv Value
		if s.vals != nil {
			pv = s.vals[r]
		}
		for l < r {
			p := l + (r-l)>>1
			if s.lt(pivot, s.keys[p]) {
				r = p
			} else {
				l = p + 1
			}
		}
		if s.err != nil {
			return
		}
		copy(s.keys[l+1:start+1], s.keys[l:start])
		s.keys[l] = pivot
		if s.vals != nil {
			copy(s.vals[l+1:start+1], s.vals[l:start])
			s.vals[l] = pv
		}
	}
}

func minRun(n int) int {
	r := 0
	for n >= 64 {
		r |= n & 1
		n >>= 1
	}
	return n + r
}

func powerLoop(s1, n1, n2, n int) int {
	result := 0
	a := 2*s1 + n1
	b := a + n1 + n2
	for {
		result++
		if a >= n {
			a -= n
			b -= n
		} else if b >= n {
			break
		}
		a <<= 1
		b <<= 1
	}
	return result
}

// mergeAt merges runs i and i+1 of the stack.
func (s *sorter) mergeAt(i int) {
	a, b := s.runs[i], s.runs[i+1]
	s.runs[i].n = a.n + b.n
	s.runs = append(s.runs[:i+1], s.runs[i+2:]...)
	if s.err != nil {
		return
	}
	lo, mid, hi := a.base, b.base, b.base+b.n
	s.tmpK = append(s.tmpK[:0], s.keys[lo:mid]...)
	if s.vals != nil {
		s.tmpV = append(s.tmpV[:0], s.vals[lo:mid]...)
	}
	i1, i2, k := 0, mid, lo
	for i1 < len(s.tmpK) && i2 < hi {
		if s.lt(s.keys[i2], s.tmpK[i1]) {
			s.keys[k] = s.keys[i2]
			if s.vals != nil {
				s.vals[k] = s.vals[i2]
			}
			i2++
		} else {
			s.keys[k] = s.tmpK[i1]
			if s.vals != nil {
				s.vals[k] = s.tmpV[i1]
			}
			i1++
		}
		k++
	}
	for i1 < len(s.tmpK) {
		s.keys[k] = s.tmpK[i1]
		if s.vals != nil {
			s.vals[k] = s.tmpV[i1]
		}
		i1++
		k++
	}
}

func (s *sorter) sort() error {
	n := len(s.keys)
	s.length = n
	if n < 2 {
		return nil
	}
	minrun := minRun(n)
	lo, remaining := 0, n
	for remaining > 0 && s.err == nil {
		run, desc := s.countRun(lo, lo+remaining)
		if s.err != nil {
			break
		}
		if desc {
			s.reverse(lo, lo+run)
		}
		if run < minrun {
			force := min(remaining, minrun)
			s.binarySort(lo, lo+force, lo+run)
			run = force
		}
		if len(s.runs) > 0 {
			top := s.runs[len(s.runs)-1]
			power := powerLoop(top.base, top.n, run, n)
			for len(s.runs) > 1 && s.runs[len(s.runs)-2].power > power {
				s.mergeAt(len(s.runs) - 2)
			}
			s.runs[len(s.runs)-1].power = power
		}
		s.runs = append(s.runs, sortRun{base: lo, n: run})
		lo += run
		remaining -= run
	}
	for len(s.runs) > 1 && s.err == nil {
		i := len(s.runs) - 2
		if i > 0 && s.runs[i-1].n < s.runs[i+1].n {
			i--
		}
		s.mergeAt(i)
	}
	return s.err
}

// SortValues sorts items in place as list.sort does: stably, by key(item)
// when key is not None, descending (still stably) when reverse is set.
func SortValues(th *Thread, items []Value, key Value, reverse bool) error {
	s := &sorter{th: th, keys: items}
	if key != nil && key != None {
		keys := make([]Value, len(items))
		for i, x := range items {
			k, err := Call(th, key, []Value{x}, nil)
			if err != nil {
				return err
			}
			keys[i] = k
		}
		s.keys, s.vals = keys, items
	}
	if reverse {
		s.reverse(0, len(items))
	}
	err := s.sort()
	if reverse && err == nil {
		s.reverse(0, len(items))
	}
	return err
}

// listSort is list.sort: the list is empty while it sorts, and a change
// made meanwhile (by a key function) is an error.
func listSort(th *Thread, l *List, key Value, reverse bool) error {
	items := l.Items
	l.Items = nil
	err := SortValues(th, items, key, reverse)
	modified := len(l.Items) != 0 || cap(l.Items) != 0
	l.Items = items
	if err == nil && modified {
		return NewError(ValueErrorClass, "list modified during sort")
	}
	return err
}

// sortArgs reads key= and reverse= of sorted() and list.sort().
func sortArgs(th *Thread, name string, kw *Kwargs) (Value, bool, error) {
	a, err := kwOnly(name, kw, "key", "reverse")
	if err != nil {
		return nil, false, err
	}
	reverse := false
	if a[1] != nil {
		switch r := a[1].(type) {
		case Bool, Int, *big.Int:
			reverse, _ = Truth(th, r)
		case Float:
			return nil, false, NewError(TypeErrorClass, "'float' object cannot be interpreted as an integer")
		default:
			n, err := IndexValue(th, r)
			if err != nil {
				return nil, false, err
			}
			reverse, _ = Truth(th, n)
		}
	}
	return a[0], reverse, nil
}

// seqIndexArgs reads the start and stop of list.index and tuple.index.
func seqIndexArgs(th *Thread, args []Value, n int) (int, int, error) {
	start, stop := int64(0), int64(math.MaxInt64)
	var err error
	conv := func(v Value) (int64, error) {
		r, err := asClampedIndex(th, v)
		if err != nil {
			if e, ok := err.(*Instance); ok && e.Class == TypeErrorClass {
				return 0, NewError(TypeErrorClass, "slice indices must be integers or have an __index__ method")
			}
		}
		return r, err
	}
	if len(args) > 1 {
		if start, err = conv(args[1]); err != nil {
			return 0, 0, err
		}
	}
	if len(args) > 2 {
		if stop, err = conv(args[2]); err != nil {
			return 0, 0, err
		}
	}
	start, stop = adjustRange(start, stop, int64(n))
	return int(start), int(stop), nil
}

func countItems(th *Thread, items []Value, x Value) (Value, error) {
	n := 0
	for i := 0; i < len(items); i++ {
		eq, err := itemEq(th, items[i], x)
		if err != nil {
			return nil, err
		}
		if eq {
			n++
		}
	}
	return MakeInt(int64(n)), nil
}

func init() {
	SetConstructor(ListClass, func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("list", "list", args, kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return &List{}, nil
		}
		items, err := Collect(th, args[0])
		return &List{Items: items}, err
	})
	SetConstructor(TupleClass, func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("tuple", "tuple", args, kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return Tuple{}, nil
		}
		if t, ok := args[0].(Tuple); ok {
			return t, nil
		}
		items, err := Collect(th, args[0])
		return Tuple(items), err
	})
	self := func(v Value) *List { return v.(*List) }
	defMethod(ListClass, "append", func(th *Thread, l Value, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("list.append", args, kw); err != nil {
			return nil, err
		}
		self(l).Items = append(self(l).Items, args[0])
		return None, nil
	})
	defMethod(ListClass, "extend", func(th *Thread, l Value, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("list.extend", args, kw); err != nil {
			return nil, err
		}
		items, err := Collect(th, args[0])
		if err != nil {
			return nil, err
		}
		self(l).Items = append(self(l).Items, items...)
		return None, nil
	})
	defMethod(ListClass, "insert", func(th *Thread, l Value, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("insert", "list.insert", args, kw, 2, 2); err != nil {
			return nil, err
		}
		i, err := asIndex(th, args[0])
		if err != nil {
			return nil, err
		}
		items := self(l).Items
		n := int64(len(items))
		if i < 0 {
			i = max(i+n, 0)
		}
		i = min(i, n)
		items = append(items, nil)
		copy(items[i+1:], items[i:])
		items[i] = args[1]
		self(l).Items = items
		return None, nil
	})
	defMethod(ListClass, "pop", func(th *Thread, l Value, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("pop", "list.pop", args, kw, 0, 1); err != nil {
			return nil, err
		}
		i := int64(-1)
		if len(args) > 0 {
			var err error
			if i, err = asIndex(th, args[0]); err != nil {
				return nil, err
			}
		}
		items := self(l).Items
		if len(items) == 0 {
			return nil, NewError(IndexErrorClass, "pop from empty list")
		}
		j, ok := seqIndex(i, len(items))
		if !ok {
			return nil, NewError(IndexErrorClass, "pop index out of range")
		}
		v := items[j]
		copy(items[j:], items[j+1:])
		items[len(items)-1] = nil
		self(l).Items = items[:len(items)-1]
		return v, nil
	})
	defMethod(ListClass, "remove", func(th *Thread, l Value, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("list.remove", args, kw); err != nil {
			return nil, err
		}
		items := self(l).Items
		for i := 0; i < len(items); i++ {
			eq, err := itemEq(th, items[i], args[0])
			if err != nil {
				return nil, err
			}
			if eq {
				self(l).Items = append(items[:i], items[i+1:]...)
				return None, nil
			}
		}
		return nil, NewError(ValueErrorClass, "list.remove(x): x not in list")
	})
	defMethod(ListClass, "index", func(th *Thread, l Value, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("index", "list.index", args, kw, 1, 3); err != nil {
			return nil, err
		}
		start, stop, err := seqIndexArgs(th, args, len(self(l).Items))
		if err != nil {
			return nil, err
		}
		for i := start; i < stop && i < len(self(l).Items); i++ {
			eq, err := itemEq(th, self(l).Items[i], args[0])
			if err != nil {
				return nil, err
			}
			if eq {
				return MakeInt(int64(i)), nil
			}
		}
		r, err := Repr(th, args[0])
		if err != nil {
			return nil, err
		}
		return nil, NewError(ValueErrorClass, r+" is not in list")
	})
	defMethod(ListClass, "count", func(th *Thread, l Value, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("list.count", args, kw); err != nil {
			return nil, err
		}
		return countItems(th, self(l).Items, args[0])
	})
	defMethod(ListClass, "clear", func(th *Thread, l Value, args []Value, kw *Kwargs) (Value, error) {
		if err := noArgs("list.clear", args, kw); err != nil {
			return nil, err
		}
		self(l).Items = nil
		return None, nil
	})
	defMethod(ListClass, "copy", func(th *Thread, l Value, args []Value, kw *Kwargs) (Value, error) {
		if err := noArgs("list.copy", args, kw); err != nil {
			return nil, err
		}
		return &List{Items: append([]Value(nil), self(l).Items...)}, nil
	})
	defMethod(ListClass, "reverse", func(th *Thread, l Value, args []Value, kw *Kwargs) (Value, error) {
		if err := noArgs("list.reverse", args, kw); err != nil {
			return nil, err
		}
		items := self(l).Items
		for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
			items[i], items[j] = items[j], items[i]
		}
		return None, nil
	})
	defMethod(ListClass, "sort", func(th *Thread, l Value, args []Value, kw *Kwargs) (Value, error) {
		if len(args) > 0 {
			return nil, NewError(TypeErrorClass, "sort() takes no positional arguments")
		}
		key, reverse, err := sortArgs(th, "sort", kw)
		if err != nil {
			return nil, err
		}
		return None, listSort(th, self(l), key, reverse)
	})
	defMethod(TupleClass, "count", func(th *Thread, t Value, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("tuple.count", args, kw); err != nil {
			return nil, err
		}
		return countItems(th, t.(Tuple), args[0])
	})
	defMethod(TupleClass, "index", func(th *Thread, t Value, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("index", "tuple.index", args, kw, 1, 3); err != nil {
			return nil, err
		}
		items := t.(Tuple)
		start, stop, err := seqIndexArgs(th, args, len(items))
		if err != nil {
			return nil, err
		}
		for i := start; i < stop && i < len(items); i++ {
			eq, err := itemEq(th, items[i], args[0])
			if err != nil {
				return nil, err
			}
			if eq {
				return MakeInt(int64(i)), nil
			}
		}
		return nil, NewError(ValueErrorClass, "tuple.index(x): x not in tuple")
	})
}
