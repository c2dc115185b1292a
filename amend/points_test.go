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
