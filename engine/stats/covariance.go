package stats

import (
	"math"
	"math/big"
)

// Covariance returns the sample covariance (divisor n − 1) of n paired
// integer observations from their exact sums Σx, Σy and Σxy:
// (n·Σxy − Σx·Σy) / (n·(n − 1)), the subtraction done exactly. It is NaN
// for n < 2.
func Covariance(n uint64, sx, sy, sxy *big.Int) float64 {
	if n < 2 {
		return math.NaN()
	}
	bn := new(big.Int).SetUint64(n)
	num := new(big.Int).Mul(bn, orZero(sxy))
	num.Sub(num, new(big.Int).Mul(orZero(sx), orZero(sy)))
	den := new(big.Int).Mul(bn, new(big.Int).SetUint64(n-1))
	f, _ := new(big.Rat).SetFrac(num, den).Float64()
	return f
}
