package modules

import (
	"errors"
	"strconv"

	"asyncplay/sim"
	"asyncplay/sim/netsim"
	rt "asyncplay/sim/py/runtime"
)

// asyncio's socket transport, as its selector event loop runs one: what a
// program writes goes to the socket at once if it can, and otherwise into
// the transport's own buffer, which has no bound. Past the high-water
// mark (64 KiB) the protocol is told to pause writing; below the low one
// (16 KiB) to resume. Only a program that waits for that (drain) is held
// back: that is the difference between asyncio's write and curio's
// sendall. Bytes that arrive are read at once and handed to the protocol,
// unless it paused reading.
//
// The loop's work for one connection is a kernel task of its own, named
// after the transport: it waits for the socket (READ_WAIT) and calls the
// protocol, so the view shows when the loop acts for it.

var transportClass = newType("_SelectorSocketTransport", "asyncio.selector_events")

// Write-buffer limits of a new transport, CPython's defaults.
const (
	defaultHighWater = 64 * 1024
	defaultLowWater  = 16 * 1024
	maxReadSize      = 256 * 1024 // what one read asks the socket for
)

// protocolCalls is what a transport calls, from its own task: a Python
// protocol object, or asyncio's streams.
type protocolCalls interface {
	connectionMade(th *rt.Thread, tr *transport) error
	dataReceived(th *rt.Thread, data []byte) error
	eofReceived(th *rt.Thread) (keepOpen bool, err error)
	connectionLost(th *rt.Thread, exc error) error
	pauseWriting(th *rt.Thread) error
	resumeWriting(th *rt.Thread) error
}

type transport struct {
	st        *asyncioState
	sock      *socketObj
	proto     protocolCalls
	wbuf      []byte
	high, low int
	paused    bool // the protocol was told to pause writing
	reading   bool
	readEOF   bool
	eofWanted bool // write_eof: shut the writing side once the buffer is sent
	closing   bool
	lost      bool
	made      bool
	events    sim.WaitQueue // the transport's task waits here for the socket or the program
	madeQ     sim.WaitQueue // create_connection waits here for connection_made
	lostQ     sim.WaitQueue // wait_closed waits here
	task      *sim.Task
}

func (tr *transport) Type() *rt.Class { return transportClass }

func (tr *transport) Repr(th *rt.Thread) (string, error) {
	if tr.lost {
		return "<_SelectorSocketTransport closed fd=" + strconv.Itoa(tr.sock.fd) + ">", nil
	}
	state := "polling"
	if !tr.reading {
		state = "idle"
	}
	return "<_SelectorSocketTransport fd=" + strconv.Itoa(tr.sock.fd) + " read=" + state +
		" write=<idle, bufsize=" + strconv.Itoa(len(tr.wbuf)) + ">>", nil
}

// startTransport makes the transport of a connected socket and its task,
// which calls connection_made first.
func (st *asyncioState) startTransport(th *rt.Thread, sock *socketObj, proto protocolCalls) (*transport, error) {
	tr := &transport{st: st, sock: sock, proto: proto, high: defaultHighWater, low: defaultLowWater, reading: true}
	sock.s.Watch(tr.kick)
	cost := th.OpCost
	err := acall(th, func(t *sim.Task) error {
		tr.task = t.Spawn("transport "+sock.s.RemoteAddr().String(), func(t *sim.Task) (any, error) {
			lth := rt.NewThread(st.in, t)
			lth.OpCost = cost
			err := tr.run(lth)
			lth.Flush()
			return nil, err
		}, true)
		return nil
	})
	return tr, err
}

// kick wakes the transport's task: the socket or the program has news.
func (tr *transport) kick() {
	if tr.task != nil {
		tr.task.Kernel().WakeAll(&tr.events)
	}
}

// run is the loop's work for the connection, until it is lost.
func (tr *transport) run(th *rt.Thread) error {
	t := th.Task
	err := tr.proto.connectionMade(th, tr)
	tr.made = true
	t.Kernel().WakeAll(&tr.madeQ)
	if err != nil {
		return tr.fatal(th, "connection_made", err)
	}
	for !tr.lost {
		acted, err := tr.flush()
		if err != nil {
			return tr.lose(th, err)
		}
		if acted {
			if err := tr.maybeResume(th); err != nil {
				return tr.fatal(th, "resume_writing", err)
			}
		}
		if len(tr.wbuf) == 0 {
			if tr.closing {
				tr.sock.s.Close()
				return tr.lose(th, nil)
			}
			if tr.eofWanted {
				tr.eofWanted = false
				tr.sock.s.Shutdown(1)
			}
		}
		if tr.reading && !tr.readEOF {
			p, eof, err := tr.sock.s.RecvNow(maxReadSize)
			switch {
			case err != nil:
				return tr.lose(th, err)
			case len(p) > 0:
				if err := tr.proto.dataReceived(th, p); err != nil {
					return tr.fatal(th, "data_received", err)
				}
				continue
			case eof:
				tr.readEOF = true
				keep, err := tr.proto.eofReceived(th)
				if err != nil {
					return tr.fatal(th, "eof_received", err)
				}
				if !keep {
					tr.closing = true
				}
				continue
			}
		}
		if acted {
			continue
		}
		// The loop waits for the socket: to take the buffer, or to bring
		// something to read.
		st := sim.ReadWait
		if len(tr.wbuf) > 0 {
			st = sim.WriteWait
		}
		if err := t.Wait(&tr.events, st, tr.sock.s.ID()); err != nil {
			// Cancelled: the program is ending, its loop closed. asyncio
			// leaves the transport to be collected and its socket closed
			// plainly (by __del__, or the OS at exit): what the buffer
			// holds is lost, what the socket holds is still sent, then
			// the end of file (a reset if input was left unread).
			tr.lose(th, nil)
			return err
		}
	}
	return nil
}

// flush sends what the buffer holds as far as the socket takes it.
func (tr *transport) flush() (bool, error) {
	if len(tr.wbuf) == 0 || tr.sock.s.Closed() {
		return false, nil
	}
	n, err := tr.sock.s.TrySend(tr.wbuf)
	if err != nil {
		return false, err
	}
	tr.wbuf = tr.wbuf[n:]
	tr.sock.s.SetUserBuffered(len(tr.wbuf))
	return n > 0, nil
}

// lose ends the connection and tells the protocol, once.
func (tr *transport) lose(th *rt.Thread, err error) error {
	if tr.lost {
		return nil
	}
	tr.lost, tr.closing = true, true
	tr.wbuf = nil
	tr.sock.s.SetUserBuffered(0)
	tr.sock.s.Watch(nil)
	if !tr.sock.s.Closed() {
		tr.sock.s.Close()
	}
	var exc error
	if err != nil {
		exc, _ = asNetErr(err)
	}
	perr := tr.proto.connectionLost(th, exc)
	th.Task.Kernel().WakeAll(&tr.lostQ)
	if perr != nil {
		return tr.fatal(th, "connection_lost", perr)
	}
	return nil
}

// fatal reports a protocol callback's exception as asyncio's default
// exception handler does, and closes the connection.
func (tr *transport) fatal(th *rt.Thread, callback string, err error) error {
	text := "Fatal error: protocol." + callback + "() call failed.\n"
	if e, ok := err.(*rt.Instance); ok && e.Exc != nil {
		text += tr.st.in.FormatException(th, e)
	}
	th.Flush()
	th.Task.Write(sim.Stderr, text)
	tr.sock.s.Abort()
	tr.lose(th, nil)
	return nil
}

// write is transport.write: straight to the socket when nothing waits
// before it, the rest into the buffer.
func (tr *transport) write(th *rt.Thread, p []byte) error {
	if tr.eofWanted {
		return rt.NewError(rt.RuntimeErrorClass, "Cannot call write() after write_eof()")
	}
	if len(p) == 0 || tr.lost {
		return nil // CPython drops these and logs a warning after five
	}
	if len(tr.wbuf) == 0 {
		var n int
		err := acall(th, func(t *sim.Task) (err error) {
			n, err = tr.sock.s.TrySend(p)
			return err
		})
		if err != nil {
			tr.kick()
			return nil // the transport's task reports the loss
		}
		p = p[n:]
	}
	tr.wbuf = append(tr.wbuf, p...)
	if len(tr.wbuf) > 0 {
		acall(th, func(t *sim.Task) error {
			tr.sock.s.SetUserBuffered(len(tr.wbuf))
			return nil
		})
		tr.kick()
	}
	return tr.maybePause(th)
}

// writeEOF is write_eof: the writing side is shut once the buffer is sent.
func (tr *transport) writeEOF() {
	tr.eofWanted = true
	tr.kick()
}

// close is close: reading stops, the buffer is sent, then the socket
// closes and the protocol hears connection_lost.
func (tr *transport) close() {
	tr.closing, tr.reading = true, false
	tr.kick()
}

// maybePause tells the protocol to pause writing once the buffer is over
// the high-water mark.
func (tr *transport) maybePause(th *rt.Thread) error {
	if len(tr.wbuf) <= tr.high || tr.paused {
		return nil
	}
	tr.paused = true
	return tr.proto.pauseWriting(th)
}

func (tr *transport) maybeResume(th *rt.Thread) error {
	if !tr.paused || len(tr.wbuf) > tr.low {
		return nil
	}
	tr.paused = false
	return tr.proto.resumeWriting(th)
}

// setLimits is set_write_buffer_limits(high=None, low=None), CPython's
// rules: high defaults to 4×low or 64 KiB, low to high/4.
func (tr *transport) setLimits(th *rt.Thread, high, low rt.Value) error {
	h, l := int64(-1), int64(-1)
	var err error
	if high != nil && high != rt.None {
		if h, err = intArg(high); err != nil {
			return err
		}
	}
	if low != nil && low != rt.None {
		if l, err = intArg(low); err != nil {
			return err
		}
	}
	switch {
	case h < 0 && l < 0:
		h = defaultHighWater
	case h < 0:
		h = 4 * l
	}
	if l < 0 {
		l = h / 4
	}
	if !(h >= l && l >= 0) {
		return rt.NewError(rt.ValueErrorClass, "high ("+strconv.FormatInt(h, 10)+") must be >= low ("+strconv.FormatInt(l, 10)+") must be >= 0")
	}
	tr.high, tr.low = int(h), int(l)
	return tr.maybePause(th)
}

// extraInfo is get_extra_info(name).
func (tr *transport) extraInfo(name string) (rt.Value, bool) {
	switch name {
	case "peername":
		return addrTuple(tr.sock.s.RemoteAddr()), true
	case "sockname":
		return addrTuple(tr.sock.s.LocalAddr()), true
	case "socket":
		return tr.sock, true
	}
	return nil, false
}

// getExtraInfo is get_extra_info(name, default=None), of a transport and
// of its stream writer.
func (tr *transport) getExtraInfo(args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
	a, err := rt.UnpackArgs("get_extra_info", args, kw, []string{"name", "default"}, 1)
	if err != nil {
		return nil, err
	}
	name, _ := a[0].(rt.Str)
	if v, ok := tr.extraInfo(string(name)); ok {
		return v, nil
	}
	return valueOrNone(a[1]), nil
}

func trOf(self rt.Value) *transport { return self.(*transport) }

func init() {
	c := transportClass
	def(c, "write", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		p, err := dataArg("write", args, kw)
		if err != nil {
			return nil, err
		}
		return rt.None, trOf(self).write(th, p)
	})
	def(c, "writelines", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.None, writeLines(th, trOf(self), args, kw)
	})
	def(c, "write_eof", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		trOf(self).writeEOF()
		return rt.None, nil
	})
	def(c, "can_write_eof", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.True, nil
	})
	def(c, "close", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		trOf(self).close()
		return rt.None, nil
	})
	def(c, "abort", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		tr := trOf(self)
		tr.wbuf = nil
		err := acall(th, func(t *sim.Task) error {
			tr.sock.s.Abort()
			return nil
		})
		tr.closing = true
		tr.kick()
		return rt.None, err
	})
	def(c, "is_closing", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.MakeBool(trOf(self).closing), nil
	})
	def(c, "get_extra_info", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return trOf(self).getExtraInfo(args, kw)
	})
	def(c, "pause_reading", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		trOf(self).reading = false
		return rt.None, nil
	})
	def(c, "resume_reading", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		tr := trOf(self)
		tr.reading = true
		tr.kick()
		return rt.None, nil
	})
	def(c, "is_reading", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		tr := trOf(self)
		return rt.MakeBool(tr.reading && !tr.closing), nil
	})
	def(c, "set_write_buffer_limits", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("set_write_buffer_limits", args, kw, []string{"high", "low"}, 0)
		if err != nil {
			return nil, err
		}
		return rt.None, trOf(self).setLimits(th, a[0], a[1])
	})
	def(c, "get_write_buffer_limits", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		tr := trOf(self)
		return rt.Tuple{rt.MakeInt(int64(tr.low)), rt.MakeInt(int64(tr.high))}, nil
	})
	def(c, "get_write_buffer_size", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.MakeInt(int64(len(trOf(self).wbuf))), nil
	})
}

// writeLines is writelines(list_of_data) of transports and stream writers.
func writeLines(th *rt.Thread, tr *transport, args []rt.Value, kw *rt.Kwargs) error {
	a, err := rt.UnpackArgs("writelines", args, kw, []string{"list_of_data"}, 1)
	if err != nil {
		return err
	}
	items, err := rt.Collect(th, a[0])
	if err != nil {
		return err
	}
	var all []byte
	for _, it := range items {
		p, err := bytesArg("writelines", it)
		if err != nil {
			return err
		}
		all = append(all, p...)
	}
	return tr.write(th, all)
}

// connectSocket connects a new socket of the program's host, as asyncio's
// loop does for open_connection and create_connection.
func connectSocket(th *rt.Thread, host rt.Value, port rt.Value) (*socketObj, error) {
	h, p, err := address(th, rt.Tuple{host, port})
	if err != nil {
		return nil, err
	}
	n, err := netOf(th)
	if err != nil {
		return nil, err
	}
	o := newSocketObj(n, n.NewSocket(nil))
	err = acall(th, func(t *sim.Task) error {
		err := o.s.Connect(t, h, p)
		var ne *netsim.Error
		if errors.As(err, &ne) && ne.Class != "gaierror" {
			// asyncio's loop words a failed connect its own way
			return &netsim.Error{Class: ne.Class, Errno: ne.Errno,
				Text: "Connect call failed ('" + o.s.RemoteAddr().IP + "', " + strconv.Itoa(p) + ")"}
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return o, nil
}
