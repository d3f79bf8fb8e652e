package exact

import (
	"errors"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/paytable"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/rulebook"
	"github.com/lir-lab/lir/engine/strategy"
)

var (
	typesOnce sync.Once
	typesStd  *HandTypes
)

func standardTypes() *HandTypes {
	typesOnce.Do(func() { typesStd = NewHandTypes(&paytable.Standard) })
	return typesStd
}

func defaultBook(t testing.TB) *rulebook.Book {
	t.Helper()
	k, err := rulebook.FromConfig(config.Default())
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// TestGoalFixedBasicIsTheChain: the induction with every state playing
// basic strategy evaluates that strategy; its P(win) is the forward
// chain's for the same study (two different computations of one number).
func TestGoalFixedBasicIsTheChain(t *testing.T) {
	k := defaultBook(t)
	c, _ := standardChain()
	res, err := c.Run(Study{Book: k})
	if err != nil {
		t.Fatal(err)
	}
	pol, err := SolveGoal(GoalStudy{Book: k, Types: standardTypes(), Fixed: strategy.Basic(strategy.TiesPull)})
	if err != nil {
		t.Fatal(err)
	}
	if d := math.Abs(pol.PGoal - res.PWin); d > 1e-12 {
		t.Fatalf("fixed basic: induction P(win) %.15f, chain %.15f (|Δ| %.2g)", pol.PGoal, res.PWin, d)
	}
	t.Logf("basic: P(win) induction %.15f chain %.15f; %d states", pol.PGoal, res.PWin, pol.States)
}

// TestGoalBeatsBasic: goal-optimal play on the default study wins more
// often than basic strategy, and the forward chain stepping its decisions
// gives the P(win) the induction promised.
func TestGoalBeatsBasic(t *testing.T) {
	k := defaultBook(t)
	c, _ := standardChain()
	basic, err := c.Run(Study{Book: k})
	if err != nil {
		t.Fatal(err)
	}
	ty := standardTypes()
	t0 := time.Now()
	pol, err := SolveGoal(GoalStudy{Book: k, Types: ty, Ties: strategy.TiesPull})
	if err != nil {
		t.Fatal(err)
	}
	el := time.Since(t0)
	res, err := c.Run(Study{Book: k, Policy: pol})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("goal: P(win) %.9f (chain %.9f), basic %.9f, gain %+.6f; %d states, %d decisions; solve %v",
		pol.PGoal, res.PWin, basic.PWin, pol.PGoal-basic.PWin, pol.States, pol.Decisions, el)
	if pol.PGoal <= basic.PWin {
		t.Fatalf("goal-optimal P(win) %.9f not above basic's %.9f", pol.PGoal, basic.PWin)
	}
	if d := math.Abs(pol.PGoal - res.PWin); d > 1e-12 {
		t.Fatalf("induction %.15f vs chain under the policy %.15f", pol.PGoal, res.PWin)
	}
}

// bruteGoal is goal-optimal play computed the slow, obvious way: a
// memoised recursion over the rulebook's states in which every hand is
// every three-card holding, fourth card and fifth-card category (the
// completion counts), each decision taken holding by holding, and the
// bonus bet placed or skipped. No hand types, no lattice, no sweep.
func bruteGoal(k *rulebook.Book, p *paytable.Main, obj Objective) float64 {
	c := completions()
	type h3 struct {
		cards [3]cards.Card
		bonus poker.Category3
	}
	var hands []h3
	cards.ForEach3(func(_ int, h [3]cards.Card) { hands = append(hands, h3{h, poker.Classify3(h[0], h[1], h[2])}) })
	memo := map[rulebook.State]float64{}
	var value func(st rulebook.State) float64
	value = func(st rulebook.State) float64 {
		if v, ok := memo[st]; ok {
			return v
		}
		var sc rulebook.Scratch
		s := st
		bet, bonus, reason, stopped := k.Prepare(&s, &sc)
		if stopped {
			v := 0.0
			if (obj == GoalAhead && s.Bankroll > k.Start) || (obj == GoalWinLimit && reason == rulebook.StopWinLimit) {
				v = 1
			}
			memo[st] = v
			return v
		}
		best := -1.0
		for _, b := range []int64{bonus, 0} {
			// next[u][cat][k3]: the value after a hand netting u·bet·pay(cat) + the bonus.
			var next [4][poker.NumCategories][poker.NumCategories3]float64
			for u := int64(1); u <= 3; u++ {
				for cat := range poker.NumCategories {
					for k3 := range poker.NumCategories3 {
						var bon int64
						if b > 0 {
							bon = k.Bonus.Net(poker.Category3(k3), b, k.Bonus.StartMicro)
						}
						s2 := s
						k.Settle(&s2, u*bet*p.Pays[cat], bon)
						next[u][cat][k3] = value(s2)
					}
				}
			}
			var total float64
			for _, h := range hands {
				var pull1, ride1 float64 // the hand's value with bet 1 pulled, ridden
				for x := cards.Card(0); x < cards.NumCards; x++ {
					if x == h.cards[0] || x == h.cards[1] || x == h.cards[2] {
						continue
					}
					counts := c.Counts(cards.Index4(h.cards[0], h.cards[1], h.cards[2], x))
					var v [4]float64 // by units in action
					for cat, n := range counts {
						for u := 1; u <= 3; u++ {
							v[u] += float64(n) * next[u][cat][h.bonus]
						}
					}
					pull1 += max(v[1], v[2])
					ride1 += max(v[2], v[3])
				}
				total += max(pull1, ride1)
			}
			best = max(best, total/Deals)
			if bonus == 0 {
				break
			}
		}
		memo[st] = best
		return best
	}
	return value(k.NewState())
}

// TestGoalBruteForce: on small studies, with and without a bonus bet, for
// both objectives, the induction over hand types gives the P(goal) of
// bruteGoal to 1e-12.
func TestGoalBruteForce(t *testing.T) {
	for n, tc := range []struct {
		name string
		js   string
		obj  Objective
	}{
		{"ahead", `{"bankroll":{"starting_amount":40,"base_bet":5,"stop_conditions":{"win_limit":10,"loss_limit":20,"max_hands":3}}}`, GoalAhead},
		{"win limit", `{"bankroll":{"starting_amount":40,"base_bet":5,"stop_conditions":{"win_limit":20,"loss_limit":20,"max_hands":3}}}`, GoalWinLimit},
		{"bonus", `{"bankroll":{"starting_amount":40,"base_bet":5,"stop_conditions":{"win_limit":10,"loss_limit":20,"max_hands":2}},
			"bonus_strategy":{"enabled":true,"type":"always","always":{"amount":5}}}`, GoalAhead},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if n < 2 && runtime.GOARCH == "wasm" {
				t.Skip("the brute force takes half a minute in WebAssembly; the bonus case runs")
			}
			k := study(t, tc.js).Book
			pol, err := SolveGoal(GoalStudy{Book: k, Types: standardTypes(), Objective: tc.obj})
			if err != nil {
				t.Fatal(err)
			}
			want := bruteGoal(k, &paytable.Standard, tc.obj)
			if d := math.Abs(pol.PGoal - want); d > 1e-12 {
				t.Fatalf("P(goal): types %.15f, brute force %.15f", pol.PGoal, want)
			}
			t.Logf("P(goal) %.12f (brute force %.12f), %d states", pol.PGoal, want, pol.States)
		})
	}
}

// TestGoalReport: the departures of goal-optimal play from basic strategy
// on the default study, in words; the report's session is the policy's.
func TestGoalReport(t *testing.T) {
	k := defaultBook(t)
	c, _ := standardChain()
	basic, err := c.Run(Study{Book: k})
	if err != nil {
		t.Fatal(err)
	}
	pol, err := SolveGoal(GoalStudy{Book: k, Types: standardTypes()})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := pol.Report(Study{Book: k}, "basic", basic)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(rep.Session.PWin-pol.PGoal) > 1e-12 || rep.Gain() <= 0 || len(rep.Departures) == 0 {
		t.Fatalf("report: P(win) %v vs %v, gain %v, %d departures", rep.Session.PWin, pol.PGoal, rep.Gain(), len(rep.Departures))
	}
	t.Logf("gain %+.6f, %.3f departures per session", rep.Gain(), rep.DeparturesPerSession)
	for i, d := range rep.Departures {
		if i == 15 {
			break
		}
		t.Logf("%.4f  %s", d.PerSession, d.Words())
	}
}

// TestGoalTooLarge: a study whose states have no bound (no win limit, bets
// that follow the bankroll) is refused with the reason and the count, not
// solved without end.
func TestGoalTooLarge(t *testing.T) {
	k := study(t, `{"bankroll": {"stop_conditions": {"win_limit": null}, "betting_system": {"type": "proportional", "proportional": {"bankroll_percentage": 5}}}}`).Book
	_, err := SolveGoal(GoalStudy{Book: k, Types: standardTypes(), MaxStates: 20_000})
	var om *Omitted
	if !errors.As(err, &om) || om.Count <= 20_000 || !strings.Contains(om.Reason, "more than 20000 (hand, session state, bankroll) states") {
		t.Fatalf("err %v", err)
	}
	t.Log(err)
}

// TestHandTypesExact: the types, found state by state, hold for every
// holding on its own. Truth: each four-card holding's completion counts
// (the exhaustive table) give its type's payout histogram, and each
// three-card holding's 49 fourth cards give its type's bonus category and
// pairs. On the standard table: 33 four-card types, 59 three-card ones.
func TestHandTypesExact(t *testing.T) {
	c := completions()
	for _, p := range []paytable.Main{paytable.Standard, customTable} {
		ty := NewHandTypes(&p)
		for j := range cards.NumHands4 {
			var want [poker.NumCategories]int64
			for cat, n := range c.Counts(j) {
				want[slices.Index(ty.Pays, p.Net(poker.Category(cat)))] += int64(n)
			}
			var got [poker.NumCategories]int64
			for _, h := range ty.Hist4[ty.Of4[j]] {
				got[h.I] = h.N
			}
			if got != want {
				t.Fatalf("%s: holding %v: type histogram %v, its completions %v", p.Name, cards.Hand4(j), got, want)
			}
		}
		cards.ForEach3(func(i int, h [3]cards.Card) {
			t3 := ty.T3[ty.Of3[i]]
			if k := poker.Classify3(h[0], h[1], h[2]); k != t3.Bonus {
				t.Fatalf("%v: bonus %v, type's %v", h, k, t3.Bonus)
			}
			want := map[int32]int64{}
			for x := cards.Card(0); x < cards.NumCards; x++ {
				if x != h[0] && x != h[1] && x != h[2] {
					want[ty.PairOf[t3.Bonus][ty.Of4[cards.Index4(h[0], h[1], h[2], x)]]]++
				}
			}
			for _, n := range t3.Next {
				if want[n.I] != n.N {
					t.Fatalf("%v: pair %d: %d fourth cards, type says %d", h, n.I, want[n.I], n.N)
				}
				delete(want, n.I)
			}
			if len(want) != 0 {
				t.Fatalf("%v: pairs %v missing from its type", h, want)
			}
		})
		if p.Name == "standard" && (len(ty.Hist4) != 33 || len(ty.T3) != 59 || len(ty.Pairs) != 103) {
			t.Errorf("standard: %d four-card types, %d three-card, %d pairs; want 33, 59, 103", len(ty.Hist4), len(ty.T3), len(ty.Pairs))
		}
	}
}
