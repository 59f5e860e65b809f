package modules

import (
	rt "asyncplay/sim/py/runtime"
)

// sys: the output streams, argv, exit, the recursion limit, version
// information, and a snapshot of the imported modules.

var versionInfoClass = newNamedTuple(&ntSpec{name: "version_info", reprName: "sys.version_info",
	fields: []string{"major", "minor", "micro", "releaselevel", "serial"}, builtin: true}, "sys")

func init() {
	register("sys", func(in *rt.Interp) *rt.Module {
		m := newModule("sys")
		m.NS.Set("stdout", rt.StdoutStream)
		m.NS.Set("stderr", rt.StderrStream)
		m.NS.Set("__stdout__", rt.StdoutStream)
		m.NS.Set("__stderr__", rt.StderrStream)
		m.NS.Set("argv", rt.NewList([]rt.Value{rt.Str("<main>")}))
		m.NS.Set("maxsize", rt.MakeInt(1<<63-1))
		m.NS.Set("maxunicode", rt.MakeInt(0x10ffff))
		m.NS.Set("version", rt.Str("3.11.7 (asyncplay)"))
		m.NS.Set("hexversion", rt.MakeInt(0x30b07f0))
		vi := rt.NewInstance(versionInfoClass)
		vi.Data = rt.Tuple{rt.MakeInt(3), rt.MakeInt(11), rt.MakeInt(7), rt.Str("final"), zero}
		m.NS.Set("version_info", vi)
		m.NS.Set("platform", rt.Str("asyncplay"))
		m.NS.Set("byteorder", rt.Str("little"))
		m.NS.Set("executable", rt.Str(""))
		m.NS.Set("path", rt.NewList(nil))
		m.NS.Set("modules", rt.NewDict()) // filled by the importer
		fn(m, "exit", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("exit", args, kw, 0, 1); err != nil {
				return nil, err
			}
			e := rt.NewInstance(rt.SystemExitClass)
			e.Exc.Args = append(rt.Tuple{}, args...)
			return nil, e
		})
		fn(m, "getrecursionlimit", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("getrecursionlimit", args, kw, 0, 0); err != nil {
				return nil, err
			}
			return rt.MakeInt(int64(th.MaxDeep)), nil
		})
		// The GIL's switch interval: how long a thread computes while others
		// wait for the CPU (the kernel's machine says; 5 ms by default).
		fn(m, "getswitchinterval", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("getswitchinterval", args, kw, 0, 0); err != nil {
				return nil, err
			}
			if th.Task == nil {
				return rt.Float(0.005), nil
			}
			return rt.Float(th.Task.Kernel().Machine().SwitchInterval.Seconds()), nil
		})
		fn(m, "setrecursionlimit", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("setrecursionlimit", args, kw, 1, 1); err != nil {
				return nil, err
			}
			if _, ok := args[0].(rt.Float); ok {
				return nil, rt.NewError(rt.TypeErrorClass, "'float' object cannot be interpreted as an integer")
			}
			n, err := stdInt(th, args[0])
			if err != nil {
				return nil, err
			}
			if n < 1 {
				return nil, rt.NewError(rt.ValueErrorClass, "recursion limit must be greater or equal than 1")
			}
			th.MaxDeep = int(min(n, 1<<30))
			return rt.None, nil
		})
		fn(m, "get_int_max_str_digits", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return rt.MakeInt(4300), nil
		})
		fn(m, "set_int_max_str_digits", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := stdArgs("set_int_max_str_digits", args, kw, []string{"maxdigits"}, 1)
			if err != nil {
				return nil, err
			}
			n, err := stdInt(th, a[0])
			if err != nil {
				return nil, err
			}
			if n != 0 && n < 640 {
				return nil, rt.NewError(rt.ValueErrorClass, "maxdigits must be 0 or larger than 640")
			}
			return rt.None, nil // the runtime keeps CPython's default limit
		})
		fn(m, "exc_info", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("exc_info", args, kw, 0, 0); err != nil {
				return nil, err
			}
			e := th.Handling()
			if e == nil {
				return rt.Tuple{rt.None, rt.None, rt.None}, nil
			}
			var tb rt.Value = rt.None
			if len(e.Exc.Traceback) > 0 {
				tb = &rt.TracebackObj{Entries: e.Exc.Traceback}
			}
			return rt.Tuple{e.Class, e, tb}, nil
		})
		fn(m, "exception", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("exception", args, kw, 0, 0); err != nil {
				return nil, err
			}
			if e := th.Handling(); e != nil {
				return e, nil
			}
			return rt.None, nil
		})
		fn(m, "intern", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("intern", args, kw, 1, 1); err != nil {
				return nil, err
			}
			if _, ok := args[0].(rt.Str); !ok {
				return nil, rt.NewError(rt.TypeErrorClass, "intern() argument must be str, not "+rt.TypeName(args[0]))
			}
			return args[0], nil
		})
		return m
	})
}

// noteImported records a module in sys.modules once sys is imported.
func noteImported(built map[string]*rt.Module, name string, m *rt.Module) {
	sys, ok := built["sys"]
	if !ok {
		return
	}
	v, _ := sys.NS.Get("modules")
	d, ok := v.(*rt.Dict)
	if !ok {
		return
	}
	if name != "sys" {
		d.SetStr(name, m)
		return
	}
	for _, n := range Names() {
		if mod, ok := built[n]; ok {
			d.SetStr(n, mod)
		}
	}
}
