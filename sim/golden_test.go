package sim_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"asyncplay/sim"
)

// TestGoldenTraces compares each scenario's whole trace, as JSON lines,
// with testdata/golden/<name>.jsonl. `make test` runs this natively and as
// js/wasm under Node, so passing both proves the two builds trace alike.
// UPDATE_GOLDEN=1 rewrites the files; review their diff before committing.
func TestGoldenTraces(t *testing.T) {
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			k, _, _, _ := run(t, sc.main, sc.opts...)
			var got strings.Builder
			must(t, k.Trace().WriteJSONL(&got))
			path := filepath.Join("testdata", "golden", sc.name+".jsonl")
			if os.Getenv("UPDATE_GOLDEN") != "" {
				must(t, os.MkdirAll(filepath.Dir(path), 0o755))
				must(t, os.WriteFile(path, []byte(got.String()), 0o644))
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
			}
			if got.String() != string(want) {
				t.Errorf("trace differs from %s at %s", path, firstDiff(got.String(), string(want)))
			}
		})
	}
}

// TestScenariosAreDeterministic runs every scenario twice, once in one
// Step and once in slices of a single step, and requires equal digests.
func TestScenariosAreDeterministic(t *testing.T) {
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			k1, _, _, _ := run(t, sc.main, sc.opts...)
			k2, _, _, _ := run(t, sc.main, sc.opts...)
			k3 := sim.New(append([]sim.Option{sim.WithGoLocations()}, sc.opts...)...)
			k3.Start("main", sc.main)
			for steps := 0; !k3.Step(1); steps++ {
				if steps > 1_000_000 {
					t.Fatal("sliced run does not end")
				}
			}
			d1, d2, d3 := k1.Trace().Digest(), k2.Trace().Digest(), k3.Trace().Digest()
			if d1 != d2 || d1 != d3 {
				t.Errorf("digests differ: run %s, rerun %s, sliced %s", d1, d2, d3)
			}
		})
	}
}

// firstDiff names the first line where two texts differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + itoa(i+1) + "\n  got:  " + gl + "\n  want: " + wl
		}
	}
	return "(equal)"
}

func itoa(i int) string { return strconv.Itoa(i) }
