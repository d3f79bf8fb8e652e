package app

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/lir-lab/lir/configs"
	"github.com/lir-lab/lir/engine/compare"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/report"
	"github.com/lir-lab/lir/engine/results"
)

// comparisonView is a comparison document of `lir compare --json`
// (docs/RESULTS.md), decoded once, as the page shows it: one row per
// config and one per pair, and the charts of engine/report.
type comparisonView struct {
	Doc     *compare.Document
	Configs [][]string // name, hands, win rate, mean profit (95% CI), EV/hand, EV per unit bet
	Pairs   [][]string
	Charts  []*report.Chart
	URL     string // the document, downloadable (a blob: URL)
	File    string // its file name
}

var comparisonConfigHead = []string{"Config", "Hands", "Session win rate (95% CI)", "Session profit (95% CI)", "Result per hand", "EV per unit bet"}

// The verdict comes right after the pair: the table scrolls sideways.
var comparisonPairHead = []string{"Pair (a − b)", "Significant", "Profit difference (95% CI)", "p (paired t)", "p adjusted (Holm)",
	"Effect size d_z", "Win rate difference", "Sessions only a / only b won", "Win-rate test", "p (win rate)", "p adjusted (Holm)", "Cohen's h",
	"Variance reduction"}

// parseComparison reads a comparison document; it refuses other documents
// with a reason.
func parseComparison(data []byte) (*comparisonView, error) {
	var d compare.Document
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("not a comparison document: %v", err)
	}
	if d.Pairs == nil {
		return nil, fmt.Errorf("no pairs: this is not a document of lir compare --json")
	}
	if d.SchemaVersion != compare.SchemaVersion {
		return nil, fmt.Errorf("comparison schema version %d; this page reads version %d", d.SchemaVersion, compare.SchemaVersion)
	}
	v := &comparisonView{Doc: &d, Charts: report.CompareCharts(&d)}
	f := func(x results.Float) float64 { return float64(x) }
	for _, a := range d.Configs {
		w := a.WinRate
		v.Configs = append(v.Configs, []string{
			a.Name, groupDigits(int64(a.Hands)),
			fmt.Sprintf("%s (%s – %s)", pct(f(w.Value)), pct(float64(w.CI95Lo)), pct(float64(w.CI95Hi))),
			fmt.Sprintf("%s (%s – %s)", cash(f(a.ProfitMean)), cash(f(a.ProfitCI95Lo)), cash(f(a.ProfitCI95Hi))),
			cash(f(a.EVPerHand)), fmt.Sprintf("%.5f", f(a.HouseEdgeUnit)),
		})
	}
	p := func(x results.Approx) string { return fmt.Sprintf("%.3g", float64(x)) }
	for _, m := range d.Pairs {
		var sig []string
		if m.SignificantProfit {
			sig = append(sig, "profit")
		}
		if m.SignificantWinRate {
			sig = append(sig, "win rate")
		}
		verdict := "no"
		if len(sig) > 0 {
			verdict = "yes: " + strings.Join(sig, ", ")
		}
		v.Pairs = append(v.Pairs, []string{
			m.NameA + " − " + m.NameB, verdict,
			fmt.Sprintf("%s (%s – %s)", cash(f(m.ProfitDifference)), cash(f(m.ProfitDifferenceCI95Lo)), cash(f(m.ProfitDifferenceCI95Hi))),
			p(m.PValueProfit), p(m.PValueProfitAdjusted), fmt.Sprintf("%.3f", f(m.EffectSize)),
			pct(f(m.WinRateDifference)), fmt.Sprintf("%d / %d", m.OnlyAWon, m.OnlyBWon),
			compare.WinRateTestName(m.WinRateTest), p(m.PValueWinRate), p(m.PValueWinRateAdjusted),
			fmt.Sprintf("%.3f", f(m.EffectSizeWinRate)),
			fmt.Sprintf("%.1f%%", 100*f(m.VarianceReduction)),
		})
	}
	return v, nil
}

// currentStudy labels the editor's config among the configs to compare.
const currentStudy = "Current study"

// planComparison returns the configs the page compares, in order: the
// editor's config (current, when not nil) first, then the named presets of
// configs/ as lir reads their files. As `lir compare` does, the seed is the
// first config's simulation.random_seed (else draw()), the session count is
// the first config's, every config gets both and workers 0, and each is
// labelled by its metadata.name, else by its file name (the preset's name),
// made unique by adding the file in parentheses.
func planComparison(current *config.Config, presetNames []string, draw func() uint64) (cs []*config.Config, names []string, seed uint64, sessions int, err error) {
	var files []string
	if current != nil {
		cs, files = append(cs, current.Clone()), append(files, currentStudy)
	}
	for _, n := range presetNames {
		c, err := configs.Load(n)
		if err != nil {
			return nil, nil, 0, 0, fmt.Errorf("preset %s: %v", n, err)
		}
		cs, files = append(cs, c), append(files, n+".yaml")
	}
	if len(cs) < 2 {
		return nil, nil, 0, 0, fmt.Errorf("pick two or more configs to compare (the current study counts as one)")
	}
	for i, c := range cs {
		name := c.Metadata.Name
		if name == "" || name == config.Default().Metadata.Name {
			name = strings.TrimSuffix(files[i], ".yaml")
		}
		for j := range i {
			if names[j] == name {
				name += " (" + files[i] + ")"
				break
			}
		}
		names = append(names, name)
	}
	first := cs[0]
	sessions = int(first.Simulation.NumSessions)
	if first.Simulation.RandomSeed != nil {
		seed = *first.Simulation.RandomSeed
	} else {
		seed = draw()
	}
	for _, c := range cs {
		c.Simulation.NumSessions = int64(sessions)
		c.Simulation.RandomSeed = &seed
		c.Simulation.Workers = 0
	}
	return cs, names, seed, sessions, nil
}
