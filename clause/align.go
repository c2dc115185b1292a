package clause

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// AlignOptions tune Align.
type AlignOptions struct {
	// Concordance pairs, set by the user, override the aligner: each pair
	// names an old and a new clause by number or id.
	Concordance []Concord
}

// Concord is one line "old = new" of a concordance file. Old or New may
// list several clauses (a split or merge); an empty side means the clause
// was removed or added.
type Concord struct {
	Old []string
	New []string
}

// Thresholds of the aligner.
const (
	// minSimilar is the verified similarity (Dice over word bigrams) from
	// which two clauses are taken for the same clause edited.
	minSimilar = 0.5
	// keyBonus is how much a shared number weighs against content: a
	// content match elsewhere must beat the same-number match by more
	// than this to win, which is what happens when numbers shift.
	keyBonus = 0.1
	// parentBonus prefers, among equals, a clause under the counterpart
	// of its own parent.
	parentBonus = 0.02
	// minRenumbered is the similarity from which two clauses with
	// different numbers are taken for one clause renumbered or moved:
	// below it, a number that vanished is a removal and one that appeared
	// an addition, as a lawyer reading the two texts would say.
	minRenumbered = 0.75
	// minContained is the share of a fragment's bigrams that must be
	// found in the other side's clause for a split or merge.
	minContained = 0.6
	// minMoved is the share of a fragment's bigrams that must be found in
	// the other side's clause and not in the parts already matched with
	// it, for it to join them: text that moved into the fragment.
	minMoved = 0.5
	// minSigAgreement drops LSH candidates whose signatures agree on too
	// few bins to reach minSimilar, before any text is compared.
	minSigAgreement = 0.08
)

// Align pairs the clauses of old and new. Every clause index of both
// documents appears in exactly one match; matches are returned ordered by
// their position in the new document (removals by their old position,
// placed after the new clause that precedes them).
//
// The passes, each working on what the previous ones left: the
// concordance; identical text wherever it stands; tariff rows by code;
// same number or similar text, best first (text found through MinHash
// candidates, so that no all-pairs comparison is made); containers by the
// votes of their children; short clauses near their neighbours' new place
// (matchNearby); clauses renumbered and edited inside a run renumbered by
// one shift (matchRuns); same number whatever the text (an article
// rewritten);
// splits and merges; then additions and removals.
func Align(old, new *Document, opts AlignOptions) []match {
	return newAligner(old, new).align(opts)
}

// align runs the passes of Align.
func (a *aligner) align(opts AlignOptions) []match {
	a.applyConcordance(opts.Concordance)
	a.applyPreviousNumbers()
	// Tariff rows are matched by act code before their text is looked at:
	// a new price may equal the old price of another row.
	a.matchIdentical(func(c *Clause) bool { return !isTariffRow(c) })
	a.matchTableRows()
	a.matchKeys(isTariffRow)
	a.matchIdentical(isTariffRow)
	a.matchSimilar()
	a.keepContainerNumbers()
	a.matchByChildren()
	a.matchNearby()
	a.matchRuns()
	a.matchKeys(func(*Clause) bool { return true })
	a.matchFragments()
	return a.result()
}

// Sides of an alignment.
const (
	sOld = 0
	sNew = 1
)

// group is a match under construction: the clauses of each side.
type group struct {
	m   [2][]int
	sim float64
}

// newAligner prepares the features of both documents; a nil document is
// an empty one.
func newAligner(old, new *Document) *aligner {
	if old == nil {
		old = &Document{}
	}
	if new == nil {
		new = &Document{}
	}
	lines := newLineWords()
	a := &aligner{f: [2]*features{newFeatures(old, lines), newFeatures(new, lines)}}
	// Each group holds a clause of each side: sized once, a version of
	// many thousand clauses does not copy its groups a dozen times over.
	a.groups = make([]group, 0, min(len(old.Clauses), len(new.Clauses)))
	for s := range 2 {
		a.g[s] = make([]int32, len(a.f[s].class))
		for i := range a.g[s] {
			a.g[s][i] = -1
		}
	}
	return a
}

type aligner struct {
	f      [2]*features
	g      [2][]int32 // group of each clause, -1 while free
	groups []group
	// pickSimilar verifies and accepts matchSimilar's candidate pairs,
	// returning how many it accepted; nil is pickLazily. Tests set the
	// plain rule it is held to.
	pickSimilar func(pairs []uint64) int
	identCands  []cand // scratch of matchIdenticalBy
	// Scratch of pairDiceAtLeastHalf.
	left    [2][]uint32
	sortTmp []uint32
	buckets []int32
}

// cand is a candidate pair of old and new clause.
type cand struct {
	o, n  int32
	sim   float64
	score float64
}

func (a *aligner) free(s, i int) bool { return a.g[s][i] < 0 }

// link records a new match and returns its group index.
func (a *aligner) link(olds, news []int, sim float64) int {
	gi := len(a.groups)
	slices.Sort(olds)
	slices.Sort(news)
	a.groups = append(a.groups, group{m: [2][]int{olds, news}, sim: sim})
	for _, i := range olds {
		a.g[sOld][i] = int32(gi)
	}
	for _, i := range news {
		a.g[sNew][i] = int32(gi)
	}
	return gi
}

// join adds clause i of side s to group gi.
func (a *aligner) join(gi, s, i int) {
	g := &a.groups[gi]
	g.m[s] = append(g.m[s], i)
	slices.Sort(g.m[s])
	a.g[s][i] = int32(gi)
}

func (a *aligner) compatible(o, n int) bool {
	co, cn := a.f[sOld].class[o], a.f[sNew].class[n]
	if co != cn {
		return false
	}
	return co != classOther || a.f[sOld].d.Clauses[o].Kind == a.f[sNew].d.Clauses[n].Kind
}

// parentOK reports whether o and n stand under matched parents (or both
// at top level).
func (a *aligner) parentOK(o, n int) bool {
	po, pn := a.f[sOld].parent(o), a.f[sNew].parent(n)
	if po < 0 || pn < 0 {
		return po < 0 && pn < 0
	}
	g := a.g[sOld][po]
	return g >= 0 && slices.Contains(a.groups[g].m[sNew], pn)
}

// sim is the similarity of two clauses: 1 when their canonical contents
// are equal, else the Dice coefficient of their word bigrams, kept below
// 1 so that 1 always means identical.
func (a *aligner) sim(o, n int) float64 {
	return a.simOf([]int{o}, []int{n})
}

func (a *aligner) simOf(olds, news []int) float64 {
	if len(olds) == 0 || len(news) == 0 {
		return 0
	}
	fo, fn := a.f[sOld], a.f[sNew]
	return a.verified(dice(fo.joinedBigrams(olds), fn.joinedBigrams(news)), olds, news)
}

// verified turns a Dice coefficient of 1 into 0.999 unless the contents
// read the same once canonicalised.
func (a *aligner) verified(d float64, olds, news []int) float64 {
	if d >= 1 {
		if joinedEqual(a.f[sOld], olds, a.f[sNew], news) {
			return 1
		}
		return 0.999
	}
	return d
}

// greedy accepts candidates best score first, each clause once, those
// whose similarity reaches minSim; it returns how many it accepted.
func (a *aligner) greedy(cs []cand, minSim float64) int {
	slices.SortFunc(cs, byScore)
	n := 0
	for _, c := range cs {
		if c.sim < minSim || !a.free(sOld, int(c.o)) || !a.free(sNew, int(c.n)) {
			continue
		}
		a.link([]int{int(c.o)}, []int{int(c.n)}, c.sim)
		n++
	}
	return n
}

// byScore orders candidates best score first, then by old and new index.
// It compares fields one at a time, most decided by the first, where
// cmp.Or would weigh all three (and check each score for NaN, which scores
// never are).
func byScore(x, y cand) int {
	switch {
	case x.score > y.score:
		return -1
	case x.score < y.score:
		return 1
	case x.o != y.o:
		return int(x.o - y.o)
	}
	return int(x.n - y.n)
}

// positionScore is higher for clauses at similar relative positions.
func (a *aligner) positionScore(o, n int) float64 {
	return 1 - math.Abs(a.f[sOld].relPos(o)-a.f[sNew].relPos(n))
}

// matchIdentical is pass 1: equal kind class, heading rest and text,
// wherever they stand. Clauses with neither text nor heading rest (a bare
// "Titre II") are left to the number and children passes. When several
// clauses share a text, the place its matched neighbours give it wins,
// then the same number, then the same parent, then the nearest relative
// position.
func (a *aligner) matchIdentical(keep func(*Clause) bool) {
	// Byte-identical texts first, which is cheap; then the rest up to
	// canonical folding.
	a.matchIdenticalBy(false, keep)
	a.matchIdenticalBy(true, keep)
}

// isTariffRow reports a row of a tariff table, keyed by its act code.
func isTariffRow(c *Clause) bool {
	return c.Kind == KindItem && strings.HasPrefix(c.Key, "tariff:")
}

// identGroup is the clauses of one identity in matchIdenticalBy: the new
// ones chained through next, the old ones through dupNext, each chain in
// document order (fewer allocations than maps of slices).
type identGroup struct {
	first, last int32 // new clauses
	olds        int32 // how many old clauses
	dup, dupEnd int32 // old clauses left to the contest, -1 when none
}

// identGroups groups the free clauses that keep accepts by identity (see
// features.ident): each group holds new clauses, chained through next, and
// counts its old ones; oldGroup is the group of each old clause, -1 for
// none. Old clauses whose identity no new clause has are left out.
func (a *aligner) identGroups(canonical bool, keep func(*Clause) bool) (groups []identGroup, next, oldGroup []int32) {
	fo, fn := a.f[sOld], a.f[sNew]
	eligible := func(s, i int) bool { return a.free(s, i) && keep(&a.f[s].d.Clauses[i]) }
	n := 0
	for j := range fn.class {
		if eligible(sNew, j) {
			n++
		}
	}
	byID := make(map[uint64]int32, n)
	groups = make([]identGroup, 0, n)
	next = make([]int32, len(fn.class))
	for j := range fn.class {
		next[j] = -1
		if !eligible(sNew, j) {
			continue
		}
		id := fn.ident(j, canonical)
		if id == 0 {
			continue
		}
		if e, ok := byID[id]; ok {
			next[groups[e].last] = int32(j)
			groups[e].last = int32(j)
		} else {
			byID[id] = int32(len(groups))
			groups = append(groups, identGroup{first: int32(j), last: int32(j), dup: -1, dupEnd: -1})
		}
	}
	oldGroup = make([]int32, len(fo.class))
	for i := range fo.class {
		oldGroup[i] = -1
		if !eligible(sOld, i) {
			continue
		}
		if id := fo.ident(i, canonical); id != 0 {
			if e, ok := byID[id]; ok {
				oldGroup[i] = e
				groups[e].olds++
			}
		}
	}
	return groups, next, oldGroup
}

func (a *aligner) matchIdenticalBy(canonical bool, keep func(*Clause) bool) {
	fo, fn := a.f[sOld], a.f[sNew]
	groups, next, oldGroup := a.identGroups(canonical, keep)
	equal := func(o, n int) bool {
		to, tn := fo.d.Clauses[o].Text, fn.d.Clauses[n].Text
		if !canonical && to != tn {
			return false
		}
		return a.compatible(o, n) && fo.head[o] == fn.head[n] && canonEqual(to, tn)
	}
	// Unique texts first; clauses sharing their text with others are
	// grouped, in order of first appearance, and decided once the unique
	// texts have placed the parents.
	var order []int32
	dupNext := oldGroup // reused: each entry is read before it is written
	for i, e := range oldGroup {
		dupNext[i] = -1
		if e < 0 {
			continue
		}
		g := &groups[e]
		if g.first == g.last && g.olds == 1 {
			if equal(i, int(g.first)) {
				a.link([]int{i}, []int{int(g.first)}, 1)
			}
			continue
		}
		if g.dup < 0 {
			order = append(order, e)
			g.dup = int32(i)
		} else {
			dupNext[g.dupEnd] = int32(i)
		}
		g.dupEnd = int32(i)
	}
	// The candidates are kept for the next call: the identity passes run
	// four times.
	cs := a.identCands[:0]
	var pairs []uint64
	var os, ns []int
	for _, e := range order {
		g := groups[e]
		os, ns = os[:0], ns[:0]
		for i := g.dup; i >= 0; i = dupNext[i] {
			os = append(os, int(i))
		}
		for j := g.first; j >= 0; j = next[j] {
			ns = append(ns, int(j))
		}
		pairs = nearPairs(pairs[:0], fo, fn, os, ns, 1024, 4)
		if len(os)*len(ns) > 1024 {
			pairs = a.sameKeyPairs(pairs, os, ns)
		}
		for _, p := range pairs {
			o, n := int(p>>32), int(uint32(p))
			if !equal(o, n) {
				continue
			}
			score := a.positionScore(o, n)
			if k := fo.d.Clauses[o].Key; k != "" && k == fn.d.Clauses[n].Key {
				score += 4
			}
			// Where its matched neighbours put it beats its number: a
			// text renumbered throughout gives an old number to another
			// of the same words ("(Censuré)").
			if slices.Contains(a.neighbourAnchors(o), n) {
				score += 5
			}
			if a.parentOK(o, n) {
				score += 2
			}
			cs = append(cs, cand{o: int32(o), n: int32(n), sim: 1, score: score})
		}
	}
	a.greedy(cs, 0)
	a.identCands = cs
}

// sameKeyPairs appends the pairs of os × ns that share a number.
func (a *aligner) sameKeyPairs(out []uint64, os, ns []int) []uint64 {
	byKey := map[string][]int{}
	for _, n := range ns {
		if k := a.f[sNew].d.Clauses[n].Key; k != "" {
			byKey[k] = append(byKey[k], n)
		}
	}
	for _, o := range os {
		for _, n := range byKey[a.f[sOld].d.Clauses[o].Key] {
			out = append(out, uint64(o)<<32|uint64(n))
		}
	}
	return out
}

// keyCandidates returns the free compatible pairs that share a number,
// among clauses accepted by keep. A number held by several clauses (items
// "a)" under every article) pairs them near one another only.
func (a *aligner) keyCandidates(keep func(s, i int) bool) []uint64 {
	fo, fn := a.f[sOld], a.f[sNew]
	var pairs []uint64
	var os, ns []int
	seen := map[string]bool{}
	for i := range fo.d.Clauses {
		k := fo.d.Clauses[i].Key
		if k == "" || seen[k] || !a.free(sOld, i) || !keep(sOld, i) {
			continue
		}
		seen[k] = true
		os, ns = os[:0], ns[:0]
		for o := range fo.holders(k) {
			if a.free(sOld, o) && keep(sOld, o) {
				os = append(os, o)
			}
		}
		for n := range fn.holders(k) {
			if a.free(sNew, n) && keep(sNew, n) {
				ns = append(ns, n)
			}
		}
		start := len(pairs)
		pairs = nearPairs(pairs, fo, fn, os, ns, 256, 4)
		// Drop incompatible kinds in place.
		kept := pairs[:start]
		for _, p := range pairs[start:] {
			if a.compatible(int(p>>32), int(uint32(p))) {
				kept = append(kept, p)
			}
		}
		pairs = kept
	}
	return pairs
}

// matchKeys pairs free clauses that share a number, whatever their text:
// tariff rows by act code (pass 7), and in pass 4 the articles rewritten
// under the same number. Among several holders of a number, those under
// matched parents come first, then the nearest.
func (a *aligner) matchKeys(keep func(*Clause) bool) {
	pairs := a.keyCandidates(func(s, i int) bool { return keep(&a.f[s].d.Clauses[i]) })
	cs := make([]cand, 0, len(pairs))
	for _, p := range pairs {
		o, n := int(p>>32), int(uint32(p))
		score := a.positionScore(o, n)
		if a.parentOK(o, n) {
			score += 2
		}
		cs = append(cs, cand{o: int32(o), n: int32(n), sim: -1, score: score})
	}
	// Similarity is computed for accepted pairs only.
	start := len(a.groups)
	a.greedy(cs, -1)
	for gi := start; gi < len(a.groups); gi++ {
		g := &a.groups[gi]
		g.sim = a.simOf(g.m[sOld], g.m[sNew])
	}
}

// nearbyWindow is how far from where its neighbours went matchNearby looks
// for a clause's new place.
const nearbyWindow = 4

// matchNearby pairs what the bigram similarity misses on short texts: a
// one-sentence article whose amount changed ("La consultation G est fixée à
// 26,50 €." → "… 30 €.") shares few word pairs, yet most of its text. Each
// free old clause is compared with the free new clauses next to where its
// matched neighbours went, by the share of text a word diff keeps; the
// best pair over minRenumbered is taken. Without this pass the number
// would pair the old clause with whatever now holds its number.
func (a *aligner) matchNearby() {
	fo, fn := a.f[sOld], a.f[sNew]
	for o := range fo.class {
		if !a.free(sOld, o) || strings.TrimSpace(fo.d.Clauses[o].Text) == "" {
			continue
		}
		best, bestSim := -1, minRenumbered
		ot := fo.d.Clauses[o].Text
		var canonOld string
		// The windows of the two anchors mostly overlap: a clause tried
		// once is not diffed again (it could not do better a second time).
		var tried [2 * (2*nearbyWindow + 1)]int
		nTried := 0
		try := func(n int) {
			if slices.Contains(tried[:nTried], n) {
				return
			}
			tried[nTried] = n
			nTried++
			if n < 0 || n >= len(fn.class) || !a.free(sNew, n) || !a.compatible(o, n) {
				return
			}
			nt := fn.d.Clauses[n].Text
			if strings.TrimSpace(nt) == "" || len(ot) > 4*len(nt)+40 || len(nt) > 4*len(ot)+40 {
				return
			}
			if canonOld == "" {
				canonOld = Canonical(ot)
			}
			if sim := diffSimilarity(WordDiff(canonOld, Canonical(nt))); sim > bestSim {
				best, bestSim = n, sim
			}
		}
		for _, anchor := range a.neighbourAnchors(o) {
			for d := -nearbyWindow; d <= nearbyWindow; d++ {
				try(anchor + d)
			}
		}
		if best >= 0 {
			a.link([]int{o}, []int{best}, bestSim)
		}
	}
}

// neighbourAnchors returns where the nearest matched old clauses before
// and after o went in the new document, shifted by their distance to o.
func (a *aligner) neighbourAnchors(o int) []int {
	var out []int
	for p := o - 1; p >= 0 && p >= o-nearbyWindow; p-- {
		if g := a.g[sOld][p]; g >= 0 && len(a.groups[g].m[sNew]) > 0 {
			out = append(out, a.groups[g].m[sNew][0]+(o-p))
			break
		}
	}
	for q := o + 1; q < len(a.g[sOld]) && q <= o+nearbyWindow; q++ {
		if g := a.g[sOld][q]; g >= 0 && len(a.groups[g].m[sNew]) > 0 {
			out = append(out, a.groups[g].m[sNew][0]-(q-o))
			break
		}
	}
	return out
}

// children lists the children of every clause of side s.
func (a *aligner) children(s int) [][]int {
	f := a.f[s]
	kids := make([][]int, len(f.class))
	for i := range f.class {
		if p := f.parent(i); p >= 0 {
			kids[p] = append(kids[p], i)
		}
	}
	return kids
}

// matchByChildren pairs free clauses that have children, chiefly bare
// containers ("Titre II" with no text), with the new clause under which
// most of their matched children now stand: when a title is inserted the
// numbers of the following titles shift, but their articles follow them.
// Deepest first, so that chapters vote for their title.
func (a *aligner) matchByChildren() {
	kidsO, kidsN := a.children(sOld), a.children(sNew)
	matchedKids := func(s int, kids []int) int {
		n := 0
		for _, c := range kids {
			if gi := a.g[s][c]; gi >= 0 && len(a.groups[gi].m[1-s]) > 0 {
				n++
			}
		}
		return n
	}
	fn := a.f[sNew]
	votes := map[int]int{}
	for o := len(kidsO) - 1; o >= 0; o-- {
		if !a.free(sOld, o) || len(kidsO[o]) == 0 {
			continue
		}
		clear(votes)
		total := 0
		for _, c := range kidsO[o] {
			gi := a.g[sOld][c]
			if gi < 0 || len(a.groups[gi].m[sNew]) == 0 {
				continue
			}
			total++
			last := -2
			for _, nm := range a.groups[gi].m[sNew] {
				p := fn.parent(nm)
				if p >= 0 && p != last && a.free(sNew, p) && a.compatible(o, p) {
					votes[p]++
				}
				last = p
			}
		}
		best, bestVotes := -1, 0
		for p, v := range votes {
			if v > bestVotes || v == bestVotes && (a.positionScore(o, p) > a.positionScore(o, best) ||
				a.positionScore(o, p) == a.positionScore(o, best) && p < best) {
				best, bestVotes = p, v
			}
		}
		if best < 0 || 2*bestVotes <= total || 2*bestVotes <= matchedKids(sNew, kidsN[best]) {
			continue
		}
		a.link([]int{o}, []int{best}, a.sim(o, best))
	}
}

// matchFragments is pass 5: a free clause whose text is largely contained
// in a clause of the other side, next to what that clause matched, joins
// its match (a split when the free clause is new, a merge when it is old);
// a free clause contained in a free clause between the same anchors
// starts a match of its own that later fragments may join.
func (a *aligner) matchFragments() {
	for range 2 {
		changed := false
		for _, s := range [2]int{sNew, sOld} {
			for i := range a.f[s].class {
				if a.free(s, i) && a.fragment(s, i) {
					changed = true
				}
			}
		}
		if !changed {
			break
		}
	}
	for gi := range a.groups {
		g := &a.groups[gi]
		if len(g.m[sOld]) > 1 || len(g.m[sNew]) > 1 {
			g.sim = a.simOf(g.m[sOld], g.m[sNew])
		}
	}
}

// fragment tries to attach free clause i of side s; see matchFragments.
func (a *aligner) fragment(s, i int) bool {
	f, of := a.f[s], a.f[1-s]
	piece := f.bigrams(i)
	if len(piece) < 3 {
		return false
	}
	compat := func(j int) bool {
		if s == sNew {
			return a.compatible(j, i)
		}
		return a.compatible(i, j)
	}
	// Beside a matched clause of the same class.
	bestG, bestC := -1, 0.0
	for _, nb := range [2]int32{f.prevSame[i], f.nextSame[i]} {
		if nb < 0 || a.g[s][nb] < 0 {
			continue
		}
		gi := int(a.g[s][nb])
		g := a.groups[gi]
		if len(g.m[1-s]) != 1 || len(g.m[s]) == 0 {
			continue
		}
		j := g.m[1-s][0]
		// A tariff row is one record: two rows of one act are never one
		// split in two ("| G | DROM | 32 € |" gone merged into the
		// Métropole row read "code: G → –", G still priced).
		if !compat(j) || isTariffRow(&f.d.Clauses[i]) && isTariffRow(&of.d.Clauses[j]) {
			continue
		}
		c := containment(piece, of.bigrams(j))
		if c < minContained || c <= bestC {
			continue
		}
		// What the fragment shares with the other side must be text that
		// moved into it, not words the parts already matched still hold
		// (a new article quoting the code an old one amends, whose
		// phrases both keep).
		common := intersection(piece, of.bigrams(j))
		if moved := len(common) - intersectCount(common, f.joinedBigrams(g.m[s])); float64(moved) < minMoved*float64(len(piece)) {
			continue
		}
		// The fragment must add to the match, not repeat what the
		// matched clause already says.
		with := append(slices.Clone(g.m[s]), i)
		slices.Sort(with)
		other := of.bigrams(j)
		if dice(f.joinedBigrams(with), other) <= dice(f.joinedBigrams(g.m[s]), other) {
			continue
		}
		bestG, bestC = gi, c
	}
	if bestG >= 0 {
		a.join(bestG, s, i)
		return true
	}
	// Between the same anchors, a free clause of the other side.
	lo, hi := a.anchor(s, i, -1), a.anchor(s, i, +1)
	start := 0
	if lo >= 0 {
		start = lo + 1
	}
	// Bounded scans keep the pass linear when the anchors are far apart.
	tried, scanned := 0, 0
	for j := start; j < len(of.class) && (hi < 0 || j < hi) && tried < 32 && scanned < 512; j++ {
		scanned++
		// A number that vanished and another that appeared are a removal
		// and an addition unless the texts are alike (minRenumbered, which
		// matchSimilar already tried): words shared are not enough.
		if !a.free(1-s, j) || !compat(j) || f.d.Clauses[i].Key != of.d.Clauses[j].Key {
			continue
		}
		tried++
		if containment(piece, of.bigrams(j)) >= minContained {
			if s == sNew {
				a.link([]int{j}, []int{i}, a.sim(j, i))
			} else {
				a.link([]int{i}, []int{j}, a.sim(i, j))
			}
			return true
		}
	}
	return false
}

// anchor returns, for clause i of side s, the index on the other side of
// the match of the nearest matched clause of the same class before (dir
// -1: the last index of that match) or after (dir +1: its first index),
// or -1.
func (a *aligner) anchor(s, i, dir int) int {
	f := a.f[s]
	j := int32(i)
	for steps := 0; steps < 64; steps++ {
		if dir < 0 {
			j = f.prevSame[j]
		} else {
			j = f.nextSame[j]
		}
		if j < 0 {
			return -1
		}
		if gi := a.g[s][j]; gi >= 0 {
			m := a.groups[gi].m[1-s]
			if len(m) == 0 {
				continue
			}
			if dir < 0 {
				return m[len(m)-1]
			}
			return m[0]
		}
	}
	return -1
}

// result adds the additions and removals and orders the matches: by first
// new index, a removal right after the match of the nearest preceding old
// clause that has a new side.
func (a *aligner) result() []match {
	for i := range a.g[sOld] {
		if a.free(sOld, i) {
			a.link([]int{i}, nil, 0)
		}
	}
	for j := range a.g[sNew] {
		if a.free(sNew, j) {
			a.link(nil, []int{j}, 0)
		}
	}
	type placed struct {
		at, sub, old int
		gi           int
	}
	ps := make([]placed, 0, len(a.groups))
	anchor := -1
	for i := range a.g[sOld] {
		gi := int(a.g[sOld][i])
		g := a.groups[gi]
		if len(g.m[sNew]) > 0 {
			anchor = g.m[sNew][0]
		} else if g.m[sOld][0] == i {
			ps = append(ps, placed{at: anchor, sub: 1, old: i, gi: gi})
		}
	}
	for gi, g := range a.groups {
		if len(g.m[sNew]) > 0 {
			ps = append(ps, placed{at: g.m[sNew][0], gi: gi})
		}
	}
	slices.SortFunc(ps, func(x, y placed) int {
		return cmp.Or(cmp.Compare(x.at, y.at), cmp.Compare(x.sub, y.sub), cmp.Compare(x.old, y.old))
	})
	out := make([]match, len(ps))
	for k, p := range ps {
		g := a.groups[p.gi]
		out[k] = match{Old: g.m[sOld], New: g.m[sNew], Similarity: g.sim}
	}
	return out
}

// intersection lists what two sorted lists share.
func intersection(a, b []uint32) []uint32 {
	var out []uint32
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	return out
}
