package runtime

import (
	"strconv"
)

// The iterator types of the built-in functions.
var (
	EnumerateClass    = newBuiltinClass("enumerate", ObjectClass)
	ZipClass          = newBuiltinClass("zip", ObjectClass)
	MapClass          = newBuiltinClass("map", ObjectClass)
	FilterClass       = newBuiltinClass("filter", ObjectClass)
	ReversedClass     = newBuiltinClass("reversed", ObjectClass)
	ListRevIterClass  = newBuiltinClass("list_reverseiterator", ObjectClass)
	CallableIterClass = newBuiltinClass("callable_iterator", ObjectClass)
)

// Reverser is implemented by runtime values that reversed() walks
// backwards themselves (ranges, dicts, dict views).
type Reverser interface {
	Reversed() Iterator
}

type enumerateIter struct {
	it    Iterator
	count Value
}

func (e *enumerateIter) Type() *Class { return EnumerateClass }

func (e *enumerateIter) Next(th *Thread) (Value, bool, error) {
	x, ok, err := e.it.Next(th)
	if err != nil || !ok {
		return nil, ok, err
	}
	n := e.count
	if i, ok := n.(Int); ok && i < 1<<62 {
		e.count = MakeInt(int64(i) + 1)
	} else {
		e.count, _, _ = Arith(OpAdd, n, Int(1))
	}
	return Tuple{n, x}, true, nil
}

type zipIter struct {
	its    []Iterator
	strict bool
	done   bool
}

func (z *zipIter) Type() *Class { return ZipClass }

func (z *zipIter) Next(th *Thread) (Value, bool, error) {
	if z.done || len(z.its) == 0 {
		return nil, false, nil
	}
	t := make(Tuple, len(z.its))
	for i, it := range z.its {
		x, ok, err := it.Next(th)
		if err != nil {
			return nil, false, err
		}
		if !ok {
			z.done = true
			if z.strict {
				return nil, false, z.strictError(th, i)
			}
			return nil, false, nil
		}
		t[i] = x
	}
	return t, true, nil
}

// strictError reports the unequal lengths zip(strict=True) found when
// iterator i ran out first (or, for i == 0, when a later one did not).
func (z *zipIter) strictError(th *Thread, i int) error {
	plural := func(i int) string {
		if i == 1 {
			return "argument 1"
		}
		return "arguments 1-" + strconv.Itoa(i)
	}
	if i > 0 {
		return NewError(ValueErrorClass, "zip() argument "+strconv.Itoa(i+1)+" is shorter than "+plural(i))
	}
	for j := 1; j < len(z.its); j++ {
		_, ok, err := z.its[j].Next(th)
		if err != nil {
			return err
		}
		if ok {
			return NewError(ValueErrorClass, "zip() argument "+strconv.Itoa(j+1)+" is longer than "+plural(j))
		}
	}
	return nil
}

type mapIter struct {
	fn  Value
	its []Iterator
}

func (m *mapIter) Type() *Class { return MapClass }

func (m *mapIter) Next(th *Thread) (Value, bool, error) {
	args := make([]Value, len(m.its))
	for i, it := range m.its {
		x, ok, err := it.Next(th)
		if err != nil || !ok {
			return nil, false, err
		}
		args[i] = x
	}
	v, err := Call(th, m.fn, args, nil)
	if err != nil {
		return nil, false, err
	}
	return v, true, nil
}

type filterIter struct {
	fn Value // None: truth of the item
	it Iterator
}

func (f *filterIter) Type() *Class { return FilterClass }

func (f *filterIter) Next(th *Thread) (Value, bool, error) {
	for {
		x, ok, err := f.it.Next(th)
		if err != nil || !ok {
			return nil, false, err
		}
		test := x
		if f.fn != None {
			if test, err = Call(th, f.fn, []Value{x}, nil); err != nil {
				return nil, false, err
			}
		}
		t, err := Truth(th, test)
		if err != nil {
			return nil, false, err
		}
		if t {
			return x, true, nil
		}
	}
}

// listRevIter walks a list backwards by index.
type listRevIter struct {
	l *List
	i int
}

func (it *listRevIter) Type() *Class { return ListRevIterClass }

func (it *listRevIter) Next(*Thread) (Value, bool, error) {
	if it.i < 0 || it.i >= len(it.l.Items) {
		it.i = -1
		return nil, false, nil
	}
	it.i--
	return it.l.Items[it.i+1], true, nil
}

// seqRevIter walks an object with __len__ and __getitem__ backwards.
type seqRevIter struct {
	obj Value
	i   int64
}

func (it *seqRevIter) Type() *Class { return ReversedClass }

func (it *seqRevIter) Next(th *Thread) (Value, bool, error) {
	if it.i < 0 {
		return nil, false, nil
	}
	v, err := GetItem(th, it.obj, MakeInt(it.i))
	if err != nil {
		if e, ok := err.(*Instance); ok && (e.Class.IsSubclass(IndexErrorClass) || e.Class.IsSubclass(StopIterationClass)) {
			it.i = -1
			return nil, false, nil
		}
		return nil, false, err
	}
	it.i--
	return v, true, nil
}

// callableIter is iter(callable, sentinel).
type callableIter struct {
	fn, sentinel Value
	done         bool
}

func (it *callableIter) Type() *Class { return CallableIterClass }

func (it *callableIter) Next(th *Thread) (Value, bool, error) {
	if it.done {
		return nil, false, nil
	}
	v, err := Call(th, it.fn, nil, nil)
	if err != nil {
		if e, ok := err.(*Instance); ok && e.Class.IsSubclass(StopIterationClass) {
			it.done = true
			return nil, false, nil
		}
		return nil, false, err
	}
	eq, err := Equal(th, v, it.sentinel)
	if err != nil {
		return nil, false, err
	}
	if eq {
		it.done = true
		return nil, false, nil
	}
	return v, true, nil
}

// Reversed is reversed(v).
func Reversed(th *Thread, v Value) (Value, error) {
	switch x := v.(type) {
	case *List:
		return &listRevIter{l: x, i: len(x.Items) - 1}, nil
	case Tuple:
		items := make([]Value, len(x))
		for i, item := range x {
			items[len(x)-1-i] = item
		}
		return &sliceIter{items: items}, nil
	case Str:
		runes := []rune(string(x))
		items := make([]Value, len(runes))
		for i, r := range runes {
			items[len(runes)-1-i] = Str(string(r))
		}
		return &sliceIter{items: items}, nil
	case Bytes:
		items := make([]Value, len(x))
		for i := range len(x) {
			items[len(x)-1-i] = MakeInt(int64(x[i]))
		}
		return &sliceIter{items: items}, nil
	case Reverser:
		return x.Reversed(), nil
	case *Instance:
		if m, _, ok := x.Class.Lookup("__reversed__"); ok {
			if m == None {
				break
			}
			return Call(th, m, []Value{v}, nil)
		}
		if hasMethod(x, "__getitem__") && hasMethod(x, "__len__") {
			n, err := Len(th, v)
			if err != nil {
				return nil, err
			}
			return &seqRevIter{obj: v, i: int64(n) - 1}, nil
		}
	}
	return nil, NewError(TypeErrorClass, "'"+TypeName(v)+"' object is not reversible")
}

// IterValue is iter(v): what __iter__ returned for instances, the
// runtime's iterator otherwise.
func IterValue(th *Thread, v Value) (Value, error) {
	if inst, ok := v.(*Instance); ok {
		if m, _, ok := inst.Class.Lookup("__iter__"); ok {
			r, err := Call(th, m, []Value{v}, nil)
			if err != nil {
				return nil, err
			}
			switch it := r.(type) {
			case Iterator:
				return it, nil
			case *Instance:
				if hasMethod(it, "__next__") {
					return it, nil
				}
			}
			return nil, NewError(TypeErrorClass, "iter() returned non-iterator of type '"+TypeName(r)+"'")
		}
	}
	it, err := Iter(th, v)
	if err != nil {
		return nil, err
	}
	return it, nil
}

// Next is next(it): the item and true, or false at the end.
func Next(th *Thread, it Value) (Value, bool, error) {
	switch x := it.(type) {
	case Iterator:
		return x.Next(th)
	case *Instance:
		if m, _, ok := x.Class.Lookup("__next__"); ok {
			v, err := Call(th, m, []Value{it}, nil)
			if err != nil {
				return nil, false, err
			}
			return v, true, nil
		}
	}
	return nil, false, NewError(TypeErrorClass, "'"+TypeName(it)+"' object is not an iterator")
}

// minMax is min() and max(): one iterable or several arguments, with
// key= and (for an iterable) default=.
func minMax(th *Thread, name string, op CmpOp, args []Value, kw *Kwargs) (Value, error) {
	if len(args) == 0 {
		return nil, NewError(TypeErrorClass, name+" expected at least 1 argument, got 0")
	}
	opts, err := kwOnly(name, kw, "key", "default")
	if err != nil {
		return nil, err
	}
	key, def := opts[0], opts[1]
	if key == None {
		key = nil
	}
	var items []Value
	var it Iterator
	switch len(args) {
	case 0:
		return nil, NewError(TypeErrorClass, name+" expected at least 1 argument, got 0")
	case 1:
		if it, err = Iter(th, args[0]); err != nil {
			return nil, err
		}
	default:
		if def != nil {
			return nil, NewError(TypeErrorClass, "Cannot specify a default for "+name+"() with multiple positional arguments")
		}
		items = args
	}
	var best, bestKey Value
	for i := 0; ; i++ {
		var x Value
		if it != nil {
			var ok bool
			x, ok, err = it.Next(th)
			if err != nil {
				return nil, err
			}
			if !ok {
				break
			}
		} else {
			if i >= len(items) {
				break
			}
			x = items[i]
		}
		k := x
		if key != nil {
			if k, err = Call(th, key, []Value{x}, nil); err != nil {
				return nil, err
			}
		}
		if best == nil {
			best, bestKey = x, k
			continue
		}
		r, err := Compare(th, op, k, bestKey)
		if err != nil {
			return nil, err
		}
		better, err := Truth(th, r)
		if err != nil {
			return nil, err
		}
		if better {
			best, bestKey = x, k
		}
	}
	if best == nil {
		if def != nil {
			return def, nil
		}
		return nil, NewError(ValueErrorClass, name+"() arg is an empty sequence")
	}
	return best, nil
}

// Sum is sum(iterable, start): a left fold of +, refusing str and bytes
// starts as CPython does.
func Sum(th *Thread, iterable, start Value) (Value, error) {
	switch start.(type) {
	case Str:
		return nil, NewError(TypeErrorClass, "sum() can't sum strings [use ''.join(seq) instead]")
	case Bytes:
		return nil, NewError(TypeErrorClass, "sum() can't sum bytes [use b''.join(seq) instead]")
	}
	it, err := Iter(th, iterable)
	if err != nil {
		return nil, err
	}
	acc := start
	for {
		x, ok, err := it.Next(th)
		if err != nil {
			return nil, err
		}
		if !ok {
			return acc, nil
		}
		if a, ok := acc.(Int); ok {
			if b, ok := x.(Int); ok {
				if s := a + b; (s > a) == (b > 0) {
					acc = MakeInt(int64(s))
					continue
				}
			}
		}
		if a, ok := acc.(Float); ok {
			if b, ok := x.(Float); ok {
				acc = a + b
				continue
			}
		}
		if acc, err = BinaryOp(th, OpAdd, acc, x); err != nil {
			return nil, err
		}
	}
}

func init() {
	SetConstructor(EnumerateClass, func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		if len(args) == 0 && kw.Len() == 0 {
			return nil, NewError(TypeErrorClass, "enumerate() missing required argument 'iterable'")
		}
		a, err := kwArgs("enumerate", args, kw, []string{"iterable", "start"}, 1)
		if err != nil {
			return nil, err
		}
		it, err := Iter(th, a[0])
		if err != nil {
			return nil, err
		}
		var start Value = smallInts[5]
		if a[1] != nil {
			if start, err = IndexValue(th, a[1]); err != nil {
				return nil, err
			}
		}
		return &enumerateIter{it: it, count: start}, nil
	})
	SetConstructor(ZipClass, func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		if kw.Len() > 1 {
			return nil, NewError(TypeErrorClass, "zip() takes at most 1 keyword argument ("+itoa(int64(kw.Len()))+" given)")
		}
		opts, err := kwOnly("zip", kw, "strict")
		if err != nil {
			return nil, err
		}
		z := &zipIter{}
		if opts[0] != nil {
			if z.strict, err = Truth(th, opts[0]); err != nil {
				return nil, err
			}
		}
		for _, a := range args {
			it, err := Iter(th, a)
			if err != nil {
				return nil, err
			}
			z.its = append(z.its, it)
		}
		return z, nil
	})
	SetConstructor(MapClass, func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		if err := noKwargs("map", kw); err != nil {
			return nil, err
		}
		if len(args) < 2 {
			return nil, NewError(TypeErrorClass, "map() must have at least two arguments.")
		}
		m := &mapIter{fn: args[0]}
		for _, a := range args[1:] {
			it, err := Iter(th, a)
			if err != nil {
				return nil, err
			}
			m.its = append(m.its, it)
		}
		return m, nil
	})
	SetConstructor(FilterClass, func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("filter", "filter", args, kw, 2, 2); err != nil {
			return nil, err
		}
		it, err := Iter(th, args[1])
		if err != nil {
			return nil, err
		}
		return &filterIter{fn: args[0], it: it}, nil
	})
	SetConstructor(ReversedClass, func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("reversed", "reversed", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return Reversed(th, args[0])
	})
	builtin("iter", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("iter", "iter", args, kw, 1, 2); err != nil {
			return nil, err
		}
		if len(args) == 2 {
			if !IsCallable(args[0]) {
				return nil, NewError(TypeErrorClass, "iter(v, w): v must be callable")
			}
			return &callableIter{fn: args[0], sentinel: args[1]}, nil
		}
		return IterValue(th, args[0])
	})
	builtin("next", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("next", "next", args, kw, 1, 2); err != nil {
			return nil, err
		}
		v, ok, err := Next(th, args[0])
		if err != nil {
			if e, isExc := err.(*Instance); isExc && len(args) == 2 && e.Class.IsSubclass(StopIterationClass) {
				return args[1], nil
			}
			return nil, err
		}
		if !ok {
			if len(args) == 2 {
				return args[1], nil
			}
			if g, isGen := args[0].(*Generator); isGen { // carries the generator's return value
				return nil, stopIteration(g.retVal)
			}
			return nil, NewError(StopIterationClass, "")
		}
		return v, nil
	})
	builtin("max", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return minMax(th, "max", CmpGt, args, kw) })
	builtin("min", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return minMax(th, "min", CmpLt, args, kw) })
	builtin("sum", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		a, err := clinicArgs("sum", args, kw, []string{"iterable", "start"}, 1, 1)
		if err != nil {
			return nil, err
		}
		if a[1] == nil {
			a[1] = smallInts[5]
		}
		return Sum(th, a[0], a[1])
	})
	builtin("sorted", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := checkPositional("sorted", args, 1, 1); err != nil {
			return nil, err
		}
		key, reverse, err := sortArgs(th, "sort", kw)
		if err != nil {
			return nil, err
		}
		items, err := Collect(th, args[0])
		if err != nil {
			return nil, err
		}
		l := &List{Items: items}
		return l, listSort(th, l, key, reverse)
	})
}
