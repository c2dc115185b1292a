package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// seg is a run of text drawn in one style; tag names the value (a span,
// a hunk) it came from, and pieces with the same tag share a style, so that
// flow can join them.
type seg struct {
	text  string
	style lipgloss.Style
	tag   int
}

// flow lays segments out in lines of at most width cells, breaking after
// spaces and at newlines, and cutting words longer than a line. Styles are
// applied per piece, so that a line can be drawn on its own without
// inheriting the state of the one above.
func flow(segs []seg, width int) [][]seg { return tokenize(segs).layout(width) }

// flowWord is a word of a text to flow, with the spaces after it, and its
// widths measured once: a text is laid out again at each width a window
// is resized to, and measuring is most of the work.
type flowWord struct {
	text    string
	seg     int // the segment it came from
	w, tw   int // cells, with and without its trailing spaces
	newline bool
}

// flowText is a text cut into words, ready to be laid out at any width.
type flowText struct {
	segs  []seg
	words []flowWord
}

// tokenize cuts segs into words (a newline is a word of its own).
func tokenize(segs []seg) *flowText {
	f := &flowText{segs: segs}
	for si, s := range segs {
		for pi, para := range strings.Split(strings.ReplaceAll(s.text, "\t", "    "), "\n") {
			if pi > 0 {
				f.words = append(f.words, flowWord{seg: si, newline: true})
			}
			for _, w := range words(para) {
				fw := flowWord{text: w, seg: si, w: cellWidth(w)}
				fw.tw = fw.w - (len(w) - len(strings.TrimRight(w, " ")))
				f.words = append(f.words, fw)
			}
		}
	}
	return f
}

// layout lays the words out in lines of at most width cells.
func (f *flowText) layout(width int) [][]seg {
	if width < 1 {
		width = 1
	}
	var lines [][]seg
	var cur []seg
	used := 0
	push := func(text string, w int, s seg) {
		if n := len(cur); n > 0 && cur[n-1].tag == s.tag {
			cur[n-1].text += text
		} else {
			cur = append(cur, seg{text, s.style, s.tag})
		}
		used += w
	}
	newline := func() {
		lines = append(lines, cur)
		cur, used = nil, 0
	}
	for _, fw := range f.words {
		if fw.newline {
			newline()
			continue
		}
		s, w, ww := f.segs[fw.seg], fw.text, fw.w
		if used+ww > width {
			trimmed := w[:len(w)-(fw.w-fw.tw)]
			if used+fw.tw <= width {
				push(trimmed, fw.tw, s)
				newline()
				continue
			}
			if used > 0 {
				newline()
			}
			if trimmed == "" {
				continue
			}
			if ww > width && fw.tw <= width {
				push(trimmed, fw.tw, s)
				newline()
				continue
			}
		}
		for ww > width {
			part := ansi.Truncate(w, width-used, "")
			if part == "" {
				// A character wider than the line (a wide one in a
				// column of one): it overflows rather than loop.
				part, _ = ansi.FirstGraphemeCluster(w, ansi.GraphemeWidth)
			}
			pw := ansi.StringWidth(part)
			push(part, pw, s)
			w, ww = w[len(part):], ww-pw
			newline()
		}
		if w != "" {
			push(w, ww, s)
		}
	}
	if len(cur) > 0 || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// cellWidth is the cells s takes: counted a rune at a time for the Latin
// letters, punctuation and currency signs of a French text, each one
// cell; ansi measures any other text (wide, combining, emoji).
func cellWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r >= 0x20 && r < 0x7f, r >= 0xa0 && r < 0x300,
			r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205e, r >= 0x20a0 && r <= 0x20bf:
			n++
		default:
			return ansi.StringWidth(s)
		}
	}
	return n
}

// words cuts s after each run of spaces, keeping the spaces with the word
// before them.
func words(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' && (i+1 == len(s) || s[i+1] != ' ') {
			out = append(out, s[start:i+1])
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// drawLine renders one laid-out line, padded to width cells.
func drawLine(line []seg, width int) string {
	var b strings.Builder
	w := 0
	for _, s := range line {
		b.WriteString(s.style.Render(s.text))
		w += ansi.StringWidth(s.text)
	}
	if w < width {
		b.WriteString(strings.Repeat(" ", width-w))
	}
	return b.String()
}

// fit cuts or pads a styled string to exactly width cells.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	w := ansi.StringWidth(s)
	if w > width {
		return ansi.Truncate(s, width, "…")
	}
	return s + strings.Repeat(" ", width-w)
}

// window returns the first row to show so that cursor stays visible in a
// list of height rows scrolled to offset.
func window(cursor, offset, height, n int) int {
	if height < 1 {
		return 0
	}
	if cursor < offset {
		offset = cursor
	}
	if cursor >= offset+height {
		offset = cursor - height + 1
	}
	if offset > n-height {
		offset = n - height
	}
	if offset < 0 {
		offset = 0
	}
	return offset
}

// pad fills a body out to height lines of width cells.
func pad(lines []string, width, height int) string {
	for len(lines) < height {
		lines = append(lines, strings.Repeat(" ", max(width, 0)))
	}
	if len(lines) > height {
		lines = lines[:height]
	}
	return strings.Join(lines, "\n")
}

// stripStyles removes styling, so that a selected row can be redrawn in
// one style.
func stripStyles(s string) string { return ansi.Strip(s) }

// stripFirst drops the first cell of a row, making room for a marker.
func stripFirst(s string) string {
	return ansi.Cut(s, 1, ansi.StringWidth(s))
}
