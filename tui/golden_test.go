package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/internal/goldenfile"
)

// requireGolden compares a screen with testdata/<test name>.golden.
func requireGolden(t *testing.T, screen string) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", t.Name()+".golden"), []byte(screen))
}

// goldenSizes are the terminal sizes every screen is pinned at: the
// smallest usual terminal, a laptop's and a wide screen's.
var goldenSizes = [][2]int{{80, 24}, {120, 35}, {200, 50}}

// TestGolden pins down every screen at the sizes the TUI is designed
// for, drawn from the hand-built fake so that only a change of the TUI can
// move them. Run with -update to rewrite testdata/TestGolden/*.golden.
func TestGolden(t *testing.T) {
	flows := []struct {
		name string
		keys []string
	}{
		{"outline", nil},
		{"outline-changed-only", []string{"c"}},
		{"search", []string{"/", "consultation", "enter"}},
		{"search-prompt", []string{"/", "medecin"}},
		{"goto-prompt", []string{":"}},
		{"goto", []string{":", "2 bis", "enter"}},
		{"diff", []string{":", "29.1", "enter", "enter"}},
		{"diff-side", []string{":", "29.1", "enter", "enter", "s"}},
		{"diff-added", []string{":", "2 bis", "enter", "enter"}},
		{"diff-removed", []string{"G", "enter"}},
		{"history", []string{":", "29.1", "enter", "h"}},
		{"history-step", []string{":", "29.1", "enter", "h", "enter"}},
		{"blame", []string{":", "29.1", "enter", "b", "j"}},
		{"blame-previous", []string{":", "29.1", "enter", "b", "j", ","}},
		{"versions", []string{"v"}},
		{"help", []string{"?"}},
	}
	for _, size := range goldenSizes {
		for _, f := range flows {
			t.Run(fmt.Sprintf("%s-%dx%d", f.name, size[0], size[1]), func(t *testing.T) {
				m := start(t, newFakeSource(), Options{}, size[0], size[1])
				m = drive(t, m, keys(f.keys...)...)
				if m.err != nil {
					t.Fatalf("error shown: %v", m.err)
				}
				checkSize(t, m.View().Content, size[0], size[1])
				lines := strings.Split(screenText(m), "\n")
				if foot := lines[len(lines)-1]; !m.showHelp && !m.prompting && !strings.Contains(foot, "? help • q quit") {
					t.Errorf("footer hides ? help or q quit: %q", foot)
				}
				requireGolden(t, screenText(m))
			})
		}
	}
}

// TestGoldenStyled pins down the colours and decorations of the outline and
// of a diff, escape sequences included.
func TestGoldenStyled(t *testing.T) {
	for _, f := range []struct {
		name string
		keys []string
	}{{"outline", nil}, {"search", []string{"/", "medecin", "enter"}}, {"diff", []string{":", "29.1", "enter", "enter"}}, {"blame", []string{":", "29.1", "enter", "b"}}} {
		t.Run(f.name, func(t *testing.T) {
			m := start(t, newFakeSource(), Options{}, 80, 24)
			m = drive(t, m, keys(f.keys...)...)
			requireGolden(t, m.View().Content)
		})
	}
}

// TestGoldenPlain pins down the textual marks drawn without colour.
func TestGoldenPlain(t *testing.T) {
	m := start(t, newFakeSource(), Options{Plain: true}, 80, 24)
	m = drive(t, m, keys(":", "29.1", "enter", "enter")...)
	requireGolden(t, screenText(m))
}

// TestGoldenTariffs pins down the tariff grid of the demo negotiation:
// the versions on the line to the head, a changed cell highlighted (marked
// "*" in plain mode); moving the cursor shows the selected act's name.
func TestGoldenTariffs(t *testing.T) {
	for _, f := range []struct {
		name  string
		plain bool
		size  [2]int
		keys  []string
	}{
		{"80x24", false, [2]int{80, 24}, []string{"$"}},
		{"120x35", false, [2]int{120, 35}, []string{"$"}},
		{"160x48", false, [2]int{160, 48}, []string{"$", "j"}},
		{"200x50", false, [2]int{200, 50}, []string{"$", "j"}},
		{"plain", true, [2]int{80, 24}, []string{"$", "G"}},
	} {
		t.Run(f.name, func(t *testing.T) {
			src := FixtureSource(t)
			m := start(t, src, Options{Plain: f.plain}, f.size[0], f.size[1])
			m = drive(t, m, keys(f.keys...)...)
			if m.err != nil || m.screen != screenTariffs {
				t.Fatalf("screen %v, error %v", screenNames[m.screen], m.err)
			}
			checkSize(t, m.View().Content, f.size[0], f.size[1])
			requireGolden(t, screenText(m))
		})
	}
}
