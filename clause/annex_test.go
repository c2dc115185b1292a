package clause

import "testing"

// An annex heading without a number opens an annex, in Markdown and as a
// plain line, whatever follows the article before it; a sentence that
// opens with the word stays in the article (see TestParseNotHeadings).
func TestParseUnnumberedAnnex(t *testing.T) {
	tests := []struct{ name, heading, want string }{
		{"markdown titled", "## Annexe - Tarifs", "annex - annexe | Annexe - Tarifs"},
		{"markdown alone", "# Annexe", "annex - annexe | Annexe"},
		{"plain capitals", "ANNEXE", "annex - annexe | ANNEXE"},
		{"plain", "Annexe", "annex - annexe | Annexe"},
		{"plain titled", "Annexe : Tarifs des actes", "annex - annexe | Annexe : Tarifs des actes"},
		{"plain dash", "ANNEXE – TARIFS", "annex - annexe | ANNEXE – TARIFS"},
		{"plain capitals titled", "ANNEXE TARIFAIRE", "annex - annexe | ANNEXE TARIFAIRE"},
		{"plural", "Annexes", "annex - annexe | Annexes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := "Article 1\n\nLes tarifs sont les suivants\n\n" + tt.heading + "\n\n| G | Consultation | 30 € |\n"
			d := Parse(in)
			checkDocument(t, in, d)
			want := "0 article 1 art-1 | Article 1 | Les tarifs sont les suivants\n" +
				"0 " + tt.want + " | \n" +
				"1 item G annexe-g |  | | G | Consultation | 30 € |\n"
			if got := outline(d); got != want {
				t.Errorf("outline:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// A second unnumbered annex is "annexe-2"; "Annexes" right before
// numbered annexes names their group.
func TestParseUnnumberedAnnexes(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"two", "Article 1\n\nTexte.\n\nANNEXE\n\nListe.\n\nANNEXE\n\nAutre liste.\n",
			"0 article 1 art-1 | Article 1 | Texte.\n0 annex - annexe | ANNEXE | Liste.\n0 annex - annexe-2 | ANNEXE | Autre liste.\n"},
		{"group", "Article 1\n\nTexte.\n\nAnnexes\n\nAnnexe 1\n\nListe.\n",
			"0 article 1 art-1 | Article 1 | Texte.\n0 section - annexes | Annexes | \n0 annex 1 annexe-1 | Annexe 1 | Liste.\n"},
		{"annex holding articles", "Arrêté\n\nArticle 1\n\nLa convention est approuvée.\n\nANNEXE\n\nArticle 1\n\nObjet.\n",
			"0 title - arrete | Arrêté | \n1 article 1 art-1 | Article 1 | La convention est approuvée.\n1 annex - annexe | ANNEXE | \n2 article 1 art-1-2 | Article 1 | Objet.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse(tt.in)
			checkDocument(t, tt.in, d)
			if got := outline(d); got != tt.want {
				t.Errorf("outline:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
