package modules

import (
	"sort"
	"strings"

	rt "asyncplay/sim/py/runtime"
)

func init() {
	defineLogging()
	register("logging", newLogging)
}

func newLogging(in *rt.Interp) *rt.Module {
	m := newModule("logging")
	st := &logState{loggers: map[string]*rt.Instance{}, names: map[int64]string{}}
	for n, s := range levelNames {
		st.names[n] = s
	}
	st.disable = -1 << 62
	st.root = newLogger(rootLoggerClass, st, "root", lvlWarning)
	last := rt.NewInstance(streamHandlerClass)
	for k, v := range map[string]rt.Value{"level": rt.MakeInt(lvlWarning), "formatter": rt.None, "filters": rt.NewList(nil),
		"name": rt.None, "stream": rt.None, "terminator": rt.Str("\n")} {
		last.Dict.Set(k, v)
	}
	st.last = last

	for n, s := range levelNames {
		m.NS.Set(s, rt.MakeInt(n))
	}
	m.NS.Set("WARN", rt.MakeInt(lvlWarning))
	m.NS.Set("FATAL", rt.MakeInt(lvlCritical))
	m.NS.Set("BASIC_FORMAT", rt.Str(defaultFormats["%"]))
	m.NS.Set("root", st.root)
	m.NS.Set("lastResort", last)
	m.NS.Set("raiseExceptions", rt.True)
	for _, c := range []*rt.Class{loggerClass, rootLoggerClass, handlerClass, streamHandlerClass, nullHandlerClass,
		fileHandlerClass, formatterClass, logRecordClass, filterClass} {
		m.NS.Set(c.Name, c)
	}

	getLogger := func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("getLogger", args, kw, []string{"name"}, 0)
		if err != nil {
			return nil, err
		}
		if a[0] == nil || a[0] == rt.None {
			return st.root, nil
		}
		name, ok := a[0].(rt.Str)
		if !ok {
			return nil, rt.NewError(rt.TypeErrorClass, "A logger name must be a string")
		}
		if name == "" || name == "root" {
			return st.root, nil
		}
		return st.getLogger(string(name)), nil
	}
	fn(m, "getLogger", getLogger)

	basicConfig := func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if len(args) > 0 {
			return nil, rt.NewError(rt.TypeErrorClass, "basicConfig() takes 0 positional arguments but "+itoa(len(args))+" were given")
		}
		opts := map[string]rt.Value{}
		var order []string
		for i := range kw.Len() {
			opts[kw.Names[i]] = kw.Values[i]
			order = append(order, kw.Names[i])
		}
		pop := func(k string) rt.Value {
			v, ok := opts[k]
			if !ok {
				return nil
			}
			delete(opts, k)
			return v
		}
		handlers, _ := st.root.Dict.Get("handlers")
		hl := handlers.(*rt.List)
		if f := pop("force"); f != nil {
			if t, _ := rt.Truth(th, f); t {
				hl.Items = nil
			}
		}
		pop("encoding")
		pop("errors")
		if len(hl.Items) > 0 {
			return rt.None, nil
		}
		var hs []rt.Value
		if h := pop("handlers"); h != nil && h != rt.None {
			if _, ok := opts["stream"]; ok {
				return nil, rt.NewError(rt.ValueErrorClass, "'stream' or 'filename' should not be specified together with 'handlers'")
			}
			if _, ok := opts["filename"]; ok {
				return nil, rt.NewError(rt.ValueErrorClass, "'stream' or 'filename' should not be specified together with 'handlers'")
			}
			var err error
			if hs, err = rt.Collect(th, h); err != nil {
				return nil, err
			}
		} else {
			_, hasStream := opts["stream"]
			_, hasFile := opts["filename"]
			if hasStream && hasFile {
				return nil, rt.NewError(rt.ValueErrorClass, "'stream' and 'filename' should not be specified together")
			}
			var h rt.Value
			var err error
			if f := pop("filename"); f != nil && f != rt.None {
				pop("filemode")
				h, err = rt.Call(th, fileHandlerClass, []rt.Value{f}, nil)
			} else {
				pop("filemode")
				stream := pop("stream")
				if stream == nil {
					stream = rt.None
				}
				h, err = rt.Call(th, streamHandlerClass, []rt.Value{stream}, nil)
			}
			if err != nil {
				return nil, err
			}
			hs = []rt.Value{h}
		}
		dfs := pop("datefmt")
		if dfs == nil {
			dfs = rt.None
		}
		style := pop("style")
		if style == nil {
			style = rt.Str("%")
		}
		s, _ := style.(rt.Str)
		def, ok := defaultFormats[string(s)]
		if !ok {
			return nil, rt.NewError(rt.ValueErrorClass, "Style must be one of: %,{,$")
		}
		fs := pop("format")
		if fs == nil {
			fs = rt.Str(def)
		}
		f, err := rt.Call(th, formatterClass, []rt.Value{fs, dfs, style}, nil)
		if err != nil {
			return nil, err
		}
		for _, h := range hs {
			if attr(th, h, "formatter") == rt.None {
				if _, err := callMethod(th, h, "setFormatter", []rt.Value{f}, nil); err != nil {
					return nil, err
				}
			}
			if _, err := callMethod(th, st.root, "addHandler", []rt.Value{h}, nil); err != nil {
				return nil, err
			}
		}
		if level := pop("level"); level != nil && level != rt.None {
			if _, err := callMethod(th, st.root, "setLevel", []rt.Value{level}, nil); err != nil {
				return nil, err
			}
		}
		if len(opts) > 0 {
			var rest []string
			for _, k := range order {
				if _, ok := opts[k]; ok {
					rest = append(rest, k)
				}
			}
			return nil, rt.NewError(rt.ValueErrorClass, "Unrecognised argument(s): "+strings.Join(rest, ", "))
		}
		return rt.None, nil
	}
	fn(m, "basicConfig", basicConfig)

	// The module's functions log to the root, configuring it first if it
	// has no handler.
	rootCall := func(name string, level int64, exc bool) {
		fn(m, name, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if hl, _ := st.root.Dict.Get("handlers"); len(hl.(*rt.List).Items) == 0 {
				if _, err := basicConfig(th, nil, nil); err != nil {
					return nil, err
				}
			}
			if level < 0 {
				if len(args) == 0 || !isIntValue(args[0]) {
					return nil, rt.NewError(rt.TypeErrorClass, "level must be an integer")
				}
				n, err := stdInt(th, args[0])
				if err != nil {
					return nil, err
				}
				return rt.None, logCall(th, st, st.root, n, args[1:], kw, false)
			}
			return rt.None, logCall(th, st, st.root, level, args, kw, exc)
		})
	}
	rootCall("debug", lvlDebug, false)
	rootCall("info", lvlInfo, false)
	rootCall("warning", lvlWarning, false)
	rootCall("warn", lvlWarning, false)
	rootCall("error", lvlError, false)
	rootCall("exception", lvlError, true)
	rootCall("critical", lvlCritical, false)
	rootCall("fatal", lvlCritical, false)
	rootCall("log", -1, false)

	fn(m, "disable", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("disable", args, kw, []string{"level"}, 0)
		if err != nil {
			return nil, err
		}
		st.disable = lvlCritical
		if a[0] != nil {
			if st.disable, err = st.checkLevel(th, a[0]); err != nil {
				return nil, err
			}
		}
		if st.disable == 0 {
			st.disable = -1 << 62
		}
		return rt.None, nil
	})
	fn(m, "getLevelName", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := stdPos("getLevelName", args, kw, 1, 1); err != nil {
			return nil, err
		}
		if s, ok := args[0].(rt.Str); ok {
			for n, name := range st.names {
				if name == string(s) {
					return rt.MakeInt(n), nil
				}
			}
			return rt.Str("Level " + string(s)), nil
		}
		if isIntValue(args[0]) {
			n, _ := stdInt(th, args[0])
			return rt.Str(st.levelName(n)), nil
		}
		r, _ := rt.StrOf(th, args[0])
		return rt.Str("Level " + r), nil
	})
	fn(m, "addLevelName", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := stdArgs("addLevelName", args, kw, []string{"level", "levelName"}, 2)
		if err != nil {
			return nil, err
		}
		n, err := stdInt(th, a[0])
		if err != nil {
			return nil, err
		}
		s, _ := rt.StrOf(th, a[1])
		st.names[n] = s
		return rt.None, nil
	})
	fn(m, "getLevelNamesMapping", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		d := rt.NewDict()
		for _, kv := range []struct {
			s string
			n int64
		}{{"CRITICAL", 50}, {"FATAL", 50}, {"ERROR", 40}, {"WARN", 30}, {"WARNING", 30}, {"INFO", 20}, {"DEBUG", 10}, {"NOTSET", 0}} {
			d.SetStr(kv.s, rt.MakeInt(kv.n))
		}
		var ns []int64
		for n := range st.names {
			if _, std := levelNames[n]; !std || st.names[n] != levelNames[n] {
				ns = append(ns, n)
			}
		}
		sort.Slice(ns, func(i, j int) bool { return ns[i] < ns[j] })
		for _, n := range ns {
			d.SetStr(st.names[n], rt.MakeInt(n))
		}
		return d, nil
	})
	for _, name := range []string{"shutdown", "captureWarnings"} {
		fn(m, name, func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) { return rt.None, nil })
	}
	return m
}
