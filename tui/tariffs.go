package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/store"
	"github.com/avenant-dev/avenant/tariff"
)

// tariffsScreen shows the tariff grid of the versions on screen: one row
// per act code, one column per version, the cells that differ from the
// version before highlighted.
type tariffsScreen struct {
	grid   *tariff.Grid
	cursor int
	offset int

	width, height int
}

func newTariffsScreen(g *tariff.Grid) tariffsScreen { return tariffsScreen{grid: g} }

// SetSize fits the screen to the body of the window.
func (s tariffsScreen) SetSize(width, height int) tariffsScreen {
	s.width, s.height = width, height
	s.offset = window(s.cursor, s.offset, s.listHeight(), s.rows())
	return s
}

func (s tariffsScreen) rows() int {
	if s.grid == nil {
		return 0
	}
	return len(s.grid.Rows)
}

func (s tariffsScreen) listHeight() int { return s.height - 2 }

func (s tariffsScreen) update(msg tea.KeyPressMsg, k keyMap) (tariffsScreen, tea.Cmd) {
	s.cursor = moveCursor(msg, k, s.cursor, s.rows(), s.listHeight())
	s.offset = window(s.cursor, s.offset, s.listHeight(), s.rows())
	return s, nil
}

func (s tariffsScreen) scroll(n int) tariffsScreen {
	s.cursor = clamp(s.cursor+n, 0, s.rows()-1)
	s.offset = window(s.cursor, s.offset, s.listHeight(), s.rows())
	return s
}

// help is the screen's key help.
func (s tariffsScreen) help(k keyMap) helpKeys {
	return helpKeys{
		short: []key.Binding{k.Up, k.Down, k.Back, k.Help, k.Quit},
		full:  [][]key.Binding{k.moves(), k.global()},
	}
}

// tariffColumn bounds the width of a version's column: a cell longer than
// that (a price and its date, or two prices) is cut with an ellipsis.
const tariffColumn = 24

// renderTariffs draws the grid: a title, a header of version labels, then
// one line per act code. A cell that differs from the version before is in
// the fact style, or marked "*" in plain mode. The oldest columns that do
// not fit are left out, the header's "…" saying so.
func renderTariffs(s tariffsScreen, st styles) string {
	width := s.width
	g := s.grid
	if g == nil {
		return pad([]string{fit("  loading…", width)}, width, s.height)
	}
	names := make([]string, len(g.Versions))
	for i, v := range g.Versions {
		names[i] = sanitize.Line(v.Label)
	}
	lines := []string{st.Title.Render(fit("Tariffs · "+strings.Join(names, " → "), width))}
	codeWidth, colWidth := 6, make([]int, len(g.Versions))
	for i := range g.Versions {
		colWidth[i] = min(max(ansi.StringWidth(names[i]), 4), tariffColumn)
	}
	for _, r := range g.Rows {
		codeWidth = max(codeWidth, ansi.StringWidth(r.Code)+1)
		for i, c := range r.Cells {
			colWidth[i] = min(max(colWidth[i], ansi.StringWidth(render.TariffCell(c))+2), tariffColumn)
		}
	}
	// The newest versions matter most: when the columns do not fit, the
	// oldest give way.
	first, used := len(names), 2+codeWidth
	for first > 0 && used+1+colWidth[first-1] <= width {
		first--
		used += 1 + colWidth[first]
	}
	if first == len(names) {
		first = len(names) - 1
	}
	header := "  " + fit("code", codeWidth)
	if first > 0 {
		header = "  " + fit("code", codeWidth-1) + "…"
	}
	for i := first; i < len(names); i++ {
		header += " " + fit(names[i], colWidth[i])
	}
	lines = append(lines, st.Faint.Render(fit(header, width)))
	end := min(s.rows(), s.offset+s.listHeight())
	for k := s.offset; k < end; k++ {
		r := &g.Rows[k]
		row := "  " + fit(sanitize.Line(r.Code), codeWidth)
		for i := first; i < len(r.Cells); i++ {
			c := r.Cells[i]
			cell := render.TariffCell(c)
			if r.Changed(i) {
				if st.Plain {
					cell += " *"
				}
				row += " " + st.Fact.Render(fit(cell, colWidth[i]))
				continue
			}
			row += " " + fit(cell, colWidth[i])
		}
		row = fit(row, width)
		if k == s.cursor {
			row = cursorRow(st, row, width)
		}
		lines = append(lines, row)
	}
	if s.rows() == 0 {
		lines = append(lines, fit("  no prices in these versions", width))
	} else if c := s.cursor; c < s.rows() && s.listHeight() > 0 {
		// The selected act's name, which the columns leave no room for.
		label := g.Rows[c].Code + ": " + g.Rows[c].Label
		if g.ByTable {
			label = g.Rows[c].Table + " · " + label // two rows G, in two tables
		}
		if (g.Rows[c].Label != "" || g.ByTable) && end-s.offset < s.listHeight() {
			lines = append(lines, st.Faint.Render(fit("  "+sanitize.Line(label), width)))
		}
	}
	return pad(lines, width, s.height)
}

// tariffsMsg carries the grid of the versions on screen.
type tariffsMsg struct{ grid *tariff.Grid }

// loadTariffs reads the documents of the versions, oldest first, through
// the diffs the Source already answers (each version against its base,
// whose new side is the version), and builds their grid.
func loadTariffs(src Source, versions []store.Version) tea.Cmd {
	return func() tea.Msg {
		var vs []tariff.Version
		for _, v := range versions {
			d, err := src.Diff(v.Base, v.Label)
			if err != nil {
				return errMsg{err}
			}
			vs = append(vs, tariff.Version{Label: v.Label, Party: v.Party, Date: v.Date, Doc: d.New})
		}
		return tariffsMsg{tariff.Build(vs)}
	}
}
