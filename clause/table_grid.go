package clause

import (
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

// rowGrid lays the cells of the row on line i, of text, over the columns
// of its table's header: for each column, the index of the cell set over
// it, -1 where none is. A price stands over the run of columns whose
// middle is nearest its own, as a cell is centred over the columns it
// spans (a label, over one: a header's name is narrower than the labels
// under it), and the cells keep their order; a column no cell takes is left to the
// comparison (an empty cell, or a price written once set flush with the
// first column it covers). It returns nil when the row shows a cell for
// each column, or when its cells cannot be told from its line (tabs, a
// label wrapped into a cell of its own).
func (p *parser) rowGrid(i int, text string, cols tableColumns) []int {
	m := len(cols)
	if m == 0 || m > maxSpreadCells || strings.ContainsRune(text, '\t') {
		return nil
	}
	cells := RowCells(text)
	ln := p.lines[i]
	indent := utf8.RuneCountInString(p.text[ln.start:ln.ts])
	spans := splitCodeCell(columnSpans(p.trimmed(i)))
	n := len(spans)
	if n >= m || n != len(cells) || n == 0 {
		return nil
	}
	mid := make([]int, n) // twice each cell's middle
	price := make([]bool, n)
	for k, s := range spans {
		mid[k] = 2*(indent+s.col) + utf8.RuneCountInString(s.text)
		price[k] = isAmount(cells[k]) || noPrice(cells[k])
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
					if c := abs(mid[k]-cols[j][0]-cols[b][1]) + next; c < best {
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
// centred over columns on both sides of the one it stands over),
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
		before, after := "", ""
		if j > 0 && isAmount(out[j-1]) {
			before = out[j-1]
		}
		if e < len(out) && isAmount(out[e]) {
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
// with before and the last u with after, against other: 2×len per column
// alike, one per column whose sharing its neighbour's price agrees.
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
		if at(x) == other[x] {
			score += 2 * len(out)
		}
		if x > 0 && (at(x) == at(x-1)) == (other[x] == other[x-1]) {
			score++
		}
	}
	return score
}
