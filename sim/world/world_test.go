package world

import (
	"fmt"
	"strings"
	"testing"

	"asyncplay/sim"
	"asyncplay/sim/netsim"
)

// The package documentation's example parses, so the documented format is
// the real one.
func TestDocumentedExampleParses(t *testing.T) {
	example := `
host market.example latency 20ms bandwidth 1MB/s
loopback 50us
buffers send 16KiB recv 128KiB

client nc at 1s connect localhost:25000
    send "Hello\n"
    read line
    wait 500ms
    send "bye\n" x3 every 100ms
    read 3 lines
    close
clients 1000 load at 0s every 1ms connect localhost:25000
    send "ping {i}.{n}\n" x10 every 10ms
    read 10 lines
    close
terminal tty at 0s connect localhost:25000
type tty at 2s "hello\n"

source market on market.example:9000 rate 1000/s burst 200 every 1s record "tick {n} {t}\n" for 10s then close
sink slow on slow.example:9100 rate 10KB/s
http fib on fib.example:8080 delay 50ms respond fib

signal SIGINT at 30s
`
	s, err := Parse("", example)
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprintf("hosts %d clients %d sources %d sinks %d services %d typed %d signals %d sndbuf %d rcvbuf %d loopback %v",
		len(s.Hosts), len(s.Clients), len(s.Sources), len(s.Sinks), len(s.Services), len(s.Typed), len(s.Signals), s.SndBuf, s.RcvBuf, s.Loopback)
	if want := "hosts 3 clients 3 sources 1 sinks 1 services 1 typed 1 signals 1 sndbuf 16384 rcvbuf 131072 loopback 0.00005s"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	c := s.Clients[1]
	if c.Count != 1000 || c.Every != sim.Millisecond || len(c.Steps) != 3 || c.Steps[0].Times != 10 || !c.Quiet {
		t.Errorf("clients: %+v", c)
	}
	src := s.Sources[0]
	if src.Rate != 1000 || src.Burst != 200 || src.Period != sim.Second || src.For != 10*sim.Second || src.Record != "tick {n} {t}\n" {
		t.Errorf("source: %+v", src)
	}
	if h := s.Hosts[0]; h.Latency != 20*sim.Millisecond || h.Bandwidth != 1e6 {
		t.Errorf("host: %+v", h)
	}
}

// Each mistake is shown at its line with a caret under the word, and a
// suggestion when a known word is close.
func TestErrors(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"cilent nc at 1s connect localhost:25000", `
    cilent nc at 1s connect localhost:25000
    ^^^^^^
WorldError: unknown declaration "cilent"; did you mean "client"?`},
		{"client nc at 1s conect localhost:25000", `
    client nc at 1s conect localhost:25000
                    ^^^^^^
WorldError: expected "connect", not "conect"; did you mean "connect"?`},
		{"client nc at soon connect localhost:25000", `
    client nc at soon connect localhost:25000
                 ^^^^
WorldError: the time it connects: "soon" is not a duration such as 1s, 250ms or 100us`},
		{"client nc at 1s connect localhost", `
    client nc at 1s connect localhost
                            ^^^^^^^^^
WorldError: the address it connects to must be HOST:PORT, like localhost:25000, not "localhost"`},
		{"client nc at 1s", `
    client nc at 1s
                   ^
WorldError: "connect" is missing here`},
		{"\n\nclient nc at 1s connect localhots:25000", `line 3
    client nc at 1s connect localhots:25000
                            ^^^^^^^^^
WorldError: no host is named "localhots" (declare it with a host line, or put a source, sink or http service on it); did you mean "localhost"?`},
		{"client nc at 1s connect localhost:1\n    sned \"hi\"", `line 2
    sned "hi"
    ^^^^
WorldError: unknown step "sned"; did you mean "send"?`},
		{"client nc at 1s connect localhost:1\n    send hi", `
    send hi
         ^^
WorldError: send takes a text in double quotes, like "hello\n", or a size such as 64KiB, not "hi"`},
		{"client nc at 1s connect localhost:1\n    send \"a\\qb\"", `
    send "a\qb"
         ^^^^^^
WorldError: unknown escape \q (use \n, \r, \t, \\ or \")`},
		{"client nc at 1s connect localhost:1\n    read 3 lins", `
    read 3 lins
           ^^^^
WorldError: expected "lines" or "line" or "bytes", not "lins"; did you mean "lines"?`},
		{"  send \"x\"", `
    send "x"
    ^^^^
WorldError: an indented line is a client's step, but no client comes before it`},
		{"signal SIGINTT at 1s", `
    signal SIGINTT at 1s
           ^^^^^^^
WorldError: unknown signal "SIGINTT"; did you mean "SIGINT"?`},
		{"terminal tty at 0s connect localhost:1\ntype ttx at 1s \"x\"", `line 2
    type ttx at 1s "x"
         ^^^
WorldError: no terminal is named "ttx"; did you mean "tty"?`},
		{"sink a on localhost:9 rate 10/s\nsink b on localhost:9 rate 10/s", `line 2
    sink b on localhost:9 rate 10/s
              ^^^^^^^^^^^
WorldError: line 1 already listens on localhost:9`},
		{"client a at 0s connect localhost:1\nclient a at 0s connect localhost:1", `
    client a at 0s connect localhost:1
           ^
WorldError: "a" was already declared on line 1`},
		{"http h on h.example:80 respond fibonacci", `
    http h on h.example:80 respond fibonacci
                                   ^^^^^^^^^
WorldError: the response is fib, echo or a "text", not "fibonacci"`},
		{"host h latency 1ms extra", `
    host h latency 1ms extra
                       ^^^^^
WorldError: expected "ip" or "latency" or "bandwidth", not "extra"`},
	} {
		_, err := Parse("lesson.world", c.text)
		if err == nil {
			t.Errorf("%q: no error", c.text)
			continue
		}
		got := err.Error()
		if !strings.Contains(got, strings.TrimPrefix(c.want, "\n")) || !strings.HasPrefix(got, `  File "lesson.world", line`) {
			t.Errorf("%q:\ngot:\n%s\nwant it to contain:\n%s", c.text, got, c.want)
		}
	}
}

// trace records what the world's peers did on a run: its output lines.
func runWorld(t *testing.T, decl string, main sim.TaskFunc) (string, *sim.Kernel) {
	t.Helper()
	spec, err := Parse("", decl)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	k := sim.New(sim.WithOutput(&out, &out))
	if err := spec.Install(k); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Run("main", main); err != nil {
		fmt.Fprintln(&out, "run:", err)
	}
	return out.String(), k
}

// A source sends one record every 1/rate and a burst at the start of each
// period; {n} and {t} number and time each record.
func TestSourcePacing(t *testing.T) {
	var got strings.Builder
	runWorld(t, `source feed on feed.example:9000 rate 4/s burst 3 every 1s record "{n}@{t}\n" for 1.5s`,
		func(task *sim.Task) (any, error) {
			n := netsim.For(task.Kernel())
			s := n.NewSocket(nil)
			if err := s.Connect(task, "feed.example", 9000); err != nil {
				return nil, err
			}
			for {
				p, err := s.Recv(task, 1000)
				if err != nil || len(p) == 0 {
					return nil, err
				}
				fmt.Fprintf(&got, "%v %q\n", task.Kernel().Now(), p)
			}
		})
	// the burst and the steady record of the same moment arrive together
	want := `0.002s "1@0.001000\n2@0.001000\n3@0.001000\n4@0.001000\n"
0.252s "5@0.251000\n"
0.502s "6@0.501000\n"
0.752s "7@0.751000\n"
1.002s "8@1.001000\n9@1.001000\n10@1.001000\n11@1.001000\n"
1.252s "12@1.251000\n"
`
	if got.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", got.String(), want)
	}
}

// A sink reads a tenth of a second's worth of its rate at a time, so a
// writer that outpaces it is held to that rate by flow control.
func TestSinkHoldsTheWriterToItsRate(t *testing.T) {
	var got strings.Builder
	out, _ := runWorld(t, "buffers send 1000 recv 1000\nsink slow on slow.example:9100 rate 1000/s",
		func(task *sim.Task) (any, error) {
			n := netsim.For(task.Kernel())
			s := n.NewSocket(nil)
			if err := s.Connect(task, "slow.example", 9100); err != nil {
				return nil, err
			}
			for i := range 5 {
				if err := s.SendAll(task, make([]byte, 1000)); err != nil {
					return nil, err
				}
				fmt.Fprintf(&got, "%v wrote %d\n", task.Kernel().Now(), (i+1)*1000)
			}
			s.Close()
			return nil, task.Sleep(10 * sim.Second)
		})
	// 1000 bytes in flight and 1000 in the send buffer go at once; then
	// each 1000 waits for ten reads of 100 bytes, 100 ms apart
	want := `0.002s wrote 1000
0.002s wrote 2000
0.904s wrote 3000
1.904s wrote 4000
2.904s wrote 5000
`
	if got.String() != want || out != "[slow] received 5000 bytes\n" {
		t.Errorf("got:\n%s%s\nwant:\n%s", got.String(), out, want)
	}
}

// A client's steps can follow it after semicolons, for one-line
// declarations (the command line's --declare); a semicolon in a text is
// text.
func TestStepsOnOneLine(t *testing.T) {
	s, err := Parse("", `client q at 2s connect localhost:1; send "a;b\n"; read line; close`)
	if err != nil {
		t.Fatal(err)
	}
	c := s.Clients[0]
	if len(c.Steps) != 3 || c.Steps[0].Text != "a;b\n" || c.Steps[1].Kind != ReadLines || c.Steps[2].Kind != Close {
		t.Errorf("%+v", c.Steps)
	}
	_, err = Parse("", `signal SIGINT at 1s; close`)
	if err == nil || !strings.Contains(err.Error(), "an indented line is a client's step") {
		t.Errorf("a step after a signal: %v", err)
	}
}

// An HTTP service answers socket clients too: the request's path, after
// its delay, as HTTP/1.0, then it closes.
func TestHTTPServiceOverSockets(t *testing.T) {
	var got string
	var at sim.Time
	runWorld(t, "host fib.example latency 10ms\nhttp fib on fib.example:80 delay 100ms respond fib",
		func(task *sim.Task) (any, error) {
			s := netsim.For(task.Kernel()).NewSocket(nil)
			if err := s.Connect(task, "fib.example", 80); err != nil {
				return nil, err
			}
			s.SendAll(task, []byte("GET /fib?n=10 HTTP/1.0\r\n\r\n"))
			for {
				p, err := s.Recv(task, 1000)
				if err != nil || len(p) == 0 {
					at = task.Kernel().Now()
					return nil, err
				}
				got += string(p)
			}
		})
	want := "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 22\r\n\r\n{\"n\": 10, \"value\": 55}"
	if got != want || at != 140*sim.Millisecond {
		t.Errorf("at %v got %q\nwant %q at 0.14s", at, got, want)
	}
}

// A client or terminal declared to connect after the program has exited
// does not start; the clients already connected see the end of file of
// the sockets the OS closed at the exit.
func TestClientsDueAfterTheExitDoNotStart(t *testing.T) {
	out, k := runWorld(t, `client early at 1s connect localhost:25000; read all
client late at 5s connect localhost:25000; send "hi\n"; read line
clients 3 crowd at 1.5s every 1s connect localhost:25000; read all
terminal tty at 10s connect localhost:25000`,
		func(task *sim.Task) (any, error) {
			l := netsim.For(task.Kernel()).NewSocket(nil)
			if err := l.Bind("", 25000); err != nil {
				return nil, err
			}
			l.Listen(5)
			for range 2 {
				c, err := l.Accept(task)
				if err != nil {
					return nil, err
				}
				if err := c.SendAll(task, []byte("welcome\n")); err != nil {
					return nil, err
				}
			}
			return nil, task.Sleep(1200 * sim.Millisecond) // exits at 2.7s, crowd-2 connected, not accepted
		})
	// a group shows only its errors: crowd-1 reads in silence
	want := "[early] welcome\n[crowd-2] read: [Errno 104] Connection reset by peer\n"
	if out != want {
		t.Errorf("output:\n%swant:\n%s", out, want)
	}
	var names []string
	for _, ti := range k.Trace().Tasks {
		names = append(names, ti.Name)
	}
	if got := strings.Join(names, " "); got != "main early crowd-1 crowd-2" {
		t.Errorf("tasks %s", got)
	}
}
