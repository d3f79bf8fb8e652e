package pyformat

// Options are the Python tool's output settings (its OutputConfig:
// output.directory, output.prefix, output.formats.csv and .json,
// output.visualizations), field for field. The HTML report
// (output.formats.html) is ours, written by the caller under HTMLName.
type Options struct {
	Directory string // created if missing, as its exporters do
	Prefix    string // file names are PREFIX + SessionsName, ...
	CSV       CSVOptions
	JSON      JSONOptions
	// BOM starts each CSV file with the UTF-8 byte order mark (its
	// CSVExporter's include_bom, true in every run of its command line).
	BOM bool
	// Charts are the chart files (Writer.WriteCharts), in ChartsDir.
	Charts Charts
}

// CSVOptions is its output.formats.csv.
type CSVOptions struct {
	Enabled              bool
	IncludeHands         bool // PREFIX_hands.csv, one row per hand (one seat only: its file has no seat column)
	IncludeSessions      bool // PREFIX_sessions.csv
	IncludeAggregate     bool // PREFIX_aggregate.csv
	IncludeSeatAggregate bool // PREFIX_seat_aggregate.csv, with more than one seat (as there)
}

// JSONOptions is its output.formats.json.
type JSONOptions struct {
	Enabled       bool
	Pretty        bool // indented by 2, as its json.dump(indent=2); else on one line
	IncludeConfig bool // the "config" member (Run.Config)
}

// Defaults returns the Python tool's defaults (its models.py): directory
// "./results", prefix "simulation", CSV sessions and aggregate, JSON
// pretty with the config, BOM.
func Defaults() Options {
	return Options{
		Directory: "./results",
		Prefix:    "simulation",
		CSV:       CSVOptions{Enabled: true, IncludeSessions: true, IncludeAggregate: true},
		JSON:      JSONOptions{Enabled: true, Pretty: true, IncludeConfig: true},
		BOM:       true,
	}
}

func (o *Options) sessionsCSV() bool  { return o.CSV.Enabled && o.CSV.IncludeSessions }
func (o *Options) aggregateCSV() bool { return o.CSV.Enabled && o.CSV.IncludeAggregate }
func (o *Options) handsCSV() bool     { return o.CSV.Enabled && o.CSV.IncludeHands }
func (o *Options) seatCSV(seats int) bool {
	return o.CSV.Enabled && o.CSV.IncludeSeatAggregate && seats > 1
}
