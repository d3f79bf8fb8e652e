// tools.js starts the page's config tools (tools.wasm: YAML and rule
// checks) in a Web Worker, the way worker.js starts the engine.
"use strict";
self.lirWasm = "tools.wasm";
importScripts("worker.js");
