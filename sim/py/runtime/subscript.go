package runtime

import (
	"strings"
	"unicode/utf8"
)

// ItemGetter, ItemSetter, ItemDeleter and Container are implemented by
// runtime values that support obj[key], obj[key] = v, del obj[key] and
// `in` themselves (ranges, dict views, modules' own types).
type ItemGetter interface {
	GetItem(th *Thread, key Value) (Value, error)
}

type ItemSetter interface {
	SetItem(th *Thread, key, value Value) error
}

type ItemDeleter interface {
	DelItem(th *Thread, key Value) error
}

type Container interface {
	Contains(th *Thread, item Value) (bool, error)
}

// subscriptIndex reads an int index for a sequence subscript: ints,
// bools and objects with __index__; ok is false for other keys.
func subscriptIndex(th *Thread, key Value) (int64, bool, error) {
	if inst, ok := key.(*Instance); ok {
		if !hasMethod(inst, "__index__") {
			return 0, false, nil
		}
		v, err := IndexValue(th, key)
		if err != nil {
			return 0, true, err
		}
		return Index(v)
	}
	return Index(key)
}

// seqIndex resolves an index into a sequence of length n: negative ones
// count from the end; ok is false when it falls outside.
func seqIndex(i int64, n int) (int, bool) {
	if i < 0 {
		i += int64(n)
	}
	if i < 0 || i >= int64(n) {
		return 0, false
	}
	return int(i), true
}

// isASCII reports whether s holds only ASCII, so that bytes and code
// points coincide.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// GetItem is obj[key].
func GetItem(th *Thread, obj, key Value) (Value, error) {
	switch o := obj.(type) {
	case *List:
		if i, ok, err := subscriptIndex(th, key); ok {
			if err != nil {
				return nil, err
			}
			j, ok := seqIndex(i, len(o.Items))
			if !ok {
				return nil, NewError(IndexErrorClass, "list index out of range")
			}
			return o.Items[j], nil
		}
		if s, ok := key.(*Slice); ok {
			items, err := sliceItems(th, o.Items, s)
			return &List{Items: items}, err
		}
		return nil, NewError(TypeErrorClass, "list indices must be integers or slices, not "+TypeName(key))
	case Tuple:
		if i, ok, err := subscriptIndex(th, key); ok {
			if err != nil {
				return nil, err
			}
			j, ok := seqIndex(i, len(o))
			if !ok {
				return nil, NewError(IndexErrorClass, "tuple index out of range")
			}
			return o[j], nil
		}
		if s, ok := key.(*Slice); ok {
			items, err := sliceItems(th, o, s)
			return Tuple(items), err
		}
		return nil, NewError(TypeErrorClass, "tuple indices must be integers or slices, not "+TypeName(key))
	case *Dict:
		v, found, err := o.Get(th, key)
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, keyError(key)
		}
		return v, nil
	case Str:
		return strGetItem(th, string(o), key)
	case Bytes:
		if i, ok, err := subscriptIndex(th, key); ok {
			if err != nil {
				return nil, err
			}
			j, ok := seqIndex(i, len(o))
			if !ok {
				return nil, NewError(IndexErrorClass, "index out of range")
			}
			return MakeInt(int64(o[j])), nil
		}
		if s, ok := key.(*Slice); ok {
			start, step, n, err := s.Indices(th, len(o))
			if err != nil {
				return nil, err
			}
			if step == 1 {
				return o[start : start+n], nil
			}
			b := make([]byte, n)
			for k := range n {
				b[k] = o[start+k*step]
			}
			return Bytes(b), nil
		}
		return nil, NewError(TypeErrorClass, "byte indices must be integers or slices, not "+TypeName(key))
	case *Instance:
		if m, _, ok := o.Class.Lookup("__getitem__"); ok {
			return Call(th, m, []Value{obj, key}, nil)
		}
	case *Class:
		return classGetItem(th, o, key)
	case ItemGetter:
		return o.GetItem(th, key)
	}
	return nil, NewError(TypeErrorClass, "'"+TypeName(obj)+"' object is not subscriptable")
}

// sliceItems copies the items a slice selects.
func sliceItems(th *Thread, items []Value, s *Slice) ([]Value, error) {
	start, step, n, err := s.Indices(th, len(items))
	if err != nil {
		return nil, err
	}
	if step == 1 {
		return append([]Value(nil), items[start:start+n]...), nil
	}
	out := make([]Value, n)
	for k := range n {
		out[k] = items[start+k*step]
	}
	return out, nil
}

// strGetItem indexes or slices a str by code points.
func strGetItem(th *Thread, s string, key Value) (Value, error) {
	if i, ok, err := subscriptIndex(th, key); ok {
		if err != nil {
			return nil, err
		}
		if isASCII(s) {
			j, ok := seqIndex(i, len(s))
			if !ok {
				return nil, NewError(IndexErrorClass, "string index out of range")
			}
			return Str(s[j : j+1]), nil
		}
		n := utf8.RuneCountInString(s)
		j, ok := seqIndex(i, n)
		if !ok {
			return nil, NewError(IndexErrorClass, "string index out of range")
		}
		for k := range s {
			if j == 0 {
				_, size := utf8.DecodeRuneInString(s[k:])
				return Str(s[k : k+size]), nil
			}
			j--
		}
	}
	if sl, ok := key.(*Slice); ok {
		if isASCII(s) {
			start, step, n, err := sl.Indices(th, len(s))
			if err != nil {
				return nil, err
			}
			if step == 1 {
				return Str(s[start : start+n]), nil
			}
			b := make([]byte, n)
			for k := range n {
				b[k] = s[start+k*step]
			}
			return Str(b), nil
		}
		runes := []rune(s)
		start, step, n, err := sl.Indices(th, len(runes))
		if err != nil {
			return nil, err
		}
		var b strings.Builder
		for k := range n {
			b.WriteRune(runes[start+k*step])
		}
		return Str(b.String()), nil
	}
	return nil, NewError(TypeErrorClass, "string indices must be integers, not '"+TypeName(key)+"'")
}

// SetItem is obj[key] = value.
func SetItem(th *Thread, obj, key, value Value) error {
	switch o := obj.(type) {
	case *List:
		if i, ok, err := subscriptIndex(th, key); ok {
			if err != nil {
				return err
			}
			j, ok := seqIndex(i, len(o.Items))
			if !ok {
				return NewError(IndexErrorClass, "list assignment index out of range")
			}
			o.Items[j] = value
			return nil
		}
		if s, ok := key.(*Slice); ok {
			return listSetSlice(th, o, s, value)
		}
		return NewError(TypeErrorClass, "list indices must be integers or slices, not "+TypeName(key))
	case *Dict:
		return o.Set(th, key, value)
	case *Instance:
		if m, _, ok := o.Class.Lookup("__setitem__"); ok {
			_, err := Call(th, m, []Value{obj, key, value}, nil)
			return err
		}
	case ItemSetter:
		return o.SetItem(th, key, value)
	}
	return NewError(TypeErrorClass, "'"+TypeName(obj)+"' object does not support item assignment")
}

// listSetSlice is l[slice] = value: a simple slice takes any number of
// items, an extended one exactly as many as it selects.
func listSetSlice(th *Thread, l *List, s *Slice, value Value) error {
	start, stop, step, err := s.Unpack(th)
	if err != nil {
		return err
	}
	n := adjustSlice(int64(len(l.Items)), &start, &stop, step)
	var items []Value
	if v, ok := value.(*List); ok && v == l {
		items = append([]Value(nil), l.Items...)
	} else {
		items, err = Collect(th, value)
		if err != nil {
			if e, ok := err.(*Instance); ok && e.Class == TypeErrorClass && strings.HasSuffix(e.Message(), "is not iterable") {
				if step == 1 {
					return NewError(TypeErrorClass, "can only assign an iterable")
				}
				return NewError(TypeErrorClass, "must assign iterable to extended slice")
			}
			return err
		}
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		tail := append([]Value(nil), l.Items[stop:]...)
		l.Items = append(append(l.Items[:start], items...), tail...)
		return nil
	}
	if int64(len(items)) != n {
		return NewError(ValueErrorClass, "attempt to assign sequence of size "+itoa(int64(len(items)))+" to extended slice of size "+itoa(n))
	}
	for k := range n {
		l.Items[start+k*step] = items[k]
	}
	return nil
}

// DelItem is del obj[key].
func DelItem(th *Thread, obj, key Value) error {
	switch o := obj.(type) {
	case *List:
		if i, ok, err := subscriptIndex(th, key); ok {
			if err != nil {
				return err
			}
			j, ok := seqIndex(i, len(o.Items))
			if !ok {
				return NewError(IndexErrorClass, "list assignment index out of range")
			}
			o.Items = append(o.Items[:j], o.Items[j+1:]...)
			return nil
		}
		if s, ok := key.(*Slice); ok {
			start, stop, step, err := s.Unpack(th)
			if err != nil {
				return err
			}
			n := adjustSlice(int64(len(o.Items)), &start, &stop, step)
			if n == 0 {
				return nil
			}
			if step < 0 { // the same items, walked upwards
				start, step = start+(n-1)*step, -step
			}
			if step == 1 {
				o.Items = append(o.Items[:start], o.Items[start+n:]...)
				return nil
			}
			out := o.Items[:start]
			for k := start; k < int64(len(o.Items)); k++ {
				if k >= start && (k-start)%step == 0 && (k-start)/step < n {
					continue
				}
				out = append(out, o.Items[k])
			}
			clear(o.Items[len(out):])
			o.Items = out
			return nil
		}
		return NewError(TypeErrorClass, "list indices must be integers or slices, not "+TypeName(key))
	case *Dict:
		found, err := o.Delete(th, key)
		if err != nil {
			return err
		}
		if !found {
			return keyError(key)
		}
		return nil
	case *Instance:
		if m, _, ok := o.Class.Lookup("__delitem__"); ok {
			_, err := Call(th, m, []Value{obj, key}, nil)
			return err
		}
	case ItemDeleter:
		return o.DelItem(th, key)
	}
	return NewError(TypeErrorClass, "'"+TypeName(obj)+"' object doesn't support item deletion")
}

// Contains is `item in container`.
func Contains(th *Thread, container, item Value) (bool, error) {
	switch c := container.(type) {
	case Str:
		s, ok := item.(Str)
		if !ok {
			return false, NewError(TypeErrorClass, "'in <string>' requires string as left operand, not "+TypeName(item))
		}
		return strings.Contains(string(c), string(s)), nil
	case Bytes:
		switch x := item.(type) {
		case Bytes:
			return strings.Contains(string(c), string(x)), nil
		case Int, Bool:
			n, _, _ := Index(x)
			if n < 0 || n > 255 {
				return false, NewError(ValueErrorClass, "byte must be in range(0, 256)")
			}
			return strings.IndexByte(string(c), byte(n)) >= 0, nil
		}
		return false, NewError(TypeErrorClass, "a bytes-like object is required, not '"+TypeName(item)+"'")
	case *List:
		return seqContains(th, c.Items, item)
	case Tuple:
		return seqContains(th, c, item)
	case *Dict:
		_, found, err := c.Get(th, item)
		return found, err
	case *Set:
		return setContainsKey(th, c, item)
	case *Instance:
		if r, found, err := CallMethod(th, c, "__contains__", item); found {
			if err != nil {
				return false, err
			}
			return Truth(th, r)
		}
	case Container:
		return c.Contains(th, item)
	}
	it, err := Iter(th, container)
	if err != nil {
		if e, ok := err.(*Instance); ok && e.Class == TypeErrorClass && e.Message() == "'"+TypeName(container)+"' object is not iterable" {
			return false, NewError(TypeErrorClass, "argument of type '"+TypeName(container)+"' is not iterable")
		}
		return false, err
	}
	for {
		x, ok, err := it.Next(th)
		if err != nil || !ok {
			return false, err
		}
		if eq, err := sameKey(th, x, item); err != nil || eq {
			return eq, err
		}
	}
}

// seqContains tests identity, then equality, item by item.
func seqContains(th *Thread, items []Value, item Value) (bool, error) {
	for i := 0; i < len(items); i++ {
		if eq, err := itemEq(th, items[i], item); err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

// itemEq is the identity-then-equality test of `in`, list.index and
// list.count, with the common cases done inline.
func itemEq(th *Thread, a, b Value) (bool, error) {
	switch x := a.(type) {
	case Int:
		if y, ok := b.(Int); ok {
			return x == y, nil
		}
	case Str:
		if y, ok := b.(Str); ok {
			return x == y, nil
		}
	}
	return sameKey(th, a, b)
}

// setContainsKey is set_contains_key: a set looked up in a set is tried
// as the equal frozenset.
func setContainsKey(th *Thread, s *Set, key Value) (bool, error) {
	found, err := s.Contains(th, key)
	if err != nil {
		if k, ok := key.(*Set); ok && !k.Frozen {
			return s.Contains(th, frozenCopy(k))
		}
	}
	return found, err
}

// frozenCopy is frozenset(s).
func frozenCopy(s *Set) *Set {
	f := NewSet()
	f.Merge(nil, s)
	f.Frozen = true
	return f
}

// GenericAlias is list[int] and its kin, which annotations evaluate.
type GenericAlias struct {
	Origin *Class
	Args   Tuple
}

// GenericAliasClass is types.GenericAlias.
var GenericAliasClass = newBuiltinClass("types.GenericAlias", ObjectClass)

func (g *GenericAlias) Type() *Class { return GenericAliasClass }

// Call instantiates the origin class.
func (g *GenericAlias) Call(th *Thread, args []Value, kw *Kwargs) (Value, error) {
	return g.Origin.Call(th, args, kw)
}

// Repr renders list[int] as Python does.
func (g *GenericAlias) Repr(th *Thread) (string, error) {
	var b strings.Builder
	b.WriteString(typeRepr(g.Origin))
	b.WriteByte('[')
	if len(g.Args) == 0 {
		b.WriteString("()")
	}
	for i, a := range g.Args {
		if i > 0 {
			b.WriteString(", ")
		}
		if c, ok := a.(*Class); ok {
			b.WriteString(typeRepr(c))
			continue
		}
		s, err := Repr(th, a)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	b.WriteByte(']')
	return b.String(), nil
}

func typeRepr(c *Class) string {
	if c.Module == "builtins" {
		return c.Name
	}
	return c.Module + "." + c.Name
}

// classGetItem is Class[key]: a GenericAlias for the built-in generic
// types, __class_getitem__ for others.
func classGetItem(th *Thread, c *Class, key Value) (Value, error) {
	switch c {
	case ListClass, DictClass, TupleClass, SetClass, FrozenSetClass, TypeClass:
		args, ok := key.(Tuple)
		if !ok {
			args = Tuple{key}
		}
		return &GenericAlias{Origin: c, Args: args}, nil
	}
	if m, _, ok := c.Lookup("__class_getitem__"); ok {
		if cm, ok := m.(*ClassMethod); ok {
			m = cm.Fn
		}
		return Call(th, m, []Value{c, key}, nil)
	}
	return nil, NewError(TypeErrorClass, "type '"+c.Name+"' is not subscriptable")
}
