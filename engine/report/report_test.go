package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/results"
	"github.com/lir-lab/lir/engine/sim"
	"github.com/lir-lab/lir/web"
)

// sampleDoc is a three-seat run with a bonus bet, compared with the exact
// engine: every chart has data.
func sampleDoc(t testing.TB) *results.Document {
	c := config.Default()
	c.Metadata.Name = `Report test </script><b>not bold</b>`
	c.Table.NumSeats = 3
	c.BonusStrategy.Enabled = true
	c.BonusStrategy.Type = "always"
	c.Simulation.Trajectories = 3
	return runDoc(t, c, 3000)
}

// runDoc is the document of a run of c (seed 1), compared with the exact
// engine.
func runDoc(t testing.TB, c *config.Config, sessions int) *results.Document {
	t.Helper()
	r, err := sim.NewRunner(c)
	if err != nil {
		t.Fatal(err)
	}
	agg := r.Run(1, 0, sessions, nil)
	d := results.Build(c, 1, agg)
	e, err := results.ExactFor(c)
	if err != nil {
		t.Fatal(err)
	}
	d.Compare(agg, e)
	return d
}

func TestHTMLSelfContained(t *testing.T) {
	d := sampleDoc(t)
	b, err := HTML(d, web.EChartsJS)
	if err != nil {
		t.Fatal(err)
	}
	// Our markup, without the inlined library (whose code names the SVG
	// namespace URL and the like), refers to nothing outside the file.
	s := strings.Replace(string(b), string(web.EChartsJS), "", 1)
	for _, bad := range []string{"<script src", "<link ", "http://", "https://", "src=", "<b>not bold</b>"} {
		if strings.Contains(s, bad) {
			t.Errorf("report contains %q", bad)
		}
	}
	if n := strings.Count(s, "</script>"); n != len(Charts(d))+2 {
		t.Errorf("%d script elements closed, want %d (one per chart option, ECharts, init)", n, len(Charts(d))+2)
	}
	if !bytes.Contains(b, web.EChartsJS[:200]) {
		t.Error("ECharts is not inlined")
	}
	if got := len(Charts(d)); got < 9 {
		t.Errorf("%d charts, want at least 9 for a multi-seat bonus run", got)
	}
}

// TestHTMLRefusesScriptEnd: a library that would close its own script
// element, in any case, is refused rather than inlined.
func TestHTMLRefusesScriptEnd(t *testing.T) {
	d := sampleDoc(t)
	for _, lib := range []string{"a</script>b", "x</SCRIPT", "</ScRiPt", "</script"} {
		if _, err := HTML(d, []byte(lib)); err == nil {
			t.Errorf("HTML accepted a library containing %q", lib)
		}
	}
	for _, lib := range []string{"", "<", "</", "</scrip", "</scrip t", "a < /script", "</scrip</scrip"} {
		if _, err := HTML(d, []byte(lib)); err != nil {
			t.Errorf("HTML refused %q: %v", lib, err)
		}
	}
}

// The report says plainly when the main-game table favours the player
// (exact EV +636639/1082900 with a pair of tens or better paying 3 to 1).
func TestReportSaysTableFavoursPlayer(t *testing.T) {
	c := config.Default()
	c.Paytables.MainGame.Type = "custom"
	c.Paytables.MainGame.Custom.PairTensOrBetter = 3
	b, err := HTML(runDoc(t, c, 100), web.EChartsJS)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("This main-game table favours the player.")) {
		t.Error("the report does not say the table favours the player")
	}
}

// BenchmarkCharts builds the charts of a three-seat bonus run with 20
// bankroll paths (the trajectory chart's largest option), as the page does
// after every run.
func BenchmarkCharts(b *testing.B) {
	c := config.Default()
	c.Table.NumSeats = 3
	c.BonusStrategy.Enabled = true
	c.BonusStrategy.Type = "always"
	c.Simulation.Trajectories = 20
	d := runDoc(b, c, 20000)
	for b.Loop() {
		Charts(d)
	}
}

// A report draws a chart at its Height when it has one and at the
// stylesheet's height otherwise (Chart.Height), the run's report as the
// study's.
func TestWriteChartHeight(t *testing.T) {
	for h, want := range map[int]string{0: `<div class="chart" id="chart-x"`, 340: `<div class="chart" style="height:340px" id="chart-x"`} {
		var b bytes.Buffer
		writeChart(&b, &Chart{ID: "x", Title: "T", Caption: "C", Option: "{}", Height: h})
		if !strings.Contains(b.String(), want) {
			t.Errorf("height %d: %s", h, b.String())
		}
	}
}
