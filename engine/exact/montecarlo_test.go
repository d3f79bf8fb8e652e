package exact_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/exact"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/rulebook"
	"github.com/lir-lab/lir/engine/sim"
)

// Monte Carlo configs checked against the exact engine. Each runs about
// 2–4 million hands with a fixed seed, so a pass is reproducible.
var mcConfigs = []struct {
	name     string
	json     string
	sessions int
}{
	{"default basic standard", `{}`, 12000},
	{"optimal bgc_lirx03 with paytable_a bonus", `{
		"strategy": {"type": "optimal"},
		"paytables": {"main_game": {"type": "bgc_lirx03"}, "bonus": {"type": "paytable_a"}},
		"bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 2}}}`, 12000},
	{"always_ride bgc_lirx02, tight limits", `{
		"strategy": {"type": "always_ride"},
		"paytables": {"main_game": {"type": "bgc_lirx02"}},
		"bankroll": {"starting_amount": 300, "base_bet": 10,
			"stop_conditions": {"win_limit": 150, "loss_limit": 200, "max_hands": 100}}}`, 20000},
	{"optimal custom table, static ratio bonus paytable_b", `{
		"strategy": {"type": "optimal", "ties": "ride"},
		"paytables": {"main_game": {"type": "custom", "custom": {"royal_flush": 250, "straight_flush": 80,
			"four_of_a_kind": 40, "full_house": 9, "flush": 7, "straight": 4, "three_of_a_kind": 3,
			"two_pair": 2, "pair_tens_or_better": 1}}, "bonus": {"type": "paytable_b"}},
		"bonus_strategy": {"enabled": true, "type": "static", "static": {"ratio": 0.2}},
		"bankroll": {"starting_amount": 200, "base_bet": 5,
			"stop_conditions": {"win_limit": null, "loss_limit": null, "max_hands": 150}}}`, 15000},
	{"7 seats sit_out, discard on, basic, paytable_b bonus", `{
		"table": {"num_seats": 7},
		"dealer": {"discard_enabled": true, "discard_cards": 3},
		"bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 1}},
		"simulation": {"hands_per_session": 100}}`, 3000},
	{"1 seat, discard on, always_pull, fixed-jackpot paytable_c", `{
		"dealer": {"discard_enabled": true, "discard_cards": 5},
		"strategy": {"type": "always_pull"},
		"paytables": {"bonus": {"type": "paytable_c", "progressive":
			{"starting_jackpot": 500, "reset_amount": 500, "contribution_rate": 0}}},
		"bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 1}},
		"bankroll": {"starting_amount": 100, "base_bet": 5,
			"stop_conditions": {"win_limit": 100, "loss_limit": 60}},
		"simulation": {"hands_per_session": 300}}`, 15000},
	{"3 seats leave, duration cap, cryptographic deck", `{
		"table": {"num_seats": 3, "seat_mode": "leave"},
		"deck": {"shuffle_algorithm": "cryptographic"},
		"bankroll": {"stop_conditions": {"max_duration_minutes": 90, "hands_per_hour": 80}}}`, 6000},
}

// Truth: the exact engine. For every config and every seat, the simulated
// main EV per hand, final-hand frequencies, ride frequencies, bonus
// category frequencies and — sessions being flat-bet — the session
// win/push/loss rates and stop-reason rates each fall within 4 standard
// errors of the exact value (standard errors from the exact variance or
// the exact binomial probability).
func TestMonteCarloAgreesWithExact(t *testing.T) {
	if testing.Short() {
		t.Skip("Monte Carlo runs take a few seconds")
	}
	comp := exact.NewCompletions4()
	for k, mc := range mcConfigs {
		t.Run(mc.name, func(t *testing.T) {
			cfg, err := config.DecodeJSON([]byte(mc.json))
			if err != nil {
				t.Fatal(err)
			}
			runner, err := sim.NewRunner(cfg)
			if err != nil {
				t.Fatal(err)
			}
			agg := runner.Run(0x5eed0000+uint64(k), 0, mc.sessions, nil)

			p := sim.MainPaytable(cfg)
			st, err := sim.StrategyTable(cfg)
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Strategy.Type == "optimal" {
				// The simulator's optimal table is the exact engine's.
				if !st.Equal(exact.Optimal(&p, "pull", comp)) && !st.Equal(exact.Optimal(&p, "ride", comp)) {
					t.Fatal("simulator's optimal table differs from exact.Optimal")
				}
			}
			d := exact.Distribution(st, comp)
			ev, _ := d.EV(&p).Float64()
			m2 := float64(d.Moment2Units(&p)) / exact.Deals
			sd := math.Sqrt(m2 - ev*ev)
			r1, r2 := d.RideProbs()
			pr1, _ := r1.Float64()
			pr2, _ := r2.Float64()

			var bonus *exact.BonusAnalysis
			if rulebook.Placed(cfg) {
				bp := sim.BonusPaytable(cfg)
				bonus = exact.AnalyzeBonus(&bp, nil)
			}
			sess, err := exact.SolveSession(cfg, d, nil)
			if err != nil {
				t.Fatal(err)
			}

			if sess.Truncated > 1e-12 || sess.Unfinished != 0 {
				t.Errorf("chain dropped %g and left %g unfinished", sess.Truncated, sess.Unfinished)
			}
			within := func(what string, got, want, se float64) {
				t.Helper()
				if se == 0 {
					if got != want {
						t.Errorf("%s: simulated %.6g, exact %.6g (no variance)", what, got, want)
					}
					return
				}
				if z := (got - want) / se; math.Abs(z) > 4 {
					t.Errorf("%s: simulated %.6g, exact %.6g, z = %.2f", what, got, want, z)
				}
			}
			prop := func(what string, count, n uint64, p float64) {
				t.Helper()
				within(what, float64(count)/float64(n), p, math.Sqrt(p*(1-p)/float64(n)))
			}
			for s := range agg.Seats {
				ss := &agg.Seats[s]
				seat := fmt.Sprintf("seat %d", s+1)
				n := ss.Hands
				var units int64
				var ride1, ride2 uint64
				for c := range ss.Deals {
					for k, x := range ss.Deals[c] {
						r1, r2 := k>>1, k&1
						units += int64(x) * int64(1+r1+r2) * p.Net(poker.Category(c))
						ride1 += uint64(r1) * x
						ride2 += uint64(r2) * x
					}
				}
				within(seat+" main EV per hand (units)", float64(units)/float64(n), ev, sd/math.Sqrt(float64(n)))
				prop(seat+" P(ride bet 1)", ride1, n, pr1)
				prop(seat+" P(ride bet 2)", ride2, n, pr2)
				for c := range ss.Deals {
					x := ss.Deals[c]
					prop(seat+" P("+poker.Category(c).String()+")", x[0]+x[1]+x[2]+x[3], n,
						float64(d.CategoryCount(poker.Category(c)))/exact.Deals)
				}
				if bonus != nil {
					if ss.BonusHands == 0 {
						t.Fatalf("%s: no bonus bets simulated", seat)
					}
					for c := range ss.BonusCounts {
						pc, _ := bonus.Probability(poker.Category3(c)).Float64()
						prop(seat+" bonus P("+poker.Category3(c).String()+")", ss.BonusCounts[c], ss.BonusHands, pc)
					}
				}
				ns := ss.PlayerSessions
				prop(seat+" P(session win)", ss.Outcomes[sim.OutcomeWin], ns, sess.PWin)
				prop(seat+" P(session loss)", ss.Outcomes[sim.OutcomeLoss], ns, sess.PLoss)
				prop(seat+" P(session push)", ss.Outcomes[sim.OutcomePush], ns, sess.PPush)
				for r := range rulebook.NumStops {
					prop(seat+" P(stop "+rulebook.Stop(r).String()+")", ss.StopReasons[r], ns, sess.Stop[r])
				}
				// Hands per session: mean within 4 SE, the SE from the
				// simulated spread (its exact variance is not computed).
				var sum, sum2 float64
				for v, n := range ss.HandsHist.Counts {
					sum += float64(v) * float64(n)
					sum2 += float64(v) * float64(v) * float64(n)
				}
				mean := sum / float64(ns)
				if ss.HandsHist.Shift == 0 {
					within(seat+" hands per session", mean, sess.ExpectedHands, math.Sqrt((sum2/float64(ns)-mean*mean)/float64(ns)))
				}
			}
			t.Logf("%d sessions, %d hands; exact EV %.5f, P(win session) %.4f, E[hands] %.2f, truncated %.1g",
				agg.Sessions, agg.Total().Hands, ev, sess.PWin, sess.ExpectedHands, sess.Truncated)
		})
	}
}
