package results

import (
	"encoding/json"
	"math"
	"math/big"
	"strconv"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/sim"
	"github.com/lir-lab/lir/engine/stats"
)

// SchemaVersion is the version of the results document; docs/RESULTS.md
// describes it and its history.
const SchemaVersion = 3

// Document is the results of one run.
type Document struct {
	SchemaVersion int             `json:"schema_version"`
	Seed          string          `json:"seed"`
	Config        json.RawMessage `json:"config"`
	Sessions      uint64          `json:"sessions"`
	Figures
	Seats            []SeatFigures     `json:"seats,omitempty"`
	SeatIndependence *SeatIndependence `json:"seat_independence,omitempty"`
	RiskOfRuin       *RiskOfRuin       `json:"risk_of_ruin,omitempty"`
	Trajectories     []TrajectoryPath  `json:"trajectories,omitempty"`
	Exact            *Comparison       `json:"exact,omitempty"`
	// ExactOmitted says why Exact is absent when the exact engine does not
	// cover the config (a custom strategy that reads session variables).
	ExactOmitted string `json:"exact_omitted,omitempty"`
	// Partial is set on a shard's document only (lir run --shard).
	Partial *Partial `json:"partial,omitempty"`
	Timing  *Timing  `json:"timing,omitempty"`
}

// SeatFigures are one seat's figures (tables of more than one seat).
type SeatFigures struct {
	Seat int `json:"seat"`
	Figures
}

// Timing holds everything that varies between runs of the same config and
// seed.
type Timing struct {
	Workers     int     `json:"workers"`
	Seconds     float64 `json:"seconds"`
	HandsPerSec float64 `json:"hands_per_second"`
	Host        string  `json:"host,omitempty"`
	// Shards is the number of partial runs merged (lir merge).
	Shards int `json:"shards,omitempty"`
}

// Figures are the results of a set of player sessions: a seat, or the whole
// table.
type Figures struct {
	PlayerSessions  uint64     `json:"player_sessions"`
	Hands           uint64     `json:"hands"`
	SessionOutcomes Counts     `json:"session_outcomes"`
	SessionWinRate  Proportion `json:"session_win_rate"`
	StopReasons     Counts     `json:"stop_reasons"`
	Overshoot       Overshoots `json:"overshoot"`
	HandCounts      Counts     `json:"hand_counts"`
	BonusHands      uint64     `json:"bonus_hands"`
	BonusCounts     Counts     `json:"bonus_counts"`
	JackpotsWon     uint64     `json:"jackpots_won"`
	RideBet1        uint64     `json:"ride_bet1"`
	RideBet2        uint64     `json:"ride_bet2"`
	RideRateBet1    Float      `json:"ride_rate_bet1"`
	RideRateBet2    Float      `json:"ride_rate_bet2"`
	Main            Money      `json:"main"`
	Bonus           Money      `json:"bonus"`
	AverageBet      Float      `json:"average_bet"`
	EVPerHand       Float      `json:"ev_per_hand"`
	EVPerHandUnits  Float      `json:"ev_per_hand_units"`
	EV              EVs        `json:"ev"`
	SessionProfit   Dist       `json:"session_profit"`
	HandsPerSession Dist       `json:"hands_per_session"`
	Peak            Dist       `json:"peak_profit"`
	Trough          Dist       `json:"trough_profit"`
	MaxDrawdown     Dist       `json:"max_drawdown"`
	ProfitHistogram []Bin      `json:"session_profit_histogram"`
	// BonusImpact is present when bonus bets were made.
	BonusImpact *BonusImpact `json:"bonus_impact,omitempty"`
}

// Proportion is an observed rate with its Wilson 95% interval.
type Proportion struct {
	Value  Float  `json:"value"`
	CI95Lo Approx `json:"ci95_low"`
	CI95Hi Approx `json:"ci95_high"`
}

// Overshoots are how far past each limit sessions ended.
type Overshoots struct {
	WinLimit  Overshoot `json:"win_limit"`
	LossLimit Overshoot `json:"loss_limit"`
}

// Overshoot summarises sessions that stopped at one limit, in currency.
type Overshoot struct {
	Sessions uint64 `json:"sessions"`
	Mean     Float  `json:"mean"`
	Max      Cents  `json:"max"`
}

// Money is the money of one bet type, exact, in currency units: wagered is
// the stakes in action at settlement, won what was paid back on them (stake
// plus winnings), net = won − wagered.
type Money struct {
	Wagered Cents `json:"wagered"`
	Won     Cents `json:"won"`
	Net     Cents `json:"net"`
}

// EVs are the expected results per hand, in currency, with 95% intervals
// from the exact per-hand sums of squares.
type EVs struct {
	Main  Mean `json:"main"`
	Bonus Mean `json:"bonus"`
	Total Mean `json:"total"`
	// PerUnitBet is the main-game net divided by the total per-circle bet:
	// the EV per hand in units of the bet actually made, comparable with the
	// exact engine whatever the betting system.
	PerUnitBet Float `json:"per_unit_bet"`
}

// Mean is a sample mean with its standard error and normal 95% interval.
type Mean struct {
	Value  Float `json:"value"`
	StdErr Float `json:"std_error"`
	CI95Lo Float `json:"ci95_low"`
	CI95Hi Float `json:"ci95_high"`
}

// Dist summarises a per-session quantity: money in currency units, hands in
// hands. Percentiles use R's default (type 7) definition; when more than
// 16,384 distinct values occurred they are read from power-of-two buckets.
type Dist struct {
	Mean           Float  `json:"mean"`
	Std            Float  `json:"std"`
	Min            Float  `json:"min"`
	Max            Float  `json:"max"`
	P5             Float  `json:"p5"`
	P25            Float  `json:"p25"`
	P50            Float  `json:"p50"`
	P75            Float  `json:"p75"`
	P95            Float  `json:"p95"`
	Skewness       *Float `json:"skewness,omitempty"`
	ExcessKurtosis *Float `json:"excess_kurtosis,omitempty"`
}

// Bin is one histogram bucket: Count sessions had a value in
// [Value, Value + Width).
type Bin struct {
	Value Float  `json:"value"`
	Width Float  `json:"width"`
	Count uint64 `json:"count"`
}

// JSON returns the document as indented JSON with a final newline.
func (d *Document) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Build makes the document of a run of config c with master seed seed.
func Build(c *config.Config, seed uint64, agg *sim.Aggregate) *Document {
	d := &Document{
		SchemaVersion: SchemaVersion,
		Seed:          strconv.FormatUint(seed, 10),
		Config:        c.CanonicalJSON(),
		Sessions:      agg.Sessions,
		Figures:       figures(agg.Total(), int64(c.Bankroll.BaseBet)),
	}
	if len(agg.Seats) > 1 {
		for i := range agg.Seats {
			d.Seats = append(d.Seats, SeatFigures{Seat: i + 1, Figures: figures(&agg.Seats[i], int64(c.Bankroll.BaseBet))})
		}
	}
	d.SeatIndependence = seatIndependence(c, agg)
	d.RiskOfRuin = riskOfRuin(c, agg.Total())
	d.Trajectories = trajectories(agg)
	return d
}

const z95 = 1.959963984540054 // Φ⁻¹(0.975)

func figures(s *sim.SeatStats, baseBet int64) Figures {
	f := Figures{PlayerSessions: s.PlayerSessions, Hands: s.Hands, BonusHands: s.BonusHands, JackpotsWon: s.JackpotsWon}
	for i, n := range s.Outcomes {
		f.SessionOutcomes.add(sim.OutcomeNames[i], n)
	}
	f.SessionWinRate = proportion(s.Outcomes[sim.OutcomeWin], s.PlayerSessions)
	for r := sim.StopReason(0); r < sim.NumStopReasons; r++ {
		f.StopReasons.add(r.String(), s.StopReasons[r])
	}
	f.Overshoot = Overshoots{overshoot(s.WinOvershoot), overshoot(s.LossOvershoot)}
	for _, c := range poker.Categories() {
		x := s.Deals[c]
		f.HandCounts.add(c.String(), x[0]+x[1]+x[2]+x[3])
		f.RideBet1 += x[2] + x[3]
		f.RideBet2 += x[1] + x[3]
	}
	for _, c := range poker.Categories3() {
		f.BonusCounts.add(c.String(), s.BonusCounts[c])
	}
	f.RideRateBet1 = ratio(f.RideBet1, s.Hands)
	f.RideRateBet2 = ratio(f.RideBet2, s.Hands)
	mainNet := new(big.Int).Sub(s.MainWon.Big(), s.MainWagered.Big())
	bonusNet := new(big.Int).Sub(s.BonusWon.Big(), s.BonusWagered.Big())
	totalNet := new(big.Int).Add(mainNet, bonusNet)
	f.Main = Money{Cents{s.MainWagered.Big()}, Cents{s.MainWon.Big()}, Cents{mainNet}}
	f.Bonus = Money{Cents{s.BonusWagered.Big()}, Cents{s.BonusWon.Big()}, Cents{bonusNet}}
	f.AverageBet = perUnit(s.BaseBetUnits.Big(), s.Hands)
	f.EV = EVs{
		Main:  mean(s.Hands, mainNet, s.MainNet2.Big()),
		Bonus: mean(s.Hands, bonusNet, s.BonusNet2.Big()),
		Total: mean(s.Hands, totalNet, s.TotalNet2.Big()),
	}
	if b := s.BaseBetUnits.Big(); b.Sign() > 0 {
		r, _ := new(big.Rat).SetFrac(mainNet, b).Float64()
		f.EV.PerUnitBet = Float(r)
	} else {
		f.EV.PerUnitBet = Float(math.NaN())
	}
	f.EVPerHand = f.EV.Total.Value
	f.EVPerHandUnits = Float(float64(f.EV.Main.Value) * 100 / float64(baseBet))
	mom := stats.Moments{N: s.Profit.N, S1: s.Profit.S1.Big(), S2: s.Profit.S2.Big(), S3: s.Profit.S3.Big(), S4: s.Profit.S4.Big()}
	f.SessionProfit = dist(&s.ProfitHist, 0.01)
	if mom.N > 0 {
		f.SessionProfit.Mean = Float(mom.Mean() / 100)
		f.SessionProfit.Std = Float(mom.Std() / 100)
		f.SessionProfit.Min = Float(float64(s.Profit.Min) / 100)
		f.SessionProfit.Max = Float(float64(s.Profit.Max) / 100)
		sk, ku := Float(mom.Skewness()), Float(mom.ExcessKurtosis())
		f.SessionProfit.Skewness, f.SessionProfit.ExcessKurtosis = &sk, &ku
	}
	f.HandsPerSession = dist(&s.HandsHist, 1)
	f.Peak = dist(&s.PeakHist, 0.01)
	f.Trough = dist(&s.TroughHist, 0.01)
	f.MaxDrawdown = dist(&s.DrawdownHist, 0.01)
	bins := stats.SortedBins(s.ProfitHist.Counts)
	f.ProfitHistogram = make([]Bin, len(bins))
	width := float64(int64(1)<<s.ProfitHist.Shift) / 100
	for i, b := range bins {
		f.ProfitHistogram[i] = Bin{Value: Float(float64(b.Value) / 100), Width: Float(width), Count: b.Count}
	}
	f.BonusImpact = bonusImpact(s)
	return f
}

func ratio(a, b uint64) Float {
	if b == 0 {
		return Float(math.NaN())
	}
	return Float(float64(a) / float64(b))
}

func proportion(x, n uint64) Proportion {
	if n == 0 {
		nan := math.NaN()
		return Proportion{Float(nan), Approx(nan), Approx(nan)}
	}
	lo, hi := stats.Wilson(x, n, 0.95)
	return Proportion{ratio(x, n), Approx(lo), Approx(hi)}
}

func overshoot(o sim.Overshoot) Overshoot {
	return Overshoot{Sessions: o.N, Mean: perUnit(o.Sum.Big(), o.N), Max: CentsOf(o.Max)}
}

// mean returns the per-hand mean in currency of values summing to sum
// (cents) with squares summing to sum2, over n hands.
func mean(n uint64, sum, sum2 *big.Int) Mean {
	m := stats.Moments{N: n, S1: sum, S2: sum2}
	if n < 2 {
		nan := Float(math.NaN())
		return Mean{Value: perUnit(sum, n), StdErr: nan, CI95Lo: nan, CI95Hi: nan}
	}
	v, se := m.Mean()/100, m.StdErr()/100
	return Mean{Value: Float(v), StdErr: Float(se), CI95Lo: Float(v - float64(z95*se)), CI95Hi: Float(v + float64(z95*se))}
}

// dist summarises a histogram; scale converts its unit (cents → currency).
func dist(h *sim.Histogram, scale float64) Dist {
	bins := stats.SortedBins(h.Counts)
	var d Dist
	if len(bins) == 0 {
		nan := Float(math.NaN())
		return Dist{nan, nan, nan, nan, nan, nan, nan, nan, nan, nil, nil}
	}
	// Exact while the histogram is; once bucketed, mean and std use the
	// buckets' midpoints (twice the values, so the midpoint is an integer)
	// and the percentiles the buckets' lowest values. Min and max stay exact.
	var m stats.Moments
	half := int64(1) << h.Shift / 2
	for _, b := range bins {
		m.AddN(2*(b.Value+half), b.Count)
	}
	d.Mean = Float(m.Mean() / 2 * scale)
	d.Std = Float(m.Std() / 2 * scale)
	d.Min = Float(float64(h.Lo) * scale)
	d.Max = Float(float64(h.Hi) * scale)
	d.P5 = Float(stats.Quantile(bins, 0.05) * scale)
	d.P25 = Float(stats.Quantile(bins, 0.25) * scale)
	d.P50 = Float(stats.Quantile(bins, 0.50) * scale)
	d.P75 = Float(stats.Quantile(bins, 0.75) * scale)
	d.P95 = Float(stats.Quantile(bins, 0.95) * scale)
	return d
}
