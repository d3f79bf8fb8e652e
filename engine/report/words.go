package report

import (
	"math"
	"strconv"
	"strings"

	"github.com/lir-lab/lir/engine/rulebook"
)

// labels are the results document's keys in a player's words: final-hand
// categories, three-card categories, session outcomes and stop reasons
// (rulebook.StopLabels).
var labels = func() map[string]string {
	m := map[string]string{
		"royal_flush": "Royal flush", "straight_flush": "Straight flush", "four_of_a_kind": "Four of a kind",
		"full_house": "Full house", "flush": "Flush", "straight": "Straight", "three_of_a_kind": "Three of a kind",
		"two_pair": "Two pair", "pair_tens_or_better": "Tens or better", "pair_below_tens": "Pair below tens",
		"high_card": "High card", "pair": "Pair", "mini_royal": "Mini royal",
		"win": "Won", "push": "Broke even", "loss": "Lost",
	}
	for i, name := range rulebook.StopNames {
		l := rulebook.StopLabels[i]
		m[name] = strings.ToUpper(l[:1]) + l[1:]
	}
	return m
}()

// Label is a results-document key (a hand category, an outcome, a stop
// reason) in words; a key it does not know comes back with spaces for
// underscores.
func Label(key string) string {
	if l, ok := labels[key]; ok {
		return l
	}
	s := strings.ReplaceAll(key, "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Money writes an amount in currency units with a dollar sign, thousands
// separators and cents: 1234.5 → "$1,234.50", -3 → "−$3.00".
func Money(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	c := int64(math.Round(x * 100))
	sign := ""
	if c < 0 {
		sign, c = "−", -c
	}
	return sign + "$" + Digits(c/100) + "." + strconv.FormatInt(100+c%100, 10)[1:]
}

// MoneyShort is Money without ".00" on whole amounts, for axis labels.
func MoneyShort(x float64) string { return strings.TrimSuffix(Money(x), ".00") }

// Digits writes n with thousands separators: 1234567 → "1,234,567".
func Digits(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	if n < 0 {
		b.WriteByte('-')
		s = s[1:]
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
