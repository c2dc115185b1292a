package clause

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// refIndex tells compareFacts how article numbers moved between the two
// versions, so that cross-references can be checked.
type refIndex struct {
	// OldToNew maps the NumberKey of each old article to the printed
	// number of the clause it became in the new version, or "" when it
	// was removed.
	OldToNew map[string]string
	// NewKeys holds the NumberKey of every numbered clause of the new
	// version.
	NewKeys map[string]bool
	// affected holds the keys of the old articles and annexes that were
	// renumbered or removed: only a citation of one of them can have gone
	// stale. affectedAnnexes says whether an annex is among them.
	affected        map[string]bool
	affectedAnnexes bool
}

// refWord names the kinds of clause a reference is checked against, as
// the notes spell them ("annexe 2 is now numbered 1").
var refWord = map[Kind]string{KindArticle: "article", KindAnnex: "annexe"}

// Notes attached to reference facts. They are part of the output that
// users read and CI rules match, so they are spelled once here.
const (
	noteRemovedTarget = "points to a clause that no longer exists"
	noteReusedNumber  = "the clause it pointed to was removed; the number now denotes another clause"
	noteMissingTarget = "points to a clause that does not exist"
)

// compareFacts returns the typed facts that differ between the old and new
// text of one clause. subject is the act code that the clause prices when
// it is known from the structure (a tariff row keyed by its code), else "".
// refs may be nil; when given, the article references of the new text are
// also checked against it, so an unchanged text can still yield facts (a
// reference left pointing at a renumbered or removed article).
//
// Facts are found in both texts, paired by kind, value and surrounding
// words, and only pairs whose values differ, or facts present on one side
// only, are reported: a single changed amount gives one fact with both
// values. Typography (apostrophes, non-breaking spaces, line wrapping, case)
// never yields a fact. The result is in the order of the new text, facts
// that only the old text had coming last.
func compareFacts(oldText, newText, subject string, refs *refIndex) []Fact {
	return compareDiffedFacts(oldText, newText, subject, refs, nil)
}

// compareDiffedFacts is compareFacts given the word diff of the two texts
// when the caller made it, so that it is not made twice.
func compareDiffedFacts(oldText, newText, subject string, refs *refIndex, hunks []Hunk) []Fact {
	if oldText == newText && refs == nil {
		return nil
	}
	return reportFacts(factsAround(oldText, newText, subject, refs, hunks), refs)
}

// reportFacts pairs the facts extracted from two normalised texts and
// returns those that differ (see compareFacts).
func reportFacts(ex extracted, refs *refIndex) []Fact {
	olds, news := ex.olds, ex.news
	anchors := ex.anchors
	if anchors == nil {
		anchors = diffAnchors(ex.oldNorm, ex.newNorm, ex.hunks, olds, news)
	}
	pairs := pairFacts(olds, news, anchors)

	var out reported
	pairedNew := make([]int, len(news))
	for i := range pairedNew {
		pairedNew[i] = -1
	}
	pairedOld := make([]bool, len(olds))
	for _, p := range pairs {
		pairedNew[p[1]] = p[0]
		pairedOld[p[0]] = true
	}
	for j := range news {
		n := &news[j]
		var f Fact
		changed := true
		if i := pairedNew[j]; i >= 0 {
			o := &olds[i]
			if o.val == n.val || o.ofBound && n.ofBound {
				changed = false
			} else {
				f = pairFact(o, n)
			}
		} else {
			f = pairFact(nil, n)
			changed = !n.ofBound
		}
		if n.kind == FactReference && refs != nil {
			var o *factAt
			if i := pairedNew[j]; i >= 0 {
				o = &olds[i]
			}
			// A reference moved within the article it cites ("au I" →
			// "au II de l'article 28") points to the same clause.
			moved := changed && !(o != nil && o.refKey == n.refKey)
			if note := checkReference(o, n, moved, refs); note != "" {
				if !changed {
					f = pairFact(n, n)
					changed = true
				}
				f.Note = note
				f.Broken = true
			} else if changed && o != nil && o.refKind == n.refKind && refWord[n.refKind] != "" && !o.external && !n.external {
				if to, ok := refs.OldToNew[o.refKey]; ok && to != "" && NumberKey(n.refKind, to) == n.refKey {
					f.Note = "follows the renumbering of " + o.text
				}
			}
		}
		if changed {
			out.keep(false, n.start, f)
		}
	}
	for i := range olds {
		if !pairedOld[i] && !olds[i].ofBound {
			out.keep(true, olds[i].start, pairFact(&olds[i], nil))
		}
	}
	return out.facts()
}

// reported gathers the facts that differ. A text that repeats a change
// reports it once, where it comes first (new facts before removed ones,
// then by place): one fact is kept per identity, the first so far, so that
// a long text changed throughout holds a few facts, not one per
// occurrence.
type reported struct {
	out  []placedFact
	kept map[string]int
	seen int // facts offered so far: the order among equals
}

type placedFact struct {
	removed  bool
	pos, seq int
	fact     Fact
}

func (p *placedFact) before(q *placedFact) bool {
	if p.removed != q.removed {
		return !p.removed
	}
	if p.pos != q.pos {
		return p.pos < q.pos
	}
	return p.seq < q.seq
}

func (r *reported) keep(removed bool, pos int, f Fact) {
	if r.kept == nil {
		r.kept = map[string]int{}
	}
	p := placedFact{removed, pos, r.seen, f}
	r.seen++
	k := factIdentity(f)
	if i, ok := r.kept[k]; !ok {
		r.kept[k] = len(r.out)
		r.out = append(r.out, p)
	} else if p.before(&r.out[i]) {
		r.out[i] = p
	}
}

// facts are the facts kept, in order.
func (r *reported) facts() []Fact {
	if len(r.out) == 0 {
		return nil
	}
	sort.Slice(r.out, func(a, b int) bool { return r.out[a].before(&r.out[b]) })
	facts := make([]Fact, len(r.out))
	for i := range r.out {
		facts[i] = r.out[i].fact
	}
	return facts
}

// factIdentity lets compareFacts report a change that a text repeats (the
// same amount raised in two sentences) once.
func factIdentity(f Fact) string {
	v := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return strconv.FormatFloat(*p, 'g', -1, 64)
	}
	return strings.Join([]string{string(f.Kind), f.Subject, f.Old, f.New, v(f.OldValue), v(f.NewValue), f.Unit, f.Note}, "\x00")
}

// checkReference says what is wrong with a reference of the new text, or
// "" when nothing is. o is the old reference it was paired with, if any;
// changed is false when the reference reads the same in both texts.
//
// References into another text (a code, a law) are never checked: refs
// only knows the articles of this document. "Article L. 162-5" with no
// text named is checked only when this document has such articles (it is
// a code). An unchanged reference to a number this document never had is
// left alone too: it points elsewhere, and this revision did not write it.
func checkReference(o, n *factAt, changed bool, refs *refIndex) string {
	if n.external || n.refKey == "" || n.refKind != KindArticle && n.refKind != KindAnnex {
		return ""
	}
	to, known := refs.OldToNew[n.refKey]
	if n.codeNumbered && !known && !refs.NewKeys[n.refKey] {
		return ""
	}
	// An annex is checked only where this document had it: an avenant
	// cites the annexes of the convention it amends ("l'annexe 25").
	if n.refKind == KindAnnex && (!known || n.refKey != NumberKey(KindAnnex, n.refNum)) {
		return ""
	}
	if !changed {
		// The text was left as it was: if the article it named moved, the
		// reference was not updated.
		switch {
		case known && to != "" && NumberKey(n.refKind, to) != n.refKey:
			return refWord[n.refKind] + " " + n.refNum + " is now numbered " + to
		case known && to == "" && refs.NewKeys[n.refKey]:
			return noteReusedNumber
		case !known && len(refs.OldToNew) > 0:
			return ""
		}
	}
	if refs.NewKeys[n.refKey] {
		return ""
	}
	if known || len(refs.OldToNew) == 0 {
		return noteRemovedTarget
	}
	return noteMissingTarget
}

// pairFact builds the reported fact for an old and a new occurrence; either
// may be nil when the fact appears or disappears.
func pairFact(o, n *factAt) Fact {
	var f Fact
	ref := n
	if ref == nil {
		ref = o
	}
	f.Kind = ref.kind
	f.Subject = ref.subject
	f.Unit = ref.unit
	f.Effective = ref.effective
	if o != nil {
		f.Old = o.text
	}
	if n != nil {
		f.New = n.text
	}
	if !ref.hasValue {
		return f
	}
	var ov, nv float64
	if o != nil {
		ov = o.value
	}
	if n != nil {
		nv = n.value
	}
	if o != nil && n != nil && o.unit != n.unit {
		switch {
		case o.unit == "FRF" && n.unit == "EUR":
			// Values are given in the new unit so that they and the delta
			// compare like with like; the text keeps what was written.
			ov = round2(ov / frfPerEUR)
		case o.unit == "EUR" && n.unit == "FRF":
			ov = round2(ov * frfPerEUR)
		default:
			// Two months against sixty days: the values would mislead
			// without a unit, the texts say it all.
			f.Unit = ""
			return f
		}
	}
	if o != nil {
		f.OldValue = ptr(ov)
	}
	if n != nil {
		f.NewValue = ptr(nv)
	}
	if o != nil && n != nil {
		f.Note = valueNote(o, n)
	}
	if o != nil && n != nil && ov != 0 && sameBasis(o, n) && (f.Kind == FactAmount || f.Kind == FactPercent || f.Kind == FactDuration) {
		f.DeltaPct = ptr(round2((nv - ov) / ov * 100))
	}
	return f
}

// frfPerEUR is the fixed conversion rate of 1999.
const frfPerEUR = 6.55957

func ptr(v float64) *float64 { return &v }

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// factAt is one fact found in a text, with where it stands so that old and
// new facts can be paired by their surroundings.
type factAt struct {
	kind       FactKind
	start, end int // byte span in the normalised text
	text       string
	// key identifies the fact for pairing: equal keys in the same order
	// are the same fact left unchanged.
	key string
	// val is what must differ for a paired fact to be reported: the value
	// without the subject, so that an amount whose act code was renamed
	// in place is left to the code fact.
	val      string
	subject  string
	value    float64
	hasValue bool
	unit     string
	ctx      []string
	// subjectShared is set on an amount whose act code is also found on
	// the other side: only then does a different code mean another act
	// rather than a code renamed in place.
	subjectShared bool
	// denied is how many bytes before start the denial of a bound starts
	// ("ne peut être" before "supérieur à 30 €"): shown in text, it is
	// no negation or modality of its own (see markBounds).
	denied int
	// ofBound is set on a modality or negation that is part of a bound
	// (see markBounds).
	ofBound bool
	// leave is set on a value that a permission lets be passed ("peut
	// excéder 3 000 €"): its span starts at that permission, which is no
	// modality of its own.
	leave bool
	// effective is the date from which an amount or percentage applies
	// (YYYY-MM-DD), when its sentence or its tariff row gives one.
	effective string
	// Reference facts only.
	refKind  Kind
	refNum   string
	refKey   string
	external bool
	// codeNumbered is set on "article L. 162-5" with no text named: an
	// article of a code, which is this document only if it is a code.
	codeNumbered bool
}

// factWord is a token of the normalised text: a run of letters and digits, an
// elided article keeping its apostrophe ("l'", "qu'").
type factWord struct {
	s, low     string
	start, end int
}

// factTextKind is a normalised text with what the extractors share.
type factTextKind struct {
	s           string
	outline     *wholeText // the whole text s is a piece of, or s
	words       []factWord
	classes     []wordClass   // of words, once classify ran
	held        wordClass     // the classes of words together
	bounds      []int         // start offsets of sentences, ascending, first is 0; read on first use
	like        *factTextKind // a text whose bounds may be taken over (see cutLike), or nil
	numbers     []int         // numberStarts(s) once numbersRead
	numbersRead bool
	sums        []amountMatch // amountMatchesAt(s, numbers) once sumsRead
	sumsRead    bool
	// subdivisions holds subdivisionRe's matches by the text they were
	// run on (see subdivisionMatch).
	subdivisions map[string][]int
}

func isFactWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWordByte(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

var elisions = map[string]bool{
	"l": true, "d": true, "n": true, "s": true, "c": true, "j": true, "m": true, "t": true,
	"qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true, "presqu": true, "quelqu": true,
}

func tokenize(s string) []factWord { return appendFactWords(nil, s) }

// appendFactWords appends the words of s to ws.
func appendFactWords(ws []factWord, s string) []factWord {
	// French prose has a word every six bytes or so: one allocation for
	// most texts rather than a dozen doublings.
	ws = slices.Grow(ws, len(s)/5+1)
	c := wordCutter{s: s}
	for w, ok := c.next(0); ok; w, ok = c.next(w.end) {
		ws = append(ws, w)
	}
	return ws
}

// wordCutter cuts the words of s one by one. The lower-cased forms of
// its words written in capitals share one buffer: a string apiece was
// an eighth of what fact extraction allocated.
type wordCutter struct {
	s    string
	lows strings.Builder
}

// next returns the first word of s at or after i, false when there is
// none. What it returns depends on s[i:] alone.
func (c *wordCutter) next(i int) (factWord, bool) {
	s := c.s
	start, end, cased := nextFactWord(s, i)
	if start == len(s) {
		return factWord{}, false
	}
	low := s[start:end]
	if cased {
		low = c.lower(low)
	}
	if end < len(s) && s[end] == '\'' && elisions[low] {
		end++
		if cased {
			c.lows.WriteByte('\'')
			low = c.lows.String()[c.lows.Len()-len(low)-1:]
		} else {
			low = s[start:end]
		}
	}
	return factWord{s: s[start:end], low: low, start: start, end: end}, true
}

// lower is strings.ToLower(w), written at the end of c.lows, which never
// changes what it holds: the strings cut from it stay as they are.
func (c *wordCutter) lower(w string) string {
	if c.lows.Cap() == 0 {
		c.lows.Grow(len(c.s)/8 + 2*len(w))
	}
	from := c.lows.Len()
	for i := 0; i < len(w); {
		if b := w[i]; b < utf8.RuneSelf {
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			c.lows.WriteByte(b)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		c.lows.WriteRune(unicode.ToLower(r))
		i += size
	}
	return c.lows.String()[from:]
}

// nextFactWord returns the span of the first run of word runes of s at or
// after i, start being len(s) when there is none, and whether lower-casing
// changes the run.
func nextFactWord(s string, i int) (start, end int, cased bool) {
blanks:
	for i < len(s) {
		switch factBytes[s[i]] {
		case byteBlank:
			i++
		case byteMulti:
			r, w := utf8.DecodeRuneInString(s[i:])
			if isFactWordRune(r) {
				break blanks
			}
			i += w
		default:
			break blanks
		}
	}
	start = i
word:
	for i < len(s) {
		switch factBytes[s[i]] {
		case byteWord:
			i++
		case byteUpper:
			cased = true
			i++
		case byteMulti:
			r, w := utf8.DecodeRuneInString(s[i:])
			if !isFactWordRune(r) {
				break word
			}
			cased = cased || unicode.ToLower(r) != r
			i += w
		default:
			break word
		}
	}
	return start, i, cased
}

// How nextFactWord reads each byte of a text.
const (
	byteBlank = iota // ASCII in no word
	byteWord         // a lower-case ASCII letter or a digit
	byteUpper        // an upper-case ASCII letter
	byteMulti        // part of a multi-byte rune, decoded to be read
)

var factBytes = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = byteMulti
		case 'A' <= c && c <= 'Z':
			t[c] = byteUpper
		case asciiWordByte(byte(c)):
			t[c] = byteWord
		}
	}
	return t
}()

func asciiWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// sentenceBounds cuts the text where a sentence (see frtext.SentenceStarts),
// a paragraph or a list entry ends, so that an amount is tied to an act
// code of its own sentence only. A semicolon ends a list entry even when
// the next one starts in lower case ("- la consultation ; - la visite").
func sentenceBounds(s string) []int {
	bounds := []int{0}
	// Semicolons and line ends are few: they are found a run of bytes
	// at a time, rather than byte by byte.
	for i := 0; ; i++ {
		k := strings.IndexByte(s[i:], ';')
		if k < 0 {
			break
		}
		i += k
		bounds = append(bounds, i+1)
	}
	for i := 0; ; i++ {
		k := strings.IndexByte(s[i:], '\n')
		if k < 0 {
			break
		}
		i += k
		switch {
		case i+1 < len(s) && s[i+1] == '\n':
			bounds = append(bounds, i+2)
			i++
		case frtext.StartsListEntry(s[i+1:]):
			bounds = append(bounds, i+1)
		}
	}
	bounds = append(bounds, frtext.SentenceStarts(s)...)
	slices.Sort(bounds)
	return slices.Compact(bounds)
}

func (t *factTextKind) sentence(pos int) int {
	if t.bounds == nil {
		if t.like != nil && t.like.bounds != nil {
			t.bounds = sentenceBoundsLike(t.s, t.like.s, t.like.bounds)
		} else {
			t.bounds = sentenceBounds(t.s)
		}
	}
	return sort.SearchInts(t.bounds, pos+1) - 1
}

// wordAt returns the index of the first word starting at or after pos.
func (t *factTextKind) wordAt(pos int) int {
	return sort.Search(len(t.words), func(i int) bool { return t.words[i].start >= pos })
}

// ctxWords is how many words a fact reads on either side of it for its
// context.
const ctxWords = 4

// appendContext appends to dst the words around a span, as a sorted set,
// which is what pairs an old fact with the new one that replaced it.
func (t *factTextKind) appendContext(dst []string, start, end int) []string {
	n := len(dst)
	i := t.wordAt(start)
	for k := i - 1; k >= 0 && k >= i-ctxWords; k-- {
		dst = append(dst, t.words[k].low)
	}
	j := t.wordAt(end)
	for k := j; k < len(t.words) && k < j+ctxWords; k++ {
		dst = append(dst, t.words[k].low)
	}
	slices.Sort(dst[n:])
	return dst[:n+len(slices.Compact(dst[n:]))]
}

func (t *factTextKind) display(start, end int) string {
	return strings.Join(strings.Fields(t.s[start:end]), " ")
}

// slicePool keeps the slices that a call fills, reads and lets go, for
// the next call: a diff extracts the facts of hundreds of clause texts,
// and their words and unsorted facts, which weigh several times the
// text, were a sixth of what it allocated.
type slicePool[T any] struct{ p sync.Pool }

func (sp *slicePool[T]) get() []T {
	if s, ok := sp.p.Get().(*[]T); ok {
		return (*s)[:0]
	}
	return nil
}

// put gives s back, zeroed so that the pool holds on to no text.
func (sp *slicePool[T]) put(s []T) {
	clear(s)
	s = s[:0]
	sp.p.Put(&s)
}

var (
	factWords slicePool[factWord]
	rawFacts  slicePool[factAt]
)

// extractNormalized finds every fact of a text already normalised
// (normalizeFactText), in text order. subject is the act code priced by the
// clause when the structure tells it.
func extractNormalized(s, subject string) []factAt { return pieceText(s, wholeOf(s)).facts(subject) }

// pieceText is s, a piece of the normalised text whole, before its words
// are cut: what its numbers hold can be asked first (amountMatches). What
// a fact of s may take from beyond its paragraphs (whether the text is
// divided by Roman numerals, which are then no act codes) is read in
// whole, once for all its pieces.
func pieceText(s string, whole *wholeText) *factTextKind { return &factTextKind{s: s, outline: whole} }

// facts cuts the words of t and reads its facts.
func (t *factTextKind) facts(subject string) []factAt {
	t.cut()
	defer t.release()
	return t.extract(subject)
}

// extract finds every fact of t, its words classed.
func (t *factTextKind) extract(subject string) []factAt {
	codes := t.codes()

	facts := rawFacts.get() // sorted into a slice of their own below
	defer func() { rawFacts.put(facts) }()
	var taken claimedSpans
	add := func(f factAt) {
		if taken.claim(f.start, f.end) {
			facts = append(facts, f)
		}
	}
	// The order is a priority: a span claimed by an earlier extractor is
	// not read again by a later one.
	for _, f := range t.references() {
		add(f)
	}
	for _, f := range t.dates() {
		add(f)
	}
	for _, f := range t.amounts(codes, subject) {
		// One amount pricing several codes is one fact per code, all on
		// the same span.
		if n := len(facts); n > 0 && facts[n-1].kind == FactAmount && facts[n-1].start == f.start && facts[n-1].end == f.end {
			facts = append(facts, f)
			continue
		}
		add(f)
	}
	for _, f := range t.percents() {
		add(f)
	}
	for _, f := range t.durations() {
		add(f)
	}
	for _, f := range t.frequencies(codes) {
		add(f)
	}
	for _, c := range codes {
		add(factAt{kind: FactCode, start: c.start, end: c.end, text: c.code, key: "code:" + c.code, val: c.code})
	}
	// Modal verbs and negations interleave ("n'est pas tenu de", "ne peut
	// pas"): they are words, not spans, and are not checked for overlap.
	modal, consumed := t.modalities()
	negs := t.negations(consumed)
	if zones := boundZones(facts); len(zones) > 0 {
		t.markBounds(modal, zones)
		t.markBounds(negs, zones)
	}
	facts = append(facts, modal...)
	facts = append(facts, negs...)
	// Sort positions, not the facts themselves: they are large to move.
	order := make([]int, len(facts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return facts[a].start - facts[b].start })
	sorted := make([]factAt, len(facts))
	// The contexts of all the facts share one array.
	ctxs := make([]string, 0, len(facts)*2*ctxWords)
	for i, k := range order {
		sorted[i] = facts[k]
		n := len(ctxs)
		if ctxs = t.appendContext(ctxs, sorted[i].start, sorted[i].end); len(ctxs) > n {
			sorted[i].ctx = ctxs[n:len(ctxs):len(ctxs)]
		}
	}
	t.markEffective(sorted, subject != "")
	return sorted
}
