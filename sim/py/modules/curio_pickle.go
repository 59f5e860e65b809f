package modules

import (
	"strings"

	rt "asyncplay/sim/py/runtime"
)

// What crosses into a worker process and back is pickled in CPython: the
// process gets a copy, and only what pickle can name gets across at all.
// pickleCopy makes that copy of plain values (containers copied, sharing
// and cycles kept, as one pickle.dumps keeps them) and raises CPython
// 3.11's errors for what pickle refuses: a lambda, a function or class
// defined inside a function, a generator or coroutine, a kernel object.
// Functions and classes go across by name, as pickle sends them: the
// worker uses the same object. A worker process still shares the
// program's module globals (the fork's copy of them is not made).

var (
	pickleErrorClass   = subclassOf("PickleError", "_pickle", rt.ExceptionClass)
	picklingErrorClass = subclassOf("PicklingError", "_pickle", pickleErrorClass)
)

// immutableTypes are copied as themselves.
var immutableTypes = map[string]bool{"NoneType": true, "bool": true, "int": true, "float": true, "complex": true,
	"str": true, "bytes": true, "range": true, "slice": true, "ellipsis": true, "NotImplementedType": true}

type pickler struct {
	th   *rt.Thread
	memo map[any]rt.Value
}

// pickleCopy copies v as pickle.loads(pickle.dumps(v)) would.
func pickleCopy(th *rt.Thread, v rt.Value) (rt.Value, error) {
	p := &pickler{th: th, memo: map[any]rt.Value{}}
	return p.copy(v)
}

func (p *pickler) copy(v rt.Value) (rt.Value, error) {
	switch x := v.(type) {
	case rt.Tuple:
		out := make(rt.Tuple, len(x))
		for i, it := range x {
			c, err := p.copy(it)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case *rt.List:
		if c, ok := p.memo[x]; ok {
			return c, nil
		}
		out := &rt.List{Items: make([]rt.Value, len(x.Items))}
		p.memo[x] = out
		for i, it := range x.Items {
			c, err := p.copy(it)
			if err != nil {
				return nil, err
			}
			out.Items[i] = c
		}
		return out, nil
	case *rt.Dict:
		if c, ok := p.memo[x]; ok {
			return c, nil
		}
		out := rt.NewDict()
		p.memo[x] = out
		for _, kv := range x.Items() {
			k, err := p.copy(kv[0])
			if err != nil {
				return nil, err
			}
			val, err := p.copy(kv[1])
			if err != nil {
				return nil, err
			}
			if err := out.Set(p.th, k, val); err != nil {
				return nil, err
			}
		}
		return out, nil
	case *rt.Set:
		if c, ok := p.memo[x]; ok {
			return c, nil
		}
		out := rt.NewSet()
		out.Frozen = x.Frozen
		p.memo[x] = out
		for _, it := range x.Items() {
			c, err := p.copy(it)
			if err != nil {
				return nil, err
			}
			if err := out.Add(p.th, c); err != nil {
				return nil, err
			}
		}
		return out, nil
	case *rt.Function:
		return x, p.global(x, x.QualName, x.Module, x.Globals)
	case *rt.Builtin:
		if x.Self == nil {
			return x, nil
		}
		self, err := p.copy(x.Self)
		if err != nil {
			return nil, err
		}
		return &rt.Builtin{Name: x.Name, Fn: x.Fn, Self: self}, nil
	case *rt.Method:
		fn, err := p.copy(x.Fn)
		if err != nil {
			return nil, err
		}
		self, err := p.copy(x.Self)
		if err != nil {
			return nil, err
		}
		return &rt.Method{Fn: fn, Self: self}, nil
	case *rt.Class:
		if x.Module == "__main__" {
			return x, p.global(x, x.Name, x.Module, nil)
		}
		return x, nil
	case *rt.Instance:
		return p.instance(x)
	}
	if immutableTypes[rt.TypeName(v)] {
		return v, nil
	}
	return nil, rt.NewError(rt.TypeErrorClass, "cannot pickle '"+rt.TypeName(v)+"' object")
}

// instance copies an object of a user class (or an exception): its class
// goes by name, its attributes and arguments are copied.
func (p *pickler) instance(x *rt.Instance) (rt.Value, error) {
	if c, ok := p.memo[x]; ok {
		return c, nil
	}
	if _, err := p.copy(x.Class); err != nil {
		return nil, err
	}
	out := rt.NewInstance(x.Class)
	p.memo[x] = out
	for _, name := range x.Dict.Keys() {
		v, _ := x.Dict.Get(name)
		c, err := p.copy(v)
		if err != nil {
			return nil, err
		}
		out.Dict.Set(name, c)
	}
	if x.Exc != nil {
		args, err := p.copy(x.Exc.Args)
		if err != nil {
			return nil, err
		}
		out.Exc.Args = args.(rt.Tuple)
	}
	switch d := x.Data.(type) {
	case nil:
	case rt.Tuple, *rt.List, *rt.Dict:
		c, err := p.copy(d)
		if err != nil {
			return nil, err
		}
		out.Data = c
	default:
		out.Data = d // Go state of a built-in base (a deque): shared, not copied
	}
	return out, nil
}

// global checks that pickle can send obj by name, as save_global does:
// it must be found as module.qualname, and be that very object.
func (p *pickler) global(obj rt.Value, qualname, module string, globals *rt.Namespace) error {
	if strings.Contains(qualname, "<locals>") {
		return rt.NewError(rt.AttributeErrorClass, "Can't pickle local object '"+qualname+"'")
	}
	if module == "" {
		module = "__main__"
	}
	if globals == nil && p.th.Frame != nil {
		globals = p.th.Frame.Globals()
	}
	if globals == nil {
		return nil
	}
	repr, err := rt.Repr(p.th, obj)
	if err != nil {
		return err
	}
	parts := strings.Split(qualname, ".")
	found, ok := globals.Get(parts[0])
	for _, name := range parts[1:] {
		if !ok {
			break
		}
		found, err = rt.GetAttr(p.th, found, name)
		ok = err == nil
	}
	if !ok {
		return rt.NewError(picklingErrorClass, "Can't pickle "+repr+": attribute lookup "+qualname+" on "+module+" failed")
	}
	if found != obj {
		return rt.NewError(picklingErrorClass, "Can't pickle "+repr+": it's not the same object as "+module+"."+qualname)
	}
	return nil
}
