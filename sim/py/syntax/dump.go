package syntax

import (
	"strconv"
	"strings"
)

// Dump returns the text that CPython 3.11's ast.dump(node) prints for the
// same source: no indentation, no positions. It is the oracle the tests
// compare with the machine's python3.
func Dump(n Node) string {
	d := &dumper{}
	d.node(n)
	return d.b.String()
}

// dumpWithPositions is ast.dump(node, include_attributes=True).
func dumpWithPositions(n Node) string {
	d := &dumper{attrs: true}
	d.node(n)
	return d.b.String()
}

type dumper struct {
	b     strings.Builder
	attrs bool
	first []bool // per open node: no field written yet
}

func (d *dumper) open(name string) {
	d.b.WriteString(name)
	d.b.WriteByte('(')
	d.first = append(d.first, true)
}

func (d *dumper) close(n Node) {
	if n != nil && d.attrs {
		s, e := n.Start(), n.End()
		d.int("lineno", s.Line)
		d.int("col_offset", s.Col)
		d.int("end_lineno", e.Line)
		d.int("end_col_offset", e.Col)
	}
	d.first = d.first[:len(d.first)-1]
	d.b.WriteByte(')')
}

func (d *dumper) field(name string) {
	top := len(d.first) - 1
	if !d.first[top] {
		d.b.WriteString(", ")
	}
	d.first[top] = false
	d.b.WriteString(name)
	d.b.WriteByte('=')
}

func (d *dumper) raw(name, value string) {
	d.field(name)
	d.b.WriteString(value)
}

func (d *dumper) int(name string, v int) { d.raw(name, strconv.Itoa(v)) }

func (d *dumper) boolInt(name string, v bool) {
	if v {
		d.raw(name, "1")
	} else {
		d.raw(name, "0")
	}
}

func (d *dumper) expr(name string, e Expr) {
	d.field(name)
	d.node(e)
}

func (d *dumper) child(name string, n Node) {
	d.field(name)
	d.node(n)
}

func (d *dumper) list(name string, n int, item func(int)) {
	d.field(name)
	d.b.WriteByte('[')
	for i := 0; i < n; i++ {
		if i > 0 {
			d.b.WriteString(", ")
		}
		item(i)
	}
	d.b.WriteByte(']')
}

func (d *dumper) exprs(name string, list []Expr) {
	d.list(name, len(list), func(i int) {
		if list[i] == nil {
			d.b.WriteString("None")
		} else {
			d.node(list[i])
		}
	})
}

func (d *dumper) stmts(name string, list []Stmt) {
	d.list(name, len(list), func(i int) { d.node(list[i]) })
}

func (d *dumper) strs(name string, list []string) {
	d.list(name, len(list), func(i int) { d.b.WriteString(reprStr(list[i])) })
}

func (d *dumper) cmpops(name string, list []CmpOp) {
	d.list(name, len(list), func(i int) { d.b.WriteString(list[i].String() + "()") })
}
