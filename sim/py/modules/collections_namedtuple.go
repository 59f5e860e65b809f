package modules

import (
	"strings"
	"sync"
	"unicode"

	rt "asyncplay/sim/py/runtime"
)

// collections.namedtuple makes a class deriving from tuple whose
// instances keep their items in Data (an rt.Tuple): tuple's behaviour
// comes from the methods every such class gets (ntMethods), the fields
// from tupleGetter descriptors, construction from a NativeNew, so that
// Python classes may derive from a namedtuple as the docs show.

// tupleGetter is a namedtuple field: read-only item i.
type tupleGetter struct {
	i    int
	name string
}

var tupleGetterClass = stdClass("_tuplegetter", "_collections")

func (g *tupleGetter) Type() *rt.Class { return tupleGetterClass }

func (g *tupleGetter) Repr(th *rt.Thread) (string, error) {
	return "_tuplegetter(" + itoa(g.i) + ", 'Alias for field number " + itoa(g.i) + "')", nil
}

func (g *tupleGetter) Get(th *rt.Thread, instance rt.Value, owner *rt.Class) (rt.Value, error) {
	if instance == nil {
		return g, nil
	}
	items, ok := ntItems(instance)
	if !ok || g.i >= len(items) {
		return nil, rt.NewError(rt.TypeErrorClass, "descriptor for index '"+itoa(g.i)+"' for tuple subclasses doesn't apply to '"+rt.TypeName(instance)+"' object")
	}
	return items[g.i], nil
}

func (g *tupleGetter) Set(th *rt.Thread, instance, v rt.Value) error {
	return rt.NewError(rt.AttributeErrorClass, "can't set attribute")
}

func (g *tupleGetter) Delete(th *rt.Thread, instance rt.Value) error {
	return rt.NewError(rt.AttributeErrorClass, "can't delete attribute")
}

// ntItems returns the items of a namedtuple instance.
func ntItems(v rt.Value) (rt.Tuple, bool) {
	if inst, ok := v.(*rt.Instance); ok {
		t, ok := inst.Data.(rt.Tuple)
		return t, ok
	}
	return nil, false
}

// asTuple returns the items of a tuple or of a namedtuple instance.
func asTuple(v rt.Value) (rt.Tuple, bool) {
	if t, ok := v.(rt.Tuple); ok {
		return t, true
	}
	return ntItems(v)
}

// ntSpec is what one namedtuple class knows about itself.
type ntSpec struct {
	name     string // the typename, as __new__'s errors name it
	reprName string // what repr shows, "" for the class's __name__
	fields   []string
	defaults []rt.Value // of the last fields
	builtin  bool       // a class of a module (sys.version_info's), shared by every program
}

// ntMethods are the tuple methods every namedtuple class carries
// (tuple's own, found further along the MRO, expect an rt.Tuple); made
// on first use, as classes are made before init functions run.
var (
	ntMethods     *rt.Namespace
	ntMethodsOnce sync.Once
)

func ntMethod(name string, fn func(th *rt.Thread, items rt.Tuple, args []rt.Value) (rt.Value, error), min, max int) {
	ntMethods.Set(name, stdFn(name, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if len(args) == 0 {
			return nil, rt.NewError(rt.TypeErrorClass, "descriptor '"+name+"' of 'tuple' object needs an argument")
		}
		items, ok := ntItems(args[0])
		if !ok {
			return nil, rt.NewError(rt.TypeErrorClass, "descriptor '"+name+"' requires a 'tuple' object but received a '"+rt.TypeName(args[0])+"'")
		}
		if err := stdPos(name, args[1:], kw, min, max); err != nil {
			return nil, err
		}
		return fn(th, items, args[1:])
	}))
}

func makeNtMethods() {
	ntMethods = rt.NewNamespace()
	ntMethod("__getitem__", func(th *rt.Thread, items rt.Tuple, args []rt.Value) (rt.Value, error) {
		return rt.GetItem(th, items, args[0])
	}, 1, 1)
	ntMethod("__len__", func(th *rt.Thread, items rt.Tuple, args []rt.Value) (rt.Value, error) {
		return rt.MakeInt(int64(len(items))), nil
	}, 0, 0)
	ntMethod("__iter__", func(th *rt.Thread, items rt.Tuple, args []rt.Value) (rt.Value, error) {
		it, err := rt.Iter(th, items)
		return it, err
	}, 0, 0)
	ntMethod("__reversed__", func(th *rt.Thread, items rt.Tuple, args []rt.Value) (rt.Value, error) {
		return rt.Reversed(th, items)
	}, 0, 0)
	ntMethod("__contains__", func(th *rt.Thread, items rt.Tuple, args []rt.Value) (rt.Value, error) {
		in, err := rt.Contains(th, items, args[0])
		return rt.MakeBool(in), err
	}, 1, 1)
	ntMethod("__hash__", func(th *rt.Thread, items rt.Tuple, args []rt.Value) (rt.Value, error) {
		h, err := rt.Hash(th, items)
		return rt.MakeInt(h), err
	}, 0, 0)
	for _, cmp := range []struct {
		name string
		op   rt.CmpOp
	}{{"__eq__", rt.CmpEq}, {"__ne__", rt.CmpNe}, {"__lt__", rt.CmpLt}, {"__le__", rt.CmpLe}, {"__gt__", rt.CmpGt}, {"__ge__", rt.CmpGe}} {
		ntMethod(cmp.name, func(th *rt.Thread, items rt.Tuple, args []rt.Value) (rt.Value, error) {
			other, ok := asTuple(args[0])
			if !ok {
				return rt.NotImplemented, nil
			}
			return rt.Compare(th, cmp.op, items, other)
		}, 1, 1)
	}
	ntMethod("__add__", func(th *rt.Thread, items rt.Tuple, args []rt.Value) (rt.Value, error) {
		if other, ok := asTuple(args[0]); ok {
			return append(append(rt.Tuple{}, items...), other...), nil
		}
		return rt.BinaryOp(th, rt.OpAdd, items, args[0])
	}, 1, 1)
	ntMethod("__radd__", func(th *rt.Thread, items rt.Tuple, args []rt.Value) (rt.Value, error) {
		if other, ok := args[0].(rt.Tuple); ok {
			return append(append(rt.Tuple{}, other...), items...), nil
		}
		return rt.NotImplemented, nil
	}, 1, 1)
	mul := func(th *rt.Thread, items rt.Tuple, args []rt.Value) (rt.Value, error) {
		if !isIndex(args[0]) {
			return rt.NotImplemented, nil
		}
		return rt.BinaryOp(th, rt.OpMul, items, args[0])
	}
	ntMethod("__mul__", mul, 1, 1)
	ntMethod("__rmul__", mul, 1, 1)
	for _, name := range []string{"count", "index"} {
		v, _ := rt.TupleClass.Dict.Get(name)
		b := v.(*rt.Builtin)
		ntMethods.Set(name, stdFn(name, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if len(args) > 0 {
				if items, ok := ntItems(args[0]); ok {
					args = append([]rt.Value{items}, args[1:]...)
				}
			}
			return b.Fn(th, args, kw)
		}))
	}
	ntMethods.Set("__getnewargs__", stdFn("__getnewargs__", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		items, _ := ntItems(args[0])
		return rt.Tuple{append(rt.Tuple{}, items...)}, nil
	}))
}

// pyKeywords are Python's keywords, which no field may be named.
var pyKeywords = map[string]bool{}

func init() {
	for _, k := range strings.Fields("False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield") {
		pyKeywords[k] = true
	}
}

// isIdentifier is str.isidentifier().
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) {
			continue
		}
		if i > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Pc, r)) {
			continue
		}
		return false
	}
	return true
}

// namedtuple(typename, field_names, *, rename=False, defaults=None, module=None).
func namedtupleFn(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	if len(args) > 2 {
		return nil, rt.NewError(rt.TypeErrorClass, "namedtuple() takes 2 positional arguments but "+itoa(len(args))+" were given")
	}
	a := make([]rt.Value, 5)
	copy(a, args)
	names := []string{"typename", "field_names", "rename", "defaults", "module"}
	for i := range kw.Len() {
		j := -1
		for p, n := range names {
			if n == kw.Names[i] {
				j = p
			}
		}
		if j < 0 {
			return nil, rt.NewError(rt.TypeErrorClass, "namedtuple() got an unexpected keyword argument '"+kw.Names[i]+"'")
		}
		if a[j] != nil {
			return nil, rt.NewError(rt.TypeErrorClass, "namedtuple() got multiple values for argument '"+kw.Names[i]+"'")
		}
		a[j] = kw.Values[i]
	}
	var missing []string
	for i := range 2 {
		if a[i] == nil {
			missing = append(missing, "'"+names[i]+"'")
		}
	}
	if len(missing) == 1 {
		return nil, rt.NewError(rt.TypeErrorClass, "namedtuple() missing 1 required positional argument: "+missing[0])
	} else if len(missing) == 2 {
		return nil, rt.NewError(rt.TypeErrorClass, "namedtuple() missing 2 required positional arguments: "+missing[0]+" and "+missing[1])
	}
	var fields []string
	if s, ok := a[1].(rt.Str); ok {
		fields = strings.Fields(strings.ReplaceAll(string(s), ",", " "))
	} else {
		items, err := rt.Collect(th, a[1])
		if err != nil {
			return nil, err
		}
		for _, x := range items {
			s, err := rt.StrOf(th, x)
			if err != nil {
				return nil, err
			}
			fields = append(fields, s)
		}
	}
	typename, err := rt.StrOf(th, a[0])
	if err != nil {
		return nil, err
	}
	rename := false
	if a[2] != nil {
		if rename, err = rt.Truth(th, a[2]); err != nil {
			return nil, err
		}
	}
	if rename {
		seen := map[string]bool{}
		for i, name := range fields {
			if !isIdentifier(name) || pyKeywords[name] || strings.HasPrefix(name, "_") || seen[name] {
				fields[i] = "_" + itoa(i)
			}
			seen[name] = true
		}
	}
	for _, name := range append([]string{typename}, fields...) {
		if !isIdentifier(name) {
			return nil, rt.NewError(rt.ValueErrorClass, "Type names and field names must be valid identifiers: "+rt.QuoteStr(name))
		}
		if pyKeywords[name] {
			return nil, rt.NewError(rt.ValueErrorClass, "Type names and field names cannot be a keyword: "+rt.QuoteStr(name))
		}
	}
	seen := map[string]bool{}
	for _, name := range fields {
		if strings.HasPrefix(name, "_") && !rename {
			return nil, rt.NewError(rt.ValueErrorClass, "Field names cannot start with an underscore: "+rt.QuoteStr(name))
		}
		if seen[name] {
			return nil, rt.NewError(rt.ValueErrorClass, "Encountered duplicate field name: "+rt.QuoteStr(name))
		}
		seen[name] = true
	}
	var defaults []rt.Value
	if a[3] != nil && a[3] != rt.None {
		if defaults, err = rt.Collect(th, a[3]); err != nil {
			return nil, err
		}
		if len(defaults) > len(fields) {
			return nil, rt.NewError(rt.TypeErrorClass, "Got more default values than field names")
		}
	}
	module := "__main__"
	if a[4] != nil && a[4] != rt.None {
		if module, err = rt.StrOf(th, a[4]); err != nil {
			return nil, err
		}
	}
	return newNamedTuple(&ntSpec{name: typename, fields: fields, defaults: defaults}, module), nil
}

// newNamedTuple makes a namedtuple class.
func newNamedTuple(spec *ntSpec, module string) *rt.Class {
	ntMethodsOnce.Do(makeNtMethods)
	ns := rt.NewNamespace()
	for _, k := range ntMethods.Keys() {
		v, _ := ntMethods.Get(k)
		ns.Set(k, v)
	}
	ns.Set("__module__", rt.Str(module))
	ns.Set("__doc__", rt.Str(spec.name+"("+strings.Join(spec.fields, ", ")+")"))
	ns.Set("__slots__", rt.Tuple{})
	fields := make(rt.Tuple, len(spec.fields))
	for i, f := range spec.fields {
		fields[i] = rt.Str(f)
	}
	ns.Set("_fields", fields)
	ns.Set("__match_args__", fields)
	fd := rt.NewDict()
	off := len(spec.fields) - len(spec.defaults)
	for i, d := range spec.defaults {
		fd.SetStr(spec.fields[off+i], d)
	}
	ns.Set("_field_defaults", fd)
	var cls *rt.Class
	ns.Set("__new__", &rt.NativeNew{Fn: func(th *rt.Thread, c *rt.Class, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		items, err := spec.bind(args, kw)
		if err != nil {
			return nil, err
		}
		inst := rt.NewInstance(c)
		inst.Data = items
		if c != cls {
			if init, _, ok := c.Lookup("__init__"); ok {
				if b, ok := init.(*rt.Builtin); !ok || !strings.HasPrefix(b.Name, "object.") {
					if _, err := rt.Call(th, init, append([]rt.Value{inst}, args...), kw); err != nil {
						return nil, err
					}
				}
			}
		}
		return inst, nil
	}})
	ns.Set("_make", &rt.ClassMethod{Fn: stdFn("_make", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("_make", args[1:], kw, []string{"iterable"}, 1)
		if err != nil {
			return nil, err
		}
		items, err := rt.Collect(th, a[0])
		if err != nil {
			return nil, err
		}
		if len(items) != len(spec.fields) {
			return nil, rt.NewError(rt.TypeErrorClass, "Expected "+itoa(len(spec.fields))+" arguments, got "+itoa(len(items)))
		}
		c, _ := args[0].(*rt.Class)
		if c == nil {
			c = cls
		}
		inst := rt.NewInstance(c)
		inst.Data = rt.Tuple(items)
		return inst, nil
	})})
	ns.Set("_replace", stdFn("_replace", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if len(args) != 1 {
			return nil, rt.NewError(rt.TypeErrorClass, spec.name+"._replace() takes 1 positional argument but "+itoa(len(args))+" were given")
		}
		items, ok := ntItems(args[0])
		if !ok {
			return nil, rt.NewError(rt.TypeErrorClass, "_replace() needs a namedtuple")
		}
		items = append(rt.Tuple{}, items...)
		var unknown []rt.Value
		for i := range kw.Len() {
			j := -1
			for p, f := range spec.fields {
				if f == kw.Names[i] {
					j = p
				}
			}
			if j < 0 || j >= len(items) {
				unknown = append(unknown, rt.Str(kw.Names[i]))
				continue
			}
			items[j] = kw.Values[i]
		}
		if len(unknown) > 0 {
			s, _ := stdReprList(th, unknown)
			return nil, rt.NewError(rt.ValueErrorClass, "Got unexpected field names: "+s)
		}
		make, err := rt.GetAttr(th, args[0], "_make")
		if err != nil {
			return nil, err
		}
		return rt.Call(th, make, []rt.Value{items}, nil)
	}))
	ns.Set("_asdict", stdFn("_asdict", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("_asdict", args, kw, 1, 1); err != nil {
			return nil, err
		}
		items, _ := ntItems(args[0])
		d := rt.NewDict()
		for i, f := range spec.fields {
			if i < len(items) {
				d.SetStr(f, items[i])
			}
		}
		return d, nil
	}))
	ns.Set("__repr__", stdFn("__repr__", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		items, _ := ntItems(args[0])
		name := spec.reprName
		if name == "" {
			name = rt.TypeName(args[0])
		}
		var b strings.Builder
		b.WriteString(name + "(")
		for i, f := range spec.fields {
			if i >= len(items) {
				break
			}
			if i > 0 {
				b.WriteString(", ")
			}
			s, err := rt.Repr(th, items[i])
			if err != nil {
				return nil, err
			}
			b.WriteString(f + "=" + s)
		}
		b.WriteString(")")
		return rt.Str(b.String()), nil
	}))
	objSetattr, _ := rt.ObjectClass.Dict.Get("__setattr__")
	ns.Set("__setattr__", stdFn("__setattr__", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if len(args) == 3 && rt.TypeOf(args[0]) == cls {
			name, _ := args[1].(rt.Str)
			return nil, rt.NewError(rt.AttributeErrorClass, "'"+rt.TypeName(args[0])+"' object has no attribute '"+string(name)+"'")
		}
		return rt.Call(th, objSetattr, args, kw)
	}))
	for i, f := range spec.fields {
		ns.Set(f, &tupleGetter{i: i, name: f})
	}
	if spec.builtin {
		cls = rt.NewBuiltinClass(spec.name, module, rt.TupleClass)
		for _, k := range ns.Keys() {
			v, _ := ns.Get(k)
			cls.Dict.Set(k, v)
		}
		return cls
	}
	c, err := rt.NewClass(spec.name, module, []*rt.Class{rt.TupleClass}, ns)
	if err != nil {
		panic(err)
	}
	cls = c
	return c
}

// bind matches __new__'s arguments to the fields, with the TypeErrors of
// the Python function CPython generates.
func (spec *ntSpec) bind(args []rt.Value, kw *rt.Kwargs) (rt.Tuple, error) {
	n := len(spec.fields)
	fn := spec.name + ".__new__()"
	if len(args) > n {
		takes := itoa(n + 1)
		if len(spec.defaults) > 0 {
			takes = "from " + itoa(n+1-len(spec.defaults)) + " to " + itoa(n+1)
		}
		word, was := "arguments", "were"
		if n+1 == 1 && len(spec.defaults) == 0 {
			word = "argument"
		}
		return nil, rt.NewError(rt.TypeErrorClass, fn+" takes "+takes+" positional "+word+" but "+itoa(len(args)+1)+" "+was+" given")
	}
	items := make(rt.Tuple, n)
	copy(items, args)
	for i := range kw.Len() {
		j := -1
		for p, f := range spec.fields {
			if f == kw.Names[i] {
				j = p
			}
		}
		switch {
		case kw.Names[i] == "_cls":
			return nil, rt.NewError(rt.TypeErrorClass, fn+" got multiple values for argument '_cls'")
		case j < 0:
			return nil, rt.NewError(rt.TypeErrorClass, fn+" got an unexpected keyword argument '"+kw.Names[i]+"'")
		case items[j] != nil:
			return nil, rt.NewError(rt.TypeErrorClass, fn+" got multiple values for argument '"+kw.Names[i]+"'")
		}
		items[j] = kw.Values[i]
	}
	off := n - len(spec.defaults)
	var missing []string
	for i := range items {
		if items[i] == nil {
			if i >= off {
				items[i] = spec.defaults[i-off]
			} else {
				missing = append(missing, "'"+spec.fields[i]+"'")
			}
		}
	}
	if len(missing) > 0 {
		s := ""
		if len(missing) > 1 {
			s = "s"
		}
		list := missing[0]
		if len(missing) > 1 {
			list = strings.Join(missing[:len(missing)-1], ", ") + " and " + missing[len(missing)-1]
		}
		return nil, rt.NewError(rt.TypeErrorClass, fn+" missing "+itoa(len(missing))+" required positional argument"+s+": "+list)
	}
	return items, nil
}
