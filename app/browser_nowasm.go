//go:build !(js && wasm)

package app

import (
	"encoding/json"

	"github.com/lir-lab/lir/app/configtools"
	"github.com/lir-lab/lir/app/wire"
	"github.com/lir-lab/lir/engine/report"
)

// Native stand-ins for browser_wasm.go: the page pre-renders and its logic
// tests natively; nothing here is reached in a browser.

// workerPool stands for the Web Workers: it holds its size and does
// nothing (the page's tests give the page an in-process pool instead).
type workerPool struct{ n int }

func newWorkerPool(string, func(int, WorkerEvent)) pool { return &workerPool{} }
func (p *workerPool) Resize(n int)                      { p.n = n }
func (p *workerPool) Restart()                          {}
func (p *workerPool) Gen(i int) int                     { return 0 }
func (p *workerPool) Size() int                         { return p.n }
func (p *workerPool) Send(int, wire.Request)            {}

func hardwareConcurrency() int                { return 1 }
func objectURL(string, []byte, string) string { return "" }
func fetchText(string, func([]byte, string))  {}

func setToolsURL(string) {}

// callTools runs the config tools in place (in a browser they run in a
// Web Worker).
func callTools(op, name, data string, done func(toolsReply)) {
	b, _ := json.Marshal(configtools.Do(op, name, data)) // the reply's form between worker and page
	done(parseToolsReply(string(b)))
}
func drawCharts(string, []*report.Chart, bool)           {}
func applyTheme(bool)                                    {}
func prefersDark() bool                                  { return false }
func locationFragment() string                           { return "" }
func pageURLWithoutFragment() string                     { return "" }
func replaceFragment(string)                             {}
func copyToClipboard(_ string, done func(bool))          { done(false) }
func skipToRun(string, string)                           {}
func inASecond(func())                                   {}
func focusIfLost(string)                                 {}
func onHashChange(func())                                {}
func readFileInput(string, func(string, []byte, string)) {}
func readFileInputs(string, int, func([]pickedFile))     {}
func markMounted()                                       {}
func yieldToBrowser()                                    {}
func prerendered(string) string                          { return "" }
func setInputValues(map[string]string)                   {}
func saveChartImage(string, bool)                        {}
