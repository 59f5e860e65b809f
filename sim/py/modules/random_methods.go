package modules

import (
	"math"
	"sort"

	rt "asyncplay/sim/py/runtime"
)

func randMethod(name string, fn func(th *rt.Thread, o *randomObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error)) {
	stdMethod(randomClass, name, func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return fn(th, self.(*randomObj), args, kw)
	})
}

// floatArgs reads optional float arguments with their defaults.
func floatArgs(th *rt.Thread, name string, args []rt.Value, kw *rt.Kwargs, params []string, defaults []float64, required int) ([]float64, error) {
	a, err := stdArgs(name, args, kw, params, required)
	if err != nil {
		return nil, err
	}
	out := append([]float64(nil), defaults...)
	for i, v := range a {
		if v != nil {
			if out[i], err = rt.AsFloat(th, v); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

func init() {
	rt.SetConstructor(randomClass, func(th *rt.Thread, c *rt.Class, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("Random", args, kw, []string{"x"}, 0)
		if err != nil {
			return nil, err
		}
		o := &randomObj{}
		return o, o.seed(th, a[0])
	})
	randMethod("seed", func(th *rt.Thread, o *randomObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("seed", args, kw, []string{"a", "version"}, 0)
		if err != nil {
			return nil, err
		}
		return rt.None, o.seed(th, a[0])
	})
	randMethod("random", func(th *rt.Thread, o *randomObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("random", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return rt.Float(o.random(th)), nil
	})
	randMethod("getrandbits", func(th *rt.Thread, o *randomObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("getrandbits", args, kw, 1, 1); err != nil {
			return nil, err
		}
		k, err := stdInt(th, args[0])
		if err != nil {
			return nil, err
		}
		if k < 0 {
			return nil, rt.NewError(rt.ValueErrorClass, "number of bits must be non-negative")
		}
		return rt.MakeBig(o.bits(th, int(min(k, 1<<26)))), nil
	})
	randMethod("randbytes", func(th *rt.Thread, o *randomObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("randbytes", args, kw, []string{"n"}, 1)
		if err != nil {
			return nil, err
		}
		n, err := stdInt(th, a[0])
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, rt.NewError(rt.ValueErrorClass, "number of bits must be non-negative")
		}
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(o.gen(th).Uint32())
		}
		return rt.Bytes(b), nil
	})
	randMethod("randrange", func(th *rt.Thread, o *randomObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("randrange", args, kw, []string{"start", "stop", "step"}, 1)
		if err != nil {
			return nil, err
		}
		return o.randrange(th, a[0], a[1], a[2], true)
	})
	randMethod("randint", func(th *rt.Thread, o *randomObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("randint", args, kw, []string{"a", "b"}, 2)
		if err != nil {
			return nil, err
		}
		b1, err := rt.BinaryOp(th, rt.OpAdd, a[1], rt.MakeInt(1))
		if err != nil {
			return nil, err
		}
		return o.randrange(th, a[0], b1, nil, false)
	})
	randMethod("choice", func(th *rt.Thread, o *randomObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("choice", args, kw, []string{"seq"}, 1)
		if err != nil {
			return nil, err
		}
		n, err := rt.Len(th, a[0])
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, rt.NewError(rt.IndexErrorClass, "Cannot choose from an empty sequence")
		}
		return rt.GetItem(th, a[0], rt.MakeInt(int64(o.belowInt(th, n))))
	})
	randMethod("choices", func(th *rt.Thread, o *randomObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if len(args) > 2 {
			return nil, rt.NewError(rt.TypeErrorClass, "Random.choices() takes from 2 to 3 positional arguments but "+itoa(len(args)+1)+" were given")
		}
		a, err := stdArgs("choices", args, kw, []string{"population", "weights", "cum_weights", "k"}, 1)
		if err != nil {
			return nil, err
		}
		n, err := rt.Len(th, a[0])
		if err != nil {
			return nil, err
		}
		k := int64(1)
		if a[3] != nil {
			if k, err = stdInt(th, a[3]); err != nil {
				return nil, err
			}
		}
		out := make([]rt.Value, 0, max(k, 0))
		weights, cum := a[1], a[2]
		if cum == nil || cum == rt.None {
			if weights == nil || weights == rt.None {
				for range k {
					x, err := rt.GetItem(th, a[0], rt.MakeInt(int64(math.Floor(o.random(th)*float64(n)))))
					if err != nil {
						return nil, err
					}
					out = append(out, x)
				}
				return rt.NewList(out), nil
			}
			ws, err := rt.Collect(th, weights)
			if err != nil {
				if isIndex(weights) {
					return nil, rt.NewError(rt.TypeErrorClass, "The number of choices must be a keyword argument: k="+itoa(int(k)))
				}
				return nil, err
			}
			var acc rt.Value
			cw := make([]rt.Value, len(ws))
			for i, w := range ws {
				if acc == nil {
					acc = w
				} else if acc, err = rt.BinaryOp(th, rt.OpAdd, acc, w); err != nil {
					return nil, err
				}
				cw[i] = acc
			}
			cum = rt.NewList(cw)
		} else if weights != nil && weights != rt.None {
			return nil, rt.NewError(rt.TypeErrorClass, "Cannot specify both weights and cumulative weights")
		}
		cws, err := rt.Collect(th, cum)
		if err != nil {
			return nil, err
		}
		if len(cws) != n {
			return nil, rt.NewError(rt.ValueErrorClass, "The number of weights does not match the population")
		}
		cf := make([]float64, n)
		for i, w := range cws {
			if cf[i], err = rt.AsFloat(th, w); err != nil {
				return nil, err
			}
		}
		total := 0.0
		if n > 0 {
			total = cf[n-1]
		}
		if total <= 0 {
			return nil, rt.NewError(rt.ValueErrorClass, "Total of weights must be greater than zero")
		}
		if !isFinite(total) {
			return nil, rt.NewError(rt.ValueErrorClass, "Total of weights must be finite")
		}
		for range k {
			x := o.random(th) * total
			i := sort.Search(n-1, func(i int) bool { return cf[i] > x }) // bisect_right in [0, n-1)
			v, err := rt.GetItem(th, a[0], rt.MakeInt(int64(i)))
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return rt.NewList(out), nil
	})
	randMethod("shuffle", func(th *rt.Thread, o *randomObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("shuffle", args, kw, []string{"x"}, 1)
		if err != nil {
			return nil, err
		}
		if l, ok := a[0].(*rt.List); ok {
			for i := len(l.Items) - 1; i > 0; i-- {
				j := o.belowInt(th, i+1)
				l.Items[i], l.Items[j] = l.Items[j], l.Items[i]
			}
			return rt.None, nil
		}
		n, err := rt.Len(th, a[0])
		if err != nil {
			return nil, err
		}
		for i := n - 1; i > 0; i-- {
			j := o.belowInt(th, i+1)
			xi, err := rt.GetItem(th, a[0], rt.MakeInt(int64(i)))
			if err != nil {
				return nil, err
			}
			xj, err := rt.GetItem(th, a[0], rt.MakeInt(int64(j)))
			if err != nil {
				return nil, err
			}
			if err := rt.SetItem(th, a[0], rt.MakeInt(int64(i)), xj); err != nil {
				return nil, err
			}
			if err := rt.SetItem(th, a[0], rt.MakeInt(int64(j)), xi); err != nil {
				return nil, err
			}
		}
		return rt.None, nil
	})
	randMethod("sample", func(th *rt.Thread, o *randomObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("sample", args, kw, []string{"population", "k", "counts"}, 2)
		if err != nil {
			return nil, err
		}
		switch a[0].(type) {
		case *rt.List, rt.Tuple, rt.Str, rt.Bytes, *rt.Range:
		default:
			if _, _, ok := rt.TypeOf(a[0]).Lookup("__getitem__"); !ok || dictOf(a[0]) != nil {
				return nil, rt.NewError(rt.TypeErrorClass, "Population must be a sequence.  For dicts or sets, use sorted(d).")
			}
		}
		pool, err := rt.Collect(th, a[0])
		if err != nil {
			return nil, err
		}
		if a[2] != nil && a[2] != rt.None {
			counts, err := rt.Collect(th, a[2])
			if err != nil {
				return nil, err
			}
			if len(counts) != len(pool) {
				return nil, rt.NewError(rt.ValueErrorClass, "The number of counts does not match the population")
			}
			var expanded []rt.Value
			for i, c := range counts {
				n, err := stdInt(th, c)
				if err != nil {
					return nil, err
				}
				for range max(n, 0) {
					expanded = append(expanded, pool[i])
				}
			}
			pool = expanded
		}
		k, err := stdInt(th, a[1])
		if err != nil {
			return nil, err
		}
		n := len(pool)
		if k < 0 || k > int64(n) {
			return nil, rt.NewError(rt.ValueErrorClass, "Sample larger than population or is negative")
		}
		out := make([]rt.Value, k)
		for i := range out {
			j := o.belowInt(th, n-i)
			out[i] = pool[j]
			pool[j] = pool[n-i-1]
		}
		return rt.NewList(out), nil
	})
	randMethod("uniform", func(th *rt.Thread, o *randomObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		f, err := floatArgs(th, "uniform", args, kw, []string{"a", "b"}, []float64{0, 0}, 2)
		if err != nil {
			return nil, err
		}
		return rt.Float(f[0] + (f[1]-f[0])*o.random(th)), nil
	})
	randMethod("triangular", func(th *rt.Thread, o *randomObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("triangular", args, kw, []string{"low", "high", "mode"}, 0)
		if err != nil {
			return nil, err
		}
		low, high := 0.0, 1.0
		for i, p := range []*float64{&low, &high} {
			if a[i] != nil {
				if *p, err = rt.AsFloat(th, a[i]); err != nil {
					return nil, err
				}
			}
		}
		u := o.random(th)
		c := 0.5
		if a[2] != nil && a[2] != rt.None {
			mode, err := rt.AsFloat(th, a[2])
			if err != nil {
				return nil, err
			}
			if high == low {
				return rt.Float(low), nil
			}
			c = (mode - low) / (high - low)
		}
		if u > c {
			u, c = 1.0-u, 1.0-c
			low, high = high, low
		}
		return rt.Float(low + (high-low)*math.Sqrt(u*c)), nil
	})
	randMethod("gauss", func(th *rt.Thread, o *randomObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		f, err := floatArgs(th, "gauss", args, kw, []string{"mu", "sigma"}, []float64{0, 1}, 0)
		if err != nil {
			return nil, err
		}
		return rt.Float(o.gauss(th, f[0], f[1])), nil
	})
	randMethod("normalvariate", func(th *rt.Thread, o *randomObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		f, err := floatArgs(th, "normalvariate", args, kw, []string{"mu", "sigma"}, []float64{0, 1}, 0)
		if err != nil {
			return nil, err
		}
		return rt.Float(o.normalvariate(th, f[0], f[1])), nil
	})
	randMethod("expovariate", func(th *rt.Thread, o *randomObj, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		f, err := floatArgs(th, "expovariate", args, kw, []string{"lambd"}, []float64{1}, 1)
		if err != nil {
			return nil, err
		}
		if f[0] == 0 {
			return nil, rt.NewError(rt.ZeroDivisionErrorClass, "float division by zero")
		}
		return rt.Float(-math.Log(1.0-o.random(th)) / f[0]), nil
	})

	register("random", func(in *rt.Interp) *rt.Module {
		m := newModule("random")
		m.NS.Set("Random", randomClass)
		inst := &randomObj{} // seeded from the kernel on first use
		for _, name := range []string{"seed", "random", "getrandbits", "randbytes", "randrange", "randint", "choice",
			"choices", "shuffle", "sample", "uniform", "triangular", "gauss", "normalvariate", "expovariate"} {
			v, _ := randomClass.Dict.Get(name)
			b := v.(*rt.Builtin)
			m.NS.Set(name, &rt.Builtin{Name: name, Fn: b.Fn, Self: inst})
		}
		return m
	})
}
