package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/store"
)

// hostileText is a convention whose headings, text and tariff rows carry
// what takes over a terminal (OSC title and clipboard, CSI, C1 CSI) or
// shows other words than those compared (bidi overrides).
const hostileText = "# Titre I - Tarifs \x1b]0;pwned\x07\n\n" +
	"## Article 1 - Objet \x1b[31mROUGE\n\nLa convention \u202eesrever\u202c régit les rapports \x1b]52;c;Y2xpcA==\x07entre les parties.\n\n" +
	"## Article 2 - Tarif\n\nLa consultation est valorisée à 26,50 € \u009b2J à compter du 1er janvier 2024.\n\n" +
	"## Annexe 1 - Tarifs \x1b[2J\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation \x1b]0;pwned\x07 | 26,50 € |\n"

// TestHostileStoreEveryScreen imports a hostile text and its answer into a
// store and walks every screen the TUI has for them, outline, diff,
// history, blame, tariffs, versions and help: none may hold a sequence of
// the document, and each must stay the terminal's size.
func TestHostileStoreEveryScreen(t *testing.T) {
	s, err := store.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	answer := strings.ReplaceAll(hostileText, "26,50 €", "30 €")
	for i, text := range []string{hostileText, answer} {
		o := store.ImportOptions{Party: "CNAM", Label: []string{"v1", "v2"}[i], Date: "2024-01-0" + string(rune('1'+i))}
		if i == 1 {
			o.Party, o.Base = "FSPF", "v1"
		}
		if _, err := s.Import(clause.Parse(text), o); err != nil {
			t.Fatal(err)
		}
	}
	m := start(t, NewStoreSource(s), Options{}, 90, 24)
	walk := [][]string{
		{}, {":", "Article 1", "enter", "enter"}, {"h"}, {"esc", "b"}, {"esc", ":", "Annexe 1/G", "enter", "enter"},
		{"h"}, {"esc", "b"}, {"esc", "esc", "$"}, {"esc", "v"}, {"esc", "?"},
	}
	for _, step := range walk {
		m = drive(t, m, keys(step...)...)
		view := m.View().Content
		for _, bad := range []string{"\x1b]", "\x07", "\u009b", "\u202e", "\u202c", "pwned", "Y2xpcA", "[31m", "[2J", "2J"} {
			if strings.Contains(view, bad) {
				t.Errorf("after %q the screen holds %q:\n%s", step, bad, ansi.Strip(view))
			}
		}
		checkSize(t, view, 90, 24)
	}
}
