package reader

import (
	"encoding/xml"
	"errors"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// Reading a PDF page from the boxes of its words rather than from a text
// layout. Office software sets a table's cells vertically centred: a
// wrapped label has lines above and below the line of its code and price,
// and a text layout (pdftotext -layout) prints them as three lines, the
// first of which reads as the end of the row above. It sets paragraphs
// apart by a few points of space, which a text layout does not show, so
// that a title runs into the heading below it. The boxes say both: lines
// whose boxes overlap vertically belong to one row of the page (a band),
// and a gap between bands wider than the page's line spacing is a
// paragraph break.

// pdfBox is a rectangle on a page, in points, y growing downwards.
type pdfBox struct{ x0, y0, x1, y1 float64 }

func (b pdfBox) height() float64 { return b.y1 - b.y0 }

// boxWord is a word and its box.
type boxWord struct {
	box  pdfBox
	text string
}

// boxLine is a run of words set on one baseline, close together: a line
// of a paragraph, or the text of one table cell on one line.
type boxLine struct {
	box   pdfBox
	words []boxWord
}

func (l *boxLine) add(w boxWord) {
	if len(l.words) == 0 {
		l.box = w.box
	} else {
		l.box = pdfBox{min(l.box.x0, w.box.x0), min(l.box.y0, w.box.y0), max(l.box.x1, w.box.x1), max(l.box.y1, w.box.y1)}
	}
	l.words = append(l.words, w)
}

func (l *boxLine) text() string {
	var b strings.Builder
	for i, w := range l.words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
	}
	return b.String()
}

// boxColumn is what one band holds in one column: the lines of one cell,
// top to bottom.
type boxColumn struct {
	box   pdfBox
	lines []boxLine
}

// boxBand is a row of the page: lines whose boxes overlap vertically.
type boxBand struct {
	box     pdfBox
	lines   []boxLine
	columns []boxColumn
}

// maxPad bounds the column a cell is set at: a page is some hundred
// characters wide, and a box's coordinates come from the file.
const maxPad = 400

// bandOverlap is how much of the shorter of two boxes must overlap the
// other vertically for both to stand on one row: less than that is the
// leading of large type, where descenders reach into the line below.
const bandOverlap = 0.3

// layoutBands sets the lines of one page as text: one text line per band,
// columns apart by three spaces or more at the position of their left
// edge on a grid of the page's mean character width (as pdftotext
// -layout does, so that a wrapped label stays under its column), and a
// blank line where the space between bands shows a paragraph break. A
// line wrapped onto the next goes on after a wrapMark, which joinWraps
// turns into a space or nothing once the whole text is known.
func layoutBands(lines []boxLine) string {
	if len(lines) == 0 {
		return ""
	}
	left, charW, bodyH := pageMetrics(lines)
	bands := bandsOf(lines)
	space := wordSpace(bands)
	splitAtColumns(bands, space)
	bands = mergeHeaderBands(gatherCells(bands), left, charW, space)
	right := rightEdge(bands)
	apart := paragraphsApart(bands, left, charW, right, space, bodyH)
	var b strings.Builder
	for i := range bands {
		band := &bands[i]
		if i > 0 {
			prev := &bands[i-1]
			switch {
			case paragraphBreak(prev, band, left, charW, bodyH):
				b.WriteString("\n\n")
			case headingGoesOn(prev, band, bodyH) || wrapped(prev, band, left, charW, right, space, apart):
				b.WriteRune(wrapMark)
				writeColumns(&b, band, left, charW, true)
				continue
			default:
				b.WriteByte('\n')
			}
		}
		writeColumns(&b, band, left, charW, false)
	}
	if len(bands) > 0 {
		b.WriteByte('\n')
	}
	return b.String()
}

// headingGoesOn reports whether next continues the heading on prev: both
// in the same type larger than the body's, one column each, and next not
// a heading of its own. A heading that wraps ("Section 3 : Droits et
// devoirs du bénéficiaire du revenu de" / "solidarité active") is one line
// for clause.Parse, which would take a heading followed by a line in lower
// case for the start of a wrapped sentence.
func headingGoesOn(prev, next *boxBand, bodyH float64) bool {
	if len(prev.columns) != 1 || len(next.columns) != 1 || len(next.lines) != 1 {
		return false
	}
	hp, hn := lineHeight(prev), lineHeight(next)
	if hp < 1.15*bodyH || hn < 1.15*bodyH || max(hp, hn) > 1.1*min(hp, hn) {
		return false
	}
	return classify(next.lines[0].text()) != kindHeading
}

// wrapped reports whether the line of next was wrapped off the line of
// prev, because its first word did not fit: prev reaches so far right
// that the word would have passed the edge of the text. Such lines are one
// line of text, whatever they start with ("…de la Ve" / "République"),
// except after a hyphen (see cutAtHyphen), before a heading (but the end of a title in capitals) or a
// numbered point, and after the end of a sentence, which cleanPDFText
// judges on the words alone, unless the page sets its paragraphs apart
// (see paragraphsApart).
func wrapped(prev, next *boxBand, left, charW, right, space float64, apart bool) bool {
	if !filled(prev, next, left, charW, right, space) {
		return false
	}
	last := prev.columns[0].lines[len(prev.columns[0].lines)-1]
	if frtext.EndsSentence(last.text()) && !apart || cutAtHyphen(last.text()) {
		return false
	}
	text := next.lines[0].text()
	switch classify(text) {
	case kindPoint:
		return false
	case kindHeading:
		// A title in capitals goes on in capitals ("…LES MÉDECINS
		// LIBÉRAUX ET" / "L'ASSURANCE MALADIE"), unless the next line
		// opens a division of its own.
		return isCapitals(last.text()) && !startsHeading(text)
	}
	return true
}

// filled reports whether prev, one column, reaches so far right that the
// first word of next, a line at the margin, would not have fit after it.
func filled(prev, next *boxBand, left, charW, right, space float64) bool {
	if len(prev.columns) != 1 || len(next.columns) != 1 || len(next.lines) != 1 || next.box.x0 > left+2*charW {
		return false
	}
	first := next.lines[0].words[0].box
	return prev.box.x1+space+(first.x1-first.x0) > right
}

// paragraphsApart reports a page that sets its paragraphs a space apart:
// more lines of prose follow a gap than follow, with none, a line that
// ends short of the right edge (a paragraph's end where no space parts
// paragraphs). On such a page a line that filled its width goes on on the
// next even after a full stop: no gap, so the same paragraph, which the
// same text read from HTML or Word keeps on one line.
func paragraphsApart(bands []boxBand, left, charW, right, space, bodyH float64) bool {
	gaps, short := 0, 0
	for i := 1; i < len(bands); i++ {
		prev, next := &bands[i-1], &bands[i]
		hp, hn := lineHeight(prev), lineHeight(next)
		if len(prev.columns) != 1 || len(next.columns) != 1 || max(hp, hn) > 1.25*min(hp, hn) ||
			classify(next.lines[0].text()) != kindProse {
			continue // a heading's type sets it apart, spacing or not
		}
		switch {
		case paragraphBreak(prev, next, left, charW, bodyH):
			gaps++
		case !filled(prev, next, left, charW, right, space):
			short++
		}
	}
	return gaps >= 2 && gaps > short
}

// cutAtHyphen reports a line ending with a hyphen after a letter or a
// figure: a word, a compound or a number ("L. 162-" over "31-1") cut at the
// end of the line, which the cleaning joins again, the hyphen kept or not
// as the text's words decide (see dehyphenate), where a space would part
// its halves.
func cutAtHyphen(s string) bool {
	body, ok := strings.CutSuffix(s, "-")
	r, _ := utf8.DecodeLastRuneInString(body)
	return ok && isAlnum(r)
}

// rightEdge is where the page's lines of text end: the rightmost edge of
// a line in one column.
func rightEdge(bands []boxBand) float64 {
	right := math.Inf(-1)
	for _, b := range bands {
		if len(b.columns) == 1 {
			right = max(right, b.box.x1)
		}
	}
	return right
}

// writeColumns writes a band's columns, each at its position on the
// page's character grid; a band that goes on the line before is written
// flush after it.
func writeColumns(b *strings.Builder, band *boxBand, left, charW float64, flush bool) {
	col := 0
	for k, c := range band.columns {
		least := 0
		if k > 0 {
			least = 3
		}
		n := max(least, min(maxPad, int(math.Round((c.box.x0-left)/charW)))-col)
		if flush && k == 0 {
			n = 0
		}
		b.WriteString(strings.Repeat(" ", n))
		col += n
		for j, l := range c.lines {
			if j > 0 {
				b.WriteByte(' ')
				col++
			}
			t := l.text()
			b.WriteString(t)
			col += utf8.RuneCountInString(t)
		}
	}
}

// pageMetrics gives the page's left margin, the mean width of its
// characters and the median height of its lines (the body text's).
func pageMetrics(lines []boxLine) (left, charW, bodyH float64) {
	left = math.Inf(1)
	width, runes := 0.0, 0
	heights := make([]float64, 0, len(lines))
	for _, l := range lines {
		left = min(left, l.box.x0)
		heights = append(heights, l.box.height())
		for _, w := range l.words {
			width += w.box.x1 - w.box.x0
			runes += utf8.RuneCountInString(w.text)
		}
	}
	charW = 5
	if runes > 0 && width > 0 {
		charW = width / float64(runes)
	}
	slices.Sort(heights)
	return left, charW, heights[len(heights)/2]
}

// bandsOf groups the lines into bands, top to bottom. A band grows with
// every line that overlaps it, so that the code and price of a row, set
// between the two lines of its centred label, take both lines in.
func bandsOf(lines []boxLine) []boxBand {
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].box.y0 < lines[j].box.y0 })
	var bands []boxBand
	for _, l := range lines {
		if n := len(bands); n > 0 {
			last := &bands[n-1]
			overlap := min(last.box.y1, l.box.y1) - max(last.box.y0, l.box.y0)
			if overlap > bandOverlap*min(l.box.height(), lineHeight(last)) {
				last.lines = append(last.lines, l)
				last.box = pdfBox{min(last.box.x0, l.box.x0), last.box.y0, max(last.box.x1, l.box.x1), max(last.box.y1, l.box.y1)}
				continue
			}
		}
		bands = append(bands, boxBand{box: l.box, lines: []boxLine{l}})
	}
	for i := range bands {
		bands[i].columns = columnsOf(bands[i].lines)
	}
	return bands
}

// lineHeight is the height of the band's tallest line: a band of three
// stacked lines is not three times as tall for the test of overlap.
func lineHeight(b *boxBand) float64 {
	h := 0.0
	for _, l := range b.lines {
		h = max(h, l.box.height())
	}
	return h
}

// columnsOf groups a band's lines into columns: lines whose boxes overlap
// horizontally are the lines of one cell.
func columnsOf(lines []boxLine) []boxColumn {
	byX := slices.Clone(lines)
	sort.SliceStable(byX, func(i, j int) bool { return byX[i].box.x0 < byX[j].box.x0 })
	var cols []boxColumn
	for _, l := range byX {
		if n := len(cols); n > 0 && l.box.x0 < cols[n-1].box.x1 {
			c := &cols[n-1]
			c.lines = append(c.lines, l)
			c.box = pdfBox{min(c.box.x0, l.box.x0), min(c.box.y0, l.box.y0), max(c.box.x1, l.box.x1), max(c.box.y1, l.box.y1)}
			continue
		}
		cols = append(cols, boxColumn{box: l.box, lines: []boxLine{l}})
	}
	for i := range cols {
		sort.SliceStable(cols[i].lines, func(a, b int) bool { return cols[i].lines[a].box.y0 < cols[i].lines[b].box.y0 })
	}
	return cols
}

// columnSlack is how far, in points, a cell may start from its column's
// edge in another row and still be taken for that column.
const columnSlack = 1.5

// splitAtColumns cuts a line of a table row where a word starts at the
// left edge of a column of the page's other rows, after more than a
// word's space. A long code ("CNPSY") comes so close to the label beside
// it that the extractor takes both for one line; the other rows show
// where the label column begins. An edge counts when two rows or more
// have a cell there (a centred header cell has an edge of its own), and
// only rows with two columns or more are cut: a paragraph's words never
// are. In narrow columns the extractor may take a whole row for one line
// ("CNPSY 55,70 €", "APC Avis ponctuel 60,00 €"): a line alone in its band,
// between rows of the table, is cut too when it parts into as many cells
// as the rows beside it hold, each at a column's edge, which no line of
// prose does.
func splitAtColumns(bands []boxBand, space float64) {
	rows := func(i int) int {
		if len(bands[i].columns) < 2 {
			return 0
		}
		return 1
	}
	// A cell cut opens an edge that other rows' cells may stand at.
	if cutAtColumns(bands, space, rows) {
		cutAtColumns(bands, space, rows)
	}
	cutAtColumns(bands, space, func(i int) int {
		if !lone(&bands[i]) {
			return 0
		}
		cells := 0
		for _, d := range []int{-1, 1} {
			if inRowPitch(bands, i, d) {
				cells = max(cells, len(bands[i+d].columns))
			}
		}
		return cells
	})
}

// inRowPitch reports whether band i stands to the row of the table next
// to it (on side d, -1 above, 1 below) as that row stands to the one
// beyond: a line of the table, not a paragraph set a margin apart from it.
func inRowPitch(bands []boxBand, i, d int) bool {
	k, m := i+d, i+2*d
	if m < 0 || m >= len(bands) || len(bands[k].columns) < 2 || len(bands[m].columns) < 2 {
		return false
	}
	gap := func(a, b int) float64 { return bands[max(a, b)].box.y0 - bands[min(a, b)].box.y1 }
	return gap(i, k) <= gap(k, m)+1
}

// cutAtColumns cuts the lines of the bands that cells(i) accepts (it
// returns how many cells the band must part into, 1 for any number, 0 to
// leave it) where
// their words open a column of the other rows (see splitAtColumns); it
// reports whether it cut any.
func cutAtColumns(bands []boxBand, space float64, cells func(i int) int) (cutAny bool) {
	edges, once := columnEdges(bands)
	if len(once) == 0 {
		return false
	}
	at := func(edges []float64, x float64) bool {
		k, _ := slices.BinarySearch(edges, x-columnSlack)
		return k < len(edges) && edges[k] <= x+columnSlack
	}
	// A price opens a cell where one other row's cell starts: in a
	// table of two rows, the longest label leaves its price closer than
	// cells usually stand.
	// A cell that fills its column (the longest label) leaves only the
	// cells' padding before the next, a word's space or less: where two
	// rows or more open a cell, a price, a date or a capitalised word
	// opens one too.
	// In a row taken whole for one line, a padding of a pixel or two
	// parts cells closer than words ("Avis ponctuel" 2 points from
	// "60,00 €", words 3 apart): the count of its cells decides there.
	atEdge := func(w boxWord, gap, least float64) bool {
		r, _ := utf8.DecodeRuneInString(w.text)
		if gap <= 1.5*space {
			return gap > least && (unicode.IsDigit(r) || unicode.IsUpper(r)) && at(edges, w.box.x0)
		}
		return at(edges, w.box.x0) || unicode.IsDigit(r) && at(once, w.box.x0)
	}
	for i := range bands {
		b := &bands[i]
		least := cells(i)
		if least == 0 {
			continue
		}
		gapLeast := space / 2
		if least > 1 {
			gapLeast = 0
		}
		var lines []boxLine
		cut := false
		for _, l := range b.lines {
			cur := boxLine{}
			for k, w := range l.words {
				if k > 0 && atEdge(w, w.box.x0-l.words[k-1].box.x1, gapLeast) {
					lines = append(lines, cur)
					cur, cut = boxLine{}, true
				}
				cur.add(w)
			}
			lines = append(lines, cur)
		}
		if cut && (least == 1 || len(lines) == least) {
			b.lines = lines
			b.columns = columnsOf(lines)
			cutAny = true
		}
	}
	return cutAny
}

// columnEdges returns where the cells of the page's rows open, but the
// first: edges where two rows or more open one, once where any does.
func columnEdges(bands []boxBand) (edges, once []float64) {
	var starts []float64
	for _, b := range bands {
		if len(b.columns) < 2 {
			continue
		}
		for _, c := range b.columns[1:] {
			starts = append(starts, c.box.x0)
		}
	}
	slices.Sort(starts)
	for i := 0; i < len(starts); {
		j := i + 1
		for j < len(starts) && starts[j]-starts[i] <= columnSlack {
			j++
		}
		if j-i >= 2 {
			edges = append(edges, starts[i])
		}
		once = append(once, starts[i])
		i = j
	}
	return edges, once
}

// gatherCells gives a row of a table the lines of its centred cells that
// stand above the line of its code and price. A label of three lines or
// more, centred beside a code of one, has its middle line level with the
// code, so that its first lines make bands of their own, which would go
// to the row above. The lines of one cell are set at the type's leading,
// and rows a cell's padding further apart: going up from the row's line,
// the one-line bands set in the same cell (aligned with it, at the
// leading between its lines) are the row's, up to the first wider gap,
// when as many stand under it: the cell is centred.
// Where no wider gap parts the rows (cells set without padding) nothing
// moves: a label wrapped under a row's line, as a top-aligned table sets
// it, is then the row's above.
func gatherCells(bands []boxBand) []boxBand {
	moved := false
	for i := 1; i < len(bands); i++ {
		b := &bands[i]
		if len(b.columns) < 2 {
			continue
		}
		j := i
		for j > 0 && lone(&bands[j-1]) {
			j--
		}
		if j == i {
			continue
		}
		n := cellAbove(bands, j, i)
		if n == 0 {
			continue
		}
		for k := i - n; k < i; k++ {
			b.lines = append(b.lines, bands[k].lines[0])
			b.box = pdfBox{min(b.box.x0, bands[k].box.x0), min(b.box.y0, bands[k].box.y0), max(b.box.x1, bands[k].box.x1), b.box.y1}
			bands[k].lines = nil
		}
		b.columns = columnsOf(b.lines)
		moved = true
	}
	if !moved {
		return bands
	}
	return slices.DeleteFunc(bands, func(b boxBand) bool { return len(b.lines) == 0 })
}

// lone reports a band of one line, which may be a line of a cell.
func lone(b *boxBand) bool { return len(b.lines) == 1 && len(b.columns) == 1 }

// cellAbove returns how many of the one-line bands [j, i) right above row
// i are lines of one of its cells (see gatherCells).
func cellAbove(bands []boxBand, j, i int) int {
	b := &bands[i]
	above := bands[i-1].lines[0]
	col := -1
	for k, c := range b.columns {
		if alignedLines(above, c.lines[0]) {
			col = k
		}
	}
	if col < 0 {
		return 0
	}
	cell := b.columns[col].lines
	h := cell[0].box.height()
	tol := max(1, 0.15*h)
	leading := cell[0].box.y0 - above.box.y0
	if leading < 0.5*h || len(cell) > 1 && math.Abs(cell[1].box.y0-cell[0].box.y0-leading) > tol {
		return 0
	}
	// A centred cell has as many lines under the row's line as over it.
	below, y := 0, cell[len(cell)-1].box.y0
	for k := i + 1; k < len(bands) && lone(&bands[k]); k++ {
		l := bands[k].lines[0]
		if !alignedLines(l, cell[0]) || math.Abs(l.box.y0-y-leading) > tol {
			break
		}
		below, y = below+1, l.box.y0
	}
	if below == 0 {
		return 0
	}
	n := 0
	y = cell[0].box.y0
	for k := i - 1; k >= j; k-- {
		l := bands[k].lines[0]
		pitch := y - l.box.y0
		switch {
		case !alignedLines(l, cell[0]) || pitch < leading-tol:
			return 0
		case pitch > leading+tol: // the gap between two rows
			if n != below {
				return 0
			}
			return n
		}
		n, y = n+1, l.box.y0
	}
	// The run reaches the band above it: a wider gap must part them.
	if j > 0 {
		for _, l := range bands[j-1].lines {
			if overlapX(l.box, cell[0].box) && y-l.box.y0 <= leading+tol {
				return 0
			}
		}
	}
	if n != below {
		return 0
	}
	return n
}

// alignedLines reports two lines set in one cell: aligned on the left, the
// right or their middle.
func alignedLines(a, b boxLine) bool {
	return math.Abs(a.box.x0-b.box.x0) <= columnSlack || math.Abs(a.box.x1-b.box.x1) <= columnSlack ||
		math.Abs(a.box.x0+a.box.x1-b.box.x0-b.box.x1) <= 2*columnSlack
}

func overlapX(a, b pdfBox) bool { return max(a.x0, b.x0) < min(a.x1, b.x1) }

// wordSpace is the median space between two words of a line on the page.
func wordSpace(bands []boxBand) float64 {
	var gaps []float64
	for _, b := range bands {
		for _, l := range b.lines {
			for k := 1; k < len(l.words); k++ {
				gaps = append(gaps, l.words[k].box.x0-l.words[k-1].box.x1)
			}
		}
	}
	if len(gaps) == 0 {
		return 3
	}
	slices.Sort(gaps)
	return max(gaps[len(gaps)/2], 0.5)
}

// paragraphBreak reports whether a blank line goes between two bands: the
// space between them is wider than lines of one paragraph leave, or the
// type changes size (a heading and its text). Rows of a table are never
// set apart, however padded their cells: the rows of a table stay one
// block for clause.Parse.
func paragraphBreak(prev, next *boxBand, left, charW, bodyH float64) bool {
	tabular := func(b *boxBand) bool { return len(b.columns) > 1 || b.box.x0 > left+2*charW }
	if tabular(prev) && tabular(next) {
		return false
	}
	gap := next.box.y0 - prev.box.y1
	hp, hn := lineHeight(prev), lineHeight(next)
	return gap > max(2.5, 0.2*bodyH) || max(hp, hn) > 1.25*min(hp, hn)
}

// readBBoxLayout reads the XHTML of `pdftotext -bbox-layout`, page by
// page, and sets each page as text, pages ended by form feeds. The text
// of the words is spent from the budget as it is read, so that the
// document never outgrows it, whatever the size of the markup.
func readBBoxLayout(r io.Reader, b *budget) (string, error) {
	d := xml.NewDecoder(r)
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var out strings.Builder
	var lines []boxLine
	var line *boxLine
	var word *boxWord
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", &Error{Err: ErrCorrupt, Detail: "damaged PDF file: pdftotext: " + oneLine(err.Error())}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "page":
				lines = lines[:0]
			case "line":
				lines = append(lines, boxLine{})
				line = &lines[len(lines)-1]
			case "word":
				word = &boxWord{box: boxAttr(t.Attr)}
			}
		case xml.CharData:
			if word != nil {
				if !b.spend(len(t) + 1) {
					return "", errOverBudget
				}
				word.text += string(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "word":
				if word != nil && line != nil && strings.TrimSpace(word.text) != "" {
					word.text = strings.TrimSpace(word.text)
					line.add(*word)
				}
				word = nil
			case "line":
				line = nil
			case "page":
				kept := lines[:0]
				for _, l := range lines {
					if len(l.words) > 0 {
						kept = append(kept, l)
					}
				}
				out.WriteString(layoutBands(cellLines(kept, popplerEms)))
				out.WriteByte('\f')
			}
		}
	}
	return out.String(), nil
}

// boxAttr reads the xMin, yMin, xMax and yMax attributes of a word.
func boxAttr(attrs []xml.Attr) pdfBox {
	var b pdfBox
	for _, a := range attrs {
		v, err := strconv.ParseFloat(a.Value, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		switch a.Name.Local {
		case "xMin":
			b.x0 = v
		case "yMin":
			b.y0 = v
		case "xMax":
			b.x1 = v
		case "yMax":
			b.y1 = v
		}
	}
	return b
}
