package runtime

import (
	"strings"
	"testing"
)

func callMethod(t *testing.T, th *Thread, obj Value, name string, args ...Value) Value {
	t.Helper()
	m, err := GetAttr(th, obj, name)
	if err != nil {
		t.Fatal(err)
	}
	v, err := Call(th, m, args, nil)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestSetOpsOrderMatchesCPython builds sets as a program would (displays
// of constants, set(range(...)), methods and operators) and compares
// the iteration order of the results with CPython's.
func TestSetOpsOrderMatchesCPython(t *testing.T) {
	th := NewThread(NewInterp(), nil)
	out := python(t, `
s = {9, 17, 1, 33}; print(s.pop(), s.pop(), s)
a = {-1, -2, 2**61, 2**64, 0.5, 1.5, 1000000, 3}
print(a | {7}, a & {3, -1, 1.5}, a - {3}, a ^ {7, 3})
b = set(range(100)); b.difference_update(range(0, 100, 2)); print(b.pop(), b.pop(), len(b))
c = set(range(0, 64, 3)); print(c.symmetric_difference(range(0, 64, 5)))
d = set(range(10)); d.intersection_update([9, 3, 1, 100]); print(d, d.pop(), d)
e = {100, 200, 300}; print(e.union([1, 2, 3], {400}))
f = {5, 6, 7}; f.update(range(20, 10, -1)); print(f)
g = frozenset(range(30)) - {1, 2}; print(g)
`, "")
	want := strings.Split(strings.TrimSpace(out), "\n")
	lit := func(xs ...Value) *Set {
		s, err := SetFromConstants(th, xs)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	rng := func(a, b, c int64) Value { return NewRange(a, b, c) }
	setOf := func(v Value) Value {
		s, err := Call(th, SetClass, []Value{v}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	bin := func(op Op, a, b Value) Value {
		v, err := BinaryOp(th, op, a, b)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	reprs := func(vs ...Value) string {
		var parts []string
		for _, v := range vs {
			r, err := Repr(th, v)
			if err != nil {
				t.Fatal(err)
			}
			parts = append(parts, r)
		}
		return strings.Join(parts, " ")
	}
	var got []string
	s := lit(Int(9), Int(17), Int(1), Int(33))
	p1 := callMethod(t, th, s, "pop")
	p2 := callMethod(t, th, s, "pop")
	got = append(got, reprs(p1, p2, s))
	b61, _, _ := Arith(OpPow, Int(2), Int(61))
	b64, _, _ := Arith(OpPow, Int(2), Int(64))
	a := lit(Int(-1), Int(-2), b61, b64, Float(0.5), Float(1.5), Int(1000000), Int(3))
	got = append(got, reprs(bin(OpOr, a, lit(Int(7))), bin(OpAnd, a, lit(Int(3), Int(-1), Float(1.5))), bin(OpSub, a, lit(Int(3))), bin(OpXor, a, lit(Int(7), Int(3)))))
	b := setOf(rng(0, 100, 1))
	callMethod(t, th, b, "difference_update", rng(0, 100, 2))
	got = append(got, reprs(callMethod(t, th, b, "pop"), callMethod(t, th, b, "pop"), Int(b.(*Set).Len())))
	c := setOf(rng(0, 64, 3))
	got = append(got, reprs(callMethod(t, th, c, "symmetric_difference", rng(0, 64, 5))))
	d := setOf(rng(0, 10, 1))
	callMethod(t, th, d, "intersection_update", &List{Items: []Value{Int(9), Int(3), Int(1), Int(100)}})
	popped := callMethod(t, th, d, "pop")
	got = append(got, reprs(d, popped, d))
	e := lit(Int(100), Int(200), Int(300))
	got = append(got, reprs(callMethod(t, th, e, "union", &List{Items: []Value{Int(1), Int(2), Int(3)}}, lit(Int(400)))))
	f := lit(Int(5), Int(6), Int(7))
	callMethod(t, th, f, "update", rng(20, 10, -1))
	got = append(got, reprs(f))
	fz, err := Call(th, FrozenSetClass, []Value{rng(0, 30, 1)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	s12, _ := NewSetFrom(th, &List{Items: []Value{Int(1), Int(2)}}, false)
	got = append(got, reprs(bin(OpSub, fz, s12)))
	for i := range want {
		if i >= len(got) || got[i] != want[i] {
			t.Errorf("line %d:\n got  %v\n want %s", i, got[i], want[i])
		}
	}
}
