package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/store"
)

// BlameOptions hold what avenant blame needs.
type BlameOptions struct {
	g        *globals
	Clause   string
	At       string
	Cosmetic bool
	Format   string
	// Line leaves out the versions off the line that leads to --at.
	Line bool
}

func newBlameCmd(g *globals, runF func(*BlameOptions) error) *cobra.Command {
	opts := &BlameOptions{g: g}
	cmd := &cobra.Command{
		Use:   "blame CLAUSE",
		Short: "Who introduced each word of a clause: party, version, date",
		Long: `Print the text of CLAUSE as of --at (default: the latest version), cut into
spans attributed to the version that introduced them, word by word.
Cosmetic revisions (spacing, typography) keep the earlier attribution
unless --cosmetic. CLAUSE is named as in 'avenant show'. Blame follows the
line of versions that --at answers; words a version took from an earlier
one off that line (a convention adopting a union's counter-proposal) keep
that version's credit. The versions off the line that changed the clause
are listed after the text, "also proposed: …"; --line leaves them out.
Words of a version imported with --amends name the instruction that
wrote them.`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			var err error
			if opts.Clause, err = clauseArg(args[0]); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return blameRun(opts)
		},
	}
	f := cmd.Flags()
	formatFlag(cmd, &opts.Format, "text", "json")
	f.StringVar(&opts.At, "at", "", "the version to blame (default: the latest)")
	f.BoolVar(&opts.Cosmetic, "cosmetic", false, "attribute cosmetic revisions too")
	f.BoolVar(&opts.Line, "line", false, "leave out the versions off the line that leads to --at")
	return cmd
}

func blameRun(opts *BlameOptions) error {
	s, at, id, err := resolveAt(opts.g, opts.At, opts.Clause)
	if err != nil {
		return err
	}
	if at == nil {
		if at, err = s.Latest(); err != nil {
			return err
		}
	}
	lines, err := s.BlameLines(id, at, opts.Cosmetic)
	if err != nil {
		return err
	}
	if opts.g.quiet {
		return nil // --quiet: the exit status is the answer
	}
	out := opts.g.io.Out
	if opts.Format == "json" {
		return render.WriteJSON(out, render.BlameDoc{Schema: render.BlameSchema, Clause: id, At: at.Label, Spans: blameSpans(store.TextSpans(lines))})
	}
	color, err := opts.g.useColor()
	if err != nil {
		return err
	}
	if err := render.BlameText(out, blameSpans(lines), color); err != nil {
		return err
	}
	if opts.Line {
		return nil
	}
	log, err := s.Log(id, at)
	if err != nil {
		return err
	}
	var off []render.LogEntry
	for _, e := range logEntries(log) {
		if e.OffLine {
			off = append(off, e)
		}
	}
	if len(off) > 0 {
		if _, err := fmt.Fprintln(out); err != nil {
			return err
		}
	}
	return render.AlsoProposed(out, off)
}

// blameSpans fills the blame's spans from the store's: each with its
// version and the amending instruction that wrote it.
func blameSpans(spans []store.Span) []render.BlameSpan {
	out := make([]render.BlameSpan, len(spans))
	for i, sp := range spans {
		v := sp.Version
		out[i] = render.BlameSpan{Text: sp.Text, Version: v.Label, Party: v.Party, Date: v.Date, Commit: v.Commit, By: sp.By, Seq: v.Seq}
	}
	return out
}
