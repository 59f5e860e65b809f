package syntax

import (
	"os"
	"testing"
)

// BenchmarkParse parses a 300-line curio program (the last parse corpus
// file), checks included.
func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile("testdata/parse/zz_program.py")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("<main>", string(src)); err != nil {
			b.Fatal(err)
		}
	}
}
