package modules

import rt "asyncplay/sim/py/runtime"

func init() {
	register("collections", func(in *rt.Interp) *rt.Module {
		m := newModule("collections")
		m.NS.Set("deque", dequeClass)
		m.NS.Set("defaultdict", defaultDictClass)
		m.NS.Set("OrderedDict", orderedDictClass)
		m.NS.Set("Counter", counterClass)
		fn(m, "namedtuple", namedtupleFn)
		return m
	})
}
