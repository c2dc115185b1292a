package tui

import "slices"

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
