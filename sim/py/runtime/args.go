package runtime

import "fmt"

// UnpackArgs matches a built-in's arguments to its parameters: positional
// ones in order, then keywords by name. The first required parameters
// must be given; absent optional ones come back nil. Errors use CPython's
// wording for built-ins.
func UnpackArgs(name string, args []Value, kw *Kwargs, params []string, required int) ([]Value, error) {
	if len(args) > len(params) {
		if len(params) == 0 {
			return nil, NewError(TypeErrorClass, fmt.Sprintf("%s() takes no arguments (%d given)", name, len(args)))
		}
		if required == len(params) {
			return nil, NewError(TypeErrorClass, fmt.Sprintf("%s() takes exactly %s (%d given)", name, plural(len(params), "argument"), len(args)))
		}
		return nil, NewError(TypeErrorClass, fmt.Sprintf("%s() takes at most %s (%d given)", name, plural(len(params), "argument"), len(args)))
	}
	out := make([]Value, len(params))
	copy(out, args)
	for i := range kw.Len() {
		k := kw.Names[i]
		j := -1
		for p, pn := range params {
			if pn == k {
				j = p
			}
		}
		switch {
		case j < 0:
			return nil, NewError(TypeErrorClass, fmt.Sprintf("%s() got an unexpected keyword argument '%s'", name, k))
		case out[j] != nil:
			return nil, NewError(TypeErrorClass, fmt.Sprintf("argument for %s() given by name ('%s') and position (%d)", name, k, j+1))
		}
		out[j] = kw.Values[i]
	}
	for i := range required {
		if out[i] == nil {
			if required == len(params) {
				return nil, NewError(TypeErrorClass, fmt.Sprintf("%s() takes exactly %s (%d given)", name, plural(required, "argument"), len(args)+kw.Len()))
			}
			return nil, NewError(TypeErrorClass, fmt.Sprintf("%s() missing required argument '%s' (pos %d)", name, params[i], i+1))
		}
	}
	return out, nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "one " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Def adds a built-in method to a built-in class; the Go function gets
// the receiver as args[0].
func Def(c *Class, name string, fn func(th *Thread, args []Value, kw *Kwargs) (Value, error)) {
	c.Dict.Set(name, &Builtin{Name: name, Fn: fn})
}
