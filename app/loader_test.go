package app

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// PatchAppJS finds go-app's loader in the app.js this version of go-app
// generates and puts ours in its place, once; anything else is refused.
func TestPatchAppJS(t *testing.T) {
	rec := httptest.NewRecorder()
	Handler(SiteOptions{Version: "test"}).ServeHTTP(rec, httptest.NewRequest("GET", "/app.js", nil))
	js := rec.Body.String()
	if !strings.Contains(js, "fetchWithProgress(") {
		t.Fatalf("go-app's app.js has no loader to replace:\n%.400s", js)
	}
	out, err := PatchAppJS([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	if strings.Count(got, "async function goappInitWebAssembly()") != 1 || !strings.Contains(got, "lirCompile(goappGetenv(") {
		t.Errorf("the loader is not in place:\n%s", got)
	}
	// The rest of go-app's script is kept: the service worker, getenv.
	for _, keep := range []string{"goappInitServiceWorker();", "function goappGetenv(k)", "function goappCanLoadWebAssembly()"} {
		if !strings.Contains(got, keep) {
			t.Errorf("patched app.js lost %q", keep)
		}
	}
	if _, err := PatchAppJS([]byte(strings.Replace(js, "async function goappInitWebAssembly()", "function init()", 1))); err == nil {
		t.Error("an app.js without go-app's loader was patched")
	}
}
