package amend

import "github.com/avenant-dev/avenant/clause"

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
			if c := &st.cl[i]; c.Kind == clause.KindItem && c.Number == t.Row {
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
	switch {
	case len(found) == 0 && t.Row != "" && t.Number != "":
		return 0, errf("row %s is not in annexe %s", t.Row, t.Number)
	case len(found) == 0:
		return 0, errf("%s is not in the text", t.clauseName())
	case len(found) == 1:
		return found[0], nil
	}
	if t.Row != "" {
		return 0, errf("row %s is in %d tables: name the annex, or the table by its heading (« à la ligne %s du tableau « … » »)", t.Row, len(found), t.Row)
	}
	if t.Kind == clause.KindChapter || t.Kind == clause.KindSection {
		return 0, errf("%s is named %d times in the text: name the division that holds the one meant (« le chapitre 3 du titre 2 »)", t.clauseName(), len(found))
	}
	return 0, errf("%s is named %d times in the text", t.clauseName(), len(found))
}

// within is the span of clauses a target is looked for in: the annex of
// an article of an annexed règlement, the divisions that hold a chapitre
// or a section, each named once in the one before; the whole text else.
func (st *state) within(t Target) (from, to int, err error) {
	from, to = 0, len(st.cl)
	if t.InAnnex {
		a, err := st.resolve(Target{Kind: clause.KindAnnex, Number: t.Annex})
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
