package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"asyncplay/lessons"
	sitebuild "asyncplay/site"
)

var start = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

func testSite(t *testing.T) *site {
	t.Helper()
	s, err := newSite(fstest.MapFS{
		"index.html":              {Data: []byte("<h1>lessons</h1>")},
		"app.js":                  {Data: []byte("console.log('plain')")},
		"app.js.gz":               {Data: []byte("GZ")},
		"app.js.br":               {Data: []byte("BR")},
		"app.js.map":              {Data: []byte("{}")},
		"asyncplay.wasm":          {Data: []byte("\x00asm")},
		"lessons/index.html":      {Data: []byte("<ul></ul>")},
		"lessons/queues.html":     {Data: []byte("<p>queues</p>")},
		"lessons/queues.html.gz":  {Data: []byte("GZQ")},
		"notes.md":                {Data: []byte("# notes")},
		"deep/er/no-index/x.txt":  {Data: []byte("x")},
		"lessons/.hidden/x.html":  {Data: []byte("a dot folder")},
		".git/config":             {Data: []byte("[core]")},
		".asyncplay-site":         {Data: []byte("marker")},
		"lessons/unicode/é.html":  {Data: []byte("é")},
		"lessons/with space.html": {Data: []byte("space")},
	}, start)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

type reply struct {
	code   int
	header http.Header
	body   string
}

func get(s http.Handler, method, target string, header ...string) reply {
	r := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	body, _ := io.ReadAll(w.Result().Body)
	return reply{w.Code, w.Result().Header, string(body)}
}

func TestServesFilesWithTypes(t *testing.T) {
	s := testSite(t)
	for _, c := range []struct{ path, ctype, body string }{
		{"/", "text/html; charset=utf-8", "<h1>lessons</h1>"},
		{"/index.html", "text/html; charset=utf-8", "<h1>lessons</h1>"},
		{"/lessons/", "text/html; charset=utf-8", "<ul></ul>"},
		{"/lessons/queues.html", "text/html; charset=utf-8", "<p>queues</p>"},
		{"/app.js.map", "application/json", "{}"},
		{"/asyncplay.wasm", "application/wasm", "\x00asm"},
		{"/notes.md", "text/markdown; charset=utf-8", "# notes"},
		{"/lessons/unicode/%C3%A9.html", "text/html; charset=utf-8", "é"},
		{"/lessons/with%20space.html", "text/html; charset=utf-8", "space"},
	} {
		got := get(s, "GET", c.path)
		if got.code != 200 || got.header.Get("Content-Type") != c.ctype || got.body != c.body {
			t.Errorf("GET %s = %d %q %q; want 200 %q %q", c.path, got.code, got.header.Get("Content-Type"), got.body, c.ctype, c.body)
		}
		if got.header.Get("ETag") == "" || got.header.Get("Cache-Control") != "no-cache" || got.header.Get("X-Content-Type-Options") != "nosniff" ||
			!strings.HasPrefix(got.header.Get("Content-Security-Policy"), "default-src 'self'; script-src 'self' 'wasm-unsafe-eval';") {
			t.Errorf("GET %s headers %v", c.path, got.header)
		}
	}
	if !strings.HasPrefix(get(s, "GET", "/app.js").header.Get("Content-Type"), "text/javascript") {
		t.Error("app.js is not served as JavaScript")
	}
}

// Whatever a path says, only files found at start are served.
func TestNothingOutsideTheSite(t *testing.T) {
	s := testSite(t)
	for _, p := range []string{
		"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
		"/lessons/../../files.go", "/files.go", "/deep/er/no-index/", "/deep/",
		"/nope.html", "/lessons/queues.html/", "/index.html%00.js", "//etc/passwd",
		"/C:/Windows/win.ini", "/lessons\\..\\..\\files.go",
		"/.git/config", "/.asyncplay-site", "/lessons/.hidden/x.html",
	} {
		if got := get(s, "GET", p); got.code != 404 || got.body != "404 page not found\n" {
			t.Errorf("GET %s = %d %q; want 404", p, got.code, got.body)
		}
	}
	// A path with ".." that stays inside is cleaned, as browsers do.
	if got := get(s, "GET", "/lessons/../index.html"); got.code != 200 || got.body != "<h1>lessons</h1>" {
		t.Errorf("GET /lessons/../index.html = %d %q", got.code, got.body)
	}
}

// On disk, a symlink pointing out of the site is not followed.
func TestSymlinksAreNotServed(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(secret, []byte("secret"), 0o600)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("home"), 0o600)
	if err := os.Symlink(secret, filepath.Join(dir, "leak.txt")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	os.Symlink(filepath.Dir(secret), filepath.Join(dir, "outside"))
	s, err := newSite(os.DirFS(dir), start)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/leak.txt", "/outside/secret.txt"} {
		if got := get(s, "GET", p); got.code != 404 {
			t.Errorf("GET %s = %d %q; want 404", p, got.code, got.body)
		}
	}
}

func TestFolderWithoutSlashRedirects(t *testing.T) {
	s := testSite(t)
	got := get(s, "GET", "/lessons?lesson=queues")
	if got.code != 301 || got.header.Get("Location") != "/lessons/?lesson=queues" {
		t.Errorf("GET /lessons = %d Location %q", got.code, got.header.Get("Location"))
	}
}

func TestPrecompressedVariants(t *testing.T) {
	s := testSite(t)
	for _, c := range []struct{ accept, enc, body string }{
		{"gzip, deflate, br, zstd", "br", "BR"},
		{"gzip", "gzip", "GZ"},
		{"br;q=0, gzip;q=0.5", "gzip", "GZ"},
		{"BR", "br", "BR"},
		{"*", "br", "BR"},
		{"*, br;q=0", "gzip", "GZ"},
		{"identity", "", "console.log('plain')"},
		{"", "", "console.log('plain')"},
		{"gzip;q=0", "", "console.log('plain')"},
	} {
		got := get(s, "GET", "/app.js", "Accept-Encoding", c.accept)
		if got.code != 200 || got.header.Get("Content-Encoding") != c.enc || got.body != c.body {
			t.Errorf("Accept-Encoding %q: %d %q %q; want %q %q", c.accept, got.code, got.header.Get("Content-Encoding"), got.body, c.enc, c.body)
		}
		if got.header.Get("Vary") != "Accept-Encoding" || got.header.Get("Content-Length") != itoa(len(c.body)) {
			t.Errorf("Accept-Encoding %q: Vary %q Content-Length %q", c.accept, got.header.Get("Vary"), got.header.Get("Content-Length"))
		}
		if !strings.HasPrefix(got.header.Get("Content-Type"), "text/javascript") {
			t.Errorf("Accept-Encoding %q: Content-Type %q", c.accept, got.header.Get("Content-Type"))
		}
	}
	// Only variants that exist: queues.html has a .gz and no .br.
	if got := get(s, "GET", "/lessons/queues.html", "Accept-Encoding", "br, gzip"); got.header.Get("Content-Encoding") != "gzip" || got.body != "GZQ" {
		t.Errorf("queues.html: %q %q", got.header.Get("Content-Encoding"), got.body)
	}
	// A file with no variants does not vary.
	if got := get(s, "GET", "/index.html", "Accept-Encoding", "br"); got.header.Get("Vary") != "" || got.header.Get("Content-Encoding") != "" {
		t.Errorf("index.html headers %v", got.header)
	}
}

// Each variant has its own strong ETag, and a matching If-None-Match
// gets 304 with no body.
func TestRevalidation(t *testing.T) {
	s := testSite(t)
	plain := get(s, "GET", "/app.js").header.Get("ETag")
	br := get(s, "GET", "/app.js", "Accept-Encoding", "br").header.Get("ETag")
	if plain == br || !strings.HasPrefix(plain, `"`) || !strings.HasSuffix(br, `-br"`) {
		t.Errorf("ETags %s and %s", plain, br)
	}
	if got := get(s, "GET", "/app.js", "If-None-Match", plain); got.code != 304 || got.body != "" {
		t.Errorf("If-None-Match plain: %d %q", got.code, got.body)
	}
	if got := get(s, "GET", "/app.js", "If-None-Match", br); got.code != 200 {
		t.Errorf("a br ETag matched the plain body: %d", got.code)
	}
	if got := get(s, "GET", "/app.js", "If-Modified-Since", start.Format(http.TimeFormat)); got.code != 304 {
		t.Errorf("If-Modified-Since start: %d", got.code)
	}
}

func TestHeadRangeAndMethods(t *testing.T) {
	s := testSite(t)
	if got := get(s, "HEAD", "/lessons/queues.html"); got.code != 200 || got.body != "" || got.header.Get("Content-Length") != "13" {
		t.Errorf("HEAD: %d %q length %q", got.code, got.body, got.header.Get("Content-Length"))
	}
	if got := get(s, "GET", "/lessons/queues.html", "Range", "bytes=3-8"); got.code != 206 || got.body != "queues" {
		t.Errorf("Range: %d %q", got.code, got.body)
	}
	for _, m := range []string{"POST", "PUT", "DELETE", "OPTIONS"} {
		if got := get(s, m, "/index.html"); got.code != 405 || got.header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: %d Allow %q", m, got.code, got.header.Get("Allow"))
		}
	}
}

func TestSiteNotFoundPage(t *testing.T) {
	s, err := newSite(fstest.MapFS{"404.html": {Data: []byte("<p>no such lesson</p>")}}, start)
	if err != nil {
		t.Fatal(err)
	}
	got := get(s, "GET", "/lessons/gone.html")
	if got.code != 404 || got.body != "<p>no such lesson</p>" || got.header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("404 page: %d %q %q", got.code, got.body, got.header.Get("Content-Type"))
	}
	if got := get(s, "HEAD", "/gone"); got.code != 404 || got.body != "" {
		t.Errorf("HEAD 404: %d %q", got.code, got.body)
	}
}

func TestRunRefusesAMissingSite(t *testing.T) {
	err := run("127.0.0.1:0", filepath.Join(t.TempDir(), "dist"), false)
	if err == nil || !strings.Contains(err.Error(), "is not a built site") {
		t.Errorf("run on a missing folder: %v", err)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// The built site, served: what `make serve` does, without the network.
func TestServesTheBuiltSite(t *testing.T) {
	ls, err := lessons.All()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "dist")
	if err := sitebuild.Build(out, ls); err != nil {
		t.Fatal(err)
	}
	s, err := newSite(os.DirFS(out), start)
	if err != nil {
		t.Fatal(err)
	}
	if got := get(s, "GET", "/lessons/01-tasks"); got.code != 301 || got.header.Get("Location") != "/lessons/01-tasks/" {
		t.Errorf("lesson without slash: %d %q", got.code, got.header.Get("Location"))
	}
	got := get(s, "GET", "/lessons/01-tasks/", "Accept-Encoding", "gzip")
	if got.code != 200 || got.header.Get("Content-Encoding") != "gzip" {
		t.Errorf("lesson page: %d encoding %q", got.code, got.header.Get("Content-Encoding"))
	}
	for _, p := range []string{"/", "/static/style.css", "/lessons/11-backpressure/"} {
		if got := get(s, "GET", p); got.code != 200 {
			t.Errorf("GET %s = %d", p, got.code)
		}
	}
	if got := get(s, "GET", "/lessons/99-missing/"); got.code != 404 || !strings.Contains(got.body, "No such page") {
		t.Errorf("missing lesson: %d %q", got.code, got.body)
	}
}
