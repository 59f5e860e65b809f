package run

import (
	"asyncplay/sim/py/modules"
	"asyncplay/sim/py/runtime"
)

// StandardModules makes the importer of one program: every built-in
// module of package modules (curio, and the standard ones as they are
// written), each built once for the program on first import.
func StandardModules(in *runtime.Interp) func(name string) (runtime.Value, bool) {
	imp := modules.Importer(in)
	return func(name string) (runtime.Value, bool) {
		if m, ok := imp(name); ok {
			return m, true
		}
		if name == "sys" { // until package modules has its own sys
			ns := runtime.NewNamespace()
			ns.Set("stdout", runtime.StdoutStream)
			ns.Set("stderr", runtime.StderrStream)
			return &runtime.Module{Name: "sys", NS: ns}, true
		}
		return nil, false
	}
}
