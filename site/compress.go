package site

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"

	"github.com/andybalholm/brotli"
)

// Precompression. Every text file and the wasm are written with .br and
// .gz twins, so cmd/serve (or any static host) sends the smallest one the
// browser accepts without compressing per request. Brotli at its best
// quality makes the engine about 30% smaller than gzip, which is what keeps
// a lesson's first load within its budget, but takes about a minute for
// the 22 MB engine; compressed files are therefore kept in the user's
// cache by content hash, and only a changed engine pays again.

// gzipped is data gzip-compressed with no name and no time, so every
// build makes the same bytes.
func gzipped(data []byte) []byte {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}

// brotlied is data brotli-compressed at quality 11 with a 16 MB window,
// from the cache when this exact data was compressed before.
func brotlied(data []byte) []byte {
	sum := sha256.Sum256(data)
	var cached string
	if dir, err := os.UserCacheDir(); err == nil {
		cached = filepath.Join(dir, "asyncplay", "brotli", hex.EncodeToString(sum[:])+".br")
		if b, err := os.ReadFile(cached); err == nil {
			return b
		}
	}
	var b bytes.Buffer
	w := brotli.NewWriterOptions(&b, brotli.WriterOptions{Quality: 11, LGWin: 24})
	w.Write(data)
	w.Close()
	if cached != "" {
		// A cache that cannot be written only costs time on the next build.
		// A temporary file renamed into place: two builds at once never
		// read half a file.
		if os.MkdirAll(filepath.Dir(cached), 0o755) == nil {
			if f, err := os.CreateTemp(filepath.Dir(cached), "*.tmp"); err == nil {
				_, err := f.Write(b.Bytes())
				if f.Close() == nil && err == nil {
					os.Rename(f.Name(), cached)
				}
				os.Remove(f.Name()) // gone already if the rename worked
			}
			prune(filepath.Dir(cached), 64)
		}
	}
	return b.Bytes()
}

// prune keeps the newest keep files of the cache folder dir: every engine
// build adds one of 3.4 MB, and old ones are never asked for again.
func prune(dir string, keep int) {
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) <= keep {
		return
	}
	type aged struct {
		name string
		mod  int64
	}
	var files []aged
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() {
			files = append(files, aged{e.Name(), info.ModTime().UnixNano()})
		}
	}
	slices.SortFunc(files, func(a, b aged) int { return cmp.Compare(b.mod, a.mod) })
	for _, f := range files[min(keep, len(files)):] {
		os.Remove(filepath.Join(dir, f.name))
	}
}
