package world

import (
	"fmt"
	"strconv"
	"strings"

	"asyncplay/sim"
	"asyncplay/sim/netsim"
)

// Install declares the world on k's network and schedules its clients,
// typed lines and signals. Call it before the run starts. Peers are
// kernel tasks of the peer lane: a server peer gets one per connection,
// spawned as the connection arrives, so a program's own tasks keep the ids
// they would have without a world.
func (s *Spec) Install(k *sim.Kernel) error {
	n := netsim.For(k)
	if s.Loopback >= 0 {
		n.Loopback = s.Loopback
	}
	if s.SndBuf > 0 {
		n.SndBuf = s.SndBuf
	}
	if s.RcvBuf > 0 {
		n.RcvBuf = s.RcvBuf
	}
	for _, h := range s.Hosts {
		n.AddHost(h.Name, h.IP, h.Latency, h.Bandwidth)
	}
	reg := registry(k)
	for _, src := range s.Sources {
		if err := s.listen(n, src.Name, src.Host, src.Port, func(c *netsim.Socket) sim.TaskFunc { return src.serve(c) }); err != nil {
			return err
		}
	}
	for _, sk := range s.Sinks {
		if err := s.listen(n, sk.Name, sk.Host, sk.Port, func(c *netsim.Socket) sim.TaskFunc { return sk.serve(c) }); err != nil {
			return err
		}
	}
	for _, h := range s.Services {
		if err := s.listen(n, h.Name, h.Host, h.Port, func(c *netsim.Socket) sim.TaskFunc { return h.serve(c) }); err != nil {
			return err
		}
		host, _ := n.Resolve(h.Host)
		reg.services[netsim.Addr{IP: host.IP, Port: h.Port}] = h
	}
	var arrivals []*sim.Timer
	for _, c := range s.Clients {
		for i := range c.Count {
			name := c.Name
			if c.Count > 1 {
				name += "-" + strconv.Itoa(i+1)
			}
			var term *terminal
			if c.Terminal {
				term = &terminal{}
				reg.terminals[c.Name] = term
			}
			arrivals = append(arrivals, k.At(c.At+sim.Time(i)*c.Every, func() { k.SpawnPeer(name, c.run(n, name, i+1, term)) }))
		}
	}
	if len(arrivals) > 0 {
		// A client or terminal declared to connect after the program has
		// exited does not start: the world was written for a running
		// program, and a crowd of refused connections would say nothing.
		k.OnExit(func() {
			for _, a := range arrivals {
				k.StopTimer(a)
			}
		})
	}
	for _, t := range s.Typed {
		k.Inject(t.At, typed{term: reg.terminals[t.Terminal], text: t.Text})
	}
	for _, sg := range s.Signals {
		k.Inject(sg.At, sg.Signal)
	}
	return nil
}

// listen opens a server peer's listening socket, whose connections each
// get a peer task.
func (s *Spec) listen(n *netsim.Net, name, host string, port int, serve func(c *netsim.Socket) sim.TaskFunc) error {
	h, err := n.Resolve(host)
	if err != nil {
		return err
	}
	l := n.NewSocket(h)
	if err := l.Bind("", port); err != nil {
		return fmt.Errorf("%s: cannot listen on %s:%d: %w", name, host, port, err)
	}
	l.Listen(1 << 20)
	conns := 0
	l.OnAccept(func(c *netsim.Socket) {
		conns++
		n.Kernel().SpawnPeer(name+"-"+strconv.Itoa(conns), serve(c))
	})
	return nil
}

// reg is the world's state of one run that the program's modules look
// up: HTTP services by address (for requests.get) and terminals by name.
type reg struct {
	services  map[netsim.Addr]*Service
	terminals map[string]*terminal
}

type regKey struct{}

func registry(k *sim.Kernel) *reg {
	if r, ok := k.Ext(regKey{}).(*reg); ok {
		return r
	}
	r := &reg{services: map[netsim.Addr]*Service{}, terminals: map[string]*terminal{}}
	k.SetExt(regKey{}, r)
	return r
}

// ServiceAt is the HTTP service listening at addr in k's world, if any.
func ServiceAt(k *sim.Kernel, addr netsim.Addr) *Service {
	return registry(k).services[addr]
}

// terminal is a terminal's connection, once it has one, and what was
// typed before it had.
type terminal struct {
	sock    *netsim.Socket
	pending []byte
}

// typed is a line typed into a terminal: an input of the run.
type typed struct {
	term *terminal
	text string
}

// OutsideProgram makes a typed line a [sim.WorldInput]: a person types
// it at its time even while the program computes.
func (typed) OutsideProgram() {}

func (in typed) Deliver(k *sim.Kernel) {
	if in.term.sock == nil {
		in.term.pending = append(in.term.pending, in.text...)
		return
	}
	in.term.sock.TrySend([]byte(in.text))
}

// expand fills a text's {i} (the client's number in its group), {n} (the
// send's or record's number) and {t} (the virtual time, in seconds).
func expand(text string, i, n int, now sim.Time) string {
	if !strings.Contains(text, "{") {
		return text
	}
	r := strings.NewReplacer("{i}", strconv.Itoa(i), "{n}", strconv.Itoa(n),
		"{t}", strconv.FormatFloat(now.Seconds(), 'f', 6, 64))
	return r.Replace(text)
}
