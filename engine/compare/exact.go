package compare

import (
	"fmt"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/sim"
)

// CheckExact reports whether every sum of a comparison can be exact
// (sim.CheckExact for each config's arm). A table session's profit sums
// its players': one a seat, and in replace mode each player a round can
// bring, table_rounds + 1 a seat. names label the configs in the error.
func CheckExact(configs []*config.Config, names []string, agg *Aggregate) error {
	for i, c := range configs {
		table := c.Table.NumSeats
		if r := c.Table.TableRounds; c.Table.SeatMode == "replace" && r != nil {
			table *= *r + 1
		}
		if err := sim.CheckExact(agg.Arms[i].Agg, int64(c.Bankroll.StartingAmount), table); err != nil {
			return fmt.Errorf("%s: %w", names[i], err)
		}
	}
	return nil
}
