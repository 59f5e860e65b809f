package runtime

import (
	"encoding/json"
	"math"
	"math/big"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
)

// TestRoundMatchesCPython rounds random floats (many of them exact
// binary fractions, where half-even matters) to random numbers of digits.
func TestRoundMatchesCPython(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	type rc struct {
		X string
		N int
	}
	var cases []rc
	for range 3000 {
		var x float64
		switch rng.IntN(4) {
		case 0:
			x = float64(rng.IntN(20000)-10000) / 8
		case 1:
			x = (rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(30)-15))
		case 2:
			x = float64(rng.IntN(1000)) + 0.5
		default:
			x = math.Float64frombits(rng.Uint64())
			if math.IsNaN(x) || math.IsInf(x, 0) {
				x = 1.5
			}
		}
		cases = append(cases, rc{FloatRepr(x), rng.IntN(40) - 15})
	}
	in, _ := json.Marshal(cases)
	out := python(t, `
import json, sys
res = []
for c in json.load(sys.stdin):
    try:
        res.append(repr(round(float(c["X"]), c["N"])))
    except Exception as e:
        res.append(type(e).__name__ + ": " + str(e))
print(json.dumps(res))
`, string(in))
	var want []string
	if err := json.Unmarshal([]byte(out), &want); err != nil {
		t.Fatal(err)
	}
	th := NewThread(NewInterp(), nil)
	round := Builtins["round"]
	bad := 0
	for i, c := range cases {
		f, _ := ParseFloat(c.X)
		v, err := Call(th, round, []Value{Float(f), MakeInt(int64(c.N))}, nil)
		if got := oracleRepr(th, v, err); got != want[i] && bad < 20 {
			bad++
			t.Errorf("round(%s, %d) = %s, CPython %s", c.X, c.N, got, want[i])
		}
	}
	oracleCount += len(cases)
}

// TestSortStable sorts random records by a key with few values and checks
// the result against Go's stable sort, forwards and reversed.
func TestSortStable(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	th := NewThread(NewInterp(), nil)
	key := &Builtin{Name: "first", Fn: func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		return args[0].(Tuple)[0], nil
	}}
	for _, n := range []int{0, 1, 2, 5, 31, 63, 64, 65, 100, 257, 1000, 5000} {
		for _, reverse := range []bool{false, true} {
			items := make([]Value, n)
			for i := range items {
				items[i] = Tuple{MakeInt(int64(rng.IntN(7))), MakeInt(int64(i))}
			}
			want := append([]Value(nil), items...)
			sort.SliceStable(want, func(i, j int) bool {
				a, b := want[i].(Tuple)[0].(Int), want[j].(Tuple)[0].(Int)
				if reverse {
					return a > b
				}
				return a < b
			})
			if err := SortValues(th, items, key, reverse); err != nil {
				t.Fatal(err)
			}
			for i := range items {
				if items[i].(Tuple)[1] != want[i].(Tuple)[1] {
					t.Fatalf("n=%d reverse=%v: item %d is %v, want %v", n, reverse, i, items[i], want[i])
				}
			}
		}
	}
}

// TestIntParseRoundTrip parses random ints in every base.
func TestIntParseRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := new(big.Int)
		for range rng.IntN(4) + 1 {
			b.Lsh(b, 60).Add(b, new(big.Int).SetUint64(rng.Uint64()>>4))
		}
		if rng.IntN(2) == 0 {
			b.Neg(b)
		}
		base := rng.IntN(35) + 2
		s := b.Text(base)
		if rng.IntN(2) == 0 {
			s = strings.ToUpper(s)
		}
		v, err := ParseInt("  "+s+"\n", base)
		if err != nil || v == nil || bigOf(v).Cmp(b) != 0 {
			t.Fatalf("ParseInt(%q, %d) = %v, %v; want %v", s, base, v, err, b)
		}
	}
}

// TestListModifiedDuringSort has a key function append to the list.
func TestListModifiedDuringSort(t *testing.T) {
	th := NewThread(NewInterp(), nil)
	l := &List{Items: []Value{Int(3), Int(1), Int(2)}}
	key := &Builtin{Name: "k", Fn: func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if len(l.Items) != 0 && l.Items[0] != Int(9) {
			t.Errorf("the list is not empty while it sorts: %v", l.Items)
		}
		l.Items = append(l.Items, Int(9))
		return args[0], nil
	}}
	m, _ := GetAttr(th, l, "sort")
	_, err := Call(th, m, nil, &Kwargs{Names: []string{"key"}, Values: []Value{key}})
	if got := oracleRepr(th, nil, err); got != "ValueError: list modified during sort" {
		t.Errorf("got %s", got)
	}
	if r, _ := Repr(th, l); r != "[1, 2, 3]" {
		t.Errorf("list after the failed sort: %s", r)
	}
}
