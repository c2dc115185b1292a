package tui

import (
	"errors"
	"slices"

	"github.com/avenant-dev/avenant/clause"
)

// changeOfName finds the change of d about the clause a reader calls
// name, as the command line resolves it (clause.FindName): in the head
// version first, then in the base for a removed clause. The error names
// the close or ambiguous clauses.
func changeOfName(d *clause.Diff, name, base, head string) (int, error) {
	i, err := clause.FindName(clause.NamedOf(d.New), name, orNone(head))
	if err == nil {
		return changeWith(d, i, false), nil
	}
	if !errors.Is(err, clause.ErrUnknownClause) {
		return -1, err
	}
	if hits := clause.ResolveName(clause.NamedOf(d.Old), name); len(hits) == 1 {
		if c := changeWith(d, hits[0], true); c >= 0 {
			return c, nil
		}
	}
	return -1, err
}

// changeWith is the change holding clause i of the new document (of the
// old one when old is set), -1 when none does.
func changeWith(d *clause.Diff, i int, old bool) int {
	for c := range d.Changes {
		side := d.Changes[c].New
		if old {
			side = d.Changes[c].Old
		}
		if slices.Contains(side, i) {
			return c
		}
	}
	return -1
}

// goTo puts the cursor on the row of change c, clearing the filters when
// they hide it.
func (s outlineScreen) goTo(c int) outlineScreen {
	if !slices.Contains(s.visible, c) {
		s.changedOnly, s.factsOnly, s.kind, s.query = false, false, 0, ""
		s.refilter()
	}
	for vi, r := range s.visible {
		if s.rows[r].change == c {
			s.cursor = vi
		}
	}
	s.offset = window(s.cursor, s.offset, s.listHeight(), len(s.visible))
	return s
}
