package run

import (
	"asyncplay/sim/py/modules"
	"asyncplay/sim/py/runtime"
)

// StandardModules makes the importer of one program: every built-in
// module of package modules (curio, collections, functools, itertools,
// math, random, time, datetime, signal, logging, sys), each built once
// for the program on first import.
func StandardModules(in *runtime.Interp) func(name string) (runtime.Value, bool) {
	return modules.Importer(in)
}
