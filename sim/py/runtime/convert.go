package runtime

import (
	"errors"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
)

// This file holds the constructors of the scalar built-in types (int,
// float, str, bool, bytes) and the conversions behind them.

// maxStrDigits is CPython 3.11's default limit on int<->str conversions
// in bases that are not powers of two (sys.int_info.default_max_str_digits).
const maxStrDigits = 4300

// floatToInt is int(f): truncation, with CPython's errors for inf and nan.
func floatToInt(f float64) (Value, error) {
	switch {
	case math.IsInf(f, 0):
		return nil, NewError(OverflowErrorClass, "cannot convert float infinity to integer")
	case math.IsNaN(f):
		return nil, NewError(ValueErrorClass, "cannot convert float NaN to integer")
	}
	t := math.Trunc(f)
	if t >= -9.2e18 && t <= 9.2e18 {
		return MakeInt(int64(t)), nil
	}
	b, _ := new(big.Float).SetFloat64(t).Int(nil)
	return MakeBig(b), nil
}

// IntOf is int(v) with one argument.
func IntOf(th *Thread, v Value) (Value, error) {
	switch x := v.(type) {
	case Int, *big.Int:
		return v, nil
	case Bool:
		return IndexValue(th, x)
	case Float:
		return floatToInt(float64(x))
	case Str:
		return parseIntValue(string(x), 10, v)
	case Bytes:
		return parseIntValue(string(x), 10, v)
	case *Instance:
		for _, name := range []string{"__int__", "__index__", "__trunc__"} {
			r, found, err := CallMethod(th, v, name)
			if !found {
				continue
			}
			if err != nil {
				return nil, err
			}
			switch r.(type) {
			case Int, *big.Int:
				return r, nil
			case Bool:
				return IndexValue(th, r)
			}
			if name == "__trunc__" {
				return IntOf(th, r)
			}
			return nil, NewError(TypeErrorClass, name+" returned non-int (type "+TypeName(r)+")")
		}
	}
	return nil, NewError(TypeErrorClass, "int() argument must be a string, a bytes-like object or a real number, not '"+TypeName(v)+"'")
}

// parseIntValue parses the text of int(s, base), reporting CPython's
// ValueError with the repr of the original object.
func parseIntValue(s string, base int, orig Value) (Value, error) {
	v, err := ParseInt(s, base)
	if err != nil {
		return nil, err
	}
	if v == nil {
		r := reprSimple(orig)
		if b, ok := orig.(Bytes); ok {
			r = QuoteBytes(string(b))
		}
		r = truncRunes(r, 200)
		return nil, NewError(ValueErrorClass, "invalid literal for int() with base "+strconv.Itoa(base)+": "+r)
	}
	return v, nil
}

// isPySpace is str.isspace for one character.
func isPySpace(r rune) bool {
	switch {
	case r < 0x80:
		return r == ' ' || (r >= '\t' && r <= '\r') || (r >= 0x1c && r <= 0x1f)
	case r == 0x85 || r == 0xa0 || r == 0x1680 || (r >= 0x2000 && r <= 0x200a) ||
		r == 0x2028 || r == 0x2029 || r == 0x202f || r == 0x205f || r == 0x3000:
		return true
	}
	return false
}

// decimalValue is the digit value of a Unicode decimal digit (category
// Nd), or -1.
func decimalValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	if r < 0x80 || !unicode.Is(unicode.Nd, r) {
		return -1
	}
	zero := r
	for zero > 0 && unicode.Is(unicode.Nd, zero-1) {
		zero--
	}
	return int(r-zero) % 10
}

// asciiDigits is _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode
// decimal digits become ASCII digits and Unicode spaces become ' '; other
// non-ASCII characters become '?' so that they fail to parse.
func asciiDigits(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case isPySpace(r):
			b.WriteByte(' ')
		case decimalValue(r) >= 0:
			b.WriteByte(byte('0' + decimalValue(r)))
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// ParseInt parses an int literal as int(s, base) does: surrounding
// whitespace, a sign, a base prefix (base 0 infers the base from it) and
// single underscores between digits. It returns nil for invalid text.
func ParseInt(s string, base int) (Value, error) {
	s = strings.TrimFunc(asciiDigits(s), func(r rune) bool { return r == ' ' || (r >= '\t' && r <= '\r') || (r >= 0x1c && r <= 0x1f) })
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg, s = s[0] == '-', s[1:]
	}
	prefixed := false
	if len(s) >= 2 && s[0] == '0' {
		p := s[1] | 0x20
		switch {
		case p == 'x' && (base == 16 || base == 0):
			base, s, prefixed = 16, s[2:], true
		case p == 'o' && (base == 8 || base == 0):
			base, s, prefixed = 8, s[2:], true
		case p == 'b' && (base == 2 || base == 0):
			base, s, prefixed = 2, s[2:], true
		}
	}
	zeroOnly := false
	if base == 0 {
		base = 10
		zeroOnly = len(s) > 0 && s[0] == '0' // "010" is not a literal
	}
	if prefixed && s != "" && s[0] == '_' {
		s = s[1:]
	}
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' || strings.Contains(s, "__") {
		return nil, nil
	}
	digits := strings.ReplaceAll(s, "_", "")
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		var d int
		switch {
		case c >= '0' && c <= '9':
			d = int(c - '0')
		case c >= 'a' && c <= 'z':
			d = int(c-'a') + 10
		case c >= 'A' && c <= 'Z':
			d = int(c-'A') + 10
		default:
			return nil, nil
		}
		if d >= base || zeroOnly && d != 0 {
			return nil, nil
		}
	}
	if base&(base-1) != 0 && len(digits) > maxStrDigits {
		return nil, NewError(ValueErrorClass, "Exceeds the limit (4300 digits) for integer string conversion: value has "+strconv.Itoa(len(digits))+" digits; use sys.set_int_max_str_digits() to increase the limit")
	}
	if len(digits) <= 18 && base <= 10 || len(digits) <= 12 {
		n, err := strconv.ParseInt(digits, base, 64)
		if err == nil {
			if neg {
				n = -n
			}
			return MakeInt(n), nil
		}
	}
	b, ok := new(big.Int).SetString(digits, base)
	if !ok {
		return nil, nil
	}
	if neg {
		b.Neg(b)
	}
	return MakeBig(b), nil
}

// ParseFloat parses the text of float(s): decimal literals with single
// underscores between digits, inf, infinity and nan in any case, with
// surrounding whitespace; ok is false for anything else.
func ParseFloat(s string) (float64, bool) {
	s = strings.TrimFunc(asciiDigits(s), func(r rune) bool { return r == ' ' || (r >= '\t' && r <= '\r') || (r >= 0x1c && r <= 0x1f) })
	body := s
	neg := false
	if body != "" && (body[0] == '+' || body[0] == '-') {
		neg, body = body[0] == '-', body[1:]
	}
	switch strings.ToLower(body) {
	case "inf", "infinity":
		if neg {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	case "nan":
		return math.NaN(), true
	}
	// digitpart: digits with single underscores between them
	digitRun := func(t string) (string, string) {
		i := 0
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
			if i+1 < len(t) && t[i] == '_' && t[i+1] >= '0' && t[i+1] <= '9' {
				i++
			}
		}
		return t[:i], t[i:]
	}
	intPart, rest := digitRun(body)
	frac := ""
	if rest != "" && rest[0] == '.' {
		frac, rest = digitRun(rest[1:])
	}
	if intPart == "" && frac == "" {
		return 0, false
	}
	if rest != "" && (rest[0] == 'e' || rest[0] == 'E') {
		e := rest[1:]
		if e != "" && (e[0] == '+' || e[0] == '-') {
			e = e[1:]
		}
		var exp string
		exp, rest = digitRun(e)
		if exp == "" {
			return 0, false
		}
	}
	if rest != "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, false
	}
	return f, true
}

// FloatOf is float(v) with one argument.
func FloatOf(th *Thread, v Value) (Value, error) {
	switch x := v.(type) {
	case Float:
		return x, nil
	case Str, Bytes:
		var s string
		if t, ok := x.(Str); ok {
			s = string(t)
		} else {
			s = string(x.(Bytes))
		}
		f, ok := ParseFloat(s)
		if !ok {
			r := reprSimple(v)
			if b, ok := v.(Bytes); ok {
				r = QuoteBytes(string(b))
			}
			return nil, NewError(ValueErrorClass, "could not convert string to float: "+r)
		}
		return Float(f), nil
	case *Instance:
		if r, found, err := CallMethod(th, v, "__float__"); found {
			if err != nil {
				return nil, err
			}
			if f, ok := r.(Float); ok {
				return f, nil
			}
			return nil, NewError(TypeErrorClass, x.Class.Name+".__float__ returned non-float (type "+TypeName(r)+")")
		}
		if hasMethod(x, "__index__") {
			n, err := IndexValue(th, v)
			if err != nil {
				return nil, err
			}
			f, _, err := toFloat(n)
			return Float(f), err
		}
	}
	f, ok, err := toFloat(v)
	if ok {
		return Float(f), err
	}
	return nil, NewError(TypeErrorClass, "float() argument must be a string or a real number, not '"+TypeName(v)+"'")
}

// AsFloat is PyFloat_AsDouble: floats, ints and objects with __float__
// or __index__, else "must be real number, not str".
func AsFloat(th *Thread, v Value) (float64, error) {
	switch v.(type) {
	case Float, Int, Bool, *big.Int:
		f, _, err := toFloat(v)
		return f, err
	case *Instance:
		if hasMethod(v, "__float__") || hasMethod(v, "__index__") {
			r, err := FloatOf(th, v)
			if err != nil {
				return 0, err
			}
			return float64(r.(Float)), nil
		}
	}
	return 0, NewError(TypeErrorClass, "must be real number, not "+TypeName(v))
}

// Ascii is ascii(v): the repr with non-ASCII characters escaped.
func Ascii(th *Thread, v Value) (string, error) {
	s, err := Repr(th, v)
	if err != nil || isASCII(s) {
		return s, err
	}
	return asciiEscape(s), nil
}

func asciiEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r <= 0xff:
			b.WriteString(`\x` + hex2(byte(r)))
		case r <= 0xffff:
			b.WriteString(`\u` + hexN(uint32(r), 4))
		default:
			b.WriteString(`\U` + hexN(uint32(r), 8))
		}
	}
	return b.String()
}

// BytesOf is bytes(v) with one argument.
func BytesOf(th *Thread, v Value) (Value, error) {
	switch x := v.(type) {
	case Bytes:
		return x, nil
	case Str:
		return nil, NewError(TypeErrorClass, "string argument without an encoding")
	case Int, Bool, *big.Int:
		n, err := asIndex(th, v)
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, NewError(ValueErrorClass, "negative count")
		}
		if n > maxRepeat {
			return nil, NewError(MemoryErrorClass, "")
		}
		return Bytes(make([]byte, n)), nil
	case *Instance:
		if r, found, err := CallMethod(th, v, "__bytes__"); found {
			if err != nil {
				return nil, err
			}
			if b, ok := r.(Bytes); ok {
				return b, nil
			}
			return nil, NewError(TypeErrorClass, "__bytes__ returned non-bytes (type "+TypeName(r)+")")
		}
		if hasMethod(x, "__index__") {
			return BytesOf(th, mustIndex(th, v))
		}
	case Float:
		return nil, NewError(TypeErrorClass, "cannot convert 'float' object to bytes")
	}
	items, err := Collect(th, v)
	if err != nil {
		if e, ok := err.(*Instance); ok && e.Class == TypeErrorClass && strings.HasSuffix(e.Message(), "is not iterable") {
			return nil, NewError(TypeErrorClass, "cannot convert '"+TypeName(v)+"' object to bytes")
		}
		return nil, err
	}
	return bytesFromInts(th, items)
}

func mustIndex(th *Thread, v Value) Value {
	n, err := IndexValue(th, v)
	if err != nil {
		return v
	}
	return n
}

func bytesFromInts(th *Thread, items []Value) (Value, error) {
	b := make([]byte, len(items))
	for i, x := range items {
		n, err := IndexValue(th, x)
		if err != nil {
			return nil, err
		}
		k, ok := n.(Int)
		if !ok || k < 0 || k > 255 {
			return nil, NewError(ValueErrorClass, "bytes must be in range(0, 256)")
		}
		b[i] = byte(k)
	}
	return Bytes(b), nil
}

func init() {
	SetConstructor(IntClass, func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		a, err := clinicArgs("int", args, kw, []string{"x", "base"}, 0, 1)
		if err != nil {
			return nil, err
		}
		if a[0] == nil {
			if a[1] != nil {
				return nil, NewError(TypeErrorClass, "int() missing string argument")
			}
			return smallInts[5], nil
		}
		if a[1] == nil {
			return IntOf(th, a[0])
		}
		base, err := asIndex(th, a[1])
		if err != nil {
			if e, ok := err.(*Instance); ok && e.Class == OverflowErrorClass {
				return nil, NewError(ValueErrorClass, "int() base must be >= 2 and <= 36, or 0")
			}
			return nil, err
		}
		if base != 0 && (base < 2 || base > 36) {
			return nil, NewError(ValueErrorClass, "int() base must be >= 2 and <= 36, or 0")
		}
		switch x := a[0].(type) {
		case Str:
			return parseIntValue(string(x), int(base), x)
		case Bytes:
			return parseIntValue(string(x), int(base), x)
		}
		return nil, NewError(TypeErrorClass, "int() can't convert non-string with explicit base")
	})
	SetConstructor(FloatClass, func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("float", "float", args, kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return Float(0), nil
		}
		return FloatOf(th, args[0])
	})
	SetConstructor(BoolClass, func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("bool", "bool", args, kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return False, nil
		}
		t, err := Truth(th, args[0])
		return MakeBool(t), err
	})
	SetConstructor(StrClass, func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		a, err := kwArgs("str", args, kw, []string{"object", "encoding", "errors"}, 0)
		if err != nil {
			return nil, err
		}
		if a[0] == nil {
			a[0] = Str("")
		}
		if a[1] == nil && a[2] == nil {
			s, err := StrOf(th, a[0])
			return Str(s), err
		}
		enc, err := strArg("str", "encoding", a[1], "utf-8")
		if err != nil {
			return nil, err
		}
		errs, err := strArg("str", "errors", a[2], "strict")
		if err != nil {
			return nil, err
		}
		switch x := a[0].(type) {
		case Bytes:
			return Decode(string(x), enc, errs)
		case Str:
			return nil, NewError(TypeErrorClass, "decoding str is not supported")
		}
		return nil, NewError(TypeErrorClass, "decoding to str: need a bytes-like object, "+TypeName(a[0])+" found")
	})
	SetConstructor(BytesClass, func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		a, err := kwArgs("bytes", args, kw, []string{"source", "encoding", "errors"}, 0)
		if err != nil {
			return nil, err
		}
		if a[0] == nil {
			if a[1] != nil || a[2] != nil {
				return nil, NewError(TypeErrorClass, "encoding or errors without sequence argument")
			}
			return Bytes(""), nil
		}
		if a[1] == nil && a[2] == nil {
			return BytesOf(th, a[0])
		}
		s, ok := a[0].(Str)
		if !ok {
			if a[1] != nil {
				return nil, NewError(TypeErrorClass, "encoding without a string argument")
			}
			return nil, NewError(TypeErrorClass, "errors without a string argument")
		}
		if a[1] == nil {
			return nil, NewError(TypeErrorClass, "string argument without an encoding")
		}
		enc, err := strArg("bytes", "encoding", a[1], "utf-8")
		if err != nil {
			return nil, err
		}
		errs, err := strArg("bytes", "errors", a[2], "strict")
		if err != nil {
			return nil, err
		}
		return Encode(string(s), enc, errs)
	})
	SetConstructor(TypeClass, func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		if len(args) != 3 {
			return nil, NewError(TypeErrorClass, "type() takes 1 or 3 arguments")
		}
		name, ok := args[0].(Str)
		if !ok {
			return nil, NewError(TypeErrorClass, "type.__new__() argument 1 must be str, not "+TypeName(args[0]))
		}
		bt, ok := args[1].(Tuple)
		if !ok {
			return nil, NewError(TypeErrorClass, "type.__new__() argument 2 must be tuple, not "+TypeName(args[1]))
		}
		d, ok := args[2].(*Dict)
		if !ok {
			return nil, NewError(TypeErrorClass, "type.__new__() argument 3 must be dict, not "+TypeName(args[2]))
		}
		var bases []*Class
		for _, b := range bt {
			k, ok := b.(*Class)
			if !ok {
				return nil, NewError(TypeErrorClass, "bases must be types")
			}
			bases = append(bases, k)
		}
		ns := NewNamespace()
		for _, kv := range d.Items() {
			k, ok := kv[0].(Str)
			if !ok {
				continue
			}
			ns.Set(string(k), kv[1])
		}
		module := "__main__"
		if m, ok := ns.Get("__module__"); ok {
			if ms, ok := m.(Str); ok {
				module = string(ms)
			}
		}
		return NewClass(string(name), module, bases, ns)
	})
}
