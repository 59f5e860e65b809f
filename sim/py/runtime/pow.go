package runtime

import (
	"math"
	"math/big"
)

// correctPow is x**y rounded once from a far more precise result, as
// glibc's correctly rounded pow (which CPython calls) gives it; Go's
// math.Pow can be an ulp or two off. Integer exponents are computed
// exactly; others as exp(y*ln x) at 160 bits. Special values follow
// math.Pow, which implements the same C99 rules as glibc.
func correctPow(x, y float64) float64 {
	switch {
	case y == 0 || x == 1:
		return 1
	case math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) || x == 0:
		return math.Pow(x, y)
	case y == 0.5 && x > 0:
		return math.Sqrt(x)
	}
	neg := x < 0 // only with an integral y; the caller rejects the rest
	ax := math.Abs(x)
	var r *big.Float
	if y == math.Trunc(y) && math.Abs(y) <= 4096 {
		n := int64(math.Abs(y))
		r = new(big.Float).SetPrec(uint(53*n + 64)).SetInt64(1)
		base := new(big.Float).SetPrec(r.Prec()).SetFloat64(ax)
		for e := n; e > 0; e >>= 1 {
			if e&1 == 1 {
				r.Mul(r, base)
			}
			if e > 1 {
				base.Mul(base, base)
			}
		}
		if y < 0 {
			r = new(big.Float).SetPrec(160).Quo(new(big.Float).SetPrec(160).SetInt64(1), r)
		}
		neg = neg && n%2 == 1
	} else {
		if math.Abs(y) > 1e6 || y != math.Trunc(y) && x < 0 {
			return math.Pow(x, y) // overflow, underflow or NaN: the rounding does not matter
		}
		lnx := bigLog(new(big.Float).SetPrec(160).SetFloat64(ax))
		r = bigExp(lnx.Mul(lnx, new(big.Float).SetPrec(160).SetFloat64(y)))
		if r == nil {
			return math.Pow(x, y)
		}
		neg = neg && math.Mod(y, 2) != 0
	}
	f, _ := r.Float64()
	if neg {
		return -f
	}
	return f
}

// bigLog is the natural logarithm of a positive x: ln x = k ln 2 + ln m
// with m in [0.75, 1.5), and ln m = 2 atanh((m-1)/(m+1)) by its series.
func bigLog(x *big.Float) *big.Float {
	prec := x.Prec()
	m := new(big.Float).SetPrec(prec)
	k := x.MantExp(m) // x = m * 2**k, m in [0.5, 1)
	if m.Cmp(big.NewFloat(0.75)) < 0 {
		m.SetMantExp(m, 1)
		k--
	}
	one := new(big.Float).SetPrec(prec).SetInt64(1)
	t := new(big.Float).SetPrec(prec).Quo(new(big.Float).SetPrec(prec).Sub(m, one), new(big.Float).SetPrec(prec).Add(m, one))
	t2 := new(big.Float).SetPrec(prec).Mul(t, t)
	sum := new(big.Float).SetPrec(prec).Set(t)
	term := new(big.Float).SetPrec(prec).Set(t)
	eps := new(big.Float).SetMantExp(one, -int(prec)-8)
	for i := int64(3); ; i += 2 {
		term.Mul(term, t2)
		d := new(big.Float).SetPrec(prec).Quo(term, new(big.Float).SetInt64(i))
		if d.Sign() == 0 || new(big.Float).Abs(d).Cmp(eps) < 0 {
			break
		}
		sum.Add(sum, d)
	}
	sum.Mul(sum, new(big.Float).SetInt64(2))
	ln2 := bigLn2(prec)
	return sum.Add(sum, new(big.Float).SetPrec(prec).Mul(ln2, new(big.Float).SetInt64(int64(k))))
}

func bigLn2(prec uint) *big.Float {
	// ln 2 = 2 atanh(1/3)
	third := new(big.Float).SetPrec(prec).Quo(new(big.Float).SetPrec(prec).SetInt64(1), new(big.Float).SetPrec(prec).SetInt64(3))
	t2 := new(big.Float).SetPrec(prec).Mul(third, third)
	sum := new(big.Float).SetPrec(prec).Set(third)
	term := new(big.Float).SetPrec(prec).Set(third)
	for i := int64(3); i < 400; i += 2 {
		term.Mul(term, t2)
		sum.Add(sum, new(big.Float).SetPrec(prec).Quo(term, new(big.Float).SetInt64(i)))
	}
	return sum.Mul(sum, new(big.Float).SetInt64(2))
}

// bigExp is e**x: x = k ln 2 + r with |r| <= ln2/2, e**r by its series
// on r/2**10, squared back ten times. It returns nil when the result is
// far outside the float range.
func bigExp(x *big.Float) *big.Float {
	prec := x.Prec()
	ln2 := bigLn2(prec)
	kf, _ := new(big.Float).Quo(x, ln2).Float64()
	if math.Abs(kf) > 1200 {
		return nil
	}
	k := int64(math.Round(kf))
	r := new(big.Float).SetPrec(prec).Sub(x, new(big.Float).SetPrec(prec).Mul(ln2, new(big.Float).SetInt64(k)))
	r.SetMantExp(r, -10)
	sum := new(big.Float).SetPrec(prec).SetInt64(1)
	term := new(big.Float).SetPrec(prec).SetInt64(1)
	for i := int64(1); i < 60; i++ {
		term.Mul(term, r)
		term.Quo(term, new(big.Float).SetInt64(i))
		sum.Add(sum, term)
	}
	for range 10 {
		sum.Mul(sum, sum)
	}
	return sum.SetMantExp(sum, int(k))
}
