package tariff

import (
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// TestZoneRows: a table pricing an act on one row per zone ("| G |
// Métropole | 26,50 € |", "| G | DROM | 28,50 € |") names each price by
// the cell that tells its row apart, as a row priced in zone columns
// names it by its column: the zones' prices swapped read unchanged (the
// prices compared as a bag), now changed.
func TestZoneRows(t *testing.T) {
	table := func(rows ...string) *clause.Document {
		return clause.Parse("## Annexe 1 - Tarifs\n\n| Code | Zone | Tarif |\n|---|---|---|\n" + strings.Join(rows, "\n") + "\n")
	}
	for _, tc := range []struct {
		name      string
		old, new  *clause.Document
		changed   bool
		newPrices string
	}{
		{"zones swapped", table("| VG | Métropole | 36,50 € |", "| VG | DROM | 38,50 € |"),
			table("| VG | Métropole | 38,50 € |", "| VG | DROM | 36,50 € |"), true, "Métropole 38,50 €, DROM 36,50 €"},
		{"rows reordered with their prices", table("| VG | Métropole | 36,50 € |", "| VG | DROM | 38,50 € |"),
			table("| VG | DROM | 38,50 € |", "| VG | Métropole | 36,50 € |"), false, "DROM 38,50 €, Métropole 36,50 €"},
		{"one row a code", table("| VG | Métropole | 36,50 € |"), table("| VG | Métropole | 38,50 € |"), true, " 38,50 €"},
	} {
		t.Run(tc.name, func(t *testing.T) { wantOneRow(t, tc.old, tc.new, tc.newPrices, tc.changed) })
	}
}

// wantOneRow builds the grid of two versions pricing one act and checks
// the new version's prices, each after its column's name, and whether the
// row changed.
func wantOneRow(t *testing.T, old, new *clause.Document, newPrices string, changed bool) {
	t.Helper()
	g := Build([]Version{{Label: "old", Doc: old}, {Label: "new", Doc: new}})
	if len(g.Rows) != 1 {
		t.Fatalf("rows = %+v", g.Rows)
	}
	var got []string
	for _, p := range g.Rows[0].Cells[1].prices() {
		got = append(got, p.Column+" "+p.Text)
	}
	if s := strings.Join(got, ", "); s != newPrices {
		t.Errorf("new prices %q, want %q", s, newPrices)
	}
	if c := g.Rows[0].Changed(1); c != changed {
		t.Errorf("changed = %v, want %v", c, changed)
	}
}
