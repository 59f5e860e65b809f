// The comparison table of a lesson's compare block: the program run once
// per value of one knob (a top-level assignment such as QUEUE_SIZE = 2),
// on the same seed, each run's measures in a row with the course of its
// queue (or backed-up connection) drawn to one scale, so the effect of the
// knob is read at a glance.

import { button, el } from "./dom";
import { loadEngine } from "./engine";

/**
 * The measures shown, in order, when some run has them non-zero. The
 * secondary ones are left out when every run has the same value: they
 * would only crowd the ones that differ.
 */
const columns: { name: string; label: string; secondary?: boolean }[] = [
  { name: "peak_queue", label: "peak queue" },
  { name: "p50_wait", label: "p50 wait" },
  { name: "p99_wait", label: "p99 wait" },
  { name: "throughput", label: "throughput" },
  { name: "peak_unsent", label: "peak unsent" },
  { name: "peak_tasks", label: "peak tasks", secondary: true },
  { name: "max_late", label: "latest timer", secondary: true },
  { name: "end", label: "run ends", secondary: true },
];

/** What the program to compare is, read when Compare is pressed. */
export interface Comparable {
  source(): string;
  seed: number;
  world: string | undefined;
  name: string;
}

/** Sets knob's first top-level assignment in src to value (as the lessons package's Variant). */
export function variant(src: string, knob: string, value: string): string {
  const lines = src.split("\n");
  const i = lines.findIndex((l) => !/^\s/.test(l) && l.includes("=") && l.split("=")[0]!.trim() === knob);
  if (i >= 0) lines[i] = `${knob} = ${value}`;
  return lines.join("\n");
}

/** Gives a compare aside its button and, when pressed, its table. */
export function comparison(aside: HTMLElement, program: Comparable): void {
  const knob = aside.dataset["knob"] ?? "";
  const values = (aside.dataset["values"] ?? "").split("\x1f").filter((v) => v !== "");
  const go = button("Compare", "compare", `Run the program once for each value of ${knob}, side by side`);
  const out = el("div", { className: "compare-table" });
  out.setAttribute("role", "status");
  aside.append(go, out);
  go.addEventListener("click", async () => {
    go.disabled = true;
    out.replaceChildren(el("p", { textContent: "Running…" }));
    try {
      const asyncplay = await loadEngine();
      const src = program.source();
      const rows: { value: string; trial: AsyncplayTrial }[] = [];
      for (const value of values) {
        out.replaceChildren(el("p", { textContent: `Running with ${knob} = ${value}…` }));
        const trial = await asyncplay.compare({
          source: variant(src, knob, value), name: program.name, seed: program.seed, world: program.world,
        });
        rows.push({ value, trial });
      }
      out.replaceChildren(table(knob, rows));
    } catch (err) {
      out.replaceChildren(el("p", { textContent: `Could not compare: ${err instanceof Error ? err.message : String(err)}` }));
    } finally {
      go.disabled = false;
    }
  });
}

function table(knob: string, rows: { value: string; trial: AsyncplayTrial }[]): HTMLTableElement {
  const text = (r: { trial: AsyncplayTrial }, name: string) => r.trial.measures[name]?.text ?? "";
  const shown = columns.filter((c) => rows.some((r) => (r.trial.measures[c.name]?.value ?? 0) !== 0) &&
    !(c.secondary && rows.every((r) => text(r, c.name) === text(rows[0]!, c.name))));
  const gauge = rows.find((r) => r.trial.gauge)?.trial.gauge ?? "";
  const top = Math.max(1, ...rows.flatMap((r) => r.trial.series));
  const t = el("table", { className: "compare" });
  const head = el("tr");
  head.append(el("th", { textContent: knob }), ...shown.map((c) => el("th", { textContent: c.label })));
  if (gauge) head.append(el("th", { textContent: `${gauge}, 0–${top}`, title: `${gauge} over each run, on one scale from 0 to ${top}` }));
  t.append(head);
  for (const { value, trial } of rows) {
    const tr = el("tr");
    tr.append(el("td", { textContent: value }));
    for (const c of shown) tr.append(el("td", { textContent: trial.measures[c.name]?.text ?? "" }));
    if (gauge) {
      const cell = el("td");
      cell.append(sparkline(trial.series, top));
      tr.append(cell);
    }
    if (trial.exitCode !== 0) tr.append(el("td", { className: "failed", textContent: `exit ${trial.exitCode}` }));
    t.append(tr);
  }
  return t;
}

/** The series as a small line, every row to the same scale. */
function sparkline(series: number[], top: number): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const w = 120, h = 28;
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
  svg.setAttribute("width", String(w));
  svg.setAttribute("height", String(h));
  svg.setAttribute("aria-hidden", "true");
  const line = document.createElementNS(ns, "polyline");
  const step = series.length > 1 ? w / (series.length - 1) : 0;
  line.setAttribute("points", series.map((v, i) => `${(i * step).toFixed(1)},${(h - 1 - (h - 2) * v / top).toFixed(1)}`).join(" "));
  svg.append(line);
  return svg;
}
