package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// selectedLabel is the label of the outline row under the cursor.
func selectedLabel(m Model) string {
	c, ok := m.outline.selected()
	if !ok {
		return ""
	}
	return m.outline.rows[c].label
}

// TestSearchLandsOnMatch: a search puts the cursor on its first match, in
// document order, whatever the case and accents typed; n and N walk the
// matches, changed or not, wrapping around; esc clears the search; each
// "/" opens an empty prompt.
func TestSearchLandsOnMatch(t *testing.T) {
	src := FixtureSource(t)
	m := start(t, src, Options{Base: "RA-2023", Head: "CNAM-2024-02"}, 100, 30)
	for _, typed := range []string{"role du medecin traitant", "RÔLE DU MÉDECIN TRAITANT", "Rôle du médecin traitant"} {
		m := drive(t, m, keys("/", typed, "enter")...)
		if got := selectedLabel(m); got != "Article 7 - Rôle du médecin traitant" {
			t.Errorf("/%s: cursor on %q, want Article 7", typed, got)
		}
		if !strings.Contains(screenText(m), "search “"+typed+"” (1 match)") {
			t.Errorf("/%s: filter line missing:\n%s", typed, screenText(m))
		}
	}
	m = drive(t, m, keys("/", "médecin traitant", "enter")...)
	first := selectedLabel(m)
	if first == "" || m.outline.matched == nil || !m.outline.matched[m.outline.visible[m.outline.cursor]] {
		t.Fatalf("cursor on %q, not a match", first)
	}
	seen := map[string]bool{first: true}
	for range m.outline.matches() - 1 {
		m = drive(t, m, keys("n")...)
		seen[selectedLabel(m)] = true
	}
	if len(seen) != m.outline.matches() {
		t.Errorf("n visited %d rows of %d matches", len(seen), m.outline.matches())
	}
	if m = drive(t, m, keys("n")...); selectedLabel(m) != first {
		t.Errorf("n after the last match: %q, want the first %q", selectedLabel(m), first)
	}
	if m = drive(t, m, keys("N", "n")...); selectedLabel(m) != first {
		t.Errorf("N then n: %q, want %q", selectedLabel(m), first)
	}
	m = drive(t, m, keys("/")...)
	if !m.prompting || m.input.String() != "" {
		t.Errorf("second /: prompt holds %q, want empty", m.input.String())
	}
	m = drive(t, m, keys("esc", "esc")...)
	if m.outline.query != "" || m.screen != screenOutline || len(m.outline.visible) != len(m.outline.rows) {
		t.Errorf("esc left query %q, %d of %d rows", m.outline.query, len(m.outline.visible), len(m.outline.rows))
	}
	if got := selectedLabel(m); got != first {
		t.Errorf("esc moved the cursor from %q to %q", first, got)
	}
}

// TestSearchPaste: a bracketed paste lands in the prompt, its lines joined.
func TestSearchPaste(t *testing.T) {
	m := start(t, newFakeSource(), Options{}, 80, 24)
	m = drive(t, m, keys("/")...)
	m = drive(t, m, tea.PasteMsg{Content: "consultation\ndu  médecin"}, tea.PasteStartMsg{})
	if got := m.input.String(); got != "consultation du médecin" {
		t.Errorf("pasted %q", got)
	}
	m = drive(t, m, keys("enter")...)
	if got := selectedLabel(m); got != "Article 29.1 - Consultation" {
		t.Errorf("cursor on %q", got)
	}
}

// TestGoTo: ":" and "g" + a number go to a clause named as the command
// line names it; a name that is no clause says so and keeps the cursor.
func TestGoTo(t *testing.T) {
	src := FixtureSource(t)
	m := start(t, src, Options{Base: "RA-2023", Head: "CNAM-2024-02"}, 100, 30)
	for _, tc := range []struct {
		keys []string
		want string
	}{
		{[]string{":", "19.3", "enter"}, "Article 19.3 - Engagements du médecin"},
		{[]string{":", "article 12", "enter"}, "Article 12 - Soins non programmés"},
		{[]string{":", "annexe 1", "enter"}, "Annexe 1 - Tarifs des actes et consultations"},
		{[]string{"g", "1", "0", "enter"}, "Article 10 - Consultation de référence du médecin généraliste"},
		{[]string{"2", "bis", "enter"}, "Article 2 bis - Médecins exerçant dans plusieurs lieux"},
		{[]string{":", "Annexe 1/G", "enter"}, "G · Consultation de référence du médecin généraliste · 26,50 € → 30 €"},
	} {
		got := drive(t, m, keys(tc.keys...)...)
		if l := selectedLabel(got); !strings.HasPrefix(l, tc.want) {
			t.Errorf("%q: cursor on %q, want %q", tc.keys, l, tc.want)
		}
	}
	// A removed clause is found in the base.
	got := drive(t, m, keys(":", "20.2", "enter")...)
	if l := selectedLabel(got); !strings.HasPrefix(l, "Article 20.2") {
		t.Errorf(":20.2 (removed): cursor on %q", l)
	}
	// Filters that hide the clause are lifted.
	got = drive(t, m, keys("c", ":", "7", "enter")...)
	if l := selectedLabel(got); !strings.HasPrefix(l, "Article 7 ") || got.outline.changedOnly {
		t.Errorf("c then :7: cursor on %q, changed only %v", l, got.outline.changedOnly)
	}
	before := selectedLabel(m)
	got = drive(t, m, keys(":", "Article 99", "enter")...)
	if selectedLabel(got) != before || !strings.Contains(got.status, "unknown clause") {
		t.Errorf(":Article 99: cursor %q, status %q", selectedLabel(got), got.status)
	}
	// On the diff screen, go-to shows the clause's diff.
	got = drive(t, m, keys(":", "10", "enter", "enter", ":", "20.1", "enter")...)
	if got.screen != screenDiff || !strings.Contains(screenText(got), "Article 20.1 - Forfait médecin traitant") {
		t.Errorf("go-to on the diff screen:\n%s", screenText(got))
	}
}

// cursorOn waits until the row marked "▸" (plain mode) shows want.
func (f *flowRun) cursorOn(want string, names ...string) {
	f.t.Helper()
	for _, k := range keys(names...) {
		f.tm.Send(k)
	}
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if s := f.last.Load(); s != nil {
			for _, l := range strings.Split(*s, "\n") {
				if strings.HasPrefix(l, "▸") && strings.Contains(l, want) {
					return
				}
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	f.t.Fatalf("after %q: cursor not on %q:\n%s", names, want, *f.last.Load())
}

// TestFlowSearchAndGoTo runs search and go-to in a real program: the
// cursor lands on the match, accents aside, esc clears, ":" goes to a
// clause and enter opens it.
func TestFlowSearchAndGoTo(t *testing.T) {
	src := FixtureSource(t)
	f := newFlow(t, src, Options{Plain: true, Base: "RA-2023", Head: "CNAM-2024-02"})
	f.press("RA-2023 → CNAM-2024-02 · outline")
	f.cursorOn("Article 6 - Engagements des caisses", "/", "DECLARATION DU MEDECIN", "enter")
	f.press("(2 matches)")
	f.cursorOn("Article 8 - «Déclaration du médecin» traitant", "n")
	f.cursorOn("Article 8 - Déclaration du médecin traitant", "esc")
	f.cursorOn("Article 10 - Consultation de référence", ":", "10", "enter")
	f.press("amount G: 26,50 € → 30 €", "enter")
	f.cursorOn("Article 19.3", "esc", "g", "19.3", "enter")
	f.tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	f.tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// TestSearchLiftsHidingFilters: a search whose every match a filter hides
// lifts the filters, as go-to does. Before, with "t" on (kind=modified), a
// search for a word of the unchanged article 2 said "no clause matches".
func TestSearchLiftsHidingFilters(t *testing.T) {
	m := start(t, newFakeSource(), Options{}, 80, 24)
	m = drive(t, m, keys("t", "/", "CINQ ANS", "enter")...)
	if strings.Contains(m.status, "no clause matches") || selectedLabel(m) != "Article 2 - Durée" {
		t.Errorf("status %q, cursor on %q, want Article 2 - Durée", m.status, selectedLabel(m))
	}
	if m.outline.kind != 0 {
		t.Errorf("kind filter %q still on", kindFilters[m.outline.kind])
	}
	// A search that matches within the filters keeps them.
	m = drive(t, m, keys("esc", "t", "/", "libéraux", "enter")...)
	if m.outline.kind == 0 || selectedLabel(m) != "Article 1 - Objet" {
		t.Errorf("kind filter %q, cursor on %q, want the filter kept and Article 1", kindFilters[m.outline.kind], selectedLabel(m))
	}
}
