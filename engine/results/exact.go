package results

import (
	"errors"
	"math"
	"math/big"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/exact"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/sim"
	"github.com/lir-lab/lir/engine/stats"
)

// Comparison sets the simulated figures beside the exact ones. Every hand a
// seat plays under a card-only strategy has the single-player exact
// distribution (other seats' and burnt cards are unseen), whatever the seat,
// table size or betting, so all hands played are compared at once.
type Comparison struct {
	// EVPerUnitBet: main-game net per unit of per-circle bet.
	EVPerUnitBet  Check       `json:"ev_per_unit_bet"`
	RideBet1      Check       `json:"ride_rate_bet1"`
	RideBet2      Check       `json:"ride_rate_bet2"`
	Hands         []Frequency `json:"hand_frequencies"`
	HandsTest     ChiSquare   `json:"hand_chi_square"`
	Bonus         []Frequency `json:"bonus_frequencies,omitempty"`
	BonusTest     *ChiSquare  `json:"bonus_chi_square,omitempty"`
	HouseEdge     Float       `json:"house_edge"`
	HouseEdgeFrac string      `json:"house_edge_exact"`
	// FavoursPlayer: the main game's EV is positive under this strategy
	// (a negative house edge).
	FavoursPlayer bool `json:"favours_player"`
}

// Check is an observed figure beside its exact value: Z is (observed −
// exact) / StdErr, the standard error from the exact distribution.
type Check struct {
	Observed   Float  `json:"observed"`
	Exact      Float  `json:"exact"`
	ExactFrac  string `json:"exact_fraction"`
	StdErr     Float  `json:"std_error"`
	Z          Float  `json:"z"`
	WithinFour bool   `json:"within_4_std_errors"`
}

// Frequency is one category's observed count and rate beside its exact
// probability.
type Frequency struct {
	Category string `json:"category"`
	Count    uint64 `json:"count"`
	Observed Float  `json:"observed"`
	Exact    Float  `json:"exact"`
}

// ChiSquare is a goodness-of-fit test of observed counts against exact
// probabilities (cells with expected count below 5 pooled).
type ChiSquare struct {
	Stat   Approx `json:"statistic"`
	DF     int    `json:"df"`
	PValue Approx `json:"p_value"`
}

// Exact is what the exact engine says about one hand under a config's
// strategy and paytable.
type Exact struct {
	Dist    *exact.HandDistribution
	Main    int64 // Σ count × net units (EV numerator)
	Moment2 int64 // Σ count × net units²
}

// ExactFor solves the config's strategy exactly (about 0.3–0.5 s native).
func ExactFor(c *config.Config) (*Exact, error) {
	_, d, err := sim.ExactDistribution(c)
	if err != nil {
		return nil, err
	}
	return ExactOf(c, d), nil
}

// ExactOf is config c's exact per-hand figures from the hand distribution
// d of its strategy.
func ExactOf(c *config.Config, d *exact.HandDistribution) *Exact {
	p := sim.MainPaytable(c)
	return &Exact{Dist: d, Main: d.NetUnits(&p), Moment2: d.Moment2Units(&p)}
}

// HouseEdge is the main game's exact house edge per unit of the per-circle
// bet, and the fraction it is.
func (e *Exact) HouseEdge() (edge float64, frac string) {
	total := e.Dist.Total()
	return -float64(e.Main) / float64(total), ratString(-e.Main, total)
}

// CompareExact adds the exact comparison for config c, or, when the exact
// engine does not cover c's strategy (sim.ErrSessionStrategy), says why in
// ExactOmitted. Other errors are returned.
func (d *Document) CompareExact(c *config.Config, agg *sim.Aggregate) error {
	e, err := ExactFor(c)
	switch {
	case errors.Is(err, sim.ErrSessionStrategy):
		d.ExactOmitted = err.Error()
		return nil
	case err != nil:
		return err
	}
	d.Compare(agg, e)
	return nil
}

// bonusCounts returns the exact three-card category counts over 22,100 hands.
func bonusCounts() (n [poker.NumCategories3]int64) {
	cards.ForEach3(func(_ int, h [3]cards.Card) { n[poker.Classify3(h[0], h[1], h[2])]++ })
	return n
}

// Compare adds the exact comparison to the document.
func (d *Document) Compare(agg *sim.Aggregate, e *Exact) {
	s := agg.Total()
	total := float64(e.Dist.Total())
	cmp := &Comparison{}
	ev := float64(e.Main) / total
	// float64(…) forces each product to be rounded on its own: no fused
	// multiply-add on any platform, so the figure is the same everywhere.
	variance := float64(e.Moment2)/total - float64(ev*ev)
	observed := float64(d.EV.PerUnitBet)
	// Hands are independent of the bets made on them (a bet is sized
	// before its cards are dealt), so Σ net = Σ bet_i·X_i with X_i the
	// per-unit result: Var(Σ net / Σ bet) = σ²·Σ bet² / (Σ bet)², which is
	// σ²/n for flat bets.
	sumBet, _ := new(big.Float).SetInt(s.BaseBetUnits.Big()).Float64()
	sumBetSq, _ := new(big.Float).SetInt(s.BaseBetSq.Big()).Float64()
	se := math.Sqrt(variance) * math.Sqrt(sumBetSq) / sumBet
	cmp.EVPerUnitBet = check(observed, ev, ratString(e.Main, e.Dist.Total()), se)
	edge, frac := e.HouseEdge()
	cmp.HouseEdge, cmp.HouseEdgeFrac = Float(edge), frac
	cmp.FavoursPlayer = e.Main > 0
	r1, r2 := e.Dist.RideCounts()
	cmp.RideBet1 = rateCheck(d.RideBet1, s.Hands, r1, e.Dist.Total())
	cmp.RideBet2 = rateCheck(d.RideBet2, s.Hands, r2, e.Dist.Total())
	var obs []uint64
	var probs []float64
	for _, c := range poker.Categories() {
		n := e.Dist.CategoryCount(c)
		got := d.HandCounts.Get(c.String())
		cmp.Hands = append(cmp.Hands, Frequency{c.String(), got, ratio(got, s.Hands), Float(float64(n) / total)})
		obs = append(obs, got)
		probs = append(probs, float64(n)/total)
	}
	cmp.HandsTest = chiSquare(obs, probs)
	if s.BonusHands > 0 {
		counts := bonusCounts()
		obs, probs = nil, nil
		for _, c := range poker.Categories3() {
			got := s.BonusCounts[c]
			p := float64(counts[c]) / cards.NumHands3
			cmp.Bonus = append(cmp.Bonus, Frequency{c.String(), got, ratio(got, s.BonusHands), Float(p)})
			obs = append(obs, got)
			probs = append(probs, p)
		}
		t := chiSquare(obs, probs)
		cmp.BonusTest = &t
	}
	d.Exact = cmp
}

func check(observed, exactValue float64, frac string, se float64) Check {
	z := (observed - exactValue) / se
	return Check{Float(observed), Float(exactValue), frac, Float(se), Float(z), math.Abs(z) <= 4}
}

func rateCheck(x, n uint64, exactCount, total int64) Check {
	p := float64(exactCount) / float64(total)
	return check(float64(x)/float64(n), p, ratString(exactCount, total), math.Sqrt(float64(p*(1-p))/float64(n)))
}

func chiSquare(obs []uint64, probs []float64) ChiSquare {
	r := stats.ChiSquareGOF(obs, probs, stats.DefaultMinExpected)
	return ChiSquare{Approx(r.Stat), r.DF, Approx(r.PValue)}
}
