package world

import (
	"strconv"
	"strings"

	"asyncplay/sim"
)

func (s *Spec) hostDecl(r *reader) *Error {
	name, err := r.name("the host's name")
	if err != nil {
		return err
	}
	h := s.host(name)
	if name == "localhost" || name == "127.0.0.1" {
		return r.errAt(r.l.words[1], "localhost is the program's own machine; set its latency with loopback")
	}
	for !r.done() {
		kw, err := r.keyword("ip", "latency", "bandwidth")
		if err != nil {
			return err
		}
		switch kw {
		case "ip":
			w, err := r.next("the host's address")
			if err != nil {
				return err
			}
			h.IP = w.s
		case "latency":
			if h.Latency, err = r.duration("the latency"); err != nil {
				return err
			}
		case "bandwidth":
			bw, err := r.rate("the bandwidth")
			if err != nil {
				return err
			}
			h.Bandwidth = int64(bw)
		}
	}
	return nil
}

// host finds or declares a host with the default link.
func (s *Spec) host(name string) *Host {
	if h, ok := s.hostNames[name]; ok {
		return h
	}
	h := &Host{Name: name, Latency: DefaultLatency}
	s.hostNames[name] = h
	s.Hosts = append(s.Hosts, h)
	return h
}

func isLocal(name string) bool { return name == "localhost" || name == "127.0.0.1" || name == "" }

func (s *Spec) buffers(r *reader) *Error {
	for !r.done() {
		kw, err := r.keyword("send", "recv")
		if err != nil {
			return err
		}
		w, err := r.next("a size")
		if err != nil {
			return err
		}
		n, perr := parseSize(w.s)
		if perr != "" || n <= 0 {
			return r.errAt(w, "a buffer's size must be positive, like 16KiB, not %q", w.s)
		}
		if kw == "send" {
			s.SndBuf = int(n)
		} else {
			s.RcvBuf = int(n)
		}
	}
	return nil
}

// declare registers a peer's name, which must be new.
func (s *Spec) declare(r *reader, name string) *Error {
	if line, ok := s.declared[name]; ok {
		return r.errAt(r.l.words[r.i-1], "%q was already declared on line %d", name, line)
	}
	s.declared[name] = r.l.no
	return nil
}

func (s *Spec) client(r *reader, kind string) (*Client, *Error) {
	c := &Client{Count: 1, Terminal: kind == "terminal", Quiet: kind == "clients", line: r.l.no}
	var err *Error
	if kind == "clients" {
		if c.Count, err = r.count("the number of clients"); err != nil {
			return nil, err
		}
		if c.Count == 0 {
			return nil, r.errAt(r.l.words[r.i-1], "a group needs at least one client")
		}
	}
	if c.Name, err = r.name("the " + kind + "'s name"); err != nil {
		return nil, err
	}
	if err := s.declare(r, c.Name); err != nil {
		return nil, err
	}
	if _, err := r.keyword("at"); err != nil {
		return nil, err
	}
	if c.At, err = r.duration("the time it connects"); err != nil {
		return nil, err
	}
	if kind == "clients" && r.optional("every") {
		if c.Every, err = r.duration("the time between connections"); err != nil {
			return nil, err
		}
	}
	if _, err := r.keyword("connect"); err != nil {
		return nil, err
	}
	if c.Host, c.Port, err = r.address("the address it connects to"); err != nil {
		return nil, err
	}
	if r.optional("from") {
		if c.From, err = r.name("the host it connects from"); err != nil {
			return nil, err
		}
		if !isLocal(c.From) {
			s.host(c.From)
		}
	}
	s.Clients = append(s.Clients, c)
	return c, nil
}

func (r *reader) step() (Step, *Error) {
	w, _ := r.next("a step")
	var st Step
	var err *Error
	switch w.s {
	case "send":
		st.Kind, st.Times = Send, 1
		if w, ok := r.peek(); ok && !w.quoted {
			// send 1MB: that many bytes of filler text, for bulk transfers
			n, perr := parseSize(w.s)
			if perr != "" || n <= 0 {
				return st, r.errAt(w, "send takes a text in double quotes, like \"hello\\n\", or a size such as 64KiB, not %q", w.s)
			}
			r.i++
			st.Text = filler(int(n))
			break
		}
		if st.Text, err = r.text("the text to send"); err != nil {
			return st, err
		}
		if x, ok := r.peek(); ok && strings.HasPrefix(x.s, "x") && !x.quoted {
			r.i++
			n, perr := parseCount(x.s[1:])
			if perr || n < 1 {
				return st, r.errAt(x, "a repeat is written x3, not %q", x.s)
			}
			st.Times = n
			if r.optional("every") {
				if st.Every, err = r.duration("the time between sends"); err != nil {
					return st, err
				}
			}
		}
	case "wait":
		st.Kind = Wait
		st.Every, err = r.duration("how long to wait")
	case "read":
		st, err = r.readStep()
	case "shutdown":
		st.Kind = Shutdown
	case "close":
		st.Kind = Close
	case "reset":
		st.Kind = Reset
	default:
		return st, r.errAt(w, "unknown step %q%s", w.s, suggestOr(w.s, stepWords))
	}
	if err == nil && !r.done() {
		x, _ := r.peek()
		err = r.errAt(x, "unexpected %q at the end of the step", x.s)
	}
	return st, err
}

func parseCount(s string) (int, bool) {
	n := 0
	if s == "" {
		return 0, true
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, true
		}
		n = n*10 + int(c-'0')
	}
	return n, false
}

// readStep parses read line / read N lines / read N bytes / read all.
func (r *reader) readStep() (Step, *Error) {
	st := Step{Kind: ReadLines, N: 1}
	w, err := r.next("what to read (line, N lines, N bytes or all)")
	if err != nil {
		return st, err
	}
	switch w.s {
	case "line":
		return st, nil
	case "all":
		st.Kind = ReadAll
		return st, nil
	}
	n, bad := parseCount(w.s)
	if bad || n < 1 {
		return st, r.errAt(w, "expected line, all, or a count such as 3 lines, not %q%s", w.s, suggest(w.s, []string{"line", "all"}))
	}
	st.N = n
	unit, err := r.keyword("lines", "line", "bytes")
	if err != nil {
		return st, err
	}
	if unit == "bytes" {
		st.Kind = ReadBytes
	}
	return st, nil
}

func (s *Spec) typed(r *reader) *Error {
	t := Typed{line: r.l.no}
	var err *Error
	if t.Terminal, err = r.name("the terminal's name"); err != nil {
		return err
	}
	if _, err := r.keyword("at"); err != nil {
		return err
	}
	if t.At, err = r.duration("the time it is typed"); err != nil {
		return err
	}
	if t.Text, err = r.text("the typed text"); err != nil {
		return err
	}
	s.Typed = append(s.Typed, t)
	return nil
}

// server parses a source, a sink or an http service.
func (s *Spec) server(r *reader, kind string) *Error {
	name, err := r.name("the " + kind + "'s name")
	if err != nil {
		return err
	}
	if err := s.declare(r, name); err != nil {
		return err
	}
	if _, err := r.keyword("on"); err != nil {
		return err
	}
	host, port, err := r.address("the address it listens on")
	if err != nil {
		return err
	}
	at := host + ":" + strconv.Itoa(port)
	if isLocal(host) {
		at = "localhost:" + strconv.Itoa(port)
	}
	if line, ok := s.listening[at]; ok {
		return r.errAt(r.l.words[r.i-1], "line %d already listens on %s", line, at)
	}
	s.listening[at] = r.l.no
	if !isLocal(host) {
		s.host(host)
	}
	switch kind {
	case "source":
		src := &Source{Name: name, Host: host, Port: port, Burst: 1, Record: "record {n}\n"}
		if _, err := r.keyword("rate"); err != nil {
			return err
		}
		if src.Rate, err = r.rate("the rate"); err != nil {
			return err
		}
		for !r.done() {
			kw, err := r.keyword("burst", "record", "for", "then")
			if err != nil {
				return err
			}
			switch kw {
			case "burst":
				if src.Burst, err = r.count("the burst's size"); err != nil {
					return err
				}
				if _, err := r.keyword("every"); err != nil {
					return err
				}
				if src.Period, err = r.duration("the time between bursts"); err != nil {
					return err
				}
			case "record":
				if src.Record, err = r.text("the record"); err != nil {
					return err
				}
			case "for":
				if src.For, err = r.duration("how long it streams"); err != nil {
					return err
				}
			case "then":
				end, err := r.keyword("close", "reset")
				if err != nil {
					return err
				}
				src.Reset = end == "reset"
			}
		}
		s.Sources = append(s.Sources, src)
	case "sink":
		k := &Sink{Name: name, Host: host, Port: port, Tick: 100 * sim.Millisecond}
		if _, err := r.keyword("rate"); err != nil {
			return err
		}
		if k.Rate, err = r.rate("the rate"); err != nil {
			return err
		}
		if r.optional("every") {
			if k.Tick, err = r.duration("the time between reads"); err != nil {
				return err
			}
		}
		s.Sinks = append(s.Sinks, k)
	case "http":
		h := &Service{Name: name, Host: host, Port: port}
		if r.optional("delay") {
			if h.Delay, err = r.duration("the delay"); err != nil {
				return err
			}
		}
		if _, err := r.keyword("respond"); err != nil {
			return err
		}
		w, err := r.next("the response: fib, echo or a \"text\"")
		if err != nil {
			return err
		}
		h.Respond, h.Literal = w.s, w.quoted
		if !w.quoted && w.s != "fib" && w.s != "echo" {
			return r.errAt(w, "the response is fib, echo or a \"text\", not %q%s", w.s, suggest(w.s, []string{"fib", "echo"}))
		}
		s.Services = append(s.Services, h)
	}
	return nil
}

func (s *Spec) signal(r *reader) *Error {
	w, err := r.next("the signal's name")
	if err != nil {
		return err
	}
	sig, ok := sim.ParseSignal(strings.ToUpper(w.s))
	if !ok {
		return r.errAt(w, "unknown signal %q%s", w.s, suggestOr(strings.ToUpper(w.s), []string{"SIGINT", "SIGTERM", "SIGHUP", "SIGUSR1", "SIGUSR2"}))
	}
	if _, err := r.keyword("at"); err != nil {
		return err
	}
	at, err := r.duration("the time it arrives")
	if err != nil {
		return err
	}
	s.Signals = append(s.Signals, SignalAt{sig, at})
	return nil
}

// check validates what refers to other declarations: typed lines name a
// terminal, clients connect to hosts that exist.
func (s *Spec) check() error {
	var terminals []string
	for _, c := range s.Clients {
		if c.Terminal {
			terminals = append(terminals, c.Name)
		}
	}
	for _, t := range s.Typed {
		found := false
		for _, n := range terminals {
			found = found || n == t.Terminal
		}
		if !found {
			return s.lineErr(t.line, t.Terminal, "no terminal is named "+quoteName(t.Terminal)+suggest(t.Terminal, terminals))
		}
	}
	var hosts []string
	for _, h := range s.Hosts {
		hosts = append(hosts, h.Name)
	}
	for _, c := range s.Clients {
		if !isLocal(c.Host) && s.hostNames[c.Host] == nil {
			return s.lineErr(c.line, c.Host+":", "no host is named "+quoteName(c.Host)+
				" (declare it with a host line, or put a source, sink or http service on it)"+suggest(c.Host, append([]string{"localhost"}, hosts...)))
		}
	}
	return nil
}

func quoteName(s string) string { return "\"" + s + "\"" }

// lineErr is an error on an earlier line, pointing at the first place
// word appears in it.
func (s *Spec) lineErr(line int, word, msg string) *Error {
	text := s.lines[line-1]
	col := max(strings.Index(text, word), 0)
	return &Error{File: s.File, Line: line, Col: col, Len: len(strings.TrimSuffix(word, ":")), Text: text, Msg: msg}
}

// filler is n bytes of lines of text, so bulk data still reads as lines.
func filler(n int) string {
	const line = "the quick brown fox jumps over the lazy dog 0123456789\n"
	return strings.Repeat(line, n/len(line)+1)[:n]
}
