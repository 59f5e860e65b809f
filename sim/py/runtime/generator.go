package runtime

import (
	"errors"
	"iter"

	"asyncplay/sim/py/syntax"
)

type genKind uint8

const (
	generatorKind genKind = iota
	coroutineKind
	asyncGenKind
)

// genMsg is what a generator's stack hands its consumer: a yielded value,
// or a kernel call to make on the task's stack.
type genMsg struct {
	kernel func() error
	value  Value
}

// errGenKilled unwinds a generator's stack when the program ends with it
// suspended.
var errGenKilled = errors.New("generator stopped")

// Generator is a generator, a coroutine or an async generator. Generators
// and async generators run on a stack of their own (iter.Pull); a
// coroutine that is awaited runs on its awaiter's stack, and only one
// driven by send() gets a stack of its own.
type Generator struct {
	kind     genKind
	fn       *Function
	fr       *Frame
	started  bool
	finished bool
	running  bool

	next    func() (genMsg, bool)
	stop    func()
	yieldFn func(genMsg) bool

	sendVal   Value
	retVal    Value // what the body returned, once finished
	throwErr  error
	kernelErr error
	retErr    error
}

var (
	GeneratorClass      = newBuiltinClass("generator", ObjectClass)
	CoroutineClass      = newBuiltinClass("coroutine", ObjectClass)
	AsyncGeneratorClass = newBuiltinClass("async_generator", ObjectClass)
)

func newGenerator(th *Thread, f *Function, fr *Frame) *Generator {
	g := &Generator{fn: f, fr: fr}
	switch {
	case f.Code.async && f.Code.generator:
		g.kind = asyncGenKind
	case f.Code.async:
		g.kind = coroutineKind
	}
	fr.gen = g
	th.Interp.gens = append(th.Interp.gens, g)
	return g
}

// Type is generator, coroutine or async_generator.
func (g *Generator) Type() *Class {
	return [...]*Class{GeneratorClass, CoroutineClass, AsyncGeneratorClass}[g.kind]
}

// Repr is <generator object f at 0x...>.
func (g *Generator) Repr(th *Thread) (string, error) {
	return "<" + g.Type().Name + " object " + g.fn.QualName + " at 0x" + hexN(uint32(th.Interp.ID(g)), 12) + ">", nil
}

// Next makes generators iterators: next(g) and for loops.
func (g *Generator) Next(th *Thread) (Value, bool, error) {
	if g.kind != generatorKind {
		return nil, false, NewError(TypeErrorClass, "'"+g.Type().Name+"' object is not an iterator")
	}
	v, yielded, err := g.resume(th, None, nil)
	if err != nil || !yielded {
		return nil, false, err
	}
	return v, true, nil
}

// resume runs the generator's stack until it yields (yielded true) or
// ends (its return value, or its exception), making on the way the kernel
// calls it hands over.
func (g *Generator) resume(th *Thread, send Value, throw error) (v Value, yielded bool, err error) {
	if g.retVal == nil {
		g.retVal = None
	}
	switch {
	case g.running:
		return nil, false, NewError(ValueErrorClass, g.Type().Name+" already executing")
	case g.finished:
		if throw != nil {
			return nil, false, throw
		}
		if g.kind == coroutineKind {
			return nil, false, NewError(RuntimeErrorClass, "cannot reuse already awaited coroutine")
		}
		return nil, false, nil
	case !g.started:
		if throw != nil {
			g.finished = true
			return nil, false, throw
		}
		if send != nil && send != None {
			return nil, false, NewError(TypeErrorClass, "can't send non-None value to a just-started "+g.Type().Name)
		}
		g.started = true
		g.next, g.stop = iter.Pull(func(yield func(genMsg) bool) {
			g.yieldFn = yield
			defer func() {
				if r := recover(); r != nil && r != errGenKilled {
					panic(r)
				}
			}()
			g.retErr = g.fr.code.body(g.fr)
		})
	}
	g.sendVal, g.throwErr = send, throw
	g.running = true
	g.fr.th = th // whichever task resumes it runs it
	prevGen, prevFrame := th.curGen, th.Frame
	g.fr.Back, th.Frame = th.Frame, g.fr
	defer func() {
		g.running = false
		th.curGen, th.Frame = prevGen, prevFrame
	}()
	for {
		th.curGen = g
		msg, ok := g.next()
		th.curGen = prevGen
		if !ok {
			g.finished = true
			g.stop()
			if g.retErr != nil {
				return nil, false, g.convertStop(g.retErr)
			}
			g.retVal = None
			if g.fr.ret != nil {
				g.retVal = g.fr.ret
			}
			return g.retVal, false, nil
		}
		if msg.kernel != nil {
			g.kernelErr = th.onTask(msg.kernel)
			continue
		}
		return msg.value, true, nil
	}
}

// convertStop applies PEP 479: a StopIteration escaping a generator
// becomes RuntimeError.
func (g *Generator) convertStop(err error) error {
	e, ok := err.(*Instance)
	if !ok {
		return err
	}
	switch {
	case e.Class.IsSubclass(StopIterationClass):
		r := NewError(RuntimeErrorClass, g.Type().Name+" raised StopIteration")
		if g.kind == coroutineKind {
			r = NewError(RuntimeErrorClass, "coroutine raised StopIteration")
		}
		r.Exc.Cause, r.Exc.Context = e, e
		return r
	case g.kind == asyncGenKind && e.Class.IsSubclass(StopAsyncIterationClass):
		r := NewError(RuntimeErrorClass, "async generator raised StopAsyncIteration")
		r.Exc.Cause, r.Exc.Context = e, e
		return r
	}
	return err
}

// yieldValue is `yield v` on the generator's stack: it returns the value
// sent in, or raises what was thrown in.
func (g *Generator) yieldValue(fr *Frame, v Value) (Value, error) {
	if !g.yieldFn(genMsg{value: v}) {
		panic(errGenKilled)
	}
	if g.throwErr != nil {
		err := g.throwErr
		g.throwErr = nil
		return nil, err
	}
	return g.sendVal, nil
}

// onTask runs fn on the task's own stack: directly there, or handed to
// the consumer of the generator whose stack is running.
func (th *Thread) onTask(fn func() error) error {
	g := th.curGen
	if g == nil {
		return fn()
	}
	if !g.yieldFn(genMsg{kernel: fn}) {
		panic(errGenKilled)
	}
	return g.kernelErr
}

// OnTask is onTask for the modules bound to the kernel: every call into
// the kernel (sleeping, queues, output) goes through it.
func (th *Thread) OnTask(fn func() error) error { return th.onTask(fn) }

// awaitDirect runs a coroutine to completion on the awaiter's stack.
func (g *Generator) awaitDirect(th *Thread) (Value, error) {
	if g.started {
		return nil, NewError(RuntimeErrorClass, "cannot reuse already awaited coroutine")
	}
	g.started, g.finished = true, true
	g.fr.th = th // a coroutine made in one task may be awaited in another
	v, err := th.run(g.fr)
	if err != nil {
		return nil, g.convertStop(err)
	}
	return v, nil
}

// Droppable is a coroutine-like value that CPython warns about when it is
// dropped unawaited: Dropped marks it and returns its name, or "" if it
// was awaited (or already warned about).
type Droppable interface {
	Dropped() string
}

// Code is the code of the function that made the generator or coroutine.
func (g *Generator) Code() *Code { return g.fn.Code }

// Dropped makes unstarted coroutines warn.
func (g *Generator) Dropped() string {
	if g.kind != coroutineKind || g.started {
		return ""
	}
	g.started = true // warn once
	return g.fn.QualName
}

// warnNeverAwaited prints CPython's RuntimeWarning for a coroutine that
// was created and dropped.
func warnNeverAwaited(fr *Frame, name string) {
	fr.th.Warn(fr, "RuntimeWarning", "coroutine '"+name+"' was never awaited")
	if fr.th.Interp.Stderr != nil {
		fr.th.Interp.Stderr(fr.th, "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n")
	}
}

// Awaitable is a value implemented in Go that `await` can run: the
// kernel's operations (curio.sleep, queue.get, ...).
type Awaitable interface {
	Await(th *Thread) (Value, error)
}

// Await is the `await v` expression.
func (th *Thread) Await(v Value) (Value, error) {
	switch a := v.(type) {
	case *Generator:
		if a.kind == coroutineKind {
			return a.awaitDirect(th)
		}
	case Awaitable:
		return a.Await(th)
	case *Instance:
		if it, found, err := CallMethod(th, a, "__await__"); found {
			if err != nil {
				return nil, err
			}
			return th.drive(it)
		}
	}
	return nil, NewError(TypeErrorClass, "object "+TypeName(v)+" can't be used in 'await' expression")
}

// drive runs the iterator an __await__ returned. On a generator's stack
// its yields are passed out (as asyncio's would reach the loop); on the
// task's own stack a yield of None lets other tasks run once.
func (th *Thread) drive(it Value) (Value, error) {
	gen, isGen := it.(*Generator)
	var send Value = None
	for {
		var v Value
		var yielded bool
		var err error
		if isGen {
			v, yielded, err = gen.resume(th, send, nil)
		} else {
			var iterator Iterator
			if iterator, err = Iter(th, it); err == nil {
				v, yielded, err = iterator.Next(th)
			}
		}
		if err != nil {
			return nil, err
		}
		if !yielded {
			return v, nil
		}
		if g := th.curGen; g != nil {
			if send, err = g.yieldValue(th.Frame, v); err != nil {
				return nil, err
			}
			continue
		}
		if v != None {
			return nil, NewError(RuntimeErrorClass, "await yielded "+TypeName(v)+" outside an event loop")
		}
		if err := th.Yield(); err != nil {
			return nil, err
		}
		send = None
	}
}

// Yield lets other tasks run (curio's schedule(), sleep(0)).
func (th *Thread) Yield() error {
	if th.Task == nil {
		return nil
	}
	return th.onTask(func() error { return th.KernelErr(th.Task.Sleep(0)) })
}

// KernelErr converts a kernel error into the Python exception a module
// raises for it; the modules package installs the conversion.
func (th *Thread) KernelErr(err error) error {
	if err == nil || th.Interp.ConvertKernelErr == nil {
		return err
	}
	return th.Interp.ConvertKernelErr(err)
}

func (c *compiler) await(e *syntax.Await) exprFn {
	value := c.expr(e.Value)
	return func(fr *Frame) (Value, error) {
		v, err := value(fr)
		if err != nil {
			return nil, err
		}
		r, err := fr.th.Await(v)
		if err != nil {
			return nil, fr.fail(err, e)
		}
		return r, nil
	}
}

func (c *compiler) yield(e *syntax.Yield) exprFn {
	value := c.optExpr(e.Value)
	return func(fr *Frame) (Value, error) {
		var v Value = None
		if value != nil {
			var err error
			if v, err = value(fr); err != nil {
				return nil, err
			}
		}
		r, err := fr.gen.yieldValue(fr, v)
		if err != nil {
			return nil, fr.fail(err, e)
		}
		return r, nil
	}
}

// yieldFrom delegates to a sub-iterator, passing sends and throws
// through; its value is the sub-generator's return value.
func (c *compiler) yieldFrom(e *syntax.YieldFrom) exprFn {
	value := c.expr(e.Value)
	return func(fr *Frame) (Value, error) {
		v, err := value(fr)
		if err != nil {
			return nil, err
		}
		th := fr.th
		if sub, ok := v.(*Generator); ok && sub.kind != asyncGenKind {
			var send Value = None
			var throw error
			for {
				y, yielded, err := sub.resume(th, send, throw)
				if err != nil {
					return nil, fr.fail(err, e)
				}
				if !yielded {
					return y, nil
				}
				send, throw = fr.gen.yieldValue(fr, y)
			}
		}
		it, err := Iter(th, v)
		if err != nil {
			return nil, fr.fail(err, e)
		}
		for {
			y, ok, err := it.Next(th)
			if err != nil {
				return nil, fr.fail(err, e)
			}
			if !ok {
				return None, nil
			}
			if _, err := fr.gen.yieldValue(fr, y); err != nil {
				return nil, fr.fail(err, e)
			}
		}
	}
}

// aiter is the async-iteration protocol's first step: __aiter__, or an
// async generator itself.
func aiter(th *Thread, v Value) (Value, error) {
	switch a := v.(type) {
	case *Generator:
		if a.kind == asyncGenKind {
			return a, nil
		}
	case AsyncIterator:
		return a, nil
	}
	// User classes and Go types alike (curio's Queue) define __aiter__.
	if it, found, err := CallMethod(th, v, "__aiter__"); found {
		return it, err
	}
	return nil, NewError(TypeErrorClass, "'async for' requires an object with __aiter__ method, got "+TypeName(v))
}

// AsyncIterator is a Go value that async for can drive.
type AsyncIterator interface {
	ANext(th *Thread) (Value, bool, error)
}

// anext is one step of async iteration; ok false at the end.
func anext(th *Thread, it Value) (Value, bool, error) {
	switch a := it.(type) {
	case *Generator:
		v, yielded, err := a.resume(th, None, nil)
		if err != nil || !yielded {
			return nil, false, err
		}
		return v, true, nil
	case AsyncIterator:
		return a.ANext(th)
	}
	aw, found, err := CallMethod(th, it, "__anext__")
	if !found {
		return nil, false, NewError(TypeErrorClass, "'async for' received an object from __aiter__ that does not implement __anext__: "+TypeName(it))
	}
	if err == nil {
		var v Value
		if v, err = th.Await(aw); err == nil {
			return v, true, nil
		}
	}
	if e, ok := err.(*Instance); ok && e.Class.IsSubclass(StopAsyncIterationClass) {
		return nil, false, nil
	}
	return nil, false, err
}

// Close stops the stacks of every generator still suspended when the
// program ends, so no goroutine outlives the run.
func (in *Interp) Close() {
	for _, g := range in.gens {
		if g.started && !g.finished && g.stop != nil {
			g.stop()
		}
	}
	in.gens = nil
}
