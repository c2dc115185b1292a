package tariff

import (
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// TestTotalRowIsNoAct: a row closing a table on its sum, in pipes or in
// columns, whatever its case and what it sums ("Total", "TOTAL",
// "Sous-total consultations", "Total général"), is no act of the grid;
// the acts around it are.
func TestTotalRowIsNoAct(t *testing.T) {
	for _, text := range []string{
		"## Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 26,50 € |\n| Sous-total consultations | | 26,50 € |\n| V | Visite | 30 € |\n| Total | | 56,50 € |\n",
		"## Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 26,50 € |\n| V | Visite | 30 € |\n| **Total général** | | **56,50 €** |\n",
		"ANNEXE 1 - TARIFS\n\nCode    Libellé          Tarif\nG       Consultation     26,50 €\nV       Visite           30 €\nTOTAL                    56,50 €\n",
		"ANNEXE 1 - TARIFS\n\nCode    Libellé          Tarif\nG       Consultation     26,50 €\nV       Visite           30 €\nTotal général            56,50 €\n",
	} {
		g := Build([]Version{{Label: "v", Doc: clause.Parse(text)}})
		wantGrid(t, g, "Annexe 1 G: 26,50 €", "Annexe 1 V: 30 €")
	}
}
