package cli

import (
	"bytes"
	"fmt"
	"slices"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
)

// VersionsOptions hold what avenant versions needs.
type VersionsOptions struct {
	g      *globals
	Format string
}

// VersionsSchema names the JSON document of avenant versions.
const VersionsSchema = "avenant.versions/v1"

type versionsDoc struct {
	Schema   string        `json:"schema"`
	Versions []versionJSON `json:"versions"`
}

type versionJSON struct {
	Label   string `json:"label"`
	Party   string `json:"party"`
	Kind    string `json:"kind"`
	Date    string `json:"date"`
	Commit  string `json:"commit"`
	Base    string `json:"base"`
	Clauses int    `json:"clauses"`
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
	if opts.Format == "json" {
		doc := versionsDoc{Schema: VersionsSchema, Versions: []versionJSON{}}
		for _, v := range vs {
			doc.Versions = append(doc.Versions, versionJSON{v.Label, v.Party, v.Kind, v.Date, v.Commit, v.Base, v.Clauses})
		}
		return render.WriteJSON(out, doc)
	}
	if len(vs) == 0 {
		_, err := fmt.Fprintf(out, "no version yet in %s: add one with avenant import\n", sanitize.Line(s.Dir))
		return err
	}
	// Newest first, with the answer graph the TUI draws.
	newest := slices.Clone(vs)
	slices.Reverse(newest)
	gv := make([]render.GraphVersion, len(newest))
	for i, v := range newest {
		gv[i] = render.GraphVersion{Label: v.Label, Base: v.Base}
	}
	graph := render.VersionGraph(gv)
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\tLABEL\tPARTY\tKIND\tDATE\tCOMMIT\tCLAUSES\tANSWERS")
	for i, v := range newest {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", graph[i], sanitize.Text(v.Label), sanitize.Text(v.Party), sanitize.Text(v.Kind), sanitize.Line(v.Date), short(v.Commit), v.Clauses, sanitize.Line(v.Base))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return trimmed(out, &buf)
}
