package site

import (
	"strings"
	"testing"
)

// Without site/node_modules the error says how to get it.
func TestBundleWithoutModules(t *testing.T) {
	empty := t.TempDir()
	saved := sourceDir
	sourceDir = func() (string, error) { return empty, nil }
	t.Cleanup(func() { sourceDir = saved })
	_, err := bundle(PageScript)
	if err == nil || !strings.Contains(err.Error(), "run `npm ci` in site/") {
		t.Errorf("bundling without node_modules: %v", err)
	}
}
