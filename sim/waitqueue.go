package sim

// WaitQueue is a FIFO of blocked tasks: curio's scheduler queue, the one
// abstraction every waiting object is built on. Tasks are linked through
// their own fields, so waiting allocates nothing and a cancelled waiter
// leaves the queue in O(1). The zero value is an empty queue.
type WaitQueue struct {
	head, tail *Task
	n          int
}

// Len is the number of waiting tasks.
func (q *WaitQueue) Len() int { return q.n }

// Tasks lists the waiting tasks in wake order.
func (q *WaitQueue) Tasks() []*Task {
	var out []*Task
	for t := q.head; t != nil; t = t.qnext {
		out = append(out, t)
	}
	return out
}

func (q *WaitQueue) push(t *Task) {
	t.waitQ, t.qprev, t.qnext = q, q.tail, nil
	if q.tail != nil {
		q.tail.qnext = t
	} else {
		q.head = t
	}
	q.tail = t
	q.n++
}

func (q *WaitQueue) remove(t *Task) {
	if t.qprev != nil {
		t.qprev.qnext = t.qnext
	} else {
		q.head = t.qnext
	}
	if t.qnext != nil {
		t.qnext.qprev = t.qprev
	} else {
		q.tail = t.qprev
	}
	t.waitQ, t.qprev, t.qnext = nil, nil, nil
	q.n--
}

// WakeOne makes the first waiter READY and returns it (nil if none).
func (k *Kernel) WakeOne(q *WaitQueue) *Task {
	t := q.head
	if t != nil {
		k.makeReady(t, nil)
	}
	return t
}

// WakeAll makes every waiter READY, in FIFO order, and returns how many.
func (k *Kernel) WakeAll(q *WaitQueue) int {
	n := 0
	for q.head != nil {
		k.makeReady(q.head, nil)
		n++
	}
	return n
}
