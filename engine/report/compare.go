package report

import (
	"github.com/lir-lab/lir/engine/compare"
)

// CompareCharts are the charts of a comparison document: the configs side
// by side, their session win rate and mean session profit each with its
// 95% interval as a band.
func CompareCharts(d *compare.Document) []*Chart {
	var names []string
	var win, profit []interval
	for _, a := range d.Configs {
		names = append(names, a.Name)
		w := a.WinRate
		win = append(win, interval{100 * f(w.Value), 100 * float64(w.CI95Lo), 100 * float64(w.CI95Hi)})
		profit = append(profit, interval{f(a.ProfitMean), f(a.ProfitCI95Lo), f(a.ProfitCI95Hi)})
	}
	how := " Session i of every config saw the same cards (common random numbers)."
	if !d.CommonCards {
		how = " The configs deal differently (seats, discard or shuffle differ), so their sessions are paired but their cards are not common."
	}
	return []*Chart{
		intervalChart("compare-win", "Win rate by config", "Share of table sessions each config ended ahead (%), with its 95% interval as a band."+how, names, "Win rate (%)", win),
		intervalChart("compare-profit", "Mean session profit by config", "Mean profit of a table session ($), with its 95% interval as a band."+how, names, "Mean profit ($)", profit),
	}
}
