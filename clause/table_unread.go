package clause

import (
	"strings"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// A table can reach avenant in a shape no reader can take back into rows:
// plain pdftotext (without -layout) prints a table one cell per line, and
// each column apart once a label wraps (every code and label, then every
// price), so that nothing says which price was whose. Read as text, its
// prices are tied to no act, and a price changed there can be no change
// of any rule's. Such a table is told, so that the commands say it was
// seen and not read rather than compare nothing.

// UnreadTables are the clauses of d whose text holds a table written one
// cell per line that was not read into rows: column names on lines of
// their own (two at least, one naming codes or prices: "Code", "Tarif")
// right over a line that is an act code alone, and further on two act
// codes alone on their lines and two prices.
func (d *Document) UnreadTables() []int {
	var out []int
	for i := range d.Clauses {
		c := &d.Clauses[i]
		if isTableRow(c) || IsTableHeader(c) || !strings.Contains(c.Text, "\n") {
			continue
		}
		if unreadTable(c.Text) {
			out = append(out, i)
		}
	}
	return out
}

// unreadTable reports whether text holds a table one cell per line (see
// UnreadTables).
func unreadTable(text string) bool {
	lines := strings.Split(text, "\n")
	names, named := 0, false
	for k, l := range lines {
		l = cellText(l)
		switch {
		case isRowCode(l) && names >= 2 && named:
			return stackedCells(lines[k:])
		case isColumnName(l) && !isRowCode(l):
			names++
			named = named || pricingColumn(l) || codeColumn(l)
		default:
			names, named = 0, false
		}
	}
	return false
}

// stackedCells reports whether lines, from a table's first code on, hold
// two act codes alone on their lines and two prices.
func stackedCells(lines []string) bool {
	codes, prices := 0, 0
	for _, l := range lines {
		l = cellText(l)
		if isRowCode(l) {
			codes++
		}
		for _, w := range strings.Fields(l) {
			if strings.HasSuffix(w, "€") || twoDecimals(w) && plainAmount(w) {
				prices++
			}
		}
	}
	return codes >= 2 && prices >= 2
}

// codeColumn reports a column whose name says it holds act codes.
func codeColumn(name string) bool {
	folded := strings.ToLower(frtext.Fold(name))
	return strings.Contains(folded, "code") || strings.Contains(folded, "cotation") || strings.Contains(folded, "lettre")
}
