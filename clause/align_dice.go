package clause

import (
	"math/bits"
	"slices"
)

// pairDiceAtLeastHalf is diceAtLeastHalf of the bigrams of old clause o
// and new clause n. Two versions of one clause, a few paragraphs edited,
// hold the same bigrams in the same order but around the edits. The
// common count of two multisets that share a part is that part plus the
// common count of what is left of each: walking the two texts' bigrams
// side by side takes out the shared part, and only what is left needs
// sorting and counting. When either clause's bigrams are sorted already,
// when their MinHash signatures tell two different texts, or when the
// walk finds them, the sorted bigrams are counted, as for any other pair
// (see sortedFor).
func (a *aligner) pairDiceAtLeastHalf(o, n int) float64 {
	fo, fn := a.f[sOld], a.f[sNew]
	total := fo.nBigrams(o) + fn.nBigrams(n)
	if total == 0 {
		return 1
	}
	need := (total + 3) / 4 // as in diceAtLeastHalf
	common, ok := 0, false
	if fo.stage[o] != stageSorted && fn.stage[n] != stageSorted && sigAgreement(fo, fn, o, n) >= minSigAgreement {
		common, ok = a.walkCommon(fo.big[o], fn.big[n])
	}
	if !ok {
		if fo.stage[o] != stageSorted || fn.stage[n] != stageSorted {
			// Two different texts are told apart without sorting.
			if b := a.boundCommon(fo.big[o], fn.big[n]); b < need {
				return 2 * float64(b) / float64(total)
			}
		}
		return 2 * float64(intersectAtLeast(a.sortedFor(sOld, o), a.sortedFor(sNew, n), need)) / float64(total)
	}
	for s := range a.left {
		a.sortTmp = sortHashes(a.left[s], a.sortTmp)
	}
	common += intersectAtLeast(a.left[sOld], a.left[sNew], need-common)
	return 2 * float64(common) / float64(total)
}

// boundCommon returns a bound of the common count of multisets x and y:
// equal values fall in the same of some 4·(|x|+|y|) buckets, so the sum
// over the buckets of the smaller of the two counts is at least the
// common count. For two different texts it is about an eighth of the
// shorter list, far from the half that Dice needs.
func (a *aligner) boundCommon(x, y []uint32) int {
	// At most 2^20 buckets: beyond, the bound is only looser.
	shift := max(32-(bits.Len(uint(len(x)+len(y)))+2), 12)
	a.buckets = slices.Grow(a.buckets[:0], 1<<(32-shift))[:1<<(32-shift)]
	clear(a.buckets)
	for _, v := range x {
		a.buckets[v>>shift]++
	}
	bound := 0
	for _, v := range y {
		if c := &a.buckets[v>>shift]; *c > 0 {
			*c--
			bound++
		}
	}
	return bound
}

// resyncWindow is how far past a difference walkCommon looks for the two
// sequences to agree again: the length of an inserted sentence.
const resyncWindow = 48

// walkCommon walks sequences a and b together and counts the elements they
// hold at once; after each difference it skips, on either side, to where
// they agree again (see resync). The elements skipped are left in a.left.
// Any elements paired this way, equal values each taken once, are common
// to both multisets, so the count is exact whichever pairs the walk finds.
// It reports false, and leaves a.left unset, when its probes exceed the
// length of the sequences or a difference has no end in sight: the texts
// differ throughout.
func (a *aligner) walkCommon(x, y []uint32) (int, bool) {
	left := [2][]uint32{a.left[sOld][:0], a.left[sNew][:0]}
	budget := len(x) + len(y)
	common, i, j := 0, 0, 0
	for i < len(x) && j < len(y) {
		if x[i] == y[j] {
			common++
			i++
			j++
			continue
		}
		di, dj, probes := resync(x[i:], y[j:])
		if budget -= probes; budget < 0 {
			return 0, false
		}
		if di == 0 && dj == 0 {
			if len(x)-i > resyncWindow || len(y)-j > resyncWindow {
				return 0, false
			}
			break // the ends differ: what is left is left
		}
		left[sOld] = append(left[sOld], x[i:i+di]...)
		left[sNew] = append(left[sNew], y[j:j+dj]...)
		i += di
		j += dj
	}
	a.left[sOld] = append(left[sOld], x[i:]...)
	a.left[sNew] = append(left[sNew], y[j:]...)
	return common, true
}

// resync returns how many elements of a and of b to skip, a[0] and b[0]
// differing, for the two to agree again on two elements (or to the end):
// the nearest such place, up to resyncWindow on one side, with up to two
// on the other or as many, give or take two (so that inserted, removed
// and replaced runs of words are passed over). Finding none, it returns
// zeros. It also returns how many places it tried.
func resync(a, b []uint32) (da, db, probes int) {
	agree := func(i, j int) bool {
		probes++
		return i < len(a) && j < len(b) && a[i] == b[j] && (i+1 == len(a) || j+1 == len(b) || a[i+1] == b[j+1])
	}
	for d := 1; d <= resyncWindow; d++ {
		for k := range d + 1 {
			if k > 2 && k < d-2 {
				continue
			}
			if agree(d, k) {
				return d, k, probes
			}
			if k < d && agree(k, d) {
				return k, d, probes
			}
		}
	}
	return 0, 0, probes
}

// sortedFor returns the sorted bigrams of clause i of side s for one
// count. The first time, they are a sorted copy (in a.left, which the
// walk has left unused), so that the clause keeps its text order for a
// walk with another: in a renumbered text, a clause is first compared
// with the one now holding its number, another text. From the second
// time on they are sorted in place, once for all.
func (a *aligner) sortedFor(s, i int) []uint32 {
	f := a.f[s]
	if f.stage[i] != stageHashed {
		return f.bigrams(i)
	}
	f.stage[i] = stageCounted
	a.left[s] = append(a.left[s][:0], f.big[i]...)
	a.sortTmp = sortHashes(a.left[s], a.sortTmp)
	return a.left[s]
}
