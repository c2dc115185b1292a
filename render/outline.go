package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
)

// NewOutlineDoc builds the JSON view of a document. ids, when not nil,
// replaces each clause's own id (the store's stable ids).
func NewOutlineDoc(ref string, d *clause.Document, ids []string) OutlineDoc {
	out := OutlineDoc{Schema: OutlineSchema, Ref: ref, Clauses: make([]OutlineClause, len(d.Clauses))}
	for i, c := range d.Clauses {
		id, path := idAndPath(d, i, ids)
		out.Clauses[i] = OutlineClause{ID: id, Number: c.Number, Heading: c.Heading, Kind: string(c.Kind), Path: path, Text: c.Text, Status: c.Status}
	}
	return out
}

// OutlineText writes the outline as an indented list, one clause a line:
// the clause's label and, for clauses with text, the size of the text.
func OutlineText(w io.Writer, d *clause.Document, ids []string) error {
	for i := range d.Clauses {
		c := &d.Clauses[i]
		id := c.ID
		if ids != nil {
			id = ids[i]
		}
		label := sanitize.Text(c.Label())
		if c.Heading == "" && c.Number != "" && c.Kind == clause.KindItem {
			label = sanitize.Text(c.Number + "  " + firstLine(c.Text))
		}
		if _, err := fmt.Fprintf(w, "%s%-9s %s  [%s]\n", strings.Repeat("  ", c.Depth), c.Kind, truncate(label, 90), id); err != nil {
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

// idAndPath are clause i's id in a JSON document, the store's stable one
// when ids is not nil, and its path, [] rather than null for a top-level
// clause.
func idAndPath(d *clause.Document, i int, ids []string) (string, []string) {
	c := &d.Clauses[i]
	id, path := c.ID, c.Path
	if ids != nil {
		id = ids[i]
	}
	if path == nil {
		path = []string{}
	}
	return id, path
}
