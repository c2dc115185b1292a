package reader

import "strings"

// Tables in HTML and Word files span cells: a category name covering the
// rows of its acts (rowspan, Word's vertical merge), "Tarif" over the
// columns "Métropole" and "DOM" (colspan, Word's gridSpan), a price that
// holds for every zone. Written cell after cell, such rows come out shorter
// than the others and their cells under the wrong columns: the price of
// the DOM read as the métropole's, an act code read as a category. So the
// cells are laid out on the table's grid first, each spanned cell repeated
// in every place it covers, as a reader of the printed table sees it, and a
// header of several rows becomes one row naming each column by all its
// levels ("Tarif Métropole"). A cell spanning the whole width is a title
// across the table ("Consultations"): it stays one cell.

// spanCell is a cell as a file gives it.
type spanCell struct {
	text string
	cols int  // columns covered, 1 at least
	rows int  // rows covered (HTML's rowspan), 1 at least
	cont bool // Word's vertical merge: the cell above goes on here
}

// Spans are bounded, as browsers bound them: a hostile file must not turn
// a few bytes into a grid of millions of cells.
const (
	maxColSpan = 64
	maxRowSpan = 256
)

// layOut places the cells of rows on the table's grid. spend is asked for
// the bytes of every repeated copy; when it refuses, copies are left empty.
func layOut(rows [][]spanCell, spend func(n int) bool) [][]string {
	width := 0
	for _, r := range rows {
		w := 0
		for _, c := range r {
			w += clampSpan(c.cols, maxColSpan)
		}
		width = max(width, w)
	}
	type carry struct {
		text string
		left int // rows still to cover below
	}
	var above []carry // per column: what a rowspan carries down
	var prev []string // the row above, for Word's vertical merges
	out := make([][]string, 0, len(rows))
	for _, r := range rows {
		if len(r) == 1 && clampSpan(r[0].cols, maxColSpan) == width && width > 1 && !r[0].cont {
			out = append(out, []string{r[0].text})
			prev = nil
			continue
		}
		var line []string
		next := 0
		place := func(text string, copy bool) {
			if copy && text != "" && !spend(len(text)) {
				text = ""
			}
			line = append(line, text)
		}
		fillCarried := func() {
			for len(line) < len(above) && above[len(line)].left > 0 {
				above[len(line)].left--
				place(above[len(line)].text, true)
			}
		}
		for fillCarried(); next < len(r); fillCarried() {
			c := r[next]
			next++
			text := c.text
			if c.cont && len(line) < len(prev) {
				text = prev[len(line)]
			}
			cols, down := clampSpan(c.cols, maxColSpan), clampSpan(c.rows, maxRowSpan)
			for k := range cols {
				col := len(line)
				place(text, k > 0 || c.cont)
				for len(above) <= col {
					above = append(above, carry{})
				}
				above[col] = carry{text: text, left: down - 1}
			}
		}
		out = append(out, line)
		prev = line
	}
	return out
}

func clampSpan(n, most int) int {
	return min(max(n, 1), most)
}

// pipeRows writes a laid-out table as markdown pipe rows. Its first head
// rows are the header: one row of them, each column named by the distinct
// texts of its levels, top down, then the separator that tells
// clause.Parse the header from the rows.
func pipeRows(grid [][]string, head int) string {
	var b strings.Builder
	write := func(cells []string) {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |")
	}
	head = min(head, len(grid))
	if head > 0 {
		names := mergeHeader(grid[:head])
		write(names)
		b.WriteString("\n|" + strings.Repeat("---|", len(names)))
	}
	for _, r := range grid[head:] {
		write(r)
	}
	return b.String()
}

// mergeHeader names each column of a header of several rows by the texts of
// its levels, a level repeated by a span said once.
func mergeHeader(rows [][]string) []string {
	if len(rows) == 1 {
		return rows[0]
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	names := make([]string, width)
	for col := range names {
		var parts []string
		for _, r := range rows {
			if col < len(r) && r[col] != "" && (len(parts) == 0 || parts[len(parts)-1] != r[col]) {
				parts = append(parts, r[col])
			}
		}
		names[col] = strings.Join(parts, " ")
	}
	return names
}
