// Package parties answers the negotiator's question at a plenary session:
// for each clause of the text on the table, what does each party want?
//
// A base (a proposal) and its answers (counter-proposals, the text a party
// accepts as it stands) are laid out as a table: one row per clause of the
// base, one column per answer. Each answer is compared with the base, and
// only with the base, by clause.Compare, so each cell says what that party
// did to that clause (unchanged, cosmetic, modified, removed, renumbered,
// moved, split, merged) with the facts it changed. Comparing the answers
// with each other would blame one union for the clauses another added.
//
// Clauses that an answer adds get rows of their own, placed after the base
// clause that precedes them in that answer. When several answers add a
// clause at the same place, the clause aligner decides whether they add
// the same clause (one row, several cells) or different ones.
//
// Answers that make the same change to a clause agree: the same resulting
// text (cosmetic differences aside), or the same facts (two unions that
// both ask G at 30 € agree, however each words it) and the same text
// beside the sentences that carry them.
//
// The package works on parsed documents and diffs: it knows no store, no
// terminal and no output format.
package parties

import (
	"slices"
	"strings"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/frtext"
)

// Table is a base and its answers, clause by clause.
type Table struct {
	// Base is the document answered.
	Base *clause.Document
	// Diffs compare the base with each answer, in the order of the
	// answers: Diffs[j].New is answer j.
	Diffs []*clause.Diff
	// Rows are the base's clauses in its order, with the clauses the
	// answers add inserted where they first appear.
	Rows []Row
}

// Row is one clause of the base, or one clause that answers add.
type Row struct {
	// Base indexes the base's clause, -1 for a clause the base lacks.
	Base int
	// Cells index, for each answer, its change in Diffs[j].Changes; -1
	// when the answer has nothing on this row (a clause that another
	// answer adds).
	Cells []int
	// Agree lists the groups of two or more answers that make the same
	// substantive change to this clause, each group in answer order.
	Agree [][]int
}

// Compare compares each answer with base and lays out the table.
func Compare(base *clause.Document, answers []*clause.Document, opts clause.CompareOptions) *Table {
	diffs := make([]*clause.Diff, len(answers))
	for j, a := range answers {
		diffs[j] = clause.Compare(base, a, opts)
	}
	return FromDiffs(base, diffs)
}

// FromDiffs lays out the table from diffs already made, each of base
// against one answer (as a caller that caches diffs has them).
func FromDiffs(base *clause.Document, diffs []*clause.Diff) *Table {
	t := &Table{Base: base, Diffs: diffs}
	n := len(base.Clauses)
	// cells[b][j]: answer j's change to base clause b.
	cells := make([][]int, n)
	for b := range cells {
		cells[b] = newCells(len(diffs))
	}
	// added[a] are the rows of added clauses placed after base clause a
	// (a = -1: before the first).
	added := map[int][]addedRow{}
	for j, d := range diffs {
		anchor := -1
		var mine []addition
		for ci := range d.Changes {
			c := &d.Changes[ci]
			if len(c.Old) == 0 {
				mine = append(mine, addition{anchor: anchor, change: ci})
				continue
			}
			for _, o := range c.Old {
				cells[o][j] = ci
			}
			anchor = c.Old[len(c.Old)-1]
		}
		t.place(added, j, mine)
	}
	emit := func(anchor int) {
		for _, r := range added[anchor] {
			t.Rows = append(t.Rows, Row{Base: -1, Cells: r.cells})
		}
	}
	emit(-1)
	for b := range n {
		t.Rows = append(t.Rows, Row{Base: b, Cells: cells[b]})
		emit(b)
	}
	for i := range t.Rows {
		t.Rows[i].Agree = t.agreements(&t.Rows[i])
	}
	return t
}

// Change is answer j's change on row r, nil when it has none.
func (t *Table) Change(r *Row, j int) *clause.Change {
	if r.Cells[j] < 0 {
		return nil
	}
	return &t.Diffs[j].Changes[r.Cells[j]]
}

// Changed reports whether any answer does something to the row a reader
// should see: anything but leaving the clause unchanged in its number and
// place with no fact to report.
func (t *Table) Changed(r *Row) bool {
	for j := range r.Cells {
		if c := t.Change(r, j); c != nil && (c.Kind != clause.Unchanged || c.Substantive()) {
			return true
		}
	}
	return false
}

// Differs reports whether any answer changes the base substantively.
func (t *Table) Differs() bool {
	for _, d := range t.Diffs {
		if d.Differs() {
			return true
		}
	}
	return false
}

// Clause is the clause a row stands for: the base's, or for an added row
// the clause as the first answer that adds it words it.
func (t *Table) Clause(r *Row) *clause.Clause {
	if r.Base >= 0 {
		return &t.Base.Clauses[r.Base]
	}
	for j := range r.Cells {
		if c := t.Change(r, j); c != nil && len(c.New) > 0 {
			return &t.Diffs[j].New.Clauses[c.New[0]]
		}
	}
	return nil
}

func newCells(n int) []int {
	cs := make([]int, n)
	for j := range cs {
		cs[j] = -1
	}
	return cs
}

// addition is a clause an answer adds, after base clause anchor.
type addition struct {
	anchor, change int
}

// addedRow is a row of added clauses under construction.
type addedRow struct {
	cells []int
	// answer and change name the first answer's clause, which stands
	// for the row when later answers are matched against it.
	answer, change int
}

// place puts answer j's additions into rows: at each anchor, the clause
// aligner pairs them with the clauses earlier answers added there, and a
// pair shares its row; the others get rows of their own, after those
// already placed.
func (t *Table) place(added map[int][]addedRow, j int, mine []addition) {
	byAnchor := map[int][]int{}
	var anchors []int
	for _, a := range mine {
		if _, ok := byAnchor[a.anchor]; !ok {
			anchors = append(anchors, a.anchor)
		}
		byAnchor[a.anchor] = append(byAnchor[a.anchor], a.change)
	}
	for _, anchor := range anchors {
		changes := byAnchor[anchor]
		rows := added[anchor]
		pairs := map[int]int{} // change index in changes → row index in rows
		if len(rows) > 0 {
			var theirs, ours clause.Document
			for _, r := range rows {
				theirs.Clauses = append(theirs.Clauses, t.addedClause(r.answer, r.change))
			}
			for _, ci := range changes {
				ours.Clauses = append(ours.Clauses, t.addedClause(j, ci))
			}
			for _, m := range clause.Align(&theirs, &ours, clause.AlignOptions{}) {
				if len(m.Old) == 1 && len(m.New) == 1 && rows[m.Old[0]].cells[j] < 0 {
					pairs[m.New[0]] = m.Old[0]
				}
			}
		}
		for k, ci := range changes {
			if ri, ok := pairs[k]; ok {
				rows[ri].cells[j] = ci
				continue
			}
			cells := newCells(len(t.Diffs))
			cells[j] = ci
			rows = append(rows, addedRow{cells: cells, answer: j, change: ci})
		}
		added[anchor] = rows
	}
}

// addedClause is the clause that change ci of answer j adds, standing
// alone, as the aligner compares it with another answer's.
func (t *Table) addedClause(j, ci int) clause.Clause {
	d := t.Diffs[j]
	c := d.New.Clauses[d.Changes[ci].New[0]]
	c.Parent, c.Depth = -1, 0
	return c
}

// agreements groups the answers that make the same substantive change to
// the row: the same resulting text, or the same non-empty facts. Either
// link joins two answers, so the groups are the connected ones.
func (t *Table) agreements(r *Row) [][]int {
	var who []int
	for j := range r.Cells {
		if c := t.Change(r, j); c != nil && c.Substantive() {
			who = append(who, j)
		}
	}
	group := make([]int, len(r.Cells))
	for j := range group {
		group[j] = j
	}
	find := func(j int) int {
		for group[j] != j {
			j = group[j]
		}
		return j
	}
	for x, a := range who {
		for _, b := range who[x+1:] {
			if t.sameChange(r, a, b) {
				group[find(b)] = find(a)
			}
		}
	}
	members := map[int][]int{}
	for _, j := range who {
		members[find(j)] = append(members[find(j)], j)
	}
	var out [][]int
	for _, j := range who {
		if g := members[j]; find(j) == j && len(g) > 1 {
			out = append(out, g)
		}
	}
	return out
}

func (t *Table) sameChange(r *Row, a, b int) bool {
	ca, cb := t.Change(r, a), t.Change(r, b)
	// A clause removed, and one kept to say it is ("Article 5
	// (supprimé)", "Supprimé."), are gone alike, wherever they stand.
	if ga, gb := t.gone(a, ca), t.gone(b, cb); ga || gb {
		return ga && gb
	}
	// A move is always the party's choice, never the wake of a clause
	// added or removed elsewhere: two answers moving a clause agree only
	// when they put it at the same place, and one that moves it does not
	// agree with one that leaves it where it stands.
	if t.movedTo(a, ca) != t.movedTo(b, cb) {
		return false
	}
	if t.result(a, ca) == t.result(b, cb) && substance(ca.Kind) == substance(cb.Kind) {
		return true
	}
	// The same facts however worded, and nothing else: a sentence one
	// answer adds or rewrites beside those that carry the facts is a
	// change the other does not make ("30 €. Le médecin en informe
	// chaque patient par affichage." asks more than "30 €.").
	return len(ca.Facts) > 0 && slices.EqualFunc(ca.Facts, cb.Facts, sameFact) && t.besideFacts(a, ca) == t.besideFacts(b, cb)
}

// gone reports whether answer j's change takes the clause's text away:
// it removes the clause, or keeps each of its clauses only to say that it
// is removed, as parliaments and negotiators print it.
func (t *Table) gone(j int, c *clause.Change) bool {
	if c.Kind == clause.Removed {
		return true
	}
	for _, i := range c.New {
		if !clause.SaysRemoved(&t.Diffs[j].New.Clauses[i]) {
			return false
		}
	}
	return len(c.New) > 0
}

// substance is a change's kind, a cosmetic change being none: two
// answers that renumber or move a clause alike agree, whether or not one
// of them retypes it.
func substance(k clause.ChangeKind) clause.ChangeKind {
	if k == clause.Cosmetic {
		return clause.Unchanged
	}
	return k
}

// movedTo is where answer j puts a clause it moves: the base clause that
// the nearest clause before it in the answer stands for (-1 at the top of
// the answer); -2 for a clause the answer leaves in the base's order.
func (t *Table) movedTo(j int, c *clause.Change) int {
	if !c.Moved || len(c.New) == 0 {
		return -2
	}
	d := t.Diffs[j]
	// from[i] is the last base clause that new clause i stands for.
	from := make([]int, len(d.New.Clauses))
	for i := range from {
		from[i] = -1
	}
	for _, ch := range d.Changes {
		for _, n := range ch.New {
			if len(ch.Old) > 0 {
				from[n] = ch.Old[len(ch.Old)-1]
			}
		}
	}
	for i := c.New[0] - 1; i >= 0; i-- {
		if from[i] >= 0 {
			return from[i]
		}
	}
	return -1
}

// besideFacts is what answer j makes of the clause beside the facts of
// the change, cosmetic differences aside: the sentences that carry none,
// and the words of those that carry them beside the values and their
// phrasing (askedWords), in any order.
func (t *Table) besideFacts(j int, c *clause.Change) string {
	var carried, subjects []string
	for _, f := range c.Facts {
		if f.New != "" {
			carried = append(carried, clause.Canonical(f.New))
		}
		if f.Subject != "" {
			subjects = append(subjects, f.Subject)
		}
	}
	d := t.Diffs[j]
	var b strings.Builder
	var asked []string
	for _, i := range c.New {
		cl := &d.New.Clauses[i]
		b.WriteString(unnumbered(cl) + "\x00")
		row := cl.Kind == clause.KindItem && len(clause.RowCells(cl.Text)) > 1
		start := 0
		for _, end := range append(frtext.SentenceStarts(cl.Text), len(cl.Text)) {
			sentence := clause.Canonical(cl.Text[start:end])
			start = end
			values := carried
			if row {
				values = withBare(sentence, carried)
			}
			if slices.ContainsFunc(values, func(f string) bool { return strings.Contains(sentence, f) }) {
				asked = append(asked, askedWords(sentence, values, subjects)...)
			} else {
				b.WriteString(sentence + "\x00")
			}
		}
	}
	slices.Sort(asked)
	return b.String() + strings.Join(asked, " ")
}

// withBare is values, canonical, with the figure alone of each that
// ends with its unit ("30€": "30") and that row writes so, once: a table
// row's bare "30,00" is "30,00 €" in its facts, priced by a note over the
// table ("(en euros)"), and the row carries it as much as one writing
// "30 €". A figure the row writes twice (a coefficient beside the price)
// is not taken for the value.
func withBare(row string, values []string) []string {
	out := values
	for _, v := range values {
		// Canonical sets a unit against its figure ("30€").
		for _, unit := range []string{"€", "F", "%"} {
			if figure, ok := strings.CutSuffix(v, unit); ok && !strings.Contains(row, v) && wordCount(row, figure) == 1 {
				out = append(slices.Clip(out), figure)
			}
		}
	}
	return out
}

// wordCount is how many times w stands in s as whole words.
func wordCount(s, w string) int {
	n := 0
	for i := 0; w != ""; {
		k := strings.Index(s[i:], w)
		if k < 0 {
			return n
		}
		if frtext.WordStarts(s, i+k) && frtext.WordEnds(s, i+k+len(w)) {
			n++
		}
		i += k + len(w)
	}
	return n
}

// result is what answer j makes of the clause, cosmetic differences
// aside: the headings and texts of its new clauses.
func (t *Table) result(j int, c *clause.Change) string {
	d := t.Diffs[j]
	s := ""
	for _, i := range c.New {
		cl := &d.New.Clauses[i]
		s += unnumbered(cl) + "\x00" + clause.Canonical(cl.Text) + "\x00"
	}
	return s
}

// unnumbered is a clause's heading, cosmetic differences and its number
// aside: a renumbering is a cell's own mark ("→ 5"), most often the wake
// of a clause removed or added before it, and two answers that reword a
// clause alike agree whatever number each gives it.
func unnumbered(cl *clause.Clause) string {
	return clause.CanonicalHeading(strings.Replace(cl.Heading, cl.Number, "", 1))
}

// sameFact compares two facts by what they make of the base: the old
// side is the base's in both. A value is its figure, however written,
// with its bound and what it is paid by (valueWords); a date is its day,
// however written ("1er janvier 2025", "01/01/2025").
func sameFact(a, b clause.Fact) bool {
	return a.Kind == b.Kind && a.Subject == b.Subject && a.Old == b.Old &&
		sameValue(a.NewValue, b.NewValue) && a.Unit == b.Unit && a.Effective == b.Effective &&
		(a.NewValue != nil && valueWords(a.New) == valueWords(b.New) || clause.Canonical(a.New) == clause.Canonical(b.New) ||
			a.Kind == clause.FactDate && clause.SameDate(a.New, b.New))
}

func sameValue(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// LatestAnswered picks the table to show when none is named: the latest
// version that two or more versions answer, and all its answers. labels
// name the versions in the store's order (by date), and bases name the
// version each answers ("" for none), which may stand anywhere in that
// order: an answer dated before the proposal it answers still counts. It
// returns -1 when no version has two answers.
func LatestAnswered(labels, bases []string) (base int, answers []int) {
	count := map[string]int{}
	for _, b := range bases {
		if b != "" {
			count[b]++
		}
	}
	base = -1
	for i := len(labels) - 1; i >= 0 && base < 0; i-- {
		if count[labels[i]] >= 2 {
			base = i
		}
	}
	if base < 0 {
		return -1, nil
	}
	for i, b := range bases {
		if b == labels[base] {
			answers = append(answers, i)
		}
	}
	return base, answers
}

// Kept lists the values (amounts, percentages) that other answers change
// on the row and that answer j leaves as the base has them, each as a fact
// whose old and new sides are the base's: so that the table says what
// every party asks for ("G: 30 €" beside another union's "30 € → 50 €"),
// not only what those who changed something ask.
func (t *Table) Kept(r *Row, j int) []clause.Fact {
	mine := t.Change(r, j)
	if mine == nil || mine.Kind == clause.Removed || mine.Kind == clause.Added {
		return nil
	}
	// A value is known by what it prices and by the base's side: two
	// amounts of one clause that name no code ("le forfait médecin
	// traitant … 25 €", "le forfait structure … 40 €") are two values,
	// and an answer changing one keeps the other.
	same := func(f, g clause.Fact) bool { return g.Kind == f.Kind && g.Subject == f.Subject && g.Old == f.Old }
	has := func(c *clause.Change, f clause.Fact) bool {
		return slices.ContainsFunc(c.Facts, func(g clause.Fact) bool { return same(f, g) })
	}
	var kept []clause.Fact
	for k := range r.Cells {
		other := t.Change(r, k)
		if k == j || other == nil {
			continue
		}
		for _, f := range other.Facts {
			if (f.Kind != clause.FactAmount && f.Kind != clause.FactPercent) || f.Old == "" ||
				has(mine, f) || slices.ContainsFunc(kept, func(g clause.Fact) bool { return same(f, g) }) {
				continue
			}
			kept = append(kept, clause.Fact{Kind: f.Kind, Subject: f.Subject, Old: f.Old, New: f.Old, OldValue: f.OldValue, NewValue: f.OldValue, Unit: f.Unit})
		}
	}
	return kept
}
