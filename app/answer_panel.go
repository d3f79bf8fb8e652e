package app

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/report"
	"github.com/lir-lab/lir/engine/rulebook"
)

// answerPanel shows, at the top, what the exact engine knows of the study
// before anything is simulated: the chances of walking away ahead, even or
// behind, why sessions end, the expected hands and profit, the house edge
// and what playing costs an hour. The exact worker computes it on load and
// after every change (coordinator.answerStudy).
type answerPanel struct {
	goapp.Compo

	answer async[*answer]
	study  study
	ticks  int // seconds counted while working (redraws)
}

func (p *answerPanel) OnMount(ctx goapp.Context)     { p.mount(ctx) }
func (p *answerPanel) OnPreRender(ctx goapp.Context) { p.mount(ctx) }

func (p *answerPanel) mount(ctx goapp.Context) {
	ctx.ObserveState(stateStudy, &p.study)
	ctx.ObserveState(stateAnswer, &p.answer).OnChange(func() { p.tick(ctx) })
}

// tick redraws every second while the answer is being computed, so the
// seconds waited keep counting.
func (p *answerPanel) tick(ctx goapp.Context) {
	if p.answer.Status != working {
		return
	}
	n := p.ticks + 1
	p.ticks = n
	inASecond(func() {
		ctx.Dispatch(func(ctx goapp.Context) {
			if p.ticks == n && p.answer.Status == working {
				p.tick(ctx)
			}
		})
	})
}

// answerSection is one part of the answer panel, drawn from the exact
// answer when it has the figures the part needs (nil otherwise). A new
// exact figure is a new section here, as the goal-optimal report is
// (goalSection).
type answerSection func(a *answer) goapp.UI

var answerSections = []answerSection{sessionSection, goalSection, handSection}

func (p *answerPanel) Render() goapp.UI {
	a := p.answer.Data
	current := a != nil && a.Key == p.study.Key && p.study.Config != nil
	sec := goapp.Section().ID("answer").Class("card answer").Aria("labelledby", "answer-h").
		Aria("busy", strconv.FormatBool(p.answer.Status == working))
	if current && a.Session != nil {
		sec = sec.DataSet("exact-p-win", strconv.FormatFloat(a.Session.PWin, 'g', -1, 64))
	}
	var body []goapp.UI
	if a != nil && (current || p.answer.Status == working) && a.ExactReply != nil {
		for _, s := range answerSections {
			if ui := s(a); ui != nil {
				body = append(body, ui)
			}
		}
	} else if a == nil && p.answer.Status != failed && p.study.Config != nil {
		// Until the first answer is in (the pre-rendered page included),
		// the places of its figures, so that it fills the space kept for
		// it instead of pushing the page down (a layout shift).
		body = placeholderSections(p.study.Config)
	}
	bodyClass := "answer-body"
	if a == nil && len(body) > 0 {
		bodyClass += " placeholder"
	} else if !current {
		bodyClass += " stale" // the last study's figures, while this one's are computed
	}
	return sec.Body(
		goapp.H2().ID("answer-h").Text("The exact answer"),
		goapp.P().ID("answer-status").Class("status").Role("status").Aria("live", "polite").Text(p.statusText(current)),
		solvingBar("answer-progress", "Exact answer", p.answer.Status == working, p.answer.Progress),
		goapp.Div().Class(bodyClass).Aria("hidden", strconv.FormatBool(a == nil && len(body) > 0)).Body(body...),
	)
}

// statusText says what the figures below are, or what is awaited.
func (p *answerPanel) statusText(current bool) string {
	switch {
	case p.study.Config == nil && p.study.Pending:
		return "Checking the rule expressions…"
	case p.study.Config == nil:
		return "Fix the problems in the study to see its exact answer."
	case p.answer.Status == working:
		s := "Computing the exact answer for this study in a worker…"
		if w := time.Since(p.answer.Since); !p.answer.Since.IsZero() && (w >= time.Second || p.answer.Progress > 0) {
			s += " " + waitedText(p.answer.Progress, p.answer.Since)
		}
		if p.answer.Data != nil {
			s += " (the figures below are the last study's)"
		}
		return s
	case p.answer.Status == failed && current:
		return "No exact answer: " + words(p.answer.Err.Error()) + "."
	case !current:
		return "The exact answer comes when the study is checked."
	case p.answer.Data.Omitted != "" && p.answer.Data.Session != nil:
		return "Exact session figures, the play followed state by state; no per-hand figures: " + words(p.answer.Data.Omitted) + "."
	case p.answer.Data.Omitted != "":
		return "The exact engine does not cover this study: " + words(p.answer.Data.Omitted) + ". Run it to simulate."
	case p.answer.Data.Session == nil:
		return "Exact figures per hand; no exact session figures for this study: " + words(p.answer.Data.SessionNote) + "."
	}
	return "Exact, from every deal of the cards: no simulation needed."
}

// sessionSection: the chances of one player session, why it ends, its
// expected hands and profit, and the cost per hour at the study's pace.
func sessionSection(a *answer) goapp.UI {
	x := a.Session
	if x == nil {
		return nil
	}
	pace := a.Config.Bankroll.StopConditions.HandsPerHour
	values := []string{pct(x.PWin), pct(x.PPush), pct(x.PLoss), stopSummary(x.StopReasons),
		fmt.Sprintf("%.1f", x.ExpectedHands), cash(x.ExpectedProfit)}
	perHour := "Cost per hour"
	if x.ExpectedHands > 0 {
		// Over many sessions the result per hand is E[profit] / E[hands]
		// (renewal–reward), whatever the stops do to each session.
		cost := -x.ExpectedProfit / x.ExpectedHands * pace
		value := fmt.Sprintf("%s at %g hands an hour", cash(cost), pace)
		if cost < 0 {
			perHour, value = "Gain per hour", fmt.Sprintf("%s at %g hands an hour", cash(-cost), pace)
		}
		values = append(values, value)
	}
	return sessionView(sessionCaption(x.Per), pct(x.PWin), values, perHour)
}

// sessionLabels name the rows of the session's figures, in order; the
// last is the cost (or gain) per hour, named by sessionView.
var sessionLabels = []string{"Walk away ahead", "Break even", "Walk away behind", "Why sessions end",
	"Hands per session (expected)", "Profit per session (expected)"}

// sessionView lays out the session's figures under caption: the headline
// P(win) and a row for each value, labelled by sessionLabels and then
// perHour.
func sessionView(caption, pWin string, values []string, perHour string) goapp.UI {
	rows := make([][2]string, len(values))
	for i, v := range values {
		label := perHour
		if i < len(sessionLabels) {
			label = sessionLabels[i]
		}
		rows[i] = [2]string{label, v}
	}
	return goapp.Div().Class("answer-session").Body(
		goapp.P().Class("headline").Body(
			goapp.Strong().ID("answer-p-win").Text(pWin),
			goapp.Text(" of sessions end ahead"),
		),
		figureTable(caption, rows),
	)
}

// placeholderSections are the places of the session's and the hand's
// figures, as the answer to study c will fill them: the same rows, each
// value a run of zeros about as long as the figure (shown as a bar, and
// hidden from screen readers: lab.css, Render), so the answer replaces
// them without moving the page.
func placeholderSections(c *config.Config) []goapp.UI {
	const p = "00.00%"
	var stops []string
	sc := c.Bankroll.StopConditions
	for _, s := range []struct {
		label string
		set   bool
	}{{"win_limit", sc.WinLimit != nil}, {"loss_limit", sc.LossLimit != nil}, {"max_hands", true}} {
		if s.set {
			stops = append(stops, report.Label(s.label)+" "+p)
		}
	}
	values := []string{p, p, p, strings.Join(stops, " · "), "000.0", "−$00.00", fmt.Sprintf("$00.00 at %g hands an hour", sc.HandsPerHour)}
	hand := []string{"0.0000% of the base bet (−00000/0000000)", "−$0.0000 on a " + cash(float64(c.Bankroll.BaseBet)/100) + " base bet"}
	return []goapp.UI{sessionView(sessionCaption(""), p, values, "Cost per hour"), handView(hand)}
}

// goalDepartures is how many departures the goal section lists before
// "all of them".
const goalDepartures = 6

// goalSection: a study that plays goal-optimally — how much more often it
// meets its goal than EV-optimal play, at what cost, and where it departs
// from EV-optimal play, in words (lir exact goal's report).
func goalSection(a *answer) goapp.UI {
	g := a.Goal
	if g == nil {
		return nil
	}
	goal := "end the session ahead"
	if g.Objective == "win_limit" {
		goal = "stop at the win limit"
	}
	rows := [][2]string{
		{"Goal", goal},
		{"Goal-optimal play", pct(g.PGoal)},
		{"With " + g.Compared, fmt.Sprintf("%s (%+.2f points)", pct(g.PGoalCompared), 100*g.Gain)},
	}
	if s := g.Session; s != nil {
		rows = append(rows, [2]string{"Profit per session (expected)", cash(s.ExpectedProfit)})
	}
	rows = append(rows, [2]string{"Departures from EV-optimal play", fmt.Sprintf("%.1f choices a session", g.DeparturesPerSession)})
	item := func(i int) goapp.UI {
		d := g.Departures[i]
		return goapp.Li().Body(goapp.Text(d.Words), goapp.Span().Class("muted").Text(fmt.Sprintf(" — %.2f times a session", d.PerSession)))
	}
	n := min(goalDepartures, len(g.Departures))
	body := []goapp.UI{
		figureTable("Goal-optimal play, exact", rows),
		goapp.Ol().Class("departures").Aria("label", "Where goal-optimal play departs from EV-optimal play, most frequent first").
			Body(goapp.Range(g.Departures[:n]).Slice(item)),
	}
	if len(g.Departures) > n {
		rest := g.Departures[n:]
		body = append(body, goapp.Details().Body(
			goapp.Summary().Text(fmt.Sprintf("All %d departures", len(g.Departures))),
			goapp.Ol().Class("departures").Attr("start", n+1).Body(goapp.Range(rest).Slice(func(i int) goapp.UI { return item(n + i) })),
		))
	}
	return goapp.Div().Class("answer-goal").Body(body...)
}

// sessionCaption names whose session the figures are: one player's, or on
// a table of several seats each seat's (per, from the exact engine).
func sessionCaption(per string) string {
	if per == "" {
		return "One player session, exact"
	}
	return "Exact, " + per
}

// handSection: the house edge of the main game, from the exact hand
// distribution.
func handSection(a *answer) goapp.UI {
	edge, frac, ok := a.HouseEdge()
	if !ok {
		return nil
	}
	text := fmt.Sprintf("%.4f%% of the base bet (%s)", 100*edge, frac)
	if edge < 0 {
		text = fmt.Sprintf("%.4f%% of the base bet in the player's favour (%s): this main-game table favours the player", -100*edge, strings.TrimPrefix(frac, "-"))
	}
	base := float64(a.Config.Bankroll.BaseBet) / 100
	return handView([]string{text, fmt.Sprintf("%s on a %s base bet", cashFine(-edge*base), cash(base))})
}

// handLabels name the rows of the hand's figures, in order.
var handLabels = []string{"House edge", "Main-game result per hand"}

func handView(values []string) goapp.UI {
	rows := make([][2]string, len(values))
	for i, v := range values {
		rows[i] = [2]string{handLabels[i], v}
	}
	return figureTable("Every hand, exact", rows)
}

// stopSummary lists the stop reasons that happen, most likely first.
func stopSummary(p map[string]float64) string {
	type reason struct {
		label string
		p     float64
	}
	var rs []reason
	for _, name := range rulebook.StopNames {
		if p[name] > 0 {
			rs = append(rs, reason{report.Label(name), p[name]})
		}
	}
	slices.SortStableFunc(rs, func(a, b reason) int { return cmp.Compare(b.p, a.p) })
	var parts []string
	for _, r := range rs {
		parts = append(parts, r.label+" "+pct(r.p))
	}
	if len(parts) == 0 {
		return "–"
	}
	return strings.Join(parts, " · ")
}

// figureTable is a two-column table of figures with a caption.
func figureTable(caption string, rows [][2]string) goapp.UI {
	return goapp.Table().Class("summary").Body(
		goapp.Caption().Text(caption),
		goapp.TBody().Body(goapp.Range(rows).Slice(func(i int) goapp.UI {
			return goapp.Tr().Body(goapp.Th().Scope("row").Text(rows[i][0]), goapp.Td().Text(rows[i][1]))
		})),
	)
}
