package compare

import (
	"github.com/lir-lab/lir/engine/compare/paired"
	"github.com/lir-lab/lir/engine/config"
)

// The accumulation lives in engine/compare/paired, which needs no
// statistics library, so a Web Worker runs it; these names keep this
// package's API.
type (
	Arm       = paired.Arm
	PairSums  = paired.PairSums
	Aggregate = paired.Aggregate
	Comparer  = paired.Comparer
)

// NewAggregate returns an empty aggregate for arms of the given seat counts.
func NewAggregate(seats []int) *Aggregate { return paired.NewAggregate(seats) }

// New compiles the configs.
func New(configs []*config.Config) (*Comparer, error) { return paired.New(configs) }
