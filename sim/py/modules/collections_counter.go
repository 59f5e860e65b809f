package modules

import (
	"sort"

	rt "asyncplay/sim/py/runtime"
)

// collections.Counter, after CPython 3.11's Lib/collections/__init__.py.

var zero = rt.MakeInt(0)

// isMapping is isinstance(v, collections.abc.Mapping) for the mappings
// the runtime has: dicts and the dict-like classes.
func isMapping(v rt.Value) bool { return dictOf(v) != nil }

// items of a mapping, in order (a dict, a dict-like instance or an
// object with items()).
func mappingItems(th *rt.Thread, m rt.Value) ([]rt.Tuple, error) {
	if d := dictOf(m); d != nil {
		return d.Items(), nil
	}
	it, err := callMethod(th, m, "items", nil, nil)
	if err != nil {
		return nil, err
	}
	pairs, err := rt.Collect(th, it)
	if err != nil {
		return nil, err
	}
	out := make([]rt.Tuple, len(pairs))
	for i, p := range pairs {
		t, err := rt.Collect(th, p)
		if err != nil {
			return nil, err
		}
		out[i] = rt.Tuple(t)
	}
	return out, nil
}

// getOr is d.get(k, 0).
func getOr(th *rt.Thread, d *rt.Dict, k rt.Value) (rt.Value, error) {
	v, found, err := d.Get(th, k)
	if err != nil || !found {
		return zero, err
	}
	return v, nil
}

// counterGet is counter[k] for a counter's dict: 0 when missing.
func counterGet(th *rt.Thread, d *rt.Dict, k rt.Value) (rt.Value, error) { return getOr(th, d, k) }

// gt0 and lt0 test count > 0 and count < 0.
func cmp0(th *rt.Thread, op rt.CmpOp, v rt.Value) (bool, error) {
	if n, ok := v.(rt.Int); ok {
		switch op {
		case rt.CmpGt:
			return n > 0, nil
		case rt.CmpLt:
			return n < 0, nil
		}
	}
	r, err := rt.Compare(th, op, v, zero)
	if err != nil {
		return false, err
	}
	return rt.Truth(th, r)
}

// counterLE is the multiset comparison of two counters' dicts: every
// element's count in a is == (or <=) its count in b, missing ones 0.
func counterLE(th *rt.Thread, a, b *rt.Dict, op rt.CmpOp) (bool, error) {
	for _, pair := range [2][2]*rt.Dict{{a, b}, {b, a}} {
		for _, k := range pair[0].Keys() {
			x, err := counterGet(th, a, k)
			if err != nil {
				return false, err
			}
			y, err := counterGet(th, b, k)
			if err != nil {
				return false, err
			}
			r, err := rt.Compare(th, op, x, y)
			if err != nil {
				return false, err
			}
			if t, err := rt.Truth(th, r); err != nil || !t {
				return false, err
			}
		}
	}
	return true, nil
}

// mostCommon sorts a counter's items by count, largest first, ties in
// insertion order (sorted(..., reverse=True) is stable).
func mostCommon(th *rt.Thread, d *rt.Dict) ([]rt.Tuple, error) {
	items := d.Items()
	var err error
	sort.SliceStable(items, func(i, j int) bool {
		if err != nil {
			return false
		}
		if x, ok := items[i][1].(rt.Int); ok {
			if y, ok := items[j][1].(rt.Int); ok {
				return y < x
			}
		}
		r, e := rt.Compare(th, rt.CmpLt, items[j][1], items[i][1])
		if e != nil {
			err = e
			return false
		}
		t, e := rt.Truth(th, r)
		if e != nil {
			err = e
		}
		return t
	})
	return items, err
}

func newCounter(th *rt.Thread) (*rt.Instance, *rt.Dict) {
	v, _ := newMapInstance(th, counterClass, nil, nil)
	inst := v.(*rt.Instance)
	return inst, mapOf(inst).d
}

// counterOp is one of Counter's binary operators: result[e] = f(a[e],
// b[e]) for each element of a, then of b, kept when keep says so.
func counterBinary(name string, f func(th *rt.Thread, x, y rt.Value) (rt.Value, error), onlyOther func(th *rt.Thread, count rt.Value) (rt.Value, bool, error)) {
	stdMethod(counterClass, name, func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos(name, args, kw, 1, 1); err != nil {
			return nil, err
		}
		if !rt.TypeOf(args[0]).IsSubclass(counterClass) {
			return rt.NotImplemented, nil
		}
		a, b := selfDict(self), selfDict(args[0])
		res, rd := newCounter(th)
		for _, kv := range a.Items() {
			other, err := counterGet(th, b, kv[0])
			if err != nil {
				return nil, err
			}
			n, err := f(th, kv[1], other)
			if err != nil {
				return nil, err
			}
			if pos, err := cmp0(th, rt.CmpGt, n); err != nil {
				return nil, err
			} else if pos {
				rd.Set(th, kv[0], n)
			}
		}
		for _, kv := range b.Items() {
			if _, in, _ := a.Get(th, kv[0]); in {
				continue
			}
			n, keep, err := onlyOther(th, kv[1])
			if err != nil {
				return nil, err
			}
			if keep {
				rd.Set(th, kv[0], n)
			}
		}
		return res, nil
	})
}

func binop(op rt.Op) func(th *rt.Thread, x, y rt.Value) (rt.Value, error) {
	return func(th *rt.Thread, x, y rt.Value) (rt.Value, error) { return rt.BinaryOp(th, op, x, y) }
}

func keepPositive(th *rt.Thread, count rt.Value) (rt.Value, bool, error) {
	ok, err := cmp0(th, rt.CmpGt, count)
	return count, ok, err
}

// counterKeepPositive deletes the elements whose count is not > 0.
func counterKeepPositive(th *rt.Thread, d *rt.Dict) error {
	for _, kv := range d.Items() {
		pos, err := cmp0(th, rt.CmpGt, kv[1])
		if err != nil {
			return err
		}
		if !pos {
			d.Delete(th, kv[0])
		}
	}
	return nil
}

// counterUpdate adds (sign 1) or subtracts (sign -1) counts.
func counterUpdate(th *rt.Thread, self rt.Value, name string, args []rt.Value, kw *rt.Kwargs, sign int) error {
	if len(args) > 1 {
		return rt.NewError(rt.TypeErrorClass, "Counter."+name+"() takes from 1 to 2 positional arguments but "+itoa(len(args)+1)+" were given")
	}
	d := selfDict(self)
	op := rt.OpAdd
	if sign < 0 {
		op = rt.OpSub
	}
	copyOnly := false // updating an empty counter from a mapping copies it
	add := func(k, n rt.Value) error {
		old, err := getOr(th, d, k)
		if err != nil {
			return err
		}
		var v rt.Value
		if copyOnly {
			v = n
		} else if sign < 0 {
			v, err = rt.BinaryOp(th, op, old, n)
		} else {
			v, err = rt.BinaryOp(th, op, n, old)
		}
		if err != nil {
			return err
		}
		return d.Set(th, k, v)
	}
	one := rt.MakeInt(1)
	if len(args) == 1 && args[0] != rt.None {
		if isMapping(args[0]) {
			copyOnly = sign > 0 && d.Len() == 0
			items, err := mappingItems(th, args[0])
			if err != nil {
				return err
			}
			for _, kv := range items {
				if err := add(kv[0], kv[1]); err != nil {
					return err
				}
			}
		} else {
			it, err := rt.Iter(th, args[0])
			if err != nil {
				return err
			}
			for {
				x, ok, err := it.Next(th)
				if err != nil {
					return err
				}
				if !ok {
					break
				}
				old, found, err := d.Get(th, x)
				if err != nil {
					return err
				}
				if n, isInt := old.(rt.Int); found && isInt && n > -1<<62 && n < 1<<62 {
					d.Set(th, x, rt.MakeInt(int64(n)+int64(sign)))
					continue
				}
				if !found {
					old = zero
				}
				v, err := rt.BinaryOp(th, op, old, one)
				if err != nil {
					return err
				}
				if err := d.Set(th, x, v); err != nil {
					return err
				}
			}
		}
	}
	copyOnly = sign > 0 && d.Len() == 0
	for i := range kw.Len() {
		if err := add(rt.Str(kw.Names[i]), kw.Values[i]); err != nil {
			return err
		}
	}
	return nil
}

func init() {
	c := counterClass
	stdMethod(c, "__init__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if len(args) > 1 {
			return nil, rt.NewError(rt.TypeErrorClass, "Counter.__init__() takes from 1 to 2 positional arguments but "+itoa(len(args)+1)+" were given")
		}
		if m, _, _ := rt.TypeOf(self).Lookup("update"); m != nil {
			if b, ok := m.(*rt.Builtin); !ok || b.Name != "update" {
				_, err := rt.Call(th, m, append([]rt.Value{self}, args...), kw)
				return rt.None, err
			}
		}
		return rt.None, counterUpdate(th, self, "update", args, kw, 1)
	})
	stdMethod(c, "update", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.None, counterUpdate(th, self, "update", args, kw, 1)
	})
	stdMethod(c, "subtract", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.None, counterUpdate(th, self, "subtract", args, kw, -1)
	})
	stdMethod(c, "__missing__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("__missing__", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return zero, nil
	})
	stdMethod(c, "__delitem__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("__delitem__", args, kw, 1, 1); err != nil {
			return nil, err
		}
		_, err := selfDict(self).Delete(th, args[0])
		return rt.None, err
	})
	stdMethod(c, "total", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("total", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return rt.Sum(th, rt.NewList(selfDict(self).Values()), zero)
	})
	stdMethod(c, "most_common", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("most_common", args, kw, []string{"n"}, 0)
		if err != nil {
			return nil, err
		}
		items, err := mostCommon(th, selfDict(self))
		if err != nil {
			return nil, err
		}
		if a[0] != nil && a[0] != rt.None {
			n, err := stdInt(th, a[0])
			if err != nil {
				return nil, err
			}
			items = items[:max(0, min(int64(len(items)), n))]
		}
		out := make([]rt.Value, len(items))
		for i, kv := range items {
			out[i] = kv
		}
		return rt.NewList(out), nil
	})
	stdMethod(c, "elements", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("elements", args, kw, 0, 0); err != nil {
			return nil, err
		}
		items := selfDict(self).Items()
		i, left := 0, int64(-1)
		return &stdIter{cls: chainClass, next: func(th *rt.Thread) (rt.Value, bool, error) {
			for i < len(items) {
				if left < 0 {
					n, err := stdInt(th, items[i][1])
					if err != nil {
						return nil, false, err
					}
					left = max(n, 0)
				}
				if left > 0 {
					left--
					return items[i][0], true, nil
				}
				i, left = i+1, -1
			}
			return nil, false, nil
		}}, nil
	})
	c.Dict.Set("fromkeys", &rt.ClassMethod{Fn: stdFn("fromkeys", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return nil, rt.NewError(rt.NotImplementedErrorClass, "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")
	})})
	stdMethod(c, "__repr__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return reprMap(th, self, func() (string, error) {
			d := rt.NewDict()
			items, err := mostCommon(th, selfDict(self))
			if err != nil {
				if e, ok := err.(*rt.Instance); !ok || !e.Class.IsSubclass(rt.TypeErrorClass) {
					return "", err
				}
				items = selfDict(self).Items()
			}
			for _, kv := range items {
				d.Set(th, kv[0], kv[1])
			}
			return d.Repr(th)
		})
	})
	for _, cmp := range []struct {
		name string
		op   rt.CmpOp
	}{{"__le__", rt.CmpLe}, {"__lt__", rt.CmpLt}, {"__ge__", rt.CmpGe}, {"__gt__", rt.CmpGt}} {
		stdMethod(c, cmp.name, func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos(cmp.name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			if !rt.TypeOf(args[0]).IsSubclass(counterClass) {
				return rt.NotImplemented, nil
			}
			a, b := selfDict(self), selfDict(args[0])
			var r bool
			var err error
			switch cmp.op {
			case rt.CmpLe, rt.CmpLt:
				r, err = counterLE(th, a, b, rt.CmpLe)
			default:
				r, err = counterLE(th, b, a, rt.CmpLe)
			}
			if err == nil && r && (cmp.op == rt.CmpLt || cmp.op == rt.CmpGt) {
				var eq bool
				eq, err = counterLE(th, a, b, rt.CmpEq)
				r = !eq
			}
			return rt.MakeBool(r), err
		})
	}
	counterBinary("__add__", binop(rt.OpAdd), keepPositive)
	counterBinary("__sub__", binop(rt.OpSub), func(th *rt.Thread, count rt.Value) (rt.Value, bool, error) {
		neg, err := cmp0(th, rt.CmpLt, count)
		if !neg || err != nil {
			return nil, false, err
		}
		v, err := rt.BinaryOp(th, rt.OpSub, zero, count)
		return v, true, err
	})
	counterBinary("__or__", func(th *rt.Thread, x, y rt.Value) (rt.Value, error) {
		r, err := rt.Compare(th, rt.CmpLt, x, y)
		if err != nil {
			return nil, err
		}
		if t, _ := rt.Truth(th, r); t {
			return y, nil
		}
		return x, nil
	}, keepPositive)
	counterBinary("__and__", func(th *rt.Thread, x, y rt.Value) (rt.Value, error) {
		r, err := rt.Compare(th, rt.CmpLt, x, y)
		if err != nil {
			return nil, err
		}
		if t, _ := rt.Truth(th, r); t {
			return x, nil
		}
		return y, nil
	}, func(th *rt.Thread, count rt.Value) (rt.Value, bool, error) { return nil, false, nil })
	unary := func(name string, keep rt.CmpOp) {
		stdMethod(c, name, func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			res, rd := newCounter(th)
			for _, kv := range selfDict(self).Items() {
				ok, err := cmp0(th, keep, kv[1])
				if err != nil {
					return nil, err
				}
				if !ok {
					continue
				}
				v := kv[1]
				if keep == rt.CmpLt {
					if v, err = rt.BinaryOp(th, rt.OpSub, zero, v); err != nil {
						return nil, err
					}
				}
				rd.Set(th, kv[0], v)
			}
			return res, nil
		})
	}
	unary("__pos__", rt.CmpGt)
	unary("__neg__", rt.CmpLt)
	inplace := func(name string, f func(th *rt.Thread, d *rt.Dict, k, count rt.Value) error) {
		stdMethod(c, name, func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos(name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			if !rt.TypeOf(args[0]).IsSubclass(counterClass) {
				return rt.NotImplemented, nil
			}
			d := selfDict(self)
			for _, kv := range selfDict(args[0]).Items() {
				if err := f(th, d, kv[0], kv[1]); err != nil {
					return nil, err
				}
			}
			return self, counterKeepPositive(th, d)
		})
	}
	inplace("__iadd__", func(th *rt.Thread, d *rt.Dict, k, count rt.Value) error {
		old, err := getOr(th, d, k)
		if err != nil {
			return err
		}
		v, err := rt.BinaryOp(th, rt.OpAdd, old, count)
		if err != nil {
			return err
		}
		return d.Set(th, k, v)
	})
	inplace("__isub__", func(th *rt.Thread, d *rt.Dict, k, count rt.Value) error {
		old, err := getOr(th, d, k)
		if err != nil {
			return err
		}
		v, err := rt.BinaryOp(th, rt.OpSub, old, count)
		if err != nil {
			return err
		}
		return d.Set(th, k, v)
	})
	inplace("__ior__", func(th *rt.Thread, d *rt.Dict, k, count rt.Value) error {
		old, err := getOr(th, d, k)
		if err != nil {
			return err
		}
		r, err := rt.Compare(th, rt.CmpGt, count, old)
		if err != nil {
			return err
		}
		if t, _ := rt.Truth(th, r); t {
			return d.Set(th, k, count)
		}
		return nil
	})
	// &= walks self's items rather than other's.
	stdMethod(c, "__iand__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("__iand__", args, kw, 1, 1); err != nil {
			return nil, err
		}
		if !rt.TypeOf(args[0]).IsSubclass(counterClass) {
			return rt.NotImplemented, nil
		}
		d, o := selfDict(self), selfDict(args[0])
		for _, kv := range d.Items() {
			other, err := counterGet(th, o, kv[0])
			if err != nil {
				return nil, err
			}
			r, err := rt.Compare(th, rt.CmpLt, other, kv[1])
			if err != nil {
				return nil, err
			}
			if t, _ := rt.Truth(th, r); t {
				d.Set(th, kv[0], other)
			}
		}
		return self, counterKeepPositive(th, d)
	})
	defineMapClass(c)
}
