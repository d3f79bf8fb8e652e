package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/lir-lab/lir/configs"
	"github.com/lir-lab/lir/engine/compare"
	"github.com/lir-lab/lir/engine/config"
)

// comparisonView is a comparison document of `lir compare --json`
// (docs/RESULTS.md) as the page shows it: one row per config and one per
// pair.
type comparisonView struct {
	Seed     string
	Sessions string
	CRN      bool
	Configs  [][]string // name, hands, win rate, mean profit (95% CI), EV/hand, EV per unit bet
	Pairs    [][]string
	Charts   []chartSpec // the configs side by side: win rate and mean profit with their intervals
}

var comparisonConfigHead = []string{"Config", "Hands", "Session win rate (95% CI)", "Session profit (95% CI)", "EV per hand", "EV per unit bet"}

// The verdict comes right after the pair: the table scrolls sideways.
var comparisonPairHead = []string{"Pair (a − b)", "Significant", "Profit difference (95% CI)", "p (paired t)", "p adjusted (Holm)",
	"Effect size d_z", "Win rate difference", "Sessions only a / only b won", "Win-rate test", "p (win rate)", "p adjusted (Holm)", "Cohen's h",
	"Variance reduction"}

// parseComparison reads a comparison document; it refuses other documents
// with a reason.
func parseComparison(data []byte) (*comparisonView, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var d map[string]any
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("not JSON: %v", err)
	}
	pairs, ok := d["pairs"].([]any)
	if !ok {
		return nil, fmt.Errorf("no pairs: this is not a document of lir compare --json")
	}
	if v := num(d["schema_version"]); v != compare.SchemaVersion {
		return nil, fmt.Errorf("comparison schema version %v; this page reads version %d", d["schema_version"], compare.SchemaVersion)
	}
	v := &comparisonView{Seed: fmt.Sprint(d["seed"]), Sessions: groupDigits(int64(num(d["sessions"])))}
	v.CRN, _ = d["common_random_numbers"].(bool)
	cs, _ := d["configs"].([]any)
	var names []string
	var win, winLo, winHi, profit, profitLo, profitHi []float64
	for _, c := range cs {
		m, _ := c.(map[string]any)
		names = append(names, fmt.Sprint(m["name"]))
		win, winLo, winHi = append(win, num(getPath(m, "session_win_rate.value"))), append(winLo, num(getPath(m, "session_win_rate.ci95_low"))), append(winHi, num(getPath(m, "session_win_rate.ci95_high")))
		profit, profitLo, profitHi = append(profit, num(m["session_profit_mean"])), append(profitLo, num(m["session_profit_ci95_low"])), append(profitHi, num(m["session_profit_ci95_high"]))
		v.Configs = append(v.Configs, []string{
			fmt.Sprint(m["name"]), groupDigits(int64(num(m["hands"]))),
			fmt.Sprintf("%.2f%% (%.2f%% – %.2f%%)", 100*num(getPath(m, "session_win_rate.value")),
				100*num(getPath(m, "session_win_rate.ci95_low")), 100*num(getPath(m, "session_win_rate.ci95_high"))),
			fmt.Sprintf("%.2f (%.2f – %.2f)", num(m["session_profit_mean"]), num(m["session_profit_ci95_low"]), num(m["session_profit_ci95_high"])),
			fmt.Sprintf("%.4f", num(m["ev_per_hand"])), fmt.Sprintf("%.5f", num(m["ev_per_unit_bet"])),
		})
	}
	sub := "Common random numbers: session i of every config saw the same cards"
	if !v.CRN {
		sub = "The configs dealt differently (seats, discard or shuffle differ)"
	}
	v.Charts = []chartSpec{
		intervalChart("chart-compare-win", "Session win rate by config (95% CI)", sub, names, "Win rate", win, winLo, winHi),
		intervalChart("chart-compare-profit", "Mean session profit by config (95% CI)", sub, names, "Mean profit", profit, profitLo, profitHi),
	}
	p := func(x any) string { return fmt.Sprintf("%.3g", num(x)) }
	for _, x := range pairs {
		m, _ := x.(map[string]any)
		sig := []string{}
		if b, _ := m["significant_profit"].(bool); b {
			sig = append(sig, "profit")
		}
		if b, _ := m["significant_win_rate"].(bool); b {
			sig = append(sig, "win rate")
		}
		verdict := "no"
		if len(sig) > 0 {
			verdict = "yes: " + sig[0]
			if len(sig) > 1 {
				verdict += ", " + sig[1]
			}
		}
		v.Pairs = append(v.Pairs, []string{
			fmt.Sprintf("%v − %v", m["name_a"], m["name_b"]), verdict,
			fmt.Sprintf("%.2f (%.2f – %.2f)", num(m["profit_difference"]), num(m["profit_difference_ci95_low"]), num(m["profit_difference_ci95_high"])),
			p(m["p_value_profit"]), p(m["p_value_profit_adjusted"]), fmt.Sprintf("%.3f", num(m["effect_size"])),
			fmt.Sprintf("%.2f%%", 100*num(m["win_rate_difference"])), fmt.Sprintf("%v / %v", m["only_a_won"], m["only_b_won"]),
			compare.WinRateTestName(fmt.Sprint(m["win_rate_test"])), p(m["p_value_win_rate"]), p(m["p_value_win_rate_adjusted"]),
			fmt.Sprintf("%.3f", num(m["effect_size_win_rate"])),
			fmt.Sprintf("%.1f%%", 100*num(m["variance_reduction"])),
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
