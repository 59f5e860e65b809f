package sim_test

import (
	"errors"
	"fmt"
	"os"

	"asyncplay/sim"
)

// A kernel runs a main task on a virtual clock: sleeping a second takes
// no real time, and the trace records every step.
func ExampleKernel_Run() {
	k := sim.New(sim.WithOutput(os.Stdout, os.Stderr))
	k.Run("countdown", func(t *sim.Task) (any, error) {
		for n := 3; n > 0; n-- {
			t.Write(sim.Stdout, fmt.Sprintf("%s T-minus %d\n", t.Kernel().Now(), n))
			if err := t.Sleep(sim.Second); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	fmt.Println("virtual time:", k.Now())
	// Output:
	// 0.000s T-minus 3
	// 1.000s T-minus 2
	// 2.000s T-minus 1
	// virtual time: 3.000s
}

// Spawning does not switch: the child first runs when its parent blocks.
// Joining a cancelled task reports a TaskError caused by the cancellation.
func ExampleTask_Cancel() {
	k := sim.New()
	_, err := k.Run("parent", func(t *sim.Task) (any, error) {
		kid := t.Spawn("kid", func(t *sim.Task) (any, error) {
			err := t.Sleep(1000 * sim.Second)
			fmt.Println("kid woke with:", err)
			return nil, err
		}, false)
		t.Sleep(5 * sim.Second)
		t.Cancel(kid, true)
		_, err := t.Join(kid)
		return nil, err
	})
	var te *sim.TaskError
	fmt.Println(errors.As(err, &te), errors.Unwrap(err), k.Now())
	// Output:
	// kid woke with: TaskCancelled
	// true TaskCancelled 5.000s
}

// Timeout blocks nest as in curio: when the outer deadline passes first,
// the inner block raises TimeoutCancellationError and the outer block
// turns it into TaskTimeout.
func ExampleTask_TimeoutAfter() {
	k := sim.New()
	k.Run("main", func(t *sim.Task) (any, error) {
		outer := t.TimeoutAfter(2*sim.Second, false)
		inner := t.TimeoutAfter(5*sim.Second, false)
		err := inner.Exit(t.Sleep(10 * sim.Second))
		fmt.Println("inner block raised:", err)
		err = outer.Exit(err)
		fmt.Println("outer block raised:", err)
		return nil, nil
	})
	// Output:
	// inner block raised: TimeoutCancellationError at 2.000s
	// outer block raised: TaskTimeout at 2.000s
}

// A task group with wait=any keeps the first task to finish and cancels
// the rest when its block is left.
func ExampleTaskGroup() {
	k := sim.New()
	k.Run("main", func(t *sim.Task) (any, error) {
		g := t.Kernel().NewTaskGroup("race", sim.WaitAny)
		for _, d := range []int{3, 1, 2} {
			g.Spawn(t, fmt.Sprint("sleep", d), func(t *sim.Task) (any, error) {
				return d, t.Sleep(sim.Time(d) * sim.Second)
			})
		}
		g.Exit(t, nil)
		winner, _ := g.Result()
		fmt.Println("winner:", g.Completed().Name(), winner, "at", t.Kernel().Now())
		return nil, nil
	})
	// Output:
	// winner: sleep1 1 at 1.000s
}

// The monitor answers `ps` about any moment of a recorded run.
func ExampleTrace_PS() {
	k := sim.New()
	k.Run("parent", func(t *sim.Task) (any, error) {
		kid := t.Spawn("kid", func(t *sim.Task) (any, error) {
			return nil, t.Sleep(1000 * sim.Second)
		}, false)
		t.Sleep(5 * sim.Second)
		t.Cancel(kid, true)
		return nil, nil
	})
	fmt.Print(k.Trace().PS(2 * sim.Second))
	// Output:
	// Task   State        Cycles     Timeout Sleep   Task
	// ------ ------------ ---------- ------- ------- --------------------------------------------------
	// 1      TIME_SLEEP   1          None    3.00000 parent
	// 2      TIME_SLEEP   1          None    998.000 kid
}

// Nothing ready, no timer and no input while tasks wait: a deadlock,
// reported with what every task waits on.
func ExampleDeadlockError() {
	k := sim.New()
	_, err := k.Run("main", func(t *sim.Task) (any, error) {
		q := t.Kernel().NewQueue("jobs", sim.FIFO, 0)
		_, err := q.Get(t)
		return nil, err
	})
	fmt.Println(err)
	// Output:
	// deadlock at 0.000s: every task is waiting and nothing can wake them
	//   task 1 "main" QUEUE_GET on Queue#1 'jobs'
}
