package runtime

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// The methods and attributes of int (and so bool) and float.

func init() {
	intSelf := func(v Value) *big.Int { return bigOf(v) }
	intNoArgs := func(name string, fn func(x Value) (Value, error)) {
		defMethod(IntClass, name, func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
			if err := noArgs("int."+name, args, kw); err != nil {
				return nil, err
			}
			return fn(self)
		})
	}
	asInt := func(x Value) Value {
		if b, ok := x.(Bool); ok {
			if b {
				return smallInts[6]
			}
			return smallInts[5]
		}
		return x
	}
	intNoArgs("bit_length", func(x Value) (Value, error) {
		return MakeInt(int64(new(big.Int).Abs(intSelf(x)).BitLen())), nil
	})
	intNoArgs("bit_count", func(x Value) (Value, error) {
		n := 0
		for _, w := range new(big.Int).Abs(intSelf(x)).Bits() {
			for ; w != 0; w &= w - 1 {
				n++
			}
		}
		return MakeInt(int64(n)), nil
	})
	intNoArgs("__index__", func(x Value) (Value, error) { return asInt(x), nil })
	intNoArgs("__int__", func(x Value) (Value, error) { return asInt(x), nil })
	intNoArgs("conjugate", func(x Value) (Value, error) { return asInt(x), nil })
	intNoArgs("as_integer_ratio", func(x Value) (Value, error) { return Tuple{asInt(x), smallInts[6]}, nil })
	intNoArgs("__float__", func(x Value) (Value, error) {
		f, _, err := toFloat(x)
		return Float(f), err
	})
	defProperty(IntClass, "real", func(th *Thread, x Value) (Value, error) { return asInt(x), nil })
	defProperty(IntClass, "numerator", func(th *Thread, x Value) (Value, error) { return asInt(x), nil })
	defProperty(IntClass, "imag", func(th *Thread, x Value) (Value, error) { return smallInts[5], nil })
	defProperty(IntClass, "denominator", func(th *Thread, x Value) (Value, error) { return smallInts[6], nil })
	defMethod(IntClass, "to_bytes", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		if len(args) > 2 {
			return nil, NewError(TypeErrorClass, "to_bytes() takes at most 2 positional arguments ("+strconv.Itoa(len(args))+" given)")
		}
		var signedV Value
		var rest []string
		var restV []Value
		for i := range kw.Len() {
			if kw.Names[i] == "signed" {
				signedV = kw.Values[i]
			} else {
				rest = append(rest, kw.Names[i])
				restV = append(restV, kw.Values[i])
			}
		}
		a, err := kwArgs("to_bytes", args, &Kwargs{Names: rest, Values: restV}, []string{"length", "byteorder"}, 0)
		if err != nil {
			return nil, err
		}
		length := int64(1)
		if a[0] != nil {
			if length, err = asIndex(th, a[0]); err != nil {
				return nil, err
			}
		}
		if length < 0 {
			return nil, NewError(ValueErrorClass, "length argument must be non-negative")
		}
		order := "big"
		if a[1] != nil {
			o, ok := a[1].(Str)
			if !ok {
				return nil, NewError(TypeErrorClass, "to_bytes() argument 'byteorder' must be str, not "+TypeName(a[1]))
			}
			order = string(o)
		}
		if order != "big" && order != "little" {
			return nil, NewError(ValueErrorClass, "byteorder must be either 'little' or 'big'")
		}
		signed := false
		if signedV != nil {
			if signed, err = Truth(th, signedV); err != nil {
				return nil, err
			}
		}
		x := intSelf(self)
		if x.Sign() < 0 && !signed {
			return nil, NewError(OverflowErrorClass, "can't convert negative int to unsigned")
		}
		v := new(big.Int).Set(x)
		if x.Sign() < 0 {
			v.Add(v, new(big.Int).Lsh(big.NewInt(1), uint(8*length)))
		}
		limitBits := 8 * length
		if signed {
			limitBits--
		}
		if (x.Sign() >= 0 && int64(x.BitLen()) > limitBits) || (x.Sign() < 0 && (v.Sign() < 0 || int64(new(big.Int).Not(x).BitLen()) > limitBits)) {
			return nil, NewError(OverflowErrorClass, "int too big to convert")
		}
		out := v.FillBytes(make([]byte, length))
		if order == "little" {
			for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
				out[i], out[j] = out[j], out[i]
			}
		}
		return Bytes(out), nil
	})
	defClassMethod(IntClass, "from_bytes", func(th *Thread, c Value, args []Value, kw *Kwargs) (Value, error) {
		var signedV Value
		var rest []string
		var restV []Value
		for i := range kw.Len() {
			if kw.Names[i] == "signed" {
				signedV = kw.Values[i]
			} else {
				rest = append(rest, kw.Names[i])
				restV = append(restV, kw.Values[i])
			}
		}
		a, err := kwArgs("from_bytes", args, &Kwargs{Names: rest, Values: restV}, []string{"bytes", "byteorder"}, 1)
		if err != nil {
			return nil, err
		}
		var b []byte
		switch x := a[0].(type) {
		case Bytes:
			b = []byte(x)
		default:
			v, err := BytesOf(th, x)
			if err != nil {
				return nil, err
			}
			b = []byte(v.(Bytes))
		}
		order := "big"
		if a[1] != nil {
			o, ok := a[1].(Str)
			if !ok {
				return nil, NewError(TypeErrorClass, "from_bytes() argument 'byteorder' must be str, not "+TypeName(a[1]))
			}
			order = string(o)
		}
		if order != "big" && order != "little" {
			return nil, NewError(ValueErrorClass, "byteorder must be either 'little' or 'big'")
		}
		if order == "little" {
			for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
				b[i], b[j] = b[j], b[i]
			}
		}
		v := new(big.Int).SetBytes(b)
		signed := false
		if signedV != nil {
			if signed, err = Truth(th, signedV); err != nil {
				return nil, err
			}
		}
		if signed && len(b) > 0 && b[0]&0x80 != 0 {
			v.Sub(v, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
		}
		return MakeBig(v), nil
	})

	fl := func(v Value) float64 { return float64(v.(Float)) }
	floatNoArgs := func(name string, fn func(f float64) (Value, error)) {
		defMethod(FloatClass, name, func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
			if err := noArgs("float."+name, args, kw); err != nil {
				return nil, err
			}
			return fn(fl(self))
		})
	}
	floatNoArgs("is_integer", func(f float64) (Value, error) {
		return MakeBool(!math.IsInf(f, 0) && f == math.Trunc(f)), nil
	})
	floatNoArgs("conjugate", func(f float64) (Value, error) { return Float(f), nil })
	floatNoArgs("__float__", func(f float64) (Value, error) { return Float(f), nil })
	floatNoArgs("__int__", func(f float64) (Value, error) { return floatToInt(f) })
	floatNoArgs("__trunc__", func(f float64) (Value, error) { return floatToInt(f) })
	floatNoArgs("as_integer_ratio", func(f float64) (Value, error) {
		switch {
		case math.IsInf(f, 0):
			return nil, NewError(OverflowErrorClass, "cannot convert Infinity to integer ratio")
		case math.IsNaN(f):
			return nil, NewError(ValueErrorClass, "cannot convert NaN to integer ratio")
		}
		r := new(big.Rat).SetFloat64(f)
		return Tuple{MakeBig(new(big.Int).Set(r.Num())), MakeBig(new(big.Int).Set(r.Denom()))}, nil
	})
	floatNoArgs("hex", func(f float64) (Value, error) { return Str(floatHex(f)), nil })
	defProperty(FloatClass, "real", func(th *Thread, x Value) (Value, error) { return x, nil })
	defProperty(FloatClass, "imag", func(th *Thread, x Value) (Value, error) { return Float(0), nil })
	defClassMethod(FloatClass, "fromhex", func(th *Thread, c Value, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("fromhex", args, kw); err != nil {
			return nil, err
		}
		s, ok := args[0].(Str)
		if !ok {
			return nil, NewError(TypeErrorClass, "bad argument type for built-in operation")
		}
		t := strings.TrimSpace(string(s))
		low := strings.ToLower(t)
		switch strings.TrimLeft(low, "+-") {
		case "inf", "infinity", "nan":
			f, _ := ParseFloat(t)
			return Float(f), nil
		}
		body := strings.TrimLeft(low, "+-")
		if !strings.HasPrefix(body, "0x") {
			body = "0x" + body
			t = strings.Replace(low, strings.TrimLeft(low, "+-"), body, 1)
		}
		if !strings.Contains(body, "p") {
			t += "p0"
		}
		f, err := strconv.ParseFloat(t, 64)
		if err != nil && !math.IsInf(f, 0) {
			return nil, NewError(ValueErrorClass, "invalid hexadecimal floating-point string")
		}
		if math.IsInf(f, 0) {
			return nil, NewError(OverflowErrorClass, "hexadecimal value too large to represent as a float")
		}
		return Float(f), nil
	})
}

// floatHex is float.hex(): 0x1.8000000000000p+1.
func floatHex(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	sign := ""
	if math.Signbit(f) {
		sign, f = "-", -f
	}
	if f == 0 {
		return sign + "0x0.0p+0"
	}
	bits := math.Float64bits(f)
	exp := int((bits >> 52) & 0x7ff)
	mant := bits & (1<<52 - 1)
	lead := "1"
	if exp == 0 { // subnormal
		lead = "0"
		exp = -1022
	} else {
		exp -= 1023
	}
	e := strconv.Itoa(exp)
	if exp >= 0 {
		e = "+" + e
	}
	m := strconv.FormatUint(mant, 16)
	for len(m) < 13 {
		m = "0" + m
	}
	return sign + "0x" + lead + "." + m + "p" + e
}
