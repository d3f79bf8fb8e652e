package pyformat

// The columns of the Python tool's files, in its order (its
// analytics/export_csv.py, simulation/aggregation.py and
// analytics/chair_position.py).
var (
	// SessionFields are the columns of PREFIX_sessions.csv and the keys of
	// each session_results entry of the JSON (its SESSION_RESULT_FIELDS).
	SessionFields = []string{
		"table_session_id", "seat_number", "outcome", "stop_reason", "hands_played",
		"starting_bankroll", "final_bankroll", "session_profit", "total_wagered",
		"total_bonus_wagered", "peak_bankroll", "max_drawdown", "max_drawdown_pct",
	}
	// HandFields are the columns of PREFIX_hands.csv (its HAND_RECORD_FIELDS).
	HandFields = []string{
		"hand_id", "session_id", "shoe_id", "cards_player", "cards_community",
		"decision_bet1", "decision_bet2", "final_hand_rank", "base_bet", "bets_at_risk",
		"main_payout", "bonus_bet", "bonus_hand_rank", "bonus_payout", "bankroll_after",
	}
	// AggregateFields are the columns of PREFIX_aggregate.csv: its
	// AggregateStatistics fields without the internal session_profits and
	// without the flattened hand_frequencies_*/hand_frequency_pct_*
	// columns, which its run never fills (it writes an empty dictionary,
	// so its files have none either).
	AggregateFields = []string{
		"total_sessions", "winning_sessions", "losing_sessions", "push_sessions",
		"session_win_rate", "total_hands", "total_wagered", "total_won", "net_result",
		"expected_value_per_hand", "main_wagered", "main_won", "main_ev_per_hand",
		"bonus_wagered", "bonus_won", "bonus_ev_per_hand", "session_profit_mean",
		"session_profit_std", "session_profit_median", "session_profit_min",
		"session_profit_max",
	}
	// SeatFields are the columns of PREFIX_seat_aggregate.csv (its
	// SEAT_AGGREGATE_FIELDS and the three of the chi-square summary row).
	SeatFields = []string{
		"seat_number", "total_rounds", "wins", "losses", "pushes", "win_rate",
		"win_rate_ci_lower", "win_rate_ci_upper", "expected_value", "total_profit",
		"chi_square_statistic", "chi_square_p_value", "is_position_independent",
	}
)

// summaryLabel is the seat_number of the seat file's last row.
const summaryLabel = "SUMMARY"

// File names, after PREFIX (its CSVExporter, JSONExporter, HTMLExporter).
const (
	SessionsName      = "_sessions.csv"
	AggregateName     = "_aggregate.csv"
	SeatAggregateName = "_seat_aggregate.csv"
	HandsName         = "_hands.csv"
	JSONName          = "_results.json"
	HTMLName          = "_report.html"
)

// bom is the UTF-8 byte order mark its CSV files start with (encoding
// "utf-8-sig", its default include_bom=True), for Excel.
const bom = "\ufeff"
