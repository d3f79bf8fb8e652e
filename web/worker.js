// worker.js starts a Go program inside a Web Worker: the engine (app.wasm,
// the page's own program, which serves the engine when it starts in a
// worker), or the program tools.js names in self.lirWasm (the page's config
// tools). The Go side registers onmessage and posts {type:"ready"} once it
// can take work. Protocol: docs/BROWSER.md.
//
// The worker the page's loader starts first (named "lir-first", app/loader.go)
// also posts {type:"module", module}: the compiled app.wasm, which the page
// instantiates instead of compiling it on its own thread.
"use strict";

importScripts(new URL("../wasm_exec.js", self.location.href).href);

function fail(message) {
  self.postMessage({ type: "error", message: message });
}

async function compile(url) {
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch (streamErr) {
    // Hosts that serve .wasm without the application/wasm MIME type.
    const resp = await fetch(url);
    if (!resp.ok) {
      throw new Error("HTTP " + resp.status + " for " + url);
    }
    return await WebAssembly.compile(await resp.arrayBuffer());
  }
}

(async () => {
  const go = new Go();
  const name = self.lirWasm || "app.wasm";
  const url = new URL(name, self.location.href).href;
  let instance;
  try {
    const module = await compile(url);
    if (self.name === "lir-first") {
      self.postMessage({ type: "module", module: module });
    }
    instance = await WebAssembly.instantiate(module, go.importObject);
  } catch (err) {
    fail("loading " + name + " failed: " + err);
    return;
  }
  // The size of the WebAssembly memory, posted with each result (docs/BROWSER.md).
  self.lirWasmMemory = () => instance.exports.mem.buffer.byteLength;
  try {
    await go.run(instance);
    fail("engine stopped");
  } catch (err) {
    fail("engine crashed: " + err);
  }
})();
