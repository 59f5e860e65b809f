package runtime

// Handling returns the exception the innermost running except block is
// handling (sys.exc_info()[1], what logging.exception reports), or nil.
func (th *Thread) Handling() *Instance {
	if n := len(th.handling); n > 0 {
		return th.handling[n-1]
	}
	return nil
}
