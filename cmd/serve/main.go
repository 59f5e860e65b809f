// Command serve serves a built asyncplay site: the static tree the site
// builder writes to site/dist. It serves only the regular files it finds
// at start, with strong ETags, precompressed .br and .gz variants chosen
// by Accept-Encoding, and revalidation on every request.
//
//	go run ./cmd/serve                      # site/dist on 127.0.0.1:8080
//	go run ./cmd/serve -addr :9000 -dir out
//
// It listens on the loopback address unless told otherwise: a laptop at a
// conference should not serve the room by accident.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"net/http"
	"os"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	dir := flag.String("dir", "site/dist", "the built site to serve")
	flag.Parse()
	if err := run(*addr, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "serve:", err)
		os.Exit(1)
	}
}

func run(addr, dir string) error {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return fmt.Errorf("%s is not a built site (build it first)", dir)
	}
	s, err := newSite(os.DirFS(dir), time.Now())
	if err != nil {
		return err
	}
	if _, err := fs.Stat(os.DirFS(dir), "index.html"); errors.Is(err, fs.ErrNotExist) {
		log.Printf("warning: %s has no index.html", dir)
	}
	srv := &http.Server{Addr: addr, Handler: s, ReadHeaderTimeout: 10 * time.Second}
	log.Printf("serving %s (%d files) on http://%s/", dir, len(s.files), addr)
	return srv.ListenAndServe()
}
