package pyformat

import (
	"math"
	"math/big"
	"slices"

	"github.com/lir-lab/lir/engine/stats"
)

// maxSeats bounds seat numbers (1-based) in the per-seat arrays.
const maxSeats = 8

// totals are the figures of the aggregate and seat files over a range of
// player sessions: counts, exact sums in cents and the exact histogram of
// session profit (for the median), so chunks merge exactly and memory
// grows with the number of distinct profits, not of sessions.
type totals struct {
	sessions, wins, losses, pushes uint64
	hands                          uint64
	mainWagered, bonusWagered      int64 // cents
	net, bonusNet                  int64 // cents
	profits                        map[int64]uint64
	seats                          [maxSeats + 1]seatTotals
}

type seatTotals struct {
	wins, losses, pushes uint64
	profit               int64
}

func (s *seatTotals) rounds() uint64 { return s.wins + s.losses + s.pushes }

func (t *totals) add(r *sessionRow) {
	if t.profits == nil {
		t.profits = map[int64]uint64{}
	}
	t.sessions++
	st := &t.seats[r.seat]
	switch {
	case r.profit > 0:
		t.wins++
		st.wins++
	case r.profit < 0:
		t.losses++
		st.losses++
	default:
		t.pushes++
		st.pushes++
	}
	st.profit += r.profit
	t.hands += uint64(r.hands)
	t.mainWagered += r.wagered
	t.bonusWagered += r.bonusWagered
	t.net += r.profit
	t.bonusNet += r.bonusNet
	t.profits[r.profit]++
}

func (t *totals) merge(o *totals) {
	t.sessions += o.sessions
	t.wins += o.wins
	t.losses += o.losses
	t.pushes += o.pushes
	t.hands += o.hands
	t.mainWagered += o.mainWagered
	t.bonusWagered += o.bonusWagered
	t.net += o.net
	t.bonusNet += o.bonusNet
	if t.profits == nil {
		t.profits = map[int64]uint64{}
	}
	for v, c := range o.profits {
		t.profits[v] += c
	}
	for i := range t.seats {
		t.seats[i].wins += o.seats[i].wins
		t.seats[i].losses += o.seats[i].losses
		t.seats[i].pushes += o.seats[i].pushes
		t.seats[i].profit += o.seats[i].profit
	}
}

// aggregate is one row of PREFIX_aggregate.csv: its AggregateStatistics.
// Where its run assumed the bonus breaks even (bonus_won = bonus_wagered,
// bonus_ev_per_hand = 0, all of the result put on the main game: its
// SessionResult had no split), the true split is written; every other
// figure is defined as there.
type aggregate struct {
	totalSessions, winning, losing, push uint64
	winRate                              float64
	totalHands                           uint64
	totalWagered, totalWon, net, evHand  float64
	mainWagered, mainWon, mainEV         float64
	bonusWagered, bonusWon, bonusEV      float64
	mean, std, median, min, max          float64
}

func dollars(c int64) float64 { return float64(c) / 100 }

// perHand is its "x / total_hands if total_hands > 0 else 0.0".
func perHand(x float64, hands uint64) float64 {
	if hands == 0 {
		return 0
	}
	return x / float64(hands)
}

func (t *totals) aggregate() aggregate {
	a := aggregate{
		totalSessions: t.sessions, winning: t.wins, losing: t.losses, push: t.pushes,
		totalHands: t.hands,
	}
	if t.sessions > 0 {
		a.winRate = float64(t.wins) / float64(t.sessions)
	}
	a.mainWagered = dollars(t.mainWagered)
	a.bonusWagered = dollars(t.bonusWagered)
	a.totalWagered = dollars(t.mainWagered + t.bonusWagered)
	a.net = dollars(t.net)
	a.totalWon = dollars(t.net + t.mainWagered + t.bonusWagered)
	a.bonusWon = dollars(t.bonusWagered + t.bonusNet)
	a.mainWon = dollars(t.net - t.bonusNet + t.mainWagered)
	a.evHand = perHand(a.net, t.hands)
	a.mainEV = perHand(dollars(t.net-t.bonusNet), t.hands)
	a.bonusEV = perHand(dollars(t.bonusNet), t.hands)

	bins := stats.SortedBins(t.profits)
	if len(bins) > 0 {
		var m stats.Moments
		for _, b := range bins {
			m.AddN(b.Value, b.Count)
		}
		// Mean in dollars, rounded once: S1 / (100 N).
		a.mean, _ = new(big.Rat).SetFrac(m.S1, new(big.Int).Mul(big.NewInt(100), new(big.Int).SetUint64(m.N))).Float64()
		if m.N > 1 { // its stdev is the sample (N − 1) one; 0.0 for one session
			a.std = m.Std() / 100
		}
		a.median = median(bins, t.sessions)
		a.min = dollars(bins[0].Value)
		a.max = dollars(bins[len(bins)-1].Value)
	}
	return a
}

// median is Python's statistics.median of the profits in dollars: the
// middle value, or the mean of the two middle values when n is even.
func median(bins []stats.Bin, n uint64) float64 {
	at := func(k uint64) int64 { // the k-th smallest, from 0
		for _, b := range bins {
			if k < b.Count {
				return b.Value
			}
			k -= b.Count
		}
		panic("pyformat: median index out of range")
	}
	if n%2 == 1 {
		return dollars(at(n / 2))
	}
	return (dollars(at(n/2-1)) + dollars(at(n/2))) / 2
}

// seatStat is one seat row of PREFIX_seat_aggregate.csv.
type seatStat struct {
	seat                 int
	rounds               uint64
	wins, losses, pushes uint64
	winRate, lo, hi, ev  float64
	profit               float64
}

// independence is its chi-square test of position independence: the
// seats' win counts against a uniform split of all wins (scipy's
// chisquare with equal expected counts), independent when p > 0.05;
// with fewer than two seats or no win, 0, 1 and True, as there.
type independence struct {
	stat, p     float64
	independent bool
}

// seatStats returns the rows of the seats that played, by seat number,
// with the Wilson 95% interval of each win rate, and the test.
func (t *totals) seatStats() ([]seatStat, independence) {
	var out []seatStat
	for seat := 1; seat <= maxSeats; seat++ {
		s := t.seats[seat]
		n := s.rounds()
		if n == 0 {
			continue
		}
		lo, hi := stats.Wilson(s.wins, n, 0.95)
		out = append(out, seatStat{
			seat: seat, rounds: n, wins: s.wins, losses: s.losses, pushes: s.pushes,
			winRate: float64(s.wins) / float64(n), lo: lo, hi: hi,
			ev: dollars(s.profit) / float64(n), profit: dollars(s.profit),
		})
	}
	test := independence{0, 1, true}
	var wins []uint64
	var total uint64
	for _, s := range out {
		wins = append(wins, s.wins)
		total += s.wins
	}
	if len(out) >= 2 && total > 0 {
		probs := slices.Repeat([]float64{1 / float64(len(out))}, len(out))
		r := stats.ChiSquareGOF(wins, probs, 0)
		test = independence{r.Stat, r.PValue, r.PValue > 0.05}
		if math.IsNaN(r.PValue) {
			test = independence{0, 1, true}
		}
	}
	return out, test
}
