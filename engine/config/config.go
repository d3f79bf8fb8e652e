package config

// Config is a whole run: SPEC §10's tree. Field tags carry the schema:
// json (the key), doc (its meaning), enum (allowed words), min/max (range;
// money in currency units) and null (a pointer field may be null, meaning
// "not set"). Default() holds the defaults; Decode fills in only the keys a
// file gives.
type Config struct {
	Metadata      Metadata      `json:"metadata" doc:"Free-form description of the study."`
	Simulation    Simulation    `json:"simulation" doc:"How many sessions to run and how to seed them."`
	Table         Table         `json:"table" doc:"Seats at the table and what happens when a seat stops."`
	Dealer        Dealer        `json:"dealer" doc:"Dealer procedure."`
	Deck          Deck          `json:"deck" doc:"Card source."`
	Bankroll      Bankroll      `json:"bankroll" doc:"Each seat's money, bet size and stop conditions."`
	Strategy      Strategy      `json:"strategy" doc:"How bets 1 and 2 are played."`
	BonusStrategy BonusStrategy `json:"bonus_strategy" doc:"When and how much to bet on the Three Card Bonus."`
	Paytables     Paytables     `json:"paytables" doc:"Main-game and bonus paytables."`
	Output        Output        `json:"output" doc:"What the CLI writes when a run ends."`
}

// Metadata describes a study; it does not change results.
type Metadata struct {
	Name        string `json:"name" doc:"Name of the study." max:"200"`
	Description string `json:"description" doc:"What the study is for." max:"5000"`
	Version     string `json:"version" doc:"Version of the study." max:"100"`
	Author      string `json:"author" doc:"Who wrote it." max:"200"`
	Created     string `json:"created" doc:"When it was written (free text, e.g. 2026-11-26)." max:"100"`
}

// Simulation sets the size and seeding of a run.
type Simulation struct {
	NumSessions      int64   `json:"num_sessions" doc:"Table sessions to simulate." min:"1" max:"1000000000"`
	HandsPerSession  int64   `json:"hands_per_session" doc:"Most hands a seat plays in one session (with stop_conditions.max_hands, the smaller wins)." min:"1" max:"10000000"`
	RandomSeed       *uint64 `json:"random_seed" doc:"64-bit master seed (integer or decimal string); null draws one from crypto randomness and reports it." null:"true"`
	Workers          int64   `json:"workers" doc:"Parallel workers; 0 uses every core. Results do not depend on it." min:"0" max:"256"`
	ProgressInterval int64   `json:"progress_interval" doc:"Sessions between progress updates; 0 updates about ten times a second." min:"0" max:"1000000000"`
}

// Table sets the seats at one table.
type Table struct {
	NumSeats    int64  `json:"num_seats" doc:"Players at the table; they share the deck and the community cards. Seat 1 is dealt first." min:"1" max:"7"`
	SeatMode    string `json:"seat_mode" doc:"When a seat stops: sit_out (still dealt, as at a real table), leave (not dealt), replace (a new player with a fresh bankroll sits down; the table plays table_rounds rounds)." enum:"sit_out|leave|replace"`
	TableRounds *int64 `json:"table_rounds" doc:"Rounds the table plays in replace mode (required there, unused otherwise)." min:"1" max:"10000000" null:"true"`
}

// Dealer sets the dealer procedure.
type Dealer struct {
	DiscardEnabled bool  `json:"discard_enabled" doc:"The dealer burns discard_cards cards after the seats' cards, before the community cards."`
	DiscardCards   int64 `json:"discard_cards" doc:"Cards burnt when discard_enabled is true." min:"1" max:"29"`
}

// Deck sets the card source.
type Deck struct {
	ShuffleAlgorithm string `json:"shuffle_algorithm" doc:"fisher_yates: Fisher-Yates with the fast xoshiro256++ generator; cryptographic: Fisher-Yates with ChaCha8. Both are seeded and reproducible." enum:"fisher_yates|cryptographic"`
}

// Bankroll sets each seat's money and bets.
type Bankroll struct {
	StartingAmount Money          `json:"starting_amount" doc:"Each seat's bankroll at the start of a session." min:"0.03" max:"1000000000"`
	BaseBet        Money          `json:"base_bet" doc:"Bet per circle (three circles per hand)." min:"0.01" max:"10000000"`
	TableMin       *Money         `json:"table_min" doc:"Smallest bet per circle the table takes; null: the base bet is the smallest bet." min:"0.01" max:"10000000" null:"true"`
	TableMax       *Money         `json:"table_max" doc:"Largest bet per circle the table takes; null: no maximum." min:"0.01" max:"10000000" null:"true"`
	ChipIncrement  *Money         `json:"chip_increment" doc:"Bets are whole multiples of this; null: one cent." min:"0.01" max:"10000000" null:"true"`
	StopConditions StopConditions `json:"stop_conditions" doc:"When a seat's session ends (checked before each hand, in this order)."`
	BettingSystem  BettingSystem  `json:"betting_system" doc:"How the per-circle bet changes from hand to hand."`
}

// StopConditions end a seat's session. They are checked before each hand
// in field order; the last hand may overshoot a limit.
type StopConditions struct {
	WinLimit                *Money   `json:"win_limit" doc:"Stop once session profit ≥ this; null: no win limit." min:"0.01" max:"1000000000" null:"true"`
	LossLimit               *Money   `json:"loss_limit" doc:"Stop once session loss ≥ this; null: no loss limit." min:"0.01" max:"1000000000" null:"true"`
	MaxHands                *int64   `json:"max_hands" doc:"Stop after this many hands (with simulation.hands_per_session, the smaller wins); null: no extra cap." min:"1" max:"10000000" null:"true"`
	MaxDurationMinutes      *float64 `json:"max_duration_minutes" doc:"Stop after this much playing time at hands_per_hour; null: no time limit." min:"0.01" max:"10000000" null:"true"`
	HandsPerHour            float64  `json:"hands_per_hour" doc:"Pace used by max_duration_minutes: a session of M minutes plays at most floor(M × hands_per_hour / 60) hands." min:"1" max:"10000"`
	StopOnInsufficientFunds bool     `json:"stop_on_insufficient_funds" doc:"true: stop when the bankroll cannot cover three minimum bets; false: keep playing smaller bets, down to one chip increment per circle, until even that does not fit."`
}

// BettingSystem sizes the per-circle bet.
type BettingSystem struct {
	Type             string `json:"type" doc:"flat: the base bet every hand." enum:"flat"`
	ProgressionBasis string `json:"progression_basis" doc:"Result that progressions judge a hand won or lost by: main (main game only) or total (main plus bonus)." enum:"main|total"`
}

// Strategy sets how bets 1 and 2 are played.
type Strategy struct {
	Type string `json:"type" doc:"basic: the published chart (optimal for the standard table); optimal: computed exactly for the configured paytable; always_ride, always_pull: baselines." enum:"basic|optimal|always_ride|always_pull"`
	Ties string `json:"ties" doc:"Decisions whose ride and pull EVs are exactly equal: pull or ride (basic and optimal)." enum:"pull|ride"`
}

// BonusStrategy sets the Three Card Bonus bet, placed before any card is
// seen.
type BonusStrategy struct {
	Enabled bool        `json:"enabled" doc:"Bet on the Three Card Bonus at all."`
	Type    string      `json:"type" doc:"never: no bonus bet; always: always.amount every hand; static: static.amount, or static.ratio × the current base bet." enum:"never|always|static"`
	Always  BonusAmount `json:"always" doc:"Parameters of type always."`
	Static  BonusStatic `json:"static" doc:"Parameters of type static."`
	Limits  BonusLimits `json:"limits" doc:"Applied to every bonus type: round down to increment, no bet below min_bet, cap at max_bet."`
}

// BonusAmount is a fixed bonus bet.
type BonusAmount struct {
	Amount Money `json:"amount" doc:"Bonus bet per hand." min:"0.01" max:"10000000"`
}

// BonusStatic is a bonus bet fixed in currency or as a ratio of the bet.
type BonusStatic struct {
	Amount *Money   `json:"amount" doc:"Bonus bet per hand (set this or ratio)." min:"0.01" max:"10000000" null:"true"`
	Ratio  *float64 `json:"ratio" doc:"Bonus bet as a multiple of the current per-circle bet (set this or amount)." min:"0.0001" max:"1000" null:"true"`
}

// BonusLimits bound the bonus bet.
type BonusLimits struct {
	MinBet    *Money `json:"min_bet" doc:"Smallest bonus bet; a smaller one is not placed. null: one cent." min:"0.01" max:"10000000" null:"true"`
	MaxBet    *Money `json:"max_bet" doc:"Largest bonus bet; larger ones are capped. null: no cap." min:"0.01" max:"10000000" null:"true"`
	Increment *Money `json:"increment" doc:"Bonus bets round down to a multiple of this. null: one cent." min:"0.01" max:"10000000" null:"true"`
}

// Paytables selects the main and bonus paytables.
type Paytables struct {
	MainGame MainPaytable  `json:"main_game" doc:"Main-game paytable."`
	Bonus    BonusPaytable `json:"bonus" doc:"Three Card Bonus paytable."`
}

// MainPaytable names a main paytable or gives a custom one.
type MainPaytable struct {
	Type   string     `json:"type" doc:"standard (BGC LIRX-01: 1000/200/50/11/8/5/3/2/1), bgc_lirx02 (500/100/25/15/10/5/3/2/1), bgc_lirx03 (100/50/30/15/9/6/3/2/1) or custom." enum:"standard|bgc_lirx02|bgc_lirx03|custom"`
	Custom MainCustom `json:"custom" doc:"The table used when type is custom: each value pays N to 1 (0 is a push)."`
}

// MainCustom is a custom main paytable, N to 1 per category.
type MainCustom struct {
	RoyalFlush       int64 `json:"royal_flush" doc:"Royal flush pays N to 1." min:"0" max:"1000000"`
	StraightFlush    int64 `json:"straight_flush" doc:"Straight flush pays N to 1." min:"0" max:"1000000"`
	FourOfAKind      int64 `json:"four_of_a_kind" doc:"Four of a kind pays N to 1." min:"0" max:"1000000"`
	FullHouse        int64 `json:"full_house" doc:"Full house pays N to 1." min:"0" max:"1000000"`
	Flush            int64 `json:"flush" doc:"Flush pays N to 1." min:"0" max:"1000000"`
	Straight         int64 `json:"straight" doc:"Straight pays N to 1." min:"0" max:"1000000"`
	ThreeOfAKind     int64 `json:"three_of_a_kind" doc:"Three of a kind pays N to 1." min:"0" max:"1000000"`
	TwoPair          int64 `json:"two_pair" doc:"Two pair pays N to 1." min:"0" max:"1000000"`
	PairTensOrBetter int64 `json:"pair_tens_or_better" doc:"A pair of tens or better pays N to 1." min:"0" max:"1000000"`
}

// BonusPaytable names a bonus paytable or gives a custom one.
type BonusPaytable struct {
	Type        string      `json:"type" doc:"paytable_a (50/40/30/6/3/1), paytable_b (100/40/30/5/4/1), paytable_c (progressive: the jackpot/200/30/6/4/1) or custom." enum:"paytable_a|paytable_b|paytable_c|custom"`
	Custom      BonusCustom `json:"custom" doc:"The table used when type is custom: each value pays N to 1."`
	Progressive Progressive `json:"progressive" doc:"The jackpot of paytable_c. It lives within a session: each session starts at starting_jackpot."`
}

// BonusCustom is a custom bonus paytable, N to 1 per category.
type BonusCustom struct {
	MiniRoyal     int64 `json:"mini_royal" doc:"A-K-Q suited pays N to 1." min:"0" max:"1000000"`
	StraightFlush int64 `json:"straight_flush" doc:"Three-card straight flush pays N to 1." min:"0" max:"1000000"`
	ThreeOfAKind  int64 `json:"three_of_a_kind" doc:"Three of a kind pays N to 1." min:"0" max:"1000000"`
	Straight      int64 `json:"straight" doc:"Three-card straight (A-2-3 counts) pays N to 1." min:"0" max:"1000000"`
	Flush         int64 `json:"flush" doc:"Three-card flush pays N to 1." min:"0" max:"1000000"`
	Pair          int64 `json:"pair" doc:"Any pair pays N to 1." min:"0" max:"1000000"`
}

// Progressive is the jackpot of paytable_c.
type Progressive struct {
	StartingJackpot  Money   `json:"starting_jackpot" doc:"Jackpot at the start of each session." min:"0.01" max:"1000000000"`
	ContributionRate float64 `json:"contribution_rate" doc:"Share of every bonus bet added to the jackpot." min:"0" max:"1"`
	Trigger          string  `json:"trigger" doc:"Hand that wins the whole jackpot (the stake comes back too), whatever the bonus bet." enum:"mini_royal"`
	ResetAmount      Money   `json:"reset_amount" doc:"Jackpot after it is hit." min:"0.01" max:"1000000000"`
}

// Output sets what the CLI writes at the end of a run.
type Output struct {
	Directory string  `json:"directory" doc:"Folder the result files go in (created if missing)." max:"1000"`
	Prefix    string  `json:"prefix" doc:"Start of each result file's name." max:"200"`
	Formats   Formats `json:"formats" doc:"Which files to write."`
	Console   bool    `json:"console" doc:"Print the summary on the terminal."`
}

// Formats selects result files.
type Formats struct {
	JSON bool `json:"json" doc:"PREFIXresults.json: the results document (docs/RESULTS.md)."`
	CSV  bool `json:"csv" doc:"PREFIXsummary.csv (one row of aggregate figures) and PREFIXseats.csv (one row per seat)."`
}

// Default returns the defaults every config starts from: a $500 bankroll,
// $5 base bet, stop at +$250 / −$200 / 200 hands, basic strategy, no
// bonus, 10,000 sessions.
func Default() *Config {
	win, loss := Money(25000), Money(20000)
	return &Config{
		Simulation: Simulation{NumSessions: 10000, HandsPerSession: 200},
		Table:      Table{NumSeats: 1, SeatMode: "sit_out"},
		Dealer:     Dealer{DiscardCards: 3},
		Deck:       Deck{ShuffleAlgorithm: "fisher_yates"},
		Bankroll: Bankroll{
			StartingAmount: 50000, BaseBet: 500,
			StopConditions: StopConditions{WinLimit: &win, LossLimit: &loss, HandsPerHour: 60, StopOnInsufficientFunds: true},
			BettingSystem:  BettingSystem{Type: "flat", ProgressionBasis: "main"},
		},
		Strategy:      Strategy{Type: "basic", Ties: "pull"},
		BonusStrategy: BonusStrategy{Type: "never", Always: BonusAmount{Amount: 100}},
		Paytables: Paytables{
			MainGame: MainPaytable{Type: "standard", Custom: MainCustom{1000, 200, 50, 11, 8, 5, 3, 2, 1}},
			Bonus: BonusPaytable{Type: "paytable_b", Custom: BonusCustom{100, 40, 30, 5, 4, 1},
				Progressive: Progressive{StartingJackpot: 1000000, ContributionRate: 0.15, Trigger: "mini_royal", ResetAmount: 1000000}},
		},
		Output: Output{Directory: "results", Prefix: "lir_", Console: true},
	}
}

// Study returns the default study: Default() with a name and description,
// what the CLI and the page run when given no config.
func Study() *Config {
	c := Default()
	c.Metadata = Metadata{Name: "Default study", Description: "Basic strategy, flat $5 bets, walk away at +$250 or -$200 or after 200 hands."}
	return c
}
