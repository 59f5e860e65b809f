package sim

// State is a task's scheduling state, named as curio names them.
type State uint8

// Task states. The blocking states say what a task waits for; the monitor
// and the view print them by name.
const (
	Initial State = iota
	Ready
	Running
	TimeSleep
	TaskJoin
	EventWait
	LockAcquire
	SemaAcquire
	CondWait
	QueueGet
	QueuePut
	QueueJoin
	ReadWait
	WriteWait
	FutureWait
	Terminated
	// Computing is a process lane computing on a CPU of its own: the
	// kernel does not run it meanwhile, it sleeps its CPU time off.
	Computing
	numStates
)

var stateNames = [numStates]string{
	Initial:     "INITIAL",
	Ready:       "READY",
	Running:     "RUNNING",
	TimeSleep:   "TIME_SLEEP",
	TaskJoin:    "TASK_JOIN",
	EventWait:   "EVENT_WAIT",
	LockAcquire: "LOCK_ACQUIRE",
	SemaAcquire: "SEMA_ACQUIRE",
	CondWait:    "COND_WAIT",
	QueueGet:    "QUEUE_GET",
	QueuePut:    "QUEUE_PUT",
	QueueJoin:   "QUEUE_JOIN",
	ReadWait:    "READ_WAIT",
	WriteWait:   "WRITE_WAIT",
	FutureWait:  "FUTURE_WAIT",
	Terminated:  "TERMINATED",
	Computing:   "COMPUTING",
}

func (s State) String() string {
	if s < numStates {
		return stateNames[s]
	}
	return "STATE(" + itoa(int64(s)) + ")"
}

// Blocked reports whether s is a state in which a task waits for something.
func (s State) Blocked() bool { return s >= TimeSleep && s <= FutureWait || s == Computing }

// ParseState returns the state with curio's name s.
func ParseState(s string) (State, bool) {
	for i, n := range stateNames {
		if n == s {
			return State(i), true
		}
	}
	return 0, false
}
