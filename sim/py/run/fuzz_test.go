package run

import (
	"os"
	"path/filepath"
	"testing"

	"asyncplay/sim"
)

// FuzzRun runs arbitrary source under tight limits: whatever it is, the
// host never panics or hangs (the kernel's limits stop it), and two runs
// give the same trace. The corpus programs seed it.
func FuzzRun(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "lang", "*.py"))
	for _, path := range files {
		if src, err := os.ReadFile(path); err == nil {
			f.Add(string(src))
		}
	}
	f.Add("import curio\nasync def main():\n    q = curio.Queue(1)\n    t = await curio.spawn(q.put, 1)\n    print(await q.get())\ncurio.run(main)\n")
	limits := sim.Limits{Steps: 20_000, Time: sim.Hour, TraceEvents: 50_000, OutputBytes: 1 << 16}
	f.Fuzz(func(t *testing.T, src string) {
		cfg := Config{Limits: limits, MaxMemory: 2 << 30, OpCost: 10, Modules: StandardModules}
		a := Program(src, cfg)
		b := Program(src, cfg)
		if da, db := a.Kernel.Trace().Digest(), b.Kernel.Trace().Digest(); da != db {
			t.Fatalf("two runs differ: %s vs %s", da, db)
		}
	})
}
