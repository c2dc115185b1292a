package clause

import (
	"slices"
	"testing"
)

// TestHeaderLines: a header in columns set over several lines names each
// column by what stands over it, top down, as the Markdown header of the
// same table does; a date in a name is no figure of a row.
func TestHeaderLines(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{{
		"one line, dated",
		"Annexe 1\n\nCode   Libellé        Tarif au 1er décembre 2024   Au 01/07/2025\nG      Consultation   30,00 €                      31,50 €\n",
		[]string{"Code", "Libellé", "Tarif au 1er décembre 2024", "Au 01/07/2025"},
	}, {
		"wrapped",
		"Annexe 1\n\nCode    Libellé                      Tarif au 1er        Tarif au 1er\n" +
			"                                     décembre 2024       juillet 2025\n" +
			"G       Consultation de référence    30,00 €             30,00 €\n",
		[]string{"Code", "Libellé", "Tarif au 1er décembre 2024", "Tarif au 1er juillet 2025"},
	}, {
		"a name over two columns",
		"Annexe 1\n\n                                          Tarif\nCode   Libellé                      Métropole   DROM\n" +
			"G      Consultation de référence    30,00 €     32,00 €\n",
		[]string{"Code", "Libellé", "Tarif Métropole", "Tarif DROM"},
	}, {
		"a date centred over three zones",
		"Annexe 1\n\n                                                Au 1er décembre 2024\n" +
			"Code   Libellé                      Métropole   Antilles-Guyane   Réunion-Mayotte\n" +
			"G      Consultation de référence    30,00 €     31,00 €           32,00 €\n",
		[]string{"Code", "Libellé", "Au 1er décembre 2024 Métropole", "Au 1er décembre 2024 Antilles-Guyane", "Au 1er décembre 2024 Réunion-Mayotte"},
	}, {
		// Alone on its line, as near the middle of the middle zone as
		// of the three: it dates the three prices, not the middle one
		// (it was read as a title over the table, dating none).
		"a short date centred over three wide zones",
		"Annexe 1\n\n                                                       Au 1er décembre 2024\n" +
			"Code   Libellé                      Métropole            Antilles-Guyane            Réunion-Mayotte\n" +
			"G      Consultation de référence    30,00 €              31,00 €                    32,00 €\n",
		[]string{"Code", "Libellé", "Au 1er décembre 2024 Métropole", "Au 1er décembre 2024 Antilles-Guyane", "Au 1er décembre 2024 Réunion-Mayotte"},
	}, {
		// The price in force beside it is not dated by it.
		"a date over the new prices",
		"Annexe 1\n\n                                                        Au 1er décembre 2024\n" +
			"Code   Libellé                      Tarif actuel        Métropole       DROM\n" +
			"G      Consultation de référence    26,50 €             30,00 €         32,00 €\n",
		[]string{"Code", "Libellé", "Tarif actuel", "Au 1er décembre 2024 Métropole", "Au 1er décembre 2024 DROM"},
	}, {
		// A title over the whole table names no column.
		"a title over the table",
		"Annexe 1\n\n                   Tarifs des consultations\nCode   Libellé                      Tarif\n" +
			"G      Consultation de référence    30,00 €\n",
		[]string{"Code", "Libellé", "Tarif"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			d := Parse(tc.text)
			checkDocument(t, tc.text, d)
			var got []string
			for i := range d.Clauses {
				if c := &d.Clauses[i]; c.Kind == KindItem {
					got = columnNames(d, c)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("columns %q, want %q", got, tc.want)
			}
		})
	}
}
