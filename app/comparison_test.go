package app

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/lir-lab/lir/app/wire"
	"github.com/lir-lab/lir/engine/compare"
	"github.com/lir-lab/lir/engine/config"
)

// testdata/compare.json is `lir compare --json --sessions 500` of the basic,
// aggressive and conservative presets.
func TestParseComparison(t *testing.T) {
	data, err := os.ReadFile("testdata/compare.json")
	if err != nil {
		t.Fatal(err)
	}
	v, err := parseComparison(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Configs) != 3 || len(v.Pairs) != 3 {
		t.Fatalf("%d configs, %d pairs", len(v.Configs), len(v.Pairs))
	}
	if got := v.Pairs[0]; got[0] != "Basic strategy − Aggressive strategy" || len(got) != len(comparisonPairHead) {
		t.Errorf("first pair %q", got)
	}
	if got := v.Configs[0][2]; got != "31.60% (27.68% – 35.80%)" {
		t.Errorf("win rate cell %q", got)
	}
	if _, err := parseComparison([]byte(`{"schema_version":2,"seed":"1"}`)); err == nil || !strings.Contains(err.Error(), "lir compare") {
		t.Errorf("a results document was read as a comparison: %v", err)
	}
}

// planComparison names and prepares the configs as lir compare does, and a
// comparison run on fake workers gives the document lir compare builds
// from one process.
func TestCompareRunLikeCLI(t *testing.T) {
	cur := config.Study()
	cur.Strategy.Type = "always_pull"
	cur.Simulation.NumSessions = 300
	seed := uint64(77)
	cur.Simulation.RandomSeed = &seed
	cs, names, gotSeed, sessions, err := planComparison(cur, []string{"basic", "aggressive"}, func() uint64 { t.Fatal("seed drawn"); return 0 })
	if err != nil {
		t.Fatal(err)
	}
	if gotSeed != 77 || sessions != 300 || strings.Join(names, "|") != "Default study|Basic strategy|Aggressive strategy" {
		t.Fatalf("seed %d, sessions %d, names %q", gotSeed, sessions, names)
	}
	if cur.Simulation.NumSessions != 300 || cs[0] == cur {
		t.Fatal("the editor's config was changed or shared")
	}
	for _, c := range cs {
		if c.Simulation.NumSessions != 300 || *c.Simulation.RandomSeed != 77 || c.Simulation.Workers != 0 {
			t.Fatalf("config not prepared: %+v", c.Simulation)
		}
	}
	cmp, err := compare.New(cs)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := compare.Build(cs, names, 77, cmp.RunParallel(77, 0, 300, 2, nil)).JSON()
	r := NewCompareRun(cs, names, 77, 300, 3, time.Now())
	done := drive(t, r, 3, func(w int, msg wire.Request) WorkerEvent { return fakeCompareWorker(t, cmp, w, msg) })
	if !done {
		t.Fatal("comparison not done after every result")
	}
	got, _ := compare.Build(r.Compare.Configs, r.Compare.Names, r.Seed, r.MergedCompare).JSON()
	if string(got) != string(want) {
		t.Fatal("the page's comparison differs from one process's")
	}

	if _, _, _, _, err := planComparison(nil, []string{"basic"}, nil); err == nil {
		t.Error("one config was accepted for a comparison")
	}
	_, names, _, _, _ = planComparison(nil, []string{"basic", "basic"}, func() uint64 { return 1 })
	if names[1] != "Basic strategy (basic.yaml)" {
		t.Errorf("duplicate label %q", names[1])
	}
}

func fakeCompareWorker(t *testing.T, cmp *compare.Comparer, w int, msg wire.Request) WorkerEvent {
	if msg.Kind != wire.KindCompare || len(msg.Configs) != 3 {
		t.Fatalf("%s message with %d configs", msg.Kind, len(msg.Configs))
	}
	b, err := wire.EncodeCompare(cmp.Run(msg.Seed, msg.From, msg.To))
	if err != nil {
		t.Fatal(err)
	}
	return WorkerEvent{Worker: w, Reply: wire.Reply{Kind: wire.KindResult, From: msg.From, To: msg.To, Aggregate: b}}
}
