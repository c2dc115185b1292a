package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/charmbracelet/x/ansi"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/tariff"
)

// outlineRow is one line of the outline: one change of the diff, drawn at
// the place of its clause in the head version (removed clauses after the
// clause that preceded them).
type outlineRow struct {
	change int
	depth  int
	parent int // row of the enclosing clause, -1 at top level
	label  string
	badges []string
	listed bool
	facts  bool
	title  bool
	// counted is the number of listed changes inside a title.
	counted int
	// labelW is the width of the indented label, badgeW that of the
	// badges, in cells.
	labelW, badgeW int
	// parts is set when the label joins several names or values (a
	// tariff row's code, act and amount; a merge), whose last part
	// matters as much as the first: too long, it loses its middle.
	parts bool
}

// kindFilters are the values "t" cycles through; "" shows every kind.
var kindFilters = []string{"", "modified", "added", "removed", "split", "merged", "renumbered", "moved", "cosmetic", "tariff", "modality", "negation", "reference"}

// outlineScreen is the clause tree of the head version, each clause badged
// with its change, with filters and search.
type outlineScreen struct {
	diff    *clause.Diff
	rows    []outlineRow
	visible []int // rows shown, after filters
	// matched marks the rows that pass the filters, as opposed to the
	// ancestors shown for context; nil when no filter is set.
	matched []bool
	cursor  int // index into visible
	offset  int

	// labelCol is the widest indented label of the visible rows, so that
	// their badges line up next to the longest; badgeCol their widest
	// badges.
	labelCol, badgeCol int

	changedOnly, factsOnly bool
	kind                   int // index into kindFilters
	query                  string
	// search holds each row's heading and text folded (frtext.Fold, as
	// check patterns are), built on the first search.
	search []string

	width, height int
}

// newOutlineScreen lays out the rows of a diff.
func newOutlineScreen(d *clause.Diff) outlineScreen {
	s := outlineScreen{diff: d, rows: make([]outlineRow, len(d.Changes))}
	newRow := make([]int, len(d.New.Clauses))
	oldRow := make([]int, len(d.Old.Clauses))
	for i := range d.Changes {
		c := &d.Changes[i]
		for _, n := range c.New {
			newRow[n] = i
		}
		for _, o := range c.Old {
			oldRow[o] = i
		}
	}
	for i := range d.Changes {
		c := &d.Changes[i]
		cl, parent := primary(d, c)
		r := outlineRow{change: i, depth: cl.Depth, parent: -1, label: sanitize.Text(rowLabel(d, c)), listed: render.Listed(c), facts: len(c.Facts) > 0}
		if parent >= 0 {
			if len(c.New) > 0 {
				r.parent = newRow[parent]
			} else {
				r.parent = oldRow[parent]
			}
		}
		r.title = cl.Kind == clause.KindTitle || (cl.Depth == 0 && cl.Kind != clause.KindPreamble && cl.Kind != clause.KindParagraph)
		r.badges = badges(c)
		r.parts = len(c.Old) > 1 || len(c.New) > 1 || len(c.New) == 1 && d.New.IsTariffRow(c.New[0]) ||
			len(c.New) == 0 && d.Old.IsTariffRow(c.Old[0])
		r.labelW = 2*min(r.depth, 8) + ansi.StringWidth(r.label)
		for _, b := range r.badges {
			r.badgeW += ansi.StringWidth(badgeText(b, d, c)) + 3
		}
		s.rows[i] = r
	}
	// Count listed changes under each title.
	for i := range s.rows {
		if !s.rows[i].listed {
			continue
		}
		for p := s.rows[i].parent; p >= 0; p = s.rows[p].parent {
			if s.rows[p].title {
				s.rows[p].counted++
			}
			if p == s.rows[p].parent {
				break
			}
		}
	}
	for i := range s.rows {
		if r := &s.rows[i]; r.title && r.counted > 0 {
			r.badgeW += len(changedCount(r.counted)) + 1
		}
	}
	s.refilter()
	// Open at the first change, as a reviewer reads: the unchanged clauses
	// above it are context.
	s.cursor = -1
	if s, ok := s.step(1); ok {
		return s
	}
	s.cursor = 0
	return s
}

// primary is the clause a change is drawn as: its first new clause, or the
// old one when removed; with the index of its parent in the same document.
func primary(d *clause.Diff, c *clause.Change) (*clause.Clause, int) {
	if len(c.New) > 0 {
		cl := &d.New.Clauses[c.New[0]]
		return cl, cl.Parent
	}
	cl := &d.Old.Clauses[c.Old[0]]
	return cl, cl.Parent
}

// rowLabel names a change's clauses; several for a split or merge.
func rowLabel(d *clause.Diff, c *clause.Change) string {
	idx, doc := c.New, d.New
	if len(idx) == 0 || c.Kind == clause.Merged {
		idx, doc = c.Old, d.Old
	}
	if len(idx) == 1 && doc.IsTariffRow(idx[0]) {
		return tariffRowLabel(doc, idx[0], c)
	}
	parts := make([]string, len(idx))
	for i, k := range idx {
		parts[i] = oneLine(doc.Clauses[k].Label())
	}
	if c.Kind == clause.Merged && len(c.New) > 0 {
		return strings.Join(parts, " + ") + " → " + oneLine(d.New.Clauses[c.New[0]].Label())
	}
	return strings.Join(parts, " + ")
}

// tariffRowLabel names a tariff row by what a reader looks for: its act
// code, the act's name and its amount, old → new when the change moves it
// ("G · Consultation de référence · 26,50 € → 30 €").
func tariffRowLabel(doc *clause.Document, i int, c *clause.Change) string {
	cl := &doc.Clauses[i]
	parts := []string{cl.Number}
	if l := tariff.RowLabel(cl.Text, cl.Number); l != "" {
		parts = append(parts, oneLine(l))
	}
	amount := ""
	for _, f := range c.Facts {
		if f.Kind == clause.FactAmount && f.Subject == cl.Number {
			amount = orAbsent(f.Old) + " → " + orAbsent(f.New)
			break
		}
	}
	if amount == "" {
		if ps := doc.Prices(i); len(ps) > 0 {
			amount = ps[0].New
		}
	}
	if amount != "" {
		parts = append(parts, amount)
	}
	return strings.Join(parts, " · ")
}

func orAbsent(s string) string {
	if s == "" {
		return render.Absent
	}
	return s
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// badges names what happened to a clause: its change kind, its flags and
// the kinds of its facts that a negotiator watches.
func badges(c *clause.Change) []string {
	var b []string
	if c.Kind != clause.Unchanged {
		b = append(b, string(c.Kind))
	}
	if c.Renumbered {
		b = append(b, "renumbered")
	}
	if c.Moved {
		b = append(b, "moved")
	}
	seen := map[string]bool{}
	for _, f := range c.Facts {
		name := "facts"
		switch f.Kind {
		case clause.FactAmount, clause.FactCode:
			name = "tariff"
		case clause.FactModality:
			name = "modality"
		case clause.FactNegation:
			name = "negation"
		case clause.FactReference:
			// Only a broken reference is an alarm; an updated or added
			// citation is a fact like any other.
			if f.BrokenReference() {
				name = "reference"
			}
		}
		if !seen[name] {
			seen[name] = true
			b = append(b, name)
		}
	}
	slices.SortStableFunc(b, func(x, y string) int { return badgeRank(x) - badgeRank(y) })
	return b
}

// badgeOrder is the one order of badges on every row: what happened to
// the clause, then how it moved, then the facts a negotiator watches.
var badgeOrder = []string{
	string(clause.Modified), string(clause.Added), string(clause.Removed), string(clause.Split),
	string(clause.Merged), string(clause.Cosmetic), "renumbered", "moved",
	"tariff", "modality", "negation", "reference", "facts",
}

func badgeRank(name string) int {
	if i := slices.Index(badgeOrder, name); i >= 0 {
		return i
	}
	return len(badgeOrder)
}

// badgeText is how a badge reads on screen.
func badgeText(name string, d *clause.Diff, c *clause.Change) string {
	switch name {
	case "renumbered":
		if len(c.Old) == 1 && len(c.New) == 1 {
			return d.Old.Clauses[c.Old[0]].Number + "→" + d.New.Clauses[c.New[0]].Number
		}
	case "tariff":
		return "€ tariff"
	case "reference":
		return "broken ref"
	case "facts":
		return "facts"
	}
	return name
}

func (r *outlineRow) has(badge string) bool {
	for _, b := range r.badges {
		if b == badge {
			return true
		}
	}
	return false
}

// refilter recomputes the visible rows: those that pass every filter, and
// their ancestors for context.
func (s *outlineScreen) refilter() {
	selected := -1
	if s.cursor < len(s.visible) {
		selected = s.visible[s.cursor]
	}
	s.matched = nil
	if !s.filtering() {
		if cap(s.visible) < len(s.rows) {
			s.visible = make([]int, len(s.rows))
		}
		s.visible = s.visible[:len(s.rows)]
		for i := range s.rows {
			s.visible[i] = i
		}
	} else {
		show := make([]bool, len(s.rows))
		s.matched = make([]bool, len(s.rows))
		q := frtext.Fold(s.query)
		if q != "" && s.search == nil {
			s.buildSearch()
		}
		for i := range s.rows {
			r := &s.rows[i]
			if (s.changedOnly && !r.listed) || (s.factsOnly && !r.facts) ||
				(s.kind > 0 && !r.has(kindFilters[s.kind])) || (q != "" && !strings.Contains(s.search[i], q)) {
				continue
			}
			s.matched[i] = true
			for p := i; p >= 0 && !show[p]; p = s.rows[p].parent {
				show[p] = true
			}
		}
		s.visible = s.visible[:0]
		for i, ok := range show {
			if ok {
				s.visible = append(s.visible, i)
			}
		}
	}
	s.cursor = 0
	s.labelCol, s.badgeCol = 0, 0
	for i, r := range s.visible {
		s.badgeCol = max(s.badgeCol, s.rows[r].badgeW)
		if r <= selected {
			s.cursor = i
		}
		s.labelCol = max(s.labelCol, s.rows[r].labelW)
	}
	s.offset = window(s.cursor, s.offset, s.listHeight(), len(s.visible))
}

func (s *outlineScreen) buildSearch() {
	s.search = make([]string, len(s.rows))
	d := s.diff
	for i := range s.rows {
		c := &d.Changes[i]
		var b strings.Builder
		for _, n := range c.New {
			b.WriteString(d.New.Clauses[n].Heading + "\n" + d.New.Clauses[n].Text + "\n")
		}
		for _, o := range c.Old {
			b.WriteString(d.Old.Clauses[o].Heading + "\n" + d.Old.Clauses[o].Text + "\n")
		}
		s.search[i] = frtext.Fold(b.String())
	}
}

func (s *outlineScreen) filtering() bool {
	return s.changedOnly || s.factsOnly || s.kind > 0 || s.query != ""
}

// SetSize fits the screen to the body of the window.
func (s outlineScreen) SetSize(width, height int) outlineScreen {
	s.width, s.height = width, height
	s.offset = window(s.cursor, s.offset, s.listHeight(), len(s.visible))
	return s
}

func (s outlineScreen) listHeight() int { return s.height - s.headerLines() }

// headerLines counts the lines above the rows: the summary, and the
// filters when some are set.
func (s outlineScreen) headerLines() int {
	if s.filtering() {
		return 2
	}
	return 1
}

// selected is the index in diff.Changes of the change under the cursor.
func (s outlineScreen) selected() (int, bool) {
	if s.cursor < 0 || s.cursor >= len(s.visible) {
		return 0, false
	}
	return s.rows[s.visible[s.cursor]].change, true
}

// setQuery applies a search and puts the cursor on its first match.
func (s outlineScreen) setQuery(q string) outlineScreen {
	s.query = strings.TrimSpace(q)
	s.refilter()
	// As go-to does, a search lifts the filters that hide every clause it
	// matches: with "kind=tariff" on, a search for a word of an article
	// said "no clause matches" of words the text has.
	if s.query != "" && !slices.Contains(s.matched, true) && (s.changedOnly || s.factsOnly || s.kind > 0) {
		s.changedOnly, s.factsOnly, s.kind = false, false, 0
		s.refilter()
	}
	if s.query != "" {
		s.cursor = -1
		s, _ = s.stepMatch(1)
		s.cursor = max(s.cursor, 0)
	}
	return s
}

// stepMatch moves to the next (dir 1) or previous (dir -1) row that the
// filters and search select, changed or not, wrapping around.
func (s outlineScreen) stepMatch(dir int) (outlineScreen, bool) {
	n := len(s.visible)
	for k := 1; k <= n; k++ {
		i := ((s.cursor+dir*k)%n + n) % n
		if s.matched == nil || s.matched[s.visible[i]] {
			s.cursor = i
			s.offset = window(s.cursor, s.offset, s.listHeight(), n)
			return s, true
		}
	}
	return s, false
}

// matches counts the rows the filters and search select.
func (s outlineScreen) matches() int {
	n := 0
	for _, ok := range s.matched {
		if ok {
			n++
		}
	}
	return n
}

// step moves to the next (dir 1) or previous (dir -1) listed change,
// wrapping around; it reports false when there is none.
func (s outlineScreen) step(dir int) (outlineScreen, bool) {
	n := len(s.visible)
	for k := 1; k <= n; k++ {
		i := ((s.cursor+dir*k)%n + n) % n
		if r := s.visible[i]; s.rows[r].listed && (s.matched == nil || s.matched[r]) {
			s.cursor = i
			s.offset = window(s.cursor, s.offset, s.listHeight(), n)
			return s, true
		}
	}
	return s, false
}

func (s outlineScreen) update(msg tea.KeyPressMsg, k keyMap) (outlineScreen, tea.Cmd) {
	switch {
	case key.Matches(msg, k.ChangedOnly):
		s.changedOnly = !s.changedOnly
		s.refilter()
	case key.Matches(msg, k.FactsOnly):
		s.factsOnly = !s.factsOnly
		s.refilter()
	case key.Matches(msg, k.KindFilter):
		s.kind = s.nextKind(1)
		s.refilter()
	case key.Matches(msg, k.KindFilterBack):
		s.kind = s.nextKind(-1)
		s.refilter()
	case s.query != "" && key.Matches(msg, k.NextMatch):
		s, _ = s.stepMatch(1)
	case s.query != "" && key.Matches(msg, k.PrevMatch):
		s, _ = s.stepMatch(-1)
	case key.Matches(msg, k.NextChange):
		s, _ = s.step(1)
	case key.Matches(msg, k.PrevChange):
		s, _ = s.step(-1)
	default:
		s.cursor = moveCursor(msg, k, s.cursor, len(s.visible), s.listHeight())
		s.offset = window(s.cursor, s.offset, s.listHeight(), len(s.visible))
	}
	return s, nil
}

// nextKind is the next kind filter in direction dir that some row has,
// or 0 (every kind) after the last.
func (s outlineScreen) nextKind(dir int) int {
	n := len(kindFilters)
	for k := 1; k < n; k++ {
		i := ((s.kind+dir*k)%n + n) % n
		if i == 0 {
			return 0
		}
		for r := range s.rows {
			if s.rows[r].has(kindFilters[i]) {
				return i
			}
		}
	}
	return 0
}

func (s outlineScreen) scroll(n int) outlineScreen {
	s.cursor = clamp(s.cursor+n, 0, len(s.visible)-1)
	s.offset = window(s.cursor, s.offset, s.listHeight(), len(s.visible))
	return s
}

// help is the screen's key help.
func (s outlineScreen) help(k keyMap) helpKeys {
	open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "diff"))
	next := k.NextChange
	if s.query != "" {
		next = k.NextMatch
	}
	return helpKeys{
		short: []key.Binding{open, next, k.Search, k.ChangedOnly, k.History, k.Blame, k.Versions, k.Help, k.Quit},
		full: [][]key.Binding{
			k.moves(),
			{open, k.NextChange, k.PrevChange, k.NextMatch, k.PrevMatch, k.History, k.Blame},
			{k.Search, k.GoTo, k.ChangedOnly, k.FactsOnly, k.KindFilter, k.KindFilterBack},
			k.global(),
		},
	}
}

func changedCount(n int) string { return fmt.Sprintf("(%d changed)", n) }

// filterLine describes the active filters.
func (s outlineScreen) filterLine() string {
	var f []string
	if s.changedOnly {
		f = append(f, "changed only")
	}
	if s.factsOnly {
		f = append(f, "facts only")
	}
	if s.kind > 0 {
		f = append(f, "kind="+kindFilters[s.kind])
	}
	if s.query != "" {
		f = append(f, fmt.Sprintf("search “%s” (%s)", sanitize.Text(s.query), render.Count(s.matches(), "match")))
	}
	if len(f) == 0 {
		return ""
	}
	return "filter: " + strings.Join(f, " · ") + " (" + strconv.Itoa(len(s.visible)) + " rows)"
}

// renderOutline draws the visible rows of the outline: indentation by
// depth, the clause's label, its badges, and per title the number of
// changes it holds.
func renderOutline(s outlineScreen, base, head string, st styles) string {
	width, height := s.width, s.height
	head1 := summaryFitting(s.diff.Summary, orNone(base)+" → "+head+" · ", width)
	lines := []string{st.Title.Render(fit(head1, width))}
	if fl := s.filterLine(); fl != "" {
		lines = append(lines, st.Faint.Render(fit(fl, width)))
	}
	if len(s.visible) == 0 {
		lines = append(lines, fit("  nothing matches", width))
	}
	end := min(len(s.visible), s.offset+s.listHeight())
	fq := frtext.Fold(s.query)
	labelCol := s.labelCol
	if labelCol > width-2-s.badgeCol-1 {
		labelCol = max(width-2-s.badgeCol-1, width/2)
	}
	for vi := s.offset; vi < end; vi++ {
		r := &s.rows[s.visible[vi]]
		c := &s.diff.Changes[r.change]
		var bs []string
		for _, b := range r.badges {
			bs = append(bs, st.badge(b, "["+badgeText(b, s.diff, c)+"]"))
		}
		if r.title && r.counted > 0 {
			bs = append(bs, st.Faint.Render(changedCount(r.counted)))
		}
		indent := strings.Repeat("  ", min(r.depth, 8))
		// Badges line up after the longest label in view; a longer
		// label takes what its own badges leave.
		labelW := max(min(max(labelCol, r.labelW), width-2-r.badgeW-1)-len(indent), 8)
		base := lipgloss.NewStyle()
		if c.Kind == clause.Removed {
			base = st.Delete
		} else if r.title {
			base = st.Title
		}
		hit := s.query != "" && s.matched[s.visible[vi]]
		if hit && st.Plain {
			labelW -= 2 // the « » around the match
		}
		label := fit(r.label, labelW)
		if r.parts {
			label = elide(r.label, labelW)
		}
		if hit {
			label = highlight(label, fq, base, st)
		} else {
			label = base.Render(label)
		}
		row := "  " + indent + label + " " + strings.Join(bs, " ")
		row = fit(row, width)
		if vi == s.cursor {
			row = cursorRow(st, row, width)
		}
		lines = append(lines, row)
	}
	return pad(lines, width, height)
}
