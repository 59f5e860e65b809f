package runtime

import (
	"strings"
	"unicode/utf8"
)

// str.strip, split, rsplit, splitlines, partition and rpartition.

// stripChars is str.strip's argument: the characters to strip, or nil
// for whitespace.
func stripChars(name string, args []Value, kw *Kwargs) (func(rune) bool, error) {
	if err := posOnly(name, "str."+name, args, kw, 0, 1); err != nil {
		return nil, err
	}
	if len(args) == 0 || args[0] == None {
		return isPySpace, nil
	}
	chars, ok := args[0].(Str)
	if !ok {
		return nil, NewError(TypeErrorClass, name+" arg must be None or str")
	}
	return func(r rune) bool { return strings.ContainsRune(string(chars), r) }, nil
}

// splitWhitespace is str.split() without a separator.
func splitWhitespace(s string, maxsplit int64) []Value {
	var out []Value
	i := 0
	for ; maxsplit != 0; maxsplit-- {
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isPySpace(r) {
				break
			}
			i += size
		}
		if i == len(s) {
			break
		}
		j := i
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if isPySpace(r) {
				break
			}
			i += size
		}
		out = append(out, Str(s[j:i]))
	}
	if i < len(s) {
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isPySpace(r) {
				break
			}
			i += size
		}
		if i != len(s) {
			out = append(out, Str(s[i:]))
		}
	}
	return out
}

// rsplitWhitespace is str.rsplit() without a separator.
func rsplitWhitespace(s string, maxsplit int64) []Value {
	var out []Value
	i := len(s)
	for ; maxsplit != 0; maxsplit-- {
		for i > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:i])
			if !isPySpace(r) {
				break
			}
			i -= size
		}
		if i == 0 {
			break
		}
		j := i
		for i > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:i])
			if isPySpace(r) {
				break
			}
			i -= size
		}
		out = append(out, Str(s[i:j]))
	}
	if i > 0 {
		for i > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:i])
			if !isPySpace(r) {
				break
			}
			i -= size
		}
		if i > 0 {
			out = append(out, Str(s[:i]))
		}
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

// splitArgs reads (sep=None, maxsplit=-1) of split and rsplit.
func splitArgs(th *Thread, name string, args []Value, kw *Kwargs) (sep string, hasSep bool, maxsplit int64, err error) {
	a, err := kwArgs(name, args, kw, []string{"sep", "maxsplit"}, 0)
	if err != nil {
		return
	}
	maxsplit = -1
	if a[0] != nil && a[0] != None {
		s, ok := a[0].(Str)
		if !ok {
			err = NewError(TypeErrorClass, "must be str or None, not "+TypeName(a[0]))
			return
		}
		if s == "" {
			err = NewError(ValueErrorClass, "empty separator")
			return
		}
		sep, hasSep = string(s), true
	}
	if a[1] != nil {
		if maxsplit, err = asIndex(th, a[1]); err != nil {
			return
		}
	}
	return
}

func strList(parts []string) *List {
	items := make([]Value, len(parts))
	for i, p := range parts {
		items[i] = Str(p)
	}
	return &List{Items: items}
}

// isLineBreak reports the characters str.splitlines splits at.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// splitLines is str.splitlines.
func splitLines(s string, keepends bool) []Value {
	var out []Value
	i := 0
	for i < len(s) {
		j := i
		eol := len(s)
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if isLineBreak(r) {
				eol = j + size
				if r == '\r' && eol < len(s) && s[eol] == '\n' {
					eol++
				}
				break
			}
			j += size
		}
		if j == len(s) {
			eol = j
		}
		if keepends {
			out = append(out, Str(s[i:eol]))
		} else {
			out = append(out, Str(s[i:j]))
		}
		i = eol
	}
	return out
}

func init() {
	str := func(v Value) string { return string(v.(Str)) }
	for _, name := range []string{"strip", "lstrip", "rstrip"} {
		defMethod(StrClass, name, func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
			f, err := stripChars(name, args, kw)
			if err != nil {
				return nil, err
			}
			s := str(self)
			if name != "rstrip" {
				s = strings.TrimLeftFunc(s, f)
			}
			if name != "lstrip" {
				s = strings.TrimRightFunc(s, f)
			}
			return Str(s), nil
		})
	}
	defMethod(StrClass, "split", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		sep, hasSep, maxsplit, err := splitArgs(th, "split", args, kw)
		if err != nil {
			return nil, err
		}
		s := str(self)
		if !hasSep {
			return &List{Items: splitWhitespace(s, maxsplit)}, nil
		}
		n := -1
		if maxsplit >= 0 && maxsplit < 1<<30 {
			n = int(maxsplit) + 1
		}
		return strList(strings.SplitN(s, sep, n)), nil
	})
	defMethod(StrClass, "rsplit", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		sep, hasSep, maxsplit, err := splitArgs(th, "rsplit", args, kw)
		if err != nil {
			return nil, err
		}
		s := str(self)
		if !hasSep {
			return &List{Items: rsplitWhitespace(s, maxsplit)}, nil
		}
		var parts []string
		for ; maxsplit != 0; maxsplit-- {
			i := strings.LastIndex(s, sep)
			if i < 0 {
				break
			}
			parts = append(parts, s[i+len(sep):])
			s = s[:i]
		}
		parts = append(parts, s)
		for a, b := 0, len(parts)-1; a < b; a, b = a+1, b-1 {
			parts[a], parts[b] = parts[b], parts[a]
		}
		return strList(parts), nil
	})
	defMethod(StrClass, "splitlines", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		a, err := kwArgs("splitlines", args, kw, []string{"keepends"}, 0)
		if err != nil {
			return nil, err
		}
		keep := false
		if a[0] != nil {
			if _, ok := a[0].(Float); ok {
				return nil, notInteger(a[0])
			}
			if keep, err = Truth(th, a[0]); err != nil {
				return nil, err
			}
		}
		return &List{Items: splitLines(str(self), keep)}, nil
	})
	for _, name := range []string{"partition", "rpartition"} {
		defMethod(StrClass, name, func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
			if err := oneArg("str."+name, args, kw); err != nil {
				return nil, err
			}
			sep, err := strArgument(args[0])
			if err != nil {
				return nil, err
			}
			if sep == "" {
				return nil, NewError(ValueErrorClass, "empty separator")
			}
			s := str(self)
			if name == "partition" {
				i := strings.Index(s, sep)
				if i < 0 {
					return Tuple{Str(s), Str(""), Str("")}, nil
				}
				return Tuple{Str(s[:i]), Str(sep), Str(s[i+len(sep):])}, nil
			}
			i := strings.LastIndex(s, sep)
			if i < 0 {
				return Tuple{Str(""), Str(""), Str(s)}, nil
			}
			return Tuple{Str(s[:i]), Str(sep), Str(s[i+len(sep):])}, nil
		})
	}
}
