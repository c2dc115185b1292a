package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
)

// newStoreShowCmd is avenant show: a file's outline as before, or a store
// version's outline with its stable ids, or one clause's text.
func newStoreShowCmd(g *globals, runF func(*ShowOptions) error) *cobra.Command {
	cmd := newShowCmd(g, runF)
	if runF == nil {
		cmd = newShowCmd(g, storeShowRun)
	}
	cmd.Long = `Print the outline of REV (a label, tag, party branch or commit prefix) or of
FILE, one clause a line with its stable id; with CLAUSE (an id, or a number
as printed in that version), print that clause's heading and text.`
	return cmd
}

func storeShowRun(opts *ShowOptions) error {
	var doc *clause.Document
	var ids []string
	ref := opts.Target
	if isFile(opts.Target) {
		if opts.Clause == "" {
			return showRun(opts)
		}
		d, err := loadFile(opts.Target, opts.MaxSize)
		if err != nil {
			return err
		}
		doc = d
	} else {
		s, err := openStore(opts.g)
		if err != nil {
			return fmt.Errorf("%s: not a file, and %w", opts.Target, err)
		}
		v, err := s.Resolve(opts.Target)
		if err != nil {
			return err
		}
		if doc, err = s.Document(v); err != nil {
			return err
		}
		ref = v.Label
		ids = make([]string, len(doc.Clauses))
		for i := range doc.Clauses {
			ids[i] = doc.Clauses[i].ID
		}
	}
	if opts.g.quiet {
		return nil // --quiet: the exit status is the answer
	}
	if opts.Check {
		return showCheck(opts, ref, doc, ids)
	}
	out := opts.g.io.Out
	if opts.Clause == "" {
		if opts.Format == "json" {
			return render.WriteJSON(out, render.NewOutlineDoc(ref, doc, ids))
		}
		return render.OutlineText(out, doc, ids)
	}
	i := findClause(doc, opts.Clause)
	if i < 0 {
		return fmt.Errorf("%s: unknown clause in %s (not a clause id or number of that version)", opts.Clause, ref)
	}
	one := &clause.Document{Clauses: []clause.Clause{doc.Clauses[i]}}
	one.Clauses[0].Parent = -1
	var oneIDs []string
	if ids != nil {
		oneIDs = ids[i : i+1]
	}
	if opts.Format == "json" {
		return render.WriteJSON(out, render.NewOutlineDoc(ref, one, oneIDs))
	}
	c := &doc.Clauses[i]
	if c.Heading != "" {
		fmt.Fprintf(out, "%s\n\n", sanitize.Text(c.Heading))
	}
	_, err := fmt.Fprintln(out, sanitize.Text(c.Text))
	return err
}

// findClause finds a clause by id or by number as printed, in normalised
// form ("Article 28.1", "28-1" and "28.1" name the same clause); -1 when
// none. An article wins over another clause of the same number.
func findClause(d *clause.Document, ref string) int {
	for i := range d.Clauses {
		if d.Clauses[i].ID == ref {
			return i
		}
	}
	want := []string{clause.NormalizeNumber(ref)}
	if f := strings.Fields(ref); len(f) > 1 {
		want = append(want, clause.NormalizeNumber(strings.Join(f[1:], " ")))
	}
	found := -1
	for i := range d.Clauses {
		c := &d.Clauses[i]
		if c.Number == "" {
			continue
		}
		n := clause.NormalizeNumber(c.Number)
		for _, w := range want {
			if w != "" && n == w && (found < 0 || c.Kind == clause.KindArticle && d.Clauses[found].Kind != clause.KindArticle) {
				found = i
			}
		}
	}
	return found
}
