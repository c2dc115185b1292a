package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestFlowHistoryStepKeys: on a history step's diff, the keys the footer
// shows work: n and N walk the steps, h goes back to the history, b
// blames as of the step.
func TestFlowHistoryStepKeys(t *testing.T) {
	src := FixtureSource(t)
	f := newFlow(t, src, Options{})
	f.press("CONV-2024-06 → AV1-2025 · outline")
	f.press("History of Article 10", ":", "10", "enter", "h")
	f.press("diff of step CNAM-2024-02 → CONV-2024-06", "enter")
	f.press("]/n next step")
	f.press("diff of step RA-2023 → CNAM-2024-02", "N")
	f.press("amount G: 26,50 € → 30 €")
	f.press("diff of step CNAM-2024-02 → CONV-2024-06", "n")
	f.press("no other step in the history", "n")
	f.press("Blame of Article 10 - Consultation de référence du médecin généraliste as of CONV-2024-06", "b")
	f.press("History of Article 10", "esc", "h")
	f.tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	final := f.tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(probe)
	if final.m.Err() != nil {
		t.Errorf("exit error %v", final.m.Err())
	}
}

// TestKindFilterSkipsEmptyKinds: t goes through the kinds of change the
// diff has, T back, both returning to every kind.
func TestKindFilterSkipsEmptyKinds(t *testing.T) {
	m := start(t, newFakeSource(), Options{}, 80, 24)
	var forward []string
	for range len(kindFilters) {
		m = drive(t, m, keys("t")...)
		forward = append(forward, kindFilters[m.outline.kind])
		if m.outline.kind == 0 {
			break
		}
	}
	if got, want := strings.Join(forward, ","), "modified,added,removed,renumbered,tariff,modality,"; got != want {
		t.Errorf("t cycles %q, want %q", got, want)
	}
	m = drive(t, m, keys("T")...)
	if k := kindFilters[m.outline.kind]; k != "modality" {
		t.Errorf("T from every kind: %q, want the last, modality", k)
	}
	m = drive(t, m, keys("T")...)
	if k := kindFilters[m.outline.kind]; k != "tariff" {
		t.Errorf("T: %q, want tariff", k)
	}
}

// TestMouseClickSelects: a click selects the row under the mouse, a
// second click on it opens it.
func TestMouseClickSelects(t *testing.T) {
	m := start(t, newFakeSource(), Options{}, 80, 24)
	// Title bar, summary line, then the rows: the fifth row is on line 6.
	click := tea.MouseClickMsg{X: 10, Y: 6, Button: tea.MouseLeft}
	m = drive(t, m, click)
	if got := selectedLabel(m); got != "Titre 2 - Tarifs" {
		t.Errorf("click on line 6 selects %q", got)
	}
	m = drive(t, m, click)
	if m.screen != screenDiff {
		t.Errorf("second click: screen %s, want diff", screenNames[m.screen])
	}
	m = drive(t, m, keys("v")...)
	m = drive(t, m, tea.MouseClickMsg{X: 10, Y: 4, Button: tea.MouseLeft})
	if v, _ := m.versions.selected(); v.Label != "MGF-2024-03" {
		t.Errorf("click in versions selects %q", v.Label)
	}
	m = drive(t, m, tea.MouseClickMsg{X: 10, Y: 20, Button: tea.MouseLeft})
	if v, _ := m.versions.selected(); v.Label != "MGF-2024-03" {
		t.Errorf("click below the rows moved the cursor to %q", v.Label)
	}
}

// TestQuitClosesHelp: q closes the help overlay; only then does it quit.
func TestQuitClosesHelp(t *testing.T) {
	m := start(t, newFakeSource(), Options{}, 80, 24)
	m = drive(t, m, keys("?")...)
	next, cmd := m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"})
	m = next.(Model)
	if m.showHelp || cmd != nil {
		t.Fatalf("q in the help: help shown %v, command %v", m.showHelp, cmd)
	}
	if _, cmd := m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"}); cmd == nil {
		t.Error("q on the outline does not quit")
	}
}

// TestFlowSetBaseOnHeadThenInterrupt: B on the head says why it cannot be,
// and ctrl+c then ends the program with no error.
func TestFlowSetBaseOnHeadThenInterrupt(t *testing.T) {
	f := newFlow(t, newFakeSource(), Options{})
	f.press("· outline")
	f.press("versions", "v")
	f.press("CONV-2024-06 is the head: choose an older version as base", "B")
	f.tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	final := f.tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(probe)
	if err := final.m.Err(); err != nil {
		t.Errorf("exit error after B on the head: %v", err)
	}
}

// TestDemoTitle: the demo says so in the title bar and the window title.
func TestDemoTitle(t *testing.T) {
	m := start(t, newFakeSource(), Options{Demo: true}, 80, 24)
	if v := m.View(); !strings.HasPrefix(ansi.Strip(v.Content), " avenant demo · ") || v.WindowTitle != "avenant demo" {
		t.Errorf("title %q, window %q", strings.SplitN(ansi.Strip(v.Content), "\n", 2)[0], v.WindowTitle)
	}
}

// TestFlowBlameUndo: "<" goes back to the blame "," left, cursor and all.
func TestFlowBlameUndo(t *testing.T) {
	f := newFlow(t, newFakeSource(), Options{})
	f.press("· outline")
	f.press("as of CONV-2024-06", ":", "29.1", "enter", "b")
	f.press("as of CNAM-2024-02 · 3 spans", "j", ",")
	f.press("as of CONV-2024-06 · 5 spans", "<")
	f.press("no earlier blame to go back to", "<")
	f.tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	final := f.tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(probe)
	if final.m.blame.cursor != 1 {
		t.Errorf("cursor after <: %d, want 1, where , was pressed", final.m.blame.cursor)
	}
}

// TestBlamePlainMarksVersions: without colour, each span says which
// version wrote it, and the legend lists the versions oldest first.
func TestBlamePlainMarksVersions(t *testing.T) {
	m := start(t, newFakeSource(), Options{Plain: true}, 120, 30)
	got := screenText(drive(t, m, keys(":", "29.1", "enter", "b")...))
	for _, want := range []string{"versions: RA-2023 CNAM-2024-02 CONV-2024-06", "[CONV-2024-06:30 €]", "[RA-2023:La consultation"} {
		if !strings.Contains(got, want) {
			t.Errorf("plain blame lacks %q:\n%s", want, got)
		}
	}
}
