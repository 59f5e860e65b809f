package main

import (
	"log"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// devSite is the server of `serve -dev`: it serves dir like a site does,
// and reads the folder again whenever the builder touches the site's
// marker (.asyncplay-site), which `sitebuild -watch` does after it
// re-renders a lesson. A reload keeps answering from the old files until
// the new ones are read.
type devSite struct {
	dir string

	mu     sync.Mutex
	site   *site
	marked time.Time // the marker's time when site was read
}

func newDevSite(dir string) (*devSite, error) {
	d := &devSite{dir: dir}
	return d, d.reload()
}

// reload reads the folder if its marker moved since the last read.
func (d *devSite) reload() error {
	fi, err := os.Stat(filepath.Join(d.dir, ".asyncplay-site"))
	var marked time.Time
	if err == nil {
		marked = fi.ModTime()
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.site != nil && marked.Equal(d.marked) {
		return nil
	}
	s, err := newSite(os.DirFS(d.dir), time.Now())
	if err != nil {
		return err
	}
	if d.site != nil {
		log.Printf("the site changed; serving %d files", len(s.files))
	}
	d.site, d.marked = s, marked
	return nil
}

func (d *devSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := d.reload(); err != nil {
		log.Printf("reloading %s: %v (serving the files read before)", d.dir, err)
	}
	d.mu.Lock()
	s := d.site
	d.mu.Unlock()
	s.ServeHTTP(w, r)
}
