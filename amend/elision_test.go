package amend

import (
	"slices"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// Words put in, or taken out, meet the words around them as French writes
// them: the article before a word replaced is elided or contracted by the
// word put in. Before, « patient » replaced by « assuré » gave "le
// assuré", "du assuré", "au assuré"; « document » by « avis », "ce avis";
// « présent » taken out of "le présent avenant", "le avenant"; and
// « assuré » replaced by « patient », "l'patient", all without a word.
func TestElisionAtSeams(t *testing.T) {
	base := clause.Parse("# Convention\n\n### Article 3 - Objet\n\nLe patient choisit son médecin. Le médecin remet au patient le devis du patient.\n\n" +
		"### Article 4 - Avenant\n\nLe présent avenant est signé. Ce document est transmis à l'organisme.\n\n" +
		"### Article 5 - Droits\n\nLes droits de l'assuré sont affichés. Il informe la personne. Il remet le dossier.\n\n" +
		"### Article 6 - Accès\n\nL'accès de l'assuré au dossier est libre.\n\n### Article 7 - Union\n\nIl transmet à l'Union régionale. La caisse le vérifie.\n")
	runApplyCases(t, base, []applyCase{
		{name: "le, au, du", amend: "### Article 1er\n\nÀ l'article 3, le mot « patient » est remplacé par le mot « assuré » (trois fois).",
			clause: "article 3", want: "L'assuré choisit son médecin. Le médecin remet à l'assuré le devis de l'assuré."},
		{name: "ce", amend: "### Article 1er\n\nÀ l'article 4, le mot « document » est remplacé par le mot « avis ».",
			clause: "article 4", want: "Le présent avenant est signé. Cet avis est transmis à l'organisme."},
		{name: "a word taken out", amend: "### Article 1er\n\nÀ l'article 4, le mot « présent » est supprimé.",
			clause: "article 4", want: "L'avenant est signé. Ce document est transmis à l'organisme."},
		{name: "a word put before", amend: "### Article 1er\n\nÀ l'article 5, avant le mot « dossier », est inséré le mot « unique ».",
			clause: "article 5", want: "Les droits de l'assuré sont affichés. Il informe la personne. Il remet l'unique dossier."},
		{name: "l' before a consonant, by the text's gender", amend: "### Article 1er\n\nÀ l'article 5, le mot « assuré » est remplacé par le mot « patient ».",
			clause: "article 5", want: "Les droits du patient sont affichés. Il informe la personne. Il remet le dossier."},
		{name: "l' before a feminine noun", amend: "### Article 1er\n\nÀ l'article 5, le mot « assuré » est remplacé par le mot « personne ».",
			clause: "article 5", want: "Les droits de la personne sont affichés. Il informe la personne. Il remet le dossier."},
		{name: "a sentence's capital", amend: "### Article 1er\n\nÀ l'article 6, le mot « accès » est remplacé par le mot « droit ».",
			err: "Article 1er: the words put in make « L'droit », and « L' » is written before « droit » by its gender, which the text does not show (no « le » or « la » before it): quote the word before with the words"},
		{name: "an h nobody decides", amend: "### Article 1er\n\nÀ l'article 4, le mot « document » est remplacé par le mot « hologramme ».",
			err: "Article 1er: the words put in make « Ce hologramme », and whether « Ce » is written before « hologramme » as before a vowel is not known (is its h aspirated?): quote the word before with the words"},
		// The gender is the noun's in either case: "la caisse" for
		// "Caisse primaire".
		{name: "a noun with a capital", amend: "### Article 1er\n\nÀ l'article 7, les mots « Union régionale » sont remplacés par les mots « Caisse primaire ».",
			clause: "article 7", want: "Il transmet à la Caisse primaire. La caisse le vérifie."},
		{name: "the article quoted", amend: "### Article 1er\n\nÀ l'article 6, les mots « L'accès » sont remplacés par les mots « Le droit d'accès ».",
			clause: "article 6", want: "Le droit d'accès de l'assuré au dossier est libre."},
	})
}

// An instruction applies as written: « personne » for « patient » after
// "le" is "le personne", as the law would read. Where the text shows the
// noun's other gender ("la personne"), a note says so; where it does not,
// nothing is guessed. Before, the result was printed without a word.
func TestGenderDisagreementNoted(t *testing.T) {
	base := clause.Parse("# Convention\n\n### Article 1er - Objet\n\nLa personne accompagnée est informée.\n\n### Article 2 - Suivi\n\nLe médecin informe le patient. Il remet au patient un document.\n")
	for _, tc := range []struct {
		name, amend, want string
		notes             []string
	}{
		{"a feminine noun after le", "### Article 1er\n\nÀ l'article 2, le mot « patient » est remplacé par le mot « personne » (deux fois).",
			"Le médecin informe le personne. Il remet au personne un document.",
			[]string{"Article 1er: the words put in make « au personne », and the text writes « la personne »: applied as written",
				"Article 1er: the words put in make « le personne », and the text writes « la personne »: applied as written"}},
		{"a gender the text does not show", "### Article 1er\n\nÀ l'article 2, le mot « patient » est remplacé par le mot « malade » (deux fois).",
			"Le médecin informe le malade. Il remet au malade un document.", nil},
		{"the article quoted with the noun", "### Article 1er\n\nÀ l'article 2, les mots « le patient » sont remplacés par les mots « la personne ».",
			"Le médecin informe la personne. Il remet au patient un document.", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			set, err := parse(amendDoc(tc.amend))
			if err != nil {
				t.Fatal(err)
			}
			res, err := apply(base, set, Markdown)
			if err != nil {
				t.Fatal(err)
			}
			if got := lookup(res.Doc, "article 2"); got == nil || got.Text != tc.want {
				t.Fatalf("article 2: %+v, want %q", got, tc.want)
			}
			if !slices.Equal(res.Notes, tc.notes) {
				t.Errorf("notes %q, want %q", res.Notes, tc.notes)
			}
		})
	}
}
