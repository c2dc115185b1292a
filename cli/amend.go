package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/amend"
	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/reader"
	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/store"
)

// consolidated is an amending text applied to its base, and the SHA-256
// of the amending file.
type consolidated struct {
	*amend.Consolidation
	sum string
}

// consolidate reads the amending text in file amendPath and applies it to
// base, written back in format (amend.Consolidate). The avenant's own
// provisions (articles that amend nothing) are named on stderr, never
// dropped unsaid.
func consolidate(g *globals, base *clause.Document, spaces *amend.Spaces, format amend.Format, amendPath string, maxSize int64) (*consolidated, error) {
	src, err := reader.ReadSource(amendPath, reader.Options{MaxSize: maxSize})
	if err != nil {
		return nil, err
	}
	c, err := amend.ConsolidateKeeping(base, spaces, src.Text, format)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", amendPath, err)
	}
	if len(c.Own) > 0 && !g.quiet {
		fmt.Fprintf(g.io.Err, "avenant: %s: %s: the avenant's own provisions, amending nothing: not part of the consolidated text\n", amendPath, strings.Join(c.Own, ", "))
	}
	for _, n := range c.Notes {
		if !g.quiet {
			fmt.Fprintf(g.io.Err, "avenant: %s: %s\n", amendPath, n)
		}
	}
	return &consolidated{Consolidation: c, sum: src.SHA256}, nil
}

// formatOf is the format a consolidated text is written in: the base's,
// plain text for a .txt file, Markdown for anything else (what the other
// readers turn a document into).
func formatOf(sourceName string) amend.Format {
	if strings.EqualFold(filepath.Ext(sourceName), ".txt") {
		return amend.Plain
	}
	return amend.Markdown
}

// ApplyOptions hold what avenant apply needs.
type ApplyOptions struct {
	g               *globals
	Base, Amendment string
	Format          string
	MaxSize         int64
}

func newApplyCmd(g *globals, runF func(*ApplyOptions) error) *cobra.Command {
	opts := &ApplyOptions{g: g}
	cmd := &cobra.Command{
		Use:     "apply BASE AMENDMENT",
		Example: "  avenant apply convention.md avenant-1.md > consolidee.md\n  avenant apply CONV-2024-06 avenant-1.pdf --format json",
		Short:   "Apply an avenant written as amending instructions; print the consolidated text",
		Long: `Read AMENDMENT (any format avenant reads) as amending instructions ("Au
second alinéa de l'article 19.4, le mot « peut » est remplacé par le mot
« doit ».") and apply them to BASE, a file or a version of the store. The
consolidated text is printed in the base's format (plain text for a .txt
base, Markdown otherwise), or its outline with --format json.

Every instruction is applied or none: one that cannot be (its target is
missing, its words are not there or are there twice) is exit status 2, with
the amending article, the point and the reason, and nothing is printed.`,
		Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Base, opts.Amendment = args[0], args[1]
			if runF != nil {
				return runF(opts)
			}
			return applyRun(opts)
		},
	}
	formatFlag(cmd, &opts.Format, "text", "json")
	cmd.Flags().Int64Var(&opts.MaxSize, "max-size", 0, "largest input file accepted, in bytes (default 64 MiB)")
	return cmd
}

func applyRun(opts *ApplyOptions) error {
	l := &docLoader{g: opts.g, maxSize: opts.MaxSize, keepBytes: true}
	base, side, format, err := l.loadBase(opts.Base)
	if err != nil {
		return err
	}
	var spaces *amend.Spaces
	if opts.Format != "json" && l.kept != nil {
		// The text printed is the base's where no instruction touched
		// it, no-break spaces included.
		spaces = amend.ReadSpaces(base, opts.Base, l.kept, reader.Options{MaxSize: opts.MaxSize})
		if spaces == nil && !opts.g.quiet {
			why := "its own characters cannot be told in what it reads as"
			if strings.EqualFold(filepath.Ext(opts.Base), ".pdf") {
				why = "a PDF's text is laid out from its glyphs"
			}
			fmt.Fprintf(opts.g.io.Err, "avenant: %s: its no-break spaces and heading levels are not kept (%s): the consolidated text has plain spaces, each heading at its depth\n", sanitize.Name(opts.Base), why)
		}
	}
	c, err := consolidate(opts.g, base, spaces, format, opts.Amendment, opts.MaxSize)
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		return render.WriteJSON(opts.g.io.Out, render.NewOutlineDoc(side.Ref+" + "+opts.Amendment, c.Doc))
	}
	_, err = opts.g.io.Out.Write([]byte(c.Text))
	return err
}

// loadBase loads the text an avenant amends, and the format its
// consolidation is written in.
func (l *docLoader) loadBase(arg string) (*clause.Document, render.Side, amend.Format, error) {
	d, side, err := l.load(arg)
	if err != nil {
		return nil, side, "", err
	}
	name := arg
	if l.s != nil && !isFile(arg) {
		if v, err := l.s.Resolve(arg); err == nil {
			name = v.SourceName
		}
	}
	return d, side, formatOf(name), nil
}

// importAmends stores the consolidation of the amending text --amends
// applied to --base (default: the newest version dated no later) as a new version, with
// the trace of each instruction in changes.json.
func importAmends(opts *ImportOptions) error {
	if len(opts.Files) > 0 {
		return usageError{fmt.Errorf("--amends takes the amending text: no other file")}
	}
	opts.Files = []string{opts.Amends}
	if err := opts.check(); err != nil {
		return err
	}
	s, err := openStore(opts.g)
	if err != nil {
		return err
	}
	base, err := baseVersion(s, opts.Base, opts.Date)
	if err != nil {
		return err
	}
	if base == nil {
		return fmt.Errorf("%s: the store %s has no version dated %s or before: import the text it amends first, or name it with --base", opts.Amends, s.Dir, opts.Date)
	}
	baseDoc, err := s.Document(base)
	if err != nil {
		return err
	}
	c, err := consolidate(opts.g, baseDoc, nil, formatOf(base.SourceName), opts.Amends, opts.MaxSize)
	if err != nil {
		return err
	}
	label := strings.TrimSuffix(filepath.Base(opts.Amends), filepath.Ext(opts.Amends))
	if len(opts.Labels) == 1 {
		label = opts.Labels[0]
	}
	r, err := s.Import(c.Doc, store.ImportOptions{
		Party: opts.Party, Label: label, Kind: opts.Kind, Date: opts.Date, DateDefault: opts.dateDefault, Base: base.Commit,
		SourceName: filepath.Base(opts.Amends), SourceSHA256: c.sum,
		Amends: base.Label, By: storeSteps(c.ByNew), ByRemoved: c.ByOld,
	})
	if err != nil {
		return importError(opts.Amends, err)
	}
	printImport(opts.g, opts.Amends, r)
	return nil
}

// baseVersion is the version a new one dated date answers: --base, else
// the newest version dated no later, as for any import (nil when none).
func baseVersion(s *store.Store, rev, date string) (*store.Version, error) {
	if rev != "" {
		return s.Resolve(rev)
	}
	return s.DefaultBase(date)
}

// storeSteps converts the instructions behind each clause of a
// consolidation into what the store records.
func storeSteps(byNew map[int][]amend.Step) map[int][]store.Step {
	out := make(map[int][]store.Step, len(byNew))
	for i, steps := range byNew {
		for _, st := range steps {
			out[i] = append(out[i], store.Step(st))
		}
	}
	return out
}

// loadCompared loads what diff and check compare: two versions or files,
// or, with amends, a base and its consolidation by the amending text
// newArg. Without amends, an amending text compared with a text that is
// none is refused: the diff would report the whole base removed.
func (l *docLoader) loadCompared(oldArg, newArg string, amends bool) (oldDoc, newDoc *clause.Document, old, new render.Side, err error) {
	if !amends {
		if oldDoc, newDoc, old, new, err = l.loadPair(oldArg, newArg); err != nil {
			return
		}
		amends, against := amend.Laid(oldDoc, newDoc)
		switch {
		case amends:
			// A law amending the code older is titled with is aimed
			// at it too.
			err = fmt.Errorf("%s: %w: to compare %s with what they make of it, add --amends", newArg, errAmending, oldArg)
		case against == 1:
			err = aimedElsewhere(newArg, oldArg)
		case against == -1:
			err = aimedElsewhere(oldArg, newArg)
		}
		return
	}
	base, side, format, err := l.loadBase(oldArg)
	if err != nil {
		return nil, nil, old, new, err
	}
	c, err := consolidate(l.g, base, nil, format, newArg, l.maxSize)
	if err != nil {
		return nil, nil, old, new, err
	}
	return base, c.Doc, side, render.Side{Ref: newArg}, nil
}

// aimedElsewhere is the error of amending instructions arg laid against
// other, a text that is none, and which they name nothing of (a law
// amending "l'article L. 162-5 du code de la sécurité sociale" against a
// convention): compared as texts, the diff read as the whole of other
// removed, exit 1.
func aimedElsewhere(arg, other string) error {
	return fmt.Errorf("%s: %w, aimed at another text than %s: compare it with the text it amends (with --amends, or avenant apply, when %s is that text)", sanitize.Line(arg), errAmending, sanitize.Line(other), sanitize.Line(other))
}

// errAmending is the error of an amending text given where a text is
// expected.
var errAmending = amend.ErrInstructions

// refuseAmending refuses to import as a version of its own an amending
// text aimed at the version it would answer: stored so, it would read as
// the whole base removed. import --amends stores what it makes of it.
func refuseAmending(s *store.Store, files []importFile, baseRev, date string) error {
	if len(files) == 0 || files[0].doc == nil {
		return nil
	}
	base, err := baseVersion(s, baseRev, date)
	if err != nil || base == nil {
		return nil // the import itself says what is wrong with --base
	}
	baseDoc, err := s.Document(base)
	if err != nil {
		return nil
	}
	f := files[0]
	switch amends, against := amend.Laid(baseDoc, f.doc); {
	case amends:
		return fmt.Errorf("%s: %w: to store what it makes of %s, use import --amends %s", f.path, errAmending, base.Label, f.path)
	case against == 1:
		return aimedElsewhere(f.path, base.Label)
	}
	return nil
}
