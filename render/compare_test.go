package render

import (
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/parties"
)

// Two answers adding the same clause share its row, named by the first
// one's number; the cell of an answer numbering it otherwise shows its
// number, which the row's name hides. Before, both read "added".
func TestCellTextAddedUnderAnotherNumber(t *testing.T) {
	const base = "# Convention\n\n## Article 14 - Majorations\n\nLa majoration de nuit est de 35 €.\n\n## Article 15 - Téléconsultation\n\nLa téléconsultation est valorisée à 25 €.\n"
	add := func(number string) *clause.Document {
		return clause.Parse(strings.Replace(base, "## Article 15", "## Article "+number+" - Consultation longue\n\nLa consultation longue est valorisée à 60 €.\n\n## Article 15", 1))
	}
	tab := parties.Compare(clause.Parse(base), []*clause.Document{add("14 bis"), add("14-1"), add("14 bis")}, clause.CompareOptions{})
	for i := range tab.Rows {
		r := &tab.Rows[i]
		if r.Base >= 0 {
			continue
		}
		var got []string
		for j := range r.Cells {
			got = append(got, CellText(tab, r, j))
		}
		if want := "added|added → 14-1|added"; strings.Join(got, "|") != want {
			t.Errorf("cells %q, want %q", strings.Join(got, "|"), want)
		}
		return
	}
	t.Fatal("no row for the added clause")
}
