package runtime

import (
	"math"
	"math/big"
	"sort"
	"strings"
)

// The library layer the evaluator calls:
//
//   - Builtins: the built-in functions, types and exceptions by name.
//   - BinaryOp, InplaceOp, UnaryOp: operators, with the dunder protocol
//     and CPython's TypeErrors; Printf is str % args.
//   - GetItem, SetItem, DelItem (with *Slice keys for a[i:j:k]),
//     Contains (`in`).
//   - FormatValue and ConvertField for f-strings; StrFormat for
//     str.format.
//   - IntOf, FloatOf, BytesOf, IndexValue, AsFloat, Ascii, IsInstance,
//     IsCallable, IterValue, Next, Reversed, Sum, SortValues, Divmod, Dir.
//
// Each built-in type's methods are registered on its class by the file
// that implements them (str_methods.go, list_methods.go, ...).

// Builtins holds the built-in names the evaluator installs in every
// module's builtins scope: functions, types and exceptions. print, input,
// super and the other names bound to the kernel or to frames are added
// by the evaluator.
var Builtins = map[string]Value{}

// builtin registers a built-in function.
func builtin(name string, fn func(th *Thread, args []Value, kw *Kwargs) (Value, error)) {
	Builtins[name] = &Builtin{Name: name, Fn: fn}
}

func init() {
	for _, c := range []*Class{ObjectClass, TypeClass, IntClass, BoolClass, FloatClass, StrClass, BytesClass,
		ListClass, TupleClass, DictClass, SetClass, FrozenSetClass, RangeClass, SliceClass,
		PropertyClass, StaticMethodClass, ClassMethodClass,
		EnumerateClass, ZipClass, MapClass, FilterClass, ReversedClass,
		BaseExceptionClass, SystemExitClass, KeyboardInterruptClass, GeneratorExitClass, ExceptionClass,
		ArithmeticErrorClass, ZeroDivisionErrorClass, OverflowErrorClass, AssertionErrorClass,
		AttributeErrorClass, EOFErrorClass, ImportErrorClass, ModuleNotFoundErrorClass, LookupErrorClass,
		IndexErrorClass, KeyErrorClass, MemoryErrorClass, NameErrorClass, UnboundLocalErrorClass,
		OSErrorClass, ConnectionErrorClass, BrokenPipeErrorClass, ConnectionResetClass,
		ConnectionRefusedClass, TimeoutErrorClass, RuntimeErrorClass, RecursionErrorClass,
		NotImplementedErrorClass, StopIterationClass, StopAsyncIterationClass, SyntaxErrorClass,
		IndentationErrorClass, TypeErrorClass, ValueErrorClass, UnicodeErrorClass,
		UnicodeEncodeErrorClass, UnicodeDecodeErrorClass, WarningClass, RuntimeWarningClass,
		DeprecationWarningClass, UserWarningClass} {
		Builtins[c.Name] = c
	}
	Builtins["NotImplemented"] = NotImplemented

	builtin("abs", builtinAbs)
	builtin("all", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return allAny(th, "all", args, kw, false) })
	builtin("any", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return allAny(th, "any", args, kw, true) })
	builtin("ascii", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("ascii", args, kw); err != nil {
			return nil, err
		}
		s, err := Ascii(th, args[0])
		return Str(s), err
	})
	builtin("repr", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("repr", args, kw); err != nil {
			return nil, err
		}
		s, err := Repr(th, args[0])
		return Str(s), err
	})
	for _, b := range []struct {
		name, prefix string
		base         int
	}{{"bin", "0b", 2}, {"oct", "0o", 8}, {"hex", "0x", 16}} {
		builtin(b.name, func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
			if err := oneArg(b.name, args, kw); err != nil {
				return nil, err
			}
			n, err := IndexValue(th, args[0])
			if err != nil {
				return nil, err
			}
			x := bigOf(n)
			s := b.prefix + new(big.Int).Abs(x).Text(b.base)
			if x.Sign() < 0 {
				s = "-" + s
			}
			return Str(s), nil
		})
	}
	builtin("callable", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("callable", args, kw); err != nil {
			return nil, err
		}
		return MakeBool(IsCallable(args[0])), nil
	})
	builtin("chr", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("chr", args, kw); err != nil {
			return nil, err
		}
		n, err := IndexValue(th, args[0])
		if err != nil {
			return nil, err
		}
		i, ok := n.(Int)
		if !ok {
			return nil, NewError(OverflowErrorClass, "Python int too large to convert to C int")
		}
		if i < 0 || i > 0x10ffff {
			return nil, NewError(ValueErrorClass, "chr() arg not in range(0x110000)")
		}
		return Str(string(rune(i))), nil
	})
	builtin("ord", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("ord", args, kw); err != nil {
			return nil, err
		}
		switch x := args[0].(type) {
		case Str:
			n := runeCount(string(x))
			if n != 1 {
				return nil, NewError(TypeErrorClass, "ord() expected a character, but string of length "+itoa(int64(n))+" found")
			}
			r := []rune(string(x))[0]
			return MakeInt(int64(r)), nil
		case Bytes:
			if len(x) != 1 {
				return nil, NewError(TypeErrorClass, "ord() expected a character, but string of length "+itoa(int64(len(x)))+" found")
			}
			return MakeInt(int64(x[0])), nil
		}
		return nil, NewError(TypeErrorClass, "ord() expected string of length 1, but "+TypeName(args[0])+" found")
	})
	builtin("divmod", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("divmod", "divmod", args, kw, 2, 2); err != nil {
			return nil, err
		}
		return Divmod(th, args[0], args[1])
	})
	builtin("format", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("format", "format", args, kw, 1, 2); err != nil {
			return nil, err
		}
		spec := ""
		if len(args) > 1 {
			s, ok := args[1].(Str)
			if !ok {
				return nil, NewError(TypeErrorClass, "format() argument 2 must be str, not "+TypeName(args[1]))
			}
			spec = string(s)
		}
		s, err := FormatValue(th, args[0], spec)
		return Str(s), err
	})
	attrName := func(v Value) (string, error) {
		s, ok := v.(Str)
		if !ok {
			return "", NewError(TypeErrorClass, "attribute name must be string, not '"+TypeName(v)+"'")
		}
		return string(s), nil
	}
	builtin("getattr", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("getattr", "getattr", args, kw, 2, 3); err != nil {
			return nil, err
		}
		name, err := attrName(args[1])
		if err != nil {
			return nil, err
		}
		v, err := GetAttr(th, args[0], name)
		if err != nil && len(args) == 3 && isAttributeError(err) {
			return args[2], nil
		}
		return v, err
	})
	builtin("hasattr", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("hasattr", "hasattr", args, kw, 2, 2); err != nil {
			return nil, err
		}
		name, err := attrName(args[1])
		if err != nil {
			return nil, err
		}
		_, err = GetAttr(th, args[0], name)
		if err != nil {
			if isAttributeError(err) {
				return False, nil
			}
			return nil, err
		}
		return True, nil
	})
	builtin("setattr", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("setattr", "setattr", args, kw, 3, 3); err != nil {
			return nil, err
		}
		name, err := attrName(args[1])
		if err != nil {
			return nil, err
		}
		return None, SetAttr(th, args[0], name, args[2])
	})
	builtin("delattr", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("delattr", "delattr", args, kw, 2, 2); err != nil {
			return nil, err
		}
		name, err := attrName(args[1])
		if err != nil {
			return nil, err
		}
		return None, DelAttr(th, args[0], name)
	})
	builtin("hash", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("hash", args, kw); err != nil {
			return nil, err
		}
		h, err := Hash(th, args[0])
		return MakeInt(h), err
	})
	builtin("id", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("id", args, kw); err != nil {
			return nil, err
		}
		return MakeInt(int64(th.Interp.ID(args[0]))), nil
	})
	builtin("isinstance", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("isinstance", "isinstance", args, kw, 2, 2); err != nil {
			return nil, err
		}
		r, err := IsInstance(th, args[0], args[1])
		return MakeBool(r), err
	})
	builtin("issubclass", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("issubclass", "issubclass", args, kw, 2, 2); err != nil {
			return nil, err
		}
		c, ok := args[0].(*Class)
		if !ok {
			return nil, NewError(TypeErrorClass, "issubclass() arg 1 must be a class")
		}
		r, err := classInfoMatch(c, args[1], "issubclass() arg 2 must be a class, a tuple of classes, or a union")
		return MakeBool(r), err
	})
	builtin("len", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("len", args, kw); err != nil {
			return nil, err
		}
		n, err := Len(th, args[0])
		return MakeInt(int64(n)), err
	})
	builtin("pow", builtinPow)
	builtin("round", builtinRound)
	builtin("vars", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("vars", "vars", args, kw, 1, 1); err != nil {
			return nil, err
		}
		var ns *Namespace
		switch o := args[0].(type) {
		case *Class:
			ns = o.Dict
		default:
			ns = ownDict(o)
		}
		if ns == nil {
			return nil, NewError(TypeErrorClass, "vars() argument must have __dict__ attribute")
		}
		d := NewDict()
		for _, k := range ns.Keys() {
			v, _ := ns.Get(k)
			d.SetStr(k, v)
		}
		return d, nil
	})
	builtin("dir", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("dir", "dir", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return Dir(args[0]), nil
	})
}

// isAttributeError reports whether err is an AttributeError.
func isAttributeError(err error) bool {
	e, ok := err.(*Instance)
	return ok && e.Class.IsSubclass(AttributeErrorClass)
}

// IsCallable is callable(v).
func IsCallable(v Value) bool {
	switch x := v.(type) {
	case *Instance:
		_, _, ok := x.Class.Lookup("__call__")
		return ok
	case Callable:
		return true
	}
	return false
}

// IsInstance is isinstance(obj, classinfo).
func IsInstance(th *Thread, obj, classinfo Value) (bool, error) {
	return classInfoMatch(TypeOf(obj), classinfo, "isinstance() arg 2 must be a type, a tuple of types, or a union")
}

// classInfoMatch tests c against a class or a (nested) tuple of classes.
func classInfoMatch(c *Class, info Value, msg string) (bool, error) {
	switch x := info.(type) {
	case *Class:
		return c.IsSubclass(x), nil
	case Tuple:
		for _, item := range x {
			ok, err := classInfoMatch(c, item, msg)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	case *GenericAlias:
		if strings.HasPrefix(msg, "isinstance") {
			return false, NewError(TypeErrorClass, "isinstance() argument 2 cannot be a parameterized generic")
		}
		return false, NewError(TypeErrorClass, "issubclass() argument 2 cannot be a parameterized generic")
	}
	return false, NewError(TypeErrorClass, msg)
}

func builtinAbs(th *Thread, args []Value, kw *Kwargs) (Value, error) {
	if err := oneArg("abs", args, kw); err != nil {
		return nil, err
	}
	switch x := args[0].(type) {
	case Int:
		if x < 0 {
			return UnaryOp(th, UnNeg, x)
		}
		return x, nil
	case Bool:
		return IndexValue(th, x)
	case *big.Int:
		return MakeBig(new(big.Int).Abs(x)), nil
	case Float:
		return Float(math.Abs(float64(x))), nil
	case *Instance:
		if r, found, err := CallMethod(th, x, "__abs__"); found {
			return r, err
		}
	}
	return nil, NewError(TypeErrorClass, "bad operand type for abs(): '"+TypeName(args[0])+"'")
}

func allAny(th *Thread, name string, args []Value, kw *Kwargs, want bool) (Value, error) {
	if err := oneArg(name, args, kw); err != nil {
		return nil, err
	}
	it, err := Iter(th, args[0])
	if err != nil {
		return nil, err
	}
	for {
		x, ok, err := it.Next(th)
		if err != nil {
			return nil, err
		}
		if !ok {
			return MakeBool(!want), nil
		}
		t, err := Truth(th, x)
		if err != nil {
			return nil, err
		}
		if t == want {
			return MakeBool(want), nil
		}
	}
}

// Divmod is divmod(a, b).
func Divmod(th *Thread, a, b Value) (Value, error) {
	if isNumber(a) && isNumber(b) {
		_, af := a.(Float)
		_, bf := b.(Float)
		if af || bf {
			x, _, err := toFloat(a)
			if err != nil {
				return nil, err
			}
			y, _, err := toFloat(b)
			if err != nil {
				return nil, err
			}
			if y == 0 {
				return nil, NewError(ZeroDivisionErrorClass, "float divmod()")
			}
			q, r := floatDivmod(x, y)
			return Tuple{Float(q), Float(r)}, nil
		}
		q, _, err := Arith(OpFloorDiv, a, b)
		if err != nil {
			return nil, err
		}
		r, _, err := Arith(OpMod, a, b)
		if err != nil {
			return nil, err
		}
		return Tuple{q, r}, nil
	}
	ia, aInst := a.(*Instance)
	ib, bInst := b.(*Instance)
	var slotv, slotw Value
	if aInst {
		slotv, _, _ = ia.Class.Lookup("__divmod__")
	}
	if bInst && (!aInst || ib.Class != ia.Class) {
		slotw, _, _ = ib.Class.Lookup("__rdivmod__")
	}
	if slotw != nil && aInst && ib.Class.IsSubclass(ia.Class) {
		r, err := Call(th, slotw, []Value{b, a}, nil)
		if err != nil || r != NotImplemented {
			return r, err
		}
		slotw = nil
	}
	if slotv != nil {
		r, err := Call(th, slotv, []Value{a, b}, nil)
		if err != nil || r != NotImplemented {
			return r, err
		}
	}
	if slotw != nil {
		r, err := Call(th, slotw, []Value{b, a}, nil)
		if err != nil || r != NotImplemented {
			return r, err
		}
	}
	return nil, NewError(TypeErrorClass, "unsupported operand type(s) for divmod(): '"+TypeName(a)+"' and '"+TypeName(b)+"'")
}

func isIntValue(v Value) bool {
	switch v.(type) {
	case Int, Bool, *big.Int:
		return true
	}
	return false
}

func builtinPow(th *Thread, args []Value, kw *Kwargs) (Value, error) {
	a, err := kwArgs("pow", args, kw, []string{"base", "exp", "mod"}, 2)
	if err != nil {
		return nil, err
	}
	if a[2] == nil || a[2] == None {
		return BinaryOp(th, OpPow, a[0], a[1])
	}
	if !isIntValue(a[0]) || !isIntValue(a[1]) || !isIntValue(a[2]) {
		if inst, ok := a[0].(*Instance); ok {
			if m, _, ok := inst.Class.Lookup("__pow__"); ok {
				return Call(th, m, []Value{a[0], a[1], a[2]}, nil)
			}
		}
		if isNumber(a[0]) && isNumber(a[1]) && isNumber(a[2]) {
			return nil, NewError(TypeErrorClass, "pow() 3rd argument not allowed unless all arguments are integers")
		}
		return nil, NewError(TypeErrorClass, "unsupported operand type(s) for ** or pow(): '"+TypeName(a[0])+"', '"+TypeName(a[1])+"', '"+TypeName(a[2])+"'")
	}
	base, exp, mod := bigOf(a[0]), bigOf(a[1]), bigOf(a[2])
	if mod.Sign() == 0 {
		return nil, NewError(ValueErrorClass, "pow() 3rd argument cannot be 0")
	}
	m := new(big.Int).Abs(mod)
	if m.Cmp(big.NewInt(1)) == 0 {
		return MakeInt(0), nil
	}
	b := new(big.Int).Mod(base, m)
	e := new(big.Int).Set(exp)
	if e.Sign() < 0 {
		inv := new(big.Int).ModInverse(b, m)
		if inv == nil {
			return nil, NewError(ValueErrorClass, "base is not invertible for the given modulus")
		}
		b, e = inv, e.Neg(e)
	}
	r := new(big.Int).Exp(b, e, m)
	if mod.Sign() < 0 && r.Sign() != 0 {
		r.Add(r, mod)
	}
	return MakeBig(r), nil
}

func builtinRound(th *Thread, args []Value, kw *Kwargs) (Value, error) {
	a, err := kwArgs("round", args, kw, []string{"number", "ndigits"}, 1)
	if err != nil {
		return nil, err
	}
	x, nd := a[0], a[1]
	if nd == None {
		nd = nil
	}
	switch v := x.(type) {
	case Int, Bool, *big.Int:
		if nd == nil {
			return IndexValue(th, v)
		}
		n, err := IndexValue(th, nd)
		if err != nil {
			return nil, err
		}
		return roundInt(bigOf(v), bigOf(n)), nil
	case Float:
		f := float64(v)
		if nd == nil {
			return floatToInt(math.RoundToEven(f))
		}
		n, err := IndexValue(th, nd)
		if err != nil {
			return nil, err
		}
		return roundFloat(f, bigOf(n))
	case *Instance:
		if m, _, ok := v.Class.Lookup("__round__"); ok {
			if nd == nil {
				return Call(th, m, []Value{v}, nil)
			}
			return Call(th, m, []Value{v, nd}, nil)
		}
	}
	return nil, NewError(TypeErrorClass, "type "+TypeName(x)+" doesn't define __round__ method")
}

// roundInt is int.__round__(ndigits): half to even at 10**-ndigits.
func roundInt(x, nd *big.Int) Value {
	if nd.Sign() >= 0 {
		return MakeBig(new(big.Int).Set(x))
	}
	if nd.Cmp(big.NewInt(-int64(len(x.String())+2))) < 0 {
		return MakeInt(0)
	}
	pow := new(big.Int).Exp(big.NewInt(10), new(big.Int).Neg(nd), nil)
	q, r := new(big.Int).DivMod(x, pow, new(big.Int)) // r >= 0
	twice := new(big.Int).Lsh(r, 1)
	if c := twice.Cmp(pow); c > 0 || c == 0 && q.Bit(0) == 1 {
		q.Add(q, big.NewInt(1))
	}
	return MakeBig(q.Mul(q, pow))
}

// roundFloat is float.__round__(ndigits): the float correctly rounded,
// half to even, to ndigits decimal places, as CPython's double_round
// does with its exact dtoa.
func roundFloat(f float64, nd *big.Int) (Value, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return Float(f), nil
	}
	const ndigitsMax, ndigitsMin = 323, -308
	if nd.Cmp(big.NewInt(ndigitsMax)) > 0 {
		return Float(f), nil
	}
	if nd.Cmp(big.NewInt(ndigitsMin)) < 0 {
		return Float(0 * f), nil
	}
	n := nd.Int64()
	r := new(big.Rat).SetFloat64(f)
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(abs(n)), nil))
	if n >= 0 {
		r.Mul(r, scale)
	} else {
		r.Quo(r, scale)
	}
	num, den := r.Num(), r.Denom()
	q, m := new(big.Int).QuoRem(num, den, new(big.Int))
	twice := new(big.Int).Lsh(new(big.Int).Abs(m), 1)
	if c := twice.Cmp(den); c > 0 || c == 0 && q.Bit(0) == 1 {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	res := new(big.Rat).SetInt(q)
	if n >= 0 {
		res.Quo(res, scale)
	} else {
		res.Mul(res, scale)
	}
	out, _ := res.Float64()
	if math.IsInf(out, 0) {
		return nil, NewError(OverflowErrorClass, "rounded value too large to represent")
	}
	if out == 0 {
		out = math.Copysign(0, f)
	}
	return Float(out), nil
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// objectDir lists the attributes every object has from `object`, as
// dir() shows them.
var objectDir = []string{"__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
	"__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__",
	"__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__", "__str__",
	"__subclasshook__"}

// Dir is dir(obj): the sorted names of its attributes and its class's.
func Dir(obj Value) *List {
	names := map[string]bool{}
	addNS := func(ns *Namespace) {
		if ns != nil {
			for _, k := range ns.Keys() {
				names[k] = true
			}
		}
	}
	var cls *Class
	if c, ok := obj.(*Class); ok {
		cls = c
	} else {
		addNS(ownDict(obj))
		cls = TypeOf(obj)
	}
	for _, k := range cls.MRO {
		addNS(k.Dict)
		if !k.builtin {
			names["__dict__"], names["__module__"], names["__weakref__"], names["__doc__"] = true, true, true, true
		}
	}
	if _, ok := obj.(Namespaced); !ok || cls.builtin {
		for _, n := range objectDir {
			names[n] = true
		}
	}
	out := make([]string, 0, len(names))
	for n := range names {
		out = append(out, n)
	}
	sort.Strings(out)
	items := make([]Value, len(out))
	for i, n := range out {
		items[i] = Str(n)
	}
	return &List{Items: items}
}

func init() {
	SetConstructor(PropertyClass, func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		a, err := kwArgs("property", args, kw, []string{"fget", "fset", "fdel", "doc"}, 0)
		if err != nil {
			return nil, err
		}
		p := &Property{Fget: None, Fset: None, Fdel: None}
		for i, f := range []*Value{&p.Fget, &p.Fset, &p.Fdel} {
			if a[i] != nil {
				*f = a[i]
			}
		}
		p.Name = funcName(th, p.Fget)
		return p, nil
	})
	for _, which := range []string{"getter", "setter", "deleter"} {
		defMethod(PropertyClass, which, func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
			if err := oneArg("property."+which, args, kw); err != nil {
				return nil, err
			}
			p := *self.(*Property)
			switch which {
			case "getter":
				p.Fget = args[0]
				p.Name = funcName(th, args[0])
			case "setter":
				p.Fset = args[0]
			default:
				p.Fdel = args[0]
			}
			return &p, nil
		})
	}
	defProperty(PropertyClass, "fget", func(th *Thread, self Value) (Value, error) { return self.(*Property).Fget, nil })
	defProperty(PropertyClass, "fset", func(th *Thread, self Value) (Value, error) { return self.(*Property).Fset, nil })
	defProperty(PropertyClass, "fdel", func(th *Thread, self Value) (Value, error) { return self.(*Property).Fdel, nil })
	SetConstructor(StaticMethodClass, func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("staticmethod", "staticmethod", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return &StaticMethod{Fn: args[0]}, nil
	})
	SetConstructor(ClassMethodClass, func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("classmethod", "classmethod", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return &ClassMethod{Fn: args[0]}, nil
	})
}

// funcName is f.__name__, or "" when f has none.
func funcName(th *Thread, f Value) string {
	if f == None {
		return ""
	}
	if b, ok := f.(*Builtin); ok {
		return b.Name
	}
	v, err := GetAttr(th, f, "__name__")
	if err != nil {
		return ""
	}
	s, _ := v.(Str)
	return string(s)
}
