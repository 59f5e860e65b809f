package runtime

import (
	"math"
	"strconv"
	"strings"
)

// FloatRepr is CPython's repr of a float: the shortest digits that read
// back as the same float, laid out in fixed notation when the decimal
// point falls within the digits' reach (exponent -4 < e < 16) and in
// scientific notation otherwise, always with a fractional part or an
// exponent so that it reads back as a float: 0.1, 100.0, 1e+16, 1e-05.
func FloatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	digits, exp, neg := shortestDigits(f)
	var s string
	decpt := exp + 1 // position of the decimal point after the first digit
	if decpt > -4 && decpt <= 16 {
		s = fixedLayout(digits, decpt, 1)
	} else {
		s = sciLayout(digits, exp, false)
	}
	if neg {
		return "-" + s
	}
	return s
}

// shortestDigits returns the shortest round-trip decimal digits of |f|
// and the decimal exponent of the first digit.
func shortestDigits(f float64) (digits string, exp int, neg bool) {
	neg = math.Signbit(f)
	s := strconv.FormatFloat(math.Abs(f), 'e', -1, 64) // d.ddddde±XX
	mant, e, _ := strings.Cut(s, "e")
	exp, _ = strconv.Atoi(e)
	return strings.Replace(mant, ".", "", 1), exp, neg
}

// fixedLayout places the decimal point decpt digits into digits, padding
// with zeros, and keeps at least minFrac fractional digits.
func fixedLayout(digits string, decpt, minFrac int) string {
	var intPart, frac string
	switch {
	case decpt <= 0:
		intPart, frac = "0", strings.Repeat("0", -decpt)+digits
	case decpt >= len(digits):
		intPart, frac = digits+strings.Repeat("0", decpt-len(digits)), ""
	default:
		intPart, frac = digits[:decpt], digits[decpt:]
	}
	for len(frac) < minFrac {
		frac += "0"
	}
	if frac == "" {
		return intPart
	}
	return intPart + "." + frac
}

// sciLayout writes d.ddd e±XX with at least two exponent digits; alt
// keeps a decimal point even after a single digit.
func sciLayout(digits string, exp int, alt bool) string {
	s := digits[:1]
	if len(digits) > 1 {
		s += "." + digits[1:]
	} else if alt {
		s += "."
	}
	sign := "+"
	if exp < 0 {
		sign, exp = "-", -exp
	}
	e := strconv.Itoa(exp)
	if len(e) < 2 {
		e = "0" + e
	}
	return s + "e" + sign + e
}
