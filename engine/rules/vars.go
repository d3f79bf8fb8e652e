package rules

// Var is a variable an expression may read. Its value lives at Env[Var].
type Var uint8

// Card variables describe the cards a seat sees at a decision: its three
// cards at bet 1, those plus the first community card at bet 2. Their
// exact definitions are in docs/CONFIG.md and package strategy (Features).
const (
	HighCards Var = iota
	SuitedCards
	SuitedHighCards
	ConnectedCards
	Gaps
	HasPair
	HasHighPair
	HasTwoPair
	HasTrips
	HasQuads
	HasPayingHand
	IsFlushDraw
	IsStraightDraw
	IsOpenStraightDraw
	IsInsideStraightDraw
	IsStraightFlushDraw
	IsRoyalDraw
	PairRank
	HighRank
	Strength
	NumCards
	numCardVars = iota
)

// Session variables describe a seat's session before the hand is dealt.
const (
	Bankroll Var = numCardVars + iota
	StartingBankroll
	SessionProfit
	PeakProfit
	Drawdown
	HandsPlayed
	Streak
	LastResult
	BaseBet
	LastBet
	Bet
	NumVars = numCardVars + iota
)

// Type is the static type of an expression or variable. Numbers are Int
// or Float as in expr-lang (% wants Ints); all are evaluated as float64.
type Type uint8

// Types.
const (
	Bool Type = iota + 1
	Int
	Float
)

func (t Type) String() string {
	switch t {
	case Bool:
		return "bool"
	case Int:
		return "int"
	case Float:
		return "float"
	}
	return "invalid"
}

// VarInfo is one variable's name, type and meaning.
type VarInfo struct {
	Name string
	Type Type
	Card bool // describes this hand's cards
	Doc  string
}

// Vars lists every variable, indexed by Var.
var Vars = [NumVars]VarInfo{
	HighCards:            {"high_cards", Int, true, "Cards ranked ten or higher (T, J, Q, K, A), counting each card (a pair of kings counts 2)."},
	SuitedCards:          {"suited_cards", Int, true, "Most cards of any one suit (1–3 at bet 1, 1–4 at bet 2)."},
	SuitedHighCards:      {"suited_high_cards", Int, true, "Most high cards (ten or higher) of any one suit."},
	ConnectedCards:       {"connected_cards", Int, true, "Longest run of consecutive distinct ranks, an ace counting high or low (K-A and A-2 both connect)."},
	Gaps:                 {"gaps", Int, true, "Ranks missing inside the narrowest run of consecutive ranks (ace high or low) that holds every distinct rank: 0 for 5-6-7, 1 for 5-6-8, 2 for 5-7-9 or 5-6-9; pairs count once."},
	HasPair:              {"has_pair", Bool, true, "Some rank appears at least twice (also true with two pair, trips, quads)."},
	HasHighPair:          {"has_high_pair", Bool, true, "Some rank ten or higher appears at least twice."},
	HasTwoPair:           {"has_two_pair", Bool, true, "Two different ranks each appear at least twice (4 cards only; always false with 3)."},
	HasTrips:             {"has_trips", Bool, true, "Some rank appears at least three times (also true with quads)."},
	HasQuads:             {"has_quads", Bool, true, "One rank appears four times (4 cards only)."},
	HasPayingHand:        {"has_paying_hand", Bool, true, "The cards already hold a hand that pays whatever comes: a pair of tens or better, two pair, trips or quads."},
	IsFlushDraw:          {"is_flush_draw", Bool, true, "Every card is of one suit (three to a flush at bet 1, four at bet 2)."},
	IsStraightDraw:       {"is_straight_draw", Bool, true, "The ranks are distinct and fit in five consecutive ranks (ace high or low): a straight is still possible."},
	IsOpenStraightDraw:   {"is_open_straight_draw", Bool, true, "3 cards: three consecutive ranks (ace high or low). 4 cards: exactly two ranks complete a straight (open-ended, e.g. 5-6-7-8)."},
	IsInsideStraightDraw: {"is_inside_straight_draw", Bool, true, "A straight draw that is not open: 3 cards with one or two gaps; 4 cards where exactly one rank completes it (gutshot, or one-ended like A-2-3-4, J-Q-K-A)."},
	IsStraightFlushDraw:  {"is_straight_flush_draw", Bool, true, "is_flush_draw and is_straight_draw."},
	IsRoyalDraw:          {"is_royal_draw", Bool, true, "is_flush_draw and every card ten or higher with distinct ranks (three or four to a royal flush)."},
	PairRank:             {"pair_rank", Int, true, "Rank of the highest rank appearing at least twice, 2–14 (J 11, Q 12, K 13, A 14); 0 without a pair."},
	HighRank:             {"high_rank", Int, true, "Highest rank among the cards, 2–14 (ace 14)."},
	Strength:             {"strength", Int, true, "The hand-strength scale 1–10 of the conservative strategy (docs/CONFIG.md)."},
	NumCards:             {"num_cards", Int, true, "Cards seen: 3 at bet 1, 4 at bet 2."},

	Bankroll:         {"bankroll", Float, false, "The seat's bankroll before this hand's bets, in currency units."},
	StartingBankroll: {"starting_bankroll", Float, false, "bankroll.starting_amount."},
	SessionProfit:    {"session_profit", Float, false, "bankroll − starting_bankroll (negative when behind)."},
	PeakProfit:       {"peak_profit", Float, false, "Highest session_profit reached so far this session (0 at the start)."},
	Drawdown:         {"drawdown", Float, false, "peak_profit − session_profit: how far the seat is below its session peak."},
	HandsPlayed:      {"hands_played", Int, false, "Hands this seat has played in the session (0 before its first)."},
	Streak:           {"streak", Int, false, "+n after n wins in a row, −n after n losses in a row, 0 at the start and after a push; judged by betting_system.progression_basis."},
	LastResult:       {"last_result", Int, false, "1 if the previous hand won, −1 if it lost, 0 if it pushed or none was played yet (same basis as streak)."},
	BaseBet:          {"base_bet", Float, false, "bankroll.base_bet."},
	LastBet:          {"last_bet", Float, false, "The per-circle bet of the previous hand (base_bet before the first)."},
	Bet:              {"bet", Float, false, "This hand's per-circle bet (not in bet-sizing expressions, which compute it)."},
}

// Lookup returns the variable named name.
func Lookup(name string) (Var, bool) {
	for i := range Vars {
		if Vars[i].Name == name {
			return Var(i), true
		}
	}
	return 0, false
}

// Env holds the value of every variable; booleans are 0 or 1.
type Env [NumVars]float64

// Set is a set of variables, a bit per Var.
type Set uint64

// Has reports whether v is in s.
func (s Set) Has(v Var) bool { return s&(1<<v) != 0 }

// CardVars is every card variable.
const CardVars Set = 1<<numCardVars - 1

// SessionVars is every session variable.
const SessionVars Set = (1<<NumVars - 1) &^ CardVars

// BankrollVars is every session variable that follows the bankroll: its
// amount, the profit, the peak profit and the drawdown.
const BankrollVars Set = 1<<Bankroll | 1<<SessionProfit | 1<<PeakProfit | 1<<Drawdown

// The contexts expressions are written in.
var (
	// StrategyContext: custom playing rules read the cards and the session.
	StrategyContext = Context{Allowed: CardVars | SessionVars}
	// BetContext: a bet-sizing expression computes this hand's bet before
	// any card is dealt.
	BetContext = Context{Allowed: SessionVars &^ (1 << Bet), Refused: func(v Var) string {
		if v == Bet {
			return "a bet-sizing expression computes this hand's bet; use last_bet or base_bet"
		}
		return "the bet is placed before any card is seen, so no card variable is known yet"
	}}
	// BonusContext: a bonus expression is evaluated before any card is
	// dealt, once the per-circle bet is known.
	BonusContext = Context{Allowed: SessionVars, Refused: func(Var) string {
		return "the bonus is placed before any card is seen, so no card variable is known yet"
	}}
)
