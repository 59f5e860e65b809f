package runtime

// Set is Python's set (or frozenset, when Frozen). It is CPython's own
// open-addressing table — the same probe sequence, dummy entries, growth
// and merge paths as Objects/setobject.c — so that a set of numbers
// iterates in exactly the order CPython prints it.
type Set struct {
	table  []setEntry
	fill   int // active plus dummy slots
	used   int // active slots
	Frozen bool
	finger int // where set.pop resumes its search
}

type setEntry struct {
	key   Value // nil: empty slot
	hash  int64
	dummy bool
}

const (
	setMinSize   = 8
	linearProbes = 9
	perturbShift = 5
)

// NewSet returns an empty set.
func NewSet() *Set { return &Set{table: make([]setEntry, setMinSize)} }

// Type makes sets Typed.
func (s *Set) Type() *Class {
	if s.Frozen {
		return FrozenSetClass
	}
	return SetClass
}

// FrozenSetClass is frozenset's class.
var FrozenSetClass = newBuiltinClass("frozenset", ObjectClass)

// Len is len(s).
func (s *Set) Len() int { return s.used }

// Items lists the elements in iteration order.
func (s *Set) Items() []Value {
	out := make([]Value, 0, s.used)
	for _, e := range s.table {
		if e.key != nil && !e.dummy {
			out = append(out, e.key)
		}
	}
	return out
}

// find returns the slot holding key, or -1.
func (s *Set) find(th *Thread, key Value, hash int64) (int, error) {
	mask := uint64(len(s.table) - 1)
	i := uint64(hash) & mask
	perturb := uint64(hash)
	for {
		probes := 0
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		for j := uint64(0); j <= uint64(probes); j++ {
			e := &s.table[i+j]
			if e.key == nil && !e.dummy {
				return -1, nil
			}
			if !e.dummy && e.hash == hash {
				if eq, err := sameKey(th, e.key, key); err != nil || eq {
					return int(i + j), err
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// sameKey is the identity-then-equality test dicts and sets use.
func sameKey(th *Thread, a, b Value) (bool, error) {
	if identical(a, b) {
		return true, nil
	}
	return Equal(th, a, b)
}

// Contains reports whether key is in the set.
func (s *Set) Contains(th *Thread, key Value) (bool, error) {
	h, err := Hash(th, key)
	if err != nil {
		return false, err
	}
	i, err := s.find(th, key, h)
	return i >= 0, err
}

// Add inserts key (set.add).
func (s *Set) Add(th *Thread, key Value) error {
	h, err := Hash(th, key)
	if err != nil {
		return err
	}
	return s.addEntry(th, key, h)
}

// addEntry is set_add_entry: the first dummy passed on the way is reused.
func (s *Set) addEntry(th *Thread, key Value, hash int64) error {
	mask := uint64(len(s.table) - 1)
	i := uint64(hash) & mask
	perturb := uint64(hash)
	free := -1
	for {
		probes := 0
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		for j := uint64(0); j <= uint64(probes); j++ {
			e := &s.table[i+j]
			switch {
			case e.key == nil && !e.dummy:
				if free >= 0 {
					s.table[free] = setEntry{key: key, hash: hash}
					s.used++
					return nil
				}
				*e = setEntry{key: key, hash: hash}
				s.fill++
				s.used++
				if uint64(s.fill)*5 < mask*3 {
					return nil
				}
				if s.used > 50000 {
					s.resize(s.used * 2)
				} else {
					s.resize(s.used * 4)
				}
				return nil
			case e.dummy:
				if free < 0 {
					free = int(i + j)
				}
			case e.hash == hash:
				eq, err := sameKey(th, e.key, key)
				if err != nil || eq {
					return err
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// resize is set_table_resize: the smallest power of two above minUsed,
// active entries reinserted in slot order.
func (s *Set) resize(minUsed int) {
	size := setMinSize
	for size <= minUsed {
		size <<= 1
	}
	old := s.table
	s.table = make([]setEntry, size)
	s.fill = s.used
	for _, e := range old {
		if e.key != nil && !e.dummy {
			s.insertClean(e.key, e.hash)
		}
	}
}

// insertClean is set_insert_clean: placement in a table known to hold
// neither dummies nor the key.
func (s *Set) insertClean(key Value, hash int64) {
	mask := uint64(len(s.table) - 1)
	i := uint64(hash) & mask
	perturb := uint64(hash)
	for {
		if s.table[i].key == nil {
			s.table[i] = setEntry{key: key, hash: hash}
			return
		}
		if i+linearProbes <= mask {
			for j := uint64(1); j <= linearProbes; j++ {
				if s.table[i+j].key == nil {
					s.table[i+j] = setEntry{key: key, hash: hash}
					return
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// Discard removes key if present and reports whether it was.
func (s *Set) Discard(th *Thread, key Value) (bool, error) {
	h, err := Hash(th, key)
	if err != nil {
		return false, err
	}
	i, err := s.find(th, key, h)
	if err != nil || i < 0 {
		return false, err
	}
	s.table[i] = setEntry{hash: -1, dummy: true}
	s.used--
	return true, nil
}

// Merge adds every element of other (set.update with a set, set(other),
// s | other), following set_merge's three paths.
func (s *Set) Merge(th *Thread, other *Set) error {
	if other == s || other.used == 0 {
		return nil
	}
	if uint64(s.fill+other.used)*5 >= uint64(len(s.table)-1)*3 {
		s.resize((s.used + other.used) * 2)
	}
	switch {
	case s.fill == 0 && len(s.table) == len(other.table) && other.fill == other.used:
		copy(s.table, other.table)
		s.fill, s.used = other.fill, other.used
	case s.fill == 0:
		s.fill, s.used = other.used, other.used
		for _, e := range other.table {
			if e.key != nil && !e.dummy {
				s.insertClean(e.key, e.hash)
			}
		}
	default:
		for _, e := range other.table {
			if e.key != nil && !e.dummy {
				if err := s.addEntry(th, e.key, e.hash); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// SetFromConstants builds the set a display of three or more constants
// gives in CPython 3.11. The compiler folds the display into a frozenset
// constant, rebuilds that frozenset from its own iteration order when it
// merges the code object's constants, and the display merges it into an
// empty set; each step can reorder the items, so all three are replayed.
func SetFromConstants(th *Thread, items []Value) (*Set, error) {
	folded := NewSet()
	for _, x := range items {
		if err := folded.Add(th, x); err != nil {
			return nil, err
		}
	}
	if len(items) < 3 {
		return folded, nil
	}
	merged := NewSet()
	for _, x := range folded.Items() {
		if err := merged.Add(th, x); err != nil {
			return nil, err
		}
	}
	s := NewSet()
	return s, s.Merge(th, merged)
}

// Repr renders {a, b} (set() when empty; frozenset({...}) when frozen).
func (s *Set) Repr(th *Thread) (string, error) {
	if s.used == 0 {
		if s.Frozen {
			return "frozenset()", nil
		}
		return "set()", nil
	}
	if th.reprActive[s] {
		return "{...}", nil
	}
	return th.guardRepr(s, func() (string, error) {
		body, err := reprSeq(th, s.Items(), "{", "}")
		if s.Frozen {
			body = "frozenset(" + body + ")"
		}
		return body, err
	})
}

// Compare implements set equality and the subset/superset orderings.
func (s *Set) Compare(th *Thread, op CmpOp, other Value) (Value, bool, error) {
	o, ok := other.(*Set)
	if !ok {
		if op == CmpEq || op == CmpNe {
			return MakeBool(op == CmpNe), true, nil
		}
		return nil, false, nil
	}
	sub := func(a, b *Set) (bool, error) { // a <= b
		if a.used > b.used {
			return false, nil
		}
		for _, x := range a.Items() {
			if in, err := b.Contains(th, x); err != nil || !in {
				return false, err
			}
		}
		return true, nil
	}
	var r bool
	var err error
	switch op {
	case CmpEq, CmpNe:
		r = s.used == o.used
		if r {
			r, err = sub(s, o)
		}
		if op == CmpNe {
			r = !r
		}
	case CmpLe:
		r, err = sub(s, o)
	case CmpLt:
		r, err = sub(s, o)
		r = r && s.used < o.used
	case CmpGe:
		r, err = sub(o, s)
	case CmpGt:
		r, err = sub(o, s)
		r = r && s.used > o.used
	}
	return MakeBool(r), true, err
}

// Hash: frozensets hash like CPython's (order-independent); sets cannot.
func (s *Set) Hash(th *Thread) (int64, error) {
	if !s.Frozen {
		return 0, unhashable(s)
	}
	var h uint64
	for _, e := range s.table {
		if e.key != nil && !e.dummy {
			x := uint64(e.hash)
			h ^= ((x ^ 89869747) ^ (x << 16)) * 3644798167
		}
	}
	h ^= (uint64(s.used) + 1) * 1927868237
	h ^= (h >> 11) ^ (h >> 25)
	h = h*69069 + 907133923
	return fixHash(int64(h)), nil
}
