package amend

import (
	"slices"
	"strings"
	"unicode/utf8"

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
	if names := beyond(doc); names != "" {
		return errf("the annex quoted heads other clauses too (%s): one instruction for each", names)
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
	var rows []int
	for i := found[0]; i < st.end(found[0]); i++ {
		if c := &st.cl[i]; c.Kind == clause.KindItem && t.isRow(c) {
			rows = append(rows, i)
		}
	}
	switch len(rows) {
	case 0:
		return 0, errf("row %s is not in the table « %s »", t.rowName(), t.TableName)
	case 1:
		return rows[0], nil
	}
	// A code priced twice in one table (a row per date, per age): the
	// first was taken, and the other row's price stood unchanged.
	return 0, errf("row %s stands %d times in the table « %s »: name the table alone, with words of the row meant", t.rowName(), len(rows), t.TableName)
}

// replacePrice puts op.New in place of the one price row i holds: the
// cell its facts read as an amount in euros, written so ("30 €", "30,00
// EUR") or a bare number that its column ("Tarif (en euros)") or the note
// over its table ("(En euros)") prices, in a pipe row or a row in
// columns. A row of no such cell, or of several (a price per zone), is
// refused: the instruction names no price to replace. In a table of bare
// numbers the new price is written bare too; whatever is written must
// read as the row's one price in euros again.
func (st *state) replacePrice(i int, t Target, op Op, by string) error {
	c := &st.cl[i]
	if c.Kind != clause.KindItem {
		return errf("names the price of %s, which is no row of a table: quote the amount replaced", t.clauseName())
	}
	prices := st.rowDocument(i).EuroCells(2)
	if len(prices) != 1 {
		return errf("%s holds %d prices in euros: quote the one replaced (« le tarif « 30 € » est remplacé par… »)", t.clauseName(), len(prices))
	}
	at := cellsWritten(c.Text, prices[0])
	if len(at) != 1 {
		return errf("the price « %s » of %s stands %d times in it: quote the words around the one replaced", prices[0], t.clauseName(), len(at))
	}
	// The amount, not the call of a footnote after it ("26,50 € (1)"),
	// which the instruction does not name.
	price := prices[0]
	if m := leadingAmount.FindString(price); m != "" {
		price = strings.TrimRight(m, " \u00a0\u202f")
	}
	written := strings.TrimSpace(op.New)
	if bareNumber.MatchString(price) || op.Unquoted {
		written = asCellWrites(written, price)
	}
	text := setCell(c.Text, at[0], at[0]+len(price), written)
	row := st.rowDocument(i)
	row.Clauses[2].Text = text
	if now := row.EuroCells(2); len(now) != 1 || now[0] != written+prices[0][len(price):] {
		return errf("« %s » would not read as the price in euros of %s: write it as an amount in euros (« 30 € »)", written, t.clauseName())
	}
	c.Text = text
	st.mark(i, by)
	return nil
}

// asCellWrites writes price as the table writes old, the price it
// replaces: with as many decimals ("30 €" for "26,50" is "30,00"), and
// the unit old has, or none ("32 euros" for "30 €" is "32 €"). A table in
// columns tells its rows by the prices written so: a bare "30" there is
// no row.
func asCellWrites(price, old string) string {
	if m := priceCell.FindStringSubmatch(price); m != nil {
		price = m[1]
	}
	if !bareNumber.MatchString(price) {
		return price
	}
	if m := priceCell.FindStringSubmatch(old); m != nil {
		// "30 €", "30,00 EUR": the number as the table writes it, then
		// its unit, as it does too.
		return asCellWrites(price, m[1]) + old[len(m[1]):]
	}
	decimals := func(n string) (int, int) {
		if k := strings.LastIndexAny(n, ".,"); k >= 0 && len(n)-k <= 3 {
			return k, len(n) - k - 1
		}
		return len(n), 0
	}
	sep, want := decimals(old)
	k, has := decimals(price)
	switch {
	case want == 0 || has >= want:
		return price
	case has == 0:
		return price + old[sep:sep+1] + strings.Repeat("0", want)
	}
	return price[:k+1+has] + strings.Repeat("0", want-has)
}

// rowDocument is row i with the clauses that hold it (its table's header
// and the clause over the table) as a document of their own, what its
// cells are read with.
func (st *state) rowDocument(i int) *clause.Document {
	chain := []clause.Clause{st.cl[i]}
	for k := i - 1; k >= 0 && len(chain) < 3; k-- {
		if st.cl[k].Depth < chain[len(chain)-1].Depth {
			chain = append(chain, st.cl[k])
		}
	}
	for len(chain) < 3 {
		chain = append(chain, clause.Clause{Kind: clause.KindParagraph})
	}
	slices.Reverse(chain)
	for k := range chain {
		chain[k].Parent = k - 1
	}
	return &clause.Document{Clauses: chain}
}

// cellsWritten returns where cell stands in row text as a cell of its
// own: between pipes, or parted from the cells beside it by a tab or two
// spaces, at the start or the end of a line.
func cellsWritten(text, cell string) []int {
	var at []int
	for k := 0; cell != ""; {
		j := strings.Index(text[k:], cell)
		if j < 0 {
			break
		}
		j += k
		if cellEdge(strings.TrimRight(text[:j], " "), len(text[:j])-len(strings.TrimRight(text[:j], " ")), true) &&
			cellEdge(strings.TrimLeft(text[j+len(cell):], " "), len(text[j+len(cell):])-len(strings.TrimLeft(text[j+len(cell):], " ")), false) {
			at = append(at, j)
		}
		k = j + 1
	}
	return at
}

// cellEdge reports whether rest, what stands before (or after) a cell
// once the spaces next to it are taken off, is a cell's edge: nothing, a
// line break, a pipe or a tab, or another cell spaces apart.
func cellEdge(rest string, spaces int, before bool) bool {
	if rest == "" {
		return true
	}
	next := rest[0]
	if before {
		next = rest[len(rest)-1]
	}
	return next == '\n' || next == '|' || next == '\t' || spaces >= 2
}

// setCell writes s in place of text[from:to]; in a row in columns, the
// cells after it keep their column as far as the spaces between allow.
func setCell(text string, from, to int, s string) string {
	after := text[to:]
	if !strings.Contains(text, "|") {
		gap := len(after) - len(strings.TrimLeft(after, " "))
		if line, _, _ := strings.Cut(after, "\n"); gap < len(line) {
			shift := utf8.RuneCountInString(s) - utf8.RuneCountInString(text[from:to])
			switch {
			case shift > 0:
				after = after[min(shift, max(gap-2, 0)):]
			case shift < 0:
				after = strings.Repeat(" ", -shift) + after
			}
		}
	}
	return text[:from] + s + after
}

// priceCell matches a table cell holding an amount in euros alone, its
// number the first group.
var priceCell = lazy(`^(\d{1,3}(?:[   ]?\d{3})*(?:[.,]\d{1,2})?)\s?(?:€|EUR|euros?)$`)

// leadingAmount matches the amount a price cell opens with, its unit
// included.
var leadingAmount = lazy(`^\d{1,3}(?:[   ]?\d{3})*(?:[.,]\d{1,2})?(?:\s?(?:€|EUR|euros?)\b)?`)

// bareNumber matches a cell that is a number alone.
var bareNumber = lazy(`^\d{1,3}(?:[   ]?\d{3})*(?:[.,]\d{1,2})?$`)
