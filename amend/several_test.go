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
