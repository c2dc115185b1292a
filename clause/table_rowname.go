package clause

import (
	"cmp"
	"strings"
)

// A table may price one act on several rows, told apart by a cell that
// is no price ("| G | Métropole | 30 € |", "| G | DROM | 32 € |"). Named
// by its code alone, each row's price read as the act's: the grid took
// the zones' prices swapped for the same prices, and a DROM row removed
// was "code: G → –" while the Métropole row still priced G.

// rowQualifier is the first cell of tariff row c, not its code nor a
// price, that differs from the same cell of every other row of its table
// pricing the same act ("DROM"); "" when no other row prices it, or
// when no cell tells the row apart.
func (d *Document) rowQualifier(c *Clause) string {
	if factSubject(c) == "" || c.Parent < 0 {
		return ""
	}
	p := c.Parent
	var others [][]string
	for j := p + 1; j < len(d.Clauses) && d.Clauses[j].Depth > d.Clauses[p].Depth; j++ {
		if o := &d.Clauses[j]; o != c && o.Parent == p && factSubject(o) == c.Number {
			others = append(others, RowCells(o.Text))
		}
	}
	if len(others) == 0 {
		return ""
	}
	for k, cell := range RowCells(c.Text) {
		if cell == "" || cell == c.Number || isAmount(cell) || noPrice(cell) {
			continue
		}
		apart := true
		for _, o := range others {
			if k < len(o) && o[k] == cell {
				apart = false
				break
			}
		}
		if apart {
			return cell
		}
	}
	return ""
}

// rowSubject is the subject of the facts of tariff row c: its act code,
// with what tells it from the other rows of its table pricing the same
// act ("G (DROM)"); factSubject otherwise.
func (d *Document) rowSubject(c *Clause) string {
	if q := d.rowQualifier(c); q != "" {
		return subjectWith(c.Number, q)
	}
	return factSubject(c)
}

// pairSubject is the subject of the facts of row oc become nc: what told
// it apart in either version, so that the Métropole row of G, alone once
// the DROM row is gone, still reads "G (Métropole)" beside "G (DROM): 28,50
// € → –".
func pairSubject(old, new *Document, oc, nc *Clause) string {
	if q := cmp.Or(new.rowQualifier(nc), old.rowQualifier(oc)); q != "" {
		return subjectWith(nc.Number, q)
	}
	return factSubject(nc)
}

// qualify gives the facts read of a row's cells, which tie a value to
// the code written in the row, the row's own subject: "G (DROM)" where
// the row is one of G's.
func qualify(facts []Fact, code, subject string) []Fact {
	if subject == code {
		return facts
	}
	for k := range facts {
		if facts[k].Kind != FactCode && facts[k].Subject == code {
			facts[k].Subject = subject
		}
	}
	return facts
}

// subjectWith names subject by part too: "G (DROM)", and "G (DROM,
// Métropole)" for a subject named already, never "G (DROM) (Métropole)".
func subjectWith(subject, part string) string {
	if qualified(subject) {
		return strings.TrimSuffix(subject, ")") + ", " + part + ")"
	}
	return subject + " (" + part + ")"
}

// qualified reports a subject that names one of several rows of its act
// ("G (DROM)"), or a column of a row: no code comes or goes with it alone.
func qualified(subject string) bool {
	return strings.Contains(subject, " (")
}
