package runtime

// What the modules ask of the running code: curio chooses between its two
// faces by it (the same name is a plain call in a thread and an awaitable
// in async code), and pickling looks names up in the module's globals.

// IsCoroutineFunction reports whether calling f makes a coroutine
// (inspect.iscoroutinefunction).
func (f *Function) IsCoroutineFunction() bool { return f.Code.async && !f.Code.generator }

// InCoroutine reports whether the innermost Python frame, the caller of a
// built-in, runs async code (a coroutine or an async generator), looking
// through the comprehensions it may be in: curio's from_coroutine().
func (th *Thread) InCoroutine() bool {
	for f := th.Frame; f != nil && f.code != nil; f = f.Back {
		if f.code.async {
			return true
		}
		switch f.code.Name {
		case "<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>":
			continue
		}
		return false
	}
	return false
}

// Globals is the namespace of the frame's module.
func (fr *Frame) Globals() *Namespace { return fr.globals }
