package cli

import (
	"os"

	"github.com/avenant-dev/avenant/store"
)

// openStore opens the store named by --store, else the nearest enclosing
// one. Notices (a repaired branch, a commit kept off main) go to stderr.
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
	return s, nil
}

// isFile reports whether arg names an existing file or directory, which
// show and diff then read as a document rather than a version.
func isFile(arg string) bool {
	_, err := os.Stat(arg)
	return err == nil
}
