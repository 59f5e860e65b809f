package runtime

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The codecs behind str.encode, bytes.decode, str(b, encoding) and
// bytes(s, encoding): UTF-8, ASCII and Latin-1, with the strict, ignore,
// replace and backslashreplace error handlers and CPython's messages.

// The Unicode errors of the codecs.
var (
	UnicodeEncodeErrorClass = newBuiltinClass("UnicodeEncodeError", UnicodeErrorClass)
	UnicodeDecodeErrorClass = newBuiltinClass("UnicodeDecodeError", UnicodeErrorClass)
)

// codecName normalises an encoding name to "utf-8", "ascii" or
// "latin-1", or returns "" for one the runtime does not have.
func codecName(name string) string {
	n := strings.ReplaceAll(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(name)), "-", "_"), " ", "_")
	switch n {
	case "utf_8", "utf8", "u8", "utf", "cp65001":
		return "utf-8"
	case "ascii", "us_ascii", "646":
		return "ascii"
	case "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819", "iso_ir_100", "csisolatin1":
		return "latin-1"
	}
	return ""
}

func checkErrorsName(errors string) error {
	switch errors {
	case "strict", "ignore", "replace", "backslashreplace":
		return nil
	}
	return NewError(LookupErrorClass, "unknown error handler name '"+errors+"'")
}

func charEscape(r rune) string {
	switch {
	case r <= 0xff:
		return `\x` + hex2(byte(r))
	case r <= 0xffff:
		return `\u` + hexN(uint32(r), 4)
	}
	return `\U` + hexN(uint32(r), 8)
}

// Encode is str.encode.
func Encode(s, encoding, errors string) (Bytes, error) {
	codec := codecName(encoding)
	if codec == "" {
		return "", NewError(LookupErrorClass, "unknown encoding: "+encoding)
	}
	if codec == "utf-8" {
		return Bytes(s), nil
	}
	limit := rune(0x80)
	if codec == "latin-1" {
		limit = 0x100
	}
	if codec == "ascii" && isASCII(s) {
		return Bytes(s), nil
	}
	runes := []rune(s)
	var b []byte
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		if r < limit {
			b = append(b, byte(r))
			continue
		}
		if err := checkErrorsName(errors); err != nil {
			return "", err
		}
		switch errors {
		case "ignore":
		case "replace":
			b = append(b, '?')
		case "backslashreplace":
			b = append(b, charEscape(r)...)
		default:
			j := i
			for j < len(runes) && runes[j] >= limit {
				j++
			}
			what := "character '" + charEscape(r) + "' in position " + strconv.Itoa(i)
			if j-i > 1 {
				what = "characters in position " + strconv.Itoa(i) + "-" + strconv.Itoa(j-1)
			}
			return "", NewError(UnicodeEncodeErrorClass, "'"+codec+"' codec can't encode "+what+": ordinal not in range("+strconv.Itoa(int(limit))+")")
		}
	}
	return Bytes(b), nil
}

// utf8Error finds the extent and reason of an invalid UTF-8 sequence at
// b[i], as CPython's decoder reports it.
func utf8Error(b string, i int) (int, string) {
	c := b[i]
	need, lo, hi := 0, byte(0x80), byte(0xbf)
	switch {
	case c >= 0xc2 && c <= 0xdf:
		need = 1
	case c >= 0xe0 && c <= 0xef:
		need = 2
		if c == 0xe0 {
			lo = 0xa0
		} else if c == 0xed {
			hi = 0x9f
		}
	case c >= 0xf0 && c <= 0xf4:
		need = 3
		if c == 0xf0 {
			lo = 0x90
		} else if c == 0xf4 {
			hi = 0x8f
		}
	default:
		return i + 1, "invalid start byte"
	}
	j := i + 1
	for k := 0; k < need; k++ {
		if j >= len(b) {
			return len(b), "unexpected end of data"
		}
		if b[j] < lo || b[j] > hi {
			return j, "invalid continuation byte"
		}
		lo, hi = 0x80, 0xbf
		j++
	}
	return j, "" // valid
}

// Decode is bytes.decode.
func Decode(b, encoding, errors string) (Str, error) {
	codec := codecName(encoding)
	if codec == "" {
		return "", NewError(LookupErrorClass, "unknown encoding: "+encoding)
	}
	switch codec {
	case "utf-8":
		if utf8.ValidString(b) {
			return Str(b), nil
		}
	case "ascii":
		if isASCII(b) {
			return Str(b), nil
		}
	case "latin-1":
		var out strings.Builder
		for i := 0; i < len(b); i++ {
			out.WriteRune(rune(b[i]))
		}
		return Str(out.String()), nil
	}
	var out strings.Builder
	for i := 0; i < len(b); {
		var end int
		var reason string
		if codec == "ascii" {
			if b[i] < 0x80 {
				out.WriteByte(b[i])
				i++
				continue
			}
			end, reason = i+1, "ordinal not in range(128)"
		} else {
			r, size := utf8.DecodeRuneInString(b[i:])
			if r != utf8.RuneError || size > 1 {
				out.WriteString(b[i : i+size])
				i += size
				continue
			}
			end, reason = utf8Error(b, i)
		}
		if err := checkErrorsName(errors); err != nil {
			return "", err
		}
		switch errors {
		case "ignore":
		case "replace":
			out.WriteRune(0xfffd)
		case "backslashreplace":
			for k := i; k < end; k++ {
				out.WriteString(`\x` + hex2(b[k]))
			}
		default:
			where := "byte 0x" + hex2(b[i]) + " in position " + strconv.Itoa(i)
			if end-i > 1 {
				where = "bytes in position " + strconv.Itoa(i) + "-" + strconv.Itoa(end-1)
			}
			return "", NewError(UnicodeDecodeErrorClass, "'"+codec+"' codec can't decode "+where+": "+reason)
		}
		i = end
	}
	return Str(out.String()), nil
}

// strArg reads an optional str argument (encoding, errors), with the
// TypeError Argument Clinic gives otherwise.
func strArg(fn, what string, v Value, def string) (string, error) {
	if v == nil {
		return def, nil
	}
	s, ok := v.(Str)
	if !ok {
		return "", NewError(TypeErrorClass, fn+"() argument '"+what+"' must be str, not "+TypeName(v))
	}
	return string(s), nil
}
