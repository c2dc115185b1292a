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
	tests := []partedCase{{
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
	checkParted(t, tests, partGluedCells)
}

// TestPartGluedAmounts: cells set without any padding run together, the
// label into its price ("générale30,00 €"), the header's names into each
// other ("LibelléTarif"). In a table's lines the amount is a cell of its
// own; a line of prose alone keeps its typo.
func TestPartGluedAmounts(t *testing.T) {
	tests := []partedCase{{
		name: "a table in columns, every row glued",
		in: "Code           LibelléTarif\n" +
			"G     Consultation générale30,00 €\n" +
			"VG        Visite à domicile1 235,00 €\n",
		want: "Code           Libellé⇥Tarif\n" +
			"G     Consultation générale⇥30,00 €\n" +
			"VG        Visite à domicile⇥1 235,00 €\n",
	}, {
		name: "two columns, no gap, lines one under the other",
		in:   "Consultation générale30,00€\nVisite à domicile35,00 €\n",
		want: "Consultation générale⇥30,00€\nVisite à domicile⇥35,00 €\n",
	}, {
		name: "a line of prose alone",
		in:   "La consultation est fixée à30,00 € au 1er janvier.\n\nLes tarifs sont nets.\n\nProduit avec LibreOffice, comme suit.\nConsultation générale30,00€\nVisite à domicile35,00 €\n",
		want: "La consultation est fixée à30,00 € au 1er janvier.\n\nLes tarifs sont nets.\n\nProduit avec LibreOffice, comme suit.\nConsultation générale⇥30,00€\nVisite à domicile⇥35,00 €\n",
	}, {
		name: "no seam: a space, a capital, a code, no cents",
		in: "G     Consultation générale 30,00 €\n" +
			"L162,00   AMI3,5   forfait12,5   x30,001\n" +
			"Ce tarifx30,001\n",
	}}
	checkParted(t, tests, partGluedAmounts)
}

// partedCase is a text and what parting its cells gives, tabs shown ⇥;
// an empty want is the text unchanged.
type partedCase struct{ name, in, want string }

func checkParted(t *testing.T, tests []partedCase, part func(string) string) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if want == "" {
				want = tt.in
			}
			if got := strings.ReplaceAll(part(tt.in), "\t", "⇥"); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
