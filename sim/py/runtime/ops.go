package runtime

import (
	"math"
	"math/big"
	"strings"
)

type notImplemented struct{}

// NotImplemented is what a binary dunder method returns to let the other
// operand try.
var NotImplemented Value = notImplemented{}

// Repr is repr(v).
func Repr(th *Thread, v Value) (string, error) {
	switch v := v.(type) {
	case none:
		return "None", nil
	case Bool:
		if v {
			return "True", nil
		}
		return "False", nil
	case Int:
		return itoa(int64(v)), nil
	case *big.Int:
		return bigDecimal(v)
	case Float:
		return FloatRepr(float64(v)), nil
	case Str:
		return QuoteStr(string(v)), nil
	case Bytes:
		return QuoteBytes(string(v)), nil
	case notImplemented:
		return "NotImplemented", nil
	case Tuple:
		if len(v) == 1 {
			s, err := Repr(th, v[0])
			return "(" + s + ",)", err
		}
		return reprSeq(th, v, "(", ")")
	case *List:
		if th.reprActive[v] {
			return "[...]", nil
		}
		return th.guardRepr(v, func() (string, error) { return reprSeq(th, v.Items, "[", "]") })
	case *Class:
		return "<class '" + v.QualName() + "'>", nil
	case *Builtin:
		if v.Self != nil {
			return "<built-in method " + v.Name + " of " + TypeName(v.Self) + " object at 0x" + hexN(uint32(th.Interp.ID(v.Self)), 12) + ">", nil
		}
		return "<built-in function " + v.Name + ">", nil
	case *Instance:
		if v.Exc != nil {
			if m, _, ok := v.Class.Lookup("__repr__"); !ok || isBuiltinObjectMethod(m) {
				args, err := Repr(th, v.Exc.Args)
				if len(v.Exc.Args) == 1 {
					args, err = Repr(th, v.Exc.Args[0])
					args = "(" + args + ")"
				}
				return v.Class.Name + args, err
			}
		}
		if th.reprActive[v] {
			return "...", nil
		}
		return th.guardRepr(v, func() (string, error) {
			r, found, err := CallMethod(th, v, "__repr__")
			if !found {
				return defaultRepr(th, v), nil
			}
			return reprResult(r, err, "__repr__")
		})
	case Reprer:
		return v.Repr(th)
	}
	return defaultRepr(th, v), nil
}

// Reprer is implemented by runtime values that render their own repr.
type Reprer interface {
	Repr(th *Thread) (string, error)
}

func isBuiltinObjectMethod(m Value) bool {
	b, ok := m.(*Builtin)
	return ok && b.Self == nil && strings.HasPrefix(b.Name, "object.")
}

func reprResult(r Value, err error, method string) (string, error) {
	if err != nil {
		return "", err
	}
	s, ok := r.(Str)
	if !ok {
		return "", NewError(TypeErrorClass, method+" returned non-string (type "+TypeName(r)+")")
	}
	return string(s), nil
}

func defaultRepr(th *Thread, v Value) string {
	return "<" + TypeOf(v).QualName() + " object at 0x" + hexN(uint32(th.Interp.ID(v)>>0), 12) + ">"
}

func (th *Thread) guardRepr(v Value, f func() (string, error)) (string, error) {
	if th.reprActive == nil {
		th.reprActive = map[Value]bool{}
	}
	th.reprActive[v] = true
	defer delete(th.reprActive, v)
	return f()
}

func reprSeq(th *Thread, items []Value, open, close string) (string, error) {
	var b strings.Builder
	b.WriteString(open)
	for i, x := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := Repr(th, x)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	b.WriteString(close)
	return b.String(), nil
}

// QuoteBytes is repr() of bytes.
func QuoteBytes(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteString("b")
	b.WriteByte(quote)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == quote || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c >= 0x7f:
			b.WriteString(`\x` + hex2(c))
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// StrOf is str(v).
func StrOf(th *Thread, v Value) (string, error) {
	switch v := v.(type) {
	case Str:
		return string(v), nil
	case *Instance:
		if m, _, ok := v.Class.Lookup("__str__"); ok && !isBuiltinObjectMethod(m) {
			r, err := Call(th, m, []Value{v}, nil)
			return reprResult(r, err, "__str__")
		}
		if v.Exc != nil {
			return v.Message(), nil
		}
	}
	return Repr(th, v)
}

// Truth is bool(v).
func Truth(th *Thread, v Value) (bool, error) {
	switch v := v.(type) {
	case Bool:
		return bool(v), nil
	case none:
		return false, nil
	case Int:
		return v != 0, nil
	case *big.Int:
		return v.Sign() != 0, nil
	case Float:
		return v != 0, nil
	case Str:
		return v != "", nil
	case Bytes:
		return v != "", nil
	case Tuple:
		return len(v) > 0, nil
	case *List:
		return len(v.Items) > 0, nil
	case *Instance:
		if r, found, err := CallMethod(th, v, "__bool__"); found {
			if err != nil {
				return false, err
			}
			b, ok := r.(Bool)
			if !ok {
				return false, NewError(TypeErrorClass, "__bool__ should return bool, returned "+TypeName(r))
			}
			return bool(b), nil
		}
		if r, found, err := CallMethod(th, v, "__len__"); found {
			if err != nil {
				return false, err
			}
			n, err := lenResult(r)
			return n > 0, err
		}
	case Lener:
		return v.Len() > 0, nil
	}
	return true, nil
}

// Lener is implemented by runtime containers.
type Lener interface{ Len() int }

func lenResult(r Value) (int, error) {
	switch n := r.(type) {
	case Int:
		if n < 0 {
			return 0, NewError(ValueErrorClass, "__len__() should return >= 0")
		}
		return int(n), nil
	case Bool:
		if n {
			return 1, nil
		}
		return 0, nil
	}
	return 0, NewError(TypeErrorClass, "'"+TypeName(r)+"' object cannot be interpreted as an integer")
}

// Len is len(v).
func Len(th *Thread, v Value) (int, error) {
	switch v := v.(type) {
	case Str:
		return runeCount(string(v)), nil
	case Bytes:
		return len(v), nil
	case Tuple:
		return len(v), nil
	case *List:
		return len(v.Items), nil
	case Lener:
		return v.Len(), nil
	case *Instance:
		if r, found, err := CallMethod(th, v, "__len__"); found {
			if err != nil {
				return 0, err
			}
			return lenResult(r)
		}
	}
	return 0, NewError(TypeErrorClass, "object of type '"+TypeName(v)+"' has no len()")
}

func runeCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < 0x80 || s[i] >= 0xc0 {
			n++
		}
	}
	return n
}

// isNumber reports whether v is an int, bool or float.
func isNumber(v Value) bool {
	switch v.(type) {
	case Int, *big.Int, Bool, Float:
		return true
	}
	return false
}

// numCompare compares two numbers exactly (ints and floats alike, as
// Python does, without rounding the int): -1, 0 or 1, and false for NaN.
func numCompare(a, b Value) (int, bool) {
	if x, y, ok := smallOperands(a, b); ok {
		switch {
		case x < y:
			return -1, true
		case x > y:
			return 1, true
		}
		return 0, true
	}
	_, af := a.(Float)
	_, bf := b.(Float)
	if !af && !bf {
		x, _ := toBig(a)
		y, _ := toBig(b)
		return x.Cmp(y), true
	}
	toBigFloat := func(v Value) (*big.Float, bool) {
		if f, ok := v.(Float); ok {
			if math.IsNaN(float64(f)) {
				return nil, false
			}
			return new(big.Float).SetFloat64(float64(f)), true // ±Inf is fine
		}
		i, _ := toBig(v)
		return new(big.Float).SetInt(i), true
	}
	x, ok1 := toBigFloat(a)
	y, ok2 := toBigFloat(b)
	if !ok1 || !ok2 {
		return 0, false
	}
	return x.Cmp(y), true
}

// bigDecimal is str() of a big int, refused past maxStrDigits as in CPython.
func bigDecimal(v *big.Int) (string, error) {
	// 2**bits < 10**(bits*log10(2)+1): a cheap bound first, the digits only if close.
	if float64(v.BitLen())*0.30103 > maxStrDigits+1 {
		return "", NewError(ValueErrorClass, "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
	}
	s := v.String()
	if n := len(s) - boolInt(v.Sign() < 0); n > maxStrDigits {
		return "", NewError(ValueErrorClass, "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
	}
	return s, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
