package clause

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A row whose label wraps over a page break has its label's end printed
// on the next page, under the header that the page repeats: read in the
// order of the text, the end of the label was a name of that header
// ("Code | Libellé médecin généraliste | Tarif", a wrapped header name),
// the row lost it, and the table was cut in two. The reader may also set
// the end of the label on the header's own line, its words after the
// name of their column. Before anything else reads the text, such lines
// go back under the row they continue, set under its label, and the
// header, word for word the one it repeats, after them.

// maxLabelWrap is how many lines of a label a page break may carry over.
const maxLabelWrap = 3

// rejoinPageRows rewrites the rows cut by a page break (see above). A text
// without one is returned as it is.
func rejoinPageRows(text string) string {
	// Cut into lines only past two lines in columns, the first with
	// figures: a header (dated or not) under a row.
	var lines []string
	rowAbove := false
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text) - start
		}
		l := text[start : start+end]
		gap := HasGap(l)
		if rowAbove && gap {
			lines = strings.Split(text, "\n")
			break
		}
		rowAbove = gap && strings.ContainsAny(l, "0123456789")
		start += end + 1
	}
	if lines == nil {
		return text
	}
	out := make([]string, 0, len(lines)+1)
	changed := false
	for h := 0; h < len(lines); h++ {
		if h > 0 {
			if wrap, head, next, ok := rejoinAt(lines, h); ok {
				out = append(append(out, wrap...), head)
				h, changed = next-1, true
				continue
			}
		}
		out = append(out, lines[h])
	}
	if !changed {
		return text
	}
	return strings.Join(out, "\n")
}

// rejoinAt reads line h as a header that repeats an earlier one between
// row h-1 and the end of its label: the lines under the header that hold
// it, or its words after the name of their column on the header's line.
// It returns those lines set under the row's label, the header without
// them, and the line after what it read.
func rejoinAt(lines []string, h int) (wrap []string, head string, next int, ok bool) {
	row, head := lines[h-1], lines[h]
	if !HasGap(head) || !HasGap(row) {
		return nil, "", 0, false
	}
	if _, ok := headerCells(strings.TrimSpace(head), false); !ok || !amountLine(row) {
		return nil, "", 0, false
	}
	headSpans := columnSpans(head)
	cells := make([]string, len(headSpans))
	for k, s := range headSpans {
		cells[k] = cellText(s.text)
	}
	earlier := earlierHeader(lines[:h-1], len(cells))
	rowSpans := columnSpans(row)
	if earlier == nil || len(rowSpans) != len(cells) {
		return nil, "", 0, false
	}
	col := -1 // the column the label's end goes under
	if k := extendedCell(earlier, cells); k > 0 && strings.HasPrefix(headSpans[k].text, earlier[k]) {
		// The label's end set on the header's line, after its
		// column's name: the name is left, in its place.
		s := headSpans[k]
		at := strings.Index(head, s.text)
		name := len(strings.TrimRight(s.text[:len(earlier[k])], " "))
		extra := s.text[name:]
		wrap = []string{strings.TrimSpace(extra)}
		head = head[:at+name] + strings.Repeat(" ", utf8.RuneCountInString(extra)) + head[at+len(s.text):]
		col, next = k, h+1
	} else if slices.Equal(earlier, cells) {
		next = h + 1
		for next < len(lines) && next-h <= maxLabelWrap && labelEnd(lines[next]) {
			next++
		}
		if next == h+1 || next-h > maxLabelWrap || next < len(lines) && strings.TrimSpace(lines[next]) != "" && !HasGap(lines[next]) {
			return nil, "", 0, false
		}
		col = columnUnder(headSpans, columnSpans(lines[h+1])[0].col)
		for _, l := range lines[h+1 : next] {
			wrap = append(wrap, strings.TrimSpace(l))
		}
	}
	if col <= 0 || isAmount(rowSpans[col].text) {
		// A code never wraps, nor a price: what stands under them is
		// no label's end.
		return nil, "", 0, false
	}
	indent := strings.Repeat(" ", rowSpans[col].col)
	for k := range wrap {
		wrap[k] = indent + wrap[k]
	}
	return wrap, head, next, true
}

// amountLine reports a line in columns that holds a price.
func amountLine(l string) bool {
	return slices.ContainsFunc(columnSpans(l), func(s span) bool { return isAmount(s.text) })
}

// labelEnd reports a line that may be the end of a label carried over a
// page break: indented, one cell, no price.
func labelEnd(l string) bool {
	t := strings.TrimSpace(l)
	return t != "" && strings.HasPrefix(l, " ") && !HasGap(t) && !isAmount(t)
}

// earlierHeader returns the cells of the last line of lines that reads as
// a table's header of n columns, or nil. That header must be one line,
// right over a row: the first line of a header of several ("Tarif au
// 1er" over "décembre 2024") said again is the header again, its second
// line no label's end.
func earlierHeader(lines []string, n int) []string {
	for i := len(lines) - 1; i >= 0; i-- {
		if !HasGap(lines[i]) {
			continue
		}
		if cells, ok := headerCells(strings.TrimSpace(lines[i]), false); ok && len(cells) == n {
			if i+1 < len(lines) && amountLine(lines[i+1]) {
				return cells
			}
			return nil
		}
	}
	return nil
}

// extendedCell returns the one cell of cells that says the cell of
// earlier in its place and more words after it, the others being the
// same, or -1.
func extendedCell(earlier, cells []string) int {
	found := -1
	for k := range cells {
		switch {
		case cells[k] == earlier[k]:
		case found < 0 && strings.HasPrefix(cells[k], earlier[k]+" "):
			found = k
		default:
			return -1
		}
	}
	return found
}

// columnUnder returns the index of the span of spans that a cell starting
// at col stands under: the last one starting at most two columns after
// it.
func columnUnder(spans []span, col int) int {
	k := -1
	for j, s := range spans {
		if s.col <= col+2 {
			k = j
		}
	}
	return k
}
