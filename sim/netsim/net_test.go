package netsim

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"asyncplay/sim"
)

// run runs main on a fresh kernel and network and returns the log that
// main and its tasks wrote with logf, one line per call, stamped with the
// virtual time.
func run(t *testing.T, main func(t *sim.Task, n *Net, logf func(string, ...any)) error) string {
	t.Helper()
	k := sim.New()
	n := For(k)
	var log strings.Builder
	logf := func(format string, args ...any) {
		fmt.Fprintf(&log, "%v %s\n", k.Now(), fmt.Sprintf(format, args...))
	}
	_, err := k.Run("main", func(task *sim.Task) (any, error) { return nil, main(task, n, logf) })
	if err != nil {
		fmt.Fprintf(&log, "%v run: %v\n", k.Now(), err)
	}
	return log.String()
}

func listen(t *testing.T, n *Net, port, backlog int) *Socket {
	t.Helper()
	l := n.NewSocket(nil)
	if err := l.Bind("", port); err != nil {
		t.Fatal(err)
	}
	if err := l.Listen(backlog); err != nil {
		t.Fatal(err)
	}
	return l
}

func check(t *testing.T, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestEchoRoundTrip(t *testing.T) {
	got := run(t, func(task *sim.Task, n *Net, logf func(string, ...any)) error {
		l := listen(t, n, 25000, 5)
		task.Spawn("server", func(st *sim.Task) (any, error) {
			c, err := l.Accept(st)
			if err != nil {
				return nil, err
			}
			logf("accepted %v from %v", c.LocalAddr(), c.RemoteAddr())
			for {
				p, err := c.Recv(st, 100)
				if err != nil || len(p) == 0 {
					logf("server eof %v", err)
					c.Close()
					return nil, err
				}
				c.SendAll(st, bytes.ToUpper(p))
			}
		}, true)
		c := n.NewSocket(nil)
		if err := c.Connect(task, "localhost", 25000); err != nil {
			return err
		}
		logf("connected %v to %v", c.LocalAddr(), c.RemoteAddr())
		c.SendAll(task, []byte("hello"))
		p, _ := c.Recv(task, 100)
		logf("got %q", p)
		c.Shutdown(1)
		p, err := c.Recv(task, 100)
		logf("got %q %v", p, err)
		c.Close()
		return nil
	})
	check(t, got, `0.00005s accepted 127.0.0.1:25000 from 127.0.0.1:50000
0.0001s connected 127.0.0.1:50000 to 127.0.0.1:25000
0.0002s got "HELLO"
0.00025s server eof <nil>
0.0003s got "" <nil>
`)
}

func TestConnectErrors(t *testing.T) {
	got := run(t, func(task *sim.Task, n *Net, logf func(string, ...any)) error {
		c := n.NewSocket(nil)
		logf("refused: %v", c.Connect(task, "localhost", 9))
		logf("unknown: %v", n.NewSocket(nil).Connect(task, "nowhere.example", 80))
		listen(t, n, 8000, 1)
		s := n.NewSocket(nil)
		logf("in use: %v", s.Bind("", 8000))
		logf("foreign: %v", s.Bind("10.9.9.9", 1))
		_, err := s.Recv(task, 10)
		logf("recv unconnected: %v", err)
		_, err = s.Send(task, []byte("x"))
		logf("send unconnected: %v", err)
		s.Close()
		_, err = s.Recv(task, 10)
		logf("recv closed: %v", err)
		return nil
	})
	check(t, got, `0.0001s refused: [Errno 111] Connection refused
0.0001s unknown: [Errno -2] Name or service not known
0.0001s in use: [Errno 98] Address already in use
0.0001s foreign: [Errno -2] Name or service not known
0.0001s recv unconnected: [Errno 107] Transport endpoint is not connected
0.0001s send unconnected: [Errno 32] Broken pipe
0.0001s recv closed: [Errno 9] Bad file descriptor
`)
}

// A full backlog drops connection attempts, which retry 1, 2, 4 ... s
// apart; nobody accepting at all, the seventh attempt times out at 127 s.
func TestBacklogRetriesThenTimesOut(t *testing.T) {
	got := run(t, func(task *sim.Task, n *Net, logf func(string, ...any)) error {
		n.Loopback = 0
		l := listen(t, n, 8000, 0)
		for i := range 2 {
			task.Spawn("client", func(ct *sim.Task) (any, error) {
				err := n.NewSocket(nil).Connect(ct, "localhost", 8000)
				logf("client %d: %v", i, err)
				return nil, nil
			}, false)
		}
		task.Sleep(3 * sim.Second)
		c, _ := l.Accept(task)
		logf("accepted %v", c.RemoteAddr())
		task.Sleep(200 * sim.Second)
		return nil
	})
	check(t, got, `0.000s client 0: <nil>
3.000s accepted 127.0.0.1:50000
7.000s client 1: <nil>
`)
}

// The writer blocks in WRITE_WAIT once the reader's receive buffer and
// its own send buffer are full, and resumes when the reader reads.
func TestFlowControlBlocksTheWriter(t *testing.T) {
	var k *sim.Kernel
	got := run(t, func(task *sim.Task, n *Net, logf func(string, ...any)) error {
		k = n.Kernel()
		n.SndBuf, n.RcvBuf = 1000, 2000
		l := listen(t, n, 7000, 1)
		reader := task.Spawn("reader", func(rt *sim.Task) (any, error) {
			c, _ := l.Accept(rt)
			rt.Sleep(sim.Second)
			total := 0
			for {
				p, _ := c.Recv(rt, 500)
				if len(p) == 0 {
					logf("reader eof after %d", total)
					return nil, nil
				}
				total += len(p)
			}
		}, false)
		c := n.NewSocket(nil)
		c.Connect(task, "localhost", 7000)
		for i := range 5 {
			if err := c.SendAll(task, make([]byte, 1000)); err != nil {
				return err
			}
			send, _ := c.Buffered()
			logf("wrote %d, send buffer %d", (i+1)*1000, send)
		}
		c.Close()
		_, err := task.Join(reader)
		return err
	})
	check(t, got, `0.0001s wrote 1000, send buffer 0
0.0001s wrote 2000, send buffer 0
0.0001s wrote 3000, send buffer 1000
1.0001s wrote 4000, send buffer 0
1.0001s wrote 5000, send buffer 1000
1.00025s reader eof after 5000
`)
	var states []string
	for _, r := range k.Trace().Records() {
		if r.Kind == sim.EvState && r.State == sim.WriteWait {
			states = append(states, fmt.Sprintf("%v task %d %v", r.T, r.Task, r.State))
		}
	}
	// connect waits for writability too, as curio does; then the fourth write
	check(t, strings.Join(states, "\n"), "0.000s task 1 WRITE_WAIT\n0.0001s task 1 WRITE_WAIT")
}

// Closing with unread input resets the connection: the peer's next call
// fails with ConnectionResetError, and writes after it with BrokenPipeError.
func TestResetOnCloseWithUnreadInput(t *testing.T) {
	got := run(t, func(task *sim.Task, n *Net, logf func(string, ...any)) error {
		l := listen(t, n, 7000, 1)
		task.Spawn("rude", func(rt *sim.Task) (any, error) {
			c, _ := l.Accept(rt)
			rt.Sleep(sim.Millisecond)
			c.Close() // "hi" is unread
			return nil, nil
		}, false)
		c := n.NewSocket(nil)
		c.Connect(task, "localhost", 7000)
		c.SendAll(task, []byte("hi"))
		p, err := c.Recv(task, 10)
		logf("recv %q %v", p, err)
		logf("send: %v", c.SendAll(task, []byte("more")))
		p, err = c.Recv(task, 10)
		logf("recv %q %v", p, err)
		return nil
	})
	check(t, got, `0.0011s recv "" [Errno 104] Connection reset by peer
0.0011s send: [Errno 32] Broken pipe
0.0011s recv "" <nil>
`)
}

// Writing to a peer that closed cleanly: the first write is accepted, its
// bytes reach a closed socket, which resets; the next write fails.
func TestWriteAfterPeerClosed(t *testing.T) {
	got := run(t, func(task *sim.Task, n *Net, logf func(string, ...any)) error {
		l := listen(t, n, 7000, 1)
		task.Spawn("closer", func(rt *sim.Task) (any, error) {
			c, _ := l.Accept(rt)
			c.Close()
			return nil, nil
		}, false)
		c := n.NewSocket(nil)
		c.Connect(task, "localhost", 7000)
		task.Sleep(sim.Millisecond)
		p, err := c.Recv(task, 10)
		logf("recv %q %v (end of file)", p, err)
		logf("first send: %v", c.SendAll(task, []byte("x")))
		task.Sleep(sim.Millisecond)
		logf("second send: %v", c.SendAll(task, []byte("y")))
		logf("third send: %v", c.SendAll(task, []byte("z")))
		return nil
	})
	check(t, got, `0.0011s recv "" <nil> (end of file)
0.0011s first send: <nil>
0.0021s second send: [Errno 104] Connection reset by peer
0.0021s third send: [Errno 32] Broken pipe
`)
}

// A slow link paces the bytes: 64 KiB over 64 KiB/s takes a second,
// in 16 KiB segments, plus the latency.
func TestBandwidthAndLatency(t *testing.T) {
	got := run(t, func(task *sim.Task, n *Net, logf func(string, ...any)) error {
		n.AddHost("far.example", "", 50*sim.Millisecond, 65536)
		far, _ := n.Resolve("far.example")
		l := n.NewSocket(far)
		l.Bind("", 80)
		l.Listen(1)
		task.Spawn("far", func(rt *sim.Task) (any, error) {
			c, _ := l.Accept(rt)
			logf("far accepted from %v", c.RemoteAddr())
			total := 0
			for {
				p, _ := c.Recv(rt, 1<<20)
				if len(p) == 0 {
					logf("far eof after %d", total)
					return nil, nil
				}
				total += len(p)
				logf("far got %d", total)
			}
		}, false)
		c := n.NewSocket(nil)
		if err := c.Connect(task, "far.example", 80); err != nil {
			return err
		}
		logf("connected")
		c.SendAll(task, make([]byte, 65536))
		c.Close()
		return task.Sleep(2 * sim.Second)
	})
	check(t, got, `0.050s far accepted from 127.0.0.1:50000
0.100s connected
0.400s far got 16384
0.650s far got 32768
0.900s far got 49152
1.150s far got 65536
1.150s far eof after 65536
`)
}

func TestErrorsAreTyped(t *testing.T) {
	var e *Error
	if !errors.As(error(ErrReset), &e) || e.Class != "ConnectionResetError" || e.Errno != 104 {
		t.Fatal(e)
	}
}

// exitWorld runs program on a network with 1000-byte buffers beside a
// peer of the world (its listener made before the run, as the world's
// are) at 10.0.0.2:9000 that reads 100 bytes every 100 ms, or nothing if
// reads is false, and logs what it got and how the connection ended.
func exitWorld(t *testing.T, reads bool, program func(t *sim.Task, n *Net) error) (string, *sim.Kernel) {
	t.Helper()
	k := sim.New()
	n := For(k)
	n.SndBuf, n.RcvBuf = 1000, 1000
	var log strings.Builder
	logf := func(format string, args ...any) {
		fmt.Fprintf(&log, "%v %s\n", k.Now(), fmt.Sprintf(format, args...))
	}
	h := n.AddHost("far", "", sim.Millisecond, 0)
	l := n.NewSocket(h)
	if err := l.Bind("", 9000); err != nil {
		t.Fatal(err)
	}
	l.Listen(5)
	l.OnAccept(func(c *Socket) {
		k.SpawnPeer("reader", func(pt *sim.Task) (any, error) {
			if !reads {
				if err := pt.Sleep(sim.Second); err != nil {
					return nil, err
				}
				_, err := c.Send(pt, []byte("late"))
				logf("peer sent: %v", err)
				for {
					p, err := c.Recv(pt, 100)
					logf("peer read %q: %v", p, err)
					if err != nil || len(p) == 0 {
						err := n.NewSocket(h).Connect(pt, "localhost", 25000)
						logf("peer connects to the program's port: %v", err)
						return nil, nil
					}
				}
			}
			total := 0
			for {
				p, err := c.Recv(pt, 100)
				if err != nil || len(p) == 0 {
					logf("peer got %d bytes, then %v %v", total, len(p), err)
					return nil, nil
				}
				total += len(p)
				if err := pt.Sleep(100 * sim.Millisecond); err != nil {
					return nil, err
				}
			}
		})
	})
	_, err := k.Run("main", func(task *sim.Task) (any, error) {
		err := program(task, n)
		logf("program exits: %v", err)
		return nil, err
	})
	if err != nil {
		logf("run: %v", err)
	}
	return log.String(), k
}

// TestExitSendsWhatTheSendBufferHolds: a program that exits with bytes
// in its send buffer, its socket still open, leaves them to the OS: they
// are still sent at the reader's pace, then the end of file, which the
// reader sees. What a library held above the send buffer is lost (its
// level drops to 0 at the exit); the reader never gets it.
func TestExitSendsWhatTheSendBufferHolds(t *testing.T) {
	var sock *Socket
	got, k := exitWorld(t, true, func(task *sim.Task, n *Net) error {
		sock = n.NewSocket(nil)
		if err := sock.Connect(task, "far", 9000); err != nil {
			return err
		}
		if err := sock.SendAll(task, make([]byte, 2500)); err != nil {
			return err
		}
		sock.SetUserBuffered(700) // asyncio's buffer, say: never written
		return nil
	})
	check(t, got, `0.404s program exits: <nil>
2.503s peer got 2500 bytes, then 0 <nil>
`)
	if !sock.Closed() {
		t.Error("the program's socket is still open after the run")
	}
	var exitAt, userZeroAt sim.Time = -1, -1
	for _, r := range k.Trace().Records() {
		switch {
		case r.Kind == sim.EvExit:
			exitAt = r.T
		case r.Kind == sim.EvNet && r.Obj == int32(sock.ID()) && sim.NetOp(r.Aux) == sim.NetUserBuf && r.Val == 0:
			userZeroAt = r.T
		}
	}
	if exitAt != 404*sim.Millisecond || userZeroAt != exitAt {
		t.Errorf("exit at %v, program buffer dropped at %v", exitAt, userZeroAt)
	}
}

// TestExitWithUnreadInputResets: a socket the program exits with unread
// input is closed by a reset, as close does on Linux: the peer finds the
// connection reset. Its listener is closed too: the port refuses.
func TestExitWithUnreadInputResets(t *testing.T) {
	got, _ := exitWorld(t, false, func(task *sim.Task, n *Net) error {
		s := n.NewSocket(nil)
		if err := s.Connect(task, "far", 9000); err != nil {
			return err
		}
		s.SendAll(task, []byte("hi"))
		l := n.NewSocket(nil) // the OS closes a listener too, freeing its port
		if err := l.Bind("", 25000); err != nil {
			return err
		}
		l.Listen(5)
		return task.Sleep(2 * sim.Second) // the peer's "late" arrives unread at 1.003s
	})
	check(t, got, `1.001s peer sent: <nil>
1.001s peer read "hi": <nil>
2.002s program exits: <nil>
2.003s peer read "": [Errno 104] Connection reset by peer
2.005s peer connects to the program's port: [Errno 111] Connection refused
`)
}
