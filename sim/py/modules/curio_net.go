package modules

import (
	"errors"
	"strconv"

	"asyncplay/sim"
	"asyncplay/sim/netsim"
	rt "asyncplay/sim/py/runtime"
)

// curio's sockets (curio.socket, curio.io.Socket) on the simulated network:
// the standard socket API whose blocking calls are awaited. bind, listen,
// setsockopt and the address getters are plain calls, as in curio.

func init() {
	register("curio.socket", newCurioSocket)
	register("socket", newStdSocket)
}

var (
	curioSocketClass = newType("Socket", "curio.io")
	// GaierrorClass is socket.gaierror, raised for a name nobody declared.
	GaierrorClass = subclassOf("gaierror", "socket", rt.OSErrorClass)
)

// Socket options and constants with Linux's values, so a program that
// prints them sees what it would see on a real machine.
var socketConsts = []struct {
	name  string
	value int64
}{
	{"AF_INET", 2}, {"AF_INET6", 10}, {"AF_UNIX", 1}, {"SOCK_STREAM", 1}, {"SOCK_DGRAM", 2},
	{"SOL_SOCKET", 1}, {"SO_REUSEADDR", 2}, {"SO_KEEPALIVE", 9}, {"SO_SNDBUF", 7}, {"SO_RCVBUF", 8},
	{"SO_REUSEPORT", 15}, {"IPPROTO_TCP", 6}, {"TCP_NODELAY", 1},
	{"SHUT_RD", 0}, {"SHUT_WR", 1}, {"SHUT_RDWR", 2}, {"SOMAXCONN", 4096},
}

type socketObj struct {
	s     *netsim.Socket
	fd    int
	opts  map[int64]int64 // options set that the simulation only remembers
	inner *streamObj      // the stream as_stream made, sharing the socket
}

func (o *socketObj) Type() *rt.Class { return curioSocketClass }

// Repr is curio's: its wrapper around the standard socket's repr.
func (o *socketObj) Repr(th *rt.Thread) (string, error) {
	s := "<curio.Socket <socket.socket fd=" + strconv.Itoa(o.fd) +
		", family=AddressFamily.AF_INET, type=SocketKind.SOCK_STREAM, proto=0"
	if o.s.Closed() {
		return "<curio.Socket <socket.socket [closed] fd=-1, family=AddressFamily.AF_INET, type=SocketKind.SOCK_STREAM, proto=0>>", nil
	}
	if l := o.s.LocalAddr(); l.Port != 0 {
		s += ", laddr=('" + l.IP + "', " + strconv.Itoa(l.Port) + ")"
	}
	if r := o.s.RemoteAddr(); r.Port != 0 {
		s += ", raddr=('" + r.IP + "', " + strconv.Itoa(r.Port) + ")"
	}
	return s + ">>", nil
}

// netOf is the network of the running program.
func netOf(th *rt.Thread) (*netsim.Net, error) {
	k, err := kernel(th)
	if err != nil {
		return nil, err
	}
	return netsim.For(k), nil
}

// newSocketObj wraps a network socket, numbering it as a file descriptor
// the way a fresh process would (0-2 are the standard streams).
func newSocketObj(n *netsim.Net, s *netsim.Socket) *socketObj {
	fds, _ := n.Kernel().Ext(fdKey{}).(int)
	n.Kernel().SetExt(fdKey{}, fds+1)
	return &socketObj{s: s, fd: 3 + fds}
}

type fdKey struct{}

// setSocketNames gives a socket module the constants and errors that the
// standard socket module and curio.socket share.
func setSocketNames(m *rt.Module) {
	for _, c := range socketConsts {
		m.NS.Set(c.name, rt.MakeInt(c.value))
	}
	m.NS.Set("gaierror", GaierrorClass)
	m.NS.Set("error", rt.OSErrorClass)
	m.NS.Set("timeout", rt.TimeoutErrorClass)
}

// newStdSocket is the standard socket module, for its constants and errors
// (asyncio programs name SOL_SOCKET, gaierror from it). A blocking socket
// would hold the kernel's one CPU for every call; the simulated network is
// reached through curio.socket and asyncio instead.
func newStdSocket(in *rt.Interp) *rt.Module {
	m := newModule("socket")
	setSocketNames(m)
	fn(m, "socket", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return nil, rt.NewError(rt.NotImplementedErrorClass, "a blocking socket.socket is not simulated: use curio.socket, or asyncio's streams")
	})
	return m
}

func newCurioSocket(in *rt.Interp) *rt.Module {
	m := newModule("curio.socket")
	setSocketNames(m)
	fn(m, "socket", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("socket", args, kw, []string{"family", "type", "proto", "fileno"}, 0)
		if err != nil {
			return nil, err
		}
		for i, want := range []int64{2, 1} {
			if a[i] == nil {
				continue
			}
			if v, ok, _ := rt.Index(a[i]); !ok || v != want {
				return nil, rt.NewError(rt.NotImplementedErrorClass, "the simulated network has TCP over IPv4 only (AF_INET, SOCK_STREAM)")
			}
		}
		n, err := netOf(th)
		if err != nil {
			return nil, err
		}
		return newSocketObj(n, n.NewSocket(nil)), nil
	})
	fn(m, "create_connection", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("create_connection", args, kw, []string{"address", "timeout", "source_address"}, 1)
		if err != nil {
			return nil, err
		}
		return async("create_connection", func(th *rt.Thread) (rt.Value, error) {
			host, port, err := address(th, a[0])
			if err != nil {
				return nil, err
			}
			return connectTo(th, host, port)
		}), nil
	})
	return m
}

// connectTo opens a connection from the program's host.
func connectTo(th *rt.Thread, host string, port int) (*socketObj, error) {
	n, err := netOf(th)
	if err != nil {
		return nil, err
	}
	o := newSocketObj(n, n.NewSocket(nil))
	if err := kcall(th, func(t *sim.Task) error { return o.s.Connect(t, host, port) }); err != nil {
		return nil, err
	}
	return o, nil
}

// address reads a (host, port) tuple.
func address(th *rt.Thread, v rt.Value) (string, int, error) {
	t, ok := v.(rt.Tuple)
	if !ok || len(t) != 2 {
		return "", 0, rt.NewError(rt.TypeErrorClass, "AF_INET address must be tuple, not "+rt.TypeName(v))
	}
	host, ok := t[0].(rt.Str)
	if !ok {
		return "", 0, rt.NewError(rt.TypeErrorClass, "str, bytes or bytearray expected, not "+rt.TypeName(t[0]))
	}
	port, ok, _ := rt.Index(t[1])
	if !ok {
		return "", 0, rt.NewError(rt.TypeErrorClass, "'"+rt.TypeName(t[1])+"' object cannot be interpreted as an integer")
	}
	if port < 0 || port > 65535 {
		return "", 0, rt.NewError(rt.OverflowErrorClass, "bind(): port must be 0-65535.")
	}
	return string(host), int(port), nil
}

func addrTuple(a netsim.Addr) rt.Tuple {
	return rt.Tuple{rt.Str(a.IP), rt.MakeInt(int64(a.Port))}
}

// netErr is a network error as Python raises it: OSError's subclass with
// errno and strerror.
func netErr(e *netsim.Error) error {
	cls := map[string]*rt.Class{
		"ConnectionRefusedError": rt.ConnectionRefusedClass, "ConnectionResetError": rt.ConnectionResetClass,
		"BrokenPipeError": rt.BrokenPipeErrorClass, "TimeoutError": rt.TimeoutErrorClass,
		"BlockingIOError": rt.BlockingIOErrorClass, "gaierror": GaierrorClass,
	}[e.Class]
	if cls == nil {
		cls = rt.OSErrorClass
	}
	inst := rt.NewInstance(cls)
	inst.Exc.Args = rt.Tuple{rt.MakeInt(int64(e.Errno)), rt.Str(e.Text)}
	return inst
}

// asNetErr converts a network error; other errors pass unchanged.
func asNetErr(err error) (error, bool) {
	var ne *netsim.Error
	if errors.As(err, &ne) {
		return netErr(ne), true
	}
	return err, false
}

func sockOf(self rt.Value) *socketObj { return self.(*socketObj) }

// bytesArg reads the data argument of a send.
func bytesArg(what string, v rt.Value) ([]byte, error) {
	b, ok := v.(rt.Bytes)
	if !ok {
		return nil, rt.NewError(rt.TypeErrorClass, "a bytes-like object is required, not '"+rt.TypeName(v)+"'")
	}
	return []byte(b), nil
}

// dataArg reads the bytes argument of a write or a send (data, then any
// optional parameters the caller accepts, such as flags).
func dataArg(name string, args []rt.Value, kw *rt.Kwargs, more ...string) ([]byte, error) {
	a, err := rt.UnpackArgs(name, args, kw, append([]string{"data"}, more...), 1)
	if err != nil {
		return nil, err
	}
	return bytesArg(name, a[0])
}

// intArg reads an integer argument.
func intArg(v rt.Value) (int64, error) {
	i, ok, err := rt.Index(v)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, rt.NewError(rt.TypeErrorClass, "'"+rt.TypeName(v)+"' object cannot be interpreted as an integer")
	}
	return i, nil
}

func init() {
	c := curioSocketClass
	def(c, "fileno", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.MakeInt(int64(sockOf(self).fd)), nil
	})
	def(c, "bind", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("bind", args, kw, []string{"address"}, 1)
		if err != nil {
			return nil, err
		}
		host, port, err := address(th, a[0])
		if err != nil {
			return nil, err
		}
		if err := sockOf(self).s.Bind(host, port); err != nil {
			err, _ = asNetErr(err)
			return nil, err
		}
		return rt.None, nil
	})
	def(c, "listen", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("listen", args, kw, []string{"backlog"}, 0)
		if err != nil {
			return nil, err
		}
		backlog := int64(128) // Python's default: min(SOMAXCONN, 128)
		if a[0] != nil {
			if backlog, err = intArg(a[0]); err != nil {
				return nil, err
			}
		}
		if err := sockOf(self).s.Listen(int(backlog)); err != nil {
			err, _ = asNetErr(err)
			return nil, err
		}
		return rt.None, nil
	})
	def(c, "setsockopt", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("setsockopt", args, kw, []string{"level", "optname", "value"}, 3)
		if err != nil {
			return nil, err
		}
		var v [3]int64
		for i := range a {
			if v[i], err = intArg(a[i]); err != nil {
				return nil, err
			}
		}
		o := sockOf(self)
		switch {
		case v[0] == 1 && v[1] == 7:
			o.s.SetSndBuf(int(v[2]))
		case v[0] == 1 && v[1] == 8:
			o.s.SetRcvBuf(int(v[2]))
		default: // remembered for getsockopt; the simulation has no use for it
			if o.opts == nil {
				o.opts = map[int64]int64{}
			}
			o.opts[v[0]<<16|v[1]] = v[2]
		}
		return rt.None, nil
	})
	def(c, "getsockopt", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("getsockopt", args, kw, []string{"level", "optname"}, 2)
		if err != nil {
			return nil, err
		}
		level, err := intArg(a[0])
		if err != nil {
			return nil, err
		}
		opt, err := intArg(a[1])
		if err != nil {
			return nil, err
		}
		o := sockOf(self)
		switch {
		case level == 1 && opt == 7:
			return rt.MakeInt(int64(o.s.SndBuf())), nil
		case level == 1 && opt == 8:
			return rt.MakeInt(int64(o.s.RcvBuf())), nil
		}
		return rt.MakeInt(o.opts[level<<16|opt]), nil
	})
	def(c, "getsockname", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return addrTuple(sockOf(self).s.LocalAddr()), nil
	})
	def(c, "getpeername", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		r := sockOf(self).s.RemoteAddr()
		if r.Port == 0 {
			return nil, netErr(netsim.ErrNotConnected)
		}
		return addrTuple(r), nil
	})
	def(c, "setblocking", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.None, nil // curio's sockets are always non-blocking underneath
	})
	def(c, "settimeout", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.None, nil
	})
	def(c, "as_stream", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		o := sockOf(self)
		if o.inner == nil {
			o.inner = &streamObj{sock: o}
		}
		return o.inner, nil
	})
	aDef(c, "accept", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		o := sockOf(self)
		var conn *netsim.Socket
		err := kcall(th, func(t *sim.Task) (err error) {
			conn, err = o.s.Accept(t)
			return err
		})
		if err != nil {
			return nil, err
		}
		n, _ := netOf(th)
		return rt.Tuple{newSocketObj(n, conn), addrTuple(conn.RemoteAddr())}, nil
	})
	aDef(c, "connect", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("connect", args, kw, []string{"address"}, 1)
		if err != nil {
			return nil, err
		}
		host, port, err := address(th, a[0])
		if err != nil {
			return nil, err
		}
		o := sockOf(self)
		return rt.None, kcall(th, func(t *sim.Task) error { return o.s.Connect(t, host, port) })
	})
	aDef(c, "recv", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("recv", args, kw, []string{"maxsize", "flags"}, 1)
		if err != nil {
			return nil, err
		}
		max, err := intArg(a[0])
		if err != nil {
			return nil, err
		}
		if max < 0 {
			return nil, rt.NewError(rt.ValueErrorClass, "negative buffersize in recv")
		}
		return sockOf(self).recv(th, int(max))
	})
	aDef(c, "send", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		p, err := dataArg("send", args, kw, "flags")
		if err != nil {
			return nil, err
		}
		o := sockOf(self)
		var n int
		err = kcall(th, func(t *sim.Task) (err error) {
			n, err = o.s.Send(t, p)
			return err
		})
		return rt.MakeInt(int64(n)), err
	})
	aDef(c, "sendall", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		p, err := dataArg("sendall", args, kw, "flags")
		if err != nil {
			return nil, err
		}
		return rt.None, sockOf(self).sendAll(th, p)
	})
	aDef(c, "shutdown", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("shutdown", args, kw, []string{"how"}, 1)
		if err != nil {
			return nil, err
		}
		how, err := intArg(a[0])
		if err != nil {
			return nil, err
		}
		if err := sockOf(self).s.Shutdown(int(how)); err != nil {
			err, _ = asNetErr(err)
			return nil, err
		}
		return rt.None, nil
	})
	aDef(c, "close", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.None, sockOf(self).close(th)
	})
	aDef(c, "__aenter__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return self, nil
	})
	aDef(c, "__aexit__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.False, sockOf(self).close(th)
	})
}

func (o *socketObj) recv(th *rt.Thread, max int) (rt.Value, error) {
	var p []byte
	err := kcall(th, func(t *sim.Task) (err error) {
		p, err = o.s.Recv(t, max)
		return err
	})
	if err != nil {
		return nil, err
	}
	return rt.Bytes(p), nil
}

func (o *socketObj) sendAll(th *rt.Thread, p []byte) error {
	return kcall(th, func(t *sim.Task) error { return o.s.SendAll(t, p) })
}

// close closes the socket on the running task, so the trace says who.
func (o *socketObj) close(th *rt.Thread) error {
	return kcall(th, func(t *sim.Task) error {
		o.s.Close()
		return nil
	})
}

// defineNet adds curio's network functions: open_connection, tcp_server,
// tcp_server_socket and run_server.
func (st *curioState) defineNet(m *rt.Module) {
	fn(m, "open_connection", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("open_connection", args, kw, []string{"host", "port", "ssl", "source_addr", "server_hostname", "alpn_protocols"}, 2)
		return async("open_connection", func(th *rt.Thread) (rt.Value, error) {
			if err != nil {
				return nil, err
			}
			host, port, err := address(th, rt.Tuple{a[0], a[1]})
			if err != nil {
				return nil, err
			}
			return connectTo(th, host, port)
		}), nil
	})
	serverSocket := func(th *rt.Thread, name string, args []rt.Value, kw *rt.Kwargs, params []string, required int) (*socketObj, []rt.Value, error) {
		a, err := rt.UnpackArgs(name, args, kw, params, required)
		if err != nil {
			return nil, nil, err
		}
		host, port, err := address(th, rt.Tuple{a[0], a[1]})
		if err != nil {
			return nil, nil, err
		}
		backlog := int64(100) // curio's default
		for i, p := range params {
			if p == "backlog" && a[i] != nil {
				if backlog, err = intArg(a[i]); err != nil {
					return nil, nil, err
				}
			}
		}
		n, err := netOf(th)
		if err != nil {
			return nil, nil, err
		}
		o := newSocketObj(n, n.NewSocket(nil))
		if err := o.s.Bind(host, port); err == nil {
			err = o.s.Listen(int(backlog))
		} else {
			err, _ = asNetErr(err)
			return nil, nil, err
		}
		return o, a, nil
	}
	fn(m, "tcp_server_socket", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		o, _, err := serverSocket(th, "tcp_server_socket", args, kw,
			[]string{"host", "port", "family", "backlog", "reuse_address", "reuse_port"}, 2)
		if err != nil {
			return nil, err
		}
		return o, nil
	})
	fn(m, "tcp_server", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return async("tcp_server", func(th *rt.Thread) (rt.Value, error) {
			o, a, err := serverSocket(th, "tcp_server", args, kw,
				[]string{"host", "port", "client_connected_task", "family", "backlog", "ssl", "reuse_address", "reuse_port"}, 3)
			if err != nil {
				return nil, err
			}
			return st.serve(th, o, a[2])
		}), nil
	})
	fn(m, "run_server", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("run_server", args, kw, []string{"sock", "client_connected_task", "ssl"}, 2)
		return async("run_server", func(th *rt.Thread) (rt.Value, error) {
			if err != nil {
				return nil, err
			}
			o, ok := a[0].(*socketObj)
			if !ok {
				return nil, rt.NewError(rt.TypeErrorClass, "run_server() needs a curio socket, not "+rt.TypeName(a[0]))
			}
			return st.serve(th, o, a[1])
		}), nil
	})
}

// serve accepts connections forever, each handled by a task of a task
// group running handler(client, addr) and closing the client when it
// returns, as curio's run_server does. Cancelling serve cancels every
// client's task, then closes the listener.
func (st *curioState) serve(th *rt.Thread, l *socketObj, handler rt.Value) (rt.Value, error) {
	defer l.close(th)
	k, err := kernel(th)
	if err != nil {
		return nil, err
	}
	g := k.NewTaskGroup("tcp_server", sim.WaitAll)
	for {
		var conn *netsim.Socket
		err := kcall(th, func(t *sim.Task) (err error) {
			conn, err = l.s.Accept(t)
			return err
		})
		if err != nil {
			kcall(th, func(t *sim.Task) error { return g.CancelRemaining(t) })
			return nil, err
		}
		n, _ := netOf(th)
		client := newSocketObj(n, conn)
		co, name, err := coroutineOf(th, "tcp_server", []rt.Value{handler, client, addrTuple(conn.RemoteAddr())})
		if err != nil {
			return nil, err
		}
		wrapped := async(name, func(th *rt.Thread) (rt.Value, error) {
			v, err := th.Await(co)
			if cerr := client.close(th); err == nil {
				err = cerr
			}
			return v, err
		})
		if err := kcall(th, func(t *sim.Task) error {
			_, err := g.Spawn(t, name, st.taskFunc(wrapped, th.OpCost))
			return err
		}); err != nil {
			return nil, err
		}
	}
}
