package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The watcher's stamp changes when a lesson is saved, added or removed,
// and not otherwise; other files do not count.
func TestStampSeesLessonChanges(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string, at time.Time) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
	}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	write("01-a.md", "a", t0)
	first := stamp(dir)
	if stamp(dir) != first {
		t.Error("the stamp changed with nothing saved")
	}
	write("notes.txt", "not a lesson", t0.Add(time.Minute))
	if stamp(dir) != first {
		t.Error("a file that is not a lesson changed the stamp")
	}
	write("01-a.md", "a", t0.Add(time.Second))
	saved := stamp(dir)
	if saved == first {
		t.Error("saving a lesson left the stamp as it was")
	}
	write("02-b.md", "b", t0)
	if stamp(dir) == saved {
		t.Error("adding a lesson left the stamp as it was")
	}
	os.Remove(filepath.Join(dir, "02-b.md"))
	if stamp(dir) != saved {
		t.Error("removing the added lesson did not bring the stamp back")
	}
}
