package runtime

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// TestSetOrderMatchesCPython builds sets of ints by adding, removing and
// merging, and compares their iteration order with CPython's.
func TestSetOrderMatchesCPython(t *testing.T) {
	th := NewThread(NewInterp(), nil)
	out := python(t, `
print(list({40, 9, 17, 1, 33, 25, 8, 16}))
print(list(set([40, 9, 17, 1, 33, 25, 8, 16])))
s = set()
for i in range(0, 200, 7): s.add(i * 13 % 101)
for i in range(0, 200, 11): s.discard(i % 101)
print(list(s))
print(list(set(s)))
print(list({-1, -2, 2**61, 2**64, 0.5, 1.5, 1000000, 3}))
big = set(range(100, 0, -3)); big |= set(range(0, 50, 2))
print(list(big))
`, "")
	want := strings.Split(strings.TrimSpace(out), "\n")
	list := func(s *Set) string {
		r, _ := Repr(th, &List{Items: s.Items()})
		return r
	}
	ints := func(xs ...int) []Value {
		out := make([]Value, len(xs))
		for i, x := range xs {
			out[i] = MakeInt(int64(x))
		}
		return out
	}
	var got []string
	lit, _ := SetFromConstants(th, ints(40, 9, 17, 1, 33, 25, 8, 16))
	got = append(got, list(lit))
	s1 := NewSet()
	for _, x := range ints(40, 9, 17, 1, 33, 25, 8, 16) {
		s1.Add(th, x)
	}
	got = append(got, list(s1))
	s := NewSet()
	for i := 0; i < 200; i += 7 {
		s.Add(th, MakeInt(int64(i*13%101)))
	}
	for i := 0; i < 200; i += 11 {
		s.Discard(th, MakeInt(int64(i%101)))
	}
	got = append(got, list(s))
	c := NewSet()
	c.Merge(th, s)
	got = append(got, list(c))
	two61, _, _ := Arith(OpPow, Int(2), Int(61))
	two64, _, _ := Arith(OpPow, Int(2), Int(64))
	mixed, _ := SetFromConstants(th, []Value{Int(-1), Int(-2), two61, two64, Float(0.5), Float(1.5), Int(1000000), Int(3)})
	got = append(got, list(mixed))
	big := NewSet()
	for i := 100; i > 0; i -= 3 {
		big.Add(th, MakeInt(int64(i)))
	}
	evens := NewSet()
	for i := 0; i < 50; i += 2 {
		evens.Add(th, MakeInt(int64(i)))
	}
	big.Merge(th, evens)
	got = append(got, list(big))
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("case %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
}

// TestSetDisplayOrderMatchesCPython compiles random displays of constant
// ints (sizes 3 to 40, small and large values, duplicates) in CPython and
// compares their order with SetFromConstants.
func TestSetDisplayOrderMatchesCPython(t *testing.T) {
	th := NewThread(NewInterp(), nil)
	r := rand.New(rand.NewPCG(5, 6))
	var program strings.Builder
	var displays [][]int64
	for n := 3; n <= 40; n++ {
		var xs []int64
		var parts []string
		for range n {
			x := int64(r.IntN(200)) - 20
			if r.IntN(4) == 0 {
				x = r.Int64N(1 << 40)
			}
			xs = append(xs, x)
			parts = append(parts, strconv.FormatInt(x, 10))
		}
		displays = append(displays, xs)
		program.WriteString("print(list({" + strings.Join(parts, ", ") + "}))\n")
	}
	want := strings.Split(strings.TrimSpace(python(t, program.String(), "")), "\n")
	for i, xs := range displays {
		items := make([]Value, len(xs))
		for j, x := range xs {
			items[j] = MakeInt(x)
		}
		s, err := SetFromConstants(th, items)
		got, _ := Repr(th, &List{Items: s.Items()})
		if err != nil || got != want[i] {
			t.Errorf("display of %d items:\n got %s\nwant %s", len(xs), got, want[i])
		}
	}
}
