// The engine lives in one same-origin frame (/static/view.html), shared by
// every program on the page: ebiten takes the whole window it runs in, so
// it gets a frame of its own, and one wasm instance serves all programs.
// The frame floats over the view slot of whichever program ran last.

let frame: HTMLIFrameElement | undefined;
let engine: Promise<Asyncplay> | undefined;
let slot: HTMLElement | undefined;
let watching = false; // the page's layout changes move the frame

/** Loads the engine once; every caller shares the promise (until it fails). */
export function loadEngine(): Promise<Asyncplay> {
  engine ??= new Promise<Asyncplay>((resolve, reject) => {
    frame = document.createElement("iframe");
    frame.className = "view-frame";
    frame.title = "The run, drawn: a lane per task over virtual time";
    frame.src = "/static/view.html";
    frame.hidden = true;
    frame.addEventListener("load", () => {
      const win = frame!.contentWindow as (Window & { asyncplay?: Asyncplay }) | null;
      if (!win) return reject(new Error("the view frame has no window"));
      const ready = () => {
        if (!win.asyncplay) return reject(new Error("the engine started without its bridge"));
        // The view follows the page's colour scheme, also when it changes.
        const dark = matchMedia("(prefers-color-scheme: dark)");
        win.asyncplay.setDark(dark.matches);
        dark.addEventListener("change", () => win.asyncplay?.setDark(dark.matches));
        resolve(win.asyncplay);
      };
      if (win.asyncplay) ready();
      else {
        win.addEventListener("asyncplay-ready", ready, { once: true });
        win.addEventListener("asyncplay-failed", (e) => reject(new Error(String((e as CustomEvent).detail))), { once: true });
      }
    }, { once: true });
    document.body.append(frame);
    place();
    if (!watching) {
      new ResizeObserver(place).observe(document.body);
      addEventListener("resize", place);
      watching = true;
    }
  });
  // An engine that could not start (the network dropped, say) is tried
  // again, in a new frame, by the next Run.
  engine.catch(() => {
    frame?.remove();
    frame = undefined;
    engine = undefined;
  });
  return engine;
}

/** Puts the view over slot (a program's .view-slot). */
export function attach(to: HTMLElement): void {
  slot = to;
  place();
}

/** Keeps the frame exactly over its slot as the page lays out. */
export function place(): void {
  if (!frame) return;
  if (!slot || !slot.isConnected || slot.offsetParent === null) {
    frame.hidden = true;
    return;
  }
  const r = slot.getBoundingClientRect();
  frame.hidden = false;
  frame.style.left = `${r.left + scrollX}px`;
  frame.style.top = `${r.top + scrollY}px`;
  frame.style.width = `${r.width}px`;
  frame.style.height = `${r.height}px`;
}
