package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/fixtures/demo"
	"github.com/avenant-dev/avenant/internal/sanitize"
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
version and BASE to the version HEAD answers. BASE and HEAD may instead be
two files, compared with no store needed. With no store in reach, the
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
	fileLike := func(arg string) bool { return isFile(arg) || looksLikePath(arg) }
	if opts.Base != "" && fileLike(opts.Base) && fileLike(opts.Head) {
		return filesSource(opts)
	}
	// One file beside a version, or a file alone, was looked up as a
	// version: "v2.txt: unknown revision", of the demo's temporary store
	// when no store was in reach.
	for _, arg := range []string{opts.Base, opts.Head} {
		if arg != "" && isFile(arg) {
			return nil, nil, fmt.Errorf("%s: a file: avenant tui compares two files (tui BASE HEAD), or versions of the store, not one of each", sanitize.Name(arg))
		}
	}
	if !opts.Demo {
		s, err := openStore(opts.g)
		switch {
		case err == nil:
			return tui.NewStoreSource(s), func() {}, nil
		case opts.g.store != "" || !errors.Is(err, store.ErrNotStore):
			return nil, nil, err
		}
	}
	opts.Demo = true
	return demoSource(opts.g)
}

// filesSource compares two files, as avenant diff does, store or not:
// the first is the base, the second the head, each named by its file name
// (by its path when both have the same name). They are imported into a
// temporary store, removed by the cleanup, so that history and blame are
// the store's own, as the CLI gives them.
func filesSource(opts *TUIOptions) (tui.Source, func(), error) {
	base, head := filepath.Base(opts.Base), filepath.Base(opts.Head)
	if base == head && opts.Base != opts.Head {
		base, head = opts.Base, opts.Head
	}
	dir, err := os.MkdirTemp("", "avenant-files-")
	if err != nil {
		return nil, nil, err
	}
	remove := func() { os.RemoveAll(dir) }
	s, err := store.Init(dir)
	if err != nil {
		remove()
		return nil, nil, err
	}
	s.Notices = io.Discard
	date := time.Now().UTC().Format("2006-01-02")
	answers := ""
	// "old" and "new", as the diff's JSON names its sides: a fallback must
	// be a label the store takes ("head" is git's HEAD to it).
	for _, f := range []struct{ path, name, fallback string }{{opts.Base, base, "old"}, {opts.Head, head, "new"}} {
		d, err := loadFile(f.path, 0)
		if err != nil {
			remove()
			return nil, nil, err
		}
		// A party and a source name are stored as typed, and refused with
		// a control character in them; a file's name here is only shown,
		// so it is cleaned.
		party := sanitize.Line(f.name)
		if strings.TrimSpace(party) == "" {
			party = f.fallback
		}
		o := store.ImportOptions{Party: party, Label: store.FileLabel(party, f.fallback), Date: date, Base: answers, SourceName: sanitize.Line(f.path)}
		if o.Label == answers {
			// The same file twice: the head needs a label of its own.
			o.Label = f.fallback
		}
		res, err := s.Import(d, o)
		if err != nil {
			// A name the store takes for something else (a party's
			// branch, the other file's label). If the fallback fails
			// too, the first error is the one that says why.
			o.Label = f.fallback
			if r, again := s.Import(d, o); again == nil {
				res, err = r, nil
			}
		}
		if err != nil {
			remove()
			return nil, nil, err
		}
		answers = res.Version.Label
		if f.fallback == "old" {
			opts.Base = answers
		} else {
			opts.Head = answers
		}
	}
	return tui.NewStoreSource(s), remove, nil
}

// demoSource builds the embedded demo negotiation into a temporary store
// (package demo) and reads it as any store; the cleanup removes it.
func demoSource(g *globals) (tui.Source, func(), error) {
	s, remove, err := demo.Open()
	if err != nil {
		return nil, nil, err
	}
	s.Notices = g.io.Err
	return tui.NewStoreSource(s), remove, nil
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
