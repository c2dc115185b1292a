package amend

import (
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// An article replaced by several articles quoted becomes those articles.
// Before, "L'article 11 est remplacé par deux articles 11 et 11-1 ainsi
// rédigés" was not understood, and "L'article 11 est ainsi rédigé : «
// Article 11 … Article 12 … »" made the whole quotation, headings and all,
// article 11's text, beside the article 12 already there.
func TestReplacedBySeveralArticles(t *testing.T) {
	base := clause.Parse("# Convention\n\n## Article 11 - Téléconsultation\n\nElle est ouverte.\n\n## Article 12 - Suivi\n\nLe suivi est assuré.\n")
	const two = "« Article 11 - Téléconsultation\n\n« Elle est ouverte à tout assuré.\n\n« Article 11-1 - Télésoin\n\n« Le télésoin est ouvert.\n\n« | Code | Tarif |\n« |---|---|\n« | TLS | 10 € | »"
	runApplyCases(t, base, []applyCase{
		{name: "the first", amend: "### Article 1er\n\nL'article 11 est remplacé par deux articles 11 et 11-1 ainsi rédigés :\n\n" + two,
			clause: "article 11", want: "Elle est ouverte à tout assuré."},
		{name: "the second, with its table", amend: "### Article 1er\n\nL'article 11 est remplacé par deux articles 11 et 11-1 ainsi rédigés :\n\n" + two,
			clause: "row TLS", want: "| TLS | 10 € |"},
		{name: "other numbers quoted", amend: "### Article 1er\n\nL'article 11 est remplacé par deux articles 11 et 11 bis ainsi rédigés :\n\n" + two,
			err: "Article 1er: announces articles 11 et 11 bis, and quotes articles 11, 11-1"},
		{name: "an article there already", amend: "### Article 1er\n\nL'article 11 est ainsi rédigé :\n\n« Article 11 - Téléconsultation\n\n« Elle est ouverte.\n\n« Article 12 - Télésoin\n\n« Le télésoin est ouvert. »",
			err: "Article 1er: article 12 is already in the text"},
	})
}

// A quotation that rewrites or creates one clause and heads others after
// it is refused: "L'annexe 1 est remplacée par les dispositions suivantes
// : « Annexe 1 - … Annexe 3 - … »" wrote both headings into annex 1's
// text, and "Il est créé une annexe 2 ainsi rédigée : « Annexe 2 - …
// Annexe 3 - … »" put a second annex 3 beside the one there, exit 0.
func TestQuotationHeadsOthers(t *testing.T) {
	base := clause.Parse("# Convention\n\n## Article 1er - Objet\n\nTexte.\n\n## Annexe 1 - Tarifs\n\nTexte annexe 1.\n\n## Annexe 3 - Zones\n\nTexte annexe 3.\n")
	runApplyCases(t, base, []applyCase{
		{name: "an annex rewritten", amend: "### Article 1er\n\nL'annexe 1 est remplacée par les dispositions suivantes :\n\n« Annexe 1 - Tarifs\n\n« Nouveau texte.\n\n« Annexe 3 - Doublon\n\n« Texte doublon. »",
			err: "Article 1er: the text quoted for annexe 1 heads other clauses too (Annexe 3 - Doublon): one instruction for each"},
		{name: "its text alone", amend: "### Article 1er\n\nL'annexe 1 est remplacée par les dispositions suivantes :\n\n« Annexe 1 - Tarifs révisés\n\n« Nouveau texte. »",
			clause: "annex 1", want: "Nouveau texte."},
		{name: "an annex created", amend: "### Article 1er\n\nIl est créé une annexe 2 ainsi rédigée :\n\n« Annexe 2 - Nouvelle\n\n« Texte annexe 2.\n\n« Annexe 3 - Doublon\n\n« Texte doublon. »",
			err: "Article 1er: the annex quoted heads other clauses too (Annexe 3 - Doublon): one instruction for each"},
		{name: "an article rewritten", amend: "### Article 1er\n\nL'article 1er est ainsi rédigé :\n\n« Le texte est nouveau.\n\n« Annexe 4 - Autre\n\n« Texte. »",
			err: "Article 1er: the text quoted for article 1er heads other clauses too (Annexe 4 - Autre): one instruction for each"},
	})
}

// An article's heading quoted where the reader takes it for words (a
// number quoted twice) is refused: "remplacé par deux articles" quoting
// 11, 11-1 and 11-1 again met the count, the third article's heading and
// text written as words of the second, exit 0.
func TestHeadingQuotedAsWords(t *testing.T) {
	base := clause.Parse("# Convention\n\n## Article 11 - Suivi\n\nTexte onze.\n\n## Article 12 - Fin\n\nTexte douze.\n")
	const three = "« Article 11 - Nouveau\n\n« Texte nouveau.\n\n« Article 11-1 - Autre\n\n« Texte autre.\n\n« Article 11-1 - Encore\n\n« Texte encore. »"
	runApplyCases(t, base, []applyCase{
		{name: "replaced by several", amend: "### Article 1er\n\nL'article 11 est remplacé par deux articles ainsi rédigés :\n\n" + three,
			err: "Article 1er: quotes « Article 11-1 - Encore » inside article 11-1, which would read as its words (an article quoted twice?)"},
		{name: "inserted", amend: "### Article 1er\n\nAprès l'article 12, il est inséré un article 12-1 ainsi rédigé :\n\n« Article 12-1 - Nouveau\n\n« Texte.\n\n« Article 12-1 - Encore\n\n« Texte encore. »",
			err: "Article 1er: quotes « Article 12-1 - Encore » inside article 12-1, which would read as its words (an article quoted twice?)"},
		{name: "a reference is no heading", amend: "### Article 1er\n\nAprès l'article 12, il est inséré un article 12-1 ainsi rédigé :\n\n« Article 12-1 - Nouveau\n\n« Article 12 du code civil s'applique. »",
			clause: "article 12-1", want: "Article 12 du code civil s'applique."},
	})
}
