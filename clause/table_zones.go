package clause

import (
	"slices"
	"strings"
)

// zoneRows is how many rows of its table singleZone reads to learn that
// the table prices in several columns: such a table shows it on nearly
// every row.
const zoneRows = 16

// singleZone is the column of the one price of row c of d when its table
// prices its acts in several columns (Code | Libellé | Métropole | DROM),
// as another of its rows shows two prices or more: that price is the
// column's, and a change of it, or the row's coming or going, is named by
// the column, as each price of a row of several is ("amount G
// (Métropole)"). Read as the act's one price, unnamed, the change said
// nothing of the zone it prices. -1 for any other row, a price under a
// column that dates it or gives the price in force before the change.
func (d *Document) singleZone(c *Clause, cells, names []string) int {
	if len(names) < 2 || amountCells(cells) != 1 {
		return -1
	}
	j := slices.IndexFunc(cells, isAmount)
	if j >= len(names) || formerColumn(names[j]) || holdsDate(names[j]) {
		return -1
	}
	p, read := c.Parent, 0
	for k := p + 1; k < len(d.Clauses) && read < zoneRows; k++ {
		s := &d.Clauses[k]
		if s.Depth <= d.Clauses[p].Depth {
			break
		}
		if s == c || s.Parent != p || !isTableRow(s) {
			continue
		}
		read++
		if amountCells(d.cellsOf(s)) >= 2 {
			return j
		}
	}
	return -1
}

// zoneNamed names the amounts of subject among facts by the column of a
// row's one price in a table of several (singleZone): "G (Métropole)",
// "G (Métropole → DROM)" for a price set under another column.
func zoneNamed(facts []Fact, subject, oldZone, newZone string) []Fact {
	zone := newZone
	switch {
	case zone == "":
		zone = oldZone
	case oldZone != "" && oldZone != newZone:
		zone = oldZone + " → " + newZone
	}
	if zone == "" {
		return facts
	}
	for k := range facts {
		if facts[k].Kind == FactAmount && facts[k].Subject == subject {
			facts[k].Subject = subjectWith(subject, zone)
		}
	}
	return facts
}

// zoneOf names the columns that row c's one price covers in a table of
// several (singleZone): the column it stands under, and in a row laid in
// columns (a PDF's, a text's) the columns after it that no cell takes (and
// those before it too when there are such after it),
// which a price written once may cover (fillOpen reads them so), as in a
// row of cells parted by tabs the columns after its last cell; a pipe
// table's empty cell is empty. "Métropole", "Métropole, DROM"; "" when
// the row is none such.
func (d *Document) zoneOf(c *Clause) string {
	names := columnNames(d, c)
	cells := d.cellsOf(c)
	j := d.singleZone(c, cells, names)
	if j < 0 {
		return ""
	}
	from, to := j, j
	switch {
	case len(c.Grid) == len(names):
		for to+1 < len(names) && c.Grid[to+1] < 0 {
			to++
		}
		// Open columns before the price are covered only by a price
		// centred over columns on both sides of its own (fillOpen).
		for from > 0 && c.Grid[from-1] < 0 && to > j {
			from--
		}
	case !strings.HasPrefix(c.Text, "|") && j == len(cells)-1:
		to = len(names) - 1
	}
	zones := make([]string, 0, to-from+1)
	for k := from; k <= to; k++ {
		zones = append(zones, ColumnLabel(names[k]))
	}
	return strings.Join(zones, ", ")
}
