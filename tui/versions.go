package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
)

// versionsScreen is the timeline: the versions newest first, with a small
// graph of which version answers which, and the chosen base and head.
type versionsScreen struct {
	list          []Version // newest first
	graph         []string
	cursor        int
	offset        int
	width, height int
}

func newVersionsScreen(vs []Version) versionsScreen {
	list := make([]Version, len(vs))
	for i, v := range vs {
		list[len(vs)-1-i] = v
	}
	return versionsScreen{list: list, graph: versionGraph(list)}
}

// SetSize fits the screen to the body of the window.
func (s versionsScreen) SetSize(width, height int) versionsScreen {
	s.width, s.height = width, height
	s.offset = window(s.cursor, s.offset, s.listHeight(), len(s.list))
	return s
}

func (s versionsScreen) listHeight() int { return s.height - 2 }

// selected is the version under the cursor.
func (s versionsScreen) selected() (Version, bool) {
	if s.cursor < 0 || s.cursor >= len(s.list) {
		return Version{}, false
	}
	return s.list[s.cursor], true
}

// focus puts the cursor on the version labelled label.
func (s versionsScreen) focus(label string) versionsScreen {
	for i, v := range s.list {
		if v.Label == label {
			s.cursor = i
		}
	}
	s.offset = window(s.cursor, s.offset, s.listHeight(), len(s.list))
	return s
}

func (s versionsScreen) update(msg tea.KeyPressMsg, k KeyMap) (versionsScreen, tea.Cmd) {
	s.cursor = moveCursor(msg, k, s.cursor, len(s.list), s.listHeight())
	s.offset = window(s.cursor, s.offset, s.listHeight(), len(s.list))
	return s, nil
}

func (s versionsScreen) scroll(n int) versionsScreen {
	s.cursor = clamp(s.cursor+n, 0, len(s.list)-1)
	s.offset = window(s.cursor, s.offset, s.listHeight(), len(s.list))
	return s
}

// help is the screen's key help.
func (s versionsScreen) help(k KeyMap) helpKeys {
	open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "diff against its base"))
	answersKey := key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "its answers"))
	return helpKeys{
		short: []key.Binding{open, k.SetBase, k.Outline, answersKey, k.Help, k.Quit},
		full:  [][]key.Binding{k.moves(), {open, k.SetBase, answersKey}, k.global()},
	}
}

// moveCursor applies the movement keys to a list cursor.
func moveCursor(msg tea.KeyPressMsg, k KeyMap, cursor, n, page int) int {
	page = max(page, 1)
	switch {
	case key.Matches(msg, k.Up):
		cursor--
	case key.Matches(msg, k.Down):
		cursor++
	case key.Matches(msg, k.PageUp):
		cursor -= page
	case key.Matches(msg, k.PageDown):
		cursor += page
	case key.Matches(msg, k.Top):
		cursor = 0
	case key.Matches(msg, k.Bottom):
		cursor = n - 1
	}
	return clamp(cursor, 0, n-1)
}

func clamp(v, lo, hi int) int {
	if v > hi {
		v = hi
	}
	if v < lo {
		v = lo
	}
	return v
}

// versionGraph draws the answer graph of versions listed newest first,
// as avenant versions does (render.VersionGraph).
func versionGraph(list []Version) []string {
	gv := make([]render.GraphVersion, len(list))
	for i, v := range list {
		gv[i] = render.GraphVersion{Label: v.Label, Base: v.Base}
	}
	return render.VersionGraph(gv)
}

// renderVersions draws the timeline: graph, label, party in its colour,
// kind, date and the version answered, with base and head marked.
func renderVersions(s versionsScreen, base, head string, p parties, st Styles) string {
	width, height := s.width, s.height
	lines := []string{
		st.Title.Render(fit(fmt.Sprintf("%s · base %s → head %s", render.Count(len(s.list), "version"), orNone(base), head), width)),
	}
	wide := width >= 100
	if wide {
		lines = append(lines, st.Faint.Render(fit(fmt.Sprintf("  %-9s %-16s %-22s %-18s %-10s %s", "graph", "version", "party", "kind", "date", "answers"), width)))
	} else {
		lines = append(lines, st.Faint.Render(fit(fmt.Sprintf("  %-9s %-16s %-22s %-10s %s", "graph", "version", "party", "date", "answers"), width)))
	}
	gw := 0
	for _, g := range s.graph {
		gw = max(gw, len([]rune(g)))
	}
	gw = max(gw, 5)
	end := min(len(s.list), s.offset+s.listHeight())
	for i := s.offset; i < end; i++ {
		v := s.list[i]
		mark := "  "
		switch v.Label {
		case head:
			mark = "H "
		case base:
			mark = "B "
		}
		g := s.graph[i] + strings.Repeat(" ", gw-len([]rune(s.graph[i])))
		party := fit(sanitize.Text(v.Party), 22)
		answers := ""
		if v.Base != "" {
			answers = "↳ " + sanitize.Text(v.Base)
		}
		kind := ""
		if wide {
			kind = fit(sanitize.Text(v.Kind), 18) + " "
		}
		row := mark + fit(g, 9) + " " + fit(sanitize.Text(v.Label), 16) + " " + p.style(st, v.Party).Render(party) + " " +
			kind + fit(v.Date, 10) + " " + answers
		row = fit(row, width)
		if i == s.cursor {
			row = cursorRow(st, row, width)
		}
		lines = append(lines, row)
	}
	return pad(lines, width, height)
}

// cursorRow marks the selected row: reversed, and with "▸" in plain mode.
func cursorRow(st Styles, row string, width int) string {
	if st.Plain {
		return fit("▸"+stripFirst(row), width)
	}
	return st.Cursor.Render(stripStyles(row))
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
