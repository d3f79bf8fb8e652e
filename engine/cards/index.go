package cards

// Hands are indexed in colexicographic order: for sorted cards
// c0 < c1 < … < c(k-1) the index is Σ C(ci, i+1). It is a bijection from
// k-subsets of the deck onto [0, C(52,k)), so decision tables are plain
// arrays: 22,100 three-card and 270,725 four-card entries.

// Number of distinct hands of each size.
const (
	NumHands3 = 22100
	NumHands4 = 270725
	NumHands5 = 2598960
)

// binom[k][n] = C(n, k) for n < 52, k ≤ 5. It holds ints, not narrower
// types: WebAssembly pays a mask per operation on narrow integers.
// Rows have 64 entries so that an index masked with &63 needs no bounds check.
var binom = func() (t [6][64]int) {
	for n := 0; n < NumCards; n++ {
		t[0][n] = 1
		for k := 1; k <= 5; k++ {
			if n >= 1 {
				t[k][n] = t[k][n-1] + t[k-1][n-1]
			}
		}
	}
	return t
}()

// Index3 returns the colex index of three distinct cards in any order.
func Index3(a, b, c Card) int {
	return Index3Sorted(Sort3(a, b, c))
}

// Index4 returns the colex index of four distinct cards in any order.
func Index4(a, b, c, d Card) int {
	x, y, z := Sort3(a, b, c)
	return Index4Insert(x, y, z, d)
}

// Sort3 returns three cards as ints in increasing order. The sorting
// network uses min and max, which compile to conditional moves
// (WebAssembly's select) rather than branches.
func Sort3(a, b, c Card) (x, y, z int) {
	x, y, z = int(a), int(b), int(c)
	x, y = min(x, y), max(x, y)
	y, z = min(y, z), max(y, z)
	x, y = min(x, y), max(x, y)
	return x, y, z
}

// Index3Sorted is Index3 of cards already sorted by Sort3.
func Index3Sorted(x, y, z int) int {
	return binom[1][x&63] + binom[2][y&63] + binom[3][z&63]
}

// Index4Insert is Index4 of the sorted cards x < y < z and a fourth card d,
// inserted by three min/max steps: the hot loop sorts a seat's three cards
// once for both decisions.
func Index4Insert(x, y, z int, d Card) int {
	t := int(d)
	w := min(x, t)
	t = max(x, t)
	x = min(y, t)
	t = max(y, t)
	y = min(z, t)
	z = max(z, t)
	return binom[1][w&63] + binom[2][x&63] + binom[3][y&63] + binom[4][z&63]
}

// Index5Sorted returns the colex index of five distinct sorted cards.
func Index5Sorted(h [5]Card) int {
	return binom[1][h[0]&63] + binom[2][h[1]&63] + binom[3][h[2]&63] + binom[4][h[3]&63] + binom[5][h[4]&63]
}

// Hand3 returns the sorted cards of three-card index i (inverse of Index3).
func Hand3(i int) [3]Card {
	var h [3]Card
	unrank(i, h[:])
	return h
}

// Hand4 returns the sorted cards of four-card index i (inverse of Index4).
func Hand4(i int) [4]Card {
	var h [4]Card
	unrank(i, h[:])
	return h
}

func unrank(i int, h []Card) {
	x := i
	for k := len(h); k >= 1; k-- {
		n := k - 1
		for n+1 < NumCards && binom[k][n+1] <= x {
			n++
		}
		h[k-1] = Card(n)
		x -= binom[k][n]
	}
}

// ForEach3 calls f for every three-card hand, sorted, in index order.
func ForEach3(f func(i int, h [3]Card)) {
	i := 0
	for c := Card(2); c < NumCards; c++ {
		for b := Card(1); b < c; b++ {
			for a := Card(0); a < b; a++ {
				f(i, [3]Card{a, b, c})
				i++
			}
		}
	}
}

// ForEach4 calls f for every four-card hand, sorted, in index order.
func ForEach4(f func(i int, h [4]Card)) {
	i := 0
	for d := Card(3); d < NumCards; d++ {
		for c := Card(2); c < d; c++ {
			for b := Card(1); b < c; b++ {
				for a := Card(0); a < b; a++ {
					f(i, [4]Card{a, b, c, d})
					i++
				}
			}
		}
	}
}

// ForEach5 calls f for every five-card hand, sorted, in index order.
func ForEach5(f func(i int, h [5]Card)) {
	i := 0
	var h [5]Card
	for h[4] = 4; h[4] < NumCards; h[4]++ {
		for h[3] = 3; h[3] < h[4]; h[3]++ {
			for h[2] = 2; h[2] < h[3]; h[2]++ {
				for h[1] = 1; h[1] < h[2]; h[1]++ {
					for h[0] = 0; h[0] < h[1]; h[0]++ {
						f(i, h)
						i++
					}
				}
			}
		}
	}
}
