package configyaml

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/lir-lab/lir/engine/config"
)

// Files written for the Python simulator (its config/models.py) are read
// in its form: each of its keys with the meaning its code gives it, or
// refused with why. A file is in that form when it uses a construct only
// that schema has (pythonMarker); it is then translated to our tree, with
// its defaults, before the usual decoding and validation.

// pythonMarker returns the first construct of the tree that only the
// Python tool's schema has, or "".
func pythonMarker(tree any) string {
	m, _ := tree.(map[string]any)
	sim, _ := m["simulation"].(map[string]any)
	out, _ := m["output"].(map[string]any)
	bonus, _ := m["bonus_strategy"].(map[string]any)
	formats, _ := out["formats"].(map[string]any)
	switch {
	case sim["workers"] == "auto":
		return `simulation.workers: "auto"`
	case has(sim, "detailed_logging"):
		return "simulation.detailed_logging"
	case has(out, "timestamp_format"):
		return "output.timestamp_format"
	case isObject(formats["csv"]) || isObject(formats["json"]) || isObject(formats["html"]):
		return "output.formats.csv/json/html given as objects"
	case isObject(out["visualizations"]):
		return "output.visualizations given as an object"
	case isObject(out["console"]):
		return "output.console given as an object"
	case has(bonus, "paytable"):
		return "bonus_strategy.paytable"
	case has(bonus, "combined"):
		return "bonus_strategy.combined"
	}
	strat, _ := m["strategy"].(map[string]any)
	custom, _ := strat["custom"].(map[string]any)
	for _, k := range []string{"bet1_rules", "bet2_rules"} {
		rules, _ := custom[k].([]any)
		for _, x := range rules {
			if rm, _ := x.(map[string]any); rm["condition"] == "default" {
				return `a strategy.custom rule with condition "default"`
			}
		}
	}
	for _, sec := range []string{"bankroll_conditional", "streak_based", "session_conditional"} {
		s, _ := bonus[sec].(map[string]any)
		for _, k := range []string{"base_amount", "scaling", "conditions"} {
			if has(s, k) {
				return "bonus_strategy." + sec + "." + k
			}
		}
		if isObject(s["action"]) {
			return "bonus_strategy." + sec + ".action given as an object"
		}
	}
	return ""
}

func has(m map[string]any, k string) bool { _, ok := m[k]; return ok }

func isObject(v any) bool { _, ok := v.(map[string]any); return ok }

// pyReader translates one Python-form tree, collecting every problem.
type pyReader struct {
	marker    string
	multiSeat bool // table.num_seats > 1
	es        config.Errors
	out       map[string]any
}

// fromPython translates a Python-form tree into our tree.
func fromPython(tree any, marker string) (map[string]any, error) {
	r := &pyReader{marker: marker, out: map[string]any{}}
	root := r.obj(tree, "")
	if t, ok := root["table"].(map[string]any); ok {
		n, _ := t["num_seats"].(json.Number)
		r.multiSeat = n != "" && n != "1"
	}
	r.keys(root, "", "metadata", "simulation", "table", "deck", "dealer", "bankroll", "strategy", "bonus_strategy", "paytables", "output")
	if md := r.obj(root["metadata"], "metadata"); md != nil {
		r.keys(md, "metadata", "name", "description", "version", "author", "created")
		for k, v := range md {
			if v != nil {
				r.set("metadata."+k, v)
			}
		}
	}
	r.simulation(r.obj(root["simulation"], "simulation"))
	r.copySection(root, "deck", "shuffle_algorithm")
	r.copySection(root, "dealer", "discard_enabled", "discard_cards")
	r.copySection(root, "table", "num_seats")
	r.bankroll(r.obj(root["bankroll"], "bankroll"))
	r.strategy(r.obj(root["strategy"], "strategy"))
	bonusType := r.paytables(r.obj(root["paytables"], "paytables"))
	r.bonus(r.obj(root["bonus_strategy"], "bonus_strategy"), bonusType)
	r.output(r.obj(root["output"], "output"), root)
	if len(r.es) > 0 {
		return nil, r.es
	}
	return r.out, nil
}

func (r *pyReader) fail(path, value, why string) {
	r.es = append(r.es, config.FieldError{Path: path, Value: value, Allowed: why})
}

// obj returns v as an object (nil when absent or null).
func (r *pyReader) obj(v any, path string) map[string]any {
	if v == nil {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		r.fail(orDocument(path), describeValue(v), "want an object")
	}
	return m
}

func orDocument(p string) string {
	if p == "" {
		return "(document)"
	}
	return p
}

// keys refuses the keys of m that its schema does not have at path.
func (r *pyReader) keys(m map[string]any, path string, allowed ...string) {
	var bad []string
	for k := range m {
		ok := false
		for _, a := range allowed {
			ok = ok || k == a
		}
		if !ok {
			bad = append(bad, k)
		}
	}
	sort.Strings(bad)
	for _, k := range bad {
		r.fail(join(path, k), "", fmt.Sprintf("not a key of the Python tool's schema here (allowed: %s); this file is read in that tool's form because of %s, and a file cannot mix its form with ours",
			strings.Join(allowed, ", "), r.marker))
	}
}

func (r *pyReader) set(path string, v any) {
	m := r.out
	parts := strings.Split(path, ".")
	for _, p := range parts[:len(parts)-1] {
		n, ok := m[p].(map[string]any)
		if !ok {
			n = map[string]any{}
			m[p] = n
		}
		m = n
	}
	m[parts[len(parts)-1]] = v
}

// copy sets our path to the value given at key, if given.
func (r *pyReader) copy(m map[string]any, key, to string) {
	if v, ok := m[key]; ok {
		r.set(to, v)
	}
}

func (r *pyReader) copySection(root map[string]any, sec string, keys ...string) {
	m := r.obj(root[sec], sec)
	r.keys(m, sec, keys...)
	for _, k := range keys {
		r.copy(m, k, sec+"."+k)
	}
}

// num reads a number given at key (def when absent); ok false after an error.
func (r *pyReader) num(m map[string]any, key, path string, def float64) (float64, bool) {
	v, ok := m[key]
	if !ok {
		return def, true
	}
	n, isNum := v.(json.Number)
	x, err := strconv.ParseFloat(string(n), 64)
	if !isNum || err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		r.fail(join(path, key), describeValue(v), "want a number")
		return 0, false
	}
	return x, true
}

func number(x float64) json.Number { return json.Number(strconv.FormatFloat(x, 'f', -1, 64)) }

func describeValue(v any) string {
	switch t := v.(type) {
	case nil:
		return "null"
	case string:
		return strconv.Quote(t)
	case json.Number:
		return string(t)
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	}
	return fmt.Sprint(v)
}

func (r *pyReader) simulation(m map[string]any) {
	const p = "simulation"
	r.keys(m, p, "num_sessions", "hands_per_session", "random_seed", "workers", "progress_interval", "detailed_logging")
	r.copy(m, "num_sessions", p+".num_sessions")
	r.copy(m, "hands_per_session", p+".hands_per_session")
	r.copy(m, "random_seed", p+".random_seed")
	r.set(p+".progress_interval", json.Number("10000")) // its default
	r.copy(m, "progress_interval", p+".progress_interval")
	switch w := m["workers"]; {
	case w == nil || w == "auto":
		r.set(p+".workers", json.Number("0")) // every core
	default:
		if n, ok := w.(json.Number); ok && string(n) == "0" {
			r.fail(p+".workers", "0", `its schema takes a positive number or "auto"`)
		}
		r.set(p+".workers", w)
	}
}

func (r *pyReader) bankroll(m map[string]any) {
	const p = "bankroll"
	r.keys(m, p, "starting_amount", "base_bet", "stop_conditions", "betting_system")
	r.copy(m, "starting_amount", p+".starting_amount")
	r.copy(m, "base_bet", p+".base_bet")
	base, _ := r.num(m, "base_bet", p, 5)
	sc := r.obj(m["stop_conditions"], p+".stop_conditions")
	r.keys(sc, p+".stop_conditions", "win_limit", "loss_limit", "max_hands", "max_duration_minutes", "stop_on_insufficient_funds")
	for _, k := range []string{"win_limit", "loss_limit", "max_hands"} {
		r.set(p+".stop_conditions."+k, nil) // its default: not set
		r.copy(sc, k, p+".stop_conditions."+k)
	}
	r.copy(sc, "stop_on_insufficient_funds", p+".stop_conditions.stop_on_insufficient_funds")
	if v, ok := sc["max_duration_minutes"]; ok && v != nil {
		r.fail(p+".stop_conditions.max_duration_minutes", describeValue(v),
			"its code never applies it (its sessions have no pace, so no hand ever ends one by time); refused rather than given a meaning it never had. Remove it, or cap the session with max_hands")
	}
	bs := r.obj(m["betting_system"], p+".betting_system")
	bp := p + ".betting_system"
	r.keys(bs, bp, "type", "proportional", "martingale", "reverse_martingale", "paroli", "dalembert", "fibonacci", "custom")
	r.set(bp+".progression_basis", "total") // its progressions judge main + bonus
	typ, _ := bs["type"].(string)
	if v, ok := bs["type"]; ok {
		r.set(bp+".type", v)
	}
	tableMin := base
	lower := func(x float64) {
		if x < tableMin {
			tableMin = x
		}
	}
	sub := func(name string, allowed ...string) map[string]any {
		s := r.obj(bs[name], bp+"."+name)
		r.keys(s, bp+"."+name, allowed...)
		if s == nil && typ == name {
			r.fail(bp+"."+name, "", fmt.Sprintf("its schema requires the %s section when type is %s", name, name))
		}
		return s
	}
	pr := sub("proportional", "bankroll_percentage", "min_bet", "max_bet", "round_to")
	if typ == "proportional" {
		q := bp + ".proportional"
		pct, _ := r.num(pr, "bankroll_percentage", q, 0.03)
		r.set(q+".bankroll_percentage", number(math.Round(pct*100*1e6)/1e6)) // its fraction, our percent
		mn, _ := r.num(pr, "min_bet", q, 5)
		lower(mn)
		r.set(q+".min_bet", number(mn))
		mx, _ := r.num(pr, "max_bet", q, 100)
		r.set(q+".max_bet", number(mx))
		rt, _ := r.num(pr, "round_to", q, 1)
		r.set(q+".round_to", number(rt))
	}
	ma := sub("martingale", "loss_multiplier", "reset_on_win", "max_bet", "max_progressions")
	if typ == "martingale" {
		q := bp + ".martingale"
		if v, ok := ma["reset_on_win"]; ok && v != true {
			r.fail(q+".reset_on_win", describeValue(v), "its code returns to the base bet after every win whatever this says; set true (or remove it)")
		}
		r.copy(ma, "loss_multiplier", q+".loss_multiplier")
		mx, _ := r.num(ma, "max_bet", q, 500)
		r.set(q+".max_bet", number(mx))
		n, _ := r.num(ma, "max_progressions", q, 6)
		// Its max_progressions counts the levels with the base one: the
		// bet rises N-1 times, then holds until a win.
		if n <= 1 {
			r.set(bp+".type", "flat")
		} else {
			r.set(q+".max_progressions", number(n-1))
			r.set(q+".at_max_progressions", "hold")
		}
	}
	rm := sub("reverse_martingale", "win_multiplier", "reset_on_loss", "profit_target_streak", "max_bet")
	if typ == "reverse_martingale" {
		q := bp + ".reverse_martingale"
		if v, ok := rm["reset_on_loss"]; ok && v != true {
			r.fail(q+".reset_on_loss", describeValue(v), "its code returns to the base bet after every loss whatever this says; set true (or remove it)")
		}
		r.copy(rm, "win_multiplier", q+".win_multiplier")
		r.set(q+".profit_target_streak", json.Number("3"))
		r.copy(rm, "profit_target_streak", q+".profit_target_streak")
		mx, _ := r.num(rm, "max_bet", q, 500)
		r.set(q+".max_bet", number(mx))
	}
	pa := sub("paroli", "win_multiplier", "wins_before_reset", "max_bet")
	if typ == "paroli" {
		q := bp + ".paroli"
		r.copy(pa, "win_multiplier", q+".win_multiplier")
		r.copy(pa, "wins_before_reset", q+".wins_before_reset")
		mx, _ := r.num(pa, "max_bet", q, 500)
		r.set(q+".max_bet", number(mx))
	}
	da := sub("dalembert", "unit", "decrease_unit", "min_bet", "max_bet")
	if typ == "dalembert" {
		q := bp + ".dalembert"
		u, _ := r.num(da, "unit", q, 5)
		d, _ := r.num(da, "decrease_unit", q, 5)
		if d != u {
			r.fail(q+".decrease_unit", number(d).String(), fmt.Sprintf("its code takes unit (%v) off after a win whatever this says; set it equal to unit (or remove it)", u))
		}
		r.set(q+".unit", number(u))
		mn, _ := r.num(da, "min_bet", q, 5)
		lower(mn)
		r.set(q+".min_bet", number(mn))
		mx, _ := r.num(da, "max_bet", q, 500)
		r.set(q+".max_bet", number(mx))
	}
	fi := sub("fibonacci", "unit", "win_regression", "max_bet", "max_position")
	if typ == "fibonacci" {
		q := bp + ".fibonacci"
		u, _ := r.num(fi, "unit", q, 5)
		lower(u)
		r.set(q+".unit", number(u))
		r.copy(fi, "win_regression", q+".win_regression")
		mx, _ := r.num(fi, "max_bet", q, 500)
		r.set(q+".max_bet", number(mx))
		// Its positions count from 0 and stop at 19 (its table has 20 numbers).
		n, _ := r.num(fi, "max_position", q, 10)
		r.set(q+".max_position", number(math.Min(n, 19)+1))
	}
	cu := sub("custom", "expression", "min_bet", "max_bet")
	if typ == "custom" {
		q := bp + ".custom"
		r.set(q+".expression", "base_bet")
		r.copy(cu, "expression", q+".expression")
		mn, _ := r.num(cu, "min_bet", q, 5)
		lower(mn)
		r.set(q+".min_bet", number(mn))
		mx, _ := r.num(cu, "max_bet", q, 500)
		r.set(q+".max_bet", number(mx))
	}
	if tableMin < base {
		// Its systems may bet below the base bet; our table minimum allows it.
		r.set(p+".table_min", number(tableMin))
	}
}

// paytables translates its paytables and returns the bonus paytable type.
func (r *pyReader) paytables(m map[string]any) string {
	const p = "paytables"
	r.keys(m, p, "main_game", "bonus")
	mg := r.obj(m["main_game"], p+".main_game")
	r.keys(mg, p+".main_game", "type", "custom")
	switch t := mg["type"]; t {
	case "liberal", "tight":
		r.fail(p+".main_game.type", describeValue(t), "its code has no such paytable (it stops with NotImplementedError); name one of ours (standard, bgc_lirx02, bgc_lirx03) or give custom")
	default:
		r.copy(mg, "type", p+".main_game.type")
	}
	r.copy(mg, "custom", p+".main_game.custom")
	b := r.obj(m["bonus"], p+".bonus")
	r.keys(b, p+".bonus", "type", "custom", "progressive")
	r.copy(b, "type", p+".bonus.type")
	r.copy(b, "custom", p+".bonus.custom")
	t, _ := b["type"].(string)
	if t == "" {
		t = "paytable_b"
	}
	if t == "paytable_c" {
		// Its paytable_c is a fixed table, the mini royal 1000 to 1 (its
		// bonus_paytable_c()), not our progressive jackpot.
		r.set(p+".bonus.type", "custom")
		r.set(p+".bonus.custom", pyPaytableC)
	}
	pg := r.obj(b["progressive"], p+".bonus.progressive")
	r.keys(pg, p+".bonus.progressive", "starting_jackpot", "contribution_rate", "trigger", "reset_amount")
	if pg != nil {
		r.fail(p+".bonus.progressive", "an object", "its code never reads it: its paytable_c pays the mini royal a fixed 1000 to 1 whatever this says (and the other tables have no jackpot); remove it")
	}
	return t
}

// pyPaytableC is the Python tool's paytable_c (config/paytables.py).
var pyPaytableC = map[string]any{"mini_royal": json.Number("1000"), "straight_flush": json.Number("200"), "three_of_a_kind": json.Number("30"),
	"straight": json.Number("6"), "flush": json.Number("4"), "pair": json.Number("1")}

func (r *pyReader) bonus(m map[string]any, paytable string) {
	const p = "bonus_strategy"
	r.keys(m, p, "enabled", "paytable", "limits", "type", "always", "static", "bankroll_conditional", "streak_based", "session_conditional", "combined", "custom")
	r.copy(m, "enabled", p+".enabled")
	r.copy(m, "type", p+".type")
	if v, ok := m["paytable"]; ok && v != paytable {
		r.fail(p+".paytable", describeValue(v), fmt.Sprintf("its code pays the bonus by paytables.bonus.type (here %s) and never reads this key; give the same value (or remove it)", paytable))
	}
	l := r.obj(m["limits"], p+".limits")
	r.keys(l, p+".limits", "min_bet", "max_bet", "increment")
	// Its code never read the limits: with one seat it bets no bonus below
	// 1 and at most 100 (session.py), with several a fixed bonus unclamped
	// (controller.py). Keys not given take those, keys given are honoured.
	defs := map[string]any{"min_bet": json.Number("1"), "max_bet": json.Number("100"), "increment": nil}
	if r.multiSeat {
		defs = map[string]any{"min_bet": nil, "max_bet": nil, "increment": nil}
	}
	for k, def := range defs {
		r.set(p+".limits."+k, def)
		if v, ok := l[k]; ok {
			if n, isNum := v.(json.Number); isNum && k == "min_bet" && (string(n) == "0" || string(n) == "0.0") {
				v = nil // 0: no minimum
			}
			r.set(p+".limits."+k, v)
		}
	}
	typ, _ := m["type"].(string)
	if typ != "" && typ != "never" && m[typ] == nil {
		r.fail(p+"."+typ, "", fmt.Sprintf("its schema requires the %s section when type is %s", typ, typ))
	}
	al := r.obj(m["always"], p+".always")
	r.keys(al, p+".always", "amount")
	r.copy(al, "amount", p+".always.amount")
	st := r.obj(m["static"], p+".static")
	r.keys(st, p+".static", "amount", "ratio")
	if ratio, ok := st["ratio"]; ok && ratio != nil && !r.multiSeat {
		// One seat: its ratio is of the bet the betting system asks for
		// this hand (session.py passes it as the context's base_bet), as ours.
		r.set(p+".static.ratio", ratio)
		r.set(p+".static.amount", nil)
		if a, ok := st["amount"]; ok && a != nil {
			r.fail(p+".static.amount", describeValue(a), "its schema takes amount or ratio, not both")
		}
	} else if ok && ratio != nil {
		// Several seats: a bonus fixed at the session start, ratio × base
		// bet (its calculate_bonus_bet).
		x, _ := r.num(st, "ratio", p+".static", 0)
		base := 5.0
		if b, ok := r.out["bankroll"].(map[string]any)["base_bet"].(json.Number); ok {
			base, _ = strconv.ParseFloat(string(b), 64)
		}
		cents := base * x * 100
		if math.Abs(cents-math.Round(cents)) > 1e-6 {
			r.fail(p+".static.ratio", describeValue(ratio), fmt.Sprintf("gives a bonus bet of %v × %v = %v, not a whole cent", x, base, base*x))
		}
		r.set(p+".static.amount", number(math.Round(cents)/100))
		if a, ok := st["amount"]; ok && a != nil {
			r.fail(p+".static.amount", describeValue(a), "its schema takes amount or ratio, not both")
		}
	} else {
		r.set(p+".static.amount", json.Number("1")) // its default
		r.copy(st, "amount", p+".static.amount")
	}
	if r.multiSeat && (typ == "bankroll_conditional" || typ == "streak_based" || typ == "session_conditional" || typ == "combined" || typ == "custom") {
		r.fail(p+".type", describeValue(typ), "its schema refuses a bonus that follows the session with more than one seat (table.num_seats)")
		return
	}
	if bc := r.obj(m["bankroll_conditional"], p+".bankroll_conditional"); typ == "bankroll_conditional" {
		r.bankrollConditional(bc, p+".bankroll_conditional")
	}
	if sb := r.obj(m["streak_based"], p+".streak_based"); typ == "streak_based" {
		r.streakBased(sb, p+".streak_based")
	}
	// The sections of types not chosen are unused there as here; the
	// chosen one is refused.
	for _, sec := range []string{"session_conditional", "combined", "custom"} {
		r.obj(m[sec], p+"."+sec)
		if typ == sec {
			r.fail(p+"."+sec, "", r.unsupportedBonus(sec))
		}
	}
}

// streakBased writes its streak_based strategy as bonus_strategy.streak_based
// with its rule (config.PythonStreak).
func (r *pyReader) streakBased(m map[string]any, q string) {
	r.keys(m, q, "base_amount", "trigger", "streak_length", "action", "reset_on", "max_multiplier")
	r.set(q+".amount", json.Number("1")) // its defaults
	r.copy(m, "base_amount", q+".amount")
	r.set(q+".streak_length", json.Number("5"))
	r.copy(m, "streak_length", q+".streak_length")
	py := map[string]any{"trigger": "bonus_loss", "reset_on": "bonus_win", "action": "multiply", "value": json.Number("2"), "max_multiplier": json.Number("5")}
	for _, k := range []string{"trigger", "reset_on", "max_multiplier"} {
		if v, ok := m[k]; ok {
			py[k] = v
		}
	}
	a := r.obj(m["action"], q+".action")
	r.keys(a, q+".action", "type", "value")
	if v, ok := a["type"]; ok {
		py["action"] = v
	}
	if v, ok := a["value"]; ok {
		py["value"] = v
	}
	r.set(q+".python", py)
	pts, _ := r.out["paytables"].(map[string]any)
	if pt, _ := pts["bonus"].(map[string]any); pt["type"] == "custom" {
		if c, ok := pt["custom"].(map[string]any); ok {
			for k, v := range c {
				if n, _ := v.(json.Number); n == "0" {
					r.fail("paytables.bonus.custom."+k, "0", "with streak_based its code counts a bonus hand paying 0 as lost, which cannot be told here from no bet; give it at least 1")
				}
			}
		}
	}
}

// bankrollConditional writes its bankroll_conditional strategy (its
// strategy/bonus.py BankrollConditionalBonusStrategy.get_bonus_bet) as our
// custom bonus expression: no bet unless every condition holds, then the
// first scaling tier on [min_profit, max_profit) or base_amount, replaced
// by profit_percentage × profit when ahead; below 1 no bet, at most 100.
func (r *pyReader) bankrollConditional(m map[string]any, q string) {
	r.keys(m, q, "base_amount", "min_session_profit", "min_bankroll_ratio", "profit_percentage", "max_drawdown", "scaling")
	opt := func(key string, def any) (string, bool) {
		v, ok := m[key]
		if !ok {
			v = def
		}
		if v == nil {
			return "", false
		}
		n, isNum := v.(json.Number)
		if _, err := strconv.ParseFloat(string(n), 64); !isNum || err != nil {
			r.fail(q+"."+key, describeValue(v), "want a number or null")
			return "", false
		}
		return string(n), true
	}
	var conds []string
	if x, ok := opt("min_session_profit", json.Number("0")); ok {
		conds = append(conds, "session_profit >= "+x)
	}
	if x, ok := opt("min_bankroll_ratio", nil); ok {
		conds = append(conds, "bankroll / starting_bankroll >= "+x)
	}
	if x, ok := opt("max_drawdown", json.Number("0.25")); ok {
		conds = append(conds, "(starting_bankroll - bankroll) / starting_bankroll <= "+x)
	}
	amount, _ := opt("base_amount", json.Number("1"))
	sc := r.obj(m["scaling"], q+".scaling")
	r.keys(sc, q+".scaling", "enabled", "tiers")
	if tiers, _ := sc["tiers"].([]any); sc["enabled"] == true && len(tiers) > 0 {
		var b strings.Builder
		for i, t := range tiers {
			tp := fmt.Sprintf("%s.scaling.tiers[%d]", q, i)
			tm := r.obj(t, tp)
			r.keys(tm, tp, "min_profit", "max_profit", "bet_amount")
			lo, _ := r.num(tm, "min_profit", tp, 0)
			amt, _ := r.num(tm, "bet_amount", tp, 1)
			cond := "session_profit >= " + number(lo).String()
			if hi, ok := tm["max_profit"]; ok && hi != nil {
				h, _ := r.num(tm, "max_profit", tp, 0)
				cond += " && session_profit < " + number(h).String()
			}
			fmt.Fprintf(&b, "(%s ? %s : ", cond, number(amt))
		}
		amount = b.String() + amount + strings.Repeat(")", len(tiers))
	}
	if x, ok := opt("profit_percentage", nil); ok {
		amount = "(session_profit > 0 ? session_profit * " + x + " : " + amount + ")"
	}
	expr := amount
	if len(conds) > 0 {
		expr = "(" + strings.Join(conds, " && ") + ") ? " + amount + " : 0"
	}
	bp := "bonus_strategy"
	r.set(bp+".type", "custom")
	r.set(bp+".custom.expression", expr)
	r.set(bp+".custom.min_bet", json.Number("1"))
	r.set(bp+".custom.max_bet", json.Number("100"))
}

// unsupportedBonus says why a bonus section of its schema is not loaded.
func (r *pyReader) unsupportedBonus(sec string) string {
	switch sec {
	case "combined":
		return "its combined strategy sizes the bonus by ride decisions and hand quality, which are known only after the cards are seen, while the bonus is placed before; not loaded"
	case "session_conditional":
		return "its code cannot run session_conditional (it stops with NotImplementedError), so the file has no meaning there to keep; write it in our form (bonus_strategy.session_conditional)"
	}
	return "its code cannot run a custom bonus (NotImplementedError) and its expressions are Python; write it in our form (bonus_strategy.custom, an expr-lang expression)"
}

func (r *pyReader) output(m map[string]any, root map[string]any) {
	const p = "output"
	r.keys(m, p, "directory", "prefix", "timestamp_format", "formats", "visualizations", "console")
	r.set(p+".directory", "./results") // its defaults
	r.set(p+".prefix", "simulation")
	r.copy(m, "directory", p+".directory")
	r.copy(m, "prefix", p+".prefix")
	// Our own formats are off: its files are written instead.
	r.set(p+".formats", map[string]any{"json": false, "csv": false, "html": false})
	r.set(p+".visualizations", false)
	py := map[string]any{}
	r.set(p+".python", py)
	if v, ok := m["timestamp_format"]; ok {
		if v != config.PythonOutputDefaults().TimestampFormat {
			r.fail(p+".timestamp_format", describeValue(v), "its code never put the time in a file name (it writes PREFIX_sessions.csv), so only its default %Y%m%d_%H%M%S is taken; remove it or give the default")
		}
		py["timestamp_format"] = v
	}
	f := r.obj(m["formats"], p+".formats")
	r.keys(f, p+".formats", "csv", "json", "html")
	sub := func(src map[string]any, key, path string, allowed ...string) {
		s := r.obj(src[key], path)
		r.keys(s, path, allowed...)
		if s != nil {
			py[key] = s
		}
	}
	sub(f, "csv", p+".formats.csv", "enabled", "include_hands", "include_sessions", "include_aggregate", "include_seat_aggregate")
	sub(f, "json", p+".formats.json", "enabled", "pretty", "include_config")
	sub(f, "html", p+".formats.html", "enabled", "include_charts", "chart_library")
	sub(m, "visualizations", p+".visualizations", "enabled", "charts", "format", "dpi")
	if v, ok := py["visualizations"].(map[string]any); ok {
		if charts, ok := v["charts"].([]any); ok {
			for i, c := range charts {
				r.keys(r.obj(c, fmt.Sprintf("%s.visualizations.charts[%d]", p, i)), fmt.Sprintf("%s.visualizations.charts[%d]", p, i), "type", "title", "sample_sessions")
			}
		}
	}
	sub(m, "console", p+".console", "progress_bar", "verbosity", "show_summary")
	if c, ok := py["console"].(map[string]any); ok {
		if s, ok := c["show_summary"]; ok {
			r.set(p+".console", s)
		}
	}
	sim, _ := root["simulation"].(map[string]any)
	if dl := sim["detailed_logging"]; dl == true {
		csv, _ := py["csv"].(map[string]any)
		if csv == nil {
			csv = map[string]any{}
			py["csv"] = csv
		}
		if csv["enabled"] == false {
			r.fail("simulation.detailed_logging", "true", "asks for the per-hand file, but output.formats.csv.enabled is false")
		}
		csv["include_hands"] = true
	} else if dl != nil && dl != false {
		r.fail("simulation.detailed_logging", describeValue(dl), "want true or false")
	}
}
