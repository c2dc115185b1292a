package amend

import (
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// An article or point number is read whole, whatever Latin adverb or
// letters a bill gives it. Before, the pattern knew the adverbs up to
// "decies" and two capitals: "L'article 2 undecies est abrogé" removed
// article 2, "L'article 2 bis AAA est abrogé" article 2 bis, and "au 3°
// quinquies" amended the 3°, all without a word.
func TestNumbersReadWhole(t *testing.T) {
	base := clause.Parse("# Projet de loi\n\n## Article 2\n\nDeux.\n\n## Article 2 undecies\n\nOnze.\n\n" +
		"## Article 2 bis\n\nBis.\n\n## Article 2 bis AAA\n\nTrois A.\n\n" +
		"## Article 3\n\nI. – Le texte :\n\n3° Le premier point ;\n\n3° quinquies Le second point ;\n\n4° Le dernier point.\n")
	runApplyCases(t, base, []applyCase{
		{name: "undecies", amend: "### Article 1er\n\nL'article 2 undecies est abrogé.", clause: "article 2 undecies", gone: true},
		{name: "undecies leaves 2", amend: "### Article 1er\n\nL'article 2 undecies est abrogé.", clause: "article 2", want: "Deux."},
		{name: "three capitals", amend: "### Article 1er\n\nL'article 2 bis AAA est abrogé.", clause: "article 2 bis", want: "Bis."},
		{name: "three capitals, words", amend: "### Article 1er\n\nÀ l'article 2 bis AAA, le mot « Trois » est remplacé par le mot « Quatre ».",
			clause: "article 2 bis AAA", want: "Quatre A."},
		{name: "a point quinquies", amend: "### Article 1er\n\nAu 3° quinquies du I de l'article 3, le mot « second » est remplacé par le mot « dernier ».",
			clause: "article 3", want: "I. – Le texte :\n\n3° Le premier point ;\n\n3° quinquies Le dernier point ;\n\n4° Le dernier point."},
		// A point between two runs to the next point of its kind:
		// before, read as a Roman one, "3° bis" ran to the end of the I.
		{name: "a point quinquies removed", amend: "### Article 1er\n\nLe 3° quinquies du I de l'article 3 est supprimé.",
			clause: "article 3", want: "I. – Le texte :\n\n3° Le premier point ;\n\n4° Le dernier point."},
		{name: "four capitals", amend: "### Article 1er\n\nL'article 2 bis AAAA est abrogé.",
			err: "Article 1er: names an article whose number is not read whole (article 2 bis AAAA): no such number is known"},
		{name: "an adverb unknown", amend: "### Article 1er\n\nL'article 2 unquadragies est abrogé.",
			err: "Article 1er: names an article whose number is not read whole (article 2 unquadragies): no such number is known"},
	})
}

// Points are looked for outermost first, however the instruction orders
// them. Before, "Au I de l'article 10, après le 2°, il est inséré un 2°
// bis" looked for an I inside the 2°: "point I is not in article 10".
func TestPointsOutermostFirst(t *testing.T) {
	base := clause.Parse("# Convention\n\n## Article 10 - Rémunération\n\nI. – Le médecin perçoit :\n\n1° Un forfait structure ;\n\n2° Un forfait patientèle ;\n\n" +
		"3° Une rémunération versée en mai.\n\nII. – Les montants sont fixés à l'annexe 1 :\n\n1° En janvier ;\n\n2° En mai.\n")
	const ii = "\n\nII. – Les montants sont fixés à l'annexe 1 :\n\n1° En janvier ;\n\n2° En mai."
	runApplyCases(t, base, []applyCase{
		{name: "a point inserted", amend: "### Article 1er\n\nAu I de l'article 10, après le 2°, il est inséré un 2° bis ainsi rédigé :\n\n« 2° bis Un forfait d'équipement ; »",
			clause: "article 10", want: "I. – Le médecin perçoit :\n\n1° Un forfait structure ;\n\n2° Un forfait patientèle ;\n\n2° bis Un forfait d'équipement ;\n\n3° Une rémunération versée en mai." + ii},
		{name: "the outer point first", amend: "### Article 1er\n\nAu II de l'article 10, au 2°, le mot « mai » est remplacé par le mot « juin ».",
			clause: "article 10", want: "I. – Le médecin perçoit :\n\n1° Un forfait structure ;\n\n2° Un forfait patientèle ;\n\n3° Une rémunération versée en mai." +
				"\n\nII. – Les montants sont fixés à l'annexe 1 :\n\n1° En janvier ;\n\n2° En juin."},
	})
}
