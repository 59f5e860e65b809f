package run

import (
	"asyncplay/sim/py/runtime"
)

// StandardModules provides the modules every program may import. The
// language issue grows this list (collections, functools, itertools,
// math, curio, time, ...); sys is here already for its output streams.
func StandardModules(in *runtime.Interp, name string) (runtime.Value, bool) {
	switch name {
	case "sys":
		ns := runtime.NewNamespace()
		ns.Set("stdout", runtime.StdoutStream)
		ns.Set("stderr", runtime.StderrStream)
		return &runtime.Module{Name: "sys", NS: ns}, true
	}
	return nil, false
}
