package exact

import "github.com/lir-lab/lir/engine/rulebook"

// Policy is play that follows the session: in each state, the decisions a
// player takes, as a hand model (the joint distribution of the main result
// and the three-card category those decisions give). The chain asks it
// before every hand; a study without one plays a fixed strategy table, the
// receiver of SessionChain.Run.
type Policy interface {
	// Play returns the hand model of a player in state st about to play a
	// hand that rulebook.Book.Prepare sized bet and bonus, and the bonus
	// bet the player places: bonus, or 0 to skip it. An error (an
	// *Omitted past a bound) ends the chain.
	Play(st *rulebook.State, bet, bonus int64) (model int32, bonusBet int64, err error)
	// Model returns hand model m.
	Model(m int32) *SessionChain
}
