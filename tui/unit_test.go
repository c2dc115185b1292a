package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/store"
)

func TestFlow(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  []string
	}{
		{"la consultation est valorisée", 12, []string{"la ", "consultation", "est ", "valorisée"}},
		{"a b\nc", 10, []string{"a b", "c"}},
		{"anticonstitutionnellement", 10, []string{"anticonsti", "tutionnell", "ement"}},
		{"", 10, []string{""}},
		{"26,50 € à compter", 8, []string{"26,50 € ", "à ", "compter"}},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range flow([]seg{{text: tt.text}}, tt.width) {
			var b strings.Builder
			for _, s := range l {
				b.WriteString(s.text)
			}
			if w := ansi.StringWidth(b.String()); w > tt.width {
				t.Errorf("%q: line %q is %d cells, over %d", tt.text, b.String(), w, tt.width)
			}
			got = append(got, b.String())
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("flow(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}

// TestEscapesStripped checks that a document's escape sequences never
// reach the screen: the fake's Article 2 bis hides an OSC title change.
func TestEscapesStripped(t *testing.T) {
	m := start(t, newFakeSource(), Options{}, 80, 24)
	m = drive(t, m, keys(":", "2 bis", "enter", "enter")...)
	view := m.View().Content
	if strings.Contains(view, "\x1b]") || strings.Contains(view, "\x07") || strings.Contains(view, "pwned") {
		t.Errorf("an escape sequence from the document reached the screen: %q", view)
	}
	if !strings.Contains(ansi.Strip(view), "pris en charge dans les conditions") {
		t.Errorf("the clause text is missing:\n%s", ansi.Strip(view))
	}
}

func TestResize(t *testing.T) {
	m := start(t, newFakeSource(), Options{}, 80, 24)
	m = drive(t, m, keys(":", "29.1", "enter", "enter")...)
	for _, size := range [][2]int{{40, 10}, {200, 60}, {20, 5}} {
		m = drive(t, m, sizeMsg(size[0], size[1]))
		checkSize(t, m.View().Content, size[0], size[1])
	}
}

func TestWheelScrollsOutline(t *testing.T) {
	m := start(t, newFakeSource(), Options{}, 80, 24)
	before := m.outline.cursor
	m = drive(t, m, wheelDown())
	if m.outline.cursor != before+3 {
		t.Errorf("cursor after a wheel notch = %d, want %d", m.outline.cursor, before+3)
	}
}

// TestSourceHistory checks the history and blame of the demo as the TUI
// reads them: the G tariff row appears in the règlement arbitral and
// changes in the CNAM's proposal, whose "30 €" the blame attributes to
// the CNAM.
func TestSourceHistory(t *testing.T) {
	src := FixtureSource(t)
	log, err := src.Log("annexe-1-g", "CNAM-2024-02")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range log {
		got = append(got, e.Version.Label+":"+string(e.Change))
	}
	if want := "RA-2023:added CNAM-2024-02:modified"; strings.Join(got, " ") != want {
		t.Errorf("log = %q, want %q", got, want)
	}
	spans, err := src.Blame("annexe-1-g", "CNAM-2024-02")
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	found := false
	for _, sp := range spans {
		text.WriteString(sp.Text)
		if strings.Contains(sp.Text, "30") && sp.Version.Label == "CNAM-2024-02" {
			found = true
		}
	}
	d, _ := src.Diff("RA-2023", "CNAM-2024-02")
	want := ""
	for _, c := range d.New.Clauses {
		if c.ID == "annexe-1-g" {
			want = c.Text
		}
	}
	if text.String() != want {
		t.Errorf("spans rebuild %q, want the clause text %q", text.String(), want)
	}
	if !found {
		t.Errorf("30 € not attributed to CNAM-2024-02: %+v", spans)
	}
	if _, err := src.Log("no-such-clause", "CNAM-2024-02"); err == nil {
		t.Error("Log of an unknown clause: no error")
	}
	if _, err := src.Diff("RA-2023", "nope"); err == nil {
		t.Error("Diff of an unknown version: no error")
	}
}

func TestBadgesNameFacts(t *testing.T) {
	c := &clause.Change{Kind: clause.Modified, Renumbered: true, Facts: []clause.Fact{
		{Kind: clause.FactAmount}, {Kind: clause.FactCode}, {Kind: clause.FactNegation}, {Kind: clause.FactReference}, {Kind: clause.FactDate},
	}}
	got := strings.Join(badges(c), " ")
	if want := "modified renumbered tariff negation facts"; got != want {
		t.Errorf("badges = %q, want %q (a reference that is not broken is no alarm)", got, want)
	}
	c.Facts = append(c.Facts, clause.Fact{Kind: clause.FactReference, Broken: true})
	got = strings.Join(badges(c), " ")
	if want := "modified renumbered tariff negation reference facts"; got != want {
		t.Errorf("badges = %q, want %q", got, want)
	}
}

// TestTariffsKey: "$" opens the grid of the versions on the line to the
// head, or of base and head when the base lies off that line; esc goes
// back.
func TestTariffsKey(t *testing.T) {
	labels := func(m Model) string {
		var out []string
		for _, v := range m.tariffs.grid.Versions {
			out = append(out, v.Label)
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct {
		opts Options
		want string
	}{
		{Options{}, "RA-2023 CNAM-2024-02 CONV-2024-06 AV1-2025"},
		{Options{Base: "MGF-2024-03", Head: "AV1-2025"}, "MGF-2024-03 AV1-2025"},
	} {
		src := FixtureSource(t)
		m := start(t, src, tc.opts, 100, 30)
		m = drive(t, m, keys("$")...)
		if m.screen != screenTariffs || m.err != nil {
			t.Fatalf("after $: screen %s, error %v", screenNames[m.screen], m.err)
		}
		if got := labels(m); got != tc.want {
			t.Errorf("%+v: columns %q, want %q", tc.opts, got, tc.want)
		}
		m = drive(t, m, keys("esc")...)
		if m.screen != screenOutline {
			t.Errorf("esc: screen %s, want outline", screenNames[m.screen])
		}
	}
}

// A change made by an amending text cites its instruction in the history.
func TestHistoryCitesInstruction(t *testing.T) {
	v := store.Version{Label: "AV1-2025", Party: "UNCAM", Date: "2025-03-15"}
	s := newHistoryScreen("art-19-4", "Article 19.4", "", []store.LogEntry{{Version: &v, ChangeEntry: store.ChangeEntry{Number: "19.4", Change: clause.Modified, By: "Article 2, 1°"}}}).SetSize(120, 10)
	got := stripStyles(renderHistory(s, newParties([]store.Version{v}), defaultStyles(true)))
	if !strings.Contains(got, "modified, by art. 2, 1°") {
		t.Errorf("history does not cite the instruction:\n%s", got)
	}
}
