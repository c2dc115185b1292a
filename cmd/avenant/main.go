// Command avenant versions and diffs negotiated convention texts clause by
// clause. See the README for usage.
package main

import (
	"os"
	"runtime/debug"

	"github.com/avenant-dev/avenant/cli"
)

func main() {
	tuneGC()
	os.Exit(cli.Run(os.Args[1:], cli.System()))
}

// tuneGC lets the heap grow to five times what is live before collecting
// (Go's default is twice): a diff lives a few hundred milliseconds, keeps
// a few megabytes live and allocates tens, so the default spends a tenth
// of its CPU collecting garbage the exit would free anyway. A soft limit
// of 1 GiB brings the default pace back for inputs large enough for it to
// matter. GOGC and GOMEMLIMIT, when set, win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1 << 30)
	}
}
