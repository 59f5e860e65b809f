package sim_test

import (
	"asyncplay/sim"
)

// scenario is a small program written against the kernel's Go API, shaped
// after the curio tutorial. Golden traces, determinism and slicing tests
// all run the same list.
type scenario struct {
	name string
	main sim.TaskFunc
	opts []sim.Option
}

var scenarios = []scenario{
	{"countdown", countdownMain, nil},
	{"parent_kid", parentKidMain, nil},
	{"producer_consumer", producerConsumerMain, nil},
	{"group_any", groupAnyMain, nil},
	{"cpu_hog", cpuHogMain, nil},
	{"shutdown", shutdownMain, nil},
}

func countdown(n int) sim.TaskFunc {
	return func(t *sim.Task) (any, error) {
		for ; n > 0; n-- {
			say(t, "T-minus %d", n)
			if err := t.Sleep(sim.Second); err != nil {
				return nil, err
			}
		}
		return nil, nil
	}
}

func countdownMain(t *sim.Task) (any, error) { return countdown(5)(t) }

// parentKidMain is the tutorial's parent who waits 10 seconds for a kid
// building the Millennium Falcon, then cancels it.
func parentKidMain(t *sim.Task) (any, error) {
	kid := t.Spawn("kid", func(t *sim.Task) (any, error) {
		say(t, "Building the Millenium Falcon in Minecraft")
		if err := t.Sleep(1000 * sim.Second); err != nil {
			say(t, "Fine. Saving my work.")
			return nil, err
		}
		return nil, nil
	}, false)
	if err := t.Sleep(5 * sim.Second); err != nil {
		return nil, err
	}
	say(t, "Let's go")
	count := t.Spawn("countdown", countdown(3), false)
	if _, err := t.Join(count); err != nil {
		return nil, err
	}
	say(t, "We're leaving!")
	_, err := t.RunTimeout(t.Kernel().Now()+10*sim.Second, false, func() error {
		_, err := t.Join(kid)
		return err
	})
	if err != nil {
		say(t, "I warned you!")
		if _, err := t.Cancel(kid, true); err != nil {
			return nil, err
		}
	}
	say(t, "Leaving!")
	return nil, nil
}

// producerConsumerMain pushes jobs through a bounded queue faster than
// the consumer takes them: the producer ends up waiting in QUEUE_PUT.
func producerConsumerMain(t *sim.Task) (any, error) {
	k := t.Kernel()
	q := k.NewQueue("jobs", sim.FIFO, 2)
	consumer := t.Spawn("consumer", func(t *sim.Task) (any, error) {
		for {
			job, err := q.Get(t)
			if err != nil {
				return nil, err
			}
			if job == nil {
				return nil, nil
			}
			t.Charge(10 * sim.Millisecond)
			say(t, "processed %v", job)
			if err := t.Sleep(500 * sim.Millisecond); err != nil {
				return nil, err
			}
		}
	}, false)
	for i := 1; i <= 5; i++ {
		if err := q.Put(t, i); err != nil {
			return nil, err
		}
		say(t, "queued %d (size %d)", i, q.Qsize())
	}
	if err := q.Put(t, nil); err != nil {
		return nil, err
	}
	return t.Join(consumer)
}

// groupAnyMain races three workers in a wait=any group: the first to
// finish wins, the others are cancelled in spawn order.
func groupAnyMain(t *sim.Task) (any, error) {
	g := t.Kernel().NewTaskGroup("race", sim.WaitAny)
	for i, d := range []sim.Time{3 * sim.Second, 1 * sim.Second, 2 * sim.Second} {
		name := []string{"slow", "fast", "medium"}[i]
		g.Spawn(t, name, func(t *sim.Task) (any, error) {
			if err := t.Sleep(d); err != nil {
				say(t, "cancelled")
				return nil, err
			}
			say(t, "done")
			return name, nil
		})
	}
	if err := g.Exit(t, nil); err != nil {
		return nil, err
	}
	winner, err := g.Result()
	say(t, "winner %v", winner)
	return winner, err
}

// cpuHogMain has one task compute for 3 seconds without awaiting while a
// ticker wants to run every 500 ms: the ticker's timers fire late.
func cpuHogMain(t *sim.Task) (any, error) {
	ticker := t.Spawn("ticker", func(t *sim.Task) (any, error) {
		for range 4 {
			if err := t.Sleep(500 * sim.Millisecond); err != nil {
				return nil, err
			}
			say(t, "tick")
		}
		return nil, nil
	}, false)
	hog := t.Spawn("hog", func(t *sim.Task) (any, error) {
		for range 300 {
			t.Charge(10 * sim.Millisecond)
		}
		say(t, "computed")
		return nil, nil
	}, false)
	if _, err := t.Join(hog); err != nil {
		return nil, err
	}
	return t.Join(ticker)
}

// shutdownMain returns while a daemon and a forgotten task still run: the
// kernel cancels them highest id first and warns about the forgotten one.
func shutdownMain(t *sim.Task) (any, error) {
	work := func(t *sim.Task) (any, error) {
		if err := t.Sleep(sim.Hour); err != nil {
			say(t, "cleaning up")
			return nil, err
		}
		return nil, nil
	}
	t.Spawn("daemon", work, true)
	t.Spawn("worker", work, false)
	t.Spawn("quick", func(t *sim.Task) (any, error) { return 42, nil }, false)
	if err := t.Sleep(sim.Second); err != nil {
		return nil, err
	}
	say(t, "main returns")
	return nil, nil
}
