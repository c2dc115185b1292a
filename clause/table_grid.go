package clause

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A row in columns that shows fewer cells than its header names columns
// writes a price once across the columns it covers (a merged cell of the
// PDF, centred over them) or leaves a column empty, and its text does not
// say which: "30 €" centred over Métropole and Antilles, "31 €" under
// Réunion and "32 €" under Mayotte read, as cells, like "30 €" for
// Métropole, "31 €" over Antilles and Réunion. Where each cell stands
// against the header's columns says it; the parser reads it once, while it
// knows both lines, and keeps it on the row (Clause.Grid), so that a row
// is compared column by column whatever the other version wrote.

// tableColumns are the columns of a header in columns, each the first and
// last column of text its names take on their lines.
type tableColumns [][2]int

// gridRow is a row in columns of the table being read, whose grid waits
// for the table's end (endTable): the clause, its line and its text.
type gridRow struct {
	clause, line int
	text         string
}

// endTable lays the rows of the table just read over its columns
// (rowGrid), and forgets the table. The columns are where the header's
// names and the cells of its complete rows stand (tableGrid): a header
// sets its names as it likes, left-aligned over prices set right, or
// narrower than the labels under it, and the rows that show a cell for
// each column say where their cells stand.
func (p *parser) endTable() {
	if len(p.tableRows) > 0 && len(p.tableCols) > 0 && !p.over {
		cols, cells := p.tableGrid()
		for _, r := range p.tableRows {
			if grid := p.rowGrid(r.line, r.text, cols, cells); grid != nil {
				p.clauses[r.clause].Grid = grid
			}
		}
	}
	p.tableRows, p.tableCols = p.tableRows[:0], nil
}

// tableGrid widens each column of the table's header over the cells set
// in it by the rows that show one cell for each column (cols): a price
// set right of a name set left ("Métropole" over "30,00 €" ending under
// "DOM"), a label longer than its name, stand where the rows set them.
// It returns also where those cells alone stand (cells), {-1, -1} for a
// column of no such row: the edges a cell of the column is set flush
// with.
func (p *parser) tableGrid() (cols, cells tableColumns) {
	cols = slices.Clone(p.tableCols)
	cells = make(tableColumns, len(cols))
	for j := range cells {
		cells[j] = [2]int{-1, -1}
	}
	for _, r := range p.tableRows {
		if strings.ContainsRune(r.text, '\t') {
			continue
		}
		spans := p.cellSpans(r.line)
		if len(spans) != len(cols) {
			continue
		}
		for j, s := range spans {
			cols[j] = [2]int{min(cols[j][0], s.start), max(cols[j][1], s.end)}
			if cells[j][0] < 0 {
				cells[j] = [2]int{s.start, s.end}
			}
			cells[j] = [2]int{min(cells[j][0], s.start), max(cells[j][1], s.end)}
		}
	}
	return cols, cells
}

// cellSpans are the cells of line i in columns, their columns of text
// counted from the start of the line; a code set one space before its
// label is a cell of its own (splitCodeCell).
func (p *parser) cellSpans(i int) []headerSpan {
	ln := p.lines[i]
	indent := utf8.RuneCountInString(p.text[ln.start:ln.ts])
	spans := splitCodeCell(columnSpans(p.trimmed(i)))
	out := make([]headerSpan, len(spans))
	for k, s := range spans {
		start := indent + s.col
		out[k] = headerSpan{i, start, start + utf8.RuneCountInString(s.text), s.text}
	}
	return out
}

// rowGrid lays the cells of the row on line i, of text, over the columns
// of its table (cols): for each column, the index of the cell set over
// it, -1 where none is. A price stands over the run of columns whose
// middle is nearest its own, as a cell is centred over the columns it
// spans, or over the one column it is set flush with (offset); a label
// over one column; and the cells keep their order. A column no
// cell takes is left to the comparison (an empty cell, or a price written
// once set flush with the first column it covers). It returns nil when
// the row shows a cell for each column, or when its cells cannot be told
// from its line (tabs, a label wrapped into a cell of its own).
func (p *parser) rowGrid(i int, text string, cols, cells tableColumns) []int {
	m := len(cols)
	if m == 0 || m > maxSpreadCells || strings.ContainsRune(text, '\t') {
		return nil
	}
	texts := RowCells(text)
	spans := p.cellSpans(i)
	n := len(spans)
	if n >= m || n != len(texts) || n == 0 {
		return nil
	}
	price := make([]bool, n)
	for k := range spans {
		price[k] = isAmount(texts[k]) || noPrice(texts[k])
	}
	// cost[k][j]: the least sum of distances laying cells k… over
	// columns j…; run[k][j] the last column cell k then takes (-1: column
	// j left to no cell).
	const inf = 1 << 30
	cost := make([][]int, n+1)
	run := make([][]int, n+1)
	for k := range cost {
		cost[k], run[k] = make([]int, m+1), make([]int, m+1)
		for j := range cost[k] {
			cost[k][j] = inf
		}
	}
	cost[n][m] = 0
	for k := n; k >= 0; k-- {
		for j := m - 1; j >= 0; j-- {
			best, last := cost[k][j+1], -1
			for b := j; k < n && b < m && (b == j || price[k]); b++ {
				if next := cost[k+1][b+1]; next < inf {
					edges := [2]int{-1, -1}
					if b == j {
						edges = cells[j]
					}
					if c := offset(spans[k], cols[j][0], cols[b][1], edges) + next; c < best {
						best, last = c, b
					}
				}
			}
			cost[k][j], run[k][j] = best, last
		}
	}
	if cost[0][0] >= inf {
		return nil
	}
	grid := make([]int, m)
	for k, j := 0, 0; j < m; {
		if b := run[k][j]; b >= 0 {
			for ; j <= b; j++ {
				grid[j] = k
			}
			k++
			continue
		}
		grid[j] = -1
		j++
	}
	return grid
}

// offset is how far cell s stands from the columns lo to hi of text, in
// half columns: from their middle, as a cell is centred over the columns
// it spans, or from the edge of a column's cells (edges, from the rows
// that show every cell; {-1, -1} for none) it is set flush with, as they
// are (prices set right under a name set left).
func offset(s headerSpan, lo, hi int, edges [2]int) int {
	d := abs(s.start + s.end - lo - hi)
	if edges[0] >= 0 {
		d = min(d, 2*abs(s.start-edges[0]), 2*abs(s.end-edges[1]))
	}
	return d
}

// regridded reports two versions of a row in columns whose words are the
// same (their texts may be equal) laid over other columns, and read as
// other records: a price moved from one zone's column to another's.
func regridded(old, new *Document, oc, nc *Clause) bool {
	return !slices.Equal(oc.Grid, nc.Grid) && isTableRow(oc) && isTableRow(nc) && !sameRecord(old, new, oc, nc)
}

// laidCells are the cells of row c laid over its header's columns (names)
// by its grid, "" in a column no cell takes; the cells as they are for a
// row without a grid.
func laidCells(c *Clause, cells []string, names []string) []string {
	if len(c.Grid) == 0 || len(c.Grid) != len(names) {
		return cells
	}
	out := make([]string, len(c.Grid))
	for j, k := range c.Grid {
		if k >= 0 && k < len(cells) {
			out[j] = cells[k]
		}
	}
	return out
}

// openColumns are the columns of row c that no cell of its grid takes,
// nil for a row without a grid.
func openColumns(c *Clause, names []string) []bool {
	if len(c.Grid) == 0 || len(c.Grid) != len(names) {
		return nil
	}
	open := make([]bool, len(c.Grid))
	for j, k := range c.Grid {
		open[j] = k < 0
	}
	return open
}

// fillOpen decides the columns of a laid row that no cell took (open)
// against the same row of the other version (other, as many cells): each
// is empty, or holds a price beside it written once across it (the price
// before, flush with the first column it covers, or the one after, a cell
// centred over columns on both sides of the one it stands over, which are
// both open),
// whichever leaves fewest cells apart from the other version's, then
// agrees on which neighbouring columns share a price, as spread decides.
func fillOpen(cells []string, open []bool, other []string) []string {
	if open == nil || len(other) != len(cells) {
		return cells
	}
	out := append([]string(nil), cells...)
	for j := 0; j < len(out); j++ {
		if !open[j] {
			continue
		}
		e := j // the open columns j… e-1
		for e < len(out) && open[e] {
			e++
		}
		// A price covers open columns beside it only where the other
		// version prices its own column too: set under another column
		// there ("31,50 €" under Métropole, DROM open → under DROM,
		// Métropole open), it moved, and read as written once across
		// both it left Métropole alone and came into DROM unsaid.
		before, after := "", ""
		if j > 0 && isAmount(out[j-1]) && other[j-1] != "" {
			before = out[j-1]
		}
		// A price after the open columns covers them only when it is
		// centred over columns on both sides of its own: followed by
		// open columns too. Flush with its column, it is that column's,
		// and the columns before it are empty: a price moved from the
		// first zone's column to the second's is a change.
		if e+1 < len(out) && isAmount(out[e]) && open[e+1] && other[e] != "" {
			after = out[e]
		}
		// The first t columns take the price before, the last u the
		// price after.
		bestT, bestU, bestScore := 0, 0, -1
		for t := 0; t <= e-j && (t == 0 || before != ""); t++ {
			for u := 0; t+u <= e-j && (u == 0 || after != ""); u++ {
				if s := fillScore(out, other, j, e, t, u, before, after); s > bestScore {
					bestT, bestU, bestScore = t, u, s
				}
			}
		}
		for x := j; x < e; x++ {
			switch {
			case x < j+bestT:
				out[x] = before
			case x >= e-bestU:
				out[x] = after
			}
		}
		j = e
	}
	return out
}

// fillScore scores filling the open columns j… e-1 of out, the first t
// with before and the last u with after, against other, as spread scores
// its layings (likeness).
func fillScore(out, other []string, j, e, t, u int, before, after string) int {
	at := func(x int) string {
		switch {
		case x < j || x >= e:
			return out[x]
		case x < j+t:
			return before
		case x >= e-u:
			return after
		}
		return ""
	}
	score := 0
	for x := j; x < e; x++ {
		prev := ""
		if x > 0 {
			prev = at(x - 1)
		}
		score += likeness(at(x), prev, other, x)
	}
	return score
}

// likeness scores cell laid in column j of a row, prev in the column
// before it, against the cells of the same row in another version
// (other): 2×len(other) when it is the other's cell, and one more when
// it shares the price before it as the other's does, so that cells alike
// come first, then which neighbouring columns share a price.
func likeness(cell, prev string, other []string, j int) int {
	s := 0
	if cell == other[j] {
		s = 2 * len(other)
	}
	if j > 0 && (cell == prev) == (other[j] == other[j-1]) {
		s++
	}
	return s
}

// recordHunks is the word diff of a changed row that shows where its
// cells went when its words alone show nothing: a price moved from under
// "Métropole" to under "DROM" in a text in columns is the same words,
// and the diff printed the row unchanged under facts saying it changed.
// The row's cells laid over their columns, as rowFacts compares them,
// show the price leave its cell and take the other ("G | Consultation |
// 30,00 € | 30,00 €" → "G | Consultation |  | 30,00 €").
func recordHunks(old, new *Document, oc, nc *Clause, hunks []Hunk) []Hunk {
	if slices.ContainsFunc(hunks, func(h Hunk) bool { return h.Op != OpEqual }) {
		return hunks
	}
	o, n, _ := recordCells(old, new, oc, nc)
	if slices.Equal(o, n) {
		return hunks
	}
	if len(o) != len(n) {
		return trimPairs(WordDiff(strings.Join(o, cellSep), strings.Join(n, cellSep)))
	}
	// Cell by cell: over the words alone, a price that left one cell
	// for the next was the same words, and read as the separators
	// moving around it ("|{+  |+} 31,50 €[- | -]").
	var out []Hunk
	add := func(op Op, text string) {
		if k := len(out) - 1; k >= 0 && out[k].Op == op {
			out[k].Text += text
		} else if text != "" {
			out = append(out, Hunk{Op: op, Text: text})
		}
	}
	for j := range o {
		if j > 0 {
			add(OpEqual, cellSep)
		}
		if o[j] == n[j] {
			add(OpEqual, o[j])
			continue
		}
		add(OpDelete, o[j])
		add(OpInsert, n[j])
	}
	return out
}

// trimPairs gives back to the text around it what a deletion and the
// insertion beside it share at either end: an empty cell's spaces in place
// of a price's read "[- 30,00 € -]{+  +}", and the price alone is what
// left.
func trimPairs(hunks []Hunk) []Hunk {
	var out []Hunk
	for i := 0; i < len(hunks); i++ {
		if i+1 == len(hunks) || hunks[i].Op == OpEqual || hunks[i+1].Op == OpEqual {
			out = append(out, hunks[i])
			continue
		}
		a, b := hunks[i].Text, hunks[i+1].Text
		p := commonPrefixLen(a, b)
		for p > 0 && p < len(a) && !utf8.RuneStart(a[p]) {
			p--
		}
		s := commonSuffixLen(a[p:], b[p:])
		for s > 0 && s < len(a)-p && !utf8.RuneStart(a[len(a)-s]) {
			s--
		}
		out = appendHunk(out, Hunk{OpEqual, a[:p]})
		out = appendHunk(out, Hunk{hunks[i].Op, a[p : len(a)-s]})
		out = appendHunk(out, Hunk{hunks[i+1].Op, b[p : len(b)-s]})
		out = appendHunk(out, Hunk{OpEqual, a[len(a)-s:]})
		i++
	}
	return out
}

// appendHunk appends h, joined to the last hunk when of the same kind;
// an empty one is dropped.
func appendHunk(hs []Hunk, h Hunk) []Hunk {
	if h.Text == "" {
		return hs
	}
	if n := len(hs); n > 0 && hs[n-1].Op == h.Op {
		hs[n-1].Text += h.Text
		return hs
	}
	return append(hs, h)
}
