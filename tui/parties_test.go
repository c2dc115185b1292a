package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestGoldenParties pins the parties screen down at 80×24 and 160×48: the
// facts beneath the list on a narrow terminal, beside it on a wide one;
// two answers side by side; opened from the versions screen.
func TestGoldenParties(t *testing.T) {
	flows := []struct {
		name string
		keys []string
	}{
		{"parties", []string{"p"}},
		{"parties-moved", []string{"p", "j", "j", "l"}},
		{"parties-pair", []string{"p", "j", "j", "s"}},
		{"parties-from-versions", []string{"v", "j", "j", "p"}},
	}
	// The three sizes of every screen, and the 160×48 the parties issue
	// was written against.
	for _, size := range append(goldenSizes, [2]int{160, 48}) {
		for _, f := range flows {
			t.Run(fmt.Sprintf("%s-%dx%d", f.name, size[0], size[1]), func(t *testing.T) {
				m := start(t, newFakeSource(), Options{}, size[0], size[1])
				m = drive(t, m, keys(f.keys...)...)
				if m.err != nil || m.screen != screenParties {
					t.Fatalf("screen %s, error %v", screenNames[m.screen], m.err)
				}
				checkSize(t, m.View().Content, size[0], size[1])
				requireGolden(t, screenText(m))
			})
		}
	}
}

// TestPartiesEnterAndBack: enter on a cell opens that party's diff
// against the base at that clause; esc comes back to the table.
func TestPartiesEnterAndBack(t *testing.T) {
	m := start(t, newFakeSource(), Options{}, 100, 30)
	m = drive(t, m, keys("p", "j", "l", "enter")...)
	if m.screen != screenDiff || m.base != "CNAM-2024-02" || m.head != "CONV-2024-06" {
		t.Fatalf("enter: screen %s, %s → %s", screenNames[m.screen], m.base, m.head)
	}
	if got := screenText(m); !strings.Contains(got, "Article 2 bis") {
		t.Errorf("the diff is not at the selected clause:\n%s", got)
	}
	m = drive(t, m, keys("esc")...)
	if m.screen != screenParties || m.answers.cursor != 1 || m.answers.col != 1 {
		t.Errorf("esc: screen %s, cursor %d, col %d", screenNames[m.screen], m.answers.cursor, m.answers.col)
	}
}

// TestPartiesNoAnswers: a version nobody answers says so.
func TestPartiesNoAnswers(t *testing.T) {
	m := start(t, newFakeSource(), Options{}, 100, 30)
	m = drive(t, m, keys("v", "p")...) // the cursor is on the head, CONV-2024-06
	if m.screen != screenVersions || !strings.Contains(m.status, "no version answers CONV-2024-06") {
		t.Errorf("screen %s, status %q", screenNames[m.screen], m.status)
	}
}

// TestFlowParties walks the demo: open the answers to the CNAM's
// proposal, move to MG France's new article, open its diff, come back.
func TestFlowParties(t *testing.T) {
	src := FixtureSource(t)
	f := newFlow(t, src, Options{})
	f.press("CONV-2024-06 → AV1-2025 · outline")
	f.press("CNAM-2024-02 (CNAM) · 3 answers", "p")
	f.press("▸ + Article 19.2", "j", "j")
	f.press("Plusieurs médecins exerçant", "enter")
	f.press("CNAM-2024-02 → MGF-2024-03 · diff")
	f.press("CNAM-2024-02 → MGF-2024-03 · parties", "esc")
	f.tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	final := f.tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(probe)
	if final.m.err != nil {
		t.Errorf("error left on screen: %v", final.m.err)
	}
}
