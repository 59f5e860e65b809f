package runtime

// The methods and operators of set and frozenset, ported from
// Objects/setobject.c path for path, so that their results iterate in
// CPython's order.

// newSetLike returns an empty set of the same kind as s.
func newSetLike(s *Set) *Set {
	r := NewSet()
	r.Frozen = s.Frozen
	return r
}

// setEntries lists the live entries in table order (set_next).
func (s *Set) entries() []setEntry {
	out := make([]setEntry, 0, s.used)
	for _, e := range s.table {
		if e.key != nil && !e.dummy {
			out = append(out, e)
		}
	}
	return out
}

// setCopy is set_copy: a new set of s's kind built by set_merge.
func setCopy(th *Thread, s *Set) *Set {
	r := newSetLike(s)
	r.Merge(th, s)
	return r
}

// setUpdateInternal is set_update_internal: merge a set, add a dict's
// keys with their hashes, or add an iterable's items.
func setUpdateInternal(th *Thread, s *Set, other Value) error {
	switch o := other.(type) {
	case *Set:
		return s.Merge(th, o)
	case *Dict:
		n := o.Len()
		if uint64(s.fill+n)*5 >= uint64(len(s.table)-1)*3 {
			s.resize((s.used + n) * 2)
		}
		for _, k := range o.Keys() {
			h, err := Hash(th, k)
			if err != nil {
				return err
			}
			if err := s.addEntry(th, k, h); err != nil {
				return err
			}
		}
		return nil
	}
	it, err := Iter(th, other)
	if err != nil {
		return err
	}
	for {
		x, ok, err := it.Next(th)
		if err != nil || !ok {
			return err
		}
		if err := s.Add(th, x); err != nil {
			return err
		}
	}
}

// setUpdate is s |= other for two sets.
func setUpdate(th *Thread, s, other *Set) error { return s.Merge(th, other) }

// containsEntry is set_contains_entry.
func (s *Set) containsEntry(th *Thread, key Value, hash int64) (bool, error) {
	i, err := s.find(th, key, hash)
	return i >= 0, err
}

// discardEntry is set_discard_entry.
func (s *Set) discardEntry(th *Thread, key Value, hash int64) (bool, error) {
	i, err := s.find(th, key, hash)
	if err != nil || i < 0 {
		return false, err
	}
	s.table[i] = setEntry{hash: -1, dummy: true}
	s.used--
	return true, nil
}

// discardKey is set_discard_key with the frozenset retry for set keys.
func (s *Set) discardKey(th *Thread, key Value) (bool, error) {
	found, err := s.Discard(th, key)
	if err != nil {
		if k, ok := key.(*Set); ok && !k.Frozen {
			return s.Discard(th, frozenCopy(k))
		}
	}
	return found, err
}

// clearSet is set_clear_internal.
func (s *Set) clearSet() {
	s.table = make([]setEntry, setMinSize)
	s.fill, s.used = 0, 0
}

// swapBodies gives s the contents of t (set_swap_bodies, one way).
func (s *Set) swapBodies(t *Set) {
	s.table, s.fill, s.used = t.table, t.fill, t.used
}

// setIntersection is set_intersection.
func setIntersection(th *Thread, so *Set, other Value) (*Set, error) {
	result := newSetLike(so)
	if o, ok := other.(*Set); ok {
		a, b := so, o
		if b.used > a.used {
			a, b = b, a
		}
		for _, e := range b.entries() {
			found, err := a.containsEntry(th, e.key, e.hash)
			if err != nil {
				return nil, err
			}
			if found {
				if err := result.addEntry(th, e.key, e.hash); err != nil {
					return nil, err
				}
			}
		}
		return result, nil
	}
	it, err := Iter(th, other)
	if err != nil {
		return nil, err
	}
	for {
		x, ok, err := it.Next(th)
		if err != nil {
			return nil, err
		}
		if !ok {
			return result, nil
		}
		h, err := Hash(th, x)
		if err != nil {
			return nil, err
		}
		found, err := so.containsEntry(th, x, h)
		if err != nil {
			return nil, err
		}
		if found {
			if err := result.addEntry(th, x, h); err != nil {
				return nil, err
			}
		}
	}
}

func setIntersectionUpdate(th *Thread, s *Set, other Value) error {
	tmp, err := setIntersection(th, s, other)
	if err != nil {
		return err
	}
	s.swapBodies(tmp)
	return nil
}

// setDifferenceUpdateInternal is set_difference_update_internal.
func setDifferenceUpdateInternal(th *Thread, s *Set, other Value) error {
	if o, ok := other.(*Set); ok {
		if o == s {
			s.clearSet()
			return nil
		}
		for _, e := range o.entries() {
			if _, err := s.discardEntry(th, e.key, e.hash); err != nil {
				return err
			}
		}
	} else {
		it, err := Iter(th, other)
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
			if _, err := s.discardKey(th, x); err != nil {
				return err
			}
		}
	}
	// If more than 1/4th are dummies, then resize them away.
	if (s.fill-s.used)*5 < len(s.table)-1 {
		return nil
	}
	if s.used > 50000 {
		s.resize(s.used * 2)
	} else {
		s.resize(s.used * 4)
	}
	return nil
}

func setDifferenceUpdate(th *Thread, s, other *Set) error {
	return setDifferenceUpdateInternal(th, s, other)
}

// setDifference is set_difference.
func setDifference(th *Thread, so *Set, other Value) (*Set, error) {
	var otherSize int
	switch o := other.(type) {
	case *Set:
		otherSize = o.used
	case *Dict:
		otherSize = o.Len()
	default:
		r := setCopy(th, so)
		return r, setDifferenceUpdateInternal(th, r, other)
	}
	if so.used>>2 > otherSize {
		r := setCopy(th, so)
		return r, setDifferenceUpdateInternal(th, r, other)
	}
	result := newSetLike(so)
	for _, e := range so.entries() {
		var found bool
		var err error
		switch o := other.(type) {
		case *Set:
			found, err = o.containsEntry(th, e.key, e.hash)
		case *Dict:
			_, found, err = o.Get(th, e.key)
		}
		if err != nil {
			return nil, err
		}
		if !found {
			if err := result.addEntry(th, e.key, e.hash); err != nil {
				return nil, err
			}
		}
	}
	return result, nil
}

// setSymmetricDifferenceUpdate is set_symmetric_difference_update.
func setSymmetricDifferenceUpdate(th *Thread, s *Set, other Value) error {
	if o, ok := other.(*Set); ok && o == s {
		s.clearSet()
		return nil
	}
	var entries []setEntry
	switch o := other.(type) {
	case *Dict:
		for _, k := range o.Keys() {
			h, err := Hash(th, k)
			if err != nil {
				return err
			}
			entries = append(entries, setEntry{key: k, hash: h})
		}
	case *Set:
		entries = o.entries()
	default:
		tmp := newSetLike(s)
		if err := setUpdateInternal(th, tmp, other); err != nil {
			return err
		}
		entries = tmp.entries()
	}
	for _, e := range entries {
		found, err := s.discardEntry(th, e.key, e.hash)
		if err != nil {
			return err
		}
		if !found {
			if err := s.addEntry(th, e.key, e.hash); err != nil {
				return err
			}
		}
	}
	return nil
}

// setSymmetricDifference is set_symmetric_difference: a copy of other
// (of so's kind) updated with so.
func setSymmetricDifference(th *Thread, so *Set, other Value) (*Set, error) {
	r := newSetLike(so)
	if err := setUpdateInternal(th, r, other); err != nil {
		return nil, err
	}
	return r, setSymmetricDifferenceUpdate(th, r, so)
}

// setBinary implements |, &, - and ^ between two sets.
func setBinary(th *Thread, op Op, a, b *Set) (Value, error) {
	switch op {
	case OpOr:
		r := setCopy(th, a)
		if b != a {
			if err := r.Merge(th, b); err != nil {
				return nil, err
			}
		}
		return r, nil
	case OpAnd:
		return setIntersection(th, a, b)
	case OpSub:
		return setDifference(th, a, b)
	}
	return setSymmetricDifference(th, a, b)
}

// setIsSubset is set_issubset.
func setIsSubset(th *Thread, so *Set, other Value) (bool, error) {
	o, ok := other.(*Set)
	if !ok {
		tmp, err := setIntersection(th, so, other)
		if err != nil {
			return false, err
		}
		return tmp.used == so.used, nil
	}
	if so.used > o.used {
		return false, nil
	}
	for _, e := range so.entries() {
		found, err := o.containsEntry(th, e.key, e.hash)
		if err != nil || !found {
			return false, err
		}
	}
	return true, nil
}

func setIsSuperset(th *Thread, so *Set, other Value) (bool, error) {
	if o, ok := other.(*Set); ok {
		return setIsSubset(th, o, so)
	}
	it, err := Iter(th, other)
	if err != nil {
		return false, err
	}
	for {
		x, ok, err := it.Next(th)
		if err != nil || !ok {
			return err == nil, err
		}
		found, err := setContainsKey(th, so, x)
		if err != nil || !found {
			return false, err
		}
	}
}

func setIsDisjoint(th *Thread, so *Set, other Value) (bool, error) {
	if o, ok := other.(*Set); ok {
		a, b := so, o
		if b.used > a.used {
			a, b = b, a
		}
		for _, e := range b.entries() {
			found, err := a.containsEntry(th, e.key, e.hash)
			if err != nil || found {
				return false, err
			}
		}
		return true, nil
	}
	it, err := Iter(th, other)
	if err != nil {
		return false, err
	}
	for {
		x, ok, err := it.Next(th)
		if err != nil || !ok {
			return err == nil, err
		}
		found, err := setContainsKey(th, so, x)
		if err != nil || found {
			return false, err
		}
	}
}

// pop is set_pop: the search resumes where the last pop stopped.
func (s *Set) pop() (Value, error) {
	if s.used == 0 {
		return nil, keyError(Str("pop from an empty set"))
	}
	mask := len(s.table) - 1
	i := s.finger & mask
	for s.table[i].key == nil || s.table[i].dummy {
		i++
		if i > mask {
			i = 0
		}
	}
	key := s.table[i].key
	s.table[i] = setEntry{hash: -1, dummy: true}
	s.used--
	s.finger = i + 1
	return key, nil
}

// NewSetFrom is set(iterable) (frozen for frozenset(iterable)).
func NewSetFrom(th *Thread, iterable Value, frozen bool) (*Set, error) {
	s := NewSet()
	s.Frozen = frozen
	if iterable == nil {
		return s, nil
	}
	return s, setUpdateInternal(th, s, iterable)
}

func init() {
	for _, c := range []*Class{SetClass, FrozenSetClass} {
		frozen := c == FrozenSetClass
		SetConstructor(c, func(th *Thread, cls *Class, args []Value, kw *Kwargs) (Value, error) {
			if err := posOnly(cls.Name, cls.Name, args, kw, 0, 1); err != nil {
				return nil, err
			}
			if frozen && len(args) == 1 {
				if s, ok := args[0].(*Set); ok && s.Frozen {
					return s, nil
				}
			}
			return NewSetFrom(th, optArg(args, 0), frozen)
		})
		self := func(v Value) *Set { return v.(*Set) }
		multi := func(name string, fn func(th *Thread, s *Set, others []Value) (Value, error)) {
			defMethod(c, name, func(th *Thread, s Value, args []Value, kw *Kwargs) (Value, error) {
				if err := noKwargs(c.Name+"."+name, kw); err != nil {
					return nil, err
				}
				return fn(th, self(s), args)
			})
		}
		single := func(name string, fn func(th *Thread, s *Set, other Value) (Value, error)) {
			defMethod(c, name, func(th *Thread, s Value, args []Value, kw *Kwargs) (Value, error) {
				if err := oneArg(c.Name+"."+name, args, kw); err != nil {
					return nil, err
				}
				return fn(th, self(s), args[0])
			})
		}
		defMethod(c, "copy", func(th *Thread, s Value, args []Value, kw *Kwargs) (Value, error) {
			if err := noArgs(c.Name+".copy", args, kw); err != nil {
				return nil, err
			}
			if frozen {
				return s, nil
			}
			return setCopy(th, self(s)), nil
		})
		multi("union", func(th *Thread, s *Set, others []Value) (Value, error) {
			r := setCopy(th, s)
			for _, o := range others {
				if o == Value(s) {
					continue
				}
				if err := setUpdateInternal(th, r, o); err != nil {
					return nil, err
				}
			}
			return r, nil
		})
		multi("intersection", func(th *Thread, s *Set, others []Value) (Value, error) {
			if len(others) == 0 {
				return setCopy(th, s), nil
			}
			r := s
			for _, o := range others {
				var err error
				if r, err = setIntersection(th, r, o); err != nil {
					return nil, err
				}
			}
			return r, nil
		})
		multi("difference", func(th *Thread, s *Set, others []Value) (Value, error) {
			if len(others) == 0 {
				return setCopy(th, s), nil
			}
			r, err := setDifference(th, s, others[0])
			if err != nil {
				return nil, err
			}
			for _, o := range others[1:] {
				if err := setDifferenceUpdateInternal(th, r, o); err != nil {
					return nil, err
				}
			}
			return r, nil
		})
		single("symmetric_difference", func(th *Thread, s *Set, other Value) (Value, error) {
			return setSymmetricDifference(th, s, other)
		})
		single("issubset", func(th *Thread, s *Set, other Value) (Value, error) {
			r, err := setIsSubset(th, s, other)
			return MakeBool(r), err
		})
		single("issuperset", func(th *Thread, s *Set, other Value) (Value, error) {
			r, err := setIsSuperset(th, s, other)
			return MakeBool(r), err
		})
		single("isdisjoint", func(th *Thread, s *Set, other Value) (Value, error) {
			r, err := setIsDisjoint(th, s, other)
			return MakeBool(r), err
		})
		if frozen {
			continue
		}
		single("add", func(th *Thread, s *Set, x Value) (Value, error) {
			return None, s.Add(th, x)
		})
		single("remove", func(th *Thread, s *Set, x Value) (Value, error) {
			found, err := s.discardKey(th, x)
			if err != nil {
				return nil, err
			}
			if !found {
				return nil, keyError(x)
			}
			return None, nil
		})
		single("discard", func(th *Thread, s *Set, x Value) (Value, error) {
			_, err := s.discardKey(th, x)
			return None, err
		})
		defMethod(c, "pop", func(th *Thread, s Value, args []Value, kw *Kwargs) (Value, error) {
			if err := noArgs("set.pop", args, kw); err != nil {
				return nil, err
			}
			return self(s).pop()
		})
		defMethod(c, "clear", func(th *Thread, s Value, args []Value, kw *Kwargs) (Value, error) {
			if err := noArgs("set.clear", args, kw); err != nil {
				return nil, err
			}
			self(s).clearSet()
			return None, nil
		})
		multi("update", func(th *Thread, s *Set, others []Value) (Value, error) {
			for _, o := range others {
				if err := setUpdateInternal(th, s, o); err != nil {
					return nil, err
				}
			}
			return None, nil
		})
		multi("intersection_update", func(th *Thread, s *Set, others []Value) (Value, error) {
			r := s
			for _, o := range others {
				var err error
				if r, err = setIntersection(th, r, o); err != nil {
					return nil, err
				}
			}
			if len(others) > 0 {
				s.swapBodies(r)
			}
			return None, nil
		})
		multi("difference_update", func(th *Thread, s *Set, others []Value) (Value, error) {
			for _, o := range others {
				if err := setDifferenceUpdateInternal(th, s, o); err != nil {
					return nil, err
				}
			}
			return None, nil
		})
		single("symmetric_difference_update", func(th *Thread, s *Set, other Value) (Value, error) {
			return None, setSymmetricDifferenceUpdate(th, s, other)
		})
	}
}
