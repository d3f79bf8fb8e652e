package pyformat

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// The column lists, written here from reading its analytics/export_csv.py
// (SESSION_RESULT_FIELDS, HAND_RECORD_FIELDS, SEAT_AGGREGATE_FIELDS and the
// three chi-square columns) and simulation/aggregation.py.
func TestFieldListsAreItsOwn(t *testing.T) {
	its := map[string][]string{
		"SESSION_RESULT_FIELDS": {"table_session_id", "seat_number", "outcome", "stop_reason", "hands_played",
			"starting_bankroll", "final_bankroll", "session_profit", "total_wagered", "total_bonus_wagered",
			"peak_bankroll", "max_drawdown", "max_drawdown_pct"},
		"HAND_RECORD_FIELDS": {"hand_id", "session_id", "shoe_id", "cards_player", "cards_community",
			"decision_bet1", "decision_bet2", "final_hand_rank", "base_bet", "bets_at_risk", "main_payout",
			"bonus_bet", "bonus_hand_rank", "bonus_payout", "bankroll_after"},
		"seat aggregate": {"seat_number", "total_rounds", "wins", "losses", "pushes", "win_rate",
			"win_rate_ci_lower", "win_rate_ci_upper", "expected_value", "total_profit",
			"chi_square_statistic", "chi_square_p_value", "is_position_independent"},
	}
	ours := map[string][]string{"SESSION_RESULT_FIELDS": SessionFields, "HAND_RECORD_FIELDS": HandFields, "seat aggregate": SeatFields}
	for name, want := range its {
		if !slices.Equal(ours[name], want) {
			t.Errorf("%s:\n ours %v\n its  %v", name, ours[name], want)
		}
	}
	// The first line of every results/walkaway/*/..._aggregate.csv of its
	// repository (all 51 have this header), without the BOM and CRLF.
	const published = "total_sessions,winning_sessions,losing_sessions,push_sessions,session_win_rate,total_hands,total_wagered,total_won,net_result,expected_value_per_hand,main_wagered,main_won,main_ev_per_hand,bonus_wagered,bonus_won,bonus_ev_per_hand,session_profit_mean,session_profit_std,session_profit_median,session_profit_min,session_profit_max"
	if got := strings.Join(AggregateFields, ","); got != published {
		t.Errorf("aggregate header\n ours %s\n its  %s", got, published)
	}
}

// Floats are spelled as Python's repr: these are the strings Python 3
// prints for the same doubles.
func TestFloatAsPythonRepr(t *testing.T) {
	tenth := 0.1 // a variable: constant arithmetic would be exact
	for _, c := range []struct {
		x    float64
		want string
	}{
		{0, "0.0"}, {500, "500.0"}, {-110, "-110.0"}, {0.355, "0.355"}, {tenth + 2*tenth, "0.30000000000000004"},
		{21036120, "21036120.0"}, {307.5806739745201, "307.5806739745201"}, {1e-4, "0.0001"},
		{1e-5, "1e-05"}, {1.5e-7, "1.5e-07"}, {1e16, "1e+16"}, {9999999999999998, "9999999999999998.0"},
		{1.2345e20, "1.2345e+20"}, {-0.6630499843853014, "-0.6630499843853014"}, {math.Inf(1), "Infinity"},
	} {
		if got := string(appendFloat(nil, c.x)); got != c.want {
			t.Errorf("repr(%v) = %q, want %q", c.x, got, c.want)
		}
	}
	if got := string(appendDollars(nil, -61147000)); got != "-611470.0" {
		t.Errorf("cents -61147000 as dollars: %q", got)
	}
	if got := string(appendDollars(nil, 1235)); got != "12.35" {
		t.Errorf("cents 1235 as dollars: %q", got)
	}
}

// The per-seat figures and the chi-square test reproduce its own
// results/walkaway/multiseat_6_nobonus_tight/..._seat_aggregate.csv from
// that file's counts: the Wilson interval of each seat, the statistic and
// p-value of the test, True.
func TestSeatAggregateReproducesItsFile(t *testing.T) {
	type seat struct {
		wins, losses, pushes uint64
		profitCents          int64
		lo, hi, ev           float64
	}
	its := []seat{
		{32198, 67586, 216, -145644000, 0.3190909843121412, 0.3248826922924629, -14.5644},
		{31942, 67845, 213, -160387500, 0.3165371775089108, 0.3223166957708297, -16.03875},
		{31919, 67866, 215, -150805500, 0.316307738824053, 0.3220861521257193, -15.08055},
		{31961, 67841, 198, -158963500, 0.31672671442373, 0.3225071442590278, -15.89635},
		{32055, 67725, 220, -153940500, 0.31766443148031437, 0.3234493549857918, -15.39405},
		{32053, 67716, 231, -155565500, 0.3176444799132288, 0.3234293080894018, -15.55655},
	}
	var tt totals
	for i, s := range its {
		tt.seats[i+1] = seatTotals{s.wins, s.losses, s.pushes, s.profitCents}
	}
	rows, test := tt.seatStats()
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-13*math.Max(1, math.Abs(b)) }
	for i, r := range rows {
		s := its[i]
		if r.rounds != 100000 || !near(r.lo, s.lo) || !near(r.hi, s.hi) || !near(r.ev, s.ev) || r.winRate != float64(s.wins)/1e5 {
			t.Errorf("seat %d: %+v, its %+v", i+1, r, s)
		}
	}
	if !near(test.stat, 1.6786725516322454) || !near(test.p, 0.8915756237179546) || !test.independent {
		t.Errorf("chi-square %+v, its 1.6786725516322454, 0.8915756237179546, True", test)
	}
	got := string(appendSeatCSV(nil, rows, test))
	last := got[strings.LastIndex(got[:len(got)-2], "\n")+1:]
	if !strings.HasPrefix(last, "SUMMARY,600000,192128,406579,1293,,,,,-9253065.0,1.67867255163224") || !strings.HasSuffix(last, ",True\r\n") {
		t.Errorf("summary row %q", last)
	}
	// Fewer than two seats, or no win: its 0.0, 1.0, True.
	var one totals
	one.seats[1] = seatTotals{wins: 3, losses: 1}
	if _, test := one.seatStats(); test != (independence{0, 1, true}) {
		t.Errorf("one seat: %+v", test)
	}
}

// The median is statistics.median's: the mean of the two middle values
// for an even count.
func TestMedian(t *testing.T) {
	var tt totals
	for _, p := range []int64{-500, 300, 100, 200, -20000, 700} {
		tt.add(&sessionRow{seat: 1, profit: p})
	}
	a := tt.aggregate()
	if a.median != 1.5 || a.min != -200 || a.max != 7 || a.winRate != 4.0/6 {
		t.Errorf("%+v", a)
	}
	tt.add(&sessionRow{seat: 1, profit: 0})
	if a := tt.aggregate(); a.median != 1 || a.push != 1 {
		t.Errorf("odd count: %+v", a)
	}
}
