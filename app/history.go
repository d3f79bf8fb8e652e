package app

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"sort"
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
	return fmt.Sprintf("%s · %s sessions · %s hands · EV/hand %.4f · win rate %.1f%% · seed %s",
		when, groupDigits(h.Sessions), groupDigits(h.Hands), h.EV, 100*h.WinRate, h.Seed)
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

// resultsCSV flattens a results document into "field,value" rows (the
// config is left out: it is in the JSON). Nested keys are joined with dots
// and arrays are indexed: seats.0.hands.
func resultsCSV(doc map[string]any) []byte {
	var rows [][]string
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch v := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(v))
			for k := range v {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				if prefix == "" && (k == "config" || k == "timing") {
					continue
				}
				walk(strings.TrimPrefix(prefix+"."+k, "."), v[k])
			}
		case []any:
			for i, x := range v {
				walk(fmt.Sprintf("%s.%d", prefix, i), x)
			}
		case nil:
			rows = append(rows, []string{prefix, ""})
		case json.Number:
			rows = append(rows, []string{prefix, v.String()})
		default:
			rows = append(rows, []string{prefix, fmt.Sprint(v)})
		}
	}
	walk("", doc)
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"field", "value"})
	w.WriteAll(rows)
	return b.Bytes()
}
