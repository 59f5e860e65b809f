// The URL's fragment holds the run on screen: which program, its source if
// edited, the seed, the monitor's commands and the cursor time, so a shared
// link reopens the same run at the same moment. Example:
// #program=2&seed=0&t=7000000000&cmd=cancel:3@6000000000
// (a line typed into a terminal is type:NAME:TEXT@T, TEXT in base64url)

import type { Widget } from "./widget";

/** Writes w's run into the URL, replacing the entry (no history spam). */
export function writeURL(w: Widget): void {
  const s = w.state();
  if (!s || s.phase !== "ready") return;
  const p = new URLSearchParams();
  p.set("program", String(w.index + 1));
  p.set("seed", String(w.seed));
  p.set("t", String(Math.round(s.cursor)));
  if (w.edited()) p.set("src", encode(w.source()));
  if (w.commands.length) {
    p.set("cmd", w.commands.map((c) => {
      if (c.cancel) return `cancel:${c.cancel}@${c.at}`;
      if (c.terminal !== undefined) return `type:${c.terminal}:${encode(c.text ?? "")}@${c.at}`;
      return `signal:${c.signal}@${c.at}`;
    }).join(","));
  }
  const hash = `#${p}`;
  if (location.hash !== hash) history.replaceState(null, "", hash);
}

/** The widget and moment a URL asks for, with its source and seed applied. */
export function readURL(ws: readonly Widget[]): { w: Widget; at: number } | undefined {
  const p = new URLSearchParams(location.hash.slice(1));
  const n = Number(p.get("program"));
  const w = ws[n - 1];
  if (!Number.isInteger(n) || !w) return undefined;
  const src = p.get("src");
  if (src !== null) {
    try {
      w.setSource(decode(src));
    } catch {
      console.warn("asyncplay: the link's program text is damaged; showing the lesson's");
    }
  }
  w.seed = Math.max(0, Math.trunc(Number(p.get("seed"))) || 0);
  w.commands = (p.get("cmd") ?? "").split(",").flatMap((c): AsyncplayCommand[] => {
    const typed = /^type:([^:@,]+):([\w-]*)@(\d+)$/.exec(c);
    if (typed) {
      try {
        return [{ at: Number(typed[3]), terminal: typed[1]!, text: decode(typed[2]!) }];
      } catch {
        return [];
      }
    }
    const m = /^(cancel|signal):(\w+)@(\d+)$/.exec(c);
    if (!m) return [];
    const at = Number(m[3]);
    return m[1] === "cancel" ? [{ at, cancel: Number(m[2]) }] : [{ at, signal: m[2]! }];
  });
  const t = Number(p.get("t"));
  return { w, at: Number.isFinite(t) && t > 0 ? t : 0 };
}

// Source text as base64url of its UTF-8 bytes: short, and safe in a URL.
function encode(s: string): string {
  let bin = "";
  for (const b of new TextEncoder().encode(s)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decode(s: string): string {
  const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}
