package runtime

import "strings"

// Attributer is implemented by runtime values with attributes of their
// own that no class dict holds (a function's __name__, a generator's
// gi_running, an exception's args).
type Attributer interface {
	Attr(th *Thread, name string) (Value, bool, error)
}

// Attr gives functions their introspection attributes.
func (f *Function) Attr(th *Thread, name string) (Value, bool, error) {
	switch name {
	case "__name__":
		return Str(f.Name), true, nil
	case "__qualname__":
		return Str(f.QualName), true, nil
	case "__module__":
		return Str(f.Module), true, nil
	case "__doc__":
		if f.Code.doc == nil {
			return None, true, nil
		}
		return f.Code.doc, true, nil
	case "__defaults__":
		if len(f.Defaults) == 0 {
			return None, true, nil
		}
		return Tuple(append([]Value(nil), f.Defaults...)), true, nil
	case "__dict__":
		d := NewDict()
		for _, k := range f.Namespace().Keys() {
			v, _ := f.Dict.Get(k)
			d.SetStr(k, v)
		}
		return d, true, nil
	}
	return nil, false, nil
}

// Attr gives generators and coroutines their names.
func (g *Generator) Attr(th *Thread, name string) (Value, bool, error) {
	switch name {
	case "__name__":
		return Str(g.fn.Name), true, nil
	case "__qualname__":
		return Str(g.fn.QualName), true, nil
	}
	return nil, false, nil
}

// Attr gives modules their __name__.
func (m *Module) Attr(th *Thread, name string) (Value, bool, error) {
	if name == "__name__" {
		return Str(m.Name), true, nil
	}
	return nil, false, nil
}

// dirNames is dir(obj) as Go strings, for suggestions.
func dirNames(obj Value) []string {
	l := Dir(obj)
	out := make([]string, len(l.Items))
	for i, v := range l.Items {
		out[i] = string(v.(Str))
	}
	return out
}

// Suggest is CPython 3.11's "Did you mean" search: the candidate closest
// to name by an edit distance where a case change costs half a move, if
// it is close enough (at most a third of the characters involved).
func Suggest(candidates []string, name string) string {
	if len(candidates) >= 750 {
		return ""
	}
	best, bestDist := "", int(^uint(0)>>1)
	for _, c := range candidates {
		if c == name {
			continue
		}
		maxDist := (len(name) + len(c) + 3) * moveCost / 6
		maxDist = min(maxDist, bestDist-1)
		d := levenshtein(name, c, maxDist)
		if d > maxDist {
			continue
		}
		if best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

const (
	moveCost = 2
	caseCost = 1
)

func substitutionCost(a, b byte) int {
	if a&31 != b&31 {
		return moveCost
	}
	if a == b {
		return 0
	}
	if 'A' <= a && a <= 'Z' {
		a += 'a' - 'A'
	}
	if 'A' <= b && b <= 'Z' {
		b += 'a' - 'A'
	}
	if a == b {
		return caseCost
	}
	return moveCost
}

// levenshtein is CPython's levenshtein_distance, early exits included.
func levenshtein(a, b string, maxCost int) int {
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return (len(a) + len(b)) * moveCost
	}
	if len(a) > 40 || len(b) > 40 {
		return maxCost + 1
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if (len(b)-len(a))*moveCost > maxCost {
		return maxCost + 1
	}
	buf := make([]int, len(a))
	for i := range buf {
		buf[i] = (i + 1) * moveCost
	}
	result := 0
	for bi := 0; bi < len(b); bi++ {
		code := b[bi]
		distance := bi * moveCost
		result = distance
		minimum := int(^uint(0) >> 1)
		for i := 0; i < len(a); i++ {
			substitute := distance + substitutionCost(code, a[i])
			distance = buf[i]
			insertDelete := min(result, distance) + moveCost
			result = min(insertDelete, substitute)
			buf[i] = result
			minimum = min(minimum, result)
		}
		if minimum > maxCost {
			return maxCost + 1
		}
	}
	return result
}

// Super is the value of super(): attribute lookup that starts after a
// class in the MRO of an object's type.
type Super struct {
	After *Class
	Obj   Value
}

var SuperClass = newBuiltinClass("super", ObjectClass)

func (s *Super) Type() *Class { return SuperClass }

// Attr finds name in the classes after s.After.
func (s *Super) Attr(th *Thread, name string) (Value, bool, error) {
	objCls, isClass := s.Obj.(*Class)
	if !isClass {
		objCls = TypeOf(s.Obj)
	}
	mro := objCls.MRO
	i := 0
	for i < len(mro) && mro[i] != s.After {
		i++
	}
	for _, c := range mro[min(i+1, len(mro)):] {
		if v, ok := c.Dict.Get(name); ok {
			if isClass {
				if d, ok := v.(Descriptor); ok {
					if cm, ok := v.(*ClassMethod); ok {
						return &Method{Fn: cm.Fn, Self: objCls}, true, nil
					}
					r, err := d.Get(th, nil, objCls)
					return r, true, err
				}
				return v, true, nil
			}
			r, err := bind(th, v, s.Obj, objCls)
			return r, true, err
		}
	}
	return nil, false, NewError(AttributeErrorClass, "'super' object has no attribute '"+name+"'")
}

func init() {
	Builtins["super"] = &Builtin{Name: "super", Fn: func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		switch len(args) {
		case 2:
			c, ok := args[0].(*Class)
			if !ok {
				return nil, NewError(TypeErrorClass, "super() argument 1 must be a type, not "+TypeName(args[0]))
			}
			return &Super{After: c, Obj: args[1]}, nil
		case 0:
			fr := th.Frame
			if fr == nil || fr.fn == nil || fr.fn.class == nil {
				return nil, NewError(RuntimeErrorClass, "super(): __class__ cell not found")
			}
			if len(fr.code.params) == 0 {
				return nil, NewError(RuntimeErrorClass, "super(): no arguments")
			}
			self := fr.locals[0]
			for _, sc := range fr.code.cellParams { // a first parameter kept in a cell
				if sc[0] == 0 {
					self = fr.cells[sc[1]].V
				}
			}
			if self == nil {
				return nil, NewError(RuntimeErrorClass, "super(): arg[0] deleted")
			}
			return &Super{After: fr.fn.class, Obj: self}, nil
		}
		return nil, NewError(TypeErrorClass, "super() takes 0 or 2 arguments")
	}}
}

// Attr gives built-in functions their names.
func (b *Builtin) Attr(th *Thread, name string) (Value, bool, error) {
	switch name {
	case "__name__", "__qualname__":
		n := b.Name
		if i := strings.LastIndexByte(n, '.'); i >= 0 {
			n = n[i+1:]
		}
		return Str(n), true, nil
	case "__self__":
		if b.Self == nil {
			return None, true, nil
		}
		return b.Self, true, nil
	}
	return nil, false, nil
}
