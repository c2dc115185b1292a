package amend

import (
	"strings"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/frtext"
)

// insertAnnex adds the annex an instruction creates ("Il est créé une
// annexe 2 ainsi rédigée : « … »"): after the annex it names, before it
// for "avant", else among the annexes by its number, else at the end of
// the text. The quotation opens with the annex's heading, or is its text
// under "Annexe N".
func (st *state) insertAnnex(op Op, by string) error {
	q := strings.TrimSpace(op.New)
	doc := clause.Parse(q + "\n")
	if len(doc.Clauses) == 0 || doc.Clauses[0].Kind != clause.KindAnnex {
		doc = clause.Parse("Annexe " + op.Number + "\n\n" + q + "\n")
	}
	if len(doc.Clauses) == 0 || doc.Clauses[0].Kind != clause.KindAnnex {
		return errf("the inserted annex has no heading")
	}
	number := doc.Clauses[0].Number
	if op.Number != "" && clause.NormalizeNumber(op.Number) != clause.NormalizeNumber(number) {
		return errf("annexe %s is announced, annexe %s quoted", op.Number, number)
	}
	if _, err := st.resolve(Target{Kind: clause.KindAnnex, Number: number}); err == nil {
		return errf("annexe %s is already in the text", number)
	}
	at, depth, err := st.annexPlace(op, number)
	if err != nil {
		return err
	}
	news := doc.Clauses
	shift := depth - news[0].Depth
	for k := range news {
		news[k].Depth += shift
	}
	st.splice(at, news, by)
	return nil
}

// annexPlace is where a new annex numbered number goes, and its depth.
func (st *state) annexPlace(op Op, number string) (at, depth int, err error) {
	if len(op.Targets) > 0 {
		i, err := st.resolve(op.Targets[0])
		if err != nil {
			return 0, 0, err
		}
		if op.Place == PlaceBefore {
			return i, st.cl[i].Depth, nil
		}
		return st.end(i), st.cl[i].Depth, nil
	}
	last, depth := -1, -1
	for i := range st.cl {
		c := &st.cl[i]
		if c.Kind != clause.KindAnnex {
			continue
		}
		depth = c.Depth
		if c.Number == "" || clause.CompareNumbers(c.Number, number) < 0 {
			last = i
		} else if last < 0 {
			return i, depth, nil // the new annex comes first
		}
	}
	if last >= 0 {
		return st.end(last), depth, nil
	}
	// The first annex: after everything, at the level of the text's
	// first article.
	depth = 0
	for i := range st.cl {
		if st.cl[i].Kind == clause.KindArticle {
			depth = st.cl[i].Depth
			break
		}
	}
	return len(st.cl), depth, nil
}

// applyToTable applies op to the one table clause i holds ("Le tableau de
// l'annexe 1 est remplacé par le tableau suivant", "… est supprimé",
// "Dans le tableau de l'annexe 1, le tarif…"): its header and rows, and
// not the text around it, which the instruction does not name.
func (st *state) applyToTable(op Op, t Target, i int, by string) error {
	var headers []int
	for k := i; k < st.end(i); k++ {
		if clause.IsTableHeader(&st.cl[k]) {
			headers = append(headers, k)
		}
	}
	switch {
	case len(headers) == 0:
		return errf("%s holds no table", t.clauseName())
	case len(headers) > 1:
		return errf("%s holds %d tables: name the row, or the clause that holds the table meant", t.clauseName(), len(headers))
	}
	h := headers[0]
	switch op.Kind {
	case Rewrite:
		doc := clause.Parse(strings.TrimSpace(op.New) + "\n")
		if len(doc.Clauses) == 0 || !clause.IsTableHeader(&doc.Clauses[0]) || (&state{cl: doc.Clauses}).end(0) != len(doc.Clauses) {
			return errf("the text quoted for the table of %s is not a table alone", t.clauseName())
		}
		news, shift := doc.Clauses, st.cl[h].Depth-doc.Clauses[0].Depth
		for k := range news {
			news[k].Depth += shift
		}
		st.drop(h, st.end(h), by)
		st.splice(h, news, by)
	case Repeal:
		st.drop(h, st.end(h), by)
	default:
		return st.editThroughout(op, t, h, st.end(h), by)
	}
	return nil
}

// tableNamed matches a table named by the heading over it: "au tableau
// « Consultations »", "du tableau intitulé « Visites »".
var tableNamed = lazy(`(?i)\btableau\s+(?:intitulé\s+)?(\x01\d+\x02)`)

// cutTableName takes the name of a table named by its heading out of
// frame, whose quotations it is not: "" when it names none.
func cutTableName(frame string, quotes []string) (string, string) {
	m := tableNamed.FindStringSubmatchIndex(frame)
	if m == nil {
		return frame, ""
	}
	name := quotesIn(frame[m[2]:m[3]], quotes)
	if len(name) != 1 {
		return frame, ""
	}
	return frame[:m[2]] + frame[m[3]:], strings.TrimSpace(name[0])
}

// inTable puts the targets in the table named, the whole text's when
// they name no annex nor row.
func inTable(targets []Target, name string) ([]Target, error) {
	if name == "" {
		return targets, nil
	}
	if len(targets) == 0 {
		targets = []Target{{Table: true}}
	}
	for k := range targets {
		t := &targets[k]
		if t.Row == "" && t.Kind != clause.KindAnnex && t.Kind != "" {
			return nil, errf("names the table « %s » in %s, which holds no annexed table: name its annex", name, t.clauseName())
		}
		t.TableName, t.Table = name, t.Row == ""
	}
	return targets, nil
}

// resolveTable finds the clause a target naming a table by its heading
// points to: the group headed so in its annex (or the text), or the row of
// that group.
func (st *state) resolveTable(t Target) (int, error) {
	from, to := 0, len(st.cl)
	if t.Number != "" || t.Kind == clause.KindAnnex && t.Row == "" {
		a, err := st.resolve(Target{Kind: clause.KindAnnex, Number: t.Number})
		if err != nil {
			return 0, err
		}
		from, to = a+1, st.end(a)
	}
	var found []int
	want := frtext.Fold(t.TableName)
	for i := from; i < to; i++ {
		if c := &st.cl[i]; c.Number == "" && frtext.Fold(c.Heading) == want && st.end(i) > i+1 {
			found = append(found, i)
		}
	}
	in := "the text"
	if t.Kind == clause.KindAnnex {
		in = Target{Kind: clause.KindAnnex, Number: t.Number}.clauseName()
	}
	switch {
	case len(found) == 0:
		return 0, errf("no table is headed « %s » in %s", t.TableName, in)
	case len(found) > 1:
		return 0, errf("%d tables are headed « %s » in %s: name the annex", len(found), t.TableName, in)
	}
	if t.Row == "" {
		return found[0], nil
	}
	for i := found[0]; i < st.end(found[0]); i++ {
		if c := &st.cl[i]; c.Kind == clause.KindItem && c.Number == t.Row {
			return i, nil
		}
	}
	return 0, errf("row %s is not in the table « %s »", t.Row, t.TableName)
}

// replacePrice puts op.New in place of the one price row i holds, the
// cell written as an amount in euros ("30 €", "30,00 EUR"). A row of no
// such cell, or of several (a price per zone), is refused: the
// instruction names no price to replace.
func (st *state) replacePrice(i int, t Target, op Op, by string) error {
	c := &st.cl[i]
	if c.Kind != clause.KindItem {
		return errf("names the price of %s, which is no row of a table: quote the amount replaced", t.clauseName())
	}
	var at []int
	for start := 0; start < len(c.Text); {
		end := strings.IndexByte(c.Text[start:], '|')
		if end < 0 {
			end = len(c.Text)
		} else {
			end += start
		}
		cell := c.Text[start:end]
		if trimmed := strings.TrimSpace(cell); priceCell.MatchString(trimmed) {
			k := start + strings.Index(cell, trimmed)
			at = append(at, k, k+len(trimmed))
		}
		start = end + 1
	}
	if len(at) != 2 {
		return errf("%s holds %d prices in euros: quote the one replaced (« le tarif « 30 € » est remplacé par… »)", t.clauseName(), len(at)/2)
	}
	c.Text = c.Text[:at[0]] + op.New + c.Text[at[1]:]
	st.mark(i, by)
	return nil
}

// priceCell matches a table cell holding an amount in euros alone.
var priceCell = lazy(`^\d{1,3}(?:[  ]?\d{3})*(?:[.,]\d{1,2})?\s?(?:€|EUR|euros?)$`)
