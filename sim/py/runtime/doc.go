// Package runtime holds the values and the evaluator of asyncplay's
// Python subset (see package py for the map). It is being built in
// slices; this slice has the number formatting every later part prints
// through: CPython's float repr and the format-spec mini-language of
// format(), f-strings and str.format.
package runtime
