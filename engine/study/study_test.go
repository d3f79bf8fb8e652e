package study

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/configyaml"
	"github.com/lir-lab/lir/engine/exact"
	"github.com/lir-lab/lir/engine/sim"
)

func decode(t *testing.T, yaml string) *config.Config {
	t.Helper()
	c, err := configyaml.Decode("test.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

const tight = `
simulation: {num_sessions: 4000, hands_per_session: 200}
bankroll: {starting_amount: 500, base_bet: 5, stop_conditions: {win_limit: 25, loss_limit: 25}}
`

// The exact columns are the exact engine's session result, and the
// simulated columns count the simulated sessions; the check compares them.
func TestRunExactColumns(t *testing.T) {
	c := decode(t, tight)
	row, err := Run("tight.yaml", c, 7, Options{Exact: NewCache()})
	if err != nil {
		t.Fatal(err)
	}
	_, d, err := sim.ExactDistribution(decode(t, tight))
	if err != nil {
		t.Fatal(err)
	}
	res, err := exact.SolveSession(decode(t, tight), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if row.PWinExact == nil || *row.PWinExact != res.PWin || *row.PLossExact != res.PLoss || *row.PPushExact != res.PPush {
		t.Fatalf("exact P(win/loss/push) %v %v %v, solver %v %v %v", row.PWinExact, row.PLossExact, row.PPushExact, res.PWin, res.PLoss, res.PPush)
	}
	if *row.MeanProfitExact != res.ExpectedProfit/100 || *row.HandsExact != res.ExpectedHands {
		t.Fatalf("exact mean profit %v hands %v, solver %v %v", *row.MeanProfitExact, *row.HandsExact, res.ExpectedProfit/100, res.ExpectedHands)
	}
	// sd from the final-bankroll distribution, by its definition.
	var m1, m2 float64
	for _, b := range res.Final {
		x := float64(b.Cents-res.Start) / 100
		m1 += b.P * x
		m2 += b.P * x * x
	}
	if want := math.Sqrt(m2 - m1*m1); math.Abs(*row.SDProfitExact-want) > 1e-9 {
		t.Fatalf("exact sd %v, want %v", *row.SDProfitExact, want)
	}
	if math.Abs(m1-res.ExpectedProfit/100) > 1e-6 {
		t.Fatalf("final distribution mean %v, solver's expected profit %v", m1, res.ExpectedProfit/100)
	}
	if row.PlayerSessions != 4000 || row.Sessions != 4000 {
		t.Fatalf("sessions %d, player sessions %d; want 4000", row.Sessions, row.PlayerSessions)
	}
	if row.PWin+row.PLoss+row.PPush < 0.999999 || row.PWinLo > row.PWin || row.PWinHi < row.PWin {
		t.Fatalf("simulated rates %v %v %v, interval %v–%v", row.PWin, row.PLoss, row.PPush, row.PWinLo, row.PWinHi)
	}
	z := (row.PWin - res.PWin) / math.Sqrt(res.PWin*(1-res.PWin)/4000)
	if row.PWinZ == nil || math.Abs(*row.PWinZ-z) > 1e-12 || row.Within4 == nil || !*row.Within4 {
		t.Fatalf("z %v (want %v), within 4 %v", row.PWinZ, z, row.Within4)
	}
}

// A config the exact engine does not cover has simulated figures, null
// exact ones and the reason.
func TestRunNoExact(t *testing.T) {
	c := decode(t, tight+`
bonus_strategy: {enabled: true, type: always, always: {amount: 1}}
paytables: {bonus: {type: paytable_c}}
`)
	row, err := Run("progressive.yaml", c, 7, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if row.PWinExact != nil || row.Within4 != nil || !strings.Contains(row.ExactOmitted, "jackpot grows") {
		t.Fatalf("exact %v, check %v, omitted %q", row.PWinExact, row.Within4, row.ExactOmitted)
	}
	b, _ := json.Marshal(row)
	var m map[string]any
	json.Unmarshal(b, &m)
	if v, ok := m["p_win_exact"]; !ok || v != nil {
		t.Fatalf("p_win_exact = %v (present %v), want null", v, ok)
	}
}

func ptr(x float64) *float64 { return &x }

// Rank orders by the exact P(win) where there is one, else the simulated
// one, then by mean profit, then file.
func TestRank(t *testing.T) {
	rows := []*Row{
		{File: "a", PWin: 0.9}, // simulated only
		{File: "b", PWin: 0.1, PWinExact: ptr(0.5), MeanProfitExact: ptr(-2)}, // exact 0.5
		{File: "c", PWin: 0.5, MeanProfit: -1},                                // simulated 0.5, better profit
		{File: "d", PWin: 0.2, PWinExact: ptr(0.95)},
	}
	Rank(rows)
	var got []string
	for i, r := range rows {
		got = append(got, r.File)
		if r.Rank != i+1 {
			t.Fatalf("rank %d at %d", r.Rank, i)
		}
	}
	if want := []string{"d", "a", "c", "b"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
}

// The CSV has one column per JSON field, in the JSON's order and names.
func TestCSVColumnsAreJSONFields(t *testing.T) {
	var keys []string
	rt := reflect.TypeOf(Row{})
	for i := range rt.NumField() {
		keys = append(keys, strings.Split(rt.Field(i).Tag.Get("json"), ",")[0])
	}
	if !reflect.DeepEqual(keys, CSVHeader) {
		t.Fatalf("JSON fields\n%v\nCSV header\n%v", keys, CSVHeader)
	}
	d := &Document{Rows: []*Row{{File: "x", PWinExact: ptr(0.25)}}}
	lines := strings.Split(strings.TrimSpace(string(d.CSV())), "\n")
	if len(lines) != 2 || strings.Count(lines[1], ",") != len(CSVHeader)-1 {
		t.Fatalf("CSV\n%s", d.CSV())
	}
}
