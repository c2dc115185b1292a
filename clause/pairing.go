package clause

import (
	"math"
)

// maxPairCells bounds the dynamic programmes of pairing; beyond it (texts
// with thousands of facts) pairing falls back to a greedy pass.
const maxPairCells = 1 << 22

// pairFacts pairs the facts of the old and new texts and returns index
// pairs {old, new}. The anchors are facts known to be the same fact on
// both sides; when none are given, facts with the same key in the same
// order are (a longest common subsequence). Between two anchors, the
// remaining facts of each kind are paired by their surrounding words and
// subject, in order, so that an amount that changed in place is one pair.
func pairFacts(olds, news []factAt, anchors [][2]int) [][2]int {
	markSharedSubjects(olds, news)
	markSharedSubjects(news, olds)
	if anchors == nil {
		anchors = lcsPairs(olds, news)
	}
	var pairs [][2]int
	prevO, prevN := -1, -1
	for k := 0; k <= len(anchors); k++ {
		endO, endN := len(olds), len(news)
		if k < len(anchors) {
			endO, endN = anchors[k][0], anchors[k][1]
		}
		pairs = append(pairs, pairGap(olds, news, prevO+1, endO, prevN+1, endN)...)
		if k < len(anchors) {
			pairs = append(pairs, anchors[k])
			prevO, prevN = anchors[k][0], anchors[k][1]
		}
	}
	return pairs
}

// maxAnchoredDiff is the size of two normalised texts beyond which facts
// are paired by value rather than anchored by a word diff.
const maxAnchoredDiff = 1 << 16

// diffAnchors pairs the facts that the word diff of the two texts leaves
// in place: a fact lying wholly in text the diff keeps equal is the same
// fact on both sides. Anchoring on place rather than on value keeps two
// swapped amounts ("de 26,50 € … de 5 €" → "de 5 € … de 26,50 €") from
// pairing the 5 € with itself and reporting the rest as a removal plus an
// addition; the facts reported then agree with the word diff shown beside
// them. It returns nil, so that pairing falls back to values, when the
// texts are too large to diff cheaply. hunks are the word diff of the two
// texts when the caller has it, else nil.
func diffAnchors(oldNorm, newNorm string, hunks []Hunk, olds, news []factAt) [][2]int {
	if len(olds) == 0 || len(news) == 0 || len(oldNorm)+len(newNorm) > maxAnchoredDiff {
		return nil
	}
	if hunks == nil {
		hunks = WordDiff(oldNorm, newNorm)
	}
	// Equal stretches: old start, new start, length.
	type span struct{ o, n, l int }
	var eq []span
	for sh := range sharedStretches(hunks) {
		eq = append(eq, span{sh.old, sh.new, len(sh.text)})
	}
	// An amount pricing several codes is several facts on one span: the
	// key tells them apart.
	type place struct {
		start, end int
		kind       FactKind
		key        string
	}
	newAt := map[place]int{}
	for j := range news {
		newAt[place{news[j].start, news[j].end, news[j].kind, news[j].key}] = j
	}
	anchors := [][2]int{} // not nil: no fact kept in place is an answer too
	k := 0
	for i := range olds {
		o := &olds[i]
		for k < len(eq) && eq[k].o+eq[k].l <= o.start {
			k++
		}
		if k == len(eq) || o.start < eq[k].o || o.end > eq[k].o+eq[k].l {
			continue
		}
		shift := eq[k].n - eq[k].o
		if j, ok := newAt[place{o.start + shift, o.end + shift, o.kind, o.key}]; ok {
			if n := len(anchors); n == 0 || anchors[n-1][1] < j {
				anchors = append(anchors, [2]int{i, j})
			}
		}
	}
	return anchors
}

func markSharedSubjects(fs, other []factAt) {
	codes := map[string]bool{}
	for i := range other {
		if other[i].kind == FactCode {
			codes[other[i].val] = true
		}
		if other[i].subject != "" {
			codes[other[i].subject] = true
		}
	}
	for i := range fs {
		fs[i].subjectShared = fs[i].subject != "" && codes[fs[i].subject]
	}
}

func lcsPairs(olds, news []factAt) [][2]int {
	n, m := len(olds), len(news)
	if n == 0 || m == 0 {
		return nil
	}
	if n*m > maxPairCells {
		// Greedy: walk both in order, pairing the next equal key ahead.
		var out [][2]int
		j := 0
		for i := 0; i < n && j < m; i++ {
			for k := j; k < m && k < j+64; k++ {
				if olds[i].key == news[k].key {
					out = append(out, [2]int{i, k})
					j = k + 1
					break
				}
			}
		}
		return out
	}
	// dp[i][j] is the best weight of a common subsequence of olds[i:] and
	// news[j:]. A match weighs 1 plus up to 0.5 for alike surroundings:
	// the count of matches comes first, and among equally long ones the
	// facts that stand in the same place are matched ("article 13" left as
	// it was, not the "article 12" that was rewritten into "article 13").
	weight := func(i, j int) float64 {
		return 1 + 0.5*contextSimilarity(olds[i].ctx, news[j].ctx)
	}
	dp := make([]float64, (n+1)*(m+1))
	at := func(i, j int) *float64 { return &dp[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			best := math.Max(*at(i+1, j), *at(i, j+1))
			if olds[i].key == news[j].key {
				best = math.Max(best, *at(i+1, j+1)+weight(i, j))
			}
			*at(i, j) = best
		}
	}
	var out [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case olds[i].key == news[j].key && *at(i, j) == *at(i+1, j+1)+weight(i, j):
			out = append(out, [2]int{i, j})
			i++
			j++
		case *at(i+1, j) >= *at(i, j+1):
			i++
		default:
			j++
		}
	}
	return out
}

// pairGap pairs, kind by kind, the facts left between two anchors.
func pairGap(olds, news []factAt, o0, o1, n0, n1 int) [][2]int {
	if o0 >= o1 || n0 >= n1 {
		return nil
	}
	var pairs [][2]int
	byKind := func(fs []factAt, a, b int) map[FactKind][]int {
		m := map[FactKind][]int{}
		for i := a; i < b; i++ {
			k := pairKind(&fs[i])
			m[k] = append(m[k], i)
		}
		return m
	}
	om, nm := byKind(olds, o0, o1), byKind(news, n0, n1)
	for _, kind := range []FactKind{FactAmount, FactPercent, FactDate, FactDuration, FactCode, FactModality, factCount, FactNegation, FactReference} {
		oi, ni := om[kind], nm[kind]
		if len(oi) == 0 || len(ni) == 0 {
			continue
		}
		if len(oi) == 1 && len(ni) == 1 {
			o, n := &olds[oi[0]], &news[ni[0]]
			if !subjectsConflict(o, n) || pairScore(o, n) >= minPairScore {
				pairs = append(pairs, [2]int{oi[0], ni[0]})
			}
			continue
		}
		pairs = append(pairs, alignKind(olds, news, oi, ni)...)
	}
	return pairs
}

// factCount is how pairing tells a count of times (a modality with a
// value, see frequencies) from a modal verb: "peut" taken out and "chaque
// année" put in are two facts, not "peut" become a count.
const factCount FactKind = "count"

// pairKind is the kind a fact is paired within.
func pairKind(f *factAt) FactKind {
	if f.kind == FactModality && f.hasValue {
		return factCount
	}
	return f.kind
}

// minPairScore is the least resemblance of surroundings for two facts to
// be taken as one fact that changed rather than one removed and another
// added.
const minPairScore = 0.25

func subjectsConflict(o, n *factAt) bool {
	if o.subject == "" || n.subject == "" || o.subject == n.subject {
		return false
	}
	return o.kind != FactAmount || o.subjectShared || n.subjectShared
}

// pairScore measures how alike two facts' places are: shared surrounding
// words (Jaccard), raised when they have the same subject, lowered when
// their subjects differ.
func pairScore(o, n *factAt) float64 {
	score := contextSimilarity(o.ctx, n.ctx)
	switch {
	case o.subject != "" && o.subject == n.subject:
		score += 1
	case subjectsConflict(o, n) && o.kind == FactAmount:
		// Prices of two different acts are two facts.
		score -= 0.5
	case subjectsConflict(o, n):
		// The verb of a modal or a negation often changes with it.
		score -= 0.2
	}
	return score
}

// contextSimilarity is the Jaccard index of two sets of surrounding
// words, each sorted and without repeats (see factText.context).
func contextSimilarity(a, b []string) float64 {
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// alignKind pairs facts of one kind in order, maximising the total score
// of the pairs it makes (a Needleman–Wunsch alignment with free gaps).
func alignKind(olds, news []factAt, oi, ni []int) [][2]int {
	n, m := len(oi), len(ni)
	if n*m > maxPairCells {
		var out [][2]int
		for k := 0; k < n && k < m; k++ {
			out = append(out, [2]int{oi[k], ni[k]})
		}
		return out
	}
	score := make([]float64, n*m)
	for a := range n {
		for b := range m {
			score[a*m+b] = pairScore(&olds[oi[a]], &news[ni[b]])
		}
	}
	dp := make([]float64, (n+1)*(m+1))
	at := func(a, b int) *float64 { return &dp[a*(m+1)+b] }
	for a := n - 1; a >= 0; a-- {
		for b := m - 1; b >= 0; b-- {
			best := math.Max(*at(a+1, b), *at(a, b+1))
			if s := score[a*m+b]; s >= minPairScore && *at(a+1, b+1)+s > best {
				best = *at(a+1, b+1) + s
			}
			*at(a, b) = best
		}
	}
	var out [][2]int
	for a, b := 0, 0; a < n && b < m; {
		s := score[a*m+b]
		switch {
		case s >= minPairScore && *at(a, b) == *at(a+1, b+1)+s:
			out = append(out, [2]int{oi[a], ni[b]})
			a++
			b++
		case *at(a+1, b) >= *at(a, b+1):
			a++
		default:
			b++
		}
	}
	return out
}
