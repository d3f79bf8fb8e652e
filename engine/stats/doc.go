// Package stats turns the engine's exact integer aggregates into the reported
// statistics: moments, confidence intervals, quantiles, chi-square, paired and
// two-proportion tests, and Holm's correction. gonum's special functions
// (mathext) supply the distributions (distributions.go).
package stats
