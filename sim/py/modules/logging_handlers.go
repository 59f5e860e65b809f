package modules

import (
	"strings"

	rt "asyncplay/sim/py/runtime"
)

var defaultFormats = map[string]string{"%": "%(levelname)s:%(name)s:%(message)s", "{": "{levelname}:{name}:{message}", "$": "${levelname}:${name}:${message}"}

// defaultFormatter formats records of handlers without a formatter.
func defaultFormatter(th *rt.Thread) (rt.Value, error) {
	return rt.Call(th, formatterClass, nil, nil)
}

func streamName(stream rt.Value) string {
	switch {
	case stream == rt.None || rt.IsStderr(stream):
		return "<stderr>"
	case stream == rt.StdoutStream:
		return "<stdout>"
	}
	return ""
}

func defineHandlers() {
	initHandler := func(th *rt.Thread, self rt.Value, level rt.Value) error {
		n := int64(0)
		if level != nil {
			var err error
			if n, err = (&logState{names: levelNames}).checkLevel(th, level); err != nil {
				return err
			}
		}
		setAttr(self, "level", rt.MakeInt(n))
		setAttr(self, "formatter", rt.None)
		setAttr(self, "filters", rt.NewList(nil))
		setAttr(self, "name", rt.None)
		return nil
	}
	levelName := func(th *rt.Thread, self rt.Value) string {
		n := intAttr(th, self, "level")
		if s, ok := levelNames[n]; ok {
			return s
		}
		return "Level " + itoa(int(n))
	}
	logMethods(handlerClass, map[string]logFn{
		"__init__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := stdArgs("Handler", args, kw, []string{"level"}, 0)
			if err != nil {
				return nil, err
			}
			return rt.None, initHandler(th, self, a[0])
		},
		"__repr__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return rt.Str("<" + rt.TypeName(self) + " (" + levelName(th, self) + ")>"), nil
		},
		"setLevel": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := stdArgs("setLevel", args, kw, []string{"level"}, 1)
			if err != nil {
				return nil, err
			}
			n, err := (&logState{names: levelNames}).checkLevel(th, a[0])
			setAttr(self, "level", rt.MakeInt(n))
			return rt.None, err
		},
		"setFormatter": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := stdArgs("setFormatter", args, kw, []string{"fmt"}, 1)
			if err != nil {
				return nil, err
			}
			setAttr(self, "formatter", a[0])
			return rt.None, nil
		},
		"format": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("format", args, kw, 1, 1); err != nil {
				return nil, err
			}
			f := attr(th, self, "formatter")
			if f == rt.None {
				var err error
				if f, err = defaultFormatter(th); err != nil {
					return nil, err
				}
			}
			return callMethod(th, f, "format", args, nil)
		},
		"handle": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("handle", args, kw, 1, 1); err != nil {
				return nil, err
			}
			ok, err := passesFilters(th, self, args[0])
			if err != nil || !ok {
				return rt.MakeBool(ok), err
			}
			_, err = callMethod(th, self, "emit", args, nil)
			return rt.True, err
		},
		"emit": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return nil, rt.NewError(rt.NotImplementedErrorClass, "emit must be implemented by Handler subclasses")
		},
		"handleError": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			text := "--- Logging error ---\n"
			if e := th.Handling(); e != nil {
				text += th.Interp.FormatException(th, e)
			}
			if len(args) == 1 {
				m, _ := rt.Repr(th, attr(th, args[0], "msg"))
				a, _ := rt.Repr(th, attr(th, args[0], "args"))
				text += "Message: " + m + "\nArguments: " + a + "\n"
			}
			return rt.None, writeStream(th, rt.StderrStream, text)
		},
		"get_name": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return attr(th, self, "name"), nil
		},
		"set_name": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("set_name", args, kw, 1, 1); err != nil {
				return nil, err
			}
			setAttr(self, "name", args[0])
			return rt.None, nil
		},
	})
	for _, name := range []string{"flush", "close", "acquire", "release", "createLock"} {
		stdMethod(handlerClass, name, func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return rt.None, nil
		})
	}
	logMethods(streamHandlerClass, map[string]logFn{
		"__init__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := stdArgs("StreamHandler", args, kw, []string{"stream"}, 0)
			if err != nil {
				return nil, err
			}
			if err := initHandler(th, self, nil); err != nil {
				return nil, err
			}
			stream := a[0]
			if stream == nil || stream == rt.None {
				stream = rt.StderrStream
			}
			setAttr(self, "stream", stream)
			setAttr(self, "terminator", rt.Str("\n"))
			return rt.None, nil
		},
		"__repr__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			name := streamName(attr(th, self, "stream"))
			if name != "" {
				name += " "
			}
			return rt.Str("<" + rt.TypeName(self) + " " + name + "(" + levelName(th, self) + ")>"), nil
		},
		"emit": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("emit", args, kw, 1, 1); err != nil {
				return nil, err
			}
			msg, err := callMethod(th, self, "format", args, nil)
			if err == nil {
				var s string
				if s, err = rt.StrOf(th, msg); err == nil {
					term, _ := rt.StrOf(th, attr(th, self, "terminator"))
					err = writeStream(th, attr(th, self, "stream"), s+term)
				}
			}
			if e, ok := err.(*rt.Instance); ok && e.Exc != nil && e.Class.IsSubclass(rt.ExceptionClass) {
				// As CPython's handleError: report and go on.
				text := "--- Logging error ---\n" + th.Interp.FormatException(th, e)
				m, _ := rt.Repr(th, attr(th, args[0], "msg"))
				a, _ := rt.Repr(th, attr(th, args[0], "args"))
				return rt.None, writeStream(th, rt.StderrStream, text+"Message: "+m+"\nArguments: "+a+"\n")
			}
			return rt.None, err
		},
		"setStream": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("setStream", args, kw, 1, 1); err != nil {
				return nil, err
			}
			old := attr(th, self, "stream")
			if old == args[0] {
				return rt.None, nil
			}
			setAttr(self, "stream", args[0])
			return old, nil
		},
	})
	// FileHandler: there are no files, so what it would write is dropped.
	logMethods(fileHandlerClass, map[string]logFn{
		"__init__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := stdArgs("FileHandler", args, kw, []string{"filename", "mode", "encoding", "delay", "errors"}, 1)
			if err != nil {
				return nil, err
			}
			if err := initHandler(th, self, nil); err != nil {
				return nil, err
			}
			setAttr(self, "baseFilename", a[0])
			setAttr(self, "stream", rt.None)
			setAttr(self, "terminator", rt.Str("\n"))
			return rt.None, nil
		},
		"emit": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return rt.None, nil
		},
	})
	logMethods(nullHandlerClass, map[string]logFn{
		"emit": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return rt.None, nil
		},
		"handle": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return rt.None, nil
		},
	})

	formatterClass.Dict.Set("default_time_format", rt.Str("%Y-%m-%d %H:%M:%S"))
	formatterClass.Dict.Set("default_msec_format", rt.Str("%s,%03d"))
	logMethods(formatterClass, map[string]logFn{
		"__init__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := stdArgs("Formatter", args, kw, []string{"fmt", "datefmt", "style", "validate", "defaults"}, 0)
			if err != nil {
				return nil, err
			}
			style := "%"
			if a[2] != nil {
				s, _ := a[2].(rt.Str)
				style = string(s)
			}
			def, ok := defaultFormats[style]
			if !ok {
				return nil, rt.NewError(rt.ValueErrorClass, "Style must be one of: %,{,$")
			}
			fmt := rt.Value(rt.Str(def))
			if a[0] != nil && a[0] != rt.None {
				fmt = a[0]
			}
			if a[0] == nil || a[0] == rt.None {
				fmt = rt.Str(map[string]string{"%": "%(message)s", "{": "{message}", "$": "${message}"}[style])
			}
			datefmt := a[1]
			if datefmt == nil {
				datefmt = rt.None
			}
			setAttr(self, "_fmt", fmt)
			setAttr(self, "datefmt", datefmt)
			setAttr(self, "_style", rt.Str(style))
			return rt.None, nil
		},
		"format": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("format", args, kw, 1, 1); err != nil {
				return nil, err
			}
			s, err := formatRecord(th, self, args[0])
			return rt.Str(s), err
		},
		"formatMessage": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("formatMessage", args, kw, 1, 1); err != nil {
				return nil, err
			}
			s, err := formatMessage(th, self, args[0])
			return rt.Str(s), err
		},
		"usesTime": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			f, _ := attr(th, self, "_fmt").(rt.Str)
			search := map[string]string{"%": "%(asctime)", "{": "{asctime", "$": "${asctime}"}[styleOf(th, self)]
			uses := strings.Contains(string(f), search)
			if styleOf(th, self) == "$" {
				uses = uses || strings.Contains(string(f), "$asctime")
			}
			return rt.MakeBool(uses), nil
		},
		"formatTime": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := stdArgs("formatTime", args, kw, []string{"record", "datefmt"}, 1)
			if err != nil {
				return nil, err
			}
			datefmt := a[1]
			if datefmt == nil {
				datefmt = rt.None
			}
			return rt.Str(formatTime(th, a[0], datefmt)), nil
		},
		"formatException": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("formatException", args, kw, 1, 1); err != nil {
				return nil, err
			}
			return rt.Str(excText(th, args[0])), nil
		},
	})

	logMethods(logRecordClass, map[string]logFn{
		"__init__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := stdArgs("LogRecord", args, kw, []string{"name", "level", "pathname", "lineno", "msg", "args", "exc_info", "func", "sinfo"}, 7)
			if err != nil {
				return nil, err
			}
			name, _ := rt.StrOf(th, a[0])
			level, err := stdInt(th, a[1])
			if err != nil {
				return nil, err
			}
			file, _ := rt.StrOf(th, a[2])
			line, _ := stdInt(th, a[3])
			var fargs rt.Tuple
			if t, ok := a[5].(rt.Tuple); ok {
				fargs = t
			} else if a[5] != rt.None {
				fargs = rt.Tuple{a[5]}
			}
			fn := "None"
			if a[7] != nil && a[7] != rt.None {
				fn, _ = rt.StrOf(th, a[7])
			}
			initRecord(th, nil, self.(*rt.Instance), name, level, file, int(line), a[4], fargs, a[6], fn)
			if a[7] == nil || a[7] == rt.None {
				setAttr(self, "funcName", rt.None)
			}
			return rt.None, nil
		},
		"getMessage": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			s, err := getMessage(th, self)
			return rt.Str(s), err
		},
		"__repr__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			var parts []string
			for _, k := range []string{"name", "levelno", "pathname", "lineno"} {
				s, err := rt.StrOf(th, attr(th, self, k))
				if err != nil {
					return nil, err
				}
				parts = append(parts, s)
			}
			msg, err := rt.StrOf(th, attr(th, self, "msg"))
			return rt.Str("<LogRecord: " + strings.Join(parts, ", ") + ", \"" + msg + "\">"), err
		},
	})

	logMethods(filterClass, map[string]logFn{
		"__init__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := stdArgs("Filter", args, kw, []string{"name"}, 0)
			if err != nil {
				return nil, err
			}
			name := rt.Value(rt.Str(""))
			if a[0] != nil {
				name = a[0]
			}
			setAttr(self, "name", name)
			return rt.None, nil
		},
		"filter": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("filter", args, kw, 1, 1); err != nil {
				return nil, err
			}
			name, _ := rt.StrOf(th, attr(th, self, "name"))
			rn, _ := rt.StrOf(th, attr(th, args[0], "name"))
			switch {
			case name == "" || name == rn:
				return rt.True, nil
			case !strings.HasPrefix(rn, name):
				return rt.False, nil
			}
			return rt.MakeBool(len(rn) > len(name) && rn[len(name)] == '.'), nil
		},
	})
}
