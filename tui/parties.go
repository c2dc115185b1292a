package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/avenant-dev/avenant/amend"
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
	// left are the answers left out: amending instructions stored as a
	// text, whose column would read as the whole base removed.
	left []string
}

// loadParties compares each answer with the base (the Source caches the
// diffs) and lays out the table. An answer that is amending instructions,
// where the base is a text, says nothing of what its party asks of the
// base as it is stored (as avenant compare refuses it): it is left out,
// and the status says so. A base that is instructions, answered by a
// text, is an error, as avenant compare says.
func loadParties(src Source, base store.Version, as []store.Version) tea.Cmd {
	return func() tea.Msg {
		var diffs []*clause.Diff
		var kept []store.Version
		var left []string
		for _, a := range as {
			d, err := src.Diff(base.Label, a.Label)
			if err != nil {
				return errMsg{err}
			}
			if amend.InstructsAgainst(d.Old, d.New) {
				// Every answer would read as the base's instructions
				// replaced by a text.
				return errMsg{amend.BaseInstructs(sanitize.Line(base.Label), sanitize.Line(a.Label))}
			}
			if amend.InstructsAgainst(d.New, d.Old) {
				left = append(left, a.Label)
				continue
			}
			diffs, kept = append(diffs, d), append(kept, a)
		}
		if len(diffs) == 0 {
			return errMsg{fmt.Errorf("%s: every answer to %s is amending instructions, not a text: import them with avenant import --amends", strings.Join(left, ", "), base.Label)}
		}
		return partiesMsg{base, kept, ptable.FromDiffs(diffs[0].Old, diffs), left}
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

// paneHeight is the height of the pane beneath the list, its rule
// included: a third of the screen, more when the selected clause's pane
// needs it: the lines the list's rows leave empty, and further, down to
// three rows of the list, what the selected answer's facts need to show
// whole (a party's last facts were cut where the list had room to give).
func (s partiesScreen) paneHeight() int {
	least := max(s.height/3, 4)
	r, _, ok := s.selected()
	if !ok || s.wide() {
		return least
	}
	empty := s.height - 2 - len(s.rows)
	spare := s.height - 2 - min(len(s.rows), 3)
	if s.pair && len(s.answers) > 1 {
		return clamp(len(s.pairPane(r, s.col, s.width, styles{}))+1, least, max(empty, least))
	}
	head, blocks := s.facts(r, s.width, styles{})
	all := len(head)
	for _, b := range blocks {
		all += len(b)
	}
	selected := len(head) + len(blocks[s.col])
	if s.col > 0 {
		selected++ // the line that says answers give way
	}
	return clamp(max(min(all+1, empty), selected+1), least, max(spare, least))
}

// listWidth is the width of the list: the window's, less the pane's
// third and its rule on a wide screen.
func (s partiesScreen) listWidth() int {
	if s.wide() {
		return s.width - s.width/3 - 1
	}
	return s.width
}

// paneLines is the height of the pane of the selected clause: beside the
// list, or beneath it under a rule.
func (s partiesScreen) paneLines() int {
	if s.wide() {
		return s.height
	}
	return s.paneHeight() - 1
}

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
		return s.SetSize(s.width, s.height), nil
	case "left", "shift+tab":
		s.col = (s.col + len(s.answers) - 1) % max(len(s.answers), 1)
		return s.SetSize(s.width, s.height), nil
	}
	if key.Matches(msg, k.SideBySide) {
		s.pair = !s.pair
		return s.SetSize(s.width, s.height), nil
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

// partiesColumns is how the list of the parties screen is laid out: the
// clause names' width, each answer's column width, and the answers shown,
// first to first+shown-1, the selected one among them.
type partiesColumns struct {
	nameW, colW, first, shown int
}

// layoutColumns sizes the columns from what they hold: an answer's column
// as wide as its widest badge or label (up to maxColumn cells), the clause
// column as wide as its widest name and what the answers leave. When the
// answers do not all fit, those beside the selected one are shown, as
// many as fit: a column cut off the screen hid a party's answer, and
// ←/→ selected cells no one saw.
func (s partiesScreen) layoutColumns(listW int) partiesColumns {
	const minColumn, maxColumn, minName = 8, 24, 12
	colW, nameW := minColumn, ansi.StringWidth("clause")
	for _, a := range s.answers {
		colW = max(colW, ansi.StringWidth(sanitize.Text(a.Label)))
	}
	for _, i := range s.rows {
		r := &s.table.Rows[i]
		nameW = max(nameW, ansi.StringWidth(s.rowName(r)))
		for j := range r.Cells {
			colW = max(colW, ansi.StringWidth(agreeMark(r, j)+render.CellText(s.table, r, j)))
		}
	}
	colW = min(colW, maxColumn)
	n := max(len(s.answers), 1)
	room := listW - 3 // the cursor's mark, and a cell apart from the pane
	shown := n
	if nameW+n*(colW+1) > room {
		// The names keep up to a third of the room, the answers share
		// the rest, their badges cut no shorter than a kind and its
		// share ("modified 96 %"); past that, fewer answers are shown.
		nameW = min(nameW, max(room/3, minName))
		least := min(colW, 15)
		colW = max((room-nameW)/n-1, least)
		shown = clamp((room-nameW)/(colW+1), 1, n)
	}
	nameW = max(room-shown*(colW+1), 1)
	return partiesColumns{nameW: nameW, colW: colW, first: window(s.col, 0, shown, n), shown: shown}
}

// rowName names a row as the list shows it: "+ " before a clause the base
// lacks.
func (s partiesScreen) rowName(r *ptable.Row) string {
	name := sanitize.Text(render.RowName(s.table, r))
	if r.Base < 0 {
		name = "+ " + name
	}
	return name
}

// agreeMark is "= " for an answer in agreement with another on the row.
func agreeMark(r *ptable.Row, j int) string {
	for _, g := range r.Agree {
		if slices.Contains(g, j) {
			return "= "
		}
	}
	return ""
}

// renderParties draws the table: a title, a header of answer labels, one
// line per changed clause with a badge per answer (the selected cell
// reversed, or in brackets without colour), then the pane of the selected
// clause: each party's facts, or two wordings side by side.
func renderParties(s partiesScreen, p parties, st styles) string {
	width := s.width
	if s.table == nil {
		return pad([]string{fit("  loading…", width)}, width, s.height)
	}
	listW, paneW := s.listWidth(), width
	if s.wide() {
		paneW = width - listW - 1
	}
	lc := s.layoutColumns(listW)
	answers := fmt.Sprintf("%d answers", len(s.answers))
	if lc.shown < len(s.answers) {
		answers = fmt.Sprintf("answers %d–%d of %d", lc.first+1, lc.first+lc.shown, len(s.answers))
	}
	title := fmt.Sprintf("%s (%s) · %s · %d clauses changed", sanitize.Text(s.base.Label), sanitize.Text(s.base.Party), answers, len(s.rows))
	list := []string{st.Title.Render(fit(title, listW))}
	shown := s.answers[lc.first : lc.first+lc.shown]
	head := "  " + fit("clause", lc.nameW)
	for _, a := range shown {
		head += " " + p.style(st, a.Party).Render(elide(sanitize.Text(a.Label), lc.colW))
	}
	list = append(list, fit(head, listW))
	end := min(len(s.rows), s.offset+s.listHeight())
	for i := s.offset; i < end; i++ {
		r := &s.table.Rows[s.rows[i]]
		mark := "  "
		if i == s.cursor {
			mark = "▸ "
		}
		line := mark + elide(s.rowName(r), lc.nameW)
		for j := lc.first; j < lc.first+lc.shown; j++ {
			line += " " + partyCell(s.table, r, j, i == s.cursor && j == s.col, lc.colW, st)
		}
		list = append(list, fit(line, listW))
	}
	if len(s.rows) == 0 {
		list = append(list, fit("  no answer changes "+sanitize.Text(s.base.Label), listW))
	}
	pane := s.pane(paneW, s.paneLines(), st)
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
	bottom := strings.Split(pad(pane, width, s.paneLines()), "\n")
	return strings.Join(append(append(top, rule), bottom...), "\n")
}

// pane is the pane of the selected clause, at most height lines: each
// party's facts, or two wordings side by side.
func (s partiesScreen) pane(width, height int, st styles) []string {
	r, j, ok := s.selected()
	switch {
	case !ok:
		return nil
	case s.pair && len(s.answers) > 1:
		return cutLines(s.pairPane(r, j, width, st), height, width, st)
	}
	return s.factsPane(r, width, height, st)
}

// cutLines keeps the first height lines, the last of them saying how many
// more there are when some are left out, as nothing is cut unsaid.
func cutLines(lines []string, height, width int, st styles) []string {
	if len(lines) <= height {
		return lines
	}
	keep := max(height-1, 0)
	return append(lines[:keep:keep], st.Faint.Render(fit(fmt.Sprintf(" … %d more lines", len(lines)-keep), width)))
}

// partyCell is one badge, width cells: the cell text of avenant compare,
// styled by its kind, the agreeing cells marked "=".
func partyCell(t *ptable.Table, r *ptable.Row, j int, selected bool, width int, st styles) string {
	text := agreeMark(r, j) + render.CellText(t, r, j)
	kind := ""
	if c := t.Change(r, j); c != nil {
		kind = string(c.Kind)
	}
	cell := fit(text, width)
	if selected {
		if st.Plain {
			return fit("["+text, width-1) + "]"
		}
		return st.Cursor.Render(cell)
	}
	return st.badge(kind, cell)
}

// factsPane lists, for the selected clause, what each party asks: its
// facts, and the values it keeps while others change them; the selected
// answer marked "▸". Long lines wrap rather than lose their end (the last
// parties in agreement, a broken reference's note); when the answers do
// not fit in height lines, those before the selected one give way, so
// that the party chosen with ←/→ is always in sight (fitFacts).
func (s partiesScreen) factsPane(r *ptable.Row, width, height int, st styles) []string {
	head, blocks := s.facts(r, width, st)
	return fitFacts(head, blocks, s.col, height, width, st)
}

// facts are the lines of the facts pane: its head (the clause, the
// answers in agreement) and each answer's block, wrapped to width.
func (s partiesScreen) facts(r *ptable.Row, width int, st styles) (head []string, blocks [][]string) {
	// wrap sets text from lead on, its further lines under its start.
	wrap := func(text, lead string, style lipgloss.Style) []string {
		var out []string
		for k, l := range flow([]seg{{text: text}}, max(width-ansi.StringWidth(lead), 1)) {
			if k == 1 {
				lead = strings.Repeat(" ", ansi.StringWidth(lead))
			}
			out = append(out, style.Render(fit(lead+drawLine(l, 0), width)))
		}
		return out
	}
	head = []string{st.Title.Render(fit(" "+sanitize.Text(render.RowName(s.table, r)), width))}
	if a := render.AgreeText(r, s.answerSides()); a != "" {
		head = append(head, wrap(sanitize.Text(a), " in agreement: ", lipgloss.NewStyle())...)
	}
	blocks = make([][]string, len(s.answers))
	for j, a := range s.answers {
		mark := "  "
		if j == s.col {
			mark = "▸ "
		}
		b := wrap(sanitize.Text(a.Label)+": "+render.CellText(s.table, r, j), mark, lipgloss.NewStyle())
		if c := s.table.Change(r, j); c != nil {
			for _, f := range c.Facts {
				b = append(b, wrap(sanitize.Text(render.FactLine(f)), "    ", st.Fact)...)
			}
		}
		for _, f := range s.table.Kept(r, j) {
			b = append(b, wrap(sanitize.Text(render.KeptLine(f)), "    ", lipgloss.NewStyle())...)
		}
		blocks[j] = b
	}
	return head, blocks
}

// fitFacts lays the pane's head and each answer's block in height lines,
// the selected answer's block whole when it fits: the answers before it
// give way first, then the agreement line (the list's "=" marks say it
// too); the answers after it come while they fit whole. What is left out
// is said in a line of its own ("… 2 answers above", "… 1 answer below",
// "… 3 more lines").
func fitFacts(head []string, blocks [][]string, sel, height, width int, st styles) []string {
	if len(blocks) == 0 {
		return cutLines(head, height, width, st)
	}
	var lines []string
	for _, try := range [][2]int{{0, len(head)}, {1, len(head)}, {sel, 1}} {
		for first := try[0]; first <= sel; first++ {
			lines = layFacts(head[:try[1]], blocks, first, sel, height, width, st)
			if len(lines) <= height {
				return lines
			}
		}
	}
	return cutLines(lines, height, width, st)
}

// layFacts lays head, the answers from first to the selected one, then
// those after it that fit whole in height lines, each part left out said.
func layFacts(head []string, blocks [][]string, first, sel, height, width int, st styles) []string {
	note := func(n int, where string) string {
		return st.Faint.Render(fit(" … "+render.Count(n, "answer")+" "+where, width))
	}
	lines := slices.Clone(head)
	if first > 0 {
		lines = append(lines, note(first, "above"))
	}
	for _, b := range blocks[first : sel+1] {
		lines = append(lines, b...)
	}
	rest := blocks[sel+1:]
	shown := 0
	for _, b := range rest {
		last := shown == len(rest)-1
		if len(lines)+len(b) > height-1 && !(last && len(lines)+len(b) <= height) {
			break
		}
		lines = append(lines, b...)
		shown++
	}
	if shown < len(rest) {
		lines = append(lines, note(len(rest)-shown, "below"))
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
	if len(msg.left) > 0 {
		m.status = strings.Join(msg.left, ", ") + " left out: amending instructions stored as a text (import them with avenant import --amends)"
	}
	return m.open(screenParties)
}

// clickParties selects the clause and the answer under the mouse (x, y in
// the body); a second click on the selected cell opens it, as enter does.
func (m Model) clickParties(x, y int) (tea.Model, tea.Cmd) {
	s := m.answers
	row := s.offset + y - 2 // the table's title and header
	if s.table == nil || y < 2 || y-2 >= s.listHeight() || row >= len(s.rows) {
		return m, nil
	}
	col := s.col
	lc := s.layoutColumns(s.listWidth())
	if k := (x - 2 - lc.nameW - 1) / (lc.colW + 1); x >= 2+lc.nameW+1 && k < lc.shown {
		col = lc.first + k
	}
	if row == s.cursor && col == s.col {
		return m.key(tea.KeyPressMsg{Code: tea.KeyEnter})
	}
	m.answers.cursor, m.answers.col = row, col
	return m, nil
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
