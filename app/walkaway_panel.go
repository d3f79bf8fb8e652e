package app

import (
	"fmt"
	"strings"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/lir-lab/lir/app/wire"
	"github.com/lir-lab/lir/engine/report"
)

// walkAwayPanel offers the exact walk-away map of the study: P(win
// session) and the expected profit for every win limit × loss limit, the
// study's own limits among them, computed on demand in the exact worker.
type walkAwayPanel struct {
	goapp.Compo

	walk   async[*walkAwayView]
	study  study
	answer async[*answer]
	dark   bool
}

func (p *walkAwayPanel) OnMount(ctx goapp.Context)     { p.mount(ctx) }
func (p *walkAwayPanel) OnPreRender(ctx goapp.Context) { p.mount(ctx) }

func (p *walkAwayPanel) mount(ctx goapp.Context) {
	ctx.ObserveState(stateStudy, &p.study)
	ctx.ObserveState(stateAnswer, &p.answer)
	ctx.ObserveState(stateDark, &p.dark)
	ctx.ObserveState(stateWalkAway, &p.walk).OnChange(func() {
		if p.walk.Status == working {
			p.tick(ctx, p.walk.Since)
		}
	})
}

// tick redraws every second while the map is computed, so the seconds
// waited keep counting.
func (p *walkAwayPanel) tick(ctx goapp.Context, since time.Time) {
	inASecond(func() {
		ctx.Dispatch(func(ctx goapp.Context) {
			if p.walk.Status == working && p.walk.Since.Equal(since) {
				p.tick(ctx, since)
			}
		})
	})
}

func (p *walkAwayPanel) Render() goapp.UI {
	a := p.answer.Data
	covered := p.study.Config != nil && a != nil && a.Key == p.study.Key && a.Session != nil
	v := p.walk.Data
	mine := v != nil && v.Key == p.study.Key && p.study.Config != nil
	var body goapp.UI
	switch {
	case mine && p.walk.Status == working:
		body = goapp.Div().Body(
			goapp.P().Class("muted").Text("Computing the walk-away map (an exact session for every pair of limits) in a worker… "+waitedText(p.walk.Progress, p.walk.Since)),
			solvingBar("walkaway-progress", "Walk-away map", true, p.walk.Progress),
		)
	case mine && p.walk.Status == failed:
		body = goapp.P().Class("muted").Text("No walk-away map for this study: " + words(p.walk.Err.Error()) + ".")
	case mine && p.walk.Status == done:
		m := v.Reply.Map
		var note goapp.UI
		if m.Note != "" {
			note = goapp.P().ID("walkaway-note").Class("muted").Text("Blank cells: " + words(m.Note) + ".")
		}
		body = goapp.Div().Body(
			goapp.P().ID("walkaway-own").Text(ownLimitsText(m)),
			goapp.P().ID("walkaway-best").Text(bestLimitsText(m)),
			note,
			&chartGrid{ID: "walkaway-charts", Charts: []*report.Chart{v.Chart}, Dark: p.dark},
		)
	case covered:
		key := p.study.Key
		body = goapp.Button().ID("walkaway-button").Text("Compute the walk-away map").
			OnClick(func(ctx goapp.Context, e goapp.Event) {
				ctx.NewActionWithValue(actionWalkAway, key)
				// The button goes when the work starts: the focus goes to
				// the panel's heading, not to the page.
				ctx.Defer(func(goapp.Context) { focusIfLost("walkaway-h") })
			})
	default:
		body = goapp.P().Class("muted").Text("The walk-away map needs the study's exact session figures (see the exact answer).")
	}
	return goapp.Section().ID("walkaway").Class("card").Aria("labelledby", "walkaway-h").Body(
		goapp.H2().ID("walkaway-h").TabIndex(-1).Text("Walk-away limits"),
		goapp.P().Class("help").Text("How the win and loss limits change the chance to end a session ahead, the study's other rules as set: every limit from 5% to 100% of the bankroll, exact (the Markov chain of lir exact walkaway)."),
		goapp.Div().Aria("live", "polite").Body(body),
	)
}

// ownLimitsText states the study's own cell of the map.
func ownLimitsText(m *wire.WalkAwayMap) string {
	if m.Own[0] < 0 {
		return "This study has no win or no loss limit of its own."
	}
	a, b := m.Own[0], m.Own[1]
	if !m.Has(a, b) {
		return fmt.Sprintf("Your limits (+%s / −%s): past the exact engine's state bound.", limit(m.WinLimits[a]), limit(m.LossLimits[b]))
	}
	return fmt.Sprintf("Your limits (+%s / −%s): %s of sessions end ahead; expected profit %s per session.",
		limit(m.WinLimits[a]), limit(m.LossLimits[b]), pct(m.PWin[a][b]), cash(m.ExpectedProfit[a][b]))
}

// bestLimitsText names the cell with the highest P(win session) and what
// it trades away for it: smaller wins, larger losses, expected profit.
func bestLimitsText(m *wire.WalkAwayMap) string {
	a, b := m.Best()
	if a < 0 {
		return ""
	}
	win, loss := m.WinLimits[a], m.LossLimits[b]
	s := fmt.Sprintf("Highest chance to end ahead: %s, with a win limit of +%s and a loss limit of −%s.", pct(m.PWin[a][b]), limit(win), limit(loss))
	if m.Own == [2]int{a, b} {
		return s + " These are your limits."
	}
	var trades []string
	if o := m.Own; o[0] >= 0 && m.Has(o[0], o[1]) {
		if win < m.WinLimits[o[0]] {
			trades = append(trades, fmt.Sprintf("a session's win stops at +%s instead of +%s", limit(win), limit(m.WinLimits[o[0]])))
		}
		if loss > m.LossLimits[o[1]] {
			trades = append(trades, fmt.Sprintf("a losing session can lose up to %s instead of %s", limit(loss), limit(m.LossLimits[o[1]])))
		}
		mine, best := m.ExpectedProfit[o[0]][o[1]], m.ExpectedProfit[a][b]
		if best < mine {
			trades = append(trades, fmt.Sprintf("the expected profit falls to %s per session from your %s", cash(best), cash(mine)))
		} else {
			trades = append(trades, fmt.Sprintf("the expected profit is %s per session (yours: %s)", cash(best), cash(mine)))
		}
	} else {
		trades = append(trades, fmt.Sprintf("a session's win stops at +%s, a losing one can lose up to %s, and the expected profit is %s per session",
			limit(win), limit(loss), cash(m.ExpectedProfit[a][b])))
	}
	return s + " It trades away: " + strings.Join(trades, "; ") + "."
}

func limit(cents int64) string { return report.MoneyShort(float64(cents) / 100) }
