package pyformat

import (
	"encoding/json"
	"fmt"

	"github.com/lir-lab/lir/engine/config"
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

// FromConfig returns the section a config in the Python tool's form asks
// for (config.Output.Python, decoded by configyaml with its defaults).
// A report without its charts cannot be written and is refused.
func FromConfig(o *config.Output) (Section, error) {
	p := o.Python
	if p == nil {
		return Section{}, fmt.Errorf("pyformat: the config is not in the Python tool's form")
	}
	s := Section{
		Options: Options{
			Directory: o.Directory, Prefix: o.Prefix, BOM: true,
			CSV: CSVOptions{Enabled: p.CSV.Enabled, IncludeHands: p.CSV.IncludeHands, IncludeSessions: p.CSV.IncludeSessions,
				IncludeAggregate: p.CSV.IncludeAggregate, IncludeSeatAggregate: p.CSV.IncludeSeatAggregate},
			JSON: JSONOptions{Enabled: p.JSON.Enabled, Pretty: p.JSON.Pretty, IncludeConfig: p.JSON.IncludeConfig},
		},
		HTML:     p.HTML.Enabled || (p.Visualizations.Enabled && len(p.Visualizations.Charts) > 0),
		Progress: p.Console.ProgressBar, Summary: p.Console.ShowSummary, Verbosity: int(p.Console.Verbosity),
	}
	for _, c := range p.Visualizations.Charts {
		if c.Type == "bankroll_trajectory" && c.SampleSessions != nil && p.Visualizations.Enabled {
			s.Trajectories = max(s.Trajectories, *c.SampleSessions)
		}
	}
	if s.HTML && !p.HTML.IncludeCharts {
		return Section{}, fmt.Errorf("output.formats.html.include_charts: false is not supported: our report always draws its charts")
	}
	return s, nil
}

// ConfigJSON returns a config tree as JSON with its keys in sorted order,
// for the JSON's "config" member.
func ConfigJSON(tree any) ([]byte, error) { return json.Marshal(tree) }
