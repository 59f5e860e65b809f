package modules

import (
	"math"
	"math/big"

	rt "asyncplay/sim/py/runtime"
)

// math, with CPython 3.11's results and errors: the libm functions with
// math_1's error rules, the integer functions on big ints, fsum and
// hypot by CPython's own algorithms.

func domainError() error { return rt.NewError(rt.ValueErrorClass, "math domain error") }
func rangeError() error  { return rt.NewError(rt.OverflowErrorClass, "math range error") }

// mathArgs checks a METH_O or fixed-arity math function's arguments.
func mathArgs(name string, args []rt.Value, kw *rt.Kwargs, n int) error {
	if err := stdNoKw("math."+name, kw); err != nil {
		return err
	}
	if n == 1 {
		if len(args) != 1 {
			return rt.NewError(rt.TypeErrorClass, "math."+name+"() takes exactly one argument ("+itoa(len(args))+" given)")
		}
		return nil
	}
	return stdCount(name, args, n, n)
}

// floatToInt converts an integral float to an int, big when needed.
func floatToInt(f float64) (rt.Value, error) {
	switch {
	case math.IsInf(f, 0):
		return nil, rt.NewError(rt.OverflowErrorClass, "cannot convert float infinity to integer")
	case math.IsNaN(f):
		return nil, rt.NewError(rt.ValueErrorClass, "cannot convert float NaN to integer")
	case math.Abs(f) < 1<<62:
		return rt.MakeInt(int64(f)), nil
	}
	b, _ := big.NewFloat(f).Int(nil)
	return rt.MakeBig(b), nil
}

// math1 is CPython's math_1: f of one float, a NaN from a non-NaN being a
// domain error and an infinity from a finite value a range error (if
// overflow is possible) or a domain error.
func math1(name string, f func(float64) float64, canOverflow bool) func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	return func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := mathArgs(name, args, kw, 1); err != nil {
			return nil, err
		}
		x, err := rt.AsFloat(th, args[0])
		if err != nil {
			return nil, err
		}
		return check1(x, f(x), canOverflow)
	}
}

func check1(x, r float64, canOverflow bool) (rt.Value, error) {
	if math.IsNaN(r) && !math.IsNaN(x) {
		return nil, domainError()
	}
	if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsNaN(x) {
		if canOverflow {
			return nil, rangeError()
		}
		return nil, domainError()
	}
	return rt.Float(r), nil
}

// logOf is CPython's loghelper: ints too large for a float are reduced
// with frexp first.
func logOf(th *rt.Thread, v rt.Value, f func(float64) float64) (float64, error) {
	if b, ok := v.(*big.Int); ok {
		if b.Sign() <= 0 {
			return 0, domainError()
		}
		x, _ := new(big.Float).SetInt(b).Float64()
		if !math.IsInf(x, 0) {
			return f(x), nil
		}
		e := b.BitLen()
		m, _ := new(big.Float).SetMantExp(new(big.Float).SetInt(b), -e).Float64()
		return f(m) + f(2.0)*float64(e), nil
	}
	x, err := rt.AsFloat(th, v)
	if err != nil {
		return 0, err
	}
	if isIntValue(v) && x <= 0 || x <= 0 && !math.IsNaN(x) {
		return 0, domainError()
	}
	r := f(x)
	if math.IsNaN(r) && !math.IsNaN(x) || math.IsInf(r, 0) && !math.IsInf(x, 0) {
		return 0, domainError()
	}
	return r, nil
}

func isIntValue(v rt.Value) bool {
	switch v.(type) {
	case rt.Int, *big.Int, rt.Bool:
		return true
	}
	return false
}

// vectorNorm is CPython's vector_norm: the Euclidean norm of non-negative
// values whose largest is max, with lossless scaling, squaring and
// addition and a final differential correction.
func vectorNorm(vec []float64, max float64, foundNaN bool) float64 {
	if math.IsInf(max, 0) {
		return max
	}
	if foundNaN {
		return math.NaN()
	}
	if max == 0 || len(vec) <= 1 {
		return max
	}
	_, maxE := math.Frexp(max)
	if maxE < -1023 {
		const dblMin = 2.2250738585072014e-308
		for i := range vec {
			vec[i] /= dblMin
		}
		return dblMin * vectorNorm(vec, max/dblMin, foundNaN)
	}
	scale := math.Ldexp(1.0, -maxE)
	csum, frac1, frac2 := 1.0, 0.0, 0.0
	for _, x := range vec {
		x *= scale
		hi := x * x
		lo := math.FMA(x, x, -hi)
		s := float64(csum + hi)
		frac2 += float64(csum-s) + hi
		csum = s
		frac1 += lo
	}
	h := math.Sqrt(csum - 1.0 + (frac1 + frac2))
	hi := float64(-h * h)
	lo := math.FMA(-h, h, -hi)
	s := float64(csum + hi)
	frac2 += float64(csum-s) + hi
	csum = s
	frac1 += lo
	x := csum - 1.0 + (frac1 + frac2)
	h += x / (2.0 * h)
	return h / scale
}

// fsum is CPython's math.fsum: Shewchuk's exact partials, then a correctly
// rounded sum.
func fsum(th *rt.Thread, iterable rt.Value) (rt.Value, error) {
	it, err := rt.Iter(th, iterable)
	if err != nil {
		return nil, err
	}
	var p []float64
	special, infSum := 0.0, 0.0
	for {
		item, ok, err := it.Next(th)
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		x, err := rt.AsFloat(th, item)
		if err != nil {
			return nil, err
		}
		xsave := x
		i := 0
		for _, y := range p {
			if math.Abs(x) < math.Abs(y) {
				x, y = y, x
			}
			hi := float64(x + y)
			yr := float64(hi - x)
			lo := float64(y - yr)
			if lo != 0 {
				p[i] = lo
				i++
			}
			x = hi
		}
		p = p[:i]
		if x != 0 {
			if math.IsInf(x, 0) || math.IsNaN(x) {
				if !math.IsInf(xsave, 0) && !math.IsNaN(xsave) {
					return nil, rt.NewError(rt.OverflowErrorClass, "intermediate overflow in fsum")
				}
				if math.IsInf(xsave, 0) {
					infSum += xsave
				}
				special += xsave
				p = p[:0]
			} else {
				p = append(p, x)
			}
		}
	}
	if special != 0 {
		if math.IsNaN(infSum) {
			return nil, rt.NewError(rt.ValueErrorClass, "-inf + inf in fsum")
		}
		return rt.Float(special), nil
	}
	hi, lo := 0.0, 0.0
	n := len(p)
	if n > 0 {
		n--
		hi = p[n]
		for n > 0 {
			x := hi
			n--
			y := p[n]
			hi = float64(x + y)
			yr := float64(hi - x)
			lo = float64(y - yr)
			if lo != 0 {
				break
			}
		}
		if n > 0 && (lo < 0 && p[n-1] < 0 || lo > 0 && p[n-1] > 0) {
			y := lo * 2
			x := float64(hi + y)
			yr := float64(x - hi)
			if y == yr {
				hi = x
			}
		}
	}
	return rt.Float(hi), nil
}

// roundTo calls x's __floor__/__ceil__/__trunc__ if it is an instance
// with one, else rounds its float value with f.
func roundTo(th *rt.Thread, name, dunder string, x rt.Value, f func(float64) float64) (rt.Value, error) {
	switch v := x.(type) {
	case rt.Int, *big.Int:
		return v, nil
	case rt.Bool:
		if v {
			return rt.MakeInt(1), nil
		}
		return zero, nil
	case rt.Float:
		return floatToInt(f(float64(v)))
	}
	if r, found, err := rt.CallMethod(th, x, dunder); found {
		return r, err
	}
	if name == "trunc" {
		return nil, rt.NewError(rt.TypeErrorClass, "type "+rt.TypeName(x)+" doesn't define __trunc__ method")
	}
	fl, err := rt.AsFloat(th, x)
	if err != nil {
		return nil, err
	}
	return floatToInt(f(fl))
}

// bigArgs reads integer arguments (for gcd, lcm, comb, ...).
func bigArgs(th *rt.Thread, args []rt.Value) ([]*big.Int, error) {
	out := make([]*big.Int, len(args))
	for i, a := range args {
		b, err := stdBig(th, a)
		if err != nil {
			return nil, err
		}
		out[i] = b
	}
	return out, nil
}

// readFloats reads the coordinates of hypot and dist.
func absFloats(th *rt.Thread, items []rt.Value) ([]float64, float64, bool, error) {
	vec := make([]float64, len(items))
	max, nan := 0.0, false
	for i, v := range items {
		x, err := rt.AsFloat(th, v)
		if err != nil {
			return nil, 0, false, err
		}
		x = math.Abs(x)
		vec[i] = x
		nan = nan || math.IsNaN(x)
		if x > max {
			max = x
		}
	}
	return vec, max, nan, nil
}
