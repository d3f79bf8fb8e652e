package stats

import "fmt"

// ChiSquareIndependence tests an r×c contingency table (rows: seats; columns:
// win/loss/push counts, say) for independence of rows and columns with
// Pearson's statistic, expected count R_i·C_j/N from the row and column
// totals, and DF = (r−1)(c−1) (the test R's chisq.test(table, correct =
// FALSE) performs).
//
// Rows and columns whose total is 0 carry no information (a seat that never
// played, a result that never happened) and are dropped before the test,
// counting neither in the statistic nor in DF. With fewer than two non-empty
// rows or columns DF is 0 and PValue NaN. The chi-square approximation wants
// expected counts of about 5 or more in most cells; the caller should check
// its tables are that large. Result.Pooled is always 0.
//
// It panics if the table has no rows or is ragged.
func ChiSquareIndependence(table [][]uint64) Result {
	if len(table) == 0 {
		panic("stats: ChiSquareIndependence: empty table")
	}
	cols := len(table[0])
	rowSum := make([]float64, len(table))
	colSum := make([]float64, cols)
	var n float64
	for i, row := range table {
		if len(row) != cols {
			panic(fmt.Sprintf("stats: ChiSquareIndependence: row %d has %d cells, row 0 has %d", i, len(row), cols))
		}
		for j, v := range row {
			rowSum[i] += float64(v)
			colSum[j] += float64(v)
		}
		n += rowSum[i]
	}
	r, c := nonZero(rowSum), nonZero(colSum)
	if r < 2 || c < 2 {
		return newResult(0, 0, 0)
	}
	var stat float64
	for i, row := range table {
		if rowSum[i] == 0 {
			continue
		}
		for j, v := range row {
			if colSum[j] == 0 {
				continue
			}
			e := rowSum[i] * colSum[j] / n
			d := float64(v) - e
			stat += d * d / e
		}
	}
	return newResult(stat, (r-1)*(c-1), 0)
}

func nonZero(xs []float64) int {
	k := 0
	for _, x := range xs {
		if x != 0 {
			k++
		}
	}
	return k
}
