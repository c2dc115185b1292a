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
