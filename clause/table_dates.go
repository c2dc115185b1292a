package clause

import (
	"slices"
	"strings"
	"unicode"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// A tariff table often dates its prices once for all its rows rather than
// in each: in the name of its price column ("Tarif au 1er janvier 2025"),
// or in a note right above it ("Tarifs applicables à compter du 22
// décembre 2024"). Such a date is the rows' as much as a date cell would
// be: it dates their prices, and moved, the same row's prices hold from
// another day, a change of the row (Compare), not of the note alone.

// outsideDates are the dates that row i of d takes from its table for its
// prices, one cell each: the names of its price columns that give one,
// and, for a price under a column of no date in a row that gives none of
// its own, the date of the note above the table (tableNote). "" for
// anything but a table row, or a row whose prices take no date so.
func (d *Document) outsideDates(i int) string {
	dates, _ := d.outsideDatesFrom(i)
	return dates
}

// outsideDatesFrom is outsideDates and the clauses that write those dates:
// the row's header for a column's name, the clause of the note.
func (d *Document) outsideDatesFrom(i int) (string, []int) {
	c := &d.Clauses[i]
	if !isTableRow(c) {
		return "", nil
	}
	cells, names := d.cellsOf(c), columnNames(d, c)
	var out []string
	var from []int
	own, undated := false, false
	for j, cell := range cells {
		switch {
		case !isAmount(cell):
			own = own || holdsDate(cell)
		case j < len(names) && holdsDate(names[j]):
			out = append(out, names[j])
			if len(from) == 0 {
				from = append(from, headerOf(d, c))
			}
		case j >= len(names) || !formerColumn(names[j]):
			undated = true
		}
	}
	if undated && !own {
		if note, at := d.tableNote(i); note != "" {
			out, from = append(out, note), append(from, at)
		}
	}
	return strings.Join(out, cellSep), from
}

// headerOf is the index of the header clause over row c, -1 when its
// columns are named otherwise.
func headerOf(d *Document, c *Clause) int {
	if c.Parent >= 0 && IsTableHeader(&d.Clauses[c.Parent]) {
		return c.Parent
	}
	return -1
}

// datesCarried reports, for each of matches, a pair of table rows whose
// dates from outside (outsideDatesFrom) are written in clauses that the
// matches pair with each other: the header or the note stays the same
// table's, and its date moved is reported there, once, not again on every
// row it dates. A row taken to a table dated otherwise still reports it.
func datesCarried(old, new *Document, matches []match) []bool {
	paired := make(map[int]int, len(matches))
	for _, m := range matches {
		if len(m.Old) == 1 && len(m.New) == 1 {
			paired[m.Old[0]] = m.New[0]
		}
	}
	carried := make([]bool, len(matches))
	for k, m := range matches {
		if len(m.Old) != 1 || len(m.New) != 1 || !isTableRow(&old.Clauses[m.Old[0]]) || !isTableRow(&new.Clauses[m.New[0]]) {
			continue
		}
		od, of := old.outsideDatesFrom(m.Old[0])
		nd, nf := new.outsideDatesFrom(m.New[0])
		if od == nd || len(of) != len(nf) {
			continue
		}
		carried[k] = true
		for j := range of {
			if n, ok := paired[of[j]]; !ok || n != nf[j] || of[j] < 0 {
				carried[k] = false
			}
		}
	}
	return carried
}

// rowsOutsideDates are the outsideDates of the rows m pairs, "" and ""
// unless both are table rows: what a row's table dates its prices by is
// the row's as its cells are, a change of the row, unless the header or
// note that writes it reports it (carried: datesCarried).
func rowsOutsideDates(old, new *Document, m match, carried bool) (string, string) {
	if carried || !isTableRow(&old.Clauses[m.Old[0]]) || !isTableRow(&new.Clauses[m.New[0]]) {
		return "", ""
	}
	return old.outsideDates(m.Old[0]), new.outsideDates(m.New[0])
}

// tableNote is the date that a note by the table of row i gives its
// prices, as written; "" when none does. The note above it ("Tarifs
// applicables à compter du 22 décembre 2024", "Tarifs au 1er janvier 2025
// :") is the last paragraph of the clause that holds the table, when the
// table opens it, or the paragraph before the table among its siblings; a
// note of the currency between them ("(En euros)") is passed. Else the
// paragraph right after the table, when it speaks of the table above ("Les
// tarifs ci-dessus sont applicables à compter du 1er janvier 2025"). The
// clause that holds the note comes with it.
func (d *Document) tableNote(i int) (string, int) {
	top, end := i, i
	if p := d.Clauses[i].Parent; p >= 0 && IsTableHeader(&d.Clauses[p]) {
		top = p
		for end+1 < len(d.Clauses) && d.Clauses[end+1].Depth > d.Clauses[p].Depth {
			end++
		}
	} else {
		sibling := func(k int) bool { return isTableRow(&d.Clauses[k]) && d.Clauses[k].Parent == d.Clauses[i].Parent }
		for top > 0 && top-1 != d.Clauses[i].Parent && sibling(top-1) {
			top--
		}
		for end+1 < len(d.Clauses) && sibling(end+1) {
			end++
		}
	}
	holder, before := d.Clauses[top].Parent, top-1
	if before >= 0 && (before == holder || d.Clauses[before].Parent == holder && d.Clauses[before].Kind == KindParagraph) {
		paras := strings.Split(strings.TrimSpace(d.Clauses[before].Text), "\n\n")
		for k := len(paras) - 1; k >= 0 && k >= len(paras)-2; k-- {
			if date := noteDate(paras[k]); date != "" {
				return date, before
			}
			if currencyNote(paras[k]) == "" {
				break
			}
		}
	}
	if after := end + 1; after < len(d.Clauses) && d.Clauses[after].Parent == holder && d.Clauses[after].Kind == KindParagraph {
		note, _, _ := strings.Cut(strings.TrimSpace(d.Clauses[after].Text), "\n\n")
		if speaksOfTableAbove(note) {
			return noteDate(note), after
		}
	}
	return "", -1
}

// speaksOfTableAbove reports a note under a table that speaks of it: "les
// tarifs ci-dessus", "ces tarifs", "le tableau précédent". A paragraph
// after a table that does not is the text going on.
func speaksOfTableAbove(note string) bool {
	return slices.ContainsFunc([]string{"ci-dessus", "ci-avant", "ces tarifs", "ces montants", "ces valeurs", "ce tableau", "tableau ci", "tableau pr"},
		func(w string) bool { return frtext.IndexFold(note, w) >= 0 })
}

// noteDate is the date from which a note above a table says its prices
// apply: one introduced as a start by a word that speaks of prices or of
// their taking effect ("applicables à compter du", "en vigueur au",
// "Tarifs au", "à partir du", "dès le", "Date d'effet :"). A date that
// dates a text or a signature ("l'avenant signé le 4 juin 2024 fixe les
// tarifs suivants") is none.
func noteDate(p string) string {
	if len(p) > 400 || !strings.ContainsFunc(p, unicode.IsDigit) {
		return ""
	}
	s := normalizeFactText(p)
	t := pieceText(s, wholeOf(s))
	t.cut()
	defer t.release()
	for _, f := range t.dates() {
		if effectiveISO(f.val) != "" && t.noteStart(t.wordAt(f.start)) {
			return f.text
		}
	}
	return ""
}

// noteStart reports whether the date at word k of a note is introduced as
// the start of its prices (see noteDate).
func (t *factTextKind) noteStart(k int) bool {
	if k == 0 {
		return false
	}
	prev := t.words[k-1].low
	switch prev {
	case "dès", "depuis":
		return true
	case "effet", "vigueur":
		// "Date d'effet : 1er janvier 2025"
		return strings.TrimSpace(t.s[t.words[k-1].end:t.words[k].start]) == ":"
	case "du", "au", "le", "de", "à":
	default:
		return false
	}
	if k < 2 {
		return false
	}
	switch w := strings.TrimSuffix(frtext.Fold(t.words[k-2].low), "s"); w {
	case "compter", "partir", "vigueur", "applicable", "effet", "tarif", "valeur", "montant", "prix", "honoraire", "cotation":
		return true
	}
	return false
}
