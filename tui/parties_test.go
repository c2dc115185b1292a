package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/avenant-dev/avenant/render"
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
	// The three sizes of every screen, the 160×48 the parties issue was
	// written against, and 60×20, where the pane cut the selected party's
	// last fact.
	for _, size := range append(goldenSizes, [2]int{160, 48}, [2]int{60, 20}) {
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

// TestPartiesPaneShowsSelectedFacts: on small terminals, for every clause
// and every answer of the demo, the pane shows each fact of the selected
// answer whole, or says that lines are left out. Before, at 60×20, the
// pane kept a third of the screen while the list left half of it empty,
// and cut CONV-2024-06's date on article 28.1 without a word.
func TestPartiesPaneShowsSelectedFacts(t *testing.T) {
	spaces := regexp.MustCompile(`\s+`)
	for _, src := range []Source{newFakeSource(), FixtureSource(t)} {
		for _, size := range [][2]int{{60, 20}, {50, 16}, {80, 24}} {
			m := start(t, src, Options{}, size[0], size[1])
			m = drive(t, m, keys("p")...)
			s := m.answers
			if m.screen != screenParties || len(s.rows) == 0 {
				t.Fatalf("screen %s, %d rows", screenNames[m.screen], len(s.rows))
			}
			for range s.rows {
				for range s.answers {
					s = m.answers
					r, j, _ := s.selected()
					checkSize(t, m.View().Content, size[0], size[1])
					screen := spaces.ReplaceAllString(screenText(m), " ")
					if strings.Contains(screen, " more lines") {
						continue
					}
					if c := s.table.Change(r, j); c != nil {
						for _, f := range c.Facts {
							if line := render.FactLine(f); !strings.Contains(screen, line) {
								t.Errorf("%d×%d, %s, %s: %q is not on screen:\n%s", size[0], size[1], render.RowName(s.table, r), s.answers[j].Label, line, screenText(m))
							}
						}
					}
					m = drive(t, m, keys("l")...)
				}
				m = drive(t, m, keys("j")...)
			}
		}
	}
}

// TestFitFacts: the selected answer's block shows whole when it fits, the
// answers before it giving way, then the agreement line; what is left out
// is said, never cut unsaid.
func TestFitFacts(t *testing.T) {
	block := func(name string, n int) []string {
		b := []string{name}
		for k := 1; k < n; k++ {
			b = append(b, fmt.Sprintf("%s.%d", name, k))
		}
		return b
	}
	head := []string{"title", "agree"}
	blocks := [][]string{block("a", 2), block("b", 3), block("c", 2)}
	for _, tc := range []struct {
		sel, height int
		want        string
	}{
		{1, 9, "title agree a a.1 b b.1 b.2 c c.1"},
		{1, 8, "title agree a a.1 b b.1 b.2 …1answerbelow"},
		{1, 7, "title agree …1answerabove b b.1 b.2 …1answerbelow"},
		{1, 6, "title …1answerabove b b.1 b.2 …1answerbelow"},
		{1, 5, "title …1answerabove b b.1 …2morelines"},
		{2, 5, "title agree …2answersabove c c.1"},
		{2, 4, "title …2answersabove c c.1"},
		{0, 4, "title a a.1 …2answersbelow"},
		{0, 3, "title a …2morelines"},
	} {
		var got []string
		for _, l := range fitFacts(head, blocks, tc.sel, tc.height, 20, styles{}) {
			got = append(got, strings.Join(strings.Fields(l), ""))
		}
		want := strings.Fields(tc.want)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("selected %d in %d lines: %q, want %q", tc.sel, tc.height, got, want)
		}
	}
}
