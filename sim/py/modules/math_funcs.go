package modules

import (
	"math"
	"math/big"

	rt "asyncplay/sim/py/runtime"
)

type mathFn = func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error)

// math2 reads two floats.
func math2(name string, f func(th *rt.Thread, x, y float64) (rt.Value, error)) mathFn {
	return func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := mathArgs(name, args, kw, 2); err != nil {
			return nil, err
		}
		x, err := rt.AsFloat(th, args[0])
		if err != nil {
			return nil, err
		}
		y, err := rt.AsFloat(th, args[1])
		if err != nil {
			return nil, err
		}
		return f(th, x, y)
	}
}

func isFinite(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }

func mathPow(th *rt.Thread, x, y float64) (rt.Value, error) {
	r := crPow(x, y)
	if isFinite(x) && isFinite(y) {
		if math.IsNaN(r) {
			return nil, domainError()
		}
		if math.IsInf(r, 0) {
			if x == 0 {
				return nil, domainError()
			}
			return nil, rangeError()
		}
	}
	return rt.Float(r), nil
}

func gamma(x float64) float64 {
	if x == math.Trunc(x) && x <= 0 || math.IsInf(x, -1) {
		return math.NaN()
	}
	return math.Gamma(x)
}

func lgamma(x float64) float64 {
	if x == math.Trunc(x) && x <= 0 && !math.IsInf(x, 0) {
		return math.NaN() // a pole: CPython's domain error
	}
	r, _ := math.Lgamma(x)
	return r
}

func init() {
	register("math", func(in *rt.Interp) *rt.Module {
		m := newModule("math")
		m.NS.Set("pi", rt.Float(math.Pi))
		m.NS.Set("e", rt.Float(math.E))
		m.NS.Set("tau", rt.Float(2*math.Pi))
		m.NS.Set("inf", rt.Float(math.Inf(1)))
		m.NS.Set("nan", rt.Float(math.NaN()))
		for _, f := range []struct {
			name     string
			f        func(float64) float64
			overflow bool
		}{
			{"sqrt", math.Sqrt, false}, {"exp", crExp, true}, {"exp2", crExp2, true}, {"expm1", math.Expm1, true},
			{"sin", crSin, false}, {"cos", crCos, false}, {"tan", crTan, false},
			{"asin", crAsin, false}, {"acos", crAcos, false}, {"atan", crAtan, false},
			{"sinh", fdlibmSinh, true}, {"cosh", fdlibmCosh, true}, {"tanh", fdlibmTanh, false},
			{"asinh", fdlibmAsinh, false}, {"acosh", fdlibmAcosh, false}, {"atanh", math.Atanh, false},
			{"fabs", math.Abs, false}, {"erf", math.Erf, false}, {"erfc", math.Erfc, false},
			{"gamma", gamma, true}, {"lgamma", lgamma, true}, {"cbrt", math.Cbrt, false},
			{"log1p", math.Log1p, false},
			{"degrees", func(x float64) float64 { return x * (180.0 / math.Pi) }, false},
			{"radians", func(x float64) float64 { return x * (math.Pi / 180.0) }, false},
		} {
			fn(m, f.name, math1(f.name, f.f, f.overflow))
		}
		// Integral sqrt of huge ints overflows converting, as CPython's does.
		fn(m, "floor", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := mathArgs("floor", args, kw, 1); err != nil {
				return nil, err
			}
			return roundTo(th, "floor", "__floor__", args[0], math.Floor)
		})
		fn(m, "ceil", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := mathArgs("ceil", args, kw, 1); err != nil {
				return nil, err
			}
			return roundTo(th, "ceil", "__ceil__", args[0], math.Ceil)
		})
		fn(m, "trunc", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := mathArgs("trunc", args, kw, 1); err != nil {
				return nil, err
			}
			return roundTo(th, "trunc", "__trunc__", args[0], math.Trunc)
		})
		fn(m, "log", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdNoKw("math.log", kw); err != nil {
				return nil, err
			}
			if len(args) < 1 || len(args) > 2 {
				return nil, rt.NewError(rt.TypeErrorClass, "math.log requires 1 to 2 arguments")
			}
			num, err := logOf(th, args[0], crLog)
			if err != nil || len(args) == 1 {
				return rt.Float(num), err
			}
			den, err := logOf(th, args[1], crLog)
			if err != nil {
				return nil, err
			}
			if den == 0 {
				return nil, rt.NewError(rt.ZeroDivisionErrorClass, "float division by zero")
			}
			return rt.Float(num / den), nil
		})
		for name, f := range map[string]func(float64) float64{"log2": crLog2, "log10": glibcLog10} {
			fn(m, name, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
				if err := mathArgs(name, args, kw, 1); err != nil {
					return nil, err
				}
				r, err := logOf(th, args[0], f)
				return rt.Float(r), err
			})
		}
		fn(m, "pow", math2("pow", mathPow))
		fn(m, "atan2", math2("atan2", func(th *rt.Thread, y, x float64) (rt.Value, error) {
			return rt.Float(crAtan2(y, x)), nil
		}))
		fn(m, "copysign", math2("copysign", func(th *rt.Thread, x, y float64) (rt.Value, error) {
			return rt.Float(math.Copysign(x, y)), nil
		}))
		fn(m, "fmod", math2("fmod", func(th *rt.Thread, x, y float64) (rt.Value, error) {
			if math.IsInf(y, 0) && isFinite(x) {
				return rt.Float(x), nil
			}
			r := math.Mod(x, y)
			if math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y) {
				return nil, domainError()
			}
			return rt.Float(r), nil
		}))
		fn(m, "remainder", math2("remainder", func(th *rt.Thread, x, y float64) (rt.Value, error) {
			r := math.Remainder(x, y)
			if math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y) {
				return nil, domainError()
			}
			return rt.Float(r), nil
		}))
		fn(m, "nextafter", math2("nextafter", func(th *rt.Thread, x, y float64) (rt.Value, error) {
			return rt.Float(math.Nextafter(x, y)), nil
		}))
		fn(m, "ulp", math1("ulp", func(x float64) float64 {
			switch {
			case math.IsNaN(x) || math.IsInf(x, 0):
				return math.Abs(x)
			}
			x = math.Abs(x)
			if x == math.MaxFloat64 {
				return x - math.Nextafter(x, 0)
			}
			return math.Nextafter(x, math.Inf(1)) - x
		}, false))
		fn(m, "modf", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := mathArgs("modf", args, kw, 1); err != nil {
				return nil, err
			}
			x, err := rt.AsFloat(th, args[0])
			if err != nil {
				return nil, err
			}
			if math.IsInf(x, 0) {
				return rt.Tuple{rt.Float(math.Copysign(0, x)), rt.Float(x)}, nil
			}
			i, f := math.Modf(x)
			return rt.Tuple{rt.Float(f), rt.Float(i)}, nil
		})
		fn(m, "frexp", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := mathArgs("frexp", args, kw, 1); err != nil {
				return nil, err
			}
			x, err := rt.AsFloat(th, args[0])
			if err != nil {
				return nil, err
			}
			if !isFinite(x) || x == 0 {
				return rt.Tuple{rt.Float(x), zero}, nil
			}
			f, e := math.Frexp(x)
			return rt.Tuple{rt.Float(f), rt.MakeInt(int64(e))}, nil
		})
		fn(m, "ldexp", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := mathArgs("ldexp", args, kw, 2); err != nil {
				return nil, err
			}
			x, err := rt.AsFloat(th, args[0])
			if err != nil {
				return nil, err
			}
			if !isIntValue(args[1]) {
				return nil, rt.NewError(rt.TypeErrorClass, "Expected an int as second argument to ldexp.")
			}
			eb, _ := stdBig(th, args[1])
			e := int64(1 << 20)
			if eb.IsInt64() {
				e = max(min(eb.Int64(), 1<<20), -(1 << 20))
			} else if eb.Sign() < 0 {
				e = -(1 << 20)
			}
			if x == 0 || !isFinite(x) {
				return rt.Float(x), nil
			}
			r := math.Ldexp(x, int(e))
			if math.IsInf(r, 0) {
				return nil, rangeError()
			}
			return rt.Float(r), nil
		})
		for name, f := range map[string]func(float64) bool{
			"isfinite": isFinite,
			"isinf":    func(x float64) bool { return math.IsInf(x, 0) },
			"isnan":    math.IsNaN,
		} {
			fn(m, name, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
				if err := mathArgs(name, args, kw, 1); err != nil {
					return nil, err
				}
				x, err := rt.AsFloat(th, args[0])
				if err != nil {
					return nil, err
				}
				return rt.MakeBool(f(x)), nil
			})
		}
		fn(m, "isclose", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if len(args) > 2 {
				return nil, rt.NewError(rt.TypeErrorClass, "isclose() takes exactly 2 positional arguments ("+itoa(len(args))+" given)")
			}
			a, err := stdArgs("isclose", args, kw, []string{"a", "b", "rel_tol", "abs_tol"}, 2)
			if err != nil {
				return nil, err
			}
			fs := []float64{0, 0, 1e-09, 0}
			for i, v := range a {
				if v != nil {
					if fs[i], err = rt.AsFloat(th, v); err != nil {
						return nil, err
					}
				}
			}
			x, y, rel, abs := fs[0], fs[1], fs[2], fs[3]
			if rel < 0 || abs < 0 {
				return nil, rt.NewError(rt.ValueErrorClass, "tolerances must be non-negative")
			}
			if x == y {
				return rt.True, nil
			}
			if math.IsInf(x, 0) || math.IsInf(y, 0) {
				return rt.False, nil
			}
			diff := math.Abs(y - x)
			return rt.MakeBool(diff <= math.Abs(rel*y) || diff <= math.Abs(rel*x) || diff <= abs), nil
		})
		fn(m, "hypot", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdNoKw("hypot", kw); err != nil {
				return nil, err
			}
			vec, max, nan, err := absFloats(th, args)
			if err != nil {
				return nil, err
			}
			return rt.Float(vectorNorm(vec, max, nan)), nil
		})
		fn(m, "dist", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("dist", args, kw, 2, 2); err != nil {
				return nil, err
			}
			p, err := rt.Collect(th, args[0])
			if err != nil {
				return nil, err
			}
			q, err := rt.Collect(th, args[1])
			if err != nil {
				return nil, err
			}
			if len(p) != len(q) {
				return nil, rt.NewError(rt.ValueErrorClass, "both points must have the same number of dimensions")
			}
			diffs := make([]rt.Value, len(p))
			for i := range p {
				x, err := rt.AsFloat(th, p[i])
				if err != nil {
					return nil, err
				}
				y, err := rt.AsFloat(th, q[i])
				if err != nil {
					return nil, err
				}
				diffs[i] = rt.Float(x - y)
			}
			vec, max, nan, _ := absFloats(th, diffs)
			return rt.Float(vectorNorm(vec, max, nan)), nil
		})
		fn(m, "fsum", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := mathArgs("fsum", args, kw, 1); err != nil {
				return nil, err
			}
			return fsum(th, args[0])
		})
		fn(m, "prod", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if len(args) != 1 {
				return nil, rt.NewError(rt.TypeErrorClass, "prod() takes exactly 1 positional argument ("+itoa(len(args))+" given)")
			}
			a, err := stdArgs("prod", nil, kw, []string{"start"}, 0)
			if err != nil {
				return nil, err
			}
			acc := a[0]
			if acc == nil {
				acc = rt.MakeInt(1)
			}
			it, err := rt.Iter(th, args[0])
			if err != nil {
				return nil, err
			}
			for {
				x, ok, err := it.Next(th)
				if err != nil || !ok {
					return acc, err
				}
				if acc, err = rt.BinaryOp(th, rt.OpMul, acc, x); err != nil {
					return nil, err
				}
			}
		})
		fn(m, "gcd", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdNoKw("gcd", kw); err != nil {
				return nil, err
			}
			ns, err := bigArgs(th, args)
			if err != nil {
				return nil, err
			}
			g := new(big.Int)
			for _, n := range ns {
				g.GCD(nil, nil, g.Abs(g), new(big.Int).Abs(n))
			}
			return rt.MakeBig(g), nil
		})
		fn(m, "lcm", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdNoKw("lcm", kw); err != nil {
				return nil, err
			}
			ns, err := bigArgs(th, args)
			if err != nil {
				return nil, err
			}
			l := big.NewInt(1)
			for _, n := range ns {
				n.Abs(n)
				if n.Sign() == 0 || l.Sign() == 0 {
					l.SetInt64(0)
					continue
				}
				g := new(big.Int).GCD(nil, nil, l, n)
				l.Mul(l.Div(l, g), n)
			}
			return rt.MakeBig(l), nil
		})
		fn(m, "factorial", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := mathArgs("factorial", args, kw, 1); err != nil {
				return nil, err
			}
			n, err := stdBig(th, args[0])
			if err != nil {
				return nil, err
			}
			if n.Sign() < 0 {
				return nil, rt.NewError(rt.ValueErrorClass, "factorial() not defined for negative values")
			}
			if !n.IsInt64() || n.Int64() > 1<<24 {
				return nil, rt.NewError(rt.OverflowErrorClass, "factorial() argument should not exceed 16777216")
			}
			return rt.MakeBig(new(big.Int).MulRange(1, n.Int64())), nil
		})
		combPerm := func(name string, comb bool) mathFn {
			return func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
				min := 2
				if !comb {
					min = 1
				}
				if err := stdPos(name, args, kw, min, 2); err != nil {
					return nil, err
				}
				if !comb && len(args) == 2 && args[1] == rt.None {
					args = args[:1]
				}
				ns, err := bigArgs(th, args)
				if err != nil {
					return nil, err
				}
				n := ns[0]
				k := n
				if len(ns) == 2 {
					k = ns[1]
				}
				if n.Sign() < 0 {
					return nil, rt.NewError(rt.ValueErrorClass, "n must be a non-negative integer")
				}
				if k.Sign() < 0 {
					return nil, rt.NewError(rt.ValueErrorClass, "k must be a non-negative integer")
				}
				if k.Cmp(n) > 0 {
					return zero, nil
				}
				if !n.IsInt64() {
					return nil, rt.NewError(rt.OverflowErrorClass, "n too large")
				}
				nn, kk := n.Int64(), k.Int64()
				if comb {
					return rt.MakeBig(new(big.Int).Binomial(nn, kk)), nil
				}
				if kk == 0 {
					return rt.MakeInt(1), nil
				}
				return rt.MakeBig(new(big.Int).MulRange(nn-kk+1, nn)), nil
			}
		}
		fn(m, "comb", combPerm("comb", true))
		fn(m, "perm", combPerm("perm", false))
		fn(m, "isqrt", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := mathArgs("isqrt", args, kw, 1); err != nil {
				return nil, err
			}
			n, err := stdBig(th, args[0])
			if err != nil {
				return nil, err
			}
			if n.Sign() < 0 {
				return nil, rt.NewError(rt.ValueErrorClass, "isqrt() argument must be nonnegative")
			}
			return rt.MakeBig(n.Sqrt(n)), nil
		})
		return m
	})
}
