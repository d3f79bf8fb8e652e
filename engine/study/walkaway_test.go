package study

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/configyaml"
)

// The walk-away study (docs/STUDY-WALKAWAY.md): the Python tool's 51
// walk-away configurations, written here in its format
// (testdata/walkaway), its published figures (testdata/walkaway/
// published.csv, from its results/walkaway/*_aggregate.csv files), and five
// configs in this project's format that play as its code plays those files
// (testdata/walkaway-as-played). The tables between the markers of the
// document are generated here; -update rewrites them.

var update = flag.Bool("update", false, "rewrite the generated tables of docs/STUDY-WALKAWAY.md")

const (
	walkAwaySessions = 20000
	walkAwaySeed     = 42
	walkAwayDoc      = "../../docs/STUDY-WALKAWAY.md"
)

// published is one row of the Python tool's published aggregate figures.
type published struct {
	sessions, wins, losses, pushes, hands float64
	mean, sd, evHand                      float64
}

func readPublished(t *testing.T) map[string]published {
	t.Helper()
	f, err := os.Open("testdata/walkaway/published.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]published{}
	for _, r := range recs[1:] {
		var v [8]float64
		for i := range v {
			if v[i], err = strconv.ParseFloat(r[i+1], 64); err != nil {
				t.Fatalf("published.csv %s: %v", r[0], err)
			}
		}
		out[r[0]] = published{v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]}
	}
	return out
}

type studied struct {
	row *Row
	cfg *config.Config
	key string // config name without the "(as its code plays it)" suffix
}

func runFolder(t *testing.T, dir string, cache *Cache) []studied {
	t.Helper()
	var files []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".yaml") {
			files = append(files, p)
		}
		return err
	})
	sort.Strings(files)
	var out []studied
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c, err := configyaml.Decode(f, data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		c.Simulation.NumSessions = walkAwaySessions
		row, err := Run(filepath.Base(f), c, walkAwaySeed, Options{Exact: cache})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, studied{row, c, strings.TrimSuffix(filepath.Base(f), ".yaml")})
	}
	return out
}

// setting describes a config's rules in a few words.
func setting(c *config.Config) string {
	s := c.Bankroll.StopConditions
	parts := []string{fmt.Sprintf("+%s/−%s", *s.WinLimit, *s.LossLimit)}
	if h := min(*s.MaxHands, c.Simulation.HandsPerSession); h != 200 {
		parts = append(parts, fmt.Sprintf("%d hands", h))
	}
	if c.Bankroll.BaseBet != 500 {
		parts = append(parts, fmt.Sprintf("bet %s", c.Bankroll.BaseBet))
	}
	if c.Bankroll.StartingAmount != 50000 {
		parts = append(parts, fmt.Sprintf("bankroll %s", c.Bankroll.StartingAmount))
	}
	if c.BonusStrategy.Enabled {
		parts = append(parts, fmt.Sprintf("bonus %s", *c.BonusStrategy.Static.Amount))
	}
	if t := c.Bankroll.BettingSystem.Type; t != "flat" {
		parts = append(parts, t)
	}
	if n := c.Table.NumSeats; n > 1 {
		parts = append(parts, fmt.Sprintf("%d seats", n))
	}
	if c.Dealer.DiscardEnabled {
		parts = append(parts, fmt.Sprintf("burn %d", c.Dealer.DiscardCards))
	}
	return strings.Join(parts, ", ")
}

func pct(x float64) string { return fmt.Sprintf("%.2f%%", 100*x) }

// zOf is (observed − exact) / SE, the SE of a mean of n draws of sd.
func zOf(observed, exact, sd, n float64) string {
	return fmt.Sprintf("%+.1f", (observed-exact)/(sd/math.Sqrt(n)))
}

func walkAwayTables(t *testing.T) (main, asPlayed string, rows []studied) {
	pub := readPublished(t)
	cache := NewCache()
	rows = runFolder(t, "testdata/walkaway", cache)
	played := runFolder(t, "testdata/walkaway-as-played", cache)
	if len(rows) != 51 || len(pub) != 51 {
		t.Fatalf("%d configs, %d published rows; want 51 of each", len(rows), len(pub))
	}
	// Its ranking: by its published win rate.
	itsRank := map[string]int{}
	var keys []string
	for k := range pub {
		keys = append(keys, k)
	}
	sort.SliceStable(keys, func(i, j int) bool {
		a, b := pub[keys[i]], pub[keys[j]]
		return a.wins/a.sessions > b.wins/b.sessions || (a.wins/a.sessions == b.wins/b.sessions && keys[i] < keys[j])
	})
	for i, k := range keys {
		itsRank[k] = i + 1
	}
	rs := make([]*Row, len(rows))
	byRow := map[*Row]studied{}
	for i, s := range rows {
		rs[i] = s.row
		byRow[s.row] = s
	}
	Rank(rs)

	var b strings.Builder
	b.WriteString("| # | config | rules | its P(win) | exact P(win) | z | ours simulated, 95% CI | its mean profit | exact mean profit | z | its EV/hand | exact EV/hand | its sd | exact sd | its rank |\n")
	b.WriteString("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, r := range rs {
		s := byRow[r]
		p, ok := pub[s.key]
		if !ok {
			t.Fatalf("%s: no published figure", s.key)
		}
		if r.PWinExact == nil {
			t.Fatalf("%s: no exact figure: %s", s.key, r.ExactOmitted)
		}
		pw := p.wins / p.sessions
		ex := *r.PWinExact
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %s | %s (%s–%s) | %s | %s | %s | %s | %s | $%.0f | $%.0f | %d |\n",
			r.Rank, s.key, setting(s.cfg), pct(pw), pct(ex), zOf(pw, ex, math.Sqrt(ex*(1-ex)), p.sessions),
			pct(r.PWin), pct(r.PWinLo), pct(r.PWinHi),
			money(p.mean), money(*r.MeanProfitExact), zOf(p.mean, *r.MeanProfitExact, *r.SDProfitExact, p.sessions),
			money(p.evHand), money(*r.EVPerHandExact), p.sd, *r.SDProfitExact, itsRank[s.key])
	}
	main = b.String()

	b.Reset()
	b.WriteString("| config | its P(win) | exact, its file | exact, its rules spelled out here | its mean profit | exact | its EV/hand | exact |\n")
	b.WriteString("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	here := map[string]*Row{}
	for _, s := range rows {
		here[s.key] = s.row
	}
	for _, s := range played {
		p := pub[s.key]
		r, h := s.row, here[s.key]
		if r.PWinExact == nil || h == nil || h.PWinExact == nil {
			t.Fatalf("%s: no exact figure or no file in its format", s.key)
		}
		// Two spellings of the same rules: the same exact session.
		if math.Abs(*r.PWinExact-*h.PWinExact) > 1e-12 || math.Abs(*r.MeanProfitExact-*h.MeanProfitExact) > 1e-9 {
			t.Errorf("%s: exact P(win) %v, mean %v from its file; %v, %v from the rules spelled out", s.key, *h.PWinExact, *h.MeanProfitExact, *r.PWinExact, *r.MeanProfitExact)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", s.key, pct(p.wins/p.sessions), pct(*h.PWinExact), pct(*r.PWinExact),
			money(p.mean), money(*r.MeanProfitExact), money(p.evHand), money(*r.EVPerHandExact))
	}
	asPlayed = b.String()
	return main, asPlayed, rows
}

// replaceBetween replaces the text between the begin and end markers.
func replaceBetween(t *testing.T, doc []byte, name, table string) []byte {
	t.Helper()
	begin, end := fmt.Sprintf("<!-- begin %s (generated) -->\n", name), fmt.Sprintf("<!-- end %s -->", name)
	i, j := bytes.Index(doc, []byte(begin)), bytes.Index(doc, []byte(end))
	if i < 0 || j < i {
		t.Fatalf("%s: no %q … %q markers", walkAwayDoc, begin, end)
	}
	return append(append(append([]byte{}, doc[:i+len(begin)]...), table...), doc[j:]...)
}

// TestWalkAwayStudy keeps docs/STUDY-WALKAWAY.md's tables true: each is
// generated from the configs and the published figures and must equal the
// document's. It also checks the must-shows: every config has an exact
// P(win) within 4 SE of its simulated figure.
func TestWalkAwayStudy(t *testing.T) {
	if testing.Short() {
		t.Skip("simulates 56 configs × 20,000 sessions")
	}
	main, asPlayed, rows := walkAwayTables(t)
	for _, s := range rows {
		if s.row.Within4 == nil || !*s.row.Within4 {
			t.Errorf("%s: simulated %v against exact %v: z %v, %v", s.key, s.row.PWin, s.row.PWinExact, s.row.PWinZ, s.row.MeanProfitZ)
		}
	}
	doc, err := os.ReadFile(walkAwayDoc)
	if err != nil {
		t.Fatal(err)
	}
	want := replaceBetween(t, replaceBetween(t, doc, "table", main), "as-played", asPlayed)
	if *update {
		if err := os.WriteFile(walkAwayDoc, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(doc, want) {
		t.Fatalf("%s is out of date: run go test ./engine/study -run TestWalkAwayStudy -update\ngenerated table:\n%s\n%s", walkAwayDoc, main, asPlayed)
	}
}
