package amend

import (
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// TestReplaceThroughoutBounded: words replaced throughout the text are
// replaced in one pass (one by one, 40,000 of them in one clause took
// minutes), and a replacement that would multiply the text past what a
// store holds is refused before the text is made.
func TestReplaceThroughoutBounded(t *testing.T) {
	base := clause.Parse("## Article 1 - Objet\n\n" + strings.Repeat("Le médecin soigne le patient. ", 40000) + "\n\n## Article 2 - Fin\n\nFin du patient.\n")
	c, err := Consolidate(base, "## Article 1\n\nDans l'ensemble de la convention, les mots « le patient » sont remplacés par les mots « la personne soignée ».\n", Markdown)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(c.Text, "la personne soignée"); got != 40000 || strings.Contains(c.Text, "le patient") {
		t.Errorf("%d replacements, want 40000 and no le patient left", got)
	}
	long := strings.Repeat("X", 2000)
	_, err = Consolidate(base, "## Article 1\n\nDans l'ensemble de la convention, les mots « le patient » sont remplacés par les mots « "+long+" ».\n", Markdown)
	if err == nil || !strings.Contains(err.Error(), "MiB") {
		t.Errorf("80 MB of replacements: %v, want a refusal", err)
	}
}
