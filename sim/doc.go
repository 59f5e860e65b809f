// Package sim is asyncplay's deterministic kernel: a virtual clock and a
// cooperative scheduler that runs tasks the way curio's kernel does.
//
// # Principles
//
// The kernel keeps three promises, in this order:
//
//  1. Determinism. The same program, seed and input log give the same
//     trace, byte for byte, natively and in WebAssembly. Nothing here reads
//     the wall clock, iterates a Go map where order matters, or depends on
//     goroutine scheduling. Ties are broken by sequence numbers; randomness
//     comes only from the kernel's seeded generator ([Kernel.Rand]).
//  2. The trace is the truth. Every task state change and every object
//     event is appended to the [Trace], stamped with virtual time. Views,
//     the monitor at a past time and exports are all derived from it.
//  3. A small kernel. Tasks are coroutines (iter.Pull) that run until they
//     block. Blocking goes through one abstraction, the [WaitQueue] (curio's
//     scheduler FIFO); events, locks, semaphores, conditions, queues, task
//     groups and signals are built on it outside the run loop.
//
// # The run loop
//
// [Kernel.Run] repeats passes of three phases, as curio does: deliver the
// outside inputs that are due (signals, and whatever the world injects),
// expire due timers in (deadline, sequence) order, then run every task that
// was ready when the pass began, each until it blocks. When nothing is
// ready the clock jumps to the next deadline. Nothing ready, no timer and
// no pending input while tasks still wait is a deadlock ([DeadlockError]).
//
// Task code runs on its own coroutine stack. The methods of [Task] that may
// block (Sleep, Join, Queue.Get, ...) are the traps: they are the only places
// where another task can run and the only cancellation points. Methods that
// do not block (Spawn, Event.Set, Queue.PutNowait, ...) change kernel state
// directly; that is safe because exactly one coroutine runs at a time.
//
// # Virtual CPU
//
// Interpreted code charges virtual CPU time with [Task.Charge]. The clock
// moves while a task computes, every other task of the program stays
// READY, and the program's timers that fall due meanwhile fire late by a
// recorded amount: the kernel does not preempt. [WithZeroCost] turns
// charging off for comparisons.
//
// The world outside the program runs on other machines and does not wait
// for the program's CPU. While a task of the program holds it (computing,
// or blocking it in time.sleep), the world keeps its own time: the timers
// of peers ([LanePeer]) and the timer funcs of [Kernel.At] (the network's
// deliveries) fire at their deadlines, inputs from outside
// ([WorldInput], such as typed lines) arrive at their times, and the
// peers they wake run then, so bytes land in the program's buffers when
// they really arrive. The program's tasks those events wake still wait
// for the CPU; signals, which the program's own loop receives, wait too.
// When nothing of the world falls due during a charge the clock just
// moves, as cheaply as before.
//
// # Threads and processes
//
// A thread or worker process of the program is a task of lane
// [LaneThread] or [LaneProcess] ([Task.SpawnLane]); the lane decides whose
// CPU its work is spent on ([Task.Work]). The kernel's own tasks share one
// CPU and hold it while they compute, time.sleep included
// ([Task.SleepBlocking]): everything else waits, threads too (CPython
// would let a waiting thread take the GIL after 5 ms; the model does not
// preempt the kernel's thread). A thread holds the same CPU, as CPython's
// GIL makes it, but once the rest of the program has wanted the CPU (a
// timer or input fell due, a task became ready) for the machine's switch
// interval, 5 ms like sys.getswitchinterval(), it gives it back at exactly
// that moment, stays READY, and runs on after the timers then due have
// fired and the ready tasks have run: a ticker beside a computing thread
// is 5 ms late, not late by the whole computation. A process has a CPU of
// its own: its work does not move the clock but runs its own clock ahead,
// and once it owes a quantum (1 ms), and before it blocks, writes or
// ends, it sleeps the debt off in state COMPUTING, uncancellably, while
// the others run ([Task.Settle]). A process held up by the kernel's
// thread computing keeps its own clock and catches up without sleeping.
// A thread holding the CPU stops the world no more than the kernel's
// thread does, and only the program's timers and ready tasks count as
// wanting the CPU back: a peer's timer does not. A peer has a machine of
// its own: its work does not move the clock. In a thread, a process or a
// peer, time.sleep and blocking I/O sleep that lane only, in TIME_SLEEP. Neither can be cancelled from the kernel; a
// process can be killed ([Task.Kill]), and at shutdown both die with the
// program instead of being cancelled. Sizes and intervals are the
// [Machine]'s.
//
// # After the program exits
//
// When main ends, the shutdown cancels the program's remaining tasks,
// highest id first, each running its cleanup (threads and processes die
// with the program); the world's peers are not the program's and run on
// meanwhile. Once every task of the program has ended, the program has
// exited: the warnings about unjoined tasks are its last words, an
// [EvExit] record marks the moment, and hooks registered with
// [Kernel.OnExit] do what the operating system does at a process's exit
// (netsim closes the program's sockets: what their send buffers hold is
// still sent, then the end of file; a socket with unread input resets;
// what a library held in the program's own memory is lost) and stop what
// would only have begun after it (clients declared to connect later do
// not start). Signals and typed lines due after the exit are never
// delivered. The run then goes on with the world alone, its timers and
// peers, until nothing of it is under way: no timer left and no peer
// ready. The peers left waiting for what will never come (a terminal for
// typing, a client for a reply) are cancelled, quietly, and the run ends.
// So a slow reader reports every byte the program handed to its socket,
// and a terminal shows the end of file, as on a real machine.
//
// The program's result is its own: a limit or an interruption that stops
// the world after the exit ends the run without changing it. A run the
// kernel stops (a deadlock, a limit, a fatal signal) has no exit and no
// world after it: every task is killed where it stands, as before.
//
// # Limits
//
// Steps, virtual time, tasks, trace events and output bytes are bounded
// ([WithLimits]). A run that exceeds one stops with a [LimitError] naming the
// limit and where every task stood; the host never hangs. [Kernel.Step]
// runs a bounded slice of work so a browser frame never blocks.
//
// # Task groups and memory
//
// A [TaskGroup] keeps each finished task until the program takes it
// (NextDone, NextResult, iteration) or joins the group, because the program
// may still ask for its result. A never-ending program that spawns into a
// group and never reads it would grow without bound, as curio's does (see
// the backpressure forum thread). The trace records the group's held count
// on every change so a lesson can show that growth. The kernel itself frees
// a finished task's coroutine at once, and a group holds at most
// [Limits.GroupKeep] finished tasks that completed without an error: past
// that the oldest such tasks are released, their release is recorded, and
// [TaskGroup.Released] counts them. Tasks that failed are never released
// silently.
package sim
