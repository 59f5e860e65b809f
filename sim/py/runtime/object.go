package runtime

// The methods of `object` and `BaseException` that user classes inherit
// and reach through super(). Their names start with "object." so the
// protocols can tell "not overridden" from a user's own method.

func defObject(c *Class, name string, fn func(th *Thread, args []Value, kw *Kwargs) (Value, error)) {
	c.Dict.Set(name, &Builtin{Name: "object." + name, Fn: fn})
}

func init() {
	defObject(ObjectClass, "__init__", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		return None, nil
	})
	defObject(ObjectClass, "__repr__", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		return Str(defaultRepr(th, args[0])), nil
	})
	defObject(ObjectClass, "__str__", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		s, err := Repr(th, args[0])
		return Str(s), err
	})
	defObject(ObjectClass, "__eq__", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if len(args) == 2 && identical(args[0], args[1]) {
			return True, nil
		}
		return NotImplemented, nil
	})
	defObject(ObjectClass, "__ne__", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if len(args) == 2 && identical(args[0], args[1]) {
			return False, nil
		}
		return NotImplemented, nil
	})
	defObject(ObjectClass, "__hash__", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		return MakeInt(fixHash(int64(th.Interp.ID(args[0]) >> 4))), nil
	})
	defObject(ObjectClass, "__setattr__", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if len(args) != 3 {
			return nil, ArgError("expected 2 arguments, got %d", len(args)-1)
		}
		name, ok := args[1].(Str)
		if !ok {
			return nil, NewError(TypeErrorClass, "attribute name must be string, not '"+TypeName(args[1])+"'")
		}
		if inst, ok := args[0].(*Instance); ok {
			if attr, _, found := inst.Class.Lookup(string(name)); found {
				if dd, ok := attr.(DataDescriptor); ok {
					return None, dd.Set(th, inst, args[2])
				}
			}
			inst.Dict.Set(string(name), args[2])
			return None, nil
		}
		return None, SetAttr(th, args[0], string(name), args[2])
	})
	defObject(ObjectClass, "__getattribute__", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		name, ok := args[1].(Str)
		if !ok {
			return nil, NewError(TypeErrorClass, "attribute name must be string, not '"+TypeName(args[1])+"'")
		}
		return GetAttr(th, args[0], string(name))
	})
	defObject(ObjectClass, "__format__", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		spec, _ := args[1].(Str)
		if spec != "" {
			return nil, NewError(TypeErrorClass, "unsupported format string passed to "+TypeName(args[0])+".__format__")
		}
		s, err := StrOf(th, args[0])
		return Str(s), err
	})
	defObject(BaseExceptionClass, "__init__", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if e, ok := args[0].(*Instance); ok && e.Exc != nil {
			e.Exc.Args = append(Tuple(nil), args[1:]...)
		}
		return None, nil
	})
	Def(BaseExceptionClass, "with_traceback", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		return args[0], nil
	})
}

// Attr gives classes the attributes CPython's type objects have besides
// their dicts.
func (c *Class) Attr(th *Thread, name string) (Value, bool, error) {
	switch name {
	case "__base__":
		if len(c.Bases) == 0 {
			return None, true, nil
		}
		return c.Bases[0], true, nil
	case "__doc__":
		if v, ok := c.Dict.Get("__doc__"); ok {
			return v, true, nil
		}
		return None, true, nil
	case "__dict__":
		d := NewDict()
		for _, k := range c.Dict.Keys() {
			v, _ := c.Dict.Get(k)
			d.SetStr(k, v)
		}
		return d, true, nil
	}
	return nil, false, nil
}

func init() {
	Def(TypeClass, "mro", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		c, ok := args[0].(*Class)
		if !ok {
			return nil, NewError(TypeErrorClass, "descriptor 'mro' requires a 'type' object")
		}
		items := make([]Value, len(c.MRO))
		for i, k := range c.MRO {
			items[i] = k
		}
		return &List{Items: items}, nil
	})
}
