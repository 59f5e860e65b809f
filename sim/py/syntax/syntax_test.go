package syntax

import (
	"strings"
	"testing"
)

// These tests do not need python3; the oracle tests cover the rest.

func TestErrorRendering(t *testing.T) {
	_, err := Parse("<main>", "x = 1\n\nif x = 1:\n    pass\n")
	want := `  File "<main>", line 3
    if x = 1:
       ^^^^^
SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?`
	if err == nil || err.Error() != want {
		t.Fatalf("got:\n%v\nwant:\n%s", err, want)
	}
	e := err.(*SyntaxError)
	if e.Kind != KindSyntax || e.Line != 3 || e.Col != 4 || e.EndCol != 9 || e.Text != "if x = 1:" {
		t.Fatalf("fields: %#v", e)
	}
}

func TestIndentationErrorKind(t *testing.T) {
	_, err := Parse("<main>", "if x:\npass\n")
	e, ok := err.(*SyntaxError)
	if !ok || e.Kind != KindIndentation || e.Kind.String() != "IndentationError" {
		t.Fatalf("got %#v", err)
	}
	_, err = Parse("<main>", "if x:\n\tpass\n        pass\n")
	if e, ok := err.(*SyntaxError); !ok || e.Kind != KindTab {
		t.Fatalf("got %#v", err)
	}
}

func TestImaginaryLiteralsRejected(t *testing.T) {
	for _, src := range []string{"x = 1j\n", "x = 2.5J + 1\n", "f(1e3j)\n"} {
		_, err := Parse("<main>", src)
		if err == nil || !strings.Contains(err.Error(), "imaginary literals are not supported") {
			t.Errorf("%q: got %v", src, err)
		}
	}
}

func TestNullByte(t *testing.T) {
	_, err := Parse("<main>", "x = 1\x00\n")
	if err == nil || !strings.Contains(err.Error(), "null bytes") {
		t.Fatalf("got %v", err)
	}
}

func TestPositionsAndValues(t *testing.T) {
	src := "x = 'é' + 123456789012345678901234567890\r\nprint(f'{x!r}', b'\\x00')\n"
	mod, err := Parse("<main>", src)
	if err != nil {
		t.Fatal(err)
	}
	assign := mod.Body[0].(*Assign)
	bin := assign.Value.(*BinOp)
	if s := bin.Left.(*Constant).Value.(string); s != "é" {
		t.Errorf("string value %q", s)
	}
	if n := bin.Right.(*Constant).Value; reprConst(n) != "123456789012345678901234567890" {
		t.Errorf("int value %v", n)
	}
	// Columns are UTF-8 byte columns, like CPython's col_offset.
	if p := bin.Right.Start(); p.Line != 1 || p.Col != 11 || p.Offset != 11 {
		t.Errorf("int position %+v", p)
	}
	call := mod.Body[1].(*ExprStmt).Value.(*Call)
	if p := call.Start(); p.Line != 2 || p.Col != 0 || p.Offset != 42 {
		t.Errorf("call position %+v (offsets count \\r\\n as one byte)", p)
	}
	if b := call.Args[1].(*Constant).Value.(Bytes); b != "\x00" {
		t.Errorf("bytes value %q", b)
	}
	fv := call.Args[0].(*JoinedStr).Values[0].(*FormattedValue)
	if fv.Conversion != ConvRepr || fv.Value.(*Name).Start().Col != 9 {
		t.Errorf("formatted value %+v", fv)
	}
}

func TestInspectVisitsEveryName(t *testing.T) {
	mod, err := Parse("<main>", "def f(a=b):\n    return [c for d in e if g] + {h: i}[j]\n")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	Inspect(mod, func(n Node) bool {
		if n, ok := n.(*Name); ok {
			names = append(names, n.Id)
		}
		return true
	})
	if got := strings.Join(names, " "); got != "b c d e g h i j" {
		t.Fatalf("got %q", got)
	}
}

func TestReprFloat(t *testing.T) {
	for f, want := range map[float64]string{
		1: "1.0", 0.1: "0.1", 1e16: "1e+16", 1e15: "1000000000000000.0", 0.0001: "0.0001",
		0.00001: "1e-05", 1.5e300: "1.5e+300", 123.456: "123.456", 2.5e-7: "2.5e-07",
	} {
		if got := ReprFloat(f); got != want {
			t.Errorf("ReprFloat(%v) = %s, want %s", f, got, want)
		}
	}
}
