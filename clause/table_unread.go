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
// right over a line that is an act code alone, or one column name right
// over a column of two act codes or two prices alone on their lines (each
// column printed apart: "Code", "G", "GS", … then "Tarif", "26,50 €",
// "30,00 €"), and further on two act codes alone on their lines and two
// prices.
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
		case isColumnName(l) && !isRowCode(l) && stackedColumn(lines[k+1:]) && stackedCells(lines[k:]):
			return true
		case isColumnName(l) && !isRowCode(l):
			names++
			named = named || pricingColumn(l) || codeColumn(l)
		default:
			names, named = 0, false
		}
	}
	return stackedColumns(lines)
}

// stackedColumns reports whether lines hold, with no name over them, a
// column of act codes alone on their lines and a column of prices alone
// on theirs, each two lines at least: a table printed each column apart
// whose header was lost or never was.
func stackedColumns(lines []string) bool {
	codes, prices := false, false
	for k, l := range lines {
		l = cellText(l)
		if !isRowCode(l) && !stackedPrice(l) {
			continue
		}
		if p := ""; k > 0 {
			if p = cellText(lines[k-1]); isRowCode(p) || stackedPrice(p) {
				continue // within a column already tried
			}
		}
		if stackedColumn(lines[k:]) {
			codes, prices = codes || isRowCode(l), prices || !isRowCode(l)
		}
	}
	return codes && prices
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

// stackedColumn reports whether lines open on a column printed apart, one
// cell a line: two act codes alone on their lines, or two prices, blank
// lines aside. Plain pdftotext prints a table so when its rows are set
// wide apart: every code, then every label, then every price, and the
// header's names each over its column.
func stackedColumn(lines []string) bool {
	codes, prices := 0, 0
	for _, l := range lines {
		switch l = cellText(l); {
		case l == "":
			continue
		case isRowCode(l):
			codes++
		case stackedPrice(l):
			prices++
		default:
			return false
		}
		if codes >= 2 && prices == 0 || prices >= 2 && codes == 0 {
			return true
		}
		if codes > 0 && prices > 0 {
			return false
		}
	}
	return false
}

// stackedPrice reports a line that is a price and nothing else: "26,50 €",
// or "26,50" as a column priced in the header's currency writes it.
func stackedPrice(l string) bool {
	return isAmount(l) || twoDecimals(l) && plainAmount(l)
}

// codeColumn reports a column whose name says it holds act codes.
func codeColumn(name string) bool {
	folded := strings.ToLower(frtext.Fold(name))
	return strings.Contains(folded, "code") || strings.Contains(folded, "cotation") || strings.Contains(folded, "lettre")
}
