package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/store"
)

// GCOptions hold what avenant gc needs.
type GCOptions struct {
	g *globals
	// Grace spares unreachable objects and temporary files younger than
	// it.
	Grace time.Duration
}

func newGCCmd(g *globals, runF func(*GCOptions) error) *cobra.Command {
	opts := &GCOptions{g: g}
	cmd := &cobra.Command{
		Use:   "gc",
		Short: "Pack the store and remove what killed imports left behind",
		Long: `Repair the branches, pack every object of every version into one pack,
and remove the objects no version reaches and the temporary files that
interrupted imports left, once older than --grace (default 1h; 0 removes
them all: run it so only when no git command is writing to the store).
Imports do the same every ` + fmt.Sprint(store.RepackEvery) + ` versions.`,
		Args: cobra.NoArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return gcRun(opts)
		},
	}
	cmd.Flags().DurationVar(&opts.Grace, "grace", store.GCGrace, "keep unreachable objects and temporary files younger than this")
	return cmd
}

func gcRun(opts *GCOptions) error {
	if opts.Grace < 0 {
		return usageError{fmt.Errorf("--grace: %s is negative", opts.Grace)}
	}
	s, err := openStore(opts.g)
	if err != nil {
		return err
	}
	r, err := s.GC(opts.Grace)
	if err != nil {
		return err
	}
	if !opts.g.quiet {
		fmt.Fprintf(opts.g.io.Out, "packed %s; removed %s and %s\n",
			render.Count(r.Packed, "object"), render.Count(r.Unreachable, "unreachable object"), render.Count(r.TempFiles, "temporary file"))
	}
	return nil
}
