package runtime

// Descriptor is implemented by values that decide what reading them as a
// class attribute gives: functions bind to the instance, properties call
// their getter, classmethods bind to the class.
type Descriptor interface {
	Get(th *Thread, instance Value, owner *Class) (Value, error)
}

// DataDescriptor also intercepts assignment and deletion (property).
type DataDescriptor interface {
	Descriptor
	Set(th *Thread, instance, value Value) error
	Delete(th *Thread, instance Value) error
}

// Property is the value of @property.
type Property struct {
	Fget, Fset, Fdel Value // None when absent
	Name             string
}

func (p *Property) Type() *Class { return PropertyClass }

// Get calls the getter, or returns the property itself on the class.
func (p *Property) Get(th *Thread, instance Value, owner *Class) (Value, error) {
	if instance == nil {
		return p, nil
	}
	if p.Fget == None {
		return nil, NewError(AttributeErrorClass, "property '"+p.Name+"' of '"+TypeName(instance)+"' object has no getter")
	}
	return Call(th, p.Fget, []Value{instance}, nil)
}

func (p *Property) Set(th *Thread, instance, value Value) error {
	if p.Fset == None {
		return NewError(AttributeErrorClass, "property '"+p.Name+"' of '"+TypeName(instance)+"' object has no setter")
	}
	_, err := Call(th, p.Fset, []Value{instance, value}, nil)
	return err
}

func (p *Property) Delete(th *Thread, instance Value) error {
	if p.Fdel == None {
		return NewError(AttributeErrorClass, "property '"+p.Name+"' of '"+TypeName(instance)+"' object has no deleter")
	}
	_, err := Call(th, p.Fdel, []Value{instance}, nil)
	return err
}

// StaticMethod and ClassMethod are the values of the decorators.
type StaticMethod struct{ Fn Value }
type ClassMethod struct{ Fn Value }

func (s *StaticMethod) Type() *Class { return StaticMethodClass }
func (c *ClassMethod) Type() *Class  { return ClassMethodClass }

func (s *StaticMethod) Get(th *Thread, instance Value, owner *Class) (Value, error) {
	return s.Fn, nil
}

func (c *ClassMethod) Get(th *Thread, instance Value, owner *Class) (Value, error) {
	return &Method{Fn: c.Fn, Self: owner}, nil
}

var (
	PropertyClass     = newBuiltinClass("property", ObjectClass)
	StaticMethodClass = newBuiltinClass("staticmethod", ObjectClass)
	ClassMethodClass  = newBuiltinClass("classmethod", ObjectClass)
)

// Namespaced is implemented by values with a __dict__ of their own
// besides instances and classes: modules, functions.
type Namespaced interface {
	Namespace() *Namespace
}

// GetAttr is getattr(obj, name), following Python's lookup: data
// descriptors on the type, then the object's own __dict__, then other
// class attributes (binding functions), then __getattr__.
func GetAttr(th *Thread, obj Value, name string) (Value, error) {
	if c, ok := obj.(*Class); ok {
		return classGetAttr(th, c, name)
	}
	if name == "__class__" {
		return TypeOf(obj), nil
	}
	cls := TypeOf(obj)
	attr, _, found := cls.Lookup(name)
	if found {
		if dd, ok := attr.(DataDescriptor); ok {
			return dd.Get(th, obj, cls)
		}
	}
	if a, ok := obj.(Attributer); ok {
		if v, ok, err := a.Attr(th, name); ok || err != nil {
			return v, err
		}
	}
	if ns := ownDict(obj); ns != nil {
		if v, ok := ns.Get(name); ok {
			return v, nil
		}
	}
	if found {
		return bind(th, attr, obj, cls)
	}
	if inst, ok := obj.(*Instance); ok {
		if inst.Exc != nil {
			if v, ok := excAttr(inst, name); ok {
				return v, nil
			}
		}
		if ga, _, ok := cls.Lookup("__getattr__"); ok {
			return Call(th, ga, []Value{obj, Str(name)}, nil)
		}
	}
	e := attrError(obj, name)
	e.Suggestion = Suggest(dirNames(obj), name)
	return nil, e
}

// bind turns a class attribute into what reading it from obj gives.
func bind(th *Thread, attr Value, obj Value, cls *Class) (Value, error) {
	switch a := attr.(type) {
	case Descriptor:
		return a.Get(th, obj, cls)
	case *Builtin:
		if a.Self == nil {
			return &Builtin{Name: a.Name, Fn: a.Fn, Self: obj}, nil
		}
	}
	return attr, nil
}

func ownDict(obj Value) *Namespace {
	switch o := obj.(type) {
	case *Instance:
		return o.Dict
	case Namespaced:
		return o.Namespace()
	}
	return nil
}

// excAttr exposes an exception's built-in attributes.
func excAttr(e *Instance, name string) (Value, bool) {
	switch name {
	case "args":
		return e.Exc.Args, true
	case "__cause__":
		if e.Exc.Cause == nil {
			return None, true
		}
		return e.Exc.Cause, true
	case "__context__":
		if e.Exc.Context == nil {
			return None, true
		}
		return e.Exc.Context, true
	case "__suppress_context__":
		return MakeBool(e.Exc.SuppressContext), true
	case "__traceback__":
		if len(e.Exc.Traceback) == 0 {
			return None, true
		}
		return &TracebackObj{Entries: e.Exc.Traceback}, true
	case "value":
		if e.Class.IsSubclass(StopIterationClass) {
			if len(e.Exc.Args) == 0 {
				return None, true
			}
			return e.Exc.Args[0], true
		}
	case "errno", "strerror":
		if e.Class.IsSubclass(OSErrorClass) {
			if len(e.Exc.Args) < 2 {
				return None, true
			}
			if name == "errno" {
				return e.Exc.Args[0], true
			}
			return e.Exc.Args[1], true
		}
	case "message", "exceptions":
		if IsGroup(e) {
			if excs := GroupExceptions(e); excs != nil {
				if name == "message" {
					return groupMessage(e), true
				}
				return excs, true
			}
		}
	case "code":
		if e.Class.IsSubclass(SystemExitClass) {
			if len(e.Exc.Args) == 0 {
				return None, true
			}
			return e.Exc.Args[0], true
		}
	}
	return nil, false
}

// TracebackObj is an exception's __traceback__: its frames, outermost first.
type TracebackObj struct{ Entries []TraceEntry }

var TracebackClass = newBuiltinClass("traceback", ObjectClass)

func (t *TracebackObj) Type() *Class { return TracebackClass }

// Attr exposes tb_lineno and tb_next.
func (t *TracebackObj) Attr(th *Thread, name string) (Value, bool, error) {
	switch name {
	case "tb_lineno":
		return MakeInt(int64(t.Entries[0].Line)), true, nil
	case "tb_next":
		if len(t.Entries) == 1 {
			return None, true, nil
		}
		return &TracebackObj{Entries: t.Entries[1:]}, true, nil
	}
	return nil, false, nil
}

// classGetAttr looks name up on a class and its bases: functions come back
// unbound, classmethods bound to the class, properties as themselves.
func classGetAttr(th *Thread, c *Class, name string) (Value, error) {
	switch name {
	case "__name__", "__qualname__":
		return Str(c.Name), nil
	case "__module__":
		return Str(c.Module), nil
	case "__mro__":
		mro := make(Tuple, len(c.MRO))
		for i, k := range c.MRO {
			mro[i] = k
		}
		return mro, nil
	case "__bases__":
		bases := make(Tuple, len(c.Bases))
		for i, k := range c.Bases {
			bases[i] = k
		}
		return bases, nil
	}
	if v, ok, err := c.Attr(th, name); ok || err != nil {
		return v, err
	}
	v, _, ok := c.Lookup(name)
	if !ok {
		if m, _, ok := TypeClass.Lookup(name); ok && c != TypeClass { // type's own methods: C.mro()
			return bind(th, m, c, TypeClass)
		}
		e := NewError(AttributeErrorClass, "type object '"+c.Name+"' has no attribute '"+name+"'")
		e.Suggestion = Suggest(dirNames(c), name)
		return nil, e
	}
	if d, ok := v.(Descriptor); ok {
		return d.Get(th, nil, c)
	}
	return v, nil
}

func attrError(obj Value, name string) *Instance {
	if m, ok := obj.(interface{ ModuleName() string }); ok {
		return NewError(AttributeErrorClass, "module '"+m.ModuleName()+"' has no attribute '"+name+"'")
	}
	return NewError(AttributeErrorClass, "'"+TypeName(obj)+"' object has no attribute '"+name+"'")
}

// SetAttr is setattr(obj, name, value).
func SetAttr(th *Thread, obj Value, name string, value Value) error {
	switch o := obj.(type) {
	case *Class:
		if o.builtin {
			return NewError(TypeErrorClass, "cannot set '"+name+"' attribute of immutable type '"+o.Name+"'")
		}
		o.Dict.Set(name, value)
		return nil
	case *Instance:
		if attr, _, ok := o.Class.Lookup(name); ok {
			if dd, ok := attr.(DataDescriptor); ok {
				return dd.Set(th, obj, value)
			}
		}
		if o.Exc != nil && setExcAttr(o, name, value) {
			return nil
		}
		if sa, _, ok := o.Class.Lookup("__setattr__"); ok && !isBuiltinObjectMethod(sa) {
			_, err := Call(th, sa, []Value{obj, Str(name), value}, nil)
			return err
		}
		o.Dict.Set(name, value)
		return nil
	case Namespaced:
		o.Namespace().Set(name, value)
		return nil
	}
	if _, _, ok := TypeOf(obj).Lookup(name); ok {
		return NewError(AttributeErrorClass, "'"+TypeName(obj)+"' object attribute '"+name+"' is read-only")
	}
	return NewError(AttributeErrorClass, "'"+TypeName(obj)+"' object has no attribute '"+name+"'")
}

// DelAttr is delattr(obj, name).
func DelAttr(th *Thread, obj Value, name string) error {
	switch o := obj.(type) {
	case *Instance:
		if attr, _, ok := o.Class.Lookup(name); ok {
			if dd, ok := attr.(DataDescriptor); ok {
				return dd.Delete(th, obj)
			}
		}
		if o.Dict.Delete(name) {
			return nil
		}
	case *Class:
		if !o.builtin && o.Dict.Delete(name) {
			return nil
		}
		return NewError(AttributeErrorClass, name)
	case Namespaced:
		if o.Namespace().Delete(name) {
			return nil
		}
	}
	return NewError(AttributeErrorClass, "'"+TypeName(obj)+"' object has no attribute '"+name+"'")
}

// setExcAttr assigns an exception's built-in attributes; setting
// __cause__ also suppresses the context, as `raise ... from` does.
func setExcAttr(e *Instance, name string, value Value) bool {
	exc, _ := value.(*Instance)
	if exc != nil && exc.Exc == nil {
		exc = nil
	}
	switch name {
	case "__cause__":
		e.Exc.Cause = exc
		e.Exc.SuppressContext = true
	case "__context__":
		e.Exc.Context = exc
	case "__suppress_context__":
		b, _ := value.(Bool)
		e.Exc.SuppressContext = bool(b)
	case "args":
		args, err := Collect(nil, value)
		if err != nil {
			return false
		}
		e.Exc.Args = args
	default:
		return false
	}
	return true
}
