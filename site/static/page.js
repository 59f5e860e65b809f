// asyncplay page script: makes each lesson program runnable. The engine
// (asyncplay.wasm) loads on the first Run, so reading a lesson costs
// nothing. Until the view arrives, a run shows what the program printed
// and when it ended in virtual time.
"use strict";

let engine; // a promise of the asyncplay bridge, made on first use

function loadEngine() {
  engine ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "/static/wasm_exec.js";
    script.onerror = () => reject(new Error("could not load wasm_exec.js"));
    script.onload = async () => {
      try {
        addEventListener("asyncplay-ready", () => resolve(globalThis.asyncplay), { once: true });
        const go = new Go();
        const { instance } = await WebAssembly.instantiateStreaming(fetch("/asyncplay.wasm"), go.importObject);
        go.run(instance);
      } catch (err) {
        reject(err);
      }
    };
    document.head.append(script);
  });
  return engine;
}

function widget(figure) {
  const code = figure.querySelector("code");
  const bar = document.createElement("div");
  bar.className = "program-bar";
  const run = document.createElement("button");
  run.type = "button";
  run.textContent = "Run";
  const status = document.createElement("span");
  status.className = "status";
  status.setAttribute("role", "status");
  bar.append(run, status);
  const output = document.createElement("pre");
  output.className = "console";
  output.hidden = true;
  output.setAttribute("aria-label", "Program output");
  figure.append(bar, output);

  run.addEventListener("click", async () => {
    run.disabled = true;
    status.textContent = "Loading the engine…";
    try {
      const asyncplay = await loadEngine();
      status.textContent = "Running…";
      // Let the status paint before the run takes the thread.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      const name = `${document.querySelector("main.lesson")?.dataset.lesson ?? "lesson"}.md`;
      const res = asyncplay.run(code.textContent, name, 0);
      output.replaceChildren();
      if (res.stdout) output.append(res.stdout);
      if (res.stderr) {
        const err = document.createElement("span");
        err.className = "stderr";
        err.textContent = res.stderr;
        output.append(err);
      }
      if (!res.stdout && !res.stderr) output.textContent = "(no output)";
      output.hidden = false;
      status.textContent = res.exitCode === 0
        ? `Finished at ${res.end} of virtual time · ${res.events} trace events`
        : `Stopped with exit status ${res.exitCode} at ${res.end} of virtual time`;
      status.dataset.exit = String(res.exitCode);
    } catch (err) {
      status.textContent = `Could not run: ${err.message}`;
    } finally {
      run.disabled = false;
    }
  });
}

document.querySelectorAll("figure.program").forEach(widget);
