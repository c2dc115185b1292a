package clause

import "testing"

func TestUnstackTables(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			name: "three columns",
			in:   "Annexe 1\nCode\nLibellé\nTarif\nG\nConsultation\n30 €\nCS\nConsultation du spécialiste\n31,50 €\nArticle 2\n",
			want: "Annexe 1\n| Code | Libellé | Tarif |\n| --- | --- | --- |\n| G | Consultation | 30 € |\n| CS | Consultation du spécialiste | 31,50 € |\nArticle 2\n",
		},
		{
			name: "two prices",
			in:   "Code\nMétropole\nDOM\nG\n30,00\n31,50\nVL\n70,00\n73,50",
			want: "| Code | Métropole | DOM |\n| --- | --- | --- |\n| G | 30,00 | 31,50 |\n| VL | 70,00 | 73,50 |\n",
		},
		{
			name: "a heading above the header is not a column",
			in:   "Tarifs\nCode\nTarif\nG\n30 €\nGS\n30 €\n",
			want: "Tarifs\n| Code | Tarif |\n| --- | --- |\n| G | 30 € |\n| GS | 30 € |\n",
		},
		{
			name: "one row is not a table",
			in:   "Code\nLibellé\nTarif\nG\nConsultation\n30 €\nFin du texte.\n",
		},
		{
			// An act priced "Gratuit" is a row of the table: the table
			// was not read at all, its rows paragraphs.
			name: "a row without price",
			in:   "Code\nLibellé\nTarif\nG\nConsultation\n30 €\nCCP\nConsultation de prévention\nGratuit\nCS\nSpécialiste\n31,50 €\n",
			want: "| Code | Libellé | Tarif |\n| --- | --- | --- |\n| G | Consultation | 30 € |\n| CCP | Consultation de prévention | Gratuit |\n| CS | Spécialiste | 31,50 € |\n",
		},
		{
			name: "no row priced is no table",
			in:   "Code\nLibellé\nTarif\nG\nConsultation\nNC\nCS\nSpécialiste\nNC\n",
		},
		{
			name: "rows without an amount",
			in:   "Code\nLibellé\nG\nConsultation\nCS\nConsultation du spécialiste\n",
		},
		{
			name: "rows not opening with a code",
			in:   "Objet\nMontant\nla consultation\n30 €\nla visite\n70 €\n",
		},
		{
			name: "short lines of prose",
			in:   "Article 3\nLe médecin\ndoit informer\nle patient\nG\n30 €\n",
		},
		{
			name: "a cell with a pipe",
			in:   "Code\nTarif\nG\n30 € | 2024\nGS\n30 €\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if want == "" {
				want = tt.in
			}
			if got := unstackTables(tt.in); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// A table written one cell per line parses as the pipe table it came
// from: same clauses, same rows.
func TestParseStackedTable(t *testing.T) {
	pipe := Parse("# Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 30 € |\n| CS | Consultation du spécialiste | 31,50 € |\n")
	stacked := Parse("Annexe 1 - Tarifs\nCode\nLibellé\nTarif\nG\nConsultation\n30 €\nCS\nConsultation du spécialiste\n31,50 €\n")
	if len(pipe.Clauses) != len(stacked.Clauses) {
		t.Fatalf("%d clauses, want %d", len(stacked.Clauses), len(pipe.Clauses))
	}
	for i, c := range pipe.Clauses {
		s := stacked.Clauses[i]
		if s.ID != c.ID || s.Kind != c.Kind || s.Heading != c.Heading || s.Text != c.Text {
			t.Errorf("clause %d: %s %s %q %q, want %s %s %q %q", i, s.ID, s.Kind, s.Heading, s.Text, c.ID, c.Kind, c.Heading, c.Text)
		}
	}
}
