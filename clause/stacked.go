package clause

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A word processor's plain-text export (LibreOffice's "Text" filter) writes
// a table one cell per line, row after row, with nothing to tell where a
// row ends:
//
//	Code
//	Libellé
//	Tarif
//	G
//	Consultation de référence du médecin généraliste
//	30 €
//
// Read line by line, the rows of a tariff table would be paragraphs, and
// the rows of the same table from any other format would read as removed.
// The header tells the width: k short column names, then groups of k lines
// that each open with an act code and hold an amount. Such a table is
// rewritten as the pipe table the other formats give, before anything else
// reads the text.

// maxStackedColumns bounds the width tried for a stacked table.
const maxStackedColumns = 8

// unstackTables rewrites as pipe tables the tables of text written one
// cell per line. A text without one is returned as it is, unallocated.
func unstackTables(text string) string {
	if !hasRowCodeLine(text) {
		return text
	}
	lines := strings.Split(text, "\n")
	var b strings.Builder
	done := 0 // lines before it are in b
	for i := 0; i+2 < len(lines); i++ {
		k, rows := stackedTable(lines, i)
		if k == 0 {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(text) + 64)
		}
		for _, l := range lines[done:i] {
			b.WriteString(l)
			b.WriteByte('\n')
		}
		writePipeRow(&b, lines[i:i+k])
		b.WriteString("|" + strings.Repeat(" --- |", k) + "\n")
		for r := range rows {
			writePipeRow(&b, lines[i+k*(r+1):i+k*(r+2)])
		}
		done = i + k*(rows+1)
		i = done - 1
	}
	if done == 0 {
		return text
	}
	b.WriteString(strings.Join(lines[done:], "\n"))
	return b.String()
}

// hasRowCodeLine reports whether a line of text is nothing but a row code,
// as the first cell of a stacked row is: most texts have none, and need
// not be cut into lines.
func hasRowCodeLine(text string) bool {
	for line := range strings.Lines(text) {
		if isRowCode(cellText(line)) {
			return true
		}
	}
	return false
}

// stackedTable reads lines[i:] as a stacked table: it returns the number
// of columns and of rows after the header, or 0, 0. The header is the
// narrowest run of column names followed by two rows or more.
func stackedTable(lines []string, i int) (columns, rows int) {
	if !isColumnName(cellText(lines[i])) {
		return 0, 0
	}
	for k := 2; k <= maxStackedColumns && i+3*k <= len(lines); k++ {
		if !isColumnName(cellText(lines[i+k-1])) {
			return 0, 0
		}
		n, priced := 0, false
		for i+k*(n+2) <= len(lines) {
			ok, amount := isStackedRow(lines[i+k*(n+1) : i+k*(n+2)])
			if !ok {
				break
			}
			n, priced = n+1, priced || amount
		}
		if n >= 2 && priced {
			return k, n
		}
	}
	return 0, 0
}

// isStackedRow reports whether cells are one row of a tariff table: an act
// code first, an amount after it or a cell that gives the act no price
// ("Gratuit", "NC": see noPrice), no cell that would break a pipe row; and
// whether it holds an amount.
func isStackedRow(cells []string) (ok, amount bool) {
	if !isRowCode(cellText(cells[0])) {
		return false, false
	}
	free := false
	for _, c := range cells[1:] {
		if strings.ContainsRune(c, '|') {
			return false, false
		}
		amount = amount || isAmount(cellText(c))
		free = free || noPrice(cellText(c))
	}
	return amount || free, amount
}

func writePipeRow(b *strings.Builder, cells []string) {
	b.WriteByte('|')
	for _, c := range cells {
		b.WriteByte(' ')
		b.WriteString(cellText(c))
		b.WriteString(" |")
	}
	b.WriteByte('\n')
}

// isColumnName reports whether a cell can name a column: words without a
// digit ("Code", "Libellé", "Tarif Métropole"), short, not a sentence.
func isColumnName(c string) bool {
	if c == "" || len(c) > 4*maxColumnName || utf8.RuneCountInString(c) > maxColumnName ||
		strings.IndexFunc(c, unicode.IsDigit) >= 0 && !datesOnly(c) || strings.IndexFunc(c, unicode.IsLetter) < 0 ||
		strings.ContainsRune(c, '|') {
		return false
	}
	switch r, _ := utf8.DecodeLastRuneInString(c); r {
	case '.':
		return abbreviated(c)
	case ',', ';', '!', '?':
		return false
	}
	return true
}

// datesOnly reports whether every figure of a column name is part of a
// date: the columns of a tariff dated by the day it applies from ("Tarif
// au 1er décembre 2024", "Au 01/07/2025", "Tarif 2025"), or a wrapped
// part of one ("Tarif au 1er" over "décembre 2024"). A number that is no
// date (a price, a coefficient) makes the line a row, not a header.
func datesOnly(c string) bool {
	words := strings.Fields(c)
	for k, w := range words {
		if strings.IndexFunc(w, unicode.IsDigit) < 0 {
			continue
		}
		next := ""
		if k+1 < len(words) {
			next = strings.ToLower(words[k+1])
		}
		switch n, err := strconv.Atoi(w); {
		case w == "1er" || w == "1re":
		case err == nil && len(w) <= 2 && n >= 1 && n <= 31 && months[next] > 0:
		case err == nil && len(w) == 4 && n >= 1900 && n < 2100:
		case dateSlash.re.FindString(w) == w:
		default:
			return false
		}
	}
	return true
}

// abbreviated reports a name that ends with an abbreviation's full stop
// ("Coef.", "Coeff.", "Tarif unit."), not a sentence's: a word or three,
// the last a short one cut off.
func abbreviated(c string) bool {
	words := strings.Fields(strings.TrimSuffix(c, "."))
	return len(words) > 0 && len(words) <= 3 && utf8.RuneCountInString(words[len(words)-1]) <= 5
}

// maxColumnName is the longest column name, in characters.
const maxColumnName = 40

// isRowCode reports whether s can be the code that opens a tariff row
// ("G", "CNPSY", "MCS+MPC", "YYYY010", "AMI 3"): at most 16 capitals,
// digits and joining signs, with a capital, or a key letter and its
// coefficient. Any such code, known or not (isActCode knows the
// nomenclatures): the row's shape is the evidence.
func isRowCode(s string) bool {
	return len(s) > 0 && rowCodeLen(s) == len(s)
}

// rowCodeLen is the length of the row code that opens s, or 0.
func rowCodeLen(s string) int {
	k := 0
	for k < len(s) && k <= 16 && isCodeByte(s[k]) {
		k++
	}
	if k == 0 || k > 16 || strings.IndexFunc(s[:k], func(r rune) bool { return r >= 'A' && r <= 'Z' }) < 0 {
		return 0
	}
	return k + coefficientLen(s, k)
}

// maxKeyLetters is the longest key letter of the NGAP ("AMI", "AMK", "SFI").
const maxKeyLetters = 4

// coefficientLen is the length of the coefficient that follows the code
// s[:k] when that code is a key letter: the NGAP writes an act as its key
// and a coefficient ("AMI 3", "K 10", "AMK 7,5"), one act each, so the
// row of "AMI 3" is keyed by both, in every format, and not by "AMI". The
// coefficient ends the cell: at the end of s, a tab or two spaces.
func coefficientLen(s string, k int) int {
	if k > maxKeyLetters || k+1 >= len(s) || s[k] != ' ' || !isDigit(s[k+1]) {
		return 0
	}
	for i := range k {
		if s[i] < 'A' || s[i] > 'Z' {
			return 0
		}
	}
	j := k + 1
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j+1 < len(s) && (s[j] == ',' || s[j] == '.') && isDigit(s[j+1]) {
		for j++; j < len(s) && isDigit(s[j]); j++ {
		}
	}
	if j == len(s) || s[j] == '\t' || s[j] == ' ' && (j+1 == len(s) || s[j+1] == ' ' || s[j+1] == '\t' || capitalisedWordStarts(s[j+1:])) {
		return j - k
	}
	return 0
}

// capitalisedWordStarts reports a capitalised word at the start of s: it
// opens the label after a code set one space before it ("AMI 3
// Pansement…", as pdftotext -layout sets a code as long as its column),
// and a sentence of its own under a row ("Les tarifs sont nets."), where
// a label wrapped at a space goes on with a word of its phrase.
func capitalisedWordStarts(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	l, _ := utf8.DecodeRuneInString(s[n:])
	return unicode.IsUpper(r) && unicode.IsLower(l)
}
