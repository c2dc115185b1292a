package tui

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

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
	// text is the change's text cut into words, once per change and
	// mode; lines its layout at the screen's width, drawn when shown.
	text   *diffText
	lines  diffLines
	offset int

	width, height int
	st            styles
}

// set shows change c of d, the diff of versions base and head.
func (s diffScreen) set(d *clause.Diff, c int, base, head, step string) diffScreen {
	s.diff, s.change, s.step, s.offset = d, c, step, 0
	s.base, s.head = base, head
	s.text = nil
	return s.layout()
}

// layout lays the change out at the screen's width; its words are cut
// once, so that a resize only places them again (a 130,000-character
// clause took 0.3 s a resize when each one measured and drew it all).
func (s diffScreen) layout() diffScreen {
	if s.diff == nil || s.width <= 0 {
		s.lines = diffLines{}
		return s
	}
	if s.text == nil || s.text.side != s.side {
		s.text = newDiffText(s.diff, s.change, s.side, s.st)
	}
	s.lines = s.text.layout(s.base, s.head, s.width)
	s.offset = clamp(s.offset, 0, max(s.lines.count()-s.height, 0))
	return s
}

// SetSize fits the screen to the body of the window.
func (s diffScreen) SetSize(width, height int) diffScreen {
	resized := width != s.width
	s.width, s.height = width, height
	if resized || s.text == nil {
		return s.layout()
	}
	return s
}

func (s diffScreen) update(msg tea.KeyPressMsg, k keyMap) (diffScreen, tea.Cmd) {
	if key.Matches(msg, k.SideBySide) {
		s.side = !s.side
		return s.layout(), nil
	}
	last := max(s.lines.count()-s.height, 0)
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
	s.offset = clamp(s.offset+n, 0, max(s.lines.count()-s.height, 0))
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
	var lines []string
	for i := s.offset; i < min(s.lines.count(), s.offset+s.height); i++ {
		lines = append(lines, s.lines.line(i))
	}
	return pad(lines, s.width, s.height)
}

// diffText is a change ready to be laid out at any width: its text cut
// into words, inline or as two columns.
type diffText struct {
	d                   *clause.Diff
	ch                  *clause.Change
	side                bool
	st                  styles
	inline, left, right *flowText
	heading             *flowText
}

func newDiffText(d *clause.Diff, c int, side bool, st styles) *diffText {
	t := &diffText{d: d, ch: &d.Changes[c], side: side, st: st}
	oldSegs, newSegs, inline := diffSegs(d, t.ch, st)
	if t.ch.Coarse > 0 {
		oldSegs, newSegs, inline = coarseSegs(d, t.ch, st)
	}
	t.inline = tokenize(inline)
	if side {
		t.left, t.right = tokenize(oldSegs), tokenize(newSegs)
	}
	if len(t.ch.HeadingHunks) > 0 {
		// The heading's own word diff, cosmetic ones included, as the
		// text and Markdown diffs print it ("heading: …").
		_, _, heading := hunkSegs(t.ch.HeadingHunks, st)
		t.heading = tokenize(append([]seg{{text: "heading: ", style: st.Faint}}, heading...))
	}
	return t
}

// diffLines is a change laid out at one width: a header (old → new name,
// kind, flags, similarity, facts, heading) drawn, then the text's lines,
// inline or as two columns, drawn only when shown.
type diffLines struct {
	head        []string
	body        [][]seg // inline
	left, right [][]seg // side by side
	width, colW int
	st          styles
}

func (l diffLines) count() int {
	return len(l.head) + max(len(l.body), len(l.left), len(l.right))
}

// line draws line i.
func (l diffLines) line(i int) string {
	if i < len(l.head) {
		return l.head[i]
	}
	i -= len(l.head)
	if l.body != nil {
		return drawLine(l.body[i], l.width)
	}
	var left, right []seg
	if i < len(l.left) {
		left = l.left[i]
	}
	if i < len(l.right) {
		right = l.right[i]
	}
	return drawLine(left, l.colW) + l.st.Faint.Render(" │ ") + drawLine(right, l.width-l.colW-3)
}

// layout lays the change out at width; base and head name the versions
// compared, over the columns.
func (t *diffText) layout(base, head string, width int) diffLines {
	d, ch, st := t.d, t.ch, t.st
	l := diffLines{width: width, st: st}
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
	draw := func(segs []seg) {
		for _, line := range flow(segs, width) {
			l.head = append(l.head, drawLine(line, width))
		}
	}
	draw([]seg{{text: title, style: st.Title}})
	l.head = append(l.head, st.badge(string(ch.Kind), fit(strings.Join(meta, " · "), width)))
	for _, f := range ch.Facts {
		draw([]seg{{text: "▸ " + sanitize.Text(render.FactLine(f)), style: st.Fact}})
	}
	if note := clause.CoarseNote(ch, false); note != "" {
		draw([]seg{{text: "! " + note, style: st.Fact}})
	}
	l.head = append(l.head, strings.Repeat(" ", width))
	if t.heading != nil {
		for _, line := range t.heading.layout(width) {
			l.head = append(l.head, drawLine(line, width))
		}
		l.head = append(l.head, strings.Repeat(" ", width))
	}
	if !t.side || width < 40 {
		l.body = t.inline.layout(width)
		return l
	}
	l.colW = (width - 3) / 2
	l.left, l.right = t.left.layout(l.colW), t.right.layout(l.colW)
	if len(ch.Old) == 0 {
		l.left = nil
	}
	if len(ch.New) == 0 {
		l.right = nil
	}
	l.head = append(l.head, st.Faint.Render(fit(sideName(d.Old, ch.Old, orNone(base)), l.colW)+" │ "+fit(sideName(d.New, ch.New, orNone(head)), width-l.colW-3)))
	return l
}

// renderDiffLines lays out change c of d at the given width and draws
// every line.
func renderDiffLines(d *clause.Diff, c int, base, head string, side bool, st styles, width int) []string {
	l := newDiffText(d, c, side, st).layout(base, head, width)
	out := make([]string, l.count())
	for i := range out {
		out[i] = l.line(i)
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

// shownBytes bounds the text the screen lays out for a change compared
// coarsely (clause.HugeText): megabytes of it took the screen 20 s and
// 2 GB to open, and a reader pages through them better in a file.
const shownBytes = 256 << 10

// coarseSegs are the segments of a change too large to be read word by
// word: the start of its hunks, up to shownBytes, and a line saying what
// was left out and where to read it all.
func coarseSegs(d *clause.Diff, ch *clause.Change, st styles) (oldSegs, newSegs, inline []seg) {
	hunks := ch.Hunks
	switch {
	case len(ch.Old) == 0:
		hunks = []clause.Hunk{{Op: clause.OpInsert, Text: joinText(d.New, ch.New)}}
	case len(ch.New) == 0:
		hunks = []clause.Hunk{{Op: clause.OpDelete, Text: joinText(d.Old, ch.Old)}}
	}
	var shown []clause.Hunk
	left, total := shownBytes, 0
	for _, h := range hunks {
		total += len(h.Text)
		if left <= 0 {
			continue
		}
		if len(h.Text) > left {
			cut := left
			for cut > 0 && !utf8.RuneStart(h.Text[cut]) {
				cut--
			}
			h.Text = h.Text[:cut]
		}
		left -= len(h.Text)
		shown = append(shown, h)
	}
	oldSegs, newSegs, inline = hunkSegs(shown, st)
	if total > shownBytes {
		more := seg{text: fmt.Sprintf("\n\n… %.1f MB more not shown here: avenant diff prints it all", float64(total-shownBytes)/1e6), style: st.Faint, tag: -1}
		oldSegs, newSegs, inline = append(oldSegs, more), append(newSegs, more), append(inline, more)
	}
	return oldSegs, newSegs, inline
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
