package clause

import (
	"math/bits"
	"slices"
)

// pairSet gathers candidate pairs (o<<32 | n, o among olds and n among
// news) without repeats. LSH proposes a pair of similar clauses once for
// each band on which they agree, up to bands times: when the grid of
// olds × news is small, a bitmap over it drops the repeats as they come,
// and reading it row by row gives the pairs in order, which costs less
// than gathering and sorting them all; else they are sorted.
type pairSet struct {
	olds, news   []int
	rankO, rankN []uint32
	row          int      // words of a row of the grid
	grid         []uint64 // nil when the pairs go to list
	list         []uint64
}

// maxPairGrid is the most cells the grid may have (128 KB).
const maxPairGrid = 1 << 20

// newPairSet prepares a set for pairs among olds and news, sorted lists
// of clause indexes.
func newPairSet(olds, news []int) *pairSet {
	s := &pairSet{olds: olds, news: news}
	if len(olds) == 0 || len(news) == 0 || len(olds)*len(news) > maxPairGrid {
		return s
	}
	s.row = (len(news) + 63) / 64
	s.grid = make([]uint64, len(olds)*s.row)
	s.rankO, s.rankN = ranks(olds), ranks(news)
	return s
}

// ranks maps each element of idx, a sorted list of clause indexes, to its
// position in the list.
func ranks(idx []int) []uint32 {
	r := make([]uint32, idx[len(idx)-1]+1)
	for k, i := range idx {
		r[i] = uint32(k)
	}
	return r
}

func (s *pairSet) add(pairs []uint64) {
	if s.grid == nil {
		s.list = append(s.list, pairs...)
		return
	}
	for _, p := range pairs {
		o, n := s.rankO[p>>32], s.rankN[uint32(p)]
		s.grid[int(o)*s.row+int(n/64)] |= 1 << (n % 64)
	}
}

// sorted returns the pairs of the set in increasing order.
func (s *pairSet) sorted() []uint64 {
	if s.grid == nil {
		slices.Sort(s.list)
		return slices.Compact(s.list)
	}
	var out []uint64
	for o, old := range s.olds {
		for w, set := range s.grid[o*s.row : (o+1)*s.row] {
			for set != 0 {
				n := w*64 + bits.TrailingZeros64(set)
				set &= set - 1
				out = append(out, uint64(old)<<32|uint64(s.news[n]))
			}
		}
	}
	return out
}

// keepContainerNumbers gives a container back the heading that still
// bears its number and level when the text pass paired it with a
// container nested under that heading: 'Section 2' cut into 'Sous-section
// 1' and 'Sous-section 2', its opening words going to the second, is
// still 'Section 2', and 'Sous-section 2' is new. Only a new heading
// left free, of the old one's kind and key, enclosing the one the text
// chose, takes it back: a section renumbered ('Section 2' become 'Section
// 3', a new 'Section 2' before it) keeps its text's match.
func (a *aligner) keepContainerNumbers() {
	fo, fn := a.f[sOld], a.f[sNew]
	for gi := range a.groups {
		g := &a.groups[gi]
		if len(g.m[sOld]) != 1 || len(g.m[sNew]) != 1 {
			continue
		}
		o, n := g.m[sOld][0], g.m[sNew][0]
		oc, nc := &fo.d.Clauses[o], &fn.d.Clauses[n]
		if !isContainer(oc.Kind) || oc.Key == "" || oc.Key == nc.Key {
			continue
		}
		for p := fn.parent(n); p >= 0; p = fn.parent(p) {
			if fn.d.Clauses[p].Key != oc.Key {
				continue
			}
			if a.free(sNew, p) && a.compatible(o, p) && a.parentOK(o, p) {
				a.g[sNew][n] = -1
				g.m[sNew] = []int{p}
				a.g[sNew][p] = int32(gi)
				g.sim = a.sim(o, p)
			}
			break
		}
	}
}
