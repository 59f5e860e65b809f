package modules

import (
	rt "asyncplay/sim/py/runtime"
)

// collections.deque: a ring buffer in the Data of an instance of the
// deque class (or of a Python class deriving from it).

var dequeClass = stdClass("deque", "collections")

var dequeIterClass = stdIterClass(stdClass("_deque_iterator", "builtins"))
var dequeRevIterClass = stdIterClass(stdClass("_deque_reverse_iterator", "builtins"))

type dequeData struct {
	buf     []rt.Value // ring: item i is buf[(head+i)%len(buf)]
	head, n int
	maxlen  int    // -1: unbounded
	version uint64 // changes on every mutation, for iterators
}

// dequeOf returns the deque of a receiver checked by stdMethod, created
// empty if __init__ has not run.
func dequeOf(v rt.Value) *dequeData {
	inst := v.(*rt.Instance)
	if q, ok := inst.Data.(*dequeData); ok {
		return q
	}
	q := &dequeData{maxlen: -1}
	inst.Data = q
	return q
}

func (q *dequeData) at(i int) rt.Value { return q.buf[(q.head+i)%len(q.buf)] }

func (q *dequeData) set(i int, v rt.Value) { q.buf[(q.head+i)%len(q.buf)] = v }

func (q *dequeData) grow() {
	if q.n < len(q.buf) {
		return
	}
	nb := make([]rt.Value, max(8, 2*len(q.buf)))
	for i := range q.n {
		nb[i] = q.at(i)
	}
	q.buf, q.head = nb, 0
}

func (q *dequeData) items() []rt.Value {
	out := make([]rt.Value, q.n)
	for i := range q.n {
		out[i] = q.at(i)
	}
	return out
}

func (q *dequeData) setItems(items []rt.Value) {
	q.buf = append([]rt.Value(nil), items...)
	q.head, q.n = 0, len(items)
	q.version++
}

func (q *dequeData) popRight() rt.Value {
	q.n--
	v := q.at(q.n)
	q.set(q.n, nil)
	q.version++
	return v
}

func (q *dequeData) popLeft() rt.Value {
	v := q.at(0)
	q.set(0, nil)
	q.head = (q.head + 1) % len(q.buf)
	q.n--
	q.version++
	return v
}

func (q *dequeData) appendRight(v rt.Value) {
	if q.maxlen == 0 {
		return
	}
	if q.n == q.maxlen {
		q.popLeft()
	}
	q.grow()
	q.n++
	q.set(q.n-1, v)
	q.version++
}

func (q *dequeData) appendLeft(v rt.Value) {
	if q.maxlen == 0 {
		return
	}
	if q.n == q.maxlen {
		q.popRight()
	}
	q.grow()
	q.head = (q.head - 1 + len(q.buf)) % len(q.buf)
	q.n++
	q.set(0, v)
	q.version++
}

// index resolves a deque index, negative ones from the end.
func (q *dequeData) index(th *rt.Thread, key rt.Value) (int, error) {
	if _, ok := key.(*rt.Slice); ok || !isIndex(key) {
		return 0, rt.NewError(rt.TypeErrorClass, "sequence index must be integer, not '"+rt.TypeName(key)+"'")
	}
	i, err := stdInt(th, key)
	if err != nil {
		return 0, err
	}
	if i < 0 {
		i += int64(q.n)
	}
	if i < 0 || i >= int64(q.n) {
		return 0, rt.NewError(rt.IndexErrorClass, "deque index out of range")
	}
	return int(i), nil
}

// isIndex reports whether v can be an index (an int or has __index__).
func isIndex(v rt.Value) bool {
	switch v.(type) {
	case rt.Int, rt.Bool:
		return true
	}
	_, _, ok := rt.TypeOf(v).Lookup("__index__")
	return ok || rt.TypeOf(v) == rt.IntClass
}

// dequeIter walks a deque and fails if it changes meanwhile.
func dequeIter(q *dequeData, reverse bool) rt.Iterator {
	version, i := q.version, 0
	cls := dequeIterClass
	if reverse {
		cls = dequeRevIterClass
	}
	return &stdIter{cls: cls, next: func(th *rt.Thread) (rt.Value, bool, error) {
		if q.version != version {
			return nil, false, rt.NewError(rt.RuntimeErrorClass, "deque mutated during iteration")
		}
		if i >= q.n {
			return nil, false, nil
		}
		i++
		if reverse {
			return q.at(q.n - i), true, nil
		}
		return q.at(i - 1), true, nil
	}}
}

// parseMaxlen reads deque's maxlen argument: None or a non-negative int.
func parseMaxlen(th *rt.Thread, v rt.Value) (int, error) {
	if v == nil || v == rt.None {
		return -1, nil
	}
	if !isIndex(v) {
		return 0, rt.NewError(rt.TypeErrorClass, "an integer is required")
	}
	n, err := stdInt(th, v)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, rt.NewError(rt.ValueErrorClass, "maxlen must be non-negative")
	}
	return int(n), nil
}

// newDequeLike makes an empty deque of obj's class with maxlen.
func newDequeLike(th *rt.Thread, obj rt.Value, maxlen int) (rt.Value, *dequeData, error) {
	var ml rt.Value = rt.None
	if maxlen >= 0 {
		ml = rt.MakeInt(int64(maxlen))
	}
	r, err := rt.Call(th, rt.TypeOf(obj), []rt.Value{rt.Tuple{}, ml}, nil)
	if err != nil {
		return nil, nil, err
	}
	if !rt.TypeOf(r).IsSubclass(dequeClass) {
		return r, nil, nil
	}
	return r, dequeOf(r), nil
}

func init() {
	c := dequeClass
	m := func(name string, min, max int, fn func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error)) {
		stdMethod(c, name, func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos(name, args, kw, min, max); err != nil {
				return nil, err
			}
			return fn(th, self, dequeOf(self), args)
		})
	}
	stdMethod(c, "__init__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("deque", args, kw, []string{"iterable", "maxlen"}, 0)
		if err != nil {
			return nil, err
		}
		q := dequeOf(self)
		if q.maxlen, err = parseMaxlen(th, a[1]); err != nil {
			return nil, err
		}
		q.setItems(nil)
		if a[0] != nil {
			items, err := rt.Collect(th, a[0])
			if err != nil {
				return nil, err
			}
			for _, x := range items {
				q.appendRight(x)
			}
		}
		return rt.None, nil
	})
	stdAttr(c, "maxlen", func(th *rt.Thread, self rt.Value) (rt.Value, error) {
		if q := dequeOf(self); q.maxlen >= 0 {
			return rt.MakeInt(int64(q.maxlen)), nil
		}
		return rt.None, nil
	})
	m("append", 1, 1, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		q.appendRight(args[0])
		return rt.None, nil
	})
	m("appendleft", 1, 1, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		q.appendLeft(args[0])
		return rt.None, nil
	})
	m("pop", 0, 0, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		if q.n == 0 {
			return nil, rt.NewError(rt.IndexErrorClass, "pop from an empty deque")
		}
		return q.popRight(), nil
	})
	m("popleft", 0, 0, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		if q.n == 0 {
			return nil, rt.NewError(rt.IndexErrorClass, "pop from an empty deque")
		}
		return q.popLeft(), nil
	})
	extend := func(left bool) func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		return func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
			var items []rt.Value
			var err error
			if args[0] == self {
				items = q.items()
			} else if items, err = rt.Collect(th, args[0]); err != nil {
				return nil, err
			}
			for _, x := range items {
				if left {
					q.appendLeft(x)
				} else {
					q.appendRight(x)
				}
			}
			return rt.None, nil
		}
	}
	m("extend", 1, 1, extend(false))
	m("extendleft", 1, 1, extend(true))
	m("rotate", 0, 1, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		n := int64(1)
		if len(args) == 1 {
			var err error
			if n, err = stdInt(th, args[0]); err != nil {
				return nil, err
			}
		}
		if q.n <= 1 {
			return rt.None, nil
		}
		k := int(((n % int64(q.n)) + int64(q.n)) % int64(q.n))
		if k == 0 {
			return rt.None, nil
		}
		items := q.items()
		q.setItems(append(items[q.n-k:], items[:q.n-k]...))
		return rt.None, nil
	})
	m("clear", 0, 0, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		q.setItems(nil)
		return rt.None, nil
	})
	m("copy", 0, 0, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		r, rq, err := newDequeLike(th, self, q.maxlen)
		if err == nil && rq != nil {
			rq.setItems(q.items())
		}
		return r, err
	})
	cp, _ := c.Dict.Get("copy")
	c.Dict.Set("__copy__", cp)
	m("count", 1, 1, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		n := 0
		for _, x := range q.items() {
			eq, err := rt.Equal(th, x, args[0])
			if err != nil {
				return nil, err
			}
			if eq {
				n++
			}
		}
		return rt.MakeInt(int64(n)), nil
	})
	notIn := func(th *rt.Thread, x rt.Value) error {
		s, err := rt.Repr(th, x)
		if err != nil {
			return err
		}
		return rt.NewError(rt.ValueErrorClass, s+" is not in deque")
	}
	m("index", 1, 3, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		start, stop := int64(0), int64(q.n)
		for i, p := range []*int64{&start, &stop} {
			if len(args) > i+1 {
				v, err := stdInt(th, args[i+1])
				if err != nil {
					return nil, err
				}
				if v < 0 {
					v = max(0, v+int64(q.n))
				}
				*p = min(v, int64(q.n))
			}
		}
		for i := start; i < stop; i++ {
			eq, err := rt.Equal(th, q.at(int(i)), args[0])
			if err != nil {
				return nil, err
			}
			if eq {
				return rt.MakeInt(i), nil
			}
		}
		return nil, notIn(th, args[0])
	})
	m("remove", 1, 1, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		items := q.items()
		for i, x := range items {
			eq, err := rt.Equal(th, x, args[0])
			if err != nil {
				return nil, err
			}
			if eq {
				q.setItems(append(items[:i], items[i+1:]...))
				return rt.None, nil
			}
		}
		return nil, notIn(th, args[0])
	})
	m("insert", 2, 2, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		i, err := stdInt(th, args[0])
		if err != nil {
			return nil, err
		}
		if q.maxlen >= 0 && q.n >= q.maxlen {
			return nil, rt.NewError(rt.IndexErrorClass, "deque already at its maximum size")
		}
		if i < 0 {
			i = max(0, i+int64(q.n))
		}
		i = min(i, int64(q.n))
		items := q.items()
		items = append(items[:i], append([]rt.Value{args[1]}, items[i:]...)...)
		q.setItems(items)
		return rt.None, nil
	})
	m("reverse", 0, 0, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		items := q.items()
		for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
			items[i], items[j] = items[j], items[i]
		}
		q.setItems(items)
		return rt.None, nil
	})
	m("__len__", 0, 0, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		return rt.MakeInt(int64(q.n)), nil
	})
	m("__iter__", 0, 0, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		return dequeIter(q, false), nil
	})
	m("__reversed__", 0, 0, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		return dequeIter(q, true), nil
	})
	m("__getitem__", 1, 1, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		i, err := q.index(th, args[0])
		if err != nil {
			return nil, err
		}
		return q.at(i), nil
	})
	m("__setitem__", 2, 2, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		i, err := q.index(th, args[0])
		if err != nil {
			return nil, err
		}
		q.set(i, args[1])
		return rt.None, nil
	})
	m("__delitem__", 1, 1, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		i, err := q.index(th, args[0])
		if err != nil {
			return nil, err
		}
		items := q.items()
		q.setItems(append(items[:i], items[i+1:]...))
		return rt.None, nil
	})
	m("__contains__", 1, 1, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		for _, x := range q.items() {
			eq, err := rt.Equal(th, x, args[0])
			if err != nil || eq {
				return rt.MakeBool(eq), err
			}
		}
		return rt.False, nil
	})
	for _, cmp := range []struct {
		name string
		op   rt.CmpOp
	}{{"__eq__", rt.CmpEq}, {"__ne__", rt.CmpNe}, {"__lt__", rt.CmpLt}, {"__le__", rt.CmpLe}, {"__gt__", rt.CmpGt}, {"__ge__", rt.CmpGe}} {
		m(cmp.name, 1, 1, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
			if !rt.TypeOf(args[0]).IsSubclass(dequeClass) {
				return rt.NotImplemented, nil
			}
			return rt.Compare(th, cmp.op, rt.Tuple(q.items()), rt.Tuple(dequeOf(args[0]).items()))
		})
	}
	m("__hash__", 0, 0, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		name := rt.TypeOf(self).Name
		if rt.TypeOf(self) == dequeClass {
			name = "collections.deque"
		}
		return nil, rt.NewError(rt.TypeErrorClass, "unhashable type: '"+name+"'")
	})
	m("__add__", 1, 1, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		if !rt.TypeOf(args[0]).IsSubclass(dequeClass) {
			return nil, rt.NewError(rt.TypeErrorClass, "can only concatenate deque (not \""+rt.TypeName(args[0])+"\") to deque")
		}
		r, rq, err := newDequeLike(th, self, q.maxlen)
		if err != nil || rq == nil {
			return r, err
		}
		for _, x := range append(q.items(), dequeOf(args[0]).items()...) {
			rq.appendRight(x)
		}
		return r, nil
	})
	m("__iadd__", 1, 1, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		if _, err := extend(false)(th, self, q, args); err != nil {
			return nil, err
		}
		return self, nil
	})
	repeat := func(th *rt.Thread, q *dequeData, into *dequeData, nv rt.Value) error {
		if !isIndex(nv) {
			return rt.NewError(rt.TypeErrorClass, "can't multiply sequence by non-int of type '"+rt.TypeName(nv)+"'")
		}
		n, err := stdInt(th, nv)
		if err != nil {
			return err
		}
		items := q.items()
		into.setItems(nil)
		if n <= 0 || len(items) == 0 {
			return nil
		}
		total := int64(len(items)) * n
		start := int64(0)
		if into.maxlen >= 0 && total > int64(into.maxlen) {
			start = total - int64(into.maxlen) // a bounded deque keeps the last maxlen
		}
		for i := start; i < total; i++ {
			into.appendRight(items[i%int64(len(items))])
		}
		return nil
	}
	mul := func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		if !isIndex(args[0]) {
			return rt.NotImplemented, nil
		}
		r, rq, err := newDequeLike(th, self, q.maxlen)
		if err != nil || rq == nil {
			return r, err
		}
		return r, repeat(th, q, rq, args[0])
	}
	m("__mul__", 1, 1, mul)
	m("__rmul__", 1, 1, mul)
	m("__imul__", 1, 1, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		return self, repeat(th, q, q, args[0])
	})
	m("__repr__", 0, 0, func(th *rt.Thread, self rt.Value, q *dequeData, args []rt.Value) (rt.Value, error) {
		s, err := stdReprList(th, q.items())
		if err != nil {
			return nil, err
		}
		s = stdReprName(self) + "(" + s
		if q.maxlen >= 0 {
			s += ", maxlen=" + itoa(q.maxlen)
		}
		return rt.Str(s + ")"), nil
	})
}
