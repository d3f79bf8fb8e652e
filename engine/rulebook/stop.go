package rulebook

// Stop says why a player's session ended.
type Stop uint8

// Stop reasons, in the order Book.Prepare checks them before each hand;
// TableClosed ends the players still seated when a replace-mode table has
// played its rounds.
const (
	StopWinLimit Stop = iota
	StopLossLimit
	StopMaxHands
	StopMaxDuration
	StopInsufficientFunds
	StopTableClosed
	NumStops = iota
)

// StopNames are the stop reasons' names in results documents.
var StopNames = [NumStops]string{"win_limit", "loss_limit", "max_hands", "max_duration", "insufficient_funds", "table_closed"}

// StopLabels are the stop reasons in a player's words.
var StopLabels = [NumStops]string{"win limit", "loss limit", "hand limit", "time limit", "out of money", "table closed"}

func (s Stop) String() string { return StopNames[s] }

// Label returns the reason in a player's words.
func (s Stop) Label() string { return StopLabels[s] }
