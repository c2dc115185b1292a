package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// helpBody lays the full help of a screen out in width × height cells:
// its groups of keys side by side when they fit, else set down one column
// after another as a newspaper sets its text, else one under the other.
// The help model alone drops the groups past the width behind "…": on 80
// columns the outline's help hid v, o, $, p, esc, ? and q.
func helpBody(h help.Model, groups [][]key.Binding, width, height int) string {
	h.SetWidth(0) // measured here, not cut with an ellipsis
	if all := h.FullHelpView(groups); widest(all) <= width {
		return all
	}
	var blocks []string
	for _, g := range groups {
		if len(g) > 0 {
			blocks = append(blocks, h.FullHelpView([][]key.Binding{g}))
		}
	}
	var cols []string
	var col []string
	lines := 0
	for _, b := range blocks {
		n := strings.Count(b, "\n") + 1
		if len(col) > 0 && lines+1+n > height {
			cols, col, lines = append(cols, strings.Join(col, "\n\n")), nil, 0
		}
		if len(col) > 0 {
			lines++
		}
		col, lines = append(col, b), lines+n
	}
	cols = append(cols, strings.Join(col, "\n\n"))
	for i := range cols[:len(cols)-1] {
		cols[i] = lipgloss.NewStyle().PaddingRight(3).Render(cols[i])
	}
	if set := lipgloss.JoinHorizontal(lipgloss.Top, cols...); widest(set) <= width {
		return set
	}
	return strings.Join(blocks, "\n\n")
}

// widest is the width of the widest line of s.
func widest(s string) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, ansi.StringWidth(l))
	}
	return w
}
