package runtime

import (
	"fmt"
	"math"
	"math/big"
)

// This file holds the argument helpers of the built-in functions and
// methods: CPython's several ways of reporting a wrong call (Argument
// Clinic's "f expected at least 1 argument, got 0", METH_NOARGS's
// "str.title() takes no arguments (1 given)", ...) and the conversions
// of arguments to Go integers.

// checkPositional is _PyArg_CheckPositional: between min and max
// positional arguments ("center expected at least 1 argument, got 0").
func checkPositional(name string, args []Value, min, max int) error {
	n := len(args)
	if n < min {
		qual := "at least "
		if min == max {
			qual = ""
		}
		return NewError(TypeErrorClass, fmt.Sprintf("%s expected %s%d argument%s, got %d", name, qual, min, pluralS(min), n))
	}
	if n > max {
		qual := "at most "
		if min == max {
			qual = ""
		}
		return NewError(TypeErrorClass, fmt.Sprintf("%s expected %s%d argument%s, got %d", name, qual, max, pluralS(max), n))
	}
	return nil
}

func pluralS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// noKwargs is the error of a function that takes no keyword arguments;
// qual is how CPython names it ("str.replace", "len").
func noKwargs(qual string, kw *Kwargs) error {
	if kw.Len() > 0 {
		return NewError(TypeErrorClass, qual+"() takes no keyword arguments")
	}
	return nil
}

// noArgs is METH_NOARGS's check.
func noArgs(qual string, args []Value, kw *Kwargs) error {
	if err := noKwargs(qual, kw); err != nil {
		return err
	}
	if len(args) > 0 {
		return NewError(TypeErrorClass, fmt.Sprintf("%s() takes no arguments (%d given)", qual, len(args)))
	}
	return nil
}

// oneArg is METH_O's check.
func oneArg(qual string, args []Value, kw *Kwargs) error {
	if err := noKwargs(qual, kw); err != nil {
		return err
	}
	if len(args) != 1 {
		return NewError(TypeErrorClass, fmt.Sprintf("%s() takes exactly one argument (%d given)", qual, len(args)))
	}
	return nil
}

// posOnly checks a positional-only signature in Argument Clinic's words.
func posOnly(name, qual string, args []Value, kw *Kwargs, min, max int) error {
	if err := noKwargs(qual, kw); err != nil {
		return err
	}
	return checkPositional(name, args, min, max)
}

// oldStyleArgs is PyArg_ParseTuple's count check: "find() takes at least
// 1 argument (0 given)".
func oldStyleArgs(name string, args []Value, kw *Kwargs, min, max int) error {
	if err := noKwargs(name, kw); err != nil {
		return err
	}
	n := len(args)
	switch {
	case n < min && min == max:
		return NewError(TypeErrorClass, fmt.Sprintf("%s() takes exactly %s (%d given)", name, itoa(int64(min))+" argument"+pluralS(min), n))
	case n < min:
		return NewError(TypeErrorClass, fmt.Sprintf("%s() takes at least %s (%d given)", name, itoa(int64(min))+" argument"+pluralS(min), n))
	case n > max && min == max:
		return NewError(TypeErrorClass, fmt.Sprintf("%s() takes exactly %s (%d given)", name, itoa(int64(max))+" argument"+pluralS(max), n))
	case n > max:
		return NewError(TypeErrorClass, fmt.Sprintf("%s() takes at most %s (%d given)", name, itoa(int64(max))+" argument"+pluralS(max), n))
	}
	return nil
}

// kwArgs matches arguments to named parameters (positional or keyword)
// with the wording of Argument Clinic's keyword parser: "split() takes at
// most 2 arguments (3 given)", "split() got an unexpected keyword argument
// 'x'". Absent optional parameters come back nil.
func kwArgs(name string, args []Value, kw *Kwargs, params []string, required int) ([]Value, error) {
	return clinicArgs(name, args, kw, params, required, 0)
}

// clinicArgs is _PyArg_UnpackKeywords: the first posonly parameters are
// positional-only, the first required ones must be given.
func clinicArgs(name string, args []Value, kw *Kwargs, params []string, required, posonly int) ([]Value, error) {
	nargs, nkw, maxArgs := len(args), kw.Len(), len(params)
	if nargs+nkw > maxArgs {
		kwWord := ""
		if nargs == 0 {
			kwWord = "keyword "
		}
		return nil, NewError(TypeErrorClass, fmt.Sprintf("%s() takes at most %d %sargument%s (%d given)", name, maxArgs, kwWord, pluralS(maxArgs), nargs+nkw))
	}
	if nargs < posonly && nargs < required {
		qual := "exactly"
		if posonly < maxArgs {
			qual = "at least"
		}
		n := min(posonly, required)
		return nil, NewError(TypeErrorClass, fmt.Sprintf("%s() takes %s %d positional argument%s (%d given)", name, qual, n, pluralS(n), nargs))
	}
	out := make([]Value, maxArgs)
	copy(out, args)
	used := 0
	for i := max(nargs, posonly); i < maxArgs; i++ {
		if v, ok := kw.Get(params[i]); ok {
			out[i] = v
			used++
		} else if i < required {
			return nil, NewError(TypeErrorClass, fmt.Sprintf("%s() missing required argument '%s' (pos %d)", name, params[i], i+1))
		}
	}
	if used < nkw {
		for i := posonly; i < nargs; i++ {
			if _, ok := kw.Get(params[i]); ok {
				return nil, NewError(TypeErrorClass, fmt.Sprintf("argument for %s() given by name ('%s') and position (%d)", name, params[i], i+1))
			}
		}
		for _, k := range kw.Names {
			known := false
			for _, p := range params[posonly:] {
				known = known || p == k
			}
			if !known {
				return nil, NewError(TypeErrorClass, fmt.Sprintf("'%s' is an invalid keyword argument for %s()", k, name))
			}
		}
	}
	return out, nil
}

// kwOnly reads keyword-only arguments ("sorted(x, key=..., reverse=...)"),
// reporting others as CPython's "'x' is an invalid keyword argument for
// sort()".
func kwOnly(name string, kw *Kwargs, params ...string) ([]Value, error) {
	out := make([]Value, len(params))
	for i := range kw.Len() {
		j := -1
		for p, pn := range params {
			if pn == kw.Names[i] {
				j = p
			}
		}
		if j < 0 {
			return nil, NewError(TypeErrorClass, fmt.Sprintf("'%s' is an invalid keyword argument for %s()", kw.Names[i], name))
		}
		out[j] = kw.Values[i]
	}
	return out, nil
}

// notInteger is the TypeError of a value used where an int is needed.
func notInteger(v Value) error {
	return NewError(TypeErrorClass, "'"+TypeName(v)+"' object cannot be interpreted as an integer")
}

// IndexValue is operator.index(v): an int for ints, bools and objects
// with __index__, or the TypeError "'float' object cannot be interpreted
// as an integer".
func IndexValue(th *Thread, v Value) (Value, error) {
	switch x := v.(type) {
	case Int, *big.Int:
		return v, nil
	case Bool:
		if x {
			return smallInts[6], nil
		}
		return smallInts[5], nil
	case *Instance:
		r, found, err := CallMethod(th, v, "__index__")
		if found {
			if err != nil {
				return nil, err
			}
			switch r.(type) {
			case Int, *big.Int:
				return r, nil
			case Bool:
				return IndexValue(th, r)
			}
			return nil, NewError(TypeErrorClass, "__index__ returned non-int (type "+TypeName(r)+")")
		}
	}
	return nil, notInteger(v)
}

// asIndex converts v to a Go int the way PyNumber_AsSsize_t does with an
// OverflowError: "cannot fit 'int' into an index-sized integer".
func asIndex(th *Thread, v Value) (int64, error) {
	if i, ok := v.(Int); ok {
		return int64(i), nil
	}
	r, err := IndexValue(th, v)
	if err != nil {
		return 0, err
	}
	switch r := r.(type) {
	case Int:
		return int64(r), nil
	case *big.Int:
		return 0, NewError(OverflowErrorClass, "Python int too large to convert to C ssize_t")
	}
	return 0, notInteger(v)
}

// asClampedIndex is asIndex that clamps big values to the int64 range,
// as slice bounds do.
func asClampedIndex(th *Thread, v Value) (int64, error) {
	r, err := IndexValue(th, v)
	if err != nil {
		return 0, err
	}
	switch r := r.(type) {
	case Int:
		return int64(r), nil
	case *big.Int:
		if r.Sign() < 0 {
			return math.MinInt64, nil
		}
		return math.MaxInt64, nil
	}
	return 0, notInteger(v)
}

// sliceBound reads an optional start or end argument of str.find and its
// kin: None or absent means the default; others must be indexes.
func sliceBound(th *Thread, v Value, def int64) (int64, error) {
	if v == nil || v == None {
		return def, nil
	}
	n, err := asClampedIndex(th, v)
	if err != nil {
		if e, ok := err.(*Instance); ok && e.Class == TypeErrorClass {
			return 0, NewError(TypeErrorClass, "slice indices must be integers or None or have an __index__ method")
		}
		return 0, err
	}
	return n, nil
}

// adjustRange normalises start and end for a sequence of length n, as
// ADJUST_INDICES does: negative values count from the end, then both are
// clipped to [0, n] (end may fall below start).
func adjustRange(start, end, n int64) (int64, int64) {
	if end > n {
		end = n
	} else if end < 0 {
		end += n
		if end < 0 {
			end = 0
		}
	}
	if start < 0 {
		start += n
		if start < 0 {
			start = 0
		}
	}
	return start, end
}

// optArg returns args[i] when present, else nil.
func optArg(args []Value, i int) Value {
	if i < len(args) {
		return args[i]
	}
	return nil
}

// recv checks the receiver of a built-in method called through its
// class ("str.upper(5)"), in CPython's words.
func recv(c *Class, name string, args []Value) error {
	if len(args) == 0 {
		return NewError(TypeErrorClass, "unbound method "+c.Name+"."+name+"() needs an argument")
	}
	if !TypeOf(args[0]).IsSubclass(c) {
		return NewError(TypeErrorClass, "descriptor '"+name+"' for '"+c.Name+"' objects doesn't apply to a '"+TypeName(args[0])+"' object")
	}
	return nil
}

// method is a built-in method's Go function after the receiver check:
// self is the receiver, args the remaining arguments.
type method func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error)

// defMethod registers a built-in method that checks its receiver.
func defMethod(c *Class, name string, fn method) {
	Def(c, name, func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := recv(c, name, args); err != nil {
			return nil, err
		}
		return fn(th, args[0], args[1:], kw)
	})
}

// defClassMethod registers a classmethod of a built-in type (dict.fromkeys,
// bytes.fromhex); fn gets the class as self.
func defClassMethod(c *Class, name string, fn method) {
	c.Dict.Set(name, &ClassMethod{Fn: &Builtin{Name: name, Fn: func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		return fn(th, args[0], args[1:], kw)
	}}})
}

// defStaticMethod registers a staticmethod of a built-in type
// (str.maketrans).
func defStaticMethod(c *Class, name string, fn func(th *Thread, args []Value, kw *Kwargs) (Value, error)) {
	c.Dict.Set(name, &StaticMethod{Fn: &Builtin{Name: name, Fn: fn}})
}

// defProperty registers a read-only attribute computed from the receiver
// (range.start, slice.stop, int.real).
func defProperty(c *Class, name string, get func(th *Thread, self Value) (Value, error)) {
	c.Dict.Set(name, &Property{Name: name, Fset: None, Fdel: None, Fget: &Builtin{Name: name, Fn: func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		return get(th, args[0])
	}}})
}

// keyError is KeyError(key): the key itself is the argument.
func keyError(key Value) *Instance {
	e := NewInstance(KeyErrorClass)
	e.Exc.Args = Tuple{key}
	return e
}

// NewList wraps items in a list.
func NewList(items []Value) *List { return &List{Items: items} }

// bigOf returns an int value as a *big.Int (a fresh one for Int).
func bigOf(v Value) *big.Int {
	b, _ := toBig(v)
	return b
}
