package sim

import (
	"fmt"
	"iter"
	"slices"
	"strconv"
)

// Kind says what a [Record] of the trace records.
type Kind uint8

// Event kinds. The fields an event uses are listed with each kind; unused
// fields are zero.
const (
	_ Kind = iota
	// EvSpawn: Task was created by task Obj (0: by the host). Its name and
	// flags are in [Trace.Tasks].
	EvSpawn
	// EvState: Task entered State. For blocking states Obj is what it waits
	// on: a task id for TASK_JOIN, minus the group's object id for TASK_JOIN
	// on a task group, an object id otherwise. Val is the wake-up deadline
	// of TIME_SLEEP. Aux is the location ([Trace.Stack]) where it blocked.
	EvState
	// EvDone: Task terminated. Val is an [Outcome]; Aux is the index of the
	// error text in [Trace.Strings] (0 if none).
	EvDone
	// EvCancel: task Obj (0: the kernel) asked to cancel Task.
	EvCancel
	// EvTimeout: Task's effective deadline became Val (-1: none).
	EvTimeout
	// EvTimer: a timer of Task fired Val nanoseconds late. State is
	// TIME_SLEEP for a sleep, READY for a timeout.
	EvTimer
	// EvObject: object Obj was created; see [Trace.Objects].
	EvObject
	// EvQueue: Task put (State QUEUE_PUT) or got (QUEUE_GET) an item of queue
	// Obj, whose size became Val.
	EvQueue
	// EvFlag: event Obj was set (Val 1) or cleared (Val 0) by Task.
	EvFlag
	// EvLock: lock Obj's owner became task Val (0: free); Aux is the RLock
	// depth.
	EvLock
	// EvSema: semaphore Obj's value became Val.
	EvSema
	// EvGroup: task group Obj now holds Val finished, unread tasks and Aux
	// running ones.
	EvGroup
	// EvRelease: task group Obj released finished task Task unread.
	EvRelease
	// EvOutput: Task wrote string Val to stream Obj (1 stdout, 2 stderr).
	EvOutput
	// EvSignal: signal Val arrived; Aux is how many watchers received it.
	EvSignal
	// EvWarning: the kernel warned about Task; Val is the string index.
	EvWarning
	// EvEnd: the run ended; Val is the string index of how.
	EvEnd
	// EvNet: socket Obj changed; Aux is a [NetOp] saying how and Val is its
	// value (a buffer level, a capacity, the peer socket's object id).
	EvNet
	// EvExit: the program exited: its main task and every task of its
	// shutdown have ended. What follows, up to EvEnd, is the world alone
	// (see "After the program exits" in the package documentation).
	EvExit
	numKinds
)

var kindNames = [numKinds]string{
	EvSpawn: "spawn", EvState: "state", EvDone: "done", EvCancel: "cancel",
	EvTimeout: "timeout", EvTimer: "timer", EvObject: "object", EvQueue: "queue",
	EvFlag: "flag", EvLock: "lock", EvSema: "sema", EvGroup: "group",
	EvRelease: "release", EvOutput: "output", EvSignal: "signal",
	EvWarning: "warning", EvEnd: "end", EvNet: "net", EvExit: "exit",
}

// NetOp says what an [EvNet] record records about a socket. Each socket of
// a connection has a send buffer (bytes its program wrote that the network
// has not taken yet), bytes in flight towards its peer, and a receive
// buffer (bytes that arrived and its program has not read). The levels are
// recorded after each change, so the view can draw a connection as a pipe.
type NetOp int32

const (
	_           NetOp = iota
	NetSendBuf        // Val: the send buffer's level in bytes
	NetInFlight       // Val: bytes on the wire towards the peer
	NetRecvBuf        // Val: the receive buffer's level in bytes
	NetSndCap         // Val: the send buffer's capacity (SO_SNDBUF)
	NetRcvCap         // Val: the receive buffer's capacity (SO_RCVBUF)
	NetListen         // Val: the backlog
	NetConnect        // Val: the peer socket; the connection is established
	NetAccept         // Val: the accepted socket, taken by the listener Obj
	NetRefused        // the connection attempt was refused
	NetFin            // the socket sent its end of file (close or shutdown)
	NetEOF            // the peer's end of file arrived
	NetReset          // the connection was reset
	NetClosed         // the program closed the socket, or the OS did when it exited
	NetUserBuf        // Val: bytes a library holds above the send buffer (asyncio's transport buffer)
	numNetOps
)

var netOpNames = [numNetOps]string{
	NetSendBuf: "send_buffer", NetInFlight: "in_flight", NetRecvBuf: "recv_buffer",
	NetSndCap: "sndbuf", NetRcvCap: "rcvbuf", NetListen: "listen",
	NetConnect: "connect", NetAccept: "accept", NetRefused: "refused",
	NetFin: "fin", NetEOF: "eof", NetReset: "reset", NetClosed: "closed", NetUserBuf: "program_buffer",
}

func (op NetOp) String() string {
	if op > 0 && op < numNetOps {
		return netOpNames[op]
	}
	return fmt.Sprintf("netop(%d)", int32(op))
}

func (k Kind) String() string {
	if k < numKinds && kindNames[k] != "" {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// Outcome is how a task ended.
type Outcome int64

const (
	Returned Outcome = iota
	Crashed
	WasCancelled
	Killed // the run stopped (limit, deadlock, signal) before the task ended, or it was killed (Task.Kill)
)

func (o Outcome) String() string {
	return [...]string{"returned", "crashed", "cancelled", "killed"}[o]
}

// Record is one event of the trace, decoded. Its sequence number is its
// index in the trace.
type Record struct {
	T     Time
	Val   int64
	Task  int32
	Obj   int32
	Aux   int32
	Kind  Kind
	State State
}

// TaskInfo describes a task once, when it is spawned.
type TaskInfo struct {
	ID     int
	Name   string
	Parent int
	Daemon bool
	Group  int  // object id of its task group, 0 if none
	Lane   Lane // what the task stands for: the program's task, a peer, a thread
}

// Lane says what a task stands for in the simulated world. The kernel
// schedules every lane the same way; the view and the monitor tell them
// apart, and a thread or process lane spends its CPU time differently (see
// [Task.Work]).
type Lane uint8

const (
	// LaneTask is a task of the program's kernel.
	LaneTask Lane = iota
	// LanePeer is the world outside the program: a scripted client, a
	// streaming source, a slow sink, an HTTP service.
	LanePeer
	// LaneThread is a thread of the program's process (run_in_thread).
	LaneThread
	// LaneProcess is a worker process (run_in_process).
	LaneProcess
)

var laneNames = [...]string{"task", "peer", "thread", "process"}

func (l Lane) String() string {
	if int(l) < len(laneNames) {
		return laneNames[l]
	}
	return fmt.Sprintf("lane(%d)", uint8(l))
}

// ObjectInfo describes a kernel object once, when it is created.
type ObjectInfo struct {
	ID   int
	Kind string // "Queue", "Event", "Lock", "TaskGroup", ...
	Name string
	Cap  int // a queue's maxsize or a semaphore's initial value
}

// Label is how messages name the object: "Queue#2 'jobs'".
func (o ObjectInfo) Label() string {
	s := o.Kind + "#" + itoa(int64(o.ID))
	if o.Name != "" {
		s += " " + quote(o.Name)
	}
	return s
}

// Frame is one source location of a task's stack, as the host (the
// interpreter, or Go code with [WithGoLocations]) reports it.
type Frame struct {
	File string
	Line int
	Func string
}

func (f Frame) String() string {
	s := f.File + ":" + itoa(int64(f.Line))
	if f.Func != "" {
		s += " in " + f.Func
	}
	return s
}

// Records are stored compactly so that recording can stay on: a kind
// byte, a byte saying which fields are not zero, then those fields as
// varints (the time as a delta from the previous record). A typical record
// takes 4 to 6 bytes. Records never span chunks, so chunks are written once
// and never copied; each chunk remembers the sequence number and the time
// it starts from, for random access.
const (
	chunkSize  = 16 << 10
	maxRecord  = 2 + 6*binaryMaxVarint
	fieldT     = 1 << 0
	fieldTask  = 1 << 1
	fieldObj   = 1 << 2
	fieldState = 1 << 3
	fieldVal   = 1 << 4
	fieldAux   = 1 << 5

	binaryMaxVarint = 10
)

// chunkStart says where a chunk's records start.
type chunkStart struct {
	seq int
	t   Time // time of the record before its first (deltas start here)
}

// Trace is the append-only record of a run.
type Trace struct {
	chunks  [][]byte
	cur     []byte       // the last chunk, being filled
	starts  []chunkStart // one per chunk, cur's last
	n       int
	max     int // records allowed ([Limits.TraceEvents])
	lastT   Time
	Tasks   []TaskInfo   // by spawn order; Tasks[i].ID == i+1
	Objects []ObjectInfo // by creation order; Objects[i].ID == i+1
	Strings []string     // Strings[0] is ""
	stacks  [][]Frame    // stacks[0] is the empty stack
	stackID map[string]int32
}

func newTrace() *Trace {
	return &Trace{Strings: []string{""}, stacks: [][]Frame{nil}, stackID: map[string]int32{}}
}

// Len is the number of records.
func (tr *Trace) Len() int { return tr.n }

// Bytes is the size of the encoded records.
func (tr *Trace) Bytes() int { return len(tr.chunks)*chunkSize + len(tr.cur) }

// add appends a record, or reports false if the trace is full. It writes
// into the current chunk in place: this is the kernel's hottest path when
// tracing is on.
func (tr *Trace) add(kind Kind, t Time, task, obj int32, st State, val int64, aux int32) bool {
	if tr.n >= tr.max {
		return false
	}
	if len(tr.cur)+maxRecord > cap(tr.cur) {
		if tr.cur != nil {
			tr.chunks = append(tr.chunks, tr.cur)
		}
		tr.cur = make([]byte, 0, chunkSize)
		tr.starts = append(tr.starts, chunkStart{seq: tr.n, t: tr.lastT})
	}
	at := len(tr.cur)
	b := tr.cur[:cap(tr.cur)]
	b[at] = byte(kind)
	i := at + 2
	var mask byte
	if d := t - tr.lastT; d != 0 {
		mask |= fieldT
		i = writeUvarint(b, i, uint64(d))
		tr.lastT = t
	}
	if task != 0 {
		mask |= fieldTask
		i = writeUvarint(b, i, uint64(task))
	}
	if obj != 0 {
		mask |= fieldObj
		i = writeUvarint(b, i, zigzag(int64(obj)))
	}
	if st != 0 {
		mask |= fieldState
		b[i] = byte(st)
		i++
	}
	if val != 0 {
		mask |= fieldVal
		i = writeUvarint(b, i, zigzag(val))
	}
	if aux != 0 {
		mask |= fieldAux
		i = writeUvarint(b, i, zigzag(int64(aux)))
	}
	b[at+1] = mask
	tr.cur = b[:i]
	tr.n++
	return true
}

// chunk returns the c-th chunk, the last one being the one still filling.
func (tr *Trace) chunk(c int) []byte {
	if c < len(tr.chunks) {
		return tr.chunks[c]
	}
	return tr.cur
}

// decode reads the record at b[off:], whose predecessor was at time t, and
// returns it with the offset of the next one.
func decode(b []byte, off int, t Time) (Record, int) {
	r := Record{Kind: Kind(b[off])}
	mask := b[off+1]
	off += 2
	var v uint64
	if mask&fieldT != 0 {
		v, off = getUvarint(b, off)
		t += Time(v)
	}
	r.T = t
	if mask&fieldTask != 0 {
		v, off = getUvarint(b, off)
		r.Task = int32(v)
	}
	if mask&fieldObj != 0 {
		v, off = getUvarint(b, off)
		r.Obj = int32(unzigzag(v))
	}
	if mask&fieldState != 0 {
		r.State = State(b[off])
		off++
	}
	if mask&fieldVal != 0 {
		v, off = getUvarint(b, off)
		r.Val = unzigzag(v)
	}
	if mask&fieldAux != 0 {
		v, off = getUvarint(b, off)
		r.Aux = int32(unzigzag(v))
	}
	return r, off
}

// At returns record i (its sequence number). Reading many records in order
// is faster with [Trace.Records].
func (tr *Trace) At(i int) Record {
	for _, r := range tr.From(i) {
		return r
	}
	return Record{}
}

// Records iterates over every record in order.
func (tr *Trace) Records() iter.Seq2[int, Record] { return tr.From(0) }

// From iterates over the records from sequence number start on.
func (tr *Trace) From(start int) iter.Seq2[int, Record] {
	return func(yield func(int, Record) bool) {
		if start < 0 || start >= tr.n {
			return
		}
		c, _ := slices.BinarySearchFunc(tr.starts, start, func(s chunkStart, seq int) int { return s.seq - seq })
		if c == len(tr.starts) || tr.starts[c].seq > start {
			c--
		}
		i, t := tr.starts[c].seq, tr.starts[c].t
		for ; c < len(tr.starts); c++ {
			b := tr.chunk(c)
			for off := 0; off < len(b); i++ {
				var r Record
				r, off = decode(b, off, t)
				t = r.T
				if i >= start && !yield(i, r) {
					return
				}
			}
		}
	}
}

func writeUvarint(b []byte, i int, v uint64) int {
	for v >= 0x80 {
		b[i] = byte(v) | 0x80
		v >>= 7
		i++
	}
	b[i] = byte(v)
	return i + 1
}

func getUvarint(b []byte, off int) (uint64, int) {
	var v uint64
	for shift := uint(0); ; shift += 7 {
		c := b[off]
		off++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v, off
		}
	}
}

func zigzag(v int64) uint64   { return uint64(v<<1) ^ uint64(v>>63) }
func unzigzag(v uint64) int64 { return int64(v>>1) ^ -int64(v&1) }

func (tr *Trace) str(s string) int32 {
	tr.Strings = append(tr.Strings, s)
	return int32(len(tr.Strings) - 1)
}

// Stack returns the frames recorded under location id (innermost last).
func (tr *Trace) Stack(id int32) []Frame {
	if id <= 0 || int(id) >= len(tr.stacks) {
		return nil
	}
	return tr.stacks[id]
}

// intern returns the id of a stack, recording it the first time it is seen.
func (tr *Trace) intern(stack []Frame) int32 {
	if len(stack) == 0 {
		return 0
	}
	var b []byte
	for _, f := range stack {
		b = append(b, f.File...)
		b = append(b, 0)
		b = strconv.AppendInt(b, int64(f.Line), 10)
		b = append(b, 0)
		b = append(b, f.Func...)
		b = append(b, 0)
	}
	key := string(b)
	if id, ok := tr.stackID[key]; ok {
		return id
	}
	id := int32(len(tr.stacks))
	tr.stacks = append(tr.stacks, append([]Frame(nil), stack...))
	tr.stackID[key] = id
	return id
}

// Task returns the description of task id, or false.
func (tr *Trace) Task(id int) (TaskInfo, bool) {
	if id < 1 || id > len(tr.Tasks) {
		return TaskInfo{}, false
	}
	return tr.Tasks[id-1], true
}

// Object returns the description of object id, or false.
func (tr *Trace) Object(id int) (ObjectInfo, bool) {
	if id < 1 || id > len(tr.Objects) {
		return ObjectInfo{}, false
	}
	return tr.Objects[id-1], true
}

func quote(s string) string { return "'" + s + "'" }
