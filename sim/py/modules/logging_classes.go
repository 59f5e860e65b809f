package modules

import (
	"strings"
	"time"

	rt "asyncplay/sim/py/runtime"
)

// logging's Logger, Handler, StreamHandler, Formatter, LogRecord and
// Filter, and the module's functions.

type logFn = func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error)

func logMethods(c *rt.Class, methods map[string]logFn) {
	for name, f := range methods {
		stdMethod(c, name, f)
	}
}

// recordDict is a record's __dict__, for formatting.
func recordDict(record rt.Value) *rt.Dict {
	d := rt.NewDict()
	if inst, ok := record.(*rt.Instance); ok {
		for _, k := range inst.Dict.Keys() {
			v, _ := inst.Dict.Get(k)
			d.SetStr(k, v)
		}
	}
	return d
}

func styleOf(th *rt.Thread, f rt.Value) string {
	if s, ok := attr(th, f, "_style").(rt.Str); ok {
		return string(s)
	}
	return "%"
}

// formatRecord is Formatter.format.
func formatRecord(th *rt.Thread, f, record rt.Value) (string, error) {
	msg, err := getMessage(th, record)
	if err != nil {
		return "", err
	}
	setAttr(record, "message", rt.Str(msg))
	if t, err := callMethod(th, f, "usesTime", nil, nil); err != nil {
		return "", err
	} else if t == rt.True {
		at, err := callMethod(th, f, "formatTime", []rt.Value{record, attr(th, f, "datefmt")}, nil)
		if err != nil {
			return "", err
		}
		setAttr(record, "asctime", at)
	}
	sv, err := callMethod(th, f, "formatMessage", []rt.Value{record}, nil)
	if err != nil {
		return "", err
	}
	s, _ := sv.(rt.Str)
	out := string(s)
	if info := attr(th, record, "exc_info"); info != rt.None && info != rt.False {
		if attr(th, record, "exc_text") == rt.None {
			et, err := callMethod(th, f, "formatException", []rt.Value{info}, nil)
			if err != nil {
				return "", err
			}
			setAttr(record, "exc_text", et)
		}
	}
	if et, ok := attr(th, record, "exc_text").(rt.Str); ok && et != "" {
		if !strings.HasSuffix(out, "\n") {
			out += "\n"
		}
		out += string(et)
	}
	return out, nil
}

// formatMessage applies a formatter's format string to a record.
func formatMessage(th *rt.Thread, f, record rt.Value) (string, error) {
	fs, _ := attr(th, f, "_fmt").(rt.Str)
	d := recordDict(record)
	switch styleOf(th, f) {
	case "{":
		return rt.StrFormat(th, string(fs), nil, d)
	case "$":
		var b strings.Builder
		s := string(fs)
		for i := 0; i < len(s); i++ {
			if s[i] != '$' || i+1 == len(s) {
				b.WriteByte(s[i])
				continue
			}
			j, name := i+1, ""
			if s[j] == '$' {
				b.WriteByte('$')
				i = j
				continue
			}
			if s[j] == '{' {
				k := strings.IndexByte(s[j:], '}')
				if k < 0 {
					b.WriteByte('$')
					continue
				}
				name, i = s[j+1:j+k], j+k
			} else {
				k := j
				for k < len(s) && (s[k] == '_' || s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z' || k > j && s[k] >= '0' && s[k] <= '9') {
					k++
				}
				name, i = s[j:k], k-1
			}
			v, ok := d.GetStr(name)
			if !ok {
				return "", rt.NewError(rt.ValueErrorClass, "Formatting field not found in record: '"+name+"'")
			}
			str, err := rt.StrOf(th, v)
			if err != nil {
				return "", err
			}
			b.WriteString(str)
		}
		return b.String(), nil
	}
	out, err := rt.Printf(th, string(fs), d)
	if e, ok := err.(*rt.Instance); ok && e.Class.IsSubclass(rt.KeyErrorClass) {
		return "", rt.NewError(rt.ValueErrorClass, "Formatting field not found in record: "+e.Message())
	}
	return out, err
}

// handleRecord is Handler.handle: filters, then emit.
func handleRecord(th *rt.Thread, h, record rt.Value) error {
	ok, err := passesFilters(th, h, record)
	if err != nil || !ok {
		return err
	}
	_, err = callMethod(th, h, "emit", []rt.Value{record}, nil)
	return err
}

// callHandlers is Logger.callHandlers: the handlers of the logger and of
// its ancestors while they propagate, or the last resort.
func callHandlers(th *rt.Thread, l, record rt.Value, lastResort rt.Value) error {
	level := intAttr(th, record, "levelno")
	found := 0
	for c := l; c != nil && c != rt.None; {
		if hl, ok := attr(th, c, "handlers").(*rt.List); ok {
			for _, h := range append([]rt.Value(nil), hl.Items...) {
				found++
				if level >= intAttr(th, h, "level") {
					if err := handleRecord(th, h, record); err != nil {
						return err
					}
				}
			}
		}
		if t, _ := rt.Truth(th, attr(th, c, "propagate")); !t {
			break
		}
		c = attr(th, c, "parent")
	}
	if found == 0 && lastResort != nil && level >= intAttr(th, lastResort, "level") {
		return handleRecord(th, lastResort, record)
	}
	return nil
}

// logCall is Logger._log for logger.info(msg, *args, **kw) and the rest.
func logCall(th *rt.Thread, st *logState, l rt.Value, level int64, args []rt.Value, kw *rt.Kwargs, excDefault bool) error {
	if len(args) == 0 {
		return rt.NewError(rt.TypeErrorClass, "Logger._log() missing 1 required positional argument: 'msg'")
	}
	if !isEnabledFor(th, l, level) {
		return nil
	}
	var excInfo rt.Value = rt.None
	if excDefault {
		excInfo = rt.True
	}
	var extra rt.Value
	for i := range kw.Len() {
		switch kw.Names[i] {
		case "exc_info":
			excInfo = kw.Values[i]
		case "extra":
			extra = kw.Values[i]
		case "stack_info", "stacklevel":
		default:
			return rt.NewError(rt.TypeErrorClass, "Logger._log() got an unexpected keyword argument '"+kw.Names[i]+"'")
		}
	}
	switch e := excInfo.(type) {
	case *rt.Instance:
		if e.Exc != nil {
			excInfo = rt.Tuple{e.Class, e, rt.None}
		}
	case rt.Tuple:
	default:
		if t, _ := rt.Truth(th, excInfo); t {
			if h := th.Handling(); h != nil {
				excInfo = rt.Tuple{h.Class, h, rt.None}
			} else {
				excInfo = rt.Tuple{rt.None, rt.None, rt.None}
			}
		} else {
			excInfo = rt.None
		}
	}
	name, _ := attr(th, l, "name").(rt.Str)
	record := makeRecord(th, st, string(name), level, args[0], append(rt.Tuple{}, args[1:]...), excInfo)
	if extra != nil && extra != rt.None {
		items, err := mappingItems(th, extra)
		if err != nil {
			return err
		}
		for _, kv := range items {
			k, _ := kv[0].(rt.Str)
			if _, exists := record.Dict.Get(string(k)); exists || k == "message" || k == "asctime" {
				return rt.NewError(rt.KeyErrorClass, "Attempt to overwrite "+rt.QuoteStr(string(k))+" in LogRecord")
			}
			record.Dict.Set(string(k), kv[1])
		}
	}
	if t, _ := rt.Truth(th, attr(th, l, "disabled")); t {
		return nil
	}
	if ok, err := passesFilters(th, l, record); err != nil || !ok {
		return err
	}
	var last rt.Value
	if st != nil {
		last = st.lastResort()
	}
	return callHandlers(th, l, record, last)
}

// lastResort is the handler of records no handler takes: WARNING and
// above, the bare message, on stderr.
func (st *logState) lastResort() rt.Value { return st.last }

func defineLogging() {
	levelMethod := func(level int64, exc bool) logFn {
		return func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return rt.None, logCall(th, stateOf(self), self, level, args, kw, exc)
		}
	}
	logMethods(loggerClass, map[string]logFn{
		"__init__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := stdArgs("Logger", args, kw, []string{"name", "level"}, 1)
			if err != nil {
				return nil, err
			}
			name, _ := rt.StrOf(th, a[0])
			inst := self.(*rt.Instance)
			initLogger(inst, stateOf(self), name, 0)
			if a[1] != nil {
				st := &logState{names: levelNames}
				n, err := st.checkLevel(th, a[1])
				if err != nil {
					return nil, err
				}
				inst.Dict.Set("level", rt.MakeInt(n))
			}
			return rt.None, nil
		},
		"__repr__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			name, _ := rt.StrOf(th, attr(th, self, "name"))
			lvl := effectiveLevel(th, self)
			ln := levelNames[lvl]
			if st := stateOf(self); st != nil {
				ln = st.levelName(lvl)
			}
			return rt.Str("<" + rt.TypeName(self) + " " + name + " (" + ln + ")>"), nil
		},
		"setLevel": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			a, err := stdArgs("setLevel", args, kw, []string{"level"}, 1)
			if err != nil {
				return nil, err
			}
			st := stateOf(self)
			if st == nil {
				st = &logState{names: levelNames}
			}
			n, err := st.checkLevel(th, a[0])
			setAttr(self, "level", rt.MakeInt(n))
			return rt.None, err
		},
		"getEffectiveLevel": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return rt.MakeInt(effectiveLevel(th, self)), nil
		},
		"isEnabledFor": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("isEnabledFor", args, kw, 1, 1); err != nil {
				return nil, err
			}
			n, err := stdInt(th, args[0])
			return rt.MakeBool(isEnabledFor(th, self, n)), err
		},
		"addHandler": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("addHandler", args, kw, 1, 1); err != nil {
				return nil, err
			}
			if hl, ok := attr(th, self, "handlers").(*rt.List); ok {
				if in, _ := rt.Contains(th, hl, args[0]); !in {
					hl.Items = append(hl.Items, args[0])
				}
			}
			return rt.None, nil
		},
		"removeHandler": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("removeHandler", args, kw, 1, 1); err != nil {
				return nil, err
			}
			if hl, ok := attr(th, self, "handlers").(*rt.List); ok {
				for i, h := range hl.Items {
					if h == args[0] {
						hl.Items = append(hl.Items[:i:i], hl.Items[i+1:]...)
						break
					}
				}
			}
			return rt.None, nil
		},
		"hasHandlers": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			for c := self; c != nil && c != rt.None; c = attr(th, c, "parent") {
				if hl, ok := attr(th, c, "handlers").(*rt.List); ok && len(hl.Items) > 0 {
					return rt.True, nil
				}
				if t, _ := rt.Truth(th, attr(th, c, "propagate")); !t {
					break
				}
			}
			return rt.False, nil
		},
		"getChild": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("getChild", args, kw, 1, 1); err != nil {
				return nil, err
			}
			suffix, _ := rt.StrOf(th, args[0])
			st := stateOf(self)
			if st == nil {
				return nil, rt.NewError(rt.RuntimeErrorClass, "logger is not in a hierarchy")
			}
			if self != rt.Value(st.root) {
				name, _ := rt.StrOf(th, attr(th, self, "name"))
				suffix = name + "." + suffix
			}
			return st.getLogger(suffix), nil
		},
		"handle": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if err := stdPos("handle", args, kw, 1, 1); err != nil {
				return nil, err
			}
			var last rt.Value
			if st := stateOf(self); st != nil {
				last = st.lastResort()
			}
			return rt.None, callHandlers(th, self, args[0], last)
		},
		"debug":     levelMethod(lvlDebug, false),
		"info":      levelMethod(lvlInfo, false),
		"warning":   levelMethod(lvlWarning, false),
		"warn":      levelMethod(lvlWarning, false),
		"error":     levelMethod(lvlError, false),
		"exception": levelMethod(lvlError, true),
		"critical":  levelMethod(lvlCritical, false),
		"fatal":     levelMethod(lvlCritical, false),
		"log": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			if len(args) == 0 {
				return nil, rt.NewError(rt.TypeErrorClass, "Logger.log() missing 2 required positional arguments: 'level' and 'msg'")
			}
			if !isIntValue(args[0]) {
				return nil, rt.NewError(rt.TypeErrorClass, "level must be an integer")
			}
			n, err := stdInt(th, args[0])
			if err != nil {
				return nil, err
			}
			return rt.None, logCall(th, stateOf(self), self, n, args[1:], kw, false)
		},
	})
	for _, c := range []*rt.Class{loggerClass, handlerClass} {
		logMethods(c, map[string]logFn{
			"addFilter": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
				if fl, ok := attr(th, self, "filters").(*rt.List); ok && len(args) == 1 {
					fl.Items = append(fl.Items, args[0])
				}
				return rt.None, nil
			},
			"removeFilter": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
				if fl, ok := attr(th, self, "filters").(*rt.List); ok && len(args) == 1 {
					for i, f := range fl.Items {
						if f == args[0] {
							fl.Items = append(fl.Items[:i:i], fl.Items[i+1:]...)
							break
						}
					}
				}
				return rt.None, nil
			},
			"filter": func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
				if err := stdPos("filter", args, kw, 1, 1); err != nil {
					return nil, err
				}
				ok, err := passesFilters(th, self, args[0])
				return rt.MakeBool(ok), err
			},
		})
	}
	defineHandlers()
}

// formatTime is Formatter.formatTime: the record's virtual time, with
// datefmt or as "2023-11-14 22:13:20,000".
func formatTime(th *rt.Thread, record, datefmt rt.Value) string {
	created, _ := attr(th, record, "created").(rt.Float)
	sec := int64(created)
	t := time.Unix(sec, int64((float64(created)-float64(sec))*1e9)).UTC()
	if f, ok := datefmt.(rt.Str); ok {
		return strftime(t, string(f), "UTC")
	}
	msecs, _ := attr(th, record, "msecs").(rt.Float)
	return strftime(t, "%Y-%m-%d %H:%M:%S", "UTC") + "," + pad3(int(msecs))
}

func pad3(n int) string {
	s := itoa(n)
	for len(s) < 3 {
		s = "0" + s
	}
	return s
}
