// Package sim is a temporary stand-in for engine/sim: it plays a crude model
// of the game (random final hands, every bet riding) with the engine's API.
package sim

import (
	"encoding/json"
	"math"

	"github.com/lir-lab/lir/internal/standin/config"
)

type Runner struct {
	cfg *config.Config
}

func NewRunner(cfg *config.Config) (*Runner, error) { return &Runner{cfg: cfg}, nil }

// Aggregate is mergeable: every field is an integer sum, min or max.
type Aggregate struct {
	Sessions    int64
	Hands       int64
	Win         int64
	Loss        int64
	Push        int64
	Wagered     int64
	Won         int64
	HandCounts  [11]int64
	StopReasons [4]int64
	ProfitSum   int64
	ProfitMin   int64
	ProfitMax   int64
	Histogram   [40]int64
}

// payouts per final-hand category (royal flush first), roughly the standard table.
var (
	pays  = [11]int64{1000, 200, 50, 11, 8, 5, 3, 2, 1, -1, -1}
	probs = [11]float64{1.54e-6, 1.39e-5, 2.4e-4, 1.44e-3, 1.97e-3, 3.92e-3, 2.11e-2, 4.75e-2, 0.16, 0.26, 0.5}
)

func mix(seed, i uint64) uint64 {
	z := seed + (i+1)*0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (r *Runner) Run(seed uint64, from, to int, progress func(sessionsDone int, hands int64)) *Aggregate {
	a := &Aggregate{ProfitMin: math.MaxInt64, ProfitMax: math.MinInt64}
	c := r.cfg
	bet := int64(math.Round(c.Bankroll.BaseBet * 100))
	bank0 := int64(math.Round(c.Bankroll.StartingAmount * 100))
	maxHands := c.Simulation.HandsPerSession
	if m := c.Bankroll.StopConditions.MaxHands; m != nil && *m < maxHands {
		maxHands = *m
	}
	var win, loss int64 = math.MaxInt64, math.MaxInt64
	if w := c.Bankroll.StopConditions.WinLimit; w != nil {
		win = int64(math.Round(*w * 100))
	}
	if l := c.Bankroll.StopConditions.LossLimit; l != nil {
		loss = int64(math.Round(*l * 100))
	}
	var hands int64
	for s := from; s < to; s++ {
		x := mix(seed, uint64(s))
		bank := bank0
		reason := 2
		for h := 0; ; h++ {
			p := bank - bank0
			if p >= win {
				reason = 0
				break
			}
			if -p >= loss {
				reason = 1
				break
			}
			if h >= maxHands {
				reason = 2
				break
			}
			if bank < 3*bet {
				reason = 3
				break
			}
			x = x*6364136223846793005 + 1442695040888963407
			u := float64(x>>11) / (1 << 53)
			k := 10
			for j, pr := range probs {
				if u < pr {
					k = j
					break
				}
				u -= pr
			}
			a.HandCounts[k]++
			a.Wagered += 3 * bet
			if pays[k] > 0 {
				a.Won += 3 * bet * (pays[k] + 1)
				bank += 3 * bet * pays[k]
			} else {
				bank -= 3 * bet
			}
			hands++
		}
		p := bank - bank0
		switch {
		case p > 0:
			a.Win++
		case p < 0:
			a.Loss++
		default:
			a.Push++
		}
		a.StopReasons[reason]++
		a.ProfitSum += p
		a.ProfitMin = min(a.ProfitMin, p)
		a.ProfitMax = max(a.ProfitMax, p)
		b := int((p + bank0) * 20 / (2*bank0 + 1))
		a.Histogram[max(0, min(39, b))]++
		a.Sessions++
		if progress != nil {
			progress(s-from+1, hands)
		}
	}
	a.Hands = hands
	return a
}

func (a *Aggregate) Merge(o *Aggregate) {
	if o.Sessions == 0 {
		return
	}
	if a.Sessions == 0 {
		a.ProfitMin, a.ProfitMax = o.ProfitMin, o.ProfitMax
	}
	a.Sessions += o.Sessions
	a.Hands += o.Hands
	a.Win += o.Win
	a.Loss += o.Loss
	a.Push += o.Push
	a.Wagered += o.Wagered
	a.Won += o.Won
	for i := range a.HandCounts {
		a.HandCounts[i] += o.HandCounts[i]
	}
	for i := range a.StopReasons {
		a.StopReasons[i] += o.StopReasons[i]
	}
	for i := range a.Histogram {
		a.Histogram[i] += o.Histogram[i]
	}
	a.ProfitSum += o.ProfitSum
	a.ProfitMin = min(a.ProfitMin, o.ProfitMin)
	a.ProfitMax = max(a.ProfitMax, o.ProfitMax)
}

func (a *Aggregate) MarshalBinary() ([]byte, error) { return json.Marshal(a) }

func (a *Aggregate) UnmarshalBinary(b []byte) error { return json.Unmarshal(b, a) }
