package runtime

import (
	"asyncplay/sim/py/syntax"
)

// call compiles f(args): plain positional calls take a short path; calls
// with *args, keywords or **kwargs build the argument lists first.
func (c *compiler) call(e *syntax.Call) exprFn {
	fn := c.expr(e.Func)
	plain := len(e.Keywords) == 0
	for _, a := range e.Args {
		if _, ok := a.(*syntax.Starred); ok {
			plain = false
		}
	}
	if plain {
		args := make([]exprFn, len(e.Args))
		for i, a := range e.Args {
			args[i] = c.expr(a)
		}
		return func(fr *Frame) (Value, error) {
			f, err := fn(fr)
			if err != nil {
				return nil, err
			}
			if pf, ok := f.(*Function); ok && pf.Code.simple && pf.Code.nargs == len(args) {
				// The hot path: arguments go straight into a pooled frame.
				th := fr.th
				callee := th.newFrame(pf)
				for i, a := range args {
					v, err := a(fr)
					if err != nil {
						th.freeFrame(callee)
						return nil, err
					}
					callee.locals[i] = v
				}
				if th.depth >= th.MaxDeep {
					th.freeFrame(callee)
					return nil, fr.fail(NewError(RecursionErrorClass, "maximum recursion depth exceeded"), e)
				}
				th.depth++
				callee.Back, th.Frame = th.Frame, callee
				err := pf.Code.body(callee)
				th.Frame = callee.Back
				th.depth--
				v := callee.ret
				th.freeFrame(callee)
				if err != nil {
					return nil, fr.fail(err, e)
				}
				if v == nil {
					return None, nil
				}
				return v, nil
			}
			argv := make([]Value, len(args))
			for i, a := range args {
				if argv[i], err = a(fr); err != nil {
					return nil, err
				}
			}
			var v Value
			if pf, ok := f.(*Function); ok {
				v, err = pf.Call(fr.th, argv, nil)
			} else {
				v, err = Call(fr.th, f, argv, nil)
			}
			if err != nil {
				return nil, fr.fail(err, e)
			}
			return v, nil
		}
	}
	positional := c.sequence(e.Args)
	type kwarg struct {
		name string
		f    exprFn
	}
	kws := make([]kwarg, len(e.Keywords))
	for i, k := range e.Keywords {
		kws[i] = kwarg{k.Arg, c.expr(k.Value)}
	}
	return func(fr *Frame) (Value, error) {
		f, err := fn(fr)
		if err != nil {
			return nil, err
		}
		argv, err := positional(fr)
		if err != nil {
			return nil, err
		}
		var kw *Kwargs
		for i, k := range kws {
			v, err := k.f(fr)
			if err != nil {
				return nil, err
			}
			if kw == nil {
				kw = &Kwargs{}
			}
			if k.name != "" {
				if err := kw.add(k.name, v, f); err != nil {
					return nil, fr.fail(err, e)
				}
				continue
			}
			d := NewDict() // **mapping
			if err := mergeMapping(fr.th, d, v); err != nil {
				if e2, ok := err.(*Instance); ok && e2.Class == TypeErrorClass {
					err = NewError(TypeErrorClass, calleeName(f)+" argument after ** must be a mapping, not "+TypeName(v))
				}
				return nil, fr.fail(err, e.Keywords[i])
			}
			for _, kv := range d.Items() {
				name, ok := kv[0].(Str)
				if !ok {
					return nil, fr.fail(NewError(TypeErrorClass, "keywords must be strings"), e)
				}
				if err := kw.add(string(name), kv[1], f); err != nil {
					return nil, fr.fail(err, e)
				}
			}
		}
		v, err := Call(fr.th, f, argv, kw)
		if err != nil {
			return nil, fr.fail(err, e)
		}
		return v, nil
	}
}

// add appends a keyword argument, refusing a repeated one as CPython does.
func (kw *Kwargs) add(name string, v Value, f Value) error {
	for _, n := range kw.Names {
		if n == name {
			return NewError(TypeErrorClass, calleeName(f)+" got multiple values for keyword argument '"+name+"'")
		}
	}
	kw.Names = append(kw.Names, name)
	kw.Values = append(kw.Values, v)
	return nil
}

// funcName is how call errors name the callee: "f()".
func calleeName(f Value) string {
	switch f := f.(type) {
	case *Function:
		return f.QualName + "()"
	case *Method:
		return calleeName(f.Fn)
	case *Builtin:
		return f.Name + "()"
	case *Class:
		return f.Name + "()"
	}
	return TypeName(f) + " object"
}
