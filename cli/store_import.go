package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/heap"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/reader"
	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/store"
)

// ImportOptions hold what avenant import needs.
type ImportOptions struct {
	g           *globals
	Files       []string
	Party       string
	Labels      []string
	Date        string
	Kind        string
	Base        string
	Concordance string
	MaxSize     int64
	// Changes says what to do with a .docx's tracked changes: accept,
	// reject, or split into two versions.
	Changes string
	// Amends is an amending text to apply to --base: the version stored
	// is the consolidated text.
	Amends string
	// dateDefault is set when --date was not given: Date is today's.
	dateDefault bool
}

func newImportCmd(g *globals, runF func(*ImportOptions) error) *cobra.Command {
	opts := &ImportOptions{g: g}
	cmd := &cobra.Command{
		Use:   "import FILE... --party P [--label L]... | import --amends AMENDMENT --party P --label L",
		Short: "Commit documents as new versions of the store",
		Long: `Split each FILE into clauses and commit it as a new version, in order. Each
version answers --base (default: the latest version); its clauses keep their
stable ids through renumbering and moves. Labels come from the --label flags,
one per file, else from the file names; each becomes a tag. A file identical
to its base is a version of its own (the party accepts the text as it
stands); the same file imported again under the same party and label is not.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if opts.Amends != "" {
				return nil
			}
			return cobra.MinimumNArgs(1)(cmd, args)
		},
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			if opts.Amends != "" {
				return importAmends(opts)
			}
			return importRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Party, "party", "", "the party that wrote the version (required)")
	f.StringArrayVar(&opts.Labels, "label", nil, "the version's label, one per file (default: the file name)")
	f.StringVar(&opts.Date, "date", "", "the document's date, YYYY-MM-DD (default: today)")
	f.StringVar(&opts.Kind, "kind", "", "the kind of version, free text; the texts' own words: reglement-arbitral, proposition, contre-proposition, convention, avenant… (default \""+store.DefaultKind+"\")")
	f.StringVar(&opts.Base, "base", "", "the version this one answers (default: the latest)")
	f.StringVar(&opts.Concordance, "concordance", "", "file of 'old = new' lines that override the aligner")
	f.Int64Var(&opts.MaxSize, "max-size", 0, "largest input file accepted, in bytes (default 64 MiB)")
	f.StringVar(&opts.Changes, "changes", changesAccept, changesUsage)
	f.StringVar(&opts.Amends, "amends", "", "an avenant written as amending instructions: store its consolidation with --base, and which instruction changed which clause")
	return cmd
}

func importRun(opts *ImportOptions) error {
	if err := opts.check(); err != nil {
		return err
	}
	mode, split, err := parseChanges(opts.Changes)
	if err != nil {
		return err
	}
	var copts clause.CompareOptions
	if opts.Concordance != "" {
		if copts.Align.Concordance, err = readConcordance(opts.Concordance); err != nil {
			return err
		}
	}
	s, err := openStore(opts.g)
	if err != nil {
		return err
	}
	// Every file is read and split before the first is committed: a bad
	// file among several leaves the store as it was.
	files, err := readImports(opts.Files, reader.Options{MaxSize: opts.MaxSize, Changes: mode}, split)
	if err != nil {
		return err
	}
	if err := refuseAmending(s, files, opts.Base, opts.Date); err != nil {
		return err
	}
	io := opts.g.io
	progress := len(files) > 1 && !opts.g.quiet && io.errTerminal()
	for i, f := range files {
		if progress {
			fmt.Fprintf(io.Err, "\r\x1b[Kimporting %d/%d %s…", i+1, len(files), sanitize.Line(f.path))
		}
		results, err := f.importInto(s, opts.versionOptions(i, copts))
		if progress {
			fmt.Fprint(io.Err, "\r\x1b[K")
		}
		if errors.Is(err, clause.ErrConcordance) {
			return fmt.Errorf("%s: %w", opts.Concordance, err)
		}
		if err != nil {
			return err
		}
		for _, r := range results {
			printImport(opts.g, f.path, r)
		}
	}
	return nil
}

// check validates the flags and fills in the default date.
func (opts *ImportOptions) check() error {
	if opts.Party == "" {
		return usageError{fmt.Errorf("--party is required")}
	}
	if len(opts.Labels) > 0 && len(opts.Labels) != len(opts.Files) {
		return usageError{fmt.Errorf("%d --label for %d files: give one per file, or none", len(opts.Labels), len(opts.Files))}
	}
	if opts.Date == "" {
		opts.Date, opts.dateDefault = time.Now().UTC().Format("2006-01-02"), true
	}
	return nil
}

// versionOptions describe the version the i-th file becomes: its label
// from --label or the file name; only the first answers --base, each
// other the one imported before it.
func (opts *ImportOptions) versionOptions(i int, copts clause.CompareOptions) store.ImportOptions {
	file := opts.Files[i]
	label := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	if len(opts.Labels) > 0 {
		label = opts.Labels[i]
	}
	base := ""
	if i == 0 {
		base = opts.Base
	}
	return store.ImportOptions{
		Party: opts.Party, Label: label, Kind: opts.Kind, Date: opts.Date, DateDefault: opts.dateDefault, Base: base,
		SourceName: filepath.Base(file), Compare: copts,
	}
}

// importFile is one file to import, read once: the digest recorded is of
// the bytes parsed.
type importFile struct {
	path string
	// doc is the parsed text; nil under --changes split, which imports
	// both sides of tracked.
	doc     *clause.Document
	sum     string
	tracked *trackedDocs
}

// readImports reads and parses every file, within ropts' bounds.
func readImports(paths []string, ropts reader.Options, split bool) ([]importFile, error) {
	var size int64
	for _, path := range paths {
		size += fileSize(path)
	}
	// Each file is compared with the version it follows.
	heap.Expect(2 * size)
	files := make([]importFile, len(paths))
	for i, path := range paths {
		files[i].path = path
		if split {
			t, err := reader.ReadFileTracked(path, ropts)
			if err != nil {
				return nil, err
			}
			if files[i].tracked, err = parseTracked(t); err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			continue
		}
		src, err := reader.ReadSource(path, ropts)
		if err != nil {
			if !strings.HasPrefix(err.Error(), path+":") {
				err = fmt.Errorf("%s: %w", path, err)
			}
			return nil, err
		}
		doc, err := clause.ParseBounded(src.Text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		files[i].doc, files[i].sum = doc, src.SHA256
	}
	return files, nil
}

// importInto commits the file as one version, or two for tracked changes.
func (f *importFile) importInto(s *store.Store, opts store.ImportOptions) ([]*store.ImportResult, error) {
	if f.tracked != nil {
		rejected, accepted, err := importTracked(s, f.tracked, opts)
		if err != nil {
			return nil, importError(f.path, err)
		}
		var results []*store.ImportResult
		for _, r := range []*store.ImportResult{rejected, accepted} {
			if r != nil {
				results = append(results, r)
			}
		}
		return results, nil
	}
	opts.SourceSHA256 = f.sum
	r, err := s.Import(f.doc, opts)
	if err != nil {
		return nil, importError(f.path, err)
	}
	return []*store.ImportResult{r}, nil
}

// importError says where an import failed: the store's path for a
// failure of the store (its lock, its files), which the message names
// already, the file's for anything else.
func importError(path string, err error) error {
	var se *store.StoreError
	if errors.As(err, &se) || errors.Is(err, clause.ErrConcordance) {
		return err // the caller names the concordance
	}
	return fmt.Errorf("%s: %w", path, err)
}

// printImport reports one imported version, or that there was nothing to
// import, unless --quiet; and, whatever the flags, on stderr, a version
// that repeats one its party has already (a label mistyped on a re-run).
func printImport(g *globals, file string, r *store.ImportResult) {
	if r.Repeats != "" {
		v := r.Version
		fmt.Fprintf(g.io.Err, "avenant: %s: %s holds the same text as %s, which %s imported already: it is a version of its own, under its new label, and %s stays\n",
			sanitize.Line(file), sanitize.Line(v.Label), sanitize.Line(r.Repeats), sanitize.Line(v.Party), sanitize.Line(r.Repeats))
	}
	if g.quiet {
		return
	}
	w := g.io.Out
	if r.Version == nil {
		fmt.Fprintf(w, "nothing to import: %s is identical to %s\n", sanitize.Line(file), sanitize.Line(r.Identical))
		return
	}
	v := r.Version
	fmt.Fprintf(w, "%s %s (%s, %s, %s): %s", render.ShortCommit(v.Commit), sanitize.Line(v.Label), sanitize.Line(v.Party), sanitize.Line(v.Kind), sanitize.Line(v.Date), render.Count(v.Clauses, "clause"))
	if r.Diff != nil && v.Base != "" {
		fmt.Fprintf(w, "; against %s: %s", sanitize.Line(v.Base), render.SummaryLine(r.Diff.Summary))
	}
	fmt.Fprintln(w)
}
