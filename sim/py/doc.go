// Package py is the root of asyncplay's Python-subset interpreter: the
// language learners write, hosted on the kernel in package sim. It holds no
// code of its own; this page is the map of its packages and the decisions
// they share.
//
// # Packages
//
//   - syntax: scanner, parser and an AST that mirrors CPython's ast module
//     node for node, so that syntax.Dump(tree) must equal CPython 3.11's
//     ast.dump for the same source (the parser's oracle), and SyntaxError
//     text (message, line, caret) must equal CPython's.
//   - runtime: values, the compiler from AST to Go closures, frames,
//     exceptions and tracebacks, and the built-in functions and types.
//   - modules: built-in modules (curio, asyncio's core, time, random,
//     collections, functools, itertools, math, datetime, signal, logging,
//     sys), each bound to the kernel; asyncio's TaskGroup and streams and
//     the world's sockets, threads and processes join them later. asyncio
//     is checked against python3's own asyncio on a virtual clock.
//   - run: a program as the kernel's main task, with python3's output and
//     exit statuses (cmd/asyncplay is its command line).
//   - testdata/lang: plain-Python programs with the output, stderr and exit
//     code CPython 3.11 gives them; every one must run identically here
//     (run's TestCorpus runs python3 beside the interpreter).
//
// # Decisions the runtime keeps
//
// One Python task is one kernel task: its coroutine stack is the Python
// call stack. `await coro` runs the coroutine as a nested call on that same
// stack; only kernel traps (curio's sleep, Queue.get, ...) switch tasks, as
// in curio. Generators and async generators need a stack of their own and
// get one from iter.Pull.
//
// A generator's coroutine is not the task's, and a kernel trap (or a CPU
// charge, which may pause the task) must happen on the task's own stack.
// So code running on a generator's stack never calls the kernel itself: it
// hands the call to its consumer through the generator's yield, the
// consumer (itself perhaps a generator, which hands it on) performs it on
// the task's stack and resumes the generator with the result. This is what
// lets an async generator await curio.sleep or a socket read between its
// yields, as the backpressure seed's programs do.
//
// The compiler resolves every name at compile time (locals are slots in a
// frame's slice, closures share cells, globals live in the module dict), and
// turns each AST node into a Go closure, so that evaluating a node is one
// indirect call and no map lookup. Python exceptions are Go errors returned
// alongside values, never Go panics, which are slow; return, break and
// continue are results of executing a statement, not errors. Python's
// RecursionError comes from a depth counter at CPython's default (1000),
// well before the Go stack (or V8's, in WebAssembly, whose stack is far
// smaller than Go's) can overflow.
//
// Values are Go values behind an interface. Ints are int64 until an
// operation overflows, then *big.Int (math/bits detects the overflow);
// boxed small ints come from a preallocated table, as CPython's small-int
// cache, so hot arithmetic rarely allocates. Floats print with CPython's
// shortest-repr rules. Dicts keep insertion order. Sets iterate in the
// order CPython's own hash table would give for ints, floats, bools, None
// and tuples of them (the same open-addressing probe sequence), so that
// printing a set of numbers matches python3. CPython randomises str
// hashes, so no program can rely on the order of a set of strings there;
// here strings hash with a fixed function, so their order is arbitrary but
// the same on every run.
//
// Time, randomness and the outside world come only from the kernel:
// time.time() and datetime.now() read the virtual clock, random is seeded
// by the kernel's generator, and nothing reads the host's files, network,
// environment or clock. Interpreted code pays virtual CPU per operation:
// the thread state counts operations and charges them to the kernel in
// batches, and always before a trap, a clock read or output, so that the
// virtual time at every visible event is exact.
//
// CPython warns "coroutine '...' was never awaited" when the last reference
// to an unstarted coroutine goes away. Without reference counting the
// runtime warns at the two places a learner's program drops one: when an
// expression statement evaluates to an unstarted coroutine (the tutorial's
// forgotten `await`), and at the end of the run for any still unstarted.
//
// # Performance
//
// On this project's 2-core machine CPython 3.11 computes fib(30)
// recursively in about 0.09 s and moves 200,000 messages through an
// asyncio.Queue(maxsize=1) in about 1.2 s. The targets are fib within 1.5x
// of CPython and the queue at least 3x faster than asyncio; `make bench`
// runs both side by side with python3 (BenchmarkFibVsCPython,
// BenchmarkQueueVsAsyncio) and prints the ratios. What keeps the
// interpreter fast: pooled frames for plain calls with the arguments
// evaluated straight into them, int fast paths for local-and-constant
// arithmetic and comparisons, cached global slots, and a kernel that
// interns a task's stack only when it changes.
package py
