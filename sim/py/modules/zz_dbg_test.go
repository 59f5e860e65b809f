package modules

import (
	"math"
	"math/big"
	"testing"
)

func TestDbgReduce(t *testing.T) {
	x := 1e10
	r, q := ddReduce(x)
	pi, _, _ := big.ParseFloat("3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798", 10, 400, big.ToNearestEven)
	half := new(big.Float).SetPrec(400).Quo(pi, big.NewFloat(2))
	k := math.Round(x / ddPiOver2[0])
	exact := new(big.Float).SetPrec(400).Sub(big.NewFloat(x).SetPrec(400), new(big.Float).SetPrec(400).Mul(half, big.NewFloat(k)))
	got := new(big.Float).SetPrec(400).Add(big.NewFloat(r.hi), big.NewFloat(r.lo))
	diff := new(big.Float).Sub(got, exact)
	t.Log(q, exact.Text('g', 30), got.Text('g', 30), diff.Text('g', 5))
	s, c := ddSinCos(r)
	t.Log(s.hi, s.lo, c.hi)
	p1 := ddTwoProd(k, ddPiOver2[0])
	t.Log(p1.hi, p1.lo, k)
}
