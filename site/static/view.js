// The view's frame: starts the engine (asyncplay.wasm), whose Go side
// draws the run with ebiten into a canvas that fills this frame and puts
// the `asyncplay` bridge on this window for the lesson page to call.
// Keys pressed while the canvas has the focus go to the page, so the
// presenter's clicker works wherever the focus is.
"use strict";

addEventListener("keydown", (event) => {
  parent.postMessage({ asyncplayKey: { key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, shiftKey: event.shiftKey } }, location.origin);
});

// The wheel scrolls the lanes when there are more than fit, and the page
// when they are at either end. A click on the lanes moves the cursor
// there and asks the page to show where that task stands.
addEventListener("wheel", (event) => {
  if (globalThis.asyncplay?.scroll(event.deltaY)) event.preventDefault();
}, { passive: false });
addEventListener("click", (event) => {
  const hit = globalThis.asyncplay?.hit(event.clientX, event.clientY);
  if (hit) parent.postMessage({ asyncplayClick: hit }, location.origin);
});

// ebiten focuses its canvas when it starts, which would pull the page's
// focus (and scroll) into this frame while the reader reads: the page
// owns the keys, so the canvas never takes the focus itself.
HTMLCanvasElement.prototype.focus = function () {};

(async () => {
  try {
    const go = new Go();
    const { instance } = await WebAssembly.instantiateStreaming(fetch("/asyncplay.wasm"), go.importObject);
    go.run(instance);
  } catch (err) {
    document.body.textContent = `The engine could not start: ${err.message}`;
    dispatchEvent(new CustomEvent("asyncplay-failed", { detail: String(err) }));
  }
})();
