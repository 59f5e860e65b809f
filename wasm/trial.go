package main

import (
	"strings"

	"asyncplay/sim"
	"asyncplay/sim/py/run"
	"asyncplay/wasm/view"
)

// Trial makes one run of a comparison, headless and in slices like the
// Player's, and keeps only what the comparison table shows: the run's
// measures and the course of its most telling gauge (the first queue, or
// the socket that backed up most: see comparedGauge).
type Trial struct {
	session        *run.Session
	stdout, stderr strings.Builder
	done           bool
	Result         TrialResult
}

// TrialResult is what a comparison shows of one run.
type TrialResult struct {
	ExitCode int
	Measures view.Measures
	// Series is the gauge's highest level in each of SeriesPoints equal
	// stretches of the run, so a brief peak still shows; Gauge names it
	// ("" if none).
	Series []float64
	Gauge  string
	End    sim.Time
}

// SeriesPoints is how many samples a trial's series has.
const SeriesPoints = 120

// NewTrial starts prog's run.
func NewTrial(prog Program) *Trial {
	t := &Trial{}
	t.session = run.Start(prog.Source, prog.config(&t.stdout, &t.stderr))
	return t
}

// Step runs the trial for up to budget kernel steps and reports whether it
// is done; then Result is filled.
func (t *Trial) Step(budget int64) bool {
	if t.done {
		return true
	}
	if !t.session.Step(budget) {
		return false
	}
	t.done = true
	res := t.session.Result()
	tl := view.Build(res.Kernel.Trace())
	t.Result = TrialResult{ExitCode: res.ExitCode, Measures: tl.Measure(), End: tl.End}
	if g := comparedGauge(tl); g != nil {
		t.Result.Gauge = g.Object.Label()
		t.Result.Series = bucketMax(g.Samples, tl.End)
	}
	return true
}

// comparedGauge is the gauge whose course a comparison row shows: the
// first queue the program made, so that every row of the table shows the
// same queue (the variants differ in one knob, not in their objects), or
// else the socket that backed up most.
func comparedGauge(tl *view.Timeline) *view.Gauge {
	for _, g := range tl.Gauges {
		if g != nil && view.Plotted(g.Object) && g.Object.Kind != "socket" {
			return g
		}
	}
	if plots, _ := view.PlotsOf(tl, 1); len(plots) > 0 {
		return plots[0]
	}
	return nil
}

// bucketMax is the highest level of samples in each of SeriesPoints equal
// stretches of [0, end].
func bucketMax(samples []view.Sample, end sim.Time) []float64 {
	out := make([]float64, SeriesPoints)
	bucket := func(t sim.Time) int {
		if end <= 0 {
			return 0
		}
		return min(int(float64(t)/float64(end)*SeriesPoints), SeriesPoints-1)
	}
	level, b := int64(0), 0
	for _, s := range samples {
		for ; b < bucket(s.T); b++ {
			out[b+1] = float64(level) // a stretch with no change keeps the level
		}
		level = s.Value
		out[b] = max(out[b], float64(level))
	}
	for b++; b < SeriesPoints; b++ {
		out[b] = float64(level)
	}
	return out
}
