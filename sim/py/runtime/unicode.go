package runtime

import (
	"sort"
	"unicode"
)

// Python's character properties (str.isalpha, str.upper, ...) follow the
// Unicode database CPython 3.11 was built with. Each predicate here is
// Go's nearest property corrected by a table of the code points where
// CPython disagrees (unicode_tables.go), which TestUnicodeTables
// generates from python3 and checks for every code point.

// inToggles reports whether r falls in one of the inclusive ranges of a
// sorted flat list [lo0, hi0, lo1, hi1, ...].
func inToggles(t []rune, r rune) bool {
	i := sort.Search(len(t)/2, func(i int) bool { return t[2*i+1] >= r })
	return i < len(t)/2 && t[2*i] <= r
}

func baseAlpha(r rune) bool   { return unicode.IsLetter(r) }
func baseDecimal(r rune) bool { return unicode.Is(unicode.Nd, r) }
func baseDigit(r rune) bool   { return unicode.Is(unicode.Nd, r) }
func baseNumeric(r rune) bool { return unicode.IsNumber(r) }
func basePrintable(r rune) bool {
	return unicode.IsPrint(r)
}
func baseLower(r rune) bool { return unicode.IsLower(r) || unicode.Is(unicode.Other_Lowercase, r) }
func baseUpper(r rune) bool { return unicode.IsUpper(r) || unicode.Is(unicode.Other_Uppercase, r) }
func baseTitle(r rune) bool { return unicode.IsTitle(r) }
func baseCaseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', '^', '`', 0xad, 0xb7, 0x2018, 0x2019, 0x2024, 0x2027:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}
func baseIDStart(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}
func baseIDContinue(r rune) bool {
	return baseIDStart(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc) || unicode.Is(unicode.Other_ID_Continue, r)
}

// The Python predicates for one code point.
func pyIsAlpha(r rune) bool {
	if r < 0x80 {
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	return baseAlpha(r) != inToggles(toggleAlpha, r)
}
func pyIsDecimal(r rune) bool {
	if r < 0x80 {
		return r >= '0' && r <= '9'
	}
	return baseDecimal(r) != inToggles(toggleDecimal, r)
}
func pyIsDigit(r rune) bool {
	if r < 0x80 {
		return r >= '0' && r <= '9'
	}
	return baseDigit(r) != inToggles(toggleDigit, r)
}
func pyIsNumeric(r rune) bool {
	if r < 0x80 {
		return r >= '0' && r <= '9'
	}
	return baseNumeric(r) != inToggles(toggleNumeric, r)
}
func pyIsPrintable(r rune) bool {
	if r < 0x80 {
		return r >= 0x20 && r < 0x7f
	}
	return basePrintable(r) != inToggles(togglePrintable, r)
}
func pyIsLower(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z'
	}
	return baseLower(r) != inToggles(toggleLower, r)
}
func pyIsUpper(r rune) bool {
	if r < 0x80 {
		return r >= 'A' && r <= 'Z'
	}
	return baseUpper(r) != inToggles(toggleUpper, r)
}
func pyIsTitle(r rune) bool {
	if r < 0x80 {
		return false
	}
	return baseTitle(r) != inToggles(toggleTitle, r)
}
func pyIsCased(r rune) bool { return pyIsLower(r) || pyIsUpper(r) || pyIsTitle(r) }
func pyIsCaseIgnorable(r rune) bool {
	return baseCaseIgnorable(r) != inToggles(toggleCaseIgnorable, r)
}
func pyIsIDStart(r rune) bool {
	if r < 0x80 {
		return r|0x20 >= 'a' && r|0x20 <= 'z' || r == '_'
	}
	return baseIDStart(r) != inToggles(toggleIDStart, r)
}
func pyIsIDContinue(r rune) bool {
	if r < 0x80 {
		return r|0x20 >= 'a' && r|0x20 <= 'z' || r >= '0' && r <= '9' || r == '_'
	}
	return baseIDContinue(r) != inToggles(toggleIDContinue, r)
}
func pyIsAlnum(r rune) bool {
	return pyIsAlpha(r) || pyIsDecimal(r) || pyIsDigit(r) || pyIsNumeric(r)
}

// The full case mappings of one code point.
func pyLower(r rune) string {
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		return string(r)
	}
	if s, ok := specialLower[r]; ok {
		return s
	}
	return string(unicode.ToLower(r))
}

func pyUpper(r rune) string {
	if r < 0x80 {
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		return string(r)
	}
	if s, ok := specialUpper[r]; ok {
		return s
	}
	return string(unicode.ToUpper(r))
}

func pyTitle(r rune) string {
	if r < 0x80 {
		return pyUpper(r)
	}
	if s, ok := specialTitle[r]; ok {
		return s
	}
	return string(unicode.ToTitle(r))
}

func pyFold(r rune) string {
	if s, ok := specialFold[r]; ok {
		return s
	}
	return pyLower(r)
}

// lowerAt is the lowercase of runes[i], with Greek capital sigma taking
// its final form at the end of a word, as CPython's lower_ucs4 does.
func lowerAt(runes []rune, i int) string {
	if runes[i] != 0x3a3 {
		return pyLower(runes[i])
	}
	j := i - 1
	for j >= 0 && pyIsCaseIgnorable(runes[j]) {
		j--
	}
	final := j >= 0 && pyIsCased(runes[j])
	if final {
		j = i + 1
		for j < len(runes) && pyIsCaseIgnorable(runes[j]) {
			j++
		}
		final = j == len(runes) || !pyIsCased(runes[j])
	}
	if final {
		return "\u03c2"
	}
	return "\u03c3"
}
