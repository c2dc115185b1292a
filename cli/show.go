package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/check"
	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
)

// ShowOptions hold what avenant show needs.
type ShowOptions struct {
	g       *globals
	Target  string
	Clause  string
	Format  string
	MaxSize int64
	// Check prints, instead of the outline, what the consistency rule
	// finds in the version alone (see avenant check).
	Check bool
}

func newShowCmd(g *globals, runF func(*ShowOptions) error) *cobra.Command {
	opts := &ShowOptions{g: g}
	cmd := &cobra.Command{
		Use:   "show FILE|REV [CLAUSE]",
		Short: "Print a version's outline, or one clause's text",
		Args:  cobra.RangeArgs(1, 2),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Target = args[0]
			if len(args) == 2 {
				var err error
				if opts.Clause, err = clauseArg(args[1]); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return showRun(opts)
		},
	}
	formatFlag(cmd, &opts.Format, "text", "json")
	cmd.Flags().Int64Var(&opts.MaxSize, "max-size", 0, "largest input file accepted, in bytes (default 64 MiB)")
	cmd.Flags().BoolVar(&opts.Check, "check", false, "check the version against itself: an article pricing an act code otherwise than the tariff table")
	return cmd
}

func showRun(opts *ShowOptions) error {
	doc, err := loadFile(opts.Target, opts.MaxSize)
	if err != nil {
		return err
	}
	if opts.Check {
		return showCheck(opts, opts.Target, doc)
	}
	out := opts.g.io.Out
	if opts.Format == "json" {
		return render.WriteJSON(out, render.NewOutlineDoc(opts.Target, doc))
	}
	return render.OutlineText(out, doc)
}

// showCheck runs the consistency rule on one version and prints its
// findings as avenant check does, then a verdict; an error-level finding
// (a rules file can raise the rule) is exit status 1.
func showCheck(opts *ShowOptions, ref string, doc *clause.Document) error {
	rules, err := loadRules(&CheckOptions{g: opts.g})
	if err != nil {
		return err
	}
	rep := &check.Report{Old: render.Side{Ref: ref}, New: render.Side{Ref: ref}, Rules: []string{check.ConsistencyRule},
		RulesFile: rules.File, Findings: check.Consistency(doc, rules)}
	if rep.Findings == nil {
		rep.Findings = []check.Finding{}
	}
	if !opts.g.quiet {
		out := opts.g.io.Out
		if opts.Format == "json" {
			err = check.WriteJSON(out, rep)
		} else {
			err = check.WriteFindings(out, rep)
			if err == nil {
				_, err = fmt.Fprintf(out, "check %s %s\n", sanitize.Text(ref), check.Verdict(rep))
			}
		}
		if err != nil {
			return err
		}
	}
	if !rep.Passed() {
		return errDiffers
	}
	return nil
}
