package exact

import (
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/config"
)

// A walk-away grid whose large loss limits let the bankroll cover cut a
// martingale's bets to odd cents: the cells past the bound on steps are
// omitted with the count, the cells with larger limits too (saying which
// cell they follow), and the other cells are the chain's own figures.
func TestWalkAwayOmitsCellsPastTheBound(t *testing.T) {
	defer func(n int64) { walkAwayCellSteps = n }(walkAwayCellSteps)
	walkAwayCellSteps = 50_000_000
	c, _ := standardChain()
	js := `{"bankroll": {"starting_amount": 500, "base_bet": 5,
		"betting_system": {"type": "martingale", "martingale": {"loss_multiplier": 2, "max_progressions": 5}}}}`
	cfg, err := config.DecodeJSON([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	wins, losses := []int64{5000, 10000}, []int64{5000, 40000, 45000}
	g, err := (&Play{Chain: c}).WalkAway(cfg, wins, losses, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	followed := 0
	for a, row := range g {
		for b, cell := range row {
			if losses[b] == 5000 {
				if cell.Result == nil || cell.Omitted != nil {
					t.Fatalf("cell %d/%d: omitted (%v)", wins[a], losses[b], cell.Omitted)
				}
				cfg2 := *cfg
				w, l := config.Money(wins[a]), config.Money(losses[b])
				cfg2.Bankroll.StopConditions.WinLimit, cfg2.Bankroll.StopConditions.LossLimit = &w, &l
				s, err := StudyFromConfig(&cfg2)
				if err != nil {
					t.Fatal(err)
				}
				want, err := c.Run(s)
				if err != nil {
					t.Fatal(err)
				}
				if cell.Result.PWin != want.PWin || cell.Result.ExpectedProfit != want.ExpectedProfit {
					t.Errorf("cell %d/%d: P(win) %g, its own chain %g", wins[a], losses[b], cell.Result.PWin, want.PWin)
				}
				continue
			}
			if cell.Result != nil || cell.Omitted == nil {
				t.Fatalf("cell %d/%d: solved, want omitted", wins[a], losses[b])
			}
			if strings.Contains(cell.Omitted.Reason, "no smaller than") {
				followed++
			} else if cell.Omitted.Count <= walkAwayCellSteps {
				t.Errorf("cell %d/%d: omitted at %d steps, below the bound: %s", wins[a], losses[b], cell.Omitted.Count, cell.Omitted.Reason)
			}
		}
	}
	if followed == 0 {
		t.Error("no cell was omitted for following a larger one")
	}
}
