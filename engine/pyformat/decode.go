package pyformat

import (
	"encoding/json"
	"fmt"

	"github.com/lir-lab/lir/engine/config"
)

// Section is the Python tool's whole output section: the files and charts
// (Options) and what we do for its HTML and console settings.
type Section struct {
	Options
	// HTML writes our self-contained report as PREFIX_report.html, its
	// name for its report (formats.html.enabled).
	HTML bool
	// Console: its console section. Progress shows the progress bar;
	// Summary prints the summary; Verbosity 0 prints nothing else, 1 or
	// more also lists the files written.
	Progress, Summary bool
	Verbosity         int
}

// FromConfig returns the section a config in the Python tool's form asks
// for (c.Output.Python, decoded by configyaml with its defaults). A
// report without its charts cannot be written and is refused, and so is
// a chart that cannot be drawn from the run (chartsFromConfig).
func FromConfig(c *config.Config) (Section, error) {
	o := &c.Output
	p := o.Python
	if p == nil {
		return Section{}, fmt.Errorf("pyformat: the config is not in the Python tool's form")
	}
	charts, err := chartsFromConfig(c)
	if err != nil {
		return Section{}, err
	}
	s := Section{
		Options: Options{
			Directory: o.Directory, Prefix: o.Prefix, BOM: true,
			CSV: CSVOptions{Enabled: p.CSV.Enabled, IncludeHands: p.CSV.IncludeHands, IncludeSessions: p.CSV.IncludeSessions,
				IncludeAggregate: p.CSV.IncludeAggregate, IncludeSeatAggregate: p.CSV.IncludeSeatAggregate},
			JSON:   JSONOptions{Enabled: p.JSON.Enabled, Pretty: p.JSON.Pretty, IncludeConfig: p.JSON.IncludeConfig},
			Charts: charts,
		},
		HTML:     p.HTML.Enabled,
		Progress: p.Console.ProgressBar, Summary: p.Console.ShowSummary, Verbosity: int(p.Console.Verbosity),
	}
	if s.HTML && !p.HTML.IncludeCharts {
		return Section{}, fmt.Errorf("output.formats.html.include_charts: false is not supported: our report always draws its charts")
	}
	return s, nil
}

// ConfigJSON returns a config tree as JSON with its keys in sorted order,
// for the JSON's "config" member.
func ConfigJSON(tree any) ([]byte, error) { return json.Marshal(tree) }
