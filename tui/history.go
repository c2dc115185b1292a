package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/avenant-dev/avenant/amend"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
)

// historyScreen lists the versions in which a clause changed.
type historyScreen struct {
	id      string
	name    string
	at      string
	entries []LogEntry
	cursor  int
	offset  int

	width, height int
}

func newHistoryScreen(id, name, at string, entries []LogEntry) historyScreen {
	return historyScreen{id: id, name: name, at: at, entries: entries, cursor: max(len(entries)-1, 0)}
}

// SetSize fits the screen to the body of the window.
func (s historyScreen) SetSize(width, height int) historyScreen {
	s.width, s.height = width, height
	s.offset = window(s.cursor, s.offset, s.listHeight(), len(s.entries))
	return s
}

func (s historyScreen) listHeight() int { return s.height - 2 }

func (s historyScreen) selected() (LogEntry, bool) {
	if s.cursor < 0 || s.cursor >= len(s.entries) {
		return LogEntry{}, false
	}
	return s.entries[s.cursor], true
}

func (s historyScreen) update(msg tea.KeyPressMsg, k KeyMap) (historyScreen, tea.Cmd) {
	s.cursor = moveCursor(msg, k, s.cursor, len(s.entries), s.listHeight())
	s.offset = window(s.cursor, s.offset, s.listHeight(), len(s.entries))
	return s, nil
}

func (s historyScreen) scroll(n int) historyScreen {
	s.cursor = clamp(s.cursor+n, 0, len(s.entries)-1)
	s.offset = window(s.cursor, s.offset, s.listHeight(), len(s.entries))
	return s
}

// help is the screen's key help.
func (s historyScreen) help(k KeyMap) helpKeys {
	open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "this step's diff"))
	blame := key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "blame as of this version"))
	return helpKeys{
		short: []key.Binding{open, blame, k.Back, k.Help, k.Quit},
		full:  [][]key.Binding{k.moves(), {open, blame}, k.global()},
	}
}

// renderHistory draws the clause's history, oldest first: version, party
// in its colour, date, the clause's number then and what happened.
func renderHistory(s historyScreen, p parties, st Styles) string {
	width := s.width
	lines := []string{
		st.Title.Render(fit(fmt.Sprintf("History of %s · %s", sanitize.Text(s.name), render.Count(len(s.entries), "change")), width)),
		st.Faint.Render(fit(fmt.Sprintf("  %-16s %-22s %-10s %-8s %s", "version", "party", "date", "number", "change"), width)),
	}
	end := min(len(s.entries), s.offset+s.listHeight())
	for i := s.offset; i < end; i++ {
		e := s.entries[i]
		change := string(e.Change)
		if e.Renumbered {
			change += ", renumbered"
		}
		if e.Moved {
			change += ", moved"
		}
		if e.By != "" {
			change += ", by " + amend.Cite(e.By)
		}
		row := "  " + fit(sanitize.Text(e.Version.Label), 16) + " " + p.style(st, e.Version.Party).Render(fit(sanitize.Text(e.Version.Party), 22)) +
			" " + fit(e.Version.Date, 10) + " " + fit(sanitize.Text(e.Number), 8) + " " + st.badge(string(e.Change), change)
		row = fit(row, width)
		if i == s.cursor {
			row = cursorRow(st, row, width)
		}
		lines = append(lines, row)
	}
	if len(s.entries) == 0 {
		lines = append(lines, fit("  no recorded change", width))
	}
	return pad(lines, width, s.height)
}
