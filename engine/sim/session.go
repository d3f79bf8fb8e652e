package sim

import (
	"github.com/lir-lab/lir/engine/betting"
	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/exact"
	"github.com/lir-lab/lir/engine/handstate"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/rng"
	"github.com/lir-lab/lir/engine/rules"
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
func (r *Runner) Seats() int { return r.p.seats }

// seat is one player's state during a session.
type seat struct {
	active   bool
	bankroll int64
	hands    int64
	peak     int64 // highest profit so far (starts at 0)
	trough   int64 // lowest profit so far
	drawdown int64 // largest peak-to-current fall so far
	bet      int64 // per-circle bet for the coming hand
	bonus    int64 // bonus bet for the coming hand

	// Session-local sums of squares of small per-hand amounts, moved into
	// the wide accumulators of SeatStats when the player's session ends
	// (see addSquare): no 128-bit arithmetic per hand on the common path.
	sqMain, sqBonus, sqTotal, sqBet uint64
	bonusNet                        int64 // net of the bonus bets so far

	// Followed only when the plan is dynamic.
	prog    betting.State
	bstate  betting.BonusState
	streak  int64 // +n wins / −n losses in a row
	last    int8  // last result: 1, −1, 0
	lastBet int64
	view    betting.View // what sizers see; kept here so it never escapes per hand
	env     rules.Env
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
	st := seat{active: true, bankroll: r.p.start, lastBet: r.p.base}
	if d := r.p.dyn; d != nil {
		if d.sizer != nil {
			st.prog = d.sizer.Start()
		}
		if d.bonus != nil {
			st.bstate = d.bonus.Start()
		}
	}
	return st
}

// session plays table session i and returns the hands played.
func (r *Runner) session(d *rng.Dealer, seed, i uint64, seats []seat, agg *Aggregate, obs *observed) int64 {
	p := r.p
	d.Seed(p.algo, rng.SessionSeed(seed, i))
	for s := range seats {
		seats[s] = r.newSeat()
	}
	jackpot := p.bonus.startMicro
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
			if p.bonus.progressive && st.bonus > 0 {
				jackpot += st.bonus * p.bonus.ratePPM
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
				if p.bonus.progressive && st.bonus > 0 {
					jackpot += st.bonus * p.bonus.ratePPM
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

// prepare checks the stop conditions before a hand, in SPEC order, and
// sizes the coming hand's bets. It reports whether the player stops.
func (r *Runner) prepare(st *seat) (StopReason, bool) {
	p := r.p
	profit := st.bankroll - p.start
	switch {
	case profit >= p.winLimit:
		return StopWinLimit, true
	case -profit >= p.lossLimit:
		return StopLossLimit, true
	case st.hands >= p.handsCap:
		return StopMaxHands, true
	case st.hands >= p.durationCap:
		return StopMaxDuration, true
	}
	bet := p.base
	if p.dyn != nil {
		r.view(st)
		if p.dyn.sizer != nil {
			bet = min(p.limitBet(p.dyn.sizer.Want(&st.prog, &st.view)), p.dyn.ceiling)
		}
	}
	if 3*bet > st.bankroll {
		// Reduce to what fits, in whole chips.
		bet = st.bankroll / 3 / p.inc * p.inc
		floor := p.minBet
		if !p.stopInsufficent {
			floor = p.inc
		}
		if bet < floor || bet <= 0 {
			return StopInsufficientFunds, true
		}
	}
	st.bet = bet
	var bonus int64
	if p.dyn != nil && p.dyn.bonus != nil {
		st.view.Bet = bet
		st.env[rules.Bet] = float64(bet) / 100
		bonus = p.bonus.limit(min(p.dyn.bonus.Want(&st.bstate, &st.view), p.dyn.ceiling))
	} else if bet == p.base {
		bonus = p.baseBonus
	} else {
		bonus = p.bonus.bonusBet(bet)
	}
	if bonus > 0 && 3*bet+bonus > st.bankroll {
		bonus = p.bonus.limit(st.bankroll - 3*bet)
	}
	st.bonus = bonus
	return 0, false
}

// play settles one hand: seat cards a, b, c and community cards x, y. It
// returns the decisions taken and the hand's category.
func (r *Runner) play(st *seat, a, b, c, x, y cards.Card, ss *SeatStats, jackpot *int64) (r1, r2 int, cat poker.Category) {
	p := r.p
	bet := st.bet
	s3, s4 := handstate.Walk4(a, b, c, x)
	switch {
	case p.dyn != nil && (p.dyn.rules1 != nil || p.dyn.rules2 != nil):
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
	mainNet := stake * p.pays[cat]
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
		var bonusNet int64
		if p.bonus.progressive && cat3 == poker.MiniRoyal3 {
			bonusNet = *jackpot / 1e6
			*jackpot = p.bonus.resetMicro
			ss.JackpotsWon++
		} else {
			bonusNet = bonus * p.bonus.pays[cat3]
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
	if p.dyn != nil {
		r.settleDynamic(st, mainNet, net)
	}
	ss.BaseBetUnits.Add(bet)
	if !addSquare(&st.sqBet, bet) {
		ss.BaseBetSq.AddSquare(bet)
	}
	ss.Hands++
	st.hands++
	st.bankroll += net
	if st.bankroll < 0 {
		panic("sim: negative bankroll") // the bankroll cover in prepare prevents it
	}
	profit := st.bankroll - p.start
	st.peak = max(st.peak, profit)
	st.trough = min(st.trough, profit)
	st.drawdown = max(st.drawdown, st.peak-profit)
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
	profit := st.bankroll - p.start
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
		ss.WinOvershoot.add(profit - p.winLimit)
	case StopLossLimit:
		ss.LossOvershoot.add(-profit - p.lossLimit)
	}
	ss.Profit.Add(profit)
	if st.bonusNet != 0 { // a zero adds nothing to the sums
		ss.SessionBonus.add(st.bonusNet, profit)
	}
	ss.ProfitHist.Add(profit)
	ss.HandsHist.Add(st.hands)
	ss.PeakHist.Add(st.peak)
	ss.TroughHist.Add(st.trough)
	ss.DrawdownHist.Add(st.drawdown)
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
	bet, fb := p.base, p.flatBonus
	bpays := &p.bonus.pays
	n := uint(h.n)
	// Profit inside [lo, hi): no loss or win limit reached, and the bets fit.
	lo := max(3*bet+fb-p.start, 1-p.lossLimit)
	if p.lossLimit > p.start {
		lo = 3*bet + fb - p.start
	}
	hi := int64(noLimit)
	if p.winLimit < noLimit-p.start {
		hi = p.winLimit
	}
	width := uint64(hi - lo)
	todo := min(p.handsCap, p.durationCap, st.hands+p.flatRun) - st.hands
	left := todo
	before := ss.Deals
	var by3 [poker.NumCategories3]int64
	var cross int64 // Σ u·pay·q
	profit, peak, trough, drawdown := st.bankroll-p.start, st.peak, st.trough, st.drawdown
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
		main, q := int64(1+r1+r2)*p.pays[cat], bpays[cat3]
		cross += main * q
		profit += main*bet + q*fb
		peak = max(peak, profit)
		trough = min(trough, profit)
		drawdown = max(drawdown, peak-profit)
	}
	h.pos = int(pos)
	st.bankroll, st.peak, st.trough, st.drawdown = p.start+profit, peak, trough, drawdown
	st.bet, st.bonus = bet, fb
	hands := todo - left
	st.hands += hands
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
	bet, fb := p.base, p.flatBonus
	var wagered, won, squares int64 // in bets and squared bets
	for c := range ss.Deals {
		now, was := &ss.Deals[c], &before[c]
		n := [2][2]int64{{int64(now[0] - was[0]), int64(now[1] - was[1])}, {int64(now[2] - was[2]), int64(now[3] - was[3])}}
		units, net, sq := exact.RideTotals(n, p.pays[c])
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
		q := p.bonus.pays[k]
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
