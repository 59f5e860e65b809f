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
	cls := TypeOf(obj)
	attr, _, found := cls.Lookup(name)
	if found {
		if dd, ok := attr.(DataDescriptor); ok {
			return dd.Get(th, obj, cls)
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
	return nil, attrError(obj, name)
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
	}
	return nil, false
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
	v, _, ok := c.Lookup(name)
	if !ok {
		return nil, NewError(AttributeErrorClass, "type object '"+c.Name+"' has no attribute '"+name+"'")
	}
	if d, ok := v.(Descriptor); ok {
		return d.Get(th, nil, c)
	}
	return v, nil
}

func attrError(obj Value, name string) error {
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
