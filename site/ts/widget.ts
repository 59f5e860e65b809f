// One lesson program made runnable: its listing becomes an editor, with
// controls to run it and move through the run (play, step, step back,
// scrub, speed), the view, a console showing the output as it was at the
// cursor time, and the monitor (ps, where, cancel, signal). The listing
// stays in the page, hidden: without JavaScript the figure reads as it was
// written.

import type { EditorView } from "@codemirror/view";
import { createEditor, goToLine, markLines, type LineMark } from "./editor";
import { attach, loadEngine, place } from "./engine";
import { button, el, download } from "./dom";
import { comparison } from "./compare";

/** The file name runs report errors against: the lesson's Markdown file. */
export function lessonFile(): string {
  const main = document.querySelector<HTMLElement>("main.lesson");
  return `${main?.dataset["lesson"] ?? "lesson"}.md`;
}

const speeds = [0.1, 0.25, 0.5, 1, 2, 5, 10];

/** What the page needs of a widget: keys and the URL drive it. */
export interface Widget {
  index: number;
  figure: HTMLElement;
  run(opts?: { play?: boolean; at?: number; keepCommands?: boolean }): Promise<void>;
  /** The monitor's commands the run was made with (cancel, signal). */
  commands: AsyncplayCommand[];
  /** The player's state, when this widget's run is the one on the view. */
  state(): AsyncplayState | undefined;
  bridge(): Asyncplay | undefined;
  source(): string;
  setSource(src: string): void;
  seed: number;
  edited(): boolean;
  /** Shows the view (empty until a run) under this program. */
  preview(): void;
  /** A click on the view: pause at time t, and show where task stands then. */
  pick(t: number, task: number): void;
  /** Whether this widget's program has been run on this page. */
  ran(): boolean;
}

let active: WidgetImpl | undefined;
const all: WidgetImpl[] = [];

/** The widget keys act on: the one that ran last, else the first. */
export function activeWidget(): Widget | undefined {
  return active ?? all[0];
}

export function widgets(): readonly Widget[] {
  return all;
}

/** Listeners told when the active widget's cursor or run changes (the URL). */
const changeListeners: ((w: Widget) => void)[] = [];
export function onWidgetChange(fn: (w: Widget) => void): void {
  changeListeners.push(fn);
}

class WidgetImpl implements Widget {
  private editor: EditorView;
  private original: string;
  private asyncplay: Asyncplay | undefined;
  private last: AsyncplayState | undefined;
  private ranSource = "";
  /** The lesson's world block after the program, if it has one. */
  private world: string | undefined;
  /** The exercise set on the program, if one follows it. */
  private exercise: HTMLElement | undefined;
  commands: AsyncplayCommand[] = [];
  private summary: AsyncplaySummary | null = null;
  private psAt = 0; // when ps was last read, on performance.now()'s clock

  private runButton = button("Run", "run", "Run the program (Ctrl-Enter in the editor)");
  private stopButton = button("Stop", "stop", "Stop making the run here, and play what it did so far");
  private playButton = button("Play", "play", "Play or pause (Space)");
  private backButton = button("◀ Back", "back", "Step back to the previous event (←, PageUp)");
  private stepButton = button("Step ▶", "step", "Step to the next event (→, PageDown)");
  private lineButton = button("Step line", "step-line", "Step until a task stands at another line (L)");
  private resetButton = button("Reset", "reset", "Back to the start of the run (Home)");
  private speed = el("select", { className: "speed", title: "Playing speed: virtual seconds per second" });
  private seedInput = el("input", { className: "seed", type: "number", min: "0", value: "0", title: "The run's random seed" });
  private scrubber = el("input", { className: "scrubber", type: "range", min: "0", max: "0", step: "any", value: "0" });
  private clock = el("output", { className: "clock" });
  private status = el("span", { className: "status" });
  private slot = el("div", { className: "view-slot" });
  private output = el("pre", { className: "console" });
  private monitor = el("details", { className: "monitor" });
  private ps = el("pre", { className: "ps" });
  private whereOut = el("pre", { className: "where" });
  private taskInput = el("input", { className: "task-id", type: "number", min: "1", value: "1" });
  private signal = el("select", { className: "signal" });
  private terminal = el("select", { className: "terminal" });
  private typed = el("input", { className: "typed", type: "text", placeholder: "a line to type", title: "Typed into the terminal at the cursor time (the run is made again)" });
  private applied = el("ul", { className: "commands" });

  constructor(readonly figure: HTMLElement, readonly index: number) {
    this.world = worldOf(figure);
    this.exercise = following(figure, "aside.exercise");
    const compare = following(figure, "aside.compare");
    if (compare) {
      const self = this;
      comparison(compare, {
        source: () => self.source(), get seed() { return self.seed; }, world: this.world, name: lessonFile(),
      });
    }
    const listing = figure.querySelector("pre");
    this.original = (listing?.textContent ?? "").replace(/\n$/, "");
    const holder = el("div", { className: "program-editor" });
    if (listing) {
      listing.before(holder);
      listing.hidden = true;
    } else {
      figure.prepend(holder);
    }
    this.editor = createEditor(holder, {
      doc: this.original,
      label: `Program ${index + 1}: Python source (Ctrl-Enter runs it)`,
      run: () => void this.run({ play: true }),
    });

    for (const s of speeds) this.speed.append(el("option", { value: String(s), textContent: `${s}×`, selected: s === 1 }));
    for (const s of ["SIGINT", "SIGTERM", "SIGHUP", "SIGUSR1"]) this.signal.append(el("option", { value: s, textContent: s }));
    this.status.setAttribute("role", "status");
    this.scrubber.setAttribute("aria-label", "Virtual time");
    this.clock.setAttribute("aria-live", "off");
    this.output.setAttribute("aria-label", "Program output at the cursor time");
    this.output.hidden = true;
    this.slot.hidden = true;
    this.monitor.hidden = true;

    const bar = el("div", { className: "program-bar" });
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", `Program ${index + 1} controls`);
    const seedLabel = el("label", { className: "seed-label", textContent: "seed " });
    seedLabel.append(this.seedInput);
    bar.append(this.runButton, this.stopButton, this.playButton, this.backButton, this.stepButton, this.lineButton, this.resetButton,
      this.speed, seedLabel, this.status);
    const timeBar = el("div", { className: "time-bar" });
    const zoomOut = button("−", "zoom-out", "Zoom the time axis out (-)");
    const zoomIn = button("+", "zoom-in", "Zoom the time axis in (+)");
    const exportTrace = button("Trace JSON", "export-trace", "Download the run as Chrome trace JSON (opens in Perfetto)");
    const exportPNG = button("PNG", "export-png", "Download the view as a PNG");
    timeBar.append(this.scrubber, this.clock, zoomOut, zoomIn, exportTrace, exportPNG);

    const summary = el("summary", { textContent: "Monitor: tasks at the cursor time" });
    const where = button("where", "where", "Show where the task stands (its stack)");
    const cancel = button("cancel", "cancel", "Cancel the task from the cursor time on (the run is made again)");
    const send = button("send", "send", "Send the signal at the cursor time (the run is made again)");
    const cmds = el("div", { className: "monitor-commands" });
    const taskLabel = el("label", { textContent: "task " });
    taskLabel.append(this.taskInput);
    cmds.append(taskLabel, where, cancel, el("span", { className: "sep", textContent: "·" }), this.signal, send);
    const terminals = terminalsOf(this.world);
    const typing = el("div", { className: "monitor-commands typing" });
    const type = button("type", "type", "Type the line into the terminal at the cursor time (the run is made again)");
    if (terminals.length) {
      // The world's terminals: what a learner types is the run's input.
      for (const t of terminals) this.terminal.append(el("option", { value: t, textContent: t }));
      typing.append(el("span", { textContent: "type into " }), this.terminal, this.typed, type);
    }
    typing.hidden = !terminals.length;
    this.monitor.append(summary, this.ps, cmds, typing, this.whereOut, this.applied);
    this.whereOut.hidden = true;
    figure.append(bar, timeBar, this.slot, this.output, this.monitor);
    this.playerControls(false);

    this.runButton.addEventListener("click", () => void this.run({ play: true }));
    this.stopButton.hidden = true;
    this.stopButton.addEventListener("click", () => this.mine()?.stop());
    this.playButton.addEventListener("click", () => this.togglePlay());
    this.backButton.addEventListener("click", () => this.step(false));
    this.stepButton.addEventListener("click", () => this.step(true));
    this.lineButton.addEventListener("click", () => this.mine()?.stepLine());
    this.resetButton.addEventListener("click", () => this.seek(0));
    this.speed.addEventListener("change", () => this.mine()?.setSpeed(Number(this.speed.value)));
    this.seedInput.addEventListener("change", () => { this.seed = Math.max(0, Math.trunc(this.seed)); });
    this.scrubber.addEventListener("input", () => this.seek(Number(this.scrubber.value)));
    zoomIn.addEventListener("click", () => this.zoom(2));
    zoomOut.addEventListener("click", () => this.zoom(0.5));
    exportTrace.addEventListener("click", () => {
      const b = this.mine();
      if (b) download(new Blob([b.chromeTrace()], { type: "application/json" }), `${this.fileStem()}.trace.json`);
    });
    exportPNG.addEventListener("click", async () => {
      const b = this.mine();
      if (b) download(await pngOf(await b.png()), `${this.fileStem()}.png`);
    });
    where.addEventListener("click", () => this.where(Number(this.taskInput.value)));
    cancel.addEventListener("click", () => this.command({ cancel: Number(this.taskInput.value) }));
    send.addEventListener("click", () => this.command({ signal: this.signal.value }));
    const typeLine = () => {
      if (!this.typed.value) return;
      this.command({ terminal: this.terminal.value, text: this.typed.value + "\n" });
      this.typed.value = "";
    };
    type.addEventListener("click", typeLine);
    this.typed.addEventListener("keydown", (e) => {
      e.stopPropagation(); // the page's keys (Space plays) are letters here
      if (e.key === "Enter") typeLine();
    });
    this.monitor.addEventListener("toggle", () => { this.refresh(); place(); });
    figure.addEventListener("focusin", () => { if (this.asyncplay) active = this; });
  }

  /** The bridge, if this widget's run is the one the view shows. */
  private mine(): Asyncplay | undefined {
    return active === this ? this.asyncplay : undefined;
  }

  get seed(): number { return Number(this.seedInput.value) || 0; }
  set seed(n: number) { this.seedInput.value = String(n); }

  bridge(): Asyncplay | undefined { return this.mine(); }
  state(): AsyncplayState | undefined { return this.mine() ? this.last : undefined; }
  source(): string { return this.editor.state.doc.toString(); }
  ran(): boolean { return this.summary !== null; }
  edited(): boolean { return this.source() !== this.original; }
  setSource(src: string): void {
    this.editor.dispatch({ changes: { from: 0, to: this.editor.state.doc.length, insert: src } });
  }

  preview(): void {
    if (active && active !== this) return;
    this.slot.hidden = false;
    attach(this.slot);
  }

  private fileStem(): string {
    return `${lessonFile().replace(/\.md$/, "")}-program-${this.index + 1}`;
  }

  /** Makes the run of the editor's program (and the commands given so far). */
  async run(opts: { play?: boolean; at?: number; keepCommands?: boolean } = {}): Promise<void> {
    if (this.runButton.disabled) return; // a run is being made
    if (!opts.keepCommands) this.commands = [];
    this.runButton.disabled = true;
    this.status.textContent = "Loading the engine…";
    delete this.status.dataset["exit"];
    try {
      const asyncplay = await loadEngine();
      if (active && active !== this) active.deactivate();
      active = this;
      this.asyncplay = asyncplay;
      this.slot.hidden = false;
      attach(this.slot);
      asyncplay.onchange = (s) => this.update(s);
      this.status.textContent = "Running…";
      this.ranSource = this.source();
      const summary = await asyncplay.run({
        source: this.ranSource, name: lessonFile(), seed: this.seed, commands: this.commands, world: this.world,
        play: opts.play ?? false,
      });
      if (!summary || active !== this) return; // another run took the view
      this.summary = summary;
      if (opts.at !== undefined) asyncplay.seek(opts.at);
      this.finished(summary);
      this.judge(asyncplay);
      this.playerControls(true);
      this.update(asyncplay.state());
    } catch (err) {
      this.status.textContent = `Could not run: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      this.runButton.disabled = false;
    }
  }

  /** Shows the exercise's verdict on the run just made. */
  private judge(b: Asyncplay): void {
    const check = this.exercise?.dataset["check"];
    if (!this.exercise || !check) return;
    let out = this.exercise.querySelector<HTMLElement>(".verdict");
    if (!out) {
      out = el("div", { className: "verdict" });
      out.setAttribute("role", "status");
      this.exercise.append(out);
    }
    const v = b.check(check);
    const passed = !v.error && v.ok === true && (this.summary?.exitCode ?? 1) === 0;
    out.className = `verdict ${passed ? "passed" : "not-yet"}`;
    const head = v.error ? `The check could not be read: ${v.error}`
      : passed ? "Done: this run passes the check."
      : (this.summary?.exitCode ?? 0) !== 0 ? "Not yet: the program must end without an error."
      : "Not yet:";
    out.replaceChildren(el("p", { textContent: head }), ...(v.parts ?? []).map((p) => el("p", { className: "part", textContent: p })));
  }

  private finished(s: AsyncplaySummary): void {
    this.status.dataset["exit"] = String(s.exitCode);
    if (s.syntaxError) {
      const e = s.syntaxError;
      // CPython reports a few compile errors at line -1 (a return leaving an except* block through a with).
      this.status.textContent = e.line >= 1 ? `SyntaxError on line ${e.line}: ${e.message}` : `SyntaxError: ${e.message}`;
      markLines(this.editor, [{ line: e.line, kind: "error", label: `SyntaxError: ${e.message}` }]);
      return;
    }
    this.stopButton.hidden = true;
    const stopped = /^asyncplay: (.*)$/m.exec(s.stderr);
    if (stopped) {
      // A limit, a deadlock or a fatal signal, in the kernel's own words.
      this.status.textContent = `Stopped at ${s.endText} of virtual time: ${stopped[1]!.replace(/ at [\d.]+s.*$/, "")}`;
    } else {
      this.status.textContent = s.exitCode === 0
        ? (s.exitText
          ? `Finished at ${s.exitText} of virtual time; the world outside ran on to ${s.endText} · ${s.events} trace events`
          : `Finished at ${s.endText} of virtual time · ${s.events} trace events`)
        : `Stopped with exit status ${s.exitCode} at ${s.exitText ?? s.endText} of virtual time`;
    }
  }

  /** Another widget took the view: this one keeps its text, not its controls. */
  private deactivate(): void {
    this.asyncplay = undefined;
    this.playerControls(false);
    this.slot.hidden = true;
    this.status.textContent = "The view shows another program now; Run brings this one back.";
    markLines(this.editor, []);
  }

  private playerControls(on: boolean): void {
    for (const c of [this.playButton, this.backButton, this.stepButton, this.lineButton, this.resetButton, this.scrubber, this.speed]) {
      c.disabled = !on;
    }
    this.monitor.hidden = !on;
  }

  togglePlay(): void {
    const b = this.mine();
    if (!b) return;
    if (b.state().playing) b.pause();
    else b.play();
  }

  step(forward: boolean): void { this.mine()?.step(forward); }
  stepLine(): void { this.mine()?.stepLine(); }
  seek(t: number): void { this.mine()?.seek(t); }

  zoom(factor: number): void {
    const b = this.mine();
    if (b) b.setZoom(Math.max(1, b.state().zoom * factor));
  }

  private where(id: number, at = this.last?.cursor): void {
    const b = this.mine();
    if (!b || at === undefined) return;
    this.whereOut.hidden = false;
    this.whereOut.textContent = b.where(id, at);
  }

  pick(t: number, task: number): void {
    const b = this.mine();
    if (!b) return;
    b.pause();
    b.seek(t);
    if (task > 0) {
      this.taskInput.value = String(task);
      this.monitor.open = true;
      this.where(task, t);
    }
  }

  /** Re-makes the run with a monitor command at the cursor time. */
  private command(c: { cancel?: number; signal?: string; terminal?: string; text?: string }): void {
    const at = this.last?.cursor ?? 0;
    this.commands.push({ at, ...c });
    void this.run({ at, keepCommands: true, play: false });
  }

  /** Shows the player's state: controls, clock, console, lines, monitor. */
  private update(s: AsyncplayState): void {
    if (active !== this) return;
    this.last = s;
    this.stopButton.hidden = s.phase !== "computing";
    if (s.phase === "computing") {
      this.status.textContent = `Running… ${s.progress} of virtual time`;
      return;
    }
    if (s.phase !== "ready" || !this.summary) return;
    this.playButton.textContent = s.playing ? "Pause" : "Play";
    this.scrubber.max = String(s.end);
    this.scrubber.value = String(s.cursor);
    this.scrubber.setAttribute("aria-valuetext", s.cursorText);
    this.clock.textContent = `${s.cursorText} / ${s.endText}`;
    this.speed.value = String(s.speed);
    this.fitView(s.height);
    this.refresh();
    for (const fn of changeListeners) fn(this);
  }

  /** Sizes the view to show every lane, within the window (presenter mode's stylesheet decides there). */
  private fitView(want: number): void {
    if (document.body.classList.contains("presenter") || want <= 0) {
      this.slot.style.height = "";
    } else {
      this.slot.style.height = `${Math.round(Math.min(Math.max(want, 240), innerHeight * 0.7))}px`;
    }
    place();
  }

  /** Redraws what is read at the cursor: console, editor marks, monitor. */
  private refresh(): void {
    const b = this.mine();
    const s = this.last;
    if (!b || !s || s.phase !== "ready") return;
    const out = b.console(s.cursor);
    this.showConsole(out.stdout, out.stderr);
    if (this.summary?.syntaxError) return;
    if (this.source() === this.ranSource) {
      const marks: LineMark[] = (b.lines(s.cursor) ?? []).filter((l) => l.line > 0)
        .map((l) => ({ line: l.line, kind: "task", label: `task ${l.task}: ${l.state}` }));
      markLines(this.editor, marks);
    } else {
      markLines(this.editor, []); // the lines belong to a program no longer in the editor
    }
    // ps replays the trace up to the cursor: while playing, four times a
    // second is enough to read it and keeps a long run's frames smooth.
    if (this.monitor.open && (!s.playing || performance.now() - this.psAt > 250)) {
      this.ps.textContent = b.ps(s.cursor);
      this.psAt = performance.now();
    }
    this.applied.replaceChildren(...this.commands.map((c) =>
      el("li", { textContent: `${describe(c)} at ${(c.at / 1e9).toFixed(6)}s` })));
  }

  /** The console: stdout, then stderr with its traceback frames linked to lines. */
  private showConsole(stdout: string, stderr: string): void {
    this.output.hidden = false;
    const parts: Node[] = [];
    if (stdout) parts.push(document.createTextNode(stdout));
    if (stderr) {
      const err = el("span", { className: "stderr" });
      const file = lessonFile();
      const frame = /File "([^"]+)", line (\d+)/g;
      let at = 0;
      for (const m of stderr.matchAll(frame)) {
        err.append(stderr.slice(at, m.index));
        if (m[1] === file) {
          const line = Number(m[2]);
          const a = el("a", { href: `#line-${line}`, className: "frame", textContent: m[0] });
          a.addEventListener("click", (e) => { e.preventDefault(); goToLine(this.editor, line); });
          err.append(a);
        } else {
          err.append(m[0]);
        }
        at = m.index + m[0].length;
      }
      err.append(stderr.slice(at));
      parts.push(err);
    }
    if (!parts.length) parts.push(document.createTextNode(this.last?.cursor === this.last?.end ? "(no output)" : "(no output yet)"));
    this.output.replaceChildren(...parts);
  }
}

/** Encodes the view's pixels as a PNG with the browser's own encoder. */
function pngOf(shot: { width: number; height: number; rgba: Uint8ClampedArray<ArrayBuffer> }): Promise<Blob> {
  const canvas = el("canvas", { width: shot.width, height: shot.height });
  canvas.getContext("2d")!.putImageData(new ImageData(shot.rgba, shot.width, shot.height), 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((b) => b ? resolve(b) : reject(new Error("the PNG could not be made")), "image/png"));
}

/** A monitor command as the list of applied commands says it. */
function describe(c: AsyncplayCommand): string {
  if (c.cancel) return `cancel task ${c.cancel}`;
  if (c.terminal !== undefined) return `type ${JSON.stringify(c.text ?? "")} into ${c.terminal}`;
  return `signal ${c.signal}`;
}

/** The names of the terminals a world declares ("terminal NAME at ..."). */
function terminalsOf(world: string | undefined): string[] {
  return [...(world ?? "").matchAll(/^terminal\s+(\S+)/gm)].map((m) => m[1]!);
}

/**
 * The text of the world block that follows a program figure (before the
 * next program), or undefined: the clients, peers and signals it runs with.
 */
function worldOf(figure: HTMLElement): string | undefined {
  const w = following(figure, "aside.world");
  return w ? w.querySelector("pre")?.textContent ?? "" : undefined;
}

/** The first element matching selector after a program figure, before the next program. */
function following(figure: HTMLElement, selector: string): HTMLElement | undefined {
  for (let e = figure.nextElementSibling; e && !e.matches("figure.program"); e = e.nextElementSibling) {
    if (e.matches(selector)) return e as HTMLElement;
  }
  return undefined;
}

/** Makes the program in figure (a figure.program) editable and runnable. */
export function widget(figure: HTMLElement, index: number): Widget {
  const w = new WidgetImpl(figure, index);
  all.push(w);
  return w;
}
