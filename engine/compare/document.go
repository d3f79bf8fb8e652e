package compare

import (
	"encoding/json"
	"math"
	"math/big"
	"strconv"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/results"
	"github.com/lir-lab/lir/engine/stats"
)

// SchemaVersion is the version of the comparison document (docs/RESULTS.md,
// "Comparison").
const SchemaVersion = 2

// Alpha is the family-wise error rate the "significant" flags use.
const Alpha = 0.05

// Document is the result of comparing configs: the section the page shows
// and `lir compare --json` prints.
type Document struct {
	SchemaVersion int          `json:"schema_version"`
	Seed          string       `json:"seed"`
	Sessions      uint64       `json:"sessions"`
	Configs       []ArmFigures `json:"configs"`
	// CommonCards is true when every config deals the same cards to the
	// same seat in session i (same seat count and discard); otherwise the
	// pairs are still valid paired tests, on independent cards.
	CommonCards bool            `json:"common_random_numbers"`
	Pairs       []Pair          `json:"pairs"`
	Method      string          `json:"method"`
	Timing      *results.Timing `json:"timing,omitempty"`
}

// ArmFigures summarise one config per table session.
type ArmFigures struct {
	Name          string             `json:"name"`
	Config        json.RawMessage    `json:"config"`
	Hands         uint64             `json:"hands"`
	WinRate       results.Proportion `json:"session_win_rate"`
	ProfitMean    results.Float      `json:"session_profit_mean"`
	ProfitStd     results.Float      `json:"session_profit_std"`
	ProfitCI95Lo  results.Float      `json:"session_profit_ci95_low"`
	ProfitCI95Hi  results.Float      `json:"session_profit_ci95_high"`
	EVPerHand     results.Float      `json:"ev_per_hand"`
	HouseEdgeUnit results.Float      `json:"ev_per_unit_bet"`
}

// Pair compares configs A and B (indexes into Configs) on the same table
// sessions. Differences are A − B.
type Pair struct {
	A     int    `json:"a"`
	B     int    `json:"b"`
	NameA string `json:"name_a"`
	NameB string `json:"name_b"`

	// Session profit: paired t test on d = profit_A − profit_B.
	ProfitDifference       results.Float  `json:"profit_difference"`
	ProfitDifferenceCI95Lo results.Float  `json:"profit_difference_ci95_low"`
	ProfitDifferenceCI95Hi results.Float  `json:"profit_difference_ci95_high"`
	T                      results.Approx `json:"t"`
	DF                     results.Float  `json:"df"`
	PValueProfit           results.Approx `json:"p_value_profit"`
	PValueProfitAdjusted   results.Approx `json:"p_value_profit_adjusted"`
	// EffectSize is Cohen's d_z of the profit differences.
	EffectSize results.Float `json:"effect_size"`

	// Session win rate (a session is won when its profit is positive),
	// tested by WinRateTest (see winRateTest): its statistic, p-value and
	// Holm-adjusted p-value. OnlyAWon and OnlyBWon count the sessions only
	// one config won.
	WinRateDifference     results.Float  `json:"win_rate_difference"`
	OnlyAWon              uint64         `json:"only_a_won"`
	OnlyBWon              uint64         `json:"only_b_won"`
	WinRateTest           string         `json:"win_rate_test"`
	WinRateStatistic      results.Approx `json:"win_rate_statistic"`
	PValueWinRate         results.Approx `json:"p_value_win_rate"`
	PValueWinRateAdjusted results.Approx `json:"p_value_win_rate_adjusted"`
	EffectSizeWinRate     results.Float  `json:"effect_size_win_rate"`

	// Correlation of the two configs' session profits, and the share of
	// the variance of the difference that pairing removed:
	// 1 − var(A − B)/(var(A) + var(B)).
	Correlation       results.Float `json:"profit_correlation"`
	VarianceReduction results.Float `json:"variance_reduction"`

	SignificantProfit  bool `json:"significant_profit"`
	SignificantWinRate bool `json:"significant_win_rate"`
}

var method = "Table session i of every config deals from the same seed (common random numbers). " +
	"Profit: paired t test on the per-session differences, from their exact sums; effect size Cohen's d_z. " +
	"Win rate (profit > 0): on common random numbers, McNemar's paired test on the sessions only one config won (exact binomial test when fewer than " + strconv.Itoa(stats.McNemarExactBelow) + " such sessions, else chi-square with continuity correction); when the configs deal different cards, the two-proportion z test; effect size Cohen's h. " +
	"p-values are Holm-adjusted across pairs, separately for profit and win rate; significant means adjusted p < 0.05. " +
	"variance_reduction = 1 − var(A−B)/(var(A)+var(B)): the share of the variance of the difference that pairing removes, so independent runs would need 1/(1 − variance_reduction) times the sessions for the same precision."

// studentQ is the 0.975 quantile of Student's t with df degrees of freedom.
func studentQ(df float64) float64 {
	return stats.StudentsTQuantile(df, 0.975)
}

func variance(n uint64, s, s2 *big.Int) float64 {
	m := stats.Moments{N: n, S1: s, S2: s2}
	return m.Variance() / 1e4
}

// Build makes the comparison document. names label the configs.
func Build(configs []*config.Config, names []string, seed uint64, agg *Aggregate) *Document {
	d := &Document{SchemaVersion: SchemaVersion, Seed: strconv.FormatUint(seed, 10), Method: method, CommonCards: true}
	first := configs[0]
	for i, c := range configs {
		if c.Table.NumSeats != first.Table.NumSeats || c.Table.SeatMode != first.Table.SeatMode ||
			c.Dealer.DiscardEnabled != first.Dealer.DiscardEnabled || (c.Dealer.DiscardEnabled && c.Dealer.DiscardCards != first.Dealer.DiscardCards) ||
			c.Deck.ShuffleAlgorithm != first.Deck.ShuffleAlgorithm {
			d.CommonCards = false
		}
		a := &agg.Arms[i]
		d.Sessions = a.N
		doc := results.Build(c, seed, a.Agg)
		m := stats.Moments{N: a.N, S1: a.SumP.Big(), S2: a.SumP2.Big()}
		lo, hi := m.MeanCI(stats.ZForConfidence(0.95))
		wl, wh := stats.Wilson(a.Wins, a.N, 0.95)
		d.Configs = append(d.Configs, ArmFigures{
			Name: names[i], Config: c.CanonicalJSON(), Hands: doc.Hands,
			WinRate:    results.Proportion{Value: results.Float(float64(a.Wins) / float64(a.N)), CI95Lo: results.Approx(wl), CI95Hi: results.Approx(wh)},
			ProfitMean: results.Float(m.Mean() / 100), ProfitStd: results.Float(m.Std() / 100),
			ProfitCI95Lo: results.Float(lo / 100), ProfitCI95Hi: results.Float(hi / 100),
			EVPerHand: doc.EV.Total.Value, HouseEdgeUnit: doc.EV.PerUnitBet,
		})
	}
	var pProfit, pWin []float64
	for _, ps := range agg.Pairs {
		a, b := &agg.Arms[ps.A], &agg.Arms[ps.B]
		sd, sd2 := ps.SumD.Big(), ps.SumD2.Big()
		t, df, p := stats.PairedT(ps.N, sd, sd2)
		dm := stats.Moments{N: ps.N, S1: sd, S2: sd2}
		lo, hi := math.NaN(), math.NaN()
		if ps.N >= 2 {
			q := stats.NormalQuantile(0.975)
			if df < 1e6 {
				q = studentQ(df)
			}
			se := dm.StdErr()
			lo, hi = (dm.Mean()-q*se)/100, (dm.Mean()+q*se)/100
		}
		onlyA, onlyB := ps.Wins[1][0], ps.Wins[0][1]
		test, stat, pw := winRateTest(d.CommonCards, a, b, onlyA, onlyB)
		ra, rb := float64(a.Wins)/float64(a.N), float64(b.Wins)/float64(b.N)
		va := variance(a.N, a.SumP.Big(), a.SumP2.Big())
		vb := variance(b.N, b.SumP.Big(), b.SumP2.Big())
		vd := dm.Variance() / 1e4
		corr := covariance(ps.N, a.SumP.Big(), b.SumP.Big(), ps.SumAB.Big()) / math.Sqrt(va*vb)
		vr := math.NaN()
		if !math.IsNaN(vd) {
			vr = stats.VarianceReduction(vd, va, vb)
		}
		d.Pairs = append(d.Pairs, Pair{
			A: ps.A, B: ps.B, NameA: names[ps.A], NameB: names[ps.B],
			ProfitDifference: results.Float(dm.Mean() / 100), ProfitDifferenceCI95Lo: results.Float(lo), ProfitDifferenceCI95Hi: results.Float(hi),
			T: results.Approx(t), DF: results.Float(df), PValueProfit: results.Approx(p),
			EffectSize:        results.Float(stats.CohenDz(ps.N, sd, sd2)),
			WinRateDifference: results.Float(ra - rb), OnlyAWon: onlyA, OnlyBWon: onlyB,
			WinRateTest: test, WinRateStatistic: results.Approx(stat), PValueWinRate: results.Approx(pw),
			EffectSizeWinRate: results.Float(stats.CohenH(ra, rb)),
			Correlation:       results.Float(corr), VarianceReduction: results.Float(vr),
		})
		pProfit = append(pProfit, nanToOne(p))
		pWin = append(pWin, nanToOne(pw))
	}
	if len(d.Pairs) > 0 {
		hp, hw := stats.Holm(pProfit), stats.Holm(pWin)
		for k := range d.Pairs {
			pr := &d.Pairs[k]
			pr.PValueProfitAdjusted, pr.PValueWinRateAdjusted = results.Approx(hp[k]), results.Approx(hw[k])
			pr.SignificantProfit = hp[k] < Alpha
			pr.SignificantWinRate = hw[k] < Alpha
		}
	}
	return d
}

// The win-rate tests, as named in the document's win_rate_test.
const (
	McNemarExact   = "mcnemar_exact"          // exact binomial test on the discordant sessions
	McNemarChi2    = "mcnemar_chi2_corrected" // chi-square with continuity correction on them
	TwoProportionZ = "two_proportion_z"       // pooled z test of two independent proportions
)

// WinRateTestName describes a win_rate_test value for people.
func WinRateTestName(test string) string {
	switch test {
	case McNemarExact:
		return "McNemar's paired test, exact binomial (fewer than " + strconv.Itoa(stats.McNemarExactBelow) + " sessions won by one config only)"
	case McNemarChi2:
		return "McNemar's paired test, chi-square with continuity correction"
	case TwoProportionZ:
		return "two-proportion z test (the configs deal different cards, so the sessions are not paired)"
	}
	return test
}

// winRateTest tests the session win rates of arms a and b. On common
// random numbers session i of both configs saw the same cards, so the
// outcomes are paired: McNemar's test on the sessions only A won (onlyA)
// or only B won (onlyB) — exact when they are fewer than
// stats.McNemarExactBelow, which has no statistic (NaN). Otherwise the
// sessions are independent and it is the two-proportion z test.
func winRateTest(common bool, a, b *Arm, onlyA, onlyB uint64) (test string, stat, p float64) {
	if !common {
		z, p := stats.TwoProportionZ(a.Wins, a.N, b.Wins, b.N)
		return TwoProportionZ, z, p
	}
	r := stats.McNemar(onlyA, onlyB)
	if r.DF == 0 {
		return McNemarExact, r.Stat, r.PValue
	}
	return McNemarChi2, r.Stat, r.PValue
}

// nanToOne treats an undefined p-value (too few sessions) as no evidence.
func nanToOne(p float64) float64 {
	if math.IsNaN(p) {
		return 1
	}
	return p
}

// covariance returns the sample covariance in currency² from exact sums
// in cents.
func covariance(n uint64, sx, sy, sxy *big.Int) float64 {
	return stats.Covariance(n, sx, sy, sxy) / (100 * 100)
}

// JSON returns the document as indented JSON with a final newline.
func (d *Document) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
