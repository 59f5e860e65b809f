// Command serve serves a built asyncplay site: the static tree the site
// builder writes to site/dist. It serves only the regular files it finds
// at start, with strong ETags, precompressed .br and .gz variants chosen
// by Accept-Encoding, and revalidation on every request.
//
//	go run ./cmd/serve                      # site/dist on 127.0.0.1:8080
//	go run ./cmd/serve -addr :9000 -dir out
//	go run ./cmd/serve -dev                 # read the site again when sitebuild -watch changes it
//
// It listens on the loopback address unless told otherwise: a laptop at a
// conference should not serve the room by accident. Ctrl-C or SIGTERM
// stops it once the requests in flight are answered. Every response
// carries a Content-Security-Policy that allows only the site itself.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	dir := flag.String("dir", "site/dist", "the built site to serve")
	dev := flag.Bool("dev", false, "read the site again when the builder changes it (with sitebuild -watch)")
	flag.Parse()
	if err := run(*addr, *dir, *dev); err != nil {
		fmt.Fprintln(os.Stderr, "serve:", err)
		os.Exit(1)
	}
}

func run(addr, dir string, dev bool) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	// Ctrl-C or SIGTERM: finish the requests in flight, then stop.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, ln, dir, dev)
}

// serve serves the site in dir on ln until ctx ends, then shuts down
// gracefully: requests in flight get up to five seconds to finish. With
// dev, the site is read again whenever the builder marks it changed.
func serve(ctx context.Context, ln net.Listener, dir string, dev bool) error {
	defer ln.Close()
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return fmt.Errorf("%s is not a built site (build it first)", dir)
	}
	var handler http.Handler
	if dev {
		d, err := newDevSite(dir)
		if err != nil {
			return err
		}
		handler = d
	} else {
		s, err := newSite(os.DirFS(dir), time.Now())
		if err != nil {
			return err
		}
		handler = s
	}
	if _, err := fs.Stat(os.DirFS(dir), "index.html"); errors.Is(err, fs.ErrNotExist) {
		log.Printf("warning: %s has no index.html", dir)
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	log.Printf("serving %s on http://%s/ (Ctrl-C stops)", dir, ln.Addr())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	log.Printf("stopping")
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shutdown)
}
