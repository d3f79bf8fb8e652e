package cards

import "testing"

func TestParseFormatRoundTrip(t *testing.T) {
	for c := Card(0); c < NumCards; c++ {
		got, err := Parse(c.String())
		if err != nil || got != c {
			t.Fatalf("Parse(%q) = %v, %v; want %v", c.String(), got, err, c)
		}
	}
	for in, want := range map[string]Card{"Ah": New(Ace, Hearts), "td": New(Ten, Diamonds), "10c": New(Ten, Clubs), "9C": New(Nine, Clubs)} {
		if got, err := Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "A", "1h", "Ax", "Ahh", "ZZ"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
	if _, err := ParseHand("Ah Kh Ah"); err == nil {
		t.Error("ParseHand accepted a duplicate card")
	}
	h, err := ParseHand("Ah, Kh Qh")
	if err != nil || FormatHand(h) != "Ah Kh Qh" {
		t.Errorf("ParseHand = %v, %v", h, err)
	}
}

// The colex index is a bijection onto [0, C(52,k)) and Hand3/Hand4 invert it,
// whatever order the cards come in.
func TestIndexBijection(t *testing.T) {
	n := 0
	ForEach3(func(i int, h [3]Card) {
		if i != n || Index3(h[2], h[0], h[1]) != i || Hand3(i) != h {
			t.Fatalf("3-card index %d: hand %v index %d unrank %v", n, h, Index3(h[2], h[0], h[1]), Hand3(i))
		}
		n++
	})
	if n != NumHands3 {
		t.Fatalf("ForEach3 visited %d hands, want %d", n, NumHands3)
	}
	n = 0
	ForEach4(func(i int, h [4]Card) {
		if i != n || Index4(h[3], h[1], h[0], h[2]) != i || Index4(h[2], h[3], h[1], h[0]) != i {
			t.Fatalf("4-card index %d: hand %v", n, h)
		}
		if i%997 == 0 && Hand4(i) != h {
			t.Fatalf("Hand4(%d) = %v, want %v", i, Hand4(i), h)
		}
		n++
	})
	if n != NumHands4 {
		t.Fatalf("ForEach4 visited %d hands, want %d", n, NumHands4)
	}
	n = 0
	ForEach5(func(i int, h [5]Card) {
		if i != n || Index5Sorted(h) != i {
			t.Fatalf("5-card index %d: hand %v index %d", n, h, Index5Sorted(h))
		}
		n++
	})
	if n != NumHands5 {
		t.Fatalf("ForEach5 visited %d hands, want %d", n, NumHands5)
	}
	last := [5]Card{47, 48, 49, 50, 51}
	if Index5Sorted(last) != NumHands5-1 {
		t.Fatalf("Index5Sorted(last) = %d", Index5Sorted(last))
	}
}
