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
// moves while a task computes, every other task stays READY, and timers
// that fall due meanwhile fire late by a recorded amount: the kernel does
// not preempt. [WithZeroCost] turns charging off for comparisons.
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
