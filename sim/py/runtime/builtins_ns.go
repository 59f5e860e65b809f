package runtime

import "sort"

// BuiltinNamespace returns a fresh namespace holding every built-in name,
// for one program's Interp.Builtins (each program may rebind its own).
func BuiltinNamespace() *Namespace {
	ns := NewNamespace()
	names := make([]string, 0, len(Builtins))
	for name := range Builtins {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		ns.Set(name, Builtins[name])
	}
	ns.Set("Ellipsis", Ellipsis)
	return ns
}

// Stream is sys.stdout or sys.stderr: writes go to the program's output.
type Stream struct {
	Err bool
}

var (
	// StdoutStream and StderrStream are the values of sys.stdout and sys.stderr.
	StdoutStream = &Stream{}
	StderrStream = &Stream{Err: true}
	StreamClass  = newBuiltinClass("TextIOWrapper", ObjectClass)
)

func (s *Stream) Type() *Class { return StreamClass }

func (s *Stream) Repr(*Thread) (string, error) {
	if s.Err {
		return "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>", nil
	}
	return "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>", nil
}

// IsStderr reports whether print's file= argument is sys.stderr.
func IsStderr(v Value) bool {
	s, ok := v.(*Stream)
	return ok && s.Err
}

func init() {
	Def(StreamClass, "write", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if len(args) != 2 {
			return nil, ArgError("write() takes exactly one argument (%d given)", len(args)-1)
		}
		text, ok := args[1].(Str)
		if !ok {
			return nil, NewError(TypeErrorClass, "write() argument must be str, not "+TypeName(args[1]))
		}
		out := th.Interp.Stdout
		if args[0].(*Stream).Err {
			out = th.Interp.Stderr
		}
		if out != nil {
			out(th, string(text))
		}
		return MakeInt(int64(runeCount(string(text)))), nil
	})
	Def(StreamClass, "flush", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return None, nil })
}
