package runtime

import (
	"strconv"
)

// DictView is what dict.keys(), dict.values() and dict.items() return: a
// live view of the dict.
type DictView struct {
	D    *Dict
	Kind byte // 'k', 'v' or 'i'
}

// The classes of the dict views and of their iterators.
var (
	DictKeysClass   = newBuiltinClass("dict_keys", ObjectClass)
	DictValuesClass = newBuiltinClass("dict_values", ObjectClass)
	DictItemsClass  = newBuiltinClass("dict_items", ObjectClass)
)

func (v *DictView) Type() *Class {
	switch v.Kind {
	case 'v':
		return DictValuesClass
	case 'i':
		return DictItemsClass
	}
	return DictKeysClass
}

func (v *DictView) Len() int { return v.D.Len() }

func (v *DictView) Iter(th *Thread) (Iterator, error) { return DictIter(v.D, v.Kind), nil }

// Repr renders dict_keys(['a', 'b']).
func (v *DictView) Repr(th *Thread) (string, error) {
	if th.reprActive[v] {
		return "...", nil
	}
	return th.guardRepr(v, func() (string, error) {
		var items []Value
		switch v.Kind {
		case 'k':
			items = v.D.Keys()
		case 'v':
			items = v.D.Values()
		default:
			for _, kv := range v.D.Items() {
				items = append(items, kv)
			}
		}
		body, err := reprSeq(th, items, "[", "]")
		return v.Type().Name + "(" + body + ")", err
	})
}

// Contains is `x in view`.
func (v *DictView) Contains(th *Thread, x Value) (bool, error) {
	switch v.Kind {
	case 'k':
		_, found, err := v.D.Get(th, x)
		return found, err
	case 'i':
		t, ok := x.(Tuple)
		if !ok || len(t) != 2 {
			return false, nil
		}
		val, found, err := v.D.Get(th, t[0])
		if err != nil || !found {
			return false, err
		}
		return sameKey(th, val, t[1])
	}
	return seqContains(th, v.D.Values(), x)
}

// Compare: keys and items views compare with sets and views as sets.
func (v *DictView) Compare(th *Thread, op CmpOp, other Value) (Value, bool, error) {
	if v.Kind == 'v' {
		if op == CmpEq || op == CmpNe {
			return MakeBool((op == CmpEq) == identical(v, other)), true, nil
		}
		return nil, false, nil
	}
	var olen int
	switch o := other.(type) {
	case *Set:
		olen = o.Len()
	case *DictView:
		if o.Kind == 'v' {
			return v.notComparable(op)
		}
		olen = o.Len()
	default:
		return v.notComparable(op)
	}
	allIn := func(a, b Value) (bool, error) { // every item of a is in b
		items, err := Collect(th, a)
		if err != nil {
			return false, err
		}
		for _, x := range items {
			in, err := Contains(th, b, x)
			if err != nil || !in {
				return false, err
			}
		}
		return true, nil
	}
	n := v.Len()
	var r bool
	var err error
	switch op {
	case CmpEq, CmpNe:
		r = n == olen
		if r {
			r, err = allIn(v, other)
		}
		if op == CmpNe {
			r = !r
		}
	case CmpLt:
		if n < olen {
			r, err = allIn(v, other)
		}
	case CmpLe:
		if n <= olen {
			r, err = allIn(v, other)
		}
	case CmpGt:
		if n > olen {
			r, err = allIn(other, v)
		}
	case CmpGe:
		if n >= olen {
			r, err = allIn(other, v)
		}
	}
	return MakeBool(r), true, err
}

func (v *DictView) notComparable(op CmpOp) (Value, bool, error) {
	if op == CmpEq || op == CmpNe {
		return MakeBool(op == CmpNe), true, nil
	}
	return nil, false, nil
}

func (v *DictView) Hash(th *Thread) (int64, error) { return 0, unhashable(v) }

// Reversed iterates the view backwards.
func (v *DictView) Reversed() Iterator {
	return &dictRevIter{d: v.D, i: v.D.Slots() - 1, version: v.D.version, what: v.Kind}
}

// Reversed iterates a dict's keys backwards (reversed(d)).
func (d *Dict) Reversed() Iterator {
	return &dictRevIter{d: d, i: d.Slots() - 1, version: d.version, what: 'k'}
}

type dictRevIter struct {
	d       *Dict
	i       int
	version uint64
	what    byte
}

var DictRevIterClass = newBuiltinClass("dict_reversekeyiterator", ObjectClass)

func (it *dictRevIter) Type() *Class { return DictRevIterClass }

func (it *dictRevIter) Next(*Thread) (Value, bool, error) {
	if it.d.version != it.version {
		return nil, false, NewError(RuntimeErrorClass, "dictionary changed size during iteration")
	}
	for it.i >= 0 && it.i < it.d.Slots() {
		k, v, ok := it.d.Entry(it.i)
		it.i--
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

// isSetView reports whether v is a keys or items view, which support
// the set operators.
func isSetView(v Value) bool {
	dv, ok := v.(*DictView)
	return ok && dv.Kind != 'v'
}

// viewToSet is dictviews_to_set: set(view), with a keys view read
// straight from its dict.
func viewToSet(th *Thread, v Value) (*Set, error) {
	if dv, ok := v.(*DictView); ok && dv.Kind == 'k' {
		return NewSetFrom(th, dv.D, false)
	}
	return NewSetFrom(th, v, false)
}

// viewBinary implements |, &, - and ^ with a keys or items view as an
// operand; the result is a set.
func viewBinary(th *Thread, op Op, a, b Value) (Value, bool, error) {
	if !isSetView(a) && !isSetView(b) {
		return nil, false, nil
	}
	if _, ok := a.(*Instance); ok {
		return nil, false, nil
	}
	switch op {
	case OpAnd:
		self, other := a, b
		if !isSetView(self) {
			self, other = b, a
		}
		sv := self.(*DictView)
		if o, ok := other.(*Set); ok && !o.Frozen && sv.Len() <= o.Len() {
			r, err := setIntersection(th, o, sv)
			return r, true, err
		}
		if ov, ok := other.(*DictView); ok && ov.Kind != 'v' && ov.Len() > sv.Len() {
			sv, other = ov, sv
		}
		result := NewSet()
		it, err := Iter(th, other)
		if err != nil {
			return nil, true, err
		}
		for {
			x, ok, err := it.Next(th)
			if err != nil {
				return nil, true, err
			}
			if !ok {
				return result, true, nil
			}
			in, err := sv.Contains(th, x)
			if err != nil {
				return nil, true, err
			}
			if in {
				if err := result.Add(th, x); err != nil {
					return nil, true, err
				}
			}
		}
	}
	r, err := viewToSet(th, a)
	if err != nil {
		return nil, true, err
	}
	switch op {
	case OpOr:
		err = setUpdateInternal(th, r, b)
	case OpSub:
		err = setDifferenceUpdateInternal(th, r, b)
	case OpXor:
		err = setSymmetricDifferenceUpdate(th, r, b)
	}
	return r, true, err
}

// dictCopy is d.copy().
func dictCopy(d *Dict) *Dict {
	r := NewDict()
	for _, e := range d.entries {
		if e.key != nil {
			r.Set(nil, e.key, e.value)
		}
	}
	return r
}

// dictMerge adds other's items to d.
func dictMerge(th *Thread, d, other *Dict) error {
	if other == d {
		return nil
	}
	for _, kv := range other.Items() {
		if err := d.Set(th, kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

// dictUpdate is d.update(arg): a dict, an object with keys() (read with
// its __getitem__), or an iterable of pairs.
func dictUpdate(th *Thread, d *Dict, arg Value) error {
	if o, ok := arg.(*Dict); ok {
		return dictMerge(th, d, o)
	}
	if keysFn, err := GetAttr(th, arg, "keys"); err == nil {
		ks, err := Call(th, keysFn, nil, nil)
		if err != nil {
			return err
		}
		keys, err := Collect(th, ks)
		if err != nil {
			return err
		}
		for _, k := range keys {
			v, err := GetItem(th, arg, k)
			if err != nil {
				return err
			}
			if err := d.Set(th, k, v); err != nil {
				return err
			}
		}
		return nil
	}
	it, err := Iter(th, arg)
	if err != nil {
		return err
	}
	for i := 0; ; i++ {
		item, ok, err := it.Next(th)
		if err != nil || !ok {
			return err
		}
		pair, err := Collect(th, item)
		if err != nil {
			if e, ok := err.(*Instance); ok && e.Class == TypeErrorClass {
				return NewError(TypeErrorClass, "cannot convert dictionary update sequence element #"+strconv.Itoa(i)+" to a sequence")
			}
			return err
		}
		if len(pair) != 2 {
			return NewError(ValueErrorClass, "dictionary update sequence element #"+strconv.Itoa(i)+" has length "+strconv.Itoa(len(pair))+"; 2 is required")
		}
		if err := d.Set(th, pair[0], pair[1]); err != nil {
			return err
		}
	}
}

// dictUpdateCall is dict(...) and d.update(...): one optional positional
// argument, then the keywords.
func dictUpdateCall(th *Thread, d *Dict, name string, args []Value, kw *Kwargs) error {
	if err := checkPositional(name, args, 0, 1); err != nil {
		return err
	}
	if len(args) == 1 {
		if err := dictUpdate(th, d, args[0]); err != nil {
			return err
		}
	}
	for i := range kw.Len() {
		d.SetStr(kw.Names[i], kw.Values[i])
	}
	return nil
}

func init() {
	SetConstructor(DictClass, func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		d := NewDict()
		return d, dictUpdateCall(th, d, "dict", args, kw)
	})
	self := func(v Value) *Dict { return v.(*Dict) }
	defMethod(DictClass, "keys", func(th *Thread, d Value, args []Value, kw *Kwargs) (Value, error) {
		if err := noArgs("dict.keys", args, kw); err != nil {
			return nil, err
		}
		return &DictView{D: self(d), Kind: 'k'}, nil
	})
	defMethod(DictClass, "values", func(th *Thread, d Value, args []Value, kw *Kwargs) (Value, error) {
		if err := noArgs("dict.values", args, kw); err != nil {
			return nil, err
		}
		return &DictView{D: self(d), Kind: 'v'}, nil
	})
	defMethod(DictClass, "items", func(th *Thread, d Value, args []Value, kw *Kwargs) (Value, error) {
		if err := noArgs("dict.items", args, kw); err != nil {
			return nil, err
		}
		return &DictView{D: self(d), Kind: 'i'}, nil
	})
	defMethod(DictClass, "get", func(th *Thread, d Value, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("get", "dict.get", args, kw, 1, 2); err != nil {
			return nil, err
		}
		v, found, err := self(d).Get(th, args[0])
		if err != nil {
			return nil, err
		}
		if !found {
			if len(args) > 1 {
				return args[1], nil
			}
			return None, nil
		}
		return v, nil
	})
	defMethod(DictClass, "setdefault", func(th *Thread, d Value, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("setdefault", "dict.setdefault", args, kw, 1, 2); err != nil {
			return nil, err
		}
		v, found, err := self(d).Get(th, args[0])
		if err != nil || found {
			return v, err
		}
		def := optArg(args, 1)
		if def == nil {
			def = None
		}
		return def, self(d).Set(th, args[0], def)
	})
	defMethod(DictClass, "pop", func(th *Thread, d Value, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("pop", "dict.pop", args, kw, 1, 2); err != nil {
			return nil, err
		}
		var v Value
		var found bool
		var err error
		if self(d).Len() > 0 { // an empty dict does not hash the key
			if v, found, err = self(d).Get(th, args[0]); err != nil {
				return nil, err
			}
		}
		if !found {
			if len(args) > 1 {
				return args[1], nil
			}
			return nil, keyError(args[0])
		}
		_, err = self(d).Delete(th, args[0])
		return v, err
	})
	defMethod(DictClass, "popitem", func(th *Thread, d Value, args []Value, kw *Kwargs) (Value, error) {
		if err := noArgs("dict.popitem", args, kw); err != nil {
			return nil, err
		}
		dd := self(d)
		for i := dd.Slots() - 1; i >= 0; i-- {
			k, v, ok := dd.Entry(i)
			if ok {
				_, err := dd.Delete(th, k)
				return Tuple{k, v}, err
			}
		}
		return nil, keyError(Str("popitem(): dictionary is empty"))
	})
	defMethod(DictClass, "clear", func(th *Thread, d Value, args []Value, kw *Kwargs) (Value, error) {
		if err := noArgs("dict.clear", args, kw); err != nil {
			return nil, err
		}
		dd := self(d)
		version := dd.version
		*dd = Dict{version: version + 1}
		return None, nil
	})
	defMethod(DictClass, "copy", func(th *Thread, d Value, args []Value, kw *Kwargs) (Value, error) {
		if err := noArgs("dict.copy", args, kw); err != nil {
			return nil, err
		}
		return dictCopy(self(d)), nil
	})
	defMethod(DictClass, "update", func(th *Thread, d Value, args []Value, kw *Kwargs) (Value, error) {
		return None, dictUpdateCall(th, self(d), "update", args, kw)
	})
	defClassMethod(DictClass, "fromkeys", func(th *Thread, c Value, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("fromkeys", "dict.fromkeys", args, kw, 1, 2); err != nil {
			return nil, err
		}
		val := optArg(args, 1)
		if val == nil {
			val = None
		}
		keys, err := Collect(th, args[0])
		if err != nil {
			return nil, err
		}
		d := NewDict()
		for _, k := range keys {
			if err := d.Set(th, k, val); err != nil {
				return nil, err
			}
		}
		return d, nil
	})
	defMethod(DictClass, "__getitem__", func(th *Thread, d Value, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("dict.__getitem__", args, kw); err != nil {
			return nil, err
		}
		return GetItem(th, d, args[0])
	})
	defMethod(DictClass, "__contains__", func(th *Thread, d Value, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("dict.__contains__", args, kw); err != nil {
			return nil, err
		}
		_, found, err := self(d).Get(th, args[0])
		return MakeBool(found), err
	})
}
