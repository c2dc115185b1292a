package cli

import (
	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/render"
)

// ShowOptions hold what avenant show needs.
type ShowOptions struct {
	g       *globals
	Target  string
	Clause  string
	Format  string
	MaxSize int64
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
				opts.Clause = args[1]
			}
			if err := checkFormat(opts.Format, "text", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return showRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text or json")
	cmd.Flags().Int64Var(&opts.MaxSize, "max-size", 0, "largest input file accepted, in bytes (default 64 MiB)")
	return cmd
}

func showRun(opts *ShowOptions) error {
	doc, err := loadFile(opts.Target, opts.MaxSize)
	if err != nil {
		return err
	}
	out := opts.g.io.Out
	if opts.Format == "json" {
		return render.WriteJSON(out, render.NewOutlineDoc(opts.Target, doc, nil))
	}
	return render.OutlineText(out, doc, nil)
}
