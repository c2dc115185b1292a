package amend

import (
	"strings"
	"testing"
)

// The consolidated text is the base's where no instruction touched it:
// the no-break spaces the reader makes plain come back, in the clauses an
// instruction changed too, and words taken out before a stop set apart by
// one leave it. Before, every no-break space of the base (U+00A0 in
// "30 €", U+202F before ":" and "%") was a plain space in what apply
// printed.
func TestWithSpaces(t *testing.T) {
	source := "# Convention\n\n### Article 1 - Objet\n\nLa caisse en est informée\u202f: elle tient la liste.\n\nLe médecin salarié n'y adhère pas\u00a0;\u00a0le médecin retraité non plus.\n\n" +
		"### Article 2 - Tarifs\n\nLa consultation est fixée à 30\u00a0€. La visite, majorée de 10\u202f%, est fixée à 35\u00a0€.\n\n" +
		"## Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 30\u00a0€ |\n"
	base := decodeDoc(t, []byte(source))
	c, err := Consolidate(WithSpaces(base, []byte(source)), "# Avenant\n\n## Article 1\n\nÀ l'article 2, le montant « 35 € » est remplacé par le montant « 38 € ».\n\n## Article 2\n\nAu second alinéa de l'article 1, le mot « pas » est supprimé.\n", Markdown)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"informée\u202f: elle", "n'y adhère\u00a0;\u00a0le médecin", "fixée à 30\u00a0€. La visite, majorée de 10\u202f%, est fixée à 38 €.", "| G | Consultation | 30\u00a0€ |"} {
		if !strings.Contains(c.Text, want) {
			t.Errorf("%q is not in the consolidated text:\n%s", want, c.Text)
		}
	}
	if strings.ContainsAny(c.Doc.Clauses[2].Text, "\u00a0\u202f") {
		t.Errorf("the consolidated document, read as any text is, holds no-break spaces: %q", c.Doc.Clauses[2].Text)
	}
	for _, c := range base.Clauses {
		if strings.ContainsAny(c.Text, "\u00a0\u202f") {
			t.Fatalf("WithSpaces changed the base: %q", c.Text)
		}
	}
	// A source that is not the base's text gives the base back.
	if got := WithSpaces(base, []byte("Autre\u00a0texte.\n")); got != base {
		t.Error("WithSpaces of another text changed the base")
	}
}
