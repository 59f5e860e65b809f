package runtime

import "math"

// Dict is Python's dict: insertion-ordered. Keys of the commonest types
// (str, int, float, None, bool) are found with one Go map access on a
// normalised key, so that 1, 1.0 and True are the same key as in Python;
// other keys (tuples, big ints, instances with __hash__/__eq__) go through
// buckets of their Python hash and Python equality.
type Dict struct {
	entries []dictEntry
	fast    map[Value]int32   // normalised simple key -> entry index
	slow    map[int64][]int32 // hash -> entry indices
	live    int
	version uint64 // bumped on every insertion or deletion, for iterators
}

type dictEntry struct {
	key, value Value // key nil: deleted
	hash       int64
}

// NewDict returns an empty dict.
func NewDict() *Dict { return &Dict{} }

// Type makes dicts Typed.
func (d *Dict) Type() *Class { return DictClass }

// Len is len(d).
func (d *Dict) Len() int { return d.live }

// Version changes whenever keys are added or removed.
func (d *Dict) Version() uint64 { return d.version }

// fastKey normalises a simple key, or reports that it is not simple.
func fastKey(k Value) (Value, bool) {
	switch k := k.(type) {
	case Str, Int, none:
		return k, true
	case Bool:
		if k {
			return smallInts[6], true
		}
		return smallInts[5], true
	case Float:
		f := float64(k)
		if f == math.Trunc(f) && math.Abs(f) < 1<<62 {
			return Int(int64(f)), true
		}
		if math.IsNaN(f) || math.IsInf(f, 0) || f == math.Trunc(f) {
			return nil, false // NaN is only equal to itself; big integral floats equal big ints
		}
		return k, true
	}
	return nil, false
}

// lookup returns the index of key's entry, or -1.
func (d *Dict) lookup(th *Thread, key Value) (int, error) {
	if fk, ok := fastKey(key); ok {
		if d.fast == nil {
			return -1, nil
		}
		if i, ok := d.fast[fk]; ok {
			return int(i), nil
		}
		return -1, nil
	}
	h, err := Hash(th, key)
	if err != nil {
		return -1, err
	}
	for _, i := range d.slow[h] {
		if eq, err := sameKey(th, d.entries[i].key, key); err != nil || eq {
			return int(i), err
		}
	}
	return -1, nil
}

// Get returns d[key] and whether it exists.
func (d *Dict) Get(th *Thread, key Value) (Value, bool, error) {
	i, err := d.lookup(th, key)
	if err != nil || i < 0 {
		return nil, false, err
	}
	return d.entries[i].value, true, nil
}

// GetStr is Get for a str key, which cannot fail.
func (d *Dict) GetStr(key string) (Value, bool) {
	if i, ok := d.fast[Str(key)]; ok {
		return d.entries[i].value, true
	}
	return nil, false
}

// Set binds d[key] = value; an existing key keeps its place (and its
// original key object, as in Python).
func (d *Dict) Set(th *Thread, key, value Value) error {
	if fk, ok := fastKey(key); ok {
		if d.fast == nil {
			d.fast = map[Value]int32{}
		}
		if i, ok := d.fast[fk]; ok {
			d.entries[i].value = value
			return nil
		}
		d.fast[fk] = int32(len(d.entries))
		d.append(key, value, 0)
		return nil
	}
	h, err := Hash(th, key)
	if err != nil {
		return err
	}
	for _, i := range d.slow[h] {
		if eq, err := sameKey(th, d.entries[i].key, key); err != nil {
			return err
		} else if eq {
			d.entries[i].value = value
			return nil
		}
	}
	if d.slow == nil {
		d.slow = map[int64][]int32{}
	}
	d.slow[h] = append(d.slow[h], int32(len(d.entries)))
	d.append(key, value, h)
	return nil
}

// SetStr binds a str key.
func (d *Dict) SetStr(key string, value Value) { d.Set(nil, Str(key), value) }

func (d *Dict) append(key, value Value, h int64) {
	d.entries = append(d.entries, dictEntry{key: key, value: value, hash: h})
	d.live++
	d.version++
}

// Delete removes key, reporting whether it was there.
func (d *Dict) Delete(th *Thread, key Value) (bool, error) {
	i, err := d.lookup(th, key)
	if err != nil || i < 0 {
		return false, err
	}
	e := d.entries[i]
	if fk, ok := fastKey(e.key); ok {
		delete(d.fast, fk)
	} else {
		b := d.slow[e.hash]
		for j, x := range b {
			if int(x) == i {
				b = append(b[:j], b[j+1:]...)
				break
			}
		}
		if len(b) == 0 {
			delete(d.slow, e.hash)
		} else {
			d.slow[e.hash] = b
		}
	}
	d.entries[i] = dictEntry{}
	d.live--
	d.version++
	if len(d.entries) > 32 && d.live*2 < len(d.entries) {
		d.compact()
	}
	return true, nil
}

// compact drops deleted entries and renumbers the index.
func (d *Dict) compact() {
	old := d.entries
	d.entries = make([]dictEntry, 0, d.live)
	d.fast, d.slow = nil, nil
	for _, e := range old {
		if e.key == nil {
			continue
		}
		if fk, ok := fastKey(e.key); ok {
			if d.fast == nil {
				d.fast = map[Value]int32{}
			}
			d.fast[fk] = int32(len(d.entries))
		} else {
			if d.slow == nil {
				d.slow = map[int64][]int32{}
			}
			d.slow[e.hash] = append(d.slow[e.hash], int32(len(d.entries)))
		}
		d.entries = append(d.entries, e)
	}
}

// Keys, Values and Items list the contents in insertion order.
func (d *Dict) Keys() []Value {
	out := make([]Value, 0, d.live)
	for _, e := range d.entries {
		if e.key != nil {
			out = append(out, e.key)
		}
	}
	return out
}

func (d *Dict) Values() []Value {
	out := make([]Value, 0, d.live)
	for _, e := range d.entries {
		if e.key != nil {
			out = append(out, e.value)
		}
	}
	return out
}

func (d *Dict) Items() []Tuple {
	out := make([]Tuple, 0, d.live)
	for _, e := range d.entries {
		if e.key != nil {
			out = append(out, Tuple{e.key, e.value})
		}
	}
	return out
}

// Entry returns the i-th slot for iterators that walk the dict while
// checking its version; ok is false for a deleted slot.
func (d *Dict) Entry(i int) (key, value Value, ok bool) {
	e := d.entries[i]
	return e.key, e.value, e.key != nil
}

// Slots is the number of slots Entry can be asked for.
func (d *Dict) Slots() int { return len(d.entries) }

// Repr renders {k: v, ...}, with {...} for a dict inside itself.
func (d *Dict) Repr(th *Thread) (string, error) {
	if th.reprActive[d] {
		return "{...}", nil
	}
	return th.guardRepr(d, func() (string, error) {
		b := []byte{'{'}
		first := true
		for _, e := range d.entries {
			if e.key == nil {
				continue
			}
			if !first {
				b = append(b, ", "...)
			}
			first = false
			k, err := Repr(th, e.key)
			if err != nil {
				return "", err
			}
			v, err := Repr(th, e.value)
			if err != nil {
				return "", err
			}
			b = append(append(append(b, k...), ": "...), v...)
		}
		return string(append(b, '}')), nil
	})
}

// Compare implements == and != between dicts.
func (d *Dict) Compare(th *Thread, op CmpOp, other Value) (Value, bool, error) {
	o, ok := other.(*Dict)
	if !ok || (op != CmpEq && op != CmpNe) {
		return nil, false, nil
	}
	if d.live != o.live {
		return MakeBool(op == CmpNe), true, nil
	}
	for _, e := range d.entries {
		if e.key == nil {
			continue
		}
		v, found, err := o.Get(th, e.key)
		if err != nil {
			return nil, true, err
		}
		if !found {
			return MakeBool(op == CmpNe), true, nil
		}
		if eq, err := sameKey(th, e.value, v); err != nil || !eq {
			return MakeBool(op == CmpNe), true, err
		}
	}
	return MakeBool(op == CmpEq), true, nil
}

// Hash reports that dicts are unhashable.
func (d *Dict) Hash(th *Thread) (int64, error) { return 0, unhashable(d) }
