package sim

import (
	"fmt"
	"strings"
)

// CancelKind tells curio's cancellation exceptions apart.
type CancelKind uint8

const (
	// TaskCancelled: another task (or the kernel at shutdown) cancelled this one.
	TaskCancelled CancelKind = iota
	// TaskTimeout: this task's own, outermost expired deadline fired.
	TaskTimeout
	// TimeoutCancellation: an outer deadline fired while an inner timeout
	// block was active (curio's TimeoutCancellationError).
	TimeoutCancellation
)

func (k CancelKind) String() string {
	switch k {
	case TaskTimeout:
		return "TaskTimeout"
	case TimeoutCancellation:
		return "TimeoutCancellationError"
	}
	return "TaskCancelled"
}

// Cancelled is curio's CancelledError family, delivered at a task's blocking
// trap. At is the kernel clock when it was raised (the value curio puts in
// the exception's args, which timeout blocks compare with their deadlines).
type Cancelled struct {
	Kind CancelKind
	At   Time
}

func (e *Cancelled) Error() string {
	if e.Kind == TaskCancelled {
		return "TaskCancelled"
	}
	return e.Kind.String() + " at " + e.At.String()
}

// TaskError is what joining a crashed task raises; Cause is the task's own
// exception, as in curio's `raise TaskError('Task crash') from exc`.
type TaskError struct {
	TaskID int
	Name   string
	Cause  error
}

func (e *TaskError) Error() string { return "Task crash" }
func (e *TaskError) Unwrap() error { return e.Cause }

// UsageError is a misuse of a kernel object that Python reports with a
// built-in exception: Python names the exception type ("RuntimeError",
// "ValueError", ...), Msg is CPython's or curio's wording.
type UsageError struct {
	Python string
	Msg    string
}

func (e *UsageError) Error() string { return e.Msg }

func runtimeError(msg string) error { return &UsageError{Python: "RuntimeError", Msg: msg} }

// Interrupt is raised in the main task when SIGINT arrives and nothing
// watches it: Python's KeyboardInterrupt. It is not a cancellation.
type Interrupt struct{ At Time }

func (e *Interrupt) Error() string { return "KeyboardInterrupt" }

// SignalExit ends a run whose process received a signal with no handler and
// a terminating default action (SIGTERM, SIGHUP, SIGKILL, ...).
type SignalExit struct {
	Signal Signal
	At     Time
}

func (e *SignalExit) Error() string {
	return fmt.Sprintf("terminated by %s at %s", e.Signal, e.At)
}

// PanicError is a Go panic inside task code, turned into that task's crash.
type PanicError struct{ Value any }

func (e *PanicError) Error() string { return fmt.Sprintf("panic: %v", e.Value) }

// TaskStatus says where one task stood when a run stopped.
type TaskStatus struct {
	ID     int
	Name   string
	State  State
	Daemon bool
	On     string  // the object waited on, e.g. "Queue#2 'jobs'"; empty if none
	Stack  []Frame // innermost frame last; empty if the host records none
}

func (s TaskStatus) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "task %d %q %s", s.ID, s.Name, s.State)
	if s.On != "" {
		b.WriteString(" on " + s.On)
	}
	if n := len(s.Stack); n > 0 {
		b.WriteString(" at " + s.Stack[n-1].String())
	}
	return b.String()
}

func writeStatuses(b *strings.Builder, tasks []TaskStatus) {
	for _, t := range tasks {
		b.WriteString("\n  ")
		b.WriteString(t.String())
	}
}

// DeadlockError reports that nothing is ready, no timer is pending and no
// input is coming, while tasks still wait: they would wait forever.
type DeadlockError struct {
	At    Time
	Tasks []TaskStatus // every live task, by id
}

func (e *DeadlockError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "deadlock at %s: every task is waiting and nothing can wake them", e.At)
	writeStatuses(&b, e.Tasks)
	return b.String()
}

// LimitError stops a run that exceeded one of its [Limits].
type LimitError struct {
	Limit string // "steps", "time", "tasks", "trace events" or "output bytes"
	Max   int64
	At    Time
	Task  int          // the task that was running, 0 if none
	Tasks []TaskStatus // every live task, by id
}

func (e *LimitError) Error() string {
	var b strings.Builder
	max := itoa(e.Max)
	if e.Limit == "time" {
		max = Time(e.Max).String()
	}
	fmt.Fprintf(&b, "%s limit (%s) reached at %s", e.Limit, max, e.At)
	if e.Task != 0 {
		fmt.Fprintf(&b, " while task %d was running", e.Task)
	}
	writeStatuses(&b, e.Tasks)
	return b.String()
}
