package app

import (
	"strings"
	"testing"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Every part the first mount leaves for a later stage has its root element,
// with the id staged looks for, in the pre-rendered page (else that part
// would mount in the first task after all); the stages are in order.
func TestStagedPartsArePreRendered(t *testing.T) {
	p, _, _ := testPage(t)
	html := goapp.HTMLString(p)
	ids := []string{"results", "walkaway", "comparison", "studies", "history"}
	for _, g := range formGroups {
		ids = append(ids, "group-"+g.Key)
	}
	for _, id := range ids {
		if n := strings.Count(html, ` id="`+id+`"`); n != 1 {
			t.Errorf("the pre-rendered page has %d elements with id %q, want 1", n, id)
		}
	}
	if groupStage(0) < 1 || groupStage(len(formGroups)-1) >= lastStage+1 {
		t.Errorf("stages out of order: groups %d–%d, last %d", groupStage(0), groupStage(len(formGroups)-1), lastStage)
	}
}
