package app

import (
	"bytes"
	"errors"
)

// loaderJS replaces the function of go-app's app.js that loads app.wasm
// (PatchAppJS). go-app's own covers the pre-rendered page with a full-screen
// "Loading… n%" panel and compiles app.wasm on the page's thread, then runs
// Go's start-up there: a second or more in which the page answers nothing.
// This one
//
//   - starts the first engine worker (web/worker.js, named "lir-first"),
//     which compiles app.wasm off the page's thread, posts the compiled
//     module, starts Go and says "ready" when Go's start-up is done;
//   - instantiates that module on the page once the worker is ready: the
//     module's code is shared between the threads of the page, and
//     WebAssembly functions compile on their first call, so the runtime and
//     package initialisation the worker has just run are compiled already
//     when the page runs them;
//   - leaves the worker in window.lirFirstWorker, for the page's first
//     worker pool to adopt (browser_wasm.go: takeFirstWorker);
//   - falls back to compiling on the page when workers are missing or the
//     first worker fails;
//   - keeps go-app's loader element, which lab.css makes a small notice in
//     a corner (the pre-rendered page stays readable), and shows a failure
//     in it.
const loaderJS = `async function goappInitWebAssembly() {
  const loader = document.getElementById("app-wasm-loader");
  if (!goappCanLoadWebAssembly()) {
    loader.remove();
    return;
  }
  try {
    const module = await lirCompile(goappGetenv("GOAPP_STATIC_RESOURCES_URL"));
    const go = new Go();
    const instance = await WebAssembly.instantiate(module, go.importObject);
    go.run(instance);
    loader.remove();
  } catch (err) {
    document.getElementById("app-wasm-loader-icon").className = "goapp-logo";
    document.getElementById("app-wasm-loader-label").innerText = err;
    console.error("loading wasm failed: ", err);
  }
}

// lirCompile resolves to the compiled app.wasm, compiled in the first engine
// worker once that worker's Go has started, or on the page if it cannot be.
function lirCompile(web) {
  const onPage = () => WebAssembly.compileStreaming(fetch(web + "/app.wasm"));
  if (typeof Worker !== "function") {
    return onPage();
  }
  return new Promise((resolve) => {
    const w = new Worker(web + "/worker.js", { name: "lir-first" });
    let module = null;
    const settle = (result) => {
      w.removeEventListener("message", onMessage);
      w.removeEventListener("messageerror", onFail);
      w.removeEventListener("error", onFail);
      resolve(result);
    };
    const onFail = () => {
      w.terminate();
      settle(onPage());
    };
    const onMessage = (e) => {
      const d = e.data || {};
      if (d.type === "module") {
        module = d.module;
      } else if (d.type === "ready" && module) {
        window.lirFirstWorker = w;
        settle(module);
      } else {
        onFail();
      }
    };
    w.addEventListener("message", onMessage);
    w.addEventListener("messageerror", onFail);
    w.addEventListener("error", onFail);
  });
}
`

// PatchAppJS returns go-app's generated app.js with loaderJS in place of its
// goappInitWebAssembly; it fails if that function is not where this version
// of go-app puts it, so that a go-app upgrade cannot silently bring the
// cover back.
func PatchAppJS(appJS []byte) ([]byte, error) {
	const start, next = "async function goappInitWebAssembly() {", "\nfunction goappCanLoadWebAssembly()"
	i := bytes.Index(appJS, []byte(start))
	j := bytes.Index(appJS, []byte(next))
	if i < 0 || j < i || bytes.Count(appJS, []byte(start)) != 1 {
		return nil, errors.New("app.js: go-app's goappInitWebAssembly is not where the loader expects it")
	}
	out := append([]byte{}, appJS[:i]...)
	out = append(out, loaderJS...)
	return append(out, appJS[j:]...), nil
}

// Scripts is the JavaScript this package puts into go-app's generated
// files (the loader and the service worker). cmd/build hashes it into the
// site's Version with the files of web/, so that a change to either reaches
// browsers that have the site cached.
func Scripts() string { return loaderJS + serviceWorkerJS }
