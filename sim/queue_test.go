package sim_test

import (
	"errors"
	"fmt"
	"testing"

	"asyncplay/sim"
)

// queueEvents lists the EvQueue records of queue obj as
// "time taskN PUT|GET size".
func queueEvents(k *sim.Kernel, obj int) []string {
	var out []string
	for _, r := range syncRecords(k, sim.EvQueue, obj) {
		op := map[sim.State]string{sim.QueuePut: "PUT", sim.QueueGet: "GET"}[r.State]
		out = append(out, fmt.Sprintf("%s task%d %s %d", r.T, r.Task, op, r.Val))
	}
	return out
}

func checkList(tb testing.TB, what string, got, want []string) {
	tb.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		tb.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

// TestQueueOrder pins the order in which Queue (FIFO, including when its
// ring grows while wrapped) and LifoQueue hand out items, and Items().
func TestQueueOrder(t *testing.T) {
	var wrap []string // put 0..5, get 3, put 6..15, get the rest
	for i := range 6 {
		wrap = append(wrap, fmt.Sprint(i))
	}
	wrap = append(wrap, "-", "-", "-")
	for i := 6; i < 16; i++ {
		wrap = append(wrap, fmt.Sprint(i))
	}
	for _, tc := range []struct {
		name      string
		order     sim.QueueOrder
		ops       []string // "-" gets; anything else is put
		wantItems string   // Items() before draining
		wantGot   string
	}{
		{"fifo", sim.FIFO, []string{"a", "b", "c", "-", "d", "e"}, "[b c d e]", "[a b c d e]"},
		{"lifo", sim.LIFO, []string{"a", "b", "c", "-", "d", "e"}, "[e d b a]", "[c e d b a]"},
		{"fifo_wrapped_growth", sim.FIFO, wrap, "[3 4 5 6 7 8 9 10 11 12 13 14 15]",
			"[0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err, _ := run(t, func(m *sim.Task) (any, error) {
				q := m.Kernel().NewQueue("q", tc.order, 0)
				var got []any
				for _, op := range tc.ops {
					if op != "-" {
						must(t, q.Put(m, op))
						continue
					}
					x, err := q.Get(m)
					must(t, err)
					got = append(got, x)
				}
				if s := fmt.Sprint(q.Items()); s != tc.wantItems {
					t.Errorf("Items() = %s, want %s", s, tc.wantItems)
				}
				for !q.Empty() {
					x, err := q.Get(m)
					must(t, err)
					got = append(got, x)
				}
				if s := fmt.Sprint(got); s != tc.wantGot {
					t.Errorf("got %s, want %s", s, tc.wantGot)
				}
				return nil, nil
			})
			must(t, err)
		})
	}
}

// prio is a priority-queue item that compares by p only, so items with
// equal p are ties whose order only the heap algorithm decides.
type prio struct {
	p     int
	label string
}

func (x prio) String() string { return fmt.Sprintf("%d%s", x.p, x.label) }

func lessPrio(a, b any) (bool, error) { return a.(prio).p < b.(prio).p, nil }

// TestPriorityQueueMatchesHeapq pins that a PriorityQueue hands out tied
// items in exactly the order CPython's heapq does. The expected order was
// worked out once with python3 (heappush/heappop on objects whose __lt__
// compares p only) and is hardcoded here.
func TestPriorityQueueMatchesHeapq(t *testing.T) {
	_, _, err, _ := run(t, func(m *sim.Task) (any, error) {
		q := m.Kernel().NewPriorityQueue("pq", 0, lessPrio)
		put := func(items ...prio) {
			for _, x := range items {
				must(t, q.Put(m, x))
			}
		}
		var got []string
		get := func(n int) {
			for range n {
				x, err := q.Get(m)
				must(t, err)
				got = append(got, x.(prio).String())
			}
		}
		put(prio{3, "a"}, prio{1, "b"}, prio{3, "c"}, prio{1, "d"}, prio{2, "e"}, prio{1, "f"}, prio{3, "g"}, prio{2, "h"})
		if s, want := fmt.Sprint(q.Items()), "[1b 1d 1f 2h 2e 3c 3g 3a]"; s != want {
			t.Errorf("heap order = %s, want %s", s, want)
		}
		get(3)
		put(prio{1, "i"}, prio{2, "j"}, prio{3, "k"}, prio{1, "l"})
		get(9)
		checkList(t, "order", got, []string{"1b", "1f", "1d", "1i", "1l", "2e", "2j", "2h", "3g", "3c", "3a", "3k"})
		return nil, nil
	})
	must(t, err)
}

// TestPriorityQueueLessErrorPropagates pins that a failing comparison
// (Python's TypeError) is returned by Put and Get, leaving the heap as
// heapq leaves it: a failed push keeps the item, a failed pop loses the
// item it was returning. The trace records the size after both.
func TestPriorityQueueLessErrorPropagates(t *testing.T) {
	errCmp := errors.New("'<' not supported")
	less := func(a, b any) (bool, error) {
		if a == "bad" || b == "bad" {
			return false, errCmp
		}
		return a.(int) < b.(int), nil
	}
	var id int
	k, _, err, _ := run(t, func(m *sim.Task) (any, error) {
		q := m.Kernel().NewPriorityQueue("pq", 0, less)
		id = q.ID()
		must(t, q.Put(m, 1))
		must(t, q.Put(m, 2))
		if err := q.Put(m, "bad"); err != errCmp {
			t.Errorf("Put: got %v, want %v", err, errCmp)
		}
		if q.Qsize() != 3 || q.Unfinished() != 3 {
			t.Errorf("after failed put: qsize %d unfinished %d, want 3 3", q.Qsize(), q.Unfinished())
		}
		if x, err := q.Get(m); err != errCmp || x != nil {
			t.Errorf("Get: got %v, %v, want nil, %v", x, err, errCmp)
		}
		if s := fmt.Sprint(q.Items()); s != "[2 bad]" {
			t.Errorf("after failed get: items %s, want [2 bad]", s)
		}
		if x, ok, err := q.TryGet(); x != 2 || !ok || err != nil {
			t.Errorf("TryGet: got %v, %v, %v, want 2, true, nil", x, ok, err)
		}
		return nil, nil
	})
	must(t, err)
	// The trace follows the size through the failures too.
	checkList(t, "EvQueue records", queueEvents(k, id), []string{
		"0.000s task1 PUT 1", "0.000s task1 PUT 2", "0.000s task1 PUT 3",
		"0.000s task1 GET 2", "0.000s task1 GET 1",
	})
}

// TestQueueMaxsizeZeroIsUnbounded pins that maxsize 0 (and a negative
// one, as in Python) makes a queue that never blocks a putter.
func TestQueueMaxsizeZeroIsUnbounded(t *testing.T) {
	for _, maxsize := range []int{0, -1} {
		t.Run(fmt.Sprint(maxsize), func(t *testing.T) {
			var id int
			k, _, err, _ := run(t, func(m *sim.Task) (any, error) {
				q := m.Kernel().NewQueue("q", sim.FIFO, maxsize)
				id = q.ID()
				for i := range 1000 {
					must(t, q.Put(m, i))
				}
				if q.Qsize() != 1000 || q.Full() || q.Maxsize() != 0 {
					t.Errorf("qsize %d full %v maxsize %d, want 1000 false 0", q.Qsize(), q.Full(), q.Maxsize())
				}
				return nil, nil
			})
			must(t, err)
			if s := syncStates(k, id); s != "" {
				t.Errorf("a putter blocked:\n%s", s)
			}
		})
	}
}

// TestBoundedQueuePutBlocksUntilGet pins that a putter waits in QUEUE_PUT
// while the queue is full and each get wakes it, and that the trace
// records the queue's size after every put and get.
func TestBoundedQueuePutBlocksUntilGet(t *testing.T) {
	var id int
	k, _, err, out := run(t, func(m *sim.Task) (any, error) {
		q := m.Kernel().NewQueue("jobs", sim.FIFO, 2)
		id = q.ID()
		producer := m.Spawn("producer", func(tk *sim.Task) (any, error) {
			for i := 1; i <= 5; i++ {
				if err := q.Put(tk, i); err != nil {
					return nil, err
				}
				say(tk, "put %d, full=%v", i, q.Full())
			}
			return nil, nil
		}, false)
		consumer := m.Spawn("consumer", func(tk *sim.Task) (any, error) {
			for range 5 {
				must(t, tk.Sleep(sim.Second))
				x, err := q.Get(tk)
				if err != nil {
					return nil, err
				}
				say(tk, "got %v", x)
			}
			return nil, nil
		}, false)
		return nil, syncJoin(m, producer, consumer)
	})
	must(t, err)
	expect(t, out, `
		0.000s producer: put 1, full=false
		0.000s producer: put 2, full=true
		1.000s consumer: got 1
		1.000s producer: put 3, full=true
		2.000s consumer: got 2
		2.000s producer: put 4, full=true
		3.000s consumer: got 3
		3.000s producer: put 5, full=true
		4.000s consumer: got 4
		5.000s consumer: got 5
		`)
	want := "" +
		"0.000s task2 QUEUE_PUT\n" +
		"1.000s task2 QUEUE_PUT\n" +
		"2.000s task2 QUEUE_PUT\n"
	if got := syncStates(k, id); got != want {
		t.Errorf("blocking states:\n%swant:\n%s", got, want)
	}
	checkList(t, "EvQueue records", queueEvents(k, id), []string{
		"0.000s task2 PUT 1", "0.000s task2 PUT 2",
		"1.000s task3 GET 1", "1.000s task2 PUT 2",
		"2.000s task3 GET 1", "2.000s task2 PUT 2",
		"3.000s task3 GET 1", "3.000s task2 PUT 2",
		"4.000s task3 GET 1", "5.000s task3 GET 0",
	})
}

// TestQueuePuttersAreServedFIFO pins that blocked putters are woken one
// per get, in the order they started waiting.
func TestQueuePuttersAreServedFIFO(t *testing.T) {
	_, _, err, out := run(t, func(m *sim.Task) (any, error) {
		q := m.Kernel().NewQueue("q", sim.FIFO, 1)
		must(t, q.Put(m, "x"))
		putter := func(item string, delay sim.Time) sim.TaskFunc {
			return func(tk *sim.Task) (any, error) {
				must(t, tk.Sleep(delay))
				return nil, q.Put(tk, item)
			}
		}
		a := m.Spawn("a", putter("A", 2*sim.Second), false)
		b := m.Spawn("b", putter("B", 1*sim.Second), false)
		must(t, m.Sleep(3*sim.Second))
		say(m, "%d putters waiting", q.Putters())
		for range 3 {
			x, err := q.Get(m)
			must(t, err)
			say(m, "got %v", x)
			must(t, m.Sleep(sim.Second))
		}
		return nil, syncJoin(m, a, b)
	})
	must(t, err)
	expect(t, out, `
		3.000s main: 2 putters waiting
		3.000s main: got x
		4.000s main: got B
		5.000s main: got A
		`)
}

// TestQueueGettersAreServedFIFO pins that blocked getters receive items
// in the order they started waiting.
func TestQueueGettersAreServedFIFO(t *testing.T) {
	var id int
	k, _, err, out := run(t, func(m *sim.Task) (any, error) {
		q := m.Kernel().NewQueue("q", sim.FIFO, 0)
		id = q.ID()
		var gs []*sim.Task
		for _, g := range []struct {
			name  string
			delay sim.Time
		}{{"a", 3}, {"b", 1}, {"c", 2}} {
			gs = append(gs, m.Spawn(g.name, func(tk *sim.Task) (any, error) {
				must(t, tk.Sleep(g.delay*sim.Second))
				x, err := q.Get(tk)
				if err != nil {
					return nil, err
				}
				say(tk, "got %v", x)
				return nil, nil
			}, false))
		}
		must(t, m.Sleep(4*sim.Second))
		say(m, "%d getters waiting", q.Getters())
		for i := 1; i <= 3; i++ {
			must(t, q.Put(m, i))
		}
		return nil, syncJoin(m, gs...)
	})
	must(t, err)
	expect(t, out, `
		4.000s main: 3 getters waiting
		4.000s b: got 1
		4.000s c: got 2
		4.000s a: got 3
		`)
	want := "" +
		"1.000s task3 QUEUE_GET\n" +
		"2.000s task4 QUEUE_GET\n" +
		"3.000s task2 QUEUE_GET\n"
	if got := syncStates(k, id); got != want {
		t.Errorf("blocking states:\n%swant:\n%s", got, want)
	}
}

// TestQueueGetterArrivingWhileOthersWaitQueuesBehind pins curio's rule
// that a getter arriving while others wait queues behind them even if an
// item is there: main finds item A (already promised to the woken g1)
// and g2 still waiting, so it waits, and gets C, the item after g2's.
func TestQueueGetterArrivingWhileOthersWaitQueuesBehind(t *testing.T) {
	var id int
	k, _, err, out := run(t, func(m *sim.Task) (any, error) {
		q := m.Kernel().NewQueue("q", sim.FIFO, 0)
		id = q.ID()
		getter := func(tk *sim.Task) (any, error) {
			x, err := q.Get(tk)
			if err != nil {
				return nil, err
			}
			say(tk, "got %v", x)
			return nil, nil
		}
		g1 := m.Spawn("g1", getter, false)
		g2 := m.Spawn("g2", getter, false)
		p := m.Spawn("producer", func(tk *sim.Task) (any, error) {
			must(t, tk.Sleep(2*sim.Second))
			must(t, q.Put(tk, "B"))
			must(t, tk.Sleep(sim.Second))
			return nil, q.Put(tk, "C")
		}, false)
		must(t, m.Sleep(sim.Second))
		must(t, q.Put(m, "A"))
		say(m, "put A; qsize=%d, %d getter waiting", q.Qsize(), q.Getters())
		x, err := q.Get(m)
		must(t, err)
		say(m, "got %v", x)
		return nil, syncJoin(m, g1, g2, p)
	})
	must(t, err)
	expect(t, out, `
		1.000s main: put A; qsize=1, 1 getter waiting
		1.000s g1: got A
		2.000s g2: got B
		3.000s main: got C
		`)
	want := "" +
		"0.000s task2 QUEUE_GET\n" +
		"0.000s task3 QUEUE_GET\n" +
		"1.000s task1 QUEUE_GET\n"
	if got := syncStates(k, id); got != want {
		t.Errorf("blocking states:\n%swant:\n%s", got, want)
	}
}

// TestQueueCancelledGetterLeavesItems pins that a getter cancelled in
// QUEUE_GET leaves the queue's getters and takes nothing: a later item
// stays in the queue.
func TestQueueCancelledGetterLeavesItems(t *testing.T) {
	_, _, err, out := run(t, func(m *sim.Task) (any, error) {
		q := m.Kernel().NewQueue("q", sim.FIFO, 0)
		g := m.Spawn("g", func(tk *sim.Task) (any, error) {
			x, err := q.Get(tk)
			say(tk, "get returned %v, %v", x, err)
			return x, err
		}, false)
		must(t, m.Sleep(sim.Second))
		if _, err := m.Cancel(g, true); err != nil {
			return nil, err
		}
		must(t, q.Put(m, "item"))
		say(m, "qsize=%d getters=%d", q.Qsize(), q.Getters())
		return nil, nil
	})
	must(t, err)
	expect(t, out, `
		1.000s g: get returned <nil>, TaskCancelled
		1.000s main: qsize=1 getters=0
		`)
}

// TestQueueTryPutTryGet pins the non-blocking calls: TryGet on an empty
// queue and TryPut on a full one fail without error; each succeeds
// otherwise and wakes a waiter on the other side, as Put and Get do. The
// trace records each successful call with the size after it.
func TestQueueTryPutTryGet(t *testing.T) {
	var id int
	k, _, err, out := run(t, func(m *sim.Task) (any, error) {
		q := m.Kernel().NewQueue("q", sim.FIFO, 1)
		id = q.ID()
		x, ok, err := q.TryGet()
		say(m, "try_get on empty: %v %v %v", x, ok, err)
		ok, err = q.TryPut("x")
		say(m, "try_put x: %v %v", ok, err)
		ok, err = q.TryPut("y")
		say(m, "try_put y on full: %v %v qsize=%d", ok, err, q.Qsize())
		p := m.Spawn("putter", func(tk *sim.Task) (any, error) {
			if err := q.Put(tk, "z"); err != nil {
				return nil, err
			}
			say(tk, "put z")
			return nil, nil
		}, false)
		must(t, m.Sleep(sim.Second))
		x, ok, err = q.TryGet()
		say(m, "try_get: %v %v %v", x, ok, err)
		must(t, syncJoin(m, p))
		x, _, _ = q.TryGet()
		say(m, "try_get: %v", x)
		g := m.Spawn("getter", func(tk *sim.Task) (any, error) {
			x, err := q.Get(tk)
			say(tk, "got %v", x)
			return nil, err
		}, false)
		must(t, m.Sleep(sim.Second))
		ok, _ = q.TryPut("w")
		say(m, "try_put w: %v", ok)
		return nil, syncJoin(m, g)
	})
	must(t, err)
	expect(t, out, `
		0.000s main: try_get on empty: <nil> false <nil>
		0.000s main: try_put x: true <nil>
		0.000s main: try_put y on full: false <nil> qsize=1
		1.000s main: try_get: x true <nil>
		1.000s putter: put z
		1.000s main: try_get: z
		2.000s main: try_put w: true
		2.000s getter: got w
		`)
	checkList(t, "EvQueue records", queueEvents(k, id), []string{
		"0.000s task1 PUT 1",
		"1.000s task1 GET 0", "1.000s task2 PUT 1",
		"1.000s task1 GET 0",
		"2.000s task1 PUT 1", "2.000s task3 GET 0",
	})
}

// TestQueueJoinWaitsForTaskDone pins that Join waits in QUEUE_JOIN until
// every item put has been marked done, not merely taken.
func TestQueueJoinWaitsForTaskDone(t *testing.T) {
	var id int
	k, _, err, out := run(t, func(m *sim.Task) (any, error) {
		q := m.Kernel().NewQueue("q", sim.FIFO, 0)
		id = q.ID()
		worker := m.Spawn("worker", func(tk *sim.Task) (any, error) {
			for {
				x, err := q.Get(tk)
				if err != nil {
					return nil, err
				}
				must(t, tk.Sleep(sim.Second))
				say(tk, "done %v, qsize=%d unfinished=%d", x, q.Qsize(), q.Unfinished())
				must(t, q.TaskDone())
			}
		}, true)
		for _, x := range []string{"a", "b", "c"} {
			must(t, q.Put(m, x))
		}
		must(t, q.Join(m))
		say(m, "joined, unfinished=%d", q.Unfinished())
		// Join with nothing unfinished returns at once.
		must(t, q.Join(m))
		_, err := m.Cancel(worker, true)
		return nil, err
	})
	must(t, err)
	expect(t, out, `
		1.000s worker: done a, qsize=2 unfinished=3
		2.000s worker: done b, qsize=1 unfinished=2
		3.000s worker: done c, qsize=0 unfinished=1
		3.000s main: joined, unfinished=0
		`)
	want := "" +
		"0.000s task1 QUEUE_JOIN\n" +
		"3.000s task2 QUEUE_GET\n"
	if got := syncStates(k, id); got != want {
		t.Errorf("blocking states:\n%swant:\n%s", got, want)
	}
}

// TestQueueJoinReturnsWhenCountReachesZero pins curio's rule that the
// task_done that brings the count to zero releases the joiners even if a
// new item is put before they run. (The kernel used to re-check the
// count and put them back to sleep.)
func TestQueueJoinReturnsWhenCountReachesZero(t *testing.T) {
	_, _, err, out := run(t, func(m *sim.Task) (any, error) {
		q := m.Kernel().NewQueue("q", sim.FIFO, 0)
		must(t, q.Put(m, "first"))
		joiner := m.Spawn("joiner", func(tk *sim.Task) (any, error) {
			if err := q.Join(tk); err != nil {
				return nil, err
			}
			say(tk, "join returned, unfinished=%d", q.Unfinished())
			return nil, nil
		}, false)
		must(t, m.Sleep(sim.Second))
		x, err := q.Get(m)
		must(t, err)
		must(t, q.TaskDone())
		must(t, q.Put(m, "second")) // before the joiner runs
		say(m, "done %v, put second", x)
		return nil, syncJoin(m, joiner)
	})
	must(t, err)
	expect(t, out, `
		1.000s main: done first, put second
		1.000s joiner: join returned, unfinished=1
		`)
}

// TestQueueTaskDoneTooManyTimesIsValueError pins the ValueError for
// task_done without a matching put, and that the count is unchanged.
func TestQueueTaskDoneTooManyTimesIsValueError(t *testing.T) {
	const msg = "task_done() called too many times"
	_, _, err, _ := run(t, func(m *sim.Task) (any, error) {
		q := m.Kernel().NewQueue("q", sim.FIFO, 0)
		syncUsage(t, q.TaskDone(), "ValueError", msg)
		must(t, q.Put(m, 1))
		if _, err := q.Get(m); err != nil {
			return nil, err
		}
		must(t, q.TaskDone())
		syncUsage(t, q.TaskDone(), "ValueError", msg)
		if q.Unfinished() != 0 {
			t.Errorf("unfinished = %d, want 0", q.Unfinished())
		}
		return nil, nil
	})
	must(t, err)
}

// TestQueueAllIteratesUntilCancelled pins `async for msg in queue`: items
// come in order as they arrive, and a cancellation ends the loop with it.
func TestQueueAllIteratesUntilCancelled(t *testing.T) {
	_, _, err, out := run(t, func(t *sim.Task) (any, error) {
		q := t.Kernel().NewQueue("msgs", sim.FIFO, 0)
		reader := t.Spawn("reader", func(t *sim.Task) (any, error) {
			for msg, err := range q.All(t) {
				if err != nil {
					say(t, "stopped: %v", err)
					return nil, err
				}
				say(t, "got %v", msg)
			}
			return nil, nil
		}, false)
		for _, m := range []string{"a", "b"} {
			q.Put(t, m)
			t.Sleep(sim.Second)
		}
		_, err := t.Cancel(reader, true)
		return nil, err
	})
	must(t, err)
	expect(t, out, `
		0.000s reader: got a
		1.000s reader: got b
		2.000s reader: stopped: TaskCancelled
		`)
}
