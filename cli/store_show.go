package cli

import (
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/store"
)

// newStoreShowCmd is avenant show: a file's outline as before, or a store
// version's outline with its stable ids, or one clause's text.
func newStoreShowCmd(g *globals, runF func(*ShowOptions) error) *cobra.Command {
	cmd := newShowCmd(g, runF)
	if runF == nil {
		cmd = newShowCmd(g, storeShowRun)
	}
	cmd.Long = `Print the outline of REV (a label, tag, party branch or commit prefix) or of
FILE, one clause a line with its stable id; with CLAUSE, print that clause's
heading and text. CLAUSE is a stable id, a heading as printed ("Préambule"),
a kind and number ("Annexe 1", "Titre II", "Article 3 bis") or an article's
bare number ("3 bis").`
	return cmd
}

func storeShowRun(opts *ShowOptions) error {
	var doc *clause.Document
	ref := opts.Target
	// find resolves a clause name in doc: through the store for a version,
	// which also knows where a clause last existed.
	find := func(name string) (int, error) { return clause.FindName(clause.NamedOf(doc), name, ref) }
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
		find = func(name string) (int, error) {
			e, err := s.FindClause(v, name)
			if err != nil {
				return -1, err
			}
			if i := slices.IndexFunc(doc.Clauses, func(c clause.Clause) bool { return c.ID == e.ID }); i >= 0 {
				return i, nil
			}
			return -1, fmt.Errorf("%s: %w in %s", name, store.ErrUnknownClause, ref)
		}
	}
	if opts.g.quiet {
		return nil // --quiet: the exit status is the answer
	}
	if opts.Check {
		return showCheck(opts, ref, doc)
	}
	out := opts.g.io.Out
	if opts.Clause == "" {
		if opts.Format == "json" {
			return render.WriteJSON(out, render.NewOutlineDoc(ref, doc))
		}
		return render.OutlineText(out, doc)
	}
	i, err := find(opts.Clause)
	if err != nil {
		return err
	}
	one := &clause.Document{Clauses: []clause.Clause{doc.Clauses[i]}}
	one.Clauses[0].Parent = -1
	if opts.Format == "json" {
		return render.WriteJSON(out, render.NewOutlineDoc(ref, one))
	}
	c := &doc.Clauses[i]
	if c.Heading != "" {
		fmt.Fprintf(out, "%s\n\n", sanitize.Text(c.Heading))
	}
	_, err = fmt.Fprintln(out, sanitize.Text(c.Text))
	return err
}
