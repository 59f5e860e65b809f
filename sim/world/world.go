// Package world declares the world outside a program: the hosts it talks
// to, scripted clients that connect to it, streaming sources, slow sinks,
// HTTP services, terminals fed by typed lines, and signals at given times.
// A lesson states its world in a few lines beside its program; the
// command line takes the same text from a file (--world FILE).
//
// # The declaration format
//
// One declaration per line; # starts a comment; indented lines are the
// steps of the client above them. Times are virtual: 10s, 250ms, 100us.
// Sizes are bytes, 64KiB or 1MB; rates are per second: 1000/s, 10KB/s.
//
//	host market.example latency 20ms bandwidth 1MB/s
//	loopback 50us
//	buffers send 16KiB recv 128KiB
//
//	client nc at 1s connect localhost:25000
//	    send "Hello\n"
//	    read line
//	    wait 500ms
//	    send "bye\n" x3 every 100ms
//	    read 3 lines
//	    close
//	client quick at 2s connect localhost:25000; send "hi\n"; read line; close
//	clients 1000 load at 0s every 1ms connect localhost:25000
//	    send "ping {i}.{n}\n" x10 every 10ms
//	    read 10 lines
//	    close
//	terminal tty at 0s connect localhost:25000
//	type tty at 2s "hello\n"
//
//	source market on market.example:9000 rate 1000/s burst 200 every 1s record "tick {n} {t}\n" for 10s then close
//	sink slow on slow.example:9100 rate 10KB/s
//	http fib on fib.example:8080 delay 50ms respond fib
//
//	signal SIGINT at 30s
//
// A client's steps may also follow it on its own line, after semicolons
// (so one command-line flag can declare a client). A client connects at
// its time and runs its steps: send TEXT (xN every
// DUR repeats it), send SIZE (that many bytes of filler lines), wait DUR, read line / read N lines / read N bytes /
// read all (to the end of file), shutdown (half close), close, reset
// (close by reset). {i} in a text is the client's number in its group,
// {n} the send's number. A single client or terminal shows what it reads
// in the output as "[nc] Hello"; a group of clients only shows its errors.
// A client at 0s connects before the program has started: it is refused,
// as it would be on a real machine; one due after the program has exited
// does not start. A terminal
// sends what is typed into it (type NAME at T "TEXT"), the run's input.
//
// A source streams records to each connection at its rate, in bursts if
// given ({n} is the record's number, {t} the virtual time it was sent),
// for a duration or forever, then closes (or, with "then reset", dies
// mid-transfer: the program gets ConnectionResetError). A sink reads at its rate, a
// tenth of a second's worth at a time, and reports the bytes it got. An
// http service answers each GET after its delay with fib (the Fibonacci
// number of the path's last part), echo (the path) or a "text".
//
// Hosts named after on or from are declared with a 1 ms link unless a
// host line says otherwise; localhost is the program's own machine.
package world

import (
	"fmt"
	"strings"

	"asyncplay/sim"
)

// Spec is a parsed world declaration.
type Spec struct {
	File      string
	Loopback  sim.Time // -1: the network's default
	SndBuf    int      // 0: the network's default
	RcvBuf    int
	Hosts     []*Host
	Clients   []*Client
	Sources   []*Source
	Sinks     []*Sink
	Services  []*Service
	Typed     []Typed
	Signals   []SignalAt
	declared  map[string]int // peer names, with their lines
	hostNames map[string]*Host
	listening map[string]int // host:port of the servers, with their lines
	lines     []string
}

// Host is a declared machine and its link to the program's.
type Host struct {
	Name      string
	IP        string
	Latency   sim.Time
	Bandwidth int64
}

// DefaultLatency is the one-way latency of a host nobody declared.
const DefaultLatency = sim.Millisecond

// Client is a scripted client, a group of them, or a terminal.
type Client struct {
	Name     string
	Count    int // 1 for a single client or a terminal
	At       sim.Time
	Every    sim.Time // between the group's connections
	Host     string
	Port     int
	From     string // its host; "" is localhost
	Steps    []Step
	Terminal bool
	Quiet    bool
	line     int
}

// StepKind says what a client's step does.
type StepKind uint8

const (
	Send StepKind = iota
	Wait
	ReadLines
	ReadBytes
	ReadAll
	Shutdown
	Close
	Reset
)

// Step is one step of a client's script.
type Step struct {
	Kind   StepKind
	Text   string   // Send
	Times  int      // Send: how many times (xN)
	Every  sim.Time // Send: between the times; Wait: how long
	N      int      // ReadLines, ReadBytes
	Repeat bool
}

// Source streams records to whoever connects.
type Source struct {
	Name   string
	Host   string
	Port   int
	Rate   float64 // records per second
	Burst  int     // records sent together (1: evenly paced)
	Period sim.Time
	Record string
	For    sim.Time // 0: forever
	Reset  bool     // end by resetting the connection, not closing it
}

// Sink reads slowly from whoever connects.
type Sink struct {
	Name string
	Host string
	Port int
	Rate float64 // bytes per second
	Tick sim.Time
}

// Service is an HTTP service.
type Service struct {
	Name    string
	Host    string
	Port    int
	Delay   sim.Time
	Respond string // "fib", "echo", or the literal text
	Literal bool
}

// Typed is a line typed into a terminal at a time.
type Typed struct {
	Terminal string
	At       sim.Time
	Text     string
	line     int
}

// SignalAt is a signal arriving at a time.
type SignalAt struct {
	Signal sim.Signal
	At     sim.Time
}

// Type adds a line typed into terminal at time at, as a `type` line does:
// how the page adds what a learner types to the run's input.
func (s *Spec) Type(terminal string, at sim.Time, text string) error {
	for _, c := range s.Clients {
		if c.Terminal && c.Name == terminal {
			s.Typed = append(s.Typed, Typed{Terminal: terminal, At: at, Text: text})
			return nil
		}
	}
	return fmt.Errorf("the world has no terminal named %q", terminal)
}

var declarations = []string{"host", "loopback", "buffers", "client", "clients", "terminal", "type",
	"source", "sink", "http", "signal"}

var stepWords = []string{"send", "wait", "read", "shutdown", "close", "reset"}

// Parse reads a world declaration; file names it in errors ("<world>"
// if empty).
func Parse(file, text string) (*Spec, error) {
	if file == "" {
		file = "<world>"
	}
	s := &Spec{File: file, Loopback: -1, declared: map[string]int{}, hostNames: map[string]*Host{}, listening: map[string]int{}}
	var last *Client
	s.lines = strings.Split(text, "\n")
	var lines []line
	for i, raw := range s.lines {
		l, err := split(i+1, raw)
		if err != nil {
			err.File = file
			return nil, err
		}
		lines = append(lines, steps(l)...)
	}
	for _, l := range lines {
		if len(l.words) == 0 {
			continue
		}
		r := &reader{file: file, l: l}
		if l.indent {
			if last == nil || last.Terminal {
				return nil, r.errAt(l.words[0], "an indented line is a client's step, but no client comes before it")
			}
			st, err := r.step()
			if err != nil {
				return nil, err
			}
			last.Steps = append(last.Steps, st)
			continue
		}
		last = nil
		c, err := s.declaration(r)
		if err != nil {
			return nil, err
		}
		if c != nil {
			last = c
		}
		if !r.done() {
			w, _ := r.peek()
			return nil, r.errAt(w, "unexpected %q at the end of the declaration", w.s)
		}
	}
	return s, s.check()
}

// declaration parses one top-level line; it returns the client whose
// steps may follow.
func (s *Spec) declaration(r *reader) (*Client, *Error) {
	w, _ := r.next("a declaration")
	if w.quoted {
		return nil, r.errAt(w, "a declaration starts with one of: %s", strings.Join(declarations, ", "))
	}
	switch w.s {
	case "host":
		return nil, s.hostDecl(r)
	case "loopback":
		d, err := r.duration("the loopback's latency")
		s.Loopback = d
		return nil, err
	case "buffers":
		return nil, s.buffers(r)
	case "client", "clients", "terminal":
		return s.client(r, w.s)
	case "type":
		return nil, s.typed(r)
	case "source", "sink", "http":
		return nil, s.server(r, w.s)
	case "signal":
		return nil, s.signal(r)
	}
	return nil, r.errAt(w, "unknown declaration %q%s", w.s, suggestOr(w.s, declarations))
}

func suggestOr(s string, known []string) string {
	if m := suggest(s, known); m != "" {
		return m
	}
	return " (one of: " + strings.Join(known, ", ") + ")"
}
