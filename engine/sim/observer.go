package sim

import (
	"cmp"
	"slices"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/rng"
)

// Observer sees every hand and every player session of a run as it is
// played, for exports that stream records out (per-hand and per-session
// CSV) and for the sample trajectories. It is called on the goroutine that
// runs the range, in session-index order within that range. The records
// passed are reused: copy what you keep.
//
// A run without an observer pays one nil check per hand.
type Observer interface {
	Hand(h *HandRecord)
	Session(s *SessionRecord)
}

// HandRecord is one hand one player played.
type HandRecord struct {
	Session uint64 // table session index
	Seat    int    // 1-based
	Hand    int64  // 1-based, within the player's session
	// Cards: the seat's three, then the two community cards.
	Cards      [5]cards.Card
	Bet        int64 // per-circle bet, cents
	BonusBet   int64 // cents; 0 when no bonus bet
	RideBet1   bool
	RideBet2   bool
	Category   poker.Category
	Category3  poker.Category3 // the first three cards' bonus category
	MainNet    int64           // cents
	BonusNet   int64           // cents
	Bankroll   int64           // after the hand, cents
	StartMoney int64           // the player's starting bankroll, cents
}

// SessionRecord is one player session that ended.
type SessionRecord struct {
	Session  uint64 // table session index
	Seat     int    // 1-based
	Hands    int64
	Profit   int64 // cents
	Peak     int64 // highest profit reached, cents
	Trough   int64 // lowest profit reached, cents
	Drawdown int64 // largest fall from a running peak, cents
	Bonus    int64 // net of the bonus bets, cents
	Reason   StopReason
}

// RunObserved is Run with an observer (nil for none). Sessions below the
// config's simulation.trajectories also record their bankroll paths in the
// aggregate, thinned to a bounded number of points (TrajectoryPointsPerPath).
func (r *Runner) RunObserved(seed uint64, from, to int, progress func(done int, hands int64), obs Observer) *Aggregate {
	agg := NewAggregate(r.p.Seats)
	var d rng.Dealer
	seats := make([]seat, r.p.Seats)
	var hands int64
	ob := &observed{} // records reused for every hand: no allocation per hand
	for i := from; i < to; i++ {
		ob.obs = obs
		var tr *trajectoryRecorder
		if i < r.trajectories {
			tr = newTrajectoryRecorder(obs, r.p.Seats, r.pathPoints)
			ob.obs = tr
		}
		o := ob
		if ob.obs == nil {
			o = nil
		}
		wins := agg.winsBefore()
		hands += r.session(&d, seed, uint64(i), seats, agg, o)
		agg.Sessions++
		agg.addWinningSeats(wins)
		if tr != nil {
			agg.Trajectories = mergeTrajectories(agg.Trajectories, tr.done())
		}
		if progress != nil {
			progress(i-from+1, hands)
		}
	}
	return agg
}

// winsBefore returns the seats' session wins so far; addWinningSeats adds
// the square of the wins since then to WinningSeatsSq (Cochran's Q).
func (a *Aggregate) winsBefore() uint64 {
	var n uint64
	for i := range a.Seats {
		n += a.Seats[i].Outcomes[OutcomeWin]
	}
	return n
}

func (a *Aggregate) addWinningSeats(before uint64) {
	t := a.winsBefore() - before
	a.WinningSeatsSq += t * t
}

// observed is the observer of a session with the records it reuses.
type observed struct {
	obs Observer
	h   HandRecord
	s   SessionRecord
}

// playObserved plays a hand and tells the observer about it. The hand's
// details are worked out again from the cards, off the fast path.
func (r *Runner) playObserved(ob *observed, i uint64, s int, st *seat, a, b, c, x, y cards.Card, ss *SeatStats, jackpot *int64) {
	before := st.Bankroll
	bonusBefore := st.bonusNet
	r1, r2, cat := r.play(st, a, b, c, x, y, ss, jackpot)
	p := r.p
	h := &ob.h
	*h = HandRecord{
		Session: i, Seat: s + 1, Hand: st.Hands,
		Cards:      [5]cards.Card{a, b, c, x, y},
		Bet:        st.Bet,
		BonusBet:   st.bonus,
		RideBet1:   r1 == 1,
		RideBet2:   r2 == 1,
		Category:   cat,
		Category3:  poker.Classify3(a, b, c),
		BonusNet:   st.bonusNet - bonusBefore,
		Bankroll:   st.Bankroll,
		StartMoney: p.Start,
	}
	h.MainNet = st.Bankroll - before - h.BonusNet
	ob.obs.Hand(h)
}

// finishObserved ends a player's session and tells obs (if any) about it.
func (r *Runner) finishObserved(ob *observed, i uint64, s int, st *seat, reason StopReason, ss *SeatStats) {
	if ob != nil && st.active {
		ob.s = SessionRecord{
			Session: i, Seat: s + 1, Hands: st.Hands, Profit: st.Bankroll - r.p.Start,
			Peak: st.Peak, Trough: st.Trough, Drawdown: st.Drawdown, Bonus: st.bonusNet, Reason: reason,
		}
		ob.obs.Session(&ob.s)
	}
	r.finish(st, reason, ss)
}

// Trajectory paths are bounded so that a run keeps at most about
// TrajectoryPointBudget points whatever its config: a path keeps the
// bankroll after every Step-th hand, Step a power of two that doubles
// (dropping every other point) whenever the path would pass its point
// limit, plus the bankroll after its last hand. The limit is the budget
// shared by the paths the run can keep (TrajectoryPointsPerPath), so it
// depends on the config alone and every worker and shard thins a path the
// same way. In replace mode a seat keeps the paths of its first
// MaxTrajectoryPlayers players of each session.
const (
	TrajectoryPointBudget = 1 << 18 // 262,144 points, 2 MiB of int64
	MinTrajectoryPoints   = 16
	MaxTrajectoryPoints   = 4096
	MaxTrajectoryPlayers  = 4
)

// TrajectoryPointsPerPath is the most points one path of a config keeps:
// the budget over the paths it can keep (the first simulation.trajectories
// sessions × seats × players per seat), within MinTrajectoryPoints…
// MaxTrajectoryPoints.
func TrajectoryPointsPerPath(c *config.Config) int {
	k := min(c.Simulation.Trajectories, c.Simulation.NumSessions)
	if k <= 0 {
		return MinTrajectoryPoints
	}
	paths := k * c.Table.NumSeats
	if c.Table.SeatMode == "replace" {
		paths *= MaxTrajectoryPlayers
	}
	return int(max(MinTrajectoryPoints, min(MaxTrajectoryPoints, TrajectoryPointBudget/paths)))
}

// Trajectory is one player's bankroll through a session, thinned:
// Bankroll[i] is the bankroll after hand min(i × Step, Hands), so
// Bankroll[0] is the starting bankroll and the last point is the bankroll
// after the player's last hand.
type Trajectory struct {
	Session  uint64
	Seat     int     // 1-based
	Player   int     // 0 for the seat's first player of the session (replace mode seats more)
	Hands    int64   // hands the player played
	Step     int64   // hands between points, a power of two
	Bankroll []int64 // cents
}

// pathBuilder grows one Trajectory hand by hand within its point limit.
type pathBuilder struct {
	t    Trajectory
	last int64 // bankroll after hand t.Hands
}

// add records the bankroll after hand (1, 2, …). The points kept are those
// at multiples of Step; when limit − 1 of them are kept (one place is left
// for the last hand), every other one is dropped and Step doubles.
func (b *pathBuilder) add(hand, bankroll int64, limit int) {
	t := &b.t
	t.Hands, b.last = hand, bankroll
	if hand%t.Step != 0 {
		return
	}
	if len(t.Bankroll) >= limit-1 {
		n := 0
		for i := 0; i < len(t.Bankroll); i += 2 {
			t.Bankroll[n] = t.Bankroll[i]
			n++
		}
		t.Bankroll = t.Bankroll[:n]
		t.Step *= 2
		if hand%t.Step != 0 {
			return
		}
	}
	t.Bankroll = append(t.Bankroll, bankroll)
}

// done returns the path with the last hand's bankroll as its final point.
func (b *pathBuilder) done() Trajectory {
	if b.t.Hands%b.t.Step != 0 {
		b.t.Bankroll = append(b.t.Bankroll, b.last)
	}
	return b.t
}

// trajectoryRecorder keeps one session's paths and passes every record on.
type trajectoryRecorder struct {
	next    Observer
	limit   int // points per path
	paths   []*pathBuilder
	current []*pathBuilder // per seat: the path of its current player, nil when not kept
	players []int          // per seat: players seated so far
}

func newTrajectoryRecorder(next Observer, seats, limit int) *trajectoryRecorder {
	return &trajectoryRecorder{next: next, limit: limit, current: make([]*pathBuilder, seats), players: make([]int, seats)}
}

func (t *trajectoryRecorder) Hand(h *HandRecord) {
	s := h.Seat - 1
	if h.Hand == 1 {
		t.current[s] = nil
		if player := t.players[s]; player < MaxTrajectoryPlayers {
			b := &pathBuilder{t: Trajectory{Session: h.Session, Seat: h.Seat, Player: player, Step: 1, Bankroll: []int64{h.StartMoney}}}
			t.paths = append(t.paths, b)
			t.current[s] = b
		}
		t.players[s]++
	}
	if b := t.current[s]; b != nil {
		b.add(h.Hand, h.Bankroll, t.limit)
	}
	if t.next != nil {
		t.next.Hand(h)
	}
}

func (t *trajectoryRecorder) Session(s *SessionRecord) {
	if t.next != nil {
		t.next.Session(s)
	}
}

// done returns the session's paths.
func (t *trajectoryRecorder) done() []Trajectory {
	out := make([]Trajectory, len(t.paths))
	for i, b := range t.paths {
		out[i] = b.done()
	}
	return out
}

// mergeTrajectories returns the union of two index-ordered lists, in order
// of session, seat and player.
func mergeTrajectories(a, b []Trajectory) []Trajectory {
	if len(b) == 0 {
		return a
	}
	out := append(a, b...)
	slices.SortStableFunc(out, func(x, y Trajectory) int {
		return cmp.Or(cmp.Compare(x.Session, y.Session), cmp.Compare(x.Seat, y.Seat), cmp.Compare(x.Player, y.Player))
	})
	return out
}
