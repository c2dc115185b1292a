package clause

import "strings"

// wholePrice reports a last cell that may be a price written without
// decimals nor currency: a whole number of at most five digits.
func wholePrice(cell string) bool {
	return len(cell) <= 5 && strings.Trim(cell, "0123456789") == ""
}

// rowBeside reports a line above or below line i that is a row by its own
// price, read so without asking its neighbours in turn.
func (p *parser) rowBeside(i int) bool {
	for _, j := range [2]int{i - 1, i + 1} {
		if j >= 0 && j < len(p.lines) && p.lines[j].flags&(fBlank|fPipe|fNoRow) == 0 {
			if _, ok := p.readRowAt(j, false); ok {
				return true
			}
		}
	}
	return false
}
