package configyaml

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// The Python tool's playing strategies (its strategy/ and
// core/hand_analysis.py) read with the meaning its code gives them.
//
// Its conservative and aggressive types play fixed rule lists
// (strategy/presets.py) whatever their parameters say, so they become
// those lists here and a parameter is taken only at its default.
//
// Its custom rules read the fields of its HandAnalysis. Where a field is
// defined as our variable of the same name over every three- and
// four-card hand it is kept; where it differs but is a function of the
// cards it becomes the expression of ours that equals it on every hand
// (pyCardVars); where it is not a function of the cards alone, or we have
// nothing like it, the rule is refused (pyRefusedVars). Every entry was
// checked against its definitions over all 22,100 three-card and 270,725
// four-card hands (the configyaml tests hold a transcription of them).

// pyCardVars maps each of its fields whose definition is not ours to the
// expression of ours equal to it on every hand: its has_pair and
// has_high_pair are one pair only (not two pair, trips or quads), its
// has_trips exactly three of a rank, its is_royal_draw a flush draw with
// three or more cards ten or higher including the ace, its open and
// inside straight draws false with three cards.
var pyCardVars = map[string]string{
	"has_pair":                "(has_pair && !has_two_pair && !has_trips)",
	"has_high_pair":           "(has_high_pair && !has_two_pair && !has_trips)",
	"has_trips":               "(has_trips && !has_quads)",
	"is_royal_draw":           "(is_flush_draw && high_cards >= 3 && high_rank == 14)",
	"is_open_straight_draw":   "(num_cards == 4 && is_open_straight_draw)",
	"is_inside_straight_draw": "(num_cards == 4 && is_inside_straight_draw)",
}

// pyRefusedVars says why a rule reading one of its fields is refused.
var pyRefusedVars = map[string]string{
	"connected_cards":            "its connected_cards counts the cards in the best five-rank window (3 for 5-7-9), ours the longest run of consecutive ranks (1 there), and ours cannot express its",
	"gaps":                       "its gaps is 5 minus the cards in the best five-rank window (2 for 5-6-7, 4 without a straight draw), ours the ranks missing inside the run (0 for 5-6-7), and ours cannot express its",
	"suited_high_cards":          "its suited_high_cards counts the high cards of the first suit met with the most cards, which depends on the order the cards were dealt, not on the cards",
	"straight_flush_spread":      "there is no such variable here (its span of a straight flush draw)",
	"is_excluded_sf_consecutive": "there is no such variable here (its A-2-3 and 2-3-4 suited exclusion of its basic strategy)",
}

// pyPresets are the rule lists its conservative and aggressive types play
// at both bets (strategy/presets.py), with its parameters' defaults.
var pyPresets = map[string]struct {
	conditions []string
	defaults   map[string]any
}{
	"conservative": {[]string{"has_paying_hand"}, map[string]any{"made_hands_only": true, "min_strength_bet1": json.Number("7"), "min_strength_bet2": json.Number("5")}},
	"aggressive":   {[]string{"has_paying_hand", "is_flush_draw", "is_straight_draw"}, map[string]any{"ride_on_draws": true, "include_gutshots": true, "include_backdoor_flush": true}},
}

var identifier = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)

// condition translates one of its rule conditions: its catch-all
// "default" is true, its fields are rewritten (pyCardVars) or refused.
func (r *pyReader) condition(v any, path string) any {
	src, ok := v.(string)
	if !ok {
		return v // our validation names what is wrong
	}
	if src == "default" { // its catch-all rule (strategy/custom.py)
		return "true"
	}
	return identifier.ReplaceAllStringFunc(src, func(id string) string {
		if why, ok := pyRefusedVars[id]; ok {
			r.fail(path, strconv.Quote(src), fmt.Sprintf("reads %s: %s; a rule reading it would not mean here what it meant there. Write the rule with our variables (docs/CONFIG.md, Expressions)", id, why))
		}
		if x, ok := pyCardVars[id]; ok {
			return x
		}
		return id
	})
}

func (r *pyReader) strategy(m map[string]any) {
	const p = "strategy"
	r.keys(m, p, "type", "conservative", "aggressive", "custom")
	r.copy(m, "type", p+".type")
	typ, _ := m["type"].(string)
	for _, name := range []string{"conservative", "aggressive"} {
		preset := pyPresets[name]
		sec := r.obj(m[name], p+"."+name)
		keys := make([]string, 0, len(preset.defaults))
		for k := range preset.defaults {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		r.keys(sec, p+"."+name, keys...)
		if typ != name {
			continue // unused there as here
		}
		for _, k := range keys {
			if v, ok := sec[k]; ok && !sameValue(v, preset.defaults[k]) {
				r.fail(p+"."+name+"."+k, describeValue(v), fmt.Sprintf("its code plays its %s rules (%s, at both bets) whatever this says; give its default %v (or remove it)",
					name, strings.Join(preset.conditions, ", "), describeValue(preset.defaults[k])))
			}
		}
		var rules []any
		for _, c := range preset.conditions {
			rules = append(rules, map[string]any{"condition": c, "action": "ride"})
		}
		rules = append(rules, map[string]any{"condition": "true", "action": "pull"})
		r.set(p+".type", "custom")
		r.set(p+".custom.bet1_rules", rules)
		r.set(p+".custom.bet2_rules", rules)
	}
	cu := r.obj(m["custom"], p+".custom")
	r.keys(cu, p+".custom", "bet1_rules", "bet2_rules")
	if typ == "custom" {
		for _, k := range []string{"bet1_rules", "bet2_rules"} {
			rules, ok := cu[k].([]any)
			if !ok {
				r.copy(cu, k, p+".custom."+k)
				continue
			}
			out := make([]any, len(rules))
			for i, x := range rules {
				rp := fmt.Sprintf("%s.custom.%s[%d]", p, k, i)
				rm := r.obj(x, rp)
				r.keys(rm, rp, "condition", "action")
				c := map[string]any{}
				for kk, v := range rm {
					c[kk] = v
				}
				if v, ok := rm["condition"]; ok {
					c["condition"] = r.condition(v, rp+".condition")
				}
				out[i] = c
			}
			r.set(p+".custom."+k, out)
		}
	}
	if (typ == "conservative" || typ == "aggressive" || typ == "custom") && m[typ] == nil {
		r.fail(p+"."+typ, "", fmt.Sprintf("its schema requires the %s section when type is %s", typ, typ))
	}
}

// sameValue compares a value of the file with a default (numbers by value).
func sameValue(v, def any) bool {
	a, okA := v.(json.Number)
	b, okB := def.(json.Number)
	if okA && okB {
		x, errX := strconv.ParseFloat(string(a), 64)
		y, errY := strconv.ParseFloat(string(b), 64)
		return errX == nil && errY == nil && x == y
	}
	return v == def
}
