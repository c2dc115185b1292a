package clause

// pairDiceAtLeastHalf is diceAtLeastHalf of the bigrams of old clause o
// and new clause n. Two versions of one clause, a few paragraphs edited,
// hold the same bigrams in the same order but around the edits. The
// common count of two multisets that share a part is that part plus the
// common count of what is left of each: walking the two texts' bigrams
// side by side takes out the shared part, and only what is left needs
// sorting and counting. When the walk finds the texts too different, the
// sorted bigrams are counted, as for any other pair.
func (a *aligner) pairDiceAtLeastHalf(o, n int) float64 {
	so, sn := a.f[sOld].seq[o], a.f[sNew].seq[n]
	total := len(so) + len(sn)
	if total == 0 {
		return 1
	}
	need := (total + 3) / 4 // as in diceAtLeastHalf
	common, ok := a.walkCommon(so, sn)
	if !ok {
		return 2 * float64(intersectAtLeast(a.f[sOld].bigrams(o), a.f[sNew].bigrams(n), need)) / float64(total)
	}
	for s := range a.left {
		a.sortTmp = sortHashes(a.left[s], a.sortTmp)
	}
	common += intersectAtLeast(a.left[sOld], a.left[sNew], need-common)
	return 2 * float64(common) / float64(total)
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
// length of the sequences: the texts differ throughout.
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
// up to resyncWindow on one side and two on the other, the nearest first,
// so that an inserted, removed or replaced run of words is passed over.
// Finding none, it skips one element on each side. It also returns how
// many places it tried.
func resync(a, b []uint32) (da, db, probes int) {
	agree := func(i, j int) bool {
		probes++
		return i < len(a) && j < len(b) && a[i] == b[j] && (i+1 == len(a) || j+1 == len(b) || a[i+1] == b[j+1])
	}
	for d := 1; d <= resyncWindow; d++ {
		for k := range min(d, 2) + 1 {
			if agree(d, k) {
				return d, k, probes
			}
			if agree(k, d) {
				return k, d, probes
			}
		}
	}
	return 1, 1, probes
}
