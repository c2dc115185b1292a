package cli

import (
	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/store"
)

// LogOptions hold what avenant log needs.
type LogOptions struct {
	g      *globals
	Clause string
	At     string
	Format string
	// Line leaves out the versions off the line that leads to --at.
	Line bool
}

func newLogCmd(g *globals, runF func(*LogOptions) error) *cobra.Command {
	opts := &LogOptions{g: g}
	cmd := &cobra.Command{
		Use:   "log CLAUSE",
		Short: "A clause's history across versions, through renumbering and moves",
		Long: `List the versions in which CLAUSE changed, oldest first: added, modified,
cosmetic, renumbered, moved, split, merged, removed. CLAUSE is a stable id,
or a heading, kind and number, or article number as in 'avenant show' of the
latest version (or of --at REV). The log follows the text: a part split off
another clause shows that clause's history before the split, a merged clause
each source's (noted "as" its name then). Clauses are named as each version
printed them: "split from Section 2 - Tarifs", "renumbered from Article 7".
Versions off the line that leads to --at (a
sibling counter-proposal) are listed apart, "also proposed: …" (JSON
off_line); --line leaves them out.`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			var err error
			if opts.Clause, err = clauseArg(args[0]); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return logRun(opts)
		},
	}
	formatFlag(cmd, &opts.Format, "text", "json")
	cmd.Flags().StringVar(&opts.At, "at", "", "resolve the clause in this version and follow its line (default: the latest)")
	cmd.Flags().BoolVar(&opts.Line, "line", false, "leave out the versions off the line that leads to --at")
	return cmd
}

// resolveAt opens the store and resolves --at and the clause reference.
func resolveAt(g *globals, at, ref string) (*store.Store, *store.Version, string, error) {
	s, err := openStore(g)
	if err != nil {
		return nil, nil, "", err
	}
	var v *store.Version
	if at != "" {
		if v, err = s.Resolve(at); err != nil {
			return nil, nil, "", err
		}
	}
	id, err := s.ResolveClause(ref, v)
	if err != nil {
		return nil, nil, "", err
	}
	return s, v, id, nil
}

func logRun(opts *LogOptions) error {
	s, at, id, err := resolveAt(opts.g, opts.At, opts.Clause)
	if err != nil {
		return err
	}
	all, err := s.Log(id, at)
	if err != nil {
		return err
	}
	doc := render.LogDoc{Schema: render.LogSchema, Clause: id, Entries: []render.LogEntry{}}
	for _, e := range logEntries(all) {
		if !opts.Line || !e.OffLine {
			doc.Entries = append(doc.Entries, e)
		}
	}
	if opts.g.quiet {
		return nil // --quiet: the exit status is the answer
	}
	if opts.Format == "json" {
		return render.WriteJSON(opts.g.io.Out, doc)
	}
	return render.LogText(opts.g.io.Out, doc)
}

// logEntries fills the log's entries from the store's.
func logEntries(es []store.LogEntry) []render.LogEntry {
	out := make([]render.LogEntry, len(es))
	for i, e := range es {
		v := e.Version
		out[i] = render.LogEntry{
			ID: e.ID, OffLine: e.OffLine, Version: v.Label, Party: v.Party, Date: v.Date, Commit: v.Commit,
			Number: e.Number, Change: e.Change, Renumbered: e.Renumbered, Moved: e.Moved, Gone: e.Gone, Others: e.Others, By: e.By,
			Name: e.Names.Name, Was: e.Names.Was, OthersNames: e.Names.Others,
		}
		if e.Names.SplitFrom {
			out[i].SplitFrom = e.Names.Others[0]
		}
	}
	return out
}
