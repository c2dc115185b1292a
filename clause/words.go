package clause

import (
	"iter"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/avenant-dev/avenant/internal/swar"
)

// The token alphabet: each distinct token becomes one rune from
// tokenRuneFirst up, so no token rune is ever a surrogate (U+D800–U+DFFF,
// which would not survive the []rune → string conversions inside
// diffmatchpatch). That gives 1,056,767 distinct tokens; any further token
// shares tokenRuneLimit, and WordDiff checks those runes token by token.
const tokenRuneFirst = 0xE000

// tokenRuneLimit is the last rune of the alphabet, shared by all tokens
// beyond its capacity; a variable so that tests can shrink the alphabet.
var tokenRuneLimit rune = unicode.MaxRune

// WordDiff compares two texts word by word, keeping French amounts,
// ordinals, code references and dates whole (see tokens), and returns hunks
// whose concatenated equal+delete texts give old and equal+insert texts give
// new, byte for byte. Adjacent hunks never share an op; between two equal
// hunks the change is one delete followed by one insert (either may be
// absent). Identical texts give one equal hunk, or none when both are empty.
//
// The tokens are mapped to runes and compared with diffmatchpatch's
// DiffMainRunes, without a timeout: the diff is exact, never the
// delete-all/insert-all that an expired deadline silently returns. Large
// texts are first anchored on the sentences they share, so that the cost
// stays bounded (see largediff.go); beyond what can be useful, a stretch
// with nothing in common is one deletion and one insertion. The
// result is then cleaned up as DiffCleanupSemantic would clean a character
// diff, but on whole tokens: an equality no longer than the changes on both
// sides of it is folded into them, where length counts the characters of a
// word and 1 for a run of whitespace. (DiffCleanupSemantic itself cannot
// serve: on token runes it weighs "est" like a space, and on the text it
// cuts inside tokens, turning "2024" → "2025" into "202" -4 +5.)
// Finally lone insertions and deletions slide to the best word boundary.
//
// Bytes are compared as they are: the caller normalises to NFC beforehand,
// or a decomposed "é" shows as a change.
func WordDiff(old, new string) []Hunk {
	if old == new {
		if old == "" {
			return nil
		}
		return []Hunk{{OpEqual, old}}
	}
	if Huge(old, new) {
		return coarseDiff(old, new)
	}
	h, d := wordDiff(old, new)
	d.release()
	return h
}

// wordDiff is WordDiff on two different texts; the differ it returns tells
// tests the work done.
func wordDiff(old, new string) ([]Hunk, *differ) {
	if d := newWindowDiffer(old, new); d != nil {
		if h := d.run(); !d.touchedEdge {
			return h, d
		}
		d.release()
	}
	d := newDiffer(old, new)
	return d.run(), d
}

// differPool keeps differs for reuse: the offsets, weights and runes of a
// clause's diff weigh several times its text and are garbage once its
// hunks (substrings of the texts) are made; a diff of two versions makes
// hundreds.
var differPool = sync.Pool{New: func() any { return new(differ) }}

// pooledDiffer is a differ of old and new from the pool, with no tokens
// yet.
func pooledDiffer(old, new string) *differ {
	d := differPool.Get().(*differ)
	d.a.reset(old)
	d.b.reset(new)
	d.next = tokenRuneFirst
	if d.ids == nil {
		d.ids = make(map[string]tokenCode, (len(old)+len(new))/16+16)
		d.lines = make(map[string]lineRef)
	}
	return d
}

// release gives the differ back to the pool; nothing may use it after.
func (d *differ) release() {
	clear(d.ids) // the keys hold the texts: let them go
	clear(d.lines)
	*d = differ{a: d.a.emptied(), b: d.b.emptied(), ids: d.ids, lines: d.lines}
	differPool.Put(d)
}

func (d *differ) run() []Hunk {
	segs := d.diffTokens()
	segs = d.eliminateEqualities(segs)
	segs = d.factorChanges(segs)
	d.alignBoundaries(segs)
	segs = appendSegs(segs[:0:0], segs...)
	return d.hunks(segs)
}

// wordDiffContext is how many bytes of the text the two versions share
// are tokenised on each side of what differs, on top of the lines of the
// changes: with the line before and the line after, enough for the
// boundary cleanup to slide a change over its neighbours and score its
// edges. A change slid further costs the whole diff (touchedEdge), which
// no consecutive corpus pair, no article of the bench pairs needed; the
// lines further off, which 256 bytes took in, were a tenth of the tokens.
const wordDiffContext = 32

// newWindowDiffer prepares the diff of a long clause with a small change:
// only the lines around the change are cut into tokens and encoded, the
// shared text before and after standing as one token each, so the cost
// follows the bytes changed, not the clause's length. The cuts fall just
// after a run of white space holding a line break, which always ends a
// token, so the tokens in between are those of the whole text. The result
// is the whole text's unless the boundary cleanup reaches the stand-in
// tokens (a change repeated over more than the context), which the caller
// sees in touchedEdge and answers with the whole diff. nil when there is
// nothing to leave out.
func newWindowDiffer(old, new string) *differ {
	prefix := commonPrefixLen(old, new)
	suffix := commonSuffixLen(old[prefix:], new[prefix:])
	head := tokenCutBefore(old, prefix-wordDiffContext)
	end := tokenCutAfter(old, len(old)-suffix+wordDiffContext)
	tail := len(old) - end
	if head == 0 && tail == 0 {
		return nil
	}
	d := pooledDiffer(old, new)
	d.headStandIn, d.tailStandIn = head > 0, tail > 0
	d.encodeWindow(&d.a, head, len(old)-tail)
	d.encodeWindow(&d.b, head, len(new)-tail)
	return d
}

// tokenCutBefore is the last token boundary at or before limit that ends
// a run of white space holding a line break, 0 when there is none.
func tokenCutBefore(s string, limit int) int {
	if limit <= 0 {
		return 0
	}
	nl := strings.LastIndexByte(s[:limit], '\n')
	if nl < 0 {
		return 0
	}
	if cut := skipSpaces(s, nl+1); cut <= limit {
		return cut
	}
	return 0
}

// tokenCutAfter is the first boundary at or after from that ends a run of
// white space holding a line break, len(s) when there is none.
func tokenCutAfter(s string, from int) int {
	if from >= len(s) {
		return len(s)
	}
	nl := strings.IndexByte(s[from:], '\n')
	if nl < 0 {
		return len(s)
	}
	return skipSpaces(s, from+nl+1)
}

func skipSpaces(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf && isSpaceByte(c) {
			i++
			continue
		}
		r, sz := runeAt(s, i)
		if !isSpaceRune(r) {
			break
		}
		i += sz
	}
	return i
}

// differ holds the two texts as tokens (see tokenSide), so that any run of
// tokens is a substring of its text and has its weight in constant time.
type differ struct {
	a, b tokenSide
	// shared tells that distinct tokens had to share a rune, so that
	// equal runes no longer prove equal tokens.
	shared bool
	// ids is the code of each token seen, next the rune a new one gets;
	// byteIDs, the rune of each one-byte ASCII token, 0 until seen.
	ids     map[string]tokenCode
	next    rune
	byteIDs [utf8.RuneSelf]rune
	// lines is where the tokens of each line seen were encoded.
	lines map[string]lineRef
	// head and tail are the codes of the stand-ins (newWindowDiffer).
	head, tail tokenCode

	// exactTokens counts the tokens given to the exact diff, rewritten
	// the stretches reported as rewritten: the work done, for tests.
	exactTokens, rewritten int

	// headStandIn and tailStandIn tell that the first and last tokens
	// stand for the shared text around a window (newWindowDiffer);
	// touchedEdge, that the cleanup looked at one of them as a token.
	headStandIn, tailStandIn, touchedEdge bool
}

// same reports whether token i of the old text is token j of the new.
func (d *differ) same(i, j int) bool {
	return d.a.r[i] == d.b.r[j] && (!d.shared || d.a.tok(i) == d.b.tok(j))
}

// token is token k of side t for the boundary cleanup, noting when k is
// a stand-in.
func (d *differ) token(t *tokenSide, k int) string {
	d.noteEdge(t, k)
	return t.tok(k)
}

// sameIn reports whether tokens i and j of side t are equal, for the
// boundary cleanup.
func (d *differ) sameIn(t *tokenSide, i, j int) bool {
	d.noteEdge(t, i)
	d.noteEdge(t, j)
	return t.r[i] == t.r[j] && (!d.shared || t.tok(i) == t.tok(j))
}

func (d *differ) noteEdge(t *tokenSide, k int) {
	if k == 0 && d.headStandIn || k == len(t.r)-1 && d.tailStandIn {
		d.touchedEdge = true
	}
}

func newDiffer(old, new string) *differ {
	d := pooledDiffer(old, new)
	d.encodeWindow(&d.a, 0, len(old))
	d.encodeWindow(&d.b, 0, len(new))
	return d
}

// seg is a stretch of the diff as ranges of tokens: an equality has the
// same tokens in a[a0:a1] and b[b0:b1]; a change deletes a[a0:a1] and
// inserts b[b0:b1], either possibly empty. Consecutive segs are contiguous
// on both sides, so a seg list always covers both texts exactly.
type seg struct {
	eq             bool
	a0, a1, b0, b1 int
}

// appendSegs appends segs to out, dropping empty ones and merging
// neighbours of the same kind, so that equalities and changes alternate.
func appendSegs(out []seg, segs ...seg) []seg {
	for _, s := range segs {
		if s.a0 == s.a1 && s.b0 == s.b1 {
			continue
		}
		if n := len(out); n > 0 && out[n-1].eq == s.eq {
			out[n-1].a1, out[n-1].b1 = s.a1, s.b1
			continue
		}
		out = append(out, s)
	}
	return out
}

// segments reads the rune diff of the tokens from a[i] and b[j] back as
// token ranges, appended to segs. Runs are counted, not looked up: equal
// and delete runs consume old tokens, equal and insert runs new ones, in
// order. When distinct tokens had to share a rune, the equal runs are
// checked token by token.
func (d *differ) segments(diffs []diffmatchpatch.Diff, i, j int, segs []seg) []seg {
	for _, df := range diffs {
		n := utf8.RuneCountInString(df.Text)
		switch df.Type {
		case diffmatchpatch.DiffDelete:
			segs = appendSegs(segs, seg{false, i, i + n, j, j})
			i += n
		case diffmatchpatch.DiffInsert:
			segs = appendSegs(segs, seg{false, i, i, j, j + n})
			j += n
		default:
			start := 0
			for k := 0; d.shared && k < n; k++ {
				if !d.same(i+k, j+k) {
					segs = appendSegs(segs,
						seg{true, i + start, i + k, j + start, j + k},
						seg{false, i + k, i + k + 1, j + k, j + k + 1})
					start = k + 1
				}
			}
			segs = appendSegs(segs, seg{true, i + start, i + n, j + start, j + n})
			i += n
			j += n
		}
	}
	return segs
}

// changeWeight is the larger of what a change deletes and inserts.
func (d *differ) changeWeight(s seg) int {
	return max(d.a.w[s.a1]-d.a.w[s.a0], d.b.w[s.b1]-d.b.w[s.b0])
}

// eliminateEqualities folds into the surrounding changes every equality
// that weighs no more than the change on each side of it, so that a
// rewritten sentence reads as one deletion and one insertion instead of
// alternating with the spaces and small words the two versions share. A
// fold makes a bigger change, which may in turn swallow the equality before
// it; the stack handles that in one pass.
func (d *differ) eliminateEqualities(segs []seg) []seg {
	out := segs[:0] // writes never overtake reads
	for _, s := range segs {
		if !s.eq {
			for n := len(out); n >= 2 && out[n-1].eq && !out[n-2].eq; n = len(out) {
				e, c := out[n-1], out[n-2]
				w := d.a.w[e.a1] - d.a.w[e.a0]
				if w > d.changeWeight(c) || w > d.changeWeight(s) {
					break
				}
				s = seg{false, c.a0, s.a1, c.b0, s.b1}
				out = out[:n-2]
			}
		}
		out = append(out, s)
	}
	return out
}

// factorChanges moves the tokens a change deletes and reinserts at its
// start or end into the neighbouring equalities.
func (d *differ) factorChanges(segs []seg) []seg {
	out := make([]seg, 0, len(segs)+2)
	for _, s := range segs {
		if s.eq {
			out = appendSegs(out, s)
			continue
		}
		p := 0
		for s.a0+p < s.a1 && s.b0+p < s.b1 && d.same(s.a0+p, s.b0+p) {
			p++
		}
		q := 0
		for s.a1-q > s.a0+p && s.b1-q > s.b0+p && d.same(s.a1-q-1, s.b1-q-1) {
			q++
		}
		out = appendSegs(out,
			seg{true, s.a0, s.a0 + p, s.b0, s.b0 + p},
			seg{false, s.a0 + p, s.a1 - q, s.b0 + p, s.b1 - q},
			seg{true, s.a1 - q, s.a1, s.b1 - q, s.b1})
	}
	return out
}

// alignBoundaries slides each lone insertion or deletion between two
// equalities to where its edges fall best (paragraph breaks, line breaks,
// sentence ends, spaces), preferring a trailing space to a leading one: "la
// nouvelle consultation" gets "nouvelle " inserted, not " nouvelle". This is
// DiffCleanupSemanticLossless on tokens. Equalities may end up empty; the
// caller drops them.
func (d *differ) alignBoundaries(segs []seg) {
	for p := 1; p+1 < len(segs); p++ {
		e1, c, e2 := &segs[p-1], &segs[p], &segs[p+1]
		if c.eq || !e1.eq || !e2.eq {
			continue
		}
		var t *tokenSide
		var x0, x1, lo, hi int // the edit is t[x0:x1], between t[lo:x0] and t[x1:hi]
		switch {
		case c.b0 == c.b1:
			t, x0, x1, lo, hi = &d.a, c.a0, c.a1, e1.a0, e2.a1
		case c.a0 == c.a1:
			t, x0, x1, lo, hi = &d.b, c.b0, c.b1, e1.b0, e2.b1
		default:
			continue
		}
		tok := func(k int) string { return d.token(t, k) }
		score := func(x0, x1 int) int {
			s := 12
			if x0 > lo {
				s += boundaryScore(tok(x0-1), tok(x0)) - 6
			}
			if x1 < hi {
				s += boundaryScore(tok(x1-1), tok(x1)) - 6
			}
			return s
		}
		orig := x0
		for x0 > lo && d.sameIn(t, x0-1, x1-1) {
			x0--
			x1--
		}
		best, bestScore := x0, score(x0, x1)
		for x1 < hi && d.sameIn(t, x0, x1) {
			x0++
			x1++
			if s := score(x0, x1); s >= bestScore {
				best, bestScore = x0, s
			}
		}
		delta := best - orig
		e1.a1 += delta
		e1.b1 += delta
		c.a0, c.a1, c.b0, c.b1 = c.a0+delta, c.a1+delta, c.b0+delta, c.b1+delta
		e2.a0 += delta
		e2.b0 += delta
	}
}

// boundaryScore rates the cut between tokens x and y, from 5 (a blank
// line) to 0 (between two words or numbers); an edge of the text is 6.
func boundaryScore(x, y string) int {
	xs, ys := isSpaceTok(x), isSpaceTok(y)
	switch {
	case xs && strings.Count(x, "\n") >= 2, ys && strings.Count(y, "\n") >= 2:
		return 5
	case xs && strings.ContainsAny(x, "\r\n"), ys && strings.ContainsAny(y, "\r\n"):
		return 4
	case isPunctTok(x) && ys:
		return 3
	case xs || ys:
		return 2
	case isPunctTok(x) || isPunctTok(y):
		return 1
	}
	return 0
}

func isSpaceTok(t string) bool {
	r, _ := runeAt(t, 0)
	return isSpaceRune(r)
}

func isPunctTok(t string) bool {
	r, _ := runeAt(t, 0)
	return !isSpaceRune(r) && !isWordRune(r)
}

// hunks renders the segs as substrings of the texts.
func (d *differ) hunks(segs []seg) []Hunk {
	out := make([]Hunk, 0, len(segs)+len(segs)/2)
	for _, s := range segs {
		if s.eq {
			out = append(out, Hunk{OpEqual, d.a.span(s.a0, s.a1)})
			continue
		}
		if s.a0 < s.a1 {
			out = append(out, Hunk{OpDelete, d.a.span(s.a0, s.a1)})
		}
		if s.b0 < s.b1 {
			out = append(out, Hunk{OpInsert, d.b.span(s.b0, s.b1)})
		}
	}
	return out
}

// shared is an equality of a word diff: its index among the hunks, its
// text and where it starts in the old and in the new text.
type shared struct {
	k        int
	text     string
	old, new int
}

// sharedStretches yields the equalities of a word diff with their places,
// in order: one walk of the hunks for all that reads what two texts share.
func sharedStretches(hunks []Hunk) iter.Seq[shared] {
	return func(yield func(shared) bool) {
		o, n := 0, 0
		for k, h := range hunks {
			switch h.Op {
			case OpDelete:
				o += len(h.Text)
			case OpInsert:
				n += len(h.Text)
			default:
				if !yield(shared{k, h.Text, o, n}) {
					return
				}
				o += len(h.Text)
				n += len(h.Text)
			}
		}
	}
}

// diffSimilarity is the share of text a word diff left unchanged: the runes
// in equal hunks over the rune length of the longer side. It is meant for
// display next to a diff; two empty sides score 1.
func diffSimilarity(h []Hunk) float64 {
	eq, del, ins := hunkRunes(h)
	longer := eq + max(del, ins)
	if longer == 0 {
		return 1
	}
	return float64(eq) / float64(longer)
}

// hunkRunes counts the runes of a word diff's equal, deleted and inserted
// hunks: those of a clause's whole text, eight bytes at a time.
func hunkRunes(h []Hunk) (eq, del, ins int) {
	for _, x := range h {
		n := swar.RuneCount(x.Text)
		switch x.Op {
		case OpEqual:
			eq += n
		case OpDelete:
			del += n
		case OpInsert:
			ins += n
		}
	}
	return eq, del, ins
}
