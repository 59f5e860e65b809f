package runtime

import (
	"math"
	"math/big"
	"testing"
)

// FuzzFormatSpec: no specification, however malformed, panics any of the
// formatters.
func FuzzFormatSpec(f *testing.F) {
	for _, s := range append(append(floatSpecs, intSpecs...), strSpecs...) {
		f.Add(s, 1234.5)
	}
	f.Fuzz(func(t *testing.T, spec string, v float64) {
		for _, typ := range []string{"int", "float", "str"} {
			fs, err := ParseFormatSpec(spec, typ)
			if err != nil {
				continue
			}
			if fs.Width > 1<<16 || fs.Precision > 1<<16 {
				continue // valid, but huge outputs are not what this looks for
			}
			FormatFloat(v, fs)
			FormatStr("héllo", fs)
			if !math.IsInf(v, 0) && !math.IsNaN(v) {
				n, _ := new(big.Float).SetFloat64(v).Int(nil)
				FormatInt(n, fs)
			}
		}
	})
}
