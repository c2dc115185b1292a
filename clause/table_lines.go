package clause

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A tariff table is also written as lines, one act a line, its cells
// parted by a sign rather than by pipes or wide spaces: "G : 30 €",
// "G - 30,00 €", "GS – Consultation spécialiste – 30 €", "APC ....... 60 €",
// a bullet before it or not. Read as prose, the same acts at the same
// prices as a table's rows were every row of the table removed and their
// prices added to the text around it: the gate failed on a layout. Such a
// line is a row keyed by its code, its cells the code, the label if any,
// and the price, when a line of the same shape stands right above or below
// it (blank lines between them aside): one such line alone is text, as a
// row in columns alone is.

// lineRowCells splits s into the cells of a row written as a line (see
// above): its code, its label if any, and its price or the word saying
// it has none ("Gratuit"), or reports that s is not one.
func lineRowCells(s string) ([]string, bool) {
	// Emphasis is how a cell was set ("**G** : 30 €"), not what it says.
	s = strings.ReplaceAll(strings.ReplaceAll(stripBullet(strings.TrimSpace(s)), "**", ""), "__", "")
	if key, rest, ok := totalLine(s); ok {
		return []string{key, rest}, true
	}
	k := rowCodeLen(s)
	if k == 0 || k == len(s) {
		return nil, false
	}
	code := s[:k]
	if key, _, _ := strings.Cut(code, " "); !codeShape(key) && !isActCode(key) {
		// A word in capitals ("DEPARTEMENTS : Métropolitains : 115,00 F",
		// a table flattened cell by cell) names a column, not an act.
		return nil, false
	}
	n := lineSep(s[k:], true)
	if n == 0 {
		return nil, false
	}
	rest := strings.TrimSpace(s[k+n:])
	if lineRowValue(rest) {
		return []string{code, rest}, true
	}
	// The label, then the price after the last sign.
	for j := len(rest) - 1; j > 0; j-- {
		if rest[j-1] != ' ' && rest[j-1] != '.' && rest[j-1] != ':' {
			continue
		}
		if m := lineSep(rest[j-1:], false); m > 0 {
			label, value := strings.TrimSpace(rest[:j-1]), strings.TrimSpace(rest[j-1+m:])
			if lineRowValue(value) && strings.IndexFunc(label, unicode.IsLetter) >= 0 {
				return []string{code, strings.TrimRight(label, " ."), value}, true
			}
		}
	}
	return nil, false
}

// totalLine reads s as the line that closes a table written as lines on
// its sum ("Total : 155,00 €"): its key and its sum.
func totalLine(s string) (key, sum string, ok bool) {
	if !totalWordFirst(strings.TrimLeft(s, " *:.`_")) {
		return "", "", false
	}
	k := strings.IndexAny(s, ":-–—=.…")
	for k > 0 && s[k-1] == ' ' {
		k--
	}
	if k <= 0 || !totalRow(s[:k]) {
		return "", "", false
	}
	n := lineSep(s[k:], true)
	if n == 0 {
		return "", "", false
	}
	sum = strings.TrimSpace(s[k+n:])
	return s[:k], sum, lineRowValue(sum)
}

// stripBullet is s without the bullet that opens it, if any.
func stripBullet(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if strings.ContainsRune("-*•–—·▪◦●■►", r) && len(s) > size && (s[size] == ' ' || s[size] == '\t') {
		return strings.TrimLeft(s[size:], " \t")
	}
	return s
}

// lineRowValue reports a cell that can end a row written as a line.
func lineRowValue(s string) bool {
	return s != "" && (isAmount(s) || noPrice(s) && s != "-" && s != "--")
}

// lineSep returns the length of the sign that parts two cells at the
// start of s, spaces around it included, or 0: a colon (after the code,
// set against it too: "G: 30 €"), a dash or an equals sign between
// spaces, or dot leaders.
func lineSep(s string, afterCode bool) int {
	t := strings.TrimLeft(s, " ")
	lead := len(s) - len(t)
	if t == "" {
		return 0
	}
	r, size := utf8.DecodeRuneInString(t)
	switch r {
	case ':':
		if lead == 0 && !afterCode {
			return 0
		}
	case '-', '–', '—', '=':
		if lead == 0 || len(t) == size || t[size] != ' ' {
			return 0
		}
	case '.', '…':
		for size < len(t) && (t[size] == '.' || strings.HasPrefix(t[size:], "…")) {
			_, n := utf8.DecodeRuneInString(t[size:])
			size += n
		}
		if r == '.' && size < 3 {
			return 0
		}
	default:
		return 0
	}
	rest := t[size:]
	return len(s) - len(strings.TrimLeft(rest, " "))
}

// lineRow reads line i as a row written as a line and returns its code
// (or the key of a line of totals): a line of that shape with another
// next to it.
func (p *parser) lineRow(i int) (string, bool) {
	cells, ok := lineRowCells(p.trimmed(i))
	if !ok {
		return "", false
	}
	for _, step := range [2]int{-1, 1} {
		j := i + step
		for j >= 0 && j < len(p.lines) && p.lines[j].flags&fBlank != 0 {
			j += step
		}
		if j >= 0 && j < len(p.lines) && p.lines[j].flags&fPipe == 0 {
			if _, ok := lineRowCells(p.trimmed(j)); ok {
				return cells[0], true
			}
		}
	}
	return "", false
}
