package runtime

import "math/big"

// Iterator is a Python iterator: Next returns the next item, or ok false
// at the end (StopIteration).
type Iterator interface {
	Next(th *Thread) (item Value, ok bool, err error)
}

// Iterable is implemented by runtime values that make their own iterator.
type Iterable interface {
	Iter(th *Thread) (Iterator, error)
}

// The classes of the runtime's own iterators, named as CPython names them.
var (
	IterClass          = newBuiltinClass("iterator", ObjectClass)
	ListIterClass      = newBuiltinClass("list_iterator", ObjectClass)
	TupleIterClass     = newBuiltinClass("tuple_iterator", ObjectClass)
	StrIterClass       = newBuiltinClass("str_iterator", ObjectClass)
	StrASCIIIterClass  = newBuiltinClass("str_ascii_iterator", ObjectClass)
	DictKeyIterClass   = newBuiltinClass("dict_keyiterator", ObjectClass)
	DictValueIterClass = newBuiltinClass("dict_valueiterator", ObjectClass)
	DictItemIterClass  = newBuiltinClass("dict_itemiterator", ObjectClass)
	SetIterClass       = newBuiltinClass("set_iterator", ObjectClass)
)

// sliceIter walks a fixed slice (tuples, snapshots).
type sliceIter struct {
	items []Value
	i     int
}

func (it *sliceIter) Next(th *Thread) (Value, bool, error) {
	if it.i >= len(it.items) {
		return nil, false, nil
	}
	th.tickItem()
	it.i++
	return it.items[it.i-1], true, nil
}

func (it *sliceIter) Type() *Class { return IterClass }

// listIter walks a list by index, so that items appended while iterating
// are seen, as in Python.
type listIter struct {
	l *List
	i int
}

func (it *listIter) Next(th *Thread) (Value, bool, error) {
	if it.i >= len(it.l.Items) {
		return nil, false, nil
	}
	th.tickItem()
	it.i++
	return it.l.Items[it.i-1], true, nil
}

func (it *listIter) Type() *Class { return ListIterClass }

// strIter yields the characters of a str.
type strIter struct {
	s string
	i int
}

func (it *strIter) Next(th *Thread) (Value, bool, error) {
	if it.i >= len(it.s) {
		return nil, false, nil
	}
	th.tickItem()
	j := it.i + 1
	for j < len(it.s) && it.s[j]&0xc0 == 0x80 {
		j++
	}
	c := it.s[it.i:j]
	it.i = j
	return Str(c), true, nil
}

func (it *strIter) Type() *Class {
	for i := 0; i < len(it.s); i++ {
		if it.s[i] >= 0x80 {
			return StrIterClass
		}
	}
	return StrASCIIIterClass
}

// dictIter walks a dict's keys and fails if the dict changes size.
type dictIter struct {
	d       *Dict
	i       int
	version uint64
	what    byte // 'k', 'v' or 'i'
}

func (it *dictIter) Next(th *Thread) (Value, bool, error) {
	th.tickItem()
	if it.d.version != it.version {
		return nil, false, NewError(RuntimeErrorClass, "dictionary changed size during iteration")
	}
	for it.i < it.d.Slots() {
		k, v, ok := it.d.Entry(it.i)
		it.i++
		if ok {
			switch it.what {
			case 'v':
				return v, true, nil
			case 'i':
				return Tuple{k, v}, true, nil
			}
			return k, true, nil
		}
	}
	return nil, false, nil
}

func (it *dictIter) Type() *Class {
	switch it.what {
	case 'v':
		return DictValueIterClass
	case 'i':
		return DictItemIterClass
	}
	return DictKeyIterClass
}

// DictIter iterates d's keys ('k'), values ('v') or items ('i').
func DictIter(d *Dict, what byte) Iterator { return &dictIter{d: d, version: d.version, what: what} }

// instanceIter drives a user iterator through __next__.
type instanceIter struct{ obj Value }

func (it *instanceIter) Next(th *Thread) (Value, bool, error) {
	v, found, err := CallMethod(th, it.obj, "__next__")
	if !found {
		return nil, false, NewError(TypeErrorClass, "'"+TypeName(it.obj)+"' object is not an iterator")
	}
	if err != nil {
		if e, ok := err.(*Instance); ok && e.Class.IsSubclass(StopIterationClass) {
			return nil, false, nil
		}
		return nil, false, err
	}
	return v, true, nil
}

// seqIter drives an old-style sequence through __getitem__ from 0 until
// IndexError.
type seqIter struct {
	obj Value
	i   int64
}

func (it *seqIter) Next(th *Thread) (Value, bool, error) {
	v, _, err := CallMethod(th, it.obj, "__getitem__", MakeInt(it.i))
	if err != nil {
		if e, ok := err.(*Instance); ok && (e.Class.IsSubclass(IndexErrorClass) || e.Class.IsSubclass(StopIterationClass)) {
			return nil, false, nil
		}
		return nil, false, err
	}
	it.i++
	return v, true, nil
}

// Iter is iter(v).
func Iter(th *Thread, v Value) (Iterator, error) {
	switch v := v.(type) {
	case *List:
		return &listIter{l: v}, nil
	case Tuple:
		return &sliceIter{items: v}, nil
	case Str:
		return &strIter{s: string(v)}, nil
	case Bytes:
		items := make([]Value, len(v))
		for i := range len(v) {
			items[i] = MakeInt(int64(v[i]))
		}
		return &sliceIter{items: items}, nil
	case *Dict:
		return DictIter(v, 'k'), nil
	case *Set:
		return &sliceIter{items: v.Items()}, nil
	case Iterator:
		return v, nil
	case Iterable:
		return v.Iter(th)
	case *Instance:
		if it, found, err := CallMethod(th, v, "__iter__"); found {
			if err != nil {
				return nil, err
			}
			switch it := it.(type) {
			case Iterator:
				return it, nil
			case *Instance:
				if _, _, ok := it.Class.Lookup("__next__"); ok {
					return &instanceIter{obj: it}, nil
				}
			}
			return nil, NewError(TypeErrorClass, "iter() returned non-iterator of type '"+TypeName(it)+"'")
		}
		if _, _, ok := v.Class.Lookup("__getitem__"); ok {
			return &seqIter{obj: v}, nil
		}
	}
	return nil, NewError(TypeErrorClass, "'"+TypeName(v)+"' object is not iterable")
}

// Collect drains an iterable into a slice (list(v)).
func Collect(th *Thread, v Value) ([]Value, error) {
	switch v := v.(type) {
	case *List:
		return append([]Value(nil), v.Items...), nil
	case Tuple:
		return append([]Value(nil), v...), nil
	}
	it, err := Iter(th, v)
	if err != nil {
		return nil, err
	}
	var out []Value
	for {
		x, ok, err := it.Next(th)
		if err != nil || !ok {
			return out, err
		}
		out = append(out, x)
	}
}

// Index converts v to an int64 index (__index__ semantics for ints and
// bools); ok is false for other types.
func Index(v Value) (int64, bool, error) {
	switch v := v.(type) {
	case Int:
		return int64(v), true, nil
	case Bool:
		if v {
			return 1, true, nil
		}
		return 0, true, nil
	case *big.Int:
		return 0, true, NewError(IndexErrorClass, "cannot fit 'int' into an index-sized integer")
	}
	return 0, false, nil
}
