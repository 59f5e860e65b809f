package modules

import (
	"hash/fnv"
	"math"
	"math/big"
	"math/rand/v2"

	rt "asyncplay/sim/py/runtime"
)

// random: CPython's Random methods over a PCG generator. The module's
// generator is seeded from the kernel's seeded generator when a program
// first draws from it (or calls seed() with no argument), so runs are
// deterministic per kernel seed; random.seed(x) reseeds from x alone.
// CPython's Mersenne Twister sequences are not reproduced.

var randomClass = stdClass("Random", "random")

type randomObj struct {
	r         *rand.Rand
	gaussNext *float64
	warned    map[string]bool // DeprecationWarnings shown, by line and message
}

func (o *randomObj) Type() *rt.Class { return randomClass }

func (o *randomObj) Repr(th *rt.Thread) (string, error) {
	return "<random.Random object at " + stdHex(th, o) + ">", nil
}

func (o *randomObj) seedWith(s uint64) {
	o.r = rand.New(rand.NewPCG(s, s^0x9e3779b97f4a7c15))
	o.gaussNext = nil
}

// kernelSeed draws a seed from the kernel's generator (a fixed one
// outside a kernel).
func kernelSeed(th *rt.Thread) uint64 {
	var s uint64 = 0x5eed
	if th != nil && th.Task != nil {
		th.OnTask(func() error {
			s = th.Task.Kernel().Rand().Uint64()
			return nil
		})
	}
	return s
}

// gen returns the generator, seeding it from the kernel on first use.
func (o *randomObj) gen(th *rt.Thread) *rand.Rand {
	if o.r == nil {
		o.seedWith(kernelSeed(th))
	}
	return o.r
}

func (o *randomObj) random(th *rt.Thread) float64 { return o.gen(th).Float64() }

// seed is Random.seed(a): None reseeds from the kernel, anything else
// deterministically from its value.
func (o *randomObj) seed(th *rt.Thread, a rt.Value) error {
	if a == nil || a == rt.None {
		o.seedWith(kernelSeed(th))
		return nil
	}
	h := fnv.New64a()
	switch v := a.(type) {
	case rt.Int, rt.Bool, *big.Int:
		b, _ := stdBig(th, v)
		h.Write([]byte{'i', byte(b.Sign() + 1)})
		h.Write(b.Bytes())
	case rt.Str:
		h.Write([]byte{'s'})
		h.Write([]byte(v))
	case rt.Bytes:
		h.Write([]byte{'b'})
		h.Write([]byte(v))
	case rt.Float:
		bits := math.Float64bits(float64(v))
		h.Write([]byte{'f', byte(bits), byte(bits >> 8), byte(bits >> 16), byte(bits >> 24), byte(bits >> 32), byte(bits >> 40), byte(bits >> 48), byte(bits >> 56)})
	default:
		switch a.(type) {
		case rt.Tuple, *rt.Instance:
		default:
			return rt.NewError(rt.TypeErrorClass, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
		}
		x, err := rt.Hash(th, a)
		if err != nil {
			return err
		}
		h.Write([]byte{'h', byte(x), byte(x >> 8), byte(x >> 16), byte(x >> 24), byte(x >> 32), byte(x >> 40), byte(x >> 48), byte(x >> 56)})
	}
	o.seedWith(h.Sum64())
	return nil
}

// randbelow is a uniform int in [0, n), n > 0.
func (o *randomObj) randbelow(th *rt.Thread, n *big.Int) *big.Int {
	r := o.gen(th)
	if n.IsUint64() {
		return new(big.Int).SetUint64(r.Uint64N(n.Uint64()))
	}
	k := n.BitLen()
	for {
		x := o.bits(th, k)
		if x.Cmp(n) < 0 {
			return x
		}
	}
}

// bits is getrandbits(k).
func (o *randomObj) bits(th *rt.Thread, k int) *big.Int {
	r := o.gen(th)
	words := make([]big.Word, (k+63)/64)
	for i := range words {
		words[i] = big.Word(r.Uint64())
	}
	x := new(big.Int).SetBits(words)
	return x.Rsh(x, uint(len(words)*64-k))
}

func (o *randomObj) belowInt(th *rt.Thread, n int) int {
	return int(o.gen(th).Uint64N(uint64(n)))
}

// randIndex reads an integer argument of randrange, accepting integral
// floats as 3.11 still does, with its DeprecationWarnings.
func randIndex(th *rt.Thread, v rt.Value, what string, warn func(string)) (*big.Int, error) {
	if f, ok := v.(rt.Float); ok {
		if float64(f) != math.Trunc(float64(f)) || math.IsInf(float64(f), 0) {
			warn("randrange() will raise TypeError in the future")
			return nil, rt.NewError(rt.ValueErrorClass, "non-integer "+what+" for randrange()")
		}
		warn("non-integer arguments to randrange() have been deprecated since Python 3.10 and will be removed in a subsequent version")
		b, _ := big.NewFloat(float64(f)).Int(nil)
		return b, nil
	}
	if !isIndex(v) {
		iv, err := rt.IntOf(th, v)
		if err != nil {
			return nil, err
		}
		return stdBig(th, iv)
	}
	return stdBig(th, v)
}

// deprecation prints a DeprecationWarning for the caller's line, once
// per line and message, as the warnings module's default action does
// for code in __main__; randint's own calls (from module random) are
// not shown.
func (o *randomObj) deprecation(th *rt.Thread, direct bool) func(string) {
	return func(msg string) {
		if !direct || th.Frame == nil {
			return
		}
		key := th.Frame.File + ":" + itoa(th.Frame.Line) + ":" + msg
		if o.warned == nil {
			o.warned = map[string]bool{}
		}
		if !o.warned[key] {
			o.warned[key] = true
			th.Warn(th.Frame, "DeprecationWarning", msg)
		}
	}
}

func (o *randomObj) randrange(th *rt.Thread, start, stop, step rt.Value, direct bool) (rt.Value, error) {
	warn := o.deprecation(th, direct)
	istart, err := randIndex(th, start, "arg 1", warn)
	if err != nil {
		return nil, err
	}
	if stop == nil || stop == rt.None {
		if step != nil {
			return nil, rt.NewError(rt.TypeErrorClass, "Missing a non-None stop argument")
		}
		if istart.Sign() > 0 {
			return rt.MakeBig(o.randbelow(th, istart)), nil
		}
		return nil, rt.NewError(rt.ValueErrorClass, "empty range for randrange()")
	}
	istop, err := randIndex(th, stop, "stop", warn)
	if err != nil {
		return nil, err
	}
	width := new(big.Int).Sub(istop, istart)
	istep := big.NewInt(1)
	if step != nil {
		if istep, err = randIndex(th, step, "step", warn); err != nil {
			return nil, err
		}
	}
	if istep.IsInt64() && istep.Int64() == 1 {
		if width.Sign() > 0 {
			return rt.MakeBig(new(big.Int).Add(istart, o.randbelow(th, width))), nil
		}
		return nil, rt.NewError(rt.ValueErrorClass, "empty range for randrange() ("+istart.String()+", "+istop.String()+", "+width.String()+")")
	}
	var n *big.Int
	switch istep.Sign() {
	case 1:
		n = new(big.Int).Add(width, istep)
		n.Sub(n, big.NewInt(1))
	case -1:
		n = new(big.Int).Add(width, istep)
		n.Add(n, big.NewInt(1))
	default:
		return nil, rt.NewError(rt.ValueErrorClass, "zero step for randrange()")
	}
	n = floorDiv(n, istep)
	if n.Sign() <= 0 {
		return nil, rt.NewError(rt.ValueErrorClass, "empty range for randrange()")
	}
	r := o.randbelow(th, n)
	return rt.MakeBig(r.Add(istart, r.Mul(r, istep))), nil
}

// gauss is CPython's Random.gauss, with its cached second value.
func (o *randomObj) gauss(th *rt.Thread, mu, sigma float64) float64 {
	var z float64
	if o.gaussNext != nil {
		z = *o.gaussNext
		o.gaussNext = nil
	} else {
		x2pi := o.random(th) * 2 * math.Pi
		g2rad := math.Sqrt(-2.0 * math.Log(1.0-o.random(th)))
		z = math.Cos(x2pi) * g2rad
		next := math.Sin(x2pi) * g2rad
		o.gaussNext = &next
	}
	return mu + z*sigma
}

func (o *randomObj) normalvariate(th *rt.Thread, mu, sigma float64) float64 {
	magic := 4 * math.Exp(-0.5) / math.Sqrt(2.0)
	for {
		u1 := o.random(th)
		u2 := 1.0 - o.random(th)
		z := magic * (u1 - 0.5) / u2
		if z*z/4.0 <= -math.Log(u2) {
			return mu + z*sigma
		}
	}
}

// floorDiv is Python's a // b for big ints.
func floorDiv(a, b *big.Int) *big.Int {
	q, m := new(big.Int).DivMod(a, b, new(big.Int)) // Euclidean: m >= 0
	if m.Sign() != 0 && b.Sign() < 0 {
		q.Sub(q, big.NewInt(1))
	}
	return q
}
