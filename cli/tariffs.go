package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/check"
	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/tariff"
)

// TariffsOptions hold what avenant tariffs needs.
type TariffsOptions struct {
	g *globals
	// Args are the versions, as files or revisions, oldest first; empty
	// means the line of store versions that leads to the head.
	Args    []string
	Format  string
	MaxSize int64
}

func newTariffsCmd(g *globals, runF func(*TariffsOptions) error) *cobra.Command {
	opts := &TariffsOptions{g: g}
	cmd := &cobra.Command{
		Use:   "tariffs [REV|FILE...]",
		Short: "The tariff grid: what each version says each act costs",
		Long: `Print the tariff grid: one row per act code, from tariff tables and from the
articles that price a code, one column per version, oldest first. Each cell
is the amount as written, with the date it applies from when the text gives
one, and where it comes from when that is an article; "–" where a version
prices no such act. A code priced differently in two places of one version
shows both.

With no argument, the versions are those of the store on the line that leads
to the head (each version's base, back to the first). Otherwise each argument
is a file or a store version, in the order given.

Formats: text (cells that differ from the version before are highlighted, or
marked "*"), json (avenant.tariffs/v1), csv (values as numbers, for a
spreadsheet), markdown.`,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Args = args
			if runF != nil {
				return runF(opts)
			}
			return tariffsRun(opts)
		},
	}
	f := cmd.Flags()
	formatFlag(cmd, &opts.Format, render.TariffsFormats...)
	f.Int64Var(&opts.MaxSize, "max-size", 0, "largest input file accepted, in bytes (default 64 MiB)")
	return cmd
}

func tariffsRun(opts *TariffsOptions) error {
	versions, err := tariffVersions(opts)
	if err != nil {
		return err
	}
	if opts.g.quiet {
		return nil
	}
	color, err := opts.g.useColor()
	if err != nil {
		return err
	}
	st := render.Styles{}
	if color {
		st = render.ColorStyles()
	}
	for _, v := range versions {
		warnUnreadTables(opts.g, v.Label, v.Doc)
	}
	return render.WriteTariffs(opts.g.io.Out, tariff.Build(versions), opts.Format, st)
}

// tariffVersions loads the columns of the grid: the arguments, or the
// store's line to its head.
func tariffVersions(opts *TariffsOptions) ([]tariff.Version, error) {
	l := &docLoader{g: opts.g, maxSize: opts.MaxSize}
	var out []tariff.Version
	if len(opts.Args) > 0 {
		sides := make([]render.Side, len(opts.Args))
		for i, arg := range opts.Args {
			d, side, err := l.load(arg)
			if err != nil {
				return nil, err
			}
			sides[i] = fileSide(arg, side)
			out = append(out, tariff.Version{Doc: d})
		}
		nameFilesApart(opts.Args, sides)
		for i, side := range sides {
			out[i].Label, out[i].Party, out[i].Date = side.Ref, side.Party, side.Date
		}
		return out, nil
	}
	s, err := openStore(opts.g)
	if err != nil {
		return nil, err
	}
	head, err := s.Latest()
	if err != nil {
		return nil, err
	}
	if head == nil {
		return nil, errors.New("the store has no version yet: give files, or import a version first")
	}
	line, err := s.Line(head)
	if err != nil {
		return nil, err
	}
	for i := range line {
		d, err := s.Document(&line[i])
		if err != nil {
			return nil, err
		}
		out = append(out, tariff.Version{Label: line[i].Label, Party: line[i].Party, Date: line[i].Date, Doc: d})
	}
	return out, nil
}

// warnUnreadTables says on stderr, for each table of d written one cell
// per line that no reader could take into rows, that it was seen and its
// prices not read: the grid would otherwise just lack its rows.
func warnUnreadTables(g *globals, ref string, d *clause.Document) {
	for _, i := range d.UnreadTables() {
		fmt.Fprintf(g.io.Err, "avenant: warning: %s: %s: %s\n", sanitize.Text(ref), sanitize.Text(d.Name(i)), check.UnreadTableMessage)
	}
}
