package clause

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A header in columns may take several lines: a name too long for its
// column wraps under itself ("Tarif au 1er" over "décembre 2024"), and a
// name over several columns stands above theirs ("Tarif" centred over
// "Métropole" and "DROM", as a PDF prints a cell spanning them; the
// columns beside it, "Code" and "Libellé", spanning the header's rows,
// are set level with its middle). Each column is named by the texts that
// stand over it, top down, as Word and HTML headers of several rows are
// named ("Tarif Métropole"), so that the facts name the same column
// whatever the format.

// maxHeaderLines is the most lines a header in columns is read over.
const maxHeaderLines = 4

// headerSpan is a cell of a header line, its columns counted from the
// start of the line.
type headerSpan struct {
	line, start, end int
	text             string
}

func (s headerSpan) overlaps(o headerSpan) bool { return s.start < o.end && o.start < s.end }

// headerLines reads lines i and after, up to the first row of a table, as
// its header in columns: two lines or more, each of column names in
// columns, one of them with two cells or more. It returns the name of
// each column and the line of the first row.
func (p *parser) headerLines(i, b int) (cells []string, next int, ok bool) {
	if p.lines[i].flags&fPipe == 0 && p.isRow(i) {
		return nil, 0, false
	}
	k := i
	for ; k < b && k < i+maxHeaderLines; k++ {
		if p.lines[k].flags&(fBlank|fPipe) != 0 || k > i && p.isRow(k) {
			break
		}
	}
	if k == i+1 || k == b || p.lines[k].flags&(fBlank|fPipe) != 0 || !p.isRow(k) {
		return nil, 0, false
	}
	var spans []headerSpan
	wide := false
	for j := i; j < k; j++ {
		ln := p.lines[j]
		indent := utf8.RuneCountInString(p.text[ln.start:ln.ts])
		sp := columnSpans(p.trimmed(j))
		wide = wide || len(sp) > 1
		for _, s := range sp {
			t := cellText(s.text)
			if !isColumnName(t) {
				return nil, 0, false
			}
			start := indent + s.col
			spans = append(spans, headerSpan{j, start, start + utf8.RuneCountInString(s.text), t})
		}
	}
	if !wide {
		return nil, 0, false
	}
	cells, p.headerCols = headerColumns(spans, p.amountSpans(k))
	if len(cells) < 2 || spans[0].line == i && (len(spans) == 1 || spans[1].line > i) && !spansColumns(spans[0], spans) && !holdsDate(spans[0].text) {
		// A line alone above the header that names no columns is a
		// title over the table, not a header.
		return nil, 0, false
	}
	return cells, k, true
}

// amountSpans are the cells of line i that are amounts, their columns
// counted from the start of the line.
func (p *parser) amountSpans(i int) []headerSpan {
	return slices.DeleteFunc(p.cellSpans(i), func(s headerSpan) bool { return !isAmount(s.text) })
}

// headerColumns names the columns of a header from the cells of its lines.
// A cell over two cells or more of one line below it spans their columns,
// and so does a date alone on its line over the priced columns (amounts,
// the first row's prices: see dateOver); the others make the columns,
// those that overlap one column; and each column is named by every cell
// over it, top down. A cell over every column is a title over the table,
// not a header: it names none.
func headerColumns(spans, amounts []headerSpan) ([]string, tableColumns) {
	var leaves, parents []headerSpan
	for _, s := range spans {
		if spansColumns(s, spans) || aloneAbove(s, spans) && holdsDate(s.text) {
			parents = append(parents, s)
		} else {
			leaves = append(leaves, s)
		}
	}
	slices.SortStableFunc(leaves, func(a, b headerSpan) int { return a.start - b.start })
	var columns [][]headerSpan
	for _, s := range leaves {
		if n := len(columns); n > 0 && slices.ContainsFunc(columns[n-1], s.overlaps) {
			columns[n-1] = append(columns[n-1], s)
			continue
		}
		columns = append(columns, []headerSpan{s})
	}
	spanned := make([][2]int, len(parents))
	for x, s := range parents {
		spanned[x] = centredOver(s, columns)
		if holdsDate(s.text) {
			spanned[x] = dateOver(s, spanned[x], spans, columns, amounts)
		}
		if spanned[x] == [2]int{0, len(columns) - 1} {
			return nil, nil
		}
	}
	names := make([]string, len(columns))
	extents := make(tableColumns, len(columns))
	for c, col := range columns {
		lo, hi := columnExtent(col)
		extents[c] = [2]int{lo, hi}
		over := slices.Clone(col)
		for x, s := range parents {
			if spanned[x][0] <= c && c <= spanned[x][1] {
				over = append(over, s)
			}
		}
		slices.SortStableFunc(over, func(a, b headerSpan) int { return a.line - b.line })
		parts := make([]string, len(over))
		for k, s := range over {
			parts[k] = s.text
		}
		names[c] = strings.Join(parts, " ")
	}
	return names, extents
}

// spansColumns reports whether s stands over two cells or more of a line
// below it, or within a gutter of them: a short name centred over two
// ("Tarif" over "Métropole   DROM") may end short of the second.
func spansColumns(s headerSpan, spans []headerSpan) bool {
	reach := headerSpan{s.line, s.start - 2, s.end + 2, s.text}
	below := map[int]int{}
	for _, o := range spans {
		if o.line > s.line && reach.overlaps(o) {
			below[o.line]++
			if below[o.line] >= 2 {
				return true
			}
		}
	}
	return false
}

// aloneAbove reports a cell alone on its line, over cells of the lines
// below it.
func aloneAbove(s headerSpan, spans []headerSpan) bool {
	below := false
	for _, o := range spans {
		if o.line == s.line && o != s {
			return false
		}
		below = below || o.line > s.line
	}
	return below
}

// dateOver widens the run of columns a date spans (run, from centredOver)
// to the priced columns on both sides of it that no cell of its line or
// above names: a short "Au 1er décembre 2024" centred over three wide zone
// columns is as near the middle of the middle one as of the three, and a
// date over prices dates them all ("Tarif actuel" beside it, or "Code" and
// "Libellé", stop it). A column is priced when the first row has an amount
// under it (amounts).
func dateOver(s headerSpan, run [2]int, spans []headerSpan, columns [][]headerSpan, amounts []headerSpan) [2]int {
	free := func(c int) bool {
		lo, hi := columnExtent(columns[c])
		col := headerSpan{s.line, lo, hi, ""}
		for _, o := range spans {
			if o.line <= s.line && o != s && o.overlaps(col) {
				return false
			}
		}
		reach := headerSpan{s.line, lo - 2, hi + 2, ""}
		return slices.ContainsFunc(amounts, reach.overlaps)
	}
	for run[0] > 0 && run[1]+1 < len(columns) && free(run[0]-1) && free(run[1]+1) {
		run = [2]int{run[0] - 1, run[1] + 1}
	}
	return run
}

// columnExtent is the first and last column of text a header's column
// takes, over all its cells.
func columnExtent(col []headerSpan) (int, int) {
	lo, hi := col[0].start, col[0].end
	for _, o := range col {
		lo, hi = min(lo, o.start), max(hi, o.end)
	}
	return lo, hi
}

// centredOver returns the first and last columns that cell s spans: the
// run of columns, from those it stands over, whose middle is nearest its
// own, as a cell is centred over the columns it spans (a short "Au 1er
// décembre 2024" over three wide zone columns reaches into the middle one
// alone); in a tie, the narrower.
func centredOver(s headerSpan, columns [][]headerSpan) [2]int {
	extent := func(c int) (int, int) { return columnExtent(columns[c]) }
	first, last := overCells(s, columns)
	if first < 0 {
		// Within the gutter spansColumns allows, s stands over cells it
		// does not touch: it spans their columns all the same, or its
		// words would name no column and be lost.
		first, last = overCells(headerSpan{s.line, s.start - 2, s.end + 2, s.text}, columns)
	}
	if first < 0 {
		// Over cells that span columns themselves: the column nearest its
		// middle.
		first = nearestColumn(s, columns)
		last = first
	}
	mid := s.start + s.end
	best, off := [2]int{first, last}, -1
	for a := first; a >= 0 && first >= 0; a-- {
		for b := last; b < len(columns); b++ {
			lo, _ := extent(a)
			_, hi := extent(b)
			if d := abs(lo + hi - mid); off < 0 || d < off {
				best, off = [2]int{a, b}, d
			}
		}
	}
	return best
}

// overCells returns the first and last columns holding a cell s overlaps,
// -1 and -1 when there are none.
func overCells(s headerSpan, columns [][]headerSpan) (first, last int) {
	first, last = -1, -1
	for c, col := range columns {
		if slices.ContainsFunc(col, s.overlaps) {
			if first < 0 {
				first = c
			}
			last = c
		}
	}
	return first, last
}

// nearestColumn is the column whose middle is nearest the middle of s.
// -1 when there are none.
func nearestColumn(s headerSpan, columns [][]headerSpan) int {
	best, off := -1, -1
	for c, col := range columns {
		lo, hi := columnExtent(col)
		if d := abs(lo + hi - s.start - s.end); off < 0 || d < off {
			best, off = c, d
		}
	}
	return best
}

// annexTableGroups reads, in a text without articles (a tariff annex
// alone: "Annexe 1 - Tarifs" over "Consultations" and "Visites", each over
// its table), the line that names a table of an annex as freeHeadings
// reads it in a text with articles: a group of the annex holding that
// table. Read as a line of text, it left the annex's tables one, and a
// row moved from the one to the other unchanged.
func (p *parser) annexTableGroups() {
	if !slices.ContainsFunc(p.heads, func(h head) bool { return h.hk == hAnnex }) {
		return
	}
	isHead := p.headLines()
	out := make([]head, 0, len(p.heads)+2)
	k, inAnnex := 0, false
	for i := range p.lines {
		if k < len(p.heads) && p.heads[k].line == i {
			inAnnex = inAnnex || p.heads[k].hk == hAnnex
			out = append(out, p.heads[k])
			k++
			continue
		}
		if !inAnnex || isHead[i] {
			continue
		}
		t, ok := p.trimmed(i), p.titleLine(i, isHead)
		if !ok {
			t, ok = p.emphasisedTitle(i, isHead)
		}
		if ok && p.opensTable(i) && currencyNote(t) == "" && !p.inTableLabel(i) {
			out = append(out, head{line: i, text: t, hk: hTableGroup})
		}
	}
	p.heads = append(out, p.heads[k:]...)
}

// inTableLabel reports a line that goes on from a table's row right above
// it, no blank line between, set further right than the row's line: a
// label wrapped in its column, or the start of the next row's label
// centred around its code and price, as pdftotext -layout prints
// "Consultation du médecin spécialiste en médecine" over "GS    30 €"
// over "générale". It is no title over a table, which stands before the
// table: read so, it cut the table in two, every row after it moved to
// another table.
func (p *parser) inTableLabel(i int) bool {
	indent := func(k int) int { return p.lines[k].ts - p.lines[k].start }
	for r := i - 1; r >= 0 && r >= i-3; r-- {
		switch {
		case p.lines[r].flags&fBlank != 0 || indent(r) >= indent(i) && !p.isRow(r):
			return false
		case p.isRow(r):
			return indent(i) > indent(r)
		}
	}
	return false
}
