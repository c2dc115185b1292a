package tui

import (
	"strconv"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/render"
	"github.com/charmbracelet/x/ansi"
)

// elide cuts s to width cells by dropping its middle, so that labels that
// differ only at the end ("CASF_L262_2008-01", "CASF_L262_2008-07") stay
// apart; it pads shorter strings.
func elide(s string, width int) string {
	w := ansi.StringWidth(s)
	if w <= width {
		return fit(s, width)
	}
	if width < 5 {
		return fit(s, width)
	}
	tail := (width - 1) / 2
	head := width - 1 - tail
	return ansi.Truncate(s, head, "") + "…" + ansi.Cut(s, w-tail, w)
}

// column is the width of a column: its widest value (or its title), at
// most share of the window width, at least least cells.
func column(values []string, title string, least int, share float64, width int) int {
	w := ansi.StringWidth(title)
	for _, v := range values {
		w = max(w, ansi.StringWidth(v))
	}
	return max(min(w, int(float64(width)*share)), least)
}

// summaryFitting is the diff's summary line cut to width by leaving out
// the least telling counts first (unchanged, cosmetic, moved,
// renumbered…), so that the facts changed stay in sight.
func summaryFitting(s clause.Summary, prefix string, width int) string {
	drops := []*int{&s.Unchanged, &s.Cosmetic, &s.Moved, &s.Renumbered, &s.Merged, &s.Split}
	line := prefix + render.SummaryLine(s)
	for _, d := range drops {
		if ansi.StringWidth(line) <= width {
			break
		}
		*d = 0
		line = prefix + render.SummaryLine(s)
	}
	return line
}

// titleBar is the window's first line: what is compared and the screen on
// the left, the scroll position on the right.
func titleBar(title, position string, width int) string {
	if position == "" {
		return fit(title, width)
	}
	room := width - ansi.StringWidth(position) - 1
	if room < ansi.StringWidth(title) && room < width/2 {
		return fit(title, width)
	}
	return fit(title, room) + " " + position
}

// listPosition says where a list's cursor is ("12/85"), "" when the whole
// list fits.
func listPosition(cursor, n, height int) string {
	if n <= height || n == 0 {
		return ""
	}
	return strconv.Itoa(cursor+1) + "/" + strconv.Itoa(n)
}

// textPosition says which lines of a text are shown ("1–22/40"), "" when
// the whole text fits.
func textPosition(offset, height, n int) string {
	if n <= height || n == 0 {
		return ""
	}
	return strconv.Itoa(offset+1) + "–" + strconv.Itoa(min(offset+height, n)) + "/" + strconv.Itoa(n)
}
