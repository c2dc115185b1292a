package clause

import (
	"container/heap"
	"slices"
)

// matchSimilar is passes 2 and 3 together: candidate pairs are those that
// share a number, those that MinHash banding finds, and the neighbours of
// matched pairs; each is verified with the real similarity, and the best
// are taken first, a shared number adding keyBonus. So a number match
// holds unless a clearly better content match exists elsewhere, as when
// an insertion shifts every following number.
func (a *aligner) matchSimilar() {
	fo, fn := a.f[sOld], a.f[sNew]
	var olds, news []int
	for i := range fo.class {
		if a.free(sOld, i) {
			olds = append(olds, i)
		}
	}
	for j := range fn.class {
		if a.free(sNew, j) {
			news = append(news, j)
		}
	}
	if len(olds) == 0 || len(news) == 0 {
		return
	}
	hasContent := func(s, i int) bool { return a.f[s].hasWords(i) }
	pairs := a.keyCandidates(hasContent)
	for _, p := range lshCandidates(fo, fn, olds, news) {
		o, n := int(p>>32), int(uint32(p))
		if a.compatible(o, n) && sigAgreement(fo, fn, o, n) >= minSigAgreement {
			pairs = append(pairs, p)
		}
	}
	pairs = a.neighbourPairs(pairs, olds)
	slices.Sort(pairs)
	pairs = slices.Compact(pairs)
	pick := a.pickSimilar
	if pick == nil {
		pick = a.pickLazily
	}
	pick(pairs)
	// Matches found make new neighbours: follow the chains a few times.
	for range 3 {
		olds = slices.DeleteFunc(olds, func(i int) bool { return !a.free(sOld, i) })
		pairs = a.neighbourPairs(pairs[:0], olds)
		if len(pairs) == 0 || pick(pairs) == 0 {
			break
		}
	}
}

// neighbourPairs appends, for each free old clause, the new clause that
// follows (precedes) the match of the old clause before (after) it: text
// usually moves in blocks.
func (a *aligner) neighbourPairs(out []uint64, olds []int) []uint64 {
	fo, fn := a.f[sOld], a.f[sNew]
	for _, o := range olds {
		if !a.free(sOld, o) || !fo.hasWords(o) {
			continue
		}
		for _, d := range [2]int{-1, 1} {
			nb := o + d
			if nb < 0 || nb >= len(fo.class) || a.g[sOld][nb] < 0 {
				continue
			}
			g := a.groups[a.g[sOld][nb]]
			if len(g.m[sOld]) != 1 || len(g.m[sNew]) != 1 {
				continue
			}
			n := g.m[sNew][0] - d
			if n < 0 || n >= len(fn.class) || !a.free(sNew, n) || !a.compatible(o, n) || !fn.hasWords(n) {
				continue
			}
			out = append(out, uint64(o)<<32|uint64(n))
		}
	}
	return out
}

// lazyCand is a candidate of matchSimilar whose score is, until verified,
// an upper bound of its score: the one its similarity would give if it
// were as high as the lengths of the two bigram lists allow.
type lazyCand struct {
	cand
	sameKey bool // the two clauses share a number
	parent  bool // parentOK, as it stood before the pick
}

// lazyHeap keeps verified candidates best first, in byScore's order.
type lazyHeap []lazyCand

func (h lazyHeap) Len() int           { return len(h) }
func (h lazyHeap) Less(i, j int) bool { return byScore(h[i].cand, h[j].cand) < 0 }
func (h lazyHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }

// Push and Pop are heap.Interface's; pickLazily appends and cuts itself,
// which spares boxing each candidate.
func (h *lazyHeap) Push(x any) { *h = append(*h, x.(lazyCand)) }
func (h *lazyHeap) Pop() any {
	*h = (*h)[:len(*h)-1]
	return nil
}

// pickLazily verifies the candidate pairs and accepts them as greedy
// would, best score first, each clause once, those whose similarity
// reaches minSimilar; it returns how many it accepted. Most candidates of
// a bill's successive steps are similar, several to each clause: counting
// their common bigrams is the bulk of the pass. Here the candidates are
// sorted by a bound of their score, and one is verified only when its
// bound comes first while both its clauses are still free; it then waits
// with its exact score among the verified ones. A verified candidate whose
// score is above the next bound is above every other exact score, so the
// pairs are accepted in greedy's order, and a clause once matched spares
// the counting of its other candidates.
func (a *aligner) pickLazily(pairs []uint64) int {
	bounds := make([]lazyCand, 0, len(pairs))
	for _, p := range pairs {
		if c, ok := a.bound(int(p>>32), int(uint32(p))); ok {
			bounds = append(bounds, c)
		}
	}
	slices.SortFunc(bounds, func(x, y lazyCand) int { return byScore(x.cand, y.cand) })
	var verified lazyHeap
	accepted := 0
	for len(bounds) > 0 || len(verified) > 0 {
		if len(verified) > 0 && (len(bounds) == 0 || byScore(verified[0].cand, bounds[0].cand) < 0) {
			c := verified[0]
			heap.Pop(&verified)
			if a.free(sOld, int(c.o)) && a.free(sNew, int(c.n)) {
				a.link([]int{int(c.o)}, []int{int(c.n)}, c.sim)
				accepted++
			}
			continue
		}
		c := bounds[0]
		bounds = bounds[1:]
		if a.free(sOld, int(c.o)) && a.free(sNew, int(c.n)) && a.verify(&c) {
			verified = append(verified, c)
			heap.Fix(&verified, len(verified)-1)
		}
	}
	return accepted
}

// bound returns candidate (o, n) with its score's upper bound, and false
// when even that bound would not pass the similarity thresholds. The
// bonuses are decided here, before the pick, as greedy's scores were.
func (a *aligner) bound(o, n int) (lazyCand, bool) {
	lo, ln := a.f[sOld].nBigrams(o), a.f[sNew].nBigrams(n)
	// Dice counts at most the shorter list in common; floating-point
	// division and addition being monotonic, the bound stays above the
	// exact score computed in the same steps.
	ub := 2 * float64(min(lo, ln)) / float64(lo+ln)
	ko, kn := a.f[sOld].d.Clauses[o].Key, a.f[sNew].d.Clauses[n].Key
	c := lazyCand{cand: cand{o: int32(o), n: int32(n)}, sameKey: ko != "" && ko == kn, parent: a.parentOK(o, n)}
	if ub < minSimilar || !c.sameKey && ko != "" && kn != "" && ub < minRenumbered {
		return c, false
	}
	c.sim, c.score = ub, a.scoreOf(ub, c)
	return c, true
}

// scoreOf is the score of candidate c at similarity s.
func (a *aligner) scoreOf(s float64, c lazyCand) float64 {
	score := s + 0.01*a.positionScore(int(c.o), int(c.n))
	if c.sameKey {
		score += keyBonus
	}
	if c.parent {
		score += parentBonus
	}
	return score
}

// verify replaces c's bound by its exact similarity and score; it reports
// false when the pair falls below the thresholds.
func (a *aligner) verify(c *lazyCand) bool {
	o, n := int(c.o), int(c.n)
	// minSimilar is one half: pairs under it are left without counting
	// all their common bigrams.
	d := a.pairDiceAtLeastHalf(o, n)
	if d < minSimilar {
		return false
	}
	s := a.verified(d, []int{o}, []int{n})
	if !c.sameKey && a.f[sOld].d.Clauses[o].Key != "" && a.f[sNew].d.Clauses[n].Key != "" && s < minRenumbered {
		return false
	}
	c.sim, c.score = s, a.scoreOf(s, *c)
	return true
}
