package configyaml

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/config"
)

// pythonSchemaKeys is every key of the Python tool's schema (its
// config/models.py, written out by hand from its classes; [] marks a list
// entry).
const pythonSchemaKeys = `
metadata.name metadata.description metadata.version metadata.author metadata.created
simulation.num_sessions simulation.hands_per_session simulation.random_seed simulation.workers simulation.progress_interval simulation.detailed_logging
deck.shuffle_algorithm dealer.discard_enabled dealer.discard_cards table.num_seats
bankroll.starting_amount bankroll.base_bet
bankroll.stop_conditions.win_limit bankroll.stop_conditions.loss_limit bankroll.stop_conditions.max_hands bankroll.stop_conditions.max_duration_minutes bankroll.stop_conditions.stop_on_insufficient_funds
bankroll.betting_system.type
bankroll.betting_system.proportional.bankroll_percentage bankroll.betting_system.proportional.min_bet bankroll.betting_system.proportional.max_bet bankroll.betting_system.proportional.round_to
bankroll.betting_system.martingale.loss_multiplier bankroll.betting_system.martingale.reset_on_win bankroll.betting_system.martingale.max_bet bankroll.betting_system.martingale.max_progressions
bankroll.betting_system.reverse_martingale.win_multiplier bankroll.betting_system.reverse_martingale.reset_on_loss bankroll.betting_system.reverse_martingale.profit_target_streak bankroll.betting_system.reverse_martingale.max_bet
bankroll.betting_system.paroli.win_multiplier bankroll.betting_system.paroli.wins_before_reset bankroll.betting_system.paroli.max_bet
bankroll.betting_system.dalembert.unit bankroll.betting_system.dalembert.decrease_unit bankroll.betting_system.dalembert.min_bet bankroll.betting_system.dalembert.max_bet
bankroll.betting_system.fibonacci.unit bankroll.betting_system.fibonacci.win_regression bankroll.betting_system.fibonacci.max_bet bankroll.betting_system.fibonacci.max_position
bankroll.betting_system.custom.expression bankroll.betting_system.custom.min_bet bankroll.betting_system.custom.max_bet
strategy.type strategy.conservative.made_hands_only strategy.conservative.min_strength_bet1 strategy.conservative.min_strength_bet2
strategy.aggressive.ride_on_draws strategy.aggressive.include_gutshots strategy.aggressive.include_backdoor_flush
strategy.custom.bet1_rules[].condition strategy.custom.bet1_rules[].action strategy.custom.bet2_rules[].condition strategy.custom.bet2_rules[].action
bonus_strategy.enabled bonus_strategy.paytable bonus_strategy.type
bonus_strategy.limits.min_bet bonus_strategy.limits.max_bet bonus_strategy.limits.increment
bonus_strategy.always.amount bonus_strategy.static.amount bonus_strategy.static.ratio
bonus_strategy.bankroll_conditional.base_amount bonus_strategy.bankroll_conditional.min_session_profit bonus_strategy.bankroll_conditional.min_bankroll_ratio
bonus_strategy.bankroll_conditional.profit_percentage bonus_strategy.bankroll_conditional.max_drawdown bonus_strategy.bankroll_conditional.scaling.enabled
bonus_strategy.bankroll_conditional.scaling.tiers[].min_profit bonus_strategy.bankroll_conditional.scaling.tiers[].max_profit bonus_strategy.bankroll_conditional.scaling.tiers[].bet_amount
bonus_strategy.streak_based.base_amount bonus_strategy.streak_based.trigger bonus_strategy.streak_based.streak_length bonus_strategy.streak_based.action.type
bonus_strategy.streak_based.action.value bonus_strategy.streak_based.reset_on bonus_strategy.streak_based.max_multiplier
bonus_strategy.session_conditional.base_amount
bonus_strategy.session_conditional.conditions.early_session.hands bonus_strategy.session_conditional.conditions.early_session.amount
bonus_strategy.session_conditional.conditions.near_win_limit.threshold bonus_strategy.session_conditional.conditions.near_win_limit.amount
bonus_strategy.session_conditional.conditions.near_loss_limit.threshold bonus_strategy.session_conditional.conditions.near_loss_limit.amount
bonus_strategy.session_conditional.conditions.default.amount
bonus_strategy.combined.base_amount bonus_strategy.combined.ride_correlation.enabled bonus_strategy.combined.ride_correlation.both_ride_multiplier
bonus_strategy.combined.ride_correlation.one_ride_multiplier bonus_strategy.combined.ride_correlation.both_pull_multiplier
bonus_strategy.combined.hand_quality_adjustment.enabled bonus_strategy.combined.hand_quality_adjustment.strong_hand_multiplier bonus_strategy.combined.hand_quality_adjustment.weak_hand_multiplier
bonus_strategy.custom.expression bonus_strategy.custom.min_bet bonus_strategy.custom.max_bet
paytables.main_game.type paytables.main_game.custom.royal_flush paytables.main_game.custom.straight_flush paytables.main_game.custom.four_of_a_kind
paytables.main_game.custom.full_house paytables.main_game.custom.flush paytables.main_game.custom.straight paytables.main_game.custom.three_of_a_kind
paytables.main_game.custom.two_pair paytables.main_game.custom.pair_tens_or_better
paytables.bonus.type paytables.bonus.custom.mini_royal paytables.bonus.custom.straight_flush paytables.bonus.custom.three_of_a_kind
paytables.bonus.custom.straight paytables.bonus.custom.flush paytables.bonus.custom.pair
paytables.bonus.progressive.starting_jackpot paytables.bonus.progressive.contribution_rate paytables.bonus.progressive.trigger paytables.bonus.progressive.reset_amount
output.directory output.prefix output.timestamp_format
output.formats.csv.enabled output.formats.csv.include_hands output.formats.csv.include_sessions output.formats.csv.include_aggregate output.formats.csv.include_seat_aggregate
output.formats.json.enabled output.formats.json.pretty output.formats.json.include_config
output.formats.html.enabled output.formats.html.include_charts output.formats.html.chart_library
output.visualizations.enabled output.visualizations.charts[].type output.visualizations.charts[].title output.visualizations.charts[].sample_sessions
output.visualizations.format output.visualizations.dpi
output.console.progress_bar output.console.verbosity output.console.show_summary
`

// keyPaths lists the leaf key paths of a tree.
func keyPaths(v any, path string, out map[string]bool) {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			keyPaths(x, join(path, k), out)
		}
	case []any:
		for _, x := range t {
			keyPaths(x, path+"[]", out)
		}
	default:
		out[path] = true
	}
}

func pyFiles(t *testing.T, glob string) map[string][]byte {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join("testdata", "python", glob))
	if len(names) == 0 {
		t.Fatal("no test files " + glob)
	}
	out := map[string][]byte{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		out[n] = b
	}
	return out
}

// The files written here in the Python tool's format use, together,
// every key of its schema: those that load (testdata/python) and those
// refused (testdata/python/refused).
func TestPythonFilesUseEveryKeyOfItsSchema(t *testing.T) {
	used := map[string]bool{}
	for _, g := range []string{"*.yaml", "refused/*.yaml"} {
		for _, b := range pyFiles(t, g) {
			tree, err := ParseTree(b)
			if err != nil {
				t.Fatal(err)
			}
			keyPaths(tree, "", used)
		}
	}
	var missing []string
	for _, k := range strings.Fields(pythonSchemaKeys) {
		if !used[k] {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Fatalf("keys of its schema no test file uses: %v", missing)
	}
}

// A key we cannot honour is refused by a message that names it (each file
// of testdata/python/refused is named after the key it is refused for).
func TestPythonKeysWeCannotHonourNameThemselves(t *testing.T) {
	for name, b := range pyFiles(t, "refused/*.yaml") {
		key := strings.TrimSuffix(filepath.Base(name), ".yaml")
		if key == "custom_bonus" {
			key = "bonus_strategy.custom"
		}
		_, err := Decode(name, b)
		if err == nil {
			t.Errorf("%s: loaded; want it refused", name)
			continue
		}
		es, ok := err.(config.Errors)
		if !ok || len(es) == 0 || !strings.Contains(es[0].Path, key) || len(es[0].Allowed) < 40 {
			t.Errorf("%s: %v; want an error at a path naming %s, saying why", name, err, key)
		}
	}
}

// Every file written here in its format loads, and what the file says is
// what the run is given (spot checks, one or more per file).
func TestPythonFilesLoadWithTheirMeaning(t *testing.T) {
	files := pyFiles(t, "*.yaml")
	load := func(n string) *config.Config {
		t.Helper()
		c, err := Decode(n, files[filepath.Join("testdata", "python", n)])
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		return c
	}
	for n := range files {
		load(filepath.Base(n))
	}
	m := load("martingale_everything.yaml")
	bs := m.Bankroll.BettingSystem
	checks := []struct {
		what string
		ok   bool
	}{
		{"metadata.version as written", m.Metadata.Version == "1.10"},
		{"workers 2", m.Simulation.Workers == 2},
		{"progress_interval", m.Simulation.ProgressInterval == 500},
		{"seed", m.Simulation.RandomSeed != nil && *m.Simulation.RandomSeed == 7},
		{"cryptographic deck", m.Deck.ShuffleAlgorithm == "cryptographic"},
		{"discard 4", m.Dealer.DiscardEnabled && m.Dealer.DiscardCards == 4},
		{"two seats sit out", m.Table.NumSeats == 2 && m.Table.SeatMode == "sit_out"},
		{"limits", *m.Bankroll.StopConditions.WinLimit == 12000 && *m.Bankroll.StopConditions.LossLimit == 9000 && *m.Bankroll.StopConditions.MaxHands == 100},
		{"insufficient funds", !m.Bankroll.StopConditions.StopOnInsufficientFunds},
		{"martingale: 3 levels = 2 raises, then hold", bs.Type == "martingale" && *bs.Martingale.MaxProgressions == 2 && bs.Martingale.AtMaxProgressions == "hold"},
		{"martingale multiplier and cap", bs.Martingale.LossMultiplier == 2.5 && *bs.Martingale.MaxBet == 6000},
		{"progressions on main + bonus", bs.ProgressionBasis == "total"},
		{"its conservative rules (presets.py): a paying hand rides, at both bets", m.Strategy.Type == "custom" &&
			reflect.DeepEqual(m.Strategy.Custom.Bet1Rules, []config.Rule{{Condition: "has_paying_hand", Action: "ride"}, {Condition: "true", Action: "pull"}}) &&
			reflect.DeepEqual(m.Strategy.Custom.Bet2Rules, m.Strategy.Custom.Bet1Rules)},
		{"static ratio 0.5 of the $5 base bet", m.BonusStrategy.Placed() && *m.BonusStrategy.Static.Amount == 250 && m.BonusStrategy.Static.Ratio == nil},
		{"bonus limits", *m.BonusStrategy.Limits.MinBet == 100 && *m.BonusStrategy.Limits.MaxBet == 2000 && *m.BonusStrategy.Limits.Increment == 50},
		{"custom main table", m.Paytables.MainGame.Type == "custom" && m.Paytables.MainGame.Custom.RoyalFlush == 500 && m.Paytables.MainGame.Custom.Flush == 7},
		{"its paytable_c, a fixed table (paytables.py)", m.Paytables.Bonus.Type == "custom" &&
			m.Paytables.Bonus.Custom == config.BonusCustom{MiniRoyal: 1000, StraightFlush: 200, ThreeOfAKind: 30, Straight: 6, Flush: 4, Pair: 1}},
		{"output names", m.Output.Directory == "./out/martingale_everything" && m.Output.Prefix == "mart_all"},
		{"our files off", !m.Output.Formats.CSV && !m.Output.Formats.JSON && !m.Output.Formats.HTML && !m.Output.Visualizations},
		{"console show_summary", !m.Output.Console},
	}
	py := m.Output.Python
	if py == nil {
		t.Fatal("output.python not set")
	}
	checks = append(checks, []struct {
		what string
		ok   bool
	}{
		{"csv options (detailed_logging sets include_hands)", py.CSV == config.PythonCSV{Enabled: true, IncludeHands: true, IncludeSessions: true, IncludeSeatAggregate: true}},
		{"json options", py.JSON == config.PythonJSON{Enabled: true}},
		{"html options", py.HTML == config.PythonHTML{Enabled: true, IncludeCharts: true, ChartLibrary: "matplotlib"}},
		{"charts", py.Visualizations.Enabled && len(py.Visualizations.Charts) == 5 && *py.Visualizations.Charts[1].SampleSessions == 25 && py.Visualizations.Format == "svg" && py.Visualizations.DPI == 300},
		{"console options", py.Console == config.PythonConsole{Verbosity: 2}},
	}...)
	r := load("reverse_aggressive.yaml")
	checks = append(checks, []struct {
		what string
		ok   bool
	}{
		{"workers auto: every core", r.Simulation.Workers == 0},
		{"its defaults: no loss limit, no hand cap", r.Bankroll.StopConditions.LossLimit == nil && r.Bankroll.StopConditions.MaxHands == nil},
		{"reverse martingale", r.Bankroll.BettingSystem.ReverseMartingale.WinMultiplier == 1.5 && *r.Bankroll.BettingSystem.ReverseMartingale.ProfitTargetStreak == 2},
		{"its aggressive rules (presets.py): a paying hand, a flush draw or a straight draw rides, at both bets", r.Strategy.Type == "custom" &&
			reflect.DeepEqual(r.Strategy.Custom.Bet2Rules, []config.Rule{{Condition: "has_paying_hand", Action: "ride"}, {Condition: "is_flush_draw", Action: "ride"},
				{Condition: "is_straight_draw", Action: "ride"}, {Condition: "true", Action: "pull"}}) &&
			reflect.DeepEqual(r.Strategy.Custom.Bet1Rules, r.Strategy.Custom.Bet2Rules)},
		{"always", r.BonusStrategy.Always.Amount == 200 && r.Paytables.Bonus.Type == "paytable_a"},
		{"its output defaults", r.Output.Directory == "./results" && r.Output.Prefix == "simulation" && reflect.DeepEqual(r.Output.Python, config.PythonOutputDefaults())},
	}...)
	cr := load("paroli_custom_rules.yaml").Strategy.Custom
	checks = append(checks, struct {
		what string
		ok   bool
	}{"its catch-all condition \"default\" is true", len(cr.Bet1Rules) == 3 && cr.Bet1Rules[2] == config.Rule{Condition: "true", Action: "pull"} &&
		cr.Bet2Rules[0].Condition == "has_paying_hand or is_flush_draw"})
	sb := load("streak_based.yaml").BonusStrategy.StreakBased
	four := 4.0
	checks = append(checks, struct {
		what string
		ok   bool
	}{"streak_based with its rule", sb.Amount == 100 && sb.StreakLength == 4 && reflect.DeepEqual(sb.Python,
		&config.PythonStreak{Trigger: "bonus_loss", ResetOn: "bonus_win", Action: "multiply", Value: 2, MaxMultiplier: &four})})
	bc := load("bankroll_conditional.yaml").BonusStrategy
	checks = append(checks, struct {
		what string
		ok   bool
	}{"bankroll_conditional as its code, in an expression", bc.Type == "custom" && bc.Custom.Expression ==
		"(session_profit >= 10 && bankroll / starting_bankroll >= 0.8 && (starting_bankroll - bankroll) / starting_bankroll <= 0.2) ? "+
			"(session_profit > 0 ? session_profit * 0.1 : (session_profit >= 0 && session_profit < 50 ? 1 : 2)) : 0" &&
		*bc.Custom.MinBet == 100 && *bc.Custom.MaxBet == 10000})
	d, f, p := load("dalembert_pull.yaml"), load("fibonacci_ride.yaml"), load("proportional.yaml")
	checks = append(checks, []struct {
		what string
		ok   bool
	}{
		{"dalembert below the base bet", *d.Bankroll.BettingSystem.Dalembert.MinBet == 400 && *d.Bankroll.TableMin == 400 && *d.Bankroll.BettingSystem.Dalembert.Unit == 200},
		{"fibonacci 0-based max_position 7 = our 8", *f.Bankroll.BettingSystem.Fibonacci.MaxPosition == 8 && *f.Bankroll.BettingSystem.Fibonacci.Unit == 200},
		{"proportional fraction 0.02 = 2%", p.Bankroll.BettingSystem.Proportional.BankrollPercentage == 2 && *p.Bankroll.BettingSystem.Proportional.RoundTo == 500},
	}...)
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s: not as the file says", c.what)
		}
	}
}

// Our own files keep their meaning: a file with none of its constructs is
// read in our form (our defaults, martingale reset).
func TestOurFilesStayOurs(t *testing.T) {
	c, err := Decode("a.yaml", []byte("bankroll:\n  betting_system: {type: martingale, martingale: {max_progressions: 3}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Output.Python != nil || c.Bankroll.BettingSystem.Martingale.AtMaxProgressions != "reset" || *c.Bankroll.BettingSystem.Martingale.MaxProgressions != 3 ||
		c.Bankroll.StopConditions.WinLimit == nil || c.Bankroll.BettingSystem.ProgressionBasis != "main" {
		t.Fatalf("our form changed: %+v", c.Bankroll)
	}
}
