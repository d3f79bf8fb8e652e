package sim

import (
	"math/big"
	"reflect"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/poker"
)

// recorder keeps every record and sums them the way the aggregate does.
type recorder struct {
	hands    []HandRecord
	sessions []SessionRecord
}

func (r *recorder) Hand(h *HandRecord)       { r.hands = append(r.hands, *h) }
func (r *recorder) Session(s *SessionRecord) { r.sessions = append(r.sessions, *s) }

// deals counts the hands seen by category and rides, as SeatStats.Deals.
func (r *recorder) deals() (d [poker.NumCategories][4]uint64) {
	for _, h := range r.hands {
		k := 0
		if h.RideBet1 {
			k |= 2
		}
		if h.RideBet2 {
			k |= 1
		}
		d[h.Category][k]++
	}
	return d
}

func observedConfig(seats int64, mode string) *config.Config {
	c := config.Default()
	c.Table.NumSeats = seats
	c.Table.SeatMode = mode
	if mode == "replace" {
		rounds := int64(120)
		c.Table.TableRounds = &rounds
	}
	c.BonusStrategy.Enabled = true
	c.BonusStrategy.Type = "always"
	c.Simulation.Trajectories = 7
	return c
}

// The records an observer sees add up to the aggregate, and observing
// changes nothing in the aggregate.
func TestObserverAgreesWithAggregate(t *testing.T) {
	for _, tc := range []struct {
		seats int64
		mode  string
	}{{1, "sit_out"}, {3, "sit_out"}, {3, "leave"}, {2, "replace"}} {
		r := mustRunner(t, observedConfig(tc.seats, tc.mode))
		var rec recorder
		got := r.RunObserved(11, 0, 60, nil, &rec)
		want := r.Run(11, 0, 60, nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%v: observing changed the aggregate", tc)
		}
		tot := want.Total()
		if uint64(len(rec.hands)) != tot.Hands || uint64(len(rec.sessions)) != tot.PlayerSessions {
			t.Fatalf("%v: %d hands, %d sessions observed; aggregate has %d, %d", tc, len(rec.hands), len(rec.sessions), tot.Hands, tot.PlayerSessions)
		}
		var mainNet, bonusNet int64
		for _, h := range rec.hands {
			mainNet += h.MainNet
			bonusNet += h.BonusNet
		}
		if rec.deals() != tot.Deals {
			t.Errorf("%v: observed categories and rides differ from the aggregate", tc)
		}
		wantMain := new(big.Int).Sub(tot.MainWon.Big(), tot.MainWagered.Big())
		wantBonus := new(big.Int).Sub(tot.BonusWon.Big(), tot.BonusWagered.Big())
		if wantMain.Int64() != mainNet || wantBonus.Int64() != bonusNet {
			t.Errorf("%v: observed net %d/%d, aggregate %v/%v", tc, mainNet, bonusNet, wantMain, wantBonus)
		}
		var profit, bonus int64
		for _, s := range rec.sessions {
			profit += s.Profit
			bonus += s.Bonus
		}
		if tot.Profit.S1.Big().Int64() != profit || tot.SessionBonus.SumB.Big().Int64() != bonus {
			t.Errorf("%v: observed session sums differ", tc)
		}
	}
}

// Trajectories are the first K sessions' paths, ending at each player's
// final bankroll, and do not depend on how the sessions are split.
func TestTrajectories(t *testing.T) {
	c := observedConfig(3, "replace")
	r := mustRunner(t, c)
	var rec recorder
	whole := r.RunObserved(4, 0, 40, nil, &rec)
	if len(whole.Trajectories) == 0 {
		t.Fatal("no trajectories")
	}
	for _, tr := range whole.Trajectories {
		if tr.Session >= 7 {
			t.Fatalf("trajectory of session %d kept; K = 7", tr.Session)
		}
		if tr.Bankroll[0] != int64(c.Bankroll.StartingAmount) {
			t.Fatalf("trajectory starts at %d", tr.Bankroll[0])
		}
	}
	// Each kept path's last point is the bankroll its session ended with.
	ends := map[[3]int]int64{}
	players := map[[2]int]int{}
	for _, s := range rec.sessions {
		if s.Session < 7 {
			key := [2]int{int(s.Session), s.Seat}
			ends[[3]int{key[0], key[1], players[key]}] = int64(c.Bankroll.StartingAmount) + s.Profit
			players[key]++
		}
	}
	// Sessions end in order of stopping, not of sitting down; compare as sets.
	finals := map[[2]int][]int64{}
	for key, v := range ends {
		finals[[2]int{key[0], key[1]}] = append(finals[[2]int{key[0], key[1]}], v)
	}
	for _, tr := range whole.Trajectories {
		last := tr.Bankroll[len(tr.Bankroll)-1]
		found := false
		for _, v := range finals[[2]int{int(tr.Session), tr.Seat}] {
			found = found || v == last
		}
		if !found {
			t.Fatalf("trajectory %d/%d/%d ends at %d, no session ended there", tr.Session, tr.Seat, tr.Player, last)
		}
	}
	merged := NewAggregate(3)
	for _, cut := range [][2]int{{20, 40}, {3, 20}, {0, 3}} {
		merged.Merge(r.Run(4, cut[0], cut[1], nil))
	}
	if !reflect.DeepEqual(merged.Trajectories, whole.Trajectories) {
		t.Fatal("split run keeps different trajectories")
	}
}

// Kept paths are thinned to the config's point limit: each point is the
// bankroll the observer saw after hand min(i × step, hands), the step is the
// smallest power of two that fits, and the whole run stays within the
// budget. The hands observed are the truth.
func TestTrajectoryThinning(t *testing.T) {
	c := config.Default()
	c.Simulation.NumSessions, c.Simulation.Trajectories, c.Simulation.HandsPerSession = 1000, 1000, 5000
	c.Table.NumSeats = 2
	c.Bankroll.StartingAmount = 100000000
	c.Bankroll.StopConditions.WinLimit, c.Bankroll.StopConditions.LossLimit = nil, nil
	limit := TrajectoryPointsPerPath(c)
	if limit != TrajectoryPointBudget/2000 {
		t.Fatalf("point limit %d, want %d", limit, TrajectoryPointBudget/2000)
	}
	r := mustRunner(t, c)
	var rec recorder
	agg := r.RunObserved(9, 0, 3, nil, &rec)
	after := map[[3]int64]int64{} // session, seat, hand → bankroll
	for _, h := range rec.hands {
		after[[3]int64{int64(h.Session), int64(h.Seat), h.Hand}] = h.Bankroll
	}
	if len(agg.Trajectories) != 6 {
		t.Fatalf("%d paths, want 6", len(agg.Trajectories))
	}
	for _, tr := range agg.Trajectories {
		if tr.Hands != 5000 || len(tr.Bankroll) > limit || tr.Step&(tr.Step-1) != 0 {
			t.Fatalf("path %d/%d: %d hands, %d points, step %d (limit %d)", tr.Session, tr.Seat, tr.Hands, len(tr.Bankroll), tr.Step, limit)
		}
		fits := func(s int64) bool { return tr.Hands/s+1 <= int64(limit-1) }
		if !fits(tr.Step) || tr.Step > 1 && fits(tr.Step/2) {
			t.Fatalf("step %d is not the smallest power of two that fits %d points", tr.Step, limit)
		}
		for i, v := range tr.Bankroll {
			hand := min(int64(i)*tr.Step, tr.Hands)
			want := int64(c.Bankroll.StartingAmount)
			if hand > 0 {
				want = after[[3]int64{int64(tr.Session), int64(tr.Seat), hand}]
			}
			if v != want {
				t.Fatalf("path %d/%d point %d (hand %d) = %d, want %d", tr.Session, tr.Seat, i, hand, v, want)
			}
		}
	}

	// Replace mode: a seat keeps its first MaxTrajectoryPlayers players.
	c = config.Default()
	c.Table.NumSeats, c.Table.SeatMode = 2, "replace"
	rounds, win := int64(300), config.Money(1)
	c.Table.TableRounds = &rounds
	c.Bankroll.StopConditions.WinLimit = &win // a player leaves after their first win
	r = mustRunner(t, c)
	agg = r.Run(5, 0, 3, nil)
	if want := 3 * 2 * MaxTrajectoryPlayers; len(agg.Trajectories) != want || agg.Total().PlayerSessions <= uint64(want) {
		t.Fatalf("%d paths of %d player sessions, want %d", len(agg.Trajectories), agg.Total().PlayerSessions, want)
	}

	// The largest config keeps a bounded number of points.
	c.Simulation.NumSessions, c.Simulation.Trajectories, c.Table.NumSeats = 1_000_000_000, 1000, 7
	if n := 1000 * 7 * MaxTrajectoryPlayers * TrajectoryPointsPerPath(c); n > 500_000 {
		t.Fatalf("the largest config may keep %d points", n)
	}
}

func TestInt128AddProduct(t *testing.T) {
	xs := []int64{0, 1, -1, 7, -13, 1 << 40, -(1 << 40), 1<<62 + 5, -(1<<62 + 3), 9_000_000_000_000_000_000}
	var a Int128
	want := new(big.Int)
	for _, x := range xs {
		for _, y := range xs {
			a.AddProduct(x, y)
			want.Add(want, new(big.Int).Mul(big.NewInt(x), big.NewInt(y)))
		}
	}
	if a.Big().Cmp(want) != 0 {
		t.Fatalf("Σ x·y = %v, want %v", a.Big(), want)
	}
}

// Cochran's sum: Σ T² over table sessions, T the winning seats.
func TestWinningSeatsSq(t *testing.T) {
	r := mustRunner(t, observedConfig(3, "sit_out"))
	var rec recorder
	agg := r.RunObserved(2, 0, 80, nil, &rec)
	wins := map[uint64]uint64{}
	for _, s := range rec.sessions {
		if s.Profit > 0 {
			wins[s.Session]++
		}
	}
	var sq uint64
	for _, w := range wins {
		sq += w * w
	}
	if agg.WinningSeatsSq != sq {
		t.Fatalf("WinningSeatsSq = %d, want %d", agg.WinningSeatsSq, sq)
	}
}
