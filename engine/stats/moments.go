package stats

import (
	"fmt"
	"math"
	"math/big"
)

// Moments holds the exact power sums of integer observations x (money in
// integer cents, hand counts, …): N observations and S1..S4 the sums of x, x²,
// x³ and x⁴. Sums of this form merge by addition, so partial aggregates from
// any number of workers or shards combine exactly and in any order.
//
// The statistics are computed once, from the sums, with the cancellation-prone
// subtractions done exactly in integers: with A2 = N·S2 − S1²,
// A3 = N²·S3 − 3N·S1·S2 + 2·S1³ and A4 = N³·S4 − 4N²·S1·S3 + 6N·S1²·S2 − 3·S1⁴
// (N, N², N³ times the central sums of squares, cubes and fourth powers), every
// estimator below is a ratio of exact integers rounded once to float64 (Std,
// StdErr and Skewness then take one square root). Variance, skewness and
// kurtosis are therefore unchanged, bit for bit, when a constant is added to
// every observation, however large the sums grow.
//
// A nil sum reads as zero, so the zero Moments is empty and ready to use.
// Methods return NaN when there are too few observations for the estimator
// (see each method); the caller decides how to report that.
type Moments struct {
	N              uint64
	S1, S2, S3, S4 *big.Int
}

// Add records one observation x.
//
// Add allocates; hot loops should accumulate in fixed-width integers and fold
// them into a Moments with Merge.
func (m *Moments) Add(x int64) { m.AddN(x, 1) }

// AddN records count observations equal to x (one histogram bin).
func (m *Moments) AddN(x int64, count uint64) {
	if count == 0 {
		return
	}
	m.N += count
	c := new(big.Int).SetUint64(count)
	p := big.NewInt(x) // x^k, k = 1..4
	v := new(big.Int)
	for _, s := range []**big.Int{&m.S1, &m.S2, &m.S3, &m.S4} {
		if *s == nil {
			*s = new(big.Int)
		}
		(*s).Add(*s, v.Mul(p, c))
		p.Mul(p, big.NewInt(x))
	}
}

// Merge adds the observations summarised by o to m. o is not modified and no
// big.Int is shared between them afterwards.
func (m *Moments) Merge(o *Moments) {
	m.N += o.N
	dst := []**big.Int{&m.S1, &m.S2, &m.S3, &m.S4}
	for i, s := range []*big.Int{o.S1, o.S2, o.S3, o.S4} {
		if s == nil {
			continue
		}
		if *dst[i] == nil {
			*dst[i] = new(big.Int)
		}
		(*dst[i]).Add(*dst[i], s)
	}
}

// Validate reports whether m could have come from integer observations. A
// Moments decoded from a file (a shard's partial result) is untrusted input;
// validate it before merging. It checks that an empty Moments has zero sums,
// that S2 and S4 are non-negative, and that the central sums of squares and
// fourth powers (A2, A4 above) are non-negative.
func (m *Moments) Validate() error {
	s1, s2, s3, s4 := orZero(m.S1), orZero(m.S2), orZero(m.S3), orZero(m.S4)
	if m.N == 0 {
		for i, s := range []*big.Int{s1, s2, s3, s4} {
			if s.Sign() != 0 {
				return fmt.Errorf("moments.S%d: %v with no observations, want 0", i+1, s)
			}
		}
		return nil
	}
	if s2.Sign() < 0 {
		return fmt.Errorf("moments.S2: %v is negative", s2)
	}
	if s4.Sign() < 0 {
		return fmt.Errorf("moments.S4: %v is negative", s4)
	}
	if m.centralSum2().Sign() < 0 {
		return fmt.Errorf("moments.S2: %v is below S1²/N = %v²/%d", s2, s1, m.N)
	}
	if m.centralSum4().Sign() < 0 {
		return fmt.Errorf("moments.S4: %v is below the least value the other sums allow", s4)
	}
	return nil
}

func orZero(x *big.Int) *big.Int {
	if x == nil {
		return new(big.Int)
	}
	return x
}

// bigN returns N as a big.Int.
func (m *Moments) bigN() *big.Int { return new(big.Int).SetUint64(m.N) }

// centralSum2 returns A2 = N·S2 − S1² = N·Σ(x−mean)².
func (m *Moments) centralSum2() *big.Int {
	n, s1, s2 := m.bigN(), orZero(m.S1), orZero(m.S2)
	a := new(big.Int).Mul(n, s2)
	return a.Sub(a, new(big.Int).Mul(s1, s1))
}

// centralSum3 returns A3 = N²·S3 − 3N·S1·S2 + 2·S1³ = N²·Σ(x−mean)³.
func (m *Moments) centralSum3() *big.Int {
	n, s1, s2, s3 := m.bigN(), orZero(m.S1), orZero(m.S2), orZero(m.S3)
	a := new(big.Int).Mul(n, n)
	a.Mul(a, s3)
	t := new(big.Int).Mul(n, s1)
	t.Mul(t, s2)
	t.Mul(t, big.NewInt(3))
	a.Sub(a, t)
	t.Mul(s1, s1)
	t.Mul(t, s1)
	t.Lsh(t, 1)
	return a.Add(a, t)
}

// centralSum4 returns A4 = N³·S4 − 4N²·S1·S3 + 6N·S1²·S2 − 3·S1⁴ = N³·Σ(x−mean)⁴.
func (m *Moments) centralSum4() *big.Int {
	n, s1, s2, s3, s4 := m.bigN(), orZero(m.S1), orZero(m.S2), orZero(m.S3), orZero(m.S4)
	n2 := new(big.Int).Mul(n, n)
	s1sq := new(big.Int).Mul(s1, s1)
	a := new(big.Int).Mul(n2, n)
	a.Mul(a, s4)
	t := new(big.Int).Mul(n2, s1)
	t.Mul(t, s3)
	t.Lsh(t, 2)
	a.Sub(a, t)
	t.Mul(n, s1sq)
	t.Mul(t, s2)
	t.Mul(t, big.NewInt(6))
	a.Add(a, t)
	t.Mul(s1sq, s1sq)
	t.Mul(t, big.NewInt(3))
	return a.Sub(a, t)
}

// ratFloat returns num/den rounded to the nearest float64.
func ratFloat(num, den *big.Int) float64 {
	f, _ := new(big.Rat).SetFrac(num, den).Float64()
	return f
}

// Mean returns the sample mean S1/N, or NaN when N = 0.
func (m *Moments) Mean() float64 {
	if m.N == 0 {
		return math.NaN()
	}
	return ratFloat(orZero(m.S1), m.bigN())
}

// Variance returns the unbiased sample variance Σ(x−mean)²/(N−1)
// = A2/(N(N−1)), or NaN when N < 2.
func (m *Moments) Variance() float64 {
	if m.N < 2 {
		return math.NaN()
	}
	return ratFloat(m.centralSum2(), m.varianceDen())
}

// varianceDen returns N(N−1).
func (m *Moments) varianceDen() *big.Int {
	return new(big.Int).Mul(m.bigN(), new(big.Int).SetUint64(m.N-1))
}

// Std returns the sample standard deviation √Variance, or NaN when N < 2.
func (m *Moments) Std() float64 { return math.Sqrt(m.Variance()) }

// StdErr returns the standard error of the mean √(Variance/N), or NaN when
// N < 2.
func (m *Moments) StdErr() float64 {
	if m.N < 2 {
		return math.NaN()
	}
	den := m.varianceDen()
	return math.Sqrt(ratFloat(m.centralSum2(), den.Mul(den, m.bigN())))
}

// MeanCI returns the normal-approximation confidence interval
// Mean ± z·StdErr for the population mean; z = NormalQuantile(0.975) (or
// ZForConfidence(0.95)) gives the usual 95% interval, which is what the engine
// reports for EV per hand and mean session profit: with thousands of
// observations the Student t and normal quantiles agree to the digits shown.
// It returns NaNs when N < 2 and panics if z is negative or NaN.
func (m *Moments) MeanCI(z float64) (lo, hi float64) {
	if !(z >= 0) {
		panic(fmt.Sprintf("stats: MeanCI: z = %v, want z ≥ 0", z))
	}
	mean, se := m.Mean(), m.StdErr()
	return mean - z*se, mean + z*se
}

// Skewness returns the adjusted Fisher–Pearson sample skewness
//
//	G1 = √(N(N−1))/(N−2) · g1,  g1 = m3/m2^(3/2),  mk = Σ(x−mean)^k/N,
//
// the estimator of SAS, Excel's SKEW and gonum's stat.Skew (Joanes & Gill
// 1998, "Comparing measures of sample skewness and kurtosis", b1 → G1). In the
// exact sums g1² = A3²/A2³, so G1² is an exact rational and only the final
// square root is rounded. It returns NaN when N < 3 or all observations are
// equal.
func (m *Moments) Skewness() float64 {
	if m.N < 3 {
		return math.NaN()
	}
	a2, a3 := m.centralSum2(), m.centralSum3()
	if a2.Sign() == 0 {
		return math.NaN()
	}
	n := m.bigN()
	num := new(big.Int).Mul(a3, a3)
	num.Mul(num, n)
	num.Mul(num, new(big.Int).SetUint64(m.N-1))
	den := new(big.Int).Mul(a2, a2)
	den.Mul(den, a2)
	nm2 := new(big.Int).SetUint64(m.N - 2)
	den.Mul(den, nm2)
	den.Mul(den, nm2)
	g := math.Sqrt(ratFloat(num, den))
	if a3.Sign() < 0 {
		g = -g
	}
	return g
}

// ExcessKurtosis returns the sample excess kurtosis
//
//	G2 = (N−1)/((N−2)(N−3)) · ((N+1)·g2 + 6),  g2 = m4/m2² − 3,
//
// the estimator of SAS, Excel's KURT and gonum's stat.ExKurtosis (Joanes &
// Gill 1998, g2 → G2; unbiased under normality). In the exact sums
// g2 = A4/A2² − 3, so G2 is an exact rational rounded once. It returns NaN
// when N < 4 or all observations are equal.
func (m *Moments) ExcessKurtosis() float64 {
	if m.N < 4 {
		return math.NaN()
	}
	a2, a4 := m.centralSum2(), m.centralSum4()
	if a2.Sign() == 0 {
		return math.NaN()
	}
	n := new(big.Rat).SetUint64(m.N)
	one := big.NewRat(1, 1)
	g2 := new(big.Rat).SetFrac(a4, new(big.Int).Mul(a2, a2))
	g2.Sub(g2, big.NewRat(3, 1))
	// (N+1)·g2 + 6
	r := new(big.Rat).Add(n, one)
	r.Mul(r, g2)
	r.Add(r, big.NewRat(6, 1))
	// · (N−1)/((N−2)(N−3))
	r.Mul(r, new(big.Rat).SetUint64(m.N-1))
	r.Quo(r, new(big.Rat).SetUint64(m.N-2))
	r.Quo(r, new(big.Rat).SetUint64(m.N-3))
	f, _ := r.Float64()
	return f
}
