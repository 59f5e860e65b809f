package runtime

import (
	"strings"
)

// Class is a Python type object. Built-in types and user classes are both
// Classes; built-in ones carry Go methods in their Dict.
type Class struct {
	Name    string
	Module  string // "builtins" for built-in types, "__main__" for the learner's
	Bases   []*Class
	MRO     []*Class // C3 linearisation, the class itself first
	Dict    *Namespace
	builtin bool
}

// ObjectClass is `object`, the root of every MRO, and TypeClass is `type`.
var (
	ObjectClass = func() *Class {
		c := &Class{Name: "object", Module: "builtins", Dict: NewNamespace(), builtin: true}
		c.MRO = []*Class{c} // before any other class copies it
		return c
	}()
	TypeClass = newBuiltinClass("type", ObjectClass)
)

// newBuiltinClass creates a built-in type with a single base.
func newBuiltinClass(name string, base *Class) *Class {
	c := &Class{Name: name, Module: "builtins", Bases: []*Class{base}, Dict: NewNamespace(), builtin: true}
	c.MRO = append([]*Class{c}, base.MRO...)
	return c
}

// NewClass creates a class with the C3 linearisation of its bases (object
// if none), or the TypeError CPython raises when none exists.
func NewClass(name, module string, bases []*Class, dict *Namespace) (*Class, error) {
	if len(bases) == 0 {
		bases = []*Class{ObjectClass}
	}
	for i, b := range bases {
		for _, b2 := range bases[:i] {
			if b == b2 {
				return nil, NewError(TypeErrorClass, "duplicate base class "+b.Name)
			}
		}
	}
	if _, eq := dict.Get("__eq__"); eq { // defining __eq__ alone makes instances unhashable
		if _, h := dict.Get("__hash__"); !h {
			dict.Set("__hash__", None)
		}
	}
	c := &Class{Name: name, Module: module, Bases: bases, Dict: dict}
	mro, err := c3(c, bases)
	if err != nil {
		return nil, err
	}
	c.MRO = mro
	return c, nil
}

// NewBuiltinClass creates a type written in Go outside this package (a
// module's deque, partial or count): as with the built-in types, Python
// code may derive from it but not change its attributes, so that one
// class can serve every program in the process.
func NewBuiltinClass(name, module string, bases ...*Class) *Class {
	c, err := NewClass(name, module, bases, NewNamespace())
	if err != nil {
		panic(err)
	}
	c.builtin = true
	return c
}

// c3 merges the bases' MROs and the list of bases, keeping local
// precedence and monotonicity, as Python does.
func c3(c *Class, bases []*Class) ([]*Class, error) {
	var seqs [][]*Class
	for _, b := range bases {
		seqs = append(seqs, append([]*Class(nil), b.MRO...))
	}
	seqs = append(seqs, append([]*Class(nil), bases...))
	out := []*Class{c}
	for {
		nonEmpty := seqs[:0]
		for _, s := range seqs {
			if len(s) > 0 {
				nonEmpty = append(nonEmpty, s)
			}
		}
		seqs = nonEmpty
		if len(seqs) == 0 {
			return out, nil
		}
		var head *Class
		for _, s := range seqs {
			cand := s[0]
			inTail := false
			for _, s2 := range seqs {
				for _, x := range s2[1:] {
					if x == cand {
						inTail = true
					}
				}
			}
			if !inTail {
				head = cand
				break
			}
		}
		if head == nil {
			var names []string
			for _, b := range bases {
				names = append(names, b.Name)
			}
			return nil, NewError(TypeErrorClass, "Cannot create a consistent method resolution\norder (MRO) for bases "+strings.Join(names, ", "))
		}
		out = append(out, head)
		for i, s := range seqs {
			if s[0] == head {
				seqs[i] = s[1:]
			}
		}
	}
}

// Lookup finds name along the MRO, as attribute lookup on the class does.
func (c *Class) Lookup(name string) (Value, *Class, bool) {
	for _, k := range c.MRO {
		if v, ok := k.Dict.Get(name); ok {
			return v, k, true
		}
	}
	return nil, nil, false
}

// IsSubclass reports whether c is base or derives from it.
func (c *Class) IsSubclass(base *Class) bool {
	for _, k := range c.MRO {
		if k == base {
			return true
		}
	}
	return false
}

// QualName is the name repr shows: "int", or "__main__.Foo".
func (c *Class) QualName() string {
	if c.Module == "builtins" || c.Module == "" {
		return c.Name
	}
	return c.Module + "." + c.Name
}

// Instance is an object of a user class, or an exception.
type Instance struct {
	Class *Class
	Dict  *Namespace
	Exc   *ExcState // set for instances of BaseException and its subclasses

	// Suggestion is the "Did you mean" name a traceback adds to a
	// NameError or AttributeError (never part of str(e)).
	Suggestion string

	// Native is a Go value behind a Python exception: the kernel's
	// cancellation it stands for, with its exact time. Unwrap exposes it,
	// so the kernel recognises a cancelled task whatever Python did.
	Native error

	// Data is the Go-side state of an instance of a class written in Go
	// that Python code may subclass (collections.deque's items, a
	// namedtuple's fields); nil for other instances.
	Data any
}

// Unwrap returns the kernel error the exception stands for, if any.
func (i *Instance) Unwrap() error { return i.Native }

// NewInstance creates an empty instance of c.
func NewInstance(c *Class) *Instance {
	i := &Instance{Class: c, Dict: NewNamespace()}
	if c.IsSubclass(BaseExceptionClass) {
		i.Exc = &ExcState{}
	}
	return i
}

// Constructor makes the values of a built-in type when the type is called
// (int("3"), list(x), dict(a=1)). User classes have none: calling them
// creates an Instance and runs __init__.
type Constructor func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error)

var constructors = map[*Class]Constructor{}

// SetConstructor registers what calling the built-in type c does.
func SetConstructor(c *Class, fn Constructor) { constructors[c] = fn }

// NativeNew is the __new__ of a class written in Go that derives from a
// built-in type (collections.OrderedDict from dict, a namedtuple from
// tuple): calling that class, or a Python class deriving from it, runs
// Fn with the class called, where a class deriving from a built-in type
// could not be instantiated otherwise. Fn makes the instance and runs
// __init__ if it should.
type NativeNew struct{ Fn Constructor }

func (n *NativeNew) Type() *Class { return BuiltinFuncClass }

func (n *NativeNew) Repr(th *Thread) (string, error) { return "<built-in method __new__>", nil }

// Call is cls.__new__(cls, *args).
func (n *NativeNew) Call(th *Thread, args []Value, kw *Kwargs) (Value, error) {
	if len(args) == 0 {
		return nil, NewError(TypeErrorClass, "__new__(): not enough arguments")
	}
	c, ok := args[0].(*Class)
	if !ok {
		return nil, NewError(TypeErrorClass, "__new__(X): X is not a type object ("+TypeName(args[0])+")")
	}
	return n.Fn(th, c, args[1:], kw)
}

// Call instantiates the class: type(x) for `type`, the constructor of a
// built-in type, or a new instance initialised by __init__. An exception
// keeps its arguments in args whatever its __init__ does, as
// BaseException.__new__ does in CPython.
func (c *Class) Call(th *Thread, args []Value, kw *Kwargs) (Value, error) {
	if c == TypeClass && len(args) == 1 && kw.Len() == 0 {
		return TypeOf(args[0]), nil
	}
	if fn, ok := constructors[c]; ok {
		return fn(th, c, args, kw)
	}
	for _, base := range c.MRO[1:] {
		if _, ok := constructors[base]; ok && base != BaseExceptionClass && !base.IsSubclass(BaseExceptionClass) {
			if nn, _, ok := c.Lookup("__new__"); ok {
				if nn, ok := nn.(*NativeNew); ok {
					return nn.Fn(th, c, args, kw)
				}
			}
			return nil, NewError(TypeErrorClass, "subclassing the built-in type '"+base.Name+"' is not supported here")
		}
	}
	var inst *Instance
	if c.IsSubclass(BaseExceptionGroupClass) {
		eg, err := newGroup(th, c, args)
		if err != nil {
			return nil, err
		}
		inst = eg
	} else {
		inst = NewInstance(c)
		if inst.Exc != nil {
			inst.Exc.Args = append(Tuple(nil), args...)
		}
	}
	init, _, ok := c.Lookup("__init__")
	if !ok || isBuiltinObjectMethod(init) {
		if (len(args) > 0 || kw.Len() > 0) && inst.Exc == nil {
			if _, _, custom := c.Lookup("__new__"); !custom {
				return nil, NewError(TypeErrorClass, c.Name+"() takes no arguments")
			}
		}
		return inst, nil
	}
	full := make([]Value, 0, len(args)+1)
	r, err := Call(th, init, append(append(full, inst), args...), kw)
	if err != nil {
		return nil, err
	}
	if r != None {
		return nil, NewError(TypeErrorClass, "__init__() should return None, not '"+TypeName(r)+"'")
	}
	return inst, nil
}
