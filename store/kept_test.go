package store

import (
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// keptRefs lists the references under refs/avenant/kept/.
func keptRefs(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	for name := range allRefs(t, s) {
		if strings.HasPrefix(name, "refs/"+keptPrefix) {
			out = append(out, name)
		}
	}
	return out
}

// diedBeforeTag runs an import that dies once its branches are moved,
// before its tag: the commit point it never reached.
func diedBeforeTag(t *testing.T, s *Store, text string, opts ImportOptions) {
	t.Helper()
	defer func() { failpoint = nil }()
	failpoint = func(k int) {
		if k == 6 {
			panic("killed")
		}
	}
	defer func() {
		if recover() == nil {
			t.Fatal("the import did not reach failpoint 6")
		}
	}()
	s.Import(parseMD(text), opts)
}

// TestKeptDroppedOnceAVersion: what the repair of an interrupted import
// keeps under refs/avenant/kept/ goes once a version holds it. An import
// that died before its tag, run again, wrote the same commit and tagged
// it, and the two references kept of it (its party branch's and main's)
// stayed for good; so did one of a version whose tag was put back by
// hand, and one of the same import run again from a file of another
// name. One that alone keeps a version whose tag was deleted stays.
func TestKeptDroppedOnceAVersion(t *testing.T) {
	t.Run("same commit", func(t *testing.T) {
		s := newStore(t)
		mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01")
		opts := ImportOptions{Party: "CNAM", Label: "V-2", Date: "2024-01-02", SourceName: "v2.md"}
		diedBeforeTag(t, s, killText(2), opts)
		var notices strings.Builder
		s.Notices = &notices
		r, err := s.Import(parseMD(killText(2)), opts)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(notices.String(), "kept as refs/avenant/kept/cnam-"+r.Version.Commit) {
			t.Fatalf("the re-run did not repair the died import, or wrote another commit: %q", notices.String())
		}
		if k := keptRefs(t, s); len(k) != 0 {
			t.Errorf("kept after the same import run again: %v; notices %q", k, notices.String())
		}
		if !strings.Contains(notices.String(), "version V-2 holds what it kept") {
			t.Errorf("notices: %q", notices.String())
		}
		checkBranches(t, s)
	})
	t.Run("another file name", func(t *testing.T) {
		s := newStore(t)
		mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01")
		diedBeforeTag(t, s, killText(2), ImportOptions{Party: "CNAM", Label: "V-2", Date: "2024-01-02", SourceName: "a.md"})
		mustImport(t, s, killText(2), "CNAM", "V-2", "2024-01-02")
		if len(keptRefs(t, s)) != 2 {
			t.Fatalf("kept: %v", keptRefs(t, s))
		}
		if _, err := s.GC(GCGrace); err != nil {
			t.Fatal(err)
		}
		if k := keptRefs(t, s); len(k) != 0 {
			t.Errorf("kept after gc: %v", k)
		}
	})
	t.Run("tag put back", func(t *testing.T) {
		s := newStore(t)
		mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01")
		v2 := mustImport(t, s, killText(2), "CNAM", "V-2", "2024-01-02").Version
		tag := plumbing.NewTagReferenceName("V-2")
		if err := s.repo.Storer.RemoveReference(tag); err != nil {
			t.Fatal(err)
		}
		mustImport(t, s, killText(3), "MG France", "M-1", "2024-01-03")
		mustImport(t, s, killText(4), "MG France", "M-2", "2024-01-04")
		if k := keptRefs(t, s); len(k) != 2 { // main and cnam were on it
			t.Fatalf("the only reference to a version whose tag is gone: kept %v", k)
		}
		if err := s.repo.Storer.SetReference(plumbing.NewHashReference(tag, plumbing.NewHash(v2.Commit))); err != nil {
			t.Fatal(err)
		}
		mustImport(t, s, killText(5), "MG France", "M-3", "2024-01-05")
		if k := keptRefs(t, s); len(k) != 0 {
			t.Errorf("kept once the tag is back: %v", k)
		}
		checkBranches(t, s)
	})
}
