// Package compare runs two or more configs on common random numbers —
// table session i of every config deals from the same seed — and tests
// their differences with paired statistics from exact, mergeable sums.
package compare
