package sim

import (
	"errors"
	"iter"
)

// QueueOrder is the order in which a [Queue] hands out its items.
type QueueOrder uint8

const (
	FIFO     QueueOrder = iota // curio's Queue
	LIFO                       // curio's LifoQueue
	Priority                   // curio's PriorityQueue: smallest first
)

// Less orders the items of a priority queue; it may fail (Python raises
// TypeError when items cannot be compared).
type Less func(a, b any) (bool, error)

// Queue is curio's Queue, LifoQueue and PriorityQueue. A maxsize of 0 makes
// it unbounded. Get and Put follow curio: a getter that arrives while others
// wait queues behind them, and each put or get wakes one waiter of the
// other side, which then checks again.
type Queue struct {
	k          *Kernel
	id         int
	order      QueueOrder
	maxsize    int
	less       Less
	items      []any // a ring for FIFO, a stack for LIFO, a heap for Priority
	head       int   // FIFO ring start
	n          int
	unfinished int
	getters    WaitQueue
	putters    WaitQueue
	joiners    WaitQueue
	shut       bool // Shutdown was called
}

// ErrShutDown is what Put and Get return on a queue that was shut down
// (asyncio's QueueShutDown).
var ErrShutDown = errors.New("queue shut down")

// NewQueue creates a FIFO or LIFO queue.
func (k *Kernel) NewQueue(name string, order QueueOrder, maxsize int) *Queue {
	kind := [...]string{FIFO: "Queue", LIFO: "LifoQueue", Priority: "PriorityQueue"}[order]
	return &Queue{k: k, id: k.newObject(kind, name, maxsize), order: order, maxsize: max(maxsize, 0)}
}

// NewPriorityQueue creates a priority queue ordered by less, with the same
// heap algorithm as Python's heapq so that equal items come out in the
// same order as under CPython.
func (k *Kernel) NewPriorityQueue(name string, maxsize int, less Less) *Queue {
	q := k.NewQueue(name, Priority, maxsize)
	q.less = less
	return q
}

// ID is the queue's object id in the trace.
func (q *Queue) ID() int { return q.id }

// Qsize is the number of items in the queue.
func (q *Queue) Qsize() int { return q.n }

// Maxsize is the queue's bound, 0 if unbounded.
func (q *Queue) Maxsize() int { return q.maxsize }

// Empty reports whether the queue has no items.
func (q *Queue) Empty() bool { return q.n == 0 }

// Full reports whether a put would block.
func (q *Queue) Full() bool { return q.maxsize > 0 && q.n >= q.maxsize }

// Unfinished counts items put but not yet marked done with TaskDone.
func (q *Queue) Unfinished() int { return q.unfinished }

// Getters and Putters are the numbers of tasks blocked on each side.
func (q *Queue) Getters() int { return q.getters.Len() }
func (q *Queue) Putters() int { return q.putters.Len() }

// Put adds item, blocking t while the queue is full.
func (q *Queue) Put(t *Task, item any) error {
	for !q.shut && q.Full() {
		if err := t.block(&q.putters, QueuePut, q.id, 0); err != nil {
			return err
		}
	}
	if q.shut {
		return ErrShutDown
	}
	return q.add(item)
}

// TryPut adds item if the queue is not full and reports whether it did.
func (q *Queue) TryPut(item any) (bool, error) {
	if q.shut {
		return false, ErrShutDown
	}
	if q.Full() {
		return false, nil
	}
	return true, q.add(item)
}

func (q *Queue) add(item any) error {
	// Like heapq.heappush, a failed comparison leaves the item in the queue.
	err := q.push(item)
	q.unfinished++
	q.k.emit(EvQueue, q.k.currentID(), q.id, QueuePut, int64(q.n), 0)
	if q.getters.head != nil {
		q.k.makeReady(q.getters.head, nil)
	}
	return err
}

// Get removes and returns an item, blocking t while the queue is empty.
func (q *Queue) Get(t *Task) (any, error) {
	mustWait := q.getters.head != nil // arrive behind those already waiting
	for mustWait || q.n == 0 {
		if q.shut && q.n == 0 {
			return nil, ErrShutDown
		}
		mustWait = false
		if err := t.block(&q.getters, QueueGet, q.id, 0); err != nil {
			return nil, err
		}
	}
	return q.take()
}

// All iterates over the items as they arrive, getting each with Get: the
// kernel's form of `async for item in queue`. Like curio's, the iteration
// never ends by itself; it stops when the loop breaks or when Get fails
// (a cancellation or a timeout), yielding that error last.
func (q *Queue) All(t *Task) iter.Seq2[any, error] {
	return func(yield func(any, error) bool) {
		for {
			item, err := q.Get(t)
			if !yield(item, err) || err != nil {
				return
			}
		}
	}
}

// TryGet removes an item if there is one.
func (q *Queue) TryGet() (any, bool, error) {
	if q.n == 0 && q.shut {
		return nil, false, ErrShutDown
	}
	if q.n == 0 {
		return nil, false, nil
	}
	item, err := q.take()
	return item, err == nil, err
}

func (q *Queue) take() (any, error) {
	item, err := q.pop()
	// Record the size even if pop failed: like heapq.heappop, a failed
	// comparison has already removed an item, and the trace must match.
	q.k.emit(EvQueue, q.k.currentID(), q.id, QueueGet, int64(q.n), 0)
	if err != nil {
		return nil, err
	}
	if q.putters.head != nil {
		q.k.makeReady(q.putters.head, nil)
	}
	return item, nil
}

// Shutdown shuts the queue down, as asyncio's Queue.shutdown (Python
// 3.13) does: puts fail from now on, and gets once the queue is empty;
// blocked putters and getters wake to find out. With immediate the items
// still queued are dropped (and count as done for Join).
func (q *Queue) Shutdown(immediate bool) {
	q.shut = true
	if immediate && q.n > 0 {
		for q.n > 0 {
			q.pop()
			if q.unfinished > 0 {
				q.unfinished--
			}
		}
		q.k.emit(EvQueue, q.k.currentID(), q.id, QueueGet, 0, 0)
		if q.unfinished == 0 {
			q.k.WakeAll(&q.joiners)
		}
	}
	q.k.WakeAll(&q.getters)
	q.k.WakeAll(&q.putters)
}

// TaskDone marks one item as processed; Join returns when all are.
func (q *Queue) TaskDone() error {
	if q.unfinished <= 0 {
		return &UsageError{Python: "ValueError", Msg: "task_done() called too many times"}
	}
	if q.unfinished--; q.unfinished == 0 {
		q.k.WakeAll(&q.joiners)
	}
	return nil
}

// Join blocks t until every item put has been marked done.
func (q *Queue) Join(t *Task) error {
	if q.unfinished <= 0 {
		return nil
	}
	// Block once, without re-checking the count when woken: as in curio
	// (and asyncio), the task_done that brings the count to zero releases
	// the joiners even if a new item is put before they run.
	return t.block(&q.joiners, QueueJoin, q.id, 0)
}

// Items lists the items in the order they would be got (for the monitor
// and the view); for a priority queue, in heap order.
func (q *Queue) Items() []any {
	out := make([]any, q.n)
	switch q.order {
	case FIFO:
		for i := range q.n {
			out[i] = q.items[(q.head+i)%len(q.items)]
		}
	case LIFO:
		for i := range q.n {
			out[i] = q.items[q.n-1-i]
		}
	default:
		copy(out, q.items[:q.n])
	}
	return out
}

func (q *Queue) push(item any) error {
	switch q.order {
	case FIFO:
		if q.n == len(q.items) {
			grown := make([]any, max(8, 2*len(q.items)))
			for i := range q.n {
				grown[i] = q.items[(q.head+i)%len(q.items)]
			}
			q.items, q.head = grown, 0
		}
		q.items[(q.head+q.n)%len(q.items)] = item
		q.n++
	case LIFO:
		q.items = append(q.items[:q.n], item)
		q.n++
	default:
		q.items = append(q.items[:q.n], item)
		q.n++
		return q.siftDown(0, q.n-1)
	}
	return nil
}

func (q *Queue) pop() (any, error) {
	switch q.order {
	case FIFO:
		item := q.items[q.head]
		q.items[q.head] = nil
		q.head = (q.head + 1) % len(q.items)
		q.n--
		return item, nil
	case LIFO:
		q.n--
		item := q.items[q.n]
		q.items[q.n] = nil
		return item, nil
	}
	// heapq.heappop
	q.n--
	last := q.items[q.n]
	q.items[q.n] = nil
	if q.n == 0 {
		return last, nil
	}
	item := q.items[0]
	q.items[0] = last
	return item, q.siftUp(0)
}

// siftDown and siftUp are heapq's _siftdown and _siftup, comparison for
// comparison, so ties resolve exactly as in CPython.
func (q *Queue) siftDown(start, pos int) error {
	h := q.items
	item := h[pos]
	for pos > start {
		parent := (pos - 1) >> 1
		lt, err := q.less(item, h[parent])
		if err != nil {
			return err
		}
		if !lt {
			break
		}
		h[pos] = h[parent]
		pos = parent
	}
	h[pos] = item
	return nil
}

func (q *Queue) siftUp(pos int) error {
	h, end, start := q.items, q.n, pos
	item := h[pos]
	child := 2*pos + 1
	for child < end {
		if right := child + 1; right < end {
			lt, err := q.less(h[child], h[right])
			if err != nil {
				return err
			}
			if !lt {
				child = right
			}
		}
		h[pos] = h[child]
		pos = child
		child = 2*pos + 1
	}
	h[pos] = item
	return q.siftDown(start, pos)
}
