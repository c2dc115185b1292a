package clause

import (
	"strings"
	"testing"
)

func TestTitleShape(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Convention nationale organisant les rapports entre les médecins libéraux et l'assurance maladie", true},
		{"MODALITES PARTICULIERES DE PAIEMENT.", true},
		{"Tarifs des honoraires, rémunérations et frais accessoires", true},
		{"Le médecin informe la caisse.", false},
		{"La prime n'est pas due lorsque :", false},
		{"votants).", false},
		{"les professionnels de santé", false},
		{"XI.- (Censuré)", false},
		// Points named together, or with their insertion number, are
		// points: a bill's "VIII et IX. - (Supprimé)" is no title.
		{"VIII et IX. - (Supprimé)", false},
		{"II à IV. – (Supprimés)", false},
		{"VII bis. - (Supprimé)", false},
		{"1° et 2° (Supprimés)", false},
		{"III A. - (Supprimé)", false},
		{"IV Dispositions finales", true},
		{"II - Les dispositions", false},
		{"1° Le premier alinéa", false},
		{"- Une puce", false},
		{"G   Consultation   30 €", false},
		{"Le Conseil constitutionnel détermine les effets susceptibles d'être remis en cause.\"", false},
		{"La caisse en informe le médecin (article 3.)", false},
		{"Des modalités « particulières »", true},
		// A dateline dates the text it stands in; a title names a text,
		// which may hold a date.
		{"Fait à Paris, le 4 juin 2024", false},
		{"Signée le 4 juin 2024", false},
		{"Fait à Saint-Denis de la Réunion, le 1er juin 2024.", false},
		{"Paris, le 04/06/2024", false},
		{"Le 4 juin 2024", false},
		{"Convention du 4 juin 2024", true},
		{"Convention nationale des médecins signée le 25 août 2016", true},
		{"Le Président de la République", true},
	}
	for _, tt := range tests {
		if got := titleShape(tt.line); got != tt.want {
			t.Errorf("titleShape(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestStructureWhateverTheMarkup: the same document with its unnumbered
// headings in Markdown at any level, or as plain lines (a PDF), gives the
// same outline.
func TestStructureWhateverTheMarkup(t *testing.T) {
	variants := map[string]string{
		"markdown": "# Convention nationale\n\n## Préambule\n\nLes parties conviennent.\n\n## Article 1er\n\nTexte.\n\n### Objectifs\n\nSuite du texte.\n\n## Annexes\n\n### Annexe 1\n\nTarifs.\n",
		"levels":   "## Convention nationale\n\n### Préambule\n\nLes parties conviennent.\n\n### Article 1er\n\nTexte.\n\n#### Objectifs\n\nSuite du texte.\n\n# Annexes\n\n## Annexe 1\n\nTarifs.\n",
		"plain":    "Convention nationale\n\nPréambule\n\nLes parties conviennent.\n\nArticle 1er\n\nTexte.\n\nObjectifs\n\nSuite du texte.\n\nAnnexes\n\nAnnexe 1\n\nTarifs.\n",
	}
	want := `0 title - convention-nationale | Convention nationale | 
1 preamble - preambule | Préambule | Les parties conviennent.
1 article 1er art-1 | Article 1er | Texte.⏎⏎Objectifs⏎⏎Suite du texte.
1 section - annexes | Annexes | 
1 annex 1 annexe-1 | Annexe 1 | Tarifs.
`
	for name, in := range variants {
		d := Parse(in)
		checkDocument(t, in, d)
		if got := outline(d); got != want {
			t.Errorf("%s:\n%s\nwant:\n%s", name, got, want)
		}
	}
}

// TestLinesThatAreNoHeadings: the dateline of a convention, before its
// first article or before its annexes, is a line of the text, not a title
// over every clause nor the name of a group; so are the signatures closing
// it, short lines that are no headings, the last of them too, though it
// stands right before the annexes as a group's name would; a group's name
// after a sentence is still one.
func TestLinesThatAreNoHeadings(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Signée le 4 juin 2024\n\nArticle 1\n\nTexte.\n\nArticle 2\n\nSuite.\n", `0 paragraph - signee-le-4-juin-2024 |  | Signée le 4 juin 2024
0 article 1 art-1 | Article 1 | Texte.
0 article 2 art-2 | Article 2 | Suite.
`},
		{"Convention nationale\n\nFait à Paris, le 4 juin 2024\n\nTitre I\n\nArticle 1\n\nTexte.\n", `0 title - convention-nationale | Convention nationale | Fait à Paris, le 4 juin 2024
1 title I titre-1 | Titre I | 
2 article 1 art-1 | Article 1 | Texte.
`},
		{"Article 1\n\nTexte.\n\nFait à Paris, le 4 juin 2024.\n\nAnnexe 1\n\nTarifs.\n", `0 article 1 art-1 | Article 1 | Texte.⏎⏎Fait à Paris, le 4 juin 2024.
0 annex 1 annexe-1 | Annexe 1 | Tarifs.
`},
		{"Article 9\n\nTexte.\n\nPour MG France\n\nLa présidente\n\nAgnès GIANNOTTI\n\nAnnexe 1\n\nTarifs.\n", `0 article 9 art-9 | Article 9 | Texte.⏎⏎Pour MG France⏎⏎La présidente⏎⏎A
0 annex 1 annexe-1 | Annexe 1 | Tarifs.
`},
		{"Article 9\n\nTexte.\n\nTarifs des honoraires\n\nAnnexe 1\n\nTarifs.\n", `0 article 9 art-9 | Article 9 | Texte.
0 section - tarifs-des-honoraires | Tarifs des honoraires | 
0 annex 1 annexe-1 | Annexe 1 | Tarifs.
`},
		// One short paragraph is no run of signatures: the group's name
		// after it is one.
		{"Article 5\n\nLes actes sont valorisés.\n\nHors majorations\n\nDispositions finales\n\nArticle 6\n\nFin.\n", `0 article 5 art-5 | Article 5 | Les actes sont valorisés.⏎⏎Hors majorati
0 section - dispositions-finales | Dispositions finales | 
0 article 6 art-6 | Article 6 | Fin.
`},
	} {
		d := Parse(tt.in)
		checkDocument(t, tt.in, d)
		if got := outline(d); got != tt.want {
			t.Errorf("%q:\n%s\nwant:\n%s", tt.in, got, tt.want)
		}
	}
}

func TestStripEmphasis(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Un **règlement arbitral** est venu", "Un règlement arbitral est venu"},
		{"- 5 **Valoriser** les _soins_.", "- 5 Valoriser les soins."},
		{"**applicable depuis le 1<sup>er</sup> mai 2023**,", "applicable depuis le 1<sup>er</sup> mai 2023,"},
		{"* un point", "* un point"},
		{"Renvoi (*) et 3 * 4", "Renvoi (*) et 3 * 4"},
		{"le fichier mon_fichier reste", "le fichier mon_fichier reste"},
	}
	for _, tt := range tests {
		if got := stripEmphasis(tt.in); got != tt.want {
			t.Errorf("stripEmphasis(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A heading set in bold or italics is read as the same line without its
// markers, as a Word file's bold heading is: the same clauses from either.
func TestParseEmphasisedHeadings(t *testing.T) {
	plain := "# Convention\n\nArticle 12 – Consultation\n\nLa consultation G est à 30 €.\n\nTITRE II\n\nArt. 13. – Est approuvée la convention signée le 4 juin 2024.\n\n* un point\n"
	emphasised := "# Convention\n\n**Article 12 – Consultation**\n\nLa consultation G est à 30 €.\n\n__TITRE II__\n\n**Art. 13.** – Est approuvée la convention signée le 4 juin 2024.\n\n* un point\n"
	want := outline(Parse(plain))
	d := Parse(emphasised)
	checkDocument(t, emphasised, d)
	if got := outline(d); got != want {
		t.Errorf("emphasised headings:\n%s\nwant, as plain lines:\n%s", got, want)
	}
	if !strings.Contains(want, "Art. 13. | Est approuvée") {
		t.Errorf("plain run-in article not read as one:\n%s", want)
	}
}

func TestEmphasised(t *testing.T) {
	tests := []struct {
		in, t           string
		marker, closeAt int
		ok              bool
	}{
		{"**Article 12**", "Article 12", 2, 10, true},
		{"**Art. 1er.** – Est approuvée", "Art. 1er. – Est approuvée", 2, 9, true},
		{"__TITRE II__", "TITRE II", 2, 8, true},
		{"*Chapitre 3*", "Chapitre 3", 1, 10, true},
		{"* un point", "", 0, 0, false},
		{"**Article 12 sans fin", "", 0, 0, false},
		{"**a**b** c", "a**b c", 2, 4, true},
		{"***", "", 0, 0, false},
	}
	for _, tt := range tests {
		tx, m, c, ok := emphasised(tt.in)
		if tx != tt.t || m != tt.marker || c != tt.closeAt || ok != tt.ok {
			t.Errorf("emphasised(%q) = %q %d %d %v, want %q %d %d %v", tt.in, tx, m, c, ok, tt.t, tt.marker, tt.closeAt, tt.ok)
		}
	}
}

// TestDivisionsNestWhateverTheMarkup: a bill's titles hold its chapters,
// its chapters their sections and articles, however its markdown levels
// them (a Word file styling every division "Heading 2" gives the same),
// as the same lines in plain text do; a title never holds the next title,
// an article no article set a level below it.
func TestDivisionsNestWhateverTheMarkup(t *testing.T) {
	body := []string{"TITRE IER", "CHAPITRE IER", "Article 1er", "Texte 1.",
		"Section 1", "Sous-section 1", "Paragraphe 2", "Article 2", "Texte 2.",
		"TITRE II", "Article 3", "Texte 3."}
	levels := map[string][]int{
		"plain":       {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		"same level":  {2, 2, 2, 0, 2, 2, 2, 2, 0, 2, 2, 0},
		"nested":      {1, 2, 3, 0, 3, 4, 5, 6, 0, 1, 2, 0},
		"articles h2": {2, 3, 2, 0, 3, 3, 3, 2, 0, 2, 2, 0},
		"second in":   {1, 2, 3, 0, 3, 4, 5, 6, 0, 2, 3, 0},
		"articles in": {1, 2, 3, 0, 3, 4, 5, 4, 0, 2, 4, 0},
	}
	want := `0 title IER titre-1 | TITRE IER | 
1 chapter IER chap-1 | CHAPITRE IER | 
2 article 1er art-1 | Article 1er | Texte 1.
2 section 1 sect-1 | Section 1 | 
3 section 1 sous-sect-1 | Sous-section 1 | 
4 section 2 paragraphe-2 | Paragraphe 2 | 
5 article 2 art-2 | Article 2 | Texte 2.
0 title II titre-2 | TITRE II | 
1 article 3 art-3 | Article 3 | Texte 3.
`
	for name, lv := range levels {
		var b strings.Builder
		for i, l := range body {
			b.WriteString(strings.Repeat("#", lv[i]))
			if lv[i] > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(l + "\n\n")
		}
		in := b.String()
		d := Parse(in)
		checkDocument(t, in, d)
		if got := outline(d); got != want {
			t.Errorf("%s:\n%s\nwant:\n%s", name, got, want)
		}
	}
	for _, in := range []string{"Article 28\n\nA.\n\nArticle 28.1\n\nB.\n", "### Article 28\n\nA.\n\n#### Article 28.1\n\nB.\n"} {
		d := Parse(in)
		checkDocument(t, in, d)
		if got, want := outline(d), "0 article 28 art-28 | Article 28 | A.\n0 article 28.1 art-28-1 | Article 28.1 | B.\n"; got != want {
			t.Errorf("%q:\n%s\nwant:\n%s", in, got, want)
		}
	}
}

// TestLowerCaseTitle: the Senate prints a bill's title in lower case; the
// first line of a text names it however it is cased, so the title of two
// readings is one clause. A line in lower case further on is text.
func TestLowerCaseTitle(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"projet de loi organique relatif à la transparence de la vie publique\n\nArticle 1er\n\nTexte.\n",
			`0 title - projet-de-loi-organique-relatif-a-la | projet de loi organique relatif à la transparence de la vie publique | 
1 article 1er art-1 | Article 1er | Texte.
`},
		{"\n\nproposition de loi visant à simplifier\n\nArticle unique\n\nTexte.\n",
			`0 title - proposition-de-loi-visant-a-simplifier | proposition de loi visant à simplifier | 
1 article unique art-1 | Article unique | Texte.
`},
		// A sentence, or a line that is not the first, stays text.
		{"les parties conviennent de ce qui suit :\n\nArticle 1\n\nTexte.\n",
			`0 paragraph - les-parties-conviennent-de-ce-qui-suit | ` + ` | les parties conviennent de ce qui suit :
0 article 1 art-1 | Article 1 | Texte.
`},
		{"Convention nationale\n\nentre les parties\n\nArticle 1\n\nTexte.\n",
			`0 title - convention-nationale | Convention nationale | entre les parties
1 article 1 art-1 | Article 1 | Texte.
`},
	} {
		d := Parse(tt.in)
		checkDocument(t, tt.in, d)
		if got := outline(d); got != tt.want {
			t.Errorf("%q:\n%s\nwant:\n%s", tt.in, got, tt.want)
		}
	}
}
