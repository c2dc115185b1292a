package clause

import (
	"math/rand/v2"
	"reflect"
	"sort"
	"strconv"
	"testing"
)

// reported keeps, of the facts offered, what sorting them all and keeping
// the first of each identity kept before (the rule it replaced, which held
// every occurrence of a repeated change in memory).
func TestReportedAgreesWithSortThenDedupe(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 300; round++ {
		type offer struct {
			removed bool
			pos     int
			fact    Fact
		}
		var offers []offer
		var got reported
		for k := r.IntN(40); k > 0; k-- {
			o := offer{r.IntN(3) == 0, r.IntN(20), Fact{Kind: FactAmount, Subject: "G",
				Old: strconv.Itoa(r.IntN(4)), New: strconv.Itoa(r.IntN(3)), Effective: strconv.Itoa(r.IntN(50))}}
			offers = append(offers, o)
			got.keep(o.removed, o.pos, o.fact)
		}
		sort.SliceStable(offers, func(a, b int) bool {
			if offers[a].removed != offers[b].removed {
				return !offers[a].removed
			}
			return offers[a].pos < offers[b].pos
		})
		var want []Fact
		seen := map[string]bool{}
		for _, o := range offers {
			if k := factIdentity(o.fact); !seen[k] {
				seen[k] = true
				want = append(want, o.fact)
			}
		}
		if g := got.facts(); !reflect.DeepEqual(g, want) {
			t.Fatalf("round %d:\n got %+v\nwant %+v", round, g, want)
		}
	}
}
