package cards

import (
	"fmt"
	"strings"
)

// Rank is a card rank: Two = 0 … Ace = 12. Aces are high; straights treat
// them as low in A-2-3-4-5 (and A-2-3 in three-card hands).
type Rank uint8

// Suit is a card suit: clubs, diamonds, hearts, spades.
type Suit uint8

// Ranks.
const (
	Two Rank = iota
	Three
	Four
	Five
	Six
	Seven
	Eight
	Nine
	Ten
	Jack
	Queen
	King
	Ace
)

// Suits.
const (
	Clubs Suit = iota
	Diamonds
	Hearts
	Spades
)

// NumCards is the size of the deck.
const NumCards = 52

// Card is rank<<2 | suit, so 0 is the two of clubs and 51 the ace of spades.
type Card uint8

// New returns the card of the given rank and suit.
func New(r Rank, s Suit) Card { return Card(r)<<2 | Card(s) }

// Rank returns the card's rank.
func (c Card) Rank() Rank { return Rank(c >> 2) }

// Suit returns the card's suit.
func (c Card) Suit() Suit { return Suit(c & 3) }

const rankChars = "23456789TJQKA"
const suitChars = "cdhs"

// String formats the card as rank then suit, e.g. "Ah", "Td", "9c".
func (c Card) String() string {
	if c >= NumCards {
		return fmt.Sprintf("Card(%d)", uint8(c))
	}
	return string([]byte{rankChars[c.Rank()], suitChars[c.Suit()]})
}

// String returns the rank's character: 2-9, T, J, Q, K, A.
func (r Rank) String() string {
	if r > Ace {
		return fmt.Sprintf("Rank(%d)", uint8(r))
	}
	return rankChars[r : r+1]
}

// Parse reads a card such as "Ah", "td" or "10c" (rank first, then suit).
func Parse(s string) (Card, error) {
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "10") {
		t = "T" + t[2:]
	}
	if len(t) != 2 {
		return 0, fmt.Errorf("card %q: want a rank (2-9, T, J, Q, K, A) followed by a suit (c, d, h, s)", s)
	}
	r := strings.IndexByte(rankChars, upper(t[0]))
	u := strings.IndexByte(suitChars, lower(t[1]))
	if r < 0 || u < 0 {
		return 0, fmt.Errorf("card %q: want a rank (2-9, T, J, Q, K, A) followed by a suit (c, d, h, s)", s)
	}
	return New(Rank(r), Suit(u)), nil
}

// ParseHand reads cards separated by spaces or commas, e.g. "Ah Kh Qh",
// and rejects duplicates.
func ParseHand(s string) ([]Card, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' })
	var seen uint64
	hand := make([]Card, 0, len(fields))
	for _, f := range fields {
		c, err := Parse(f)
		if err != nil {
			return nil, err
		}
		if seen&(1<<c) != 0 {
			return nil, fmt.Errorf("card %s appears twice", c)
		}
		seen |= 1 << c
		hand = append(hand, c)
	}
	return hand, nil
}

// FormatHand joins cards with spaces.
func FormatHand(h []Card) string {
	parts := make([]string, len(h))
	for i, c := range h {
		parts[i] = c.String()
	}
	return strings.Join(parts, " ")
}

func upper(b byte) byte {
	if b >= 'a' && b <= 'z' {
		return b - 'a' + 'A'
	}
	return b
}

func lower(b byte) byte {
	if b >= 'A' && b <= 'Z' {
		return b - 'A' + 'a'
	}
	return b
}
