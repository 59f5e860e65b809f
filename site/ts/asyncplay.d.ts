// What the page script uses from outside its bundle: the bridge the engine
// (package asyncplay/wasm, wasm/main_js.go) puts on the view frame's
// global scope before it dispatches "asyncplay-ready" there. Times are
// virtual nanoseconds as numbers.

/** Where the player is: making the run, or playing it. */
interface AsyncplayState {
  phase: "idle" | "computing" | "ready";
  cursor: number;
  cursorText: string;
  end: number;
  endText: string;
  playing: boolean;
  speed: number;
  zoom: number;
  large: boolean;
  /** How far a run being made has got, such as "1.2s". */
  progress: string;
  /** The CSS height that shows every lane of the run (0 before a run). */
  height: number;
}

/** How a run ended. */
interface AsyncplaySummary {
  exitCode: number;
  end: number;
  endText: string;
  /** Records in the run's trace. */
  events: number;
  stdout: string;
  stderr: string;
  syntaxError: { line: number; col: number; message: string } | null;
  /** When the program exited, if the world outside ran on after it (else null). */
  exitText: string | null;
}

/** A monitor command: cancel a task, send a signal or type a line into a terminal of the world, at a virtual time. */
interface AsyncplayCommand {
  at: number;
  cancel?: number;
  signal?: string;
  terminal?: string;
  text?: string;
}

interface AsyncplayRun {
  source: string;
  name: string;
  seed: number;
  /** The world the program runs in (package sim/world's format), if any. */
  world?: string | undefined;
  commands?: AsyncplayCommand[];
  /** Start playing from the beginning once the run is made. */
  play?: boolean;
}

/** An exercise's verdict on a run: each comparison with the run's value. */
interface AsyncplayVerdict {
  ok?: boolean;
  parts?: string[];
  error?: string;
}

/** One run of a comparison: its measures and the course of its telling gauge. */
interface AsyncplayTrial {
  exitCode: number;
  measures: Record<string, { value: number; text: string }>;
  /** The gauge's level at evenly spaced times from start to end. */
  series: number[];
  /** The gauge's name, "" if the run has none worth drawing. */
  gauge: string;
  endText: string;
}

/** The engine's bridge, on the view frame's window. */
interface Asyncplay {
  /** Makes the run (in slices, the page stays live); null if a newer run replaced it. */
  run(r: AsyncplayRun): Promise<AsyncplaySummary | null>;
  state(): AsyncplayState;
  /** Makes a run for a comparison table, after the view's own run. */
  compare(r: AsyncplayRun): Promise<AsyncplayTrial>;
  /** Judges the run by an exercise's check, such as "peak_queue <= 20". */
  check(text: string): AsyncplayVerdict;
  /** Ends a run being made where it has got to; the run so far plays. */
  stop(): void;
  play(): void;
  pause(): void;
  seek(t: number): void;
  step(forward: boolean): void;
  stepLine(): void;
  setSpeed(x: number): void;
  setZoom(x: number): void;
  /** Scrolls the lanes; false when they could not move (the page scrolls instead). */
  scroll(dy: number): boolean;
  setLarge(on: boolean): void;
  /** Paints with the page's dark colours. */
  setDark(on: boolean): void;
  /** The time and task under a point of the view (CSS pixels), or null outside the lanes. */
  hit(x: number, y: number): { t: number; task: number } | null;
  console(t?: number): { stdout: string; stderr: string };
  lines(t?: number): { task: number; line: number; state: string }[] | undefined;
  ps(t?: number): string;
  where(id: number, t?: number): string;
  chromeTrace(): string;
  /** The view's pixels, for a PNG the page encodes. */
  /** The Go time of the frames painted since the last call. */
  stats(): { frames: number; meanMs: number; maxMs: number };
  png(): Promise<{ width: number; height: number; rgba: Uint8ClampedArray<ArrayBuffer> }>;
  /** Called once per tick when the state changed. */
  onchange?: (s: AsyncplayState) => void;
}
