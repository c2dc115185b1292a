package clause

import (
	"sort"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// The word diff of a large clause is bounded. Myers' algorithm, which
// diffmatchpatch runs without a deadline here, costs (N+M)·D for N and M
// tokens and D differences: quadratic when two long versions share little,
// 28 s for two 400 KB versions of one rewritten article. So the exact diff
// only ever sees stretches of at most exactDiffTokens tokens. A larger
// stretch is cut at sentences and line breaks; the units found once on
// each side, in the same order (a patience diff: longest increasing run of
// matches), are kept as equal and anchor the diff of what lies between
// them, with the same bound, at most maxAnchorDepth levels down. A stretch
// still too large, with no anchor, is reported as rewritten: deleted and
// inserted whole, a result as useful to a reader as a word diff of two
// unrelated pages, found in linear time.
const (
	// exactDiffTokens bounds the tokens, both sides together, of one exact
	// diff: about 30 ms for two unrelated texts of 2,000 tokens each (some
	// 6 KB each; BenchmarkWordDiffExactBound). Longer clauses of the corpus
	// get the same diff through their anchors.
	exactDiffTokens = 4000
	// maxAnchorDepth bounds the recursion of the anchoring, which a
	// pathological text could otherwise peel one unit at a time.
	maxAnchorDepth = 8
)

// diffTokens diffs all the tokens of the old text against those of the
// new.
func (d *differ) diffTokens() []seg {
	return d.diffRange(seg{a0: 0, a1: len(d.a.r), b0: 0, b1: len(d.b.r)}, 0, nil)
}

// diffRange appends to out the segs of the stretch r: common ends as
// equalities, then an exact diff, anchors, or one rewrite.
func (d *differ) diffRange(r seg, depth int, out []seg) []seg {
	p := 0
	for r.a0+p < r.a1 && r.b0+p < r.b1 && d.same(r.a0+p, r.b0+p) {
		p++
	}
	out = appendSegs(out, seg{true, r.a0, r.a0 + p, r.b0, r.b0 + p})
	r.a0, r.b0 = r.a0+p, r.b0+p
	s := 0
	for r.a1-s > r.a0 && r.b1-s > r.b0 && d.same(r.a1-1-s, r.b1-1-s) {
		s++
	}
	tail := seg{true, r.a1 - s, r.a1, r.b1 - s, r.b1}
	r.a1, r.b1 = r.a1-s, r.b1-s

	n := (r.a1 - r.a0) + (r.b1 - r.b0)
	switch {
	case r.a0 == r.a1 || r.b0 == r.b1:
		out = appendSegs(out, seg{false, r.a0, r.a1, r.b0, r.b1})
	case n <= exactDiffTokens:
		d.exactTokens += n
		dmp := diffmatchpatch.New()
		dmp.DiffTimeout = 0 // a deadline silently degrades to delete-all/insert-all
		out = d.segments(dmp.DiffMainRunes(d.a.r[r.a0:r.a1], d.b.r[r.b0:r.b1], false), r.a0, r.b0, out)
	default:
		var anchors []seg
		if depth < maxAnchorDepth {
			anchors = d.anchors(r)
		}
		if len(anchors) == 0 {
			d.rewritten++
			out = appendSegs(out, seg{false, r.a0, r.a1, r.b0, r.b1})
			break
		}
		at := r
		for _, an := range anchors {
			out = d.diffRange(seg{a0: at.a0, a1: an.a0, b0: at.b0, b1: an.b0}, depth+1, out)
			out = appendSegs(out, an)
			at.a0, at.b0 = an.a1, an.b1
		}
		out = d.diffRange(at, depth+1, out)
	}
	return appendSegs(out, tail)
}

// anchors returns, as equalities in order, the units (sentences, lines)
// of the stretch r that occur exactly once in its old side and once in its
// new side, keeping the longest run whose order agrees on both sides.
func (d *differ) anchors(r seg) []seg {
	ua := units(d.a.text, d.a.off, r.a0, r.a1)
	ub := units(d.b.text, d.b.off, r.b0, r.b1)
	type count struct{ a, b, ia, ib int }
	seen := make(map[string]int, len(ua)) // the unit's place in counts
	counts := make([]count, 0, len(ua))
	key := func(text string, off []int, u [2]int) string { return text[off[u[0]]:off[u[1]]] }
	for i, u := range ua {
		k, ok := seen[key(d.a.text, d.a.off, u)]
		if !ok {
			k = len(counts)
			counts = append(counts, count{})
			seen[key(d.a.text, d.a.off, u)] = k
		}
		counts[k].a++
		counts[k].ia = i
	}
	for i, u := range ub {
		if k, ok := seen[key(d.b.text, d.b.off, u)]; ok {
			counts[k].b++
			counts[k].ib = i
		}
	}
	var pairs [][2]int // unit index in old, in new
	for _, c := range counts {
		if c.a == 1 && c.b == 1 {
			pairs = append(pairs, [2]int{c.ia, c.ib})
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i][0] < pairs[j][0] })
	news := make([]int, len(pairs))
	for i, p := range pairs {
		news[i] = p[1]
	}
	var out []seg
	for i, keep := range longestIncreasing(news) {
		if keep {
			a, b := ua[pairs[i][0]], ub[pairs[i][1]]
			out = append(out, seg{true, a[0], a[1], b[0], b[1]})
		}
	}
	return out
}

// units cuts the tokens from..to of text (whose token offsets are off)
// at sentence starts and after line breaks, as token ranges.
func units(text string, off []int, from, to int) [][2]int {
	body := text[off[from]:off[to]]
	cuts := frtext.SentenceStarts(body)
	var out [][2]int
	start, c := from, 0
	nl := strings.IndexByte(body, '\n') // the next line break at or after the previous token
	for k := from; k < to; k++ {
		pos := off[k] - off[from]
		for c < len(cuts) && cuts[c] < pos {
			c++ // a start inside a token is no cut
		}
		atCut := c < len(cuts) && cuts[c] == pos
		afterBreak := false
		if k > from && nl >= 0 && nl < pos {
			afterBreak = true
			if i := strings.IndexByte(body[pos:], '\n'); i >= 0 {
				nl = pos + i
			} else {
				nl = -1
			}
		}
		if k > start && (atCut || afterBreak) {
			out = append(out, [2]int{start, k})
			start = k
		}
	}
	if start < to {
		out = append(out, [2]int{start, to})
	}
	return out
}
