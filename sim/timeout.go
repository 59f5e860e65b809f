package sim

import "errors"

// Timeouts follow curio's model. Each task keeps a stack of the deadlines
// of its open timeout blocks and one timer armed at the earliest of them.
// When that timer fires, the task gets TaskTimeout at its blocking trap (or
// at its next one, if it was not blocked). On the way out, each block
// compares the time of the timeout with the deadlines still open:
//
//   - the outermost block whose deadline has passed raises TaskTimeout (or,
//     for ignore_after, swallows it and reports Expired);
//   - a block inside it, whose own deadline has not passed, turns the
//     exception into TimeoutCancellationError: it is being cancelled
//     because time ran out elsewhere;
//   - a timeout that no open block accounts for is UncaughtTimeoutError.
//
// Timers due at the same instant fire in the order they were armed, so in
// `timeout_after(1, sleep(1))` the deadline, armed first, wins: the call
// times out. (curio happens to wake the sleeper first there; a rule that
// depends only on order is easier to see and to explain.)

// TimeoutScope is an open timeout block (curio's timeout_after,
// timeout_at, ignore_after and ignore_at used with `async with`).
type TimeoutScope struct {
	t        *Task
	deadline Time
	prior    Time
	ignore   bool
	exited   bool
	// Expired is set by Exit when this block's own deadline was the one
	// that fired.
	Expired bool
}

// TimeoutAt opens a timeout block with an absolute deadline. With ignore,
// the block swallows its own timeout (ignore_at). Close it with Exit.
func (t *Task) TimeoutAt(deadline Time, ignore bool) *TimeoutScope {
	s := &TimeoutScope{t: t, deadline: deadline, prior: t.timeout, ignore: ignore}
	t.deadlines = append(t.deadlines, deadline)
	if deadline < t.timeout {
		t.setTimeout(deadline)
	}
	return s
}

// TimeoutAfter opens a timeout block that expires d from now.
func (t *Task) TimeoutAfter(d Time, ignore bool) *TimeoutScope {
	return t.TimeoutAt(t.k.now+max(d, 0), ignore)
}

// Deadline is the block's own deadline.
func (s *TimeoutScope) Deadline() Time { return s.deadline }

// Exit closes the block. err is how its body ended (nil if normally); Exit
// returns what the block raises in its place, following the rules above.
// Blocks must be closed innermost first.
func (s *TimeoutScope) Exit(err error) error {
	t := s.t
	if s.exited {
		return err
	}
	s.exited = true
	res := s.judge(err)
	t.deadlines = t.deadlines[:len(t.deadlines)-1]
	t.restoreTimeout(s.prior, res)
	return res
}

// judge applies the rules above while this block is still on the stack.
func (s *TimeoutScope) judge(err error) error {
	t := s.t
	c := asTimeout(err)
	if c == nil {
		return err
	}
	outer := -1 // the outermost open block whose deadline has passed
	for i, d := range t.deadlines {
		if d <= c.At {
			outer = i
			break
		}
	}
	switch {
	case outer < 0:
		return &UsageError{Python: "UncaughtTimeoutError", Msg: "Uncaught timeout received"}
	case outer < len(t.deadlines)-1: // time ran out in an enclosing block
		if c.Kind == TaskTimeout {
			return &Cancelled{Kind: TimeoutCancellation, At: c.At}
		}
		return err
	}
	s.Expired = true
	if s.ignore {
		return nil
	}
	if c.Kind == TimeoutCancellation {
		return &Cancelled{Kind: TaskTimeout, At: c.At}
	}
	return err
}

// restoreTimeout re-establishes the deadline in force before a block once
// the block has raised res. If that deadline has passed too and res does
// not carry the timeout out to the enclosing block, the timeout is left
// pending for the task's next blocking trap. A pending timeout that no open
// block is waiting for any more is dropped, so it cannot fire later.
func (t *Task) restoreTimeout(prior Time, res error) {
	if prior == never || prior > t.k.now {
		t.setTimeout(prior)
	} else {
		t.setTimeout(never)
		if c := asTimeout(res); (c == nil || c.At < prior) && t.cancelPending == nil {
			t.cancelPending = &Cancelled{Kind: TaskTimeout, At: t.k.now}
		}
	}
	if c := asTimeout(t.cancelPending); c != nil {
		for _, d := range t.deadlines {
			if d <= c.At {
				return
			}
		}
		t.cancelPending = nil
	}
}

// asTimeout returns err as a timeout (TaskTimeout or
// TimeoutCancellationError), or nil.
func asTimeout(err error) *Cancelled {
	var c *Cancelled
	if err != nil && errors.As(err, &c) && c.Kind != TaskCancelled {
		return c
	}
	return nil
}

// RunTimeout runs body inside a timeout block that expires at deadline:
// the call form of timeout_at/ignore_at. It reports whether the block's
// own deadline fired (only meaningful with ignore, since otherwise that
// returns TaskTimeout).
func (t *Task) RunTimeout(deadline Time, ignore bool, body func() error) (expired bool, err error) {
	s := t.TimeoutAt(deadline, ignore)
	err = s.Exit(body())
	return s.Expired, err
}

// setTimeout makes d the task's effective deadline (never: none) and
// re-arms its one timeout timer to match.
func (t *Task) setTimeout(d Time) {
	k := t.k
	if d == t.timeout && (d == never || t.timeoutTimer.idx >= 0) {
		return
	}
	t.timeout = d
	if d == never {
		if t.timeoutTimer.idx >= 0 {
			k.heap(&t.timeoutTimer).remove(&t.timeoutTimer)
		}
		k.emit(EvTimeout, t.id, 0, 0, -1, 0)
		return
	}
	k.heap(&t.timeoutTimer).arm(&t.timeoutTimer, d, &k.seq)
	k.emit(EvTimeout, t.id, 0, 0, int64(d), 0)
}

// fireTimeout delivers TaskTimeout to t, whose deadline has come.
func (k *Kernel) fireTimeout(t *Task) {
	t.timeout = never
	exc := &Cancelled{Kind: TaskTimeout, At: k.now}
	if t.state.Blocked() && t.allowCancel {
		k.makeReady(t, exc)
	} else if t.cancelPending == nil {
		t.cancelPending = exc
	}
}

// Timeout is the task's effective deadline and whether it has one.
func (t *Task) Timeout() (Time, bool) { return t.timeout, t.timeout != never }
