package modules

import (
	"asyncplay/sim"
	"asyncplay/sim/netsim"
	rt "asyncplay/sim/py/runtime"
)

// asyncio's connections and servers: open_connection and start_server for
// streams, the loop's create_connection and create_server for protocols,
// the Server they return, and the Protocol classes a program subclasses.

var (
	baseProtocolClass = newType("BaseProtocol", "asyncio.protocols")
	protocolClass     = subclassOf("Protocol", "asyncio.protocols", baseProtocolClass)
)

// aServer is asyncio's Server: a listening socket and the task that
// accepts its connections (the loop's work, shown as a lane).
type aServer struct {
	st       *asyncioState
	sock     *socketObj
	newProto func(th *rt.Thread) (protocolCalls, error)
	serving  bool
	closed   bool
	task     *sim.Task
	closedQ  sim.WaitQueue
	foreverQ sim.WaitQueue
	cost     sim.Time
}

func (s *aServer) Type() *rt.Class { return aServerClass }

func (s *aServer) Repr(th *rt.Thread) (string, error) {
	return "<Server sockets=(<asyncio.TransportSocket fd=" + itoa(s.sock.fd) + ", laddr=" + s.sock.s.LocalAddr().String() + ">,)>", nil
}

func (s *aServer) Attr(th *rt.Thread, name string) (rt.Value, bool, error) {
	if name == "sockets" {
		if s.closed {
			return rt.Tuple{}, true, nil
		}
		return rt.Tuple{s.sock}, true, nil
	}
	return nil, false, nil
}

// listen opens a server's socket; serving starts with start.
func (st *asyncioState) listen(th *rt.Thread, host, port rt.Value, backlog rt.Value, newProto func(th *rt.Thread) (protocolCalls, error)) (*aServer, error) {
	if host == nil || host == rt.None {
		host = rt.Str("")
	}
	if port == nil || port == rt.None {
		port = rt.MakeInt(0)
	}
	h, p, err := address(th, rt.Tuple{host, port})
	if err != nil {
		return nil, err
	}
	n, err := optInt(backlog, 100)
	if err != nil {
		return nil, err
	}
	net, err := netOf(th)
	if err != nil {
		return nil, err
	}
	o := newSocketObj(net, net.NewSocket(nil))
	if err := o.s.Bind(h, p); err != nil {
		err, _ = asNetErr(err)
		return nil, err
	}
	if err := o.s.Listen(int(n)); err != nil {
		err, _ = asNetErr(err)
		return nil, err
	}
	return &aServer{st: st, sock: o, newProto: newProto, cost: th.OpCost}, nil
}

// start begins accepting: each connection gets a transport and protocol.
func (s *aServer) start(th *rt.Thread) error {
	if s.serving || s.closed {
		return nil
	}
	s.serving = true
	return acall(th, func(t *sim.Task) error {
		s.task = t.Spawn("Server "+s.sock.s.LocalAddr().String(), func(t *sim.Task) (any, error) {
			lth := rt.NewThread(s.st.in, t)
			lth.OpCost = s.cost
			for {
				var conn *netsim.Socket
				err := lth.OnTask(func() (err error) {
					conn, err = s.sock.s.Accept(t)
					return err
				})
				if err != nil {
					return nil, nil // closed, or the run is ending
				}
				proto, err := s.newProto(lth)
				if err != nil {
					return nil, &taskFailure{err: err, in: s.st.in}
				}
				n, _ := netOf(lth)
				if _, err := s.st.startTransport(lth, newSocketObj(n, conn), proto); err != nil {
					return nil, err
				}
			}
		}, true)
		return nil
	})
}

func (s *aServer) close(th *rt.Thread) error {
	if s.closed {
		return nil
	}
	s.closed, s.serving = true, false
	return acall(th, func(t *sim.Task) error {
		s.sock.s.Close()
		k := t.Kernel()
		k.WakeAll(&s.closedQ)
		k.WakeAll(&s.foreverQ)
		return nil
	})
}

func (s *aServer) waitClosed(th *rt.Thread) error {
	for !s.closed {
		if err := acall(th, func(t *sim.Task) error { return t.Wait(&s.closedQ, sim.FutureWait, 0) }); err != nil {
			return err
		}
	}
	return nil
}

// serveForever serves until cancelled, then closes the server, as
// asyncio's does.
func (s *aServer) serveForever(th *rt.Thread) error {
	if s.closed {
		return rt.NewError(rt.RuntimeErrorClass, "server "+s.sock.s.LocalAddr().String()+" is closed")
	}
	if err := s.start(th); err != nil {
		return err
	}
	for {
		err := acall(th, func(t *sim.Task) error { return t.Wait(&s.foreverQ, sim.FutureWait, 0) })
		if err != nil {
			s.close(th)
			return err
		}
		if s.closed {
			return rt.NewError(AsyncioCancelledErrorClass, "")
		}
	}
}

// streamsFor makes the protocol of a stream connection with a reader of
// the given limit.
func (st *asyncioState) streamsFor(limit int, onConnect func(th *rt.Thread, r *aStreamReader, w *aStreamWriter) error) *streamProtocol {
	return &streamProtocol{st: st, reader: &aStreamReader{limit: limit}, onConnect: onConnect}
}

// waitMade waits until the transport's task has called connection_made:
// as in asyncio, a connection is returned with its protocol told.
func waitMade(th *rt.Thread, tr *transport) error {
	for !tr.made {
		if err := acall(th, func(t *sim.Task) error { return t.Wait(&tr.madeQ, sim.FutureWait, 0) }); err != nil {
			return err
		}
	}
	return nil
}

func limitArg(kw *rt.Kwargs) (int, error) {
	v, ok := kw.Get("limit")
	if !ok {
		return defaultLimit, nil
	}
	n, err := intArg(v)
	if err == nil && n <= 0 {
		err = rt.NewError(rt.ValueErrorClass, "Limit cannot be <= 0")
	}
	return int(n), err
}

// pyProtocol calls the methods of a program's Protocol object.
type pyProtocol struct{ obj rt.Value }

func (p pyProtocol) call(th *rt.Thread, name string, args ...rt.Value) (rt.Value, error) {
	v, found, err := rt.CallMethod(th, p.obj, name, args...)
	if !found && err == nil {
		return rt.None, nil
	}
	return v, err
}

func (p pyProtocol) connectionMade(th *rt.Thread, tr *transport) error {
	_, err := p.call(th, "connection_made", tr)
	return err
}

func (p pyProtocol) dataReceived(th *rt.Thread, data []byte) error {
	_, err := p.call(th, "data_received", rt.Bytes(data))
	return err
}

func (p pyProtocol) eofReceived(th *rt.Thread) (bool, error) {
	v, err := p.call(th, "eof_received")
	if err != nil {
		return false, err
	}
	return truth(th, v), nil
}

func (p pyProtocol) connectionLost(th *rt.Thread, exc error) error {
	var arg rt.Value = rt.None
	if e, ok := exc.(rt.Value); ok && exc != nil {
		arg = e
	}
	_, err := p.call(th, "connection_lost", arg)
	return err
}

func (p pyProtocol) pauseWriting(th *rt.Thread) error {
	_, err := p.call(th, "pause_writing")
	return err
}

func (p pyProtocol) resumeWriting(th *rt.Thread) error {
	_, err := p.call(th, "resume_writing")
	return err
}

// pyProtocolFactory calls a protocol_factory for each connection.
func pyProtocolFactory(factory rt.Value) func(th *rt.Thread) (protocolCalls, error) {
	return func(th *rt.Thread) (protocolCalls, error) {
		obj, err := rt.Call(th, factory, nil, nil)
		if err != nil {
			return nil, err
		}
		return pyProtocol{obj}, nil
	}
}

// defineStreams adds open_connection, start_server, the stream classes,
// the Protocol classes and the stream errors to the asyncio module.
func (st *asyncioState) defineStreams(m *rt.Module) {
	for _, c := range []*rt.Class{streamReaderClass, streamWriterClass, incompleteReadClass, limitOverrunClass,
		baseProtocolClass, protocolClass, aServerClass} {
		m.NS.Set(c.Name, c)
	}
	fn(m, "open_connection", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		limit, err := limitArg(kw)
		var a []rt.Value
		if err == nil {
			a, err = rt.UnpackArgs("open_connection", args, nil, []string{"host", "port"}, 0)
			if h, ok := kw.Get("host"); ok && err == nil {
				a[0] = h
			}
			if p, ok := kw.Get("port"); ok && err == nil {
				a[1] = p
			}
		}
		return async("open_connection", func(th *rt.Thread) (rt.Value, error) {
			if err != nil {
				return nil, err
			}
			sock, err := connectSocket(th, valueOrNone(a[0]), valueOrNone(a[1]))
			if err != nil {
				return nil, err
			}
			proto := st.streamsFor(limit, nil)
			tr, err := st.startTransport(th, sock, proto)
			if err != nil {
				return nil, err
			}
			if err := waitMade(th, tr); err != nil {
				return nil, err
			}
			return rt.Tuple{proto.reader, proto.writer}, nil
		}), nil
	})
	fn(m, "start_server", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		limit, err := limitArg(kw)
		var a []rt.Value
		if err == nil {
			a, err = rt.UnpackArgs("start_server", args, nil, []string{"client_connected_cb", "host", "port"}, 1)
		}
		backlog, _ := kw.Get("backlog")
		for i, name := range []string{"client_connected_cb", "host", "port"} {
			if v, ok := kw.Get(name); ok && err == nil {
				a[i] = v
			}
		}
		return async("start_server", func(th *rt.Thread) (rt.Value, error) {
			if err != nil {
				return nil, err
			}
			cb := a[0]
			s, err := st.listen(th, a[1], a[2], backlog, func(th *rt.Thread) (protocolCalls, error) {
				return st.streamsFor(limit, func(th *rt.Thread, r *aStreamReader, w *aStreamWriter) error {
					res, err := rt.Call(th, cb, []rt.Value{r, w}, nil)
					if err != nil {
						return err
					}
					if co, ok := res.(*rt.Generator); ok && co.Type() == rt.CoroutineClass {
						name, _ := rt.GetAttr(th, co, "__qualname__")
						qual, _ := name.(rt.Str)
						_, err = st.spawn(th, co, string(qual))
					}
					return err
				}), nil
			})
			if err != nil {
				return nil, err
			}
			return s, s.start(th)
		}), nil
	})
}

func init() {
	bp := baseProtocolClass
	for _, name := range []string{"connection_made", "connection_lost", "pause_writing", "resume_writing"} {
		def(bp, name, func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return rt.None, nil
		})
	}
	for _, name := range []string{"data_received", "eof_received"} {
		def(protocolClass, name, func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
			return rt.None, nil
		})
	}

	s := aServerClass
	server := func(self rt.Value) *aServer { return self.(*aServer) }
	def(s, "close", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.None, server(self).close(th)
	})
	aDef(s, "wait_closed", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.None, server(self).waitClosed(th)
	})
	aDef(s, "serve_forever", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.None, server(self).serveForever(th)
	})
	aDef(s, "start_serving", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.None, server(self).start(th)
	})
	def(s, "is_serving", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.MakeBool(server(self).serving), nil
	})
	aDef(s, "__aenter__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return self, nil
	})
	aDef(s, "__aexit__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		if err := server(self).close(th); err != nil {
			return nil, err
		}
		return rt.False, server(self).waitClosed(th)
	})

	l := loopClass
	loop := func(self rt.Value) *loopObj { return self.(*loopObj) }
	aDef(l, "create_connection", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("create_connection", args, nil, []string{"protocol_factory", "host", "port"}, 1)
		if err != nil {
			return nil, err
		}
		for i, name := range []string{"protocol_factory", "host", "port"} {
			if v, ok := kw.Get(name); ok {
				a[i] = v
			}
		}
		sock, err := connectSocket(th, valueOrNone(a[1]), valueOrNone(a[2]))
		if err != nil {
			return nil, err
		}
		proto, err := pyProtocolFactory(a[0])(th)
		if err != nil {
			return nil, err
		}
		tr, err := loop(self).st.startTransport(th, sock, proto)
		if err != nil {
			return nil, err
		}
		if err := waitMade(th, tr); err != nil {
			return nil, err
		}
		return rt.Tuple{tr, proto.(pyProtocol).obj}, nil
	})
	aDef(l, "create_server", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("create_server", args, nil, []string{"protocol_factory", "host", "port"}, 1)
		if err != nil {
			return nil, err
		}
		for i, name := range []string{"protocol_factory", "host", "port"} {
			if v, ok := kw.Get(name); ok {
				a[i] = v
			}
		}
		backlog, _ := kw.Get("backlog")
		s, err := loop(self).st.listen(th, a[1], a[2], backlog, pyProtocolFactory(a[0]))
		if err != nil {
			return nil, err
		}
		return s, s.start(th)
	})
}
