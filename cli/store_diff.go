package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/store"
)

// newStoreDiffCmd is avenant diff: two files as before, or two store
// versions (any two, across party branches too), or a version and a file.
func newStoreDiffCmd(g *globals, runF func(*DiffOptions) error) *cobra.Command {
	if runF == nil {
		runF = storeDiffRun
	}
	return newDiffCmd(g, runF)
}

func storeDiffRun(opts *DiffOptions) error {
	if isFile(opts.Old) && isFile(opts.New) {
		return diffRun(opts)
	}
	var copts clause.CompareOptions
	if opts.Concordance != "" {
		f, err := os.Open(opts.Concordance)
		if err != nil {
			return err
		}
		conc, err := clause.ParseConcordance(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", opts.Concordance, err)
		}
		copts.Align.Concordance = conc
	}
	var s *store.Store
	side := func(arg string) (*clause.Document, render.Side, error) {
		if isFile(arg) {
			d, err := loadFile(arg, opts.MaxSize)
			return d, render.Side{Ref: arg}, err
		}
		if s == nil {
			var err error
			if s, err = openStore(opts.g); err != nil {
				return nil, render.Side{}, fmt.Errorf("%s: not a file, and %w", arg, err)
			}
		}
		v, err := s.Resolve(arg)
		if err != nil {
			return nil, render.Side{}, err
		}
		d, err := s.Document(v)
		if err != nil {
			return nil, render.Side{}, err
		}
		ids := make([]string, len(d.Clauses))
		for i := range d.Clauses {
			ids[i] = d.Clauses[i].ID
		}
		return d, render.Side{Ref: v.Label, Party: v.Party, Date: v.Date, IDs: ids}, nil
	}
	oldDoc, oldSide, err := side(opts.Old)
	if err != nil {
		return err
	}
	newDoc, newSide, err := side(opts.New)
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
