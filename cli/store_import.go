package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/clause"
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
}

func newImportCmd(g *globals, runF func(*ImportOptions) error) *cobra.Command {
	opts := &ImportOptions{g: g}
	cmd := &cobra.Command{
		Use:   "import FILE... --party P [--label L]...",
		Short: "Commit documents as new versions of the store",
		Long: `Split each FILE into clauses and commit it as a new version, in order. Each
version answers --base (default: the latest version); its clauses keep their
stable ids through renumbering and moves. Labels come from the --label flags,
one per file, else from the file names; each becomes a tag. A file identical
to its base is a version of its own (the party accepts the text as it
stands); the same file imported again under the same party and label is not.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			return importRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Party, "party", "", "the party that wrote the version (required)")
	f.StringArrayVar(&opts.Labels, "label", nil, "the version's label, one per file (default: the file name)")
	f.StringVar(&opts.Date, "date", "", "the document's date, YYYY-MM-DD (default: today)")
	f.StringVar(&opts.Kind, "kind", "", "the kind of version: proposal, counter-proposal, signed… (default \""+store.DefaultKind+"\")")
	f.StringVar(&opts.Base, "base", "", "the version this one answers (default: the latest)")
	f.StringVar(&opts.Concordance, "concordance", "", "file of 'old = new' lines that override the aligner")
	f.Int64Var(&opts.MaxSize, "max-size", 0, "largest input file accepted, in bytes (default 64 MiB)")
	f.StringVar(&opts.Changes, "changes", changesAccept, changesUsage)
	return cmd
}

func importRun(opts *ImportOptions) error {
	if opts.Party == "" {
		return usageError{fmt.Errorf("--party is required")}
	}
	if len(opts.Labels) > 0 && len(opts.Labels) != len(opts.Files) {
		return usageError{fmt.Errorf("%d --label for %d files: give one per file, or none", len(opts.Labels), len(opts.Files))}
	}
	if opts.Date == "" {
		opts.Date = time.Now().UTC().Format("2006-01-02")
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
	io := opts.g.io
	progress := false
	if f, ok := io.Err.(*os.File); ok && len(opts.Files) > 1 && !opts.g.quiet {
		progress = term.IsTerminal(f.Fd())
	}
	// Every file is read and split before the first is committed: a bad
	// file among several leaves the store as it was.
	type loaded struct {
		doc *clause.Document
		sum string
	}
	docs := make([]loaded, len(opts.Files))
	for i, file := range opts.Files {
		if split {
			if _, err := reader.ReadFileTracked(file, reader.Options{MaxSize: opts.MaxSize}); err != nil {
				return err
			}
			continue
		}
		doc, err := loadFileWith(file, reader.Options{MaxSize: opts.MaxSize, Changes: mode})
		if err != nil {
			if !strings.HasPrefix(err.Error(), file+":") {
				err = fmt.Errorf("%s: %w", file, err)
			}
			return err
		}
		raw, err := os.ReadFile(file)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return fmt.Errorf("%s: %w", file, err)
		}
		sum := sha256.Sum256(raw)
		docs[i] = loaded{doc, hex.EncodeToString(sum[:])}
	}
	for i, file := range opts.Files {
		label := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		if len(opts.Labels) > 0 {
			label = opts.Labels[i]
		}
		if progress {
			fmt.Fprintf(io.Err, "\r\x1b[Kimporting %d/%d %s…", i+1, len(opts.Files), sanitize.Line(file))
		}
		base := ""
		if i == 0 {
			base = opts.Base
		}
		if split {
			rejected, accepted, err := importTracked(s, trackedImport{
				File: file, Label: label, Party: opts.Party, Kind: opts.Kind, Date: opts.Date,
				Base: base, MaxSize: opts.MaxSize, Compare: copts,
			})
			if progress {
				fmt.Fprint(io.Err, "\r\x1b[K")
			}
			if err != nil {
				return err
			}
			if !opts.g.quiet {
				for _, r := range []*store.ImportResult{rejected, accepted} {
					if r != nil {
						printImport(io.Out, file, r)
					}
				}
			}
			continue
		}
		doc := docs[i].doc
		r, err := s.Import(doc, store.ImportOptions{
			Party: opts.Party, Label: label, Kind: opts.Kind, Date: opts.Date, Base: base,
			SourceName: filepath.Base(file), SourceSHA256: docs[i].sum, Compare: copts,
		})
		if progress {
			fmt.Fprint(io.Err, "\r\x1b[K")
		}
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		if !opts.g.quiet {
			printImport(io.Out, file, r)
		}
	}
	return nil
}

// printImport reports one imported version, or that there was nothing to
// import.
func printImport(w io.Writer, file string, r *store.ImportResult) {
	if r.Version == nil {
		fmt.Fprintf(w, "nothing to import: %s is identical to %s\n", sanitize.Line(file), sanitize.Line(r.Identical))
		return
	}
	v := r.Version
	fmt.Fprintf(w, "%s %s (%s, %s, %s): %d clauses", short(v.Commit), sanitize.Line(v.Label), sanitize.Line(v.Party), sanitize.Line(v.Kind), sanitize.Line(v.Date), v.Clauses)
	if r.Diff != nil && v.Base != "" {
		fmt.Fprintf(w, "; against %s: %s", sanitize.Line(v.Base), render.SummaryLine(r.Diff.Summary))
	}
	fmt.Fprintln(w)
}
