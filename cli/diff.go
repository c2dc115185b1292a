package cli

import (
	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/render"
)

// DiffOptions hold what avenant diff needs.
type DiffOptions struct {
	g           *globals
	Old, New    string
	Format      string
	All         bool
	Concordance string
	MaxSize     int64
	// Amends reads New as amending instructions applied to Old.
	Amends bool
}

func newDiffCmd(g *globals, runF func(*DiffOptions) error) *cobra.Command {
	opts := &DiffOptions{g: g}
	cmd := &cobra.Command{
		Use:     "diff OLD NEW",
		Example: "  avenant diff RA-2023 CNAM-2024-02\n  avenant diff old.md new.md --format json",
		Short:   "Clause-by-clause diff of two versions or two files",
		Long: `Compare two versions clause by clause: renumbered and moved clauses are
recognised, and changed amounts, percentages, dates, time limits, act codes,
modal verbs, negations and cross-references are reported as typed facts.
OLD and NEW are versions of the store (labels, tags, commits, party
branches) or files, no store needed; "-" reads one of them from standard
input, as text.

Exit status: 0 no substantive difference, 1 differences found, 2 error.`,
		Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Old, opts.New = args[0], args[1]
			if runF != nil {
				return runF(opts)
			}
			return diffRun(opts)
		},
	}
	f := cmd.Flags()
	formatFlag(cmd, &opts.Format, "text", "json", "markdown", "html")
	f.BoolVar(&opts.All, "all", false, "list unchanged clauses too")
	f.StringVar(&opts.Concordance, "concordance", "", "file of 'old = new' lines that override the aligner")
	f.Int64Var(&opts.MaxSize, "max-size", 0, "largest input file accepted, in bytes (default 64 MiB)")
	f.BoolVar(&opts.Amends, "amends", false, "NEW is an avenant written as amending instructions: diff OLD with what applying it gives")
	return cmd
}

func diffRun(opts *DiffOptions) error {
	l := &docLoader{g: opts.g, maxSize: opts.MaxSize}
	oldDoc, newDoc, oldSide, newSide, err := l.loadCompared(opts.Old, opts.New, opts.Amends)
	if err != nil {
		return err
	}
	copts, err := compareOptions(opts.Concordance, oldDoc, newDoc)
	if err != nil {
		return err
	}
	d := clause.Compare(oldDoc, newDoc, copts)
	if err := writeDiff(opts.g, d, oldSide, newSide, opts.Format, opts.All); err != nil {
		return err
	}
	if d.Differs() {
		return errDiffers
	}
	return nil
}

// writeDiff prints a diff in the chosen format; --quiet prints nothing.
func writeDiff(g *globals, d *clause.Diff, old, new render.Side, format string, all bool) error {
	if g.quiet {
		return nil
	}
	out := g.io.Out
	switch format {
	case "json":
		return render.WriteJSON(out, render.NewDiffDoc(d, old, new, all))
	case "markdown":
		return render.DiffMarkdown(out, d, old, new, all)
	case "html":
		return render.DiffHTML(out, d, old, new, all)
	}
	color, err := g.useColor()
	if err != nil {
		return err
	}
	st := render.Styles{}
	if color {
		st = render.ColorStyles()
	}
	return render.DiffText(out, d, old, new, all, st)
}
