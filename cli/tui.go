package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/render"
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
	src, cleanup, err := tuiSource(opts)
	if err != nil {
		return err
	}
	defer cleanup()
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
	m := tui.New(src, tui.Options{Base: opts.Base, Head: opts.Head, Plain: !color})
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
// or when no store is in reach, else the store.
func tuiSource(opts *TUIOptions) (tui.Source, func(), error) {
	src, err := tui.FixtureSource()
	if err != nil {
		return nil, nil, err
	}
	return src, func() {}, nil
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
	var b strings.Builder
	if base == "" {
		base = "(nothing)"
	}
	fmt.Fprintf(&b, "%s → %s\n\n", render.Clean(base), render.Clean(head))
	for i := range d.Changes {
		c := &d.Changes[i]
		if !render.Listed(c) {
			continue
		}
		var flags []string
		if c.Renumbered {
			flags = append(flags, "renumbered")
		}
		if c.Moved {
			flags = append(flags, "moved")
		}
		line := fmt.Sprintf("%-10s %s", c.Kind, render.Clean(summaryName(d, c)))
		if len(flags) > 0 {
			line += "  (" + strings.Join(flags, ", ") + ")"
		}
		b.WriteString(line + "\n")
		for _, f := range c.Facts {
			b.WriteString("           • " + render.Clean(render.FactLine(f)) + "\n")
		}
	}
	b.WriteString("\n" + render.SummaryLine(d.Summary) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// summaryName names a change's clauses, old → new when they differ.
func summaryName(d *clause.Diff, c *clause.Change) string {
	name := func(doc *clause.Document, idx []int) string {
		parts := make([]string, len(idx))
		for i, k := range idx {
			parts[i] = strings.Join(strings.Fields(doc.Clauses[k].Label()), " ")
		}
		return strings.Join(parts, " + ")
	}
	o, n := name(d.Old, c.Old), name(d.New, c.New)
	switch {
	case o == "":
		return n
	case n == "", o == n:
		return o
	}
	return o + " → " + n
}
