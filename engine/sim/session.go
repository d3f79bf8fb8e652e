package sim

import (
	"github.com/lir-lab/lir/engine/betting"
	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/rng"
	"github.com/lir-lab/lir/engine/rules"
)

// Runner plays sessions of one config. It is immutable after NewRunner, so
// one Runner may serve several goroutines, each calling Run on its own range.
type Runner struct {
	p            *plan
	trajectories int // sessions below this keep their per-hand paths
}

// NewRunner compiles a validated config.
func NewRunner(c *config.Config) (*Runner, error) {
	p, err := compile(c)
	if err != nil {
		return nil, err
	}
	return &Runner{p: p, trajectories: int(c.Simulation.Trajectories)}, nil
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
		// its bookkeeping over seats (which shows in WebAssembly profiles).
		// The cards dealt are the same: seat 1 takes the first three.
		st, ss := &seats[0], &agg.Seats[0]
		n := 3 + p.discard + 2
		for {
			if reason, stop := r.prepare(st); stop {
				r.finish(st, reason, ss)
				return hands
			}
			if p.bonus.progressive && st.bonus > 0 {
				jackpot += st.bonus * p.bonus.ratePPM
			}
			d.Deal(buf[:n])
			r.play(st, buf[0], buf[1], buf[2], buf[n-2], buf[n-1], ss, &jackpot)
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
	} else {
		bonus = p.bonus.bonusBet(bet)
	}
	if bonus > 0 && 3*bet+bonus > st.bankroll {
		bonus = p.bonus.limit(st.bankroll - 3*bet)
	}
	st.bonus = bonus
	return 0, false
}

// play settles one hand: seat cards a, b, c and community cards x, y.
func (r *Runner) play(st *seat, a, b, c, x, y cards.Card, ss *SeatStats, jackpot *int64) {
	p := r.p
	bet := st.bet
	r1, r2 := 0, 0
	if p.dyn == nil || p.dyn.rules1 == nil && p.dyn.rules2 == nil {
		s0, s1, s2 := cards.Sort3(a, b, c)
		r1 = p.table.Bet1(cards.Index3Sorted(s0, s1, s2))
		r2 = p.table.Bet2(cards.Index4Insert(s0, s1, s2, x))
	} else {
		r1, r2 = r.decideDynamic(st, a, b, c, x)
	}
	cat := poker.Classify(a, b, c, x, y)
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
		cat3 := poker.Classify3(a, b, c)
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
