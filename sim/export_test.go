package sim_test

import (
	"encoding/json"
	"strings"
	"testing"

	"asyncplay/sim"
)

// TestExportsAreValidJSON checks both exports parse as JSON and carry the
// run's tasks, states and counters.
func TestExportsAreValidJSON(t *testing.T) {
	k, _, _, _ := run(t, func(t *sim.Task) (any, error) {
		q := t.Kernel().NewQueue("jobs", sim.FIFO, 2)
		kid := t.Spawn("kid", func(t *sim.Task) (any, error) {
			for range 3 {
				if _, err := q.Get(t); err != nil {
					return nil, err
				}
			}
			t.Write(sim.Stdout, "tab\there \"quoted\" \x01\n")
			return nil, nil
		}, false)
		for i := range 3 {
			q.Put(t, i)
			t.Sleep(sim.Millisecond)
		}
		return t.Join(kid)
	})
	var lines strings.Builder
	must(t, k.Trace().WriteJSONL(&lines))
	for i, l := range strings.Split(strings.TrimSpace(lines.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %d not JSON: %v\n%s", i, err, l)
		}
		if m["seq"] != float64(i) {
			t.Fatalf("line %d has seq %v", i, m["seq"])
		}
	}
	var chrome strings.Builder
	must(t, k.Trace().WriteChrome(&chrome))
	var doc struct {
		TraceEvents []map[string]any
	}
	if err := json.Unmarshal([]byte(chrome.String()), &doc); err != nil {
		t.Fatalf("chrome trace not JSON: %v\n%s", err, chrome.String())
	}
	kinds := map[string]int{}
	for _, e := range doc.TraceEvents {
		kinds[e["ph"].(string)]++
	}
	if kinds["X"] == 0 || kinds["C"] == 0 || kinds["M"] < 3 || kinds["i"] == 0 {
		t.Errorf("chrome trace lacks slices, counters, thread names or instants: %v", kinds)
	}
}
