package world

import (
	"bytes"
	"errors"
	"math"
	"strconv"
	"strings"

	"asyncplay/sim"
	"asyncplay/sim/netsim"
)

// peer is a peer task's connection with a read buffer, and how it shows
// what it reads.
type peer struct {
	t     *sim.Task
	s     *netsim.Socket
	name  string
	quiet bool // it does not show what it reads (it still shows errors)
	buf   []byte
	eof   bool
}

func (p *peer) show(text string) {
	if !p.quiet {
		p.say(text)
	}
}

func (p *peer) say(text string) {
	for _, line := range strings.SplitAfter(text, "\n") {
		if line != "" {
			p.t.Write(sim.Stdout, "["+p.name+"] "+strings.TrimSuffix(line, "\n")+"\n")
		}
	}
}

// fill reads once more; false at the end of file.
func (p *peer) fill() (bool, error) {
	if p.eof {
		return false, nil
	}
	b, err := p.s.Recv(p.t, 65536)
	if err != nil {
		return false, err
	}
	if len(b) == 0 {
		p.eof = true
		return false, nil
	}
	p.buf = append(p.buf, b...)
	return true, nil
}

// readLine returns the next line ("" at the end of file).
func (p *peer) readLine() (string, error) {
	for {
		if i := bytes.IndexByte(p.buf, '\n'); i >= 0 {
			line := string(p.buf[:i+1])
			p.buf = p.buf[i+1:]
			return line, nil
		}
		more, err := p.fill()
		if err != nil || !more {
			line := string(p.buf)
			p.buf = nil
			return line, err
		}
	}
}

// fail shows a socket error; a cancellation (the run ending) ends the
// peer quietly.
func (p *peer) fail(what string, err error) error {
	var c *sim.Cancelled
	if errors.As(err, &c) {
		return err
	}
	p.say(what + ": " + err.Error())
	return nil
}

func (c *Client) run(n *netsim.Net, name string, i int, term *terminal) sim.TaskFunc {
	return func(t *sim.Task) (any, error) {
		var from *netsim.Host
		if !isLocal(c.From) {
			from, _ = n.Resolve(c.From)
		}
		p := &peer{t: t, s: n.NewSocket(from), name: name, quiet: c.Quiet}
		if err := p.s.Connect(t, c.Host, c.Port); err != nil {
			return nil, p.fail("connect", err)
		}
		if term != nil {
			term.sock = p.s
			if len(term.pending) > 0 {
				p.s.TrySend(term.pending)
				term.pending = nil
			}
			for { // show what arrives as it arrives, prompts included
				b, err := p.s.Recv(t, 65536)
				if err != nil {
					return nil, p.fail("read", err)
				}
				if len(b) == 0 {
					p.show("(end of file)")
					return nil, nil
				}
				p.show(string(b))
			}
		}
		sent := 0
		for _, st := range c.Steps {
			if err := p.step(st, i, &sent); err == errStop {
				return nil, nil
			} else if err != nil {
				return nil, err
			}
		}
		return nil, nil
	}
}

// step runs one step of a client's script; a socket error ends the script.
func (p *peer) step(st Step, i int, sent *int) error {
	t := p.t
	switch st.Kind {
	case Send:
		for k := range st.Times {
			if k > 0 && st.Every > 0 {
				if err := t.Sleep(st.Every); err != nil {
					return err
				}
			}
			*sent++
			if err := p.s.SendAll(t, []byte(expand(st.Text, i, *sent, t.Kernel().Now()))); err != nil {
				return p.stop("send", err)
			}
		}
	case Wait:
		return t.Sleep(st.Every)
	case ReadLines:
		for range st.N {
			line, err := p.readLine()
			if err != nil {
				return p.stop("read", err)
			}
			if line == "" {
				p.show("(end of file)")
				return errStop
			}
			p.show(line)
		}
	case ReadBytes:
		for len(p.buf) < st.N {
			more, err := p.fill()
			if err != nil {
				return p.stop("read", err)
			}
			if !more {
				break
			}
		}
		n := min(st.N, len(p.buf))
		p.show(string(p.buf[:n]))
		p.buf = p.buf[n:]
	case ReadAll:
		for {
			line, err := p.readLine()
			if err != nil {
				return p.stop("read", err)
			}
			if line == "" {
				return nil
			}
			p.show(line)
		}
	case Shutdown:
		p.s.Shutdown(1)
	case Close:
		p.s.Close()
	case Reset:
		p.s.Abort()
	}
	return nil
}

// errStop ends a client's script early, quietly: what went wrong was shown.
var errStop = errors.New("the client stopped")

func (p *peer) stop(what string, err error) error {
	if err = p.fail(what, err); err == nil {
		err = errStop
	}
	return err
}

// serve streams records to one connection: one every 1/rate, plus a
// burst at the start of each period, for the source's duration.
func (src *Source) serve(c *netsim.Socket) sim.TaskFunc {
	return func(t *sim.Task) (any, error) {
		k := t.Kernel()
		start := k.Now()
		interval := sim.Time(float64(sim.Second) / src.Rate)
		nextSteady, nextBurst := start, start
		if src.Period <= 0 {
			nextBurst = math.MaxInt64
		}
		sent := 0
		for {
			at := min(nextSteady, nextBurst)
			if src.For > 0 && at >= start+src.For {
				if err := t.SleepUntil(start + src.For); err != nil {
					return nil, err
				}
				break
			}
			if err := t.SleepUntil(at); err != nil {
				return nil, err
			}
			count := 1
			if at == nextBurst {
				count = src.Burst
				nextBurst += src.Period
			} else {
				nextSteady += interval
			}
			var out []byte
			for range count {
				sent++
				out = append(out, expand(src.Record, 1, sent, k.Now())...)
			}
			if err := c.SendAll(t, out); err != nil {
				return nil, quiet(err)
			}
		}
		if src.Reset {
			c.Abort()
		} else {
			c.Close()
		}
		return nil, nil
	}
}

// quiet ends a server peer whose client went away; a cancellation still
// ends it as cancelled.
func quiet(err error) error {
	var c *sim.Cancelled
	if errors.As(err, &c) {
		return err
	}
	return nil
}

// serve reads from one connection at the sink's rate, a tick's worth at a
// time, and reports the total when the connection ends.
func (sk *Sink) serve(c *netsim.Socket) sim.TaskFunc {
	return func(t *sim.Task) (any, error) {
		per := max(int(sk.Rate*sk.Tick.Seconds()), 1)
		total := 0
		p := &peer{t: t, s: c, name: sk.Name}
		for {
			b, err := c.Recv(t, per)
			if err != nil {
				return nil, p.fail("read", err)
			}
			if len(b) == 0 {
				p.show("received " + strconv.Itoa(total) + " bytes")
				c.Close()
				return nil, nil
			}
			total += len(b)
			if err := t.Sleep(sk.Tick); err != nil {
				return nil, err
			}
		}
	}
}

// serve answers one HTTP request after the service's delay, then closes.
func (h *Service) serve(c *netsim.Socket) sim.TaskFunc {
	return func(t *sim.Task) (any, error) {
		p := &peer{t: t, s: c, name: h.Name, quiet: true}
		for !bytes.Contains(p.buf, []byte("\r\n\r\n")) && !bytes.Contains(p.buf, []byte("\n\n")) {
			more, err := p.fill()
			if err != nil {
				return nil, quiet(err)
			}
			if !more {
				break
			}
		}
		if err := t.Sleep(h.Delay); err != nil {
			return nil, err
		}
		status, body := 400, "bad request\n"
		if f := strings.Fields(strings.SplitN(string(p.buf), "\n", 2)[0]); len(f) >= 2 && f[0] == "GET" {
			status, body = h.Answer(f[1])
		}
		if err := c.SendAll(t, []byte(Response(status, body))); err != nil {
			return nil, quiet(err)
		}
		c.Close()
		return nil, nil
	}
}

// Answer is the service's answer to GET path: its text, the path for
// echo, or for fib the JSON {"n": N, "value": fib(N)} of the query's n
// (fib?n=30) or the path's last part (/fib/30), as the tutorial's
// Fibonacci service answers.
func (h *Service) Answer(path string) (int, string) {
	switch {
	case h.Literal:
		return 200, h.Respond
	case h.Respond == "echo":
		return 200, path
	}
	arg := path[strings.LastIndexByte(path, '/')+1:]
	if _, query, ok := strings.Cut(path, "?"); ok {
		for _, kv := range strings.Split(query, "&") {
			if v, ok := strings.CutPrefix(kv, "n="); ok {
				arg = v
			}
		}
	}
	n, err := strconv.Atoi(arg)
	if err != nil || n < 0 || n > 92 {
		return 404, "fib needs a number from 0 to 92, like /fib?n=30\n"
	}
	a, b := int64(0), int64(1)
	for range n {
		a, b = b, a+b
	}
	return 200, `{"n": ` + strconv.Itoa(n) + `, "value": ` + strconv.FormatInt(a, 10) + `}`
}

// Response is an HTTP/1.0 response with body.
func Response(status int, body string) string {
	reason := map[int]string{200: "OK", 400: "Bad Request", 404: "Not Found"}[status]
	return "HTTP/1.0 " + strconv.Itoa(status) + " " + reason + "\r\nContent-Type: text/plain\r\nContent-Length: " +
		strconv.Itoa(len(body)) + "\r\n\r\n" + body
}
