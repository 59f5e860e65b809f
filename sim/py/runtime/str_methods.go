package runtime

import (
	"strings"
	"unicode/utf8"
)

// The methods of str. Positions count code points, as in Python; ASCII
// strings, where bytes and code points coincide, take the short paths.

// strLen is len(s) in code points.
func strLen(s string) int {
	if isASCII(s) {
		return len(s)
	}
	return utf8.RuneCountInString(s)
}

// cpOffsets converts code point positions 0 <= start <= end <= len into
// byte offsets.
func cpOffsets(s string, start, end int) (int, int) {
	if isASCII(s) {
		return start, end
	}
	bs, be, n := len(s), len(s), 0
	for i := range s {
		if n == start {
			bs = i
		}
		if n == end {
			be = i
			break
		}
		n++
	}
	if start > end {
		bs = be
	}
	return bs, be
}

// strArgument requires a str argument, with CPython's "must be str, not
// int".
func strArgument(v Value) (string, error) {
	if s, ok := v.(Str); ok {
		return string(s), nil
	}
	return "", NewError(TypeErrorClass, "must be str, not "+TypeName(v))
}

// findArgs reads (sub[, start[, end]]) of find, index, count and kin and
// returns the substring and the adjusted code point range.
func findArgs(th *Thread, name string, s string, args []Value, kw *Kwargs) (sub string, start, end int, n int, err error) {
	if err = oldStyleArgs(name, args, kw, 1, 3); err != nil {
		return
	}
	if sub, err = strArgument(args[0]); err != nil {
		return
	}
	n = strLen(s)
	var st, en int64
	if st, err = sliceBound(th, optArg(args, 1), 0); err != nil {
		return
	}
	if en, err = sliceBound(th, optArg(args, 2), int64(n)); err != nil {
		return
	}
	st, en = adjustRange(st, en, int64(n))
	return sub, int(st), int(en), n, nil
}

// strFind is str.find (and rfind when last): the code point index of sub
// within s[start:end], or -1.
func strFind(s, sub string, start, end int, last bool) int {
	if end-start < strLen(sub) {
		return -1
	}
	bs, be := cpOffsets(s, start, end)
	var i int
	if last {
		i = strings.LastIndex(s[bs:be], sub)
	} else {
		i = strings.Index(s[bs:be], sub)
	}
	if i < 0 {
		return -1
	}
	return start + strLen(s[bs:bs+i])
}

// padStr is str.center/ljust/rjust's argument reading and padding.
func padStr(th *Thread, name string, s string, args []Value, kw *Kwargs) (int, string, error) {
	if err := posOnly(name, "str."+name, args, kw, 1, 2); err != nil {
		return 0, "", err
	}
	width, err := asIndex(th, args[0])
	if err != nil {
		return 0, "", err
	}
	fill := " "
	if len(args) > 1 {
		f, ok := args[1].(Str)
		if !ok {
			return 0, "", NewError(TypeErrorClass, "The fill character must be a unicode character, not "+TypeName(args[1]))
		}
		if strLen(string(f)) != 1 {
			return 0, "", NewError(TypeErrorClass, "The fill character must be exactly one character long")
		}
		fill = string(f)
	}
	n := strLen(s)
	if int64(n) >= width {
		return 0, "", nil
	}
	if width > maxRepeat {
		return 0, "", NewError(MemoryErrorClass, "")
	}
	return int(width) - n, fill, nil
}

// mapRunes applies a per-character mapping that may see its neighbours.
func mapRunes(s string, f func(runes []rune, i int) string) Str {
	runes := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i := range runes {
		b.WriteString(f(runes, i))
	}
	return Str(b.String())
}

// startsEnds is startswith and endswith.
func startsEnds(th *Thread, name string, s string, args []Value, kw *Kwargs, ends bool) (Value, error) {
	if err := oldStyleArgs(name, args, kw, 1, 3); err != nil {
		return nil, err
	}
	n := strLen(s)
	st, err := sliceBound(th, optArg(args, 1), 0)
	if err != nil {
		return nil, err
	}
	en, err := sliceBound(th, optArg(args, 2), int64(n))
	if err != nil {
		return nil, err
	}
	st, en = adjustRange(st, en, int64(n))
	match := func(sub string) bool {
		m := int64(strLen(sub))
		if en-m < st {
			return false
		}
		bs, be := cpOffsets(s, int(st), int(en))
		if ends {
			return strings.HasSuffix(s[bs:be], sub)
		}
		return strings.HasPrefix(s[bs:be], sub)
	}
	switch p := args[0].(type) {
	case Str:
		return MakeBool(match(string(p))), nil
	case Tuple:
		for _, x := range p {
			sub, ok := x.(Str)
			if !ok {
				return nil, NewError(TypeErrorClass, "tuple for "+name+" must only contain str, not "+TypeName(x))
			}
			if match(string(sub)) {
				return True, nil
			}
		}
		return False, nil
	}
	return nil, NewError(TypeErrorClass, name+" first arg must be str or a tuple of str, not "+TypeName(args[0]))
}

// strPredicate defines an is*() method: true when s is non-empty and
// every character satisfies pred.
func strPredicate(name string, pred func(rune) bool) {
	defMethod(StrClass, name, func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		if err := noArgs("str."+name, args, kw); err != nil {
			return nil, err
		}
		s := string(self.(Str))
		if s == "" {
			return False, nil
		}
		for _, r := range s {
			if !pred(r) {
				return False, nil
			}
		}
		return True, nil
	})
}

// strCaseTest is islower/isupper: no character of the wrong case and at
// least one of the right one.
func strCaseTest(s string, right, wrong func(rune) bool) bool {
	cased := false
	for _, r := range s {
		if wrong(r) || pyIsTitle(r) {
			return false
		}
		if !cased && right(r) {
			cased = true
		}
	}
	return cased
}

func strNoArgs(name string, fn func(s string) Value) {
	defMethod(StrClass, name, func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		if err := noArgs("str."+name, args, kw); err != nil {
			return nil, err
		}
		return fn(string(self.(Str))), nil
	})
}

// StrJoin is sep.join(iterable).
func StrJoin(th *Thread, sep string, iterable Value) (Value, error) {
	items, err := Collect(th, iterable)
	if err != nil {
		if e, ok := err.(*Instance); ok && e.Class == TypeErrorClass && strings.HasSuffix(e.Message(), "is not iterable") {
			return nil, NewError(TypeErrorClass, "can only join an iterable")
		}
		return nil, err
	}
	var b strings.Builder
	for i, x := range items {
		s, ok := x.(Str)
		if !ok {
			return nil, NewError(TypeErrorClass, "sequence item "+itoa(int64(i))+": expected str instance, "+TypeName(x)+" found")
		}
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(string(s))
	}
	return Str(b.String()), nil
}

func init() {
	str := func(v Value) string { return string(v.(Str)) }
	strNoArgs("lower", func(s string) Value {
		if isASCII(s) {
			return Str(strings.ToLower(s))
		}
		return mapRunes(s, lowerAt)
	})
	strNoArgs("upper", func(s string) Value {
		if isASCII(s) {
			return Str(strings.ToUpper(s))
		}
		return mapRunes(s, func(r []rune, i int) string { return pyUpper(r[i]) })
	})
	strNoArgs("casefold", func(s string) Value {
		if isASCII(s) {
			return Str(strings.ToLower(s))
		}
		return mapRunes(s, func(r []rune, i int) string { return pyFold(r[i]) })
	})
	strNoArgs("swapcase", func(s string) Value {
		return mapRunes(s, func(r []rune, i int) string {
			switch {
			case pyIsUpper(r[i]):
				return lowerAt(r, i)
			case pyIsLower(r[i]):
				return pyUpper(r[i])
			}
			return string(r[i])
		})
	})
	strNoArgs("title", func(s string) Value {
		prevCased := false
		return mapRunes(s, func(r []rune, i int) string {
			var out string
			if prevCased {
				out = lowerAt(r, i)
			} else {
				out = pyTitle(r[i])
			}
			prevCased = pyIsCased(r[i])
			return out
		})
	})
	strNoArgs("capitalize", func(s string) Value {
		return mapRunes(s, func(r []rune, i int) string {
			if i == 0 {
				return pyTitle(r[0])
			}
			return lowerAt(r, i)
		})
	})
	strPredicate("isalpha", pyIsAlpha)
	strPredicate("isalnum", pyIsAlnum)
	strPredicate("isdecimal", pyIsDecimal)
	strPredicate("isdigit", pyIsDigit)
	strPredicate("isnumeric", pyIsNumeric)
	strPredicate("isspace", isPySpace)
	strNoArgs("isascii", func(s string) Value { return MakeBool(isASCII(s)) })
	strNoArgs("isprintable", func(s string) Value {
		for _, r := range s {
			if !pyIsPrintable(r) {
				return False
			}
		}
		return True
	})
	strNoArgs("islower", func(s string) Value { return MakeBool(strCaseTest(s, pyIsLower, pyIsUpper)) })
	strNoArgs("isupper", func(s string) Value { return MakeBool(strCaseTest(s, pyIsUpper, pyIsLower)) })
	strNoArgs("istitle", func(s string) Value {
		cased, prev := false, false
		for _, r := range s {
			switch {
			case pyIsUpper(r) || pyIsTitle(r):
				if prev {
					return False
				}
				prev, cased = true, true
			case pyIsLower(r):
				if !prev {
					return False
				}
				prev, cased = true, true
			default:
				prev = false
			}
		}
		return MakeBool(cased)
	})
	strNoArgs("isidentifier", func(s string) Value {
		if s == "" {
			return False
		}
		for i, r := range s {
			if i == 0 && !pyIsIDStart(r) || i > 0 && !pyIsIDContinue(r) {
				return False
			}
		}
		return True
	})
	for _, name := range []string{"find", "rfind", "index", "rindex"} {
		last := name[0] == 'r'
		raise := strings.HasSuffix(name, "index")
		defMethod(StrClass, name, func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
			s := str(self)
			sub, start, end, _, err := findArgs(th, name, s, args, kw)
			if err != nil {
				return nil, err
			}
			i := strFind(s, sub, start, end, last)
			if i < 0 && raise {
				return nil, NewError(ValueErrorClass, "substring not found")
			}
			return MakeInt(int64(i)), nil
		})
	}
	defMethod(StrClass, "count", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		s := str(self)
		sub, start, end, _, err := findArgs(th, "count", s, args, kw)
		if err != nil {
			return nil, err
		}
		if end-start < strLen(sub) {
			return MakeInt(0), nil
		}
		if sub == "" {
			return MakeInt(int64(end - start + 1)), nil
		}
		bs, be := cpOffsets(s, start, end)
		return MakeInt(int64(strings.Count(s[bs:be], sub))), nil
	})
	defMethod(StrClass, "startswith", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		return startsEnds(th, "startswith", str(self), args, kw, false)
	})
	defMethod(StrClass, "endswith", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		return startsEnds(th, "endswith", str(self), args, kw, true)
	})
	defMethod(StrClass, "center", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		s := str(self)
		marg, fill, err := padStr(th, "center", s, args, kw)
		if err != nil || marg == 0 {
			return Str(s), err
		}
		width := marg + strLen(s)
		left := marg/2 + (marg & width & 1)
		return Str(strings.Repeat(fill, left) + s + strings.Repeat(fill, marg-left)), nil
	})
	defMethod(StrClass, "ljust", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		s := str(self)
		marg, fill, err := padStr(th, "ljust", s, args, kw)
		return Str(s + strings.Repeat(fill, marg)), err
	})
	defMethod(StrClass, "rjust", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		s := str(self)
		marg, fill, err := padStr(th, "rjust", s, args, kw)
		return Str(strings.Repeat(fill, marg) + s), err
	})
	defMethod(StrClass, "zfill", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("str.zfill", args, kw); err != nil {
			return nil, err
		}
		width, err := asIndex(th, args[0])
		if err != nil {
			return nil, err
		}
		s := str(self)
		n := int64(strLen(s))
		if n >= width {
			return Str(s), nil
		}
		if width > maxRepeat {
			return nil, NewError(MemoryErrorClass, "")
		}
		zeros := strings.Repeat("0", int(width-n))
		if s != "" && (s[0] == '+' || s[0] == '-') {
			return Str(s[:1] + zeros + s[1:]), nil
		}
		return Str(zeros + s), nil
	})
	defMethod(StrClass, "expandtabs", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		a, err := kwArgs("expandtabs", args, kw, []string{"tabsize"}, 0)
		if err != nil {
			return nil, err
		}
		tab := int64(8)
		if a[0] != nil {
			if tab, err = asIndex(th, a[0]); err != nil {
				return nil, err
			}
		}
		var b strings.Builder
		col := int64(0)
		for _, r := range str(self) {
			switch r {
			case '\t':
				if tab > 0 {
					n := tab - col%tab
					if col+n > maxRepeat {
						return nil, NewError(MemoryErrorClass, "")
					}
					b.WriteString(strings.Repeat(" ", int(n)))
					col += n
				}
			case '\n', '\r':
				b.WriteRune(r)
				col = 0
			default:
				b.WriteRune(r)
				col++
			}
		}
		return Str(b.String()), nil
	})
	defMethod(StrClass, "join", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("str.join", args, kw); err != nil {
			return nil, err
		}
		return StrJoin(th, str(self), args[0])
	})
	defMethod(StrClass, "replace", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("replace", "str.replace", args, kw, 2, 3); err != nil {
			return nil, err
		}
		var parts [2]string
		for i := range 2 {
			s, ok := args[i].(Str)
			if !ok {
				return nil, NewError(TypeErrorClass, "replace() argument "+itoa(int64(i+1))+" must be str, not "+TypeName(args[i]))
			}
			parts[i] = string(s)
		}
		n := int64(-1)
		if len(args) > 2 {
			var err error
			if n, err = asIndex(th, args[2]); err != nil {
				return nil, err
			}
		}
		if n > 1<<30 {
			n = -1
		}
		s := str(self)
		if parts[0] == "" && parts[1] != "" && int64(len(parts[1]))*int64(strLen(s)+1) > maxRepeat {
			return nil, NewError(MemoryErrorClass, "")
		}
		return Str(strings.Replace(s, parts[0], parts[1], int(n))), nil
	})
	for _, name := range []string{"removeprefix", "removesuffix"} {
		defMethod(StrClass, name, func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
			if err := oneArg("str."+name, args, kw); err != nil {
				return nil, err
			}
			a, ok := args[0].(Str)
			if !ok {
				return nil, NewError(TypeErrorClass, name+"() argument must be str, not "+TypeName(args[0]))
			}
			if name == "removeprefix" {
				return Str(strings.TrimPrefix(str(self), string(a))), nil
			}
			return Str(strings.TrimSuffix(str(self), string(a))), nil
		})
	}
	defMethod(StrClass, "format", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		var kwargs Value
		if kw.Len() > 0 {
			kwargs = kwargsDict(kw)
		}
		if args == nil {
			args = []Value{}
		}
		s, err := StrFormat(th, str(self), args, kwargs)
		return Str(s), err
	})
	defMethod(StrClass, "format_map", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("str.format_map", args, kw); err != nil {
			return nil, err
		}
		s, err := StrFormat(th, str(self), nil, args[0])
		return Str(s), err
	})
	defMethod(StrClass, "encode", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		a, err := kwArgs("encode", args, kw, []string{"encoding", "errors"}, 0)
		if err != nil {
			return nil, err
		}
		enc, err := strArg("encode", "encoding", a[0], "utf-8")
		if err != nil {
			return nil, err
		}
		errs, err := strArg("encode", "errors", a[1], "strict")
		if err != nil {
			return nil, err
		}
		return Encode(str(self), enc, errs)
	})
	defStaticMethod(StrClass, "maketrans", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("maketrans", "maketrans", args, kw, 1, 3); err != nil {
			return nil, err
		}
		d := NewDict()
		if len(args) == 1 {
			src, ok := args[0].(*Dict)
			if !ok {
				return nil, NewError(TypeErrorClass, "if you give only one argument to maketrans it must be a dict")
			}
			for _, kv := range src.Items() {
				k := kv[0]
				if s, ok := k.(Str); ok {
					if strLen(string(s)) != 1 {
						return nil, NewError(ValueErrorClass, "string keys in translate table must be of length 1")
					}
					r, _ := utf8.DecodeRuneInString(string(s))
					k = MakeInt(int64(r))
				} else if _, ok := k.(Int); !ok {
					return nil, NewError(TypeErrorClass, "keys in translate table must be strings or integers")
				}
				d.Set(th, k, kv[1])
			}
			return d, nil
		}
		x, ok1 := args[0].(Str)
		y, ok2 := args[1].(Str)
		if !ok1 || !ok2 {
			return nil, NewError(TypeErrorClass, "maketrans() argument must be str, not "+TypeName(args[0]))
		}
		xr, yr := []rune(string(x)), []rune(string(y))
		if len(xr) != len(yr) {
			return nil, NewError(ValueErrorClass, "the first two maketrans arguments must have equal length")
		}
		for i := range xr {
			d.Set(th, MakeInt(int64(xr[i])), MakeInt(int64(yr[i])))
		}
		if len(args) == 3 {
			z, ok := args[2].(Str)
			if !ok {
				return nil, NewError(TypeErrorClass, "maketrans() argument 3 must be str, not "+TypeName(args[2]))
			}
			for _, r := range string(z) {
				d.Set(th, MakeInt(int64(r)), None)
			}
		}
		return d, nil
	})
	defMethod(StrClass, "translate", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("str.translate", args, kw); err != nil {
			return nil, err
		}
		var b strings.Builder
		for _, r := range str(self) {
			v, err := GetItem(th, args[0], MakeInt(int64(r)))
			if err != nil {
				if e, ok := err.(*Instance); ok && e.Class.IsSubclass(LookupErrorClass) {
					b.WriteRune(r)
					continue
				}
				return nil, err
			}
			switch x := v.(type) {
			case none:
			case Str:
				b.WriteString(string(x))
			case Int:
				if x < 0 || x > 0x10ffff {
					return nil, NewError(ValueErrorClass, "character mapping must be in range(0x110000)")
				}
				b.WriteRune(rune(x))
			default:
				return nil, NewError(TypeErrorClass, "character mapping must return integer, None or str")
			}
		}
		return Str(b.String()), nil
	})
}
