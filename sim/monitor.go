package sim

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// TaskRow is one line of the monitor's `ps`: a live task as it stood at
// some moment of the run.
type TaskRow struct {
	ID      int
	Name    string
	State   State
	Cycles  int
	Timeout Time // deadline, or -1 if none
	Sleep   Time // wake-up time of TIME_SLEEP, or -1
	Loc     int32
}

// Rows lists the live tasks now, by id.
func (k *Kernel) Rows() []TaskRow {
	var rows []TaskRow
	for _, t := range k.tasks {
		if t == nil {
			continue
		}
		r := TaskRow{ID: t.id, Name: t.name, State: t.state, Cycles: t.cycles, Timeout: -1, Sleep: -1, Loc: t.loc}
		if t.timeout != never {
			r.Timeout = t.timeout
		}
		if t.sleepTimer.idx >= 0 {
			r.Sleep = t.sleepTimer.when
		}
		rows = append(rows, r)
	}
	return rows
}

// PS is the monitor's `ps` now.
func (k *Kernel) PS() string { return FormatPS(k.Rows(), k.now) }

// Where is the monitor's `where N` now. source, if not nil, returns the
// text of a source line, shown under each frame as curio does.
func (k *Kernel) Where(id int, source func(file string, line int) string) string {
	t := k.Task(id)
	if t == nil {
		return "No task " + itoa(int64(id)) + "\n"
	}
	stack := k.trace.Stack(t.loc)
	if t.where != nil {
		stack = t.where()
	}
	return formatWhere(t.String(), stack, source)
}

// SeqAt is the number of records stamped at or before time at: the trace
// prefix that describes the run as it stood at that time. A run the
// kernel stopped (a deadlock, a limit) ends with every task recorded as
// killed; the monitor shows the tasks as they stood when it stopped, which
// is what a learner diagnosing a hang needs, so the prefix ends before
// those records.
func (tr *Trace) SeqAt(at Time) int {
	n := 0
	for i, r := range tr.Records() {
		if r.T > at || r.Kind == EvDone && Outcome(r.Val) == Killed {
			return i
		}
		n = i + 1
	}
	return n
}

// Rows replays the first n records and lists the tasks alive after them,
// by id: the monitor at any past moment, without re-running anything.
func (tr *Trace) Rows(n int) []TaskRow {
	rows := map[int]*TaskRow{}
	for i, r := range tr.Records() {
		if i >= n {
			break
		}
		id := int(r.Task)
		switch r.Kind {
		case EvSpawn:
			info, _ := tr.Task(id)
			rows[id] = &TaskRow{ID: id, Name: info.Name, State: Initial, Timeout: -1, Sleep: -1}
		case EvState:
			row := rows[id]
			if row == nil {
				continue
			}
			row.State = r.State
			row.Sleep = -1
			switch {
			case r.State == Running:
				row.Cycles++
			case r.State == TimeSleep:
				row.Sleep = Time(r.Val)
			}
			if r.State.Blocked() {
				row.Loc = r.Aux
			}
		case EvTimeout:
			if row := rows[id]; row != nil {
				row.Timeout = Time(r.Val)
			}
		case EvTimer:
			if row := rows[id]; row != nil && r.State == Ready {
				row.Timeout = -1 // a deadline fired
			}
		case EvDone:
			delete(rows, id)
		}
	}
	out := make([]TaskRow, 0, len(rows))
	for _, row := range rows {
		out = append(out, *row)
	}
	slices.SortFunc(out, func(a, b TaskRow) int { return a.ID - b.ID })
	return out
}

// PS is the monitor's `ps` as the run stood at time at.
func (tr *Trace) PS(at Time) string { return FormatPS(tr.Rows(tr.SeqAt(at)), at) }

// Where is the monitor's `where N` as the run stood at time at.
func (tr *Trace) Where(id int, at Time, source func(file string, line int) string) string {
	for _, row := range tr.Rows(tr.SeqAt(at)) {
		if row.ID == id {
			t := "Task(id=" + itoa(int64(id)) + ", name=" + quote(row.Name) + ", state=" + quote(row.State.String()) + ")"
			return formatWhere(t, tr.Stack(row.Loc), source)
		}
	}
	return "No task " + itoa(int64(id)) + "\n"
}

// FormatPS prints rows in curio's monitor columns (without the trailing
// padding of the last column). Timeout and Sleep show the time remaining
// at now, as curio does.
func FormatPS(rows []TaskRow, now Time) string {
	var b strings.Builder
	b.WriteString("Task   State        Cycles     Timeout Sleep   Task\n")
	b.WriteString("------ ------------ ---------- ------- ------- --------------------------------------------------\n")
	for _, r := range rows {
		name := r.Name
		if len(name) > 50 {
			name = name[:50]
		}
		line := fmt.Sprintf("%-6d %-12s %-10d %-7s %-7s %s", r.ID, r.State, r.Cycles,
			remaining(r.Timeout, now), remaining(r.Sleep, now), name)
		b.WriteString(strings.TrimRight(line, " "))
		b.WriteByte('\n')
	}
	return b.String()
}

// remaining is curio's format((deadline - now), '0.6f')[:7], or None.
func remaining(deadline, now Time) string {
	if deadline < 0 {
		return "None"
	}
	s := strconv.FormatFloat((deadline - now).Seconds(), 'f', 6, 64)
	if len(s) > 7 {
		s = s[:7]
	}
	return s
}

func formatWhere(task string, stack []Frame, source func(string, int) string) string {
	var b strings.Builder
	b.WriteString("Stack for " + task + " (most recent call last):\n")
	if len(stack) == 0 {
		b.WriteString("  (no location recorded)\n")
	}
	for _, f := range stack {
		fmt.Fprintf(&b, "  File %q, line %d, in %s\n", f.File, f.Line, f.Func)
		if source != nil {
			if text := strings.TrimSpace(source(f.File, f.Line)); text != "" {
				b.WriteString("    " + text + "\n")
			}
		}
	}
	return b.String()
}
