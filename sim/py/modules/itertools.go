package modules

import (
	"math/big"

	rt "asyncplay/sim/py/runtime"
)

// itertools: iterators written in Go, each a stdIter of its class.

func itClass(name string) *rt.Class { return stdIterClass(stdClass(name, "itertools")) }

var (
	countClass          = itClass("count")
	cycleClass          = itClass("cycle")
	repeatClass         = itClass("repeat")
	accumulateClass     = itClass("accumulate")
	chainClass          = itClass("chain")
	compressClass       = itClass("compress")
	dropwhileClass      = itClass("dropwhile")
	takewhileClass      = itClass("takewhile")
	filterfalseClass    = itClass("filterfalse")
	isliceClass         = itClass("islice")
	starmapClass        = itClass("starmap")
	zipLongestClass     = itClass("zip_longest")
	pairwiseClass       = itClass("pairwise")
	groupbyClass        = itClass("groupby")
	grouperClass        = itClass("_grouper")
	teeClass            = itClass("_tee")
	productClass        = itClass("product")
	permutationsClass   = itClass("permutations")
	combinationsClass   = itClass("combinations")
	combinationsWRClass = itClass("combinations_with_replacement")
)

// itCtor registers the constructor of an itertools class.
func itCtor(c *rt.Class, f func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error)) {
	rt.SetConstructor(c, func(th *rt.Thread, _ *rt.Class, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return f(th, args, kw)
	})
}

// isNumber is PyNumber_Check for the runtime's values.
func isNumber(v rt.Value) bool {
	switch v.(type) {
	case rt.Int, *big.Int, rt.Float, rt.Bool:
		return true
	case *rt.Instance:
		for _, m := range []string{"__index__", "__int__", "__float__", "__add__"} {
			if _, _, ok := rt.TypeOf(v).Lookup(m); ok {
				return true
			}
		}
	}
	return false
}

// truthOf calls pred(x) and takes its truth.
func truthOf(th *rt.Thread, pred, x rt.Value) (bool, error) {
	r, err := rt.Call(th, pred, []rt.Value{x}, nil)
	if err != nil {
		return false, err
	}
	return rt.Truth(th, r)
}

func newCount(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	a, err := stdArgs("count", args, kw, []string{"start", "step"}, 0)
	if err != nil {
		return nil, err
	}
	cur, step := a[0], a[1]
	if cur == nil {
		cur = zero
	}
	if step == nil {
		step = rt.MakeInt(1)
	}
	if !isNumber(cur) || !isNumber(step) {
		return nil, rt.NewError(rt.TypeErrorClass, "a number is required")
	}
	return &stdIter{cls: countClass,
		next: func(th *rt.Thread) (rt.Value, bool, error) {
			v := cur
			n, err := rt.BinaryOp(th, rt.OpAdd, cur, step)
			if err != nil {
				return nil, false, err
			}
			cur = n
			return v, true, nil
		},
		repr: func(th *rt.Thread) (string, error) {
			s, err := rt.Repr(th, cur)
			if err != nil {
				return "", err
			}
			if n, ok := step.(rt.Int); !ok || n != 1 {
				t, err := rt.Repr(th, step)
				if err != nil {
					return "", err
				}
				s += ", " + t
			}
			return "count(" + s + ")", nil
		}}, nil
}

func newRepeat(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	a, err := stdArgs("repeat", args, kw, []string{"object", "times"}, 1)
	if err != nil {
		return nil, err
	}
	left := int64(-1)
	if a[1] != nil {
		if left, err = stdInt(th, a[1]); err != nil {
			return nil, err
		}
		left = max(left, 0)
	}
	obj := a[0]
	return &stdIter{cls: repeatClass,
		next: func(th *rt.Thread) (rt.Value, bool, error) {
			if left == 0 {
				return nil, false, nil
			}
			if left > 0 {
				left--
			}
			return obj, true, nil
		},
		repr: func(th *rt.Thread) (string, error) {
			s, err := rt.Repr(th, obj)
			if left >= 0 {
				s += ", " + itoa(int(left))
			}
			return "repeat(" + s + ")", err
		}}, nil
}

// chainOf chains the iterables an iterator yields.
func chainOf(sources rt.Iterator) rt.Value {
	var cur rt.Iterator
	return &stdIter{cls: chainClass, next: func(th *rt.Thread) (rt.Value, bool, error) {
		for {
			if cur == nil {
				if sources == nil {
					return nil, false, nil
				}
				src, ok, err := sources.Next(th)
				if err != nil {
					return nil, false, err
				}
				if !ok {
					sources = nil
					return nil, false, nil
				}
				if cur, err = rt.Iter(th, src); err != nil {
					return nil, false, err
				}
			}
			x, ok, err := cur.Next(th)
			if err != nil || ok {
				return x, ok, err
			}
			cur = nil
		}
	}}
}

// ssize is PyNumber_AsSsize_t(v, PyExc_OverflowError) with the error
// cleared: ok is false for values that are not integers or do not fit.
func ssize(th *rt.Thread, v rt.Value) (int64, bool) {
	x, err := rt.IndexValue(th, v)
	if err != nil {
		return 0, false
	}
	switch x := x.(type) {
	case rt.Int:
		return int64(x), true
	}
	return 0, false // big ints overflow: invalid for islice too
}

func newIslice(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	if err := stdPos("islice", args, kw, 2, 4); err != nil {
		return nil, err
	}
	start, stop, step := int64(0), int64(-1), int64(1)
	readStop := func(v rt.Value) error {
		if v == rt.None {
			return nil
		}
		s, ok := ssize(th, v)
		if !ok || s == -1 {
			return rt.NewError(rt.ValueErrorClass, "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
		}
		stop = s
		return nil
	}
	if len(args) == 2 {
		if err := readStop(args[1]); err != nil {
			return nil, err
		}
	} else {
		if args[1] != rt.None {
			s, ok := ssize(th, args[1])
			if !ok {
				s = -1
			}
			start = s
		}
		if err := readStop(args[2]); err != nil {
			return nil, err
		}
	}
	if start < 0 || stop < -1 {
		return nil, rt.NewError(rt.ValueErrorClass, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
	}
	if len(args) == 4 && args[3] != rt.None {
		s, ok := ssize(th, args[3])
		if !ok {
			s = -1
		}
		step = s
	}
	if step < 1 {
		return nil, rt.NewError(rt.ValueErrorClass, "Step for islice() must be a positive integer or None.")
	}
	it, err := rt.Iter(th, args[0])
	if err != nil {
		return nil, err
	}
	cnt, next := int64(0), start
	return &stdIter{cls: isliceClass, next: func(th *rt.Thread) (rt.Value, bool, error) {
		if it == nil {
			return nil, false, nil
		}
		for cnt < next {
			_, ok, err := it.Next(th)
			if err != nil || !ok {
				it = nil
				return nil, false, err
			}
			cnt++
		}
		if stop != -1 && cnt >= stop {
			it = nil
			return nil, false, nil
		}
		x, ok, err := it.Next(th)
		if err != nil || !ok {
			it = nil
			return nil, false, err
		}
		cnt++
		old := next
		next += step
		if next < old || (stop != -1 && next > stop) {
			next = stop
		}
		return x, true, nil
	}}, nil
}

func init() {
	itCtor(countClass, newCount)
	itCtor(repeatClass, newRepeat)
	itCtor(isliceClass, newIslice)
	itCtor(cycleClass, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("cycle", args, kw, 1, 1); err != nil {
			return nil, err
		}
		it, err := rt.Iter(th, args[0])
		if err != nil {
			return nil, err
		}
		var saved []rt.Value
		i := 0
		return &stdIter{cls: cycleClass, next: func(th *rt.Thread) (rt.Value, bool, error) {
			if it != nil {
				x, ok, err := it.Next(th)
				if err != nil {
					return nil, false, err
				}
				if ok {
					saved = append(saved, x)
					return x, true, nil
				}
				it = nil
			}
			if len(saved) == 0 {
				return nil, false, nil
			}
			x := saved[i%len(saved)]
			i++
			return x, true, nil
		}}, nil
	})
	itCtor(accumulateClass, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("accumulate", args, kw, []string{"iterable", "func", "initial"}, 1)
		if err != nil {
			return nil, err
		}
		it, err := rt.Iter(th, a[0])
		if err != nil {
			return nil, err
		}
		f := a[1]
		var total rt.Value
		if a[2] != nil && a[2] != rt.None {
			total = a[2]
		}
		first := total != nil
		return &stdIter{cls: accumulateClass, next: func(th *rt.Thread) (rt.Value, bool, error) {
			if first {
				first = false
				return total, true, nil
			}
			x, ok, err := it.Next(th)
			if err != nil || !ok {
				return nil, false, err
			}
			if total == nil {
				total = x
			} else if f == nil || f == rt.None {
				total, err = rt.BinaryOp(th, rt.OpAdd, total, x)
			} else {
				total, err = rt.Call(th, f, []rt.Value{total, x}, nil)
			}
			return total, err == nil, err
		}}, nil
	})
	itCtor(chainClass, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdNoKw("chain", kw); err != nil {
			return nil, err
		}
		srcs, _ := rt.Iter(th, rt.Tuple(append([]rt.Value(nil), args...)))
		return chainOf(srcs), nil
	})
	chainClass.Dict.Set("from_iterable", &rt.ClassMethod{Fn: stdFn("from_iterable", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("from_iterable", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		srcs, err := rt.Iter(th, args[1])
		if err != nil {
			return nil, err
		}
		return chainOf(srcs), nil
	})})
	itCtor(compressClass, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("compress", args, kw, []string{"data", "selectors"}, 2)
		if err != nil {
			return nil, err
		}
		data, err := rt.Iter(th, a[0])
		if err != nil {
			return nil, err
		}
		sel, err := rt.Iter(th, a[1])
		if err != nil {
			return nil, err
		}
		return &stdIter{cls: compressClass, next: func(th *rt.Thread) (rt.Value, bool, error) {
			for {
				x, ok, err := data.Next(th)
				if err != nil || !ok {
					return nil, false, err
				}
				s, ok, err := sel.Next(th)
				if err != nil || !ok {
					return nil, false, err
				}
				if t, err := rt.Truth(th, s); err != nil || t {
					return x, err == nil, err
				}
			}
		}}, nil
	})
	whileIter := func(name string, c *rt.Class, drop bool) {
		itCtor(c, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos(name, args, kw, 2, 2); err != nil {
				return nil, err
			}
			pred := args[0]
			it, err := rt.Iter(th, args[1])
			if err != nil {
				return nil, err
			}
			done := false // dropwhile: dropping is over; takewhile: taking is over
			return &stdIter{cls: c, next: func(th *rt.Thread) (rt.Value, bool, error) {
				for {
					if done && !drop {
						return nil, false, nil
					}
					x, ok, err := it.Next(th)
					if err != nil || !ok {
						return nil, false, err
					}
					if done {
						return x, true, nil
					}
					t, err := truthOf(th, pred, x)
					if err != nil {
						return nil, false, err
					}
					if drop {
						if !t {
							done = true
							return x, true, nil
						}
						continue
					}
					if t {
						return x, true, nil
					}
					done = true
				}
			}}, nil
		})
	}
	whileIter("dropwhile", dropwhileClass, true)
	whileIter("takewhile", takewhileClass, false)
	itCtor(filterfalseClass, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("filterfalse", args, kw, 2, 2); err != nil {
			return nil, err
		}
		pred := args[0]
		it, err := rt.Iter(th, args[1])
		if err != nil {
			return nil, err
		}
		return &stdIter{cls: filterfalseClass, next: func(th *rt.Thread) (rt.Value, bool, error) {
			for {
				x, ok, err := it.Next(th)
				if err != nil || !ok {
					return nil, false, err
				}
				var t bool
				if pred == rt.None {
					t, err = rt.Truth(th, x)
				} else {
					t, err = truthOf(th, pred, x)
				}
				if err != nil {
					return nil, false, err
				}
				if !t {
					return x, true, nil
				}
			}
		}}, nil
	})
	itCtor(starmapClass, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("starmap", args, kw, 2, 2); err != nil {
			return nil, err
		}
		f := args[0]
		it, err := rt.Iter(th, args[1])
		if err != nil {
			return nil, err
		}
		return &stdIter{cls: starmapClass, next: func(th *rt.Thread) (rt.Value, bool, error) {
			x, ok, err := it.Next(th)
			if err != nil || !ok {
				return nil, false, err
			}
			a, err := rt.Collect(th, x)
			if err != nil {
				return nil, false, err
			}
			r, err := rt.Call(th, f, a, nil)
			return r, err == nil, err
		}}, nil
	})
	itCtor(zipLongestClass, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		var fill rt.Value = rt.None
		for i := range kw.Len() {
			if kw.Names[i] != "fillvalue" {
				return nil, rt.NewError(rt.TypeErrorClass, "zip_longest() got an unexpected keyword argument")
			}
			fill = kw.Values[i]
		}
		its := make([]rt.Iterator, len(args))
		for i, a := range args {
			it, err := rt.Iter(th, a)
			if err != nil {
				return nil, err
			}
			its[i] = it
		}
		active := len(its)
		return &stdIter{cls: zipLongestClass, next: func(th *rt.Thread) (rt.Value, bool, error) {
			if active == 0 {
				return nil, false, nil
			}
			out := make(rt.Tuple, len(its))
			for i, it := range its {
				if it == nil {
					out[i] = fill
					continue
				}
				x, ok, err := it.Next(th)
				if err != nil {
					return nil, false, err
				}
				if !ok {
					its[i] = nil
					if active--; active == 0 {
						return nil, false, nil
					}
					x = fill
				}
				out[i] = x
			}
			return out, true, nil
		}}, nil
	})
	itCtor(pairwiseClass, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("pairwise", args, kw, 1, 1); err != nil {
			return nil, err
		}
		it, err := rt.Iter(th, args[0])
		if err != nil {
			return nil, err
		}
		var prev rt.Value
		return &stdIter{cls: pairwiseClass, next: func(th *rt.Thread) (rt.Value, bool, error) {
			if it == nil {
				return nil, false, nil
			}
			if prev == nil {
				x, ok, err := it.Next(th)
				if err != nil || !ok {
					it = nil
					return nil, false, err
				}
				prev = x
			}
			x, ok, err := it.Next(th)
			if err != nil || !ok {
				it = nil
				return nil, false, err
			}
			pair := rt.Tuple{prev, x}
			prev = x
			return pair, true, nil
		}}, nil
	})

	register("itertools", func(in *rt.Interp) *rt.Module {
		m := newModule("itertools")
		for _, c := range []*rt.Class{countClass, cycleClass, repeatClass, accumulateClass, chainClass, compressClass,
			dropwhileClass, takewhileClass, filterfalseClass, isliceClass, starmapClass, zipLongestClass, pairwiseClass,
			groupbyClass, productClass, permutationsClass, combinationsClass, combinationsWRClass} {
			m.NS.Set(c.Name, c)
		}
		fn(m, "tee", tee)
		return m
	})
}
