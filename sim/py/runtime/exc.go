package runtime

import (
	"strings"
)

// ExcState is what an exception instance carries beyond its attributes.
type ExcState struct {
	Args            Tuple
	Traceback       []TraceEntry // outermost call first, as printed
	Cause           *Instance    // raise ... from cause
	Context         *Instance    // the exception being handled when this one was raised
	SuppressContext bool         // set by `raise ... from`
	frame           uint64       // serial of the frame whose entry was added last

	// Msg and Excs are an exception group's message and exceptions
	// (BaseExceptionGroup keeps them apart from args).
	Msg  Value
	Excs Tuple
}

// TraceEntry is one line of a traceback: a frame and where in it the
// exception passed. Columns are 0-based byte offsets, as CPython's
// co_positions; EndLine 0 means the position is unknown (no carets).
type TraceEntry struct {
	File    string
	Line    int
	Func    string
	Col     int
	EndLine int
	EndCol  int
}

// The built-in exception hierarchy, as in CPython.
var (
	BaseExceptionClass       = newBuiltinClass("BaseException", ObjectClass)
	SystemExitClass          = newBuiltinClass("SystemExit", BaseExceptionClass)
	KeyboardInterruptClass   = newBuiltinClass("KeyboardInterrupt", BaseExceptionClass)
	GeneratorExitClass       = newBuiltinClass("GeneratorExit", BaseExceptionClass)
	ExceptionClass           = newBuiltinClass("Exception", BaseExceptionClass)
	ArithmeticErrorClass     = newBuiltinClass("ArithmeticError", ExceptionClass)
	ZeroDivisionErrorClass   = newBuiltinClass("ZeroDivisionError", ArithmeticErrorClass)
	OverflowErrorClass       = newBuiltinClass("OverflowError", ArithmeticErrorClass)
	AssertionErrorClass      = newBuiltinClass("AssertionError", ExceptionClass)
	AttributeErrorClass      = newBuiltinClass("AttributeError", ExceptionClass)
	EOFErrorClass            = newBuiltinClass("EOFError", ExceptionClass)
	ImportErrorClass         = newBuiltinClass("ImportError", ExceptionClass)
	ModuleNotFoundErrorClass = newBuiltinClass("ModuleNotFoundError", ImportErrorClass)
	LookupErrorClass         = newBuiltinClass("LookupError", ExceptionClass)
	IndexErrorClass          = newBuiltinClass("IndexError", LookupErrorClass)
	KeyErrorClass            = newBuiltinClass("KeyError", LookupErrorClass)
	MemoryErrorClass         = newBuiltinClass("MemoryError", ExceptionClass)
	NameErrorClass           = newBuiltinClass("NameError", ExceptionClass)
	UnboundLocalErrorClass   = newBuiltinClass("UnboundLocalError", NameErrorClass)
	OSErrorClass             = newBuiltinClass("OSError", ExceptionClass)
	ConnectionErrorClass     = newBuiltinClass("ConnectionError", OSErrorClass)
	BrokenPipeErrorClass     = newBuiltinClass("BrokenPipeError", ConnectionErrorClass)
	ConnectionResetClass     = newBuiltinClass("ConnectionResetError", ConnectionErrorClass)
	ConnectionRefusedClass   = newBuiltinClass("ConnectionRefusedError", ConnectionErrorClass)
	TimeoutErrorClass        = newBuiltinClass("TimeoutError", OSErrorClass)
	RuntimeErrorClass        = newBuiltinClass("RuntimeError", ExceptionClass)
	RecursionErrorClass      = newBuiltinClass("RecursionError", RuntimeErrorClass)
	NotImplementedErrorClass = newBuiltinClass("NotImplementedError", RuntimeErrorClass)
	StopIterationClass       = newBuiltinClass("StopIteration", ExceptionClass)
	StopAsyncIterationClass  = newBuiltinClass("StopAsyncIteration", ExceptionClass)
	SyntaxErrorClass         = newBuiltinClass("SyntaxError", ExceptionClass)
	IndentationErrorClass    = newBuiltinClass("IndentationError", SyntaxErrorClass)
	TypeErrorClass           = newBuiltinClass("TypeError", ExceptionClass)
	ValueErrorClass          = newBuiltinClass("ValueError", ExceptionClass)
	UnicodeErrorClass        = newBuiltinClass("UnicodeError", ValueErrorClass)
	WarningClass             = newBuiltinClass("Warning", ExceptionClass)
	RuntimeWarningClass      = newBuiltinClass("RuntimeWarning", WarningClass)
	DeprecationWarningClass  = newBuiltinClass("DeprecationWarning", WarningClass)
	UserWarningClass         = newBuiltinClass("UserWarning", WarningClass)
)

// NewError creates an exception of class c whose single argument is msg
// (no argument if msg is empty), as `raise c(msg)` does.
func NewError(c *Class, msg string) *Instance {
	e := NewInstance(c)
	if msg != "" {
		e.Exc.Args = Tuple{Str(msg)}
	}
	return e
}

// Error makes exceptions Go errors: the evaluator returns them. The text
// is the last line of a traceback.
func (i *Instance) Error() string {
	name := i.Class.Name
	if m := i.Class.Module; m != "builtins" && m != "__main__" && m != "" {
		name = m + "." + name
	}
	if msg := i.Message(); msg != "" {
		return name + ": " + msg
	}
	return name
}

// Message is str(exception): empty with no arguments, the argument with
// one (its repr for KeyError, as CPython does), the tuple's repr with more.
func (i *Instance) Message() string {
	if i.Exc == nil {
		return ""
	}
	if i.Class.IsSubclass(OSErrorClass) && len(i.Exc.Args) == 2 { // OSError(errno, strerror)
		if n, ok := i.Exc.Args[0].(Int); ok {
			if s, ok := i.Exc.Args[1].(Str); ok {
				return "[Errno " + itoa(int64(n)) + "] " + string(s)
			}
		}
	}
	if IsGroup(i) { // msg (N sub-exceptions)
		if excs := GroupExceptions(i); excs != nil {
			s, _ := groupMessage(i).(Str)
			plural := "s"
			if len(excs) == 1 {
				plural = ""
			}
			return string(s) + " (" + itoa(int64(len(excs))) + " sub-exception" + plural + ")"
		}
	}
	switch args := i.Exc.Args; len(args) {
	case 0:
		return ""
	case 1:
		if s, ok := args[0].(Str); ok && !i.Class.IsSubclass(KeyErrorClass) {
			return string(s)
		}
		return reprSimple(args[0])
	default:
		return reprSimple(args)
	}
}

// reprSimple renders the values an error message usually holds; the full
// repr protocol (user __repr__) lives with the evaluator.
func reprSimple(v Value) string {
	switch v := v.(type) {
	case Str:
		return QuoteStr(string(v))
	case Int:
		return itoa(int64(v))
	case Float:
		return FloatRepr(float64(v))
	case Bool:
		if v {
			return "True"
		}
		return "False"
	case Tuple:
		parts := make([]string, len(v))
		for j, x := range v {
			parts[j] = reprSimple(x)
		}
		if len(v) == 1 {
			return "(" + parts[0] + ",)"
		}
		return "(" + strings.Join(parts, ", ") + ")"
	case none:
		return "None"
	case *Class:
		return "<class '" + v.QualName() + "'>"
	}
	return "<object>"
}
