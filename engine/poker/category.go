package poker

import "fmt"

// Category is a five-card Let It Ride category, weakest first. Pairs are
// split at tens because a pair of tens or better pays and a lower pair loses.
type Category uint8

// Five-card categories.
const (
	HighCard Category = iota
	PairBelowTens
	PairTensOrBetter
	TwoPair
	ThreeOfAKind
	Straight
	Flush
	FullHouse
	FourOfAKind
	StraightFlush
	RoyalFlush
	NumCategories = iota
)

var categoryNames = [NumCategories]string{
	"high_card", "pair_below_tens", "pair_tens_or_better", "two_pair", "three_of_a_kind",
	"straight", "flush", "full_house", "four_of_a_kind", "straight_flush", "royal_flush",
}

// String returns the category's snake_case name used in configs and results.
func (c Category) String() string {
	if c >= NumCategories {
		return fmt.Sprintf("Category(%d)", uint8(c))
	}
	return categoryNames[c]
}

// Category3 is a three-card (Three Card Bonus) category, weakest first.
type Category3 uint8

// Three-card categories. A-K-Q suited is a mini royal (not counted again as
// a straight flush); A-2-3 is a straight.
const (
	HighCard3 Category3 = iota
	Pair3
	Flush3
	Straight3
	ThreeOfAKind3
	StraightFlush3
	MiniRoyal3
	NumCategories3 = iota
)

var category3Names = [NumCategories3]string{
	"high_card", "pair", "flush", "straight", "three_of_a_kind", "straight_flush", "mini_royal",
}

// String returns the category's snake_case name used in configs and results.
func (c Category3) String() string {
	if c >= NumCategories3 {
		return fmt.Sprintf("Category3(%d)", uint8(c))
	}
	return category3Names[c]
}

// Categories lists the five-card categories, strongest first (the order
// paytables and reports use).
func Categories() []Category {
	out := make([]Category, NumCategories)
	for i := range out {
		out[i] = Category(NumCategories - 1 - i)
	}
	return out
}

// Categories3 lists the three-card categories, strongest first.
func Categories3() []Category3 {
	out := make([]Category3, NumCategories3)
	for i := range out {
		out[i] = Category3(NumCategories3 - 1 - i)
	}
	return out
}
