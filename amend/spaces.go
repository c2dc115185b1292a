package amend

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/reader"
)

// noBreak are the spaces the reader writes as plain ones (the no-break
// space, the narrow one French sets before ; : ! ? € %, the figure space),
// and marks the private-use characters that stand for them while the
// source is read again: the reader keeps those as they are.
var (
	noBreak = [...]rune{'\u00a0', '\u202f', '\u2007'}
	marks   = [...]rune{'\ue000', '\ue001', '\ue002'}
)

// Spaces are the headings and texts of a base's clauses as its source
// writes them, no-break spaces included, and the level of its headings:
// the reader writes those spaces as plain ones, so that the same text
// compares alike from any format, but a consolidated text is the base
// itself where no instruction touched it, and a typographer's "30 €" or
// "informée : elle", or a "#### Article 16" right under a "## Titre II",
// must come back as written. Instructions apply to the base as read; the
// source's characters are put back in what they left of it when the
// consolidation is written.
type Spaces struct {
	heading, text []string // by clause of the base; "" when not found
	// hashes is the number of "#" that opens each clause's heading in
	// the source, 0 when none or not found: a source may skip levels
	// ("## Titre II" then "#### Article 16"), which write, setting each
	// heading at its depth, does not.
	hashes []int
	// spaceBy is the space the source sets before each mark French sets
	// apart (; : ! ? » € %) and, under '«', after that quote, where most
	// of its are no-break ones: words the instructions put in are set so.
	spaceBy map[rune]rune
}

// apart are the marks French typography sets apart with a no-break
// space: before them, and after '«'.
const apart = ";:!?»€%«"

// ReadSpaces reads again source, the bytes of the file named name that
// base was read from (with opts), marked (Mark), and keeps the clauses'
// headings and texts as they stand in it, and the level of each heading.
// It returns nil when the format keeps no character of its own (a PDF),
// or the source cannot be read, or holds a mark of its own; where
// the two readings differ otherwise than by the marks (a no-break space
// alone on a line, which the reader drops), and in a clause whose text
// does not stand as it is in what the reader makes of the source, the
// text keeps its plain spaces.
func ReadSpaces(base *clause.Document, name string, source []byte, opts reader.Options) *Spaces {
	marked := Mark(name, source)
	if marked == nil {
		return nil
	}
	plain, err := reader.ReadBytes(name, source, opts)
	if err != nil || strings.ContainsFunc(plain, isMark) {
		return nil
	}
	again, err := reader.ReadBytes(name, marked, opts)
	if err != nil {
		return nil
	}
	return readSpaces(base, plain, again)
}

// readSpaces is ReadSpaces on plain, the text the reader gives of the
// source, and marked, the one it gives of the source marked.
func readSpaces(base *clause.Document, plain, marked string) *Spaces {
	n := len(base.Clauses)
	sp := &Spaces{heading: make([]string, n), text: make([]string, n), hashes: make([]int, n)}
	kept := keptSpaces(plain, marked)
	sp.spaceBy = typography(kept)
	w := &sourceWalk{plain: plain, kept: kept}
	for i := range base.Clauses {
		sp.heading[i], sp.hashes[i] = w.findHeading(base.Clauses[i].Heading)
		sp.text[i] = w.find(base.Clauses[i].Text)
	}
	return sp
}

// keptSpaces is plain with a no-break space wherever marked, read from
// the same source with its no-break spaces marked, has a mark in a stretch
// the two share: character for character plain's.
func keptSpaces(plain, marked string) string {
	flat := strings.Map(unmarkPlain, marked)
	if flat == plain {
		return strings.Map(unmark, marked)
	}
	var b strings.Builder
	b.Grow(len(marked))
	for _, d := range diffmatchpatch.New().DiffMain(plain, flat, true) {
		if d.Type == diffmatchpatch.DiffDelete {
			b.WriteString(d.Text)
			continue
		}
		// marked has as many characters as flat, a mark for a space.
		end := 0
		for range utf8.RuneCountInString(d.Text) {
			_, size := utf8.DecodeRuneInString(marked[end:])
			end += size
		}
		if d.Type == diffmatchpatch.DiffEqual {
			b.WriteString(strings.Map(unmark, marked[:end]))
		}
		marked = marked[end:]
	}
	return b.String()
}

// findHeading is find for a heading, with the number of "#" that open
// its line in the source (0 if none).
func (w *sourceWalk) findHeading(s string) (string, int) {
	start, ok := w.locate(s)
	if !ok {
		return "", 0
	}
	line := w.plain[strings.LastIndexByte(w.plain[:start], '\n')+1 : start]
	hashes := strings.TrimRight(line, " ")
	if hashes == "" || strings.Trim(hashes, "#") != "" {
		return w.written(s), 0
	}
	return w.written(s), len(hashes)
}

// restore returns doc, the consolidation of base whose clause i came from
// base's clause from[i] (-1: inserted), with the no-break spaces of the
// source back wherever its text is still the base's and, with levels,
// each heading at the source's level (write sets a heading at one "#"
// more than its depth), a clause inserted at the level of the clause of
// its depth before it.
func (sp *Spaces) restore(base, doc *clause.Document, from []int, levels bool) *clause.Document {
	out := &clause.Document{Clauses: append([]clause.Clause(nil), doc.Clauses...)}
	last := map[int]int{} // depth → the level the last clause of it took
	for i := range out.Clauses {
		c, k := &out.Clauses[i], from[i]
		if levels && k >= 0 && sp.hashes[k] > 0 {
			last[c.Depth] = sp.hashes[k] - 1
		}
		if level, ok := last[c.Depth]; ok && levels {
			c.Depth = level
		}
		if k < 0 {
			c.Heading, c.Text = sp.typeset(c.Heading), sp.typeset(c.Text)
			continue
		}
		b := &base.Clauses[k]
		c.Heading = keepSpaces(b.Heading, sp.heading[k], c.Heading, sp.typeset)
		c.Text = keepSpaces(b.Text, sp.text[k], c.Text, sp.typeset)
	}
	return out
}

// typography counts, in text, the spaces set before each mark of apart
// (after '«'), and keeps for each the no-break one set most, when no-break
// ones are most of them.
func typography(text string) map[rune]rune {
	counts := map[[2]rune]int{}
	var prev, space rune
	for _, r := range text {
		switch {
		case r == ' ' || noBreakIndex(r) >= 0:
			if prev == '«' {
				counts[[2]rune{'«', r}]++
			}
			space = r
		case space != 0 && strings.ContainsRune(apart, r) && r != '«':
			counts[[2]rune{r, space}]++
			space = 0
		default:
			space = 0
		}
		prev = r
	}
	by := map[rune]rune{}
	for _, mark := range apart {
		best, n, all := rune(0), 0, 0
		for _, sp := range append([]rune{' '}, noBreak[:]...) {
			c := counts[[2]rune{mark, sp}]
			all += c
			if c > n && sp != ' ' {
				best, n = sp, c
			}
		}
		if n*2 > all {
			by[mark] = best
		}
	}
	return by
}

// typeset sets words put in by the instructions as the source sets its
// own: a plain space before a mark of apart, or after '«', becomes the
// no-break one the source sets there.
func (sp *Spaces) typeset(s string) string {
	if len(sp.spaceBy) == 0 || !strings.ContainsAny(s, apart) {
		return s
	}
	rs := []rune(s)
	for i, r := range rs {
		if r != ' ' {
			continue
		}
		if i+1 < len(rs) && rs[i+1] != '«' {
			if n, ok := sp.spaceBy[rs[i+1]]; ok {
				rs[i] = n
				continue
			}
		}
		if i > 0 && rs[i-1] == '«' {
			if n, ok := sp.spaceBy['«']; ok {
				rs[i] = n
			}
		}
	}
	return string(rs)
}

// keepSpaces returns now, what instructions made of was (a clause's text
// as read), with the characters of source (was as written, of as many
// characters, no-break spaces where was has plain ones) where now still
// has was's: what changed is the instructions', the rest the source's,
// the words they put in set by set.
func keepSpaces(was, source, now string, set func(string) string) string {
	if now == was {
		if source == "" {
			return now
		}
		return source
	}
	if source == "" {
		source = was
	}
	src := []rune(source)
	var b strings.Builder
	at := 0 // in was, and so in src
	for _, e := range settle(diffmatchpatch.New().DiffMainRunes([]rune(was), []rune(now), false), src) {
		n := len(e.text)
		switch e.op {
		case diffmatchpatch.DiffEqual:
			b.WriteString(string(src[at : at+n]))
			at += n
		case diffmatchpatch.DiffDelete:
			at += n
		case diffmatchpatch.DiffInsert:
			b.WriteString(set(string(e.text)))
		}
	}
	return b.String()
}

// edit is a diff's piece in runes.
type edit struct {
	op   diffmatchpatch.Operation
	text []rune
}

// settle moves each edit that stands alone between two equal pieces to
// the place, among those it may equally stand at, that keeps a no-break
// space of src (the base as written) beside the character it binds to.
// Taking "patient" out of "le patient ; il" may take "patient " or
// " patient", and putting "et sa famille" after it may go before or
// after the space: the diff picks one, which gave "le ; il" and "le
// patient et sa famille ; il", the no-break space before ";" lost or
// moved between the words. The place the diff picked stays when none
// keeps more.
func settle(diffs []diffmatchpatch.Diff, src []rune) []edit {
	es := make([]edit, len(diffs))
	for i, d := range diffs {
		es[i] = edit{d.Type, []rune(d.Text)}
	}
	at := 0 // where es[i] starts in the base
	for i := range es {
		e := &es[i]
		if i > 0 && i < len(es)-1 && e.op != diffmatchpatch.DiffEqual &&
			es[i-1].op == diffmatchpatch.DiffEqual && es[i+1].op == diffmatchpatch.DiffEqual {
			at = settleOne(&es[i-1], e, &es[i+1], at, src)
		}
		if e.op != diffmatchpatch.DiffInsert {
			at += len(e.text)
		}
	}
	return es
}

// settleOne places e, between the equal pieces a and b (b starting at
// the base's rune at), where it keeps most no-break spaces by what they
// bind to, a and b keeping a rune at least; it returns where b now
// starts.
func settleOne(a, e, b *edit, at int, src []rune) int {
	seq := slices.Concat(a.text, e.text, b.text)
	m, start := len(e.text), at-len(a.text)
	n := 0 // the base's runes e covers
	if e.op == diffmatchpatch.DiffDelete {
		n = m
	}
	lo, hi := len(a.text), len(a.text)
	for lo > 1 && seq[lo-1] == seq[lo-1+m] {
		lo--
	}
	for hi+m < len(seq)-1 && seq[hi] == seq[hi+m] {
		hi++
	}
	best, p := -1, len(a.text)
	for q := lo; q <= hi; q++ {
		s := binding(src, start+q-1, false) + binding(src, start+q+n, true)
		if s > best || s == best && q == len(a.text) {
			best, p = s, q
		}
	}
	a.text, e.text, b.text = seq[:p], seq[p:p+m], seq[p+m:]
	return start + p
}

// binding is 1 when src[k] is a no-break space bound to the character
// after it (right) or before it: to the stop, the symbol or the closing
// quote it stands before ("patient ;", "30 €", "10 %"), else to the
// opening quote or the abbreviation it stands after ("« le", "n° 3").
func binding(src []rune, k int, right bool) int {
	if k < 0 || k >= len(src) || noBreakIndex(src[k]) < 0 {
		return 0
	}
	sign := func(j int) bool {
		return j >= 0 && j < len(src) && !unicode.IsLetter(src[j]) && !unicode.IsDigit(src[j]) && !unicode.IsSpace(src[j])
	}
	bindsRight := sign(k + 1)
	if right == bindsRight && (right || sign(k-1)) {
		return 1
	}
	return 0
}

// sourceWalk finds texts in order in plain and gives them as kept has
// them (the same characters, some spaces no-break ones); at and atKept
// are the same place in each.
type sourceWalk struct {
	plain, kept string
	at, atKept  int
	from        int // where in kept the text last located starts
	// misses counts the texts looked for to the end of plain in vain:
	// past a few, the source is not the base's text as it stands (a
	// page's markup), and looking on would read it once per clause.
	misses int
}

const maxMisses = 16

// find returns s, found in plain at or after the place the last text was
// found, as the source writes it; "" when it is not there or has no
// space.
func (w *sourceWalk) find(s string) string {
	if _, ok := w.locate(s); !ok {
		return ""
	}
	return w.written(s)
}

// locate finds s in plain at or after the place the last text was found,
// and moves past it.
func (w *sourceWalk) locate(s string) (start int, ok bool) {
	if s == "" || w.misses >= maxMisses {
		return 0, false
	}
	k := strings.Index(w.plain[w.at:], s)
	if k < 0 {
		w.misses++
		return 0, false
	}
	start = w.at + k
	w.advance(start)
	w.from = w.atKept
	w.advance(start + len(s))
	return start, true
}

// written is s, just located, as the source writes it; "" when it has no
// space to write otherwise.
func (w *sourceWalk) written(s string) string {
	if !strings.Contains(s, " ") {
		return ""
	}
	return w.kept[w.from:w.atKept]
}

// advance moves to the place to of plain: the texts are the same byte for
// byte but where kept has a no-break space for plain's space.
func (w *sourceWalk) advance(to int) {
	for w.at < to {
		r, size := utf8.DecodeRuneInString(w.kept[w.atKept:])
		w.atKept += size
		if noBreakIndex(r) >= 0 {
			w.at++
		} else {
			w.at += size
		}
	}
}

// markIndex is r's place in marks, -1 when it is none of them.
func markIndex(r rune) int { return slices.Index(marks[:], r) }

func isMark(r rune) bool { return markIndex(r) >= 0 }

// unmark is the no-break space a mark stands for.
func unmark(r rune) rune {
	if k := markIndex(r); k >= 0 {
		return noBreak[k]
	}
	return r
}

// unmarkPlain is the plain space the reader makes of a mark's space.
func unmarkPlain(r rune) rune {
	if isMark(r) {
		return ' '
	}
	return r
}

// print writes res, the consolidation of base read back as doc, with
// the source's spaces and heading levels; with its spaces alone when the
// levels would make it read otherwise than doc (a heading not found in
// the source set at its depth among headings set at the source's levels).
func (sp *Spaces) print(base *clause.Document, res *Result, doc *clause.Document, f Format) string {
	if f == Markdown {
		text := write(sp.restore(base, res.Doc, res.From, true), f)
		if again, err := reader.Decode([]byte(text)); err == nil && sameShape(clause.Parse(again), doc) {
			return text
		}
	}
	return write(sp.restore(base, res.Doc, res.From, false), f)
}

// sameShape reports whether two documents have the same clauses, by
// kind, number and depth.
func sameShape(a, b *clause.Document) bool {
	if len(a.Clauses) != len(b.Clauses) {
		return false
	}
	for i := range a.Clauses {
		x, y := &a.Clauses[i], &b.Clauses[i]
		if x.Kind != y.Kind || x.Number != y.Number || x.Depth != y.Depth {
			return false
		}
	}
	return true
}
