package compare

import (
	"math"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/stats"
)

func withStrategy(s string) *config.Config {
	c := config.Default()
	c.Strategy.Type = s
	return c
}

func run(t *testing.T, configs []*config.Config, names []string, sessions int) *Document {
	t.Helper()
	cmp, err := New(configs)
	if err != nil {
		t.Fatal(err)
	}
	return Build(configs, names, 2024, cmp.RunParallel(2024, 0, sessions, 2, nil))
}

// Basic strategy and always pulling differ, with a large effect; basic
// against itself does not (every difference is 0: t = 0, p = 1).
func TestBasicVersusAlwaysPull(t *testing.T) {
	d := run(t, []*config.Config{withStrategy("basic"), withStrategy("always_pull"), withStrategy("basic")},
		[]string{"basic", "always_pull", "basic again"}, 4000)
	if len(d.Pairs) != 3 {
		t.Fatalf("%d pairs, want 3", len(d.Pairs))
	}
	for _, p := range d.Pairs {
		t.Logf("%s vs %s: Δprofit %.2f [%.2f, %.2f], p %.3g (adj %.3g), Δwin %.4f %s p %.3g (adj %.3g), d_z %.3f, h %.3f, r %.3f, variance reduction %.3f",
			p.NameA, p.NameB, p.ProfitDifference, p.ProfitDifferenceCI95Lo, p.ProfitDifferenceCI95Hi, p.PValueProfit, p.PValueProfitAdjusted,
			p.WinRateDifference, p.WinRateTest, p.PValueWinRate, p.PValueWinRateAdjusted, p.EffectSize, p.EffectSizeWinRate, p.Correlation, p.VarianceReduction)
		if p.PValueProfitAdjusted < p.PValueProfit || p.PValueWinRateAdjusted < p.PValueWinRate {
			t.Errorf("%s/%s: a Holm-adjusted p-value is below the raw one", p.NameA, p.NameB)
		}
		same := p.NameB == "basic again"
		if same && p.NameA == "basic" {
			if p.PValueProfit != 1 || p.PValueWinRate != 1 || p.SignificantProfit || p.SignificantWinRate || p.ProfitDifference != 0 {
				t.Errorf("basic vs itself: %+v", p)
			}
			continue
		}
		if !p.SignificantProfit || !(p.PValueProfitAdjusted < 1e-6) {
			t.Errorf("%s vs %s: profit p = %v (adjusted %v), want significant", p.NameA, p.NameB, p.PValueProfit, p.PValueProfitAdjusted)
		}
		if !p.SignificantWinRate {
			t.Errorf("%s vs %s: win-rate p = %v (adjusted %v), want significant", p.NameA, p.NameB, p.PValueWinRate, p.PValueWinRateAdjusted)
		}
		// Common cards make the sessions move together, but the two
		// strategies reach their stop limits after different numbers of
		// hands, so the pairing removes a modest share of the variance
		// (0.177 with this seed).
		if !(p.VarianceReduction > 0.1) || !(p.Correlation > 0.15) {
			t.Errorf("%s vs %s: variance reduction %v, correlation %v; want > 0.1, > 0.15", p.NameA, p.NameB, p.VarianceReduction, p.Correlation)
		}
	}
	if !d.CommonCards {
		t.Error("same table and dealer, but common_random_numbers is false")
	}
}

// On common random numbers the win-rate p-value that Holm adjusts and the
// verdict uses is McNemar's on the sessions only one config won; when the
// configs deal different cards (here: different seat counts) it is the
// two-proportion z test of the two win rates.
func TestWinRateTestFollowsPairing(t *testing.T) {
	three := withStrategy("basic")
	three.Table.NumSeats = 3
	for _, c := range []struct {
		configs []*config.Config
		common  bool
	}{
		{[]*config.Config{withStrategy("basic"), withStrategy("always_pull"), withStrategy("always_ride")}, true},
		{[]*config.Config{withStrategy("basic"), three}, false},
	} {
		names := []string{"a", "b", "c"}[:len(c.configs)]
		d := run(t, c.configs, names, 2000)
		if d.CommonCards != c.common {
			t.Fatalf("common_random_numbers = %v, want %v", d.CommonCards, c.common)
		}
		var raw []float64
		for _, p := range d.Pairs {
			a, b := &d.Configs[p.A], &d.Configs[p.B]
			var want stats.Result
			wantTest := McNemarChi2
			if c.common {
				want = stats.McNemar(p.OnlyAWon, p.OnlyBWon)
				if want.DF == 0 {
					wantTest = McNemarExact
				}
			} else {
				wantTest = TwoProportionZ
				n := d.Sessions
				z, pz := stats.TwoProportionZ(uint64(math.Round(float64(a.WinRate.Value)*float64(n))), n,
					uint64(math.Round(float64(b.WinRate.Value)*float64(n))), n)
				want = stats.Result{Stat: z, PValue: pz}
			}
			if p.WinRateTest != wantTest || float64(p.PValueWinRate) != want.PValue || !same(float64(p.WinRateStatistic), want.Stat) {
				t.Errorf("%s vs %s: %s statistic %v p %v, want %s %v p %v", p.NameA, p.NameB, p.WinRateTest, p.WinRateStatistic, p.PValueWinRate, wantTest, want.Stat, want.PValue)
			}
			raw = append(raw, want.PValue)
		}
		for k, h := range stats.Holm(raw) {
			p := d.Pairs[k]
			if float64(p.PValueWinRateAdjusted) != h || p.SignificantWinRate != (h < Alpha) {
				t.Errorf("%s vs %s: adjusted p %v (significant %v), want Holm's %v", p.NameA, p.NameB, p.PValueWinRateAdjusted, p.SignificantWinRate, h)
			}
		}
	}
}

// same is == with NaN equal to itself (the exact test has no statistic).
func same(x, y float64) bool { return x == y || math.IsNaN(x) && math.IsNaN(y) }

// The variance reduction reported is what pairing achieves: the paired
// standard error of the mean difference against the standard error two
// independent runs would give, measured by running B on another seed.
func TestVarianceReductionMeasured(t *testing.T) {
	configs := []*config.Config{withStrategy("basic"), withStrategy("always_pull")}
	cmp, _ := New(configs)
	const n = 6000
	paired := Build(configs, []string{"a", "b"}, 1, cmp.RunParallel(1, 0, n, 2, nil)).Pairs[0]
	// Independent: A on sessions [0, n), B on [n, 2n) (other seeds).
	one, _ := New(configs[:1])
	two, _ := New(configs[1:])
	a := one.RunParallel(1, 0, n, 2, nil).Arms[0]
	b := two.RunParallel(1, n, 2*n, 2, nil).Arms[0]
	va := variance(a.N, a.SumP.Big(), a.SumP2.Big())
	vb := variance(b.N, b.SumP.Big(), b.SumP2.Big())
	unpairedSE := math.Sqrt((va + vb) / n)
	pairedSE := (float64(paired.ProfitDifferenceCI95Hi) - float64(paired.ProfitDifferenceCI95Lo)) / (2 * 1.96)
	ratio := pairedSE / unpairedSE
	want := math.Sqrt(1 - float64(paired.VarianceReduction))
	t.Logf("standard error of the mean difference: paired %.3f, independent %.3f (ratio %.3f; sqrt(1 − reduction) = %.3f); sessions needed without pairing: ×%.2f",
		pairedSE, unpairedSE, ratio, want, 1/(1-float64(paired.VarianceReduction)))
	// Same quantity estimated twice from samples of 6000: agree within 10%.
	if math.Abs(ratio-want)/want > 0.1 || ratio > 0.9 {
		t.Fatalf("paired/independent SE ratio %.3f, reported reduction implies %.3f", ratio, want)
	}
}
