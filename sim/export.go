package sim

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strconv"
	"strings"
)

// WriteJSONL writes the trace as JSON lines, one object per record with
// its sequence number, time in nanoseconds, kind and the fields that kind
// uses, names resolved. The encoding is canonical: the same trace always
// gives the same bytes, which is what [Trace.Digest] hashes.
func (tr *Trace) WriteJSONL(w io.Writer) error {
	bw := bufio.NewWriter(w)
	var line []byte
	for i, r := range tr.Records() {
		line = tr.appendJSON(line[:0], i, r)
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// Digest is the SHA-256 of the trace's canonical JSON lines, in hex:
// equal digests mean equal runs.
func (tr *Trace) Digest() string {
	h := sha256.New()
	tr.WriteJSONL(h)
	return hex.EncodeToString(h.Sum(nil))
}

// jsonObject appends "key":value pairs in the order they are added.
type jsonObject struct{ b []byte }

func (o *jsonObject) key(k string) {
	if o.b[len(o.b)-1] != '{' {
		o.b = append(o.b, ',')
	}
	o.b = strconv.AppendQuote(o.b, k)
	o.b = append(o.b, ':')
}

func (o *jsonObject) int(k string, v int64) {
	o.key(k)
	o.b = strconv.AppendInt(o.b, v, 10)
}

func (o *jsonObject) str(k, v string) {
	o.key(k)
	o.b = appendJSONString(o.b, v)
}

func (o *jsonObject) bool(k string, v bool) {
	o.key(k)
	o.b = strconv.AppendBool(o.b, v)
}

// appendJSONString quotes s as JSON (strconv.Quote's Go escapes such as
// \x00 are not valid JSON).
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', byte(c))
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\t':
			b = append(b, '\\', 't')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c < 0x20 || c == 0x2028 || c == 0x2029:
			b = append(b, `\u`...)
			b = append(b, "0000"[len(strconv.FormatInt(int64(c), 16)):]...)
			b = strconv.AppendInt(b, int64(c), 16)
		default:
			b = append(b, string(c)...)
		}
	}
	return append(b, '"')
}

func (tr *Trace) appendJSON(b []byte, seq int, r Record) []byte {
	o := jsonObject{b: append(b, '{')}
	o.int("seq", int64(seq))
	o.int("t", int64(r.T))
	o.str("kind", r.Kind.String())
	if r.Task != 0 {
		o.int("task", int64(r.Task))
	}
	switch r.Kind {
	case EvSpawn:
		info, _ := tr.Task(int(r.Task))
		o.str("name", info.Name)
		o.int("parent", int64(r.Obj))
		o.bool("daemon", info.Daemon)
		if info.Lane != LaneTask {
			o.str("lane", info.Lane.String())
		}
	case EvState:
		o.str("state", r.State.String())
		switch {
		case r.State == TaskJoin && r.Obj > 0:
			o.int("join", int64(r.Obj))
		case r.State == TaskJoin && r.Obj < 0:
			o.int("group", int64(-r.Obj))
		case r.Obj != 0:
			o.int("obj", int64(r.Obj))
		}
		if r.State == TimeSleep {
			o.int("until", r.Val)
		}
		if stack := tr.Stack(r.Aux); len(stack) > 0 {
			o.str("at", stack[len(stack)-1].String())
		}
	case EvDone:
		o.str("outcome", Outcome(r.Val).String())
		if r.Aux != 0 {
			o.str("error", tr.Strings[r.Aux])
		}
	case EvCancel:
		o.int("by", int64(r.Obj))
	case EvTimeout:
		o.int("deadline", r.Val)
	case EvTimer:
		what := "timeout"
		if r.State == TimeSleep {
			what = "sleep"
		}
		o.str("timer", what)
		o.int("late", r.Val)
	case EvObject:
		info, _ := tr.Object(int(r.Obj))
		o.int("obj", int64(r.Obj))
		o.str("type", info.Kind)
		o.str("name", info.Name)
		o.int("cap", int64(info.Cap))
	case EvQueue:
		o.int("obj", int64(r.Obj))
		o.str("op", map[State]string{QueuePut: "put", QueueGet: "get"}[r.State])
		o.int("size", r.Val)
	case EvFlag:
		o.int("obj", int64(r.Obj))
		o.bool("set", r.Val != 0)
	case EvLock:
		o.int("obj", int64(r.Obj))
		o.int("owner", r.Val)
		o.int("depth", int64(r.Aux))
	case EvSema:
		o.int("obj", int64(r.Obj))
		o.int("value", r.Val)
		o.int("waiting", int64(r.Aux))
	case EvGroup:
		o.int("obj", int64(r.Obj))
		o.int("held", r.Val)
		o.int("running", int64(r.Aux))
	case EvRelease:
		o.int("obj", int64(r.Obj))
	case EvOutput:
		o.str("stream", map[int32]string{Stdout: "stdout", Stderr: "stderr"}[r.Obj])
		o.str("text", tr.Strings[r.Val])
	case EvSignal:
		o.str("signal", Signal(r.Val).String())
		o.int("watchers", int64(r.Aux))
	case EvWarning, EvEnd:
		o.str("text", tr.Strings[r.Val])
	case EvNet:
		o.int("obj", int64(r.Obj))
		o.str("op", NetOp(r.Aux).String())
		o.int("val", r.Val)
	}
	return append(o.b, '}')
}

// WriteChrome writes the trace in Chrome's Trace Event format, which
// Perfetto (ui.perfetto.dev) and chrome://tracing open: each task is a
// thread whose states are slices, queue sizes, semaphore values and group
// sizes are counters, and output, signals and cancellations are instants.
// Times are virtual microseconds.
func (tr *Trace) WriteChrome(w io.Writer) error {
	bw := bufio.NewWriter(w)
	first := true
	ev := func(fields func(o *jsonObject)) {
		o := &jsonObject{b: []byte{'{'}}
		fields(o)
		if !first {
			bw.WriteString(",\n")
		}
		first = false
		bw.Write(append(o.b, '}'))
	}
	us := func(t Time) string { return strconv.FormatFloat(float64(t)/1e3, 'f', 3, 64) }
	raw := func(o *jsonObject, k, v string) { o.key(k); o.b = append(o.b, v...) }

	bw.WriteString(`{"displayTimeUnit":"ms","traceEvents":[` + "\n")
	ev(func(o *jsonObject) {
		o.str("name", "process_name")
		o.str("ph", "M")
		o.int("pid", 1)
		raw(o, "args", `{"name":"asyncplay kernel"}`)
	})
	type open struct {
		state State
		since Time
		on    string
	}
	lanes := map[int32]*open{}
	var end Time
	closeSlice := func(task int32, at Time) {
		l := lanes[task]
		if l == nil {
			return
		}
		ev(func(o *jsonObject) {
			o.str("name", l.state.String())
			o.str("cat", "state")
			o.str("ph", "X")
			o.int("pid", 1)
			o.int("tid", int64(task))
			raw(o, "ts", us(l.since))
			raw(o, "dur", us(at-l.since))
			if l.on != "" {
				raw(o, "args", `{"on":`+string(appendJSONString(nil, l.on))+`}`)
			}
		})
	}
	counter := func(name string, t Time, key string, v int64) {
		ev(func(o *jsonObject) {
			o.str("name", name)
			o.str("ph", "C")
			o.int("pid", 1)
			raw(o, "ts", us(t))
			raw(o, "args", "{"+strconv.Quote(key)+":"+strconv.FormatInt(v, 10)+"}")
		})
	}
	instant := func(name string, task int32, t Time, args string) {
		ev(func(o *jsonObject) {
			o.str("name", name)
			o.str("ph", "i")
			o.int("pid", 1)
			o.int("tid", int64(task))
			raw(o, "ts", us(t))
			o.str("s", "t")
			if args != "" {
				raw(o, "args", args)
			}
		})
	}
	objName := func(id int32) string {
		info, _ := tr.Object(int(id))
		return info.Label()
	}
	for _, r := range tr.Records() {
		end = r.T
		switch r.Kind {
		case EvSpawn:
			info, _ := tr.Task(int(r.Task))
			ev(func(o *jsonObject) {
				o.str("name", "thread_name")
				o.str("ph", "M")
				o.int("pid", 1)
				o.int("tid", int64(r.Task))
				raw(o, "args", `{"name":`+string(appendJSONString(nil, itoa(int64(r.Task))+" "+info.Name))+`}`)
			})
		case EvState:
			closeSlice(r.Task, r.T)
			l := &open{state: r.State, since: r.T}
			if r.State.Blocked() {
				if r.State == TaskJoin && r.Obj > 0 {
					l.on = "task " + itoa(int64(r.Obj))
				} else if r.Obj != 0 {
					l.on = objName(max(r.Obj, -r.Obj))
				}
			}
			lanes[r.Task] = l
		case EvDone:
			closeSlice(r.Task, r.T)
			delete(lanes, r.Task)
			instant(Outcome(r.Val).String(), r.Task, r.T, "")
		case EvQueue:
			counter(objName(r.Obj), r.T, "size", r.Val)
		case EvSema:
			counter(objName(r.Obj), r.T, "value", r.Val)
		case EvGroup:
			counter(objName(r.Obj), r.T, "held", r.Val)
		case EvNet:
			switch op := NetOp(r.Aux); op {
			case NetSendBuf, NetInFlight, NetRecvBuf, NetUserBuf:
				counter(objName(r.Obj), r.T, op.String(), r.Val)
			case NetSndCap, NetRcvCap, NetListen:
			default:
				instant(op.String(), r.Task, r.T, `{"socket":`+string(appendJSONString(nil, objName(r.Obj)))+`}`)
			}
		case EvOutput:
			instant("output", r.Task, r.T, `{"text":`+string(appendJSONString(nil, tr.Strings[r.Val]))+`}`)
		case EvCancel:
			instant("cancel", r.Task, r.T, `{"by":`+itoa(int64(r.Obj))+`}`)
		case EvSignal:
			instant(Signal(r.Val).String(), 0, r.T, "")
		case EvTimer:
			if r.Val > 0 {
				instant("late timer", r.Task, r.T, `{"late_us":`+us(Time(r.Val))+`}`)
			}
		case EvExit:
			instant("exit", 0, r.T, "")
		case EvWarning:
			instant("warning", r.Task, r.T, `{"text":`+string(appendJSONString(nil, strings.TrimSpace(tr.Strings[r.Val])))+`}`)
		}
	}
	for id := range int32(len(tr.Tasks) + 1) { // close what is still open, in id order
		if lanes[id] != nil {
			closeSlice(id, end)
		}
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}
