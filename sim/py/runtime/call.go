package runtime

import "fmt"

// Kwargs are keyword arguments in the order they were passed.
type Kwargs struct {
	Names  []string
	Values []Value
}

// Len is the number of keyword arguments (0 for nil).
func (kw *Kwargs) Len() int {
	if kw == nil {
		return 0
	}
	return len(kw.Names)
}

// Get returns the keyword argument name, if passed.
func (kw *Kwargs) Get(name string) (Value, bool) {
	if kw == nil {
		return nil, false
	}
	for i, n := range kw.Names {
		if n == name {
			return kw.Values[i], true
		}
	}
	return nil, false
}

// Callable is implemented by every value that can be called.
type Callable interface {
	Call(th *Thread, args []Value, kw *Kwargs) (Value, error)
}

// Builtin is a function written in Go.
type Builtin struct {
	Name string
	Fn   func(th *Thread, args []Value, kw *Kwargs) (Value, error)
	Self Value // the bound object of a built-in method, nil for functions
}

// Call runs the Go function, with the bound object first if there is one.
func (b *Builtin) Call(th *Thread, args []Value, kw *Kwargs) (Value, error) {
	if b.Self != nil {
		args = append([]Value{b.Self}, args...)
	}
	return b.Fn(th, args, kw)
}

// Method is a function bound to an object (obj.method).
type Method struct {
	Fn   Value
	Self Value
}

// Call calls the function with the bound object as its first argument.
func (m *Method) Call(th *Thread, args []Value, kw *Kwargs) (Value, error) {
	full := make([]Value, 0, len(args)+1)
	full = append(append(full, m.Self), args...)
	return Call(th, m.Fn, full, kw)
}

// Call calls any callable value.
func Call(th *Thread, fn Value, args []Value, kw *Kwargs) (Value, error) {
	switch f := fn.(type) {
	case Callable:
		return f.Call(th, args, kw)
	case *Instance:
		if m, _, ok := f.Class.Lookup("__call__"); ok {
			return Call(th, m, append([]Value{f}, args...), kw)
		}
	}
	return nil, NewError(TypeErrorClass, "'"+TypeName(fn)+"' object is not callable")
}

// CallMethod calls obj.name(*args) when obj's class defines name, and
// reports found=false when it does not.
func CallMethod(th *Thread, obj Value, name string, args ...Value) (v Value, found bool, err error) {
	c := TypeOf(obj)
	m, _, ok := c.Lookup(name)
	if !ok {
		return nil, false, nil
	}
	v, err = Call(th, m, append([]Value{obj}, args...), nil)
	return v, true, err
}

// ArgError is the TypeError of a call with the wrong arguments, in
// CPython's words: ArgError("%s() takes %d positional arguments but %d
// were given", "f", 2, 3).
func ArgError(format string, args ...any) error {
	return NewError(TypeErrorClass, fmt.Sprintf(format, args...))
}
