package modules

import (
	"strings"

	rt "asyncplay/sim/py/runtime"
)

// functools: partial, reduce, wraps and update_wrapper, lru_cache and
// cache, total_ordering, cmp_to_key, cached_property.

var (
	partialClass        = stdClass("partial", "functools")
	lruWrapperClass     = stdClass("_lru_cache_wrapper", "functools")
	cmpKeyClass         = stdClass("KeyWrapper", "functools")
	cachedPropertyClass = stdClass("cached_property", "functools")
	cacheInfoClass      = newNamedTuple(&ntSpec{name: "CacheInfo", fields: []string{"hits", "misses", "maxsize", "currsize"}, builtin: true}, "functools")
)

// partialObj is functools.partial(func, *args, **keywords).
type partialObj struct {
	fn   rt.Value
	args rt.Tuple
	kw   *rt.Dict
	ns   *rt.Namespace
}

func (p *partialObj) Type() *rt.Class { return partialClass }

func (p *partialObj) Namespace() *rt.Namespace {
	if p.ns == nil {
		p.ns = rt.NewNamespace()
	}
	return p.ns
}

func (p *partialObj) Attr(th *rt.Thread, name string) (rt.Value, bool, error) {
	switch name {
	case "func":
		return p.fn, true, nil
	case "args":
		return p.args, true, nil
	case "keywords":
		return p.kw, true, nil
	case "__dict__":
		d := rt.NewDict()
		for _, k := range p.Namespace().Keys() {
			v, _ := p.ns.Get(k)
			d.SetStr(k, v)
		}
		return d, true, nil
	}
	return nil, false, nil
}

func (p *partialObj) Call(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	all := make([]rt.Value, 0, len(p.args)+len(args))
	all = append(append(all, p.args...), args...)
	var k *rt.Kwargs
	if p.kw.Len() > 0 || kw.Len() > 0 {
		merged := rt.NewDict()
		for _, kv := range p.kw.Items() {
			merged.Set(th, kv[0], kv[1])
		}
		for i := range kw.Len() {
			merged.SetStr(kw.Names[i], kw.Values[i])
		}
		k = &rt.Kwargs{}
		for _, kv := range merged.Items() {
			name, _ := kv[0].(rt.Str)
			k.Names = append(k.Names, string(name))
			k.Values = append(k.Values, kv[1])
		}
	}
	return rt.Call(th, p.fn, all, k)
}

func (p *partialObj) Repr(th *rt.Thread) (string, error) {
	parts := []string{}
	s, err := rt.Repr(th, p.fn)
	if err != nil {
		return "", err
	}
	parts = append(parts, s)
	for _, a := range p.args {
		s, err := rt.Repr(th, a)
		if err != nil {
			return "", err
		}
		parts = append(parts, s)
	}
	for _, kv := range p.kw.Items() {
		s, err := rt.Repr(th, kv[1])
		if err != nil {
			return "", err
		}
		k, _ := rt.StrOf(th, kv[0])
		parts = append(parts, k+"="+s)
	}
	return "functools.partial(" + strings.Join(parts, ", ") + ")", nil
}

func newPartial(th *rt.Thread, c *rt.Class, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	if len(args) == 0 {
		return nil, rt.NewError(rt.TypeErrorClass, "type 'partial' takes at least one argument")
	}
	if !rt.IsCallable(args[0]) {
		return nil, rt.NewError(rt.TypeErrorClass, "the first argument must be callable")
	}
	p := &partialObj{fn: args[0], args: append(rt.Tuple{}, args[1:]...), kw: rt.NewDict()}
	if inner, ok := args[0].(*partialObj); ok {
		p.fn = inner.fn
		p.args = append(append(rt.Tuple{}, inner.args...), p.args...)
		for _, kv := range inner.kw.Items() {
			p.kw.Set(th, kv[0], kv[1])
		}
	}
	for i := range kw.Len() {
		p.kw.SetStr(kw.Names[i], kw.Values[i])
	}
	return p, nil
}

// updateWrapper is functools.update_wrapper(wrapper, wrapped): copy the
// wrapped function's identity and __dict__, and set __wrapped__.
func updateWrapper(th *rt.Thread, wrapper, wrapped rt.Value) error {
	for _, name := range []string{"__module__", "__name__", "__qualname__", "__doc__"} {
		v, err := rt.GetAttr(th, wrapped, name)
		if err != nil {
			continue // a missing attribute is skipped, as CPython does
		}
		if f, ok := wrapper.(*rt.Function); ok {
			s, isStr := v.(rt.Str)
			switch name {
			case "__module__":
				if isStr {
					f.Module = string(s)
				}
				continue
			case "__name__":
				if isStr {
					f.Name = string(s)
				}
				continue
			case "__qualname__":
				if isStr {
					f.QualName = string(s)
				}
				continue
			case "__doc__":
				f.SetDoc(v)
				continue
			}
		}
		if err := rt.SetAttr(th, wrapper, name, v); err != nil {
			return err
		}
	}
	if src, err := rt.GetAttr(th, wrapped, "__dict__"); err == nil {
		if d, ok := src.(*rt.Dict); ok {
			for _, kv := range d.Items() {
				if k, ok := kv[0].(rt.Str); ok {
					if err := rt.SetAttr(th, wrapper, string(k), kv[1]); err != nil {
						return err
					}
				}
			}
		}
	}
	return rt.SetAttr(th, wrapper, "__wrapped__", wrapped)
}

// lruWrapper is what lru_cache and cache return.
type lruWrapper struct {
	fn           rt.Value
	maxsize      int // -1: unbounded
	typed        bool
	cache        *rt.Dict
	hits, misses int64
	ns           *rt.Namespace
}

var kwdMark = &rt.Instance{Class: rt.ObjectClass, Dict: rt.NewNamespace()}

func (w *lruWrapper) Type() *rt.Class { return lruWrapperClass }

func (w *lruWrapper) Namespace() *rt.Namespace {
	if w.ns == nil {
		w.ns = rt.NewNamespace()
	}
	return w.ns
}

func (w *lruWrapper) Repr(th *rt.Thread) (string, error) {
	return "<functools._lru_cache_wrapper object at " + stdHex(th, w) + ">", nil
}

func (w *lruWrapper) Attr(th *rt.Thread, name string) (rt.Value, bool, error) {
	if v, ok := w.Namespace().Get(name); ok {
		return v, true, nil
	}
	switch name {
	case "__wrapped__":
		return w.fn, true, nil
	case "__name__", "__qualname__", "__doc__", "__module__":
		v, err := rt.GetAttr(th, w.fn, name)
		return v, err == nil, nil
	}
	return nil, false, nil
}

// Get binds the cached function to an instance, as functions bind.
func (w *lruWrapper) Get(th *rt.Thread, instance rt.Value, owner *rt.Class) (rt.Value, error) {
	if instance == nil {
		return w, nil
	}
	return &rt.Method{Fn: w, Self: instance}, nil
}

func (w *lruWrapper) key(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) rt.Value {
	key := append(rt.Tuple{}, args...)
	if kw.Len() > 0 {
		key = append(key, kwdMark)
		for i := range kw.Len() {
			key = append(key, rt.Str(kw.Names[i]), kw.Values[i])
		}
	}
	if w.typed {
		for _, a := range args {
			key = append(key, rt.TypeOf(a))
		}
		for i := range kw.Len() {
			key = append(key, rt.TypeOf(kw.Values[i]))
		}
	} else if len(key) == 1 {
		switch key[0].(type) {
		case rt.Int, rt.Str:
			return key[0]
		}
	}
	return key
}

func (w *lruWrapper) Call(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	if w.maxsize == 0 {
		w.misses++
		return rt.Call(th, w.fn, args, kw)
	}
	key := w.key(th, args, kw)
	v, found, err := w.cache.Get(th, key)
	if err != nil {
		return nil, err
	}
	if found {
		w.hits++
		if w.maxsize > 0 { // most recently used last
			w.cache.Delete(th, key)
			w.cache.Set(th, key, v)
		}
		return v, nil
	}
	w.misses++
	v, err = rt.Call(th, w.fn, args, kw)
	if err != nil {
		return nil, err
	}
	if _, found, _ := w.cache.Get(th, key); found {
		return v, nil // a recursive call cached it meanwhile
	}
	if w.maxsize > 0 && w.cache.Len() >= w.maxsize {
		if keys := w.cache.Keys(); len(keys) > 0 {
			w.cache.Delete(th, keys[0])
		}
	}
	return v, w.cache.Set(th, key, v)
}

// lruCache is lru_cache(maxsize=128, typed=False), or lru_cache applied
// to a function directly.
func lruCache(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	a, err := stdArgs("lru_cache", args, kw, []string{"maxsize", "typed"}, 0)
	if err != nil {
		return nil, err
	}
	typed := false
	if a[1] != nil {
		if typed, err = rt.Truth(th, a[1]); err != nil {
			return nil, err
		}
	}
	maxsize := 128
	switch m := a[0]; {
	case m == nil:
	case m == rt.None:
		maxsize = -1
	case isIndex(m):
		n, err := stdInt(th, m)
		if err != nil {
			return nil, err
		}
		maxsize = int(max(n, 0))
	case rt.IsCallable(m) && a[1] == nil:
		return &lruWrapper{fn: m, maxsize: 128, cache: rt.NewDict()}, nil
	default:
		return nil, rt.NewError(rt.TypeErrorClass, "Expected first argument to be an integer, a callable, or None")
	}
	return stdFn("decorating_function", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("decorating_function", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return &lruWrapper{fn: args[0], maxsize: maxsize, typed: typed, cache: rt.NewDict()}, nil
	}), nil
}

// cmpKey is what cmp_to_key(f) makes of each item.
type cmpKey struct {
	obj, cmp rt.Value
}

func (k *cmpKey) Type() *rt.Class { return cmpKeyClass }

func (k *cmpKey) Compare(th *rt.Thread, op rt.CmpOp, other rt.Value) (rt.Value, bool, error) {
	o, ok := other.(*cmpKey)
	if !ok {
		return nil, false, nil
	}
	r, err := rt.Call(th, k.cmp, []rt.Value{k.obj, o.obj}, nil)
	if err != nil {
		return nil, true, err
	}
	v, err := rt.Compare(th, op, r, zero)
	return v, true, err
}

func (k *cmpKey) Hash(th *rt.Thread) (int64, error) {
	return 0, rt.NewError(rt.TypeErrorClass, "unhashable type: 'functools.KeyWrapper'")
}

// cachedProperty computes an attribute once and keeps it in the
// instance's __dict__ (named after the function: the runtime has no
// __set_name__).
type cachedProperty struct {
	fn   rt.Value
	name string
}

func (p *cachedProperty) Type() *rt.Class { return cachedPropertyClass }

func (p *cachedProperty) Get(th *rt.Thread, instance rt.Value, owner *rt.Class) (rt.Value, error) {
	if instance == nil {
		return p, nil
	}
	v, err := rt.Call(th, p.fn, []rt.Value{instance}, nil)
	if err != nil {
		return nil, err
	}
	if inst, ok := instance.(*rt.Instance); ok {
		inst.Dict.Set(p.name, v)
	}
	return v, nil
}

// totalOrdering is functools.total_ordering: the comparisons a class
// lacks, from the one it defines (and ==).
func totalOrdering(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	if err := stdPos("total_ordering", args, kw, 1, 1); err != nil {
		return nil, err
	}
	cls, ok := args[0].(*rt.Class)
	if !ok {
		return nil, rt.NewError(rt.TypeErrorClass, "total_ordering() argument must be a class")
	}
	roots := map[string]bool{}
	for _, op := range []string{"__lt__", "__le__", "__gt__", "__ge__"} {
		if v, _, ok := cls.Lookup(op); ok {
			if b, isB := v.(*rt.Builtin); !isB || !strings.HasPrefix(b.Name, "object.") {
				roots[op] = true
			}
		}
	}
	root := ""
	for _, op := range []string{"__lt__", "__le__", "__gt__", "__ge__"} {
		if roots[op] && op > root {
			root = op
		}
	}
	if root == "" {
		return nil, rt.NewError(rt.ValueErrorClass, "must define at least one ordering operation: < > <= >=")
	}
	// For each root, the derived operators: negate the root's result,
	// then combine with == (or) or != (and).
	type derived struct {
		name   string
		negate bool
		with   string // "", "or_eq", "and_ne"
	}
	table := map[string][]derived{
		"__lt__": {{"__gt__", true, "and_ne"}, {"__le__", false, "or_eq"}, {"__ge__", true, ""}},
		"__le__": {{"__ge__", true, "or_eq"}, {"__lt__", false, "and_ne"}, {"__gt__", true, ""}},
		"__gt__": {{"__lt__", true, "and_ne"}, {"__ge__", false, "or_eq"}, {"__le__", true, ""}},
		"__ge__": {{"__le__", true, "or_eq"}, {"__gt__", false, "and_ne"}, {"__lt__", true, ""}},
	}
	for _, d := range table[root] {
		if roots[d.name] {
			continue
		}
		cls.Dict.Set(d.name, stdFn(d.name, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos(d.name, args, kw, 2, 2); err != nil {
				return nil, err
			}
			r, err := callMethod(th, args[0], root, args[1:], nil)
			if err != nil || r == rt.NotImplemented {
				return r, err
			}
			t, err := rt.Truth(th, r)
			if err != nil {
				return nil, err
			}
			if d.negate {
				t = !t
			}
			switch {
			case d.with == "or_eq" && !t:
				return rt.Compare(th, rt.CmpEq, args[0], args[1])
			case d.with == "and_ne" && t:
				return rt.Compare(th, rt.CmpNe, args[0], args[1])
			}
			return rt.MakeBool(t), nil
		}))
	}
	return cls, nil
}

func init() {
	rt.SetConstructor(partialClass, newPartial)
	rt.SetConstructor(cachedPropertyClass, func(th *rt.Thread, c *rt.Class, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("cached_property", args, kw, 1, 1); err != nil {
			return nil, err
		}
		name := ""
		if v, err := rt.GetAttr(th, args[0], "__name__"); err == nil {
			name, _ = rt.StrOf(th, v)
		}
		return &cachedProperty{fn: args[0], name: name}, nil
	})
	stdMethod(lruWrapperClass, "cache_info", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		w := self.(*lruWrapper)
		var maxsize rt.Value = rt.None
		if w.maxsize >= 0 {
			maxsize = rt.MakeInt(int64(w.maxsize))
		}
		return rt.Call(th, cacheInfoClass, []rt.Value{rt.MakeInt(w.hits), rt.MakeInt(w.misses), maxsize, rt.MakeInt(int64(w.cache.Len()))}, nil)
	})
	stdMethod(lruWrapperClass, "cache_clear", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		w := self.(*lruWrapper)
		w.cache, w.hits, w.misses = rt.NewDict(), 0, 0
		return rt.None, nil
	})
	stdMethod(lruWrapperClass, "cache_parameters", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		w := self.(*lruWrapper)
		d := rt.NewDict()
		if w.maxsize >= 0 {
			d.SetStr("maxsize", rt.MakeInt(int64(w.maxsize)))
		} else {
			d.SetStr("maxsize", rt.None)
		}
		d.SetStr("typed", rt.MakeBool(w.typed))
		return d, nil
	})

	register("functools", func(in *rt.Interp) *rt.Module {
		m := newModule("functools")
		m.NS.Set("partial", partialClass)
		m.NS.Set("cached_property", cachedPropertyClass)
		m.NS.Set("WRAPPER_ASSIGNMENTS", rt.Tuple{rt.Str("__module__"), rt.Str("__name__"), rt.Str("__qualname__"), rt.Str("__doc__")})
		m.NS.Set("WRAPPER_UPDATES", rt.Tuple{rt.Str("__dict__")})
		fn(m, "reduce", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdNoKw("reduce", kw); err != nil {
				return nil, err
			}
			if err := stdCount("reduce", args, 2, 3); err != nil {
				return nil, err
			}
			it, err := rt.Iter(th, args[1])
			if err != nil {
				if e, ok := err.(*rt.Instance); ok && e.Class == rt.TypeErrorClass {
					return nil, rt.NewError(rt.TypeErrorClass, "reduce() arg 2 must support iteration")
				}
				return nil, err
			}
			var acc rt.Value
			if len(args) == 3 {
				acc = args[2]
			}
			for {
				x, ok, err := it.Next(th)
				if err != nil {
					return nil, err
				}
				if !ok {
					break
				}
				if acc == nil {
					acc = x
					continue
				}
				if acc, err = rt.Call(th, args[0], []rt.Value{acc, x}, nil); err != nil {
					return nil, err
				}
			}
			if acc == nil {
				return nil, rt.NewError(rt.TypeErrorClass, "reduce() of empty iterable with no initial value")
			}
			return acc, nil
		})
		fn(m, "update_wrapper", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := stdArgs("update_wrapper", args, kw, []string{"wrapper", "wrapped", "assigned", "updated"}, 2)
			if err != nil {
				return nil, err
			}
			return a[0], updateWrapper(th, a[0], a[1])
		})
		fn(m, "wraps", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := stdArgs("wraps", args, kw, []string{"wrapped", "assigned", "updated"}, 1)
			if err != nil {
				return nil, err
			}
			wrapped := a[0]
			return &partialObj{fn: stdFn("update_wrapper", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
				if err := stdPos("update_wrapper", args, kw, 1, 1); err != nil {
					return nil, err
				}
				return args[0], updateWrapper(th, args[0], wrapped)
			}), kw: rt.NewDict()}, nil
		})
		fn(m, "lru_cache", lruCache)
		fn(m, "cache", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("cache", args, kw, 1, 1); err != nil {
				return nil, err
			}
			return &lruWrapper{fn: args[0], maxsize: -1, cache: rt.NewDict()}, nil
		})
		fn(m, "total_ordering", totalOrdering)
		fn(m, "cmp_to_key", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := stdArgs("cmp_to_key", args, kw, []string{"mycmp"}, 1)
			if err != nil {
				return nil, err
			}
			return stdFn("K", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
				if err := stdPos("K", args, kw, 1, 1); err != nil {
					return nil, err
				}
				return &cmpKey{obj: args[0], cmp: a[0]}, nil
			}), nil
		})
		return m
	})
}
