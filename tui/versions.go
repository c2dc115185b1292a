package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/store"
)

// versionsScreen is the timeline: the versions newest first, with a small
// graph of which version answers which, and the chosen base and head.
type versionsScreen struct {
	list          []store.Version // newest first, answers above their base
	graph         []string
	cursor        int
	offset        int
	width, height int
}

func newVersionsScreen(vs []store.Version) versionsScreen {
	gv := make([]render.GraphVersion, len(vs))
	for i, v := range vs {
		gv[i] = render.GraphVersion{Label: v.Label, Base: v.Base}
	}
	list := make([]store.Version, 0, len(vs))
	for _, i := range render.GraphOrder(gv) {
		list = append(list, vs[i])
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
func (s versionsScreen) selected() (store.Version, bool) {
	if s.cursor < 0 || s.cursor >= len(s.list) {
		return store.Version{}, false
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

func (s versionsScreen) update(msg tea.KeyPressMsg, k keyMap) (versionsScreen, tea.Cmd) {
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
func (s versionsScreen) help(k keyMap) helpKeys {
	open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "diff against its base"))
	answersKey := key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "its answers"))
	return helpKeys{
		short: []key.Binding{open, k.SetBase, k.Outline, answersKey, k.Help, k.Quit},
		full:  [][]key.Binding{k.moves(), {open, k.SetBase, answersKey}, k.global()},
	}
}

// moveCursor applies the movement keys to a list cursor.
func moveCursor(msg tea.KeyPressMsg, k keyMap, cursor, n, page int) int {
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
func versionGraph(list []store.Version) []string {
	gv := make([]render.GraphVersion, len(list))
	for i, v := range list {
		gv[i] = render.GraphVersion{Label: v.Label, Base: v.Base}
	}
	return render.VersionGraph(gv)
}

// renderVersions draws the timeline: graph, label, party in its colour,
// kind, date and the version answered, with base and head marked. Columns
// are as wide as their widest value, up to a share of the window; a label
// too long loses its middle, where versions of one series differ least.
func renderVersions(s versionsScreen, base, head string, p parties, st styles) string {
	width, height := s.width, s.height
	lines := []string{
		st.Title.Render(fit(fmt.Sprintf("%s · base %s → head %s", render.Count(len(s.list), "version"), orNone(base), head), width)),
	}
	var labels, partyNames, kinds, answered []string
	for _, v := range s.list {
		labels = append(labels, sanitize.Text(v.Label))
		partyNames = append(partyNames, sanitize.Text(v.Party))
		kinds = append(kinds, sanitize.Text(v.Kind))
		answers := ""
		if v.Base != "" {
			answers = "↳ " + sanitize.Text(v.Base)
		}
		answered = append(answered, answers)
	}
	gw := 5
	for _, g := range s.graph {
		gw = max(gw, ansi.StringWidth(g))
	}
	labelW := column(labels, "version", 7, 0.25, width)
	kindW := 0
	if width >= 100 {
		kindW = column(kinds, "kind", 4, 0.2, width)
	}
	// The version answered, as wide as its label up to a quarter of the
	// window, and the party share what the other columns leave: on 80
	// columns the party took its share first and left "↳ MGF-…", which
	// did not say whether MGF-2024-11 or MGF-2024-12 was answered.
	answersW := column(answered, "answers", 7, 0.25, width)
	partyW := clamp(width-(2+gw+1+labelW+2+kindW+1+10+1+answersW), 5, column(partyNames, "party", 5, 1, width))
	cells := func(mark, graph, label, party, kind, date, answers string) (string, string) {
		head := mark + fit(graph, gw) + " " + elide(label, labelW) + " "
		rest := " "
		if kindW > 0 {
			rest += fit(kind, kindW) + " "
		}
		return head, rest + fit(date, 10) + " " + elide(answers, answersW)
	}
	h1, h2 := cells("  ", "graph", "version", "", "kind", "date", "answers")
	lines = append(lines, st.Faint.Render(fit(h1+fit("party", partyW)+h2, width)))
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
		c1, c2 := cells(mark, s.graph[i], labels[i], "", kinds[i], v.Date, answered[i])
		row := fit(c1+p.style(st, v.Party).Render(elide(partyNames[i], partyW))+c2, width)
		if i == s.cursor {
			row = cursorRow(st, row, width)
		}
		lines = append(lines, row)
	}
	return pad(lines, width, height)
}

// cursorRow marks the selected row: reversed, and with "▸" in plain mode.
func cursorRow(st styles, row string, width int) string {
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
