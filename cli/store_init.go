package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/store"
)

// InitOptions hold what avenant init needs.
type InitOptions struct {
	g   *globals
	Dir string
}

func newInitCmd(g *globals, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{g: g}
	return &cobra.Command{
		Use:   "init [DIR]",
		Short: "Create a store: a git repository marked as an avenant store",
		Long: `Create a store in DIR (default: the current directory). A store is a plain
git repository with avenant.store = 1 in .git/config; avenant refuses to
write to any other repository.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Dir = "."
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return initRun(opts)
		},
	}
}

func initRun(opts *InitOptions) error {
	s, err := store.Init(opts.Dir)
	if err != nil {
		return err
	}
	if !opts.g.quiet {
		fmt.Fprintf(opts.g.io.Out, "initialised an empty avenant store in %s\n", sanitize.Line(s.Dir))
	}
	return nil
}
