package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/configyaml"
	"github.com/lir-lab/lir/engine/pyformat"
	"github.com/lir-lab/lir/engine/report"
	"github.com/lir-lab/lir/engine/results"
	"github.com/lir-lab/lir/engine/runner"
	"github.com/lir-lab/lir/engine/sim"
	"github.com/lir-lab/lir/internal/outfile"
	"github.com/lir-lab/lir/web"
)

// pyOutput is the output section of a config file in the Python tool's
// form: lir run writes that tool's files, named as it names them.
type pyOutput struct {
	pyformat.Section
	tree  any // the file's config tree, for the JSON's "config" member
	w     *pyformat.Writer
	paths []string // written by finish
}

// loadRunConfig is loadConfigOrPreset for lir run and lir validate: a
// file in the Python tool's form (read by configyaml with its meaning,
// its output options in output.python) also returns what its output
// section asks for; py is nil for our own form.
func loadRunConfig(path, preset string) (*config.Config, *pyOutput, error) {
	if preset != "" || path == "" {
		c, err := loadConfigOrPreset(path, preset)
		return c, nil, err
	}
	data, err := readConfigFile(path)
	if err != nil {
		return nil, nil, err
	}
	c, err := configyaml.Decode(path, data)
	if err != nil || c.Output.Python == nil {
		return c, nil, err
	}
	sec, err := pyformat.FromConfig(c)
	if err != nil {
		return nil, nil, err
	}
	py := &pyOutput{Section: sec}
	if py.tree, err = configyaml.ParseTree(data); err != nil { // the file as written, for the JSON
		return nil, nil, err
	}
	if n := sec.Charts.Trajectories(); n > 0 { // the paths its bankroll_trajectory charts draw
		c.Simulation.Trajectories = max(c.Simulation.Trajectories, n)
	}
	return c, py, nil
}

// start creates the writer; its sink joins the run.
func (p *pyOutput) start(c *config.Config) error {
	if p == nil {
		return nil
	}
	if n := p.Charts.Trajectories(); c.Simulation.Trajectories < n {
		return fmt.Errorf("--trajectories %d keeps fewer sessions' paths than the %d its bankroll_trajectory chart draws (output.visualizations.charts: sample_sessions)", c.Simulation.Trajectories, n)
	}
	tree, err := json.Marshal(p.tree)
	if err != nil {
		return err
	}
	version := "lir"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		version += " " + bi.Main.Version
	}
	p.w, err = pyformat.New(p.Options, pyformat.Run{
		Seats: int(c.Table.NumSeats), StartingBankroll: int64(c.Bankroll.StartingAmount),
		Config: tree, Version: version,
		WinLimit: (*int64)(c.Bankroll.StopConditions.WinLimit), LossLimit: (*int64)(c.Bankroll.StopConditions.LossLimit),
	})
	return err
}

func (p *pyOutput) sink() runner.Sink {
	if p == nil || p.w == nil {
		return nil
	}
	return p.w.Sink()
}

func (p *pyOutput) abort() {
	if p != nil && p.w != nil {
		p.w.Abort()
	}
}

// finish writes the files (ErrInterrupted when ctx ends first).
func (p *pyOutput) finish(ctx context.Context, start, end time.Time) error {
	if p == nil || p.w == nil {
		return nil
	}
	paths, err := p.w.Finish(ctx, start, end)
	if errors.Is(err, pyformat.ErrInterrupted) {
		return errInterrupted
	}
	p.paths = paths
	return err
}

// report writes, when asked, our report under its name and its charts,
// and with verbosity ≥ 1 lists the files written on log.
func (p *pyOutput) report(doc *results.Document, log io.Writer) error {
	if p == nil || p.w == nil {
		return nil
	}
	paths := p.paths
	charts, err := p.w.WriteCharts(doc)
	if err != nil {
		return err
	}
	paths = append(paths, charts...)
	if p.HTML {
		b, err := report.HTML(doc, web.EChartsJS)
		if err != nil {
			return err
		}
		path := filepath.Join(p.Directory, p.Prefix+pyformat.HTMLName)
		if err := outfile.WriteFile(path, b); err != nil {
			return err
		}
		paths = append(paths, path)
	}
	if p.Verbosity >= 1 {
		for _, path := range paths {
			fmt.Fprintf(log, "wrote %s\n", path)
		}
	}
	return nil
}

// sinks runs two sinks on every chunk (either may be nil).
func sinks(a, b runner.Sink) runner.Sink {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	return func(lo, hi int) (sim.Observer, func() error, error) {
		oa, da, err := a(lo, hi)
		if err != nil {
			return nil, nil, err
		}
		ob, db, err := b(lo, hi)
		if err != nil {
			da()
			return nil, nil, err
		}
		return both{oa, ob}, func() error {
			errA, errB := da(), db()
			if errA != nil {
				return errA
			}
			return errB
		}, nil
	}
}

type both [2]sim.Observer

func (o both) Hand(h *sim.HandRecord)       { o[0].Hand(h); o[1].Hand(h) }
func (o both) Session(s *sim.SessionRecord) { o[0].Session(s); o[1].Session(s) }
