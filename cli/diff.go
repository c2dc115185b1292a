package cli

import (
	"fmt"
	"os"

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
}

func newDiffCmd(g *globals, runF func(*DiffOptions) error) *cobra.Command {
	opts := &DiffOptions{g: g}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Clause-by-clause diff of two versions or two files",
		Long: `Compare two versions clause by clause: renumbered and moved clauses are
recognised, and changed amounts, percentages, dates, time limits, act codes,
modal verbs, negations and cross-references are reported as typed facts.

Exit status: 0 no substantive difference, 1 differences found, 2 error.`,
		Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Old, opts.New = args[0], args[1]
			if err := checkFormat(opts.Format, "text", "json", "markdown", "html"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return diffRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Format, "format", "text", "output format: text, json or markdown")
	f.BoolVar(&opts.All, "all", false, "list unchanged clauses too")
	f.StringVar(&opts.Concordance, "concordance", "", "file of 'old = new' lines that override the aligner")
	f.Int64Var(&opts.MaxSize, "max-size", 0, "largest input file accepted, in bytes (default 64 MiB)")
	return cmd
}

func diffRun(opts *DiffOptions) error {
	var copts clause.CompareOptions
	if opts.Concordance != "" {
		f, err := os.Open(opts.Concordance)
		if err != nil {
			return fmt.Errorf("%s: %w", opts.Concordance, err)
		}
		defer f.Close()
		conc, err := clause.ParseConcordance(f)
		if err != nil {
			return fmt.Errorf("%s: %w", opts.Concordance, err)
		}
		copts.Align.Concordance = conc
	}
	oldDoc, err := loadFile(opts.Old, opts.MaxSize)
	if err != nil {
		return err
	}
	newDoc, err := loadFile(opts.New, opts.MaxSize)
	if err != nil {
		return err
	}
	d := clause.Compare(oldDoc, newDoc, copts)
	oldSide := render.Side{Ref: opts.Old}
	newSide := render.Side{Ref: opts.New}
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
