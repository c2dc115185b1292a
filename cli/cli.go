// Package cli wires avenant's subcommands: each has an Options struct, a
// constructor that parses flags into it, and a run function that does the
// work, so that flag parsing and behaviour are tested apart. Errors are
// mapped to the exit codes of the public contract in one place, Run.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/avenant-dev/avenant/internal/lazyre"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/store"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
)

// IO is the environment a command runs in.
type IO struct {
	In       io.Reader
	Out, Err io.Writer
	// OutTTY tells whether Out is a terminal, for --color auto.
	OutTTY bool
	Getenv func(string) string
	// LookupEnv tells an empty variable from an unset one (PAGER= turns
	// the pager off); when nil, an empty variable counts as unset.
	LookupEnv func(string) (string, bool)
}

// System is the IO of the running process.
func System() *IO {
	return &IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, OutTTY: term.IsTerminal(os.Stdout.Fd()), Getenv: os.Getenv, LookupEnv: os.LookupEnv}
}

// Exit codes, like diff(1).
const (
	ExitOK      = 0
	ExitDiffers = 1
	ExitError   = 2
)

// errDiffers is returned by a command that found differences, or a check
// that flagged something: exit 1 and no message, like diff(1).
var errDiffers = errors.New("differences found")

// usageError marks a mistake on the command line (exit 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// Run executes avenant with args and returns the exit code: 0 for no
// difference, 1 for differences found, 2 for any error, printed as one
// line on stderr.
func Run(args []string, io *IO) int {
	root, g := newRoot(io)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	// The user reads the pager to the end before any error shows.
	g.closePager()
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errDiffers):
		return ExitDiffers
	}
	// Errors echo arguments, file names, --store and URLs: whatever they
	// hold, the line printed carries no escape sequence and stays one line,
	// and no URL in it shows its credentials.
	msg := sanitize.Line(store.RedactURL(strings.TrimSpace(err.Error())))
	// Cobra's own complaints about arguments and flags do not say which
	// command they are about.
	if cmd != nil && cmd != root && cobraComplaint.MatchString(msg) {
		msg = cmd.Name() + ": " + msg
	}
	fmt.Fprintln(io.Err, "avenant: "+msg)
	return ExitError
}

var cobraComplaint = lazyre.New(`^(accepts |requires |unknown (flag|shorthand)|flag needs|invalid argument|bad flag)`)

// globals are the flags every command shares.
type globals struct {
	store string
	color string
	quiet bool
	// noPager is --no-pager: long output goes straight to the terminal.
	noPager bool
	io      *IO
	// pager, when not nil, is standard output sent through $PAGER.
	pager *pager
}

func newRoot(io *IO) (*cobra.Command, *globals) {
	g := &globals{io: io}
	root := &cobra.Command{
		Use:           "avenant",
		Short:         "Version and diff negotiated convention texts clause by clause",
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       Version(),
	}
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	// Global flags are checked before any command runs, even one that
	// prints no colour.
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		if _, err := g.useColor(); err != nil {
			return err
		}
		if err := checkFormatFlag(cmd); err != nil {
			return err
		}
		g.startPager(cmd)
		return nil
	}
	pf := root.PersistentFlags()
	pf.StringVar(&g.store, "store", "", "store directory (default: nearest enclosing store)")
	pf.StringVar(&g.color, "color", "auto", "colour output: auto, always or never (NO_COLOR is honoured)")
	pf.BoolVarP(&g.quiet, "quiet", "q", false, "print nothing but errors")
	pf.BoolVar(&g.noPager, "no-pager", false, "never send long output through the pager ($AVENANT_PAGER, $PAGER or less -FRX)")
	root.AddCommand(
		newVersionCmd(g, nil),
		newStoreShowCmd(g, nil),
		newDiffCmd(g, nil),
		newApplyCmd(g, nil),
		newInitCmd(g, nil),
		newImportCmd(g, nil),
		newVersionsCmd(g, nil),
		newLogCmd(g, nil),
		newBlameCmd(g, nil),
		newCheckCmd(g, nil),
		newTariffsCmd(g, nil),
		newCompareCmd(g, nil),
		newTUICmd(g, nil),
		newDemoCmd(g, nil),
		newCloneCmd(g, nil),
		newPushCmd(g, nil),
		newPullCmd(g, nil),
		newGCCmd(g, nil),
	)
	setRootTUI(root, g)
	markPaged(root)
	setCompletions(root, g)
	return root, g
}

// useColor decides --color auto|always|never, honouring NO_COLOR.
func (g *globals) useColor() (bool, error) {
	switch g.color {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		return g.io.OutTTY && g.io.Getenv("NO_COLOR") == "" && g.io.Getenv("TERM") != "dumb", nil
	}
	return false, usageError{fmt.Errorf("--color: %q is not one of auto, always, never", g.color)}
}

// checkFormat validates --format against what a command supports.
func checkFormat(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return usageError{fmt.Errorf("--format: %q is not one of %s", format, strings.Join(allowed, ", "))}
}
