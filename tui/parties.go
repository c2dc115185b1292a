package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
	ptable "github.com/avenant-dev/avenant/parties"
	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/store"
)

// partiesScreen is every answer against their common base (as avenant
// compare): the base's clauses that some answer changes, one column of
// badges per answer, and for the selected clause each party's facts, or
// two parties' wordings side by side.
type partiesScreen struct {
	table   *ptable.Table
	base    store.Version
	answers []store.Version
	// rows index table.Rows: those that some answer changes.
	rows   []int
	cursor int
	// col is the selected answer.
	col    int
	offset int
	// pair shows the selected answer's wording beside the next one's.
	pair bool

	width, height int
}

// partiesMsg carries a table loaded for the parties screen.
type partiesMsg struct {
	base    store.Version
	answers []store.Version
	table   *ptable.Table
}

// loadParties compares each answer with the base (the Source caches the
// diffs) and lays out the table.
func loadParties(src Source, base store.Version, as []store.Version) tea.Cmd {
	return func() tea.Msg {
		diffs := make([]*clause.Diff, len(as))
		for j, a := range as {
			d, err := src.Diff(base.Label, a.Label)
			if err != nil {
				return errMsg{err}
			}
			diffs[j] = d
		}
		return partiesMsg{base, as, ptable.FromDiffs(diffs[0].Old, diffs)}
	}
}

// answersOf are the versions that answer base, oldest first.
func answersOf(all []store.Version, base string) []store.Version {
	var out []store.Version
	for _, v := range all {
		if v.Base == base && base != "" {
			out = append(out, v)
		}
	}
	return out
}

// latestAnswered is the latest version that several versions answer
// (parties.LatestAnswered), or false.
func latestAnswered(all []store.Version) (store.Version, bool) {
	labels, bases := make([]string, len(all)), make([]string, len(all))
	for i, v := range all {
		labels[i], bases[i] = v.Label, v.Base
	}
	b, _ := ptable.LatestAnswered(labels, bases)
	if b < 0 {
		return store.Version{}, false
	}
	return all[b], true
}

func newPartiesScreen(msg partiesMsg) partiesScreen {
	s := partiesScreen{table: msg.table, base: msg.base, answers: msg.answers}
	for i := range msg.table.Rows {
		if msg.table.Changed(&msg.table.Rows[i]) {
			s.rows = append(s.rows, i)
		}
	}
	return s
}

// SetSize fits the screen to the body of the window.
func (s partiesScreen) SetSize(width, height int) partiesScreen {
	s.width, s.height = width, height
	s.offset = window(s.cursor, s.offset, s.listHeight(), len(s.rows))
	return s
}

// wide screens put the facts beside the list, narrow ones beneath it.
func (s partiesScreen) wide() bool { return s.width >= 120 }

func (s partiesScreen) listHeight() int {
	if s.wide() {
		return s.height - 2
	}
	return max(s.height-2-s.paneHeight(), 1)
}

func (s partiesScreen) paneHeight() int { return max(s.height/3, 4) }

// selected is the row and answer under the cursor.
func (s partiesScreen) selected() (*ptable.Row, int, bool) {
	if s.table == nil || s.cursor >= len(s.rows) {
		return nil, 0, false
	}
	return &s.table.Rows[s.rows[s.cursor]], s.col, true
}

func (s partiesScreen) update(msg tea.KeyPressMsg, k keyMap) (partiesScreen, tea.Cmd) {
	switch msg.String() {
	case "right", "l", "tab":
		s.col = (s.col + 1) % max(len(s.answers), 1)
		return s, nil
	case "left", "shift+tab":
		s.col = (s.col + len(s.answers) - 1) % max(len(s.answers), 1)
		return s, nil
	}
	if key.Matches(msg, k.SideBySide) {
		s.pair = !s.pair
		return s, nil
	}
	s.cursor = moveCursor(msg, k, s.cursor, len(s.rows), s.listHeight())
	s.offset = window(s.cursor, s.offset, s.listHeight(), len(s.rows))
	return s, nil
}

func (s partiesScreen) scroll(n int) partiesScreen {
	s.cursor = clamp(s.cursor+n, 0, len(s.rows)-1)
	s.offset = window(s.cursor, s.offset, s.listHeight(), len(s.rows))
	return s
}

// help is the screen's key help.
func (s partiesScreen) help(k keyMap) helpKeys {
	open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "that party's diff"))
	cols := key.NewBinding(key.WithKeys("left", "right", "tab"), key.WithHelp("←/→", "answer"))
	pair := key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "two answers side by side"))
	return helpKeys{
		short: []key.Binding{open, cols, pair, k.Back, k.Help, k.Quit},
		full:  [][]key.Binding{k.moves(), {open, cols, pair}, k.global()},
	}
}

// partyColumn is the width of an answer's column of badges.
const partyColumn = 16

// renderParties draws the table: a title, a header of answer labels, one
// line per changed clause with a badge per answer (the selected cell
// reversed, or in brackets without colour), then the pane of the selected
// clause: each party's facts, or two wordings side by side.
func renderParties(s partiesScreen, p parties, st styles) string {
	width := s.width
	if s.table == nil {
		return pad([]string{fit("  loading…", width)}, width, s.height)
	}
	listW, paneW := width, width
	if s.wide() {
		paneW = width / 3
		listW = width - paneW - 1
	}
	nameW := max(listW-len(s.answers)*(partyColumn+1)-2, 12)
	title := fmt.Sprintf("%s (%s) · %d answers · %d clauses changed", sanitize.Text(s.base.Label), sanitize.Text(s.base.Party), len(s.answers), len(s.rows))
	list := []string{st.Title.Render(fit(title, listW))}
	head := "  " + fit("clause", nameW)
	for _, a := range s.answers {
		head += " " + p.style(st, a.Party).Render(fit(fit(sanitize.Text(a.Label), partyColumn), partyColumn))
	}
	list = append(list, fit(head, listW))
	end := min(len(s.rows), s.offset+s.listHeight())
	for i := s.offset; i < end; i++ {
		r := &s.table.Rows[s.rows[i]]
		name := render.RowName(s.table, r)
		if r.Base < 0 {
			name = "+ " + name
		}
		mark := "  "
		if i == s.cursor {
			mark = "▸ "
		}
		line := mark + fit(fit(sanitize.Text(name), nameW), nameW)
		for j := range r.Cells {
			line += " " + partyCell(s.table, r, j, i == s.cursor && j == s.col, st)
		}
		list = append(list, fit(line, listW))
	}
	if len(s.rows) == 0 {
		list = append(list, fit("  no answer changes "+sanitize.Text(s.base.Label), listW))
	}
	var pane []string
	if r, j, ok := s.selected(); ok {
		if s.pair && len(s.answers) > 1 {
			pane = s.pairPane(r, j, paneW, st)
		} else {
			pane = s.factsPane(r, paneW, st)
		}
	}
	if s.wide() {
		left := strings.Split(pad(list, listW, s.height), "\n")
		right := strings.Split(pad(pane, paneW, s.height), "\n")
		out := make([]string, s.height)
		for i := range out {
			out[i] = left[i] + st.Faint.Render("│") + right[i]
		}
		return strings.Join(out, "\n")
	}
	top := strings.Split(pad(list, width, s.height-s.paneHeight()), "\n")
	rule := st.Faint.Render(strings.Repeat("─", width))
	bottom := strings.Split(pad(pane, width, s.paneHeight()-1), "\n")
	return strings.Join(append(append(top, rule), bottom...), "\n")
}

// partyCell is one badge: the cell text of avenant compare, styled by its
// kind, the agreeing cells marked "=".
func partyCell(t *ptable.Table, r *ptable.Row, j int, selected bool, st styles) string {
	text := render.CellText(t, r, j)
	for _, g := range r.Agree {
		for _, x := range g {
			if x == j {
				text = "= " + text
			}
		}
	}
	kind := ""
	if c := t.Change(r, j); c != nil {
		kind = string(c.Kind)
	}
	cell := fit(fit(text, partyColumn), partyColumn)
	if selected {
		if st.Plain {
			return fit("["+text, partyColumn-1) + "]"
		}
		return st.Cursor.Render(cell)
	}
	return st.badge(kind, cell)
}

// factsPane lists, for the selected clause, what each party asks: its
// facts, and the values it keeps while others change them.
func (s partiesScreen) factsPane(r *ptable.Row, width int, st styles) []string {
	lines := []string{st.Title.Render(fit(" "+sanitize.Text(render.RowName(s.table, r)), width))}
	if a := render.AgreeText(r, s.answerSides()); a != "" {
		lines = append(lines, fit(" in agreement: "+sanitize.Text(a), width))
	}
	for j, a := range s.answers {
		lines = append(lines, fit(" "+sanitize.Text(a.Label)+": "+render.CellText(s.table, r, j), width))
		if c := s.table.Change(r, j); c != nil {
			for _, f := range c.Facts {
				lines = append(lines, st.Fact.Render(fit("   "+sanitize.Text(render.FactLine(f)), width)))
			}
		}
		for _, f := range s.table.Kept(r, j) {
			lines = append(lines, fit("   "+sanitize.Text(render.KeptLine(f)), width))
		}
	}
	return lines
}

// pairPane shows the wording of the selected answer beside the next
// answer's, each as that party writes the clause.
func (s partiesScreen) pairPane(r *ptable.Row, j int, width int, st styles) []string {
	k := (j + 1) % len(s.answers)
	colW := max((width-3)/2, 8)
	col := func(x int) []string {
		out := []string{st.Title.Render(fit(sanitize.Text(s.answers[x].Label), colW)), fit(render.CellText(s.table, r, x), colW)}
		text := ""
		if c := s.table.Change(r, x); c != nil && c.Kind != clause.Removed {
			for _, n := range c.New {
				text += s.table.Diffs[x].New.Clauses[n].Text + "\n"
			}
		}
		for _, l := range flow([]seg{{text: sanitize.Text(oneLine(text))}}, colW) {
			var b strings.Builder
			for _, sg := range l {
				b.WriteString(sg.text)
			}
			out = append(out, fit(b.String(), colW))
		}
		return out
	}
	a, b := col(j), col(k)
	n := max(len(a), len(b))
	lines := make([]string, n)
	for i := range lines {
		left, right := "", ""
		if i < len(a) {
			left = a[i]
		}
		if i < len(b) {
			right = b[i]
		}
		lines[i] = fit(" "+fit(left, colW)+" "+st.Faint.Render("│")+right, width)
	}
	return lines
}

func (s partiesScreen) answerSides() []render.Side {
	sides := make([]render.Side, len(s.answers))
	for j, a := range s.answers {
		sides[j] = render.Side{Ref: a.Label, Party: a.Party, Date: a.Date}
	}
	return sides
}

// openParties loads the table of answers: on the versions screen, those
// of the selected version; elsewhere those of the base on screen when
// several answer it, else of the latest version that several answer.
func (m Model) openParties() (tea.Model, tea.Cmd) {
	var base store.Version
	if v, ok := m.versions.selected(); ok && m.screen == screenVersions {
		base = v
	} else if v, ok := m.find(m.base); ok && len(answersOf(m.all, v.Label)) >= 2 {
		base = v
	} else if v, ok := latestAnswered(m.all); ok {
		base = v
	} else if v, ok := m.find(m.base); ok {
		base = v
	}
	as := answersOf(m.all, base.Label)
	if len(as) == 0 {
		m.status = "no version answers " + orNone(base.Label) + ": choose a version with answers in the versions screen (v)"
		return m, nil
	}
	m.status = "comparing the answers to " + base.Label + "…"
	return m, loadParties(m.src, base, as)
}

func (m Model) gotParties(msg partiesMsg) Model {
	m.answers = newPartiesScreen(msg).SetSize(m.bodySize())
	m.status = ""
	return m.open(screenParties)
}

// partiesKey handles the parties screen: enter opens the selected party's
// diff against the base at the selected clause, as the outline would.
func (m Model) partiesKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if key.Matches(msg, m.keys.Enter) {
		r, j, ok := m.answers.selected()
		if !ok {
			return m, nil
		}
		a := m.answers.answers[j]
		if r.Cells[j] < 0 {
			m.status = a.Label + " has nothing on this clause: another answer adds it"
			return m, nil
		}
		d := m.answers.table.Diffs[j]
		m.base, m.head = m.answers.base.Label, a.Label
		m.outline = newOutlineScreen(d).SetSize(m.bodySize()).goTo(r.Cells[j])
		m.diff = m.diff.SetSize(m.bodySize()).set(d, r.Cells[j], m.base, m.head, "")
		return m.open(screenDiff), nil
	}
	var cmd tea.Cmd
	m.answers, cmd = m.answers.update(msg, m.keys)
	return m, cmd
}
