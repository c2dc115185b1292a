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
func flow(segs []seg, width int) [][]seg {
	if width < 1 {
		width = 1
	}
	var lines [][]seg
	var cur []seg
	used := 0
	push := func(s seg) {
		if n := len(cur); n > 0 && cur[n-1].tag == s.tag {
			cur[n-1].text += s.text
		} else {
			cur = append(cur, s)
		}
		used += ansi.StringWidth(s.text)
	}
	newline := func() {
		lines = append(lines, cur)
		cur, used = nil, 0
	}
	for _, s := range segs {
		for pi, para := range strings.Split(strings.ReplaceAll(s.text, "\t", "    "), "\n") {
			if pi > 0 {
				newline()
			}
			for _, w := range words(para) {
				ww := ansi.StringWidth(w)
				if used+ww > width {
					trimmed := strings.TrimRight(w, " ")
					if used+ansi.StringWidth(trimmed) <= width {
						push(seg{trimmed, s.style, s.tag})
						newline()
						continue
					}
					if used > 0 {
						newline()
					}
					if trimmed == "" {
						continue
					}
					if ww > width && ansi.StringWidth(trimmed) <= width {
						push(seg{trimmed, s.style, s.tag})
						newline()
						continue
					}
				}
				for ansi.StringWidth(w) > width {
					part := ansi.Truncate(w, width-used, "")
					if part == "" {
						newline()
						continue
					}
					push(seg{part, s.style, s.tag})
					w = w[len(part):]
					newline()
				}
				if w != "" {
					push(seg{w, s.style, s.tag})
				}
			}
		}
	}
	if len(cur) > 0 || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
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
