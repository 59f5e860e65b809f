package runtime

// Exception groups (PEP 654) as CPython 3.11 has them
// (Objects/exceptions.c): BaseExceptionGroup.__new__'s checks and choice
// of class, split, subgroup and derive, and what except* does with them
// (ceval.c's exception_group_match and _PyExc_PrepReraiseStar).

// IsGroup reports whether e is a BaseExceptionGroup.
func IsGroup(e *Instance) bool {
	return e != nil && e.Exc != nil && e.Class.IsSubclass(BaseExceptionGroupClass)
}

// GroupExceptions is eg.exceptions: the tuple __new__ kept, or the second
// argument of a group built in Go.
func GroupExceptions(e *Instance) Tuple {
	if e.Exc.Excs != nil {
		return e.Exc.Excs
	}
	if len(e.Exc.Args) == 2 {
		switch x := e.Exc.Args[1].(type) {
		case Tuple:
			return x
		case *List:
			return Tuple(append([]Value(nil), x.Items...))
		}
	}
	return nil
}

// groupMessage is eg.message.
func groupMessage(e *Instance) Value {
	if e.Exc.Msg != nil {
		return e.Exc.Msg
	}
	if len(e.Exc.Args) > 0 {
		return e.Exc.Args[0]
	}
	return Str("")
}

// NewExceptionGroup makes BaseExceptionGroup(msg, excs) as Go code raises
// it (asyncio's TaskGroup, except*): an ExceptionGroup when every
// exception is an Exception. excs becomes the second argument as given.
func NewExceptionGroup(msg string, excs Value) *Instance {
	items := seqItems(excs)
	cls := ExceptionGroupClass
	for _, x := range items {
		if e, ok := x.(*Instance); !ok || !e.Class.IsSubclass(ExceptionClass) {
			cls = BaseExceptionGroupClass
		}
	}
	eg := NewInstance(cls)
	eg.Exc.Args = Tuple{Str(msg), excs}
	eg.Exc.Msg = Str(msg)
	eg.Exc.Excs = Tuple(items)
	return eg
}

func seqItems(v Value) []Value {
	switch v := v.(type) {
	case Tuple:
		return append([]Value(nil), v...)
	case *List:
		return append([]Value(nil), v.Items...)
	}
	return nil
}

// newGroup is BaseExceptionGroup.__new__ for class c (a group class);
// __init__ runs afterwards as for any exception.
func newGroup(th *Thread, c *Class, args []Value) (*Instance, error) {
	if len(args) != 2 {
		return nil, NewError(TypeErrorClass, "BaseExceptionGroup.__new__() takes exactly 2 arguments ("+itoa(int64(len(args)))+" given)")
	}
	msg, ok := args[0].(Str)
	if !ok {
		return nil, NewError(TypeErrorClass, "BaseExceptionGroup.__new__() argument 1 must be str, not "+TypeName(args[0]))
	}
	var items []Value
	switch s := args[1].(type) {
	case Tuple, *List, Str:
		var err error
		if items, err = Collect(th, s); err != nil {
			return nil, err
		}
	default:
		_, isDict := s.(*Dict)
		if inst, ok := s.(*Instance); !ok || isDict || !hasMethod(inst, "__getitem__") {
			return nil, NewError(TypeErrorClass, "second argument (exceptions) must be a sequence")
		}
		var err error
		if items, err = Collect(th, s); err != nil {
			return nil, err
		}
	}
	if len(items) == 0 {
		return nil, NewError(ValueErrorClass, "second argument (exceptions) must be a non-empty sequence")
	}
	nestedBase := false
	for i, x := range items {
		e, ok := x.(*Instance)
		if !ok || e.Exc == nil {
			return nil, NewError(ValueErrorClass, "Item "+itoa(int64(i))+" of second argument (exceptions) is not an exception")
		}
		if !e.Class.IsSubclass(ExceptionClass) {
			nestedBase = true
		}
	}
	cls := c
	switch {
	case c == ExceptionGroupClass:
		if nestedBase {
			return nil, NewError(TypeErrorClass, "Cannot nest BaseExceptions in an ExceptionGroup")
		}
	case c == BaseExceptionGroupClass:
		if !nestedBase {
			cls = ExceptionGroupClass
		}
	default:
		if nestedBase && c.IsSubclass(ExceptionClass) {
			return nil, NewError(TypeErrorClass, "Cannot nest BaseExceptions in '"+c.Name+"'")
		}
	}
	eg := NewInstance(cls)
	eg.Exc.Args = append(Tuple(nil), args...)
	eg.Exc.Msg = msg
	eg.Exc.Excs = Tuple(items)
	return eg, nil
}

// groupMatcher is how split and subgroup test a leaf: by type, by a
// predicate, or (for except*'s re-raise) by identity.
type groupMatcher func(th *Thread, e *Instance) (bool, error)

// matcherFor is get_matcher_type: a function, an exception class or a
// tuple of exception classes.
func matcherFor(cond Value) (groupMatcher, error) {
	if _, ok := cond.(*Function); ok {
		return func(th *Thread, e *Instance) (bool, error) {
			r, err := Call(th, cond, []Value{e}, nil)
			if err != nil {
				return false, err
			}
			return Truth(th, r)
		}, nil
	}
	bad := NewError(TypeErrorClass, "expected a function, exception type or tuple of exception types")
	switch c := cond.(type) {
	case *Class:
		if !c.IsSubclass(BaseExceptionClass) {
			return nil, bad
		}
	case Tuple:
		for _, x := range c {
			if k, ok := x.(*Class); !ok || !k.IsSubclass(BaseExceptionClass) {
				return nil, bad
			}
		}
	default:
		return nil, bad
	}
	return func(th *Thread, e *Instance) (bool, error) { return excMatches(e, cond) }, nil
}

// splitGroup is exceptiongroup_split_recursive: the part of exc that
// matches and (with rest) the part that does not, each a group derived
// from the one it came from, or nil.
func splitGroup(th *Thread, exc *Instance, m groupMatcher, withRest bool) (match, rest *Instance, err error) {
	ok, err := m(th, exc)
	if err != nil {
		return nil, nil, err
	}
	if ok {
		return exc, nil, nil
	}
	if !IsGroup(exc) {
		if withRest {
			return nil, exc, nil
		}
		return nil, nil, nil
	}
	var matches, rests []Value
	for _, x := range GroupExceptions(exc) {
		e, _ := x.(*Instance)
		if e == nil {
			continue
		}
		mm, rr, err := splitGroup(th, e, m, withRest)
		if err != nil {
			return nil, nil, err
		}
		if mm != nil {
			matches = append(matches, mm)
		}
		if rr != nil {
			rests = append(rests, rr)
		}
	}
	if match, err = subsetGroup(th, exc, matches); err != nil {
		return nil, nil, err
	}
	if withRest {
		if rest, err = subsetGroup(th, exc, rests); err != nil {
			return nil, nil, err
		}
	}
	return match, rest, nil
}

// subsetGroup is exceptiongroup_subset: orig.derive(excs) with orig's
// traceback, cause, context and a copy of its notes. Setting the cause
// also sets __suppress_context__, as PyException_SetCause does.
func subsetGroup(th *Thread, orig *Instance, excs []Value) (*Instance, error) {
	if len(excs) == 0 {
		return nil, nil
	}
	derive, err := GetAttr(th, orig, "derive")
	if err != nil {
		return nil, err
	}
	r, err := Call(th, derive, []Value{&List{Items: excs}}, nil)
	if err != nil {
		return nil, err
	}
	eg, ok := r.(*Instance)
	if !ok || !IsGroup(eg) {
		return nil, NewError(TypeErrorClass, "derive must return an instance of BaseExceptionGroup")
	}
	if len(orig.Exc.Traceback) > 0 {
		eg.Exc.Traceback, eg.Exc.frame = orig.Exc.Traceback, orig.Exc.frame
	}
	eg.Exc.Context, eg.Exc.Cause, eg.Exc.SuppressContext = orig.Exc.Context, orig.Exc.Cause, true
	if notes, ok := orig.Dict.Get("__notes__"); ok {
		switch n := notes.(type) {
		case *List:
			eg.Dict.Set("__notes__", &List{Items: append([]Value(nil), n.Items...)})
		case Tuple:
			eg.Dict.Set("__notes__", &List{Items: append([]Value(nil), n...)})
		}
	}
	return eg, nil
}

func init() {
	Def(BaseExceptionGroupClass, "split", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		eg, m, err := groupMethodArgs("split", args, kw)
		if err != nil {
			return nil, err
		}
		match, rest, err := splitGroup(th, eg, m, true)
		if err != nil {
			return nil, err
		}
		return Tuple{orNone(match), orNone(rest)}, nil
	})
	Def(BaseExceptionGroupClass, "subgroup", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		eg, m, err := groupMethodArgs("subgroup", args, kw)
		if err != nil {
			return nil, err
		}
		match, _, err := splitGroup(th, eg, m, false)
		if err != nil {
			return nil, err
		}
		return orNone(match), nil
	})
	Def(BaseExceptionGroupClass, "derive", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if len(args) != 2 || kw.Len() > 0 {
			return nil, NewError(TypeErrorClass, "BaseExceptionGroup.derive() takes exactly one argument ("+itoa(int64(len(args)-1))+" given)")
		}
		eg, ok := args[0].(*Instance)
		if !ok || !IsGroup(eg) {
			return nil, NewError(TypeErrorClass, "descriptor 'derive' requires a 'BaseExceptionGroup' object")
		}
		return newGroup(th, BaseExceptionGroupClass, []Value{groupMessage(eg), args[1]})
	})
	Def(BaseExceptionClass, "add_note", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if len(args) != 2 || kw.Len() > 0 {
			return nil, NewError(TypeErrorClass, "BaseException.add_note() takes exactly one argument ("+itoa(int64(len(args)-1))+" given)")
		}
		e, ok := args[0].(*Instance)
		if !ok || e.Exc == nil {
			return nil, NewError(TypeErrorClass, "descriptor 'add_note' requires a 'BaseException' object")
		}
		if _, ok := args[1].(Str); !ok {
			return nil, NewError(TypeErrorClass, "note must be a str, not '"+TypeName(args[1])+"'")
		}
		notes, ok := e.Dict.Get("__notes__")
		if !ok {
			notes = &List{}
			e.Dict.Set("__notes__", notes)
		}
		l, ok := notes.(*List)
		if !ok {
			return nil, NewError(TypeErrorClass, "Cannot add note: __notes__ is not a list")
		}
		l.Items = append(l.Items, args[1])
		return None, nil
	})
}

func groupMethodArgs(name string, args []Value, kw *Kwargs) (*Instance, groupMatcher, error) {
	if len(args) != 2 || kw.Len() > 0 {
		return nil, nil, NewError(TypeErrorClass, "BaseExceptionGroup."+name+"() takes exactly one argument ("+itoa(int64(len(args)-1))+" given)")
	}
	eg, ok := args[0].(*Instance)
	if !ok || !IsGroup(eg) {
		return nil, nil, NewError(TypeErrorClass, "descriptor '"+name+"' requires a 'BaseExceptionGroup' object")
	}
	m, err := matcherFor(args[1])
	return eg, m, err
}

func orNone(e *Instance) Value {
	if e == nil {
		return None
	}
	return e
}

// checkStarType is check_except_star_type_valid: an exception class or a
// tuple of them, none of them an exception group.
func checkStarType(t Value) error {
	bad := NewError(TypeErrorClass, "catching classes that do not inherit from BaseException is not allowed")
	isEG := false
	switch t := t.(type) {
	case *Class:
		if !t.IsSubclass(BaseExceptionClass) {
			return bad
		}
		isEG = t.IsSubclass(BaseExceptionGroupClass)
	case Tuple:
		for _, x := range t {
			k, ok := x.(*Class)
			if !ok || !k.IsSubclass(BaseExceptionClass) {
				return bad
			}
			isEG = isEG || k.IsSubclass(BaseExceptionGroupClass)
		}
	default:
		return bad
	}
	if isEG {
		return NewError(TypeErrorClass, "catching ExceptionGroup with except* is not allowed. Use except instead.")
	}
	return nil
}

// starMatch is exception_group_match: the part of exc an except* clause
// for t takes, and the rest. A naked exception that matches is wrapped in
// a group (made in frame fr, whose traceback entry it never gets).
func starMatch(th *Thread, fr *Frame, exc *Instance, t Value) (match, rest *Instance, err error) {
	ok, err := excMatches(exc, t)
	if err != nil {
		return nil, nil, err
	}
	if ok {
		if IsGroup(exc) {
			return exc, nil, nil
		}
		eg := NewExceptionGroup("", Tuple{exc})
		eg.Exc.frame = fr.serial
		return eg, nil, nil
	}
	if IsGroup(exc) {
		return splitGroup(th, exc, func(th *Thread, e *Instance) (bool, error) { return excMatches(e, t) }, true)
	}
	return nil, exc, nil
}

// sameMetadata is is_same_exception_metadata: a re-raised part of the
// original group keeps its traceback, cause and context.
func sameMetadata(a, b *Instance) bool {
	ta, tb := a.Exc.Traceback, b.Exc.Traceback
	sameTB := len(ta) == len(tb) && (len(ta) == 0 || &ta[0] == &tb[0])
	return sameTB && a.Exc.Cause == b.Exc.Cause && a.Exc.Context == b.Exc.Context
}

// prepReraiseStar is _PyExc_PrepReraiseStar: what leaves a try/except*
// statement, given the original exception and, in order, the exceptions
// its clauses raised and the unmatched rest. Parts of the original are
// re-raised as one group shaped as the original; newly raised exceptions
// join them in a new group. nil means all was handled.
func prepReraiseStar(th *Thread, fr *Frame, orig *Instance, excs []*Instance) (*Instance, error) {
	if len(excs) == 0 {
		return nil, nil
	}
	if !IsGroup(orig) {
		return excs[0], nil // a naked exception: at most one clause ran
	}
	var raised, reraised []*Instance
	for _, e := range excs {
		if sameMetadata(e, orig) {
			reraised = append(reraised, e)
		} else {
			raised = append(raised, e)
		}
	}
	ids := map[*Instance]bool{}
	for _, e := range reraised {
		collectLeaves(e, ids)
	}
	var reraisedEG *Instance
	if len(ids) > 0 {
		var err error
		reraisedEG, _, err = splitGroup(th, orig, func(th *Thread, e *Instance) (bool, error) { return ids[e], nil }, false)
		if err != nil {
			return nil, err
		}
	}
	if len(raised) == 0 {
		return reraisedEG, nil
	}
	if reraisedEG != nil {
		raised = append(raised, reraisedEG)
	}
	if len(raised) == 1 {
		return raised[0], nil
	}
	items := make([]Value, len(raised))
	for i, e := range raised {
		items[i] = e
	}
	eg := NewExceptionGroup("", &List{Items: items})
	eg.Exc.frame = fr.serial
	return eg, nil
}

func collectLeaves(e *Instance, ids map[*Instance]bool) {
	if !IsGroup(e) {
		ids[e] = true
		return
	}
	for _, x := range GroupExceptions(e) {
		if s, ok := x.(*Instance); ok {
			collectLeaves(s, ids)
		}
	}
}
