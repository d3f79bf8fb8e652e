package exact

import (
	"math"
	"sync"
	"testing"

	"github.com/lir-lab/lir/engine/paytable"
	"github.com/lir-lab/lir/engine/strategy"
)

var (
	chainOnce sync.Once
	chainStd  *SessionChain // basic strategy, standard table, paytable_b bonus
	evStd     float64       // main EV per hand in units
)

func standardChain() (*SessionChain, float64) {
	chainOnce.Do(func() {
		d := Distribution(strategy.Basic(strategy.TiesPull), completions())
		chainStd = NewSessionChain(d, &paytable.Standard, &paytable.PaytableB)
		evStd, _ = d.EV(&paytable.Standard).Float64()
	})
	return chainStd, evStd
}

// bruteForce walks every path of up to r.MaxHands hands, applying the
// session rules literally, and returns the final-bankroll distribution and
// the stop-reason probabilities.
func bruteForce(c *SessionChain, r SessionRules) (map[int64]float64, [NumStopReasons]float64) {
	final := map[int64]float64{}
	var stop [NumStopReasons]float64
	var walk func(x int64, hand int, p float64)
	walk = func(x int64, hand int, p float64) {
		switch {
		case r.WinLimit > 0 && x-r.Start >= r.WinLimit:
			stop[StopWinLimit] += p
		case r.LossLimit > 0 && r.Start-x >= r.LossLimit:
			stop[StopLossLimit] += p
		case hand >= r.MaxHands:
			stop[StopMaxHands] += p
		case x < 3*r.BaseBet && !r.ShrinkToChip:
			stop[StopInsufficientFunds] += p
		case x < 3*r.ChipIncrement:
			stop[StopInsufficientFunds] += p
		default:
			bet := min(r.BaseBet, x/3/r.ChipIncrement*r.ChipIncrement)
			y := r.BonusBet
			if x < 3*bet+y { // reduce to what fits, to the increment
				y = (x - 3*bet) / r.BonusIncrement * r.BonusIncrement
				if y < r.BonusMin {
					y = 0
				}
			}
			for b := range c.units {
				for k, u := range c.units[b] {
					bon := int64(0)
					if y > 0 {
						bon = c.bonus[b] * y
					}
					walk(x+u*bet+bon, hand+1, p*c.probs[b][k])
				}
			}
			return
		}
		final[x] += p
	}
	walk(r.Start, 0, 1)
	return final, stop
}

// Truth: literal path enumeration. A 3-hand session small enough that the
// bonus is reduced, dropped, and funds run out agrees with the chain on
// every final bankroll and every stop reason.
func TestSessionChainBruteForce(t *testing.T) {
	c, _ := standardChain()
	for _, r := range []SessionRules{
		{Start: 1000, BaseBet: 100, ChipIncrement: 1, BonusBet: 50, BonusMin: 25, BonusIncrement: 25, WinLimit: 500, LossLimit: 600, MaxHands: 3},
		{Start: 700, BaseBet: 100, ChipIncrement: 1, BonusBet: 100, BonusMin: 50, BonusIncrement: 50, MaxHands: 3},
		{Start: 2000, BaseBet: 200, WinLimit: 300, LossLimit: 400, MaxHands: 3, ChipIncrement: 1, BonusIncrement: 1},
		{Start: 1000, BaseBet: 200, ShrinkToChip: true, ChipIncrement: 50, BonusBet: 50, BonusMin: 50, BonusIncrement: 50, MaxHands: 3},
	} {
		want, wantStop := bruteForce(c, r)
		got, err := c.Run(r)
		if err != nil {
			t.Fatal(err)
		}
		var total float64
		for _, b := range got.Final {
			total += b.P
			if math.Abs(b.P-want[b.Cents]) > 1e-14 {
				t.Errorf("%+v: P(final %d) = %g, brute force %g", r, b.Cents, b.P, want[b.Cents])
			}
			delete(want, b.Cents)
		}
		for x, p := range want {
			if p > 1e-14 {
				t.Errorf("%+v: brute force final %d (p %g) missing from the chain", r, x, p)
			}
		}
		for k := range got.Stop {
			if math.Abs(got.Stop[k]-wantStop[k]) > 1e-13 {
				t.Errorf("%+v: P(%s) = %g, brute force %g", r, StopReasonNames[k], got.Stop[k], wantStop[k])
			}
		}
		if math.Abs(total-1) > 1e-12 || math.Abs(got.PWin+got.PPush+got.PLoss-1) > 1e-12 {
			t.Errorf("%+v: probabilities sum to %g", r, total)
		}
	}
}

// Truth: Wald's identity. With a flat bet that always fits, the expected
// session profit is the per-hand EV times the expected number of hands.
func TestSessionWald(t *testing.T) {
	c, ev := standardChain()
	r := SessionRules{Start: 100000, BaseBet: 500, WinLimit: 25000, LossLimit: 20000, MaxHands: 200}
	res, err := c.Run(r)
	if err != nil {
		t.Fatal(err)
	}
	want := ev * float64(r.BaseBet) * res.ExpectedHands
	if math.Abs(res.ExpectedProfit-want) > 1e-9*math.Abs(want) {
		t.Errorf("E[profit] %.9f cents, EV × E[hands] = %.9f", res.ExpectedProfit, want)
	}
	var stops float64
	for _, p := range res.Stop {
		stops += p
	}
	if math.Abs(stops-1) > 1e-12 || res.Unfinished != 0 {
		t.Errorf("stop reasons sum to %g, unfinished %g", stops, res.Unfinished)
	}
	t.Logf("P(win) %.6f P(loss) %.6f E[hands] %.4f stops %v", res.PWin, res.PLoss, res.ExpectedHands, res.Stop)
}

// Truth: a hand-computable case. One hand, no limits: the final bankroll
// is the start plus one hand's joint result, so P(win) is the exact
// probability that main + bonus net is positive.
func TestSessionOneHand(t *testing.T) {
	c, _ := standardChain()
	d := Distribution(strategy.Basic(strategy.TiesPull), completions())
	var win int64
	for _, j := range d.Joint(&paytable.Standard) {
		if j.Units*2+paytable.PaytableB.Net(j.Bonus) > 0 { // base bet 2, bonus 1
			win += j.Count
		}
	}
	res, err := c.Run(SessionRules{Start: 100, BaseBet: 2, BonusBet: 1, MaxHands: 1})
	if err != nil {
		t.Fatal(err)
	}
	if want := float64(win) / Deals; math.Abs(res.PWin-want) > 1e-15 {
		t.Errorf("P(win) %g, want %g", res.PWin, want)
	}
	if res.ExpectedHands != 1 || math.Abs(res.Stop[StopMaxHands]-1) > 1e-14 {
		t.Errorf("hands %g, stops %v", res.ExpectedHands, res.Stop)
	}
}

func TestSessionRulesRejected(t *testing.T) {
	c, _ := standardChain()
	for _, r := range []SessionRules{
		{Start: 1000, BaseBet: 500, MaxHands: 10}, // cannot cover 3 bets
		{Start: 1000, BaseBet: 0, MaxHands: 10},   // no bet
		{Start: 1000, BaseBet: 100},               // no way to end when winning
		{Start: 1000, BaseBet: 100, LossLimit: -1, MaxHands: 3},
	} {
		if _, err := c.Run(r); err == nil {
			t.Errorf("%+v accepted", r)
		}
	}
}
