package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/fixtures"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/reader"
	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/store"
	"github.com/avenant-dev/avenant/tui"
)

// TUIOptions hold what avenant tui, avenant demo and the bare avenant
// command need.
type TUIOptions struct {
	g *globals
	// Base and Head are the versions compared at start ("" for the latest
	// and the version it answers).
	Base, Head string
	// Demo opens the built-in demo negotiation even when a store is in reach.
	Demo bool
	// NoTUI prints the latest round's diff summary instead of opening the TUI.
	NoTUI bool
}

// errNoTerminal is returned when the TUI is asked for without a terminal.
var errNoTerminal = errors.New("the terminal UI needs a terminal on standard output (use --no-tui for a summary)")

func newTUICmd(g *globals, runF func(*TUIOptions) error) *cobra.Command {
	opts := &TUIOptions{g: g}
	cmd := &cobra.Command{
		Use:   "tui [BASE HEAD | HEAD]",
		Short: "Browse versions, clauses, diffs, history and blame in the terminal",
		Long: `Open the terminal UI on the store: the timeline of versions, the clause
outline of HEAD badged with what changed since BASE, each clause's word
diff and facts, its history and its blame. HEAD defaults to the latest
version and BASE to the version HEAD answers. With no store in reach, the
built-in demo negotiation is opened. Press ? for the keys.`,
		Args: cobra.MaximumNArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			switch len(args) {
			case 1:
				opts.Head = args[0]
			case 2:
				opts.Base, opts.Head = args[0], args[1]
			}
			if runF != nil {
				return runF(opts)
			}
			return tuiRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.NoTUI, "no-tui", false, "print the diff summary of the latest round instead")
	return cmd
}

func newDemoCmd(g *globals, runF func(*TUIOptions) error) *cobra.Command {
	opts := &TUIOptions{g: g, Demo: true}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Open the terminal UI on the built-in demo negotiation",
		Long: `Build the demo negotiation shipped in the binary (a règlement arbitral, the
CNAM's proposal, two union counter-proposals, the signed convention and an
avenant) into a temporary store and open the terminal UI on it; the store
is removed on exit.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return tuiRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.NoTUI, "no-tui", false, "print the diff summary of the latest round instead")
	return cmd
}

// setRootTUI makes the bare avenant command open the TUI, like avenant tui.
func setRootTUI(root *cobra.Command, g *globals) {
	opts := &TUIOptions{g: g}
	root.Args = cobra.NoArgs
	root.RunE = func(*cobra.Command, []string) error { return tuiRun(opts) }
}

// tuiRun finds the data (the store in reach, else the demo), then opens
// the TUI or prints the summary.
func tuiRun(opts *TUIOptions) error {
	src, remove, err := tuiSource(opts)
	if err != nil {
		return err
	}
	var once sync.Once
	cleanup := func() { once.Do(remove) }
	defer cleanup()
	// Closing the terminal sends SIGHUP, which Bubble Tea leaves to the
	// default action (exit at once): the demo's temporary store must go
	// first. SIGINT and SIGTERM end the program, and the deferred cleanup
	// runs.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		if _, ok := <-hup; ok {
			cleanup()
			os.Exit(128 + int(syscall.SIGHUP))
		}
	}()
	if opts.NoTUI {
		return summaryRun(opts, src)
	}
	io := opts.g.io
	if !io.OutTTY {
		return errNoTerminal
	}
	color, err := opts.g.useColor()
	if err != nil {
		return err
	}
	progOpts := []tea.ProgramOption{tea.WithInput(io.In), tea.WithOutput(io.Out)}
	if opts.g.color == "never" {
		progOpts = append(progOpts, tea.WithColorProfile(colorprofile.Ascii))
	}
	m := tui.New(src, tui.Options{Base: opts.Base, Head: opts.Head, Plain: !color, Demo: opts.Demo})
	final, err := tea.NewProgram(m, progOpts...).Run()
	if err != nil {
		return fmt.Errorf("terminal UI: %w", err)
	}
	if fm, ok := final.(tui.Model); ok && fm.Err() != nil {
		return fm.Err()
	}
	return nil
}

// tuiSource opens what the TUI reads: the demo negotiation when asked for
// or when no store is in reach (and no --store was given), else the store.
// The cleanup removes the demo's temporary store.
func tuiSource(opts *TUIOptions) (tui.Source, func(), error) {
	if opts.Base != "" && (isFile(opts.Base) || looksLikePath(opts.Base)) && (isFile(opts.Head) || looksLikePath(opts.Head)) {
		return filesSource(opts)
	}
	if !opts.Demo {
		s, err := openStore(opts.g)
		switch {
		case err == nil:
			return newStoreSource(s), func() {}, nil
		case opts.g.store != "" || !errors.Is(err, store.ErrNotStore):
			return nil, nil, err
		}
	}
	opts.Demo = true
	return demoSource(opts.g)
}

// filesSource compares two files, as avenant diff does, store or not:
// the first is the base, the second the head, each named by its file name
// (by its path when both have the same name).
func filesSource(opts *TUIOptions) (tui.Source, func(), error) {
	base, head := filepath.Base(opts.Base), filepath.Base(opts.Head)
	if base == head {
		base, head = opts.Base, opts.Head
	}
	src := tui.NewMemorySource()
	for _, f := range []struct{ path, label, answers string }{{opts.Base, base, ""}, {opts.Head, head, base}} {
		d, err := loadFile(f.path, 0)
		if err != nil {
			return nil, nil, err
		}
		if err := src.Add(tui.Version{Label: f.label, Base: f.answers}, d); err != nil {
			return nil, nil, err
		}
	}
	opts.Base, opts.Head = base, head
	return src, func() {}, nil
}

// demoSource imports the embedded demo negotiation into a temporary store,
// as avenant import would, one version per fixture with its party, label,
// kind, date and base.
func demoSource(g *globals) (tui.Source, func(), error) {
	dir, err := os.MkdirTemp("", "avenant-demo-")
	if err != nil {
		return nil, nil, fmt.Errorf("demo: %w", err)
	}
	cleanup := func() { os.RemoveAll(dir) }
	s, err := store.Init(dir)
	if err != nil {
		cleanup()
		return nil, nil, fmt.Errorf("demo: %w", err)
	}
	vs, err := fixtures.Versions()
	if err != nil {
		cleanup()
		return nil, nil, err
	}
	for _, v := range vs {
		raw, err := fixtures.FS.ReadFile(v.File)
		if err != nil {
			cleanup()
			return nil, nil, fmt.Errorf("demo: %w", err)
		}
		text, err := reader.Decode(raw)
		if err != nil {
			cleanup()
			return nil, nil, fmt.Errorf("demo: %s: %w", v.File, err)
		}
		sum := sha256.Sum256(raw)
		if _, err := s.Import(clause.Parse(text), store.ImportOptions{
			Party: v.Party, Label: v.Label, Kind: v.Kind, Date: v.Date, Base: v.Base,
			SourceName: v.File, SourceSHA256: hex.EncodeToString(sum[:]),
		}); err != nil {
			cleanup()
			return nil, nil, fmt.Errorf("demo: %s: %w", v.File, err)
		}
	}
	s.Notices = g.io.Err
	return newStoreSource(s), cleanup, nil
}

// storeSource reads the TUI's data from a store. Documents and diffs are
// cached: the TUI asks for the same pair again when the user goes back.
// Store calls are serialised, as the TUI runs its loads concurrently.
type storeSource struct {
	s     *store.Store
	mu    sync.Mutex
	docs  map[string]*clause.Document
	diffs map[[2]string]*clause.Diff
}

func newStoreSource(s *store.Store) *storeSource {
	return &storeSource{s: s, docs: map[string]*clause.Document{}, diffs: map[[2]string]*clause.Diff{}}
}

func tuiVersion(v *store.Version) tui.Version {
	return tui.Version{Label: v.Label, Party: v.Party, Kind: v.Kind, Date: v.Date, Base: v.Base, Commit: v.Commit, Clauses: v.Clauses}
}

// Versions implements tui.Source.
func (ss *storeSource) Versions() ([]tui.Version, error) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	vs, err := ss.s.Versions()
	if err != nil {
		return nil, err
	}
	out := make([]tui.Version, len(vs))
	for i := range vs {
		out[i] = tuiVersion(&vs[i])
	}
	return out, nil
}

func (ss *storeSource) document(rev string) (*clause.Document, error) {
	if rev == "" {
		return &clause.Document{}, nil
	}
	if d := ss.docs[rev]; d != nil {
		return d, nil
	}
	v, err := ss.s.Resolve(rev)
	if err != nil {
		return nil, err
	}
	d, err := ss.s.Document(v)
	if err != nil {
		return nil, err
	}
	ss.docs[rev] = d
	return d, nil
}

// Diff implements tui.Source: the two versions' documents, whose clause
// ids are the store's stable ids, compared clause by clause.
func (ss *storeSource) Diff(base, head string) (*clause.Diff, error) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	key := [2]string{base, head}
	if d := ss.diffs[key]; d != nil {
		return d, nil
	}
	od, err := ss.document(base)
	if err != nil {
		return nil, err
	}
	nd, err := ss.document(head)
	if err != nil {
		return nil, err
	}
	d := clause.Compare(od, nd, clause.CompareOptions{})
	ss.diffs[key] = d
	return d, nil
}

// Log implements tui.Source: the history on the line that leads to at
// (store.Log), sibling versions left out.
func (ss *storeSource) Log(id, at string) ([]tui.LogEntry, error) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	var v *store.Version
	if at != "" {
		var err error
		if v, err = ss.s.Resolve(at); err != nil {
			return nil, err
		}
	}
	es, err := ss.s.Log(id, v)
	if err != nil {
		return nil, err
	}
	out := make([]tui.LogEntry, 0, len(es))
	for _, e := range es {
		if !e.OffLine {
			out = append(out, tui.LogEntry{Version: tuiVersion(e.Version), ID: e.ID, Number: e.Number, Change: e.Change, Renumbered: e.Renumbered, Moved: e.Moved, By: e.By})
		}
	}
	return out, nil
}

// Blame implements tui.Source, skipping cosmetic revisions as avenant
// blame does by default.
func (ss *storeSource) Blame(id, at string) ([]tui.Span, error) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	var v *store.Version
	if at != "" {
		var err error
		if v, err = ss.s.Resolve(at); err != nil {
			return nil, err
		}
	}
	spans, err := ss.s.Blame(id, v, false)
	if err != nil {
		return nil, err
	}
	out := make([]tui.Span, len(spans))
	for i, sp := range spans {
		out[i] = tui.Span{Text: sp.Text, Version: tuiVersion(sp.Version)}
	}
	return out, nil
}

// summaryRun prints the diff of the latest version against the version it
// answers (or of BASE and HEAD when given): one line per change, its facts
// underneath, then the counts.
func summaryRun(opts *TUIOptions, src tui.Source) error {
	vs, err := src.Versions()
	if err != nil {
		return err
	}
	if len(vs) == 0 {
		return errors.New("the store holds no version yet")
	}
	head, base := opts.Head, opts.Base
	if head == "" {
		head = vs[len(vs)-1].Label
	}
	if base == "" {
		for _, v := range vs {
			if v.Label == head {
				base = v.Base
			}
		}
	}
	d, err := src.Diff(base, head)
	if err != nil {
		return err
	}
	if opts.g.quiet {
		return nil
	}
	return writeSummary(opts.g.io.Out, d, base, head)
}

func writeSummary(w io.Writer, d *clause.Diff, base, head string) error {
	if base == "" {
		base = "(nothing)"
	}
	if _, err := fmt.Fprintf(w, "%s → %s\n\n", sanitize.Text(base), sanitize.Text(head)); err != nil {
		return err
	}
	return render.DiffOverview(w, d, render.Styles{})
}
