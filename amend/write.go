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
	inTable, pipe := false, false
	var columns []clause.Clause // the rows in columns of the table written
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
			// The header is written as most of its rows are printed,
			// whatever the format: pipe rows under a header in columns
			// read back as no table at all (a .txt base may hold a
			// Markdown table).
			pipe, columns = tableShape(doc.Clauses[i+1:])
			if pipe {
				b.WriteString("| " + strings.Join(cells, " | ") + " |\n|" + strings.Repeat("---|", len(cells)) + "\n")
			} else {
				b.WriteString(columnsLike(cells, columns) + "\n")
			}
			inTable = true
			continue
		case row:
			b.WriteString(inShape(c.Text, pipe, columns) + "\n")
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

// tableShape reports whether most rows of a table, the clauses right
// after its header, are printed as pipe rows ("| G | Consultation | 30 €
// |"), and gives those printed in columns.
func tableShape(after []clause.Clause) (pipe bool, columns []clause.Clause) {
	n := 0
	for n < len(after) && after[n].Kind == clause.KindItem && after[n].Heading == "" {
		n++
	}
	for _, r := range after[:n] {
		if !isPipeRow(r.Text) {
			columns = append(columns, r)
		}
	}
	return n > 0 && len(columns)*2 <= n, columns
}

func isPipeRow(text string) bool { return strings.HasPrefix(strings.TrimLeft(text, " \t"), "|") }

// inShape writes a row as the rows of its table are printed: a row quoted
// by an avenant in the other shape ("« | GS | … | »" put in a table in
// columns) is set as the others, so the table stays one.
func inShape(text string, pipe bool, columns []clause.Clause) string {
	switch {
	case isPipeRow(text) == pipe || strings.Contains(text, "\n"):
		return text
	case pipe:
		return "| " + strings.Join(clause.RowCells(text), " | ") + " |"
	}
	return columnsLike(clause.RowCells(text), columns)
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
