package sim

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/lir-lab/lir/engine/config"
)

func money(x config.Money) *config.Money { return &x }
func hands(x int64) *int64               { return &x }

func run(t *testing.T, c *config.Config, sessions int) *Aggregate {
	t.Helper()
	return mustRunner(t, c).Run(11, 0, sessions, nil)
}

// Each session stops for the first reason that holds before a hand, in
// SPEC order, and a limit is overshot only by the last hand.
func TestStopConditionsOneSessionAtATime(t *testing.T) {
	c := config.Default()
	c.Bankroll.StopConditions.MaxHands = hands(150)
	r := mustRunner(t, c)
	seen := map[StopReason]int{}
	for i := 0; i < 400; i++ {
		s := r.Run(5, i, i+1, nil).Seats[0]
		var reason StopReason
		for k, n := range s.StopReasons {
			if n == 1 {
				reason = StopReason(k)
			}
		}
		seen[reason]++
		profit, n := s.Profit.Min, int64(s.Hands)
		switch reason {
		case StopWinLimit:
			if profit < 25000 || profit-25000 >= 3*500*1000 || s.WinOvershoot.Max != profit-25000 {
				t.Fatalf("session %d: win stop at profit %d", i, profit)
			}
		case StopLossLimit:
			if -profit < 20000 || -profit-20000 >= 3*500 || s.LossOvershoot.Max != -profit-20000 {
				t.Fatalf("session %d: loss stop at profit %d", i, profit)
			}
		case StopMaxHands:
			if n != 150 || profit >= 25000 || -profit >= 20000 {
				t.Fatalf("session %d: max_hands stop after %d hands at profit %d", i, n, profit)
			}
		default:
			t.Fatalf("session %d: unexpected stop %v", i, reason)
		}
	}
	if seen[StopWinLimit] == 0 || seen[StopLossLimit] == 0 || seen[StopMaxHands] == 0 {
		t.Errorf("not every stop reason occurred: %v", seen)
	}
}

// A bankroll never goes negative: with no loss limit, sessions run until
// three bets no longer fit and stop for insufficient funds.
func TestBankrollNeverNegative(t *testing.T) {
	c := config.Default()
	c.Bankroll.StartingAmount = 2000
	c.Bankroll.StopConditions.WinLimit = nil
	c.Bankroll.StopConditions.LossLimit = nil
	c.Simulation.HandsPerSession = 100000
	s := run(t, c, 500).Seats[0]
	if s.Profit.Min < -2000 || s.TroughHist.Total() != 500 {
		t.Fatalf("lowest profit %d below the bankroll", s.Profit.Min)
	}
	for k := range s.TroughHist.Counts {
		if k < -2000 {
			t.Fatalf("a trough of %d cents", k)
		}
	}
	if s.StopReasons[StopInsufficientFunds] == 0 {
		t.Error("no session stopped for insufficient funds")
	}
	// Every such session ended with less than three base bets ($15).
	if s.Profit.Min > -2000+1500 {
		t.Errorf("profit min %d: expected some sessions to end below $15", s.Profit.Min)
	}

	// stop_on_insufficient_funds: false keeps playing smaller bets, so
	// sessions last longer and end with less than three cents left.
	c.Bankroll.StopConditions.StopOnInsufficientFunds = false
	u := run(t, c, 500).Seats[0]
	if u.Hands <= s.Hands {
		t.Errorf("reduced bets played %d hands, stopping played %d", u.Hands, s.Hands)
	}
	if u.Profit.Min < -2000 || u.StopReasons[StopInsufficientFunds] == 0 {
		t.Errorf("reduced bets: lowest profit %d, %d insufficient-funds stops", u.Profit.Min, u.StopReasons[StopInsufficientFunds])
	}
	if a := u.BaseBetUnits.Big().Int64() / int64(u.Hands); a >= 500 {
		t.Errorf("average bet %d cents: bets were never reduced", a)
	}
}

// hands_per_session and max_hands both cap a session; the smaller wins.
// max_duration_minutes caps hands at minutes × hands_per_hour / 60.
func TestHandCaps(t *testing.T) {
	c := config.Default()
	c.Bankroll.StopConditions.WinLimit = nil
	c.Bankroll.StopConditions.LossLimit = nil
	c.Bankroll.StartingAmount = 1000000
	c.Simulation.HandsPerSession = 40
	c.Bankroll.StopConditions.MaxHands = hands(60)
	if s := run(t, c, 20).Seats[0]; s.Hands != 20*40 || s.StopReasons[StopMaxHands] != 20 {
		t.Errorf("hands_per_session 40 < max_hands 60: %d hands", s.Hands)
	}
	c.Bankroll.StopConditions.MaxHands = hands(25)
	if s := run(t, c, 20).Seats[0]; s.Hands != 20*25 {
		t.Errorf("max_hands 25 < hands_per_session 40: %d hands", s.Hands)
	}
	m := 15.0
	c.Bankroll.StopConditions.MaxDurationMinutes = &m
	c.Bankroll.StopConditions.HandsPerHour = 80 // 15 minutes = 20 hands
	if s := run(t, c, 20).Seats[0]; s.Hands != 20*20 || s.StopReasons[StopMaxDuration] != 20 {
		t.Errorf("15 minutes at 80 hands/hour: %d hands, stops %v", s.Hands, s.StopReasons)
	}
}

// sit_out: a stopped seat is still dealt, so the other seats keep their
// card positions; leave: it is not, so the seats after it move up and get
// other cards. replace: the table plays a fixed number of rounds.
func TestSeatModes(t *testing.T) {
	tight := config.Default()
	tight.Table.NumSeats = 2
	tight.Bankroll.StopConditions.WinLimit = money(5000)
	tight.Bankroll.StopConditions.LossLimit = money(5000)
	so, lv := tight.Clone(), tight.Clone()
	so.Table.SeatMode, lv.Table.SeatMode = "sit_out", "leave"
	a, b := run(t, so, 300), run(t, lv, 300)
	if reflect.DeepEqual(a.Seats[1], b.Seats[1]) {
		t.Error("seat 2 has identical results whether seat 1 sits out or leaves")
	}
	// Per-seat figures count only hands played.
	if a.Seats[0].Hands+a.Seats[1].Hands != a.Total().Hands || a.Seats[0].Hands == a.Seats[1].Hands {
		t.Errorf("per-seat hands %d + %d vs table %d", a.Seats[0].Hands, a.Seats[1].Hands, a.Total().Hands)
	}

	rp := tight.Clone()
	rp.Table.SeatMode = "replace"
	rp.Table.TableRounds = hands(500)
	agg := run(t, rp, 50)
	for i, s := range agg.Seats {
		if s.Hands != 50*500 {
			t.Errorf("replace: seat %d played %d hands, want %d", i+1, s.Hands, 50*500)
		}
		if s.PlayerSessions <= 50 || s.StopReasons[StopTableClosed] != 50 {
			t.Errorf("replace: seat %d hosted %d players, %d at closing", i+1, s.PlayerSessions, s.StopReasons[StopTableClosed])
		}
	}
}

// Options that change the cards: dealer discard and the shuffle algorithm
// each give different (but reproducible) results.
func TestCardOptionsChangeResults(t *testing.T) {
	base := config.Default()
	ref := run(t, base, 200)
	if !reflect.DeepEqual(ref, run(t, base, 200)) {
		t.Fatal("the same config and seed gave different results")
	}
	d := base.Clone()
	d.Dealer.DiscardEnabled = true
	if reflect.DeepEqual(ref, run(t, d, 200)) {
		t.Error("dealer discard did not change results")
	}
	d2 := d.Clone()
	d2.Dealer.DiscardCards = 5
	if reflect.DeepEqual(run(t, d, 200), run(t, d2, 200)) {
		t.Error("discarding 3 or 5 cards gave the same results")
	}
	cr := base.Clone()
	cr.Deck.ShuffleAlgorithm = "cryptographic"
	if reflect.DeepEqual(ref, run(t, cr, 200)) {
		t.Error("the cryptographic shuffle did not change results")
	}
	for _, typ := range []string{"optimal", "always_ride", "always_pull"} {
		s := base.Clone()
		s.Strategy.Type = typ
		got := run(t, s, 200)
		if typ == "optimal" {
			if !reflect.DeepEqual(ref, got) {
				t.Error("optimal differs from basic on the standard table")
			}
			continue
		}
		if reflect.DeepEqual(ref, got) {
			t.Errorf("strategy %s gave basic's results", typ)
		}
	}
	tr := base.Clone()
	tr.Strategy.Ties = "ride"
	if reflect.DeepEqual(ref.Seats[0].Deals, run(t, tr, 200).Seats[0].Deals) {
		t.Error("ties: ride did not change any decision")
	}
}

// Bonus bets: sizing by ratio with limits, and the progressive jackpot.
func TestBonusBets(t *testing.T) {
	c := config.Default()
	c.BonusStrategy.Enabled = true
	c.BonusStrategy.Type = "static"
	ratio := 0.7 // 0.7 × $5 = $3.50, rounded down to the $1 increment = $3
	c.BonusStrategy.Static.Ratio = &ratio
	c.BonusStrategy.Limits.Increment = money(100)
	s := run(t, c, 100).Seats[0]
	if s.BonusHands != s.Hands || s.BonusWagered.Big().Int64() != int64(s.Hands)*300 {
		t.Errorf("ratio 0.7 of $5 with $1 increment: wagered %v over %d hands", s.BonusWagered.Big(), s.Hands)
	}
	c.BonusStrategy.Limits.MinBet = money(400) // $3 is below the minimum: no bet
	if s := run(t, c, 100).Seats[0]; s.BonusHands != 0 {
		t.Errorf("bonus below min_bet was placed on %d hands", s.BonusHands)
	}
	c.BonusStrategy.Enabled = false
	if s := run(t, c, 100).Seats[0]; s.BonusHands != 0 {
		t.Error("disabled bonus was placed")
	}

	p := config.Default()
	p.BonusStrategy.Enabled = true
	p.BonusStrategy.Type = "always"
	p.Paytables.Bonus.Type = "paytable_c"
	p.Paytables.Bonus.Progressive.StartingJackpot = 100000000 // $1,000,000
	agg := run(t, p, 2000).Seats[0]
	if agg.JackpotsWon == 0 || agg.BonusCounts[6] != agg.JackpotsWon {
		t.Fatalf("%d jackpots for %d mini royals", agg.JackpotsWon, agg.BonusCounts[6])
	}
	if won := agg.BonusWon.Big().Int64(); won < 100000000 {
		t.Errorf("bonus paid %d cents in all, less than one jackpot", won)
	}
}

type discard struct{}

func (discard) Hand(*HandRecord)       {}
func (discard) Session(*SessionRecord) {}

// The lone player's fast paths (flatHands, and hands dealt in batches)
// book exactly what the general loop books: the aggregate is the same
// with flatHands on, off, cut into runs of three hands, and under an
// observer (which takes the general loop over seats, dealing per round).
func TestFastPathMatchesGeneralLoop(t *testing.T) {
	type tweak func(c *config.Config)
	cases := map[string]tweak{
		"default": func(*config.Config) {},
		"max hands, no win limit": func(c *config.Config) {
			c.Bankroll.StopConditions.MaxHands = hands(37)
			c.Bankroll.StopConditions.WinLimit = nil
		},
		"reduced bets": func(c *config.Config) {
			c.Bankroll.StartingAmount = 2600
			c.Bankroll.StopConditions.LossLimit = nil
			c.Bankroll.StopConditions.StopOnInsufficientFunds = false
			c.Bankroll.ChipIncrement = money(100)
		},
		"custom paytable, no discard": func(c *config.Config) {
			c.Paytables.MainGame.Type = "custom"
			c.Paytables.MainGame.Custom.RoyalFlush = 100000
			c.Dealer.DiscardCards = 0
		},
		"optimal, ties ride": func(c *config.Config) {
			c.Strategy.Type = "optimal"
			c.Strategy.Ties = "ride"
		},
		"always ride, duration": func(c *config.Config) {
			c.Strategy.Type = "always_ride"
			d := 90.0
			c.Bankroll.StopConditions.MaxDurationMinutes = &d
		},
		"cryptographic": func(c *config.Config) { c.Deck.ShuffleAlgorithm = "cryptographic" },
		"bonus always, reduced near the end": func(c *config.Config) {
			c.BonusStrategy.Enabled = true
			c.BonusStrategy.Type = "always"
			c.BonusStrategy.Always.Amount = *money(700)
			c.Bankroll.StartingAmount = 5000
			c.Bankroll.StopConditions.LossLimit = nil
			c.Bankroll.StopConditions.StopOnInsufficientFunds = false
		},
		"bonus by ratio, paytable a, limits, no win limit": func(c *config.Config) {
			c.BonusStrategy.Enabled = true
			c.BonusStrategy.Type = "static"
			r := 0.6
			c.BonusStrategy.Static.Ratio = &r
			c.BonusStrategy.Limits.Increment = money(100)
			c.BonusStrategy.Limits.MaxBet = money(200)
			c.Paytables.Bonus.Type = "paytable_a"
			c.Bankroll.StopConditions.WinLimit = nil
			c.Bankroll.StopConditions.MaxHands = hands(500)
		},
		"bonus custom paytable, big pays": func(c *config.Config) {
			c.BonusStrategy.Enabled = true
			c.BonusStrategy.Type = "always"
			c.BonusStrategy.Always.Amount = *money(100)
			c.Paytables.Bonus.Type = "custom"
			c.Paytables.Bonus.Custom = config.BonusCustom{MiniRoyal: 1000000, StraightFlush: 40, ThreeOfAKind: 30, Straight: 6, Flush: 0, Pair: 1}
		},
	}
	// A progressive jackpot changes the bonus result hand by hand: the
	// general loop plays it.
	prog := config.Default()
	prog.BonusStrategy.Enabled = true
	prog.BonusStrategy.Type = "always"
	prog.Paytables.Bonus.Type = "paytable_c"
	if mustRunner(t, prog).p.flat {
		t.Error("the fast path applies to a progressive bonus")
	}
	for name, f := range cases {
		c := config.Default()
		f(c)
		if data, err := json.Marshal(c); err != nil {
			t.Fatal(err)
		} else if _, err := config.DecodeJSON(data); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r := mustRunner(t, c)
		if !r.p.flat {
			t.Fatalf("%s: the fast path does not apply", name)
		}
		want := r.Run(3, 0, 300, nil)
		r.p.flatRun = 3
		cut := r.Run(3, 0, 300, nil)
		r.p.flat = false
		general := r.Run(3, 0, 300, nil)
		observed := r.RunObserved(3, 0, 300, nil, discard{})
		for what, got := range map[string]*Aggregate{"runs of 3": cut, "general": general, "observed": observed} {
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %s differs from the fast path", name, what)
			}
		}
	}
}
