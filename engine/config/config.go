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
	Output        Output        `json:"output" doc:"What the CLI writes when a run ends. Share links never carry this section."`
}

// Metadata describes a study; it does not change results. Each field also
// takes a number (files of the Python tool write version: 1.0), kept as the
// text written.
type Metadata struct {
	Name        string `json:"name" doc:"Name of the study." max:"200" number:"text"`
	Description string `json:"description" doc:"What the study is for." max:"5000" number:"text"`
	Version     string `json:"version" doc:"Version of the study; a number such as 1.0 is kept as written (\"1.0\")." max:"100" number:"text"`
	Author      string `json:"author" doc:"Who wrote it." max:"200" number:"text"`
	Created     string `json:"created" doc:"When it was written (free text, e.g. 2026-11-26)." max:"100" number:"text"`
}

// Simulation sets the size and seeding of a run.
type Simulation struct {
	NumSessions      int64   `json:"num_sessions" doc:"Table sessions to simulate." min:"1" max:"1000000000"`
	HandsPerSession  int64   `json:"hands_per_session" doc:"Most hands a seat plays in one session (with stop_conditions.max_hands, the smaller wins)." min:"1" max:"10000000"`
	RandomSeed       *uint64 `json:"random_seed" doc:"64-bit master seed (integer or decimal string); null draws one from crypto randomness and reports it." null:"true"`
	Workers          int64   `json:"workers" doc:"Parallel workers; 0 uses every core. Results do not depend on it." min:"0" max:"256"`
	ProgressInterval int64   `json:"progress_interval" doc:"Sessions between progress updates; 0 updates about ten times a second." min:"0" max:"1000000000"`
	Trajectories     int64   `json:"trajectories" doc:"Keep the bankroll path of every seat in the first K sessions (by index, so the same K paths whatever the workers or shards) for the trajectory chart; 0 keeps none. Long paths are thinned to a bounded number of points, and in replace mode a seat keeps its first 4 players' paths (docs/RESULTS.md)." min:"0" max:"1000"`
}

// Table sets the seats at one table.
type Table struct {
	NumSeats    int64  `json:"num_seats" doc:"Players at the table; they share the deck and the community cards. Seat 1 is dealt first." min:"1" max:"7"`
	SeatMode    string `json:"seat_mode" doc:"When a seat stops: sit_out (still dealt, as at a real table), leave (not dealt), replace (a new player with a fresh bankroll sits down; the table plays the rounds given by table_rounds)." enum:"sit_out|leave|replace"`
	TableRounds *int64 `json:"table_rounds" doc:"Rounds the table plays in replace mode (required there, unused otherwise)." min:"1" max:"10000000" null:"true"`
}

// Dealer sets the dealer procedure.
type Dealer struct {
	DiscardEnabled bool  `json:"discard_enabled" doc:"The dealer burns cards (how many: discard_cards) after the seats' cards, before the community cards."`
	DiscardCards   int64 `json:"discard_cards" doc:"Cards burnt when discard_enabled is true (at least 1 then)." min:"0" max:"29"`
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

// BettingSystem sizes the per-circle bet. Whatever the system asks for is
// rounded down to chip_increment, kept within table_min…table_max, and
// reduced to what the bankroll covers (3 × bet + bonus ≤ bankroll; below
// the minimum the seat stops for insufficient funds).
type BettingSystem struct {
	Type              string            `json:"type" doc:"flat: the base bet every hand; proportional, martingale, reverse_martingale, paroli, dalembert, fibonacci, custom: see their sections." enum:"flat|proportional|martingale|reverse_martingale|paroli|dalembert|fibonacci|custom"`
	ProgressionBasis  string            `json:"progression_basis" doc:"Result that progressions (and the streak and last_result variables) judge a hand won or lost by: main (main game only) or total (main plus bonus). A hand with net 0 is a push and moves no progression." enum:"main|total"`
	Proportional      Proportional      `json:"proportional" doc:"Parameters of type proportional."`
	Martingale        Martingale        `json:"martingale" doc:"Parameters of type martingale."`
	ReverseMartingale ReverseMartingale `json:"reverse_martingale" doc:"Parameters of type reverse_martingale."`
	Paroli            Paroli            `json:"paroli" doc:"Parameters of type paroli."`
	Dalembert         Dalembert         `json:"dalembert" doc:"Parameters of type dalembert."`
	Fibonacci         Fibonacci         `json:"fibonacci" doc:"Parameters of type fibonacci."`
	Custom            BetExpression     `json:"custom" doc:"Parameters of type custom."`
}

// Proportional bets a share of the current bankroll.
type Proportional struct {
	BankrollPercentage float64 `json:"bankroll_percentage" doc:"Per-circle bet as a percentage of the bankroll before the hand (2 means 2%)." min:"0.01" max:"33.33"`
	MinBet             *Money  `json:"min_bet" doc:"Smallest per-circle bet, at least the table minimum (table_min, else base_bet; lower table_min for smaller bets); null: the table minimum." min:"0.01" max:"10000000" null:"true"`
	MaxBet             *Money  `json:"max_bet" doc:"Largest per-circle bet, at least the table minimum; null: table_max or none." min:"0.01" max:"10000000" null:"true"`
	RoundTo            *Money  `json:"round_to" doc:"The bet is rounded down to a multiple of this; null: chip_increment (one cent when that is null)." min:"0.01" max:"10000000" null:"true"`
}

// Martingale raises the bet after losses.
type Martingale struct {
	LossMultiplier    float64 `json:"loss_multiplier" doc:"After a loss the next bet is the last one × this (rounded down to the chip increment, capped at max_bet and table_max)." min:"1" max:"100"`
	ResetOnWin        bool    `json:"reset_on_win" doc:"true: a win returns to the base bet; false: a win keeps the current bet."`
	MaxBet            *Money  `json:"max_bet" doc:"Cap on the progression's bet; null: table_max or none." min:"0.01" max:"10000000" null:"true"`
	MaxProgressions   *int64  `json:"max_progressions" doc:"After this many raises in a row, the next loss does what at_max_progressions says; null: no limit on raises." min:"1" max:"1000" null:"true"`
	AtMaxProgressions string  `json:"at_max_progressions" doc:"After max_progressions raises in a row, the next loss: reset returns to the base bet (the player accepts the loss); hold keeps the bet where it is until a win (the Python tool's martingale)." enum:"reset|hold"`
}

// ReverseMartingale raises the bet after wins.
type ReverseMartingale struct {
	WinMultiplier      float64 `json:"win_multiplier" doc:"After a win the next bet is the last one × this (rounded down to the chip increment, capped)." min:"1" max:"100"`
	ResetOnLoss        bool    `json:"reset_on_loss" doc:"true: a loss returns to the base bet; false: a loss keeps the current bet (and ends the win streak)."`
	ProfitTargetStreak *int64  `json:"profit_target_streak" doc:"After this many wins in a row, return to the base bet and keep the profit; null: never." min:"1" max:"1000" null:"true"`
	MaxBet             *Money  `json:"max_bet" doc:"Cap on the progression's bet; null: table_max or none." min:"0.01" max:"10000000" null:"true"`
}

// Paroli is a positive progression with a fixed streak length.
type Paroli struct {
	WinMultiplier   float64 `json:"win_multiplier" doc:"After a win the next bet is the last one × this (rounded down to the chip increment, capped)." min:"1" max:"100"`
	WinsBeforeReset int64   `json:"wins_before_reset" doc:"After this many wins in a row, return to the base bet. A loss always returns to it." min:"1" max:"1000"`
	MaxBet          *Money  `json:"max_bet" doc:"Cap on the progression's bet; null: table_max or none." min:"0.01" max:"10000000" null:"true"`
}

// Dalembert adds a unit after a loss and removes one after a win.
type Dalembert struct {
	Unit         *Money `json:"unit" doc:"Added to the bet after a loss; null: base_bet." min:"0.01" max:"10000000" null:"true"`
	DecreaseUnit *Money `json:"decrease_unit" doc:"Taken off the bet after a win; null: unit." min:"0.01" max:"10000000" null:"true"`
	MinBet       *Money `json:"min_bet" doc:"The bet never falls below this (at most base_bet, at least the table minimum); null: base_bet." min:"0.01" max:"10000000" null:"true"`
	MaxBet       *Money `json:"max_bet" doc:"The bet never rises above this; null: table_max or none." min:"0.01" max:"10000000" null:"true"`
}

// Fibonacci bets unit × the Fibonacci number of its position.
type Fibonacci struct {
	Unit          *Money `json:"unit" doc:"Bet at positions 1 and 2 (F = 1, 1, 2, 3, 5, 8, …), at least the table minimum (table_min, else base_bet; lower table_min for a smaller unit); null: base_bet." min:"0.01" max:"10000000" null:"true"`
	WinRegression int64  `json:"win_regression" doc:"Positions moved back after a win (at least to position 1); a loss moves one forward." min:"1" max:"90"`
	MaxBet        *Money `json:"max_bet" doc:"Cap on the bet, at least the table minimum; null: table_max or none." min:"0.01" max:"10000000" null:"true"`
	MaxPosition   *int64 `json:"max_position" doc:"Highest position; further losses stay there. null: 90." min:"1" max:"90" null:"true"`
}

// BetExpression sizes the bet with an expression.
type BetExpression struct {
	Expression string `json:"expression" doc:"Per-circle bet in currency units, an expression over the session variables (not card variables: the bet is placed before any card is seen); see Expressions below." max:"1000"`
	MinBet     *Money `json:"min_bet" doc:"Smallest bet, at least the table minimum (table_min, else base_bet; lower table_min for smaller bets); smaller values (and values that are not numbers) bet this. null: the table minimum." min:"0.01" max:"10000000" null:"true"`
	MaxBet     *Money `json:"max_bet" doc:"Largest bet, at least the table minimum; null: table_max or none." min:"0.01" max:"10000000" null:"true"`
}

// Strategy sets how bets 1 and 2 are played.
type Strategy struct {
	Type         string         `json:"type" doc:"basic: the published chart (optimal for the standard table); optimal: computed exactly for the configured paytable; always_ride, always_pull: baselines; conservative, aggressive, custom: see their sections; goal_optimal: each decision, and whether to place the configured bonus bet, chosen in every state of the session to make the session's goal most likely (see goal_optimal)." enum:"basic|optimal|always_ride|always_pull|conservative|aggressive|custom|goal_optimal"`
	Ties         string         `json:"ties" doc:"Decisions whose ride and pull EVs are exactly equal: pull or ride (basic, optimal, aggressive, and goal_optimal's equally good choices)." enum:"pull|ride"`
	Conservative Conservative   `json:"conservative" doc:"Parameters of type conservative: ride only strong hands, by the hand-strength scale."`
	Aggressive   Aggressive     `json:"aggressive" doc:"Parameters of type aggressive: basic strategy plus rides on draws."`
	Custom       CustomStrategy `json:"custom" doc:"Parameters of type custom: ordered rules per decision, first match wins."`
	GoalOptimal  GoalOptimal    `json:"goal_optimal" doc:"Parameters of type goal_optimal: play solved by dynamic programming over the session's states for its goal, not for EV; choices equally good for the goal go to the better EV."`
}

// GoalOptimal sets what goal-optimal play maximises.
type GoalOptimal struct {
	Objective string `json:"objective" doc:"ahead: the probability that the session ends with a profit; win_limit: the probability that it stops at the win limit (needs bankroll.stop_conditions.win_limit)." enum:"ahead|win_limit"`
}

// Conservative rides only strong hands.
type Conservative struct {
	MadeHandsOnly   bool  `json:"made_hands_only" doc:"Ride only when the cards already pay whatever comes (a pair of tens or better, two pair, trips, quads), and then only at the strengths below."`
	MinStrengthBet1 int64 `json:"min_strength_bet1" doc:"Ride bet 1 on three cards of at least this strength (the hand-strength scale of docs/CONFIG.md, 1–10)." min:"1" max:"10"`
	MinStrengthBet2 int64 `json:"min_strength_bet2" doc:"Ride bet 2 on four cards of at least this strength (the same scale)." min:"1" max:"10"`
}

// Aggressive adds draws to the basic strategy.
type Aggressive struct {
	RideOnDraws          bool `json:"ride_on_draws" doc:"Also ride bet 1 on any three to a straight flush and bet 2 on any four to an outside straight (even without a high card)."`
	IncludeGutshots      bool `json:"include_gutshots" doc:"Also ride bet 2 on any four to an inside straight (one rank completes it)."`
	IncludeBackdoorFlush bool `json:"include_backdoor_flush" doc:"Also ride bet 1 on any three suited cards (both community cards must match)."`
}

// CustomStrategy is ordered rules per decision.
type CustomStrategy struct {
	Bet1Rules   []Rule `json:"bet1_rules" doc:"Rules for bet 1 (three cards seen), tried in order; the first whose condition holds decides."`
	Bet1Default string `json:"bet1_default" doc:"Decision for bet 1 when no rule matches." enum:"ride|pull"`
	Bet2Rules   []Rule `json:"bet2_rules" doc:"Rules for bet 2 (four cards seen), tried in order."`
	Bet2Default string `json:"bet2_default" doc:"Decision for bet 2 when no rule matches." enum:"ride|pull"`
}

// Rule is one custom-strategy rule.
type Rule struct {
	Condition string `json:"condition" doc:"An expression over the card and session variables that is true or false (see Expressions below)." max:"1000"`
	Action    string `json:"action" doc:"What to do when the condition holds." enum:"ride|pull"`
}

// BonusStrategy sets the Three Card Bonus bet, placed before any card is
// seen.
type BonusStrategy struct {
	Enabled             bool                `json:"enabled" doc:"Bet on the Three Card Bonus at all; false places no bonus bet whatever the type."`
	Type                string              `json:"type" doc:"never: no bonus bet; always: always.amount every hand; static: static.amount, or static.ratio × the current per-circle bet; bankroll_conditional, streak_based, session_conditional, custom: see their sections." enum:"never|always|static|bankroll_conditional|streak_based|session_conditional|custom"`
	Always              BonusAmount         `json:"always" doc:"Parameters of type always."`
	Static              BonusStatic         `json:"static" doc:"Parameters of type static."`
	BankrollConditional BankrollConditional `json:"bankroll_conditional" doc:"Parameters of type bankroll_conditional: bet only while the session goes well enough (every condition set must hold)."`
	StreakBased         StreakBased         `json:"streak_based" doc:"Parameters of type streak_based: change the bet after runs of main-game wins or losses."`
	SessionConditional  SessionConditional  `json:"session_conditional" doc:"Parameters of type session_conditional: the bet by where the session stands; the first matching rule (in the order below) decides."`
	Custom              BonusExpression     `json:"custom" doc:"Parameters of type custom."`
	Limits              BonusLimits         `json:"limits" doc:"Applied to every bonus type: round down to increment, no bet below min_bet, cap at max_bet."`
}

// Placed reports whether the study places bonus bets at all: enabled and
// not of type never. The one definition the engines, the CLI, the report
// and the page use.
func (b *BonusStrategy) Placed() bool { return b.Enabled && b.Type != "never" }

// BankrollConditional bets the bonus only while the session goes well.
type BankrollConditional struct {
	Amount           Money        `json:"amount" doc:"Bonus bet when the conditions hold (unless profit_percentage or profit_tiers sets it)." min:"0.01" max:"10000000"`
	MinSessionProfit *Money       `json:"min_session_profit" doc:"Bet only when session profit ≥ this (may be negative); null: no condition." min:"-1000000000" max:"1000000000" null:"true"`
	MinBankrollRatio *float64     `json:"min_bankroll_ratio" doc:"Bet only when bankroll ≥ this × the starting bankroll; null: no condition." min:"0" max:"1000" null:"true"`
	MaxDrawdown      *Money       `json:"max_drawdown" doc:"Bet only when the session profit is at most this below its session peak; null: no condition." min:"0" max:"1000000000" null:"true"`
	ProfitPercentage *float64     `json:"profit_percentage" doc:"Bet this percentage of the session profit (no bet unless ahead) instead of amount; null: bet amount." min:"0.01" max:"100" null:"true"`
	ProfitTiers      []ProfitTier `json:"profit_tiers" doc:"Instead of amount: the bet of the highest tier whose min_profit the session profit reaches (no bet below the lowest tier). Listed in increasing min_profit."`
}

// ProfitTier is one tier of bankroll_conditional.profit_tiers.
type ProfitTier struct {
	MinProfit Money `json:"min_profit" doc:"Session profit from which this tier applies (may be negative)." min:"-1000000000" max:"1000000000"`
	Amount    Money `json:"amount" doc:"Bonus bet in this tier (0: none)." min:"0" max:"10000000"`
}

// StreakBased changes the bonus bet after streaks of main-game results.
type StreakBased struct {
	Amount        Money   `json:"amount" doc:"Bonus bet at the start of a session and after each reset." min:"0.01" max:"10000000"`
	Trigger       string  `json:"trigger" doc:"Main-game result that builds a streak." enum:"win|loss"`
	StreakLength  int64   `json:"streak_length" doc:"Results in a row that fire the action; the count then restarts, so the action repeats every streak_length results." min:"1" max:"1000"`
	Action        string  `json:"action" doc:"multiply: bet × multiplier; increase: bet + step; decrease: bet − step (down to no bet); stop: stop betting the bonus; start: bet amount only from the first streak on (no bonus before)." enum:"multiply|increase|decrease|stop|start"`
	ResetOn       string  `json:"reset_on" doc:"Result that returns to the starting state: opposite (any result that is not the trigger, pushes included), win or loss (must differ from trigger, so no state is a dead end)." enum:"opposite|win|loss"`
	Multiplier    float64 `json:"multiplier" doc:"Factor of action multiply." min:"1" max:"100"`
	Step          *Money  `json:"step" doc:"Change made by increase and decrease; null: amount." min:"0.01" max:"10000000" null:"true"`
	MaxMultiplier float64 `json:"max_multiplier" doc:"multiply and increase never take the bet above amount × this." min:"1" max:"1000"`
	// Python is the Python tool's streak rule, set by files in its form.
	Python *PythonStreak `json:"python" doc:"The Python tool's streak rule instead of trigger, action, reset_on and the factors above (set when a file in its form uses streak_based; amount and streak_length still apply). null: the rule above." null:"true"`
}

// PythonStreak is the Python tool's streak_based rule (its
// strategy/bonus.py StreakBasedBonusStrategy): a count of trigger results,
// not necessarily in a row, that only reset_on clears; after count //
// streak_length triggers the action applies that many times.
type PythonStreak struct {
	Trigger       string   `json:"trigger" doc:"Result counted: main_win / main_loss (the main game paid or not), bonus_win / bonus_loss (a bonus bet placed paid or not), any_win (either won), any_loss (either lost)." enum:"main_loss|main_win|bonus_loss|bonus_win|any_loss|any_win"`
	ResetOn       string   `json:"reset_on" doc:"Result that clears the count (checked first), or never." enum:"bonus_win|bonus_loss|main_win|main_loss|any_win|any_loss|never"`
	Action        string   `json:"action" doc:"With t = count // streak_length ≥ 1: multiply: amount × value^t (at most × max_multiplier); increase: amount + value × t (at most amount × max_multiplier); decrease: amount − value × t (down to no bet); stop: no bonus from the first streak until a reset; start: no bonus until the first streak, none again after a reset." enum:"increase|decrease|stop|start|multiply"`
	Value         float64  `json:"value" doc:"Factor of multiply, or amount added or taken by increase and decrease." min:"0" max:"10000000"`
	MaxMultiplier *float64 `json:"max_multiplier" doc:"Cap of multiply and increase, × amount; null: none." min:"1" max:"1000000" null:"true"`
}

// SessionConditional sizes the bonus by where the session stands.
type SessionConditional struct {
	EarlySession  EarlySession `json:"early_session" doc:"Bet during the first hands of a session."`
	NearWinLimit  NearLimit    `json:"near_win_limit" doc:"Bet when the session profit is within 'within' of stop_conditions.win_limit."`
	NearLossLimit NearLimit    `json:"near_loss_limit" doc:"Bet when the session loss is within 'within' of stop_conditions.loss_limit."`
	Default       Money        `json:"default" doc:"Bet when no rule above applies (0: none)." min:"0" max:"10000000"`
}

// EarlySession is the early-session rule.
type EarlySession struct {
	Hands  *int64 `json:"hands" doc:"Hands counted as early (hands_played < this); null: rule off." min:"1" max:"10000000" null:"true"`
	Amount Money  `json:"amount" doc:"Bonus bet then (0: none)." min:"0" max:"10000000"`
}

// NearLimit is a near-limit rule.
type NearLimit struct {
	Within *Money `json:"within" doc:"Distance from the limit, in currency units; null: rule off (it needs the limit set)." min:"0" max:"1000000000" null:"true"`
	Amount Money  `json:"amount" doc:"Bonus bet then (0: none)." min:"0" max:"10000000"`
}

// BonusExpression sizes the bonus with an expression.
type BonusExpression struct {
	Expression string `json:"expression" doc:"Bonus bet in currency units, an expression over the session variables and bet (this hand's per-circle bet). Card variables are refused: the bonus is placed before any card is seen." max:"1000"`
	MinBet     *Money `json:"min_bet" doc:"A smaller value (or one that is not a number) places no bet; null: one cent." min:"0.01" max:"10000000" null:"true"`
	MaxBet     *Money `json:"max_bet" doc:"Cap; null: none." min:"0.01" max:"10000000" null:"true"`
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
	Directory string  `json:"directory" doc:"Folder the result files go in (created if missing): not empty (\".\" is the current folder), not starting with ~ (only a shell expands it), no control characters." max:"1000"`
	Prefix    string  `json:"prefix" doc:"Start of each result file's name: no \"/\", \"\\\\\", \"..\" or control characters, so the files stay in output.directory." max:"200"`
	Formats   Formats `json:"formats" doc:"Which files to write."`
	// Visualizations is the Python tool's switch for its chart images; here
	// the charts are those of the HTML report.
	Visualizations bool `json:"visualizations" doc:"Draw the charts: true writes PREFIXreport.html, the self-contained report with every chart (the same file as formats.html, written once if both are true); there are no separate chart images."`
	Console        bool `json:"console" doc:"Print the summary on the terminal."`
	// Python is set when the file is in the Python tool's form: its output
	// options, typed. null (our own files): the formats above.
	Python *PythonOutput `json:"python" doc:"The Python tool's output options (set when a file is in its form, see From the Python tool below): its files, named and laid out as it writes them, instead of formats/visualizations above. null: our files." null:"true"`
}

// PythonOutput is the Python tool's output section (its models.py
// OutputConfig), typed; PythonOutputDefaults gives its defaults.
type PythonOutput struct {
	TimestampFormat string               `json:"timestamp_format" doc:"Its strftime pattern for file names. Its code never put it in a name (it writes PREFIX_sessions.csv); only its default %Y%m%d_%H%M%S is taken here, any other is refused." max:"100"`
	CSV             PythonCSV            `json:"csv" doc:"Its formats.csv."`
	JSON            PythonJSON           `json:"json" doc:"Its formats.json."`
	HTML            PythonHTML           `json:"html" doc:"Its formats.html."`
	Visualizations  PythonVisualizations `json:"visualizations" doc:"Its visualizations section."`
	Console         PythonConsole        `json:"console" doc:"Its console section (what lir run prints)."`
}

// PythonCSV is its formats.csv.
type PythonCSV struct {
	Enabled              bool `json:"enabled" doc:"Write the CSV files below."`
	IncludeHands         bool `json:"include_hands" doc:"PREFIX_hands.csv: one row per hand (its detailed_logging also sets this)."`
	IncludeSessions      bool `json:"include_sessions" doc:"PREFIX_sessions.csv: one row per session, its SESSION_RESULT_FIELDS."`
	IncludeAggregate     bool `json:"include_aggregate" doc:"PREFIX_aggregate.csv: its aggregate statistics."`
	IncludeSeatAggregate bool `json:"include_seat_aggregate" doc:"PREFIX_seat_aggregate.csv: per-seat figures with its chi-square test of seat independence."`
}

// PythonJSON is its formats.json.
type PythonJSON struct {
	Enabled       bool `json:"enabled" doc:"Write PREFIX_results.json."`
	Pretty        bool `json:"pretty" doc:"Indent the JSON."`
	IncludeConfig bool `json:"include_config" doc:"Include the config in the JSON."`
}

// PythonHTML is its formats.html.
type PythonHTML struct {
	Enabled       bool   `json:"enabled" doc:"Write PREFIX_report.html."`
	IncludeCharts bool   `json:"include_charts" doc:"Put the charts in the HTML report."`
	ChartLibrary  string `json:"chart_library" doc:"Its chart library. Its own HTML report draws with Plotly whatever this says (export_html.py supports plotly only), interactive and self-contained; ours likewise draws interactive, self-contained charts (ECharts) for either value." enum:"plotly|matplotlib"`
}

// PythonVisualizations is its visualizations section: chart files in
// output.directory/charts (docs/RESULTS.md).
type PythonVisualizations struct {
	Enabled bool          `json:"enabled" doc:"Write the listed charts, each a file in output.directory/charts/."`
	Charts  []PythonChart `json:"charts" doc:"Charts to write, in order."`
	Format  string        `json:"format" doc:"Chart file format: png (a picture at dpi), svg, or html (a page of its own holding the chart as SVG, values on hover)." enum:"png|svg|html"`
	DPI     int64         `json:"dpi" doc:"Resolution of png charts: a chart of 10 × 6 inches (bankroll_trajectory 12 × 6, its figure sizes) is 10·dpi × 6·dpi pixels. Resolution is a raster's only: svg and html are vectors, as in its savefig." min:"72" max:"600"`
}

// PythonChart is one chart of its visualizations.charts.
type PythonChart struct {
	Type           string `json:"type" doc:"What it draws and its file: session_outcomes_histogram charts/session_outcomes (its docs' name), bankroll_trajectory charts/bankroll_trajectory, hand_frequency and bonus_impact charts/TYPE, with the format's extension; a second chart of a kind adds _2. strategy_comparison is refused (one run plays one strategy), bonus_impact too when no bonus bet is placed." enum:"session_outcomes_histogram|bankroll_trajectory|hand_frequency|strategy_comparison|bonus_impact"`
	Title          string `json:"title" doc:"The chart's title; empty: its default for the kind." max:"200"`
	SampleSessions *int64 `json:"sample_sessions" doc:"Bankroll paths drawn (bankroll_trajectory): the first N player sessions (simulation.trajectories is raised to N). null: its default 20." min:"1" max:"1000" null:"true"`
}

// PythonConsole is its console section.
type PythonConsole struct {
	ProgressBar bool  `json:"progress_bar" doc:"Show progress while running."`
	Verbosity   int64 `json:"verbosity" doc:"0 quiet, 1 normal, 2-3 more detail." min:"0" max:"3"`
	ShowSummary bool  `json:"show_summary" doc:"Print the summary at the end."`
}

// PythonOutputDefaults returns the Python tool's output defaults (its
// models.py).
func PythonOutputDefaults() *PythonOutput {
	return &PythonOutput{
		TimestampFormat: "%Y%m%d_%H%M%S",
		CSV:             PythonCSV{Enabled: true, IncludeSessions: true, IncludeAggregate: true},
		JSON:            PythonJSON{Enabled: true, Pretty: true, IncludeConfig: true},
		HTML:            PythonHTML{IncludeCharts: true, ChartLibrary: "plotly"},
		Visualizations:  PythonVisualizations{Enabled: true, Format: "png", DPI: 150},
		Console:         PythonConsole{ProgressBar: true, Verbosity: 1, ShowSummary: true},
	}
}

// Formats selects result files.
type Formats struct {
	JSON bool `json:"json" doc:"PREFIXresults.json: the results document (docs/RESULTS.md)."`
	CSV  bool `json:"csv" doc:"PREFIXsummary.csv (one row of aggregate figures) and PREFIXseats.csv (one row per seat)."`
	HTML bool `json:"html" doc:"PREFIXreport.html: a self-contained report with the charts that opens offline and prints."`
}

// Default returns the defaults every config starts from: a $500 bankroll,
// $5 base bet, stop at +$250 / −$200 / 200 hands, basic strategy, no
// bonus, 10,000 sessions.
func Default() *Config {
	win, loss := Money(25000), Money(20000)
	return &Config{
		Simulation: Simulation{NumSessions: 10000, HandsPerSession: 200, Trajectories: 10},
		Table:      Table{NumSeats: 1, SeatMode: "sit_out"},
		Dealer:     Dealer{DiscardCards: 3},
		Deck:       Deck{ShuffleAlgorithm: "fisher_yates"},
		Bankroll: Bankroll{
			StartingAmount: 50000, BaseBet: 500,
			StopConditions: StopConditions{WinLimit: &win, LossLimit: &loss, HandsPerHour: 60, StopOnInsufficientFunds: true},
			BettingSystem: BettingSystem{Type: "flat", ProgressionBasis: "main",
				Proportional:      Proportional{BankrollPercentage: 2},
				Martingale:        Martingale{LossMultiplier: 2, ResetOnWin: true, AtMaxProgressions: "reset"},
				ReverseMartingale: ReverseMartingale{WinMultiplier: 2, ResetOnLoss: true},
				Paroli:            Paroli{WinMultiplier: 2, WinsBeforeReset: 3},
				Fibonacci:         Fibonacci{WinRegression: 2},
			},
		},
		Strategy: Strategy{Type: "basic", Ties: "pull",
			Conservative: Conservative{MadeHandsOnly: true, MinStrengthBet1: 9, MinStrengthBet2: 9},
			Aggressive:   Aggressive{RideOnDraws: true},
			Custom:       CustomStrategy{Bet1Default: "pull", Bet2Default: "pull"},
			GoalOptimal:  GoalOptimal{Objective: "ahead"},
		},
		BonusStrategy: BonusStrategy{Type: "never", Always: BonusAmount{Amount: 100},
			BankrollConditional: BankrollConditional{Amount: 100},
			StreakBased: StreakBased{Amount: 100, Trigger: "loss", StreakLength: 3, Action: "multiply", ResetOn: "opposite",
				Multiplier: 2, MaxMultiplier: 8},
		},
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
