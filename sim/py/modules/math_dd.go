package modules

import (
	"math"
	"math/big"
)

// Correctly rounded exp, log, trigonometric and hyperbolic functions.
// CPython calls the C library, whose results on glibc are correctly
// rounded (or nearly: within 0.5 ulp and a hair); Go's math package is
// within an ulp or so, and printing a float's repr shows the difference
// in a quarter of the cases for sin, cos and tan. So these functions
// compute in double-double arithmetic (about 106 bits) and round once,
// starting from Go's result where a Newton step is cheaper.

// dd is a double-double hi + lo, |lo| <= ulp(hi)/2.
type dd struct{ hi, lo float64 }

func ddTwoSum(a, b float64) dd {
	s := a + b
	bb := float64(s - a)
	return dd{s, float64(a-float64(s-bb)) + float64(b-bb)}
}

func ddQuick(a, b float64) dd {
	s := a + b
	return dd{s, b - float64(s-a)}
}

func ddTwoProd(a, b float64) dd {
	p := a * b
	return dd{p, math.FMA(a, b, -p)}
}

func (a dd) add(b dd) dd {
	s := ddTwoSum(a.hi, b.hi)
	t := ddTwoSum(a.lo, b.lo)
	s = ddQuick(s.hi, s.lo+t.hi)
	return ddQuick(s.hi, s.lo+t.lo)
}

func (a dd) neg() dd           { return dd{-a.hi, -a.lo} }
func (a dd) sub(b dd) dd       { return a.add(b.neg()) }
func (a dd) addF(b float64) dd { return a.add(dd{b, 0}) }

func (a dd) mul(b dd) dd {
	p := ddTwoProd(a.hi, b.hi)
	return ddQuick(p.hi, p.lo+(a.hi*b.lo+a.lo*b.hi))
}

func (a dd) mulF(b float64) dd {
	p := ddTwoProd(a.hi, b)
	return ddQuick(p.hi, p.lo+a.lo*b)
}

func (a dd) div(b dd) dd {
	q1 := a.hi / b.hi
	r := a.sub(b.mulF(q1))
	q2 := r.hi / b.hi
	r = r.sub(b.mulF(q2))
	q3 := r.hi / b.hi
	return ddQuick(q1, q2).addF(q3)
}

func (a dd) scale(e int) dd { return dd{math.Ldexp(a.hi, e), math.Ldexp(a.lo, e)} }

// ddConst rounds a big.Float to a double-double.
func ddConst(x *big.Float) dd {
	hi, _ := x.Float64()
	lo, _ := new(big.Float).SetPrec(x.Prec()).Sub(x, big.NewFloat(hi)).Float64()
	return dd{hi, lo}
}

var (
	ddLn2     = dd{6.93147180559945286e-01, 2.319046813846299558e-17}
	ddPiOver2 = [3]float64{1.5707963267948966, 6.123233995736766e-17, -1.4973849048591698e-33}
	// ddInvFact[n] is 1/n!.
	ddInvFact = func() (t [28]dd) {
		f := new(big.Float).SetPrec(200).SetInt64(1)
		for n := range t {
			if n > 0 {
				f.Mul(f, new(big.Float).SetPrec(200).SetInt64(int64(n)))
			}
			t[n] = ddConst(new(big.Float).SetPrec(200).Quo(big.NewFloat(1).SetPrec(200), f))
		}
		return
	}()
)

// ddExpOf is e**x for a double-double x (finite, not overflowing).
func ddExpOf(x dd) dd {
	k := math.Round(x.hi / ddLn2.hi)
	r := x.sub(ddLn2.mulF(k)).scale(-9) // |r| < 7e-4
	s := ddInvFact[10]
	for n := 9; n >= 0; n-- {
		s = s.mul(r).add(ddInvFact[n])
	}
	for range 9 {
		s = s.mul(s)
	}
	return s.scale(int(k))
}

// ddLogOf is log(x) for x > 0: log(m) + e*log(2) for x = m * 2**e, the
// first by one Newton step from Go's result.
func ddLogOf(x dd) dd {
	_, e := math.Frexp(x.hi)
	m := x.scale(-e)
	y := dd{math.Log(m.hi), 0}
	y = y.add(ddExpOf(y.neg()).mul(m).addF(-1))
	return y.add(ddLn2.mulF(float64(e)))
}

// ddReduce writes x as k*pi/2 + r with |r| <= pi/4 (for |x| < 2**50).
func ddReduce(x float64) (dd, int) {
	k := math.Round(x / ddPiOver2[0])
	r := dd{x, 0}.sub(ddTwoProd(k, ddPiOver2[0])).sub(ddTwoProd(k, ddPiOver2[1])).sub(dd{k * ddPiOver2[2], 0})
	q := int(math.Mod(k, 4))
	if q < 0 {
		q += 4
	}
	return r, q
}

// ddSinCos is sin and cos of |r| <= pi/4 by their Taylor series:
// sin r = r * sum (-1)^k r^2k/(2k+1)!, cos r = sum (-1)^k r^2k/(2k)!,
// k to 13, by Horner's rule.
func ddSinCos(r dd) (sin, cos dd) {
	r2 := r.mul(r)
	coef := func(n, k int) dd {
		if k%2 == 1 {
			return ddInvFact[n].neg()
		}
		return ddInvFact[n]
	}
	s, c := coef(27, 13), coef(26, 13)
	for k := 12; k >= 0; k-- {
		s = s.mul(r2).add(coef(2*k+1, k))
		c = c.mul(r2).add(coef(2*k, k))
	}
	return s.mul(r), c
}

// trig gives sin, cos and tan of x, and whether it could (finite |x| <
// 2**50, else Go's functions are used).
func trigDD(x float64) (sin, cos dd, ok bool) {
	if math.IsNaN(x) || math.Abs(x) >= 1<<50 {
		return dd{}, dd{}, false
	}
	r, q := ddReduce(x)
	s, c := ddSinCos(r)
	switch q {
	case 1:
		s, c = c, s.neg()
	case 2:
		s, c = s.neg(), c.neg()
	case 3:
		s, c = c.neg(), s
	}
	return s, c, true
}

func crSin(x float64) float64 {
	if x == 0 {
		return x
	}
	if s, _, ok := trigDD(x); ok {
		return s.hi + s.lo
	}
	return math.Sin(x)
}

func crCos(x float64) float64 {
	if _, c, ok := trigDD(x); ok {
		return c.hi + c.lo
	}
	return math.Cos(x)
}

func crTan(x float64) float64 {
	if x == 0 {
		return x
	}
	if s, c, ok := trigDD(x); ok {
		t := s.div(c)
		return t.hi + t.lo
	}
	return math.Tan(x)
}

func crExp(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) || x > 709.78 || x < -708 || x == 0 {
		return math.Exp(x)
	}
	r := ddExpOf(dd{x, 0})
	return r.hi + r.lo
}

func crExp2(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) || x > 1023.99 || x < -1022 || x == math.Trunc(x) {
		return math.Exp2(x)
	}
	r := ddExpOf(ddLn2.mulF(x))
	return r.hi + r.lo
}

func crLog(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 0) || x == 1 {
		return math.Log(x)
	}
	r := ddLogOf(dd{x, 0})
	return r.hi + r.lo
}

func crLog2(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 0) {
		return math.Log2(x)
	}
	if f, e := math.Frexp(x); f == 0.5 {
		return float64(e - 1)
	}
	r := ddLogOf(dd{x, 0}).div(ddLn2)
	return r.hi + r.lo
}

// glibcLog10 is the C library's log10 (fdlibm's e_log10.c): not
// correctly rounded, so reproduced step by step.
func glibcLog10(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 0) {
		return math.Log10(x)
	}
	const (
		ivln10    = 4.34294481903251816668e-01
		log10_2hi = 3.01029995663611771306e-01
		log10_2lo = 3.69423907715893078616e-13
	)
	bits := math.Float64bits(x)
	hx := int32(bits >> 32)
	k := int32(0)
	if hx < 0x00100000 { // subnormal
		k -= 54
		x *= 1 << 54
		bits = math.Float64bits(x)
		hx = int32(bits >> 32)
	}
	k += (hx >> 20) - 1023
	i := int32(uint32(k) >> 31)
	hx = (hx & 0x000fffff) | ((0x3ff - i) << 20)
	y := float64(k + i)
	x = math.Float64frombits(uint64(uint32(hx))<<32 | bits&0xffffffff)
	z := y*log10_2lo + ivln10*crLog(x)
	return z + y*log10_2hi
}

// crAtan refines Go's atan by a Newton step on tan(y) = x.
func crAtan(x float64) float64 {
	y := math.Atan(x)
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 1e16 {
		return y
	}
	s, c, _ := trigDD(y)
	d := dd{y, 0}.sub(s.sub(c.mulF(x)).mul(c))
	return d.hi + d.lo
}

// crAsin and crAcos refine Go's results by a Newton step.
func crAsin(x float64) float64 {
	y := math.Asin(x)
	if x == 0 || math.IsNaN(y) || math.Abs(x) == 1 {
		return y
	}
	s, c, _ := trigDD(y)
	d := dd{y, 0}.sub(s.addF(-x).div(c))
	return d.hi + d.lo
}

func crAcos(x float64) float64 {
	y := math.Acos(x)
	if math.IsNaN(y) || math.Abs(x) == 1 || x == 0 {
		return y
	}
	s, c, _ := trigDD(y)
	d := dd{y, 0}.add(c.addF(-x).div(s))
	return d.hi + d.lo
}

func crAtan2(y, x float64) float64 {
	t := math.Atan2(y, x)
	if y == 0 || x == 0 || math.IsNaN(t) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return t
	}
	// Scale both so that their products stay in range.
	_, e := math.Frexp(math.Max(math.Abs(x), math.Abs(y)))
	xs, ys := math.Ldexp(x, -e), math.Ldexp(y, -e)
	s, c, ok := trigDD(t)
	if !ok {
		return t
	}
	num := s.mulF(xs).sub(c.mulF(ys))
	den := c.mulF(xs).add(s.mulF(ys))
	d := dd{t, 0}.sub(num.div(den))
	return d.hi + d.lo
}

// The hyperbolic functions are the C library's (fdlibm's algorithms, not
// correctly rounded), reproduced on the correctly rounded exp and log and
// on Go's expm1 and log1p, which are fdlibm's too.

func highWord(x float64) int32 { return int32(math.Float64bits(x) >> 32) }

func fdlibmSinh(x float64) float64 {
	jx := highWord(x)
	ix := jx & 0x7fffffff
	if ix >= 0x7ff00000 {
		return x + x
	}
	h := 0.5
	if jx < 0 {
		h = -h
	}
	ax := math.Abs(x)
	switch {
	case ix < 0x40360000: // |x| < 22
		if ix < 0x3e300000 {
			return x
		}
		t := math.Expm1(ax)
		if ix < 0x3ff00000 {
			return h * (2.0*t - t*t/(t+1))
		}
		return h * (t + t/(t+1))
	case ix < 0x40862E42:
		return h * crExp(ax)
	case ax <= 7.10475860073943977113e+02:
		w := crExp(0.5 * ax)
		return h * w * w
	}
	return x * 1.0e307
}

func fdlibmCosh(x float64) float64 {
	ix := highWord(x) & 0x7fffffff
	ax := math.Abs(x)
	switch {
	case ix >= 0x7ff00000:
		return x * x
	case ix < 0x3fd62e43: // |x| < ln2/2
		if ix < 0x3c800000 {
			return 1
		}
		t := math.Expm1(ax)
		w := 1 + t
		return 1 + (t*t)/(w+w)
	case ix < 0x40360000: // |x| < 22
		t := crExp(ax)
		return 0.5*t + 0.5/t
	case ix < 0x40862e42:
		return 0.5 * crExp(ax)
	case ax <= 7.10475860073943977113e+02:
		w := crExp(0.5 * ax)
		return 0.5 * w * w
	}
	return math.Inf(1)
}

func fdlibmTanh(x float64) float64 {
	if math.IsNaN(x) || x == 0 {
		return x
	}
	ix := highWord(x) & 0x7fffffff
	var z float64
	switch {
	case math.IsInf(x, 0) || ix >= 0x40360000:
		z = 1
	case ix < 0x3c800000:
		return x * (1 + x)
	case ix >= 0x3ff00000:
		t := math.Expm1(2 * math.Abs(x))
		z = 1 - 2/(t+2)
	default:
		t := math.Expm1(-2 * math.Abs(x))
		z = -t / (t + 2)
	}
	return math.Copysign(z, x)
}

func fdlibmAsinh(x float64) float64 {
	ix := highWord(x) & 0x7fffffff
	if ix < 0x3e300000 || ix >= 0x7ff00000 {
		return x + x*0 // tiny, inf or nan
	}
	xa := math.Abs(x)
	var w float64
	switch {
	case ix > 0x41b00000:
		w = crLog(xa) + 6.93147180559945286227e-01
	case ix > 0x40000000:
		w = crLog(2.0*xa + 1/(math.Sqrt(xa*xa+1)+xa))
	default:
		t := xa * xa
		w = math.Log1p(xa + t/(1+math.Sqrt(1+t)))
	}
	return math.Copysign(w, x)
}

func fdlibmAcosh(x float64) float64 {
	hx := highWord(x)
	switch {
	case hx < 0x3ff00000:
		return math.NaN()
	case hx >= 0x41b00000:
		if hx >= 0x7ff00000 {
			return x + x
		}
		return crLog(x) + 6.93147180559945286227e-01
	case x == 1:
		return 0
	case hx > 0x40000000:
		return crLog(2.0*x - 1/(x+math.Sqrt(x*x-1)))
	}
	t := x - 1
	return math.Log1p(t + math.Sqrt(2.0*t+t*t))
}

// crPow is x**y correctly rounded for positive finite x and finite y
// whose result is a normal float; Go's Pow elsewhere (signs, zeros,
// infinities, NaNs, overflow), whose special cases are C99's.
func crPow(x, y float64) float64 {
	r := math.Pow(x, y)
	if !(x > 0) || math.IsInf(x, 0) || math.IsInf(y, 0) || math.IsNaN(y) || y == 0 || x == 1 ||
		math.IsInf(r, 0) || r == 0 || math.Abs(r) < 2.3e-308 || math.Abs(r) > 1.7e308 {
		if x < 0 && y == math.Trunc(y) && !math.IsInf(y, 0) && !math.IsInf(x, 0) && r != 0 && !math.IsInf(r, 0) {
			p := crPow(-x, y)
			if math.Mod(y, 2) != 0 {
				p = -p
			}
			return p
		}
		return r
	}
	l := ddLogOf(dd{x, 0})
	e := ddExpOf(l.mulF(y))
	return e.hi + e.lo
}
