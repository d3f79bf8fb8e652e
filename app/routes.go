package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Routes registers the lab's pages. The WebAssembly main and the static-site
// generator both call it, so they agree on every path.
func Routes() {
	goapp.Route("/", func() goapp.Composer { return newLabPage() })
}

// Start runs the lab on the page (the main of app.wasm outside a worker).
// It returns to the browser once between Go's start-up (the runtime and
// every package's initialisation) and go-app's first render of the page, so
// that they are two tasks of the browser's event loop rather than one long
// one.
func Start() {
	Routes()
	yieldToBrowser()
	goapp.RunWhenOnBrowser()
}

// SiteOptions are what differs between builds of the site.
type SiteOptions struct {
	Base    string // URL path prefix the site is served under ("" for the root)
	Version string // content hash of the build; changes the service worker
}

// Handler describes the site: pages, assets, offline cache and icons.
func Handler(o SiteOptions) *goapp.Handler {
	h := &goapp.Handler{
		Name:        "Let It Ride strategy lab",
		ShortName:   "LIR lab",
		Title:       "Let It Ride strategy lab",
		Description: "Simulate Let It Ride strategies in your browser on every core: exact figures, reproducible Monte Carlo, shareable studies.",
		Lang:        "en",
		Icon: goapp.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			SVG:      "/web/icon.svg",
			Maskable: "/web/icon-512.png",
		},
		BackgroundColor: "#f6f7f9",
		ThemeColor:      "#0b6e4f",
		LoadingLabel:    "Starting the lab…", // a notice in a corner (loader.go, lab.css)
		Styles:          []string{"/web/lab.css"},
		// Cached by the service worker when it installs, with the page,
		// app.wasm and what go-app lists: the engine's workers and the
		// charts (loaded at the first chart), so that runs work offline
		// after the first visit. The config tools (tools.js, tools.wasm)
		// and bench.html are cached at their first use instead
		// (serviceworker.go).
		CacheableResources: []string{
			"/web/worker.js",
			"/web/echarts.min.js",
			"/wasm_exec.js",
		},
		RawHeaders:            []string{guardFragmentJS},
		Version:               o.Version,
		ServiceWorkerTemplate: serviceWorkerJS,
	}
	if o.Base != "" && o.Base != "/" {
		h.Resources = goapp.PrefixedLocation(o.Base)
	}
	return h
}

// guardFragmentJS runs before the Go page starts. go-app parses the page URL
// with net/url and stops on a malformed escape (a damaged link such as
// "#v1.%%%"); so such a fragment is set aside for the page to report, and the
// address bar gets a harmless one.
const guardFragmentJS = `<script>
(function () {
  try { decodeURI(location.href); } catch (e) {
    window.lirRejectedFragment = location.hash.slice(1);
    history.replaceState(null, "", location.pathname + location.search + "#rejected-link");
  }
})();
</script>`
