// A talk's page: one slide at a time, moved by the arrows or a clicker
// (PageDown, PageUp). On a slide with a program the first "next" runs it,
// so a speaker clicks once to show the run and again to move on. S opens
// the speaker's view in another window: the current slide's notes, the
// next slide's title and a clock, kept in step over a BroadcastChannel.

import { place } from "./engine";
import { el } from "./dom";
import type { Widget } from "./widget";

const main = document.querySelector<HTMLElement>("main.talk");
const slides = main ? [...main.querySelectorAll<HTMLElement>("section.slide")] : [];
const speaker = location.hash === "#speaker";
const channel = main && "BroadcastChannel" in window ? new BroadcastChannel(`asyncplay-talk-${main.dataset["talk"]}`) : undefined;
let current = 0;

/** Whether this page is a talk. */
export function isTalk(): boolean {
  return main !== null;
}

/** Shows slide n (0-based), and tells the speaker's view. */
function show(n: number, tell = true): void {
  current = Math.max(0, Math.min(n, slides.length - 1));
  slides.forEach((s, i) => s.classList.toggle("current", i === current));
  const pos = main?.querySelector(".slide-nav .position");
  if (pos) pos.textContent = `${current + 1} / ${slides.length}`;
  if (!speaker) history.replaceState(null, "", `#slide=${current + 1}`);
  if (speaker) showNotes();
  if (tell) channel?.postMessage({ slide: current });
  place();
}

/** The speaker's view: this slide's notes, what comes next, the time. */
const notesPane = el("div", { className: "speaker-pane" });
const started = Date.now();
function showNotes(): void {
  const notes = slides[current]?.querySelector(".notes");
  const next = slides[current + 1]?.querySelector("h1, h2");
  const body = el("div", { className: "speaker-notes" });
  if (notes) body.append(...[...notes.childNodes].map((n) => n.cloneNode(true)));
  else body.append(el("p", { textContent: "(no notes)" }));
  notesPane.replaceChildren(
    el("p", { className: "speaker-position", textContent: `Slide ${current + 1} of ${slides.length}` }),
    body,
    el("p", { className: "speaker-next", textContent: next ? `Next: ${next.textContent}` : "The last slide." }),
    el("p", { className: "speaker-clock", textContent: elapsed() }),
  );
}
function elapsed(): string {
  const s = Math.floor((Date.now() - started) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")} since this view opened`;
}

/** The widgets on the current slide. */
function onSlide(ws: readonly Widget[]): Widget[] {
  return ws.filter((w) => slides[current]?.contains(w.figure));
}

/**
 * Acts on a talk's keys; reports whether the key was one. The run's own
 * keys (Space, L, + and −) are the lesson page's.
 */
export function talkKey(key: string, ws: readonly Widget[]): boolean {
  if (!main) return false;
  switch (key) {
    case "ArrowRight": case "PageDown": case "n": {
      // (The speaker's view only moves the slides: its programs are hidden.)
      const unrun = speaker ? undefined : onSlide(ws).find((w) => !w.ran());
      if (unrun) void unrun.run({ play: true });
      else show(current + 1);
      return true;
    }
    case "ArrowLeft": case "PageUp": case "b": show(current - 1); return true;
    case "Home": show(0); return true;
    case "End": show(slides.length - 1); return true;
    case "s": case "S":
      window.open(`${location.pathname}#speaker`, `asyncplay-speaker-${main.dataset["talk"]}`, "width=720,height=600");
      return true;
  }
  return false;
}

if (main) {
  document.body.classList.add(speaker ? "speaker" : "talk-mode");
  const m = /slide=(\d+)/.exec(location.hash);
  if (speaker) {
    document.body.append(notesPane);
    setInterval(() => {
      const clock = notesPane.querySelector(".speaker-clock");
      if (clock) clock.textContent = elapsed();
    }, 1000);
  }
  channel?.addEventListener("message", (e: MessageEvent<{ slide?: number }>) => {
    if (typeof e.data?.slide === "number") show(e.data.slide, false);
  });
  main.querySelector(".slide-nav .prev")?.addEventListener("click", () => show(current - 1));
  main.querySelector(".slide-nav .next")?.addEventListener("click", () => show(current + 1));
  show(m ? Number(m[1]) - 1 : 0, false);
}
