package runtime

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"testing"
)

// TestHashMatchesCPython compares hash() of ints, floats, bools and tuples
// of them with CPython's, which fixes the iteration order of their sets.
func TestHashMatchesCPython(t *testing.T) {
	th := NewThread(NewInterp(), nil)
	exprs := []string{"0", "1", "-1", "-2", "42", "2**61-1", "2**61", "2**64+5", "-(2**70)", "10**30",
		"0.0", "-0.0", "1.0", "1.5", "-2.25", "0.1", "1e300", "1e-300", "2.0**70", "float('inf')", "float('-inf')",
		"True", "False", "()", "(1,)", "(1, 2)", "(1, (2, 3))", "(0.5, -1, True)"}
	out := python(t, `
import sys
for line in sys.stdin:
    print(hash(eval(line)))
`, strings.Join(exprs, "\n")+"\n")
	want := strings.Fields(out)
	vals := []Value{Int(0), Int(1), Int(-1), Int(-2), Int(42), Int(1<<61 - 1), MakeBig(big.NewInt(1 << 61)),
		MakeBig(new(big.Int).Add(new(big.Int).Lsh(big.NewInt(1), 64), big.NewInt(5))),
		MakeBig(new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 70))),
		MakeBig(new(big.Int).Exp(big.NewInt(10), big.NewInt(30), nil)),
		Float(0), Float(negZero()), Float(1), Float(1.5), Float(-2.25), Float(0.1), Float(1e300), Float(1e-300), Float(1 << 62 * 256.0),
		Float(inf(1)), Float(inf(-1)), True, False, Tuple{}, Tuple{Int(1)}, Tuple{Int(1), Int(2)},
		Tuple{Int(1), Tuple{Int(2), Int(3)}}, Tuple{Float(0.5), Int(-1), True}}
	for i, v := range vals {
		h, err := Hash(th, v)
		if err != nil || strconv.FormatInt(h, 10) != want[i] {
			t.Errorf("hash(%s) = %d (%v), CPython %s", exprs[i], h, err, want[i])
		}
	}
}

func negZero() float64 { return math.Copysign(0, -1) }

func inf(sign int) float64 { return math.Inf(sign) }
