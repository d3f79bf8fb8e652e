package app

import (
	"bytes"
	"encoding/json"
	"fmt"
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
}

var comparisonConfigHead = []string{"Config", "Hands", "Session win rate (95% CI)", "Session profit (95% CI)", "EV per hand", "EV per unit bet"}

var comparisonPairHead = []string{"Pair (a − b)", "Profit difference (95% CI)", "p (paired t)", "p adjusted (Holm)",
	"Effect size d_z", "Win rate difference", "p (two-proportion)", "p adjusted", "p McNemar (adjusted)", "Cohen's h",
	"Variance reduction", "Significant"}

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
	if v := num(d["schema_version"]); v != 1 {
		return nil, fmt.Errorf("comparison schema version %v; this page reads version 1", d["schema_version"])
	}
	v := &comparisonView{Seed: fmt.Sprint(d["seed"]), Sessions: groupDigits(int64(num(d["sessions"])))}
	v.CRN, _ = d["common_random_numbers"].(bool)
	cs, _ := d["configs"].([]any)
	for _, c := range cs {
		m, _ := c.(map[string]any)
		v.Configs = append(v.Configs, []string{
			fmt.Sprint(m["name"]), groupDigits(int64(num(m["hands"]))),
			fmt.Sprintf("%.2f%% (%.2f%% – %.2f%%)", 100*num(getPath(m, "session_win_rate.value")),
				100*num(getPath(m, "session_win_rate.ci95_low")), 100*num(getPath(m, "session_win_rate.ci95_high"))),
			fmt.Sprintf("%.2f (%.2f – %.2f)", num(m["session_profit_mean"]), num(m["session_profit_ci95_low"]), num(m["session_profit_ci95_high"])),
			fmt.Sprintf("%.4f", num(m["ev_per_hand"])), fmt.Sprintf("%.5f", num(m["ev_per_unit_bet"])),
		})
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
			fmt.Sprintf("%v − %v", m["name_a"], m["name_b"]),
			fmt.Sprintf("%.2f (%.2f – %.2f)", num(m["profit_difference"]), num(m["profit_difference_ci95_low"]), num(m["profit_difference_ci95_high"])),
			p(m["p_value_profit"]), p(m["p_value_profit_adjusted"]), fmt.Sprintf("%.3f", num(m["effect_size"])),
			fmt.Sprintf("%.2f%%", 100*num(m["win_rate_difference"])), p(m["p_value_win_rate"]), p(m["p_value_win_rate_adjusted"]),
			p(m["p_value_mcnemar_adjusted"]), fmt.Sprintf("%.3f", num(m["effect_size_win_rate"])),
			fmt.Sprintf("%.1f%%", 100*num(m["variance_reduction"])), verdict,
		})
	}
	return v, nil
}
