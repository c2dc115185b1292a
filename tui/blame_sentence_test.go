package tui

import (
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/store"
)

// TestBlameBySentence: each sentence starts a line of its own, its
// versions are named once in the gutter, beside its first line, and a
// sentence that wraps leaves the gutter of its further lines blank.
func TestBlameBySentence(t *testing.T) {
	a, b := &store.Version{Label: "RA-2023", Date: "2023-04-30"}, &store.Version{Label: "CNAM-2024-02", Date: "2024-02-08"}
	spans := []store.Span{
		{Text: "Le médecin informe la caisse. Il ", Version: a},
		{Text: "peut", Version: b},
		{Text: " le faire par voie électronique, dans un délai de huit jours à compter de la décision.", Version: a},
	}
	s := newBlameScreen("art-1", "Article 1", "CNAM-2024-02", spans).SetSize(60, 20)
	var first []string
	var gutters [][]string
	for i, l := range s.lines {
		var text strings.Builder
		for _, p := range l {
			text.WriteString(p.text)
		}
		first = append(first, text.String())
		gutters = append(gutters, s.sentenceVersions(i))
	}
	if len(first) < 3 || first[0] != "Le médecin informe la caisse." || !strings.HasPrefix(first[1], "Il peut le faire") {
		t.Fatalf("lines %q: want the second sentence on a line of its own, then wrapped", first)
	}
	if strings.Join(gutters[0], ",") != "RA-2023" || strings.Join(gutters[1], ",") != "RA-2023,CNAM-2024-02" {
		t.Errorf("gutters %q", gutters)
	}
	for i := 2; i < len(gutters); i++ {
		if gutters[i] != nil {
			t.Errorf("line %d goes on a sentence, gutter %q", i, gutters[i])
		}
	}
}
