package modules_test

import (
	"path/filepath"
	"testing"

	"asyncplay/sim"
)

// TestFeedArrivesWhileTheProgramBlocks: a source streams a tick every 20
// ms to a program that blocks the event loop 50 ms per tick (time.sleep).
// The source runs on its own machine, so its ticks land in the program's
// receive buffer at their true times, 20 ms apart, while the program
// blocks; and the latency the program computes from each tick's
// timestamp includes the time it spent blocked (30 ms more per tick).
// Before, the source stopped with the program: its ticks were sent late,
// all at once, stamped late, and the latency hid the block.
func TestFeedArrivesWhileTheProgramBlocks(t *testing.T) {
	out, k := runWithWorld(t, filepath.Join("testdata", "net", "blocking_feed.py"))
	if want := dedent(`
		tick 1 latency 0.001
		tick 2 latency 0.031
		tick 3 latency 0.061
		tick 4 latency 0.091
		tick 5 latency 0.121
		tick 6 latency 0.151
		tick 7 latency 0.181
		tick 8 latency 0.211
		`); out != want {
		t.Errorf("output\n%s\nwant\n%s", out, want)
	}
	// The receive buffer of the program's socket grows by one tick at each
	// arrival, 20 ms apart, whether the program is blocked or not, and
	// while it blocks the ticks pile up there.
	var arrivals []sim.Time
	var first, most int64
	level := map[int32]int64{}
	for _, r := range k.Trace().Records() {
		if r.Kind != sim.EvNet || sim.NetOp(r.Aux) != sim.NetRecvBuf {
			continue
		}
		if r.Task == 0 && r.Val > level[r.Obj] { // delivered by the network
			arrivals = append(arrivals, r.T)
			if first == 0 {
				first = r.Val - level[r.Obj]
			}
			most = max(most, r.Val)
		}
		level[r.Obj] = r.Val
	}
	if len(arrivals) < 10 {
		t.Fatalf("%d arrivals", len(arrivals))
	}
	for i := 1; i < 10; i++ {
		if gap := arrivals[i] - arrivals[i-1]; gap != 20*sim.Millisecond {
			t.Errorf("tick %d arrived %v after tick %d, want 0.020s (arrivals %v)", i+1, gap, i, arrivals[:10])
		}
	}
	if most < 2*first {
		t.Errorf("the receive buffer held at most %d bytes, want ticks piling up (%d bytes each)", most, first)
	}
}
