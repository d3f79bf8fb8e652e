package study

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
)

// JSON returns the document as indented JSON with a final newline.
func (d *Document) JSON() ([]byte, error) {
	if d.Rows == nil {
		d.Rows = []*Row{}
	}
	if d.Failed == nil {
		d.Failed = []Failure{}
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// CSVHeader is the header of the study CSV, one column per Row field in
// the JSON's names; an empty cell is a figure that does not apply.
var CSVHeader = []string{"rank", "file", "name", "seed", "sessions", "player_sessions",
	"p_win", "p_win_ci95_low", "p_win_ci95_high", "p_win_exact", "p_push", "p_push_exact", "p_loss", "p_loss_exact",
	"mean_profit", "mean_profit_ci95_low", "mean_profit_ci95_high", "mean_profit_exact",
	"ev_per_hand", "ev_per_hand_exact", "sd_profit", "sd_profit_exact", "expected_hands", "expected_hands_exact",
	"p_win_z", "mean_profit_z", "within_4_se", "exact_omitted", "exact_truncated_probability"}

// CSV returns the rows as CSV (CSVHeader, then one line per row).
func (d *Document) CSV() []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(CSVHeader)
	g := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	opt := func(x *float64) string {
		if x == nil {
			return ""
		}
		return g(*x)
	}
	for _, r := range d.Rows {
		within := ""
		if r.Within4 != nil {
			within = strconv.FormatBool(*r.Within4)
		}
		w.Write([]string{strconv.Itoa(r.Rank), r.File, r.Name, r.Seed, strconv.FormatUint(r.Sessions, 10), strconv.FormatUint(r.PlayerSessions, 10),
			g(r.PWin), g(r.PWinLo), g(r.PWinHi), opt(r.PWinExact), g(r.PPush), opt(r.PPushExact), g(r.PLoss), opt(r.PLossExact),
			g(r.MeanProfit), g(r.MeanProfitLo), g(r.MeanProfitHi), opt(r.MeanProfitExact),
			g(r.EVPerHand), opt(r.EVPerHandExact), g(r.SDProfit), opt(r.SDProfitExact), g(r.Hands), opt(r.HandsExact),
			opt(r.PWinZ), opt(r.MeanProfitZ), within, r.ExactOmitted, g(r.Truncated)})
	}
	w.Flush()
	return b.Bytes()
}

// Print writes the ranked table: each figure exact where the exact engine
// answers (simulated otherwise, marked ~), the simulated P(win) with its
// 95% interval beside the exact one, and the check.
func (d *Document) Print(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tname\tfile\tP(win)\tsimulated (95% CI)\tP(push)\tP(loss)\tmean profit\tEV/hand\tsd profit\thands\tcheck")
	pct := func(x float64) string { return fmt.Sprintf("%.2f%%", 100*x) }
	pick := Pick
	for _, r := range d.Rows {
		name := r.Name
		if name == "" {
			name = "(unnamed)"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s (%s–%s)\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Rank, name, r.File,
			pick(r.PWinExact, r.PWin, pct), pct(r.PWin), pct(r.PWinLo), pct(r.PWinHi),
			pick(r.PPushExact, r.PPush, pct), pick(r.PLossExact, r.PLoss, pct),
			pick(r.MeanProfitExact, r.MeanProfit, money), pick(r.EVPerHandExact, r.EVPerHand, money),
			pick(r.SDProfitExact, r.SDProfit, money0), pick(r.HandsExact, r.Hands, hands), r.Check())
	}
	tw.Flush()
	fmt.Fprintf(w, "%d configs ranked by P(win). Figures are exact; ~ marks a simulated figure (no exact one applies).\n", len(d.Rows))
	fmt.Fprintln(w, "check: z = (simulated − exact) / SE for P(win) and mean profit; ok when both are within 4 SE.")
	for _, n := range d.Notes() {
		fmt.Fprintf(w, "  %s\n", n)
	}
}

// Pick is a figure of a row as the table shows it: the exact one, in f's
// form, when there is one, else the simulated one marked ~.
func Pick(ex *float64, sim float64, f func(float64) string) string {
	if ex != nil {
		return f(*ex)
	}
	return "~" + f(sim)
}

// Notes are the lines under the study's table: why a row has no exact
// figures, and which files did not run and why.
func (d *Document) Notes() []string {
	var notes []string
	for _, r := range d.Rows {
		if r.ExactOmitted != "" {
			notes = append(notes, fmt.Sprintf("%s: no exact figures: %s", r.File, r.ExactOmitted))
		}
	}
	for _, f := range d.Failed {
		notes = append(notes, fmt.Sprintf("%s: not run: %s", f.File, f.Error))
	}
	return notes
}

// Check is the row's exact-vs-simulated cell in the table and the report:
// "ok" or "OFF" (within 4 standard errors or not) with the z of P(win) and
// of mean profit, "no exact" without an exact figure.
func (r *Row) Check() string {
	if r.Within4 == nil {
		return "no exact"
	}
	z := func(x *float64) string {
		if x == nil {
			return "–"
		}
		return fmt.Sprintf("%+.1f", *x)
	}
	verdict := "ok"
	if !*r.Within4 {
		verdict = "OFF"
	}
	return fmt.Sprintf("%s (z %s, %s)", verdict, z(r.PWinZ), z(r.MeanProfitZ))
}

func money(x float64) string {
	if x < 0 {
		return fmt.Sprintf("-$%.2f", -x)
	}
	return fmt.Sprintf("$%.2f", x)
}

func money0(x float64) string { return fmt.Sprintf("$%.0f", x) }

func hands(x float64) string { return fmt.Sprintf("%.1f", x) }
