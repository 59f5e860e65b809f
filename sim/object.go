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
