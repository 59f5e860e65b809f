package modules

import (
	rt "asyncplay/sim/py/runtime"
)

// itertools' groupby and tee, and the combinatoric iterators.

// groupby is CPython's groupbyobject: the groups share the source, and
// advancing the groupby ends the group handed out before.
type groupby struct {
	it                         rt.Iterator
	keyfunc                    rt.Value // nil: the items are the keys
	tgtkey, currkey, currvalue rt.Value // nil: unset
	currgrouper                *stdIter
}

func (g *groupby) step(th *rt.Thread) (bool, error) {
	v, ok, err := g.it.Next(th)
	if err != nil || !ok {
		return false, err
	}
	k := v
	if g.keyfunc != nil {
		if k, err = rt.Call(th, g.keyfunc, []rt.Value{v}, nil); err != nil {
			return false, err
		}
	}
	g.currvalue, g.currkey = v, k
	return true, nil
}

func newGroupby(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	a, err := stdArgs("groupby", args, kw, []string{"iterable", "key"}, 1)
	if err != nil {
		return nil, err
	}
	it, err := rt.Iter(th, a[0])
	if err != nil {
		return nil, err
	}
	g := &groupby{it: it}
	if a[1] != nil && a[1] != rt.None {
		g.keyfunc = a[1]
	}
	return &stdIter{cls: groupbyClass, next: func(th *rt.Thread) (rt.Value, bool, error) {
		for {
			if g.currkey != nil {
				if g.tgtkey == nil {
					break
				}
				eq, err := rt.Equal(th, g.tgtkey, g.currkey)
				if err != nil {
					return nil, false, err
				}
				if !eq {
					break
				}
			}
			ok, err := g.step(th)
			if err != nil || !ok {
				return nil, false, err
			}
		}
		g.tgtkey = g.currkey
		tgt := g.tgtkey
		var grouper *stdIter
		grouper = &stdIter{cls: grouperClass, next: func(th *rt.Thread) (rt.Value, bool, error) {
			if g.currgrouper != grouper {
				return nil, false, nil
			}
			if g.currvalue == nil {
				ok, err := g.step(th)
				if err != nil || !ok {
					return nil, false, err
				}
			}
			eq, err := rt.Equal(th, tgt, g.currkey)
			if err != nil || !eq {
				return nil, false, err
			}
			v := g.currvalue
			g.currvalue = nil
			return v, true, nil
		}}
		g.currgrouper = grouper
		return rt.Tuple{g.currkey, grouper}, true, nil
	}}, nil
}

// teeShared is the buffer the iterators of one tee() read from.
type teeShared struct {
	it   rt.Iterator
	buf  []rt.Value // item number base first
	base int64
	pos  []*int64 // each iterator's position
}

func (s *teeShared) trim() {
	low := *s.pos[0]
	for _, p := range s.pos[1:] {
		low = min(low, *p)
	}
	if drop := low - s.base; drop > 0 {
		s.buf = append([]rt.Value(nil), s.buf[drop:]...)
		s.base = low
	}
}

func (s *teeShared) iterator() *stdIter {
	pos := new(int64)
	*pos = s.base
	s.pos = append(s.pos, pos)
	return &stdIter{cls: teeClass, next: func(th *rt.Thread) (rt.Value, bool, error) {
		if *pos >= s.base+int64(len(s.buf)) {
			if s.it == nil {
				return nil, false, nil
			}
			x, ok, err := s.it.Next(th)
			if err != nil {
				return nil, false, err
			}
			if !ok {
				s.it = nil
				return nil, false, nil
			}
			s.buf = append(s.buf, x)
		}
		x := s.buf[*pos-s.base]
		*pos++
		if len(s.pos) > 0 && len(s.buf) > 64 {
			s.trim()
		}
		return x, true, nil
	}}
}

func tee(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	if err := stdPos("tee", args, kw, 1, 2); err != nil {
		return nil, err
	}
	n := int64(2)
	if len(args) == 2 {
		var err error
		if n, err = stdInt(th, args[1]); err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, rt.NewError(rt.ValueErrorClass, "n must be >= 0")
		}
	}
	it, err := rt.Iter(th, args[0])
	if err != nil {
		return nil, err
	}
	s := &teeShared{it: it}
	out := make(rt.Tuple, n)
	for i := range out {
		out[i] = s.iterator()
	}
	return out, nil
}

// pick makes the tuple of pool items at indices.
func pick(pool []rt.Value, indices []int) rt.Tuple {
	t := make(rt.Tuple, len(indices))
	for i, j := range indices {
		t[i] = pool[j]
	}
	return t
}

// rArg reads the r argument of the combinatoric iterators.
func rArg(th *rt.Thread, v rt.Value, n int) (int, error) {
	if v == nil || v == rt.None {
		return n, nil
	}
	r, err := stdInt(th, v)
	if err != nil {
		return 0, err
	}
	if r < 0 {
		return 0, rt.NewError(rt.ValueErrorClass, "r must be non-negative")
	}
	return int(min(r, 1<<31)), nil
}

// combIter yields first, then whatever advance produces until it
// reports the end.
func combIter(cls *rt.Class, empty bool, first func() rt.Tuple, advance func() (rt.Tuple, bool)) *stdIter {
	started, done := false, empty
	return &stdIter{cls: cls, next: func(th *rt.Thread) (rt.Value, bool, error) {
		if done {
			return nil, false, nil
		}
		if !started {
			started = true
			return first(), true, nil
		}
		t, ok := advance()
		if !ok {
			done = true
			return nil, false, nil
		}
		return t, true, nil
	}}
}

func init() {
	itCtor(groupbyClass, newGroupby)
	itCtor(productClass, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		repeat := int64(1)
		for i := range kw.Len() {
			if kw.Names[i] != "repeat" {
				return nil, rt.NewError(rt.TypeErrorClass, "product() got an unexpected keyword argument '"+kw.Names[i]+"'")
			}
			var err error
			if repeat, err = stdInt(th, kw.Values[i]); err != nil {
				return nil, err
			}
			if repeat < 0 {
				return nil, rt.NewError(rt.ValueErrorClass, "repeat argument cannot be negative")
			}
		}
		var base [][]rt.Value
		for _, a := range args {
			items, err := rt.Collect(th, a)
			if err != nil {
				return nil, err
			}
			base = append(base, items)
		}
		var pools [][]rt.Value
		for range repeat {
			pools = append(pools, base...)
		}
		empty := false
		for _, p := range pools {
			if len(p) == 0 {
				empty = true
			}
		}
		idx := make([]int, len(pools))
		tuple := func() rt.Tuple {
			t := make(rt.Tuple, len(pools))
			for i, p := range pools {
				t[i] = p[idx[i]]
			}
			return t
		}
		return combIter(productClass, empty, tuple, func() (rt.Tuple, bool) {
			for i := len(pools) - 1; i >= 0; i-- {
				idx[i]++
				if idx[i] < len(pools[i]) {
					return tuple(), true
				}
				idx[i] = 0
			}
			return nil, false
		}), nil
	})
	itCtor(permutationsClass, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("permutations", args, kw, []string{"iterable", "r"}, 1)
		if err != nil {
			return nil, err
		}
		pool, err := rt.Collect(th, a[0])
		if err != nil {
			return nil, err
		}
		n := len(pool)
		r, err := rArg(th, a[1], n)
		if err != nil {
			return nil, err
		}
		if r > n {
			return combIter(permutationsClass, true, nil, nil), nil
		}
		indices := make([]int, n)
		for i := range indices {
			indices[i] = i
		}
		cycles := make([]int, r)
		for i := range cycles {
			cycles[i] = n - i
		}
		return combIter(permutationsClass, false, func() rt.Tuple { return pick(pool, indices[:r]) }, func() (rt.Tuple, bool) {
			if n == 0 {
				return nil, false
			}
			for i := r - 1; i >= 0; i-- {
				cycles[i]--
				if cycles[i] == 0 {
					first := indices[i]
					copy(indices[i:], indices[i+1:])
					indices[n-1] = first
					cycles[i] = n - i
				} else {
					j := cycles[i]
					indices[i], indices[n-j] = indices[n-j], indices[i]
					return pick(pool, indices[:r]), true
				}
			}
			return nil, false
		}), nil
	})
	itCtor(combinationsClass, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := clinicArgs("combinations", args, kw, []string{"iterable", "r"})
		if err != nil {
			return nil, err
		}
		pool, err := rt.Collect(th, a[0])
		if err != nil {
			return nil, err
		}
		n := len(pool)
		r, err := rArg(th, a[1], n)
		if err != nil {
			return nil, err
		}
		indices := make([]int, 0, r)
		for i := range min(r, n) {
			indices = append(indices, i)
		}
		return combIter(combinationsClass, r > n, func() rt.Tuple { return pick(pool, indices) }, func() (rt.Tuple, bool) {
			i := r - 1
			for i >= 0 && indices[i] == i+n-r {
				i--
			}
			if i < 0 {
				return nil, false
			}
			indices[i]++
			for j := i + 1; j < r; j++ {
				indices[j] = indices[j-1] + 1
			}
			return pick(pool, indices), true
		}), nil
	})
	itCtor(combinationsWRClass, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := clinicArgs("combinations_with_replacement", args, kw, []string{"iterable", "r"})
		if err != nil {
			return nil, err
		}
		pool, err := rt.Collect(th, a[0])
		if err != nil {
			return nil, err
		}
		n := len(pool)
		r, err := rArg(th, a[1], n)
		if err != nil {
			return nil, err
		}
		indices := make([]int, r)
		return combIter(combinationsWRClass, n == 0 && r > 0, func() rt.Tuple { return pick(pool, indices) }, func() (rt.Tuple, bool) {
			i := r - 1
			for i >= 0 && indices[i] == n-1 {
				i--
			}
			if i < 0 {
				return nil, false
			}
			v := indices[i] + 1
			for j := i; j < r; j++ {
				indices[j] = v
			}
			return pick(pool, indices), true
		}), nil
	})
}

// clinicArgs unpacks required arguments that may be given by keyword, in
// Argument Clinic's words: "combinations() missing required argument 'r'
// (pos 2)".
func clinicArgs(name string, args []rt.Value, kw *rt.Kwargs, params []string) ([]rt.Value, error) {
	if len(args) > len(params) {
		return nil, rt.NewError(rt.TypeErrorClass, name+"() takes at most "+itoa(len(params))+" arguments ("+itoa(len(args)+kw.Len())+" given)")
	}
	a, err := stdArgs(name, args, kw, params, 0)
	if err != nil {
		return nil, err
	}
	for i, v := range a {
		if v == nil {
			return nil, rt.NewError(rt.TypeErrorClass, name+"() missing required argument '"+params[i]+"' (pos "+itoa(i+1)+")")
		}
	}
	return a, nil
}
