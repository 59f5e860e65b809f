package modules

import (
	"fmt"
	"math/big"
	"strings"

	rt "asyncplay/sim/py/runtime"
)

// Helpers shared by the standard modules (collections, functools,
// itertools, math, random, time, datetime, signal, logging, sys).

// stdClass creates a class written in Go, shown as module.name.
func stdClass(name, module string, bases ...*rt.Class) *rt.Class {
	return rt.NewBuiltinClass(name, module, bases...)
}

// stdMethod adds a method to a class written in Go; fn gets the receiver
// apart from the other arguments.
func stdMethod(c *rt.Class, name string, fn func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error)) {
	rt.Def(c, name, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if len(args) == 0 {
			return nil, rt.NewError(rt.TypeErrorClass, "unbound method "+c.Name+"."+name+"() needs an argument")
		}
		if !rt.TypeOf(args[0]).IsSubclass(c) {
			return nil, rt.NewError(rt.TypeErrorClass, "descriptor '"+name+"' for '"+c.Name+"' objects doesn't apply to a '"+rt.TypeName(args[0])+"' object")
		}
		return fn(th, args[0], args[1:], kw)
	})
}

// stdFn makes a built-in function value.
func stdFn(name string, f func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error)) *rt.Builtin {
	return &rt.Builtin{Name: name, Fn: f}
}

// stdProp is a read-only (or, with set, writable) attribute of a class
// written in Go.
type stdProp struct {
	name string
	get  func(th *rt.Thread, self rt.Value) (rt.Value, error)
	set  func(th *rt.Thread, self, v rt.Value) error
}

func (p *stdProp) Type() *rt.Class { return rt.PropertyClass }

func (p *stdProp) Repr(th *rt.Thread) (string, error) {
	return "<attribute '" + p.name + "'>", nil
}

func (p *stdProp) Get(th *rt.Thread, instance rt.Value, owner *rt.Class) (rt.Value, error) {
	if instance == nil {
		return p, nil
	}
	return p.get(th, instance)
}

func (p *stdProp) Set(th *rt.Thread, instance, v rt.Value) error {
	if p.set == nil {
		return rt.NewError(rt.AttributeErrorClass, "attribute '"+p.name+"' of '"+rt.TypeName(instance)+"' objects is not writable")
	}
	return p.set(th, instance, v)
}

func (p *stdProp) Delete(th *rt.Thread, instance rt.Value) error {
	return rt.NewError(rt.AttributeErrorClass, "attribute '"+p.name+"' of '"+rt.TypeName(instance)+"' objects is not writable")
}

func stdAttr(c *rt.Class, name string, get func(th *rt.Thread, self rt.Value) (rt.Value, error)) {
	c.Dict.Set(name, &stdProp{name: name, get: get})
}

// stdArgs unpacks a built-in's arguments (see rt.UnpackArgs).
func stdArgs(name string, args []rt.Value, kw *rt.Kwargs, params []string, required int) ([]rt.Value, error) {
	return rt.UnpackArgs(name, args, kw, params, required)
}

// stdNoKw rejects keyword arguments: "name() takes no keyword arguments".
func stdNoKw(name string, kw *rt.Kwargs) error {
	if kw.Len() > 0 {
		return rt.NewError(rt.TypeErrorClass, name+"() takes no keyword arguments")
	}
	return nil
}

// stdCount checks the number of positional arguments, in Argument
// Clinic's words: "pop expected at most 1 argument, got 2".
func stdCount(name string, args []rt.Value, min, max int) error {
	n := len(args)
	s := func(k int) string {
		if k == 1 {
			return ""
		}
		return "s"
	}
	switch {
	case n < min && min == max:
		return rt.NewError(rt.TypeErrorClass, fmt.Sprintf("%s expected %d argument%s, got %d", name, min, s(min), n))
	case n < min:
		return rt.NewError(rt.TypeErrorClass, fmt.Sprintf("%s expected at least %d argument%s, got %d", name, min, s(min), n))
	case n > max && min == max:
		return rt.NewError(rt.TypeErrorClass, fmt.Sprintf("%s expected %d argument%s, got %d", name, max, s(max), n))
	case n > max:
		return rt.NewError(rt.TypeErrorClass, fmt.Sprintf("%s expected at most %d argument%s, got %d", name, max, s(max), n))
	}
	return nil
}

// stdPos is stdNoKw and stdCount together.
func stdPos(name string, args []rt.Value, kw *rt.Kwargs, min, max int) error {
	if err := stdNoKw(name, kw); err != nil {
		return err
	}
	return stdCount(name, args, min, max)
}

// stdInt converts an index-like argument to an int64: ints, bools and
// objects with __index__; big ints are an OverflowError.
func stdInt(th *rt.Thread, v rt.Value) (int64, error) {
	x, err := rt.IndexValue(th, v)
	if err != nil {
		return 0, err
	}
	switch x := x.(type) {
	case rt.Int:
		return int64(x), nil
	case *big.Int:
		return 0, rt.NewError(rt.OverflowErrorClass, "Python int too large to convert to C ssize_t")
	}
	return 0, rt.NewError(rt.TypeErrorClass, "'"+rt.TypeName(v)+"' object cannot be interpreted as an integer")
}

// stdBig converts an int-like argument to a big.Int.
func stdBig(th *rt.Thread, v rt.Value) (*big.Int, error) {
	x, err := rt.IndexValue(th, v)
	if err != nil {
		return nil, err
	}
	switch x := x.(type) {
	case rt.Int:
		return big.NewInt(int64(x)), nil
	case *big.Int:
		return new(big.Int).Set(x), nil
	}
	return nil, rt.NewError(rt.TypeErrorClass, "'"+rt.TypeName(v)+"' object cannot be interpreted as an integer")
}

// stdReprName is the name a repr shows for an instance's class.
func stdReprName(v rt.Value) string { return rt.TypeOf(v).Name }

// stdReprList renders items as "[a, b]".
func stdReprList(th *rt.Thread, items []rt.Value) (string, error) {
	var b strings.Builder
	b.WriteByte('[')
	for i, x := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := rt.Repr(th, x)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	b.WriteByte(']')
	return b.String(), nil
}

// stdHex is the hexadecimal id CPython's default reprs show.
func stdHex(th *rt.Thread, v rt.Value) string {
	return fmt.Sprintf("0x%012x", uint32(th.Interp.ID(v)))
}

// stdIter is an iterator written in Go: each item counts as an operation
// (so that list(itertools.count()) meets the step limit); repr, if set,
// renders it (count(3)), else it shows as <itertools.chain object at ...>.
type stdIter struct {
	cls  *rt.Class
	next func(th *rt.Thread) (rt.Value, bool, error)
	repr func(th *rt.Thread) (string, error)
}

func (it *stdIter) Type() *rt.Class { return it.cls }

func (it *stdIter) Next(th *rt.Thread) (rt.Value, bool, error) {
	if th != nil {
		th.Tick()
	}
	return it.next(th)
}

func (it *stdIter) Repr(th *rt.Thread) (string, error) {
	if it.repr != nil {
		return it.repr(th)
	}
	return "<" + it.cls.QualName() + " object at " + stdHex(th, it) + ">", nil
}

// stdIterClass gives a class of iterators written in Go the iterator
// protocol's methods, for code that calls it.__next__() itself.
func stdIterClass(c *rt.Class) *rt.Class {
	rt.Def(c, "__iter__", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return args[0], nil
	})
	rt.Def(c, "__next__", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		it, ok := args[0].(rt.Iterator)
		if !ok {
			return nil, rt.NewError(rt.TypeErrorClass, "descriptor '__next__' for '"+c.Name+"' objects doesn't apply to a '"+rt.TypeName(args[0])+"' object")
		}
		v, ok, err := it.Next(th)
		if err == nil && !ok {
			err = rt.NewError(rt.StopIterationClass, "")
		}
		return v, err
	})
	return c
}
