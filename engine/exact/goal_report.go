package exact

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/rulebook"
)

// GoalReport describes goal-optimal play for a player: how likely it makes
// the goal, against the compared play, and where it departs from EV-optimal
// play (basic strategy on the standard table), in words.
type GoalReport struct {
	Objective Objective
	PGoal     float64        // P(goal) under goal-optimal play
	Session   *SessionResult // goal-optimal play's exact session
	// Compared is the play the gain is measured against, and PCompared its
	// P(goal).
	Compared  string
	PCompared float64
	// Departures are the choices goal-optimal play makes that EV-optimal
	// play would not, most frequent first.
	Departures []Departure
	// DeparturesPerSession is the expected number of choices per session
	// in which goal-optimal play departs from EV-optimal play.
	DeparturesPerSession float64
	// States and Decisions measure the solved play: the states decided and
	// the distinct plays among them.
	States, Decisions int
}

// Gain returns the goal's probability gained over the compared play.
func (r *GoalReport) Gain() float64 { return r.PGoal - r.PCompared }

// GoalOf returns the probability of objective o in session r.
func GoalOf(r *SessionResult, o Objective) float64 {
	if o == GoalWinLimit {
		return r.Stop[rulebook.StopWinLimit]
	}
	return r.PWin
}

// Departure is one kind of choice goal-optimal play makes against
// EV-optimal play: which decision, on which hands, what it does, how often
// per session, and where in the session mostly.
type Departure struct {
	Decision string // "bet 1", "bet 2" or "bonus"
	Hand     string // the hand class (empty for the bonus)
	Example  string // a holding of the class, e.g. "4s 4h Kd"
	Ride     bool   // goal-optimal play rides (places the bonus bet); EV-optimal play does not
	// PerSession is the expected number of times per session the
	// departure is played.
	PerSession float64
	// HandsLeft and Profit (cents) describe where in the session those
	// times fall: the 5%, 50% and 95% points of the hands left before the
	// hand cap (counting the one being played) and of the session's
	// profit so far.
	HandsLeft [3]int64
	Profit    [3]int64
}

// Words says the departure in a player's words, e.g. "Ride bet 1 on a
// pair below tens (e.g. 3s 2s 2h): mostly with 12–150 hands left and
// $25–$175 behind, typically 63 hands left and $110 behind".
func (d *Departure) Words() string {
	act := d.Play() + " the bonus bet"
	if d.Decision != "bonus" {
		act = d.Play() + " " + d.Decision + " " + on(d.Hand)
	}
	if d.Example != "" {
		act += " (e.g. " + d.Example + ")"
	}
	h, p := d.HandsLeft, d.Profit
	if h[0] == h[2] && p[0] == p[2] {
		return capitalise(act) + ": " + handsLeft(h[1]) + " and " + profitWords(p[1], p[1])
	}
	return capitalise(act) + ": mostly with " + rangeWords(h[0], h[2], " hands left") + " and " + profitWords(p[0], p[2]) +
		", typically " + handsLeft(h[1]) + " and " + profitWords(p[1], p[1])
}

func handsLeft(n int64) string {
	if n == 1 {
		return "on the last hand"
	}
	return fmt.Sprintf("%d hands left", n)
}

func rangeWords(lo, hi int64, unit string) string {
	if lo == hi {
		return fmt.Sprintf("%d%s", lo, unit)
	}
	return fmt.Sprintf("%d–%d%s", lo, hi, unit)
}

// on joins a decision to the hand it is taken on: "on a pair below
// tens", "with three suited, …".
func on(class string) string {
	a := article(class)
	if a != class {
		return "on " + a
	}
	return "with " + class
}

// Play names what goal-optimal play does: ride or pull a bet, place or
// skip the bonus bet.
func (d *Departure) Play() string {
	switch {
	case d.Decision == "bonus" && d.Ride:
		return "place"
	case d.Decision == "bonus":
		return "skip"
	case d.Ride:
		return "ride"
	}
	return "pull"
}

// article puts "a" or "an" before a class name where it reads as a noun.
func article(class string) string {
	switch {
	case strings.HasPrefix(class, "pair"), strings.HasPrefix(class, "three of a kind"), strings.HasPrefix(class, "four of a kind"),
		strings.HasPrefix(class, "two pair"):
		return "a " + class
	}
	return class
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// dollars writes cents as a currency amount without sign.
func dollars(c int64) string {
	if c < 0 {
		c = -c
	}
	if c%100 == 0 {
		return fmt.Sprintf("$%d", c/100)
	}
	return fmt.Sprintf("$%d.%02d", c/100, c%100)
}

func profitWords(lo, hi int64) string {
	switch {
	case lo == 0 && hi == 0:
		return "even"
	case hi < 0 && lo == hi:
		return dollars(lo) + " behind"
	case hi < 0:
		return dollars(hi) + "–" + dollars(lo) + " behind"
	case lo > 0 && lo == hi:
		return dollars(lo) + " ahead"
	case lo > 0:
		return dollars(lo) + "–" + dollars(hi) + " ahead"
	case lo == 0:
		return "between even and " + dollars(hi) + " ahead"
	case hi == 0:
		return "between " + dollars(lo) + " behind and even"
	}
	return "between " + dollars(lo) + " behind and " + dollars(hi) + " ahead"
}

// departureKey groups departures by decision, hand class and direction.
type departureKey struct {
	decision string
	class    string
	ride     bool
}

// Report runs the forward chain under goal-optimal play and describes it
// against the compared play's session (its name and result).
func (p *GoalPolicy) Report(s Study, compared string, cmpRes *SessionResult) (*GoalReport, error) {
	ty := p.ty
	def := p.decs[p.def]
	rep := &GoalReport{Objective: p.Objective, PGoal: p.PGoal, Compared: compared, States: p.States, Decisions: p.Decisions}
	if cmpRes != nil {
		rep.PCompared = GoalOf(cmpRes, p.Objective)
	}
	// reach2[id][pair*2+r1]: the probability that a hand under decision id
	// reaches four-card pair pr with bet 1 ridden (r1) or not.
	reach2 := map[int32][]float64{}
	reachOf := func(id int32) []float64 {
		if r, ok := reach2[id]; ok {
			return r
		}
		d := p.decs[id]
		r := make([]float64, 2*len(ty.Pairs))
		for t, t3 := range ty.T3 {
			r1 := 0
			if d.Ride1(int32(t)) {
				r1 = 1
			}
			for _, c := range t3.Next {
				r[int(c.I)*2+r1] += float64(t3.Holdings*c.N) / (cards.NumHands3 * 49)
			}
		}
		reach2[id] = r
		return r
	}
	class3 := make([]string, len(ty.T3))
	ex3 := make([]string, len(ty.T3))
	for t, t3 := range ty.T3 {
		h := cards.Hand3(t3.Example)
		class3[t], ex3[t] = Class3(h), canonicalString(h[:])
	}
	class4 := make([]string, len(ty.Hist4))
	ex4 := make([]string, len(ty.Hist4))
	example4 := make([]int, len(ty.Hist4))
	for t := range example4 {
		example4[t] = -1
	}
	for j, t := range ty.Of4 {
		if example4[t] < 0 {
			example4[t] = j
			h := cards.Hand4(j)
			class4[t], ex4[t] = Class4(h), canonicalString(h[:])
		}
	}
	// Each departure kind, once; and for each decision id, the departures
	// it makes with the share of hands on which it makes them.
	type share struct {
		kind int
		frac float64
	}
	var kinds []departureKey
	examples := map[departureKey]string{}
	exampleW := map[departureKey]float64{}
	kindOf := map[departureKey]int{}
	kindFor := func(key departureKey, example string, frac float64) int {
		k, ok := kindOf[key]
		if !ok {
			k = len(kinds)
			kindOf[key] = k
			kinds = append(kinds, key)
		}
		if frac > exampleW[key] {
			examples[key], exampleW[key] = example, frac
		}
		return k
	}
	byID := map[int32][]share{}
	sharesOf := func(id int32, bonus bool) []share {
		key := id
		if bonus {
			key = -1 - id // a placed bonus bet skipped is a departure of its own
		}
		if sh, ok := byID[key]; ok {
			return sh
		}
		d := p.decs[id]
		var sh []share
		if bonus && !d.Bonus {
			sh = append(sh, share{kindFor(departureKey{"bonus", "", false}, "", 1), 1})
		}
		for t, t3 := range ty.T3 {
			if r := d.Ride1(int32(t)); r != def.Ride1(int32(t)) {
				f := float64(t3.Holdings) / cards.NumHands3
				sh = append(sh, share{kindFor(departureKey{"bet 1", class3[t], r}, ex3[t], f), f})
			}
		}
		reach := reachOf(id)
		for pr, pair := range ty.Pairs {
			for r1 := range 2 {
				if r := d.Ride2(int32(pr), r1); r != def.Ride2(int32(pr), r1) && reach[pr*2+r1] > 0 {
					f := reach[pr*2+r1]
					sh = append(sh, share{kindFor(departureKey{"bet 2", class4[pair.T4], r}, ex4[pair.T4], f), f})
				}
			}
		}
		byID[key] = sh
		return sh
	}
	// Where each kind is played: its weight by hands left and by bankroll
	// (lattice index from lo, dense when the decided range is small).
	lo, hi := math.MaxInt, math.MinInt
	for _, row := range p.at {
		for m := range row {
			if sp := &row[m]; len(sp.ids) > 0 {
				lo, hi = min(lo, sp.index(0)), max(hi, sp.index(len(sp.ids)-1))
			}
		}
	}
	dense := hi >= lo && hi-lo < 1<<12
	type where struct {
		total   float64
		left    []float64 // by hands left
		bank    []float64 // by bankroll index − lo (dense)
		bankMap map[int]float64
	}
	var wheres []*where
	s.Policy = p
	s.Visit = func(st *rulebook.State, bonus int64, q float64) {
		id := p.decisionAt(st)
		if id == p.def {
			return
		}
		left, i := p.layers-st.Hands, int(st.Bankroll/p.g)
		for _, x := range sharesOf(id, bonus > 0) {
			for x.kind >= len(wheres) {
				w := &where{left: make([]float64, p.layers+1)}
				if dense {
					w.bank = make([]float64, hi-lo+1)
				} else {
					w.bankMap = map[int]float64{}
				}
				wheres = append(wheres, w)
			}
			w, v := wheres[x.kind], q*x.frac
			w.total += v
			w.left[left] += v
			if dense {
				w.bank[i-lo] += v
			} else {
				w.bankMap[i] += v
			}
		}
	}
	res, err := (&SessionChain{}).Run(s)
	if err != nil {
		return nil, err
	}
	rep.Session = res
	for k, key := range kinds {
		if k >= len(wheres) || wheres[k].total == 0 {
			continue // a decision met only by states the chain dropped
		}
		w := wheres[k]
		lefts := make([]weighted, 0, len(w.left))
		for l, v := range w.left {
			if v > 0 {
				lefts = append(lefts, weighted{int64(l), v})
			}
		}
		var banks []weighted
		if dense {
			for x, v := range w.bank {
				if v > 0 {
					banks = append(banks, weighted{int64(lo + x), v})
				}
			}
		} else {
			for i, v := range w.bankMap {
				banks = append(banks, weighted{int64(i), v})
			}
			slices.SortFunc(banks, func(a, b weighted) int { return cmp.Compare(a.x, b.x) })
		}
		profit := quantiles(banks, w.total)
		for j := range profit {
			profit[j] = profit[j]*p.g - p.k.Start
		}
		rep.Departures = append(rep.Departures, Departure{Decision: key.decision, Hand: key.class, Example: examples[key], Ride: key.ride,
			PerSession: w.total, HandsLeft: quantiles(lefts, w.total), Profit: profit})
	}
	slices.SortFunc(rep.Departures, func(a, b Departure) int {
		if c := cmp.Compare(b.PerSession, a.PerSession); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Decision+a.Hand, b.Decision+b.Hand); c != 0 {
			return c
		}
		return cmp.Compare(a.Play(), b.Play())
	})
	for _, d := range rep.Departures { // summed in this order: the same bits on every run
		rep.DeparturesPerSession += d.PerSession
	}
	return rep, nil
}

// weighted is a value with a weight.
type weighted struct {
	x int64
	w float64
}

// quantiles returns the 5%, 50% and 95% points of distinct weighted
// values in ascending order, of total weight total.
func quantiles(v []weighted, total float64) [3]int64 {
	var out [3]int64
	levels := [3]float64{0.05, 0.5, 0.95}
	var acc float64
	k := 0
	for _, p := range v {
		acc += p.w
		for k < 3 && acc >= levels[k]*total {
			out[k] = p.x
			k++
		}
	}
	for ; k < 3; k++ {
		out[k] = v[len(v)-1].x
	}
	return out
}

// GoalDoc is a GoalReport as JSON (lir exact --json's "goal" and the
// page's answer panel): probabilities, money in currency units.
type GoalDoc struct {
	Objective            string          `json:"objective"`
	PGoal                float64         `json:"p_goal"`
	Compared             string          `json:"compared"`
	PGoalCompared        float64         `json:"p_goal_compared"`
	Gain                 float64         `json:"gain"`
	States               int             `json:"states"`
	Decisions            int             `json:"decisions"`
	DeparturesPerSession float64         `json:"departures_per_session"`
	Departures           []DepartureDoc  `json:"departures"`
	Session              *GoalSessionDoc `json:"session"`
}

// DepartureDoc is one Departure as JSON.
type DepartureDoc struct {
	Decision   string     `json:"decision"`
	Hand       string     `json:"hand,omitempty"`
	Example    string     `json:"example,omitempty"`
	Play       string     `json:"play"` // ride, pull, place or skip
	PerSession float64    `json:"per_session"`
	HandsLeft  [3]int64   `json:"hands_left"` // 5%, 50%, 95% points
	Profit     [3]float64 `json:"profit"`
	Words      string     `json:"words"`
}

// GoalSessionDoc is goal-optimal play's session in brief.
type GoalSessionDoc struct {
	PWin           float64 `json:"p_win"`
	PPush          float64 `json:"p_push"`
	PLoss          float64 `json:"p_loss"`
	PWinLimit      float64 `json:"p_win_limit"`
	ExpectedHands  float64 `json:"expected_hands"`
	ExpectedProfit float64 `json:"expected_profit"`
}

// Doc returns the report as JSON.
func (r *GoalReport) Doc() *GoalDoc {
	d := &GoalDoc{Objective: r.Objective.String(), PGoal: r.PGoal, Compared: r.Compared, PGoalCompared: r.PCompared,
		Gain: r.Gain(), States: r.States, Decisions: r.Decisions, DeparturesPerSession: r.DeparturesPerSession, Departures: []DepartureDoc{}}
	for _, x := range r.Departures {
		d.Departures = append(d.Departures, DepartureDoc{x.Decision, x.Hand, x.Example, x.Play(), x.PerSession, x.HandsLeft,
			[3]float64{float64(x.Profit[0]) / 100, float64(x.Profit[1]) / 100, float64(x.Profit[2]) / 100}, x.Words()})
	}
	if s := r.Session; s != nil {
		d.Session = &GoalSessionDoc{s.PWin, s.PPush, s.PLoss, s.Stop[rulebook.StopWinLimit], s.ExpectedHands, s.ExpectedProfit / 100}
	}
	return d
}
