// Package runtime is the evaluator of asyncplay's Python subset (see
// package py for the map): its values, the compiler from the syntax tree
// to Go closures, and the built-in library.
//
// Where to look:
//
//   - Values and protocols: value.go (the Go type of each Python type),
//     class.go (classes, C3, instances, calling a class), ops.go and
//     compare.go (repr, str, truth, equality, ordering, hashing), attr.go
//     (attribute lookup with descriptors), iter.go, dict.go and set.go
//     (CPython's own set table, for CPython's iteration order), num.go and
//     pow.go (Python arithmetic), format.go (the format-spec language).
//   - The compiler: scope.go (what every name is, as CPython's symtable
//     decides), compile.go, compile_expr.go, compile_stmt.go,
//     compile_call.go, compile_def.go, compile_with.go; function.go (code,
//     functions, argument binding, pooled frames); generator.go
//     (generators, coroutines, async generators, await); traceback.go
//     (CPython 3.11's traceback text).
//   - The library: builtins*.go and the *_methods.go files, subscript.go,
//     binop.go, printf.go and strformat.go, convert.go, exc*.go.
//
// Errors are values: every Python exception is an *Instance returned as
// a Go error, and the interpreter never uses Go panics for Python's
// control flow. A Thread is one task's interpreter state; calls into the
// kernel go through Thread.OnTask, because code may be running on a
// generator's own stack.
package runtime
