package modules

import (
	"strconv"

	rt "asyncplay/sim/py/runtime"
)

// collections' dict subclasses: OrderedDict, defaultdict and Counter are
// instances of classes deriving from dict whose Data is a mapData, so
// that Python code may derive from them too (an LRU cache deriving from
// OrderedDict). dict's own methods expect a *rt.Dict, so each class
// re-exports them with the instance's dict as the receiver.

type mapData struct {
	d       *rt.Dict
	factory rt.Value // defaultdict's default_factory
}

var (
	orderedDictClass = stdClass("OrderedDict", "collections", rt.DictClass)
	defaultDictClass = stdClass("defaultdict", "collections", rt.DictClass)
	counterClass     = stdClass("Counter", "collections", rt.DictClass)

	odictKeysClass   = stdClass("odict_keys", "builtins")
	odictValuesClass = stdClass("odict_values", "builtins")
	odictItemsClass  = stdClass("odict_items", "builtins")
)

// mapOf returns the state of a dict-like instance, nil for other values.
func mapOf(v rt.Value) *mapData {
	if inst, ok := v.(*rt.Instance); ok {
		if m, ok := inst.Data.(*mapData); ok {
			return m
		}
	}
	return nil
}

// dictOf returns the dict behind a dict or a dict-like instance.
func dictOf(v rt.Value) *rt.Dict {
	if d, ok := v.(*rt.Dict); ok {
		return d
	}
	if m := mapOf(v); m != nil {
		return m.d
	}
	return nil
}

// selfDict is the dict of a method's receiver (checked by stdMethod).
func selfDict(v rt.Value) *rt.Dict { return mapOf(v).d }

// stdKeyError is KeyError(key).
func stdKeyError(key rt.Value) error {
	e := rt.NewInstance(rt.KeyErrorClass)
	e.Exc.Args = rt.Tuple{key}
	return e
}

// newMapInstance makes an empty instance of a dict-like class c (or of
// a Python class deriving from it) and runs __init__.
func newMapInstance(th *rt.Thread, c *rt.Class, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	inst := rt.NewInstance(c)
	inst.Data = &mapData{d: rt.NewDict(), factory: rt.None}
	init, _, _ := c.Lookup("__init__")
	r, err := rt.Call(th, init, append([]rt.Value{inst}, args...), kw)
	if err != nil {
		return nil, err
	}
	if r != rt.None {
		return nil, rt.NewError(rt.TypeErrorClass, "__init__() should return None, not '"+rt.TypeName(r)+"'")
	}
	return inst, nil
}

// callMethod calls the method name of obj's class (as type(obj).name(obj, ...)).
func callMethod(th *rt.Thread, obj rt.Value, name string, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	m, _, ok := rt.TypeOf(obj).Lookup(name)
	if !ok {
		return nil, rt.NewError(rt.AttributeErrorClass, "'"+rt.TypeName(obj)+"' object has no attribute '"+name+"'")
	}
	return rt.Call(th, m, append([]rt.Value{obj}, args...), kw)
}

// newSameClass makes a new instance of obj's class from args, as
// self.__class__(*args) does.
func newSameClass(th *rt.Thread, obj rt.Value, args ...rt.Value) (rt.Value, error) {
	return rt.Call(th, rt.TypeOf(obj), args, nil)
}

// defineMapClass gives a dict-like class dict's behaviour: item access
// with __missing__, len, iteration, equality as dicts, and dict's methods
// on the instance's dict.
func defineMapClass(c *rt.Class) {
	def := func(c *rt.Class, name string, fn func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error)) {
		if _, own := c.Dict.Get(name); !own { // the class's own version wins
			stdMethod(c, name, fn)
		}
	}
	c.Dict.Set("__new__", &rt.NativeNew{Fn: newMapInstance})
	stdMethod(c, "__hash__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		name := rt.TypeName(self)
		if cls := rt.TypeOf(self); cls == orderedDictClass || cls == defaultDictClass {
			name = "collections." + name // the C types' names
		}
		return nil, rt.NewError(rt.TypeErrorClass, "unhashable type: '"+name+"'")
	})
	def(c, "__getitem__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("__getitem__", args, kw, 1, 1); err != nil {
			return nil, err
		}
		v, found, err := selfDict(self).Get(th, args[0])
		if err != nil || found {
			return v, err
		}
		if m, _, ok := rt.TypeOf(self).Lookup("__missing__"); ok {
			return rt.Call(th, m, []rt.Value{self, args[0]}, nil)
		}
		return nil, stdKeyError(args[0])
	})
	def(c, "__setitem__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("__setitem__", args, kw, 2, 2); err != nil {
			return nil, err
		}
		return rt.None, selfDict(self).Set(th, args[0], args[1])
	})
	def(c, "__delitem__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("__delitem__", args, kw, 1, 1); err != nil {
			return nil, err
		}
		found, err := selfDict(self).Delete(th, args[0])
		if err == nil && !found {
			err = stdKeyError(args[0])
		}
		return rt.None, err
	})
	def(c, "__contains__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("__contains__", args, kw, 1, 1); err != nil {
			return nil, err
		}
		_, found, err := selfDict(self).Get(th, args[0])
		return rt.MakeBool(found), err
	})
	def(c, "__len__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.MakeInt(int64(selfDict(self).Len())), nil
	})
	def(c, "__iter__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.DictIter(selfDict(self), 'k'), nil
	})
	def(c, "__reversed__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return selfDict(self).Reversed(), nil
	})
	def(c, "__eq__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return mapEqual(th, self, args[0])
	})
	def(c, "__ne__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		r, err := callMethod(th, self, "__eq__", args, nil)
		if err != nil || r == rt.NotImplemented {
			return r, err
		}
		t, err := rt.Truth(th, r)
		return rt.MakeBool(!t), err
	})
	def(c, "copy", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("copy", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return newSameClass(th, self, self)
	})
	if _, own := c.Dict.Get("__copy__"); !own {
		cp, _ := c.Dict.Get("copy")
		c.Dict.Set("__copy__", cp)
	}
	def(c, "__or__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if dictOf(args[0]) == nil {
			return rt.NotImplemented, nil
		}
		r, err := callMethod(th, self, "copy", nil, nil)
		if err != nil {
			return nil, err
		}
		return r, mapUpdate(th, dictOf(r), args[0])
	})
	def(c, "__ror__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if dictOf(args[0]) == nil {
			return rt.NotImplemented, nil
		}
		r, err := newSameClass(th, self, args[0])
		if err != nil {
			return nil, err
		}
		return r, mapUpdate(th, dictOf(r), self)
	})
	def(c, "__ior__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return self, mapUpdate(th, selfDict(self), args[0])
	})
	// dict's own methods, on the instance's dict.
	for _, name := range rt.DictClass.Dict.Keys() {
		if _, own := c.Dict.Get(name); own {
			continue
		}
		v, _ := rt.DictClass.Dict.Get(name)
		b, ok := v.(*rt.Builtin)
		if !ok {
			continue
		}
		def(c, name, func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return b.Fn(th, append([]rt.Value{selfDict(self)}, args...), kw)
		})
	}
}

// mapEqual is == between a dict-like instance and another mapping, as
// dicts (order-sensitive between two OrderedDicts, multisets between two
// Counters).
func mapEqual(th *rt.Thread, self, other rt.Value) (rt.Value, error) {
	a, b := selfDict(self), dictOf(other)
	if b == nil {
		return rt.NotImplemented, nil
	}
	sc, oc := rt.TypeOf(self), rt.TypeOf(other)
	if sc.IsSubclass(counterClass) && oc.IsSubclass(counterClass) {
		r, err := counterLE(th, a, b, rt.CmpEq)
		return rt.MakeBool(r), err
	}
	r, _, err := a.Compare(th, rt.CmpEq, b)
	if err != nil || r == rt.False {
		return r, err
	}
	if sc.IsSubclass(orderedDictClass) && oc.IsSubclass(orderedDictClass) {
		ka, kb := a.Keys(), b.Keys()
		for i := range ka {
			eq, err := rt.Equal(th, ka[i], kb[i])
			if err != nil || !eq {
				return rt.False, err
			}
		}
	}
	return rt.True, nil
}

// reprMap renders a dict-like instance: Name(body), or Name() when empty.
func reprMap(th *rt.Thread, self rt.Value, body func() (string, error)) (rt.Value, error) {
	name := stdReprName(self)
	if selfDict(self).Len() == 0 && !rt.TypeOf(self).IsSubclass(defaultDictClass) {
		return rt.Str(name + "()"), nil
	}
	s, err := body()
	if err != nil {
		return nil, err
	}
	return rt.Str(name + "(" + s + ")"), nil
}

// odictView is what OrderedDict's keys(), values() and items() return:
// dict's views, named as CPython names them.
type odictView struct{ v *rt.DictView }

func (o *odictView) Type() *rt.Class {
	switch o.v.Kind {
	case 'v':
		return odictValuesClass
	case 'i':
		return odictItemsClass
	}
	return odictKeysClass
}

func (o *odictView) Len() int                                { return o.v.Len() }
func (o *odictView) Iter(th *rt.Thread) (rt.Iterator, error) { return o.v.Iter(th) }
func (o *odictView) Reversed() rt.Iterator                   { return o.v.Reversed() }
func (o *odictView) Hash(th *rt.Thread) (int64, error)       { return o.v.Hash(th) }
func (o *odictView) Contains(th *rt.Thread, x rt.Value) (bool, error) {
	return o.v.Contains(th, x)
}

func (o *odictView) Compare(th *rt.Thread, op rt.CmpOp, other rt.Value) (rt.Value, bool, error) {
	if w, ok := other.(*odictView); ok {
		other = w.v
	}
	return o.v.Compare(th, op, other)
}

func (o *odictView) Repr(th *rt.Thread) (string, error) {
	s, err := o.v.Repr(th)
	if err != nil {
		return "", err
	}
	return "o" + s, nil
}

func init() {
	// OrderedDict
	c := orderedDictClass
	stdMethod(c, "__init__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if len(args) > 1 {
			return nil, rt.NewError(rt.TypeErrorClass, "expected at most 1 arguments, got "+itoa(len(args)))
		}
		if len(args) == 1 {
			if err := mapUpdate(th, selfDict(self), args[0]); err != nil {
				return nil, err
			}
		}
		for i := range kw.Len() {
			selfDict(self).SetStr(kw.Names[i], kw.Values[i])
		}
		return rt.None, nil
	})
	stdMethod(c, "__repr__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return reprMap(th, self, func() (string, error) {
			var items []rt.Value
			for _, kv := range selfDict(self).Items() {
				items = append(items, kv)
			}
			return stdReprList(th, items)
		})
	})
	for _, kind := range []byte{'k', 'v', 'i'} {
		name := map[byte]string{'k': "keys", 'v': "values", 'i': "items"}[kind]
		stdMethod(c, name, func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos(name, args, kw, 0, 0); err != nil {
				return nil, err
			}
			return &odictView{&rt.DictView{D: selfDict(self), Kind: kind}}, nil
		})
	}
	stdMethod(c, "move_to_end", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("move_to_end", args, kw, []string{"key", "last"}, 1)
		if err != nil {
			return nil, err
		}
		last := true
		if a[1] != nil {
			if last, err = rt.Truth(th, a[1]); err != nil {
				return nil, err
			}
		}
		d := selfDict(self)
		v, found, err := d.Get(th, a[0])
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, stdKeyError(a[0])
		}
		if last {
			k := keyOf(d, th, a[0])
			d.Delete(th, k)
			return rt.None, d.Set(th, k, v)
		}
		items := d.Items()
		for _, kv := range items {
			d.Delete(th, kv[0])
		}
		k := keyOf(d, th, a[0])
		for _, kv := range items {
			if eq, _ := rt.Equal(th, kv[0], a[0]); eq {
				k = kv[0]
			}
		}
		d.Set(th, k, v)
		for _, kv := range items {
			if _, found, _ := d.Get(th, kv[0]); !found {
				d.Set(th, kv[0], kv[1])
			}
		}
		return rt.None, nil
	})
	stdMethod(c, "popitem", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("popitem", args, kw, []string{"last"}, 0)
		if err != nil {
			return nil, err
		}
		last := true
		if a[0] != nil {
			if last, err = rt.Truth(th, a[0]); err != nil {
				return nil, err
			}
		}
		d := selfDict(self)
		items := d.Items()
		if len(items) == 0 {
			return nil, rt.NewError(rt.KeyErrorClass, "dictionary is empty")
		}
		kv := items[0]
		if last {
			kv = items[len(items)-1]
		}
		_, err = d.Delete(th, kv[0])
		return kv, err
	})
	c.Dict.Set("fromkeys", &rt.ClassMethod{Fn: stdFn("fromkeys", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return mapFromKeys(th, args, kw, nil)
	})})
	defineMapClass(c)

	// defaultdict
	c = defaultDictClass
	stdMethod(c, "__init__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		m := mapOf(self)
		if len(args) > 0 {
			if args[0] != rt.None && !rt.IsCallable(args[0]) {
				return nil, rt.NewError(rt.TypeErrorClass, "first argument must be callable or None")
			}
			m.factory = args[0]
			args = args[1:]
		}
		if len(args) > 1 {
			return nil, rt.NewError(rt.TypeErrorClass, "dict expected at most 1 argument, got "+itoa(len(args)))
		}
		if len(args) == 1 {
			if err := mapUpdate(th, m.d, args[0]); err != nil {
				return nil, err
			}
		}
		for i := range kw.Len() {
			m.d.SetStr(kw.Names[i], kw.Values[i])
		}
		return rt.None, nil
	})
	c.Dict.Set("default_factory", &stdProp{name: "default_factory",
		get: func(th *rt.Thread, self rt.Value) (rt.Value, error) { return mapOf(self).factory, nil },
		set: func(th *rt.Thread, self, v rt.Value) error { mapOf(self).factory = v; return nil }})
	stdMethod(c, "__missing__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("__missing__", args, kw, 1, 1); err != nil {
			return nil, err
		}
		m := mapOf(self)
		if m.factory == rt.None {
			return nil, stdKeyError(args[0])
		}
		v, err := rt.Call(th, m.factory, nil, nil)
		if err != nil {
			return nil, err
		}
		return v, rt.SetItem(th, self, args[0], v)
	})
	stdMethod(c, "__repr__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return reprMap(th, self, func() (string, error) {
			f, err := rt.Repr(th, mapOf(self).factory)
			if err != nil {
				return "", err
			}
			d, err := selfDict(self).Repr(th)
			return f + ", " + d, err
		})
	})
	stdMethod(c, "copy", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("copy", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return newSameClass(th, self, mapOf(self).factory, self)
	})
	c.Dict.Set("fromkeys", &rt.ClassMethod{Fn: stdFn("fromkeys", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return mapFromKeys(th, args, kw, rt.None)
	})})
	defineMapClass(c)
}

// keyOf returns the key object d holds for key (equal to it).
func keyOf(d *rt.Dict, th *rt.Thread, key rt.Value) rt.Value {
	for _, k := range d.Keys() {
		if eq, _ := rt.Equal(th, k, key); eq {
			return k
		}
	}
	return key
}

// mapFromKeys is cls.fromkeys(iterable, value=None); first, if set, is
// the first argument the class is called with (defaultdict's factory).
func mapFromKeys(th *rt.Thread, args []rt.Value, kw *rt.Kwargs, first rt.Value) (rt.Value, error) {
	cls := args[0]
	args = args[1:]
	if err := stdPos("fromkeys", args, kw, 1, 2); err != nil {
		return nil, err
	}
	var ctorArgs []rt.Value
	if first != nil {
		ctorArgs = []rt.Value{first}
	}
	r, err := rt.Call(th, cls, ctorArgs, nil)
	if err != nil {
		return nil, err
	}
	val := rt.None
	if len(args) > 1 {
		val = args[1]
	}
	keys, err := rt.Collect(th, args[0])
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		if err := rt.SetItem(th, r, k, val); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// mapUpdate is d.update(arg): a mapping (a dict, a dict-like instance or
// an object with keys()), or an iterable of pairs.
func mapUpdate(th *rt.Thread, d *rt.Dict, arg rt.Value) error {
	if src := dictOf(arg); src != nil {
		if src == d {
			return nil
		}
		for _, kv := range src.Items() {
			if err := d.Set(th, kv[0], kv[1]); err != nil {
				return err
			}
		}
		return nil
	}
	if keysFn, err := rt.GetAttr(th, arg, "keys"); err == nil {
		ks, err := rt.Call(th, keysFn, nil, nil)
		if err != nil {
			return err
		}
		keys, err := rt.Collect(th, ks)
		if err != nil {
			return err
		}
		for _, k := range keys {
			v, err := rt.GetItem(th, arg, k)
			if err != nil {
				return err
			}
			if err := d.Set(th, k, v); err != nil {
				return err
			}
		}
		return nil
	}
	it, err := rt.Iter(th, arg)
	if err != nil {
		return err
	}
	for i := 0; ; i++ {
		item, ok, err := it.Next(th)
		if err != nil || !ok {
			return err
		}
		pair, err := rt.Collect(th, item)
		if err != nil {
			if e, ok := err.(*rt.Instance); ok && e.Class == rt.TypeErrorClass {
				return rt.NewError(rt.TypeErrorClass, "cannot convert dictionary update sequence element #"+itoa(i)+" to a sequence")
			}
			return err
		}
		if len(pair) != 2 {
			return rt.NewError(rt.ValueErrorClass, "dictionary update sequence element #"+itoa(i)+" has length "+itoa(len(pair))+"; 2 is required")
		}
		if err := d.Set(th, pair[0], pair[1]); err != nil {
			return err
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
