package app

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/report"
	"github.com/lir-lab/lir/engine/results"
	"github.com/lir-lab/lir/engine/sim"
	lirstudy "github.com/lir-lab/lir/engine/study"
)

// A study, as lir study runs one (docs/STUDY.md): many config files, each
// simulated on the worker pool with its own sessions and seed and solved
// by the exact worker, ranked in one table (engine/study) with its chart
// (engine/report).

// pickedFile is a file the user picked for a study: its name (its path
// within a picked folder) and its bytes, or why it could not be read.
type pickedFile struct {
	Name string
	Data []byte
	Err  string
}

// studyPick is what the studies panel hands over: the files picked, and
// whether they are a folder's (whose files other than .yaml, .yml and
// .json are left out, as lir study does with a folder).
type studyPick struct {
	Files  []pickedFile
	Folder bool
}

// studyFile is a picked file as a study takes it: its config (canonical,
// as lir reads the file), or why it does not load.
type studyFile struct {
	Name    string
	Config  *config.Config
	Err     string
	Reading bool // in the config tools
}

// studyFiles are the files picked for the next study, in name order.
type studyFiles struct {
	Files []studyFile
	// Folder is set when none of a folder's files is a config.
	Folder string
	gen    int // which pick; replies of an older one are dropped
}

// Reading counts the files still being read.
func (f studyFiles) Reading() int {
	n := 0
	for _, x := range f.Files {
		if x.Reading {
			n++
		}
	}
	return n
}

// Loaded counts the files whose config loaded.
func (f studyFiles) Loaded() int {
	n := 0
	for _, x := range f.Files {
		if x.Config != nil {
			n++
		}
	}
	return n
}

// studyOptions are lir study's --sessions and --seed as typed ("": each
// file's own).
type studyOptions struct {
	Sessions string
	Seed     string
}

// studyOutcome is a finished study as the panel shows it: the document of
// lir study --json, the table's cells, its notes, the ranking chart and
// the downloads.
type studyOutcome struct {
	Doc     *lirstudy.Document
	Cells   [][]string // report.StudyCells of each row
	Notes   []string   // study.Document.Notes
	Chart   *report.Chart
	JSONURL string
	CSVURL  string
	Elapsed time.Duration
}

// studyRun is a study in flight: its configs in file order, the one on the
// pool, and each config's row as its figures come in.
type studyRun struct {
	configs []*studyConfig
	next    int // the config on the pool (len(configs): all simulated)
}

// studyConfig is one config of a study: the file's config with the seed and
// sessions it runs with, and its row (simulated figures first, then the
// exact ones) or why it did not run. Loading failures are studyConfigs
// without a config, so the failures keep the files' order.
type studyConfig struct {
	File   string
	Config *config.Config
	Seed   uint64
	Key    string // its exact key
	Row    *lirstudy.Row
	Err    string
	Done   bool // its row is whole, or it failed
}

// fileOf names the config whose exact key is key.
func (s *studyRun) fileOf(key string) string {
	for _, sc := range s.configs {
		if sc.Key == key {
			return sc.File
		}
	}
	return ""
}

// isConfigFile reports whether a folder's file is a config (lir study's
// rule for a folder).
func isConfigFile(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// studyLoadHint says where to see all of a file's problems.
const studyLoadHint = "import the file in the study editor to see them all"

// onStudyFiles reads the picked files as lir reads files (configyaml, in
// the tools worker: YAML or JSON, ours or the Python tool's, rule
// expressions checked), one after another, each listed with its config or
// its problems.
func (c *coordinator) onStudyFiles(ctx goapp.Context, a goapp.Action) {
	pick, _ := a.Value.(studyPick)
	f := studyFiles{gen: c.studyFiles.gen + 1}
	files := slices.Clone(pick.Files)
	// sort's, not slices': the page links it already (study.Rank).
	sort.SliceStable(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	var read []int // the index in files of each file f.Files lists, for those to read
	for k, p := range files {
		if pick.Folder && !isConfigFile(p.Name) {
			continue
		}
		sf := studyFile{Name: p.Name, Reading: p.Err == ""}
		if p.Err != "" {
			sf.Err = "could not be read: " + p.Err
		}
		f.Files = append(f.Files, sf)
		read = append(read, k)
	}
	if pick.Folder && len(f.Files) == 0 && len(files) > 0 {
		f.Folder = "no .yaml, .yml or .json file in this folder"
	}
	c.studyFiles = f
	ctx.SetState(stateStudyFiles, c.studyFiles)
	for i, k := range read {
		if !f.Files[i].Reading {
			continue
		}
		callTools(toolsDecode, files[k].Name, string(files[k].Data), func(r toolsReply) {
			ctx.Dispatch(func(goapp.Context) { c.studyFileRead(f.gen, i, r) })
		})
	}
}

// studyFileRead takes the config tools' reading of file i of pick gen.
func (c *coordinator) studyFileRead(gen, i int, r toolsReply) {
	if gen != c.studyFiles.gen || i < 0 || i >= len(c.studyFiles.Files) {
		return
	}
	files := slices.Clone(c.studyFiles.Files)
	sf := &files[i]
	sf.Reading = false
	var err error
	switch {
	case r.Err != "" && len(r.Problems) > 0:
		err = r.Problems
	case r.Err != "":
		err = errors.New(r.Err)
	default:
		sf.Config, err = config.DecodeJSON([]byte(r.Text))
	}
	if err != nil {
		sf.Config, sf.Err = nil, lirstudy.LoadError(err, studyLoadHint)
	}
	c.studyFiles.Files = files
	c.ctx.SetState(stateStudyFiles, c.studyFiles)
}

// parseStudyOptions reads lir study's --sessions and --seed as typed.
func parseStudyOptions(o studyOptions) (sessions int64, seed *uint64, err error) {
	if t := strings.TrimSpace(o.Sessions); t != "" {
		n, err := strconv.ParseInt(t, 10, 64)
		if err != nil || n < 1 || n > 1e9 {
			return 0, nil, fmt.Errorf("sessions per config: %q is not allowed; give a whole number from 1 to 1,000,000,000, or nothing for each file's own", t)
		}
		sessions = n
	}
	if t := strings.TrimSpace(o.Seed); t != "" {
		s, err := strconv.ParseUint(t, 10, 64)
		if err != nil {
			return 0, nil, fmt.Errorf("seed: %q is not allowed; give a whole number from 0 to 18446744073709551615, or nothing for each file's own", t)
		}
		seed = &s
	}
	return sessions, seed, nil
}

// onStudyRun runs the study of the files picked, as lir study does: each
// config with the sessions and seed given (else its own; a config without
// a seed gets a drawn one), simulated on the pool one after another, while
// the exact worker solves them in turn.
func (c *coordinator) onStudyRun(ctx goapp.Context, a goapp.Action) {
	opts, _ := a.Value.(studyOptions)
	if !c.canStart() || c.studyFiles.Reading() > 0 || c.studyFiles.Loaded() == 0 {
		return
	}
	sessions, seed, err := parseStudyOptions(opts)
	if err != nil {
		c.studies = c.studies.fail(err)
		ctx.SetState(stateStudies, c.studies)
		return
	}
	s := &studyRun{}
	x := &c.exact
	x.keep = map[string]bool{}
	for _, f := range c.studyFiles.Files {
		sc := &studyConfig{File: f.Name, Err: f.Err, Done: f.Config == nil}
		s.configs = append(s.configs, sc)
		if f.Config == nil {
			continue
		}
		cfg := f.Config.Clone()
		if sessions > 0 {
			cfg.Simulation.NumSessions = sessions
		}
		switch {
		case seed != nil:
			sc.Seed = *seed
		case cfg.Simulation.RandomSeed != nil:
			sc.Seed = *cfg.Simulation.RandomSeed
		default:
			sc.Seed = drawSeed()
		}
		cfg.Simulation.RandomSeed = &sc.Seed
		cfg.Simulation.Workers = 0
		sc.Config, sc.Key = cfg, exactKey(cfg)
		x.keep[sc.Key] = true
	}
	// The exact worker solves them in file order while the pool simulates.
	for _, sc := range s.configs {
		if sc.Config != nil {
			x.ask(c, exactRequest(sc.Key))
		}
	}
	c.studyJob = s
	c.studies = c.studies.start(c.now())
	ctx.SetState(stateStudies, c.studies)
	s.next = -1
	c.startJob(nil, &runJob{Study: true, Configs: c.studyFiles.Loaded()})
	c.nextStudyConfig()
}

// nextStudyConfig puts the study's next config on the pool, or, once all
// are simulated, waits for the exact figures still to come.
func (c *coordinator) nextStudyConfig() {
	s, j := c.studyJob, c.jobState.Data
	for s.next++; s.next < len(s.configs) && s.configs[s.next].Config == nil; s.next++ {
	}
	if s.next == len(s.configs) {
		c.studyAnswered()
		return
	}
	sc := s.configs[s.next]
	sessions := int(sc.Config.Simulation.NumSessions)
	j.Current++
	j.File, j.Seed, j.Sessions, j.ConfigStarted = sc.File, sc.Seed, sessions, c.now()
	c.setRun(NewRun(sc.Config, sc.Seed, sessions, c.workers.N, c.now()))
	c.publishRun()
}

// studyConfigPlayed takes the config whose sessions are all played: its
// simulated row, as lir study builds it (the exactness check of the sums,
// the results document, lirstudy.FromDocument).
func (c *coordinator) studyConfigPlayed() {
	s, r := c.studyJob, c.job
	sc := s.configs[s.next]
	if err := sim.CheckRun(r.Config, r.Merged); err != nil {
		sc.Err, sc.Done = err.Error(), true
	} else {
		sc.Row = lirstudy.FromDocument(sc.File, r.Config, results.Build(r.Config, r.Seed, r.Merged))
	}
	c.job = nil
	c.jobState.Data.Simulated++
	c.studyAnswered()
	if c.studyJob != nil {
		c.nextStudyConfig()
	}
}

// studyConfigFailed records why the config on the pool did not run (a
// worker's error) and goes on with the next on fresh workers.
func (c *coordinator) studyConfigFailed(err error) {
	sc := c.studyJob.configs[c.studyJob.next]
	sc.Err, sc.Done = err.Error(), true
	c.stopWorkers()
	c.jobState.Data.Simulated++
	c.nextStudyConfig()
}

// studyAnswered completes the rows whose exact answers are in, as lir
// study does: the exact session where the engine covers the config, else
// why not; a config whose exact play fails does not run. The study ends
// when every row is whole.
func (c *coordinator) studyAnswered() {
	s, j := c.studyJob, c.jobState.Data
	if s == nil || c.jobState.Status != working {
		return
	}
	waiting := 0
	for _, sc := range s.configs {
		if sc.Done || sc.Row == nil {
			continue
		}
		a, ok := c.exact.cache[sc.Key]
		switch {
		case !ok:
			waiting++
			continue
		case a.Error != "":
			sc.Err = a.Error
		case a.Session != nil:
			x := a.Session
			sc.Row.SetExact(lirstudy.Exact{PWin: x.PWin, PPush: x.PPush, PLoss: x.PLoss,
				MeanProfit: x.ExpectedProfit, SDProfit: x.SDProfit, Hands: x.ExpectedHands, Truncated: x.Truncated})
		case a.SessionNote != "":
			sc.Row.ExactOmitted = a.SessionNote
		default:
			sc.Row.ExactOmitted = a.Omitted
		}
		sc.Done = true
	}
	j.Waiting = waiting
	if s.next < len(s.configs) {
		return // configs still to simulate
	}
	if waiting > 0 {
		if j.Played.IsZero() {
			j.Played = c.now()
		}
		c.publishRun()
		return
	}
	c.finishStudy()
}

// finishStudy ranks the rows and shows the study: its table, notes, chart
// and downloads (lir study's JSON and CSV).
func (c *coordinator) finishStudy() {
	s, j := c.studyJob, c.jobState.Data
	doc := &lirstudy.Document{Rows: []*lirstudy.Row{}, Failed: []lirstudy.Failure{}}
	for _, sc := range s.configs {
		if sc.Err != "" {
			doc.Failed = append(doc.Failed, lirstudy.Failure{File: sc.File, Error: sc.Err})
		} else {
			doc.Rows = append(doc.Rows, sc.Row)
		}
	}
	lirstudy.Rank(doc.Rows)
	data, err := doc.JSON()
	if err != nil {
		c.fail(fmt.Errorf("building the study document: %v", err))
		return
	}
	elapsed := c.now().Sub(j.Started)
	o := &studyOutcome{Doc: doc, Notes: doc.Notes(), Chart: report.StudyChart(doc), Elapsed: elapsed}
	for _, r := range doc.Rows {
		o.Cells = append(o.Cells, report.StudyCells(r))
	}
	var old studyOutcome
	if c.studies.Data != nil {
		old = *c.studies.Data
	}
	o.JSONURL = objectURL(old.JSONURL, data, "application/json")
	o.CSVURL = objectURL(old.CSVURL, doc.CSV(), "text/csv")
	c.studyJob = nil
	c.exact.keep = nil
	c.studies = answered(o)
	c.ctx.SetState(stateStudies, c.studies)
	c.jobState.Status = done
	notRun := ""
	if n := len(doc.Failed); n > 0 {
		notRun = fmt.Sprintf("; %d %s did not run", n, plural(n, "file", "files"))
	}
	j.Summary = fmt.Sprintf("Ranked %d %s%s, in %.2f s on %d workers. Done", len(doc.Rows), plural(len(doc.Rows), "config", "configs"),
		notRun, elapsed.Seconds(), c.workers.N)
	c.publishRun()
}

// endStudy ends a study cancelled or failed: its figures so far are
// dropped, the last study shown stays.
func (c *coordinator) endStudy(s status, err error) {
	c.studyJob = nil
	c.exact.keep = nil
	c.studies = async[*studyOutcome]{Status: s, Err: err, Data: c.studies.Data}
	c.ctx.SetState(stateStudies, c.studies)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
