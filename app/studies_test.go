package app

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/lir-lab/lir/app/wire"
	"github.com/lir-lab/lir/engine/configyaml"
	"github.com/lir-lab/lir/engine/report"
	lirstudy "github.com/lir-lab/lir/engine/study"
)

// studyFilesIn reads the files of a folder as the page's file input gives
// them: each named by its path within the folder picked.
func studyFilesIn(t *testing.T, dir string) []pickedFile {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []pickedFile
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, pickedFile{Name: filepath.Base(dir) + "/" + e.Name(), Data: data})
	}
	return out
}

// progressive is a study the exact engine does not cover: its jackpot
// grows with every bonus bet.
const progressive = `metadata: {name: Progressive jackpot}
simulation: {num_sessions: 500}
bonus_strategy: {enabled: true, type: always, always: {amount: 1}}
paytables: {bonus: {type: paytable_c}}
`

// nativeStudy is lir study's document for the files, sessions and seed:
// engine/study run natively on each file as lir reads it.
func nativeStudy(t *testing.T, files []pickedFile, sessions int64, seed uint64) *lirstudy.Document {
	t.Helper()
	doc := &lirstudy.Document{Rows: []*lirstudy.Row{}, Failed: []lirstudy.Failure{}}
	cache := lirstudy.NewCache()
	for _, f := range files {
		c, err := configyaml.Decode(f.Name, f.Data)
		if err != nil {
			doc.Failed = append(doc.Failed, lirstudy.Failure{File: f.Name, Error: lirstudy.LoadError(err, studyLoadHint)})
			continue
		}
		c.Simulation.NumSessions = sessions
		row, err := lirstudy.Run(f.Name, c, seed, lirstudy.Options{Exact: cache})
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		doc.Rows = append(doc.Rows, row)
	}
	lirstudy.Rank(doc.Rows)
	return doc
}

// A study of a folder — a config of this lab's form, one in the Python
// tool's, a broken one and one the exact engine does not cover — run in
// the workers (two simulation workers and the exact worker, in process)
// gives lir study's document for the same sessions and seed, row for row
// and figure for figure (engine/study run natively is the truth), the
// broken file listed with its problem and the rest run; the panel shows
// the table of report.StudyCells, the notes and the ranking chart.
func TestPageStudyOfManyConfigs(t *testing.T) {
	p, ps, e := testPage(t)
	p.ctx.NewActionWithValue(actionWorkers, "2")
	files := append(studyFilesIn(t, "testdata/study"), pickedFile{Name: "study/d_progressive.yaml", Data: []byte(progressive)})
	p.ctx.NewActionWithValue(actionStudyFiles, studyPick{Files: files, Folder: true})
	e.ConsumeAll()
	f := p.lab.studyFiles
	if len(f.Files) != 4 || f.Loaded() != 3 || f.Files[1].Err == "" || f.Files[1].Name != "study/b_broken.yaml" {
		t.Fatalf("files picked: %+v", f.Files)
	}
	html := goapp.HTMLString(p)
	if list := text(between(html, `id="study-file-list"`, "</ul>")); !strings.Contains(list, "study/b_broken.yaml — does not load: simulation.num_sessions: -3 is not allowed") ||
		!strings.Contains(list, "study/c_python.yaml — loads: Python form") || strings.Contains(list, "README") {
		t.Errorf("the files listed: %s", list)
	}

	p.ctx.NewActionWithValue(actionStudyRun, studyOptions{Sessions: "300", Seed: "5"})
	e.ConsumeAll()
	s := p.lab.studies
	if s.Status != done || s.Data == nil {
		t.Fatalf("study state %v %v (run %v %v)", s.Status, s.Err, p.lab.jobState.Status, p.lab.jobState.Err)
	}
	var configFiles []pickedFile // a folder's other files are left out, as lir study leaves them
	for _, f := range files {
		if isConfigFile(f.Name) {
			configFiles = append(configFiles, f)
		}
	}
	wantDoc := nativeStudy(t, configFiles, 300, 5)
	got, _ := s.Data.Doc.JSON()
	wantJSON, _ := wantDoc.JSON()
	if string(got) != string(wantJSON) {
		t.Errorf("the page's study differs from lir study's:\n%s\nwant\n%s", got, wantJSON)
	}
	noExact := 0
	for _, r := range wantDoc.Rows {
		if r.PWinExact == nil && r.ExactOmitted != "" {
			noExact++
		}
	}
	if len(wantDoc.Rows) != 3 || len(wantDoc.Failed) != 1 || noExact != 1 {
		t.Fatalf("the truth is not the study meant: %d rows (%d without exact figures), %d failed", len(wantDoc.Rows), noExact, len(wantDoc.Failed))
	}
	// Every config ran on the pool in ranges, the exact answers in the
	// exact worker.
	runs := map[string]bool{}
	for _, r := range ps.sim().sent {
		runs[r.Config] = true
	}
	if len(runs) != 3 {
		t.Errorf("%d configs simulated on the pool, want 3", len(runs))
	}

	html = goapp.HTMLString(p)
	table := between(html, `id="study-table"`, "</table>")
	for _, r := range wantDoc.Rows {
		for _, cell := range report.StudyCells(r) {
			if !strings.Contains(text(table), cell) {
				t.Errorf("the table lacks the cell %q", cell)
			}
		}
	}
	notes := text(between(html, `id="study-notes"`, "</ul>"))
	for _, want := range []string{"study/b_broken.yaml: not run: simulation.num_sessions", "study/d_progressive.yaml: no exact figures:"} {
		if !strings.Contains(notes, want) {
			t.Errorf("the notes lack %q: %s", want, notes)
		}
	}
	if !strings.Contains(html, `id="chart-ranking"`) || s.Data.Chart.Height != 100+34*3 {
		t.Error("no ranking chart of three rows")
	}
	if st := text(between(html, `id="study-status"`, "</p>")); !strings.HasSuffix(st, "Done") || !strings.Contains(st, "Ranked 3 configs; 1 file did not run") {
		t.Errorf("the study's status: %s", st)
	}
}

// Sessions and a seed out of lir study's bounds are refused with the
// reason; while a study runs its panel says which config is on the pool;
// Cancel stops it, its partial figures dropped and the last study kept; a
// worker that fails on a config fails that config alone.
func TestPageStudyCancelAndWorkerError(t *testing.T) {
	p, ps, e := testPage(t)
	files := studyFilesIn(t, "testdata/study")
	p.ctx.NewActionWithValue(actionStudyFiles, studyPick{Files: files, Folder: true})
	e.ConsumeAll()
	p.ctx.NewActionWithValue(actionStudyRun, studyOptions{Sessions: "200"})
	e.ConsumeAll()
	first := p.lab.studies.Data
	if p.lab.studies.Status != done || first == nil {
		t.Fatalf("the first study: %v %v", p.lab.studies.Status, p.lab.studies.Err)
	}

	// lir study's bounds on --sessions and --seed.
	for _, o := range []studyOptions{{Sessions: "0"}, {Sessions: "2e3"}, {Seed: "-1"}} {
		p.ctx.NewActionWithValue(actionStudyRun, o)
		e.ConsumeAll()
		if s := p.lab.studies; s.Status != failed || s.Data != first || p.lab.jobState.Status == working {
			t.Fatalf("options %+v: %v %v", o, s.Status, s.Err)
		}
	}
	if st := html.UnescapeString(text(between(goapp.HTMLString(p), `id="study-status"`, "</p>"))); !strings.Contains(st, `Failed: seed: "-1" is not allowed`) {
		t.Errorf("the status after a bad seed: %s", st)
	}

	ps.sim().hold = true
	p.ctx.NewActionWithValue(actionStudyRun, studyOptions{Sessions: "200"})
	e.ConsumeAll()
	html := goapp.HTMLString(p)
	if st := text(between(html, `id="study-status"`, "</p>")); !strings.Contains(st, "Config 1 of 2, study/a_tight.yaml: 0 of 200 sessions played") {
		t.Errorf("the status while the first config runs: %s", st)
	}
	if !strings.Contains(html, `id="study-progress"`) || !strings.Contains(html, "Figures of the last study") {
		t.Errorf("no progress bar, or the last study is not kept in view: %s", between(html, `id="study-status"`, "</table>"))
	}
	p.ctx.NewAction(actionCancel)
	e.ConsumeAll()
	if s := p.lab.studies; s.Status != cancelled || s.Data != first || p.lab.studyJob != nil || p.lab.exact.keep != nil {
		t.Fatalf("after Cancel: %v, last kept %v", s.Status, s.Data == first)
	}

	// The first config's worker fails: that config does not run, the
	// second does.
	ps.sim().hold = true
	p.ctx.NewActionWithValue(actionStudyRun, studyOptions{Sessions: "200", Seed: "3"})
	e.ConsumeAll()
	ps.sim().held, ps.sim().hold = nil, false
	ps.sim().onReply(ps.sim().gens[0], WorkerEvent{Worker: 0, Reply: wire.Reply{Kind: wire.KindError, Message: "engine: broken"}})
	e.ConsumeAll()
	s := p.lab.studies
	if s.Status != done || len(s.Data.Doc.Rows) != 1 || len(s.Data.Doc.Failed) != 2 ||
		s.Data.Doc.Failed[0].File != "study/a_tight.yaml" || !strings.Contains(s.Data.Doc.Failed[0].Error, "engine: broken") {
		t.Fatalf("after a worker's error: %v, %+v", s.Status, s.Data.Doc)
	}
}
