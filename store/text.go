package store

import (
	"strings"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/frtext"
)

// formatText turns a clause's text into the content of its clause file: one
// sentence a line, paragraphs separated by a blank line, a final newline
// ("" for an empty text). See the package doc for what it normalises.
func formatText(text string) string {
	paras := paragraphs(text)
	if len(paras) == 0 {
		return ""
	}
	var b strings.Builder
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n")
		}
		for _, l := range p {
			for _, s := range frtext.Sentences(l) {
				b.WriteString(s)
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

// formatClauseText is formatText for the text of clause c, except a table
// row set in columns: its cells are told apart by the runs of spaces
// between them and its wrapped label by its indentation, so it is kept
// line for line, as read. (Collapsed, "G    Consultation    30 €" was the
// one cell "G Consultation 30 €" once read back: a zone's name went
// from its price's fact, the grid's label took in the prices.)
func formatClauseText(c *clause.Clause, text string) string {
	if c.Kind != clause.KindItem || c.Heading != "" || !inColumns(text) {
		return formatText(text)
	}
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimRight(l, " \t\r"); l != "" {
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	if !inColumns(b.String()) {
		// Only blank lines or trailing blanks were out of line.
		return formatText(text)
	}
	return b.String()
}

// inColumns reports a text that sets cells apart by a tab or a run of
// spaces (clause.HasGap, as the parser tells a row in columns), or indents
// a line: formatText writes neither, so a clause file holding them holds a
// row kept as read.
func inColumns(text string) bool {
	for _, l := range strings.Split(text, "\n") {
		if l != "" && l[0] == ' ' || clause.HasGap(l) {
			return true
		}
	}
	return false
}

// parseText rebuilds a clause text from the content of its clause file:
// the lines of a paragraph are joined by a space, or kept on their own
// line when they start with a list or table marker, or when the paragraph
// was kept as read (see formatClauseText).
func parseText(file string) string {
	file = strings.TrimRight(file, "\n")
	if file == "" {
		return ""
	}
	paras := strings.Split(file, "\n\n")
	for i, p := range paras {
		lines := strings.Split(p, "\n")
		asRead := inColumns(p)
		var b strings.Builder
		for j, l := range lines {
			if j > 0 {
				if asRead || frtext.StartsListEntry(l) {
					b.WriteByte('\n')
				} else {
					b.WriteByte(' ')
				}
			}
			b.WriteString(l)
		}
		paras[i] = b.String()
	}
	return strings.Join(paras, "\n\n")
}

// normalizeText is what the text of clause c becomes once stored and read
// back.
func normalizeText(c *clause.Clause) string { return parseText(formatClauseText(c, c.Text)) }

// paragraphs splits text on blank lines and joins each paragraph's lines
// into logical lines: a line continues the previous one unless it starts
// with a list or table marker. Spaces and tabs are collapsed.
func paragraphs(text string) [][]string {
	var paras [][]string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, cur)
			cur = nil
		}
	}
	for _, raw := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		l := collapseSpaces(raw)
		if l == "" {
			flush()
			continue
		}
		if len(cur) == 0 || frtext.StartsListEntry(l) {
			cur = append(cur, l)
			continue
		}
		cur[len(cur)-1] += " " + l
	}
	flush()
	return paras
}

// collapseSpaces trims a line and turns runs of spaces, tabs and carriage
// returns into one space. Non-breaking spaces are kept: they are
// typography, not layout.
func collapseSpaces(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\r' || r == '\v' || r == '\f' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
