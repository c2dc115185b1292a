package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/store"
)

// historyScreen lists the versions in which a clause changed.
type historyScreen struct {
	id      string
	name    string
	at      string
	entries []store.LogEntry
	cursor  int
	offset  int

	width, height int
}

func newHistoryScreen(id, name, at string, entries []store.LogEntry) historyScreen {
	return historyScreen{id: id, name: name, at: at, entries: entries, cursor: max(len(entries)-1, 0)}
}

// SetSize fits the screen to the body of the window.
func (s historyScreen) SetSize(width, height int) historyScreen {
	s.width, s.height = width, height
	s.offset = window(s.cursor, s.offset, s.listHeight(), len(s.entries))
	return s
}

func (s historyScreen) listHeight() int { return s.height - 2 }

func (s historyScreen) selected() (store.LogEntry, bool) {
	if s.cursor < 0 || s.cursor >= len(s.entries) {
		return store.LogEntry{}, false
	}
	return s.entries[s.cursor], true
}

func (s historyScreen) update(msg tea.KeyPressMsg, k keyMap) (historyScreen, tea.Cmd) {
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
func (s historyScreen) help(k keyMap) helpKeys {
	open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "this step's diff"))
	blame := key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "blame as of this version"))
	return helpKeys{
		short: []key.Binding{open, blame, k.Back, k.Help, k.Quit},
		full:  [][]key.Binding{k.moves(), {open, blame}, k.global()},
	}
}

// renderHistory draws the clause's history, oldest first: version, party
// in its colour, date, the clause's number then and what happened.
func renderHistory(s historyScreen, p parties, st styles) string {
	width := s.width
	var labels, partyNames, numbers, changes []string
	for _, e := range s.entries {
		labels = append(labels, sanitize.Text(e.Version.Label))
		partyNames = append(partyNames, sanitize.Text(e.Version.Party))
		numbers = append(numbers, sanitize.Text(e.Number))
		change := string(e.Change)
		if e.Renumbered {
			change += ", renumbered"
		}
		if e.Moved {
			change += ", moved"
		}
		if e.By != "" {
			change += ", by " + render.Cite(e.By)
		}
		changes = append(changes, change)
	}
	labelW := column(labels, "version", 7, 0.25, width)
	numberW := column(numbers, "number", 6, 0.15, width)
	fixed := 2 + labelW + 1 + 1 + 10 + 1 + numberW + 1 + column(changes, "change", 6, 0.3, width)
	partyW := column(partyNames, "party", 5, max(0.3, float64(width-fixed)/float64(max(width, 1))), width)
	cells := func(label, party, date, number, change string) (string, string) {
		return "  " + elide(label, labelW) + " ", " " + fit(date, 10) + " " + fit(number, numberW) + " " + change
	}
	h1, h2 := cells("version", "", "date", "number", "change")
	lines := []string{
		st.Title.Render(fit(fmt.Sprintf("History of %s · %s", sanitize.Text(s.name), render.Count(len(s.entries), "change")), width)),
		st.Faint.Render(fit(h1+fit("party", partyW)+h2, width)),
	}
	end := min(len(s.entries), s.offset+s.listHeight())
	for i := s.offset; i < end; i++ {
		e := s.entries[i]
		c1, c2 := cells(labels[i], "", e.Version.Date, numbers[i], st.badge(string(e.Change), changes[i]))
		row := fit(c1+p.style(st, e.Version.Party).Render(elide(partyNames[i], partyW))+c2, width)
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
