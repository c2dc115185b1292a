package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/store"
)

// CloneOptions hold what avenant clone needs.
type CloneOptions struct {
	g   *globals
	URL string
	// Dir is where the clone goes; "" picks the URL's last element.
	Dir string
}

// RemoteCmdOptions hold what avenant push and pull need.
type RemoteCmdOptions struct {
	g *globals
	// Remote is a configured remote's name or a URL; "" means origin.
	Remote string
}

const remoteHelp = `REMOTE is a remote's name (default: origin, the one clone records; add
others with git remote add) or a URL: file://, git://, ssh:// or scp-like
[user@]host:path (through the ssh agent), https://, or a local path. Only
fast-forwards happen: if the remote and this store each hold a version the
other lacks on the same branch, nothing is written anywhere.`

func newCloneCmd(g *globals, runF func(*CloneOptions) error) *cobra.Command {
	opts := &CloneOptions{g: g}
	return &cobra.Command{
		Use:   "clone URL [DIR]",
		Short: "Copy a shared store, with every party branch and version",
		Long: `Copy the store at URL into DIR (default: the URL's last element without
.git), with every party branch and every version tag, and record URL
as the remote origin. A repository that is not an avenant store is refused,
and nothing is left behind.`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.URL = args[0]
			if len(args) == 2 {
				opts.Dir = args[1]
			}
			if runF != nil {
				return runF(opts)
			}
			return cloneRun(opts)
		},
	}
}

func cloneRun(opts *CloneOptions) error {
	// ^C or a TERM stops the transfer, and the clone then removes what it
	// wrote, rather than dying with it half made.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s, err := store.Clone(opts.URL, opts.Dir, store.RemoteOptions{Context: ctx})
	if err != nil && ctx.Err() != nil {
		return fmt.Errorf("%s: clone interrupted; nothing was left behind", sanitize.Line(store.RedactURL(opts.URL)))
	}
	if err != nil {
		return err
	}
	s.Notices = opts.g.io.Err
	vs, err := s.Versions()
	if err != nil {
		return err
	}
	if !opts.g.quiet {
		fmt.Fprintf(opts.g.io.Out, "cloned %s into %s: %s, the latest %s\n",
			sanitize.Line(store.RedactURL(opts.URL)), sanitize.Line(s.Dir), render.Count(len(vs), "version"), sanitize.Line(vs[len(vs)-1].Label))
	}
	return nil
}

func newPushCmd(g *globals, runF func(*RemoteCmdOptions) error) *cobra.Command {
	return newRemoteCmd(g, runF, pushRun, "push [REMOTE]",
		"Send every party branch and every version to a remote",
		`Send every party branch and every version tag to REMOTE (main, which
follows this store's latest import, stays local). All the remote's
references are checked first: a branch that has diverged, or a tag on
another commit, refuses the whole push (pull first). A branch on which the
remote is ahead is left alone.`)
}

// newRemoteCmd builds push and pull, which take the same optional REMOTE.
func newRemoteCmd(g *globals, runF, run func(*RemoteCmdOptions) error, use, short, long string) *cobra.Command {
	opts := &RemoteCmdOptions{g: g}
	if runF == nil {
		runF = run
	}
	return &cobra.Command{
		Use:   use,
		Short: short,
		Long:  long + "\n\n" + remoteHelp,
		Args:  cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Remote = args[0]
			}
			return runF(opts)
		},
	}
}

func pushRun(opts *RemoteCmdOptions) error {
	s, err := openStore(opts.g)
	if err != nil {
		return err
	}
	r, err := s.Push(opts.Remote, store.RemoteOptions{})
	if err != nil {
		return err
	}
	if opts.g.quiet {
		return nil
	}
	out := opts.g.io.Out
	writeUpdates(out, "pushed to "+r.Remote, r.Updated)
	for _, b := range r.Behind {
		fmt.Fprintf(out, "branch %s: %s is ahead; pull to get its versions\n", sanitize.Line(b), sanitize.Line(r.Remote))
	}
	return nil
}

func newPullCmd(g *globals, runF func(*RemoteCmdOptions) error) *cobra.Command {
	return newRemoteCmd(g, runF, pullRun, "pull [REMOTE]",
		"Bring a remote's new versions and fast-forward the branches",
		`Fetch REMOTE's branches (kept in refs/remotes/REMOTE/) and version tags,
then fast-forward each party branch, and move main to the newest version.
All references are checked first: a branch that has diverged, or a tag on
another commit, refuses the pull and nothing changes. The new versions are
listed.`)
}

func pullRun(opts *RemoteCmdOptions) error {
	s, err := openStore(opts.g)
	if err != nil {
		return err
	}
	r, err := s.Pull(opts.Remote, store.RemoteOptions{})
	if err != nil {
		return err
	}
	if opts.g.quiet {
		return nil
	}
	out := opts.g.io.Out
	for _, v := range r.Versions {
		fmt.Fprintf(out, "new version %s %s (%s, %s, %s)", render.ShortCommit(v.Commit), sanitize.Line(v.Label), sanitize.Line(v.Party), sanitize.Line(v.Kind), sanitize.Line(v.Date))
		if v.Base != "" {
			fmt.Fprintf(out, ", answers %s", sanitize.Line(v.Base))
		}
		fmt.Fprintln(out)
	}
	var branches []store.RefUpdate
	for _, u := range r.Updated {
		if !u.Tag {
			branches = append(branches, u)
		}
	}
	if len(r.Updated) == 0 {
		fmt.Fprintln(out, "already up to date")
	} else if len(branches) > 0 {
		writeUpdates(out, "pulled from "+r.Remote, branches)
	}
	for _, b := range r.Ahead {
		fmt.Fprintf(out, "branch %s: this store is ahead of %s; push to share its versions\n", sanitize.Line(b), sanitize.Line(r.Remote))
	}
	return nil
}

// writeUpdates prints one line a moved reference, or "everything up to
// date" when none moved.
func writeUpdates(out io.Writer, what string, us []store.RefUpdate) {
	if len(us) == 0 {
		fmt.Fprintln(out, "everything up to date")
		return
	}
	fmt.Fprintln(out, what+":")
	for _, u := range us {
		kind := "branch"
		if u.Tag {
			kind = "tag"
		}
		if u.Old == "" {
			fmt.Fprintf(out, "  %s %s: new at %s\n", kind, sanitize.Line(u.Name), render.ShortCommit(u.New))
		} else {
			fmt.Fprintf(out, "  %s %s: %s..%s\n", kind, sanitize.Line(u.Name), render.ShortCommit(u.Old), render.ShortCommit(u.New))
		}
	}
}
