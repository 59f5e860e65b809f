package runtime

import (
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// FormatValue is format(v, spec), which f-strings and str.format use for
// every replacement field: ints, bools, floats and strs through the
// format-spec mini-language, instances through their __format__, and
// anything else as str(v) when the spec is empty.
func FormatValue(th *Thread, v Value, spec string) (string, error) {
	switch x := v.(type) {
	case Str:
		if spec == "" {
			return string(x), nil
		}
		f, err := ParseFormatSpec(spec, "str")
		if err != nil {
			return "", formatError(err)
		}
		s, err := FormatStr(string(x), f)
		return s, formatError(err)
	case Int, *big.Int, Bool:
		if spec == "" {
			return StrOf(th, v)
		}
		f, err := ParseFormatSpec(spec, "int")
		if err != nil {
			return "", formatError(err)
		}
		s, err := FormatInt(bigOf(v), f)
		return s, formatError(err)
	case Float:
		f, err := ParseFormatSpec(spec, "float")
		if err != nil {
			return "", formatError(err)
		}
		s, err := FormatFloat(float64(x), f)
		return s, formatError(err)
	case *Instance:
		if m, _, ok := x.Class.Lookup("__format__"); ok && !isBuiltinObjectMethod(m) {
			r, err := Call(th, m, []Value{v, Str(spec)}, nil)
			if err != nil {
				return "", err
			}
			s, ok := r.(Str)
			if !ok {
				return "", NewError(TypeErrorClass, "__format__ must return a str, not "+TypeName(r))
			}
			return string(s), nil
		}
	}
	if spec != "" {
		return "", NewError(TypeErrorClass, "unsupported format string passed to "+TypeName(v)+".__format__")
	}
	return StrOf(th, v)
}

// formatError turns the formatter's Go errors into Python exceptions.
func formatError(err error) error {
	switch e := err.(type) {
	case nil:
		return nil
	case *FormatError:
		return NewError(ValueErrorClass, e.Msg)
	case *OverflowError:
		return NewError(OverflowErrorClass, e.Msg)
	}
	return err
}

// ConvertField applies a conversion of a replacement field: 'r' (repr),
// 's' (str) or 'a' (ascii).
func ConvertField(th *Thread, v Value, conv rune) (Value, error) {
	var s string
	var err error
	switch conv {
	case 'r':
		s, err = Repr(th, v)
	case 's':
		s, err = StrOf(th, v)
	case 'a':
		s, err = Ascii(th, v)
	default:
		if conv > 32 && conv < 127 {
			return nil, NewError(ValueErrorClass, "Unknown conversion specifier "+string(conv))
		}
		return nil, NewError(ValueErrorClass, "Unknown conversion specifier \\x"+strconv.FormatInt(int64(conv), 16))
	}
	return Str(s), err
}

// autoNumber is the state of automatic field numbering in str.format.
type autoNumber struct {
	state int // 0 unset, 1 automatic, 2 manual
	next  int
}

// StrFormat is format.format(*args, **kwargs); kwargs may be nil. For
// str.format_map, args is nil and kwargs the mapping.
func StrFormat(th *Thread, format string, args []Value, kwargs Value) (string, error) {
	return buildFormat(th, format, args, kwargs, 2, &autoNumber{}, args != nil)
}

func buildFormat(th *Thread, format string, args []Value, kwargs Value, depth int, an *autoNumber, hasArgs bool) (string, error) {
	if depth <= 0 {
		return "", NewError(ValueErrorClass, "Max string recursion exceeded")
	}
	var out strings.Builder
	s := format
	for len(s) > 0 {
		i := strings.IndexAny(s, "{}")
		if i < 0 {
			out.WriteString(s)
			break
		}
		c := s[i]
		atEnd := i+1 >= len(s)
		if c == '}' && (atEnd || s[i+1] != '}') {
			return "", NewError(ValueErrorClass, "Single '}' encountered in format string")
		}
		if c == '{' && atEnd {
			return "", NewError(ValueErrorClass, "Single '{' encountered in format string")
		}
		if s[i+1] == c { // {{ or }}
			out.WriteString(s[:i+1])
			s = s[i+2:]
			continue
		}
		out.WriteString(s[:i])
		s = s[i+1:]
		name, conv, spec, expand, rest, err := parseField(s)
		if err != nil {
			return "", err
		}
		s = rest
		obj, err := fieldObject(th, name, args, kwargs, an, hasArgs)
		if err != nil {
			return "", err
		}
		if conv != 0 {
			if obj, err = ConvertField(th, obj, conv); err != nil {
				return "", err
			}
		}
		if expand {
			if spec, err = buildFormat(th, spec, args, kwargs, depth-1, an, hasArgs); err != nil {
				return "", err
			}
		}
		text, err := FormatValue(th, obj, spec)
		if err != nil {
			return "", err
		}
		out.WriteString(text)
	}
	return out.String(), nil
}

// parseField parses a replacement field after its '{': the field name,
// the conversion, the format spec (and whether it holds nested fields),
// and the text after the closing '}'.
func parseField(s string) (name string, conv rune, spec string, expand bool, rest string, err error) {
	i := 0
	var c byte
	for i < len(s) {
		c = s[i]
		i++
		if c == '{' {
			return "", 0, "", false, "", NewError(ValueErrorClass, "unexpected '{' in field name")
		}
		if c == '[' {
			for i < len(s) && s[i] != ']' {
				i++
			}
			c = 0
			continue
		}
		if c == '}' || c == ':' || c == '!' {
			break
		}
		c = 0
	}
	if c == 0 {
		return "", 0, "", false, "", NewError(ValueErrorClass, "expected '}' before end of string")
	}
	name = s[:i-1]
	if c == '}' {
		return name, 0, "", false, s[i:], nil
	}
	if c == '!' {
		if i >= len(s) {
			return "", 0, "", false, "", NewError(ValueErrorClass, "end of string while looking for conversion specifier")
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		conv = r
		i += size
		if i < len(s) {
			c = s[i]
			i++
			if c == '}' {
				return name, conv, "", false, s[i:], nil
			}
			if c != ':' {
				return "", 0, "", false, "", NewError(ValueErrorClass, "expected ':' after conversion specifier")
			}
		}
	}
	start, count := i, 1
	for i < len(s) {
		c = s[i]
		i++
		switch c {
		case '{':
			expand = true
			count++
		case '}':
			count--
			if count == 0 {
				return name, conv, s[start : i-1], expand, s[i:], nil
			}
		}
	}
	return "", 0, "", false, "", NewError(ValueErrorClass, "unmatched '{' in format spec")
}

// fieldInteger is get_integer: the value of an all-decimal field name
// part, or -1.
func fieldInteger(s string) (int, error) {
	if s == "" {
		return -1, nil
	}
	n := 0
	for _, r := range s {
		d := decimalValue(r)
		if d < 0 {
			return -1, nil
		}
		if n > (1<<62)/10 {
			return -1, NewError(ValueErrorClass, "Too many decimal digits in format string")
		}
		n = n*10 + d
	}
	return n, nil
}

// fieldObject resolves a field name ("0", "name", "", "0.attr[key]")
// against the arguments.
func fieldObject(th *Thread, name string, args []Value, kwargs Value, an *autoNumber, hasArgs bool) (Value, error) {
	i := strings.IndexAny(name, ".[")
	if i < 0 {
		i = len(name)
	}
	first, rest := name[:i], name[i:]
	idx, err := fieldInteger(first)
	if err != nil {
		return nil, err
	}
	empty := first == ""
	if empty || idx >= 0 {
		if an.state == 0 {
			if empty {
				an.state = 1
			} else {
				an.state = 2
			}
		}
		if an.state == 2 && empty {
			return nil, NewError(ValueErrorClass, "cannot switch from manual field specification to automatic field numbering")
		}
		if an.state == 1 && !empty {
			return nil, NewError(ValueErrorClass, "cannot switch from automatic field numbering to manual field specification")
		}
		if empty {
			idx = an.next
			an.next++
		}
	}
	var obj Value
	if idx < 0 {
		key := Str(first)
		if kwargs == nil {
			return nil, keyError(key)
		}
		if obj, err = GetItem(th, kwargs, key); err != nil {
			return nil, err
		}
	} else {
		if !hasArgs {
			return nil, NewError(ValueErrorClass, "Format string contains positional fields")
		}
		if idx >= len(args) {
			return nil, NewError(IndexErrorClass, "Replacement index "+strconv.Itoa(idx)+" out of range for positional args tuple")
		}
		obj = args[idx]
	}
	for rest != "" {
		c := rest[0]
		rest = rest[1:]
		var part string
		switch c {
		case '.':
			j := strings.IndexAny(rest, ".[")
			if j < 0 {
				j = len(rest)
			}
			part, rest = rest[:j], rest[j:]
		case '[':
			j := strings.IndexByte(rest, ']')
			if j < 0 {
				return nil, NewError(ValueErrorClass, "Missing ']' in format string")
			}
			part, rest = rest[:j], rest[j+1:]
		default:
			return nil, NewError(ValueErrorClass, "Only '.' or '[' may follow ']' in format field specifier")
		}
		if part == "" {
			return nil, NewError(ValueErrorClass, "Empty attribute in format string")
		}
		if c == '.' {
			obj, err = GetAttr(th, obj, part)
		} else {
			n, err2 := fieldInteger(part)
			if err2 != nil {
				return nil, err2
			}
			if n >= 0 {
				obj, err = GetItem(th, obj, MakeInt(int64(n)))
			} else {
				obj, err = GetItem(th, obj, Str(part))
			}
		}
		if err != nil {
			return nil, err
		}
	}
	return obj, nil
}

// kwargsDict collects keyword arguments into a dict.
func kwargsDict(kw *Kwargs) *Dict {
	d := NewDict()
	for i := range kw.Len() {
		d.SetStr(kw.Names[i], kw.Values[i])
	}
	return d
}
