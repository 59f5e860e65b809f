package view

import (
	"fmt"
	"testing"

	"asyncplay/sim"
	"asyncplay/sim/netsim"
)

// pipeTrace is a writer filling a connection whose reader never reads:
// 1000 bytes reach the reader's buffer, 500 wait in the writer's.
func pipeTrace(t *testing.T) *sim.Trace {
	k := sim.New()
	n := netsim.For(k)
	n.SndBuf, n.RcvBuf = 500, 1000
	_, err := k.Run("main", func(task *sim.Task) (any, error) {
		l := n.NewSocket(nil)
		l.Bind("", 80)
		l.Listen(1)
		c := n.NewSocket(nil)
		if err := c.Connect(task, "localhost", 80); err != nil {
			return nil, err
		}
		task.Spawn("writer", func(w *sim.Task) (any, error) { return nil, c.SendAll(w, make([]byte, 1500)) }, true)
		return nil, task.Sleep(sim.Second)
	})
	if err != nil {
		t.Fatal(err)
	}
	return k.Trace()
}

func TestPipesAtTheCursor(t *testing.T) {
	tl := Build(pipeTrace(t))
	var got string
	for _, at := range []sim.Time{0, 120 * sim.Microsecond, sim.Second} {
		for _, o := range tl.ObjectsAt(at) {
			if p := o.Pipe; p != nil {
				got += fmt.Sprintf("%v %s: listening %v connected %v send %d/%d flight %d peer recv %d/%d\n",
					at, o.Object.Name, p.Listening, p.Connected, p.Send, p.SndCap, p.Flight, p.PeerRecv, p.RcvCap)
			}
		}
	}
	want := `0.000s 0.0.0.0:80 listening: listening true connected false send 0/500 flight 0 peer recv 0/0
0.000s 127.0.0.1:50000 to 127.0.0.1:80: listening false connected false send 0/500 flight 0 peer recv 0/0
0.00012s 0.0.0.0:80 listening: listening true connected false send 0/500 flight 0 peer recv 0/0
0.00012s 127.0.0.1:50000 to 127.0.0.1:80: listening false connected true send 500/500 flight 1000 peer recv 0/1000
0.00012s 127.0.0.1:80 from 127.0.0.1:50000: listening false connected true send 0/500 flight 0 peer recv 0/1000
1.000s 0.0.0.0:80 listening: listening true connected false send 0/500 flight 0 peer recv 0/0
1.000s 127.0.0.1:50000 to 127.0.0.1:80: listening false connected true send 500/500 flight 0 peer recv 1000/1000
1.000s 127.0.0.1:80 from 127.0.0.1:50000: listening false connected true send 0/500 flight 0 peer recv 0/1000
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// The plots are the queues first, then the sockets whose send buffers
// filled, fullest first; a socket that never buffered gets none.
func TestPlotsPreferQueuesThenFullSockets(t *testing.T) {
	tl := Build(pipeTrace(t))
	plots, any := PlotsOf(tl, 2)
	var names []string
	for _, g := range plots {
		names = append(names, fmt.Sprintf("%s peak %d", g.Object.Name, g.Peak()))
	}
	if got := fmt.Sprint(names, any); got != "[127.0.0.1:50000 to 127.0.0.1:80 peak 500] true" {
		t.Error(got)
	}
}

// What a library holds above the send buffer (asyncio's transport buffer)
// counts as unsent in the socket's gauge and has its own box in the pipe.
func TestPipeCountsTheLibrarysBuffer(t *testing.T) {
	k := sim.New()
	n := netsim.For(k)
	n.SndBuf, n.RcvBuf = 500, 1000
	k.Run("main", func(task *sim.Task) (any, error) {
		l := n.NewSocket(nil)
		l.Bind("", 80)
		l.Listen(1)
		c := n.NewSocket(nil)
		if err := c.Connect(task, "localhost", 80); err != nil {
			return nil, err
		}
		for range 3 {
			c.TrySend(make([]byte, 500)) // 1000 go on, 500 wait in the send buffer...
		}
		task.Sleep(sim.Millisecond)
		c.SetUserBuffered(3500) // ...and the library keeps the rest
		return nil, task.Sleep(sim.Second)
	})
	tl := Build(k.Trace())
	for _, o := range tl.ObjectsAt(sim.Second) {
		if p := o.Pipe; p != nil && p.Connected && p.Send > 0 {
			if got := fmt.Sprintf("user %d (%v) send %d peer recv %d, unsent %d", p.User, p.HasUser, p.Send, p.PeerRecv, o.Level); got != "user 3500 (true) send 500 peer recv 1000, unsent 4000" {
				t.Error(got)
			}
			return
		}
	}
	t.Error("no connected pipe with bytes to send")
}

// With more queues than plots, the plots go to the queues that held the
// most, shown in the order they were made: a publisher's fan-out to a fast
// and a slow subscriber plots the slow one's backlog, not an empty queue
// that happened to be made first.
func TestPlotsChooseTheQueuesThatHeldMost(t *testing.T) {
	k := sim.New()
	k.Run("main", func(task *sim.Task) (any, error) {
		fast := k.NewQueue("fast", sim.FIFO, 0)
		in := k.NewQueue("in", sim.FIFO, 0)
		slow := k.NewQueue("slow", sim.FIFO, 0)
		for i := range 3 {
			in.Put(task, i)
			slow.Put(task, i)
			slow.Put(task, i)
		}
		fast.Put(task, 0)
		fast.Get(task)
		return nil, nil
	})
	plots, _ := PlotsOf(Build(k.Trace()), 2)
	var names []string
	for _, g := range plots {
		names = append(names, fmt.Sprintf("%s peak %d", g.Object.Name, g.Peak()))
	}
	if got := fmt.Sprint(names); got != "[in peak 3 slow peak 6]" {
		t.Error(got)
	}
}
