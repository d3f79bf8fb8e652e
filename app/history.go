package app

import (
	"fmt"
	"strings"
)

// historyKey is the localStorage key of the finished runs; the suffix is the
// version of historyEntry's layout.
const (
	historyKey    = "lir.history.v1"
	historyMax    = 20
	historyDocCap = 512 << 10 // results documents larger than this are not kept
)

// historyEntry is one finished run or comparison kept in the browser.
type historyEntry struct {
	ID       string   `json:"id"`
	When     string   `json:"when"`            // RFC 3339
	Kind     string   `json:"kind,omitempty"`  // "" a run, historyComparison a comparison
	Names    []string `json:"names,omitempty"` // a comparison's configs
	Name     string   `json:"name,omitempty"`  // a run's study (metadata.name)
	Seed     string   `json:"seed"`
	Sessions int64    `json:"sessions"`
	Hands    int64    `json:"hands"`
	EV       float64  `json:"ev_per_hand"`
	WinRate  float64  `json:"win_rate"`
	Workers  int      `json:"workers"`
	Seconds  float64  `json:"seconds"`
	Config   string   `json:"config"`        // a run's config
	Doc      string   `json:"doc,omitempty"` // the results or comparison document
}

// historyComparison is the Kind of a comparison's entry.
const historyComparison = "comparison"

// label describes the entry in the History list.
func (h historyEntry) label() string {
	when := strings.Replace(strings.TrimSuffix(h.When, "Z"), "T", " ", 1)
	if h.Kind == historyComparison {
		return fmt.Sprintf("%s · comparison of %s · %s sessions each · %s hands · seed %s",
			when, strings.Join(h.Names, ", "), groupDigits(h.Sessions), groupDigits(h.Hands), h.Seed)
	}
	if h.Name != "" {
		when += " · " + h.Name
	}
	return fmt.Sprintf("%s · %s sessions · %s hands · %s per hand · ended ahead %.1f%% · seed %s",
		when, groupDigits(h.Sessions), groupDigits(h.Hands), cashFine(h.EV), 100*h.WinRate, h.Seed)
}

// addHistory puts e first and keeps the newest historyMax entries.
func addHistory(h []historyEntry, e historyEntry) []historyEntry {
	if len(e.Doc) > historyDocCap {
		e.Doc = ""
	}
	h = append([]historyEntry{e}, h...)
	if len(h) > historyMax {
		h = h[:historyMax]
	}
	return h
}
