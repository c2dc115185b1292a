package reader

import (
	"math"
	"slices"
	"strings"
	"unicode"
)

// A table's header may take several rows of the page: "Tarif" over the
// columns "Métropole" and "DROM" (a cell spanning them, centred over
// both), "Code" and "Libellé" spanning the header's rows (set level with
// its middle), a name wrapped in its column ("Tarif au 1er" over
// "décembre 2024"). Printed as they stand, those rows read as lines of
// text above the table, and its columns go unnamed. The boxes say which
// column each name stands over: the header becomes one row naming each
// column by the names over it, top down ("Tarif Métropole"), as a Word or
// HTML header of several rows is read (mergeHeader).

// maxHeaderBands is the most rows of the page a header is read over.
const maxHeaderBands = 4

// mergeHeaderBands makes one row of the rows of each table's header.
func mergeHeaderBands(bands []boxBand, left, charW, space float64) []boxBand {
	for i := 1; i < len(bands); i++ {
		if len(bands[i].columns) < 2 || !pricedBand(&bands[i]) || len(bands[i-1].columns) > 1 && pricedBand(&bands[i-1]) {
			continue
		}
		j := i
		for j > 0 && i-j < maxHeaderBands && headerBand(&bands[j-1], left, charW) {
			j--
		}
		if i-j < 2 && (i == j || !stacked(&bands[j])) {
			continue
		}
		merged, ok := headerRow(bands[j:i], bands[i:], space)
		if !ok {
			continue
		}
		bands = slices.Replace(bands, j, i, merged)
		i = j + 1
	}
	return bands
}

// stacked reports a band with lines set over one another in a column: the
// rows of a header, close enough to overlap.
func stacked(b *boxBand) bool {
	return slices.ContainsFunc(b.columns, func(c boxColumn) bool { return len(c.lines) > 1 })
}

// pricedBand reports a band that holds a price: a word with a figure and
// a decimal comma or a currency sign.
func pricedBand(b *boxBand) bool {
	for _, l := range b.lines {
		for _, w := range l.words {
			if strings.ContainsAny(w.text, "€$") || strings.Contains(w.text, ",") && strings.IndexFunc(w.text, unicode.IsDigit) >= 0 {
				return true
			}
		}
	}
	return false
}

// headerBand reports a band that may be a row of a header: set as a
// table's rows are (in columns, or indented) and pricing nothing.
func headerBand(b *boxBand, left, charW float64) bool {
	return (len(b.columns) > 1 || b.box.x0 > left+2*charW) && !pricedBand(b)
}

// bodyColumns are the extents of the cells of a table's rows, column by
// column, from its rows with the most cells.
func bodyColumns(rows []boxBand) []pdfBox {
	most := 0
	k := 0
	for k < len(rows) && len(rows[k].columns) > 1 {
		most = max(most, len(rows[k].columns))
		k++
	}
	cols := make([]pdfBox, most)
	seen := false
	for _, r := range rows[:k] {
		if len(r.columns) != most {
			continue
		}
		for c, col := range r.columns {
			if !seen {
				cols[c] = col.box
			}
			cols[c] = pdfBox{min(cols[c].x0, col.box.x0), min(cols[c].y0, col.box.y0), max(cols[c].x1, col.box.x1), max(cols[c].y1, col.box.y1)}
		}
		seen = true
	}
	return cols
}

// tiled makes columns meet in the middle of the gutters between them.
func tiled(cols []pdfBox) []pdfBox {
	tiles := slices.Clone(cols)
	for c := 1; c < len(cols); c++ {
		mid := (cols[c-1].x1 + cols[c].x0) / 2
		tiles[c-1].x1, tiles[c].x0 = max(mid, cols[c-1].x1), min(mid, cols[c].x0)
	}
	return tiles
}

// headerCells cuts the lines of the header rows hb into cells: words over
// different columns, further apart than words are, are different cells,
// however close the extractor set them ("Métropole DROM").
func headerCells(hb []boxBand, tiles []pdfBox, space float64) []boxWord {
	var cells []boxWord
	for _, b := range hb {
		for _, l := range b.lines {
			var cur boxWord
			last := -1
			for _, w := range l.words {
				c := nearestColumn(w.box, tiles)
				if cur.text != "" && c != last && w.box.x0-cur.box.x1 > 1.5*space {
					cells = append(cells, cur)
					cur = boxWord{}
				}
				if cur.text == "" {
					cur = w
				} else {
					cur.box = pdfBox{min(cur.box.x0, w.box.x0), min(cur.box.y0, w.box.y0), max(cur.box.x1, w.box.x1), max(cur.box.y1, w.box.y1)}
					cur.text += " " + w.text
				}
				last = c
			}
			cells = append(cells, cur)
		}
	}
	slices.SortStableFunc(cells, func(a, b boxWord) int { return int(math.Round(a.box.y0*100 - b.box.y0*100)) })
	return cells
}

// headerRow makes one row of the header rows hb over the table's rows.
// A name over two names or more of a line below it spans their columns
// ("Tarif" over "Métropole" and "DROM"), with those beside them when it is
// centred over more (a date over three zones, its text over the middle
// one's); any other name stands over the column it is nearest, wrapped
// ("Tarif au 1er" over "décembre 2024") or not. A name over every column
// is a title, no header.
func headerRow(hb, rows []boxBand, space float64) (boxBand, bool) {
	body := bodyColumns(rows)
	if len(body) < 2 {
		return boxBand{}, false
	}
	cols := tiled(body)
	cells := headerCells(hb, cols, space)
	names := make([][]string, len(cols))
	for _, w := range cells {
		a, b := spannedColumns(w, cells, cols, space)
		if a == 0 && b == len(cols)-1 && len(cols) > 2 {
			return boxBand{}, false
		}
		for k := a; k <= b; k++ {
			names[k] = append(names[k], w.text)
		}
	}
	out := boxBand{box: hb[0].box}
	for _, b := range hb {
		out.box = pdfBox{min(out.box.x0, b.box.x0), min(out.box.y0, b.box.y0), max(out.box.x1, b.box.x1), max(out.box.y1, b.box.y1)}
	}
	for k, n := range names {
		if len(n) == 0 {
			return boxBand{}, false
		}
		var l boxLine
		l.add(boxWord{box: pdfBox{cols[k].x0, out.box.y0, cols[k].x1, out.box.y1}, text: joinNames(n)})
		out.lines = append(out.lines, l)
		out.columns = append(out.columns, boxColumn{box: l.box, lines: []boxLine{l}})
	}
	return out, true
}

// nearestColumn is the column whose extent holds the middle of box, else
// the nearest.
func nearestColumn(box pdfBox, cols []pdfBox) int {
	mid := (box.x0 + box.x1) / 2
	best, off := -1, math.Inf(1)
	for c, col := range cols {
		d := max(col.x0-mid, mid-col.x1, 0)
		if d < off {
			best, off = c, d
		}
	}
	return best
}

// spannedColumns returns the first and last columns the header cell w
// spans (see headerRow) among the cells of its header.
func spannedColumns(w boxWord, cells []boxWord, cols []pdfBox, space float64) (int, int) {
	first := nearestColumn(w.box, cols)
	last := first
	// A word's space either side: a name centred over two shorter
	// ones may end short of the second.
	reach := pdfBox{w.box.x0 - space, w.box.y0, w.box.x1 + space, w.box.y1}
	below := map[float64]int{}
	spans := false
	for _, o := range cells {
		if o.box.y0 > w.box.y0+w.box.height()/2 && overlapX(reach, o.box) {
			below[o.box.y0]++
			spans = spans || below[o.box.y0] > 1
		}
	}
	if !spans {
		return first, last
	}
	first = -1
	for _, o := range cells {
		if o.box.y0 > w.box.y0+w.box.height()/2 && overlapX(reach, o.box) {
			c := nearestColumn(o.box, cols)
			if first < 0 || c < first {
				first = c
			}
			last = max(last, c)
		}
	}
	mid := w.box.x0 + w.box.x1
	a, b, off := first, last, math.Inf(1)
	for x := first; x >= 0; x-- {
		for y := last; y < len(cols); y++ {
			if d := math.Abs(cols[x].x0 + cols[y].x1 - mid); d < off-0.5 {
				a, b, off = x, y, d
			}
		}
	}
	return a, b
}

// joinNames joins the names over a column, top down; a compound wrapped at
// its hyphen ("Antilles-" over "Guyane") is one word again.
func joinNames(names []string) string {
	var b strings.Builder
	for k, n := range names {
		if k > 0 && !strings.HasSuffix(names[k-1], "-") {
			b.WriteByte(' ')
		}
		b.WriteString(n)
	}
	return b.String()
}
