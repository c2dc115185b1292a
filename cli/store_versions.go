package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
)

// VersionsOptions hold what avenant versions needs.
type VersionsOptions struct {
	g      *globals
	Format string
}

func newVersionsCmd(g *globals, runF func(*VersionsOptions) error) *cobra.Command {
	opts := &VersionsOptions{g: g}
	cmd := &cobra.Command{
		Use:   "versions",
		Short: "List the versions, newest first, with the graph of which answers which",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return versionsRun(opts)
		},
	}
	formatFlag(cmd, &opts.Format, "text", "json")
	return cmd
}

func versionsRun(opts *VersionsOptions) error {
	s, err := openStore(opts.g)
	if err != nil {
		return err
	}
	vs, err := s.Versions()
	if err != nil {
		return err
	}
	if opts.g.quiet {
		return nil // --quiet: the exit status is the answer
	}
	out := opts.g.io.Out
	doc := render.VersionsDoc{Schema: render.VersionsSchema, Versions: []render.VersionEntry{}}
	for _, v := range vs {
		doc.Versions = append(doc.Versions, render.VersionEntry{Label: v.Label, Party: v.Party, Kind: v.Kind, Date: v.Date, Commit: v.Commit, Base: v.Base, Clauses: v.Clauses})
	}
	if opts.Format == "json" {
		return render.WriteJSON(out, doc)
	}
	if len(vs) == 0 {
		_, err := fmt.Fprintf(out, "no version yet in %s: add one with avenant import\n", sanitize.Line(s.Dir))
		return err
	}
	return render.VersionsText(out, doc)
}
