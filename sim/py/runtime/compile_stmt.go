package runtime

import (
	"fmt"

	"asyncplay/sim/py/syntax"
)

func (c *compiler) stmtBody(s syntax.Stmt) stmtFn {
	switch s := s.(type) {
	case *syntax.ExprStmt:
		return c.exprStmt(s)
	case *syntax.Assign:
		return c.assign(s)
	case *syntax.AugAssign:
		return c.augAssign(s)
	case *syntax.AnnAssign:
		if s.Value == nil {
			return func(*Frame) (ctl, error) { return ctlNext, nil }
		}
		return c.assign(&syntax.Assign{Span: s.Span, Targets: []syntax.Expr{s.Target}, Value: s.Value})
	case *syntax.Return:
		value := c.optExpr(s.Value)
		return func(fr *Frame) (ctl, error) {
			if value == nil {
				fr.ret = None
				return ctlReturn, nil
			}
			v, err := value(fr)
			if err != nil {
				return ctlNext, err
			}
			fr.ret = v
			return ctlReturn, nil
		}
	case *syntax.Pass, *syntax.Global, *syntax.Nonlocal:
		return func(*Frame) (ctl, error) { return ctlNext, nil }
	case *syntax.Break:
		return func(*Frame) (ctl, error) { return ctlBreak, nil }
	case *syntax.Continue:
		return func(*Frame) (ctl, error) { return ctlContinue, nil }
	case *syntax.If:
		return c.ifStmt(s)
	case *syntax.While:
		return c.while(s)
	case *syntax.For:
		return c.forStmt(s.Target, s.Iter, s.Body, s.Orelse, false)
	case *syntax.AsyncFor:
		return c.forStmt(s.Target, s.Iter, s.Body, s.Orelse, true)
	case *syntax.Try:
		return c.try(s)
	case *syntax.TryStar:
		return c.tryStar(s)
	case *syntax.Raise:
		return c.raise(s)
	case *syntax.Assert:
		return c.assert(s)
	case *syntax.Delete:
		return c.del(s)
	case *syntax.With:
		return c.with(s, s.Items, s.Body, false)
	case *syntax.AsyncWith:
		return c.with(s, s.Items, s.Body, true)
	case *syntax.Import:
		return c.importStmt(s)
	case *syntax.ImportFrom:
		return c.importFrom(s)
	case *syntax.FunctionDef:
		return c.def(s, s.Name, s.Args, s.Body, s.DecoratorList, false)
	case *syntax.AsyncFunctionDef:
		return c.def(s, s.Name, s.Args, s.Body, s.DecoratorList, true)
	case *syntax.ClassDef:
		return c.classDef(s)
	}
	return func(fr *Frame) (ctl, error) {
		return ctlNext, fr.fail(NewError(SyntaxErrorClass, "unsupported statement"), s)
	}
}

// exprStmt evaluates an expression for its effect. A coroutine dropped
// here was never awaited: CPython warns at once (its refcount hits zero).
func (c *compiler) exprStmt(s *syntax.ExprStmt) stmtFn {
	value := c.expr(s.Value)
	return func(fr *Frame) (ctl, error) {
		v, err := value(fr)
		if err != nil {
			return ctlNext, err
		}
		if d, ok := v.(Droppable); ok {
			if name := d.Dropped(); name != "" {
				warnNeverAwaited(fr, name)
			}
		}
		return ctlNext, nil
	}
}

// assign compiles `t1 = t2 = value`.
func (c *compiler) assign(s *syntax.Assign) stmtFn {
	value := c.expr(s.Value)
	targets := make([]func(fr *Frame, v Value) error, len(s.Targets))
	for i, t := range s.Targets {
		targets[i] = c.target(t)
	}
	if len(targets) == 1 {
		t := targets[0]
		return func(fr *Frame) (ctl, error) {
			v, err := value(fr)
			if err != nil {
				return ctlNext, err
			}
			return ctlNext, t(fr, v)
		}
	}
	return func(fr *Frame) (ctl, error) {
		v, err := value(fr)
		if err != nil {
			return ctlNext, err
		}
		for _, t := range targets {
			if err := t(fr, v); err != nil {
				return ctlNext, err
			}
		}
		return ctlNext, nil
	}
}

// target compiles an assignment target: a name, attribute, subscript, or
// a tuple/list of targets with at most one starred.
func (c *compiler) target(t syntax.Expr) func(fr *Frame, v Value) error {
	switch t := t.(type) {
	case *syntax.Name:
		store := c.nameStore(t.Id)
		return func(fr *Frame, v Value) error { store(fr, v); return nil }
	case *syntax.Attribute:
		obj := c.expr(t.Value)
		return func(fr *Frame, v Value) error {
			o, err := obj(fr)
			if err != nil {
				return err
			}
			if err := SetAttr(fr.th, o, t.Attr, v); err != nil {
				return fr.fail(err, t)
			}
			return nil
		}
	case *syntax.Subscript:
		obj, key := c.expr(t.Value), c.expr(t.Slice)
		return func(fr *Frame, v Value) error {
			o, err := obj(fr)
			if err != nil {
				return err
			}
			k, err := key(fr)
			if err != nil {
				return err
			}
			if err := SetItem(fr.th, o, k, v); err != nil {
				return fr.fail(err, t)
			}
			return nil
		}
	case *syntax.Tuple:
		return c.unpack(t, t.Elts)
	case *syntax.List:
		return c.unpack(t, t.Elts)
	case *syntax.Starred:
		return c.target(t.Value)
	}
	return func(fr *Frame, v Value) error {
		return fr.fail(NewError(SyntaxErrorClass, "cannot assign to expression"), t)
	}
}

// unpack assigns the items of an iterable to several targets, with
// CPython's messages when the counts do not match.
func (c *compiler) unpack(node syntax.Expr, elts []syntax.Expr) func(fr *Frame, v Value) error {
	star := -1
	subs := make([]func(fr *Frame, v Value) error, len(elts))
	for i, e := range elts {
		if _, ok := e.(*syntax.Starred); ok {
			star = i
		}
		subs[i] = c.target(e)
	}
	n := len(elts)
	return func(fr *Frame, v Value) error {
		var items []Value
		switch v := v.(type) {
		case Tuple:
			items = v
		case *List:
			items = v.Items
		default:
			var err error
			if items, err = Collect(fr.th, v); err != nil {
				if e, ok := err.(*Instance); ok && e.Class == TypeErrorClass && len(e.Exc.Traceback) == 0 {
					err = NewError(TypeErrorClass, "cannot unpack non-iterable "+TypeName(v)+" object")
				}
				return fr.fail(err, node)
			}
		}
		if star < 0 {
			if len(items) != n {
				if len(items) < n {
					return fr.fail(NewError(ValueErrorClass, fmt.Sprintf("not enough values to unpack (expected %d, got %d)", n, len(items))), node)
				}
				return fr.fail(NewError(ValueErrorClass, fmt.Sprintf("too many values to unpack (expected %d)", n)), node)
			}
			for i, sub := range subs {
				if err := sub(fr, items[i]); err != nil {
					return err
				}
			}
			return nil
		}
		if len(items) < n-1 {
			return fr.fail(NewError(ValueErrorClass, fmt.Sprintf("not enough values to unpack (expected at least %d, got %d)", n-1, len(items))), node)
		}
		after := n - 1 - star
		for i := range star {
			if err := subs[i](fr, items[i]); err != nil {
				return err
			}
		}
		rest := append([]Value(nil), items[star:len(items)-after]...)
		if err := subs[star](fr, &List{Items: rest}); err != nil {
			return err
		}
		for i := range after {
			if err := subs[star+1+i](fr, items[len(items)-after+i]); err != nil {
				return err
			}
		}
		return nil
	}
}

// augAssign compiles `t op= value`; the target's parts are evaluated once.
func (c *compiler) augAssign(s *syntax.AugAssign) stmtFn {
	value := c.expr(s.Value)
	op := binOps[s.Op]
	apply := func(fr *Frame, old, v Value) (Value, error) {
		if x, ok := old.(Int); ok && op == OpAdd {
			if y, ok := v.(Int); ok {
				if r := x + y; (r > x) == (y > 0) {
					return MakeInt(int64(r)), nil
				}
			}
		}
		r, err := InplaceOp(fr.th, op, old, v)
		if err != nil {
			return nil, fr.fail(err, s)
		}
		return r, nil
	}
	switch t := s.Target.(type) {
	case *syntax.Name:
		load := c.nameLoad(t)
		store := c.nameStore(t.Id)
		return func(fr *Frame) (ctl, error) {
			old, err := load(fr)
			if err != nil {
				return ctlNext, err
			}
			v, err := value(fr)
			if err != nil {
				return ctlNext, err
			}
			r, err := apply(fr, old, v)
			if err == nil {
				store(fr, r)
			}
			return ctlNext, err
		}
	case *syntax.Attribute:
		obj := c.expr(t.Value)
		return func(fr *Frame) (ctl, error) {
			o, err := obj(fr)
			if err != nil {
				return ctlNext, err
			}
			old, err := GetAttr(fr.th, o, t.Attr)
			if err != nil {
				return ctlNext, fr.fail(err, t)
			}
			v, err := value(fr)
			if err != nil {
				return ctlNext, err
			}
			r, err := apply(fr, old, v)
			if err != nil {
				return ctlNext, err
			}
			if err := SetAttr(fr.th, o, t.Attr, r); err != nil {
				return ctlNext, fr.fail(err, t)
			}
			return ctlNext, nil
		}
	case *syntax.Subscript:
		obj, key := c.expr(t.Value), c.expr(t.Slice)
		return func(fr *Frame) (ctl, error) {
			o, err := obj(fr)
			if err != nil {
				return ctlNext, err
			}
			k, err := key(fr)
			if err != nil {
				return ctlNext, err
			}
			old, err := GetItem(fr.th, o, k)
			if err != nil {
				return ctlNext, fr.fail(err, t)
			}
			v, err := value(fr)
			if err != nil {
				return ctlNext, err
			}
			r, err := apply(fr, old, v)
			if err != nil {
				return ctlNext, err
			}
			if err := SetItem(fr.th, o, k, r); err != nil {
				return ctlNext, fr.fail(err, t)
			}
			return ctlNext, nil
		}
	}
	return func(fr *Frame) (ctl, error) {
		return ctlNext, fr.fail(NewError(SyntaxErrorClass, "illegal expression for augmented assignment"), s)
	}
}

func (c *compiler) ifStmt(s *syntax.If) stmtFn {
	test, body, orelse := c.expr(s.Test), c.block(s.Body), c.block(s.Orelse)
	return func(fr *Frame) (ctl, error) {
		t, err := c.truth(fr, test, s.Test)
		if err != nil {
			return ctlNext, err
		}
		if t {
			return body(fr)
		}
		return orelse(fr)
	}
}

func (c *compiler) while(s *syntax.While) stmtFn {
	test, body, orelse := c.expr(s.Test), c.block(s.Body), c.block(s.Orelse)
	line := s.Start().Line
	return func(fr *Frame) (ctl, error) {
		for {
			fr.Line = line
			fr.th.Tick()
			t, err := c.truth(fr, test, s.Test)
			if err != nil {
				return ctlNext, err
			}
			if !t {
				return orelse(fr)
			}
			k, err := body(fr)
			switch {
			case err != nil:
				return ctlNext, err
			case k == ctlBreak:
				return ctlNext, nil
			case k == ctlReturn:
				return k, nil
			}
		}
	}
}

// forStmt compiles for (and async for) loops with their else clause.
// Getting the iterator is attributed to the iterable, as CPython's
// GET_ITER is; fetching each item to the line alone, as FOR_ITER is.
func (c *compiler) forStmt(target, iter syntax.Expr, bodyStmts, orelseStmts []syntax.Stmt, async bool) stmtFn {
	iterable, store := c.expr(iter), c.target(target)
	body, orelse := c.block(bodyStmts), c.block(orelseStmts)
	line := iter.Start().Line
	return func(fr *Frame) (ctl, error) {
		v, err := iterable(fr)
		if err != nil {
			return ctlNext, err
		}
		var next func() (Value, bool, error)
		if async {
			ai, err := aiter(fr.th, v)
			if err != nil {
				return ctlNext, fr.fail(err, iter)
			}
			next = func() (Value, bool, error) { return anext(fr.th, ai) }
		} else {
			it, err := Iter(fr.th, v)
			if err != nil {
				return ctlNext, fr.fail(err, iter)
			}
			next = func() (Value, bool, error) { return it.Next(fr.th) }
		}
		for {
			fr.Line = line // while the next item is fetched (awaited, for async for) the frame stands at the loop
			item, ok, err := next()
			if err != nil {
				return ctlNext, fr.failLine(err, line)
			}
			if !ok {
				return orelse(fr)
			}
			if err := store(fr, item); err != nil {
				return ctlNext, err
			}
			k, err := body(fr)
			switch {
			case err != nil:
				return ctlNext, err
			case k == ctlBreak:
				return ctlNext, nil
			case k == ctlReturn:
				return k, nil
			}
		}
	}
}

// handler is a compiled except (or except*) clause: its type, the name it
// binds and unbinds after, and its body.
type handler struct {
	typ   exprFn
	store func(fr *Frame, v Value)
	del   stmtFn
	body  stmtFn
	node  *syntax.ExceptHandler
}

// handlers compiles a try's clauses; typ compiles a clause's type (a bare
// except has none, an except* always has one).
func (c *compiler) handlers(hs []*syntax.ExceptHandler, typ func(syntax.Expr) exprFn) []handler {
	out := make([]handler, len(hs))
	for i, h := range hs {
		out[i] = handler{typ: typ(h.Type), body: c.block(h.Body), node: h}
		if h.Name != "" {
			out[i].store = c.nameStore(h.Name)
			out[i].del = c.nameDelete(&syntax.Name{Span: h.Span, Id: h.Name})
		}
	}
	return out
}

// try compiles try/except/else/finally.
func (c *compiler) try(s *syntax.Try) stmtFn {
	body, orelse, final := c.block(s.Body), c.block(s.Orelse), c.block(s.Finalbody)
	handlers := c.handlers(s.Handlers, c.optExpr)
	run := func(fr *Frame) (ctl, error) {
		k, err := body(fr)
		exc, isExc := err.(*Instance)
		if err == nil {
			if k != ctlNext {
				return k, nil
			}
			return orelse(fr)
		}
		if !isExc {
			return ctlNext, err // not a Python exception: nothing may catch it
		}
		for _, h := range handlers {
			match := true
			if h.typ != nil {
				t, err := h.typ(fr)
				if err != nil {
					return ctlNext, err
				}
				if match, err = excMatches(exc, t); err != nil {
					return ctlNext, fr.fail(err, h.node.Type)
				}
			}
			if !match {
				continue
			}
			if h.store != nil {
				h.store(fr, exc)
			}
			th := fr.th
			th.handling = append(th.handling, exc)
			k, err := h.body(fr)
			th.handling = th.handling[:len(th.handling)-1]
			if h.del != nil {
				h.del(fr) // `except E as e` unbinds e afterwards
			}
			chain(err, exc)
			return k, err
		}
		return ctlNext, err
	}
	if len(s.Finalbody) == 0 {
		return run
	}
	return c.withFinally(run, final)
}

// withFinally runs a finally block after run, whatever run did.
func (c *compiler) withFinally(run, final stmtFn) stmtFn {
	return func(fr *Frame) (ctl, error) {
		k, err := run(fr)
		inFlight, _ := err.(*Instance)
		if inFlight != nil {
			fr.th.handling = append(fr.th.handling, inFlight)
		}
		fk, ferr := final(fr)
		if inFlight != nil {
			fr.th.handling = fr.th.handling[:len(fr.th.handling)-1]
		}
		if ferr != nil {
			chain(ferr, inFlight)
			return ctlNext, ferr
		}
		if fk != ctlNext { // return/break/continue in finally discards the exception
			return fk, nil
		}
		return k, err
	}
}

// tryStar compiles try/except*/else/finally (compile.c's
// compiler_try_star_except). The body's exception is offered to each
// clause in turn: a clause takes the part that matches (a naked exception
// is wrapped in a group), the rest goes on. Every clause's type is
// evaluated and checked even once nothing is left. What the clauses
// raised and the unmatched rest leave together (prepReraiseStar).
func (c *compiler) tryStar(s *syntax.TryStar) stmtFn {
	body, orelse := c.block(s.Body), c.block(s.Orelse)
	handlers := c.handlers(s.Handlers, c.expr)
	run := func(fr *Frame) (ctl, error) {
		k, err := body(fr)
		if err == nil {
			if k != ctlNext {
				return k, nil
			}
			return orelse(fr)
		}
		orig, isExc := err.(*Instance)
		if !isExc {
			return ctlNext, err
		}
		th := fr.th
		th.handling = append(th.handling, orig)
		top := len(th.handling) - 1
		leave := func() { th.handling = th.handling[:top] }
		rest := orig
		var raised []*Instance
		for _, h := range handlers {
			t, err := h.typ(fr)
			if err == nil {
				if err = checkStarType(t); err != nil {
					err = fr.fail(err, h.node)
				}
			}
			if err != nil {
				chain(err, th.handling[top])
				leave()
				return ctlNext, err
			}
			if rest == nil {
				continue
			}
			match, r, err := starMatch(th, fr, rest, t)
			if err != nil {
				chain(err, th.handling[top])
				leave()
				return ctlNext, fr.fail(err, h.node)
			}
			if match == nil {
				continue
			}
			rest = r
			th.handling[top] = match // the clause handles its part
			if h.store != nil {
				h.store(fr, match)
			}
			_, err = h.body(fr)
			if h.del != nil {
				h.del(fr)
			}
			if err != nil {
				e, ok := err.(*Instance)
				if !ok {
					leave()
					return ctlNext, err
				}
				chain(e, match)
				raised = append(raised, e)
			}
		}
		leave()
		if rest != nil {
			raised = append(raised, rest)
		}
		out, err := prepReraiseStar(th, fr, orig, raised)
		if err != nil {
			return ctlNext, err
		}
		if out == nil {
			return ctlNext, nil
		}
		return ctlNext, out
	}
	if len(s.Finalbody) == 0 {
		return run
	}
	return c.withFinally(run, c.block(s.Finalbody))
}

// chain sets the implicit __context__ of an exception raised while
// another was being handled.
func chain(err error, handled *Instance) {
	e, ok := err.(*Instance)
	if !ok || handled == nil || e == handled || e.Exc == nil || e.Exc.Context != nil {
		return
	}
	for x := handled; x != nil; x = x.Exc.Context { // no cycles
		if x == e {
			return
		}
	}
	e.Exc.Context = handled
}

// excMatches is the test of an except clause: a class or tuple of classes
// that derive from BaseException.
func excMatches(exc *Instance, t Value) (bool, error) {
	switch t := t.(type) {
	case *Class:
		if !t.IsSubclass(BaseExceptionClass) {
			return false, NewError(TypeErrorClass, "catching classes that do not inherit from BaseException is not allowed")
		}
		return exc.Class.IsSubclass(t), nil
	case Tuple:
		for _, x := range t {
			if ok, err := excMatches(exc, x); err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	return false, NewError(TypeErrorClass, "catching classes that do not inherit from BaseException is not allowed")
}

// raise compiles raise, raise E, raise E from cause.
func (c *compiler) raise(s *syntax.Raise) stmtFn {
	exc, cause := c.optExpr(s.Exc), c.optExpr(s.Cause)
	return func(fr *Frame) (ctl, error) {
		th := fr.th
		if exc == nil { // bare raise: the exception being handled, traceback kept
			if len(th.handling) == 0 {
				return ctlNext, fr.fail(NewError(RuntimeErrorClass, "No active exception to reraise"), s)
			}
			return ctlNext, th.handling[len(th.handling)-1]
		}
		v, err := exc(fr)
		if err != nil {
			return ctlNext, err
		}
		e, err := makeException(th, v)
		if err != nil {
			return ctlNext, fr.fail(err, s)
		}
		if cause != nil {
			cv, err := cause(fr)
			if err != nil {
				return ctlNext, err
			}
			switch cv := cv.(type) {
			case none:
				e.Exc.Cause = nil
			default:
				ce, err := makeException(th, cv)
				if err != nil {
					return ctlNext, fr.fail(NewError(TypeErrorClass, "exception causes must derive from BaseException"), s)
				}
				e.Exc.Cause = ce
			}
			e.Exc.SuppressContext = true
		}
		if len(th.handling) > 0 {
			chain(e, th.handling[len(th.handling)-1])
		}
		e.Exc.frame = 0 // an explicit raise always adds this frame's entry
		return ctlNext, fr.fail(e, s)
	}
}

// makeException turns the operand of raise into an exception instance:
// a class is called with no arguments.
func makeException(th *Thread, v Value) (*Instance, error) {
	switch v := v.(type) {
	case *Instance:
		if v.Exc != nil {
			return v, nil
		}
	case *Class:
		if v.IsSubclass(BaseExceptionClass) {
			inst, err := v.Call(th, nil, nil)
			if err != nil {
				return nil, err
			}
			if e, ok := inst.(*Instance); ok && e.Exc != nil {
				return e, nil
			}
		}
	}
	return nil, NewError(TypeErrorClass, "exceptions must derive from BaseException")
}

func (c *compiler) assert(s *syntax.Assert) stmtFn {
	test, msg := c.expr(s.Test), c.optExpr(s.Msg)
	return func(fr *Frame) (ctl, error) {
		t, err := c.truth(fr, test, s.Test)
		if err != nil || t {
			return ctlNext, err
		}
		e := NewError(AssertionErrorClass, "")
		if msg != nil {
			m, err := msg(fr)
			if err != nil {
				return ctlNext, err
			}
			e.Exc.Args = Tuple{m}
		}
		return ctlNext, fr.fail(e, s.Test)
	}
}

func (c *compiler) del(s *syntax.Delete) stmtFn {
	var dels []stmtFn
	for _, t := range s.Targets {
		dels = append(dels, c.delTarget(t))
	}
	return func(fr *Frame) (ctl, error) {
		for _, d := range dels {
			if _, err := d(fr); err != nil {
				return ctlNext, err
			}
		}
		return ctlNext, nil
	}
}

func (c *compiler) delTarget(t syntax.Expr) stmtFn {
	switch t := t.(type) {
	case *syntax.Name:
		return c.nameDelete(t)
	case *syntax.Attribute:
		obj := c.expr(t.Value)
		return func(fr *Frame) (ctl, error) {
			o, err := obj(fr)
			if err != nil {
				return ctlNext, err
			}
			if err := DelAttr(fr.th, o, t.Attr); err != nil {
				return ctlNext, fr.fail(err, t)
			}
			return ctlNext, nil
		}
	case *syntax.Subscript:
		obj, key := c.expr(t.Value), c.expr(t.Slice)
		return func(fr *Frame) (ctl, error) {
			o, err := obj(fr)
			if err != nil {
				return ctlNext, err
			}
			k, err := key(fr)
			if err != nil {
				return ctlNext, err
			}
			if err := DelItem(fr.th, o, k); err != nil {
				return ctlNext, fr.fail(err, t)
			}
			return ctlNext, nil
		}
	case *syntax.Tuple:
		return c.del(&syntax.Delete{Span: t.Span, Targets: t.Elts})
	case *syntax.List:
		return c.del(&syntax.Delete{Span: t.Span, Targets: t.Elts})
	}
	return func(fr *Frame) (ctl, error) {
		return ctlNext, fr.fail(NewError(SyntaxErrorClass, "cannot delete expression"), t)
	}
}
