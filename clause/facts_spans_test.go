package clause

import (
	"math/rand/v2"
	"testing"
)

// claim agrees with the rule it replaced: a span is taken when it overlaps
// none taken before, in whatever order spans come.
func TestClaimedSpansAgreeWithScan(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 200; round++ {
		var fast claimedSpans
		var slow [][2]int
		for k := 0; k < 60; k++ {
			a := r.IntN(300)
			b := a + 1 + r.IntN(12)
			free := true
			for _, sp := range slow {
				if a < sp[1] && sp[0] < b {
					free = false
				}
			}
			if free {
				slow = append(slow, [2]int{a, b})
			}
			if got := fast.claim(a, b); got != free {
				t.Fatalf("round %d: claim(%d, %d) = %v, want %v (taken %v)", round, a, b, got, free, slow)
			}
		}
	}
}
