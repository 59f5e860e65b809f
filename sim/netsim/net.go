// Package netsim is the simulated network of a run: hosts with names and
// addresses, listening ports, and TCP-like connections on the kernel's
// virtual clock.
//
// A connection is two [Socket]s. Each has a send buffer (bytes its program
// wrote that the network has not taken yet, at most SO_SNDBUF), bytes in
// flight towards its peer, and a receive buffer (bytes that arrived and its
// program has not read, at most SO_RCVBUF). Bytes leave a send buffer only
// while the peer's receive buffer has room for them beside what is already
// in flight: that is TCP's flow control, and it is how backpressure crosses
// the network. A program that stops reading fills its receive buffer, then
// its peer's send buffer, and then its peer's writer blocks in WRITE_WAIT.
//
// Bytes take the link's latency to arrive and, on a link with a bandwidth,
// the time to put them on the wire; a reader that frees space tells the
// sender one latency later. Ends are TCP's: close sends an end of file
// after the buffered bytes; closing with unread input, or input arriving
// at a closed socket, resets the connection (ConnectionResetError on the
// other side, then BrokenPipeError on writing); connecting to a port
// nobody listens on is refused one round trip later; a full backlog drops
// the connection attempt, which retries after 1, 2, 4, ... seconds as
// Linux does and times out after the sixth retry.
//
// A socket made by the program's tasks is the program's; one made by a
// peer, or by the world before the run, is the world's. When the program
// exits, the OS closes the program's sockets that are still open (a hook
// of [sim.Kernel.OnExit]): the world keeps reading what was sent.
//
// Every buffer level and every connection event is recorded in the trace
// ([sim.EvNet]), so the view can draw each connection as a pipe. Blocking
// calls are kernel traps: READ_WAIT and WRITE_WAIT on the socket.
package netsim

import (
	"slices"
	"strconv"

	"asyncplay/sim"
)

// Defaults a new network starts with: Linux's default socket buffers
// (net.ipv4.tcp_wmem and tcp_rmem) and a loopback that is fast but not
// instant, so that a localhost round trip is still an ordering.
const (
	DefaultSndBuf   = 16384
	DefaultRcvBuf   = 131072
	DefaultLoopback = 50 * sim.Microsecond
	// LocalIP is the program's host; "localhost" resolves to it.
	LocalIP = "127.0.0.1"
	// FirstEphemeralPort is the first port given to connecting sockets
	// (Linux's ip_local_port_range starts at 32768; ports are handed out
	// in order, so a run always gets the same ones).
	FirstEphemeralPort = 50000
)

// Host is a machine of the simulated world: the program's own
// ("localhost", 127.0.0.1) or a peer's, with the link that joins it to the
// program's host.
type Host struct {
	Name      string
	IP        string
	Latency   sim.Time // one way, between this host and the program's
	Bandwidth int64    // bytes per second; 0: unlimited
}

// Addr is an IP address and a port.
type Addr struct {
	IP   string
	Port int
}

func (a Addr) String() string { return a.IP + ":" + strconv.Itoa(a.Port) }

// Net is the network of one run; [For] finds it.
type Net struct {
	k        *sim.Kernel
	SndBuf   int      // SO_SNDBUF of new sockets
	RcvBuf   int      // SO_RCVBUF of new sockets
	Loopback sim.Time // one-way latency between sockets of one host

	hosts     map[string]*Host // by name and by IP
	nextIP    int
	bound     map[Addr]*Socket
	nextPort  map[string]int // next ephemeral port, by IP
	sockets   int
	listeners int

	prog      []*Socket // the program's sockets, oldest first (closed ones are dropped now and then)
	compactAt int       // len(prog) at which the closed ones are dropped
	exited    bool      // the program has exited: its sockets are closed
}

type key struct{}

// For returns the network of k's run, creating it with the defaults.
func For(k *sim.Kernel) *Net {
	if n, ok := k.Ext(key{}).(*Net); ok {
		return n
	}
	n := &Net{k: k, SndBuf: DefaultSndBuf, RcvBuf: DefaultRcvBuf, Loopback: DefaultLoopback,
		hosts: map[string]*Host{}, bound: map[Addr]*Socket{}, nextPort: map[string]int{}, nextIP: 2}
	local := &Host{Name: "localhost", IP: LocalIP}
	n.hosts["localhost"], n.hosts[LocalIP] = local, local
	k.SetExt(key{}, n)
	k.OnExit(n.exit)
	return n
}

// adopt records s as the program's socket.
func (n *Net) adopt(s *Socket) {
	s.prog = true
	if len(n.prog) >= n.compactAt {
		n.prog = slices.DeleteFunc(n.prog, func(s *Socket) bool { return s.state == closed })
		n.compactAt = max(64, 2*len(n.prog))
	}
	n.prog = append(n.prog, s)
}

// exit closes the program's sockets as the operating system closes a
// process's files when it exits, oldest first (as its file descriptors
// are numbered): what sits in a send buffer is still sent, then the end
// of file; a socket with unread input resets its connection instead (as
// close does on Linux); a listener resets the connections nobody accepted
// and its port refuses the next. What a library held in the program's own
// memory (asyncio's transport buffer; see [Socket.SetUserBuffered]) is
// lost, and the library is told of nothing more. Sockets the program had
// closed go on sending what they hold, as they would have anyway.
func (n *Net) exit() {
	n.exited = true
	for _, s := range n.prog {
		if s.state == closed {
			continue
		}
		s.watcher = nil
		s.SetUserBuffered(0)
		s.Close()
	}
	n.prog = nil
}

// Kernel is the kernel the network runs on.
func (n *Net) Kernel() *sim.Kernel { return n.k }

// AddHost declares a peer's machine, reachable by name; an empty IP gets
// the next address of 10.0.0.0/24 in declaration order. Declaring a name
// again updates its link.
func (n *Net) AddHost(name, ip string, latency sim.Time, bandwidth int64) *Host {
	if h, ok := n.hosts[name]; ok {
		h.Latency, h.Bandwidth = latency, bandwidth
		return h
	}
	if ip == "" {
		ip = "10.0.0." + strconv.Itoa(n.nextIP)
		n.nextIP++
	}
	h := &Host{Name: name, IP: ip, Latency: latency, Bandwidth: bandwidth}
	n.hosts[name] = h
	if _, ok := n.hosts[ip]; !ok {
		n.hosts[ip] = h
	}
	return h
}

// Resolve finds a host by name or address. "" and "0.0.0.0" (bind to every
// interface) are the program's host.
func (n *Net) Resolve(name string) (*Host, error) {
	if name == "" || name == "0.0.0.0" {
		name = LocalIP
	}
	if h, ok := n.hosts[name]; ok {
		return h, nil
	}
	return nil, ErrUnknownHost
}

// Link is the one-way latency and the bandwidth between the program's
// host and h.
func (n *Net) Link(h *Host) (sim.Time, int64) { return n.link(n.hosts[LocalIP], h) }

// link is the latency and bandwidth between two hosts: the loopback on
// one host, otherwise the link of the host that is not the program's.
func (n *Net) link(a, b *Host) (sim.Time, int64) {
	if a == b {
		return n.Loopback, 0
	}
	h := a
	if h.IP == LocalIP {
		h = b
	}
	return h.Latency, h.Bandwidth
}

// ephemeral hands out the next free port of ip.
func (n *Net) ephemeral(ip string) int {
	p := n.nextPort[ip]
	if p == 0 {
		p = FirstEphemeralPort
	}
	for n.bound[Addr{ip, p}] != nil {
		p++
	}
	n.nextPort[ip] = p + 1
	return p
}
