package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/avenant-dev/avenant/store"
)

// openStore opens the store named by --store, else the nearest enclosing
// one. Notices (a repaired branch, a commit kept off main) go to stderr,
// and so does the progress of a long first read (progressTo).
func openStore(g *globals) (*store.Store, error) {
	var s *store.Store
	var err error
	if g.store != "" {
		s, err = store.Open(g.store)
	} else {
		s, err = store.Discover(".")
	}
	if err != nil {
		return nil, err
	}
	s.Notices = g.io.Err
	if !g.quiet {
		s.Progress = progressTo(g.io.Err, g.io.errTerminal())
	}
	return s, nil
}

// progressTo tells of a long task on w: on a terminal, a counter redrawn
// in place at most ten times a second and erased at the end; elsewhere (a
// log, a CI job), one line as it starts, so that neither a wait nor the
// log grows without bound.
func progressTo(w io.Writer, tty bool) func(task string, done, total int) {
	var last time.Time
	return func(task string, done, total int) {
		switch {
		case !tty:
			if done == 0 {
				fmt.Fprintf(w, "avenant: %s: %d versions, once…\n", task, total)
			}
		case done >= total:
			fmt.Fprint(w, "\r\x1b[K")
		case done == 0 || time.Since(last) >= 100*time.Millisecond:
			last = time.Now()
			fmt.Fprintf(w, "\r\x1b[Kavenant: %s: %d/%d…", task, done, total)
		}
	}
}

// clauseArg is a CLAUSE argument, refused when blank: an unset shell
// variable ("avenant show v1 "$c"") would otherwise print the whole outline,
// or look for a clause with no name and offer the first one instead.
func clauseArg(arg string) (string, error) {
	if strings.TrimSpace(arg) == "" {
		return "", usageError{errors.New("the clause name is empty: name a clause as printed (\"Article 3\", \"Annexe 1\") or by its id")}
	}
	return arg, nil
}

// isFile reports whether arg names an existing file or directory, which
// show and diff then read as a document rather than a version.
func isFile(arg string) bool {
	_, err := os.Stat(arg)
	return err == nil
}
