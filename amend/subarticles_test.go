package amend

import (
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// An article of a convention followed by the articles numbered under it
// (28 before 28.1 and 28.2, its siblings in the outline) is completed in
// its own text, and is repealed or rewritten whole only when the
// instruction says what goes with it. Before, "L'article 28 est abrogé"
// left 28.1 and 28.2 under no article 28, "L'article 28 est ainsi rédigé"
// gave an article of no text a paragraph above 28.1, and "L'article 28 est
// complété par un alinéa" (or "par une phrase") made one there, all
// without a word.
func TestArticlesNumberedUnder(t *testing.T) {
	heads := clause.Parse("# Convention\n\n## Article 27 - Avant\n\nTexte.\n\n## Article 28 - Forfait\n\n### Article 28.1 - Montant\n\nLe montant est de 5 €.\n\n" +
		"### Article 28.2 - Versement\n\nLe versement intervient en avril.\n\n## Article 29 - Après\n\nTexte.\n")
	const under = "articles 28.1, 28.2 are numbered under article 28, and the instruction does not say whether they go with it: name them (« les articles 28 à 28.2 »), or article 28 alone by its alinéas"
	runApplyCases(t, heads, []applyCase{
		{name: "repealed alone", amend: "### Article 1er\n\nL'article 28 est abrogé.", err: "Article 1er: " + under},
		{name: "rewritten alone", amend: "### Article 1er\n\nL'article 28 est ainsi rédigé : « Le forfait est supprimé. »", err: "Article 1er: " + under},
		{name: "a range stopping short", amend: "### Article 1er\n\nLes articles 27 à 28 sont abrogés.", err: "Article 1er: " + under},
		{name: "the range named", amend: "### Article 1er\n\nLes articles 28 à 28.2 sont abrogés.", clause: "article 28.2", gone: true},
		{name: "completed by an alinéa", amend: "### Article 1er\n\nL'article 28 est complété par un alinéa ainsi rédigé : « Il est majoré. »",
			err: "Article 1er: article 28 has no text of its own, and articles 28.1, 28.2 follow it: name the one the alinéa completes"},
		{name: "completed by a sentence", amend: "### Article 1er\n\nL'article 28 est complété par une phrase ainsi rédigée : « Il est majoré. »",
			err: "Article 1er: article 28 has no text of its own to complete with a sentence: name what it completes"},
		{name: "the article under it", amend: "### Article 1er\n\nL'article 28.2 est complété par un alinéa ainsi rédigé : « Il est majoré. »",
			clause: "article 28.2", want: "Le versement intervient en avril.\n\nIl est majoré."},
	})
	own := clause.Parse("# Convention\n\n## Article 28 - Forfait\n\nLe forfait est annuel.\n\n### Article 28.1 - Montant\n\nLe montant est de 5 €.\n")
	runApplyCases(t, own, []applyCase{
		{name: "its own text completed", amend: "### Article 1er\n\nL'article 28 est complété par un alinéa ainsi rédigé : « Il est majoré. »",
			clause: "article 28", want: "Le forfait est annuel.\n\nIl est majoré."},
		{name: "its own alinéa removed", amend: "### Article 1er\n\nLe premier alinéa de l'article 28 est supprimé.", clause: "article 28.1", want: "Le montant est de 5 €."},
	})
	code := clause.Parse("# Code de la sécurité sociale\n\n## Article L. 162-5\n\nLes rapports sont conventionnels.\n\n## Article L. 162-5-1\n\nLa convention dure cinq ans.\n")
	runApplyCases(t, code, []applyCase{
		{name: "a code's article is one of its own", amend: "### Article 1er\n\nL'article L. 162-5 du code de la sécurité sociale est abrogé.", clause: "article L. 162-5-1", want: "La convention dure cinq ans."},
	})
}
