package clause

import (
	"unicode"
	"unicode/utf8"
)

// labelValueRow reads a row in columns that names what it prices or rates
// without an act code ("Consultations    70 %"), keyed by that name as a
// row in pipes is: its first cell words (no code: a row keyed by a code is
// read so), its last a price or a rate, and a line of the same shape right
// above or below it. A sentence set with
// wide spaces is one line; a table, several.
func (p *parser) labelValueRow(i int) (string, bool) {
	n := p.labelValueCells(i)
	if n == 0 {
		return "", false
	}
	key := columnSpans(p.trimmed(i))[0].text
	if totalRow(key) && i > 0 && p.lines[i-1].flags&(fBlank|fPipe) == 0 {
		// The line that closes a table on its sum ("Total général
		// 60,00 €") has fewer cells than the rows it sums: it is a row
		// of the table right above it all the same.
		if _, ok := p.readRowAt(i-1, false); ok {
			return key, true
		}
	}
	for _, j := range [2]int{i - 1, i + 1} {
		if j >= 0 && j < len(p.lines) && p.lines[j].flags&(fBlank|fPipe) == 0 && p.labelValueCells(j) == n {
			return key, true
		}
	}
	return "", false
}

// labelValueCells returns how many cells line i has, in columns, when its
// first is words and its last a price or a rate, else 0.
func (p *parser) labelValueCells(i int) int {
	if !p.hasGap(i) {
		return 0
	}
	spans := columnSpans(p.trimmed(i))
	if len(spans) < 2 || len(spans) > 12 {
		return 0
	}
	first, last := spans[0].text, spans[len(spans)-1].text
	if r, _ := utf8.DecodeRuneInString(first); !unicode.IsLetter(r) || isRowCode(first) || !isAmount(last) && !isRate(last) {
		return 0
	}
	return len(spans)
}

// isRate reports a cell that is a rate and nothing else: "70 %", "5,5 %".
func isRate(cell string) bool {
	m := percentRe.FindStringIndex(cell)
	return m != nil && m[1] == len(cell)
}
