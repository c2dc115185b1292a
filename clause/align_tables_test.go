package clause

import (
	"slices"
	"testing"
)

// Two tables under one heading, nothing else naming either: a row taken
// out of one is that table's row gone, whatever the other holds of its
// code (the code's keys count its rows through the text: the second
// table's VG, renumbered, was paired with the first's, its price read as
// gone and the first's as changed into it), and a row taken from one into
// the other names each by its rank.
func TestTablesOneHeading(t *testing.T) {
	const header = "| Code | Libellé | Tarif |\n|---|---|---|\n"
	doc := func(first, second string) *Document {
		return Parse("## Annexe 1 - Tarifs\n\n" + header + first + "\n" + header + second)
	}
	const g1, vg1, g2, vg2 = "| G | Consultation | 30 € |\n", "| VG | Visite | 35 € |\n", "| G | Consultation | 32 € |\n", "| VG | Visite | 37 € |\n"
	for _, c := range []struct {
		name     string
		old, new *Document
		want     []string
	}{
		{"row out of the first", doc(g1+vg1, g2+vg2), doc(g1, g2+vg2), []string{"removed code : VG → ", "removed amount VG: 35 € → "}},
		{"row out of the second", doc(g1+vg1, g2+vg2), doc(g1+vg1, g2), []string{"removed code : VG → ", "removed amount VG: 37 € → "}},
		{"row into the first", doc(g1, g2+vg2), doc(g1+vg1, g2+vg2), []string{"added code :  → VG", "added amount VG:  → 35 €"}},
		{"row from the first to the second", doc(g1+vg1, g2), doc(g1, g2+vg1), []string{"unchanged amount VG (tableau 1): 35 € → ", "unchanged amount VG (tableau 2):  → 35 €"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, ch := range Compare(c.old, c.new, CompareOptions{}).Changes {
				for _, f := range ch.Facts {
					got = append(got, string(ch.Kind)+" "+string(f.Kind)+" "+f.Subject+": "+f.Old+" → "+f.New)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("facts %q, want %q", got, c.want)
			}
		})
	}
}
