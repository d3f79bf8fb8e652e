package pyformat

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Section is the Python tool's whole output section: the files (Options)
// and what we do for its HTML, visualizations and console settings.
type Section struct {
	Options
	// HTML writes our self-contained report as PREFIX_report.html, its
	// name for its report (formats.html.enabled, or visualizations
	// enabled with charts: our report draws the charts in the page).
	HTML bool
	// Trajectories is the largest sample_sessions of its
	// bankroll_trajectory charts (0 when none): how many sessions' paths
	// the report draws.
	Trajectories int64
	// Console: its console section. Progress shows the progress bar;
	// Summary prints the summary; Verbosity 0 prints nothing else, 1 or
	// more also lists the files written.
	Progress, Summary bool
	Verbosity         int
}

// IsPython reports whether an output section (the config tree's "output"
// value) is in the Python tool's form: an object under formats.csv,
// .json or .html, visualizations or console, or a timestamp_format.
func IsPython(out any) bool {
	m, ok := out.(map[string]any)
	if !ok {
		return false
	}
	if _, ok := m["timestamp_format"]; ok {
		return true
	}
	for _, k := range []string{"visualizations", "console"} {
		if _, ok := m[k].(map[string]any); ok {
			return true
		}
	}
	f, _ := m["formats"].(map[string]any)
	for _, k := range []string{"csv", "json", "html"} {
		if _, ok := f[k].(map[string]any); ok {
			return true
		}
	}
	return false
}

// Decode reads an output section in the Python tool's form with its
// defaults and its rules (its models.py: every key typed, unknown keys
// refused). Errors name the key.
func Decode(out any) (Section, error) {
	s := Section{Options: Defaults(), Progress: true, Summary: true, Verbosity: 1}
	var d decoder
	m := d.object(out)
	htmlCharts := true
	chartLibrary := "plotly"
	visEnabled := true
	var charts []any
	d.keys("output", m, map[string]func(string, any){
		"directory": func(p string, v any) { s.Directory = d.str(p, v) },
		"prefix":    func(p string, v any) { s.Prefix = d.str(p, v) },
		"timestamp_format": func(p string, v any) {
			d.fail(p, "its command line never used it (its files are named PREFIX_sessions.csv, without a time); remove it, or give each run its own prefix or directory")
		},
		"formats": func(p string, v any) {
			d.keys(p, d.objectAt(p, v), map[string]func(string, any){
				"csv": func(p string, v any) {
					d.keys(p, d.objectAt(p, v), map[string]func(string, any){
						"enabled":                func(p string, v any) { s.CSV.Enabled = d.boolean(p, v) },
						"include_hands":          func(p string, v any) { s.CSV.IncludeHands = d.boolean(p, v) },
						"include_sessions":       func(p string, v any) { s.CSV.IncludeSessions = d.boolean(p, v) },
						"include_aggregate":      func(p string, v any) { s.CSV.IncludeAggregate = d.boolean(p, v) },
						"include_seat_aggregate": func(p string, v any) { s.CSV.IncludeSeatAggregate = d.boolean(p, v) },
					})
				},
				"json": func(p string, v any) {
					d.keys(p, d.objectAt(p, v), map[string]func(string, any){
						"enabled":        func(p string, v any) { s.JSON.Enabled = d.boolean(p, v) },
						"pretty":         func(p string, v any) { s.JSON.Pretty = d.boolean(p, v) },
						"include_config": func(p string, v any) { s.JSON.IncludeConfig = d.boolean(p, v) },
					})
				},
				"html": func(p string, v any) {
					d.keys(p, d.objectAt(p, v), map[string]func(string, any){
						"enabled":        func(p string, v any) { s.HTML = d.boolean(p, v) },
						"include_charts": func(p string, v any) { htmlCharts = d.boolean(p, v) },
						"chart_library":  func(p string, v any) { chartLibrary = d.choice(p, v, "plotly", "matplotlib") },
					})
				},
			})
		},
		"visualizations": func(p string, v any) {
			d.keys(p, d.objectAt(p, v), map[string]func(string, any){
				"enabled": func(p string, v any) { visEnabled = d.boolean(p, v) },
				"charts": func(p string, v any) {
					l, ok := v.([]any)
					if !ok {
						d.fail(p, "want a list of charts")
					}
					charts = l
				},
				"format": func(p string, v any) { d.choice(p, v, "png", "svg", "html") },
				"dpi": func(p string, v any) {
					if n := d.integer(p, v); n < 72 || n > 600 {
						d.fail(p, "allowed: 72 to 600")
					}
				},
			})
		},
		"console": func(p string, v any) {
			d.keys(p, d.objectAt(p, v), map[string]func(string, any){
				"progress_bar": func(p string, v any) { s.Progress = d.boolean(p, v) },
				"show_summary": func(p string, v any) { s.Summary = d.boolean(p, v) },
				"verbosity": func(p string, v any) {
					s.Verbosity = int(d.integer(p, v))
					if s.Verbosity < 0 || s.Verbosity > 3 {
						d.fail(p, "allowed: 0 to 3")
					}
				},
			})
		},
	})
	for i, c := range charts {
		p := fmt.Sprintf("output.visualizations.charts[%d]", i)
		var samples int64
		d.keys(p, d.objectAt(p, c), map[string]func(string, any){
			"type": func(p string, v any) {
				d.choice(p, v, "session_outcomes_histogram", "bankroll_trajectory", "hand_frequency", "strategy_comparison", "bonus_impact")
			},
			"title": func(p string, v any) { d.str(p, v) },
			"sample_sessions": func(p string, v any) {
				if samples = d.integer(p, v); samples < 1 {
					d.fail(p, "allowed: 1 or more")
				}
			},
		})
		cm, _ := c.(map[string]any)
		if _, ok := cm["type"]; !ok && d.err == nil {
			d.fail(p+".type", "required")
		}
		if _, ok := cm["title"]; !ok && d.err == nil {
			d.fail(p+".title", "required")
		}
		if cm["type"] == "bankroll_trajectory" && samples > 0 {
			s.Trajectories = max(s.Trajectories, samples)
		}
	}
	if d.err != nil {
		return Section{}, d.err
	}
	if visEnabled && len(charts) > 0 {
		s.HTML = true
	}
	if s.HTML && !htmlCharts {
		return Section{}, fmt.Errorf("output.formats.html.include_charts: false is not supported: our report always draws its charts")
	}
	if s.HTML && chartLibrary == "matplotlib" {
		return Section{}, fmt.Errorf("output.formats.html.chart_library: \"matplotlib\" (static images) is not supported: our report draws interactive charts in the page, as its \"plotly\" does")
	}
	if s.Trajectories > 1000 {
		return Section{}, fmt.Errorf("output.visualizations.charts: sample_sessions %d is not allowed here; allowed: 1 to 1000 (simulation.trajectories)", s.Trajectories)
	}
	return s, nil
}

// ConfigJSON returns a config tree as JSON with its keys in sorted order,
// for the JSON's "config" member.
func ConfigJSON(tree any) ([]byte, error) { return json.Marshal(tree) }

type decoder struct{ err error }

func (d *decoder) fail(path, msg string) {
	if d.err == nil {
		d.err = fmt.Errorf("%s: %s", path, msg)
	}
}

func (d *decoder) object(v any) map[string]any { return d.objectAt("output", v) }

func (d *decoder) objectAt(path string, v any) map[string]any {
	if v == nil {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		d.fail(path, "want an object")
	}
	return m
}

// keys calls the handler of every key of m, refusing the others, as its
// models' extra="forbid".
func (d *decoder) keys(parent string, m map[string]any, handlers map[string]func(string, any)) {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		h, ok := handlers[k]
		if !ok {
			allowed := make([]string, 0, len(handlers))
			for a := range handlers {
				allowed = append(allowed, a)
			}
			slices.Sort(allowed)
			d.fail(parent+"."+k, "unknown key in the Python tool's output section; allowed here: "+strings.Join(allowed, ", "))
			continue
		}
		h(parent+"."+k, m[k])
	}
}

func (d *decoder) str(p string, v any) string {
	s, ok := v.(string)
	if !ok {
		d.fail(p, "want a string")
	}
	return s
}

func (d *decoder) boolean(p string, v any) bool {
	b, ok := v.(bool)
	if !ok {
		d.fail(p, "want true or false")
	}
	return b
}

func (d *decoder) integer(p string, v any) int64 {
	switch n := v.(type) {
	case json.Number:
		if i, err := n.Int64(); err == nil {
			return i
		}
	case int:
		return int64(n)
	case int64:
		return n
	case float64:
		if n == float64(int64(n)) {
			return int64(n)
		}
	}
	d.fail(p, "want a whole number")
	return 0
}

func (d *decoder) choice(p string, v any, allowed ...string) string {
	s, ok := v.(string)
	if !ok || !slices.Contains(allowed, s) {
		d.fail(p, fmt.Sprintf("%v is not allowed; allowed: %s", v, strings.Join(allowed, ", ")))
	}
	return s
}
