package cli

import (
	"fmt"
	"runtime/debug"
	"sync"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X github.com/avenant-dev/avenant/cli.version=v1.2.3".
var version = ""

// Version is the program's version: the one set at link time, else the
// module version or VCS revision recorded by the Go toolchain.
func Version() string { return programVersion() }

// programVersion is worked out once: the build information is parsed
// anew at each call, and a run asks for the version twice (for the root's
// --version and for avenant version).
var programVersion = sync.OnceValue(func() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return "devel+" + rev
})

// VersionOptions hold what avenant version needs.
type VersionOptions struct {
	g *globals
}

func newVersionCmd(g *globals, runF func(*VersionOptions) error) *cobra.Command {
	opts := &VersionOptions{g: g}
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return versionRun(opts)
		},
	}
}

func versionRun(opts *VersionOptions) error {
	_, err := fmt.Fprintln(opts.g.io.Out, "avenant "+Version())
	return err
}
