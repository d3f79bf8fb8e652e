package app

import (
	"fmt"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// waitedText is how long a piece of work has taken since since, with the
// share of it done once its worker has told it: "40% · 3 s".
func waitedText(share float64, since time.Time) string {
	if share > 0 {
		return fmt.Sprintf("%.0f%% · %s", 100*share, seconds(time.Since(since)))
	}
	return seconds(time.Since(since))
}

// solvingBar is a progress bar of a solve in the exact worker, named
// label, shown while it works once the worker has told how far it has got.
// Its place (div.solving, lab.css) is kept when there is no bar, so that
// the bar coming and going does not move what is below it.
func solvingBar(id, label string, working bool, share float64) goapp.UI {
	return goapp.Div().Class("solving").Body(
		goapp.If(working && share > 0, func() goapp.UI {
			return goapp.Progress().ID(id).Max(1).Value(share).Aria("label", label+": share solved")
		}),
	)
}
