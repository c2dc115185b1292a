package amend

import (
	"strings"
	"testing"
)

// The consolidated text is the base's where no instruction touched it:
// the no-break spaces the reader makes plain come back, in the clauses an
// instruction changed too, around what it changed (character by
// character: "35 €" replaced by "38 €" keeps the space the two share,
// and of the spaces around words taken out or put in, the one kept
// beside the stop, the symbol or the quote it binds to is the source's:
// before, "n'y adhère pas ;" less "pas" lost the no-break space before
// ";", and words put after "salarié" took it away from ";"). Instructions apply to
// the text as read: a heading "Annexe 1" or a marker "II. -" set with a
// no-break space is read as any other. Before, every no-break space of
// the base (U+00A0 in "30 €", U+202F before ":" and "%") was a plain space
// in what apply printed.
func TestKeepSpaces(t *testing.T) {
	source := "# Convention\n\n### Article\u00a01 - Objet\n\nLa caisse en est informée\u202f: elle tient la liste.\n\nII.\u00a0- Le médecin salarié n'y adhère pas\u00a0;\u00a0le médecin retraité non plus.\n\n" +
		"### Article\u00a02 - Tarifs\n\nLa consultation est fixée à 30\u00a0€. La visite, majorée de 10\u202f%, est fixée à 35\u00a0€. Elle est dite «\u00a0de référence\u00a0».\n\n" +
		"## Annexe\u00a01 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 30\u00a0€ |\n| VG | Visite | 35\u00a0€ |\n"
	base := decodeDoc(t, []byte(source))
	for _, tc := range []struct {
		name, amend string
		want        []string
	}{
		{name: "words replaced", amend: "À l'article 2, le montant « 35 € » est remplacé par le montant « 38 € ».",
			want: []string{"informée\u202f: elle", "## Article\u00a02 - Tarifs", "fixée à 30\u00a0€. La visite, majorée de 10\u202f%, est fixée à 38\u00a0€.", "| G | Consultation | 30\u00a0€ |"}},
		{name: "words taken out before a stop", amend: "Au second alinéa de l'article 1, le mot « pas » est supprimé.",
			want: []string{"n'y adhère\u00a0;\u00a0le médecin"}},
		{name: "words taken out before a colon", amend: "Au premier alinéa de l'article 1, le mot « informée » est supprimé.",
			want: []string{"La caisse en est\u202f: elle"}},
		{name: "words put before a stop", amend: "Au second alinéa de l'article 1, après le mot « pas », sont insérés les mots « davantage ».",
			want: []string{"n'y adhère pas davantage\u00a0;\u00a0le médecin"}},
		{name: "words put in a quotation", amend: "À l'article 2, avant les mots « de référence », est inséré le mot « consultation ».",
			want: []string{"dite «\u00a0consultation de référence\u00a0»."}},
		{name: "words put after a marker", amend: "Au début du II de l'article 1, sont insérés les mots « Sauf exception, ».",
			want: []string{"II.\u00a0- Sauf exception, le médecin salarié"}},
		{name: "an annex rewritten by a table", amend: "L'annexe 1 est remplacée par les dispositions suivantes :\n\n« | Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 31 € | »",
			want: []string{"## Annexe\u00a01 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 31 € |\n"}},
		{name: "an article renumbered", amend: "L'article 2 devient l'article 3.",
			want: []string{"## Article\u00a03 - Tarifs"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := ConsolidateKeeping(base, ReadSpaces(base, []byte(source)), "# Avenant\n\n## Article 1\n\n"+tc.amend+"\n", Markdown)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range tc.want {
				if !strings.Contains(c.Text, want) {
					t.Errorf("%q is not in the consolidated text:\n%s", want, c.Text)
				}
			}
			for _, cl := range c.Doc.Clauses {
				if strings.ContainsAny(cl.Heading+cl.Text, "\u00a0\u202f") {
					t.Errorf("the consolidated document, read as any text is, holds no-break spaces: %q", cl.Text)
				}
			}
		})
	}
	// A source that is not the base's text keeps no space of its own.
	if sp := ReadSpaces(base, []byte("Autre\u00a0texte.\n")); sp != nil && strings.Join(sp.text, "") != "" {
		t.Errorf("ReadSpaces of another text kept %q", sp.text)
	}
}

// A Markdown base that skips a heading level ("## Titre II", then "####
// Article 16") is written back so, and an article inserted beside them
// at their level. Before, every heading was written at its depth: the
// consolidation read the same but changed every such line of the base.
func TestKeepHeadingLevels(t *testing.T) {
	source := "# Convention\n\n## Titre I - Général\n\n### Chapitre 1 - Champ\n\n#### Article 1 - Objet\n\nLa convention règle les rapports.\n\n" +
		"## Titre II - Fin\n\n#### Article 16 - Durée\n\nElle est conclue pour cinq ans.\n\n#### Article 17 - Suivi\n\nUn bilan est fait.\n"
	base := decodeDoc(t, []byte(source))
	c, err := ConsolidateKeeping(base, ReadSpaces(base, []byte(source)), "# Avenant\n\n## Article 1\n\nAprès l'article 16, il est inséré un article 16 bis ainsi rédigé : « Le bilan est public. »\n", Markdown)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(source, "#### Article 17", "#### Article 16 bis\n\nLe bilan est public.\n\n#### Article 17", 1)
	if c.Text != want {
		t.Errorf("got\n%s\nwant\n%s", c.Text, want)
	}
}
