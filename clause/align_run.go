package clause

import (
	"strconv"
	"strings"
)

// matchRuns pairs the clauses an insertion or a deletion renumbered and
// that were edited besides. After "Article 5" is inserted, articles 5 to 9
// become 6 to 10; if article 7 also has a sentence rewritten, its text is
// too far from the new article 8 for minRenumbered, which guards a
// different number. Yet its neighbours say where it went: the clauses
// matched before and after it were renumbered by the same shift, and
// between their new places stand as many free clauses as between their
// old ones, each numbered by that shift from its old counterpart. Such a
// clause is paired with its counterpart when their texts are as alike as a
// clause kept under its number must be (minSimilar), or when a word diff
// keeps enough of the shorter one (minRunKept): the run stands for the
// number, the text must still show the clause. A pair whose texts are
// both too short to show anything (a heading's name or a status alone:
// "Article 12 – Abrogé." become "Article 13 – Supprimé.", a bare
// "Article 12") is paired by the run alone, as the same number pairs
// such clauses where nothing was renumbered. A gap whose neighbours disagree, or whose clauses are not
// numbered by the run's shift, is left to the passes that follow (an
// article deleted and another inserted in its place keep their own
// numbers and stay a removal and an addition).
func (a *aligner) matchRuns() {
	fo := a.f[sOld]
	for o := range fo.class {
		if !a.free(sOld, o) || fo.d.Clauses[o].Key == "" || (fo.prevSame[o] >= 0 && a.free(sOld, int(fo.prevSame[o]))) {
			continue // not the first free clause of a gap
		}
		olds := a.freeRun(sOld, o)
		lo, hi := int(fo.prevSame[o]), int(fo.nextSame[olds[len(olds)-1]])
		news, ok := a.runCounterparts(lo, hi, len(olds), fo.class[o])
		if !ok {
			continue
		}
		shift, ok := a.anchorShift(lo, hi, fo.d.Clauses[o].Kind)
		if !ok {
			continue
		}
		for k, o := range olds {
			n := news[k]
			if s, ok := numberShift(fo.d.Clauses[o].Key, a.f[sNew].d.Clauses[n].Key); !ok || s != shift || !a.compatible(o, n) {
				continue
			}
			if a.runTerse(o, n) {
				a.link([]int{o}, []int{n}, a.sim(o, n))
				continue
			}
			if !fo.hasWords(o) || !a.f[sNew].hasWords(n) {
				continue
			}
			if sim := a.sim(o, n); sim >= minSimilar || a.runKept(o, n) >= minRunKept {
				a.link([]int{o}, []int{n}, sim)
			}
		}
	}
}

// minRunKept is the share of the shorter text of a pair in a run that a
// word diff must keep for the pair to be one clause edited: two fifths,
// so that an article of two sentences, one rewritten at more length,
// passes. Beside the run, neighbouring articles of a bill that share a
// long phrase keep up to three fifths; the run is what tells them apart.
const minRunKept = 0.4

// maxTerseWords is the most words a clause's content (its text, or its
// heading's name when it has none) may hold and still say nothing a
// comparison could go by: a name or a status, no sentence.
const maxTerseWords = 4

// runTerse reports whether old clause o and new clause n both hold too
// few words for their texts to tell whether they are one clause.
func (a *aligner) runTerse(o, n int) bool {
	// A content of w words has w+1 bigrams, none when it is empty.
	return a.f[sOld].nBigrams(o) <= maxTerseWords+1 && a.f[sNew].nBigrams(n) <= maxTerseWords+1
}

// runKept is the share of the shorter of the texts of old clause o and
// new clause n that their word diff keeps. Word bigrams undercount short
// texts with an edit in each sentence; this counts what a reader sees.
func (a *aligner) runKept(o, n int) float64 {
	h := WordDiff(Canonical(a.f[sOld].d.Clauses[o].Text), Canonical(a.f[sNew].d.Clauses[n].Text))
	eq, del, ins := hunkRunes(h)
	if shorter := eq + min(del, ins); shorter > 0 {
		return float64(eq) / float64(shorter)
	}
	return 0
}

// freeRun lists the free clauses of side s from i on, following the
// clauses of i's class.
func (a *aligner) freeRun(s, i int) []int {
	var out []int
	for j := int32(i); j >= 0 && a.free(s, int(j)); j = a.f[s].nextSame[j] {
		out = append(out, int(j))
	}
	return out
}

// runCounterparts returns the new clauses of class cl between the
// counterparts of old clauses lo and hi (-1: the document's edge), when
// there are exactly want of them and all are free.
func (a *aligner) runCounterparts(lo, hi, want int, cl uint8) ([]int, bool) {
	fn := a.f[sNew]
	nlo, ok := a.soleCounterpart(lo)
	if !ok {
		return nil, false
	}
	nhi, ok := a.soleCounterpart(hi)
	if !ok {
		return nil, false
	}
	j := int32(-1)
	if nlo >= 0 {
		if fn.class[nlo] != cl {
			return nil, false
		}
		j = fn.nextSame[nlo]
	} else {
		for k := range fn.class {
			if fn.class[k] == cl {
				j = int32(k)
				break
			}
		}
	}
	var news []int
	for ; j >= 0 && int(j) != nhi; j = fn.nextSame[j] {
		if !a.free(sNew, int(j)) || len(news) == want {
			return nil, false
		}
		news = append(news, int(j))
	}
	if len(news) != want || (nhi >= 0 && int(j) != nhi) {
		return nil, false
	}
	return news, true
}

// soleCounterpart returns the one new clause old clause o is matched
// with; -1 with true for o = -1 (the document's edge), false when o is
// free or matched with several clauses or none.
func (a *aligner) soleCounterpart(o int) (int, bool) {
	if o < 0 {
		return -1, true
	}
	g := a.g[sOld][o]
	if g < 0 || len(a.groups[g].m[sOld]) != 1 || len(a.groups[g].m[sNew]) != 1 {
		return 0, false
	}
	return a.groups[g].m[sNew][0], true
}

// runShift is how a renumbering moved a number: which of its parts
// changed, by how much.
type runShift struct{ part, delta int }

// anchorShift returns the shift by which the old clauses lo and hi (either
// may be -1, not both) were renumbered, when both are of the given kind
// and agree on one: a title renumbered says nothing of the sections
// beside it.
func (a *aligner) anchorShift(lo, hi int, kind Kind) (runShift, bool) {
	var shifts []runShift
	for _, o := range [2]int{lo, hi} {
		if o < 0 {
			continue
		}
		if a.f[sOld].d.Clauses[o].Kind != kind {
			return runShift{}, false
		}
		n, _ := a.soleCounterpart(o)
		s, ok := numberShift(a.f[sOld].d.Clauses[o].Key, a.f[sNew].d.Clauses[n].Key)
		if !ok {
			return runShift{}, false
		}
		shifts = append(shifts, s)
	}
	if len(shifts) == 0 || len(shifts) == 2 && shifts[0] != shifts[1] {
		return runShift{}, false
	}
	return shifts[0], true
}

// numberShift compares two keys that differ in one numeric part only
// ("article:7" and "article:8", "article:28.1" and "article:29.1", "2 bis"
// and "3 bis") and returns that part and the difference.
func numberShift(ko, kn string) (runShift, bool) {
	po, no, _ := strings.Cut(ko, ":")
	pn, nn, _ := strings.Cut(kn, ":")
	if po != pn || no == "" || nn == "" {
		return runShift{}, false
	}
	to, tn := strings.Split(no, "."), strings.Split(nn, ".")
	if len(to) != len(tn) {
		return runShift{}, false
	}
	shift, found := runShift{}, false
	for i := range to {
		if to[i] == tn[i] {
			continue
		}
		x, err1 := strconv.Atoi(to[i])
		y, err2 := strconv.Atoi(tn[i])
		if found || err1 != nil || err2 != nil {
			return runShift{}, false
		}
		shift, found = runShift{part: i, delta: y - x}, true
	}
	return shift, found
}
