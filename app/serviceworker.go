package app

// serviceWorkerJS is the template of app-worker.js. go-app fills in
// {{.Version}} and {{.ResourcesToCache}}. Unlike the stock worker it
//
//   - caches the page as "<scope>/" as well as "<scope>" (under a sub-path
//     go-app lists the root without the slash), and answers every page
//     navigation in its scope with that cached page, so a reload offline
//     works at the root, under a sub-path, with a query string or with a
//     share link in the fragment (cache first, as go-app does: a new build
//     arrives through a new service worker, since Version changes);
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
    if (req.mode === "navigate") {
      const page = await cache.match(pagePath);
      return page || fetch(req);
    }
    const hit = await cache.match(req, { ignoreSearch: true });
    return hit || fetch(req);
  })());
});
`
