package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
)

// NewOutlineDoc builds the JSON view of a document; a clause's id is its
// Clause.ID (a store version's are the store's stable ids).
func NewOutlineDoc(ref string, d *clause.Document) OutlineDoc {
	out := OutlineDoc{Schema: OutlineSchema, Ref: ref, Clauses: make([]OutlineClause, len(d.Clauses))}
	for i, c := range d.Clauses {
		out.Clauses[i] = OutlineClause{ID: c.ID, Number: c.Number, Heading: c.Heading, Kind: string(c.Kind), Path: jsonPath(&c), Text: c.Text, Status: c.Status}
	}
	return out
}

// OutlineText writes the outline as an indented list, one clause a line:
// the clause's label and, for clauses with text, the size of the text.
func OutlineText(w io.Writer, d *clause.Document) error {
	for i := range d.Clauses {
		c := &d.Clauses[i]
		label := sanitize.Text(c.Label())
		if c.Heading == "" && c.Number != "" && c.Kind == clause.KindItem {
			label = sanitize.Text(c.Number + "  " + firstLine(c.Text))
		}
		if _, err := fmt.Fprintf(w, "%s%-9s %s  [%s]\n", strings.Repeat("  ", c.Depth), c.Kind, truncate(label, 90), c.ID); err != nil {
			return err
		}
	}
	return nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// truncate cuts s to at most n runes, marking the cut with an ellipsis.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// jsonPath is a clause's path in a JSON document: [] rather than null for
// a top-level clause.
func jsonPath(c *clause.Clause) []string {
	if c.Path == nil {
		return []string{}
	}
	return c.Path
}
