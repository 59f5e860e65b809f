package netsim

import "asyncplay/sim"

// segment bounds how many bytes one timer carries on a link with a
// bandwidth, so a slow link fills its peer's buffer in visible steps. An
// unlimited link moves whatever the window allows at once.
const segment = 16384

// pump moves bytes from the send buffer onto the wire, as far as the
// peer's receive buffer has room for them beside what is in flight, and
// sends the end of file once the buffer is empty and one was asked for.
func (s *Socket) pump() {
	p := s.peer
	if p == nil || s.reset {
		return
	}
	k := s.n.k
	moved := false
	for s.send.len() > 0 {
		window := p.rcvCap - p.recv.len() - s.inflight
		if window <= 0 {
			break
		}
		n := min(s.send.len(), window)
		if s.bandwidth > 0 {
			n = min(n, segment)
		}
		chunk := s.send.read(n)
		start := max(k.Now(), s.linkFree)
		if s.bandwidth > 0 {
			start += sim.Time(int64(n) * int64(sim.Second) / s.bandwidth)
		}
		s.linkFree = start
		s.inflight += n
		moved = true
		k.At(start+s.latency, func() { s.arrive(chunk) })
	}
	if moved {
		s.record(sim.NetSendBuf, int64(s.send.len()))
		s.record(sim.NetInFlight, int64(s.inflight))
		s.wake(&s.writers)
	}
	if s.wantFin && !s.finSent && s.send.len() == 0 {
		s.finSent = true
		s.record(sim.NetFin, 0)
		k.At(max(k.Now(), s.linkFree)+s.latency, func() { p.finArrived() })
	}
}

// arrive delivers a chunk to the peer's receive buffer; a peer that was
// closed answers with a reset.
func (s *Socket) arrive(chunk []byte) {
	s.inflight -= len(chunk)
	s.record(sim.NetInFlight, int64(s.inflight))
	p := s.peer
	switch {
	case p.reset:
	case p.state == closed || p.rdShut:
		p.sendReset()
	default:
		p.recv.write(chunk)
		p.record(sim.NetRecvBuf, int64(p.recv.len()))
		p.wake(&p.readers)
	}
}

// finArrived records the peer's end of file, after every byte before it.
func (s *Socket) finArrived() {
	if s.reset || s.eof {
		return
	}
	s.eof = true
	s.record(sim.NetEOF, 0)
	s.wake(&s.readers)
}

// windowOpened tells the peer, one latency later, that this socket's
// receive buffer has room again, so the peer's blocked bytes can move.
func (s *Socket) windowOpened() {
	p := s.peer
	if p == nil || s.updating || p.send.len() == 0 {
		return
	}
	s.updating = true
	k := s.n.k
	k.At(k.Now()+s.latency, func() {
		s.updating = false
		p.pump()
	})
}

// sendReset aborts the connection: the peer learns of it one latency
// later, and what this socket still had to send is dropped.
func (s *Socket) sendReset() {
	if s.reset {
		return
	}
	s.reset = true
	s.send.clear()
	s.record(sim.NetReset, 0)
	if p := s.peer; p != nil {
		k := s.n.k
		k.At(k.Now()+s.latency, p.gotReset)
	}
}

// gotReset is a reset arriving: what the socket had to send is dropped;
// what arrived before the reset can still be read (as on Linux), then the
// program's next call fails with ConnectionResetError, later writes with
// BrokenPipeError.
func (s *Socket) gotReset() {
	if s.reset || s.state == closed {
		return
	}
	s.reset, s.err = true, ErrReset
	s.send.clear()
	s.record(sim.NetReset, 0)
	s.n.k.WakeAll(&s.readers)
	s.wake(&s.writers)
}

// buffer is a byte FIFO that reuses its array.
type buffer struct {
	b   []byte
	off int
}

func (b *buffer) len() int { return len(b.b) - b.off }

func (b *buffer) write(p []byte) {
	if b.off > 0 && b.off >= len(b.b)/2 {
		b.b = b.b[:copy(b.b, b.b[b.off:])]
		b.off = 0
	}
	b.b = append(b.b, p...)
}

// read takes up to n bytes into a new slice.
func (b *buffer) read(n int) []byte {
	n = min(n, b.len())
	p := make([]byte, n)
	copy(p, b.b[b.off:])
	b.off += n
	if b.off == len(b.b) {
		b.b, b.off = b.b[:0], 0
	}
	return p
}

func (b *buffer) clear() { b.b, b.off = b.b[:0], 0 }
