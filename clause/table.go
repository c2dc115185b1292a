package clause

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// Tables are read as records. A row of a tariff table reaches Parse in as
// many shapes as there are formats: "| G | Consultation | 30,00 € |" from
// Markdown, Word and HTML, "G    Consultation    30,00 €" from
// pdftotext -layout, its label sometimes wrapped onto an indented second
// line. What the row says is the same: a code, a label, amounts. So a row
// is compared as its cells (RowCells), never as the separators and
// spacing between them, and a table's header row ("Code | Libellé |
// Tarif") becomes a container of the rows below it, whose heading names
// the columns the same way whatever the format.

// cellSep joins the cells of a row or a header when they are compared or
// shown: one form for every format.
const cellSep = " | "

// RowCells splits the text of a table row into its cells, whatever the
// format: Markdown pipes, or columns separated by a tab or two spaces or
// more. In a row whose label wrapped onto further lines (pdftotext
// -layout keeps each line's indentation, and Parse keeps it relative to
// the row's first line), each continuation goes to the column it stands
// under, so the label is whole again. Markdown emphasis around a cell is
// left out: it is how a cell was set, not what it says.
func RowCells(text string) []string {
	first, rest, _ := strings.Cut(text, "\n")
	if strings.HasPrefix(strings.TrimSpace(first), "|") {
		var cells []string
		for _, l := range strings.Split(text, "\n") {
			l = strings.TrimSpace(l)
			l = strings.TrimPrefix(l, "|")
			l = strings.TrimSuffix(l, "|")
			for _, c := range strings.Split(l, "|") {
				cells = append(cells, cellText(c))
			}
		}
		return cells
	}
	if rest == "" && !HasGap(first) {
		if cells, ok := lineRowCells(first); ok {
			return cells
		}
	}
	lines := []string{first}
	if rest != "" {
		lines = strings.Split(text, "\n")
	}
	// The row's own line is the one with most cells: the label of a row
	// whose code and price stand level with its middle starts above it.
	base, spans := 0, splitCodeCell(columnSpans(first))
	for k := 1; k < len(lines); k++ {
		if sp := splitCodeCell(columnSpans(lines[k])); len(sp) > len(spans) {
			base, spans = k, sp
		}
	}
	cols := make([]int, len(spans))
	ends := make([]int, len(spans))
	cells := make([]string, len(spans))
	for i, s := range spans {
		cols[i], ends[i], cells[i] = s.col, s.col+utf8.RuneCountInString(s.text), s.text
	}
	// The lines above the row's line open their cells: their text goes
	// before the row's line's.
	pre, own := make([]string, len(cells)), make([]bool, len(cells))
	for i := range own {
		own[i] = true
	}
	for li, l := range lines {
		if li != base {
			for _, s := range columnSpans(l) {
				k := continuedCell(cols, ends, s.col)
				if li == 0 && k == 0 && len(cells) > 1 && isRowCode(cells[0]) {
					// The label's first line, above the row's line:
					// the text starts with it, so its indentation is
					// lost, but a code never wraps: it opens the
					// cell after the code, the label's when the
					// row's line holds its middle.
					k, s.col = -1, ends[0]+1
					if !isAmount(cells[1]) {
						k = 1
					}
				}
				if k < 0 {
					// Under no cell of the row's line, which left
					// that column empty ("GS  30 €" between the two
					// lines of its label, as pdftotext -layout
					// centres a row): a cell of its own, in its place.
					k, _ = slices.BinarySearch(cols, s.col)
					cols, ends = slices.Insert(cols, k, s.col), slices.Insert(ends, k, s.col)
					cells, pre, own = slices.Insert(cells, k, ""), slices.Insert(pre, k, ""), slices.Insert(own, k, false)
				}
				if li < base && own[k] {
					pre[k] = strings.TrimSpace(pre[k] + " " + s.text)
				} else {
					cells[k] = strings.TrimSpace(cells[k] + " " + s.text)
				}
				ends[k] = max(ends[k], s.col+utf8.RuneCountInString(s.text))
			}
		}
	}
	out := cells[:0:0]
	for i := range cells {
		out = append(out, gluedCells(cellText(strings.TrimSpace(pre[i]+" "+cells[i])))...)
	}
	return out
}

// gluedCells parts a price from the cell that pdftotext -layout set one
// space after it, the gutter between narrow columns: a price ("32,50 €
// 1er décembre 2024", "30,00 € 32,50 €"), or a date. A cell that goes on
// in words ("30 € par acte") is one cell.
func gluedCells(cell string) []string {
	if cell == "" || cell[0] < '0' || cell[0] > '9' || !strings.Contains(cell, " ") {
		return []string{cell}
	}
	ms := amountMatchesAt(cell, numberStarts(cell))
	if len(ms) == 0 || ms[0].start != 0 || ms[0].end+1 >= len(cell) || cell[ms[0].end] != ' ' {
		return []string{cell}
	}
	first, rest := cell[:ms[0].end], cell[ms[0].end+1:]
	if rest[0] < '0' || rest[0] > '9' || !isAmount(rest) && !holdsDate(rest) {
		return []string{cell}
	}
	return append([]string{first}, gluedCells(rest)...)
}

// continuedCell returns the cell a continuation starting at col goes on:
// the one whose text on the lines so far stands over col, else the
// nearest within two columns (a reader that places glyphs itself may set
// a continuation a column or two off), else -1.
func continuedCell(cols, ends []int, col int) int {
	k := -1
	for c := range cols {
		if cols[c] <= col && col < ends[c] {
			return c
		}
		if abs(cols[c]-col) <= 2 && (k < 0 || abs(cols[c]-col) < abs(cols[k]-col)) {
			k = c
		}
	}
	return k
}

// splitCodeCell separates an act code from the label it was set one space
// before: a code as long as its column ("CNPSY Consultation du
// psychiatre", in pdftotext -layout) leaves a single space between the
// two cells. The label starts with a capital and a small letter; a key
// letter's coefficient ("AMI 3") is part of the code.
func splitCodeCell(spans []span) []span {
	if len(spans) == 0 {
		return spans
	}
	k := codeBeforeLabel(spans[0].text)
	if k == 0 {
		return spans
	}
	first := spans[0]
	code := span{first.col, first.text[:k]}
	label := span{first.col + k + 1, first.text[k+1:]}
	return append([]span{code, label}, spans[1:]...)
}

// codeBeforeLabel returns the length of the act code that opens s when a
// single space then a capitalised word follow it ("CNPSY Consultation"),
// or 0.
func codeBeforeLabel(s string) int {
	k := rowCodeLen(s)
	if k == 0 || k+2 >= len(s) || s[k] != ' ' || !capitalisedWordStarts(s[k+1:]) {
		return 0
	}
	return k
}

// cellText is a cell without surrounding spaces and emphasis markers.
func cellText(c string) string {
	c = strings.TrimSpace(c)
	if c == "" || c[0] != '*' && c[0] != '_' && c[0] != '`' {
		return c // no marker opens it: most cells, and most lines tried as one
	}
	for _, m := range [...]string{"**", "__", "`", "*", "_"} {
		if len(c) > 2*len(m) && strings.HasPrefix(c, m) && strings.HasSuffix(c, m) {
			c = strings.TrimSpace(c[len(m) : len(c)-len(m)])
		}
	}
	return c
}

type span struct {
	col  int // column of the first rune, counted in runes
	text string
}

// columnSpans cuts a line of a column layout into its cells: runs of text
// separated by a tab or by two spaces or more.
func columnSpans(line string) []span {
	var out []span
	col := 0
	start, startCol := -1, 0
	gap := 0
	for i, r := range line {
		if r == ' ' || r == '\t' {
			gap++
			if r == '\t' {
				gap = 2
			}
		} else {
			if start >= 0 && gap >= 2 {
				out = append(out, span{startCol, strings.TrimSpace(line[start:i])})
				start = -1
			}
			if start < 0 {
				start, startCol = i, col
			}
			gap = 0
		}
		col++
	}
	if start >= 0 {
		out = append(out, span{startCol, strings.TrimSpace(line[start:])})
	}
	return out
}

// rowBody is the text a table row is compared by: its cells, joined one
// way for every format.
func rowBody(c *Clause) string {
	return strings.Join(RowCells(c.Text), cellSep)
}

// isTableRow reports a row of a table: a tariff row keyed by its act code,
// or a Markdown row without a code.
func isTableRow(c *Clause) bool {
	return c.Kind == KindItem && (strings.HasPrefix(c.Key, "tariff:") || strings.HasPrefix(c.Text, "|"))
}

// IsTableHeader reports the container Parse makes of a table's header
// row: an unnumbered section whose heading is the column names.
func IsTableHeader(c *Clause) bool {
	return c.Kind == KindSection && c.Number == "" && strings.Contains(c.Heading, cellSep)
}

// columnNames are the names of a row's columns, from the header that holds
// it, or nil when the row has no header.
func columnNames(d *Document, c *Clause) []string {
	if c.Parent < 0 || !IsTableHeader(&d.Clauses[c.Parent]) {
		return nil
	}
	return HeaderColumns(&d.Clauses[c.Parent])
}

// HeaderColumns are the names of the columns a table header gives.
func HeaderColumns(header *Clause) []string {
	return strings.Split(header.Heading, cellSep)
}

// headerCells reads line s as a table's header row: two cells or more,
// each made of words without a digit ("Code", "Libellé", "Tarif
// Métropole"), short enough to name a column.
func headerCells(s string, pipe bool) ([]string, bool) {
	var cells []string
	if pipe {
		cells = RowCells(s)
	} else {
		// Columns are parted by a tab or two spaces: a line of prose
		// has a single cell, known without cutting it.
		if !strings.Contains(s, "  ") && !strings.Contains(s, "\t") {
			return nil, false
		}
		for _, sp := range columnSpans(s) {
			cells = append(cells, cellText(sp.text))
		}
	}
	if len(cells) < 2 {
		return nil, false
	}
	for _, c := range cells {
		// A price in words ("trente euros") has no digit, but names no
		// column: the line is a row.
		if !isColumnName(c) || spelledCurrency(c) && isAmount(c) {
			return nil, false
		}
	}
	return cells, true
}

// tableHeader reads line i as the header of a table, and returns its
// cells and the line after it: a header row (headerRow), or a header in
// columns set over several lines (headerLines).
func (p *parser) tableHeader(i, b int) (cells []string, next int, ok bool) {
	p.headerCols = nil
	if cells, next, ok = p.headerRow(i, b); ok {
		if p.lines[i].flags&fPipe == 0 {
			p.headerCols = lineColumns(p.text[p.lines[i].start:p.lines[i].te])
		}
		return cells, next, ok
	}
	return p.headerLines(i, b)
}

// lineColumns are the columns of a header line in columns, counted from
// the start of the line; nil when tabs part them, whose width no reader
// knows.
func lineColumns(line string) tableColumns {
	if strings.ContainsRune(line, '\t') {
		return nil
	}
	var cols tableColumns
	for _, s := range columnSpans(line) {
		cols = append(cols, [2]int{s.col, s.col + utf8.RuneCountInString(s.text)})
	}
	return cols
}

// headerRow reads line i as the header row of a table, and returns its
// cells and the line after it (after the Markdown separator, if any). A
// Markdown row above a separator is a header; so is the first row of a
// table, in pipes or in columns, whose cells are words when the next line
// is a row.
func (p *parser) headerRow(i, b int) (cells []string, next int, ok bool) {
	ln := p.lines[i]
	s := p.trimmed(i)
	pipe := ln.flags&fPipe != 0
	if pipe && ln.flags&fPipeNR != 0 {
		if isPipeSeparator(s) {
			return nil, 0, false
		}
		cells = RowCells(s)
		if strings.TrimSpace(strings.Join(cells, "")) == "" {
			return nil, 0, false // "|" above "|-": no header to name
		}
		next = i + 1
		if next < b && p.lines[next].flags&fPipeNR != 0 && isPipeSeparator(p.trimmed(next)) {
			next++
		}
		return cells, next, true
	}
	if pipe && i > 0 && p.lines[i-1].flags&fPipe != 0 {
		return nil, 0, false // not the first row of its table
	}
	if !pipe && p.isRow(i) {
		return nil, 0, false // an act priced "Gratuit": a row, not names
	}
	// The next line is looked at first: cutting this one into cells
	// costs more, and few lines stand over a row.
	n := i + 1
	for n < b && p.lines[n].flags&fBlank != 0 {
		n++
	}
	if n == b || (p.lines[n].flags&fPipe != 0) != pipe {
		return nil, 0, false
	}
	if _, isRow := p.row(n); !isRow {
		// The first row's label, centred, may start above its line.
		if pipe || !p.hasGap(i) {
			return nil, 0, false
		}
		if cells, ok = headerCells(s, pipe); !ok {
			return nil, 0, false
		}
		if n, ok = p.rowUnderLabel(n, b, len(cells)); !ok {
			return nil, 0, false
		}
	}
	if strings.IndexFunc(p.trimmed(n), unicode.IsDigit) < 0 && !p.noPriceRow(n) {
		return nil, 0, false
	}
	if cells == nil {
		if cells, ok = headerCells(s, pipe); !ok {
			return nil, 0, false
		}
	}
	return cells, i + 1, true
}

// addTableHeader makes a container of a table's header row; it returns its
// index, the parent of the rows that follow, whose grids its columns
// give (rowGrid).
func (p *parser) addTableHeader(parent, i int, cells []string) int {
	p.endTable()
	p.tableCols = p.headerCols
	c := p.child(parent, KindSection)
	c.Heading = strings.Join(cells, cellSep)
	c.Path = append(c.Path[:len(c.Path):len(c.Path)], c.Heading)
	base := frtext.SlugMax(c.Heading, maxSlug)
	if base == "" {
		base = "table"
	}
	c.ID = p.uniq(base)
	p.push(c)
	return len(p.clauses) - 1
}

// rowEnd returns the line after row i: a row in columns goes on over the
// lines that continue its label, holding no amount: indented further than
// the row (pdftotext -layout wraps a long label under itself), or, where
// the label is the row's first cell, standing under that cell alone,
// ended before the next cell's column (a label-first row whose label
// wrapped: "Consultation … réalisée au   G   30 €" / "cabinet par le
// médecin traitant").
func (p *parser) rowEnd(i, b int) int {
	if p.lines[i].flags&fPipe != 0 {
		return i + 1
	}
	indent := p.lines[i].ts - p.lines[i].start
	firstEnd := -1 // the column before which a line stays under the first cell
	j := i + 1
	for ; j < b; j++ {
		ln := p.lines[j]
		if ln.flags&(fBlank|fPipe) != 0 || ln.ts-ln.start < indent || p.isRow(j) {
			break
		}
		if ln.ts-ln.start == indent {
			if firstEnd < 0 {
				firstEnd = p.firstCellEnd(i)
			}
			if utf8.RuneCountInString(p.text[ln.start:ln.te]) >= firstEnd || capitalisedWordStarts(p.trimmed(j)) {
				break
			}
		}
		if p.holdsAmount(j) {
			break
		}
	}
	return j
}

// firstCellEnd is the column, counted from the start of line i, at which
// a line under the first cell of row i must end: two columns before the
// second cell; 0 when the first cell is the row's code, which never wraps.
func (p *parser) firstCellEnd(i int) int {
	spans := columnSpans(p.trimmed(i))
	if len(spans) < 2 || isRowCode(spans[0].text) {
		return 0
	}
	ln := p.lines[i]
	return utf8.RuneCountInString(p.text[ln.start:ln.ts]) + spans[1].col - 1
}

// rowStart reads line i as the start of a row: its line, or the first
// line of its label centred above it right under the header of a table
// of cols columns (table >= 0). It returns the row's line, how many lines
// of its label stand over it, and its code.
func (p *parser) rowStart(i, b, table, cols int) (r, above int, code string, ok bool) {
	if code, ok = p.row(i); ok || table < 0 {
		return i, 0, code, ok
	}
	if r, ok = p.rowUnderLabel(i, b, cols); !ok {
		return 0, 0, "", false
	}
	code, ok = p.row(r)
	return r, r - i, code, ok
}

// addRows adds the row on line i, whose label starts above lines over it,
// and the rows that take lines of its label for theirs (labelAbove); it
// returns the line after them. The table's labels are centred once a
// row took lines over its own.
func (p *parser) addRows(parent, owner, i, b, above, cols int, code string, centred *bool) int {
	for {
		j := p.rowEnd(i, b)
		next := p.labelAbove(i, j, b, cols, above, *centred)
		text := p.rowText(i, j-next, above)
		p.addRow(parent, owner, i, j-next, code, text)
		if p.tableCols != nil {
			p.tableRows = append(p.tableRows, gridRow{len(p.clauses) - 1, i, text})
		}
		if next == 0 {
			return j
		}
		*centred = true
		code, _ = p.row(j)
		i, above = j, next
	}
}

// rowText is the text of the row on lines [i, e), and on the above lines
// before i that hold the start of its label, in their order: the first
// line trimmed, the others with their indentation relative to the row's
// line, so that RowCells can tell which column each continues.
func (p *parser) rowText(i, e, above int) string {
	if e == i+1 && above == 0 {
		return p.trimmed(i)
	}
	var b strings.Builder
	b.WriteString(p.trimmed(i - above))
	indent := p.lines[i].ts - p.lines[i].start
	for j := i - above + 1; j < e; j++ {
		ln := p.lines[j]
		b.WriteByte('\n')
		b.WriteString(p.text[ln.start+min(indent, ln.ts-ln.start) : ln.te])
	}
	return b.String()
}

// labelAbove returns how many of the lines that continue row i, ending at
// e, begin the label of the row at e instead: pdftotext -layout sets a
// row's code and price level with the middle of its label, so a row whose
// label wrapped onto two lines prints them above and below a line that
// holds no label ("Consultation du médecin spécialiste en médecine" /
// "GS    30 €" / "générale"). The row at e takes as many lines from above
// as continue it below, when its line has fewer cells than row i's or
// than the table's header names columns (cols, 0 without a header): in a
// table whose labels are all centred, no row's line holds its label.
// Once a row of the table shows its label so centred, every row is
// (centred): row i keeps under its line as many lines as it took above
// it (took), and the row at e takes the others, if as many continue it
// below; a label of three lines has its middle one on the row's line.
func (p *parser) labelAbove(i, e, b, cols, took int, centred bool) int {
	if e >= b || e == i+1 || p.lines[i].flags&fPipe != 0 || !p.isRow(e) || p.lines[e].flags&fPipe != 0 {
		return 0
	}
	below := p.rowEnd(e, b) - e - 1
	if centred {
		if give := e - i - 1 - took; give > 0 && give <= below {
			return give
		}
	}
	if n := p.rowCells(e); n >= p.rowCells(i) && (cols == 0 || n >= cols) {
		return 0
	}
	return min(below, e-i-1)
}

// rowCells is the number of cells on the line of row i.
func (p *parser) rowCells(i int) int { return len(splitCodeCell(columnSpans(p.trimmed(i)))) }

// rowUnderLabel returns the row whose centred label starts on line i,
// right under a table's header of cols columns: lines indented further
// than the row's, holding no amount, above a line with fewer cells than
// the header names, and as many lines of its label under it.
func (p *parser) rowUnderLabel(i, b, cols int) (int, bool) {
	if p.lines[i].flags&fPipe != 0 {
		return 0, false
	}
	for r := i + 1; r < b && r <= i+4; r++ {
		if p.lines[r].flags&(fBlank|fPipe) != 0 {
			return 0, false
		}
		if !p.isRow(r) {
			continue
		}
		// Under the label's column: right of the code, left of the
		// price (a header's second line, "(en euros)", stands over
		// the price).
		indent := p.lines[r].ts - p.lines[r].start
		spans := columnSpans(p.trimmed(r))
		last := indent + spans[len(spans)-1].col
		for k := i; k < r; k++ {
			if in := p.lines[k].ts - p.lines[k].start; in <= indent || in >= last || p.holdsAmount(k) {
				return 0, false
			}
		}
		return r, p.rowEnd(r, b)-r-1 >= r-i && (p.rowCells(r) < cols || p.centredTable(r, b, cols))
	}
	return 0, false
}

// centredTable reports whether a row of the table from line r on shows
// its label centred on its line: a line with fewer cells than the header
// names columns, between two lines of its label. The first row's label
// of three lines has its middle on the row's line, as a top-aligned
// label has its first: the other rows tell which.
func (p *parser) centredTable(r, b, cols int) bool {
	for k := r + 1; k+1 < b && p.lines[k].flags&fBlank == 0; k++ {
		if p.isRow(k) && p.rowCells(k) < cols && !p.isRow(k-1) && !p.isRow(k+1) && p.lines[k+1].flags&fBlank == 0 {
			return true
		}
	}
	return false
}

// holdsAmount reports whether a cell of line i is an amount.
func (p *parser) holdsAmount(i int) bool {
	for _, sp := range columnSpans(p.trimmed(i)) {
		if isAmount(sp.text) {
			return true
		}
	}
	return false
}

// Holder returns the index of the clause that holds clause i, passing over
// a table's header: a row is named after the annex or article its table
// stands in ("Annexe 1 / G"), as in a text without header row. It returns
// -1 at top level.
func (d *Document) Holder(i int) int {
	p := d.Clauses[i].Parent
	if p >= 0 && IsTableHeader(&d.Clauses[p]) {
		p = d.Clauses[p].Parent
	}
	return p
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func (p *parser) isRow(i int) bool {
	_, ok := p.row(i)
	return ok
}

// row reports whether line i is a tariff row and returns its act code. A
// markdown table row is one unless it is the header or the separator; a line
// of tab- or wide-space-separated cells is one when its first cell is a code
// and another cell an amount. A line found to be none is flagged so:
// build asks of most lines twice (as the line under a possible header,
// then as itself), and telling a line of prose from a row in columns
// searches it for a wide gap.
func (p *parser) row(i int) (code string, ok bool) {
	if p.lines[i].flags&fNoRow != 0 {
		return "", false
	}
	if code, ok = p.readRow(i); !ok {
		p.lines[i].flags |= fNoRow
	}
	return code, ok
}

func (p *parser) readRow(i int) (code string, ok bool) {
	return p.readRowAt(i, true)
}

// readRowAt is readRow; amid, a line keyed by a code whose price is a
// whole number ("TCG    Téléconsultation    25") is a row where a line
// next to it is one by its own price: read as a heading, it cut its
// table in two and its 25 → 30 passed the gate.
func (p *parser) readRowAt(i int, amid bool) (code string, ok bool) {
	ln := p.lines[i]
	s := p.text[ln.ts:ln.te]
	if ln.flags&fPipe != 0 {
		if ln.flags&fPipeNR != 0 {
			return "", false
		}
		return pipeRowCode(s), true
	}
	// Cheap prefix check: an act code, then a tab or two spaces, or one
	// space before a label in a line that goes on in columns (see
	// splitCodeCell).
	k := rowCodeLen(s)
	if k == 0 || k+1 >= len(s) || !(s[k] == '\t' || (s[k] == ' ' && (s[k+1] == ' ' || s[k+1] == '\t'))) {
		if codeBeforeLabel(s) == 0 || !HasGap(s[k:]) {
			if code, ok := p.lineRow(i); ok {
				return code, true
			}
			// Both other shapes of a row are cells parted by gaps: a line
			// of prose, which has none, is searched for one once.
			if !p.hasGap(i) {
				return "", false
			}
			if code, ok := labelFirstRow(s); ok {
				return code, true
			}
			return p.labelValueRow(i)
		}
	}
	code = s[:k]
	for rest := s[k:]; rest != ""; {
		rest = strings.TrimLeft(rest, " \t")
		end := cellEnd(rest)
		if isAmount(rest[:end]) || noPrice(rest[:end]) {
			return code, true
		}
		if amid && end == len(rest) && wholePrice(rest) && p.rowBeside(i) {
			return code, true
		}
		rest = rest[end:]
	}
	return "", false
}

// noPriceRow reports line i as a row that gives its act no price (see
// noPrice): the first row of a table may be one, under its header.
func (p *parser) noPriceRow(i int) bool {
	return slices.ContainsFunc(RowCells(p.trimmed(i)), noPrice)
}

// FreeCell reports a cell that says the act costs nothing ("Gratuit",
// "Gratuite"): a price of 0 €, unlike the other cells of noPrice ("NC",
// "Sans objet"), which give none.
func FreeCell(cell string) bool {
	return noPrice(cell) && strings.HasPrefix(frtext.Fold(strings.Trim(cell, " *")), "gratuit")
}

// noPrice reports a cell that says the act has no price where a price
// stands: "Gratuit", "NC" (non coté), "Néant", "Sans objet", a dash. An
// act so written is a row of its table all the same ("CCP   Consultation
// de prévention   Gratuit"): read as anything else, it went into the
// header above it or the text below, and its removal passed a check.
func noPrice(cell string) bool {
	if len(cell) > 24 {
		return false
	}
	switch frtext.Fold(strings.Trim(cell, " *")) {
	case "gratuit", "gratuite", "gratuits", "gratuites", "gratuite totale", "nc", "n.c.", "n.c", "non cote", "non cotee",
		"non cotes", "neant", "sans objet", "s.o.", "s/o", "non rembourse", "non remboursable", "-", "--":
		return true
	}
	return false
}

// labelFirstRow reads a row in columns that names the act before its code
// ("Consultation de référence    G    26,50 €"), as pipeRowCode reads one
// in pipes: three cells or more, one of them past the first an act code,
// one an amount. Prose never splits so.
func labelFirstRow(s string) (code string, ok bool) {
	spans := columnSpans(s)
	if len(spans) < 3 || len(spans) > 12 {
		return "", false
	}
	amount := false
	for j, sp := range spans[1:] {
		if code == "" && isRowCode(sp.text) && j+2 < len(spans) {
			code = sp.text
		}
		amount = amount || isAmount(sp.text)
	}
	return code, code != "" && amount
}

// pipeRowCode keys a table row in pipes: by its first cell that reads as
// an act code, else by its first cell. Tables put the code first ("| G |
// Consultation | 30 € |") or after the act's name or its category ("|
// Consultation de référence | G | 30 € |", "| Consultations | G | …"):
// keyed by the name, the row would take it for a code, and a removed row
// would report the removal of the code "Visite".
func pipeRowCode(row string) string {
	first := ""
	for i, rest := 0, row[1:]; rest != ""; i++ {
		cell := rest
		k := strings.IndexByte(rest, '|')
		if k >= 0 {
			cell, rest = rest[:k], rest[k+1:]
		} else {
			rest = ""
		}
		cell = strings.Trim(cell, " \t*`_")
		if i == 0 {
			first = cell
		}
		if isRowCode(cell) {
			return cell
		}
	}
	return first
}

func isCodeByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '.' || c == '_' || c == '-'
}

// cellEnd finds the end of the cell that starts s: a tab or two spaces.
func cellEnd(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '\t' || (s[i] == ' ' && i+1 < len(s) && (s[i+1] == ' ' || s[i+1] == '\t')) {
			return i
		}
	}
	return len(s)
}

// isAmount reports whether cell is a price: digits (thousands separated by
// spaces or dots), then either a currency ("€", "EUR", "euros", "F", "FRF")
// or a two-digit decimal part ("26,50"); or a price as the facts read one,
// the currency first or the cents after it ("€ 1 234,56", "26 € 50"), a
// footnote's call after it ("30 €(1)", "30 €¹", "30 €*"). Bare counts and
// percentages are not.
func isAmount(cell string) bool {
	if plainAmount(cell) {
		return true
	}
	if len(cell) > 48 || !strings.ContainsAny(cell, "€EF") && !spelledCurrency(cell) {
		return false
	}
	ms := amountMatchesAt(cell, numberStarts(cell))
	return len(ms) == 1 && ms[0].start == 0 && !countBasis(ms[0].basis) && footnoteMark(cell[ms[0].end:])
}

// spelledCurrency reports a cell that names its currency in words, as a
// price in words does ("trente euros", "vingt-six euros cinquante").
func spelledCurrency(cell string) bool {
	return frtext.IndexFold(cell, "euro") >= 0 || frtext.IndexFold(cell, "franc") >= 0
}

// footnoteMark reports whether s, after a price, is at most the call of a
// footnote: "(1)", "*", "¹", a few of them.
func footnoteMark(s string) bool {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 4 {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("*()0123456789¹²³⁴⁵⁶⁷⁸⁹⁰†", r) {
			return false
		}
	}
	return true
}

// plainAmount is isAmount of the cells most tables hold, read without an
// expression.
func plainAmount(cell string) bool {
	i, digits := 0, 0
	for i < len(cell) {
		c := cell[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
			i++
			continue
		case (c == ' ' || c == '.') && digits > 0 && i+1 < len(cell) && cell[i+1] >= '0' && cell[i+1] <= '9':
			i++
			continue
		}
		break
	}
	if digits == 0 {
		return false
	}
	decimals := 0
	if i+1 < len(cell) && (cell[i] == ',' || cell[i] == '.') {
		j := i + 1
		for j < len(cell) && cell[j] >= '0' && cell[j] <= '9' {
			j++
		}
		decimals = j - i - 1
		if decimals > 0 {
			i = j
		}
	}
	rest := strings.TrimLeft(cell[i:], " ")
	switch rest {
	case "":
		return decimals == 2
	case "€", "EUR", "euros", "euro", "F", "FRF":
		return true
	}
	return false
}

// isPipeSeparator reports whether s is a markdown table separator "|---|:--|".
func isPipeSeparator(s string) bool {
	dash := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '-':
			dash = true
		case '|', ':', ' ', '\t':
		default:
			return false
		}
	}
	return dash
}
