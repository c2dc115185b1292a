package amend

import (
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// An annex is renumbered as an article is, and an annexed règlement
// numbers its articles apart from the convention's: an article of the
// annex is renumbered within it, a number only the annex bears is free for
// the convention, and an article created by its number goes among the
// convention's. Before, "L'annexe 2 devient l'annexe 3" and "L'article 2
// de l'annexe 1 devient l'article 3 de l'annexe 1" were not understood,
// "L'article 3 devient l'article 5" was refused for the annex's article 5,
// and "Il est créé un article 6" went into the annex, after its article 5.
func TestRenumberAnnexes(t *testing.T) {
	base := clause.Parse(`# Convention

### Article 1er - Objet

La convention règle les rapports.

### Article 2 - Durée

Elle est conclue pour cinq ans.

### Article 3 - Consultation

La consultation est à 30 €.

## Annexe 1 - Règlement intérieur de la commission

### Article 1er - Composition

La commission comprend douze membres.

### Article 2 - Réunions

Elle se réunit deux fois par an.

### Article 5 - Secrétariat

Le secrétariat est assuré par la caisse.

## Annexe 2 - Tarifs

| Code | Libellé | Tarif |
|---|---|---|
| G | Consultation | 30 € |
`)
	for _, tc := range []struct{ name, amend, want, err string }{
		{name: "an annex", amend: "L'annexe 2 devient l'annexe 3.",
			want: "Article 1er - Objet; Article 2 - Durée; Article 3 - Consultation; Annexe 1 - Règlement intérieur de la commission; Article 1er - Composition; Article 2 - Réunions; Article 5 - Secrétariat; Annexe 3 - Tarifs"},
		{name: "annexes, a list", amend: "Les annexes 1 et 2 deviennent respectivement les annexes 2 et 3.",
			want: "Article 1er - Objet; Article 2 - Durée; Article 3 - Consultation; Annexe 2 - Règlement intérieur de la commission; Article 1er - Composition; Article 2 - Réunions; Article 5 - Secrétariat; Annexe 3 - Tarifs"},
		{name: "an annex onto one that stays", amend: "L'annexe 1 devient l'annexe 2.", err: "Article 1er: annexe 2 is already in the text"},
		{name: "an article of an annex", amend: "L'article 2 de l'annexe 1 devient l'article 3 de l'annexe 1.",
			want: "Article 1er - Objet; Article 2 - Durée; Article 3 - Consultation; Annexe 1 - Règlement intérieur de la commission; Article 1er - Composition; Article 3 - Réunions; Article 5 - Secrétariat; Annexe 2 - Tarifs"},
		{name: "an article of an annex, named once", amend: "L'article 2 de l'annexe 1 devient l'article 3.",
			want: "Article 1er - Objet; Article 2 - Durée; Article 3 - Consultation; Annexe 1 - Règlement intérieur de la commission; Article 1er - Composition; Article 3 - Réunions; Article 5 - Secrétariat; Annexe 2 - Tarifs"},
		{name: "under a lead-in naming the annex", amend: "L'annexe 1 est ainsi modifiée :\n\n1° L'article 2 devient l'article 3 ;\n\n2° L'article 1er devient l'article 2.",
			want: "Article 1er - Objet; Article 2 - Durée; Article 3 - Consultation; Annexe 1 - Règlement intérieur de la commission; Article 2 - Composition; Article 3 - Réunions; Article 5 - Secrétariat; Annexe 2 - Tarifs"},
		{name: "onto an article of the same annex", amend: "L'article 2 de l'annexe 1 devient l'article 5 de l'annexe 1.", err: "Article 1er: article 5 of annexe 1 is already in the text"},
		{name: "into another annex", amend: "L'article 2 de l'annexe 1 devient l'article 3 de l'annexe 2.", err: "Article 1er: moves article 2 to annexe 2: a new number keeps an article where it is"},
		{name: "an article become an annex", amend: "L'article 3 devient l'annexe 3.", err: "Article 1er: makes article 3 annexe 3: only a number changes"},
		{name: "a number only the annex bears", amend: "L'article 3 devient l'article 5.",
			want: "Article 1er - Objet; Article 2 - Durée; Article 5 - Consultation; Annexe 1 - Règlement intérieur de la commission; Article 1er - Composition; Article 2 - Réunions; Article 5 - Secrétariat; Annexe 2 - Tarifs"},
		{name: "created by its number", amend: "Il est créé un article 6 ainsi rédigé :\n\n« Article 6 - Suivi\n\n« Un bilan est fait chaque année. »",
			want: "Article 1er - Objet; Article 2 - Durée; Article 3 - Consultation; Article 6 - Suivi; Annexe 1 - Règlement intérieur de la commission; Article 1er - Composition; Article 2 - Réunions; Article 5 - Secrétariat; Annexe 2 - Tarifs"},
		{name: "inserted with a number only the annex bears", amend: "Après l'article 3, il est inséré un article 5 ainsi rédigé : « Un bilan est fait chaque année. »",
			want: "Article 1er - Objet; Article 2 - Durée; Article 3 - Consultation; Article 5; Annexe 1 - Règlement intérieur de la commission; Article 1er - Composition; Article 2 - Réunions; Article 5 - Secrétariat; Annexe 2 - Tarifs"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			set, err := parse(amendDoc("### Article 1er\n\n" + tc.amend))
			var res *Result
			if err == nil {
				res, err = apply(base, set, Markdown)
			}
			if tc.err != "" || err != nil {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			var headings []string
			for _, c := range res.Doc.Clauses {
				if c.Kind == clause.KindArticle || c.Kind == clause.KindAnnex {
					headings = append(headings, c.Heading)
				}
			}
			if got := strings.Join(headings, "; "); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// orderCase is an amending article and the articles it leaves, each as
// its number and text, in order, or the error it gives instead.
type orderCase struct{ name, amend, want, err string }

func runOrderCases(t *testing.T, base *clause.Document, cases []orderCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Consolidate(base, "### Article 1er\n\n"+tc.amend+"\n", Markdown)
			if tc.err != "" || err != nil {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			var got []string
			for _, c := range c.Doc.Clauses {
				if c.Kind == clause.KindArticle {
					got = append(got, c.Number+" "+c.Text)
				}
			}
			if strings.Join(got, ", ") != tc.want {
				t.Errorf("articles:\n got %s\nwant %s", strings.Join(got, ", "), tc.want)
			}
		})
	}
}

// An article renumbered goes where its new number stands among the
// articles of its division, with what it holds: "L'article 3 devient
// l'article 1 bis" puts it after article 1, as a consolidated text reads.
// Before, it kept its place, an article 1 bis after article 2. A
// renumbering that keeps the order moves nothing, and in a division whose
// other articles do not stand in order, the place is not known: refused.
func TestRenumberedArticleTakesItsPlace(t *testing.T) {
	base := clause.Parse("# Convention\n\n## Titre I - Objet\n\n### Article 1 - Objet\n\nUn.\n\n### Article 2 - Missions\n\nDeux.\n\n### Article 3 - Tarifs\n\nTrois.\n\n" +
		"## Titre II - Fin\n\n### Article 4 - Durée\n\nQuatre.\n")
	runOrderCases(t, base, []orderCase{
		{name: "bis", amend: "L'article 3 devient l'article 1 bis.", want: "1 Un., 1 bis Trois., 2 Deux., 4 Quatre."},
		{name: "in order", amend: "L'article 3 est abrogé.\n\n### Article 2\n\nL'article 2 devient l'article 3.", want: "1 Un., 3 Deux., 4 Quatre."},
		{name: "swapped", amend: "Les articles 1 et 2 deviennent respectivement les articles 2 et 1.", want: "1 Deux., 2 Un., 3 Trois., 4 Quatre."},
		{name: "within its titre", amend: "L'article 1 devient l'article 5.", want: "2 Deux., 3 Trois., 5 Un., 4 Quatre."},
	})
	unordered := clause.Parse("# Convention\n\n### Article 2 - A\n\nA.\n\n### Article 1 - B\n\nB.\n\n### Article 3 - C\n\nC.\n")
	runOrderCases(t, unordered, []orderCase{
		{name: "among articles out of order", amend: "L'article 3 devient l'article 1 bis.",
			err: "Article 1er: article 1 bis is given a number whose place is not known: the articles around it do not stand in the order of their numbers"},
	})
}

// A clause moved ("est transféré après l'article 1", "est déplacé
// avant…", "… et devient l'article 2 bis") goes beside the clause named,
// with what it holds; one sent into a division, where in it unsaid, is
// refused. Before, every such instruction was refused, not understood.
func TestMovedArticle(t *testing.T) {
	base := clause.Parse("# Convention\n\n### Article 1 - Objet\n\nUn.\n\n### Article 2 - Missions\n\nDeux.\n\n### Article 3 - Tarifs\n\nTrois.\n")
	runOrderCases(t, base, []orderCase{
		{name: "after", amend: "L'article 3 est transféré après l'article 1.", want: "1 Un., 3 Trois., 2 Deux."},
		{name: "before, renumbered", amend: "L'article 1 est déplacé avant l'article 3 et devient l'article 2 bis.", want: "2 Deux., 2 bis Un., 3 Trois."},
		{name: "a number taken", amend: "L'article 3 est transféré après l'article 1 et devient l'article 2.", err: "Article 1er: article 2 is already in the text"},
		{name: "into a division", amend: "L'article 3 est transféré au titre II.", err: "Article 1er: instruction not understood: L'article 3 est transféré au titre II."},
	})
}
