package netsim

import (
	"asyncplay/sim"
)

type sockState uint8

const (
	fresh sockState = iota
	bound
	listening
	connecting
	connected
	closed
)

// Socket is one end of a connection, or a listening socket. Its blocking
// methods take the calling task, whose traps they are; the others may be
// called from any task or from the world's timers.
type Socket struct {
	n     *Net
	id    int // the trace object; 0 until the socket has an address
	state sockState
	host  *Host
	local Addr   // the address it is bound to, on its host's IP
	shown string // the bound IP as the program gave it ("0.0.0.0" for "")
	owner bool   // it holds its address in Net.bound
	prog  bool   // the program's (the OS closes it when the program exits), not a peer's
	peer  *Socket

	sndCap, rcvCap int
	send, recv     buffer
	inflight       int      // bytes sent to the peer, not arrived yet
	user           int      // bytes a library holds above the send buffer (SetUserBuffered)
	linkFree       sim.Time // when the wire towards the peer is free again
	latency        sim.Time
	bandwidth      int64
	updating       bool // a window update to the peer is on its way

	wantFin bool  // close or shutdown(SHUT_WR): send the end of file after the buffer
	finSent bool  // the end of file has left
	eof     bool  // the peer's end of file arrived
	rdShut  bool  // shutdown(SHUT_RD)
	err     error // the reset this socket got, reported once
	reset   bool  // the connection was reset

	readers, writers sim.WaitQueue

	backlog   int
	acceptQ   []*Socket
	onAccept  func(c *Socket) // a peer's listener hands connections to it
	watcher   func()          // an event loop's transport, told of every change
	connErr   error
	connDone  bool
	abandoned bool // its connect was cancelled while on its way
	remote    Addr
}

// NewSocket makes an unbound TCP socket on host (nil: the program's).
// A socket made by a task of the program (any lane but [sim.LanePeer])
// is the program's: the OS closes it when the program exits (see
// [Net.exit]); one made by a peer or outside any task is the world's.
func (n *Net) NewSocket(host *Host) *Socket {
	if host == nil {
		host = n.hosts[LocalIP]
	}
	s := &Socket{n: n, host: host, sndCap: n.SndBuf, rcvCap: n.RcvBuf}
	if t := n.k.Current(); t != nil && t.Lane() != sim.LanePeer {
		n.adopt(s)
	}
	return s
}

// ID is the socket's object id in the trace (0 before it has an address).
func (s *Socket) ID() int { return s.id }

// LocalAddr is the address the socket is bound to, as getsockname shows it.
func (s *Socket) LocalAddr() Addr {
	if s.shown != "" {
		return Addr{s.shown, s.local.Port}
	}
	return s.local
}

// RemoteAddr is the peer's address (getpeername), zero if not connected.
func (s *Socket) RemoteAddr() Addr { return s.remote }

// Listening reports whether the socket listens for connections.
func (s *Socket) Listening() bool { return s.state == listening }

// Closed reports whether the socket was closed (by its owner, or by the
// OS when the program exited).
func (s *Socket) Closed() bool { return s.state == closed }

// Buffered is how many bytes wait in the send and receive buffers.
func (s *Socket) Buffered() (send, recv int) { return s.send.len(), s.recv.len() }

// register names the socket in the trace once it has an address.
func (s *Socket) register(name string) {
	if s.id == 0 {
		s.id = s.n.k.NewObject("socket", name, s.sndCap)
		s.record(sim.NetRcvCap, int64(s.rcvCap))
	}
}

func (s *Socket) record(op sim.NetOp, v int64) {
	if s.id != 0 {
		s.n.k.RecordNet(s.id, op, v)
	}
}

// Bind gives the socket an address on its host: ip "" or "0.0.0.0" means
// every interface, port 0 a free port.
func (s *Socket) Bind(ip string, port int) error {
	switch s.state {
	case closed:
		return ErrBadFD
	case fresh:
	default:
		return ErrInvalid
	}
	shown := ip
	if ip == "" {
		shown = "0.0.0.0"
	}
	if ip != "" && ip != "0.0.0.0" {
		h, err := s.n.Resolve(ip)
		if err != nil {
			return err
		}
		if h != s.host {
			return ErrAddrNotAvail
		}
	}
	if port == 0 {
		port = s.n.ephemeral(s.host.IP)
	}
	a := Addr{s.host.IP, port}
	if s.n.bound[a] != nil {
		return ErrAddrInUse
	}
	s.n.bound[a] = s
	s.local, s.shown, s.owner, s.state = a, shown, true, bound
	return nil
}

// Listen makes the socket accept connections, holding at most backlog
// that were not accepted yet (more attempts are dropped and retried by the
// client, as on Linux). An unbound socket gets a free port.
func (s *Socket) Listen(backlog int) error {
	switch s.state {
	case fresh:
		if err := s.Bind("", 0); err != nil {
			return err
		}
	case bound, listening:
	case closed:
		return ErrBadFD
	default:
		return ErrInvalid
	}
	s.state, s.backlog = listening, max(backlog, 0)
	s.register(s.LocalAddr().String() + " listening")
	s.record(sim.NetListen, int64(s.backlog))
	return nil
}

// OnAccept makes a listener hand each connection to accept as it
// arrives, in the world's timer phase, instead of queueing it for Accept:
// how a peer's server starts a task per connection.
func (s *Socket) OnAccept(accept func(c *Socket)) { s.onAccept = accept }

// Watch installs a function called whenever the socket may have become
// readable or writable (bytes or an end of file arrived, room freed, a
// reset, a connection to accept): how an event loop's transport learns
// when to act, as a selector would tell it. nil removes it.
func (s *Socket) Watch(changed func()) { s.watcher = changed }

// wake wakes the socket's waiting tasks and its watcher.
func (s *Socket) wake(q *sim.WaitQueue) {
	s.n.k.WakeAll(q)
	if s.watcher != nil && !(s.prog && s.n.exited) {
		s.watcher()
	}
}

// RecvNow takes up to max bytes that have arrived, without waiting: empty
// with eof false means nothing yet.
func (s *Socket) RecvNow(max int) (p []byte, eof bool, err error) {
	switch {
	case s.state == closed:
		return nil, false, ErrBadFD
	case s.state != connected:
		return nil, false, ErrNotConnected
	case s.recv.len() > 0:
		p = s.recv.read(max)
		s.record(sim.NetRecvBuf, int64(s.recv.len()))
		s.windowOpened()
		return p, false, nil
	case s.err != nil:
		err, s.err = s.err, nil
		return nil, false, err
	}
	return nil, s.eof || s.rdShut || s.reset, nil
}

// Accept waits for a connection and returns its socket.
func (s *Socket) Accept(t *sim.Task) (*Socket, error) {
	for {
		switch {
		case s.state == closed:
			return nil, ErrBadFD
		case s.state != listening:
			return nil, ErrInvalid
		case len(s.acceptQ) > 0:
			c := s.acceptQ[0]
			s.acceptQ[0] = nil
			s.acceptQ = s.acceptQ[1:]
			s.record(sim.NetAccept, int64(c.id))
			return c, nil
		}
		if err := t.Wait(&s.readers, sim.ReadWait, s.id); err != nil {
			return nil, err
		}
	}
}

// Connect opens a connection to ip:port, waiting for the handshake.
func (s *Socket) Connect(t *sim.Task, host string, port int) error {
	switch s.state {
	case closed:
		return ErrBadFD
	case connected, listening:
		return ErrIsConnected
	case connecting:
		return &Error{"BlockingIOError", 114, "Operation already in progress"}
	}
	h, err := s.n.Resolve(host)
	if err != nil {
		return err
	}
	if s.state == fresh {
		if err := s.Bind("", 0); err != nil {
			return err
		}
		s.shown = ""
	}
	s.remote = Addr{h.IP, port}
	s.latency, s.bandwidth = s.n.link(s.host, h)
	s.register(s.local.String() + " to " + s.remote.String())
	s.state = connecting
	s.attempt(h, 0)
	for !s.connDone {
		if err := t.Wait(&s.writers, sim.WriteWait, s.id); err != nil {
			s.abandoned = true
			return err
		}
	}
	if s.connErr != nil {
		s.state = bound
		return s.connErr
	}
	return nil
}

// synRetries is Linux's net.ipv4.tcp_syn_retries: a connection attempt
// that gets no answer is sent 1 + 6 times, 1, 2, 4 ... 64 s apart.
const synRetries = 6

// attempt sends the handshake's first packet (try 0 is the first send).
func (s *Socket) attempt(h *Host, try int) {
	k := s.n.k
	k.At(k.Now()+s.latency, func() {
		l := s.n.bound[s.remote]
		switch {
		case s.abandoned:
		case l == nil || l.state != listening:
			k.At(k.Now()+s.latency, func() { s.connected(ErrRefused) })
		case len(l.acceptQ) > l.backlog:
			if try == synRetries {
				k.At(k.Now()+sim.Second<<try-s.latency, func() { s.connected(ErrTimedOut) })
				return
			}
			k.At(k.Now()+sim.Second<<try-s.latency, func() { s.attempt(h, try+1) })
		default:
			c := &Socket{n: s.n, host: h, local: Addr{h.IP, port(l)}, remote: s.local, state: connected,
				sndCap: l.sndCap, rcvCap: l.rcvCap, latency: s.latency, bandwidth: s.bandwidth, peer: s}
			if l.prog {
				s.n.adopt(c) // a connection to the program's listener is the program's
			}
			c.register(c.local.String() + " from " + c.remote.String())
			c.record(sim.NetConnect, int64(s.id))
			s.peer = c
			if l.onAccept != nil {
				l.record(sim.NetAccept, int64(c.id))
				l.onAccept(c)
			} else {
				l.acceptQ = append(l.acceptQ, c)
				l.wake(&l.readers)
			}
			k.At(k.Now()+s.latency, func() {
				if s.abandoned {
					c.gotReset()
					return
				}
				s.connected(nil)
			})
		}
	})
}

func port(l *Socket) int { return l.local.Port }

// connected ends a connection attempt with err (nil: established).
func (s *Socket) connected(err error) {
	if s.abandoned {
		return
	}
	s.connDone, s.connErr = true, err
	if err != nil {
		s.record(sim.NetRefused, 0)
	} else {
		s.state = connected
		s.record(sim.NetConnect, int64(s.peer.id))
	}
	s.wake(&s.writers)
}

// Send copies as much of p as the send buffer has room for, waiting only
// while it has none, and returns how many bytes it took (a socket's send).
func (s *Socket) Send(t *sim.Task, p []byte) (int, error) {
	for {
		if err := s.writeErr(); err != nil {
			return 0, err
		}
		if free := s.sndCap - s.send.len(); free > 0 || len(p) == 0 {
			n := min(len(p), free)
			s.send.write(p[:n])
			s.record(sim.NetSendBuf, int64(s.send.len()))
			s.pump()
			return n, nil
		}
		if err := t.Wait(&s.writers, sim.WriteWait, s.id); err != nil {
			return 0, err
		}
	}
}

// SendAll sends all of p, waiting for room as often as it takes.
func (s *Socket) SendAll(t *sim.Task, p []byte) error {
	for {
		n, err := s.Send(t, p)
		if err != nil {
			return err
		}
		p = p[n:]
		if len(p) == 0 {
			return nil
		}
	}
}

// TrySend copies what fits of p into the send buffer without waiting, for
// the world's inputs (a line typed into a terminal), which have no task to
// block.
func (s *Socket) TrySend(p []byte) (int, error) {
	if err := s.writeErr(); err != nil {
		return 0, err
	}
	n := min(len(p), s.sndCap-s.send.len())
	s.send.write(p[:n])
	s.record(sim.NetSendBuf, int64(s.send.len()))
	s.pump()
	return n, nil
}

// writeErr says why the socket cannot be written now, if it cannot.
func (s *Socket) writeErr() error {
	switch {
	case s.state == closed:
		return ErrBadFD
	case s.err != nil:
		err := s.err
		s.err = nil
		return err
	case s.reset, s.wantFin, s.state != connected:
		return ErrBrokenPipe // Linux's answer for a TCP socket that cannot send
	}
	return nil
}

// Recv waits for input and returns at most max bytes of it; an empty
// result is the end of file.
func (s *Socket) Recv(t *sim.Task, max int) ([]byte, error) {
	for {
		switch {
		case s.state == closed:
			return nil, ErrBadFD
		case s.state != connected:
			return nil, ErrNotConnected
		case max <= 0:
			return []byte{}, nil
		case s.recv.len() > 0:
			p := s.recv.read(max)
			s.record(sim.NetRecvBuf, int64(s.recv.len()))
			s.windowOpened()
			return p, nil
		case s.err != nil:
			err := s.err
			s.err = nil
			return nil, err
		case s.eof, s.rdShut, s.reset:
			return []byte{}, nil
		}
		if err := t.Wait(&s.readers, sim.ReadWait, s.id); err != nil {
			return nil, err
		}
	}
}

// Shutdown ends reading (how 0), writing (1: the peer reads an end of
// file once the buffered bytes arrive) or both (2).
func (s *Socket) Shutdown(how int) error {
	switch {
	case s.state == closed:
		return ErrBadFD
	case how < 0 || how > 2:
		return ErrInvalid
	case s.state != connected:
		return ErrNotConnected
	}
	if how != 1 {
		s.rdShut = true
		s.n.k.WakeAll(&s.readers)
	}
	if how != 0 {
		s.wantFin = true
		s.pump()
		s.n.k.WakeAll(&s.writers)
	}
	return nil
}

// Close closes the socket. A connection sends its end of file after the
// bytes still buffered, or resets if input was left unread (as Linux
// does); a listener resets the connections nobody accepted.
func (s *Socket) Close() {
	k := s.n.k
	switch s.state {
	case closed:
		return
	case listening:
		for _, c := range s.acceptQ {
			c.sendReset()
			c.state = closed
		}
		s.acceptQ = nil
	case connecting:
		s.abandoned = true
	case connected:
		if s.recv.len() > 0 && !s.reset {
			s.recv.clear()
			s.record(sim.NetRecvBuf, 0)
			s.sendReset()
		} else {
			s.wantFin = true
			s.pump()
		}
	}
	if s.owner {
		delete(s.n.bound, s.local)
		s.owner = false
	}
	s.state = closed
	s.record(sim.NetClosed, 0)
	k.WakeAll(&s.readers)
	k.WakeAll(&s.writers)
}

// Abort closes the socket by resetting the connection (SO_LINGER with a
// zero timeout): the peer gets ConnectionResetError, buffered bytes are
// dropped. It is how a peer dies mid-transfer.
func (s *Socket) Abort() {
	if s.state == connected {
		s.recv.clear()
		s.sendReset()
	}
	s.Close()
}

// SetUserBuffered records how many bytes the program's library holds for
// the socket above its send buffer (asyncio's transport buffer, which has
// no bound), so the view shows where a backlog really sits.
func (s *Socket) SetUserBuffered(n int) {
	if n != s.user {
		s.user = n
		s.record(sim.NetUserBuf, int64(n))
	}
}

// SetSndBuf and SetRcvBuf set the buffers' capacities (SO_SNDBUF,
// SO_RCVBUF). Linux doubles the value it is given to leave room for its
// bookkeeping; the simulation keeps it as given, so a lesson's numbers
// are the ones its program states.
func (s *Socket) SetSndBuf(n int) {
	s.sndCap = max(n, 1)
	s.record(sim.NetSndCap, int64(s.sndCap))
	s.n.k.WakeAll(&s.writers)
}

func (s *Socket) SetRcvBuf(n int) {
	s.rcvCap = max(n, 1)
	s.record(sim.NetRcvCap, int64(s.rcvCap))
	s.windowOpened()
}

// SndBuf and RcvBuf are the buffers' capacities.
func (s *Socket) SndBuf() int { return s.sndCap }
func (s *Socket) RcvBuf() int { return s.rcvCap }
