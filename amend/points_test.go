package amend

import (
	"strconv"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// A point that completes a whole article or point ("L'article 5 est
// complété par un III", "Le I est complété par un 4°") is set apart as the
// points there are: after a blank line when they are so, on the next line
// when they follow each other. Before, it went on the line under the last
// point, in its alinéa, whatever the text did: the article's last alinéa
// became the II and the III, and "le dernier alinéa est supprimé" took
// both.
func TestCompletingPointKeepsSpacing(t *testing.T) {
	for _, sep := range []string{"\n\n", "\n"} {
		base := clause.Parse("### Article 5 - Engagements\n\nI. - Le médecin s'engage :" + sep + "1° À informer ;" + sep + "2° À télétransmettre." + sep + "II. - La caisse paie.\n\n### Article 6 - Suite\n\nTexte.\n")
		runApplyCases(t, base, []applyCase{
			{name: "a III, points apart by " + strconv.Quote(sep), amend: "### Article 1er\n\nL'article 5 est complété par un III ainsi rédigé : « III. - Les parties se réunissent. »",
				clause: "article 5", want: "I. - Le médecin s'engage :" + sep + "1° À informer ;" + sep + "2° À télétransmettre." + sep + "II. - La caisse paie." + sep + "III. - Les parties se réunissent."},
			{name: "a 3°, points apart by " + strconv.Quote(sep), amend: "### Article 1er\n\nLe I de l'article 5 est complété par un 3° ainsi rédigé : « 3° À prescrire. »",
				clause: "article 5", want: "I. - Le médecin s'engage :" + sep + "1° À informer ;" + sep + "2° À télétransmettre." + sep + "3° À prescrire." + sep + "II. - La caisse paie."},
		})
	}
}

// The last point of a list ends with its stop: the alinéa after it is the
// article's ("Le médecin informe la caisse."), not the point's. Before,
// the 3° ran to the end of the article: "Le 3° est supprimé" took that
// alinéa too, and "Après le 3°, il est inséré un 4°" set the 4° under it,
// out of the list. Between two points, an alinéa is still the first's.
func TestLastPointEndsWithItsList(t *testing.T) {
	for _, sep := range []string{"\n\n", "\n"} {
		list := "Le médecin exerce les missions suivantes :" + sep + "1° Il coordonne ;" + sep + "2° Il oriente ;" + sep + "Cette orientation est écrite ;" + sep + "3° Il tient le dossier."
		base := clause.Parse("### Article 2 - Missions\n\n" + list + sep + "Le médecin informe la caisse.\n\n### Article 3 - Suite\n\nTexte.\n")
		q := strconv.Quote(sep)
		runApplyCases(t, base, []applyCase{
			{name: "the last point deleted, points apart by " + q, amend: "### Article 1er\n\nLe 3° de l'article 2 est supprimé.",
				clause: "article 2", want: "Le médecin exerce les missions suivantes :" + sep + "1° Il coordonne ;" + sep + "2° Il oriente ;" + sep + "Cette orientation est écrite ;" + sep + "Le médecin informe la caisse."},
			{name: "a 4° after the last, points apart by " + q, amend: "### Article 1er\n\nAprès le 3° de l'article 2, il est inséré un 4° ainsi rédigé : « 4° Il prescrit. »",
				clause: "article 2", want: list + sep + "4° Il prescrit." + sep + "Le médecin informe la caisse."},
			{name: "a point with an alinéa of its own, points apart by " + q, amend: "### Article 1er\n\nLe 2° de l'article 2 est supprimé.",
				clause: "article 2", want: "Le médecin exerce les missions suivantes :" + sep + "1° Il coordonne ;" + sep + "3° Il tient le dossier." + sep + "Le médecin informe la caisse."},
			{name: "the article completed by a 4°, points apart by " + q, amend: "### Article 1er\n\nL'article 2 est complété par un 4° ainsi rédigé : « 4° Il prescrit. »",
				clause: "article 2", want: list + sep + "4° Il prescrit." + sep + "Le médecin informe la caisse."},
		})
	}
	// A part in Roman figures holds the alinéas after it.
	base := clause.Parse("### Article 5 - Engagements\n\nI. - Le médecin s'engage.\n\nII. - La caisse paie.\n\nElle informe le médecin.\n\n### Article 6 - Suite\n\nTexte.\n")
	runApplyCases(t, base, []applyCase{
		{name: "the last part, with its alinéas", amend: "### Article 1er\n\nLe II de l'article 5 est supprimé.",
			clause: "article 5", want: "I. - Le médecin s'engage."},
	})
}

// Points renumbered ("le 5° devient le 6°", "les 3° à 5° deviennent les
// 4° à 6°", in the I or the II when both hold them) take their new markers
// all at once; a marker another point keeps is refused. Points inserted
// where points of their markers stand are refused: drafting renumbers them
// first. Before, the renumbering was not understood, and "Après le 2°,
// sont insérés des 3° et 4°" left two 3° and two 4° side by side, exit 0.
func TestRenumberPoints(t *testing.T) {
	base := clause.Parse("# Convention\n\n## Article 7 - Missions\n\nLe médecin traitant :\n\n1° Oriente le patient ;\n\n2° Tient le dossier ;\n\n3° Assure la prévention ;\n\n4° Informe la caisse.\n\n" +
		"## Article 8 - Parties\n\nI. - Le médecin :\n\na) Déclare ;\n\nb) Transmet.\n\nII. - La caisse :\n\na) Paie ;\n\nb) Informe.\n")
	const inserted = "Le médecin traitant :\n\n1° Oriente le patient ;\n\n2° Oriente vers le spécialiste ;\n\n3° Prescrit les examens ;\n\n4° Tient le dossier ;\n\n5° Assure la prévention ;\n\n6° Informe la caisse."
	runApplyCases(t, base, []applyCase{
		{name: "one", amend: "### Article 1er\n\nÀ l'article 7, le 4° devient le 5°.",
			clause: "article 7", want: "Le médecin traitant :\n\n1° Oriente le patient ;\n\n2° Tient le dossier ;\n\n3° Assure la prévention ;\n\n5° Informe la caisse."},
		{name: "a range, then points inserted", amend: "### Article 1er\n\nL'article 7 est ainsi modifié :\n\n1° Les 2° à 4° deviennent les 4° à 6° ;\n\n2° Après le 1°, sont insérés des 2° et 3° ainsi rédigés :\n\n« 2° Oriente vers le spécialiste ;\n\n« 3° Prescrit les examens ; ».",
			clause: "article 7", want: inserted},
		{name: "renumbered and inserted in one sentence", amend: "### Article 1er\n\nÀ l'article 7, le 4° devient le 5° et, après le 3°, il est inséré un 4° ainsi rédigé :\n\n« 4° Coordonne les soins ; ».",
			clause: "article 7", want: "Le médecin traitant :\n\n1° Oriente le patient ;\n\n2° Tient le dossier ;\n\n3° Assure la prévention ;\n\n4° Coordonne les soins ;\n\n5° Informe la caisse."},
		{name: "letters of the II", amend: "### Article 1er\n\nAu II de l'article 8, les a) et b) deviennent respectivement les b) et c).",
			clause: "article 8", want: "I. - Le médecin :\n\na) Déclare ;\n\nb) Transmet.\n\nII. - La caisse :\n\nb) Paie ;\n\nc) Informe."},
		{name: "letters both parts hold", amend: "### Article 1er\n\nÀ l'article 8, le b) devient le c).",
			err: "Article 1er: 2 points b) are in article 8: name the point that holds the one meant"},
		{name: "a marker kept by another", amend: "### Article 1er\n\nÀ l'article 7, le 2° devient le 3°.",
			err: "Article 1er: point 3° is in article 7 already, and keeps its marker: renumber it first"},
		{name: "a point not there", amend: "### Article 1er\n\nÀ l'article 7, le 9° devient le 10°.",
			err: "Article 1er: point 9° is not in article 7"},
		{name: "as many markers", amend: "### Article 1er\n\nÀ l'article 7, les 2° et 3° deviennent le 5°.",
			err: "Article 1er: renumbers 2 points (2° et 3°) with 1 marker (5°)"},
		{name: "points inserted on markers that stand", amend: "### Article 1er\n\nÀ l'article 7, après le 1°, sont insérés des 2° et 3° ainsi rédigés :\n\n« 2° Oriente vers le spécialiste ;\n\n« 3° Prescrit les examens ; ».",
			err: "Article 1er: inserts a point 2° where a point 2° stands: renumber it first (« le 2° devient le … »)"},
		{name: "a point bis inserted", amend: "### Article 1er\n\nÀ l'article 7, après le 2°, il est inséré un 2° bis ainsi rédigé :\n\n« 2° bis Tient le carnet ; ».",
			clause: "article 7", want: "Le médecin traitant :\n\n1° Oriente le patient ;\n\n2° Tient le dossier ;\n\n2° bis Tient le carnet ;\n\n3° Assure la prévention ;\n\n4° Informe la caisse."},
	})
}

// Several points of one list named at once ("les 2° et 3°", "aux 2° et
// 3°", "les 2° à 4°") are each found by its marker: words changed in each,
// each deleted, or, following each other, rewritten as one run; points
// apart rewritten, or named as the place of an insertion, are refused.
// Before, every such instruction was refused ("names several points at
// once: write one instruction for each").
func TestSeveralPoints(t *testing.T) {
	base := clause.Parse("# Convention\n\n## Article 7 - Missions\n\nLe médecin traitant :\n\n1° Oriente le patient ;\n\n2° Tient le dossier ;\n\n3° Assure la prévention ;\n\n4° Informe la caisse.\n")
	runApplyCases(t, base, []applyCase{
		{name: "deleted", amend: "### Article 1er\n\nÀ l'article 7, les 2° et 3° sont supprimés.",
			clause: "article 7", want: "Le médecin traitant :\n\n1° Oriente le patient ;\n\n4° Informe la caisse."},
		{name: "a range rewritten", amend: "### Article 1er\n\nÀ l'article 7, les 2° à 4° sont remplacés par un alinéa ainsi rédigé : « 2° Informe la caisse. »",
			clause: "article 7", want: "Le médecin traitant :\n\n1° Oriente le patient ;\n\n2° Informe la caisse."},
		{name: "words in each", amend: "### Article 1er\n\nAux 1° et 2° de l'article 7, le mot « le » est remplacé par le mot « son ».",
			clause: "article 7", want: "Le médecin traitant :\n\n1° Oriente son patient ;\n\n2° Tient son dossier ;\n\n3° Assure la prévention ;\n\n4° Informe la caisse."},
		{name: "words not in each", amend: "### Article 1er\n\nAux 2° et 3° de l'article 7, le mot « Tient » est remplacé par le mot « Met ».",
			err: "Article 1er: the words « Tient » are not in point 3° of article 7"},
		{name: "apart, rewritten", amend: "### Article 1er\n\nÀ l'article 7, les 2° et 4° sont ainsi rédigés : « 2° Rien. »",
			err: "Article 1er: rewrites points 2°, 4°, which do not follow each other: where the text quoted goes is not said"},
		{name: "a place for an insertion", amend: "### Article 1er\n\nÀ l'article 7, après les 2° et 3°, il est inséré un alinéa ainsi rédigé : « Rien. »",
			err: "Article 1er: names points 2°, 3° for an operation that takes one place: write one instruction for each"},
	})
}
