package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/avenant-dev/avenant/clause"
)

// versionsMsg carries the versions a Source listed, oldest first.
type versionsMsg struct{ versions []Version }

// diffMsg carries the diff of base and head, which become the outline.
type diffMsg struct {
	base, head string
	diff       *clause.Diff
}

// logMsg carries the history of clause id, named name, read in version at.
type logMsg struct {
	id, name, at string
	entries      []LogEntry
}

// blameMsg carries the blame of clause id as of version at.
type blameMsg struct {
	id, name, at string
	spans        []Span
}

// stepMsg carries the diff of one history step, and the change in it that
// concerns the clause (-1 when the clause cannot be found in it).
type stepMsg struct {
	entry  LogEntry
	diff   *clause.Diff
	change int
}

// errMsg reports a failure of any Source call; the root shows it on its
// status line until the next key.
type errMsg struct{ err error }

func loadVersions(src Source) tea.Cmd {
	return func() tea.Msg {
		vs, err := src.Versions()
		if err != nil {
			return errMsg{err}
		}
		return versionsMsg{vs}
	}
}

func loadDiff(src Source, base, head string) tea.Cmd {
	return func() tea.Msg {
		d, err := src.Diff(base, head)
		if err != nil {
			return errMsg{err}
		}
		return diffMsg{base, head, d}
	}
}

func loadLog(src Source, id, name, at string) tea.Cmd {
	return func() tea.Msg {
		es, err := src.Log(id, at)
		if err != nil {
			return errMsg{err}
		}
		return logMsg{id, name, at, es}
	}
}

func loadBlame(src Source, id, name, at string) tea.Cmd {
	return func() tea.Msg {
		spans, err := src.Blame(id, at)
		if err != nil {
			return errMsg{err}
		}
		return blameMsg{id, name, at, spans}
	}
}

func loadStep(src Source, id string, e LogEntry) tea.Cmd {
	return func() tea.Msg {
		d, err := src.Diff(e.Version.Base, e.Version.Label)
		if err != nil {
			return errMsg{err}
		}
		return stepMsg{e, d, findChange(d, id, e.Number)}
	}
}

// findChange finds the change of d about clause id: by id on the new side,
// then on the old side (a removal), then by number (a source whose ids do
// not survive renumbering).
func findChange(d *clause.Diff, id, number string) int {
	for i := range d.Changes {
		for _, n := range d.Changes[i].New {
			if d.New.Clauses[n].ID == id {
				return i
			}
		}
	}
	for i := range d.Changes {
		for _, o := range d.Changes[i].Old {
			if d.Old.Clauses[o].ID == id {
				return i
			}
		}
	}
	if number != "" {
		for i := range d.Changes {
			for _, n := range d.Changes[i].New {
				if d.New.Clauses[n].Number == number {
					return i
				}
			}
		}
	}
	return -1
}
