//go:build !wasm

package e2e

import (
	"bytes"
	"encoding/json"
	"github.com/lir-lab/lir/engine/sharelink"
	"strings"
	"testing"

	"github.com/lir-lab/lir/app"
	"github.com/lir-lab/lir/engine/config"
)

// TestShareLinkRestoresAndRuns opens a link carrying a non-default config
// (seats, bonus, limits changed): the editor shows it and a run uses it.
func TestShareLinkRestoresAndRuns(t *testing.T) {
	cfg := config.Study()
	cfg.Simulation.NumSessions = 3000
	cfg.Table.NumSeats = 3
	cfg.BonusStrategy.Enabled = true
	cfg.BonusStrategy.Type = "always"
	win, loss := config.Money(10000), config.Money(15000)
	cfg.Bankroll.StopConditions.WinLimit = &win
	cfg.Bankroll.StopConditions.LossLimit = &loss
	want := cfg.CanonicalJSON()

	ctx := browser(t)
	_, url := serve(t, site(t, ""), "")
	open(t, ctx, url+"#"+app.EncodeShare(want))

	fields := eval[map[string]string](t, ctx, js(`return {
		seats: lab.field("Seats").value, win: lab.field("Win limit (profit)").value,
		loss: lab.field("Loss limit").value, bonus: String(lab.field("Bet the bonus").checked),
		sessions: lab.field("Sessions").value, note: document.querySelector("#load-msg").textContent};`))
	if fields["seats"] != "3" || fields["win"] != "100" || fields["loss"] != "150" || fields["bonus"] != "true" || fields["sessions"] != "3000" {
		t.Fatalf("editor after opening the share link: %v", fields)
	}
	if !strings.Contains(fields["note"], "share link") {
		t.Errorf("no note that the config came from the link: %q", fields["note"])
	}
	if s := runToEnd(t, ctx); !strings.HasSuffix(s, "Done") {
		t.Fatalf("run from share link: status %q", s)
	}
	var doc struct{ Config json.RawMessage }
	if err := json.Unmarshal(downloadJSON(t, ctx), &doc); err != nil {
		t.Fatal(err)
	}
	used, err := config.DecodeJSON(doc.Config)
	if err != nil {
		t.Fatalf("config of the results: %v", err)
	}
	// The document records the seed drawn and no worker count, as the CLI's.
	used.Simulation.RandomSeed, used.Simulation.Workers = nil, cfg.Simulation.Workers
	if !bytes.Equal(used.CanonicalJSON(), want) {
		t.Errorf("the run used config\n%s\nwant the shared\n%s", used.CanonicalJSON(), want)
	}
	checkChartIDs(t, ctx, "chart-seats", "chart-seat-ev", "chart-bonus-mean", "chart-bonus-variance", "chart-trajectories", "chart-risk", "chart-drawdown")
	screenshot(t, ctx, "share-link-run.png")

	// The page makes a link for its config, and that link round-trips.
	click(t, ctx, "Copy share link")
	link := waitFor[string](t, ctx, `lab.field("Share link").value`)
	frag := link[strings.Index(link, "#")+1:]
	got, err := sharelink.Decode(frag) // as lir url decode reads it
	if err != nil || string(got.CanonicalJSON()) != string(want) {
		t.Errorf("the page's share link decodes to %v, %v; want %s", got, err, want)
	}
}

// TestBadShareLinks opens damaged and oversized links: each shows a clear
// error, the editor keeps a usable (default) config and a run still works.
func TestBadShareLinks(t *testing.T) {
	ctx := browser(t)
	_, url := serve(t, site(t, ""), "")
	for _, tc := range []struct{ name, frag, want string }{
		{"damaged", "v1.%%%not-base64", "could not be opened"},
		{"oversized", "v1." + strings.Repeat("A", app.MaxShareFragment+10), "at most"},
		{"invalid config", app.EncodeShare([]byte(`{"table":{"num_seats":9}}`)), "not valid"},
		{"not json", app.EncodeShare([]byte(`{{{{`)), "not valid"},
	} {
		t.Logf("opening the %s link", tc.name)
		open(t, ctx, url+"#"+tc.frag)
		got := eval[map[string]string](t, ctx, js(`const m = document.querySelector("#load-msg");
			return {role: m ? m.getAttribute("role") : "", text: m ? m.textContent : "",
				seats: lab.field("Seats").value, run: String(!lab.byName("button", "Run").disabled), href: location.href};`))
		if got["role"] != "alert" || !strings.Contains(got["text"], tc.want) {
			t.Errorf("%s link: message %q (role %q); want an alert saying %q", tc.name, got["text"], got["role"], tc.want)
		}
		if got["seats"] != "1" || got["run"] != "true" {
			t.Errorf("%s link: editor not usable: %v", tc.name, got)
		}
		if tc.name == "oversized" {
			screenshot(t, ctx, "share-link-oversized.png")
		}
	}
	// A broken link reached while the page is open (an edited address, a
	// clicked link): the same alert, and the page lives on.
	open(t, ctx, url)
	eval[bool](t, ctx, `location.hash = "#v1.%E0%A4%A"; true`)
	waitFor[bool](t, ctx, `document.querySelector("#load-msg").getAttribute("role") === "alert" && /could not be opened/.test(document.querySelector("#load-msg").textContent)`)
	setField(t, ctx, "Sessions", "500")
	if s := runToEnd(t, ctx); !strings.HasSuffix(s, "Done") {
		t.Fatalf("run after a bad link: status %q", s)
	}
}
