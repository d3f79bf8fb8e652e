package app

import (
	"fmt"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/lir-lab/lir/app/wire"
	"github.com/lir-lab/lir/engine/report"
	"github.com/lir-lab/lir/engine/results"
	"github.com/lir-lab/lir/engine/rulebook"
)

// runResult is a finished run as the page shows it: the results document,
// decoded once (or built by the engine), and what is made from it.
type runResult struct {
	Doc     *results.Document
	JSON    []byte
	Workers int
	Elapsed time.Duration
	Charts  []*report.Chart // made in a task after the figures show
	JSONURL string
	CSVURL  string // results.SummaryCSV, as lir run writes summary.csv
	// SeatsURL is results.SeatsCSV (seats.csv) of a table of several seats.
	SeatsURL string
	// ReportURL is the self-contained HTML report (engine/report), made
	// for runs of this page load.
	ReportURL string
	ReportErr string
	// WasmMemory is the largest worker WebAssembly memory of the run, bytes.
	WasmMemory int64
	FromPast   bool // restored from history, not run now
	// Exact is the exact session outcome, or nil (ExactNote then says why,
	// when known).
	Exact     *wire.ExactSession
	ExactNote string
}

// resultsPanel shows the results of the last run: the figures beside the
// exact ones, the downloads and the charts. A new run leaves them in view
// until its own replace them.
type resultsPanel struct {
	goapp.Compo

	results async[*runResult]
	dark    bool
}

func (p *resultsPanel) OnMount(ctx goapp.Context)     { p.mount(ctx) }
func (p *resultsPanel) OnPreRender(ctx goapp.Context) { p.mount(ctx) }

func (p *resultsPanel) mount(ctx goapp.Context) {
	ctx.ObserveState(stateResults, &p.results)
	ctx.ObserveState(stateDark, &p.dark)
}

func (p *resultsPanel) Render() goapp.UI {
	r := p.results.Data
	sec := goapp.Section().ID("results").Class("card").Aria("labelledby", "results-h")
	if r == nil {
		note := "No results yet."
		if p.results.Status == working {
			note = "No results yet: they show when the run ends."
		}
		return sec.Body(goapp.H2().ID("results-h").Text("Results"), goapp.P().Class("muted").Text(note))
	}
	title := "Results"
	if r.FromPast {
		title = "Results (from history)"
	}
	d := r.Doc
	return sec.DataSet("worker-memory", r.WasmMemory).Aria("busy", fmt.Sprint(p.results.Status == working)).Body(
		goapp.H2().ID("results-h").Text(title),
		goapp.If(p.results.Status == working, func() goapp.UI {
			return goapp.P().Class("note").Text("A new run is going: these are the last results, until its own replace them.")
		}),
		figureTable("Summary", summaryRows(d)),
		exactSessionTable(d, r),
		goapp.Div().Class("row").Body(
			goapp.A().ID("download-json").Class("button").Href(r.JSONURL).Download("lir-results-"+d.Seed+".json").Text("Download results (JSON)"),
			goapp.A().ID("download-csv").Class("button").Href(r.CSVURL).Download("lir-summary-"+d.Seed+".csv").Text("Download results (CSV)"),
			goapp.If(r.SeatsURL != "", func() goapp.UI {
				return goapp.A().ID("download-seats").Class("button").Href(r.SeatsURL).Download("lir-seats-" + d.Seed + ".csv").Text("Download per-seat results (CSV)")
			}),
			goapp.If(r.ReportURL != "", func() goapp.UI {
				return goapp.A().ID("download-report").Class("button").Href(r.ReportURL).Download("lir-report-" + d.Seed + ".html").Text("Download report (HTML)")
			}),
		),
		goapp.If(r.ReportURL == "" && r.FromPast, func() goapp.UI {
			return goapp.P().Class("muted").Text("The HTML report is made for runs of this visit; run the study again to get it.")
		}),
		goapp.If(r.ReportErr != "", func() goapp.UI {
			return goapp.P().Class("note bad").Text("The HTML report could not be made: " + r.ReportErr)
		}),
		&chartGrid{ID: "result-charts", Charts: r.Charts, Dark: p.dark},
	)
}

// summaryRows are the run's main figures, in words.
func summaryRows(d *results.Document) [][2]string {
	f := func(x results.Float) float64 { return float64(x) }
	rows := [][2]string{
		{"Seed", d.Seed},
		{"Sessions", groupDigits(int64(d.Sessions))},
		{"Hands", groupDigits(int64(d.Hands))},
	}
	n := d.PlayerSessions
	won := "Sessions won / lost / even"
	if n != d.Sessions {
		// Several seats: one table session holds a player session per seat
		// (and more when players are replaced).
		won = "Player sessions won / lost / even"
		rows = append(rows, [2]string{"Player sessions", groupDigits(int64(n))})
	}
	o := d.SessionOutcomes
	w := d.SessionWinRate
	rows = append(rows,
		[2]string{won, fmt.Sprintf("%s / %s / %s", groupDigits(int64(o.Get("win"))), groupDigits(int64(o.Get("loss"))), groupDigits(int64(o.Get("push"))))},
		[2]string{"Sessions ended ahead (95% CI)", fmt.Sprintf("%s (%s – %s)", pct(f(w.Value)), pct(float64(w.CI95Lo)), pct(float64(w.CI95Hi)))},
		[2]string{"Result per hand (95% CI)", fmt.Sprintf("%s (%s – %s)", cashFine(f(d.EV.Total.Value)), cashFine(f(d.EV.Total.CI95Lo)), cashFine(f(d.EV.Total.CI95Hi)))},
	)
	if x := d.Exact; x != nil {
		verdict := "within 4 standard errors"
		if !x.EVPerUnitBet.WithinFour {
			verdict = "more than 4 standard errors apart"
		}
		c := x.EVPerUnitBet
		rows = append(rows, [2]string{"Result per unit bet: simulated vs exact",
			fmt.Sprintf("%.5f ± %.5f vs %.5f (%s; %s)", f(c.Observed), f(c.StdErr), f(c.Exact), c.ExactFrac, verdict)})
		edge := fmt.Sprintf("%.4f%% = %s", 100*f(x.HouseEdge), x.HouseEdgeFrac)
		if x.FavoursPlayer {
			edge += ". This main-game table favours the player."
		}
		rows = append(rows, [2]string{"House edge (exact)", edge})
	}
	if d.ExactOmitted != "" {
		rows = append(rows, [2]string{"Exact figures", "none: " + words(d.ExactOmitted)})
	}
	rows = append(rows,
		[2]string{"Result per hand in base bets", fmt.Sprintf("%.5f", f(d.EVPerHandUnits))},
		[2]string{"Main game wagered / paid back / net", fmt.Sprintf("%s / %s / %s", cents(d.Main.Wagered), cents(d.Main.Won), cents(d.Main.Net))},
		[2]string{"Bonus wagered / paid back / net", fmt.Sprintf("%s / %s / %s", cents(d.Bonus.Wagered), cents(d.Bonus.Won), cents(d.Bonus.Net))},
	)
	p := d.SessionProfit
	rows = append(rows, [2]string{"Session profit", fmt.Sprintf("mean %s · sd %s · min %s · 5%% %s · 25%% %s · median %s · 75%% %s · 95%% %s · max %s",
		cash(f(p.Mean)), cash(f(p.Std)), cash(f(p.Min)), cash(f(p.P5)), cash(f(p.P25)), cash(f(p.P50)), cash(f(p.P75)), cash(f(p.P95)), cash(f(p.Max)))})
	return rows
}

// cents writes an exact amount of the document.
func cents(c results.Cents) string {
	if c.V == nil {
		return cash(0)
	}
	x, _ := c.V.Float64()
	return cash(x / 100)
}

// exactSessionTable sets the simulated session figures beside the exact
// ones of engine/exact's Markov chain, or says why there are none.
func exactSessionTable(d *results.Document, r *runResult) goapp.UI {
	rows := exactSessionRows(d, r.Exact)
	if len(rows) == 0 {
		if r.ExactNote != "" {
			return goapp.P().ID("exact-session-note").Class("muted").Text("No exact session figures for this study: " + words(r.ExactNote) + ".")
		}
		return goapp.Text("")
	}
	return goapp.Table().ID("exact-session").Class("summary").Body(
		goapp.Caption().Text("One player session: simulated vs exact"),
		goapp.THead().Body(goapp.Tr().Body(
			goapp.Th().Scope("col").Text("Figure"), goapp.Th().Scope("col").Text("Simulated"), goapp.Th().Scope("col").Text("Exact"),
		)),
		goapp.TBody().Body(goapp.Range(rows).Slice(func(i int) goapp.UI {
			return goapp.Tr().Body(goapp.Th().Scope("row").Text(rows[i][0]), goapp.Td().Text(rows[i][1]), goapp.Td().Text(rows[i][2]))
		})),
	)
}

// exactSessionRows are the rows of exactSessionTable: {figure, simulated,
// exact}; none without an exact session.
func exactSessionRows(d *results.Document, x *wire.ExactSession) [][3]string {
	if x == nil {
		return nil
	}
	n := float64(d.PlayerSessions)
	share := func(count uint64) string {
		if n == 0 {
			return "–"
		}
		return pct(float64(count) / n)
	}
	o := d.SessionOutcomes
	rows := [][3]string{
		{"P(win session)", share(o.Get("win")), pct(x.PWin)},
		{"P(break even)", share(o.Get("push")), pct(x.PPush)},
		{"P(lose session)", share(o.Get("loss")), pct(x.PLoss)},
	}
	for r := range rulebook.NumStops {
		k := rulebook.Stop(r).String()
		sim := d.StopReasons.Get(k)
		if sim == 0 && x.StopReasons[k] == 0 {
			continue
		}
		rows = append(rows, [3]string{"Stopped: " + rulebook.Stop(r).Label(), share(sim), pct(x.StopReasons[k])})
	}
	rows = append(rows,
		[3]string{"Hands per session (mean)", fmt.Sprintf("%.2f", float64(d.HandsPerSession.Mean)), fmt.Sprintf("%.2f", x.ExpectedHands)},
		[3]string{"Session profit (mean)", cash(float64(d.SessionProfit.Mean)), cash(x.ExpectedProfit)},
	)
	return rows
}
