package modules

import (
	"math"
	"path"
	"strings"

	rt "asyncplay/sim/py/runtime"
)

// logging, after CPython 3.11's Lib/logging/__init__.py: loggers in a
// per-program hierarchy under the root, handlers, formatters and records
// as instances of classes written in Go (so Python code may subclass
// Handler or Formatter), output through the program's streams. Records
// carry the virtual time (time.go) and the caller's file, line and
// function.

const (
	lvlNotset   = 0
	lvlDebug    = 10
	lvlInfo     = 20
	lvlWarning  = 30
	lvlError    = 40
	lvlCritical = 50
)

var levelNames = map[int64]string{lvlCritical: "CRITICAL", lvlError: "ERROR", lvlWarning: "WARNING", lvlInfo: "INFO", lvlDebug: "DEBUG", lvlNotset: "NOTSET"}

var (
	loggerClass        = stdClass("Logger", "logging")
	rootLoggerClass    = stdClass("RootLogger", "logging", loggerClass)
	handlerClass       = stdClass("Handler", "logging")
	streamHandlerClass = stdClass("StreamHandler", "logging", handlerClass)
	nullHandlerClass   = stdClass("NullHandler", "logging", handlerClass)
	fileHandlerClass   = stdClass("FileHandler", "logging", streamHandlerClass)
	formatterClass     = stdClass("Formatter", "logging")
	logRecordClass     = stdClass("LogRecord", "logging")
	filterClass        = stdClass("Filter", "logging")
)

// logState is one program's logging: its loggers by name and the root.
type logState struct {
	root    *rt.Instance
	loggers map[string]*rt.Instance
	disable int64
	names   map[int64]string // level names, addLevelName adds to them
	last    rt.Value         // the handler of last resort
}

// attr reads an attribute of a logging object (Python code may have set
// or overridden it).
func attr(th *rt.Thread, obj rt.Value, name string) rt.Value {
	v, err := rt.GetAttr(th, obj, name)
	if err != nil {
		return rt.None
	}
	return v
}

func setAttr(obj rt.Value, name string, v rt.Value) {
	if inst, ok := obj.(*rt.Instance); ok {
		inst.Dict.Set(name, v)
	}
}

func intAttr(th *rt.Thread, obj rt.Value, name string) int64 {
	if n, ok := attr(th, obj, name).(rt.Int); ok {
		return int64(n)
	}
	return 0
}

func (st *logState) levelName(n int64) string {
	if s, ok := st.names[n]; ok {
		return s
	}
	return "Level " + itoa(int(n))
}

// checkLevel is logging._checkLevel: an int, or a registered name.
func (st *logState) checkLevel(th *rt.Thread, v rt.Value) (int64, error) {
	switch x := v.(type) {
	case rt.Int:
		return int64(x), nil
	case rt.Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case rt.Str:
		for n, s := range st.names {
			if s == string(x) {
				return n, nil
			}
		}
		return 0, rt.NewError(rt.ValueErrorClass, "Unknown level: "+rt.QuoteStr(string(x)))
	}
	r, _ := rt.Repr(th, v)
	return 0, rt.NewError(rt.TypeErrorClass, "Level not an integer or a valid string: "+r)
}

// stateOf finds the logging state of a logger (nil for loggers made by
// calling Logger directly).
func stateOf(v rt.Value) *logState {
	if inst, ok := v.(*rt.Instance); ok {
		if st, ok := inst.Data.(*logState); ok {
			return st
		}
	}
	return nil
}

// newLogger makes a logger instance of c.
func newLogger(c *rt.Class, st *logState, name string, level int64) *rt.Instance {
	l := rt.NewInstance(c)
	initLogger(l, st, name, level)
	return l
}

func initLogger(l *rt.Instance, st *logState, name string, level int64) {
	l.Data = st
	l.Dict.Set("name", rt.Str(name))
	l.Dict.Set("level", rt.MakeInt(level))
	l.Dict.Set("parent", rt.None)
	l.Dict.Set("propagate", rt.True)
	l.Dict.Set("handlers", rt.NewList(nil))
	l.Dict.Set("disabled", rt.False)
	l.Dict.Set("filters", rt.NewList(nil))
}

// getLogger is the manager's getLogger: loggers are made once, with the
// nearest existing ancestor as parent, and adopt their descendants.
func (st *logState) getLogger(name string) *rt.Instance {
	if l, ok := st.loggers[name]; ok {
		return l
	}
	l := newLogger(loggerClass, st, name, lvlNotset)
	st.loggers[name] = l
	parent := st.root
	for i := strings.LastIndexByte(name, '.'); i > 0; i = strings.LastIndexByte(name[:i], '.') {
		if p, ok := st.loggers[name[:i]]; ok {
			parent = p
			break
		}
	}
	l.Dict.Set("parent", parent)
	for n, child := range st.loggers {
		if strings.HasPrefix(n, name+".") {
			cp, _ := child.Dict.Get("parent")
			pn := ""
			if p, ok := cp.(*rt.Instance); ok && p != st.root {
				v, _ := p.Dict.Get("name")
				pn = string(v.(rt.Str))
			}
			if len(pn) < len(name) {
				child.Dict.Set("parent", l)
			}
		}
	}
	return l
}

// effectiveLevel walks up the hierarchy to the first level set.
func effectiveLevel(th *rt.Thread, l rt.Value) int64 {
	for l != nil && l != rt.None {
		if n := intAttr(th, l, "level"); n != 0 {
			return n
		}
		l = attr(th, l, "parent")
	}
	return lvlNotset
}

func isEnabledFor(th *rt.Thread, l rt.Value, level int64) bool {
	if st := stateOf(l); st != nil && st.disable >= level {
		return false
	}
	return level >= effectiveLevel(th, l)
}

// passesFilters runs an object's filters on a record.
func passesFilters(th *rt.Thread, obj, record rt.Value) (bool, error) {
	fl, ok := attr(th, obj, "filters").(*rt.List)
	if !ok {
		return true, nil
	}
	for _, f := range append([]rt.Value(nil), fl.Items...) {
		var r rt.Value
		var err error
		if _, _, has := rt.TypeOf(f).Lookup("filter"); has {
			r, err = callMethod(th, f, "filter", []rt.Value{record}, nil)
		} else {
			r, err = rt.Call(th, f, []rt.Value{record}, nil)
		}
		if err != nil {
			return false, err
		}
		if t, err := rt.Truth(th, r); err != nil || !t {
			return false, err
		}
	}
	return true, nil
}

// makeRecord creates a LogRecord for a call from the current frame.
func makeRecord(th *rt.Thread, st *logState, name string, level int64, msg rt.Value, args rt.Tuple, excInfo rt.Value) *rt.Instance {
	r := rt.NewInstance(logRecordClass)
	file, line, fn := "(unknown file)", 0, "(unknown function)"
	if th.Frame != nil {
		file, line, fn = th.Frame.File, th.Frame.Line, th.Frame.Func
	}
	initRecord(th, st, r, name, level, file, line, msg, args, excInfo, fn)
	return r
}

func initRecord(th *rt.Thread, st *logState, r *rt.Instance, name string, level int64, file string, line int, msg rt.Value, args rt.Tuple, excInfo rt.Value, fn string) {
	now := virtualNow(th)
	created := float64(epochSeconds) + now.Seconds()
	var a rt.Value = args
	if len(args) == 1 && isMapping(args[0]) {
		a = args[0]
	}
	base := path.Base(file)
	lname := "Level " + itoa(int(level))
	if st != nil {
		lname = st.levelName(level)
	} else if s, ok := levelNames[level]; ok {
		lname = s
	}
	for _, kv := range []struct {
		k string
		v rt.Value
	}{
		{"name", rt.Str(name)}, {"msg", msg}, {"args", a}, {"levelname", rt.Str(lname)}, {"levelno", rt.MakeInt(level)},
		{"pathname", rt.Str(file)}, {"filename", rt.Str(base)}, {"module", rt.Str(strings.TrimSuffix(base, ".py"))},
		{"exc_info", excInfo}, {"exc_text", rt.None}, {"stack_info", rt.None}, {"lineno", rt.MakeInt(int64(line))},
		{"funcName", rt.Str(fn)}, {"created", rt.Float(created)},
		{"msecs", rt.Float(float64(int64((created - math.Trunc(created)) * 1000)))},
		{"relativeCreated", rt.Float(now.Seconds() * 1000)},
		{"thread", rt.MakeInt(1)}, {"threadName", rt.Str("MainThread")},
		{"processName", rt.Str("MainProcess")}, {"process", rt.MakeInt(1)},
	} {
		r.Dict.Set(kv.k, kv.v)
	}
}

// getMessage is LogRecord.getMessage: str(msg) % args when there are args.
func getMessage(th *rt.Thread, record rt.Value) (string, error) {
	msg, err := rt.StrOf(th, attr(th, record, "msg"))
	if err != nil {
		return "", err
	}
	args := attr(th, record, "args")
	if t, err := rt.Truth(th, args); err != nil || !t {
		return msg, err
	}
	return rt.Printf(th, msg, args)
}

// excText formats a record's exc_info: the traceback of the exception,
// or "NoneType: None" when none was being handled.
func excText(th *rt.Thread, info rt.Value) string {
	var e *rt.Instance
	switch x := info.(type) {
	case *rt.Instance:
		e = x
	case rt.Tuple:
		if len(x) == 3 {
			e, _ = x[1].(*rt.Instance)
		}
	}
	if e == nil || e.Exc == nil {
		return "NoneType: None"
	}
	return strings.TrimSuffix(th.Interp.FormatException(th, e), "\n")
}

// writeStream writes to a handler's stream: the program's stdout or
// stderr, or any object with write().
func writeStream(th *rt.Thread, stream rt.Value, text string) error {
	switch {
	case stream == rt.None || rt.IsStderr(stream):
		if th.Interp.Stderr != nil {
			th.Interp.Stderr(th, text)
		}
		return nil
	case stream == rt.StdoutStream:
		if th.Interp.Stdout != nil {
			th.Interp.Stdout(th, text)
		}
		return nil
	}
	_, err := callMethod(th, stream, "write", []rt.Value{rt.Str(text)}, nil)
	return err
}
