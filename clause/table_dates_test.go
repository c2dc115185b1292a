package clause

import (
	"slices"
	"strings"
	"testing"
)

// A date the table gives its rows' prices, above it or in its price
// column's name, dates each row: the row's prices take it as their date of
// effect. Moved, it is reported once, by the header or note that writes it,
// not again by every row it dates; a row taken to a table dated otherwise
// reports its own. A date that dates something else (a signature) dates
// no row, and a row that dates itself keeps its own.
func TestTableDates(t *testing.T) {
	const rows = "| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 26,50 € |\n| VG | Visite | 36,50 € |\n"
	for _, c := range []struct {
		name, old, new string
		facts          []string // the diff's facts, "G date: … → …" for a row, "- date: …" elsewhere
		effective      string   // the new G row's date of effect
	}{
		{
			name:      "note above the table",
			old:       "## Annexe 1 - Tarifs\n\nTarifs applicables à compter du 1er novembre 2023.\n\n" + rows,
			new:       "## Annexe 1 - Tarifs\n\nTarifs applicables à compter du 22 décembre 2024.\n\n" + rows,
			facts:     []string{"- date: 1er novembre 2023 → 22 décembre 2024"},
			effective: "2024-12-22",
		},
		{
			name:      "note then a note of the currency",
			old:       "## Annexe 1\n\nTarifs en vigueur au 1er janvier 2025\n\n(En euros)\n\n" + strings.ReplaceAll(rows, " €", ""),
			new:       "## Annexe 1\n\nTarifs en vigueur au 1er juillet 2025\n\n(En euros)\n\n" + strings.ReplaceAll(rows, " €", ""),
			facts:     []string{"- date: 1er janvier 2025 → 1er juillet 2025"},
			effective: "2025-07-01",
		},
		{
			name: "note of the second table only",
			old: "## Annexe 1\n\nTarifs applicables à compter du 1er novembre 2023 :\n\n" + rows +
				"\nTarifs applicables à compter du 1er janvier 2024 :\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| APC | Avis | 56,50 € |\n",
			new: "## Annexe 1\n\nTarifs applicables à compter du 1er novembre 2023 :\n\n" + rows +
				"\nTarifs applicables à compter du 1er mars 2024 :\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| APC | Avis | 56,50 € |\n",
			facts:     []string{"- date: 1er janvier 2024 → 1er mars 2024"},
			effective: "2023-11-01",
		},
		{
			name:      "a dated price column",
			old:       "## Annexe 1\n\n" + strings.Replace(rows, "| Tarif |", "| Tarif au 1er novembre 2023 |", 1),
			new:       "## Annexe 1\n\n" + strings.Replace(rows, "| Tarif |", "| Tarif au 22 décembre 2024 |", 1),
			facts:     []string{"- date: 1er novembre 2023 → 22 décembre 2024"},
			effective: "2024-12-22",
		},
		{
			name:      "a dated price column and a price changed",
			old:       "## Annexe 1\n\n" + strings.Replace(rows, "| Tarif |", "| Tarif au 1er janvier 2025 |", 1),
			new:       "## Annexe 1\n\n" + strings.Replace(strings.Replace(rows, "| Tarif |", "| Tarif au 1er juillet 2025 |", 1), "36,50", "38", 1),
			facts:     []string{"- date: 1er janvier 2025 → 1er juillet 2025", "VG amount VG: 36,50 € → 38 €"},
			effective: "2025-07-01",
		},
		{
			name: "a row taken to a table dated otherwise",
			old: "## Annexe 1\n\n### Actes\n\nTarifs applicables à compter du 1er janvier 2025 :\n\n" + rows +
				"\n### Visites\n\nTarifs applicables à compter du 1er juillet 2025 :\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| VL | Visite longue | 70 € |\n",
			new: "## Annexe 1\n\n### Actes\n\nTarifs applicables à compter du 1er janvier 2025 :\n\n" + strings.Replace(rows, "| VG | Visite | 36,50 € |\n", "", 1) +
				"\n### Visites\n\nTarifs applicables à compter du 1er juillet 2025 :\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| VL | Visite longue | 70 € |\n| VG | Visite | 36,50 € |\n",
			facts:     []string{"VG amount VG (Actes): 36,50 € → ", "VG amount VG (Visites):  → 36,50 €"},
			effective: "2025-01-01",
		},
		{
			name:      "note under the table",
			old:       "## Annexe 1\n\n" + rows + "\nLes tarifs ci-dessus sont applicables à compter du 22 décembre 2024.\n",
			new:       "## Annexe 1\n\n" + rows + "\nLes tarifs ci-dessus sont applicables à compter du 1er juillet 2025.\n",
			facts:     []string{"- date: 22 décembre 2024 → 1er juillet 2025"},
			effective: "2025-07-01",
		},
		{
			name:  "text after the table",
			old:   "## Annexe 1\n\n" + rows + "\nLa majoration MCS est applicable à compter du 22 décembre 2024.\n",
			new:   "## Annexe 1\n\n" + rows + "\nLa majoration MCS est applicable à compter du 1er juillet 2025.\n",
			facts: []string{"- date: 22 décembre 2024 → 1er juillet 2025"},
		},
		{
			name:  "a signature dates no row",
			old:   "## Annexe 1\n\nAnnexe signée le 4 juin 2024, fixant les tarifs suivants.\n\n" + rows,
			new:   "## Annexe 1\n\nAnnexe signée le 5 juin 2024, fixant les tarifs suivants.\n\n" + rows,
			facts: []string{"- date: 4 juin 2024 → 5 juin 2024"},
		},
		{
			name: "a row that dates itself",
			old: "## Annexe 1\n\nTarifs applicables à compter du 1er novembre 2023.\n\n| Code | Libellé | Tarif | Date d'effet |\n|---|---|---|---|\n" +
				"| G | Consultation | 30 € | 1er décembre 2024 |\n| VG | Visite | 36,50 € | |\n",
			new: "## Annexe 1\n\nTarifs applicables à compter du 1er mars 2024.\n\n| Code | Libellé | Tarif | Date d'effet |\n|---|---|---|---|\n" +
				"| G | Consultation | 30 € | 1er décembre 2024 |\n| VG | Visite | 36,50 € | |\n",
			facts:     []string{"- date: 1er novembre 2023 → 1er mars 2024"},
			effective: "2024-12-01",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			old, new := Parse(c.old), Parse(c.new)
			d := Compare(old, new, CompareOptions{})
			var got []string
			for _, ch := range d.Changes {
				name := "-"
				if len(ch.New) > 0 && isTableRow(&new.Clauses[ch.New[0]]) {
					name = new.Clauses[ch.New[0]].Number
				}
				for _, f := range ch.Facts {
					subject := ""
					if f.Subject != "" {
						subject = " " + f.Subject
					}
					got = append(got, name+" "+string(f.Kind)+subject+": "+f.Old+" → "+f.New)
				}
			}
			if !slices.Equal(got, c.facts) {
				t.Errorf("facts %q, want %q", got, c.facts)
			}
			for i := range new.Clauses {
				if new.Clauses[i].Number != "G" || !new.IsTariffRow(i) {
					continue
				}
				prices := new.Prices(i)
				if len(prices) != 1 || prices[0].Effective != c.effective {
					t.Errorf("G priced %+v, want one price from %q", prices, c.effective)
				}
			}
		})
	}
}
