package tui

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// probe wraps the root model in a real Bubble Tea program and publishes
// what it shows after each message, so that a flow can wait for a screen
// without parsing the renderer's partial frames.
type probe struct {
	m    Model
	last *atomic.Pointer[string]
}

func (p probe) Init() tea.Cmd { return p.m.Init() }

func (p probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := p.m.Update(msg)
	p.m = next.(Model)
	s := screenText(p.m)
	p.last.Store(&s)
	return p, cmd
}

func (p probe) View() tea.View { return p.m.View() }

// flowRun drives the program with teatest.
type flowRun struct {
	t    *testing.T
	tm   *teatest.TestModel
	last *atomic.Pointer[string]
}

func newFlow(t *testing.T, src Source, opts Options) *flowRun {
	t.Helper()
	last := &atomic.Pointer[string]{}
	tm := teatest.NewTestModel(t, probe{m: New(src, opts), last: last}, teatest.WithInitialTermSize(120, 36))
	return &flowRun{t: t, tm: tm, last: last}
}

// press types keys and waits until the screen shows want.
func (f *flowRun) press(want string, names ...string) {
	f.t.Helper()
	for _, k := range keys(names...) {
		f.tm.Send(k)
	}
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if s := f.last.Load(); s != nil && strings.Contains(*s, want) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	s := f.last.Load()
	if s == nil {
		f.t.Fatalf("after %q: nothing shown, want %q", names, want)
	}
	f.t.Fatalf("after %q: screen does not show %q:\n%s", names, want, *s)
}

// TestFlowDemo walks the demo negotiation as a negotiator would: open it,
// go to a tariff clause, toggle side by side, open its history and its
// blame, search, filter and quit.
func TestFlowDemo(t *testing.T) {
	src := FixtureSource(t)
	f := newFlow(t, src, Options{})
	f.press("CONV-2024-06 → AV1-2025 · outline")
	// The tariff round: the CNAM's proposal against the règlement arbitral.
	f.press("versions", "v")
	f.press("H ●", "j", "j", "j", "j", "enter")
	f.press("RA-2023 → CNAM-2024-02 · outline")
	f.press("filter: kind=tariff", "t", "t", "t", "t", "t", "t")
	f.press("amount GS: 26,50 € → 30 € (+13,21 %)", "/", "consultation de référence", "enter", "enter")
	f.press("RA-2023: 10", "s")
	f.press("History of Article 10", "h")
	f.press("Blame of Article 10", "b")
	f.press("outline", "esc", "esc", "esc")
	f.press("filter: changed only", "esc", "c")
	f.tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	final := f.tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(probe)
	if final.m.err != nil {
		t.Errorf("error left on screen: %v", final.m.err)
	}
	if got := final.m.View().Content; !strings.Contains(got, "changed only") {
		t.Errorf("final view lost the filter:\n%s", got)
	}
}

// TestFlowErrors shows a failing Source as one error line, cleared by the
// next key.
func TestFlowErrors(t *testing.T) {
	f := newFlow(t, newFakeSource(), Options{Head: "NOPE"})
	f.press("error: NOPE: no such version")
	f.press("versions", "j")
	f.tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	f.tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// TestFlowWideInNarrow: a character wider than the line (a CJK one in a
// column of one cell) overflows its line; it used to loop for ever.
func TestFlowWideInNarrow(t *testing.T) {
	got := flow([]seg{{text: "a漢字b"}}, 1)
	var texts []string
	for _, l := range got {
		var b strings.Builder
		for _, s := range l {
			b.WriteString(s.text)
		}
		texts = append(texts, b.String())
	}
	if strings.Join(texts, "|") != "a|漢|字|b" {
		t.Errorf("got %q", texts)
	}
}

// TestDiffResizeSame: the diff screen resized through other widths draws
// what it draws when opened at its width: the words cut once are laid
// out again, not kept from an earlier width.
func TestDiffResizeSame(t *testing.T) {
	src := longClauseSource(3000)
	for _, side := range []bool{false, true} {
		open := keys("enter")
		if side {
			open = keys("enter", "s")
		}
		fresh := drive(t, start(t, src, Options{}, 90, 30), open...)
		if v := fresh.View().Content; !strings.Contains(v, "perçoit") || side != strings.Contains(v, " │ ") {
			t.Fatalf("side %v: the diff is not open as asked:\n%s", side, v)
		}
		m := drive(t, start(t, src, Options{}, 150, 30), open...)
		m = drive(t, m, tea.WindowSizeMsg{Width: 61, Height: 30}, tea.WindowSizeMsg{Width: 90, Height: 30})
		if got, want := m.View().Content, fresh.View().Content; got != want {
			t.Errorf("side %v: resized to 90 draws\n%s\nopened at 90:\n%s", side, got, want)
		}
	}
}

// TestDiffCoarseCut: a change compared by sentence and line (past
// clause.HugeText) shows the start of its text and says what is left
// out: megabytes of it took the screen 20 s and 2 GB to open.
func TestDiffCoarseCut(t *testing.T) {
	src := longClauseSource(2 * shownBytes)
	src.diff.Changes[0].Coarse = 2 * shownBytes
	m := drive(t, start(t, src, Options{}, 100, 30), keys("enter")...)
	if v := m.View().Content; !strings.Contains(v, "! compared by sentence and line, facts not read") {
		t.Errorf("the note is missing:\n%s", v)
	}
	m = drive(t, m, keys("G")...)
	if v := m.View().Content; !strings.Contains(v, "MB more not shown here: avenant diff prints it all") {
		t.Errorf("the cut is not said:\n%s", v)
	}
	if n := m.diff.lines.count(); n > 4*shownBytes/100 {
		t.Errorf("%d lines laid out, more than the shown bytes make", n)
	}
}
