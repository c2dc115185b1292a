package synth

import (
	"strings"
	"testing"
)

func TestBill(t *testing.T) {
	step := "TITRE 1 : Dispositions\n\nArticle 1er\n\nLe ministre peut saisir la commission dans un délai de 2 mois.\n\nArticle 2 bis\n\nLes membres sont nommés pour 5 ans.\n\n"
	var paragraphs []string
	for i := range 40 {
		paragraphs = append(paragraphs, "Alinéa "+strings.Repeat("x", i)+" de la loi.\n\n")
	}
	steps := []string{step, step + strings.Join(paragraphs, "")}
	old, new := Bill(steps, 0.2, 1)
	for _, want := range []string{"TITRE 1001 :", "Article 1001\n", "Article 1002 bis", "TITRE 2001 :", "Article 2001\n", "Article 2002 bis"} {
		if !strings.Contains(old.Text, want) {
			t.Errorf("old lacks %q", want)
		}
	}
	if strings.Contains(old.Text, "Article 1er") {
		t.Error("a step's heading kept its own number")
	}
	if old.Articles != 6 || new.Articles != 6 {
		t.Errorf("headings = %d, %d, want 6, 6", old.Articles, new.Articles)
	}
	oldParas, newParas := strings.SplitAfter(old.Text, "\n\n"), strings.SplitAfter(new.Text, "\n\n")
	if len(oldParas) != len(newParas) {
		t.Fatalf("paragraphs: %d → %d, want the same count", len(oldParas), len(newParas))
	}
	edited := 0
	for i := range oldParas {
		if oldParas[i] != newParas[i] {
			edited++
			if billHeading.MatchString(oldParas[i]) {
				t.Errorf("heading edited: %q → %q", oldParas[i], newParas[i])
			}
		}
	}
	if edited < 3 || edited > 20 {
		t.Errorf("%d of %d paragraphs edited, want about a fifth", edited, len(oldParas))
	}
	if again, _ := Bill(steps, 0.2, 1); again.Text != old.Text {
		t.Error("Bill is not deterministic")
	}
}
