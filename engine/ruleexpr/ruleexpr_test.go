package ruleexpr

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/expr-lang/expr"

	"github.com/lir-lab/lir/engine/rules"
)

// The engine's compiler and expr-lang agree on the value of every
// expression, over random variable values (the engine's language is a
// subset of expr-lang with the same meaning).
func TestAgreesWithExprLang(t *testing.T) {
	exprs := []string{
		"high_cards >= 2 && suited_cards == 3",
		"has_pair and not has_high_pair or is_flush_draw",
		"pair_rank >= 10 || strength > 7 && gaps <= 1",
		"session_profit < -50 ? strength >= 5 : strength >= 6",
		"bankroll * 0.02 + streak * 5",
		"streak < -2 ? last_bet * 2 : base_bet",
		"-streak ** 2 + hands_played % 7",
		"2 ** 3 ** 2 - 10 / 4 * 3",
		"min(bankroll, 100, peak_profit) - max(drawdown, 1.5)",
		"abs(session_profit) / 3 + floor(bankroll / 7) - ceil(last_bet) + round(bet * 1.5)",
		"!(high_rank > 12) == has_trips",
		"connected_cards != 3 ? 1 : 2.5",
		"hands_played - 3 * streak + 1_000 - 1e2",
		"-(bankroll - starting_bankroll) > 100",
		"last_result == -1 and streak <= -3",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, src := range exprs {
		e, err := Compile(src, rules.Float, rules.StrategyContext)
		if err != nil {
			if e, err = Compile(src, rules.Bool, rules.StrategyContext); err != nil {
				t.Fatalf("%s: %v", src, err)
			}
		}
		prog, err := expr.Compile(src, expr.Env(Env(rules.StrategyContext.Allowed)))
		if err != nil {
			t.Fatal(err)
		}
		for k := 0; k < 300; k++ {
			var env rules.Env
			m := map[string]any{}
			for i, v := range rules.Vars {
				switch v.Type {
				case rules.Bool:
					b := rng.IntN(2) == 1
					m[v.Name] = b
					if b {
						env[i] = 1
					}
				case rules.Int:
					x := rng.IntN(21) - 10
					m[v.Name], env[i] = x, float64(x)
				default:
					x := math.Round(rng.Float64()*4000-2000) / 4
					m[v.Name], env[i] = x, x
				}
			}
			want, err := expr.Run(prog, m)
			if err != nil {
				continue // expr-lang stops on an int % 0; the engine gives NaN
			}
			got := e.Eval(&env)
			var w float64
			switch x := want.(type) {
			case bool:
				if x {
					w = 1
				}
			case int:
				w = float64(x)
			case float64:
				w = x
			default:
				t.Fatalf("%s: expr-lang gave %T", src, want)
			}
			if got != w && math.Abs(got-w) > 1e-9*math.Max(1, math.Abs(w)) {
				t.Fatalf("%s with %v: engine %v, expr-lang %v", src, m, got, w)
			}
		}
	}
}

func TestCheckRefusesWhatExprLangRefuses(t *testing.T) {
	// Both compilers accept; sanity of the pairing.
	if _, err := Compile("high_cards > 1", rules.Bool, rules.StrategyContext); err != nil {
		t.Fatal(err)
	}
	if _, err := Compile("has_pair ? 5 : 0", rules.Float, rules.BonusContext); err == nil {
		t.Fatal("card variable accepted in a bonus expression")
	}
}
