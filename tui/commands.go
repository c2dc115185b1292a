package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/store"
)

// versionsMsg carries the versions a Source listed, oldest first.
type versionsMsg struct{ versions []store.Version }

// diffMsg carries the diff of base and head, which become the outline.
type diffMsg struct {
	base, head string
	diff       *clause.Diff
}

// logMsg carries the history of clause id, named name, read in version at.
type logMsg struct {
	id, name, at string
	entries      []store.LogEntry
}

// blameMsg carries the blame of clause id as of version at.
type blameMsg struct {
	id, name, at string
	spans        []store.Span
}

// stepMsg carries the diff of one history step, and the change in it that
// concerns the clause (-1 when the clause cannot be found in it).
type stepMsg struct {
	entry  store.LogEntry
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

func loadStep(src Source, id string, e store.LogEntry) tea.Cmd {
	return func() tea.Msg {
		d, err := src.Diff(e.Version.Base, e.Version.Label)
		if err != nil {
			return errMsg{err}
		}
		return stepMsg{e, d, findChange(d, id, e)}
	}
}

// findChange finds the change of d about the clause e is about (the
// logged clause id, unless e names the clause its text came from) with
// the clause resolver, which never takes a clause for one of another kind.
func findChange(d *clause.Diff, id string, e store.LogEntry) int {
	if e.ID != "" {
		id = e.ID
	}
	i, err := d.FindChange(id, e.Version.Label)
	if err != nil {
		return -1
	}
	return i
}
