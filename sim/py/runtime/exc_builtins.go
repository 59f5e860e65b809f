package runtime

// The rest of CPython 3.11's built-in exception hierarchy, so that
// programs can name (and catch) every built-in exception class.
var (
	BufferErrorClass            = newBuiltinClass("BufferError", ExceptionClass)
	FloatingPointErrorClass     = newBuiltinClass("FloatingPointError", ArithmeticErrorClass)
	ReferenceErrorClass         = newBuiltinClass("ReferenceError", ExceptionClass)
	SystemErrorClass            = newBuiltinClass("SystemError", ExceptionClass)
	TabErrorClass               = newBuiltinClass("TabError", IndentationErrorClass)
	UnicodeTranslateErrorClass  = newBuiltinClass("UnicodeTranslateError", UnicodeErrorClass)
	BlockingIOErrorClass        = newBuiltinClass("BlockingIOError", OSErrorClass)
	ChildProcessErrorClass      = newBuiltinClass("ChildProcessError", OSErrorClass)
	ConnectionAbortedErrorClass = newBuiltinClass("ConnectionAbortedError", ConnectionErrorClass)
	FileExistsErrorClass        = newBuiltinClass("FileExistsError", OSErrorClass)
	FileNotFoundErrorClass      = newBuiltinClass("FileNotFoundError", OSErrorClass)
	InterruptedErrorClass       = newBuiltinClass("InterruptedError", OSErrorClass)
	IsADirectoryErrorClass      = newBuiltinClass("IsADirectoryError", OSErrorClass)
	NotADirectoryErrorClass     = newBuiltinClass("NotADirectoryError", OSErrorClass)
	PermissionErrorClass        = newBuiltinClass("PermissionError", OSErrorClass)
	ProcessLookupErrorClass     = newBuiltinClass("ProcessLookupError", OSErrorClass)
	SyntaxWarningClass          = newBuiltinClass("SyntaxWarning", WarningClass)
	FutureWarningClass          = newBuiltinClass("FutureWarning", WarningClass)
	PendingDeprecationWarnClass = newBuiltinClass("PendingDeprecationWarning", WarningClass)
	ImportWarningClass          = newBuiltinClass("ImportWarning", WarningClass)
	UnicodeWarningClass         = newBuiltinClass("UnicodeWarning", WarningClass)
	BytesWarningClass           = newBuiltinClass("BytesWarning", WarningClass)
	ResourceWarningClass        = newBuiltinClass("ResourceWarning", WarningClass)
	EncodingWarningClass        = newBuiltinClass("EncodingWarning", WarningClass)

	// BaseExceptionGroupClass and ExceptionGroupClass hold several
	// exceptions at once: BaseExceptionGroup(message, exceptions), with
	// .message, .exceptions, split, subgroup and derive (exc_group.go).
	// asyncio's TaskGroup raises them; except* takes them apart, and an
	// uncaught one prints in CPython's boxes (traceback.go).
	BaseExceptionGroupClass = newBuiltinClass("BaseExceptionGroup", BaseExceptionClass)
	ExceptionGroupClass     = func() *Class {
		c := &Class{Name: "ExceptionGroup", Module: "builtins", Bases: []*Class{BaseExceptionGroupClass, ExceptionClass},
			Dict: NewNamespace(), builtin: true}
		// C3 of (BaseExceptionGroup, Exception): both end in BaseException, object.
		c.MRO = []*Class{c, BaseExceptionGroupClass, ExceptionClass, BaseExceptionClass, ObjectClass}
		return c
	}()
)

func init() {
	for _, c := range []*Class{BufferErrorClass, FloatingPointErrorClass, ReferenceErrorClass, SystemErrorClass,
		TabErrorClass, UnicodeTranslateErrorClass, BlockingIOErrorClass, ChildProcessErrorClass,
		ConnectionAbortedErrorClass, FileExistsErrorClass, FileNotFoundErrorClass, InterruptedErrorClass,
		IsADirectoryErrorClass, NotADirectoryErrorClass, PermissionErrorClass, ProcessLookupErrorClass,
		SyntaxWarningClass, FutureWarningClass, PendingDeprecationWarnClass, ImportWarningClass,
		UnicodeWarningClass, BytesWarningClass, ResourceWarningClass, EncodingWarningClass,
		BaseExceptionGroupClass, ExceptionGroupClass} {
		Builtins[c.Name] = c
	}
	Builtins["IOError"] = OSErrorClass
	Builtins["EnvironmentError"] = OSErrorClass
}
