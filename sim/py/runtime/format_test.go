package runtime

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"os/exec"
	"strings"
	"testing"
)

// python runs a Python 3 program on stdin and returns its stdout; the test
// is skipped when python3 is absent (.ci/run makes sure it is not).
func python(t *testing.T, program, stdin string) string {
	t.Helper()
	path, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: the oracle is unavailable")
	}
	cmd := exec.Command(path, "-c", program)
	cmd.Stdin = strings.NewReader(stdin)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.String())
	}
	return string(out)
}

// formatCase is one format(value, spec) call; Kind is "int", "float" or
// "str" and Value its text.
type formatCase struct {
	Kind, Value, Spec string
}

var (
	formatFloats = []string{"0.0", "-0.0", "1.0", "0.1", "1/3", "2/3", "123.456", "1e16", "1e15",
		"1.5e-7", "12345678.9", "2.5", "0.5", "1e100", "9.999999", "9.9999999", "inf", "-inf", "nan",
		"-1.5", "1234.5", "123.0", "100.0", "1e-5", "0.0001", "0.00001234", "-0.004", "5e-324", "1.7976931348623157e308", "0.125", "0.375", "1e21", "123456789.123456789", "-99.5"}
	formatInts = []string{"0", "1", "-1", "42", "255", "1234567", "-1234567", "2**64", "-(2**70)", "65", "1000", "-255", "10**30", "1114111", "1114112"}
	formatStrs = []string{"''", "'a'", "'hello'", "'héllo'"}
	floatSpecs = []string{"", "f", ".2f", ".0f", "#.0f", "10.3f", "<10.3f", "^10.3f", "=+10.3f", "010.3f", "+.1f", " .1f", "e", ".3e", "#.0e", "E", "g", ".3g", "#.3g", ".10g", "G", "%", ".1%", ",", ",.2f", "_.2f", "012,.2f", ".3", ".0", ".1", "#", "10", "010", "*^12.4", "z.1f", "z.0f", "n", "d", "x", ".2s", "+", ".20f", ".17g", ".17", "#g", "#.0g", "-012.3f", "+012.3e", "é>10.2f", "0=10.1f", "_", "_g", ".0%", "#.0%", "15,.4e"}
	intSpecs   = []string{"", "d", "5d", "<5", "^7", "=+8", "08", "+", " ", "-", ",", "_", "08,", "012_", "b", "#b", "o", "#o", "x", "#x", "X", "#X", "_x", "#012_x", ",x", "c", ".2f", "e", "%", "g", "n", "s", ".2", "z", "#10o", "*>6", "+#010x", "-#10b", " 012,", "é^9", "0<6", "#_b", "_o"}
	strSpecs   = []string{"", "s", "10", "<10", ">10", "^9", "*^9", ".2", "10.3", "05", "+", "=", "#", "d", ",", "z", "é^7.1", "0>5", ""}
)

// TestFormatMatchesCPython checks FormatFloat, FormatInt and FormatStr,
// including their errors, against CPython's format() on the whole table.
func TestFormatMatchesCPython(t *testing.T) {
	var cases []formatCase
	for _, v := range formatFloats {
		for _, s := range floatSpecs {
			cases = append(cases, formatCase{"float", v, s})
		}
	}
	for _, v := range formatInts {
		for _, s := range intSpecs {
			cases = append(cases, formatCase{"int", v, s})
		}
	}
	for _, v := range formatStrs {
		for _, s := range strSpecs {
			cases = append(cases, formatCase{"str", v, s})
		}
	}
	in, _ := json.Marshal(cases)
	out := python(t, `
import json, sys
res = []
for c in json.load(sys.stdin):
    v = eval(c["Value"]) if c["Kind"] != "float" else (float(c["Value"]) if c["Value"] in ("inf", "-inf", "nan") else float(eval(c["Value"])))
    try:
        res.append(format(v, c["Spec"]))
    except Exception as e:
        res.append("%s: %s" % (type(e).__name__, e))
print(json.dumps(res))
`, string(in))
	var want []string
	if err := json.Unmarshal([]byte(out), &want); err != nil {
		t.Fatal(err)
	}
	failures := 0
	for i, c := range cases {
		got := goFormat(c)
		if got != want[i] && failures < 40 {
			failures++
			t.Errorf("format(%s %s, %q) = %q, CPython %q", c.Kind, c.Value, c.Spec, got, want[i])
		}
	}
	t.Logf("%d cases checked against CPython", len(cases))
}

func goFormat(c formatCase) string {
	spec, err := ParseFormatSpec(c.Spec, c.Kind)
	var s string
	if err == nil {
		switch c.Kind {
		case "float":
			s, err = FormatFloat(evalFloat(c.Value), spec)
		case "int":
			s, err = FormatInt(evalInt(c.Value), spec)
		default:
			s, err = FormatStr(strings.Trim(c.Value, "'"), spec)
		}
	}
	switch e := err.(type) {
	case nil:
		return s
	case *OverflowError:
		return "OverflowError: " + e.Msg
	}
	return "ValueError: " + err.Error()
}

func evalFloat(v string) float64 {
	switch v {
	case "1/3":
		return 1.0 / 3
	case "2/3":
		return 2.0 / 3
	case "inf":
		return math.Inf(1)
	case "-inf":
		return math.Inf(-1)
	case "nan":
		return math.NaN()
	}
	var f float64
	fmt.Sscan(v, &f)
	return f
}

func evalInt(v string) *big.Int {
	switch v {
	case "2**64":
		return new(big.Int).Lsh(big.NewInt(1), 64)
	case "-(2**70)":
		return new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 70))
	case "10**30":
		return new(big.Int).Exp(big.NewInt(10), big.NewInt(30), nil)
	}
	n, _ := new(big.Int).SetString(v, 10)
	return n
}

// TestFloatReprMatchesCPython compares FloatRepr with repr() on special
// values, powers of ten around the notation switch, and random bit
// patterns.
func TestFloatReprMatchesCPython(t *testing.T) {
	fs := []float64{0, math.Copysign(0, -1), 0.1, 0.2 + 0.1, 1e16, 1e15, 9999999999999998, 1e-4, 1e-5,
		123456789012345678, 1.5, 100, 1e22, 1e-7, 5e-324, math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN(), -2.5}
	for e := -30; e <= 30; e++ {
		fs = append(fs, math.Pow(10, float64(e)), 1.25*math.Pow(10, float64(e)))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		f := math.Float64frombits(r.Uint64())
		if !math.IsNaN(f) {
			fs = append(fs, f)
		}
	}
	var bits []string
	for _, f := range fs {
		bits = append(bits, fmt.Sprintf("%016x", math.Float64bits(f)))
	}
	out := python(t, `
import struct, sys
for line in sys.stdin:
    print(repr(struct.unpack('>d', bytes.fromhex(line.strip()))[0]))
`, strings.Join(bits, "\n")+"\n")
	want := strings.Split(strings.TrimSpace(out), "\n")
	for i, f := range fs {
		if got := FloatRepr(f); got != want[i] {
			t.Errorf("FloatRepr(%v) = %q, CPython %q", f, got, want[i])
		}
	}
}
