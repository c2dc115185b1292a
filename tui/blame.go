package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
)

// gutterWidth is the width of the blame's left column, where each line
// names the versions whose spans start on it: the longest label, up to a
// quarter of the window.
func gutterWidth(spans []Span, width int) int {
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
	id     string
	name   string
	at     string
	spans  []Span
	cursor int
	offset int
	// lines is the text laid out at the current width; each piece's tag is
	// its span's index.
	lines [][]seg

	width, height int
}

func newBlameScreen(id, name, at string, spans []Span) blameScreen {
	return blameScreen{id: id, name: name, at: at, spans: spans}
}

// SetSize fits the screen to the body of the window.
func (s blameScreen) SetSize(width, height int) blameScreen {
	if width != s.width || s.lines == nil {
		s.width = width
		s.lines = layoutBlame(s.spans, width-gutterWidth(s.spans, width)-1)
	}
	s.width, s.height = width, height
	return s.follow()
}

func (s blameScreen) textHeight() int { return s.height - 1 }

// layoutBlame flows the spans' text; styles are applied when drawn.
func layoutBlame(spans []Span, width int) [][]seg {
	segs := make([]seg, len(spans))
	for i, sp := range spans {
		segs[i] = seg{text: sanitize.Text(sp.Text), tag: i}
	}
	return flow(segs, width)
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

func (s blameScreen) selected() (Span, bool) {
	if s.cursor < 0 || s.cursor >= len(s.spans) {
		return Span{}, false
	}
	return s.spans[s.cursor], true
}

func (s blameScreen) update(msg tea.KeyPressMsg, k KeyMap) (blameScreen, tea.Cmd) {
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
func (s blameScreen) help(k KeyMap) helpKeys {
	span := key.NewBinding(key.WithKeys("j", "k"), key.WithHelp("j/k", "next/previous span"))
	return helpKeys{
		short: []key.Binding{span, k.Previous, k.Undo, k.History, k.Back, k.Help, k.Quit},
		full:  [][]key.Binding{{span, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Previous, k.Undo, k.History}, k.global()},
	}
}

// renderBlame draws the visible lines of the blame: in the gutter the
// versions whose spans start on the line, then the text, each span in its
// party's colour and the selected span reversed.
func renderBlame(s blameScreen, p parties, st Styles) string {
	width := s.width
	at := s.at
	if at == "" {
		at = "latest"
	}
	lines := []string{st.Title.Render(fit(fmt.Sprintf("Blame of %s as of %s · %s", sanitize.Text(s.name), sanitize.Text(at), render.Count(len(s.spans), "span")), width))}
	end := min(len(s.lines), s.offset+s.textHeight())
	started := map[int]bool{}
	for i := 0; i < s.offset && i < len(s.lines); i++ {
		for _, p := range s.lines[i] {
			started[p.tag] = true
		}
	}
	gutterW := gutterWidth(s.spans, width)
	textW := width - gutterW - 1
	for i := s.offset; i < end; i++ {
		var labels []string
		var gutterStyle = st.Faint
		var b strings.Builder
		w := 0
		for _, piece := range s.lines[i] {
			sp := s.spans[piece.tag]
			if !started[piece.tag] {
				started[piece.tag] = true
				if !contains(labels, sp.Version.Label) {
					labels = append(labels, sp.Version.Label)
				}
				if len(labels) == 1 {
					gutterStyle = p.style(st, sp.Version.Party)
				}
			}
			style := p.style(st, sp.Version.Party)
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

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
