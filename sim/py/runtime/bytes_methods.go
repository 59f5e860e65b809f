package runtime

import (
	"strconv"
	"strings"
)

// The methods of bytes. Their notions of case, digits and whitespace are
// ASCII only, as in CPython.

func isByteSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
func isByteLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isByteUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isByteAlpha(c byte) bool { return isByteLower(c) || isByteUpper(c) }
func isByteDigit(c byte) bool { return c >= '0' && c <= '9' }

// bytesArg requires a bytes-like argument.
func bytesArg(v Value) (string, error) {
	if b, ok := v.(Bytes); ok {
		return string(b), nil
	}
	return "", NewError(TypeErrorClass, "a bytes-like object is required, not '"+TypeName(v)+"'")
}

// bytesSub reads the needle of find, count and kin: bytes or a byte value.
func bytesSub(v Value) (string, error) {
	switch x := v.(type) {
	case Bytes:
		return string(x), nil
	case Int, Bool:
		n, _, _ := Index(x)
		if n < 0 || n > 255 {
			return "", NewError(ValueErrorClass, "byte must be in range(0, 256)")
		}
		return string([]byte{byte(n)}), nil
	}
	return "", NewError(TypeErrorClass, "argument should be integer or bytes-like object, not '"+TypeName(v)+"'")
}

func bytesFindArgs(th *Thread, name string, b string, args []Value, kw *Kwargs) (string, int, int, error) {
	if err := oldStyleArgs(name, args, kw, 1, 3); err != nil {
		return "", 0, 0, err
	}
	sub, err := bytesSub(args[0])
	if err != nil {
		return "", 0, 0, err
	}
	st, err := sliceBound(th, optArg(args, 1), 0)
	if err != nil {
		return "", 0, 0, err
	}
	en, err := sliceBound(th, optArg(args, 2), int64(len(b)))
	if err != nil {
		return "", 0, 0, err
	}
	st, en = adjustRange(st, en, int64(len(b)))
	return sub, int(st), int(en), nil
}

func bytesMap(b string, f func(c byte) byte) Bytes {
	out := []byte(b)
	for i, c := range out {
		out[i] = f(c)
	}
	return Bytes(out)
}

func byteToLower(c byte) byte {
	if isByteUpper(c) {
		return c + 32
	}
	return c
}

func byteToUpper(c byte) byte {
	if isByteLower(c) {
		return c - 32
	}
	return c
}

func init() {
	bs := func(v Value) string { return string(v.(Bytes)) }
	noArg := func(name string, fn func(b string) Value) {
		defMethod(BytesClass, name, func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
			if err := noArgs("bytes."+name, args, kw); err != nil {
				return nil, err
			}
			return fn(bs(self)), nil
		})
	}
	noArg("lower", func(b string) Value { return bytesMap(b, byteToLower) })
	noArg("upper", func(b string) Value { return bytesMap(b, byteToUpper) })
	noArg("swapcase", func(b string) Value {
		return bytesMap(b, func(c byte) byte {
			if isByteUpper(c) {
				return c + 32
			}
			return byteToUpper(c)
		})
	})
	noArg("title", func(b string) Value {
		prev := false
		return bytesMap(b, func(c byte) byte {
			var out byte
			if prev {
				out = byteToLower(c)
			} else {
				out = byteToUpper(c)
			}
			prev = isByteAlpha(c)
			return out
		})
	})
	noArg("capitalize", func(b string) Value {
		first := true
		return bytesMap(b, func(c byte) byte {
			if first {
				first = false
				return byteToUpper(c)
			}
			return byteToLower(c)
		})
	})
	pred := func(name string, f func(c byte) bool) {
		noArg(name, func(b string) Value {
			if b == "" {
				return False
			}
			for i := 0; i < len(b); i++ {
				if !f(b[i]) {
					return False
				}
			}
			return True
		})
	}
	pred("isalpha", isByteAlpha)
	pred("isdigit", isByteDigit)
	pred("isalnum", func(c byte) bool { return isByteAlpha(c) || isByteDigit(c) })
	pred("isspace", isByteSpace)
	noArg("isascii", func(b string) Value { return MakeBool(isASCII(b)) })
	noArg("islower", func(b string) Value {
		return MakeBool(strings.IndexFunc(b, func(r rune) bool { return r < 0x80 && isByteUpper(byte(r)) }) < 0 &&
			strings.IndexFunc(b, func(r rune) bool { return r < 0x80 && isByteLower(byte(r)) }) >= 0)
	})
	noArg("isupper", func(b string) Value {
		lower, upper := false, false
		for i := 0; i < len(b); i++ {
			lower = lower || isByteLower(b[i])
			upper = upper || isByteUpper(b[i])
		}
		return MakeBool(upper && !lower)
	})
	noArg("istitle", func(b string) Value {
		cased, prev := false, false
		for i := 0; i < len(b); i++ {
			switch c := b[i]; {
			case isByteUpper(c):
				if prev {
					return False
				}
				prev, cased = true, true
			case isByteLower(c):
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
	defMethod(BytesClass, "decode", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		a, err := kwArgs("decode", args, kw, []string{"encoding", "errors"}, 0)
		if err != nil {
			return nil, err
		}
		enc, err := strArg("decode", "encoding", a[0], "utf-8")
		if err != nil {
			return nil, err
		}
		errs, err := strArg("decode", "errors", a[1], "strict")
		if err != nil {
			return nil, err
		}
		return Decode(bs(self), enc, errs)
	})
	defMethod(BytesClass, "hex", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		a, err := kwArgs("hex", args, kw, []string{"sep", "bytes_per_sep"}, 0)
		if err != nil {
			return nil, err
		}
		b := bs(self)
		var out strings.Builder
		sep := ""
		if a[0] != nil {
			switch s := a[0].(type) {
			case Str:
				sep = string(s)
			case Bytes:
				sep = string(s)
			default:
				return nil, NewError(TypeErrorClass, "sep must be str or bytes.")
			}
			if len(sep) != 1 {
				return nil, NewError(ValueErrorClass, "sep must be length 1.")
			}
		}
		per := int64(1)
		if a[1] != nil {
			if per, err = asIndex(th, a[1]); err != nil {
				return nil, err
			}
		}
		for i := 0; i < len(b); i++ {
			if sep != "" && i > 0 {
				// groups count from the right for a positive bytes_per_sep
				if per > 0 && (int64(len(b)-i))%per == 0 || per < 0 && int64(i)%(-per) == 0 {
					out.WriteString(sep)
				}
			}
			out.WriteString(hex2(b[i]))
		}
		return Str(out.String()), nil
	})
	defClassMethod(BytesClass, "fromhex", func(th *Thread, c Value, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("fromhex", args, kw); err != nil {
			return nil, err
		}
		s, ok := args[0].(Str)
		if !ok {
			return nil, NewError(TypeErrorClass, "fromhex() argument must be str, not "+TypeName(args[0]))
		}
		var out []byte
		t := string(s)
		for i := 0; i < len(t); {
			if isByteSpace(t[i]) {
				i++
				continue
			}
			if i+1 >= len(t) {
				return nil, NewError(ValueErrorClass, "non-hexadecimal number found in fromhex() arg at position "+strconv.Itoa(i+1))
			}
			hi, err1 := strconv.ParseUint(t[i:i+1], 16, 8)
			if err1 != nil {
				return nil, NewError(ValueErrorClass, "non-hexadecimal number found in fromhex() arg at position "+strconv.Itoa(i))
			}
			lo, err2 := strconv.ParseUint(t[i+1:i+2], 16, 8)
			if err2 != nil {
				return nil, NewError(ValueErrorClass, "non-hexadecimal number found in fromhex() arg at position "+strconv.Itoa(i+1))
			}
			out = append(out, byte(hi<<4|lo))
			i += 2
		}
		return Bytes(out), nil
	})
	defMethod(BytesClass, "join", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("bytes.join", args, kw); err != nil {
			return nil, err
		}
		items, err := Collect(th, args[0])
		if err != nil {
			return nil, err
		}
		var out strings.Builder
		for i, x := range items {
			b, ok := x.(Bytes)
			if !ok {
				return nil, NewError(TypeErrorClass, "sequence item "+strconv.Itoa(i)+": expected a bytes-like object, "+TypeName(x)+" found")
			}
			if i > 0 {
				out.WriteString(bs(self))
			}
			out.WriteString(string(b))
		}
		return Bytes(out.String()), nil
	})
	for _, name := range []string{"find", "rfind", "index", "rindex"} {
		last := name[0] == 'r'
		raise := strings.HasSuffix(name, "index")
		defMethod(BytesClass, name, func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
			b := bs(self)
			sub, start, end, err := bytesFindArgs(th, name, b, args, kw)
			if err != nil {
				return nil, err
			}
			i := -1
			if end-start >= len(sub) {
				if last {
					i = strings.LastIndex(b[start:end], sub)
				} else {
					i = strings.Index(b[start:end], sub)
				}
				if i >= 0 {
					i += start
				}
			}
			if i < 0 && raise {
				return nil, NewError(ValueErrorClass, "subsection not found")
			}
			return MakeInt(int64(i)), nil
		})
	}
	defMethod(BytesClass, "count", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		b := bs(self)
		sub, start, end, err := bytesFindArgs(th, "count", b, args, kw)
		if err != nil {
			return nil, err
		}
		if end-start < len(sub) {
			return MakeInt(0), nil
		}
		if sub == "" {
			return MakeInt(int64(end - start + 1)), nil
		}
		return MakeInt(int64(strings.Count(b[start:end], sub))), nil
	})
	for _, name := range []string{"startswith", "endswith"} {
		ends := name == "endswith"
		defMethod(BytesClass, name, func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
			if err := oldStyleArgs(name, args, kw, 1, 3); err != nil {
				return nil, err
			}
			b := bs(self)
			st, err := sliceBound(th, optArg(args, 1), 0)
			if err != nil {
				return nil, err
			}
			en, err := sliceBound(th, optArg(args, 2), int64(len(b)))
			if err != nil {
				return nil, err
			}
			st, en = adjustRange(st, en, int64(len(b)))
			match := func(sub string) bool {
				if en-int64(len(sub)) < st {
					return false
				}
				if ends {
					return strings.HasSuffix(b[st:en], sub)
				}
				return strings.HasPrefix(b[st:en], sub)
			}
			switch p := args[0].(type) {
			case Bytes:
				return MakeBool(match(string(p))), nil
			case Tuple:
				for _, x := range p {
					sub, ok := x.(Bytes)
					if !ok {
						return nil, NewError(TypeErrorClass, "a bytes-like object is required, not '"+TypeName(x)+"'")
					}
					if match(string(sub)) {
						return True, nil
					}
				}
				return False, nil
			}
			return nil, NewError(TypeErrorClass, name+" first arg must be bytes or a tuple of bytes, not "+TypeName(args[0]))
		})
	}
	defMethod(BytesClass, "replace", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		if err := posOnly("replace", "bytes.replace", args, kw, 2, 3); err != nil {
			return nil, err
		}
		old, err := bytesArg(args[0])
		if err != nil {
			return nil, err
		}
		repl, err := bytesArg(args[1])
		if err != nil {
			return nil, err
		}
		n := int64(-1)
		if len(args) > 2 {
			if n, err = asIndex(th, args[2]); err != nil {
				return nil, err
			}
		}
		if n > 1<<30 {
			n = -1
		}
		b := bs(self)
		if old == "" {
			// insert between bytes, not between UTF-8 sequences
			var out strings.Builder
			k := int64(0)
			for i := 0; i <= len(b); i++ {
				if n < 0 || k < n {
					out.WriteString(repl)
					k++
				}
				if i < len(b) {
					out.WriteByte(b[i])
				}
			}
			return Bytes(out.String()), nil
		}
		return Bytes(strings.Replace(b, old, repl, int(n))), nil
	})
	for _, name := range []string{"strip", "lstrip", "rstrip"} {
		defMethod(BytesClass, name, func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
			if err := posOnly(name, "bytes."+name, args, kw, 0, 1); err != nil {
				return nil, err
			}
			in := func(c byte) bool { return isByteSpace(c) }
			if len(args) > 0 && args[0] != None {
				chars, err := bytesArg(args[0])
				if err != nil {
					return nil, err
				}
				in = func(c byte) bool { return strings.IndexByte(chars, c) >= 0 }
			}
			b := bs(self)
			i, j := 0, len(b)
			if name != "rstrip" {
				for i < j && in(b[i]) {
					i++
				}
			}
			if name != "lstrip" {
				for j > i && in(b[j-1]) {
					j--
				}
			}
			return Bytes(b[i:j]), nil
		})
	}
	for _, name := range []string{"split", "rsplit"} {
		defMethod(BytesClass, name, func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
			a, err := kwArgs(name, args, kw, []string{"sep", "maxsplit"}, 0)
			if err != nil {
				return nil, err
			}
			maxsplit := int64(-1)
			if a[1] != nil {
				if maxsplit, err = asIndex(th, a[1]); err != nil {
					return nil, err
				}
			}
			b := bs(self)
			var parts []Value
			if a[0] == nil || a[0] == None {
				// whitespace splitting: ASCII whitespace only
				var words []Value
				if name == "split" {
					words = splitWhitespace(asciiSpaceOnly(b), maxsplit)
				} else {
					words = rsplitWhitespace(asciiSpaceOnly(b), maxsplit)
				}
				// map back to the original bytes by position
				for _, w := range words {
					parts = append(parts, Bytes(w.(Str)))
				}
				return &List{Items: restoreBytes(b, parts)}, nil
			}
			sep, err := bytesArg(a[0])
			if err != nil {
				return nil, err
			}
			if sep == "" {
				return nil, NewError(ValueErrorClass, "empty separator")
			}
			var strs []string
			if name == "split" {
				n := -1
				if maxsplit >= 0 && maxsplit < 1<<30 {
					n = int(maxsplit) + 1
				}
				strs = strings.SplitN(b, sep, n)
			} else {
				for ; maxsplit != 0; maxsplit-- {
					i := strings.LastIndex(b, sep)
					if i < 0 {
						break
					}
					strs = append([]string{b[i+len(sep):]}, strs...)
					b = b[:i]
				}
				strs = append([]string{b}, strs...)
			}
			for _, s := range strs {
				parts = append(parts, Bytes(s))
			}
			return &List{Items: parts}, nil
		})
	}
	for _, name := range []string{"partition", "rpartition"} {
		defMethod(BytesClass, name, func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
			if err := oneArg("bytes."+name, args, kw); err != nil {
				return nil, err
			}
			sep, err := bytesArg(args[0])
			if err != nil {
				return nil, err
			}
			if sep == "" {
				return nil, NewError(ValueErrorClass, "empty separator")
			}
			b := bs(self)
			if name == "partition" {
				i := strings.Index(b, sep)
				if i < 0 {
					return Tuple{Bytes(b), Bytes(""), Bytes("")}, nil
				}
				return Tuple{Bytes(b[:i]), Bytes(sep), Bytes(b[i+len(sep):])}, nil
			}
			i := strings.LastIndex(b, sep)
			if i < 0 {
				return Tuple{Bytes(""), Bytes(""), Bytes(b)}, nil
			}
			return Tuple{Bytes(b[:i]), Bytes(sep), Bytes(b[i+len(sep):])}, nil
		})
	}
	for _, name := range []string{"removeprefix", "removesuffix"} {
		defMethod(BytesClass, name, func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
			if err := oneArg("bytes."+name, args, kw); err != nil {
				return nil, err
			}
			a, err := bytesArg(args[0])
			if err != nil {
				return nil, err
			}
			if name == "removeprefix" {
				return Bytes(strings.TrimPrefix(bs(self), a)), nil
			}
			return Bytes(strings.TrimSuffix(bs(self), a)), nil
		})
	}
	for _, name := range []string{"center", "ljust", "rjust"} {
		defMethod(BytesClass, name, func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
			if err := posOnly(name, "bytes."+name, args, kw, 1, 2); err != nil {
				return nil, err
			}
			width, err := asIndex(th, args[0])
			if err != nil {
				return nil, err
			}
			fill := " "
			if len(args) > 1 {
				f, ok := args[1].(Bytes)
				if !ok || len(f) != 1 {
					return nil, NewError(TypeErrorClass, name+"() argument 2 must be a byte string of length 1, not "+TypeName(args[1]))
				}
				fill = string(f)
			}
			b := bs(self)
			if int64(len(b)) >= width {
				return Bytes(b), nil
			}
			if width > maxRepeat {
				return nil, NewError(MemoryErrorClass, "")
			}
			marg := int(width) - len(b)
			switch name {
			case "ljust":
				return Bytes(b + strings.Repeat(fill, marg)), nil
			case "rjust":
				return Bytes(strings.Repeat(fill, marg) + b), nil
			}
			left := marg/2 + (marg & int(width) & 1)
			return Bytes(strings.Repeat(fill, left) + b + strings.Repeat(fill, marg-left)), nil
		})
	}
	defMethod(BytesClass, "zfill", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		if err := oneArg("bytes.zfill", args, kw); err != nil {
			return nil, err
		}
		width, err := asIndex(th, args[0])
		if err != nil {
			return nil, err
		}
		b := bs(self)
		if int64(len(b)) >= width {
			return Bytes(b), nil
		}
		zeros := strings.Repeat("0", int(width)-len(b))
		if b != "" && (b[0] == '+' || b[0] == '-') {
			return Bytes(b[:1] + zeros + b[1:]), nil
		}
		return Bytes(zeros + b), nil
	})
	defMethod(BytesClass, "splitlines", func(th *Thread, self Value, args []Value, kw *Kwargs) (Value, error) {
		a, err := kwArgs("splitlines", args, kw, []string{"keepends"}, 0)
		if err != nil {
			return nil, err
		}
		keep := false
		if a[0] != nil {
			if keep, err = Truth(th, a[0]); err != nil {
				return nil, err
			}
		}
		b := bs(self)
		var out []Value
		for i := 0; i < len(b); {
			j := i
			for j < len(b) && b[j] != '\n' && b[j] != '\r' {
				j++
			}
			eol := j
			if j < len(b) {
				eol++
				if b[j] == '\r' && eol < len(b) && b[eol] == '\n' {
					eol++
				}
			}
			if keep {
				out = append(out, Bytes(b[i:eol]))
			} else {
				out = append(out, Bytes(b[i:j]))
			}
			i = eol
		}
		return &List{Items: out}, nil
	})
}

// asciiSpaceOnly hides the non-ASCII whitespace a str split would see,
// so that bytes split only at ASCII whitespace: each byte >= 0x80 and
// each of \x1c-\x1f becomes a placeholder letter of the same length.
func asciiSpaceOnly(b string) string {
	out := []byte(b)
	for i, c := range out {
		if c >= 0x80 || (c >= 0x1c && c <= 0x1f) {
			out[i] = 'x'
		}
	}
	return string(out)
}

// restoreBytes maps the words split from asciiSpaceOnly(b) back onto b,
// whose words sit at the same offsets.
func restoreBytes(b string, words []Value) []Value {
	masked := asciiSpaceOnly(b)
	out := make([]Value, len(words))
	pos := 0
	for i, w := range words {
		s := string(w.(Bytes))
		j := strings.Index(masked[pos:], s) + pos
		out[i] = Bytes(b[j : j+len(s)])
		pos = j + len(s)
	}
	return out
}
