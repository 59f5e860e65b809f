package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// serve answers on its listener until its context ends (what Ctrl-C
// does), then returns without error once the requests are done.
func TestServeStopsGracefully(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<p>hello</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, dir, false) }()
	res, err := http.Get("http://" + ln.Addr().String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if string(body) != "<p>hello</p>" {
		t.Errorf("served %q", body)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve returned %v after its context ended", err)
	}
}

// In dev mode the server reads the folder again once the builder touches
// the marker, and not before.
func TestDevSiteReloadsWhenMarked(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(".asyncplay-site", "built\n")
	write("index.html", "<p>first</p>")
	d, err := newDevSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := get(d, "GET", "/").body; got != "<p>first</p>" {
		t.Fatalf("served %q", got)
	}
	write("index.html", "<p>second</p>")
	if got := get(d, "GET", "/").body; got != "<p>first</p>" {
		t.Errorf("served %q before the marker moved", got)
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, ".asyncplay-site"), later, later); err != nil {
		t.Fatal(err)
	}
	if got := get(d, "GET", "/").body; got != "<p>second</p>" {
		t.Errorf("served %q after the marker moved", got)
	}
}
