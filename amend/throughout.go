package amend

import (
	"slices"
	"strings"

	"github.com/avenant-dev/avenant/clause"
)

// maxConsolidated bounds the text a replacement throughout may make: a
// few words of an avenant replaced in every clause multiply the text (2 KB
// in place of each of 40,000 words made 80 MB), and a store holds no
// version of more than 64 MiB.
const maxConsolidated = 64 << 20

// editThroughout applies a word operation to the texts of the clauses
// from..to-1: the whole text ("Dans l'ensemble de la convention, …"), or a
// titre, chapitre, section or annex with everything it holds ("dans
// l'ensemble du chapitre 2", "À l'annexe 1, le tarif « 30 € » est
// remplacé…"), whose articles and rows hold its words, not its own text.
// The words stand as the target says: wherever they stand (t.Times -1,
// and in the whole text, 0), t.Times places, else once; t.Occurrence
// picks one place in the order of the text. Every clause changed is
// marked.
func (st *state) editThroughout(op Op, t Target, from, to int, by string) error {
	words := op.Old
	if op.Kind == InsertWords {
		words = op.Anchor
	}
	if words == "" {
		return errf("only words can be replaced, deleted or inserted beside others throughout %s", t.clauseName())
	}
	hitsOf := make([][]span, to-from)
	n, size := 0, 0
	for i := from; i < to; i++ {
		text := st.cl[i].Text
		hits := find(text, span{0, len(text)}, words)
		hitsOf[i-from] = hits
		n += len(hits)
		size += len(text)
		for _, h := range hits {
			size += len(op.New) + 1 - (h.end - h.start)
		}
	}
	if err := throughoutCount(words, t, n); err != nil {
		return err
	}
	if t.Occurrence != 0 {
		keepOnly(hitsOf, t.Occurrence, n)
	}
	if size > maxConsolidated {
		return errf("changing « %s » throughout would make more than %d MiB of text, the most a version holds", words, maxConsolidated>>20)
	}
	var changed []string
	// From the last: a row its words emptied goes, and the clauses
	// before it stay where they were.
	for i := to - 1; i >= from; i-- {
		hits := hitsOf[i-from]
		if len(hits) == 0 {
			continue
		}
		c := &st.cl[i]
		text, err := editEach(c.Text, hits, op, st)
		if err != nil {
			return errf("in %s: %v", st.name(i), err)
		}
		c.Text = text
		changed = append(changed, st.name(i))
		if !st.dropEmptied(i, by) {
			st.mark(i, by)
		}
	}
	// Nothing in the instruction named these clauses: the reader is told.
	in := t.clauseName()
	if t.Table && t.TableName == "" {
		in = "the table of " + in
	}
	slices.Reverse(changed)
	st.notes = append(st.notes, by+": changed in "+in+": "+strings.Join(changed, ", "))
	return nil
}

// name is how a message names clause i: "article 12", "row G".
func (st *state) name(i int) string {
	c := &st.cl[i]
	switch c.Kind {
	case clause.KindItem:
		return Target{Row: c.Number}.clauseName()
	case clause.KindArticle, clause.KindAnnex, clause.KindTitle, clause.KindChapter, clause.KindSection, clause.KindPreamble:
		if c.Number != "" || c.Kind == clause.KindPreamble {
			return Target{Kind: c.Kind, Number: c.Number}.clauseName()
		}
	}
	return c.Label()
}

// throughoutCount checks that words stand n times where the target says.
func throughoutCount(words string, t Target, n int) error {
	in := t.describe()
	switch {
	case n == 0 && t.Everywhere:
		return errf("the words « %s » are nowhere in the text", words)
	case n == 0:
		return errf("the words « %s » are not in %s", words, in)
	case t.Occurrence != 0:
		if _, ok := rank(make([]span, n), t.Occurrence); !ok {
			return errf("the words « %s » are in %s %s: there is no %s occurrence", words, in, timesName(n), ordinalName(t.Occurrence))
		}
	case t.Times > 0 && n != t.Times:
		return errf("the words « %s » are in %s %s, not %s as the instruction says", words, in, timesName(n), timesName(t.Times))
	case t.Times == 0 && !t.Everywhere && n > 1:
		return errf("the words « %s » are in %s %s: name the article, or say « dans l'ensemble »", words, in, timesName(n))
	}
	return nil
}

// keepOnly leaves in hitsOf, n places in all, the one ranked nth.
func keepOnly(hitsOf [][]span, nth, n int) {
	want := nth - 1
	if nth < 0 {
		want = n + nth
	}
	for k, hits := range hitsOf {
		if want >= 0 && want < len(hits) {
			hitsOf[k] = hits[want : want+1]
		} else {
			hitsOf[k] = nil
		}
		want -= len(hits)
	}
}
