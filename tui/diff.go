package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
)

// diffScreen shows one change: its facts on top, then the word-level diff
// inline or side by side. The laid-out lines are kept until the change,
// the mode or the width changes, so that scrolling costs only the drawing
// of the visible lines.
type diffScreen struct {
	diff   *clause.Diff
	change int
	// step, when set, names the history step shown ("CNAM-2024-02 → MGF-2024-03").
	step string
	// base and head are the versions compared, for the columns' heads.
	base, head string
	// stepAt is the version of a history step in which the clause is read.
	stepAt string
	side   bool
	lines  []string
	offset int

	width, height int
	st            styles
}

// set shows change c of d, the diff of versions base and head.
func (s diffScreen) set(d *clause.Diff, c int, base, head, step string) diffScreen {
	s.diff, s.change, s.step, s.offset = d, c, step, 0
	s.base, s.head = base, head
	s.lines = nil
	return s.layout()
}

func (s diffScreen) layout() diffScreen {
	if s.diff == nil || s.width <= 0 {
		s.lines = nil
		return s
	}
	s.lines = renderDiffLines(s.diff, s.change, s.base, s.head, s.side, s.st, s.width)
	s.offset = clamp(s.offset, 0, max(len(s.lines)-s.height, 0))
	return s
}

// SetSize fits the screen to the body of the window.
func (s diffScreen) SetSize(width, height int) diffScreen {
	resized := width != s.width
	s.width, s.height = width, height
	if resized || s.lines == nil {
		return s.layout()
	}
	return s
}

func (s diffScreen) update(msg tea.KeyPressMsg, k keyMap) (diffScreen, tea.Cmd) {
	if key.Matches(msg, k.SideBySide) {
		s.side = !s.side
		return s.layout(), nil
	}
	last := max(len(s.lines)-s.height, 0)
	switch {
	case key.Matches(msg, k.Up):
		s.offset--
	case key.Matches(msg, k.Down):
		s.offset++
	case key.Matches(msg, k.PageUp):
		s.offset -= max(s.height-1, 1)
	case key.Matches(msg, k.PageDown):
		s.offset += max(s.height-1, 1)
	case key.Matches(msg, k.Top):
		s.offset = 0
	case key.Matches(msg, k.Bottom):
		s.offset = last
	}
	s.offset = clamp(s.offset, 0, last)
	return s, nil
}

func (s diffScreen) scroll(n int) diffScreen {
	s.offset = clamp(s.offset+n, 0, max(len(s.lines)-s.height, 0))
	return s
}

// help is the screen's key help.
func (s diffScreen) help(k keyMap) helpKeys {
	if s.step != "" {
		next := key.NewBinding(key.WithKeys("]", "n"), key.WithHelp("]/n", "next step"))
		prev := key.NewBinding(key.WithKeys("[", "N"), key.WithHelp("[/N", "previous step"))
		blame := key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "blame as of this step"))
		return helpKeys{
			short: []key.Binding{k.SideBySide, next, k.History, blame, k.Back, k.Help, k.Quit},
			full:  [][]key.Binding{k.moves(), {k.SideBySide, next, prev, k.History, blame}, k.global()},
		}
	}
	return helpKeys{
		short: []key.Binding{k.SideBySide, k.NextChange, k.History, k.Blame, k.Back, k.Help, k.Quit},
		full:  [][]key.Binding{k.moves(), {k.SideBySide, k.NextChange, k.PrevChange, k.History, k.Blame}, k.global()},
	}
}

// renderDiff draws the visible part of the diff screen.
func renderDiff(s diffScreen) string {
	end := min(len(s.lines), s.offset+s.height)
	var lines []string
	if s.offset < end {
		lines = append(lines, s.lines[s.offset:end]...)
	}
	return pad(lines, s.width, s.height)
}

// renderDiffLines lays out change c of d at the given width: a header (old
// → new name, kind, flags, similarity), the facts, then the text with
// deletions and insertions marked, whole for an added or removed clause.
func renderDiffLines(d *clause.Diff, c int, base, head string, side bool, st styles, width int) []string {
	ch := &d.Changes[c]
	var out []string
	title := sanitize.Text(changeName(d, ch))
	meta := []string{string(ch.Kind)}
	if ch.Renumbered {
		meta = append(meta, "renumbered")
	}
	if ch.Moved {
		meta = append(meta, "moved")
	}
	if ch.Kind == clause.Modified || ch.Kind == clause.Split || ch.Kind == clause.Merged {
		meta = append(meta, strconv.Itoa(int(ch.Similarity*100+0.5))+" % similar")
	}
	for _, l := range flow([]seg{{text: title, style: st.Title}}, width) {
		out = append(out, drawLine(l, width))
	}
	out = append(out, st.badge(string(ch.Kind), fit(strings.Join(meta, " · "), width)))
	for _, f := range ch.Facts {
		for _, l := range flow([]seg{{text: "▸ " + sanitize.Text(render.FactLine(f)), style: st.Fact}}, width) {
			out = append(out, drawLine(l, width))
		}
	}
	if note := clause.CoarseNote(ch, false); note != "" {
		for _, l := range flow([]seg{{text: "! " + note, style: st.Fact}}, width) {
			out = append(out, drawLine(l, width))
		}
	}
	out = append(out, strings.Repeat(" ", width))
	if len(ch.HeadingHunks) > 0 {
		// The heading's own word diff, cosmetic ones included, as the
		// text and Markdown diffs print it ("heading: …").
		_, _, heading := hunkSegs(ch.HeadingHunks, st)
		for _, l := range flow(append([]seg{{text: "heading: ", style: st.Faint}}, heading...), width) {
			out = append(out, drawLine(l, width))
		}
		out = append(out, strings.Repeat(" ", width))
	}
	oldSegs, newSegs, inline := diffSegs(d, ch, st)
	if !side || width < 40 {
		for _, l := range flow(inline, width) {
			out = append(out, drawLine(l, width))
		}
		return out
	}
	colW := (width - 3) / 2
	left, right := flow(oldSegs, colW), flow(newSegs, colW)
	if len(ch.Old) == 0 {
		left = nil
	}
	if len(ch.New) == 0 {
		right = nil
	}
	out = append(out, st.Faint.Render(fit(sideName(d.Old, ch.Old, orNone(base)), colW)+" │ "+fit(sideName(d.New, ch.New, orNone(head)), width-colW-3)))
	for i := 0; i < max(len(left), len(right)); i++ {
		var l, r []seg
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out = append(out, drawLine(l, colW)+st.Faint.Render(" │ ")+drawLine(r, width-colW-3))
	}
	return out
}

// diffSegs turns a change into styled segments: the old side (equal and
// deleted text), the new side (equal and inserted text) and the inline
// view (all three).
func diffSegs(d *clause.Diff, ch *clause.Change, st styles) (oldSegs, newSegs, inline []seg) {
	plain := lipgloss.NewStyle()
	del, ins := st.Delete, st.Insert
	switch {
	case len(ch.Old) == 0:
		t := sanitize.Text(joinText(d.New, ch.New))
		newSegs = []seg{{text: t, style: ins, tag: 1}}
		return nil, newSegs, []seg{{text: st.mark(t, "{+", "+}"), style: ins, tag: 1}}
	case len(ch.New) == 0:
		t := sanitize.Text(joinText(d.Old, ch.Old))
		oldSegs = []seg{{text: t, style: del, tag: 1}}
		return oldSegs, nil, []seg{{text: st.mark(t, "[-", "-]"), style: del, tag: 1}}
	case len(ch.Hunks) == 0:
		t := sanitize.Text(joinText(d.New, ch.New))
		o := sanitize.Text(joinText(d.Old, ch.Old))
		return []seg{{text: o, style: plain}}, []seg{{text: t, style: plain}}, []seg{{text: t, style: plain}}
	}
	return hunkSegs(ch.Hunks, st)
}

// mark brackets a deletion or an insertion where no colour shows it.
func (st styles) mark(text, open, close string) string {
	if st.Plain {
		return open + text + close
	}
	return text
}

// hunkSegs styles a word diff: the old side, the new side and both inline.
func hunkSegs(hunks []clause.Hunk, st styles) (oldSegs, newSegs, inline []seg) {
	plain := lipgloss.NewStyle()
	del, ins := st.Delete, st.Insert
	for i, h := range hunks {
		t := sanitize.Text(h.Text)
		tag := i + 1
		switch h.Op {
		case clause.OpEqual:
			oldSegs = append(oldSegs, seg{t, plain, tag})
			newSegs = append(newSegs, seg{t, plain, tag})
			inline = append(inline, seg{t, plain, tag})
		case clause.OpDelete:
			oldSegs = append(oldSegs, seg{st.mark(t, "[-", "-]"), del, tag})
			inline = append(inline, seg{st.mark(t, "[-", "-]"), del, tag})
		case clause.OpInsert:
			newSegs = append(newSegs, seg{st.mark(t, "{+", "+}"), ins, tag})
			inline = append(inline, seg{st.mark(t, "{+", "+}"), ins, tag})
		}
	}
	return oldSegs, newSegs, inline
}

func joinText(doc *clause.Document, idx []int) string {
	parts := make([]string, len(idx))
	for i, k := range idx {
		parts[i] = doc.Clauses[k].Text
	}
	return strings.Join(parts, "\n\n")
}

// changeName names a change's clauses, old → new.
func changeName(d *clause.Diff, ch *clause.Change) string {
	o, n := names(d.Old, ch.Old), names(d.New, ch.New)
	switch {
	case o == "":
		return n
	case n == "", o == n:
		return o
	}
	return o + " → " + n
}

func names(doc *clause.Document, idx []int) string {
	parts := make([]string, len(idx))
	for i, k := range idx {
		parts[i] = oneLine(doc.Clauses[k].Label())
	}
	return strings.Join(parts, " + ")
}

// sideName heads a column of the side-by-side view: the version, then
// the clause's number in it.
func sideName(doc *clause.Document, idx []int, version string) string {
	side := sanitize.Text(version)
	if len(idx) == 0 {
		return side + ": (none)"
	}
	var nums []string
	for _, k := range idx {
		n := doc.Clauses[k].Number
		if n == "" {
			n = oneLine(doc.Clauses[k].Label())
		}
		nums = append(nums, n)
	}
	return side + ": " + sanitize.Text(strings.Join(nums, " + "))
}
