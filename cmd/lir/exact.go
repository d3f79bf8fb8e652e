package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/big"
	"runtime"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/exact"
	"github.com/lir-lab/lir/engine/paytable"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/rulebook"
	"github.com/lir-lab/lir/engine/sim"
	"github.com/lir-lab/lir/engine/strategy"
)

const exactUsage = `Usage:
  lir exact [--config FILE] [--json] [--classes]
      Exact per-hand figures for the config's paytable and strategy (EV,
      element of risk, ride rates, net-result distribution, final hands),
      the optimal strategy's class summary and the cost of the configured
      strategy class by class (--classes prints it), bonus figures when a
      bonus bet is configured, and the exact session distribution when the
      config bets flat.
  lir exact hand "Ah Kh Qh" [--dead "2c 7d"] [--paytable NAME | --config FILE] [--ties pull|ride] [--json]
      The exact EV of riding and of pulling with a 3- or 4-card holding,
      with dead cards seen elsewhere.
  lir exact walkaway [--config FILE] [--win-limits "25,50,..."] [--loss-limits "..."] [--json]
      The session figures over a grid of win limits × loss limits (default:
      20 × 20, 5% to 100% of the starting bankroll).
  lir exact goal [--config FILE] [--objective ahead|win_limit] [--json]
      Goal-optimal play for the study: the play that makes ending ahead (or
      stopping at the win limit) most likely, its probability against the
      study's own play (EV-optimal play when the study already plays
      goal-optimally), and where it departs from EV-optimal play, in words.

docs/EXACT.md describes what is computed and how.
`

// runExact implements "lir exact".
func runExact(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "hand":
			return runExactHand(args[1:], stdout, stderr)
		case "walkaway":
			return runExactWalkAway(args[1:], stdout, stderr)
		case "goal":
			return runExactGoal(args[1:], stdout, stderr)
		case "help", "-h", "--help":
			fmt.Fprint(stdout, exactUsage)
			return 0
		}
	}
	fs := newFlags("exact", "", stderr)
	fs.Usage = func() { fmt.Fprint(stderr, exactUsage) }
	cfgPath := fs.String("config", "", "config file (YAML or JSON); default: the embedded default study")
	asJSON := fs.Bool("json", false, "print the exact-analysis document on stdout")
	classes := fs.Bool("classes", false, "print the hand-class table (always in --json)")
	extra, status, ok := parseFlags(fs, args)
	if !ok {
		return status
	}
	if len(extra) > 0 {
		fmt.Fprintf(stderr, "lir exact: unexpected argument %q\n\n%s", extra[0], exactUsage)
		return 2
	}
	c, err := loadConfig(*cfgPath)
	if err != nil {
		printConfigError(stderr, orDefault(*cfgPath), err)
		return 1
	}
	doc, err := exactDocument(c)
	if err != nil {
		fmt.Fprintf(stderr, "lir exact: %v\n", err)
		return 1
	}
	if *asJSON {
		return writeJSON(stdout, stderr, doc)
	}
	printExact(stdout, doc, *classes)
	return 0
}

// ExactDoc is the "lir exact --json" document (docs/EXACT.md).
type ExactDoc struct {
	Paytable         string           `json:"paytable"`
	Pays             map[string]int64 `json:"pays"`
	Strategy         string           `json:"strategy"`
	Ties             string           `json:"ties"`
	EVPerUnit        float64          `json:"ev_per_unit"`
	EVPerUnitExact   string           `json:"ev_per_unit_exact"`
	HouseEdge        float64          `json:"house_edge"`
	FavoursPlayer    bool             `json:"favours_player"` // EV > 0 under this strategy
	AvgUnitsInAction float64          `json:"avg_units_in_action"`
	AvgUnitsExact    string           `json:"avg_units_in_action_exact"`
	ElementOfRisk    float64          `json:"element_of_risk"`
	PRideBet1        float64          `json:"p_ride_bet1"`
	PRideBet1Exact   string           `json:"p_ride_bet1_exact"`
	PRideBet2        float64          `json:"p_ride_bet2"`
	PRideBet2Exact   string           `json:"p_ride_bet2_exact"`
	StdDevPerHand    float64          `json:"std_dev_per_hand"`
	NetDistribution  []NetPoint       `json:"net_distribution"`
	FinalHands       []FinalHand      `json:"final_hands"`
	Optimal          OptimalDoc       `json:"optimal"`
	Bonus            *BonusDoc        `json:"bonus,omitempty"`
	Session          *SessionDoc      `json:"session,omitempty"`
	SessionNote      string           `json:"session_unavailable,omitempty"`
	// PerHandNote says what the per-hand figures are when the study's play
	// follows the session (they are then EV-optimal play's).
	PerHandNote string `json:"per_hand_note,omitempty"`
	// Goal is the goal-optimal report of a study that plays goal-optimally.
	Goal *exact.GoalDoc `json:"goal,omitempty"`
}

// NetPoint is one value of the per-hand net result, in base-bet units.
type NetPoint struct {
	Units            int64   `json:"units"`
	Probability      float64 `json:"probability"`
	ProbabilityExact string  `json:"probability_exact"`
}

// FinalHand is a final category's probability, split by the bets in action.
type FinalHand struct {
	Category         string             `json:"category"`
	Probability      float64            `json:"probability"`
	ProbabilityExact string             `json:"probability_exact"`
	ByBets           map[string]float64 `json:"by_bets"`
}

// OptimalDoc compares the strategy with the optimal one for the paytable.
type OptimalDoc struct {
	EVPerUnit      float64    `json:"ev_per_unit"`
	EVPerUnitExact string     `json:"ev_per_unit_exact"`
	Cost           float64    `json:"cost_per_hand"`
	CostExact      string     `json:"cost_per_hand_exact"`
	FavoursPlayer  bool       `json:"favours_player"` // EV > 0 with optimal play
	Bet1Classes    []ClassDoc `json:"bet1_classes"`
	Bet2Classes    []ClassDoc `json:"bet2_classes"`
}

// ClassDoc is one hand class at one decision.
type ClassDoc struct {
	Class     string  `json:"class"`
	Example   string  `json:"example"`
	Hands     int     `json:"hands"`
	Optimal   string  `json:"optimal"`
	Rides     int     `json:"strategy_rides"`
	RideEV    float64 `json:"ride_ev"`
	RideEVEx  string  `json:"ride_ev_exact"`
	Cost      float64 `json:"cost_per_hand"`
	CostExact string  `json:"cost_per_hand_exact"`
}

// BonusDoc is the Three Card Bonus analysis.
type BonusDoc struct {
	Paytable       string       `json:"paytable"`
	EVPerUnit      float64      `json:"ev_per_unit"`
	EVPerUnitExact string       `json:"ev_per_unit_exact"`
	HouseEdge      float64      `json:"house_edge"`
	FavoursPlayer  bool         `json:"favours_player"`
	Categories     []BonusCat   `json:"categories"`
	Progressive    *Progressive `json:"progressive,omitempty"`
	BetCents       int64        `json:"bet_cents"`
}

// BonusCat is one three-card category.
type BonusCat struct {
	Category         string  `json:"category"`
	Hands            int64   `json:"hands"`
	Probability      float64 `json:"probability"`
	ProbabilityExact string  `json:"probability_exact"`
	Pays             string  `json:"pays"`
}

// Progressive is the jackpot analysis of a progressive bonus table.
type Progressive struct {
	JackpotCents          int64   `json:"jackpot_cents"`
	JackpotUnits          float64 `json:"jackpot_units"`
	EVFixedPart           string  `json:"ev_fixed_part_exact"`
	EVPerJackpotUnit      string  `json:"ev_per_jackpot_unit_exact"`
	BreakEvenJackpot      float64 `json:"break_even_jackpot_units"`
	BreakEvenJackpotExact string  `json:"break_even_jackpot_units_exact"`
}

// SessionDoc is the exact session distribution.
type SessionDoc struct {
	// Per says whose session this is on a multi-seat or replace-mode
	// table (exact.Study.Per); absent for a lone player.
	Per            string             `json:"per,omitempty"`
	PWin           float64            `json:"p_win"`
	PPush          float64            `json:"p_push"`
	PLoss          float64            `json:"p_loss"`
	StopReasons    map[string]float64 `json:"stop_reasons"`
	ExpectedHands  float64            `json:"expected_hands"`
	ExpectedProfit float64            `json:"expected_profit"`
	RiskOfRuin     float64            `json:"risk_of_ruin"`
	PLoseAtLeast   []LossPoint        `json:"p_lose_at_least"`
	FinalBankroll  []BankrollPoint    `json:"final_bankroll,omitempty"`
	// FinalBankrollStep is the width of final_bankroll's buckets when the
	// distribution has too many points to list one by one (currency; each
	// bucket's amount is its lowest); absent when every point is listed.
	FinalBankrollStep *config.Money `json:"final_bankroll_step,omitempty"`
	Truncated         float64       `json:"truncated_probability"`
	// Players is the expected number of players a seat hosts (above 1 on a
	// replace-mode table, whose figures are then per player seated).
	Players float64 `json:"players_per_seat"`
	// States and SessionStates measure the chain: the most live (session
	// state, bankroll) states in one hand, and the distinct session states.
	States        int `json:"chain_states"`
	SessionStates int `json:"session_states"`
}

// LossPoint is the probability of ending at least Percent% down.
type LossPoint struct {
	Percent     int     `json:"percent"`
	Probability float64 `json:"probability"`
}

// BankrollPoint is one point of the final-bankroll distribution.
type BankrollPoint struct {
	Amount      config.Money `json:"amount"`
	Probability float64      `json:"probability"`
}

func ratFloat(r *big.Rat) float64 { f, _ := r.Float64(); return f }

func exactDocument(c *config.Config) (*ExactDoc, error) {
	p := sim.MainPaytable(c)
	// Play that follows the session has no one per-hand distribution: the
	// per-hand figures are then EV-optimal play's, for reference.
	play, _, err := sim.ExactPlay(c)
	if err != nil {
		return nil, err
	}
	tc, goal, follows := c, c.Strategy.Type == "goal_optimal", play.Chain == nil
	if follows {
		tc = c.Clone()
		tc.Strategy.Type = "optimal"
	}
	t, err := sim.StrategyTable(tc)
	if err != nil {
		return nil, err
	}
	comp := exact.NewCompletions4()
	d := exact.Distribution(t, comp)
	ev := d.EV(&p)
	r1, r2 := d.RideProbs()
	doc := &ExactDoc{
		Paytable: p.Name, Pays: map[string]int64{}, Strategy: t.Name, Ties: c.Strategy.Ties,
		EVPerUnit: ratFloat(ev), EVPerUnitExact: ev.RatString(), HouseEdge: -ratFloat(ev), FavoursPlayer: ev.Sign() > 0,
		AvgUnitsInAction: ratFloat(d.AvgUnits()), AvgUnitsExact: d.AvgUnits().RatString(),
		ElementOfRisk: ratFloat(d.ElementOfRisk(&p)),
		PRideBet1:     ratFloat(r1), PRideBet1Exact: r1.RatString(),
		PRideBet2: ratFloat(r2), PRideBet2Exact: r2.RatString(),
	}
	for _, cat := range poker.Categories() {
		if p.Net(cat) >= 0 {
			doc.Pays[cat.String()] = p.Net(cat)
		}
	}
	m2 := float64(d.Moment2Units(&p)) / exact.Deals
	doc.StdDevPerHand = math.Sqrt(m2 - doc.EVPerUnit*doc.EVPerUnit)
	for _, nc := range d.NetDistribution(&p) {
		pr := big.NewRat(nc.Count, exact.Deals)
		doc.NetDistribution = append(doc.NetDistribution, NetPoint{nc.Units, ratFloat(pr), pr.RatString()})
	}
	for _, cat := range poker.Categories() {
		n := d.CategoryCount(cat)
		pr := big.NewRat(n, exact.Deals)
		fh := FinalHand{Category: cat.String(), Probability: ratFloat(pr), ProbabilityExact: pr.RatString(), ByBets: map[string]float64{}}
		for a := range 2 {
			for b := range 2 {
				fh.ByBets[exact.BetsInAction[a][b]] = float64(d.Counts[cat][a][b]) / exact.Deals
			}
		}
		doc.FinalHands = append(doc.FinalHands, fh)
	}

	s := exact.NewRideSums(&p, comp)
	ties := strategy.Ties(c.Strategy.Ties)
	opt := s.EV(s.Optimal(ties))
	cost := new(big.Rat).Sub(opt, s.EV(t))
	doc.Optimal = OptimalDoc{EVPerUnit: ratFloat(opt), EVPerUnitExact: opt.RatString(), Cost: ratFloat(cost), CostExact: cost.RatString(),
		FavoursPlayer: opt.Sign() > 0}
	b1, b2 := s.Classes(ties, t)
	conv := func(cs []exact.ClassSummary) (out []ClassDoc) {
		for _, x := range cs {
			out = append(out, ClassDoc{x.Class, x.Example, x.Hands, x.Decision(), x.Compared,
				ratFloat(x.RideEV), x.RideEV.RatString(), ratFloat(x.Cost), x.Cost.RatString()})
		}
		return out
	}
	doc.Optimal.Bet1Classes, doc.Optimal.Bet2Classes = conv(b1), conv(b2)

	book, err := rulebook.FromConfig(c)
	if err != nil {
		return nil, err
	}
	if rulebook.Placed(c) {
		bt := rulebook.BonusPaytable(c)
		doc.Bonus = bonusDocument(c, &bt, book.Bonus.For(book.Base))
	}
	if follows {
		doc.Strategy = c.Strategy.Type
		doc.PerHandNote = "the custom rules read session variables, so no one per-hand distribution applies: these per-hand figures are EV-optimal play's, for reference; the session figures are the rules' own"
	}
	if goal {
		doc.PerHandNote = "goal-optimal play follows the session: these per-hand figures are EV-optimal play's, which it keeps wherever the goal is settled; the session figures are goal-optimal play's"
		rep, err := sim.GoalReport(c, exact.ObjectiveOf(c), nil, nil)
		if err != nil {
			doc.SessionNote = err.Error()
			return doc, nil
		}
		doc.Goal = rep.Doc()
		doc.Session = sessionDocument(rep.Session, true)
		doc.Session.Per = exact.PerOf(c)
		return doc, nil
	}
	res, err := play.Session(c, nil)
	if err != nil {
		doc.SessionNote = err.Error()
		return doc, nil
	}
	doc.Session = sessionDocument(res, true)
	doc.Session.Per = exact.PerOf(c)
	return doc, nil
}

func bonusDocument(c *config.Config, bt *paytable.Bonus, bet int64) *BonusDoc {
	var jackpot *big.Rat
	var jc int64
	if bt.Progressive && bet > 0 {
		jc = int64(c.Paytables.Bonus.Progressive.StartingJackpot)
		jackpot = big.NewRat(jc, bet)
	}
	a := exact.AnalyzeBonus(bt, jackpot)
	ev := a.EV()
	doc := &BonusDoc{Paytable: bt.Name, EVPerUnit: ratFloat(ev), EVPerUnitExact: ev.RatString(),
		HouseEdge: -ratFloat(ev), FavoursPlayer: ev.Sign() > 0, BetCents: bet}
	for _, cat := range poker.Categories3() {
		pr := a.Probability(cat)
		pays := strconv.FormatInt(bt.Net(cat), 10)
		if bt.Progressive && cat == poker.MiniRoyal3 {
			pays = "jackpot"
		}
		doc.Categories = append(doc.Categories, BonusCat{cat.String(), a.Counts[cat], ratFloat(pr), pr.RatString(), pays})
	}
	if bt.Progressive {
		fixed, slope := a.FixedEV()
		be := a.BreakEvenJackpot()
		doc.Progressive = &Progressive{JackpotCents: jc, EVFixedPart: fixed.RatString(), EVPerJackpotUnit: slope.RatString(),
			BreakEvenJackpot: ratFloat(be), BreakEvenJackpotExact: be.RatString()}
		if jackpot != nil {
			doc.Progressive.JackpotUnits = ratFloat(jackpot)
		}
	}
	return doc
}

func sessionDocument(res *exact.SessionResult, withFinal bool) *SessionDoc {
	s := &SessionDoc{PWin: res.PWin, PPush: res.PPush, PLoss: res.PLoss, StopReasons: map[string]float64{},
		ExpectedHands: res.ExpectedHands, ExpectedProfit: res.ExpectedProfit / 100,
		RiskOfRuin: res.Stop[rulebook.StopInsufficientFunds], Truncated: res.Truncated,
		Players: res.Players, States: res.States, SessionStates: res.Modes}
	for k, name := range rulebook.StopNames {
		s.StopReasons[name] = res.Stop[k]
	}
	for _, pc := range []int{10, 25, 50, 75, 100} {
		s.PLoseAtLeast = append(s.PLoseAtLeast, LossPoint{pc, res.PLossAtLeast(res.Start * int64(pc) / 100)})
	}
	if withFinal {
		s.FinalBankroll, s.FinalBankrollStep = finalBankroll(res.Final)
	}
	return s
}

// maxFinalPoints bounds the final-bankroll points a session document
// lists one by one (a study cut to a one-cent lattice can end on hundreds
// of thousands of amounts: tens of MB of JSON).
const maxFinalPoints = 10_000

// finalBankroll lists the final-bankroll distribution: every point, or,
// past maxFinalPoints, buckets of the smallest whole-dollar multiple
// (1, 2, 5, 10, 20, 50, …) that brings them within the bound, each at
// its lowest amount, with that step.
func finalBankroll(final []exact.BankrollProb) ([]BankrollPoint, *config.Money) {
	var out []BankrollPoint
	if len(final) <= maxFinalPoints {
		for _, b := range final {
			out = append(out, BankrollPoint{config.Money(b.Cents), b.P})
		}
		return out, nil
	}
	span := final[len(final)-1].Cents - final[0].Cents
	step, decade := int64(100), int64(100)
	for k := 0; span/step >= maxFinalPoints; k++ {
		if k%3 == 2 {
			decade *= 10
		}
		step = decade * []int64{2, 5, 10}[k%3]
		if k%3 == 2 {
			step = decade
		}
	}
	for _, b := range final {
		lo := b.Cents / step * step
		if n := len(out); n > 0 && int64(out[n-1].Amount) == lo {
			out[n-1].Probability += b.P
			continue
		}
		out = append(out, BankrollPoint{config.Money(lo), b.P})
	}
	m := config.Money(step)
	return out, &m
}

func writeJSON(stdout, stderr io.Writer, v any) int {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		fmt.Fprintf(stderr, "lir exact: %v\n", err)
		return 1
	}
	stdout.Write(append(b, '\n'))
	return 0
}

func printExact(w io.Writer, d *ExactDoc, classes bool) {
	// Said first: the per-hand figures below are then not read as the
	// study's own play.
	if d.PerHandNote != "" {
		fmt.Fprintf(w, "Note: %s.\n\n", d.PerHandNote)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Paytable\t%s\n", d.Paytable)
	fmt.Fprintf(tw, "Strategy\t%s (ties: %s)\n", d.Strategy, d.Ties)
	fmt.Fprintf(tw, "EV per hand\t%+.6f base bets (%s)\n", d.EVPerUnit, d.EVPerUnitExact)
	fmt.Fprintf(tw, "House edge\t%.4f%% of the base bet\n", 100*d.HouseEdge)
	fmt.Fprintf(tw, "Average units in action\t%.6f (%s)\n", d.AvgUnitsInAction, d.AvgUnitsExact)
	fmt.Fprintf(tw, "Element of risk\t%.4f%%\n", 100*d.ElementOfRisk)
	fmt.Fprintf(tw, "P(ride bet 1), P(ride bet 2)\t%.6f, %.6f\n", d.PRideBet1, d.PRideBet2)
	fmt.Fprintf(tw, "Std dev per hand\t%.4f base bets\n", d.StdDevPerHand)
	fmt.Fprintf(tw, "Optimal EV (this paytable)\t%+.6f; this strategy costs %.6f per hand\n", d.Optimal.EVPerUnit, d.Optimal.Cost)
	tw.Flush()
	if s := mainTableVerdict(d); s != "" {
		fmt.Fprintln(w, s)
	}
	fmt.Fprintln(w, "\nNet result per hand (base bets):")
	for _, n := range d.NetDistribution {
		fmt.Fprintf(w, "  %+6d  %.8f\n", n.Units, n.Probability)
	}
	fmt.Fprintln(w, "\nFinal hands (probability; by bets in action: bet3 / bet1+3 / bet2+3 / all three):")
	for _, f := range d.FinalHands {
		fmt.Fprintf(w, "  %-20s %.8f  (%.6f / %.6f / %.6f / %.6f)\n", f.Category, f.Probability,
			f.ByBets["bet3"], f.ByBets["bet1_bet3"], f.ByBets["bet2_bet3"], f.ByBets["all_three"])
	}
	printClasses := func(title string, cs []ClassDoc) {
		fmt.Fprintf(w, "\n%s (optimal decision, ride EV, holdings ridden by this strategy, cost per hand):\n", title)
		for _, c := range cs {
			if !classes && c.Optimal == "pull" && c.Rides == 0 {
				continue
			}
			fmt.Fprintf(w, "  %-4s %+9.4f  %-62s e.g. %-12s rides %d/%d  cost %.7f\n", c.Optimal, c.RideEV, c.Class, c.Example, c.Rides, c.Hands, c.Cost)
		}
	}
	printClasses("Bet 1, three-card classes", d.Optimal.Bet1Classes)
	printClasses("Bet 2, four-card classes", d.Optimal.Bet2Classes)
	if !classes {
		fmt.Fprintln(w, "  (classes the optimal strategy pulls and this strategy never rides are hidden; --classes shows all)")
	}
	if b := d.Bonus; b != nil {
		bet := "bet " + config.Money(b.BetCents).String()
		if b.BetCents == 0 {
			bet = "bet sized hand by hand by the bonus strategy"
		}
		fmt.Fprintf(w, "\nThree Card Bonus (%s, %s): EV %+.6f per unit (%s), house edge %.4f%%\n",
			b.Paytable, bet, b.EVPerUnit, b.EVPerUnitExact, 100*b.HouseEdge)
		if b.FavoursPlayer {
			fmt.Fprintln(w, "  This bonus table favours the player.")
		}
		for _, c := range b.Categories {
			fmt.Fprintf(w, "  %-16s %6d / 22100  %.6f  pays %s\n", c.Category, c.Hands, c.Probability, c.Pays)
		}
		if pr := b.Progressive; pr != nil {
			fmt.Fprintf(w, "  EV(J) = %s + %s × J for a jackpot of J bonus bets; break-even J = %s\n",
				pr.EVFixedPart, pr.EVPerJackpotUnit, pr.BreakEvenJackpotExact)
		}
	}
	if s := d.Session; s != nil {
		fmt.Fprintf(w, "\nSession (exact): P(win) %.6f  P(push) %.6f  P(loss) %.6f  E[hands] %.3f  E[profit] %+.4f\n",
			s.PWin, s.PPush, s.PLoss, s.ExpectedHands, s.ExpectedProfit)
		if s.Per != "" {
			fmt.Fprintf(w, "  %s\n", s.Per)
		}
		var parts []string
		for _, name := range rulebook.StopNames {
			parts = append(parts, fmt.Sprintf("%s %.6f", name, s.StopReasons[name]))
		}
		fmt.Fprintf(w, "  stops: %s\n", strings.Join(parts, ", "))
		parts = parts[:0]
		for _, l := range s.PLoseAtLeast {
			parts = append(parts, fmt.Sprintf("%d%%: %.6f", l.Percent, l.Probability))
		}
		fmt.Fprintf(w, "  P(lose at least X%% of the bankroll): %s\n", strings.Join(parts, ", "))
	} else if d.SessionNote != "" {
		fmt.Fprintf(w, "\nSession: not computed exactly: %s\n", d.SessionNote)
	}
	if d.Goal != nil {
		fmt.Fprintln(w)
		printGoal(w, d.Goal, 12)
	}
}

// mainTableVerdict says plainly when the main-game table favours the
// player, as the bonus section does for its table.
func mainTableVerdict(d *ExactDoc) string {
	switch {
	case d.FavoursPlayer:
		return "This main-game table favours the player."
	case d.Optimal.FavoursPlayer:
		return fmt.Sprintf("This main-game table favours the player with optimal play (EV %+.6f base bets a hand); this strategy loses.", d.Optimal.EVPerUnit)
	}
	return ""
}

// HandDoc is the "lir exact hand --json" document.
type HandDoc struct {
	Cards        string             `json:"cards"`
	Dead         string             `json:"dead"`
	Paytable     string             `json:"paytable"`
	Bet          int                `json:"bet"`
	Completions  int64              `json:"completions"`
	Categories   map[string]float64 `json:"final_hands"`
	RideEV       float64            `json:"ride_ev"`
	RideEVExact  string             `json:"ride_ev_exact"`
	PullEV       float64            `json:"pull_ev"`
	Decision     string             `json:"decision"`
	HandEVRide   float64            `json:"hand_ev_ride"`
	HandEVRideEx string             `json:"hand_ev_ride_exact"`
	HandEVPull   float64            `json:"hand_ev_pull"`
	HandEVPullEx string             `json:"hand_ev_pull_exact"`
}

func runExactHand(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("exact hand", "", stderr)
	fs.Usage = func() { fmt.Fprint(stderr, exactUsage) }
	dead := fs.String("dead", "", "cards that cannot come (seen at other seats or burnt)")
	ptName := fs.String("paytable", "", "main paytable: standard, bgc_lirx02, bgc_lirx03 (default: the config's)")
	cfgPath := fs.String("config", "", "take the paytable and tie rule from this config")
	tiesFlag := fs.String("ties", "", "pull or ride (default: the config's)")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, status, ok := parseFlags(fs, args)
	if !ok {
		return status
	}
	var holding string
	switch len(pos) {
	case 0:
	case 1:
		holding = pos[0]
	default:
		fmt.Fprintf(stderr, "lir exact hand: unexpected argument %q\n", pos[1])
		return 2
	}
	if holding == "" {
		fmt.Fprintf(stderr, "lir exact hand: give a holding, e.g. lir exact hand \"Ah Kh Qh\"\n")
		return 2
	}
	c, err := loadConfig(*cfgPath)
	if err != nil {
		printConfigError(stderr, orDefault(*cfgPath), err)
		return 1
	}
	p := sim.MainPaytable(c)
	if *ptName != "" {
		if *cfgPath != "" {
			fmt.Fprintln(stderr, "lir exact hand: give --paytable or --config, not both")
			return 2
		}
		if p, err = paytable.MainByName(*ptName); err != nil {
			fmt.Fprintf(stderr, "lir exact hand: --paytable: %q is not allowed; allowed: standard, bgc_lirx02, bgc_lirx03 (custom tables: --config)\n", *ptName)
			return 2
		}
	}
	ties := strategy.Ties(c.Strategy.Ties)
	if *tiesFlag != "" {
		if *tiesFlag != "pull" && *tiesFlag != "ride" {
			fmt.Fprintf(stderr, "lir exact hand: --ties: %q is not allowed; allowed: pull, ride\n", *tiesFlag)
			return 2
		}
		ties = strategy.Ties(*tiesFlag)
	}
	h, err := cards.ParseHand(holding)
	if err != nil {
		fmt.Fprintf(stderr, "lir exact hand: holding: %v\n", err)
		return 2
	}
	dc, err := cards.ParseHand(*dead)
	if err != nil {
		fmt.Fprintf(stderr, "lir exact hand: --dead: %v\n", err)
		return 2
	}
	d, err := exact.Decide(h, dc, &p, ties)
	if err != nil {
		fmt.Fprintf(stderr, "lir exact hand: %v\n", err)
		return 1
	}
	doc := HandDoc{Cards: cards.FormatHand(h), Dead: cards.FormatHand(dc), Paytable: p.Name, Bet: len(h) - 2,
		Completions: d.Completions, Categories: map[string]float64{},
		RideEV: ratFloat(d.Ride), RideEVExact: d.Ride.RatString(), Decision: "pull",
		HandEVRide: ratFloat(d.HandRide), HandEVRideEx: d.HandRide.RatString(),
		HandEVPull: ratFloat(d.HandPull), HandEVPullEx: d.HandPull.RatString()}
	if d.Rides {
		doc.Decision = "ride"
	}
	for _, cat := range poker.Categories() {
		if n := d.Categories[cat]; n > 0 {
			doc.Categories[cat.String()] = float64(n) / float64(d.Completions)
		}
	}
	if *asJSON {
		return writeJSON(stdout, stderr, doc)
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Holding\t%s (bet %d decision)\n", doc.Cards, doc.Bet)
	if doc.Dead != "" {
		fmt.Fprintf(tw, "Dead cards\t%s\n", doc.Dead)
	}
	fmt.Fprintf(tw, "Paytable\t%s\n", doc.Paytable)
	fmt.Fprintf(tw, "Ride\tEV %+.6f per unit (%s)\n", doc.RideEV, doc.RideEVExact)
	fmt.Fprintf(tw, "Pull\tEV 0 (the stake comes back)\n")
	fmt.Fprintf(tw, "Decision\t%s (ties: %s)\n", doc.Decision, ties)
	if len(h) == 3 {
		fmt.Fprintf(tw, "Whole hand, bet 2 played optimally\tride %+.6f, pull %+.6f base bets\n", doc.HandEVRide, doc.HandEVPull)
	} else {
		fmt.Fprintf(tw, "Bets 2 and 3 together\tride %+.6f, pull %+.6f base bets (bet 1, if up, adds the ride EV)\n", doc.HandEVRide, doc.HandEVPull)
	}
	tw.Flush()
	fmt.Fprintf(stdout, "Final hands over %d completions:\n", d.Completions)
	for _, cat := range poker.Categories() {
		if n := d.Categories[cat]; n > 0 {
			fmt.Fprintf(stdout, "  %-20s %6d  %.6f\n", cat, n, float64(n)/float64(d.Completions))
		}
	}
	return 0
}

// WalkAwayDoc is the "lir exact walkaway --json" document.
type WalkAwayDoc struct {
	StartingAmount config.Money   `json:"starting_amount"`
	WinLimits      []config.Money `json:"win_limits"`
	LossLimits     []config.Money `json:"loss_limits"`
	// Cells[i][j] is win limit i, loss limit j; null when omitted.
	Cells [][]*SessionDoc `json:"cells"`
	// Omitted lists the cells with no exact session and why.
	Omitted []OmittedCell `json:"omitted,omitempty"`
}

// OmittedCell is a walk-away cell the exact engine does not solve.
type OmittedCell struct {
	WinLimit  config.Money `json:"win_limit"`
	LossLimit config.Money `json:"loss_limit"`
	Reason    string       `json:"reason"`
	Count     int64        `json:"count,omitempty"`
}

func runExactWalkAway(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("exact walkaway", "", stderr)
	fs.Usage = func() { fmt.Fprint(stderr, exactUsage) }
	cfgPath := fs.String("config", "", "config file (YAML or JSON); default: the embedded default study")
	winFlag := fs.String("win-limits", "", "comma-separated win limits in currency units (default: 5%..100% of the bankroll, 20 steps)")
	lossFlag := fs.String("loss-limits", "", "comma-separated loss limits (default as for win limits)")
	asJSON := fs.Bool("json", false, "print JSON")
	extra, status, ok := parseFlags(fs, args)
	if !ok {
		return status
	}
	if len(extra) > 0 {
		fmt.Fprintf(stderr, "lir exact walkaway: unexpected argument %q\n", extra[0])
		return 2
	}
	c, err := loadConfig(*cfgPath)
	if err != nil {
		printConfigError(stderr, orDefault(*cfgPath), err)
		return 1
	}
	book, err := rulebook.FromConfig(c)
	if err != nil {
		fmt.Fprintf(stderr, "lir exact walkaway: %v\n", err)
		return 1
	}
	grid := func(flagName, s string) ([]int64, error) {
		if s == "" {
			return exact.DefaultWalkAwayLimits(book.Start), nil
		}
		var out []int64
		for _, f := range strings.Split(s, ",") {
			m, err := config.ParseMoney(f)
			if err != nil || m <= 0 {
				return nil, fmt.Errorf("--%s: %q is not allowed; want positive amounts with at most two decimals, comma-separated", flagName, strings.TrimSpace(f))
			}
			out = append(out, int64(m))
		}
		if len(out) > 100 {
			return nil, fmt.Errorf("--%s: %d limits; allowed: at most 100", flagName, len(out))
		}
		return out, nil
	}
	wins, err := grid("win-limits", *winFlag)
	if err == nil {
		var losses []int64
		losses, err = grid("loss-limits", *lossFlag)
		if err == nil {
			return walkAway(c, book, wins, losses, *asJSON, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "lir exact walkaway: %v\n", err)
	return 2 // a flag's value
}

func walkAway(c *config.Config, book *rulebook.Book, wins, losses []int64, asJSON bool, stdout, stderr io.Writer) int {
	play, _, err := sim.ExactPlay(c)
	if err != nil {
		fmt.Fprintf(stderr, "lir exact walkaway: %v\n", err)
		return 1
	}
	g, err := play.WalkAway(c, wins, losses, runtime.NumCPU(), walkAwayProgress(stderr, len(losses)))
	if err != nil {
		fmt.Fprintf(stderr, "lir exact walkaway: %v\n", err)
		return 1
	}
	doc := WalkAwayDoc{StartingAmount: config.Money(book.Start)}
	for _, w := range wins {
		doc.WinLimits = append(doc.WinLimits, config.Money(w))
	}
	for _, l := range losses {
		doc.LossLimits = append(doc.LossLimits, config.Money(l))
	}
	for _, row := range g {
		var out []*SessionDoc
		for _, cell := range row {
			if cell.Omitted != nil {
				doc.Omitted = append(doc.Omitted, OmittedCell{config.Money(cell.WinLimit), config.Money(cell.LossLimit), cell.Omitted.Reason, cell.Omitted.Count})
				out = append(out, nil)
				continue
			}
			out = append(out, sessionDocument(cell.Result, false))
		}
		doc.Cells = append(doc.Cells, out)
	}
	if asJSON {
		return writeJSON(stdout, stderr, doc)
	}
	fmt.Fprintf(stdout, "P(win session) by win limit (rows) × loss limit (columns); bankroll %s, %d hands at most\n", doc.StartingAmount, min(book.HandsCap, book.DurationCap))
	tw := tabwriter.NewWriter(stdout, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "win \\ loss\t")
	for _, l := range doc.LossLimits {
		fmt.Fprintf(tw, "%s\t", l)
	}
	fmt.Fprintln(tw)
	bestA, bestB := -1, -1
	for a, row := range doc.Cells {
		fmt.Fprintf(tw, "%s\t", doc.WinLimits[a])
		for b, cell := range row {
			if cell == nil {
				fmt.Fprint(tw, "—\t")
				continue
			}
			fmt.Fprintf(tw, "%.3f\t", cell.PWin)
			if bestA < 0 || cell.PWin > doc.Cells[bestA][bestB].PWin {
				bestA, bestB = a, b
			}
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	if bestA >= 0 {
		best := doc.Cells[bestA][bestB]
		fmt.Fprintf(stdout, "Highest P(win): %.4f at win limit %s, loss limit %s (E[profit] %+.2f, E[hands] %.1f)\n",
			best.PWin, doc.WinLimits[bestA], doc.LossLimits[bestB], best.ExpectedProfit, best.ExpectedHands)
	}
	if n := len(doc.Omitted); n > 0 {
		o := doc.Omitted[0]
		fmt.Fprintf(stdout, "— %d of %d cells have no exact figures, e.g. win limit %s, loss limit %s: %s (%d)\n",
			n, len(wins)*len(losses), o.WinLimit, o.LossLimit, o.Reason, o.Count)
	}
	return 0
}

// walkAwayProgress reports a walk-away grid's cells on w when it is a
// terminal: cells done, elapsed time and an estimate of what is left.
func walkAwayProgress(w io.Writer, gridCols int) func(done, total int) {
	start := time.Now()
	if !isTerminal(w) {
		// Not a terminal: a line per finished row of win limits once the
		// grid has run estimateAfter.
		return func(done, total int) {
			rows := total / max(1, gridCols)
			if el := time.Since(start); el >= estimateAfter && done%max(1, gridCols) == 0 && done < total {
				left := time.Duration(float64(el) / float64(done) * float64(total-done))
				fmt.Fprintf(w, "lir exact walkaway: %d of %d win limits done in %s; about %s to go\n", done/max(1, gridCols), rows, el.Round(time.Second), left.Round(time.Second))
			}
		}
	}
	return func(done, total int) {
		el := time.Since(start)
		left := time.Duration(float64(el) / float64(done) * float64(total-done)).Round(time.Second)
		fmt.Fprintf(w, "\rwalk-away map: %d/%d cells, %s elapsed, about %s left   ", done, total, el.Round(time.Second), left)
		if done == total {
			fmt.Fprintln(w)
		}
	}
}
