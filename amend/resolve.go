package amend

import (
	"strings"

	"github.com/avenant-dev/avenant/internal/frtext"

	"github.com/avenant-dev/avenant/clause"
)

// resolve finds the clause a target names.
func (st *state) resolve(t Target) (int, error) {
	if t.TableName != "" {
		return st.resolveTable(t)
	}
	var found []int
	if t.Row != "" {
		from, to := 0, len(st.cl)
		if t.Number != "" {
			a, err := st.resolve(Target{Kind: clause.KindAnnex, Number: t.Number})
			if err != nil {
				return 0, err
			}
			from, to = a, st.end(a)
		}
		for i := from; i < to; i++ {
			if c := &st.cl[i]; c.Kind == clause.KindItem && t.isRow(c) {
				found = append(found, i)
			}
		}
	} else {
		want := clause.NormalizeNumber(t.Number)
		from, to, err := st.within(t)
		if err != nil {
			return 0, err
		}
		for i := from; i < to; i++ {
			c := &st.cl[i]
			if c.Kind == t.Kind && (t.Kind == clause.KindPreamble || t.Number == "" && t.Kind == clause.KindAnnex || clause.NormalizeNumber(c.Number) == want) {
				found = append(found, i)
			}
		}
	}
	if t.Kind == clause.KindArticle && !t.InAnnex && len(found) > 1 {
		var err error
		if found, err = st.textsOwn(found, t); err != nil {
			return 0, err
		}
	}
	switch {
	case len(found) == 0 && t.Row != "" && t.Number != "":
		return 0, errf("row %s is not in annexe %s", t.rowName(), t.Number)
	case len(found) == 0:
		return 0, errf("%s is not in the text", t.clauseName())
	case len(found) == 1:
		return found[0], nil
	}
	if t.Labelled {
		return 0, errf("%d rows are labelled « %s »: name the one meant by its act code, or its table by its heading", len(found), t.Row)
	}
	if t.Row != "" {
		return 0, errf("row %s is in %d tables: name the annex, or the table by its heading (« à la ligne %s du tableau « … » »)", t.Row, len(found), t.Row)
	}
	if t.Kind == clause.KindChapter || t.Kind == clause.KindSection {
		return 0, errf("%s is named %d times in the text: name the division that holds the one meant (« le chapitre 3 du titre 2 »)", t.clauseName(), len(found))
	}
	return 0, errf("%s is named %d times in the text", t.clauseName(), len(found))
}

// isRow reports whether row c is the one t names: by its act code, or by
// its label, one of its cells reading as the words quoted, case, accents
// and spacing aside.
func (t Target) isRow(c *clause.Clause) bool {
	if !t.Labelled {
		return c.Number == t.Row
	}
	want := frtext.Fold(t.Row)
	for _, cell := range clause.RowCells(c.Text) {
		if frtext.Fold(cell) == want {
			return true
		}
	}
	return false
}

// within is the span of clauses a target is looked for in: the annex of
// an article of an annexed règlement, the divisions that hold a chapitre
// or a section, each named once in the one before; the whole text else.
func (st *state) within(t Target) (from, to int, err error) {
	from, to = 0, len(st.cl)
	if t.InAnnex {
		a, err := st.annexOf(t)
		if err != nil {
			return 0, 0, err
		}
		from, to = a, st.end(a)
	}
	for k, d := range t.Within {
		var found []int
		for i := from; i < to; i++ {
			if c := &st.cl[i]; c.Kind == d.Kind && clause.NormalizeNumber(c.Number) == clause.NormalizeNumber(d.Number) {
				found = append(found, i)
			}
		}
		name := Target{Kind: d.Kind, Number: d.Number, Within: t.Within[:k]}.clauseName()
		switch len(found) {
		case 0:
			return 0, 0, errf("%s is not in the text", name)
		case 1:
		default:
			return 0, 0, errf("%s is named %d times in the text", name, len(found))
		}
		from, to = found[0], st.end(found[0])
	}
	return from, to, nil
}

// textsOwn narrows the articles found for an article named alone to the
// text's own: an avenant amends the text, and names an annexed règlement's
// article with its annex ("l'article 2 de l'annexe 1"), so a bare
// "l'article 2" is the convention's whatever its annexes number 2. Where
// the text has none, the annexes' are all there is; found in several
// annexes, which is meant is not said.
func (st *state) textsOwn(found []int, t Target) ([]int, error) {
	annexes := st.annexes()
	var own []int
	in := map[int]bool{}
	var names []string
	for _, i := range found {
		switch a := annexes[i]; {
		case a < 0:
			own = append(own, i)
		case !in[a]:
			in[a] = true
			names = append(names, strings.TrimSpace("annexe "+st.cl[a].Number))
		}
	}
	switch {
	case len(own) > 0:
		return own, nil
	case len(names) > 1:
		last := len(names) - 1
		return nil, errf("%s is not in the text's own articles, and %s and %s each have one: name the one meant (« l'article %s de l'%s »)",
			t.clauseName(), strings.Join(names[:last], ", "), names[last], t.Number, names[0])
	}
	return found, nil
}

// annexOf is the annex that holds the article t names: by its number, or
// by what it is, the one annex whose heading holds the words t names it
// by ("Annexe 1 - Règlement arbitral" for "du règlement arbitral
// annexé").
func (st *state) annexOf(t Target) (int, error) {
	if t.AnnexName == "" {
		return st.resolve(Target{Kind: clause.KindAnnex, Number: t.Annex})
	}
	want := foldedWords(t.AnnexName)
	var found []int
	for i := range st.cl {
		if c := &st.cl[i]; c.Kind == clause.KindAnnex && strings.Contains(foldedWords(c.Heading), want) {
			found = append(found, i)
		}
	}
	switch len(found) {
	case 0:
		return 0, errf("no annex of the text is headed « %s »", t.AnnexName)
	case 1:
		return found[0], nil
	}
	return 0, errf("%d annexes are headed « %s »: name the one meant (« l'article %s de l'annexe %s »)", len(found), t.AnnexName, t.Number, st.cl[found[0]].Number)
}

// foldedWords is s folded, its words between single spaces, a space
// before and after: words are found whole.
func foldedWords(s string) string {
	return " " + strings.Join(strings.FieldsFunc(frtext.Fold(s), func(r rune) bool { return !isWordRune(r) }), " ") + " "
}
