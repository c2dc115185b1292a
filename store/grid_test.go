package store

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// TestManifestKeepsRowGrid: where the cells of a row in columns stand
// against its header's columns is kept in the manifest, so that a version
// read back from the store compares as its file does: "30 €" centred over
// Métropole and Antilles, "31 €" under Réunion is Réunion's price (read
// back without it, the first reading tried won: Antilles').
func TestManifestKeepsRowGrid(t *testing.T) {
	d := clause.Parse("Annexe 1 - Tarifs\n\n" +
		"Code   Libellé          Métropole   Antilles   Réunion   Mayotte\n" +
		"G      Consultation           30 €               31 €      32 €\n")
	ids := make([]string, len(d.Clauses))
	for i := range d.Clauses {
		ids[i] = d.Clauses[i].ID
	}
	data, err := json.Marshal(manifestOf(d, ids))
	if err != nil {
		t.Fatal(err)
	}
	var m []ManifestEntry
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	texts := make([]string, len(d.Clauses))
	for i := range d.Clauses {
		texts[i] = d.Clauses[i].Text
	}
	back := documentOf(m, texts)
	row := back.Clauses[len(back.Clauses)-1]
	if want := []int{0, 1, 2, 2, 3, 4}; !slices.Equal(row.Grid, want) {
		t.Errorf("grid read back %v, want %v", row.Grid, want)
	}
}
