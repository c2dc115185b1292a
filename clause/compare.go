package clause

import (
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// Change is what happened to one clause, or to a group of clauses for a
// split or merge, between two versions.
type Change struct {
	Kind ChangeKind
	// Renumbered is set when the clause's number changed.
	Renumbered bool
	// Moved is set when the clause changed place in the order beyond what
	// insertions and deletions around it explain.
	Moved bool
	// Old and New index the clauses of Diff.Old and Diff.New.
	Old, New []int
	// Similarity of old and new text, 0..1.
	Similarity float64
	// Hunks is the word-level diff of the text; nil for unchanged clauses.
	Hunks []Hunk
	// HeadingHunks is the word-level diff of the heading's title (its
	// words besides kind and number) when that changed at all, cosmetic
	// changes (case, accents, typography) included.
	HeadingHunks []Hunk
	// Facts are the typed changes found in the clause.
	Facts []Fact
	// Coarse is the bytes of text, both sides, of a clause past
	// HugeText: compared by sentence and line, its facts not read
	// (CoarseNote says so); 0 for a clause compared word by word.
	Coarse int
}

// Substantive reports whether the change matters to a reader: anything but
// an unchanged or cosmetic clause that kept its number and place and has no
// fact to report.
func (c *Change) Substantive() bool {
	if c.Renumbered || c.Moved || len(c.Facts) > 0 {
		return true
	}
	return c.Kind != Unchanged && c.Kind != Cosmetic
}

// Summary counts the changes of a Diff by kind and flag.
type Summary struct {
	Unchanged    int `json:"unchanged"`
	Cosmetic     int `json:"cosmetic"`
	Modified     int `json:"modified"`
	Added        int `json:"added"`
	Removed      int `json:"removed"`
	Split        int `json:"split"`
	Merged       int `json:"merged"`
	Renumbered   int `json:"renumbered"`
	Moved        int `json:"moved"`
	FactsChanged int `json:"facts_changed"`
}

// Diff is the clause-by-clause comparison of two documents.
type Diff struct {
	Old, New *Document
	// Changes cover every clause of both documents, unchanged ones
	// included, in the order of the new document (removed clauses after
	// the clause that preceded them).
	Changes []Change
	Summary Summary
}

// Differs reports whether the diff holds any substantive change; it
// decides the exit status of avenant diff.
func (d *Diff) Differs() bool {
	for i := range d.Changes {
		if d.Changes[i].Substantive() {
			return true
		}
	}
	return false
}

// CompareOptions tune Compare.
type CompareOptions struct {
	Align AlignOptions
}

// Compare aligns two documents and classifies every clause.
func Compare(old, new *Document, opts CompareOptions) *Diff {
	matches := Align(old, new, opts.Align)
	rehoused, crossed := rehousedMatches(old, new, matches)
	moved := movedMatches(old, new, matches, rehoused)
	refs := buildRefIndex(old, new, matches)
	carried := datesCarried(old, new, matches)
	d := &Diff{Old: old, New: new, Changes: make([]Change, len(matches))}
	var ranks [2][]int // the tables' ranks, read once for every crossed row
	if slices.Contains(crossed, true) {
		ranks = [2][]int{TableRanks(old), TableRanks(new)}
	}
	inParallel(len(matches), func(i int) {
		c := classifyMatch(old, new, matches[i], refs, carried[i])
		c.Moved = (moved[i] || rehoused[i]) && c.Kind != Added && c.Kind != Removed
		if crossed[i] {
			c.Facts = crossedFacts(old, new, matches[i], c.Facts, ranks)
		}
		d.Changes[i] = c
	})
	d.Summary = summarize(d.Changes)
	return d
}

// inParallel calls do(i) for every i below n on GOMAXPROCS goroutines.
// Each pair of clauses is classified on its own, reading the two documents
// and the reference index and writing only its own slot, so the result is
// the same, in the same order, as a loop's.
func inParallel(n int, do func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			do(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				do(i)
			}
		})
	}
	wg.Wait()
}

// classifyMatch makes the change of one match. datesCarried: the pair of
// rows takes its dates from a header or note that reports their change.
func classifyMatch(old, new *Document, m match, refs *refIndex, datesCarried bool) Change {
	c := Change{Old: m.Old, New: m.New, Similarity: m.Similarity}
	switch {
	case len(m.Old) == 0:
		c.Kind = Added
		return presentChange(c, new, m.New[0], false)
	case len(m.New) == 0:
		c.Kind = Removed
		return presentChange(c, old, m.Old[0], true)
	case len(m.Old) > 1:
		c.Kind = Merged
	case len(m.New) > 1:
		c.Kind = Split
	}
	oldText := joinClauses(old, m.Old)
	newText := joinClauses(new, m.New)
	oc, nc := &old.Clauses[m.Old[0]], &new.Clauses[m.New[0]]
	// A tariff row's "number" is its act code: a new code is a code fact,
	// not a renumbering.
	c.Renumbered = NormalizeNumber(oc.Number) != NormalizeNumber(nc.Number) &&
		!(strings.HasPrefix(oc.Key, "tariff:") && strings.HasPrefix(nc.Key, "tariff:"))
	// The word diff, made once: the cosmetic check reads it to look only
	// at the lines around each change.
	diff := func() []Hunk {
		if c.Hunks == nil {
			c.Hunks = WordDiff(oldText, newText)
		}
		return c.Hunks
	}
	oDates, nDates := rowsOutsideDates(old, new, m, datesCarried)
	if c.Kind == "" {
		switch {
		case oDates != nDates:
			c.Kind = Modified
		case len(m.Old) == 1 && len(m.New) == 1 && columnsReordered(old, new, oc, nc):
			// The same text under columns named in another order
			// prices other columns: a change unless the cells
			// moved with their names.
			c.Kind = Modified
			if ocs, ok := inColumnOrder(old, new, oc, nc); ok && slices.Equal(ocs, new.cellsOf(nc)) {
				c.Kind = Cosmetic
			}
		case regridded(old, new, oc, nc):
			c.Kind = Modified
		case holdsNoText(newText) && !holdsNoText(oldText) && assertsUnchanged(statusOf(nc)):
			// "Article 5 (Conforme)" printed without its text: the
			// chamber states that the text stays as it was.
			c.Kind = Unchanged
			c.Similarity = 1
			return c
		case oldText == newText && withoutNumber(oc) == withoutNumber(nc):
			c.Kind = Unchanged
		case cosmeticallyEqualDiffed(oldText, newText, diff()) &&
			CanonicalHeading(headingTitle(oc)) == CanonicalHeading(headingTitle(nc)):
			c.Kind = Cosmetic
		case isTableRow(oc) && isTableRow(nc) && sameRecord(old, new, oc, nc):
			c.Kind = Cosmetic
		default:
			c.Kind = Modified
		}
	}
	if c.Kind == Unchanged {
		c.Similarity = 1
		// The text did not change, but what it refers to may have: a
		// reference to an article that has since been renumbered or
		// removed is broken.
		if refs.citesAffected(newText) {
			c.Facts = compareFacts(oldText, newText, factSubject(nc), refs)
		}
		return c
	}
	diff()
	if c.Kind == Modified && isTableRow(oc) && isTableRow(nc) {
		c.Hunks = recordHunks(old, new, oc, nc, c.Hunks)
	}
	c.HeadingHunks, c.Similarity = headingDiff(headingTitle(oc), headingTitle(nc), c.Hunks)
	if c.Kind == Cosmetic {
		return c
	}
	if Huge(oldText, newText) {
		c.Coarse = len(oldText) + len(newText)
		return c
	}
	if c.Kind == Modified && isTableRow(oc) && isTableRow(nc) {
		c.Facts = append(rowFacts(old, new, oc, nc, refs), compareFacts(oDates, nDates, pairSubject(old, new, oc, nc), nil)...)
		return c
	}
	c.Facts = compareDiffedFacts(oldText, newText, factSubject(nc), refs, c.Hunks)
	if c.Kind == Modified {
		c.Facts = withTitleFacts(c.Facts, headingTitle(oc), headingTitle(nc), factSubject(nc))
	}
	return c
}

// presentChange completes the change of added or removed clause i of d:
// it carries the values it brings or takes away (a tariff row's code and
// price, an article's amount), so that rules see them as they see a
// changed value; a clause past HugeText is left unread, and says so.
func presentChange(c Change, d *Document, i int, removed bool) Change {
	cl := &d.Clauses[i]
	if Huge(cl.Text, "") {
		c.Coarse = len(cl.Text)
		return c
	}
	if headerRepeated(d, i) >= 0 {
		// A table's header that a page repeats says again the header
		// above it, values included ("Tarif au 1er décembre 2024"):
		// it brings none, nor takes any away.
		return c
	}
	oldTitle, newTitle := "", headingTitle(cl)
	if removed {
		oldTitle, newTitle = newTitle, ""
	}
	c.Facts = withTitleFacts(presentFacts(d, cl, removed), oldTitle, newTitle, factSubject(cl))
	return c
}

// headingDiff is the word diff of a clause's titles and the similarity of
// the clause. A title that changed only in case, accents or typography is
// shown as the text's cosmetic changes are, word by word, so that every
// format says what changed; only a change beyond that counts against the
// similarity, as it alone makes the clause a modified one.
//
// The aligner's similarity (word bigrams) is made for matching and is
// harsh on short texts; a reader expects the share of text kept, so that
// is what a change reports. The heading counts as text: a rewritten
// heading is a change a reader must not be told is 100 %.
func headingDiff(oldTitle, newTitle string, text []Hunk) ([]Hunk, float64) {
	if oldTitle == newTitle {
		return nil, diffSimilarity(text)
	}
	h := WordDiff(oldTitle, newTitle)
	if CanonicalHeading(oldTitle) == CanonicalHeading(newTitle) {
		return h, diffSimilarity(text)
	}
	return h, diffSimilarity(slices.Concat(h, text))
}

// withTitleFacts adds to the facts of a clause's text the amounts, rates,
// dates and time limits of its heading's title, which states them as the
// text does ("Article 4 - Tarif de 25 €" → "… de 30 €"), before them as
// the heading is; a change the text repeats is reported once. A title's
// other words are names, not rules: a document's "N° 1108 annexe 0" cites
// no annex, a heading's capitals are no act codes. The titles of a split
// or a merge are left out, as their texts' are.
func withTitleFacts(facts []Fact, oldTitle, newTitle, subject string) []Fact {
	if CanonicalHeading(oldTitle) == CanonicalHeading(newTitle) {
		return facts
	}
	title := compareFacts(oldTitle, newTitle, subject, nil)
	if len(title) == 0 {
		return facts
	}
	seen := make(map[string]bool, len(facts))
	for _, f := range facts {
		seen[factIdentity(f)] = true
	}
	out := make([]Fact, 0, len(title)+len(facts))
	moved := make([]bool, len(facts))
	for _, t := range title {
		if !titleFactKinds[t.Kind] || seen[factIdentity(t)] {
			continue
		}
		if k := slices.IndexFunc(facts, func(f Fact) bool { return movedBetween(t, f) }); k >= 0 && !moved[k] {
			moved[k] = true
			continue
		}
		out = append(out, t)
	}
	for k, f := range facts {
		if !moved[k] {
			out = append(out, f)
		}
	}
	return out
}

// movedBetween reports whether a value the title lost is one the text
// gained, or the reverse ("Article 4 - Tarif de 25 €" / "Le tarif est
// applicable." → "Article 4 - Tarif" / "Le tarif est de 25 €."): the
// clause states it still, and neither is a change.
func movedBetween(title, text Fact) bool {
	if title.Kind != text.Kind || title.Unit != text.Unit {
		return false
	}
	same := func(a string, av *float64, b string, bv *float64) bool {
		if av != nil && bv != nil {
			return *av == *bv
		}
		return a != "" && Canonical(a) == Canonical(b)
	}
	switch {
	case title.New == "" && text.Old == "":
		return same(title.Old, title.OldValue, text.New, text.NewValue)
	case title.Old == "" && text.New == "":
		return same(title.New, title.NewValue, text.Old, text.OldValue)
	}
	return false
}

var titleFactKinds = map[FactKind]bool{FactAmount: true, FactPercent: true, FactDate: true, FactDuration: true}

// joinClauses concatenates the texts of the clauses of a split or merge, in
// document order. Headings stay out: the change's header names the parts,
// and a heading such as "Article 12 bis" would read as a new reference.
func joinClauses(d *Document, idx []int) string {
	if len(idx) == 1 {
		return bodyOf(&d.Clauses[idx[0]])
	}
	parts := make([]string, len(idx))
	for i, k := range idx {
		parts[i] = bodyOf(&d.Clauses[k])
	}
	return strings.Join(parts, "\n\n")
}

// bodyOf is the text compared for a clause. A numbered item ("2 Créer un
// forfait…", "3° …") starts with its own number, which the renumbered flag
// already reports: it is left out, so that an item that only moved up the
// list is not a modification.
func bodyOf(c *Clause) string {
	if isTableRow(c) {
		return rowBody(c)
	}
	if c.Kind != KindItem || c.Number == "" || strings.HasPrefix(c.Key, "tariff:") {
		return c.Text
	}
	head := c.Text
	if len(head) > 16 {
		head = head[:16]
	}
	i := strings.Index(head, c.Number)
	if i < 0 || strings.TrimLeft(head[:i], "-•*– ") != "" {
		return c.Text
	}
	return strings.TrimLeft(c.Text[i+len(c.Number):], ".)°- ")
}

// withoutNumber is the heading as printed, its number taken out: a clause
// whose heading differs only by its number is unchanged (and renumbered).
func withoutNumber(c *Clause) string {
	if c.Number == "" {
		return c.Heading
	}
	return strings.Replace(c.Heading, c.Number, "", 1)
}

// headingTitle is what a heading says besides its kind, number and status:
// "Objet" for "Article 12 - Objet", "Art. 12 : Objet", "ARTICLE 12. OBJET"
// or "Article 12 (nouveau) - Objet", so that renumbering, abbreviating the
// kind word, changing the separator or the procedural status is no change
// of heading.
// Title is the title its heading gives the clause, after its number and
// status ("Permanence des soins" of "Article 5 – Permanence des soins");
// "" when it gives none.
func (c *Clause) Title() string { return headingTitle(c) }

func headingTitle(c *Clause) string {
	h := withoutStatus(c)
	if c.Number != "" {
		if i := numberAt(h, c.Number); i >= 0 {
			h = h[i+len(c.Number):]
		}
	}
	return strings.Trim(h, " .:-–—")
}

// numberAt is where a heading prints its number: the first time it starts
// a word, so that the "I" of "TITRE I" is not the one inside "TITRE"
// (whose title would read "TRE I – …" and differ from that of "Titre I –
// …"); failing that, its first occurrence.
func numberAt(h, number string) int {
	for i := 0; i < len(h); {
		k := strings.Index(h[i:], number)
		if k < 0 {
			break
		}
		k += i
		if r, _ := utf8.DecodeLastRuneInString(h[:k]); k == 0 || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return k
		}
		i = k + 1
	}
	return strings.Index(h, number)
}

// factSubject is the act code a tariff row prices, so that the amount in
// the row is tied to it; a row that sums its table prices none (totalRow).
func factSubject(c *Clause) string {
	if c.Kind == KindItem && strings.HasPrefix(c.Key, "tariff:") && !totalRow(c.Number) {
		return c.Number
	}
	return ""
}

// buildRefIndex records where each old numbered clause went, so that fact
// extraction can tell a reference that was not updated after a
// renumbering, or that points to a clause that no longer exists.
func buildRefIndex(old, new *Document, matches []match) *refIndex {
	refs := &refIndex{OldToNew: map[string]string{}, NewKeys: map[string]bool{}}
	for _, c := range new.Clauses {
		if c.Key != "" {
			refs.NewKeys[c.Key] = true
		}
	}
	refs.affected = map[string]bool{}
	for _, m := range matches {
		for _, i := range m.Old {
			oc := &old.Clauses[i]
			if oc.Key == "" {
				continue
			}
			if len(m.New) == 0 {
				refs.OldToNew[oc.Key] = ""
				refs.affected[oc.Key] = true
				refs.affectedAnnexes = refs.affectedAnnexes || oc.Kind == KindAnnex
				continue
			}
			num := new.Clauses[m.New[0]].Number
			refs.OldToNew[oc.Key] = num
			if NormalizeNumber(num) != NormalizeNumber(oc.Number) {
				refs.affected[oc.Key] = true
				refs.affectedAnnexes = refs.affectedAnnexes || oc.Kind == KindAnnex
			}
		}
	}
	return refs
}

// citesAffected is a cheap filter run on every unchanged clause before the
// fact extractor: it reports whether the text may cite, after the word
// "article" or "art.", a number whose article was renumbered or removed, or
// after "annexe" an annex that was. It may say yes wrongly, never no
// wrongly for a plain "article N" or "annexe N" citation.
func (r *refIndex) citesAffected(text string) bool {
	if len(r.affected) == 0 {
		return false
	}
	return r.citesAffectedArticle(text) || r.affectedAnnexes && r.citesAffectedAnnex(text)
}

// citesAffectedAnnex is citesAffected for "annexe N".
func (r *refIndex) citesAffectedAnnex(text string) bool {
	for i := 0; i < len(text); {
		j := frtext.IndexFold(text[i:], "annexe")
		if j < 0 {
			return false
		}
		i += j + len("annexe")
		rest := strings.TrimLeft(strings.TrimPrefix(text[i:], "s"), " ")
		if k := strings.IndexAny(rest, " ,.;:)"); k > 0 {
			rest = rest[:k]
		}
		if rest != "" && r.affected[NumberKey(KindAnnex, rest)] {
			return true
		}
	}
	return false
}

// citesAffectedArticle is citesAffected for "article N".
func (r *refIndex) citesAffectedArticle(text string) bool {
	for i := 0; i < len(text); {
		// "article 12", "art. 12", "l'art 12": the word starts with "art".
		j := frtext.IndexFold(text[i:], "art")
		if j < 0 {
			return false
		}
		if at := i + j; at > 0 && isASCIILetter(text[at-1]) {
			i = at + 3
			continue
		}
		i += j + len("art")
		end := min(i+60, len(text))
		for _, num := range numberRuns(text[i:end]) {
			if r.affected[NumberKey(KindArticle, num)] {
				return true
			}
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// numberRuns returns the runs of digits, dots and hyphens in s, each with
// a following Latin adverb ("12 bis") when there is one.
func numberRuns(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' || s[j] == '-') {
			j++
		}
		num := strings.TrimRight(s[i:j], ".-")
		// A code article ("L. 162-5", "L262-35") keeps its letter.
		switch {
		case i >= 3 && s[i-1] == ' ' && s[i-2] == '.' && isCodePrefix(string(s[i-3]|0x20)):
			num = s[i-3:i] + num
		case i >= 1 && isCodePrefix(string(s[i-1]|0x20)):
			num = s[i-1:i] + num
		}
		rest := strings.TrimLeft(s[j:], " ")
		if k := strings.IndexAny(rest, " ,.;:)"); k > 0 && latinWordRank(rest[:k]) > 0 {
			out = append(out, num+" "+rest[:k])
		}
		out = append(out, num)
		i = j
	}
	return out
}

// movedMatches flags the matches whose order in the new document is not
// explained by insertions and deletions: the matched pairs, read in new
// order, keep their old positions increasing along a longest increasing
// subsequence; whatever lies outside it has moved. The matches rehoused
// (rehousedMatches) moved already, and are left out: a row taken from
// one table to the next is the row that moved, not the one it passed.
// Of two orders that explain as much, the one that keeps in place more of
// the clauses that kept their number wins: when article 3 goes after article
// 4 and becomes 5, article 3 moved, not article 4, which kept its place
// among the rest and its number.
func movedMatches(old, new *Document, ms []match, rehoused []bool) []bool {
	type pair struct{ match, old int }
	// Containers and the clauses they hold are ordered apart: when an
	// article leaves the end of titre I for the start of titre II, the
	// article moved (see rehousedMatches), not the titre.
	var seqs [2][]pair
	for i, m := range ms {
		if len(m.Old) > 0 && len(m.New) > 0 && !rehoused[i] {
			g := 0
			if isContainer(old.Clauses[m.Old[0]].Kind) {
				g = 1
			}
			seqs[g] = append(seqs[g], pair{i, m.Old[0]})
		}
	}
	moved := make([]bool, len(ms))
	for _, seq := range seqs {
		sort.SliceStable(seq, func(a, b int) bool { return ms[seq[a].match].New[0] < ms[seq[b].match].New[0] })
		olds := make([]int, len(seq))
		sameNumber := make([]bool, len(seq))
		for i, p := range seq {
			olds[i] = p.old
			k := old.Clauses[p.old].Key
			sameNumber[i] = k != "" && k == new.Clauses[ms[p.match].New[0]].Key
		}
		keep := longestIncreasing(olds)
		if alt := longestIncreasingPreferring(olds, sameNumber); countBoth(alt, sameNumber) > countBoth(keep, sameNumber) {
			keep = alt
		}
		for i, p := range seq {
			if !keep[i] {
				moved[p.match] = true
			}
		}
	}
	return moved
}

// isContainer tells the kinds that hold other clauses.
func isContainer(k Kind) bool {
	return k == KindTitle || k == KindChapter || k == KindSection || k == KindAnnex
}

// rehousedMatches flags the matches whose clause changed container: an
// article taken from titre I to titre II keeps its rank among its
// neighbours, so the order alone does not show the move, but its path
// does. The containers compared are the nearest ones found on both sides
// (a sub-section inserted around articles, or a heading dropped, moves
// none of them), and the parts of a split container are one container.
// Only a clause whose text came along is rehoused: a number given an
// entirely new text (a chapter rewritten, its sections redrawn) is a
// rewrite in place, not a move. It also flags, in crossed, the table rows
// taken from one table to another that both versions hold (see
// crossedFacts), however much their text changed.
func rehousedMatches(old, new *Document, ms []match) (rehoused, crossed []bool) {
	var matchOf [2][]int // for each clause of each side, its match when paired, else -1
	for s, d := range [2]*Document{old, new} {
		matchOf[s] = make([]int, len(d.Clauses))
		for i := range matchOf[s] {
			matchOf[s][i] = -1
		}
	}
	for i, m := range ms {
		if len(m.Old) > 0 && len(m.New) > 0 {
			for _, o := range m.Old {
				matchOf[0][o] = i
			}
			for _, n := range m.New {
				matchOf[1][n] = i
			}
		}
	}
	// A header a page repeats is the container its table's first header is.
	for s, d := range [2]*Document{old, new} {
		for i := range d.Clauses {
			if matchOf[s][i] < 0 {
				if h := tableHead(d, i); h != i {
					matchOf[s][i] = matchOf[s][h]
				}
			}
		}
	}
	// home is the match of the nearest container of clause i of side s
	// that the other side holds too, -1 at top level.
	home := func(s int, d *Document, i int) int {
		for p := d.Clauses[i].Parent; p >= 0; p = d.Clauses[p].Parent {
			if matchOf[s][p] >= 0 {
				return matchOf[s][p]
			}
		}
		return -1
	}
	rehoused, crossed = make([]bool, len(ms)), make([]bool, len(ms))
	for i, m := range ms {
		if len(m.Old) != 1 || len(m.New) != 1 {
			continue
		}
		o, n := m.Old[0], m.New[0]
		if m.Similarity >= minSimilar {
			rehoused[i] = home(0, old, o) != home(1, new, n)
		}
		if isTableRow(&old.Clauses[o]) && isTableRow(&new.Clauses[n]) {
			crossed[i] = crossesTables(old, new, o, n, matchOf)
		}
	}
	return rehoused, crossed
}

// longestIncreasing marks the elements of one longest strictly increasing
// subsequence of xs (patience sorting, O(n log n)). A clause that jumped
// over many others is thus the one flagged, not all those it jumped over.
func longestIncreasing(xs []int) []bool {
	tails := []int{} // index into xs of the smallest tail of each length
	prev := make([]int, len(xs))
	for i, x := range xs {
		k := sort.Search(len(tails), func(j int) bool { return xs[tails[j]] >= x })
		if k > 0 {
			prev[i] = tails[k-1]
		} else {
			prev[i] = -1
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	keep := make([]bool, len(xs))
	if len(tails) == 0 {
		return keep
	}
	for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
		keep[i] = true
	}
	return keep
}

// longestIncreasingPreferring marks the elements of a longest strictly
// increasing subsequence of xs, distinct numbers, that holds as many
// preferred elements as such a subsequence can: each element scores its
// best predecessor's score plus one length (worth more than every
// preference together) and its preference, the best predecessor read from
// a Fenwick tree of maxima over the values below it (O(n log n)).
func longestIncreasingPreferring(xs []int, prefer []bool) []bool {
	n := len(xs)
	keep := make([]bool, n)
	if n == 0 {
		return keep
	}
	ranks := slices.Clone(xs)
	slices.Sort(ranks)
	type best struct{ score, at int }
	tree := make([]best, n+1) // 1-based, over the ranks of the values
	prev := make([]int, n)
	top := best{-1, -1}
	for i, x := range xs {
		r, _ := slices.BinarySearch(ranks, x)
		b := best{0, -1}
		for k := r; k > 0; k -= k & -k {
			if tree[k].score > b.score {
				b = tree[k]
			}
		}
		sc := b.score + n + 1
		if prefer[i] {
			sc++
		}
		prev[i] = b.at
		for k := r + 1; k <= n; k += k & -k {
			if sc > tree[k].score {
				tree[k] = best{sc, i}
			}
		}
		if sc > top.score {
			top = best{sc, i}
		}
	}
	for i := top.at; i >= 0; i = prev[i] {
		keep[i] = true
	}
	return keep
}

// countBoth counts the places where a and b are both set.
func countBoth(a, b []bool) int {
	n := 0
	for i := range a {
		if a[i] && b[i] {
			n++
		}
	}
	return n
}

func summarize(cs []Change) Summary {
	var s Summary
	for i := range cs {
		c := &cs[i]
		switch c.Kind {
		case Unchanged:
			s.Unchanged++
		case Cosmetic:
			s.Cosmetic++
		case Modified:
			s.Modified++
		case Added:
			s.Added++
		case Removed:
			s.Removed++
		case Split:
			s.Split++
		case Merged:
			s.Merged++
		}
		if c.Renumbered {
			s.Renumbered++
		}
		if c.Moved {
			s.Moved++
		}
		s.FactsChanged += len(c.Facts)
	}
	return s
}
