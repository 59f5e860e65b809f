package modules

import (
	"bytes"
	"strconv"

	"asyncplay/sim"
	rt "asyncplay/sim/py/runtime"
)

// asyncio's streams: StreamReader and StreamWriter over a transport, as
// open_connection and start_server make them. The reader buffers what
// arrives and pauses the transport's reading past twice its limit (64 KiB
// by default), so a program that stops reading pushes back on its peer
// through TCP. The writer's drain waits while the transport's buffer is
// over its high-water mark.

var (
	streamReaderClass   = newType("StreamReader", "asyncio.streams")
	streamWriterClass   = newType("StreamWriter", "asyncio.streams")
	aServerClass        = newType("Server", "asyncio.base_events")
	incompleteReadClass = subclassOf("IncompleteReadError", "asyncio.exceptions", rt.EOFErrorClass)
	limitOverrunClass   = subclassOf("LimitOverrunError", "asyncio.exceptions", rt.ExceptionClass)
)

// defaultLimit is the reader's buffer limit, CPython's 64 KiB.
const defaultLimit = 64 * 1024

type aStreamReader struct {
	limit   int
	buf     []byte
	eof     bool
	exc     error
	waiters sim.WaitQueue
	tr      *transport
}

type aStreamWriter struct {
	tr     *transport
	proto  *streamProtocol
	reader *aStreamReader
}

func (r *aStreamReader) Type() *rt.Class { return streamReaderClass }
func (w *aStreamWriter) Type() *rt.Class { return streamWriterClass }

func (r *aStreamReader) Repr(th *rt.Thread) (string, error) {
	s := "<StreamReader"
	if len(r.buf) > 0 {
		s += " " + strconv.Itoa(len(r.buf)) + " bytes"
	}
	if r.eof {
		s += " eof"
	}
	if r.limit != defaultLimit {
		s += " limit=" + strconv.Itoa(r.limit)
	}
	if r.tr != nil {
		tr, _ := r.tr.Repr(th)
		s += " transport=" + tr
	}
	return s + ">", nil
}

func (w *aStreamWriter) Repr(th *rt.Thread) (string, error) {
	tr, _ := w.tr.Repr(th)
	rd, _ := w.reader.Repr(th)
	return "<StreamWriter transport=" + tr + " reader=" + rd + ">", nil
}

// The reader's side that the transport's task feeds.

func (r *aStreamReader) feed(k *sim.Kernel, p []byte) {
	r.buf = append(r.buf, p...)
	k.WakeAll(&r.waiters)
	if r.tr != nil && r.tr.reading && len(r.buf) > 2*r.limit {
		r.tr.reading = false // the socket's receive buffer fills from here on
	}
}

func (r *aStreamReader) feedEOF(k *sim.Kernel) {
	r.eof = true
	k.WakeAll(&r.waiters)
}

// maybeResume lets the transport read again once the program has taken
// the buffer down to the limit.
func (r *aStreamReader) maybeResume() {
	if r.tr != nil && !r.tr.reading && !r.tr.closing && len(r.buf) <= r.limit {
		r.tr.reading = true
		r.tr.kick()
	}
}

// wait blocks the calling task until data, the end of file or an error.
func (r *aStreamReader) wait(th *rt.Thread) error {
	if r.exc != nil {
		return r.exc
	}
	id := 0
	if r.tr != nil {
		id = r.tr.sock.s.ID()
	}
	if err := acall(th, func(t *sim.Task) error { return t.Wait(&r.waiters, sim.ReadWait, id) }); err != nil {
		return err
	}
	return r.exc
}

func (r *aStreamReader) take(n int) rt.Bytes {
	p := rt.Bytes(r.buf[:n])
	r.buf = r.buf[n:]
	r.maybeResume()
	return p
}

func (r *aStreamReader) read(th *rt.Thread, n int) (rt.Value, error) {
	if r.exc != nil {
		return nil, r.exc
	}
	if n == 0 {
		return rt.Bytes(""), nil
	}
	if n < 0 { // everything to the end of file
		for !r.eof {
			if err := r.wait(th); err != nil {
				return nil, err
			}
			r.maybeResume()
		}
		return r.take(len(r.buf)), nil
	}
	for len(r.buf) == 0 && !r.eof {
		if err := r.wait(th); err != nil {
			return nil, err
		}
	}
	return r.take(min(n, len(r.buf))), nil
}

func incompleteRead(partial []byte, expected rt.Value) error {
	exp := "None"
	if n, ok := expected.(rt.Int); ok {
		exp = strconv.FormatInt(int64(n), 10)
	}
	e := rt.NewError(incompleteReadClass, strconv.Itoa(len(partial))+" bytes read on a total of "+exp+" expected bytes")
	e.Dict.Set("partial", rt.Bytes(partial))
	e.Dict.Set("expected", expected)
	return e
}

func limitOverrun(msg string, consumed int) error {
	e := rt.NewError(limitOverrunClass, msg)
	e.Dict.Set("consumed", rt.MakeInt(int64(consumed)))
	return e
}

// readuntil is StreamReader.readuntil(separator), CPython's rules and
// messages included.
func (r *aStreamReader) readuntil(th *rt.Thread, sep []byte) (rt.Value, error) {
	if len(sep) == 0 {
		return nil, rt.NewError(rt.ValueErrorClass, "Separator should be at least one-byte string")
	}
	if r.exc != nil {
		return nil, r.exc
	}
	offset := 0
	for {
		if len(r.buf)-offset >= len(sep) {
			if i := bytes.Index(r.buf[offset:], sep); i >= 0 {
				at := offset + i
				if at > r.limit {
					return nil, limitOverrun("Separator is found, but chunk is longer than limit", at)
				}
				return r.take(at + len(sep)), nil
			}
			offset = len(r.buf) + 1 - len(sep)
			if offset > r.limit {
				return nil, limitOverrun("Separator is not found, and chunk exceed the limit", offset)
			}
		}
		if r.eof {
			chunk := r.buf
			r.buf = nil
			r.maybeResume()
			return nil, incompleteRead(chunk, rt.None)
		}
		if err := r.wait(th); err != nil {
			return nil, err
		}
	}
}

// readline is readuntil(b'\n') that returns a partial last line and turns
// an overlong line into ValueError, dropping it.
func (r *aStreamReader) readline(th *rt.Thread) (rt.Value, error) {
	v, err := r.readuntil(th, []byte("\n"))
	if e, ok := err.(*rt.Instance); ok && e.Class == incompleteReadClass {
		p, _ := e.Dict.Get("partial")
		return p, nil
	}
	if e, ok := err.(*rt.Instance); ok && e.Class == limitOverrunClass {
		c, _ := e.Dict.Get("consumed")
		consumed := int(c.(rt.Int))
		if bytes.HasPrefix(r.buf[min(consumed, len(r.buf)):], []byte("\n")) {
			r.buf = r.buf[consumed+1:]
		} else {
			r.buf = nil
		}
		r.maybeResume()
		return nil, rt.NewError(rt.ValueErrorClass, string(e.Exc.Args[0].(rt.Str)))
	}
	return v, err
}

func (r *aStreamReader) readexactly(th *rt.Thread, n int) (rt.Value, error) {
	if n < 0 {
		return nil, rt.NewError(rt.ValueErrorClass, "readexactly size can not be less than zero")
	}
	if r.exc != nil {
		return nil, r.exc
	}
	for len(r.buf) < n {
		if r.eof {
			chunk := r.buf
			r.buf = nil
			return nil, incompleteRead(chunk, rt.MakeInt(int64(n)))
		}
		if err := r.wait(th); err != nil {
			return nil, err
		}
	}
	return r.take(n), nil
}

// streamProtocol is CPython's StreamReaderProtocol: it feeds the reader
// and holds drain back while the transport is paused.
type streamProtocol struct {
	st        *asyncioState
	reader    *aStreamReader
	writer    *aStreamWriter
	paused    bool
	lost      bool
	drainQ    sim.WaitQueue
	onConnect func(th *rt.Thread, r *aStreamReader, w *aStreamWriter) error
}

func (p *streamProtocol) connectionMade(th *rt.Thread, tr *transport) error {
	p.reader.tr = tr
	p.writer = &aStreamWriter{tr: tr, proto: p, reader: p.reader}
	if p.onConnect != nil {
		return p.onConnect(th, p.reader, p.writer)
	}
	return nil
}

func (p *streamProtocol) dataReceived(th *rt.Thread, data []byte) error {
	p.reader.feed(th.Task.Kernel(), data)
	return nil
}

func (p *streamProtocol) eofReceived(th *rt.Thread) (bool, error) {
	p.reader.feedEOF(th.Task.Kernel())
	return true, nil // the writer may still write; closing is the program's
}

func (p *streamProtocol) connectionLost(th *rt.Thread, exc error) error {
	k := th.Task.Kernel()
	if exc == nil {
		p.reader.feedEOF(k)
	} else {
		p.reader.exc = exc
		k.WakeAll(&p.reader.waiters)
	}
	p.lost = true
	k.WakeAll(&p.drainQ)
	return nil
}

func (p *streamProtocol) pauseWriting(th *rt.Thread) error {
	p.paused = true
	return nil
}

func (p *streamProtocol) resumeWriting(th *rt.Thread) error {
	p.paused = false
	th.Task.Kernel().WakeAll(&p.drainQ)
	return nil
}

// drain waits while the transport's buffer is over its high-water mark.
func (w *aStreamWriter) drain(th *rt.Thread) error {
	if w.reader.exc != nil {
		return w.reader.exc
	}
	if w.tr.closing {
		if err := acall(th, func(t *sim.Task) error { return t.Sleep(0) }); err != nil {
			return err
		}
	}
	p := w.proto
	if p.lost {
		return rt.NewError(rt.ConnectionResetClass, "Connection lost")
	}
	for p.paused && !p.lost {
		if err := acall(th, func(t *sim.Task) error { return t.Wait(&p.drainQ, sim.WriteWait, w.tr.sock.s.ID()) }); err != nil {
			return err
		}
	}
	return nil
}

// waitClosed waits until the transport has lost its connection.
func waitClosed(th *rt.Thread, tr *transport) error {
	for !tr.lost {
		if err := acall(th, func(t *sim.Task) error { return t.Wait(&tr.lostQ, sim.FutureWait, 0) }); err != nil {
			return err
		}
	}
	return nil
}

func init() {
	r := streamReaderClass
	reader := func(self rt.Value) *aStreamReader { return self.(*aStreamReader) }
	aDef(r, "read", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("read", args, kw, []string{"n"}, 0)
		if err != nil {
			return nil, err
		}
		n, err := optInt(a[0], -1)
		if err != nil {
			return nil, err
		}
		return reader(self).read(th, int(n))
	})
	aDef(r, "readline", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return reader(self).readline(th)
	})
	aDef(r, "readuntil", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("readuntil", args, kw, []string{"separator"}, 0)
		if err != nil {
			return nil, err
		}
		sep := []byte("\n")
		if a[0] != nil {
			if sep, err = bytesArg("readuntil", a[0]); err != nil {
				return nil, err
			}
		}
		return reader(self).readuntil(th, sep)
	})
	aDef(r, "readexactly", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("readexactly", args, kw, []string{"n"}, 1)
		if err != nil {
			return nil, err
		}
		n, err := intArg(a[0])
		if err != nil {
			return nil, err
		}
		return reader(self).readexactly(th, int(n))
	})
	def(r, "at_eof", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		rd := reader(self)
		return rt.MakeBool(rd.eof && len(rd.buf) == 0), nil
	})
	def(r, "exception", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if e, ok := reader(self).exc.(rt.Value); ok {
			return e, nil
		}
		return rt.None, nil
	})
	def(r, "__aiter__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return self, nil
	})
	aDef(r, "__anext__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return nextLine(reader(self).readline(th))
	})

	w := streamWriterClass
	writer := func(self rt.Value) *aStreamWriter { return self.(*aStreamWriter) }
	def(w, "write", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		p, err := dataArg("write", args, kw)
		if err != nil {
			return nil, err
		}
		return rt.None, writer(self).tr.write(th, p)
	})
	def(w, "writelines", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.None, writeLines(th, writer(self).tr, args, kw)
	})
	def(w, "write_eof", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		writer(self).tr.writeEOF()
		return rt.None, nil
	})
	def(w, "can_write_eof", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.True, nil
	})
	def(w, "close", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		writer(self).tr.close()
		return rt.None, nil
	})
	def(w, "is_closing", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.MakeBool(writer(self).tr.closing), nil
	})
	aDef(w, "wait_closed", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.None, waitClosed(th, writer(self).tr)
	})
	aDef(w, "drain", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.None, writer(self).drain(th)
	})
	def(w, "get_extra_info", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return writer(self).tr.getExtraInfo(args, kw)
	})
}

func (w *aStreamWriter) Attr(th *rt.Thread, name string) (rt.Value, bool, error) {
	if name == "transport" {
		return w.tr, true, nil
	}
	return nil, false, nil
}
