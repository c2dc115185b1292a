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
	// Two lists of places a clause: in its heading's title, then in its
	// text. Words changed wherever they stand ("dans l'ensemble",
	// "partout") change in the titles too, which are the text's: a title
	// would otherwise name what the text no longer says. Words that
	// stand a number of times, or at one place, are counted in the text
	// alone, as an instruction names a title apart ("dans l'intitulé").
	everywhere := t.Everywhere || t.Times < 0
	hitsOf := make([][]span, 2*(to-from))
	titles := make([]headingTitle, to-from)
	n, size := 0, 0
	for i := from; i < to; i++ {
		k := i - from
		titles[k] = titleOf(&st.cl[i])
		if everywhere && t.Occurrence == 0 {
			hitsOf[2*k] = titles[k].find(words)
		}
		text := st.cl[i].Text
		hitsOf[2*k+1] = find(text, span{0, len(text)}, words)
		size += len(text) + len(st.cl[i].Heading)
		for _, hits := range hitsOf[2*k : 2*k+2] {
			n += len(hits)
			for _, h := range hits {
				size += len(op.New) + 1 - (h.end - h.start)
			}
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
		k := i - from
		inTitle, inText := hitsOf[2*k], hitsOf[2*k+1]
		if len(inTitle) == 0 && len(inText) == 0 {
			continue
		}
		c := &st.cl[i]
		if len(inTitle) > 0 {
			heading, err := titles[k].edit(inTitle, op, st)
			if err != nil {
				return errf("in the heading of %s: %v", st.name(i), err)
			}
			c.Heading = heading
		}
		if len(inText) > 0 {
			text, err := editEach(c.Text, inText, op, st)
			if err != nil {
				return errf("in %s: %v", st.name(i), err)
			}
			c.Text = text
		}
		changed = append(changed, st.name(i))
		if len(inText) == 0 || !st.dropEmptied(i, by) {
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
	if clause.IsTableHeader(c) {
		// Its words are the columns' names, not a name of the clause.
		for p := i - 1; p >= 0; p-- {
			if st.cl[p].Depth < c.Depth {
				return "the table header of " + st.name(p)
			}
		}
		return "a table header"
	}
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

// headingTitle is the part of a clause's heading that words throughout
// may change: its title, after its kind and number ("Objet" of "Article 1
// - Objet"; the whole of an unnumbered heading), as a text of its own, so
// that the number is never taken for words ("article 3" replaced
// throughout leaves the heading "Article 3" as it is) and the title's
// first word opens it as a sentence would. A title in capitals ("TITRE I
// - DISPOSITIONS GÉNÉRALES") is searched and edited in lower case, then
// written in capitals again.
type headingTitle struct {
	heading string
	from    int  // where the title starts in heading
	caps    bool // the title is in capitals
}

func titleOf(c *clause.Clause) headingTitle {
	h := headingTitle{heading: c.Heading}
	if c.Number != "" {
		k := strings.Index(c.Heading, c.Number)
		if k < 0 {
			// A number the heading does not print where it is read:
			// its title is not known apart from it.
			return headingTitle{heading: c.Heading, from: len(c.Heading)}
		}
		h.from = k + len(c.Number)
		h.from += len(c.Heading[h.from:]) - len(strings.TrimLeft(c.Heading[h.from:], " .:-–—"))
	}
	title := c.Heading[h.from:]
	h.caps = strings.ToUpper(title) == title && strings.ToLower(title) != title &&
		strings.ToUpper(strings.ToLower(title)) == title
	return h
}

// text is the title as words are looked for in it.
func (h headingTitle) text() string {
	if h.caps {
		return strings.ToLower(h.heading[h.from:])
	}
	return h.heading[h.from:]
}

func (h headingTitle) find(words string) []span {
	if h.caps {
		words = strings.ToLower(words)
	}
	title := h.text()
	return find(title, span{0, len(title)}, words)
}

// edit makes op at the places hits of the title, and gives the heading
// it makes: a title the words leave empty leaves the kind and number.
func (h headingTitle) edit(hits []span, op Op, lex lexicon) (string, error) {
	if h.caps {
		op.Old, op.Anchor, op.New = strings.ToLower(op.Old), strings.ToLower(op.Anchor), strings.ToLower(op.New)
	}
	title, err := editEach(h.text(), hits, op, lex)
	if err != nil {
		return "", err
	}
	if h.caps {
		title = strings.ToUpper(title)
	}
	if strings.Trim(title, " .:-–—") == "" {
		return strings.TrimRight(h.heading[:h.from], " .:-–—"), nil
	}
	return h.heading[:h.from] + title, nil
}
