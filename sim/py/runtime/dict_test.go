package runtime

import (
	"math"
	"strings"
	"testing"
)

// TestDictMatchesCPython pins key normalisation (1, 1.0 and True are one
// key that keeps its first spelling), order after deletes and re-inserts,
// tuple and big keys, nested reprs and equality, against CPython.
func TestDictMatchesCPython(t *testing.T) {
	th := NewThread(NewInterp(), nil)
	out := python(t, `
d = {1: 'a', 1.0: 'b', True: 'c', 'x': 1, (1, 2): 'tuple', 2**70: 'big', 0.5: 'half', None: 'none'}
print(d)
del d['x']; d['y'] = 2; d['x'] = 3; del d[1.0]; d[1] = 'again'
print(d)
d2 = {}
for i in range(100): d2[i] = i
for i in range(0, 100, 3): del d2[i]
print(list(d2)[:10], len(d2))
print({'a': 1, 'b': [1, 2]} == {'b': [1, 2], 'a': 1}, {'a': 1} == {'a': 1.0}, {'a': 1} != {'a': 2})
n = {}; n['self'] = n; print(n)
print(hash(frozenset({1, 2, 3})), hash(frozenset()))
`, "")
	want := strings.Split(strings.TrimSpace(out), "\n")
	big70, _, _ := Arith(OpPow, Int(2), Int(70))
	d := NewDict()
	for _, kv := range [][2]Value{{Int(1), Str("a")}, {Float(1.0), Str("b")}, {True, Str("c")}, {Str("x"), Int(1)},
		{Tuple{Int(1), Int(2)}, Str("tuple")}, {big70, Str("big")}, {Float(0.5), Str("half")}, {None, Str("none")}} {
		must(t, d.Set(th, kv[0], kv[1]))
	}
	got := []string{}
	r, _ := d.Repr(th)
	got = append(got, r)
	d.Delete(th, Str("x"))
	d.Set(th, Str("y"), Int(2))
	d.Set(th, Str("x"), Int(3))
	d.Delete(th, Float(1.0))
	d.Set(th, Int(1), Str("again"))
	r, _ = d.Repr(th)
	got = append(got, r)
	d2 := NewDict()
	for i := range 100 {
		d2.Set(th, MakeInt(int64(i)), MakeInt(int64(i)))
	}
	for i := 0; i < 100; i += 3 {
		d2.Delete(th, MakeInt(int64(i)))
	}
	keys, _ := Repr(th, &List{Items: d2.Keys()[:10]})
	got = append(got, keys+" "+itoa(int64(d2.Len())))
	eq := func(a, b *Dict, op CmpOp) string {
		r, _, _ := a.Compare(th, op, b)
		s, _ := Repr(th, r)
		return s
	}
	a1 := NewDict()
	a1.Set(th, Str("a"), Int(1))
	a1.Set(th, Str("b"), &List{Items: []Value{Int(1), Int(2)}})
	b1 := NewDict()
	b1.Set(th, Str("b"), &List{Items: []Value{Int(1), Int(2)}})
	b1.Set(th, Str("a"), Int(1))
	c1, c2, c3 := NewDict(), NewDict(), NewDict()
	c1.Set(th, Str("a"), Int(1))
	c2.Set(th, Str("a"), Float(1))
	c3.Set(th, Str("a"), Int(2))
	got = append(got, eq(a1, b1, CmpEq)+" "+eq(c1, c2, CmpEq)+" "+eq(c1, c3, CmpNe))
	n := NewDict()
	n.Set(th, Str("self"), n)
	r, _ = n.Repr(th)
	got = append(got, r)
	fs, _ := SetFromConstants(th, []Value{Int(1), Int(2), Int(3)})
	fs.Frozen = true
	h1, _ := fs.Hash(th)
	h2, _ := (&Set{table: make([]setEntry, 8), Frozen: true}).Hash(th)
	got = append(got, itoa(h1)+" "+itoa(h2))
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, got[i], want[i])
		}
	}
	// A NaN key is found by itself (CPython: by identity).
	nan := Float(math.NaN())
	d3 := NewDict()
	d3.Set(th, nan, Int(1))
	if _, found, _ := d3.Get(th, nan); !found {
		t.Error("a NaN key is not found by itself")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
