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
	"strconv"
	"strings"

	"github.com/avenant-dev/avenant/internal/lazyre"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/store"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
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

// errTerminal tells whether Err is a terminal, where progress is redrawn
// in place; a log or a pipe gets lines.
func (io *IO) errTerminal() bool {
	f, ok := io.Err.(*os.File)
	return ok && term.IsTerminal(f.Fd())
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
	root, g := newRoot(io, args)
	return execute(root, g, args, io)
}

// execute runs the tree root on args.
func execute(root *cobra.Command, g *globals, args []string, io *IO) int {
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
	// Errors echo arguments, file names, --store, URLs and headings:
	// whatever they hold, the line printed carries no escape sequence and
	// stays one line, yet drops nothing, so that it names what was given
	// (sanitize.Visible), and no URL in it shows its credentials.
	msg := sanitize.Visible(store.RedactURL(strings.TrimSpace(err.Error())))
	// Cobra's own complaints about arguments and flags do not say which
	// command they are about.
	if cmd != nil && cmd != root && cobraComplaint.MatchString(msg) {
		msg = cmd.Name() + ": " + msg
	}
	// pflag passes on strconv's wording, which repeats the value and names
	// a Go function: 'invalid argument "1k" for "--max-size" flag:
	// strconv.ParseInt: parsing "1k": invalid syntax'.
	msg = strconvWording.ReplaceAllString(msg, "")
	fmt.Fprintln(io.Err, "avenant: "+msg)
	return ExitError
}

var strconvWording = lazyre.New(`strconv\.Parse\w+: parsing "(?:[^"\\]|\\.)*": `)

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

// commands are avenant's subcommands in the order the help lists them, by
// name so that a run can build the one it executes and no other: building
// all of them (flags, usages, completions) is a good part of what a short
// command like version costs.
var commands = []subcommand{
	{"version", func(g *globals) *cobra.Command { return newVersionCmd(g, nil) }},
	{"show", func(g *globals) *cobra.Command { return newStoreShowCmd(g, nil) }},
	{"diff", func(g *globals) *cobra.Command { return newDiffCmd(g, nil) }},
	{"apply", func(g *globals) *cobra.Command { return newApplyCmd(g, nil) }},
	{"init", func(g *globals) *cobra.Command { return newInitCmd(g, nil) }},
	{"import", func(g *globals) *cobra.Command { return newImportCmd(g, nil) }},
	{"versions", func(g *globals) *cobra.Command { return newVersionsCmd(g, nil) }},
	{"log", func(g *globals) *cobra.Command { return newLogCmd(g, nil) }},
	{"blame", func(g *globals) *cobra.Command { return newBlameCmd(g, nil) }},
	{"check", func(g *globals) *cobra.Command { return newCheckCmd(g, nil) }},
	{"tariffs", func(g *globals) *cobra.Command { return newTariffsCmd(g, nil) }},
	{"compare", func(g *globals) *cobra.Command { return newCompareCmd(g, nil) }},
	{"tui", func(g *globals) *cobra.Command { return newTUICmd(g, nil) }},
	{"demo", func(g *globals) *cobra.Command { return newDemoCmd(g, nil) }},
	{"clone", func(g *globals) *cobra.Command { return newCloneCmd(g, nil) }},
	{"push", func(g *globals) *cobra.Command { return newPushCmd(g, nil) }},
	{"pull", func(g *globals) *cobra.Command { return newPullCmd(g, nil) }},
	{"gc", func(g *globals) *cobra.Command { return newGCCmd(g, nil) }},
}

type subcommand struct {
	name  string
	build func(*globals) *cobra.Command
}

// commandFor finds the subcommand called name.
func commandFor(name string) (subcommand, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return subcommand{}, false
}

// invoked is the subcommand args run, as cobra finds it, when that is
// certain without the whole tree: the first argument after the global
// flags, which it reads from the root's flag set. It is "" for anything
// else (no subcommand, help, completion, a flag of a subcommand before its
// name, shorthands run together), for which the whole tree is built and
// cobra decides as always.
func invoked(args []string, global *pflag.FlagSet) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		var f *pflag.Flag
		switch {
		case !strings.HasPrefix(a, "-"):
			return a
		case strings.HasPrefix(a, "--"):
			name, _, hasValue := strings.Cut(a[2:], "=")
			if f = global.Lookup(name); f != nil && hasValue {
				continue
			}
		case len(a) == 2:
			f = global.ShorthandLookup(a[1:])
		}
		if f == nil {
			return ""
		}
		if f.NoOptDefVal == "" {
			i++ // its value
		}
	}
	return ""
}

// newRoot builds the command tree for args: the root and, when args name
// a subcommand for certain, that one alone, else all of them.
func newRoot(io *IO, args []string) (*cobra.Command, *globals) {
	g := &globals{io: io}
	root := &cobra.Command{
		Use:           "avenant",
		Short:         "Version and diff negotiated convention texts clause by clause",
		SilenceErrors: true,
		SilenceUsage:  true,
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
		// 0 stands for the default inside; typed, 0 or -1 would lift
		// nothing and bound nothing, silently.
		if f := cmd.Flags().Lookup("max-size"); f != nil && f.Changed {
			if n, err := strconv.ParseInt(f.Value.String(), 10, 64); err == nil && n <= 0 {
				return usageError{fmt.Errorf("--max-size: %d is not a size: give the largest file accepted, in bytes", n)}
			}
		}
		g.startPager(cmd)
		return nil
	}
	pf := root.PersistentFlags()
	pf.StringVar(&g.store, "store", "", "store directory (default: nearest enclosing store)")
	pf.StringVar(&g.color, "color", "auto", "colour output: auto, always or never (NO_COLOR is honoured)")
	pf.BoolVarP(&g.quiet, "quiet", "q", false, "print nothing but errors")
	pf.BoolVar(&g.noPager, "no-pager", false, "never send long output through the pager ($AVENANT_PAGER, $PAGER or less -FRX)")
	if c, ok := commandFor(invoked(args, pf)); ok {
		root.AddCommand(c.build(g))
		// Nor cobra's completion command and its four shells: a run
		// that asks for completion builds the whole tree.
		root.CompletionOptions.DisableDefaultCmd = true
	} else {
		// avenant --version: a flag of the root alone, so only a run
		// that may execute the root reads the build information.
		root.Version = Version()
		for _, c := range commands {
			root.AddCommand(c.build(g))
		}
	}
	root.SetHelpCommand(helpCommand())
	setRootTUI(root, g)
	markPaged(root)
	setCompletions(root, g)
	return root, g
}

// helpCommand is cobra's help command but for a topic it does not know,
// which cobra answered with the root's help and exit 0: a script asking
// 'avenant help improt' went on as if it had its answer. It is exit 2
// naming the topic, as an unknown command is.
func helpCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		RunE: func(c *cobra.Command, args []string) error {
			// The root takes arguments of its own (files for the terminal
			// UI): a topic that finds no command finds the root.
			cmd, _, err := c.Root().Find(args)
			if err != nil || cmd == nil || cmd == c.Root() && len(args) > 0 {
				return usageError{fmt.Errorf("help: no command %q (avenant --help lists them)", strings.Join(args, " "))}
			}
			cmd.InitDefaultHelpFlag()
			cmd.InitDefaultVersionFlag()
			return cmd.Help()
		},
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			cmd, _, err := c.Root().Find(args)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []cobra.Completion
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
					names = append(names, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
	}
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
