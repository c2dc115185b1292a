package clause

import (
	"fmt"
	"strings"
	"testing"
)

// TestRowGridFromRows: a row in columns that shows fewer cells than its
// header names columns is laid over the columns where the table's rows set
// their cells, not where the header sets its names. Prices set right
// under names set left stood nearer the next name than their own: the
// indemnity priced in métropole alone read 'amount IK (DOM): – → 0,61 €'
// against the same table in pipes, and the majoration priced in the DROM
// alone 'amount MDO (Métropole)'. Each text in columns reads as its pipe
// table, fact for fact.
func TestRowGridFromRows(t *testing.T) {
	// columns sets a row in columns: the code and label left, each price
	// right-aligned in a column of width w; the header's names left.
	columns := func(w int, rows ...[]string) string {
		var b strings.Builder
		b.WriteString("Annexe 1 - Tarifs\n\n")
		for k, r := range rows {
			line := fmt.Sprintf("%-6s%-28s", r[0], r[1])
			for _, c := range r[2:] {
				if k == 0 {
					line += fmt.Sprintf("  %-*s", w, c)
				} else {
					line += fmt.Sprintf("  %*s", w, c)
				}
			}
			b.WriteString(strings.TrimRight(line, " ") + "\n")
		}
		return b.String()
	}
	pipes := func(rows ...[]string) string {
		var b strings.Builder
		b.WriteString("## Annexe 1 - Tarifs\n\n")
		for k, r := range rows {
			b.WriteString("| " + strings.Join(r, " | ") + " |\n")
			if k == 0 {
				b.WriteString(strings.Repeat("|---", len(r)) + "|\n")
			}
		}
		return b.String()
	}
	header := []string{"Code", "Libellé", "Métropole", "DOM"}
	g := []string{"G", "Consultation", "30,00 €", "32,00 €"}
	for _, tc := range []struct {
		name  string
		w     int
		row   []string // the row a cell short, its empty cell ""
		edit  []string // the row of the other version, in pipes
		facts string
	}{
		{"métropole alone", 12, []string{"IK", "Indemnité kilométrique", "0,61 €", ""}, nil, ""},
		{"overseas alone", 12, []string{"MDO", "Majoration outre-mer", "", "2,00 €"}, nil, ""},
		{"wide columns", 20, []string{"IK", "Indemnité kilométrique", "0,61 €", ""}, nil, ""},
		{"métropole changed", 12, []string{"IK", "Indemnité kilométrique", "0,61 €", ""},
			[]string{"IK", "Indemnité kilométrique", "0,58 €", ""}, "[amount IK (Métropole): 0,58 €→0,61 €]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := columns(tc.w, header, g, tc.row)
			other := tc.edit
			if other == nil {
				other = tc.row
			}
			d := Compare(Parse(pipes(header, g, other)), Parse(text), CompareOptions{})
			var got []string
			for i := range d.Changes {
				for _, f := range d.Changes[i].Facts {
					got = append(got, fmt.Sprintf("[%s %s: %s→%s]", f.Kind, f.Subject, f.Old, f.New))
				}
			}
			if s := strings.Join(got, " "); s != tc.facts {
				t.Errorf("facts %q, want %q\n%s", s, tc.facts, text)
			}
		})
	}
}
