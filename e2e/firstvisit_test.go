//go:build !wasm

package e2e

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lir-lab/lir/internal/statichost"
)

// firstVisitBudget is the most a first visit may cost on the wire, service
// worker included, served gzipped as GitHub Pages serves it (issue 12:
// 3.5 MB; it was 6.5 MB when the service worker fetched the config tools
// and bench.html up front).
const firstVisitBudget = 3_500_000

// TestFirstVisitBytes opens the page once in a fresh browser, from a host
// that gzips as GitHub Pages does, waits until the page is live and the
// service worker has cached what it caches at install, and counts what the
// host sent: within the budget, and nothing of the config tools or
// bench.html (fetched at first use).
func TestFirstVisitBytes(t *testing.T) {
	ctx := browser(t)
	_, url, host := serveHost(t, site(t, ""), "", 600)
	open(t, ctx, url)
	waitFor[bool](t, ctx, `navigator.serviceWorker.controller !== null`)
	// Until the host has sent nothing more for a second.
	var sent map[string]statichost.Sent
	var all statichost.Sent
	for last, quiet := int64(-1), 0; quiet < 10; time.Sleep(100 * time.Millisecond) {
		sent, all = host.Stats(), statichost.Sent{}
		for _, s := range sent {
			all.Requests += s.Requests
			all.Bytes += s.Bytes
			all.Raw += s.Raw
		}
		if n := int64(all.Requests) + all.Bytes; n == last {
			quiet++
		} else {
			last, quiet = n, 0
		}
	}
	var lines []string
	for _, p := range slices.Sorted(maps.Keys(sent)) {
		s := sent[p]
		lines = append(lines, fmt.Sprintf("%-28s %2d× %10d B sent %10d B raw", p, s.Requests, s.Bytes, s.Raw))
		for _, later := range []string{"/web/tools.wasm", "/web/tools.js", "/web/bench.html"} {
			if p == later {
				t.Errorf("the first visit fetched %s, which it should fetch at first use", p)
			}
		}
	}
	t.Logf("first visit, served gzipped:\n%s\ntotal: %d B sent (%.2f MB), %d B raw (%.2f MB)",
		strings.Join(lines, "\n"), all.Bytes, float64(all.Bytes)/1e6, all.Raw, float64(all.Raw)/1e6)
	if all.Bytes > firstVisitBudget {
		t.Errorf("the first visit sent %d bytes, over the budget of %d", all.Bytes, firstVisitBudget)
	}
}
