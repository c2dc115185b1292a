package clause

import (
	"strings"
	"testing"
)

// A table or a point quoted by an amending text is text of the article
// that quotes it; once the quotation closes, a table is rows again.
func TestParseQuotedTable(t *testing.T) {
	in := "Article 1er\n\nL'annexe 1 est remplacée par les dispositions suivantes :\n\n« Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 30 € | »\n\n" +
		"Article 2\n\nLe tableau est ainsi rédigé :\n\n« Les tarifs sont les suivants :\n\n« | VG | Visite | 40 € |\n\n« | VL | Visite longue | 70 € | »\n\nArticle 3\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| APC | Avis | 55 € |\n"
	d := Parse(in)
	checkDocument(t, in, d)
	var got []string
	for _, c := range d.Clauses {
		got = append(got, string(c.Kind)+" "+c.Number)
	}
	if want := "article 1er|article 2|article 3|section |item APC"; strings.Join(got, "|") != want {
		t.Errorf("clauses %q, want %q\n%s", got, want, outline(d))
	}
	// A quotation left open within a sentence keeps the table after it.
	slip := "Article 1er\n\nLe médecin dit « bonjour.\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 30 € |\n"
	if d := Parse(slip); len(d.Clauses) != 3 || d.Clauses[2].Key != "tariff:G" {
		t.Errorf("a slip's open quotation took the table:\n%s", outline(d))
	}
	for _, tt := range []struct {
		line  string
		depth int
		want  int
	}{
		{"« Annexe 1 - Tarifs", 0, 1},
		{"« suite du texte cité", 1, 1},
		{"« fin. »", 1, 0},
		{"« citation « imbriquée » ouverte", 0, 1},
		{"“guillemets anglais”", 0, 0},
		{"» de trop", 0, 0},
		{"Le médecin dit « bonjour.", 0, 0},
		{"dit « bonjour", 1, 2},
	} {
		if got := quoteDepth(tt.line, tt.depth); got != tt.want {
			t.Errorf("quoteDepth(%q, %d) = %d, want %d", tt.line, tt.depth, got, tt.want)
		}
	}
}
