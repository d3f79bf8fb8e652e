//go:build js && wasm

package app

import (
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"syscall/js"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/lir-lab/lir/app/wire"
	"github.com/lir-lab/lir/engine/report"
)

// This file is the page's only JavaScript glue; browser_nowasm.go has the
// native stand-ins so the package builds and tests natively.

// workerPool is a set of engine Web Workers kept alive between runs.
type workerPool struct {
	url     string
	workers []js.Value
	funcs   []js.Func
	gens    []int
	gen     int
	onReply func(gen int, ev WorkerEvent)
}

func newWorkerPool(url string, onReply func(gen int, ev WorkerEvent)) pool {
	return &workerPool{url: url, onReply: onReply}
}

func (p *workerPool) Resize(n int) {
	for len(p.workers) > n {
		i := len(p.workers) - 1
		p.stop(i)
		p.workers, p.funcs, p.gens = p.workers[:i], p.funcs[:i], p.gens[:i]
	}
	for len(p.workers) < n {
		p.workers = append(p.workers, js.Undefined())
		p.funcs = append(p.funcs, js.Func{})
		p.gens = append(p.gens, 0)
		p.start(len(p.workers) - 1)
	}
}

func (p *workerPool) Restart() {
	for i := range p.workers {
		p.stop(i)
		p.start(i)
	}
}

func (p *workerPool) Gen(i int) int {
	if i < 0 || i >= len(p.gens) {
		return -1
	}
	return p.gens[i]
}

func (p *workerPool) Size() int { return len(p.workers) }

func (p *workerPool) stop(i int) {
	if !p.workers[i].IsUndefined() {
		p.workers[i].Call("terminate")
		p.funcs[i].Release()
		p.workers[i] = js.Undefined()
	}
}

func (p *workerPool) start(i int) {
	p.gen++
	gen := p.gen
	w, adopted := takeFirstWorker()
	if !adopted {
		w = js.Global().Get("Worker").New(p.url)
	}
	f := js.FuncOf(func(this js.Value, args []js.Value) any {
		ev := WorkerEvent{Worker: i}
		e := args[0]
		switch e.Get("type").String() {
		case "message":
			r, err := wire.ParseReply(wire.FromJS(e.Get("data")))
			if err != nil {
				r = wire.Reply{Kind: wire.KindError, Message: err.Error()}
			}
			ev.Reply = r
		case "messageerror":
			ev.Reply = wire.Reply{Kind: wire.KindError, Message: "a message from the worker could not be read"}
		default: // "error": the script failed to load or threw
			ev.Reply = wire.Reply{Kind: wire.KindError, Message: "the worker's script failed"}
			if m := e.Get("message"); m.Type() == js.TypeString && m.String() != "" {
				ev.Message = m.String()
			}
		}
		p.onReply(gen, ev)
		return nil
	})
	w.Call("addEventListener", "message", f)
	w.Call("addEventListener", "messageerror", f)
	w.Call("addEventListener", "error", f)
	p.workers[i], p.funcs[i], p.gens[i] = w, f, gen
	if adopted {
		// Its "ready" went to the loader, which waited for it.
		p.onReply(gen, WorkerEvent{Worker: i, Reply: wire.Reply{Kind: wire.KindReady}})
	}
}

// takeFirstWorker hands over, once, the engine worker the page's loader
// started to compile app.wasm (loader.go), which is ready for work.
func takeFirstWorker() (js.Value, bool) {
	w := js.Global().Get("lirFirstWorker")
	if !w.Truthy() {
		return js.Undefined(), false
	}
	js.Global().Delete("lirFirstWorker")
	return w, true
}

// Send posts a request to worker i.
func (p *workerPool) Send(i int, r wire.Request) {
	obj, transfer := wire.ToJS(r.Fields())
	p.workers[i].Call("postMessage", obj, js.ValueOf(transfer))
}

// hardwareConcurrency is the number of logical cores the browser reports.
func hardwareConcurrency() int { return wire.HardwareConcurrency() }

// objectURL makes a blob: URL for data, revoking old (if not empty).
func objectURL(old string, data []byte, mime string) string {
	url := js.Global().Get("URL")
	if old != "" {
		url.Call("revokeObjectURL", old)
	}
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	blob := js.Global().Get("Blob").New(js.ValueOf([]any{arr}), js.ValueOf(map[string]any{"type": mime}))
	return url.Call("createObjectURL", blob).String()
}

// setInputValues sets the value of each text input, by id, that shows
// something else. go-app does not clear an input whose value becomes
// empty (it removes the value attribute, which leaves what is shown), so a
// loaded config's empty fields are set here.
func setInputValues(values map[string]string) {
	doc := js.Global().Get("document")
	for id, v := range values {
		if el := doc.Call("getElementById", id); !el.IsNull() && el.Get("value").String() != v {
			el.Set("value", v)
		}
	}
}

// toolsURL is the script of the tools worker (web/tools.js).
var toolsURL string

func setToolsURL(url string) { toolsURL = url }

// tools is the config tools' Web Worker, started at its first use. Calls
// wait in queued until it is ready (a message posted before the Go side
// listens would be lost).
var tools struct {
	w       js.Value
	onReply js.Func
	ready   bool
	queued  []map[string]any
	next    int
	waiting map[int]func(toolsReply)
}

// callTools runs a configtools operation in the tools worker and calls done
// with its reply, on the JS event loop (callers dispatch to the UI).
func callTools(op, name, data string, done func(toolsReply)) {
	if tools.w.IsUndefined() {
		startTools()
	}
	tools.next++
	tools.waiting[tools.next] = done
	m := map[string]any{"id": tools.next, "op": op, "name": name, "data": data}
	if !tools.ready {
		tools.queued = append(tools.queued, m)
		return
	}
	tools.w.Call("postMessage", m)
}

func startTools() {
	tools.waiting, tools.ready, tools.queued = map[int]func(toolsReply){}, false, nil
	tools.w = js.Global().Get("Worker").New(toolsURL)
	tools.onReply = js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		if e.Get("type").String() == "message" {
			d := e.Get("data")
			if id := d.Get("id"); id.Type() == js.TypeNumber {
				if done := tools.waiting[id.Int()]; done != nil {
					delete(tools.waiting, id.Int())
					done(parseToolsReply(d.Get("reply").String()))
				}
				return nil
			}
			if d.Get("type").String() == "ready" {
				tools.ready = true
				for _, m := range tools.queued {
					tools.w.Call("postMessage", m)
				}
				tools.queued = nil
				return nil
			}
		}
		// The worker failed: answer every call waiting, and start afresh
		// at the next one.
		msg := "the config tools failed to start"
		if e.Get("type").String() == "message" {
			msg = "the config tools failed: " + e.Get("data").Get("message").String()
		}
		waiting := tools.waiting
		tools.w.Call("terminate")
		tools.onReply.Release()
		tools.w, tools.waiting = js.Undefined(), map[int]func(toolsReply){}
		for _, done := range waiting {
			done(toolsReply{Err: msg})
		}
		return nil
	})
	tools.w.Call("addEventListener", "message", tools.onReply)
	tools.w.Call("addEventListener", "error", tools.onReply)
}

// fetchText fetches url (from the service worker's cache when offline) and
// calls done with its body, or with the reason it failed.
func fetchText(url string, done func(data []byte, err string)) {
	var onOK, onErr js.Func
	release := func() { onOK.Release(); onErr.Release() }
	onOK = js.FuncOf(func(_ js.Value, args []js.Value) any {
		release()
		buf := js.Global().Get("Uint8Array").New(args[0])
		data := make([]byte, buf.Length())
		js.CopyBytesToGo(data, buf)
		done(data, "")
		return nil
	})
	onErr = js.FuncOf(func(_ js.Value, args []js.Value) any {
		release()
		done(nil, args[0].Call("toString").String())
		return nil
	})
	js.Global().Call("fetch", url).Call("then", js.FuncOf(func(_ js.Value, args []js.Value) any {
		r := args[0]
		if !r.Get("ok").Bool() {
			return js.Global().Get("Promise").Call("reject", "HTTP "+r.Get("status").String())
		}
		return r.Call("arrayBuffer")
	})).Call("then", onOK, onErr)
}

// drawCharts renders each chart into its element ("chart-" + its ID) with
// ECharts; holder is the id of the element holding them (its
// data-charts-drawn counts them).
func drawCharts(holder string, specs []*report.Chart, dark bool) {
	theme := js.Null()
	if dark {
		theme = js.ValueOf("dark")
	}
	drawGen[holder]++
	gen := drawGen[holder]
	resizeChartsWithWindow()
	if h := js.Global().Get("document").Call("getElementById", holder); !h.IsNull() {
		h.Get("dataset").Set("chartsDrawn", 0)
	}
	// One chart per turn of the event loop, the first after the task that
	// asked for them (which has just rendered the results), so the page
	// answers input between charts; a newer drawing (theme change, new
	// results) stops this one. The holder's data-charts-drawn says when all
	// are drawn.
	go func() {
		ec := loadECharts()
		if ec.IsUndefined() {
			return
		}
		doc := js.Global().Get("document")
		for i, s := range specs {
			yieldToBrowser()
			if gen != drawGen[holder] {
				return
			}
			drawChart(ec, doc, s, theme)
			if h := doc.Call("getElementById", holder); !h.IsNull() {
				h.Get("dataset").Set("chartsDrawn", i+1)
			}
		}
	}()
}

// echartsState is the loading of ECharts (web/echarts.min.js), which the
// page adds at its first chart rather than at start-up: a megabyte of
// script to evaluate that nothing needs before a run ends. The service
// worker caches it with the site, so charts draw offline too.
var echartsState struct {
	loading bool
	waiting []chan struct{}
}

// loadECharts returns the ECharts global, adding its script to the page
// the first time; it blocks its goroutine (never call it from a JS
// callback) until the script has run, and returns undefined if it could
// not load.
func loadECharts() js.Value {
	if ec := js.Global().Get("echarts"); !ec.IsUndefined() {
		return ec
	}
	done := make(chan struct{})
	echartsState.waiting = append(echartsState.waiting, done)
	if !echartsState.loading {
		echartsState.loading = true
		doc := js.Global().Get("document")
		s := doc.Call("createElement", "script")
		var settled js.Func
		settled = js.FuncOf(func(_ js.Value, args []js.Value) any {
			settled.Release()
			if len(args) > 0 && args[0].Get("type").String() == "error" {
				js.Global().Get("console").Call("error", "the charts could not load: "+s.Get("src").String())
				s.Call("remove") // a later chart tries again
			}
			echartsState.loading = false
			for _, c := range echartsState.waiting {
				close(c)
			}
			echartsState.waiting = nil
			return nil
		})
		s.Call("addEventListener", "load", settled)
		s.Call("addEventListener", "error", settled)
		s.Set("src", staticResource("echarts.min.js"))
		doc.Get("head").Call("appendChild", s)
	}
	<-done
	return js.Global().Get("echarts")
}

// staticResource is the URL of a file of web/ (dist/web), under the
// site's base path: what go-app's ResolveStaticResource("/web/"+name)
// gives a component.
func staticResource(name string) string {
	return strings.TrimSuffix(goapp.Getenv("GOAPP_STATIC_RESOURCES_URL"), "/") + "/" + name
}

// yieldToBrowser returns in a later task of the browser's event loop, so
// the page can paint and answer input in between. (A short time.Sleep does
// not do that: Go returns control to JavaScript only when no goroutine can
// run, and a sleep that has expired during other work counts as runnable.)
func yieldToBrowser() {
	done := make(chan struct{})
	var f js.Func
	f = js.FuncOf(func(js.Value, []js.Value) any {
		f.Release()
		close(done)
		return nil
	})
	js.Global().Call("setTimeout", f, 0)
	<-done
}

var chartResizer js.Func

// resizeChartsWithWindow makes every chart follow the page's width (a
// phone turned, a window resized): ECharts draws at the size its element
// had when drawn. Installed once; one resize per frame at most.
func resizeChartsWithWindow() {
	if chartResizer.Truthy() {
		return
	}
	pending := false
	var frame js.Func
	frame = js.FuncOf(func(js.Value, []js.Value) any {
		pending = false
		ec := js.Global().Get("echarts")
		if ec.IsUndefined() {
			return nil
		}
		charts := js.Global().Get("document").Call("querySelectorAll", ".chart")
		for i := range charts.Length() {
			if inst := ec.Call("getInstanceByDom", charts.Index(i)); inst.Truthy() {
				inst.Call("resize")
			}
		}
		return nil
	})
	chartResizer = js.FuncOf(func(js.Value, []js.Value) any {
		if !pending {
			pending = true
			js.Global().Call("requestAnimationFrame", frame)
		}
		return nil
	})
	js.Global().Call("addEventListener", "resize", chartResizer)
}

// jsList is v's elements when v is an array, v alone when it is another
// value, nothing when it is null or undefined (ECharts takes an option
// such as title or xAxis either way).
func jsList(v js.Value) []js.Value {
	switch {
	case !v.Truthy():
		return nil
	case js.Global().Get("Array").Call("isArray", v).Bool():
		out := make([]js.Value, v.Length())
		for i := range out {
			out[i] = v.Index(i)
		}
		return out
	}
	return []js.Value{v}
}

// saveChartImage downloads the chart drawn in element id as a PNG (twice
// the screen's resolution, on the page's background), as its own save
// icon does.
func saveChartImage(id string, dark bool) {
	el := js.Global().Get("document").Call("getElementById", id)
	ec := js.Global().Get("echarts")
	if el.IsNull() || ec.IsUndefined() {
		return
	}
	inst := ec.Call("getInstanceByDom", el)
	if !inst.Truthy() {
		return
	}
	bg := "#ffffff"
	if dark {
		bg = "#1b2026"
	}
	url := inst.Call("getDataURL", map[string]any{"type": "png", "pixelRatio": 2, "backgroundColor": bg})
	a := js.Global().Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", strings.TrimPrefix(id, "chart-")+".png")
	a.Call("click")
}

// drawGen counts drawCharts calls by holder; the page's Go code runs on
// one thread.
var drawGen = map[string]int{}

func drawChart(ec, doc js.Value, s *report.Chart, theme js.Value) {
	el := doc.Call("getElementById", "chart-"+s.ID)
	if el.IsNull() {
		return
	}
	inst := ec.Call("getInstanceByDom", el)
	if !inst.IsUndefined() && !inst.IsNull() && inst.Call("getOption").Truthy() && el.Get("dataset").Get("theme").String() != theme.String() {
		inst.Call("dispose")
		inst = js.Undefined()
	}
	if inst.IsUndefined() || inst.IsNull() {
		inst = ec.Call("init", el, theme, map[string]any{"renderer": "canvas"})
		el.Get("dataset").Set("theme", theme.String())
	}
	opt := js.Global().Get("JSON").Call("parse", s.Option)
	opt.Set("backgroundColor", "transparent")
	if w := el.Get("clientWidth").Int(); w > 0 && w < 560 {
		// A phone: category labels turn steeper and smaller (titles and
		// captions are text beside the chart, and wrap by themselves).
		for _, x := range jsList(opt.Get("xAxis")) {
			if l := x.Get("axisLabel"); l.Truthy() {
				l.Set("rotate", 60)
				l.Set("fontSize", 10)
			}
		}
	}
	inst.Call("setOption", opt, true)
}

// applyTheme sets data-theme on the root element ("light" or "dark").
func applyTheme(dark bool) {
	t := "light"
	if dark {
		t = "dark"
	}
	js.Global().Get("document").Get("documentElement").Call("setAttribute", "data-theme", t)
}

// prefersDark reports the system colour scheme.
func prefersDark() bool {
	mm := js.Global().Get("matchMedia")
	if mm.Type() != js.TypeFunction {
		return false
	}
	return js.Global().Call("matchMedia", "(prefers-color-scheme: dark)").Get("matches").Bool()
}

// locationFragment is the part of the URL after '#'.
func locationFragment() string {
	if r := js.Global().Get("lirRejectedFragment"); r.Type() == js.TypeString {
		js.Global().Delete("lirRejectedFragment")
		return r.String()
	}
	h := js.Global().Get("location").Get("hash").String()
	if len(h) > 0 && h[0] == '#' {
		h = h[1:]
	}
	return h
}

// pageURLWithoutFragment is the page URL up to the '#'.
func pageURLWithoutFragment() string {
	l := js.Global().Get("location")
	return l.Get("origin").String() + l.Get("pathname").String() + l.Get("search").String()
}

// replaceFragment puts frag in the address bar without navigating.
func replaceFragment(frag string) {
	js.Global().Get("history").Call("replaceState", js.Null(), "", "#"+frag)
}

// copyToClipboard tries the clipboard and says whether it worked (a
// refusal is fine: the link is also in a text field).
func copyToClipboard(s string, done func(ok bool)) {
	cb := js.Global().Get("navigator").Get("clipboard")
	if !cb.Truthy() {
		done(false)
		return
	}
	var ok, fail js.Func
	release := func() { ok.Release(); fail.Release() }
	ok = js.FuncOf(func(js.Value, []js.Value) any { release(); done(true); return nil })
	fail = js.FuncOf(func(js.Value, []js.Value) any { release(); done(false); return nil })
	cb.Call("writeText", s).Call("then", ok, fail)
}

// inASecond calls f a second from now, on the JavaScript event loop: the
// page redraws the seconds a user waits (natively nothing is drawn, and
// nothing ticks).
func inASecond(f func()) {
	var cb js.Func
	cb = js.FuncOf(func(js.Value, []js.Value) any {
		cb.Release()
		f()
		return nil
	})
	js.Global().Call("setTimeout", cb, 1000)
}

// skipToRun makes the skip link (id link) move the keyboard focus to the
// element target: in a listener of its own, since go-app's handlers run
// after the event (too late to stop the link's navigation, which would
// put "#run-button" in the address). Enter activates a link on keydown and
// a button on the keypress after it, so from the keyboard the focus moves
// at the key's release: Run is focused, not pressed.
func skipToRun(link, target string) {
	el := js.Global().Get("document").Call("getElementById", link)
	if el.IsNull() {
		return
	}
	el.Call("addEventListener", "click", js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		e.Call("preventDefault")
		e.Call("stopPropagation")
		if e.Get("detail").Int() > 0 { // a pointer's click
			focusElement(target)
			return nil
		}
		var up js.Func
		up = js.FuncOf(func(js.Value, []js.Value) any {
			up.Release()
			focusElement(target)
			return nil
		})
		js.Global().Get("document").Call("addEventListener", "keyup", up, map[string]any{"once": true})
		return nil
	}))
}

// focusElement moves the keyboard focus to the element with that id.
func focusElement(id string) {
	if el := js.Global().Get("document").Call("getElementById", id); !el.IsNull() {
		el.Call("focus")
	}
}

// focusIfLost moves the focus to the element with that id when the
// focused element has gone, or was disabled: focus must not fall to the
// page's body.
func focusIfLost(id string) {
	a := js.Global().Get("document").Get("activeElement")
	if a.IsNull() || a.Equal(js.Global().Get("document").Get("body")) || a.Get("disabled").Truthy() || !a.Get("isConnected").Bool() {
		focusElement(id)
	}
}

// onHashChange calls f when the fragment changes (a share link pasted into
// the address bar of an open page).
func onHashChange(f func()) {
	js.Global().Call("addEventListener", "hashchange", js.FuncOf(func(js.Value, []js.Value) any {
		f()
		return nil
	}))
	// go-app's popstate handler parses the address with net/url and, when
	// that fails (a link with a broken % escape), navigates to a nil URL
	// and the program dies. The page has one route, so such an address
	// only needs f (which reports the broken link): skip go-app's handler.
	if goPop := js.Global().Get("onpopstate"); goPop.Truthy() {
		js.Global().Set("onpopstate", js.FuncOf(func(_ js.Value, args []js.Value) any {
			if _, err := url.Parse(js.Global().Get("location").Get("href").String()); err != nil {
				return nil
			}
			vals := make([]any, len(args))
			for i, a := range args {
				vals[i] = a
			}
			return goPop.Invoke(vals...)
		}))
	}
}

// readFileInput reads the first file of the <input type=file> with that id
// and calls done.
func readFileInput(id string, done func(name string, data []byte, err string)) {
	input := js.Global().Get("document").Call("getElementById", id)
	if input.IsNull() {
		return
	}
	files := input.Get("files")
	if !files.Truthy() || files.Get("length").Int() == 0 {
		return
	}
	file := files.Index(0)
	name := file.Get("name").String()
	readFile(file, MaxShareConfig, func(data []byte, err string) { done(name, data, err) })
}

// readFileInputs reads every file of the <input type=file> with that id,
// each of at most limit bytes, and calls done with them all: a file's name
// is its path within a picked folder. The input is cleared, so picking the
// same files again reads them again.
func readFileInputs(id string, limit int, done func([]pickedFile)) {
	input := js.Global().Get("document").Call("getElementById", id)
	if input.IsNull() || !input.Get("files").Truthy() {
		return
	}
	list := input.Get("files")
	files := make([]js.Value, list.Get("length").Int())
	for i := range files {
		files[i] = list.Index(i)
	}
	input.Set("value", "")
	if len(files) == 0 {
		return
	}
	out, left := make([]pickedFile, len(files)), len(files)
	for i, f := range files {
		name := f.Get("webkitRelativePath").String()
		if name == "" {
			name = f.Get("name").String()
		}
		readFile(f, limit, func(data []byte, err string) {
			out[i] = pickedFile{Name: name, Data: data, Err: err}
			if left--; left == 0 {
				done(out)
			}
		})
	}
}

// sizeText writes a size in bytes in binary units: "256 KiB", "1 MiB".
func sizeText(n int) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return strconv.Itoa(n>>20) + " MiB"
	}
	return strconv.Itoa(n>>10) + " KiB"
}

// readFile reads a File's text, refusing one larger than limit bytes.
func readFile(file js.Value, limit int, done func(data []byte, err string)) {
	if file.Get("size").Int() > limit {
		done(nil, "the file is larger than "+sizeText(limit))
		return
	}
	var then, fail js.Func
	then = js.FuncOf(func(_ js.Value, args []js.Value) any {
		done([]byte(args[0].String()), "")
		then.Release()
		fail.Release()
		return nil
	})
	fail = js.FuncOf(func(_ js.Value, args []js.Value) any {
		done(nil, args[0].Call("toString").String())
		then.Release()
		fail.Release()
		return nil
	})
	file.Call("text").Call("then", then, fail)
}

// markMounted tells scripts and tests that the page is live (data-lab="ready"
// on <html>, and the user timing mark "lab-ready"): the pre-rendered HTML
// looks the same but does nothing yet.
func markMounted() {
	// For measurements (docs/PERFORMANCE.md): the page's Go memory, bytes.
	js.Global().Set("lirPageMemory", js.FuncOf(func(js.Value, []js.Value) any {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return map[string]any{"sys": float64(m.Sys), "heapAlloc": float64(m.HeapAlloc), "heapSys": float64(m.HeapSys)}
	}))
	// When the page went live, ms from navigation (e2e/answer_test.go logs it).
	js.Global().Set("lirMountedAt", js.Global().Get("performance").Call("now"))
	js.Global().Get("document").Get("documentElement").Call("setAttribute", "data-lab", "ready")
	// A user timing mark, so that traces and Lighthouse reports say when
	// the page went live (docs/PERFORMANCE.md).
	if perf := js.Global().Get("performance"); perf.Truthy() && perf.Get("mark").Truthy() {
		perf.Call("mark", "lab-ready")
	}
}

// prerenderedHTML caches prerendered by id.
var prerenderedHTML = map[string]string{}

// prerendered is the HTML of the element with that id as index.html
// pre-rendered it (stage.go), read before go-app replaces the pre-rendered
// page; "" when there is no such element.
func prerendered(id string) string {
	if h, ok := prerenderedHTML[id]; ok {
		return h
	}
	el := js.Global().Get("document").Call("getElementById", id)
	if el.IsNull() {
		return ""
	}
	h := el.Get("outerHTML").String()
	prerenderedHTML[id] = h
	return h
}
