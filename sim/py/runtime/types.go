package runtime

import "math/big"

// The built-in types' class objects. Their methods are added to their
// Dicts by the files that implement each type.
var (
	NoneTypeClass    = newBuiltinClass("NoneType", ObjectClass)
	IntClass         = newBuiltinClass("int", ObjectClass)
	BoolClass        = newBuiltinClass("bool", IntClass)
	FloatClass       = newBuiltinClass("float", ObjectClass)
	StrClass         = newBuiltinClass("str", ObjectClass)
	BytesClass       = newBuiltinClass("bytes", ObjectClass)
	ListClass        = newBuiltinClass("list", ObjectClass)
	TupleClass       = newBuiltinClass("tuple", ObjectClass)
	DictClass        = newBuiltinClass("dict", ObjectClass)
	SetClass         = newBuiltinClass("set", ObjectClass)
	FunctionClass    = newBuiltinClass("function", ObjectClass)
	BuiltinFuncClass = newBuiltinClass("builtin_function_or_method", ObjectClass)
	MethodClass      = newBuiltinClass("method", ObjectClass)
	ModuleClass      = newBuiltinClass("module", ObjectClass)
)

// Typed is implemented by runtime values whose class is not one of the Go
// types switched on in TypeOf (modules, generators, iterators, ...).
type Typed interface {
	Type() *Class
}

// TypeOf is type(v).
func TypeOf(v Value) *Class {
	switch v := v.(type) {
	case none:
		return NoneTypeClass
	case Bool:
		return BoolClass
	case Int, *big.Int:
		return IntClass
	case Float:
		return FloatClass
	case Str:
		return StrClass
	case Bytes:
		return BytesClass
	case *List:
		return ListClass
	case Tuple:
		return TupleClass
	case *Instance:
		return v.Class
	case *Class:
		return TypeClass
	case *Builtin:
		return BuiltinFuncClass
	case *Method:
		return MethodClass
	case Typed:
		return v.Type()
	}
	return ObjectClass
}

// TypeName is the name of v's type, as error messages say it.
func TypeName(v Value) string { return TypeOf(v).Name }
