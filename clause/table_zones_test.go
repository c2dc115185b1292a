package clause

import (
	"slices"
	"testing"
)

// A row's one price in a table that prices in several columns is the
// price of the zones it covers, and a change of it, or its row's going,
// names them, as the prices of a row of several are named: the column it
// stands under in pipes, the columns beside it that no cell takes in a
// row laid in columns, the columns after its last cell in a row of tabs.
// Set under another zone's column, it leaves the one and prices the other.
func TestSingleZone(t *testing.T) {
	const pipes = "## Annexe 1\n\n| Code | Libellé | Métropole | DROM |\n|---|---|---|---|\n| VG | Visite | 36,50 € | 38,50 € |\n"
	const columns = "ANNEXE 1 : TARIFS\n\n  Code      Libellé                    Métropole      DROM\n" +
		"  VG        Visite à domicile          36,50 €        38,50 €\n"
	const tabs = "ANNEXE 1 : TARIFS\n\nCode\tLibellé\tMétropole\tDROM\nVG\tVisite\t36,50 €\t38,50 €\n"
	for _, c := range []struct {
		name, old, new string
		want           []string
	}{
		{"pipes", pipes + "| G | Consultation | 30,00 € | |\n", pipes + "| G | Consultation | 31,50 € | |\n",
			[]string{"amount G (Métropole): 30,00 € → 31,50 €"}},
		{"pipes, another zone", pipes + "| G | Consultation | 30,00 € | |\n", pipes + "| G | Consultation | | 30,00 € |\n",
			[]string{"amount G (Métropole): 30,00 € → ", "amount G (DROM):  → 30,00 €"}},
		{"pipes, row removed", pipes + "| G | Consultation | 30,00 € | |\n", pipes,
			[]string{"code : G → ", "amount G (Métropole): 30,00 € → "}},
		{"columns", columns + "  G         Consultation               30,00 €\n", columns + "  G         Consultation               31,50 €\n",
			[]string{"amount G (Métropole, DROM): 30,00 € → 31,50 €"}},
		{"tabs", tabs + "G\tConsultation\t30,00 €\n", tabs + "G\tConsultation\t31,50 €\n",
			[]string{"amount G (Métropole, DROM): 30,00 € → 31,50 €"}},
		{"one price column", "## Annexe 1\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 30,00 € |\n",
			"## Annexe 1\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 31,50 € |\n",
			[]string{"amount G: 30,00 € → 31,50 €"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, ch := range Compare(Parse(c.old), Parse(c.new), CompareOptions{}).Changes {
				for _, f := range ch.Facts {
					got = append(got, string(f.Kind)+" "+f.Subject+": "+f.Old+" → "+f.New)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("facts %q, want %q", got, c.want)
			}
		})
	}
}
