package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/amend"
	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/parties"
	"github.com/avenant-dev/avenant/render"
)

// CompareOptions hold what avenant compare needs.
type CompareOptions struct {
	g *globals
	// Args are the base then its answers, as revisions or files; empty
	// means the store's latest version with several answers, and them.
	Args    []string
	Format  string
	All     bool
	MaxSize int64
}

func newCompareCmd(g *globals, runF func(*CompareOptions) error) *cobra.Command {
	opts := &CompareOptions{g: g}
	cmd := &cobra.Command{
		Use:     "compare [BASE VERSION...]",
		Example: "  avenant compare CNAM-2024-02 MGF-2024-03 UFMLS-2024-03\n  avenant compare --format html > plenary.html",
		Short:   "Every answer against the common base, one column per answer",
		Long: `Compare each answer with the base it answers, never with another answer:
one row per clause of the base, plus a row for each clause an answer adds,
and one column per answer saying what that party does to the clause
(unchanged, cosmetic, modified with its facts, removed, renumbered, moved,
split, merged). Answers that make the same change (the same text, or the
same facts) are shown in agreement.

BASE and VERSIONs are labels, tags, commits, party branches or files ("-"
reads one from standard input). With no argument, in a store: the latest
version that several versions answer, and all its answers.

Formats: text (changed clauses, facts beneath), json (avenant.compare/v1,
every clause), markdown (a table to circulate), html (a self-contained page
with each party's wording side by side). --all lists unchanged clauses too.

Exit status: 0 no answer changes the base substantively, 1 some answer
does, 2 error.`,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Args = args
			if len(args) == 1 {
				return usageError{errors.New("compare: give a base and at least one version answering it, or nothing")}
			}
			if runF != nil {
				return runF(opts)
			}
			return compareRun(opts)
		},
	}
	f := cmd.Flags()
	formatFlag(cmd, &opts.Format, render.CompareFormats...)
	f.BoolVar(&opts.All, "all", false, "list the clauses no answer changes too")
	f.Int64Var(&opts.MaxSize, "max-size", 0, "largest input file accepted, in bytes (default 64 MiB)")
	return cmd
}

func compareRun(opts *CompareOptions) error {
	args := opts.Args
	if len(args) == 0 {
		var err error
		if args, err = latestAnswered(opts.g); err != nil {
			return err
		}
	}
	l := &docLoader{g: opts.g, maxSize: opts.MaxSize}
	base, baseSide, format, err := l.loadBase(args[0])
	if err != nil {
		return err
	}
	docs, sides := []*clause.Document{base}, []render.Side{fileSide(args[0], baseSide)}
	for _, arg := range args[1:] {
		d, side, err := l.load(arg)
		if err != nil {
			return err
		}
		side = fileSide(arg, side)
		if d, err = l.answer(d, base, sides[0].Ref, format, arg); err != nil {
			return err
		}
		docs, sides = append(docs, d), append(sides, side)
	}
	if err := nameApart(args, sides); err != nil {
		return err
	}
	if err := l.answering(args, sides); err != nil {
		return err
	}
	t := parties.Compare(docs[0], docs[1:], clause.CompareOptions{})
	if !opts.g.quiet {
		noteExcerpts(opts.g, t, sides)
		if err := render.WriteCompare(opts.g.io.Out, t, sides[0], sides[1:], opts.Format, opts.All); err != nil {
			return err
		}
	}
	if t.Differs() {
		return errDiffers
	}
	return nil
}

// answer is what answer d, read from arg, makes of base. A union answering
// in amendments answers with what they make of the base: compared as
// written, its column read as the whole base removed. So would amending
// instructions aimed at another text (the convention where the base is
// the CNAM's proposal, a code, another profession's convention), and a
// stored version that is amending instructions: neither says what the
// party asks of the base, and each is an error naming it. Two drafts of
// an avenant written as amendments compare as texts, and so does a bill
// against a step of it that holds no article (a commission that adopted
// no text: its title alone); a base of instructions answered by a text
// is an error too.
func (l *docLoader) answer(d, base *clause.Document, baseRef string, format amend.Format, arg string) (*clause.Document, error) {
	if !amend.InstructsAgainst(d, base) {
		if amend.InstructsAgainst(base, d) {
			// A base of instructions answered by a text: every answer's
			// column read as the whole base replaced.
			return nil, amend.BaseInstructs(sanitize.Line(baseRef), sanitize.Name(arg))
		}
		return d, nil
	}
	if !amend.Amends(d, base) {
		return nil, fmt.Errorf("%s: %w, aimed at another text than %s: compare it with the text it amends, or compare what it makes of that text (avenant apply)", sanitize.Name(arg), errAmending, sanitize.Line(baseRef))
	}
	if !isFile(arg) {
		return nil, fmt.Errorf("%s: %w, stored as a text of its own: import it with import --amends, or give its file", sanitize.Name(arg), errAmending)
	}
	c, err := consolidate(l.g, base, nil, format, arg, l.maxSize)
	if err != nil {
		return nil, err
	}
	return c.Doc, nil
}

// noteExcerpts says on stderr which answers remove most of the base's
// articles: a union often sends only the articles it changes, and such an
// excerpt reads as every other article removed, in agreement with a party
// that does remove one. Nothing tells it from a text that removes them, so
// the table stays as it is and the reader is told.
func noteExcerpts(g *globals, t *parties.Table, sides []render.Side) {
	articles := 0
	for _, c := range t.Base.Clauses {
		if c.Kind == clause.KindArticle {
			articles++
		}
	}
	for j, d := range t.Diffs {
		removed := 0
		for _, c := range d.Changes {
			for _, o := range c.Old {
				if c.Kind == clause.Removed && t.Base.Clauses[o].Kind == clause.KindArticle {
					removed++
				}
			}
		}
		if removed >= 3 && 2*removed > articles {
			fmt.Fprintf(g.io.Err, "avenant: %s: removes %d of the %d articles of %s: if it holds only the articles its party changes, give the whole text, or the others read as removed\n",
				sanitize.Line(sides[j+1].Ref), removed, articles, sanitize.Line(sides[0].Ref))
		}
	}
}

// fileSide names a file's column by the file's name, not its path.
func fileSide(arg string, side render.Side) render.Side {
	if isFile(arg) {
		side.Ref = strings.TrimSuffix(filepath.Base(arg), filepath.Ext(arg))
	}
	return side
}

// nameFilesApart names by their paths as given the files that their names
// alone would not tell apart (rep.md in two folders, a.md beside a.html),
// in the columns of compare and tariffs.
func nameFilesApart(args []string, sides []render.Side) {
	count := map[string]int{}
	for _, s := range sides {
		count[s.Ref]++
	}
	for i := range sides {
		if count[sides[i].Ref] > 1 && isFile(args[i]) {
			sides[i].Ref = args[i]
		}
	}
}

// nameApart gives each column a name of its own, as the agreements and
// the facts beneath the rows name the answers by it (see nameFilesApart).
// A version or a file given twice is an error: its columns could not be
// told apart.
func nameApart(args []string, sides []render.Side) error {
	nameFilesApart(args, sides)
	first := map[string]string{}
	for i, s := range sides {
		prev, ok := first[s.Ref]
		if !ok {
			first[s.Ref] = args[i]
			continue
		}
		as := ""
		if prev != args[i] {
			as = fmt.Sprintf(" (as %q and %q)", sanitize.Line(prev), sanitize.Line(args[i]))
		}
		return fmt.Errorf("compare: %s is given twice%s: give each version once", sanitize.Name(s.Ref), as)
	}
	return nil
}

// answering notes, for each answer from the store that answers another
// version than the base, the version it answers: the header says "answered
// by", and a union answering another union's counter-proposal did not
// answer the CNAM's proposal it is laid against.
func (l *docLoader) answering(args []string, sides []render.Side) error {
	for j := 1; j < len(args); j++ {
		if isFile(args[j]) || l.s == nil {
			continue
		}
		v, err := l.s.Resolve(args[j])
		if err != nil {
			return err
		}
		if v.Base != sides[0].Ref {
			sides[j].Answers = v.Base
		}
	}
	return nil
}

// latestAnswered names the store's latest version with several answers,
// then those answers.
func latestAnswered(g *globals) ([]string, error) {
	s, err := openStore(g)
	if err != nil {
		return nil, err
	}
	vs, err := s.Versions()
	if err != nil {
		return nil, err
	}
	labels, bases := make([]string, len(vs)), make([]string, len(vs))
	for i, v := range vs {
		labels[i], bases[i] = v.Label, v.Base
	}
	base, answers := parties.LatestAnswered(labels, bases)
	if base < 0 {
		return nil, errors.New("compare: no version of the store has two answers yet: name a base and the versions to compare with it")
	}
	args := []string{vs[base].Label}
	for _, a := range answers {
		args = append(args, vs[a].Label)
	}
	return args, nil
}
