package sim

// newObject registers a kernel object in the trace and returns its id.
func (k *Kernel) newObject(kind, name string, capacity int) int {
	id := len(k.trace.Objects) + 1
	k.trace.Objects = append(k.trace.Objects, ObjectInfo{ID: id, Kind: kind, Name: name, Cap: capacity})
	k.emit(EvObject, k.currentID(), id, 0, int64(capacity), 0)
	return id
}

// currentID is the running task's id, 0 when the host acts between tasks.
func (k *Kernel) currentID() int {
	if k.current != nil {
		return k.current.id
	}
	return 0
}

// NewObject registers an object of the world (a socket, a listener) in the
// trace and returns its id; capacity is what [ObjectInfo.Cap] reports.
func (k *Kernel) NewObject(kind, name string, capacity int) int {
	return k.newObject(kind, name, capacity)
}

// RecordNet records a change of socket obj (see [NetOp]), made by the
// running task or, between tasks, by the world.
func (k *Kernel) RecordNet(obj int, op NetOp, val int64) {
	k.emit(EvNet, k.currentID(), obj, 0, val, int32(op))
}

// Ext returns what SetExt stored under key (nil if nothing): how a package
// of the world (the network, the pools) keeps its state for one run
// without the kernel knowing its types.
func (k *Kernel) Ext(key any) any { return k.ext[key] }

// SetExt stores v under key for [Kernel.Ext]. Use an unexported key type of
// the calling package, as with context values.
func (k *Kernel) SetExt(key, v any) {
	if k.ext == nil {
		k.ext = map[any]any{}
	}
	k.ext[key] = v
}
