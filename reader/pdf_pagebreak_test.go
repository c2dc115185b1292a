package reader

import (
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// TestPDFLabelOverPageBreak typesets a tariff table whose last row on the
// first page wraps its label onto the next page, under the header that
// page repeats: the row keeps its whole label and the table reads as its
// Markdown source, the repeated header aside.
func TestPDFLabelOverPageBreak(t *testing.T) {
	md := "Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n" +
		"| G | Consultation de référence | 30,00 € |\n" +
		"| VL | Visite longue et complexe du médecin généraliste | 70,00 € |\n" +
		"| APC | Avis ponctuel de consultant | 56,50 € |\n"
	var pages []string
	for p := range 2 {
		pages = append(pages, tariffPage(t, p, func(show func(x, y int, s string), y int) {
			if p == 0 {
				show(56, y-14, "G")
				show(110, y-14, "Consultation de référence")
				show(430, y-14, "30,00 €")
				show(56, y-28, "VL")
				show(110, y-28, "Visite longue et complexe du")
				show(430, y-28, "70,00 €")
				return
			}
			show(110, y-14, "médecin généraliste")
			show(56, y-28, "APC")
			show(110, y-28, "Avis ponctuel de consultant")
			show(430, y-28, "56,50 €")
		}))
	}
	data := (&pdfWriter{}).build(pages, "")
	withPDFTools(t, func(t *testing.T) {
		got, err := pdfText(data)
		if err != nil {
			t.Fatal(err)
		}
		d := clause.Compare(clause.Parse(md), clause.Parse(got), clause.CompareOptions{})
		for _, c := range d.Changes {
			if c.Kind != clause.Unchanged && !(c.Kind == clause.Added && clause.IsTableHeader(&d.New.Clauses[c.New[0]])) {
				t.Errorf("%s %v → %v: the PDF table differs from its source:\n%s", c.Kind, c.Old, c.New, got)
			}
		}
	})
}
