package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/store"
)

// TestTinySizesEveryScreen walks every screen of a store whose versions
// hold a huge clause (a long paragraph, a word wider than any screen)
// and whose last round changes nothing, at sizes down to a single cell
// and none: no screen may panic, and each must fill the terminal exactly.
// Below 20×5 the window says to enlarge it: a height under 3 drew three
// lines, and one column laid a 130,000-character clause out as as many
// lines, seconds at every step of a resize.
func TestTinySizesEveryScreen(t *testing.T) {
	huge := strings.Repeat("La consultation est valorisée à 26,50 €. ", 1000) + strings.Repeat("x", 5000)
	text := "# Titre I - Tarifs\n\n## Article 1 - Objet\n\n" + huge + "\n\n## Article 2 - Tarif\n\nLe tarif G est de 26,50 €.\n"
	answer := strings.ReplaceAll(text, "G est de 26,50 €", "G est de 30 €")
	s, err := store.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range []struct{ label, party, text string }{
		{"v1", "CNAM", text}, {"v2", "FSPF", answer}, {"v3", "CNAM", answer},
	} {
		o := store.ImportOptions{Party: v.party, Label: v.label, Date: fmt.Sprintf("2024-01-0%d", i+1)}
		if _, err := s.Import(clause.Parse(v.text), o); err != nil {
			t.Fatal(err)
		}
	}
	walk := [][]string{
		{}, {":", "Article 1", "enter", "enter"}, {"s"}, {"pgdown", "pgdown"}, {"h"}, {"esc", "b"},
		{"esc", "esc", "$"}, {"esc", "v"}, {"esc", "?"}, {"esc", "/", "consultation", "enter"},
	}
	sizes := [][2]int{{80, 24}, {1, 1}, {0, 0}, {2, 1}, {3, 2}, {12, 3}, {200, 2}, {20, 5}}
	m := start(t, NewStoreSource(s), Options{}, 80, 24)
	for _, step := range walk {
		m = drive(t, m, keys(step...)...)
		for _, size := range sizes {
			m = drive(t, m, sizeMsg(size[0], size[1]))
			view := m.View().Content
			if size[0] > 0 && size[1] > 0 {
				checkSize(t, view, size[0], size[1])
			}
			if small := size[0] < minWidth || size[1] < minHeight; small && strings.Contains(view, "Article") {
				t.Errorf("%v: a screen below the smallest window:\n%s", size, ansi.Strip(view))
			}
		}
		if t.Failed() {
			t.Fatalf("after %q:\n%s", step, ansi.Strip(m.View().Content))
		}
	}
}
