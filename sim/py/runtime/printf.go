package runtime

import (
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Printf is format % args for a str format: printf-style formatting as
// PyUnicode_Format does it, with CPython's errors.
func Printf(th *Thread, format string, args Value) (string, error) {
	return percentFormat(th, format, args, false)
}

// bytesPrintf is format % args for a bytes format.
func bytesPrintf(th *Thread, format string, args Value) (string, error) {
	return percentFormat(th, format, args, true)
}

// isMappingArg is PyMapping_Check as % uses it: anything with
// __getitem__ that is not a tuple or a str.
func isMappingArg(v Value) bool {
	switch x := v.(type) {
	case *Dict, *List, Bytes, *Range:
		return true
	case *Instance:
		return hasMethod(x, "__getitem__")
	case Tuple, Str:
		return false
	case ItemGetter:
		return true
	}
	return false
}

type percentState struct {
	th     *Thread
	args   Value
	tuple  Tuple
	arglen int
	argidx int
	dict   Value
	bytes  bool
}

func (st *percentState) next() (Value, error) {
	if st.argidx < st.arglen {
		i := st.argidx
		st.argidx++
		if st.arglen < 0 {
			return st.args, nil
		}
		return st.tuple[i], nil
	}
	return nil, NewError(TypeErrorClass, "not enough arguments for format string")
}

func percentFormat(th *Thread, format string, args Value, isBytes bool) (string, error) {
	st := &percentState{th: th, args: args, arglen: -1, argidx: -2, bytes: isBytes}
	if t, ok := args.(Tuple); ok {
		st.tuple, st.arglen, st.argidx = t, len(t), 0
	}
	if isMappingArg(args) {
		st.dict = args
	}
	var out strings.Builder
	i := 0
	for i < len(format) {
		j := strings.IndexByte(format[i:], '%')
		if j < 0 {
			out.WriteString(format[i:])
			break
		}
		out.WriteString(format[i : i+j])
		i += j + 1
		if i < len(format) && format[i] == '%' {
			out.WriteByte('%')
			i++
			continue
		}
		n, err := st.convert(&out, format, i)
		if err != nil {
			return "", err
		}
		i = n
	}
	if st.argidx < st.arglen && st.dict == nil {
		return "", NewError(TypeErrorClass, "not all arguments converted during string formatting")
	}
	return out.String(), nil
}

// convert formats one conversion whose text starts at format[i] (after
// the '%') and returns the index after it.
func (st *percentState) convert(out *strings.Builder, format string, i int) (int, error) {
	th := st.th
	incomplete := NewError(ValueErrorClass, "incomplete format")
	var v Value
	if i < len(format) && format[i] == '(' {
		if st.dict == nil {
			return 0, NewError(TypeErrorClass, "format requires a mapping")
		}
		depth, k := 1, i+1
		for k < len(format) && depth > 0 {
			switch format[k] {
			case '(':
				depth++
			case ')':
				depth--
			}
			k++
		}
		if depth > 0 {
			return 0, NewError(ValueErrorClass, "incomplete format key")
		}
		key := format[i+1 : k-1]
		var keyV Value = Str(key)
		if st.bytes {
			keyV = Bytes(key)
		}
		var err error
		if v, err = GetItem(th, st.dict, keyV); err != nil {
			return 0, err
		}
		st.arglen, st.argidx = -1, -1
		i = k
	}
	var minus, plus, space, alt, zero bool
flags:
	for ; i < len(format); i++ {
		switch format[i] {
		case '-':
			minus = true
		case '+':
			plus = true
		case ' ':
			space = true
		case '#':
			alt = true
		case '0':
			zero = true
		default:
			break flags
		}
	}
	width, prec := -1, -1
	starArg := func() (int, error) {
		a, err := st.next()
		if err != nil {
			return 0, err
		}
		switch a.(type) {
		case Int, Bool, *big.Int:
		default:
			return 0, NewError(TypeErrorClass, "* wants int")
		}
		n, err := asIndex(th, a)
		return int(n), err
	}
	if i < len(format) && format[i] == '*' {
		w, err := starArg()
		if err != nil {
			return 0, err
		}
		if w < 0 {
			minus, w = true, -w
		}
		width = w
		i++
	} else {
		d, rest := leadingDigits(format[i:])
		if d != "" {
			width, _ = strconv.Atoi(d)
			i = len(format) - len(rest)
		}
	}
	if i < len(format) && format[i] == '.' {
		i++
		if i < len(format) && format[i] == '*' {
			p, err := starArg()
			if err != nil {
				return 0, err
			}
			prec = max(p, 0)
			i++
		} else {
			d, rest := leadingDigits(format[i:])
			prec, _ = strconv.Atoi(d) // "" reads as 0
			i = len(format) - len(rest)
		}
	}
	if i < len(format) && (format[i] == 'h' || format[i] == 'l' || format[i] == 'L') {
		i++
	}
	if i >= len(format) {
		return 0, incomplete
	}
	var c rune
	size := 1
	if st.bytes {
		c = rune(format[i])
	} else {
		c, size = utf8.DecodeRuneInString(format[i:])
	}
	if v == nil {
		var err error
		if v, err = st.next(); err != nil {
			return 0, err
		}
	}
	var body, sign string
	numeric := false
	switch c {
	case 's', 'r', 'a', 'b':
		var s string
		var err error
		switch {
		case c == 'r' || c == 'a':
			if st.bytes {
				s, err = Ascii(th, v)
			} else if c == 'r' {
				s, err = Repr(th, v)
			} else {
				s, err = Ascii(th, v)
			}
		case st.bytes:
			b, ok := v.(Bytes)
			if !ok {
				r, found, err2 := CallMethod(th, v, "__bytes__")
				b, ok = r.(Bytes)
				if err2 != nil {
					return 0, err2
				}
				if !found || !ok {
					return 0, NewError(TypeErrorClass, "%b requires a bytes-like object, or an object that implements __bytes__, not '"+TypeName(v)+"'")
				}
			}
			s = string(b)
		case c == 'b':
			return 0, unsupportedChar(c, st.charIndex(format, i))
		default:
			s, err = StrOf(th, v)
		}
		if err != nil {
			return 0, err
		}
		if prec >= 0 {
			if st.bytes {
				if len(s) > prec {
					s = s[:prec]
				}
			} else {
				s = truncRunes(s, prec)
			}
		}
		body = s
	case 'c':
		s, err := percentChar(th, v, st.bytes)
		if err != nil {
			return 0, err
		}
		body = s
	case 'd', 'i', 'u', 'o', 'x', 'X':
		numeric = true
		n, err := percentInt(th, v, c)
		if err != nil {
			return 0, err
		}
		base, prefix := 10, ""
		switch c {
		case 'o':
			base, prefix = 8, "0o"
		case 'x':
			base, prefix = 16, "0x"
		case 'X':
			base, prefix = 16, "0X"
		}
		digits := new(big.Int).Abs(n).Text(base)
		if c == 'X' {
			digits = strings.ToUpper(digits)
		}
		if prec > len(digits) {
			digits = strings.Repeat("0", prec-len(digits)) + digits
		}
		switch {
		case n.Sign() < 0:
			sign = "-"
		case plus:
			sign = "+"
		case space:
			sign = " "
		}
		if alt && base != 10 {
			sign += prefix
		}
		body = digits
	case 'e', 'E', 'f', 'F', 'g', 'G':
		numeric = true
		f, err := percentFloat(th, v)
		if err != nil {
			return 0, err
		}
		spec := FormatSpec{Fill: ' ', Precision: prec, Type: byte(c), Alt: alt}
		if prec < 0 {
			spec.Precision = 6
		}
		switch {
		case plus:
			spec.Sign = '+'
		case space:
			spec.Sign = ' '
		}
		s, err := FormatFloat(f, spec)
		if err != nil {
			return 0, err
		}
		if s != "" && (s[0] == '-' || s[0] == '+' || s[0] == ' ') {
			sign, s = s[:1], s[1:]
		}
		body = s
	default:
		return 0, unsupportedChar(c, st.charIndex(format, i))
	}
	n := utf8.RuneCountInString(sign) + utf8.RuneCountInString(body)
	if st.bytes {
		n = len(sign) + len(body)
	}
	switch {
	case width <= n:
		out.WriteString(sign)
		out.WriteString(body)
	case minus:
		out.WriteString(sign)
		out.WriteString(body)
		out.WriteString(strings.Repeat(" ", width-n))
	case zero && numeric:
		out.WriteString(sign)
		out.WriteString(strings.Repeat("0", width-n))
		out.WriteString(body)
	default:
		out.WriteString(strings.Repeat(" ", width-n))
		out.WriteString(sign)
		out.WriteString(body)
	}
	return i + size, nil
}

// charIndex is the position of format[i] as CPython reports it: in code
// points for str, in bytes for bytes.
func (st *percentState) charIndex(format string, i int) int {
	if st.bytes {
		return i
	}
	return utf8.RuneCountInString(format[:i])
}

func unsupportedChar(c rune, i int) error {
	shown := "?"
	if c >= 32 && c <= 126 {
		shown = string(c)
	}
	return NewError(ValueErrorClass, "unsupported format character '"+shown+"' (0x"+strconv.FormatInt(int64(c), 16)+") at index "+strconv.Itoa(i))
}

// truncRunes keeps the first n code points of s.
func truncRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// percentChar is %c: a code point given as an int or a one-character str.
func percentChar(th *Thread, v Value, isBytes bool) (string, error) {
	if isBytes {
		if b, ok := v.(Bytes); ok && len(b) == 1 {
			return string(b), nil
		}
		n, err := IndexValue(th, v)
		if err != nil {
			return "", NewError(TypeErrorClass, "%c requires an integer in range(256) or a single byte")
		}
		if i, ok := n.(Int); !ok || i < 0 || i > 255 {
			return "", NewError(OverflowErrorClass, "%c arg not in range(256)")
		}
		return string([]byte{byte(n.(Int))}), nil
	}
	if s, ok := v.(Str); ok {
		if utf8.RuneCountInString(string(s)) == 1 {
			return string(s), nil
		}
		return "", NewError(TypeErrorClass, "%c requires int or char")
	}
	n, err := IndexValue(th, v)
	if err != nil {
		return "", NewError(TypeErrorClass, "%c requires int or char")
	}
	if i, ok := n.(Int); !ok || i < 0 || i > 0x10ffff {
		return "", NewError(OverflowErrorClass, "%c arg not in range(0x110000)")
	}
	return string(rune(n.(Int))), nil
}

// percentInt converts the argument of %d (any real number, truncated)
// or %x and %o (integers only).
func percentInt(th *Thread, v Value, c rune) (*big.Int, error) {
	switch x := v.(type) {
	case Int, Bool, *big.Int:
		return bigOf(v), nil
	case Float:
		if c == 'o' || c == 'x' || c == 'X' {
			break
		}
		r, err := floatToInt(float64(x))
		if err != nil {
			return nil, err
		}
		return bigOf(r), nil
	case *Instance:
		if c == 'o' || c == 'x' || c == 'X' {
			if hasMethod(x, "__index__") {
				r, err := IndexValue(th, v)
				if err != nil {
					return nil, err
				}
				return bigOf(r), nil
			}
			break
		}
		if hasMethod(x, "__int__") || hasMethod(x, "__index__") || hasMethod(x, "__float__") {
			r, err := IntOf(th, v)
			if err != nil {
				return nil, err
			}
			return bigOf(r), nil
		}
	}
	if c == 'o' || c == 'x' || c == 'X' {
		return nil, NewError(TypeErrorClass, "%"+string(c)+" format: an integer is required, not "+TypeName(v))
	}
	return nil, NewError(TypeErrorClass, "%"+string(c)+" format: a real number is required, not "+TypeName(v))
}

// percentFloat converts the argument of %f and its kin, as
// PyFloat_AsDouble does.
func percentFloat(th *Thread, v Value) (float64, error) {
	f, err := AsFloat(th, v)
	if err != nil {
		if e, ok := err.(*Instance); ok && e.Class == TypeErrorClass {
			return 0, NewError(TypeErrorClass, "must be real number, not "+TypeName(v))
		}
	}
	return f, err
}
