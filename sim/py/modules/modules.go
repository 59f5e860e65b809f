// Package modules holds the built-in modules a program may import, each a
// Go implementation: curio bound to the kernel, and the standard modules
// lessons use (collections, functools, itertools, math, random, time,
// datetime, signal, logging, sys). Time and randomness come from the
// kernel only: time.time() reads the virtual clock, time.sleep() holds the
// kernel's one CPU (or sleeps a thread's or process's lane only), random
// draws from the kernel's seeded generator.
package modules

import (
	"sort"
	"strings"

	"asyncplay/sim/py/runtime"
)

// builder creates a module for one interpreter.
type builder func(in *runtime.Interp) *runtime.Module

// registry maps module names to their builders; each file registers its
// own in an init function.
var registry = map[string]builder{}

func register(name string, b builder) { registry[name] = b }

// Names lists the importable modules.
func Names() []string {
	var out []string
	for n := range registry {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Importer returns the import function of one program: each module is
// built once per interpreter, on first import. A dotted name is a
// submodule its package's module holds as an attribute (curio.thread).
func Importer(in *runtime.Interp) func(name string) (runtime.Value, bool) {
	built := map[string]*runtime.Module{}
	var imp func(name string) (runtime.Value, bool)
	imp = func(name string) (runtime.Value, bool) {
		if m, ok := built[name]; ok {
			return m, true
		}
		var m *runtime.Module
		if b, ok := registry[name]; ok {
			m = b(in)
		} else if dot := strings.LastIndexByte(name, '.'); dot > 0 {
			parent, ok := imp(name[:dot])
			if !ok {
				return nil, false
			}
			v, _ := parent.(*runtime.Module).NS.Get(name[dot+1:])
			if m, ok = v.(*runtime.Module); !ok || m.Name != name {
				return nil, false
			}
		} else {
			return nil, false
		}
		built[name] = m
		noteImported(built, name, m)
		for _, sub := range Names() { // the package's submodules are its attributes
			if rest, ok := strings.CutPrefix(sub, name+"."); ok && !strings.Contains(rest, ".") {
				if _, done := built[sub]; !done {
					built[sub] = registry[sub](in)
				}
				m.NS.Set(rest, built[sub])
			}
		}
		return m, true
	}
	return imp
}

// newModule starts a module with its __name__.
func newModule(name string) *runtime.Module {
	ns := runtime.NewNamespace()
	ns.Set("__name__", runtime.Str(name))
	return &runtime.Module{Name: name, NS: ns}
}

// fn adds a built-in function to a module.
func fn(m *runtime.Module, name string, f func(th *runtime.Thread, args []runtime.Value, kw *runtime.Kwargs) (runtime.Value, error)) {
	m.NS.Set(name, &runtime.Builtin{Name: name, Fn: f})
}
