package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
)

// file is one servable file, read once at start: the site is small and
// static, and holding it lets every response carry a strong ETag.
type file struct {
	body  []byte
	etag  string
	ctype string
	// encoded holds precompressed variants by Content-Encoding ("br",
	// "gzip"), from the builder's name.br and name.gz beside the file.
	encoded map[string]*file
}

// site serves a static tree. Only regular files found when it was made
// are served, dotfiles excepted: a request names a key of files or gets
// 404, so no path, however written, reaches outside the tree, and
// symlinks are not followed.
type site struct {
	files map[string]*file // by slash path without a leading slash
	start time.Time        // Last-Modified for all: the files have no times of their own
}

// contentPolicy lets a page use only the site itself: its scripts, its
// wasm (which needs 'wasm-unsafe-eval' to compile), its styles, its frames
// (the view) and its data. Inline styles are allowed because the editor
// sets element styles; inline scripts are not.
const contentPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"

// encodings are the precompressed variants a site may carry, best first.
var encodings = []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}}

func newSite(fsys fs.FS, start time.Time) (*site, error) {
	s := &site{files: map[string]*file{}, start: start}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if hidden(name) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		s.files[name] = &file{body: body, etag: `"` + hex.EncodeToString(sum[:12]) + `"`, ctype: contentType(name, body)}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for name, f := range s.files {
		for _, e := range encodings {
			if v, ok := s.files[name+e.ext]; ok {
				if f.encoded == nil {
					f.encoded = map[string]*file{}
				}
				// Each variant has its own ETag: caches must not mix them.
				f.encoded[e.name] = &file{body: v.body, etag: strings.TrimSuffix(f.etag, `"`) + "-" + e.name + `"`, ctype: f.ctype}
			}
		}
	}
	return s, nil
}

// hidden says a name is a dotfile or inside a dot folder (.git, the
// builder's marker): never part of the site.
func hidden(name string) bool {
	return name != "." && (strings.HasPrefix(name, ".") || strings.Contains(name, "/."))
}

// contentType is the type by extension, sniffed when the table has none.
func contentType(name string, body []byte) string {
	switch path.Ext(name) {
	case ".map":
		return "application/json" // source maps: missing from Go's table
	case ".md":
		return "text/markdown; charset=utf-8"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return http.DetectContentType(body)
}

// lookup finds the file for a URL path: the file itself, or a folder's
// index.html. redirect is set when a folder was named without its
// trailing slash, so relative links in its index resolve.
func (s *site) lookup(urlPath string) (f *file, redirect string) {
	name := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if name == "" {
		name = "."
	}
	if f := s.files[name]; f != nil && !strings.HasSuffix(urlPath, "/") {
		return f, ""
	}
	index := path.Join(name, "index.html")
	if f := s.files[index]; f != nil {
		if !strings.HasSuffix(urlPath, "/") {
			return nil, "/" + strings.TrimPrefix(name+"/", "./")
		}
		return f, ""
	}
	return nil, ""
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", contentPolicy)
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	f, redirect := s.lookup(r.URL.Path)
	if redirect != "" {
		if q := r.URL.RawQuery; q != "" {
			redirect += "?" + q
		}
		http.Redirect(w, r, redirect, http.StatusMovedPermanently)
		return
	}
	if f == nil {
		s.notFound(w, r)
		return
	}
	if f.encoded != nil {
		h.Add("Vary", "Accept-Encoding")
		if enc := pickEncoding(r.Header.Get("Accept-Encoding"), f.encoded); enc != "" {
			h.Set("Content-Encoding", enc)
			f = f.encoded[enc]
		}
	}
	h.Set("Content-Type", f.ctype)
	h.Set("ETag", f.etag)
	// Revalidate every time: a 304 costs one round trip, and a lesson
	// page never shows a stale program after the site is rebuilt.
	h.Set("Cache-Control", "no-cache")
	if h.Get("Content-Encoding") != "" && r.Header.Get("Range") == "" {
		// ServeContent leaves Content-Length out when an encoding is set.
		h.Set("Content-Length", strconv.Itoa(len(f.body)))
	}
	http.ServeContent(w, r, "", s.start, bytes.NewReader(f.body))
}

// notFound serves the site's own 404.html when it has one.
func (s *site) notFound(w http.ResponseWriter, r *http.Request) {
	page := s.files["404.html"]
	if page == nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", page.ctype)
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(page.body)
	}
}

// pickEncoding chooses the best variant the client accepts: br before
// gzip, skipping any it refuses with q=0.
func pickEncoding(accept string, have map[string]*file) string {
	ok := map[string]bool{}
	for part := range strings.SplitSeq(accept, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		q := 1.0
		for p := range strings.SplitSeq(params, ";") {
			if k, v, found := strings.Cut(strings.TrimSpace(p), "="); found && strings.EqualFold(k, "q") {
				if f, err := strconv.ParseFloat(v, 64); err == nil {
					q = f
				}
			}
		}
		ok[name] = q > 0
	}
	for _, e := range encodings {
		if have[e.name] != nil && (ok[e.name] || (ok["*"] && !hasKey(ok, e.name))) {
			return e.name
		}
	}
	return ""
}

func hasKey(m map[string]bool, k string) bool { _, ok := m[k]; return ok }
