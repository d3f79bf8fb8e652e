package app

// serviceWorkerJS is the template of app-worker.js. go-app fills in
// {{.Version}} and {{.ResourcesToCache}}. Unlike the stock worker it
//
//   - caches when it installs only what a run needs (ResourcesToCache: the
//     page, app.wasm, the scripts, styles and icons, the worker script and
//     the charts), and every other file of its scope the first time the
//     site fetches it (the config tools, bench.html), so they work offline
//     once used without every first visit downloading them;
//   - caches the page as "<scope>/" as well as "<scope>" (under a sub-path
//     go-app lists the root without the slash), and answers a navigation
//     to the page (with any query string, or a share link in the fragment)
//     with that cached page, so a reload offline works at the root and
//     under a sub-path (cache first, as go-app does: a new build arrives
//     through a new service worker, since Version changes); other pages of
//     the scope (bench.html) are files like the rest;
//   - matches cached resources ignoring the query string;
//   - caches only within its own scope and never touches other requests.
const serviceWorkerJS = `// Service worker of the Let It Ride strategy lab (version {{.Version}}).
const cacheName = "lir-" + "{{.Version}}";
const scope = new URL(self.registration.scope);
const pagePath = scope.pathname.endsWith("/") ? scope.pathname : scope.pathname + "/";
const resourcesToCache = Array.from(new Set(
  {{.ResourcesToCache}}.map((r) => (r === pagePath.slice(0, -1) || r === "") ? pagePath : r)
));

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    await cache.addAll(resourcesToCache);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    await Promise.all(keys.filter((k) => k !== cacheName).map((k) => caches.delete(k)));
    await self.clients.claim();
  })());
});

function isPage(url) {
  const p = url.pathname;
  return p === pagePath || p === pagePath.slice(0, -1) || p === pagePath + "index.html";
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") {
    return;
  }
  const url = new URL(req.url);
  if (url.origin !== scope.origin || !(url.pathname + "/").startsWith(pagePath)) {
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(cacheName);
    if (req.mode === "navigate" && isPage(url)) {
      const page = await cache.match(pagePath);
      return page || fetch(req);
    }
    const hit = await cache.match(req, { ignoreSearch: true });
    if (hit) {
      return hit;
    }
    // Not cached at install: fetch it and keep it for offline use (a
    // partial or failed answer is passed on, not kept).
    const resp = await fetch(req);
    if (resp.ok && resp.status === 200 && resp.type === "basic") {
      const key = new URL(url.href);
      key.search = "";
      event.waitUntil(cache.put(key.href, resp.clone()));
    }
    return resp;
  })());
});
`
