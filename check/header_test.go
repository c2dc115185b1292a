package check

import (
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// TestTariffHeaderChanged: a tariff table's column names changed with no
// fact to say how fail the gate once; columns reordered with their cells,
// a currency said or unsaid (its change is the rows' facts'), or a header
// change a fact explains, add nothing.
func TestTariffHeaderChanged(t *testing.T) {
	table := func(header, g string) string {
		return "## Annexe 1 - Tarifs\n\n| " + header + " |\n|---|---|---|---|\n| G | Consultation | " + g + " |\n| VG | Visite | 35 € | 35 € |\n"
	}
	cases := []struct {
		name     string
		old, new string
		want     []string
	}{
		{"a year in a column's name", table("Code | Libellé | Tarif 2025 | DROM", "30 € | 32 €"), table("Code | Libellé | Tarif 2026 | DROM", "30 € | 32 €"),
			[]string{"error tariffs " + HeaderChangedMessage}},
		{"a zone renamed", table("Code | Libellé | Métropole | DROM", "30 € | 32 €"), table("Code | Libellé | Métropole | Mayotte", "30 € | 32 €"),
			[]string{"error tariffs " + HeaderChangedMessage}},
		{"columns reordered with their cells", table("Code | Libellé | Métropole | DROM", "30 € | 32 €"), table("Code | Libellé | DROM | Métropole", "32 € | 30 €"),
			nil},
		{"a currency said, the same prices", table("Code | Libellé | Tarif | DROM", "30,00 € | 32,00 €"), table("Code | Libellé | Tarif (en euros) | DROM (€)", "30,00 | 32,00"),
			nil},
		{"a currency said otherwise, the rows' facts", table("Code | Libellé | Tarif (en francs) | DROM", "30,00 | 32 €"), table("Code | Libellé | Tarif (en euros) | DROM", "30,00 | 32 €"),
			[]string{"error tariffs amount"}},
		{"a date a fact reads", table("Code | Libellé | Tarif au 1er janvier 2025 | DROM", "30 € | 32 €"), table("Code | Libellé | Tarif au 1er janvier 2026 | DROM", "30 € | 32 €"),
			[]string{"error tariff-dates date"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := clause.Compare(clause.Parse(c.old), clause.Parse(c.new), clause.CompareOptions{})
			var got []string
			for _, f := range Run(d, sides[0], sides[1], nil).Findings {
				if f.Detail != "" {
					got = append(got, string(f.Severity)+" "+f.Rule+" "+f.Detail)
				} else {
					got = append(got, string(f.Severity)+" "+f.Rule+" "+string(f.Fact.Kind))
				}
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}
