package reader

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// A text layout (pdftotext -layout, a plain-text export of a table) parts
// a table's cells by two spaces or more, but the row whose cell fills its
// column leaves only the cells' padding between it and the next cell,
// which the layout prints as one space: "GS Consultation du spécialiste
// en médecine générale 30,00 €", the price under the other rows' prices.
// Read so, the row is one cell, a paragraph of text, and its price no
// price. The rows around it show where the column starts.

// partGluedCells sets a tab, which parts cells as a gap does and keeps
// every column where it was, in place of the one space before a cell
// that opens where the rows beside it open a cell after a gap: at that
// column (or the one before, where the layout pushed it right), two
// other lines of its block of lines or more, one of them the line right
// above or below, have a cell. Only a cell that opens
// with a figure or a capital is parted so (a price, a date, "Gratuit"),
// as a cell does and a word inside a label rarely does. A text without a
// gap is returned as it is, uncopied.
func partGluedCells(text string) string {
	if !strings.Contains(text, "  ") {
		return text
	}
	var out []byte
	var block []string
	var offs []int
	flush := func() {
		if len(block) >= 3 {
			for _, b := range partBlock(block) {
				if out == nil {
					out = []byte(text)
				}
				out[offs[b.line]+b.at] = '\t'
			}
		}
		block, offs = block[:0], offs[:0]
	}
	start := 0
	for raw := range strings.Lines(text) {
		line := strings.TrimSuffix(raw, "\n")
		switch {
		case strings.TrimSpace(line) == "":
			flush()
		case strings.IndexByte(line, '\t') >= 0:
			// Cells parted by tabs are not set in columns of
			// characters: they say nothing of where a cell opens.
			flush()
		default:
			block, offs = append(block, line), append(offs, start)
		}
		start += len(raw)
	}
	flush()
	if out == nil {
		return text
	}
	return string(out)
}

// glued is a space to part: byte at of line.
type glued struct{ line, at int }

// partBlock finds the spaces to part in a block of consecutive lines.
func partBlock(lines []string) []glued {
	var starts [][]int
	var count map[int]int
	for i, l := range lines {
		if !strings.Contains(l, "  ") {
			continue // prose: no cell opens after a gap
		}
		if starts == nil {
			starts, count = make([][]int, len(lines)), map[int]int{}
		}
		starts[i] = cellStarts(l)
		for _, c := range starts[i] {
			count[c]++
		}
	}
	if len(count) == 0 {
		return nil
	}
	has := func(i, col int) bool {
		if i < 0 || i >= len(lines) {
			return false
		}
		// col -1 asks whether line i opens any cell after a gap.
		return col < 0 && len(starts[i]) > 0 || slices.Contains(starts[i], col)
	}
	var out []glued
	for i, l := range lines {
		if !has(i-1, -1) && !has(i+1, -1) {
			continue
		}
		col := 0
		for b, r := range l {
			col++
			if r != ' ' || b == 0 || l[b-1] == ' ' || b+1 >= len(l) {
				continue
			}
			next, _ := utf8.DecodeRuneInString(l[b+1:])
			if !unicode.IsDigit(next) && !unicode.IsUpper(next) {
				continue
			}
			// The layout may push the cell a column right of the others.
			for _, c := range [...]int{col, col - 1} {
				if count[c] >= 2 && (has(i-1, c) || has(i+1, c)) {
					out = append(out, glued{i, b})
					break
				}
			}
		}
	}
	return out
}

// cellStarts returns the columns, counted in runes, of the cells of a line
// that open after a gap (two spaces or more) past its first.
func cellStarts(line string) []int {
	var out []int
	col, gap, seen := 0, 0, false
	for _, r := range line {
		switch {
		case r == ' ':
			gap++
		default:
			if seen && gap >= 2 {
				out = append(out, col)
			}
			seen, gap = true, 0
		}
		col++
	}
	return out
}

// A cell set without any padding runs into the next: the label that fills
// its column touches the price ("Consultation générale30,00 €"), which
// the PDF's text, word boxes included, gives as one word. A small letter
// followed at once by an amount (digits, a decimal comma and two digits,
// then the word's end or the euro sign) is no word of any text: in a line
// of a table (one with a gap between cells), or in lines one under the
// other that are all so glued (a table of two columns), the amount is a
// cell of its own. A line of prose alone keeps its typo as it is.

// partGluedAmounts sets a tab between a label and the amount glued to it
// in the lines of a table, and between the names of the header right
// above such lines glued the same way ("LibelléTarif": a small letter
// then a capital and a small letter). A text without such a seam is
// returned as it is, uncopied.
func partGluedAmounts(text string) string {
	if len(amountSeams(text)) == 0 {
		return text
	}
	lines := strings.SplitAfter(text, "\n")
	seams := make([][]int, len(lines))
	for i, l := range lines {
		seams[i] = amountSeams(l)
	}
	parted := make([]bool, len(lines))
	any := false
	for i, l := range lines {
		parted[i] = len(seams[i]) > 0 && (strings.Contains(l, "  ") ||
			i > 0 && len(seams[i-1]) > 0 || i+1 < len(lines) && len(seams[i+1]) > 0)
		any = any || parted[i]
	}
	if !any {
		return text
	}
	var b strings.Builder
	for i, l := range lines {
		cut := seams[i]
		if !parted[i] {
			cut = nil
			if i+1 < len(lines) && parted[i+1] && headerLike(l) {
				cut = nameSeams(l)
			}
		}
		done := 0
		for _, s := range cut {
			b.WriteString(l[done:s])
			b.WriteByte('\t')
			done = s
		}
		b.WriteString(l[done:])
	}
	return b.String()
}

// headerLike reports a line that may name a table's columns: cells apart,
// or a few words that end no sentence.
func headerLike(l string) bool {
	t := strings.TrimSpace(l)
	return t != "" && (strings.Contains(t, "  ") || len(strings.Fields(t)) <= 4 && !frtext.EndsSentence(t))
}

// nameSeams returns where, in a header line, a name glued to the one
// before it starts: a capital and a small letter right after a small
// letter.
func nameSeams(line string) []int {
	var out []int
	var before, at rune
	for i, r := range line {
		if unicode.IsLower(r) && unicode.IsUpper(at) && unicode.IsLower(before) {
			out = append(out, i-utf8.RuneLen(at))
		}
		before, at = at, r
	}
	return out
}

// amountSeams returns where, in line, an amount glued to the small letter
// before it starts: "générale30,00 €" gives the offset of "30,00".
func amountSeams(line string) []int {
	var out []int
	for i := 0; i+2 < len(line); i++ {
		c := strings.IndexByte(line[i:], ',')
		if c < 0 {
			break
		}
		i += c
		if i+2 >= len(line) || !isDigit(line[i+1]) || !isDigit(line[i+2]) {
			continue
		}
		if e := i + 3; e < len(line) && !strings.HasPrefix(line[e:], "€") && line[e] != ' ' && line[e] != '\t' && line[e] != '\n' && line[e] != '\r' {
			continue
		}
		// Back over the digits, in groups of three parted by a space or
		// a point ("1 250,00", "1.250,00").
		j := i
		for {
			k := j
			for k > 0 && isDigit(line[k-1]) {
				k--
			}
			group := j - k
			j = k
			if group != 3 || k < 2 || line[k-1] != ' ' && line[k-1] != '.' || !isDigit(line[k-2]) {
				break
			}
			j = k - 1
		}
		if j == i || !isDigit(line[j]) {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(line[:j]); unicode.IsLower(r) {
			out = append(out, j)
		}
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
