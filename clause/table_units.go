package clause

import (
	"cmp"
	"strings"
	"unicode"

	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/internal/lazyre"
)

// A tariff table often gives its unit once, in the header ("Tarif (en
// euros)", "Montant (€)"), and bare numbers in its cells. Facts are read
// from the text, where "26,50" alone is no sum of money: each such cell is
// read with its column's currency ("26,50 €"), so that a price changed,
// added or removed in such a table is a fact like any other.

// cellsOf returns the cells of row c of d, each bare number followed by
// its unit: the currency its column's header names, or "%" for a column
// of rates ("Taux (%)"), else the currency a note above the table gives
// ("(En euros)") when the column prices (Tarif, Montant…) or the number
// is written as prices are, with two decimals.
func (d *Document) cellsOf(c *Clause) []string {
	names := columnNames(d, c)
	cells := laidCells(c, RowCells(c.Text), names)
	note, own := "", ""
	h := c.Parent
	if h >= 0 && IsTableHeader(&d.Clauses[h]) {
		// The paragraph just over the header, when the table follows
		// another under one heading, gives this table's unit: "Anciens
		// tarifs (en francs) :" over the second table was passed over
		// for the heading's "(en euros)", and 115,00 F read as euros.
		if b := h - 1; b >= 0 && d.Clauses[b].Kind == KindParagraph && d.Clauses[b].Parent == d.Clauses[h].Parent {
			note = currencyNote(d.Clauses[b].Text)
		}
		h = d.Clauses[h].Parent
	}
	if h >= 0 {
		note = cmp.Or(note, currencyNote(d.Clauses[h].Text))
		// A tariff table that states no currency prices in the text's
		// own: its "26,50" under "Tarif", or in a row without header,
		// is a price all the same (as isAmount reads it to tell the
		// row), and 26,50 → 30,00 must not pass a check for want of
		// a sign.
		own = cmp.Or(note, textCurrency(d.Clauses[h].Heading+"\n"+d.Clauses[h].Text))
	}
	row := factSubject(c) != ""
	for j := range len(cells) {
		if !bareNumber(cells[j]) {
			continue
		}
		if j >= len(names) {
			if row && j > 0 && twoDecimals(cells[j]) {
				cells[j] += " " + own
			}
			continue
		}
		cur := columnCurrency(names[j])
		switch {
		case cur == "" && percentColumn(names[j]):
			cur = "%"
		case cur == "" && row && pricingColumn(names[j]):
			cur = own
		case cur == "" && (pricingColumn(names[j]) || twoDecimals(cells[j])):
			cur = note
		}
		if cur != "" {
			cells[j] += " " + cur
		}
	}
	withBasis(cells, names, isRowCode(factSubject(c)))
	withCoefficient(cells, names)
	return cells
}

// withBasis gives each price of cells the basis its column names ("Tarif
// par acte", "Forfait (€/an)"), where the cell says none, as the currency
// of a header is its cells': "30,00 €" under "Tarif par acte" and "30,00 €
// par acte" under "Tarif" are one price, and "30,00 €" under "Tarif par
// patient" another. In a row keyed by an act code (act), a price is the
// act's: "par acte" says what the row says, and "30,00 €" → "30,00 € par
// acte" is no change of basis, while "par patient", "par an" are.
func withBasis(cells, names []string, act bool) {
	for j, cell := range cells {
		ms := amountMatchesAt(cell, numberStarts(cell))
		if len(ms) != 1 || ms[0].start != 0 {
			continue
		}
		if ms[0].basis == "" && j < len(names) {
			if _, from, to := columnBasis(names[j]); from >= 0 {
				cell += names[j][from:to]
				ms = amountMatchesAt(cell, numberStarts(cell))
			}
		}
		if act && len(ms) == 1 && ms[0].basis == "/acte" {
			if k := strings.LastIndexAny(cell[:ms[0].end], "/p"); k > 0 {
				cell = strings.TrimRight(cell[:k], " ") + cell[ms[0].end:]
			}
		}
		cells[j] = cell
	}
}

// columnBasis reads the basis a column's name gives its prices ("Tarif
// par acte", "Montant (€/an)", "Forfait par patient et par an"): the basis
// as sumBasis compares it and where its words stand in name, or -1.
func columnBasis(name string) (basis string, from, to int) {
	for k := 0; k < len(name); k++ {
		if name[k] != '/' && !(name[k] == ' ' && len(name) > k+5 && strings.EqualFold(name[k:k+5], " par ")) {
			continue
		}
		if b, e := sumPeriod(name, k); b != "" {
			return b, k, e
		}
	}
	return "", -1, -1
}

// withCoefficient reads an act's key letter and its coefficient given in
// two columns ("| AMI | 3 |" under "Lettre clé | Coefficient") as the act
// they make, "AMI 3", as a row keyed "AMI 3" gives it, when the row gives
// no price: the coefficient is then its tariff, so a change of it is a
// change of the act's code ("AMI 3 → AMI 4"), where the number alone would
// be no fact. A row that gives its price reports the price.
func withCoefficient(cells, names []string) {
	if amountCells(cells) > 0 {
		return
	}
	coef := -1
	for j := range min(len(names), len(cells)) {
		if strings.HasPrefix(strings.ToLower(frtext.Fold(names[j])), "coef") && bareNumber(cells[j]) {
			coef = j
		}
	}
	if coef < 0 {
		return
	}
	for j, c := range cells {
		if isKeyLetter(c) {
			cells[j] = c + " " + cells[coef]
			return
		}
	}
}

// textCurrency is the currency of a text that names none by a note: the
// franc where it speaks francs and not euros, else the euro.
func textCurrency(text string) string {
	if frtext.IndexFold(text, "franc") >= 0 && frtext.IndexFold(text, "euro") < 0 && !strings.Contains(text, "€") {
		return "F"
	}
	return "€"
}

// currencyNote reads the currency that the last line of text gives the
// table below it: a short note ("(En euros)", "Montants en euros", "(en
// francs)") or the sentence that announces the table ("Les tarifs sont
// fixés comme suit (en euros) :"); "" when there is none.
func currencyNote(text string) string {
	text = strings.TrimRight(text, " \n")
	line := text[strings.LastIndexByte(text, '\n')+1:]
	lower := strings.ToLower(line)
	switch {
	case len(line) <= 40 && strings.Contains(lower, "en "):
		return columnCurrency(line)
	case len(line) <= 200 && strings.HasSuffix(line, ":"):
		for _, note := range []string{"(en euros)", "(en €)", "(€)", "en euros :", "(en francs)", "en francs :"} {
			if strings.Contains(lower, note) {
				return columnCurrency(note)
			}
		}
	}
	return ""
}

// percentColumn reports a column whose name gives its cells in per cent:
// "Taux (%)", "Taux de remboursement (en %)", "Pourcentage". A rate read
// as a bare number would be no fact, and 70 → 60 would pass a check.
func percentColumn(name string) bool {
	folded := strings.ToLower(frtext.Fold(name))
	return strings.Contains(name, "%") || strings.Contains(folded, "pourcentage") || strings.Contains(folded, "pour cent")
}

// pricingColumn reports a column whose name says it holds prices.
func pricingColumn(name string) bool {
	folded := strings.ToLower(frtext.Fold(name))
	for _, w := range []string{"tarif", "montant", "prix", "valeur", "honoraire", "forfait", "remuneration", "cout"} {
		if strings.Contains(folded, w) {
			return true
		}
	}
	return false
}

// twoDecimals reports a number written as prices are, "26,50".
func twoDecimals(cell string) bool {
	i := strings.LastIndexByte(cell, ',')
	return i >= 0 && len(cell)-i == 3
}

// factBody is the text the facts of clause c of d are read from: bodyOf,
// a table row's cells with their column's currency.
func (d *Document) factBody(c *Clause) string {
	if !isTableRow(c) {
		return bodyOf(c)
	}
	return strings.Join(d.cellsOf(c), cellSep)
}

// columnCurrency is the currency a column's name gives its cells: "€" for
// "Tarif (en euros)", "Montant en €", "Prix (EUR)"; "F" for "Tarif (F)",
// "en francs"; "" when it names none.
func columnCurrency(name string) string {
	if strings.Contains(name, "€") {
		return "€"
	}
	for _, w := range strings.FieldsFunc(frtext.Fold(name), func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
	}) {
		switch strings.ToLower(w) {
		case "euro", "euros", "eur":
			return "€"
		case "franc", "francs", "frf":
			return "F"
		}
	}
	if strings.Contains(name, "(F)") || strings.HasSuffix(name, " en F") {
		return "F"
	}
	return ""
}

// bareNumber reports a cell that is a number and nothing else, as the
// facts read numbers: "26,50", "55", "1 200,00", "1.234,56", "26.50".
func bareNumber(cell string) bool {
	return cell != "" && cell[0] >= '0' && cell[0] <= '9' && wholeNumber.MatchString(cell)
}

var wholeNumber = lazyre.New(`^(?:` + numPattern + `)$`)

// ColumnLabel is a column's name without the currency it gives its cells:
// "Métropole (€)" is the column "Métropole", its amounts in euros anyway.
func ColumnLabel(name string) string {
	if _, from, to := columnBasis(name); from >= 0 {
		// The basis is its cells' too (withBasis): "Tarif par acte" is
		// the column "Tarif".
		name = strings.TrimSpace(strings.Replace(name[:from]+name[to:], "()", "", 1))
	}
	if columnCurrency(name) == "" {
		return name
	}
	if i := strings.LastIndex(name, " ("); i > 0 && strings.HasSuffix(name, ")") && columnCurrency(name[i:]) != "" {
		return name[:i]
	}
	for _, suffix := range []string{" en euros", " en €", " en EUR", " en francs"} {
		if s, ok := strings.CutSuffix(name, suffix); ok && s != "" {
			return s
		}
	}
	return name
}

// priceTexts are the texts the prices of clause c of d are read from: its
// factBody, or, for a row that gives one act's price at several times
// ("Tarif actuel | Nouveau tarif | Date d'effet", "Tarif au 1er novembre
// 2023 | Tarif au 1er décembre 2024"), one text per price with the dates
// it applies from: the date its column names, else the row's dates, but
// for the current price, which applied before them. Zones side by side
// (Métropole | DOM) give one text per price too, with the row's dates,
// and the name of its column in columns (the price of Réunion is
// compared with Réunion's, wherever its column stands); "" elsewhere.
func (d *Document) priceTexts(i int) (texts, columns []string) {
	c := &d.Clauses[i]
	body := d.factBody(c)
	if !isTableRow(c) {
		return []string{body}, []string{""}
	}
	cells, names := d.cellsOf(c), columnNames(d, c)
	if len(names) != len(cells) || amountCells(cells) < 2 {
		if outside := d.outsideDates(i); outside != "" {
			body += cellSep + outside
		}
		return []string{body}, []string{d.zoneOf(c)}
	}
	var dates []string
	for _, cell := range cells {
		if !isAmount(cell) && holdsDate(cell) {
			dates = append(dates, cell)
		}
	}
	if len(dates) == 0 {
		if note, _ := d.tableNote(i); note != "" {
			dates = append(dates, note)
		}
	}
	for j, cell := range cells {
		switch {
		case !isAmount(cell):
			continue
		case holdsDate(names[j]):
			texts = append(texts, cell+cellSep+names[j])
		case formerColumn(names[j]):
			texts = append(texts, cell)
		default:
			texts = append(texts, strings.Join(append([]string{cell}, dates...), cellSep))
		}
		column := ""
		if !formerColumn(names[j]) {
			column = undatedName(ColumnLabel(names[j]))
		}
		columns = append(columns, column)
	}
	return texts, columns
}

// undatedName is a column's name without the date it gives its prices:
// "Au 1er décembre 2024 Métropole" is the column Métropole, whose prices
// apply from that date; "Tarif au 1er juillet 2025", "Tarif".
func undatedName(name string) string {
	var kept []string
	for _, w := range strings.Fields(name) {
		low := strings.ToLower(w)
		switch {
		case strings.ContainsFunc(w, unicode.IsDigit), months[low] > 0:
		case low == "au", low == "à", low == "du", low == "compter", low == "partir", low == "de", low == "dès":
		default:
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

// formerColumn reports a column of the price in force before the row's
// change: "Tarif actuel", "Ancien tarif", "Tarif en vigueur".
func formerColumn(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(frtext.Fold(name))) {
		switch strings.Trim(w, "().,:") {
		case "actuel", "actuelle", "actuels", "ancien", "ancienne", "anciens", "vigueur", "precedent", "precedente", "anterieur":
			return true
		}
	}
	return false
}

// holdsDate reports whether s gives a date.
func holdsDate(s string) bool {
	if strings.IndexFunc(s, unicode.IsDigit) < 0 {
		return false
	}
	for _, f := range compareFacts("", s, "", nil) {
		if f.Kind == FactDate {
			return true
		}
	}
	return false
}

// EuroCells returns the cells of row i of d, as RowCells cuts its text,
// that are amounts in euros as its facts read them: "30 €", or a bare
// "26,50" that its column ("Tarif (en euros)") or the note over its table
// ("(En euros)") prices.
func (d *Document) EuroCells(i int) []string {
	c := &d.Clauses[i]
	raw := RowCells(c.Text)
	laid := len(c.Grid) > 0 && len(c.Grid) == len(columnNames(d, c))
	var out []string
	for j, cell := range d.cellsOf(c) {
		k := j
		if laid {
			k = c.Grid[j]
		}
		if k >= 0 && k < len(raw) && isAmount(cell) && columnCurrency(cell) == "€" {
			out = append(out, raw[k])
		}
	}
	return out
}
