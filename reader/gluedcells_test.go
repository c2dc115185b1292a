package reader

import (
	"strings"
	"testing"
)

// TestPartGluedCells: a text layout prints the row whose label fills its
// column with one space before the next cell; the rows around it say
// where that cell opens. A line of prose, or a space at no column of the
// rows beside it, is left as it is.
func TestPartGluedCells(t *testing.T) {
	tests := []struct{ name, in, want string }{{
		name: "pdftotext -layout, price under the others",
		in: "Code                       Libellé                   Tarif\n" +
			"G    Consultation de référence                      30,00 €\n" +
			"GS Consultation du spécialiste en médecine générale 30,00 €\n" +
			"VG Visite à domicile justifiée                      35,00 €\n",
		want: "Code                       Libellé                   Tarif\n" +
			"G    Consultation de référence                      30,00 €\n" +
			"GS Consultation du spécialiste en médecine générale⇥30,00 €\n" +
			"VG Visite à domicile justifiée                      35,00 €\n",
	}, {
		name: "pushed a column right",
		in: "G       Consultation de référence                       30,00 €\n" +
			"GS      Consultation du spécialiste en médecine générale 30,00 €\n" +
			"VG      Visite à domicile justifiée                     35,00 €\n",
		want: "G       Consultation de référence                       30,00 €\n" +
			"GS      Consultation du spécialiste en médecine générale⇥30,00 €\n" +
			"VG      Visite à domicile justifiée                     35,00 €\n",
	}, {
		name: "the last row, a date after",
		in: "G     Consultation        30,00 €  1er décembre 2024\n" +
			"VG    Visite              35,00 €  1er décembre 2024\n" +
			"APC   Avis ponctuel spéc. 60,00 €  1er juillet 2025\n",
		want: "G     Consultation        30,00 €  1er décembre 2024\n" +
			"VG    Visite              35,00 €  1er décembre 2024\n" +
			"APC   Avis ponctuel spéc.⇥60,00 €  1er juillet 2025\n",
	}, {
		name: "prose beside a table, and a row alone",
		in: "G     Consultation        30,00 €\n" +
			"VG    Visite              35,00 €\n" +
			"Les montants fixés en 2024 sont 30 € et 35 € au 1er janvier.\n\n" +
			"Le tarif est de 30 € pour la consultation G\n" +
			"G     Consultation        30,00 €\n",
	}, {
		name: "one row over a blank line: no block",
		in: "G     Consultation        30,00 €\n\n" +
			"GS Consultation du généraliste 30,00 €\n\n" +
			"VG    Visite              35,00 €\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if want == "" {
				want = tt.in
			}
			if got := strings.ReplaceAll(partGluedCells(tt.in), "\t", "⇥"); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
