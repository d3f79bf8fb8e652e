// Package cards defines playing cards and the combinatorial indexes of 3-,
// 4- and 5-card hands. A Card packs rank and suit into one byte so hands are
// small arrays that the hot loop copies and compares cheaply.
package cards
