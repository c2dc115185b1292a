package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// A convention annexed to the arrêté that approves it has articles of the
// same numbers as the arrêté's: the diff names the convention's by their
// annex, on both sides alike.
func TestDiffTitleNamesAnnexedArticles(t *testing.T) {
	old := "Arrêté du 20 juin 2024\n\nArticle 1\n\nEst approuvée la convention.\n\nArticle 2\n\nPublication.\n\n" +
		"ANNEXE\n\nArticle 1er\n\nObjet.\n\nArticle 3\n\nLa consultation G est fixée à 30 €.\n"
	new := strings.Replace(old, "30 €", "31 €", 1)
	d := clause.Compare(clause.Parse(old), clause.Parse(new), clause.CompareOptions{})
	var out bytes.Buffer
	if err := DiffText(&out, d, Side{}, Side{}, false, Styles{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "modified   ANNEXE / Article 3  (") {
		t.Errorf("diff:\n%s\nwant the change titled ANNEXE / Article 3", out.String())
	}
}
