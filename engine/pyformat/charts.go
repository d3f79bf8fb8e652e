package pyformat

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strconv"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/pyformat/plot"
	"github.com/lir-lab/lir/engine/results"
	"github.com/lir-lab/lir/internal/outfile"
)

// The chart kinds of its visualizations.charts (its models.py
// ChartConfig.type).
const (
	ChartHistogram   = "session_outcomes_histogram"
	ChartTrajectory  = "bankroll_trajectory"
	ChartHands       = "hand_frequency"
	ChartStrategies  = "strategy_comparison"
	ChartBonusImpact = "bonus_impact"
)

// ChartsDir is the folder of the chart files in output.directory, and
// chartBase their names before the extension: its docs/output_formats.md
// lays the output folder out as charts/session_outcomes.png and
// charts/bankroll_trajectory.png (its command line writes no chart; its
// plotting functions take any path). The other kinds are named after
// their type; a second chart of a kind adds _2, a third _3.
const ChartsDir = "charts"

var chartBase = map[string]string{
	ChartHistogram:   "session_outcomes",
	ChartTrajectory:  "bankroll_trajectory",
	ChartHands:       "hand_frequency",
	ChartBonusImpact: "bonus_impact",
}

// defaultTitle is each kind's title when a chart gives none: its
// HistogramConfig and TrajectoryConfig defaults, its report's hand
// frequency title.
var defaultTitle = map[string]string{
	ChartHistogram:   "Session Outcome Distribution",
	ChartTrajectory:  "Bankroll Trajectories",
	ChartHands:       "Hand Frequency: Actual vs Theoretical",
	ChartBonusImpact: "Bonus Bet Impact",
}

// DefaultSampleSessions is its TrajectoryConfig.sample_sessions, the paths
// a bankroll_trajectory chart without sample_sessions draws.
const DefaultSampleSessions = 20

// Charts is its visualizations section, checked: the charts to write (none
// when it is disabled), in Format (png, svg or html) at DPI (png only).
type Charts struct {
	Format string
	DPI    int
	List   []Chart
}

// Chart is one chart to write.
type Chart struct {
	Type  string
	Title string
	// SampleSessions is the number of bankroll paths (bankroll_trajectory).
	SampleSessions int
	// Name is the file's name in ChartsDir, with its extension.
	Name string
}

// chartsFromConfig checks the visualizations section of c and names the
// files. A chart that cannot be drawn with its meaning from one run is
// refused, naming its key.
func chartsFromConfig(c *config.Config) (Charts, error) {
	v := &c.Output.Python.Visualizations
	out := Charts{Format: v.Format, DPI: int(v.DPI)}
	if !v.Enabled {
		return out, nil
	}
	var errs config.Errors
	seen := map[string]int{}
	for i, ch := range v.Charts {
		key := fmt.Sprintf("output.visualizations.charts[%d].type", i)
		switch {
		case ch.Type == ChartStrategies:
			errs = append(errs, config.FieldError{Path: key, Value: strconv.Quote(ch.Type),
				Allowed: "it compares several strategies, and a run plays one (every seat plays strategy); compare strategies with lir compare, or lir study over one file per strategy"})
			continue
		case ch.Type == ChartBonusImpact && !c.BonusStrategy.Placed():
			errs = append(errs, config.FieldError{Path: key, Value: strconv.Quote(ch.Type),
				Allowed: "it splits the results between the main game and the Three Card Bonus, and this file places no bonus bet (bonus_strategy disabled or of type never)"})
			continue
		case chartBase[ch.Type] == "":
			errs = append(errs, config.FieldError{Path: key, Value: strconv.Quote(ch.Type), Allowed: "not a chart type"})
			continue
		}
		seen[ch.Type]++
		name := chartBase[ch.Type]
		if n := seen[ch.Type]; n > 1 {
			name += "_" + strconv.Itoa(n)
		}
		title := ch.Title
		if title == "" {
			title = defaultTitle[ch.Type]
		}
		sample := 0
		if ch.Type == ChartTrajectory {
			sample = DefaultSampleSessions
			if ch.SampleSessions != nil {
				sample = int(*ch.SampleSessions)
			}
		}
		out.List = append(out.List, Chart{Type: ch.Type, Title: title, SampleSessions: sample, Name: name + "." + v.Format})
	}
	if len(errs) > 0 {
		return Charts{}, errs
	}
	return out, nil
}

// Trajectories returns the most bankroll paths a chart draws (0 when
// none): the sessions whose paths the run must keep.
func (cs *Charts) Trajectories() int64 {
	var n int64
	for _, c := range cs.List {
		n = max(n, int64(c.SampleSessions))
	}
	return n
}

// chartPaths returns the chart files in o's folder, in list order.
func (o *Options) chartPaths() []string {
	out := make([]string, len(o.Charts.List))
	for i, c := range o.Charts.List {
		out[i] = filepath.Join(o.Directory, ChartsDir, c.Name)
	}
	return out
}

// checkCharts creates the charts folder and checks that every chart file
// can be written, before the run.
func (o *Options) checkCharts() error {
	if len(o.Charts.List) == 0 {
		return nil
	}
	if err := os.MkdirAll(filepath.Join(o.Directory, ChartsDir), 0o755); err != nil {
		return fmt.Errorf("output.directory: %w", err)
	}
	for _, p := range o.chartPaths() {
		if err := outfile.Check(p); err != nil {
			return err
		}
	}
	return nil
}

// WriteCharts draws the charts from the run's results document and writes
// them: each to a temporary beside it, all renamed into place only when
// all are complete. It returns the paths written.
func (w *Writer) WriteCharts(d *results.Document) (paths []string, err error) {
	o := &w.o
	var files []*outfile.File
	defer func() {
		if err != nil {
			for _, f := range files {
				f.Abort()
			}
		}
	}()
	for i, p := range o.chartPaths() {
		c := &o.Charts.List[i]
		fig := w.figure(c, d)
		var b []byte
		switch o.Charts.Format {
		case "png":
			if b, err = fig.PNG(o.Charts.DPI); err != nil {
				return nil, fmt.Errorf("%s: %w", p, err)
			}
		case "svg":
			b = fig.SVG()
		case "html":
			b = chartPage(fig)
		default:
			return nil, fmt.Errorf("output.visualizations.format: %q is not a chart format", o.Charts.Format)
		}
		f, err := outfile.Create(p)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
		if _, err := f.Write(b); err != nil {
			return nil, err
		}
	}
	if paths, err = commitAll(files); err != nil {
		return paths, err
	}
	files = nil
	return paths, nil
}

// figure draws chart c.
func (w *Writer) figure(c *Chart, d *results.Document) *plot.Figure {
	switch c.Type {
	case ChartHistogram:
		return histogramFigure(d, c.Title)
	case ChartTrajectory:
		return trajectoryFigure(d, c.Title, c.SampleSessions, w.run.WinLimit, w.run.LossLimit)
	case ChartHands:
		return handsFigure(d, c.Title)
	default:
		return bonusFigure(d, c.Title)
	}
}

// chartPage is a chart as its html format means it, a page of its own:
// self-contained, the chart inline as SVG (values on hover).
func chartPage(fig *plot.Figure) []byte {
	var b bytes.Buffer
	t := html.EscapeString(fig.Title)
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n", t)
	b.WriteString("<style>body{margin:0;padding:1rem;background:#fff}svg{max-width:100%;height:auto;display:block;margin:auto}</style>\n</head>\n<body>\n")
	b.Write(fig.SVGElement())
	b.WriteString("</body>\n</html>\n")
	return b.Bytes()
}
