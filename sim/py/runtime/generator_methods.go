package runtime

// stopIteration is the exception a finished generator step raises.
func stopIteration(v Value) error {
	e := NewInstance(StopIterationClass)
	if v != None {
		e.Exc.Args = Tuple{v}
	}
	return e
}

// step is send/__next__: the next yielded value, or StopIteration with
// the return value.
func (g *Generator) step(th *Thread, send Value, throw error) (Value, error) {
	v, yielded, err := g.resume(th, send, throw)
	if err != nil {
		return nil, err
	}
	if !yielded {
		return nil, stopIteration(v)
	}
	return v, nil
}

// throwArgs turns throw(type[, value]) into the exception to raise.
func throwArgs(th *Thread, args []Value) (error, error) {
	if len(args) == 0 {
		return nil, NewError(TypeErrorClass, "throw expected at least 1 argument, got 0")
	}
	e, err := makeException(th, args[0])
	if err != nil {
		return nil, NewError(TypeErrorClass, "exceptions must be classes or instances deriving from BaseException, not "+TypeName(args[0]))
	}
	if c, ok := args[0].(*Class); ok && len(args) > 1 && args[1] != None {
		if inst, ok := args[1].(*Instance); ok && inst.Exc != nil {
			e = inst
		} else {
			v, err := c.Call(th, []Value{args[1]}, nil)
			if err != nil {
				return nil, err
			}
			e = v.(*Instance)
		}
	}
	return e, nil
}

// close throws GeneratorExit in; a generator that yields again is an error.
func (g *Generator) close(th *Thread) error {
	if !g.started || g.finished {
		g.started, g.finished = true, true
		return nil
	}
	_, yielded, err := g.resume(th, None, NewInstance(GeneratorExitClass))
	switch {
	case yielded:
		return NewError(RuntimeErrorClass, g.Type().Name+" ignored GeneratorExit")
	case err != nil:
		if e, ok := err.(*Instance); ok && (e.Class.IsSubclass(GeneratorExitClass) || e.Class.IsSubclass(StopIterationClass)) {
			return nil
		}
		return err
	}
	return nil
}

func genSelf(args []Value) *Generator { return args[0].(*Generator) }

func init() {
	for _, c := range []*Class{GeneratorClass, CoroutineClass} {
		Def(c, "send", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
			if len(args) != 2 {
				return nil, ArgError("send() takes exactly one argument (%d given)", len(args)-1)
			}
			return genSelf(args).step(th, args[1], nil)
		})
		Def(c, "throw", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
			e, err := throwArgs(th, args[1:])
			if err != nil {
				return nil, err
			}
			return genSelf(args).step(th, None, e)
		})
		Def(c, "close", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
			return None, genSelf(args).close(th)
		})
	}
	Def(GeneratorClass, "__next__", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		return genSelf(args).step(th, None, nil)
	})
	Def(GeneratorClass, "__iter__", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return args[0], nil })
	Def(CoroutineClass, "__await__", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		return &coroWrapper{genSelf(args)}, nil
	})
	Def(AsyncGeneratorClass, "__aiter__", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return args[0], nil })
	Def(AsyncGeneratorClass, "__anext__", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		return &anextAwaitable{g: genSelf(args), send: None}, nil
	})
	Def(AsyncGeneratorClass, "asend", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if len(args) != 2 {
			return nil, ArgError("asend() takes exactly one argument (%d given)", len(args)-1)
		}
		return &anextAwaitable{g: genSelf(args), send: args[1]}, nil
	})
	Def(AsyncGeneratorClass, "athrow", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		e, err := throwArgs(th, args[1:])
		if err != nil {
			return nil, err
		}
		return &anextAwaitable{g: genSelf(args), send: None, throw: e}, nil
	})
	Def(AsyncGeneratorClass, "aclose", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		return &anextAwaitable{g: genSelf(args), closing: true}, nil
	})
	for _, c := range []*Class{AnextClass, CoroWrapperClass} {
		Def(c, "send", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
			if len(args) != 2 {
				return nil, ArgError("send() takes exactly one argument (%d given)", len(args)-1)
			}
			return args[0].(stepper).stepOnce(th, args[1])
		})
		Def(c, "__next__", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
			return args[0].(stepper).stepOnce(th, None)
		})
		Def(c, "__iter__", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return args[0], nil })
		Def(c, "__await__", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return args[0], nil })
		Def(c, "close", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return None, nil })
	}
}

// stepper is an awaitable driven by hand with send() (as the corpus does
// without an event loop).
type stepper interface {
	stepOnce(th *Thread, send Value) (Value, error)
}

var (
	AnextClass       = newBuiltinClass("async_generator_asend", ObjectClass)
	CoroWrapperClass = newBuiltinClass("coroutine_wrapper", ObjectClass)
)

// anextAwaitable is what __anext__, asend, athrow and aclose return:
// awaiting it runs the async generator to its next yield.
type anextAwaitable struct {
	g       *Generator
	send    Value
	throw   error
	closing bool
	done    bool
}

func (a *anextAwaitable) Type() *Class { return AnextClass }

// Await runs the async generator to its next yield: the value, or
// StopAsyncIteration when it has ended.
func (a *anextAwaitable) Await(th *Thread) (Value, error) {
	if a.closing {
		if !a.g.started || a.g.finished {
			a.g.started, a.g.finished = true, true
			return None, nil
		}
		_, yielded, err := a.g.resume(th, None, NewInstance(GeneratorExitClass))
		if yielded {
			return nil, NewError(RuntimeErrorClass, "async generator ignored GeneratorExit")
		}
		if e, ok := err.(*Instance); ok && e.Class.IsSubclass(GeneratorExitClass) {
			return None, nil
		}
		return None, err
	}
	v, yielded, err := a.g.resume(th, a.send, a.throw)
	if err != nil {
		return nil, err
	}
	if !yielded {
		return nil, NewInstance(StopAsyncIterationClass)
	}
	return v, nil
}

// stepOnce drives the awaitable by hand: the async generator's yield
// arrives as StopIteration's value, as asend().send(None) does.
func (a *anextAwaitable) stepOnce(th *Thread, send Value) (Value, error) {
	if a.done {
		return nil, NewError(RuntimeErrorClass, "cannot reuse already awaited __anext__()/asend()")
	}
	a.done = true
	v, err := a.Await(th)
	if err != nil {
		return nil, err
	}
	return nil, stopIteration(v)
}

// coroWrapper is coroutine.__await__(): an iterator over the coroutine.
type coroWrapper struct{ g *Generator }

func (w *coroWrapper) Type() *Class { return CoroWrapperClass }

func (w *coroWrapper) stepOnce(th *Thread, send Value) (Value, error) {
	return w.g.step(th, send, nil)
}
