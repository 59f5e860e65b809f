package runtime

// Namespace is an insertion-ordered map from names to values: a module's
// globals, a class's or an instance's __dict__. Lookups are one Go map
// access; deleted entries leave a hole that Compact squeezes out, so
// iteration keeps Python's order.
type Namespace struct {
	index   map[string]int
	keys    []string
	vals    []Value // nil marks a deleted entry
	holes   int
	version uint64 // changes when slots move (deletion), for cached lookups
}

// NewNamespace returns an empty namespace.
func NewNamespace() *Namespace { return &Namespace{index: map[string]int{}} }

// Get returns the value bound to name.
func (ns *Namespace) Get(name string) (Value, bool) {
	if i, ok := ns.index[name]; ok {
		return ns.vals[i], true
	}
	return nil, false
}

// Set binds name, keeping its place if it was bound already.
func (ns *Namespace) Set(name string, v Value) {
	if i, ok := ns.index[name]; ok {
		ns.vals[i] = v
		return
	}
	ns.index[name] = len(ns.keys)
	ns.keys = append(ns.keys, name)
	ns.vals = append(ns.vals, v)
}

// Delete unbinds name and reports whether it was bound.
func (ns *Namespace) Delete(name string) bool {
	i, ok := ns.index[name]
	if !ok {
		return false
	}
	delete(ns.index, name)
	ns.vals[i] = nil
	ns.holes++
	ns.version++
	if ns.holes > 16 && ns.holes*2 > len(ns.keys) {
		ns.compact()
	}
	return true
}

func (ns *Namespace) compact() {
	keys, vals := ns.keys[:0], ns.vals[:0]
	for i, k := range ns.keys {
		if ns.vals[i] != nil {
			ns.index[k] = len(keys)
			keys = append(keys, k)
			vals = append(vals, ns.vals[i])
		}
	}
	clear(ns.vals[len(vals):])
	ns.keys, ns.vals, ns.holes = keys, vals, 0
}

// Len is the number of bound names.
func (ns *Namespace) Len() int { return len(ns.index) }

// Keys lists the bound names in insertion order.
func (ns *Namespace) Keys() []string {
	out := make([]string, 0, ns.Len())
	for i, k := range ns.keys {
		if ns.vals[i] != nil {
			out = append(out, k)
		}
	}
	return out
}
