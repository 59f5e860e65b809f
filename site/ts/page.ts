// asyncplay page script, the bundle's entry (site/bundle.go builds it into
// static/page.js): makes each lesson program editable and runnable, keeps
// the URL in step with the run on screen, and gives the page its keys,
// presenter mode among them.

import { loadEngine, place } from "./engine";
import { activeWidget, onWidgetChange, widget, widgets, type Widget } from "./widget";
import { el } from "./dom";
import { readURL, writeURL } from "./url";
import { isTalk, talkKey } from "./talk";

document.querySelectorAll<HTMLElement>("figure.program").forEach(widget);

// The keys, for a keyboard or a presentation clicker (which sends the
// arrows and PageUp/PageDown). Typing in the editor or a field is left
// alone.
const keys: [string, string][] = isTalk() ? [
  ["→  PageDown  N", "run this slide's program; then the next slide"],
  ["←  PageUp  B", "the previous slide"],
  ["Home  End", "the first or the last slide"],
  ["Space  K", "play or pause the run"],
  ["L", "step until a task stands at another line"],
  ["+  −", "zoom the time axis in or out"],
  ["P", "presenter mode: full screen, large type"],
  ["S", "the speaker's notes, in another window"],
  ["?", "show or hide this list"],
] : [
  ["→  PageDown  N", "step to the next event"],
  ["←  PageUp  B", "step back to the previous event"],
  ["Space  K", "play or pause"],
  ["L", "step until a task stands at another line"],
  ["Home  End", "pause at the start or the end of the run"],
  ["+  −", "zoom the time axis in or out"],
  ["P", "presenter mode: full screen, large type"],
  ["?", "show or hide this list"],
];

const help = el("dialog", { className: "keys-help" });
help.setAttribute("aria-label", "Keyboard shortcuts");
const table = el("table");
for (const [k, what] of keys) {
  const tr = el("tr");
  tr.append(el("th", { textContent: k }), el("td", { textContent: what }));
  table.append(tr);
}
const close = el("button", { type: "button", textContent: "Close" });
close.addEventListener("click", () => help.close());
help.append(el("h2", { textContent: "Keys" }), table, close);
document.body.append(help);

function typing(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(".cm-editor, input, select, textarea, [contenteditable]") !== null;
}

function togglePresenter(): void {
  const on = document.body.classList.toggle("presenter");
  if (on) void document.documentElement.requestFullscreen?.().catch(() => { /* the layout works windowed too */ });
  else if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  activeWidget()?.bridge()?.setLarge(on);
  place();
}

interface KeyLike { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }

/** Acts on a key; reports whether it was one of ours. */
function onKey(e: KeyLike): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  if (talkKey(e.key, widgets())) return true;
  const w: Widget | undefined = activeWidget();
  const b = w?.bridge();
  switch (e.key) {
    case "?": if (help.open) help.close(); else help.showModal(); return true;
    case "Escape": if (!help.open) return false; help.close(); return true;
    case "p": case "P": togglePresenter(); return true;
  }
  if (!w) return false;
  switch (e.key) {
    case "ArrowRight": case "PageDown": case "n": b ? b.step(true) : void w.run({ play: false }); return true;
    case "ArrowLeft": case "PageUp": case "b": b?.step(false); return true;
    case " ": case "k":
      if (!b) void w.run({ play: true });
      else if (b.state().playing) b.pause();
      else b.play();
      return true;
    case "l": case "L": b?.stepLine(); return true;
    case "Home": b?.pause(); b?.seek(0); return true;
    case "End": b?.pause(); b?.seek(b.state().end); return true;
    case "+": case "=": b?.setZoom(b.state().zoom * 2); return true;
    case "-": b?.setZoom(Math.max(1, b.state().zoom / 2)); return true;
  }
  return false;
}

addEventListener("keydown", (e) => {
  if (help.open && e.key === "Escape") {
    help.close();
    e.preventDefault();
    return;
  }
  if (typing(e.target) || help.open && e.key !== "?") return;
  if (onKey(e)) e.preventDefault();
});
// Keys pressed while the view's canvas has the focus come from its frame,
// and so do clicks on its lanes.
addEventListener("message", (e: MessageEvent<{ asyncplayKey?: KeyLike; asyncplayClick?: { t: number; task: number } }>) => {
  if (e.origin !== location.origin) return;
  if (e.data?.asyncplayKey) onKey(e.data.asyncplayKey);
  if (e.data?.asyncplayClick) activeWidget()?.pick(e.data.asyncplayClick.t, e.data.asyncplayClick.task);
});
document.addEventListener("fullscreenchange", () => {
  if (!document.fullscreenElement && document.body.classList.contains("presenter")) togglePresenter();
});

// The URL holds the run on screen: a shared link opens the same program
// (as edited), seed and moment.
// (A talk's URL names its slide instead: see talk.ts.)
if (!isTalk()) onWidgetChange(writeURL);
const wanted = isTalk() ? undefined : readURL(widgets());
if (wanted) {
  const { w, at } = wanted;
  w.figure.scrollIntoView();
  void w.run({ play: false, at, keepCommands: true });
} else if (widgets().length > 0 && !isTalk()) {
  // Start the engine while the reader reads, so Run answers at once, and
  // show its empty view under the first program: where the run will play.
  widgets()[0]!.preview();
  void loadEngine().then(() => place(), () => { /* Run reports it */ });
}
