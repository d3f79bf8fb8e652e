package sim

import (
	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/exact"
	"github.com/lir-lab/lir/engine/handstate"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/rng"
	"github.com/lir-lab/lir/engine/rulebook"
)

// Runner plays sessions of one config. It is immutable after NewRunner, so
// one Runner may serve several goroutines, each calling Run on its own range.
type Runner struct {
	p            *plan
	trajectories int // sessions below this keep their bankroll paths
	pathPoints   int // most points one path keeps (TrajectoryPointsPerPath)
}

// NewRunner compiles a validated config.
func NewRunner(c *config.Config) (*Runner, error) {
	p, err := compile(c)
	if err != nil {
		return nil, err
	}
	return &Runner{p: p, trajectories: int(c.Simulation.Trajectories), pathPoints: TrajectoryPointsPerPath(c)}, nil
}

// Seats returns the number of seats at the table.
func (r *Runner) Seats() int { return r.p.Seats }

// seat is one player's state during a session: the rulebook's State, and
// what the simulator keeps beside it.
type seat struct {
	rulebook.State
	active bool
	bonus  int64               // bonus bet for the coming hand
	goal   *exact.GoalDecision // goal-optimal play's decisions for the coming hand

	// Session-local sums of squares of small per-hand amounts, moved into
	// the wide accumulators of SeatStats when the player's session ends
	// (see addSquare): no 128-bit arithmetic per hand on the common path.
	sqMain, sqBonus, sqTotal, sqBet uint64
	bonusNet                        int64 // net of the bonus bets so far

	sc rulebook.Scratch // what sizers and rules read; kept here so it never escapes per hand
}

// Run plays table sessions [from, to) of master seed seed and returns their
// aggregate. Session i deals from a generator seeded by
// rng.SessionSeed(seed, i) alone, so any split of [0, n) into ranges, run
// anywhere in any order, merges to the same result. progress, if not nil,
// is called after each session with the sessions done so far in this range
// and the hands they played.
func (r *Runner) Run(seed uint64, from, to int, progress func(done int, hands int64)) *Aggregate {
	return r.RunObserved(seed, from, to, progress, nil)
}

func (r *Runner) newSeat() seat {
	return seat{State: r.p.NewState(), active: true}
}

// session plays table session i and returns the hands played.
func (r *Runner) session(d *rng.Dealer, seed, i uint64, seats []seat, agg *Aggregate, obs *observed) int64 {
	p := r.p
	d.Seed(p.algo, rng.SessionSeed(seed, i))
	for s := range seats {
		seats[s] = r.newSeat()
	}
	jackpot := p.Bonus.StartMicro
	var buf [3*7 + 29 + 2]cards.Card
	var hands int64
	if len(seats) == 1 && p.mode != replace && obs == nil {
		// One player: the same steps as the general loop below, without
		// its bookkeeping over seats, and with hands dealt a batch at a
		// time. The cards are the same: seat 1 takes the first three.
		st, ss := &seats[0], &agg.Seats[0]
		h := handStream{n: 3 + p.discard + 2, hands: p.batchHands}
		for {
			if p.flat {
				hands += r.flatHands(d, st, ss, &h)
			}
			if reason, stop := r.prepare(st); stop {
				r.finish(st, reason, ss)
				return hands
			}
			if p.Bonus.Progressive && st.bonus > 0 {
				jackpot += st.bonus * p.Bonus.RatePPM
			}
			k := h.next(d)
			r.play(st, h.cards[k], h.cards[k+1], h.cards[k+2], h.cards[k+h.n-2], h.cards[k+h.n-1], ss, &jackpot)
			hands++
		}
	}
	for round := int64(0); ; round++ {
		if p.mode == replace && round == p.tableRounds {
			for s := range seats {
				r.finishObserved(obs, i, s, &seats[s], StopTableClosed, &agg.Seats[s])
			}
			return hands
		}
		dealt := 0
		playing := 0
		for s := range seats {
			st := &seats[s]
			if st.active {
				if reason, stop := r.prepare(st); stop {
					r.finishObserved(obs, i, s, st, reason, &agg.Seats[s])
					if p.mode == replace {
						*st = r.newSeat()
						if reason, stop := r.prepare(st); stop {
							panic("sim: a fresh player cannot play: " + reason.String()) // validation prevents it
						}
					}
				}
			}
			if st.active {
				playing++
				if p.Bonus.Progressive && st.bonus > 0 {
					jackpot += st.bonus * p.Bonus.RatePPM
				}
			}
			if st.active || p.mode != leave {
				dealt++
			}
		}
		if playing == 0 {
			return hands
		}
		n := 3*dealt + p.discard + 2
		d.Deal(buf[:n])
		x, y := buf[n-2], buf[n-1]
		pos := 0
		for s := range seats {
			st := &seats[s]
			if !st.active && p.mode == leave {
				continue
			}
			c := buf[pos : pos+3 : pos+3]
			pos += 3
			if st.active {
				if obs != nil {
					r.playObserved(obs, i, s, st, c[0], c[1], c[2], x, y, &agg.Seats[s], &jackpot)
				} else {
					r.play(st, c[0], c[1], c[2], x, y, &agg.Seats[s], &jackpot)
				}
				hands++
			}
		}
	}
}

// prepare checks the stop conditions before a hand and sizes its bets
// (rulebook.Book.Prepare). It reports whether the player stops.
func (r *Runner) prepare(st *seat) (StopReason, bool) {
	_, bonus, reason, stop := r.p.Prepare(&st.State, &st.sc)
	if r.p.goal != nil && !stop {
		st.goal, bonus = r.p.goal.Decide(&st.State, bonus)
	}
	st.bonus = bonus
	return reason, stop
}

// play settles one hand: seat cards a, b, c and community cards x, y. It
// returns the decisions taken and the hand's category.
func (r *Runner) play(st *seat, a, b, c, x, y cards.Card, ss *SeatStats, jackpot *int64) (r1, r2 int, cat poker.Category) {
	p := r.p
	bet := st.Bet
	s3, s4 := handstate.Walk4(a, b, c, x)
	switch {
	case st.goal != nil:
		r1, r2 = st.goal.Rides(uint16(s3), uint16(s4))
	case p.Rules1 != nil || p.Rules2 != nil:
		r1, r2 = r.decideDynamic(st, a, b, c, x)
	case p.rides != nil:
		r1, r2 = p.rides.Rides(s3, s4)
	default:
		s0, s1, s2 := cards.Sort3(a, b, c)
		r1 = p.table.Bet1(cards.Index3Sorted(s0, s1, s2))
		r2 = p.table.Bet2(cards.Index4Insert(s0, s1, s2, x))
	}
	cat = handstate.Category(s4, y)
	stake := int64(1+r1+r2) * bet
	mainNet := stake * p.Pays[cat]
	ss.Deals[cat][r1<<1|r2]++
	ss.MainWagered.Add(stake)
	if mainNet >= 0 {
		ss.MainWon.Add(stake + mainNet)
	}
	if !addSquare(&st.sqMain, mainNet) {
		ss.MainNet2.AddSquare(mainNet)
	}
	net := mainNet
	if bonus := st.bonus; bonus > 0 {
		cat3 := handstate.Category3(s3)
		ss.BonusHands++
		ss.BonusCounts[cat3]++
		bonusNet := p.Bonus.Net(cat3, bonus, *jackpot)
		if p.Bonus.Progressive && cat3 == poker.MiniRoyal3 {
			*jackpot = p.Bonus.ResetMicro
			ss.JackpotsWon++
		}
		ss.BonusWagered.Add(bonus)
		if bonusNet >= 0 {
			ss.BonusWon.Add(bonus + bonusNet)
		}
		if !addSquare(&st.sqBonus, bonusNet) {
			ss.BonusNet2.AddSquare(bonusNet)
		}
		st.bonusNet += bonusNet
		net += bonusNet
	}
	if !addSquare(&st.sqTotal, net) {
		ss.TotalNet2.AddSquare(net)
	}
	ss.BaseBetUnits.Add(bet)
	if !addSquare(&st.sqBet, bet) {
		ss.BaseBetSq.AddSquare(bet)
	}
	ss.Hands++
	p.Settle(&st.State, mainNet, net-mainNet)
	if st.Bankroll < 0 {
		panic("sim: negative bankroll") // the bankroll cover in Prepare prevents it
	}
	return r1, r2, cat
}

// addSquare adds x² to the session-local sum *acc when |x| < 2^31 and the
// sum is below 2^63, so it cannot wrap (2^63 + 2^62 < 2^64); otherwise it
// reports false and the caller adds x² to the wide sum directly. It
// inlines, which matters most in WebAssembly.
func addSquare(acc *uint64, x int64) bool {
	if uint64(x+1<<31) >= 1<<32 || *acc >= 1<<63 {
		return false
	}
	*acc += uint64(x * x)
	return true
}

// finish records a player's session.
func (r *Runner) finish(st *seat, reason StopReason, ss *SeatStats) {
	if !st.active {
		return
	}
	st.active = false
	ss.MainNet2.AddUint(st.sqMain)
	ss.BonusNet2.AddUint(st.sqBonus)
	ss.TotalNet2.AddUint(st.sqTotal)
	ss.BaseBetSq.AddUint(st.sqBet)
	p := r.p
	profit := st.Bankroll - p.Start
	ss.PlayerSessions++
	switch {
	case profit > 0:
		ss.Outcomes[OutcomeWin]++
	case profit < 0:
		ss.Outcomes[OutcomeLoss]++
	default:
		ss.Outcomes[OutcomePush]++
	}
	ss.StopReasons[reason]++
	switch reason {
	case StopWinLimit:
		ss.WinOvershoot.add(profit - p.WinLimit)
	case StopLossLimit:
		ss.LossOvershoot.add(-profit - p.LossLimit)
	}
	ss.Profit.Add(profit)
	if st.bonusNet != 0 { // a zero adds nothing to the sums
		ss.SessionBonus.add(st.bonusNet, profit)
	}
	ss.ProfitHist.Add(profit)
	ss.HandsHist.Add(st.Hands)
	ss.PeakHist.Add(st.Peak)
	ss.TroughHist.Add(st.Trough)
	ss.DrawdownHist.Add(st.Drawdown)
}

// handStream deals a lone player's hands of n cards a batch at a time.
// Hands dealt and never played are simply dropped: the next session
// reseeds the dealer.
type handStream struct {
	cards     rng.Batch
	n         int // cards per hand
	hands     int // hands per batch
	pos, size int // the next hand starts at cards[pos]; cards[:size] are dealt
}

// next returns where the next hand's cards start, dealing a batch when the
// last one is used up.
func (h *handStream) next(d *rng.Dealer) int {
	if h.pos == h.size {
		h.deal(d)
	}
	k := h.pos
	h.pos += h.n
	return k
}

func (h *handStream) deal(d *rng.Dealer) {
	h.size = h.hands * h.n
	d.DealHands(&h.cards, h.hands, h.n)
	h.pos = 0
}

// flatHands plays a lone player's hands for as long as nothing but the
// cards can change them: a flat bet, a fixed bonus bet or none, decisions
// from the table, and a bankroll and hand count inside every stop
// condition. It books them as prepare and play would, to the same totals,
// in one loop that calls nothing but the dealer once a batch and keeps its
// state in locals (calls, jumps and memory are what WebAssembly pays for
// most), and returns the hands played; the general loop takes over from
// there.
//
// With the bet b and the bonus bet f fixed, a hand's main result is u·pay·b
// for u = 1 + rides and its bonus result q·f, set by its category and rides
// and by its three-card category: the loop counts hands by those
// (SeatStats.Deals, which it keeps anyway, and by three-card category) and
// sums the cross products u·pay·q; the sums of stakes, winnings and squared
// results follow (bookFlat). A call plays at most flatRun hands.
func (r *Runner) flatHands(d *rng.Dealer, st *seat, ss *SeatStats, h *handStream) int64 {
	p := r.p
	bet, fb := p.Base, p.flatBonus
	bpays := &p.Bonus.Pays
	n := uint(h.n)
	// Profit inside [lo, hi): no loss or win limit reached, and the bets fit.
	lo := max(3*bet+fb-p.Start, 1-p.LossLimit)
	if p.LossLimit > p.Start {
		lo = 3*bet + fb - p.Start
	}
	hi := int64(noLimit)
	if p.WinLimit < noLimit-p.Start {
		hi = p.WinLimit
	}
	width := uint64(hi - lo)
	todo := min(p.HandsCap, p.DurationCap, st.Hands+p.flatRun) - st.Hands
	left := todo
	before := ss.Deals
	var by3 [poker.NumCategories3]int64
	var cross int64 // Σ u·pay·q
	profit, peak, trough, drawdown := st.Bankroll-p.Start, st.Peak, st.Trough, st.Drawdown
	pos, size := uint(h.pos), uint(h.size)
	for left > 0 && uint64(profit-lo) < width {
		if pos == size {
			h.deal(d)
			pos, size = 0, uint(h.size)
		}
		const m = rng.MaxBatch - 1
		a, b, c, x, y := h.cards[pos&m], h.cards[(pos+1)&m], h.cards[(pos+2)&m], h.cards[(pos+n-2)&m], h.cards[(pos+n-1)&m]
		pos += n
		s3, s4 := handstate.Walk4(a, b, c, x)
		r1, r2 := p.rides.Rides(s3, s4)
		cat := handstate.Category(s4, y)
		cat3 := handstate.Category3(s3)
		ss.Deals[cat][(r1<<1|r2)&3]++
		by3[cat3]++
		left--
		main, q := int64(1+r1+r2)*p.Pays[cat], bpays[cat3]
		cross += main * q
		profit += main*bet + q*fb
		peak = max(peak, profit)
		trough = min(trough, profit)
		drawdown = max(drawdown, peak-profit)
	}
	h.pos = int(pos)
	st.Bankroll, st.Peak, st.Trough, st.Drawdown = p.Start+profit, peak, trough, drawdown
	st.Bet, st.bonus = bet, fb
	hands := todo - left
	st.Hands += hands
	r.bookFlat(st, ss, &before, &by3, cross, hands)
	return hands
}

// bookFlat adds to ss the sums of hands played by flatHands, from the
// counts by category and rides it added to ss.Deals since before, its
// counts by three-card category and its Σ u·pay·q. A hand staked u = 1 +
// rides bets and ended u·pay bets up, so it won back u·(1 + pay) (zero on a
// loss: pays are at least −1); exact.RideTotals adds these up by category.
// Its bonus bet likewise won back 1 + q bonus bets, and its total result
// squared is (u·pay·b)² + (q·f)² + 2·u·pay·q·b·f.
func (r *Runner) bookFlat(st *seat, ss *SeatStats, before *[poker.NumCategories][4]uint64, by3 *[poker.NumCategories3]int64, cross, hands int64) {
	p := r.p
	bet, fb := p.Base, p.flatBonus
	var wagered, won, squares int64 // in bets and squared bets
	for c := range ss.Deals {
		now, was := &ss.Deals[c], &before[c]
		n := [2][2]int64{{int64(now[0] - was[0]), int64(now[1] - was[1])}, {int64(now[2] - was[2]), int64(now[3] - was[3])}}
		units, net, sq := exact.RideTotals(n, p.Pays[c])
		wagered += units
		won += units + net
		squares += sq
	}
	ss.Hands += uint64(hands)
	ss.MainWagered.AddProduct(wagered, bet)
	ss.MainWon.AddProduct(won, bet)
	ss.MainNet2.AddProduct(squares, bet*bet)
	ss.TotalNet2.AddProduct(squares, bet*bet)
	ss.BaseBetUnits.AddProduct(hands, bet)
	ss.BaseBetSq.AddProduct(hands, bet*bet)
	if fb == 0 {
		return
	}
	var bonusWon, bonusNet, bonusSquares int64 // in bonus bets and squared bonus bets
	for k, n := range by3 {
		q := p.Bonus.Pays[k]
		ss.BonusCounts[k] += uint64(n)
		bonusWon += n * (1 + q)
		bonusNet += n * q
		bonusSquares += n * q * q
	}
	ss.BonusHands += uint64(hands)
	ss.BonusWagered.AddProduct(hands, fb)
	ss.BonusWon.AddProduct(bonusWon, fb)
	ss.BonusNet2.AddProduct(bonusSquares, fb*fb)
	ss.TotalNet2.AddProduct(bonusSquares, fb*fb)
	ss.TotalNet2.AddProduct(cross, bet*fb) // twice: 2·cross may not fit
	ss.TotalNet2.AddProduct(cross, bet*fb)
	st.bonusNet += bonusNet * fb
}
