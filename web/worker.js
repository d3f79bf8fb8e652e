// worker.js starts a Go program inside a Web Worker: the engine
// (worker.wasm), or the program tools.js names in self.lirWasm (the page's
// config tools). The Go side registers onmessage and posts {type:"ready"}
// once it can take work. Protocol: docs/BROWSER.md.
"use strict";

importScripts(new URL("../wasm_exec.js", self.location.href).href);

function fail(message) {
  self.postMessage({ type: "error", message: message });
}

(async () => {
  const go = new Go();
  const name = self.lirWasm || "worker.wasm";
  const url = new URL(name, self.location.href).href;
  let instance;
  try {
    try {
      ({ instance } = await WebAssembly.instantiateStreaming(fetch(url), go.importObject));
    } catch (streamErr) {
      // Hosts that serve .wasm without the application/wasm MIME type.
      const resp = await fetch(url);
      if (!resp.ok) {
        throw new Error("HTTP " + resp.status + " for " + url);
      }
      ({ instance } = await WebAssembly.instantiate(await resp.arrayBuffer(), go.importObject));
    }
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
