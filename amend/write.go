package amend

import (
	"strings"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/clause"
)

// Format is how a consolidated text is written.
type Format string

// The formats of a consolidated text: the base's own.
const (
	Markdown Format = "markdown"
	Plain    Format = "plain"
)

// write writes a document back as text that clause.Parse reads into the
// same clauses: each heading on a line of its own (in Markdown, one "#"
// per level of depth), each text after it, a blank line between, and the
// rows of a table one under the other below its header.
func write(doc *clause.Document, f Format) string {
	var b strings.Builder
	inTable := false
	for i := range doc.Clauses {
		c := &doc.Clauses[i]
		row := c.Kind == clause.KindItem && c.Heading == "" && inTable
		if inTable && !row {
			b.WriteString("\n")
			inTable = false
		}
		switch {
		case clause.IsTableHeader(c):
			cells := strings.Split(c.Heading, " | ")
			// The header is written as its rows are printed, whatever the
			// format: pipe rows under a header in columns read back as no
			// table at all (a .txt base may hold a Markdown table).
			if pipeRows(doc.Clauses[i+1:]) {
				b.WriteString("| " + strings.Join(cells, " | ") + " |\n|" + strings.Repeat("---|", len(cells)) + "\n")
			} else {
				b.WriteString(columnsLike(cells, doc.Clauses[i+1:]) + "\n")
			}
			inTable = true
			continue
		case row:
			b.WriteString(c.Text + "\n")
			continue
		}
		if c.Heading != "" {
			if f == Markdown {
				b.WriteString(strings.Repeat("#", min(c.Depth+1, 6)) + " ")
			}
			b.WriteString(c.Heading + "\n\n")
		}
		if c.Text != "" {
			b.WriteString(c.Text + "\n\n")
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// pipeRows reports whether the rows of a table, the clauses right after its
// header, are printed as pipe rows ("| G | Consultation | 30 € |").
func pipeRows(after []clause.Clause) bool {
	if len(after) == 0 || after[0].Kind != clause.KindItem || after[0].Heading != "" {
		return false
	}
	return strings.HasPrefix(strings.TrimLeft(after[0].Text, " \t"), "|")
}

// columnsLike sets a header's cells at the columns where the cells of the
// first row under it start, as the table in columns read had them; four
// spaces apart when that row does not tell (no row, a tab, another
// number of cells).
func columnsLike(cells []string, after []clause.Clause) string {
	var starts []int
	if len(after) > 0 && after[0].Kind == clause.KindItem && !strings.Contains(after[0].Text, "\t") {
		spaces, col := 0, 0
		for _, r := range after[0].Text {
			if r != ' ' && (len(starts) == 0 || spaces >= 2) {
				starts = append(starts, col)
			}
			if r == ' ' {
				spaces++
			} else {
				spaces = 0
			}
			col++
		}
	}
	if len(starts) != len(cells) {
		return strings.Join(cells, "    ")
	}
	var b strings.Builder
	col := 0
	for k, c := range cells {
		if k > 0 {
			pad := max(starts[k]-col, 2)
			b.WriteString(strings.Repeat(" ", pad))
			col += pad
		}
		b.WriteString(c)
		col += utf8.RuneCountInString(c)
	}
	return b.String()
}
