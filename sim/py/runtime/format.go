package runtime

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// FormatSpec is a parsed format specification, the mini-language of
// format(value, spec), f"{value:spec}" and "{:spec}".format(value):
//
//	[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
type FormatSpec struct {
	Fill      rune
	Align     byte // 0 (the type's default), '<', '>', '=' or '^'
	Sign      byte // 0, '+', '-' or ' '
	NoNegZero bool // 'z': format negative zero as zero
	Alt       bool // '#'
	Zero      bool // a '0' before the width
	Width     int
	Grouping  byte // 0, ',' or '_'
	Precision int  // -1 if absent
	Type      byte // 0 if absent
	text      string
}

// FormatError is the ValueError a bad specification raises; Msg is
// CPython's wording.
type FormatError struct{ Msg string }

func (e *FormatError) Error() string { return e.Msg }

// ParseFormatSpec parses spec for a value of the Python type named typ
// (used in error messages).
func ParseFormatSpec(spec, typ string) (FormatSpec, error) {
	f := FormatSpec{Fill: ' ', Precision: -1, text: spec}
	s := spec
	isAlign := func(c byte) bool { return c == '<' || c == '>' || c == '=' || c == '^' }
	if r, n := utf8.DecodeRuneInString(s); n > 0 && n < len(s) && isAlign(s[n]) {
		f.Fill, f.Align, s = r, s[n], s[n+1:]
	} else if len(s) > 0 && isAlign(s[0]) {
		f.Align, s = s[0], s[1:]
	}
	if len(s) > 0 && (s[0] == '+' || s[0] == '-' || s[0] == ' ') {
		f.Sign, s = s[0], s[1:]
	}
	if len(s) > 0 && s[0] == 'z' {
		f.NoNegZero, s = true, s[1:]
	}
	if len(s) > 0 && s[0] == '#' {
		f.Alt, s = true, s[1:]
	}
	if len(s) > 0 && s[0] == '0' {
		f.Zero, s = true, s[1:] // each type decides what zero-padding means
	}
	var ok bool
	if f.Width, s, ok = parseDigits(s); !ok {
		return f, &FormatError{"Too many decimal digits in format string"}
	}
	if len(s) > 0 && (s[0] == ',' || s[0] == '_') {
		f.Grouping, s = s[0], s[1:]
		if len(s) > 0 && (s[0] == ',' || s[0] == '_') {
			return f, &FormatError{"Cannot specify both ',' and '_'."}
		}
	}
	if len(s) > 0 && s[0] == '.' {
		var digits string
		digits, s = leadingDigits(s[1:])
		if digits == "" {
			return f, &FormatError{"Format specifier missing precision"}
		}
		p, err := strconv.Atoi(digits)
		if err != nil || p > math.MaxInt32 {
			return f, &FormatError{"Too many decimal digits in format string"}
		}
		f.Precision = p
	}
	if len(s) > 1 {
		return f, &FormatError{"Invalid format specifier '" + spec + "' for object of type '" + typ + "'"}
	}
	if len(s) == 1 {
		f.Type = s[0]
	}
	if f.Grouping != 0 {
		switch f.Type {
		case 0, 'd', 'e', 'f', 'g', 'E', 'F', 'G', '%':
			if typ != "str" || f.Type != 0 {
				break
			}
			return f, &FormatError{"Cannot specify '" + string(f.Grouping) + "' with 's'."}
		case 'b', 'o', 'x', 'X':
			if f.Grouping == '_' {
				break
			}
			fallthrough
		default:
			return f, &FormatError{"Cannot specify '" + string(f.Grouping) + "' with '" + string(f.Type) + "'."}
		}
	}
	return f, nil
}

func leadingDigits(s string) (string, string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i], s[i:]
}

func parseDigits(s string) (int, string, bool) {
	digits, rest := leadingDigits(s)
	if digits == "" {
		return 0, rest, true
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n > math.MaxInt32 {
		return 0, rest, false
	}
	return n, rest, true
}

func (f FormatSpec) unknown(typ string) error {
	c := string(rune(f.Type))
	if f.Type >= 0x80 || f.Type < 0x20 {
		c = "\\x" + strconv.FormatInt(int64(f.Type), 16)
	}
	return &FormatError{"Unknown format code '" + c + "' for object of type '" + typ + "'"}
}

// numeric applies zero-padding as numbers read it: a '0' fill between
// the sign and the digits, unless a fill and alignment were given.
func (f FormatSpec) numeric() FormatSpec {
	if f.Zero && f.Align == 0 {
		f.Fill, f.Align = '0', '='
	}
	return f
}

// FormatStr formats a string. Zero-padding fills with '0' on the right.
func FormatStr(s string, f FormatSpec) (string, error) {
	if f.Zero && f.Align == 0 {
		f.Fill = '0'
	}
	switch {
	case f.Type != 0 && f.Type != 's':
		return "", f.unknown("str")
	case f.Sign != 0:
		return "", &FormatError{"Sign not allowed in string format specifier"}
	case f.Alt:
		return "", &FormatError{"Alternate form (#) not allowed in string format specifier"}
	case f.NoNegZero:
		return "", &FormatError{"Negative zero coercion (z) not allowed in string format specifier"}
	case f.Align == '=':
		return "", &FormatError{"'=' alignment not allowed in string format specifier"}
	}
	if f.Precision >= 0 && utf8.RuneCountInString(s) > f.Precision {
		i, n := 0, 0
		for n < f.Precision {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			n++
		}
		s = s[:i]
	}
	return pad("", s, f, '<'), nil
}

// pad lays out sign+prefix and body in the width with the fill and the
// alignment (def when the spec gives none). '=' puts the padding between
// the sign or prefix and the digits.
func pad(signPrefix, body string, f FormatSpec, def byte) string {
	n := utf8.RuneCountInString(signPrefix) + utf8.RuneCountInString(body)
	if n >= f.Width {
		return signPrefix + body
	}
	fill := strings.Repeat(string(f.Fill), f.Width-n)
	align := f.Align
	if align == 0 {
		align = def
	}
	switch align {
	case '<':
		return signPrefix + body + fill
	case '^':
		half := (f.Width - n) / 2
		left := strings.Repeat(string(f.Fill), half)
		return left + signPrefix + body + strings.Repeat(string(f.Fill), f.Width-n-half)
	case '=':
		return signPrefix + fill + body
	}
	return fill + signPrefix + body
}

// signOf is the sign text for a number under the spec.
func signOf(neg bool, f FormatSpec) string {
	switch {
	case neg:
		return "-"
	case f.Sign == '+':
		return "+"
	case f.Sign == ' ':
		return " "
	}
	return ""
}

// group inserts sep every size digits from the right. With zero padding
// ('=' and fill '0') it first widens the digits with zeros so that the
// grouped number fills minWidth, as CPython does ("0,001,234").
func group(digits string, sep byte, size int, zeroPad bool, minWidth int) string {
	grouped := func(d string) string {
		var b strings.Builder
		for i := range len(d) {
			if i > 0 && (len(d)-i)%size == 0 {
				b.WriteByte(sep)
			}
			b.WriteByte(d[i])
		}
		return b.String()
	}
	out := grouped(digits)
	for zeroPad && len(out) < minWidth {
		digits = "0" + digits
		out = grouped(digits)
	}
	return out
}

// FormatInt formats an integer (a bool formats as its int value).
func FormatInt(v *big.Int, f FormatSpec) (string, error) {
	f = f.numeric()
	switch f.Type {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		fv, _ := new(big.Float).SetInt(v).Float64()
		return FormatFloat(fv, f)
	case 0, 'd', 'n', 'b', 'o', 'x', 'X', 'c':
	default:
		return "", f.unknown("int")
	}
	if f.Precision >= 0 {
		return "", &FormatError{"Precision not allowed in integer format specifier"}
	}
	if f.NoNegZero {
		return "", &FormatError{"Negative zero coercion (z) not allowed in integer format specifier"}
	}
	if f.Type == 'c' {
		switch {
		case f.Sign != 0:
			return "", &FormatError{"Sign not allowed with integer format specifier 'c'"}
		case f.Alt:
			return "", &FormatError{"Alternate form (#) not allowed with integer format specifier 'c'"}
		case !v.IsInt64():
			return "", &OverflowError{"Python int too large to convert to C long"}
		case v.Int64() < 0 || v.Int64() > 0x10ffff:
			return "", &OverflowError{"%c arg not in range(0x110000)"}
		}
		return pad("", string(rune(v.Int64())), f, '<'), nil
	}
	base, prefix, size := 10, "", 3
	switch f.Type {
	case 'b':
		base, prefix, size = 2, "0b", 4
	case 'o':
		base, prefix, size = 8, "0o", 4
	case 'x', 'X':
		base, prefix, size = 16, "0x", 4
	}
	digits := new(big.Int).Abs(v).Text(base)
	if f.Type == 'X' {
		digits, prefix = strings.ToUpper(digits), "0X"
	}
	if !f.Alt {
		prefix = ""
	}
	head := signOf(v.Sign() < 0, f) + prefix
	if f.Grouping != 0 {
		zeroPad := f.Align == '=' && f.Fill == '0'
		digits = group(digits, f.Grouping, size, zeroPad, f.Width-len(head))
	}
	return pad(head, digits, f, '>'), nil
}

// OverflowError is Python's OverflowError.
type OverflowError struct{ Msg string }

func (e *OverflowError) Error() string { return e.Msg }

// FormatFloat formats a float.
func FormatFloat(v float64, f FormatSpec) (string, error) {
	f = f.numeric()
	if f.Alt && f.Type == 0 && f.Precision < 0 {
		f.Type = 'r'
	}
	typ := f.Type
	switch typ {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', '%', 'n', 'r':
	default:
		return "", f.unknown("float")
	}
	neg := math.Signbit(v)
	a := math.Abs(v)
	upper := typ == 'E' || typ == 'F' || typ == 'G'
	var body string
	finite := !math.IsInf(a, 0) && !math.IsNaN(a)
	switch {
	case math.IsInf(a, 0):
		body = "inf"
	case math.IsNaN(a):
		body, neg = "nan", false
	default:
		body = formatFinite(a, typ, f.Precision, f.Alt)
	}
	if !finite && typ == '%' {
		body += "%"
	}
	if upper {
		body = strings.ToUpper(body)
	}
	if f.NoNegZero && neg && finite && isZeroText(body) {
		neg = false
	}
	head := signOf(neg, f)
	if f.Grouping != 0 && finite {
		intPart, rest := splitNumber(body)
		zeroPad := f.Align == '=' && f.Fill == '0'
		intPart = group(intPart, f.Grouping, 3, zeroPad, f.Width-len(head)-len(rest))
		body = intPart + rest
	}
	return pad(head, body, f, '>'), nil
}

// isZeroText reports whether a formatted magnitude reads as zero.
func isZeroText(s string) bool {
	for _, c := range s {
		if c >= '1' && c <= '9' {
			return false
		}
		if c == 'e' || c == 'E' {
			break
		}
	}
	return true
}

// splitNumber cuts "1234.5e+07" into the integer digits and the rest.
func splitNumber(s string) (string, string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i], s[i:]
}

// formatFinite formats a non-negative finite float without its sign.
func formatFinite(a float64, typ byte, prec int, alt bool) string {
	switch typ {
	case 'f', 'F', '%':
		if prec < 0 {
			prec = 6
		}
		x := a
		suffix := ""
		if typ == '%' {
			x, suffix = a*100, "%"
		}
		if math.IsInf(x, 0) { // a huge float times 100
			return "inf" + suffix
		}
		s := strconv.FormatFloat(x, 'f', prec, 64)
		if alt && prec == 0 {
			s += "."
		}
		return s + suffix
	case 'e', 'E':
		if prec < 0 {
			prec = 6
		}
		s := strconv.FormatFloat(a, 'e', prec, 64)
		if alt && prec == 0 {
			mant, exp, _ := strings.Cut(s, "e")
			s = mant + ".e" + exp
		}
		return s
	case 'g', 'G', 'n':
		if prec < 0 {
			prec = 6
		}
		return formatG(a, max(prec, 1), alt, false)
	case 'r': // '#' with no type and no precision: repr with the point kept
		digits, exp, _ := shortestDigits(a)
		decpt := exp + 1
		if decpt > -4 && decpt <= 16 {
			return fixedLayout(digits, decpt, 1)
		}
		return sciLayout(digits, exp, true)
	}
	// No type: str() when there is no precision, otherwise 'g' that keeps
	// at least one fractional digit in fixed notation.
	if prec < 0 {
		return FloatRepr(a)
	}
	return formatG(a, max(prec, 1), alt, true)
}

// formatG is the 'g' presentation with p significant digits: fixed
// notation while -4 <= exponent < p, trailing zeros dropped unless alt.
// The type-less presentation (noneType) switches to scientific one digit
// earlier, at exponent p-1, and keeps a ".0" on integral fixed results,
// so that format(x, '.3') reads like str(x): 12.0, 1.23e+02.
func formatG(a float64, p int, alt, noneType bool) string {
	s := strconv.FormatFloat(a, 'e', p-1, 64)
	mant, e, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(e)
	digits := strings.Replace(mant, ".", "", 1)
	limit := p
	if noneType {
		limit = p - 1
	}
	if exp >= -4 && exp < limit {
		out := fixedLayout(digits, exp+1, 0)
		if !alt {
			if strings.Contains(out, ".") {
				out = strings.TrimRight(strings.TrimRight(out, "0"), ".")
			}
		} else if !strings.Contains(out, ".") {
			out += "."
		}
		if noneType && !strings.Contains(out, ".") {
			out += ".0"
		}
		return out
	}
	if !alt {
		digits = strings.TrimRight(digits, "0")
		if digits == "" {
			digits = "0"
		}
	}
	return sciLayout(digits, exp, alt)
}
