package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/store"
)

// gutterWidth is the width of the blame's left column, where each line
// names the versions whose spans start on it: the longest label, up to a
// quarter of the window.
func gutterWidth(spans []store.Span, width int) int {
	w := 7
	for _, sp := range spans {
		w = max(w, ansi.StringWidth(sanitize.Text(sp.Version.Label)))
	}
	return min(w, max(width/4, 7))
}

// blameScreen shows a clause's text coloured by the party and version that
// introduced each span, the version named in a gutter; a cursor walks the
// spans so that "," can ask for the blame before the selected one.
type blameScreen struct {
	id    string
	name  string
	at    string
	spans []store.Span
	// plain marks each span with its version, for terminals without colour.
	plain  bool
	cursor int
	offset int
	// lines is the text laid out at the current width, each sentence from
	// a line of its own; each piece's tag is its span's index. sentence
	// holds, for each line, the index of the sentence it belongs to.
	lines    [][]seg
	sentence []int

	width, height int
}

func newBlameScreen(id, name, at string, spans []store.Span) blameScreen {
	return blameScreen{id: id, name: name, at: at, spans: spans}
}

// SetSize fits the screen to the body of the window.
func (s blameScreen) SetSize(width, height int) blameScreen {
	if width != s.width || s.lines == nil {
		s.width = width
		s.lines, s.sentence = layoutBlame(s.spans, width-gutterWidth(s.spans, width)-1, s.plain)
	}
	s.width, s.height = width, height
	return s.follow()
}

func (s blameScreen) textHeight() int { return s.height - 2 }

// layoutBlame flows the spans' text one sentence at a time, each from a
// line of its own, so that the gutter names the versions of a sentence
// once, beside its first line; styles are applied when drawn. It returns
// the lines and, for each, the index of its sentence.
func layoutBlame(spans []store.Span, width int, plain bool) ([][]seg, []int) {
	var text strings.Builder
	for _, sp := range spans {
		text.WriteString(sp.Text)
	}
	starts := frtext.SentenceStarts(text.String())
	var lines [][]seg
	var sentence []int
	var segs []seg
	k, pos := 0, 0 // the sentence being laid out (starts[k] ends it), and the offset of the text left
	emit := func() {
		if len(segs) > 0 {
			for _, l := range flow(segs, width) {
				lines = append(lines, l)
				sentence = append(sentence, k)
			}
		}
		segs = nil
	}
	for i, sp := range spans {
		t := sp.Text
		for k < len(starts) && starts[k] < pos+len(t) {
			cut := starts[k] - pos
			if piece := strings.TrimRight(t[:cut], " \n"); piece != "" {
				segs = append(segs, blameSeg(piece, sp, i, plain))
			}
			emit()
			k++
			t, pos = t[cut:], pos+cut
		}
		if t != "" {
			segs = append(segs, blameSeg(t, sp, i, plain))
			pos += len(t)
		}
	}
	emit()
	return lines, sentence
}

// blameSeg is a piece of span i; without colour it says which version
// wrote it.
func blameSeg(text string, sp store.Span, i int, plain bool) seg {
	t := sanitize.Text(text)
	if plain {
		t = "[" + sanitize.Text(sp.Version.Label) + ":" + t + "]"
	}
	return seg{text: t, tag: i}
}

// follow scrolls so that the first line of the cursor's span is visible.
func (s blameScreen) follow() blameScreen {
	first := 0
	for i, l := range s.lines {
		if lineHas(l, s.cursor) {
			first = i
			break
		}
	}
	s.offset = window(first, s.offset, s.textHeight(), len(s.lines))
	return s
}

func lineHas(l []seg, tag int) bool {
	for _, p := range l {
		if p.tag == tag {
			return true
		}
	}
	return false
}

func (s blameScreen) selected() (store.Span, bool) {
	if s.cursor < 0 || s.cursor >= len(s.spans) {
		return store.Span{}, false
	}
	return s.spans[s.cursor], true
}

func (s blameScreen) update(msg tea.KeyPressMsg, k keyMap) (blameScreen, tea.Cmd) {
	switch {
	case key.Matches(msg, k.PageDown):
		s.offset = clamp(s.offset+max(s.textHeight()-1, 1), 0, max(len(s.lines)-s.textHeight(), 0))
		return s, nil
	case key.Matches(msg, k.PageUp):
		s.offset = clamp(s.offset-max(s.textHeight()-1, 1), 0, max(len(s.lines)-s.textHeight(), 0))
		return s, nil
	}
	s.cursor = moveCursor(msg, k, s.cursor, len(s.spans), 1)
	return s.follow(), nil
}

func (s blameScreen) scroll(n int) blameScreen {
	s.offset = clamp(s.offset+n, 0, max(len(s.lines)-s.textHeight(), 0))
	return s
}

// help is the screen's key help.
func (s blameScreen) help(k keyMap) helpKeys {
	span := key.NewBinding(key.WithKeys("j", "k"), key.WithHelp("j/k", "next/previous span"))
	return helpKeys{
		short: []key.Binding{span, k.Previous, k.Undo, k.History, k.Back, k.Help, k.Quit},
		full:  [][]key.Binding{{span, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Previous, k.Undo, k.History}, k.global()},
	}
}

// renderBlame draws the visible lines of the blame: in the gutter the
// versions whose spans start on the line, then the text, each span in its
// party's colour and the selected span reversed.
func renderBlame(s blameScreen, p parties, st styles) string {
	width := s.width
	at := s.at
	if at == "" {
		at = "latest"
	}
	lines := []string{st.Title.Render(fit(fmt.Sprintf("Blame of %s as of %s · %s", sanitize.Text(s.name), sanitize.Text(at), render.Count(len(s.spans), "span")), width))}
	// The legend: each version in its colour, oldest first.
	var versions []store.Version
	seen := map[string]bool{}
	for _, sp := range s.spans {
		if !seen[sp.Version.Label] {
			seen[sp.Version.Label] = true
			versions = append(versions, *sp.Version)
		}
	}
	slices.SortStableFunc(versions, func(a, b store.Version) int { return strings.Compare(a.Date, b.Date) })
	var legend []string
	for _, v := range versions {
		legend = append(legend, v.Label)
	}
	var lb strings.Builder
	lb.WriteString("versions:")
	used := len("versions:")
	for _, l := range legend {
		name := sanitize.Text(l)
		if used+1+ansi.StringWidth(name) > width {
			break
		}
		lb.WriteString(" " + s.versionStyle(p, st, l).Render(name))
		used += 1 + ansi.StringWidth(name)
	}
	lines = append(lines, fit(lb.String(), width))
	end := min(len(s.lines), s.offset+s.textHeight())
	gutterW := gutterWidth(s.spans, width)
	textW := width - gutterW - 1
	for i := s.offset; i < end; i++ {
		labels := s.sentenceVersions(i)
		gutterStyle := st.Faint
		if len(labels) > 0 {
			gutterStyle = s.versionStyle(p, st, labels[0])
		}
		var b strings.Builder
		w := 0
		for _, piece := range s.lines[i] {
			sp := s.spans[piece.tag]
			style := s.versionStyle(p, st, sp.Version.Label)
			if piece.tag == s.cursor {
				style = style.Reverse(true)
			}
			b.WriteString(style.Render(piece.text))
			w += ansi.StringWidth(piece.text)
		}
		if w < textW {
			b.WriteString(strings.Repeat(" ", textW-w))
		}
		gutter := sanitize.Text(strings.Join(labels, ","))
		if st.Plain && lineHas(s.lines[i], s.cursor) {
			gutter = "▸" + gutter
		}
		gutter = elide(gutter, gutterW)
		lines = append(lines, gutterStyle.Render(gutter)+" "+b.String())
	}
	if len(s.spans) == 0 {
		lines = append(lines, fit("  (no text)", width))
	}
	return pad(lines, width, s.height)
}

// versionStyle colours a version by its party, in a shade of its own
// when the party wrote several of the spans' versions: plain, bold,
// underlined, italic, in the order of their labels.
// sentenceVersions are the versions that wrote the sentence line i
// begins, in the order they appear; none when line i goes on a sentence.
func (s blameScreen) sentenceVersions(i int) []string {
	if i > 0 && s.sentence[i] == s.sentence[i-1] {
		return nil
	}
	var labels []string
	for j := i; j < len(s.lines) && s.sentence[j] == s.sentence[i]; j++ {
		for _, piece := range s.lines[j] {
			if l := s.spans[piece.tag].Version.Label; !contains(labels, l) {
				labels = append(labels, l)
			}
		}
	}
	return labels
}

func (s blameScreen) versionStyle(p parties, st styles, label string) lipgloss.Style {
	var party string
	var same []string
	for _, sp := range s.spans {
		if sp.Version.Label == label {
			party = sp.Version.Party
		}
	}
	for _, sp := range s.spans {
		if sp.Version.Party == party && !contains(same, sp.Version.Label) {
			same = append(same, sp.Version.Label)
		}
	}
	slices.Sort(same)
	style := p.style(st, party)
	switch slices.Index(same, label) % 4 {
	case 1:
		style = style.Bold(true)
	case 2:
		style = style.Underline(true)
	case 3:
		style = style.Italic(true)
	}
	return style
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
