package clause

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestRowsWithoutPrice: an act a table prices "Gratuit", "NC" or with a
// dash is a row of the table in every format, the first under the header
// too (it was read into the header: "Code CCP | Libellé Consultation de
// prévention | Tarif Gratuit"; in the middle of a table, a header of its
// own, or text with the rows after it), so that the row's removal is a
// removed tariff row, which check flags.
func TestRowsWithoutPrice(t *testing.T) {
	for _, tc := range []struct{ name, text string }{{
		"columns, first row free",
		"Annexe 1 - Tarifs\n\nCode   Libellé                          Tarif\n" +
			"CCP    Consultation de prévention       Gratuit\n" +
			"G      Consultation de référence        30,00 €\n" +
			"APC    Avis ponctuel de consultant      NC\n" +
			"VL     Visite longue                    —\n",
	}, {
		"columns, free rows in the middle",
		"Annexe 1 - Tarifs\n\nCode   Libellé                          Tarif\n" +
			"G      Consultation de référence        30,00 €\n" +
			"CCP    Consultation de prévention       gratuite\n" +
			"APC    Avis ponctuel de consultant      Non coté\n" +
			"VL     Visite longue                    -\n",
	}, {
		"pipes",
		"Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| CCP | Consultation de prévention | Gratuit |\n" +
			"| G | Consultation de référence | 30,00 € |\n| APC | Avis ponctuel de consultant | NC |\n| VL | Visite longue | — |\n",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			d := Parse(tc.text)
			checkDocument(t, tc.text, d)
			var got []string
			for i := range d.Clauses {
				switch c := &d.Clauses[i]; {
				case IsTableHeader(c):
					got = append(got, "header "+c.Heading)
				case isTableRow(c):
					got = append(got, fmt.Sprintf("row %s in %d", c.Key, c.Parent))
				default:
					if c.Kind != KindAnnex {
						got = append(got, fmt.Sprintf("%s %q", c.Kind, c.Label()))
					}
				}
			}
			slices.Sort(got[1:])
			want := []string{"header Code | Libellé | Tarif", "row tariff:APC in 1", "row tariff:CCP in 1", "row tariff:G in 1", "row tariff:VL in 1"}
			if !slices.Equal(got, want) {
				t.Fatalf("read as\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			// The free act dropped: a removed row and its code.
			var kept []string
			for _, l := range strings.Split(tc.text, "\n") {
				if !strings.Contains(l, "CCP") {
					kept = append(kept, l)
				}
			}
			diff := Compare(d, Parse(strings.Join(kept, "\n")), CompareOptions{})
			if got, want := listed(diff, false), []string{"removed CCP→ [code CCP→]"}; !slices.Equal(got, want) {
				t.Errorf("CCP dropped: %q, want %q", got, want)
			}
		})
	}
}

// TestZoneColumnDropped: a zone's column taken out of the table takes its
// prices away, each row's, the one equal to the price beside it too: "| G
// | … | 30 € | 30 € |" under "Métropole | DOM" → "| G | … | 30 € |" under
// "Métropole" was read as one price written once across both columns, a
// cosmetic change, and check passed. A column of one price in place of the
// zones ("Tarif") gives its price to each zone, which says what became of
// its own ("amount V: 38 € → –" left DOM unnamed, and the new price of it
// unsaid); zones in place of one price, the reverse.
func TestZoneColumnDropped(t *testing.T) {
	zones := "Annexe 1\n\n| Code | Libellé | Métropole | DOM |\n|---|---|---|---|\n| G | Consultation | 30 € | 30 € |\n| V | Visite | 35 € | 38 € |\n"
	for _, tc := range []struct {
		name, old, new string
		want           []string
	}{
		{"dropped", zones, "Annexe 1\n\n| Code | Libellé | Métropole |\n|---|---|---|\n| G | Consultation | 30 € |\n| V | Visite | 35 € |\n",
			[]string{"amount G (DOM): 30 € → ", "amount V (DOM): 38 € → "}},
		{"added", "Annexe 1\n\n| Code | Libellé | Métropole |\n|---|---|---|\n| G | Consultation | 30 € |\n| V | Visite | 35 € |\n", zones,
			[]string{"amount G (DOM):  → 30 €", "amount V (DOM):  → 38 €"}},
		{"one price for all", zones, "Annexe 1\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 30 € |\n| V | Visite | 35 € |\n",
			[]string{"amount V (DOM → Tarif): 38 € → 35 €"}},
		{"zones for one price", "Annexe 1\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 30 € |\n| V | Visite | 36 € |\n", zones,
			[]string{"amount V (Tarif → Métropole): 36 € → 35 €", "amount V (Tarif → DOM): 36 € → 38 €"}},
		{"three zones for two", "Annexe 1\n\n| Code | Libellé | Métropole | Antilles | Réunion |\n|---|---|---|---|---|\n| G | Consultation | 30 € | 31 € | 32 € |\n",
			"Annexe 1\n\n| Code | Libellé | Métropole | DOM |\n|---|---|---|---|\n| G | Consultation | 30 € | 32 € |\n",
			[]string{"amount G (Antilles → DOM): 31 € → 32 €"}},
		{"zones for other zones", "Annexe 1\n\n| Code | Libellé | Métropole | Antilles | Réunion |\n|---|---|---|---|---|\n| G | Consultation | 30 € | 31 € | 32 € |\n",
			"Annexe 1\n\n| Code | Libellé | Métropole | Guyane | Mayotte | Martinique |\n|---|---|---|---|---|---|\n| G | Consultation | 30 € | 31 € | 33 € | 31 € |\n",
			[]string{"amount G (Antilles): 31 € → ", "amount G (Réunion): 32 € → ", "amount G (Guyane):  → 31 €", "amount G (Mayotte):  → 33 €", "amount G (Martinique):  → 31 €"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, c := range Compare(Parse(tc.old), Parse(tc.new), CompareOptions{}).Changes {
				for _, f := range c.Facts {
					got = append(got, fmt.Sprintf("%s %s: %s → %s", f.Kind, f.Subject, f.Old, f.New))
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("facts %q, want %q", got, tc.want)
			}
		})
	}
}
