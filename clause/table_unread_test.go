package clause

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestUnreadTables: a table that plain pdftotext printed one cell per line,
// each column apart or a label wrapped, is told as a table not read into
// rows (check passed on its price changed, and tariffs found no row,
// silently); the same table read into rows, a list of short lines or
// signatures, is none.
func TestUnreadTables(t *testing.T) {
	columnsApart := "## Annexe 1 - Tarifs\n\nCode\nLibellé\nG\nConsultation de référence\nCS\nConsultation du spécialiste\n\nTarif (en euros)\n26,50\n30,00\n"
	wrapped := "## Annexe 1 - Tarifs\n\nCode\nLibellé\nTarif\nG\nConsultation de référence du médecin\ngénéraliste\n26,50 €\nCS\nConsultation du spécialiste\n30,00 €\n"
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"columns apart", columnsApart, []string{"annexe-1"}},
		{"label wrapped", wrapped, []string{"annexe-1"}},
		{"stacked rows read", "## Annexe 1 - Tarifs\n\nCode\nLibellé\nTarif\nG\nConsultation\n26,50 €\nCS\nConsultation du spécialiste\n30,00 €\n", nil},
		{"pipe table", "## Annexe 1\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 26,50 € |\n| CS | Spécialiste | 30 € |\n", nil},
		{"signatures", "## Article 43 - Signatures\n\nPour les syndicats\nLe président\nCSMF\nFranck DEVULDER\nMG France\nSML\nLa consultation passe de 26,50 € à 30 €.\n", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := Parse(c.text)
			var got []string
			for _, i := range d.UnreadTables() {
				got = append(got, d.Clauses[i].ID)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("unread tables %q, want %q", got, c.want)
			}
		})
	}
}

// TestUnreadTablesOffice: the demo texts as LibreOffice writes them hold
// no table left unread, in any format it exports as text.
func TestUnreadTablesOffice(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "reader", "testdata", "office", "*.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := Parse(string(b)).UnreadTables(); len(got) > 0 {
			t.Errorf("%s: unread tables at %v", f, got)
		}
	}
}
