package clause

import (
	"strings"
	"testing"
)

// A division's name printed on the line under its bare heading ("TITRE I"
// over "DISPOSITIONS GÉNÉRALES", a PDF's heading block, a Word heading and
// its next paragraph) is its title, as on the heading's line; a sentence or
// a line that the text goes on with stays text.
func TestDivisionTitleLine(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // heading | text of every container
	}{{
		name: "a heading block without blank lines",
		in:   "TITRE II\nDISPOSITIONS FINALES\nCHAPITRE 1er\nObjet et champ\nArticle 2\nTexte.\n",
		want: []string{"TITRE II – DISPOSITIONS FINALES | ", "CHAPITRE 1er – Objet et champ | "},
	}, {
		name: "paragraphs apart, text under the division",
		in:   "TITRE I\n\nDispositions générales\n\nLe présent titre fixe les règles communes.\n\nArticle 1er\n\nTexte.\n",
		want: []string{"TITRE I – Dispositions générales | Le présent titre fixe les règles communes."},
	}, {
		name: "markdown heading",
		in:   "## Section 1\n\nLes principes\n\n### Article 1er\n\nTexte.\n\n## Section 2\n\nSuite du texte\n\n### Article 2\n\nTexte.\n",
		want: []string{"Section 1 – Les principes | ", "Section 2 – Suite du texte | "},
	}, {
		name: "a division's last title at the end",
		in:   "Article 1er\n\nTexte.\n\nCHAPITRE III\nDISPOSITIONS TRANSITOIRES\n",
		want: []string{"CHAPITRE III – DISPOSITIONS TRANSITOIRES | "},
	}, {
		name: "a sentence under a division stays text",
		in:   "TITRE I\n\nLe présent titre fixe les règles.\n\nArticle 1er\n\nTexte.\n\nCHAPITRE 2\n\nLe présent chapitre est applicable aux médecins\n\nArticle 2\n\nTexte.\n",
		want: []string{"TITRE I | Le présent titre fixe les règles.", "CHAPITRE 2 | Le présent chapitre est applicable aux médecins"},
	}, {
		name: "a line the text goes on with stays text",
		in:   "CHAPITRE 2\nDispositions relatives aux médecins\nqui exercent en secteur 2.\n\nArticle 2\n\nTexte.\n\nCHAPITRE 3\nTarifs\nLes tarifs sont fixés ci-après.\n\nArticle 3\n\nTexte.\n",
		want: []string{"CHAPITRE 2 | Dispositions relatives aux médecins\nqui exercent en secteur 2.", "CHAPITRE 3 | Tarifs\nLes tarifs sont fixés ci-après."},
	}, {
		name: "over a table or a list, the line introduces them",
		in:   "Article 1er\n\nTexte.\n\nSECTION 1\n\nTarifs\n\n| Code | Tarif |\n|---|---|\n| G | 30 € |\n\nSECTION 2\n\nActes concernés\n\n- les visites ;\n- les consultations.\n\nArticle 2\n\nTexte.\n",
		want: []string{"SECTION 1 | Tarifs", "SECTION 2 | Actes concernés\n\n- les visites ;\n- les consultations."},
	}, {
		name: "a division's status is no title: its name stands under it",
		in:   "CHAPITRE IER A (nouveau)\nDispositions relatives au mandat\n\nArticle 1er A\n\nTexte.\n\nCHAPITRE IER B\n(Division et intitulé nouveaux)\nDispositions relatives aux élus\n\nArticle 1er B\n\nTexte.\n",
		want: []string{"CHAPITRE IER A (nouveau) – Dispositions relatives au mandat | ", "CHAPITRE IER B (Division et intitulé nouveaux) – Dispositions relatives aux élus | "},
	}, {
		// A converter from a PDF or Word sets the name as a heading of its
		// own, at the division's level or under it.
		name: "the name as a markdown heading of its own",
		in:   "## TITRE I\n\n## Dispositions générales\n\n### Article 1\n\nTexte.\n\n## TITRE II\n\n### Dispositions finales\n\nLe présent titre clôt.\n\n### Article 2\n\nTexte.\n",
		want: []string{"TITRE I – Dispositions générales | ", "TITRE II – Dispositions finales | Le présent titre clôt."},
	}, {
		name: "a markdown heading above the division names no division",
		in:   "### TITRE I\n\n## Annexes tarifaires\n\n### Article 1\n\nTexte.\n",
		want: []string{"TITRE I | "},
	}, {
		name: "a note of the procedure is no name: the name stands under it",
		in:   "CHAPITRE 2 (Réservé)\nDispositions relatives au mandat\n\nArticle 2\n\nTexte.\n\nCHAPITRE 3\n(Intitulé modifié)\nDispositions relatives aux élus\n\nArticle 3\n\nTexte.\n",
		want: []string{"CHAPITRE 2 (Réservé) – Dispositions relatives au mandat | ", "CHAPITRE 3 (Intitulé modifié) – Dispositions relatives aux élus | "},
	}, {
		name: "a titled division keeps its title",
		in:   "TITRE I – Dispositions générales\n\nObjet du titre\n\nArticle 1er\n\nTexte.\n",
		want: []string{"TITRE I – Dispositions générales | Objet du titre"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse(tt.in)
			checkDocument(t, tt.in, d)
			var got []string
			for _, c := range d.Clauses {
				if c.Kind != KindArticle && c.Kind != KindItem && c.Number != "" {
					got = append(got, c.Heading+" | "+c.Text)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("containers:\n%s\nwant:\n%s\noutline:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"), outline(d))
			}
		})
	}
}
