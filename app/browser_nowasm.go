//go:build !(js && wasm)

package app

import (
	"encoding/json"

	"github.com/lir-lab/lir/app/configtools"
)

// Native stand-ins for browser_wasm.go: the page pre-renders and its logic
// tests natively; nothing here is reached in a browser.

type workerPool struct{ n int }

func newWorkerPool(string, func(int, WorkerEvent)) *workerPool { return &workerPool{} }
func (p *workerPool) Resize(n int)                             { p.n = n }
func (p *workerPool) Restart()                                 {}
func (p *workerPool) Gen(i int) int                            { return 0 }
func (p *workerPool) Size() int                                { return p.n }
func (p *workerPool) Send(int, RunMessage)                     {}
func (p *workerPool) SendExact(int, string, string, bool)      {}

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
func drawCharts(string, []chartSpec, bool)               {}
func applyTheme(bool)                                    {}
func prefersDark() bool                                  { return false }
func locationFragment() string                           { return "" }
func pageURLWithoutFragment() string                     { return "" }
func replaceFragment(string)                             {}
func copyToClipboard(string)                             {}
func onHashChange(func())                                {}
func readFileInput(string, func(string, []byte, string)) {}
func markMounted()                                       {}
func yieldToBrowser()                                    {}
func prerendered(string) string                          { return "" }
func setInputValues(map[string]string)                   {}
func saveChartImage(string, bool)                        {}
