package store

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readAll runs what the read commands run (versions, show, log, blame) on
// a store opened afresh, as one command does, and returns its notices.
func readAll(t *testing.T, dir string) string {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	var notices bytes.Buffer
	s.Notices = &notices
	vs, err := s.Versions()
	if err != nil {
		t.Fatalf("versions: %v", err)
	}
	for i := range vs {
		if _, err := s.Document(&vs[i]); err != nil {
			t.Fatalf("document %s: %v", vs[i].Label, err)
		}
	}
	id, err := s.ResolveClause("1", nil)
	if err != nil {
		t.Fatalf("resolve: %v", err)
	}
	if _, err := s.Log(id, nil); err != nil {
		t.Fatalf("log: %v", err)
	}
	if _, err := s.Blame(id, nil, false); err != nil {
		t.Fatalf("blame: %v", err)
	}
	return notices.String()
}

// readOnlyFixture is a store of two versions whose caches are gone, so
// that a read rebuilds them and tries to save them.
func readOnlyFixture(t *testing.T) string {
	s := newStore(t)
	mustImport(t, s, articles("1", sentA1, "2", sentB1), "CNAM", "V-1", "2024-01-01")
	mustImport(t, s, articles("1", sentA1+" "+sentA2, "2", sentB1), "MG France", "V-2", "2024-02-01")
	if err := os.RemoveAll(filepath.Join(s.gitDir, "avenant")); err != nil {
		t.Fatal(err)
	}
	return s.Dir
}

// TestReadOnlyStoreReadsSilently: a store its reader cannot write (chmod
// -R a-w, another user's, a read-only medium) is read as any other, with
// no notice: every read command said 'cannot save the index' (and 'cannot
// cache the manifest' for each version it read), several times over, and
// one made before stores were bare could not be opened at all. Root writes
// whatever the permissions say (and CI runs as root): there the store is
// read by this test's binary run as another user, for whom root's store
// is another user's.
func TestReadOnlyStoreReadsSilently(t *testing.T) {
	if dir := os.Getenv("AVENANT_READONLY_STORE"); dir != "" {
		checkReadOnly(t, dir)
		return
	}
	dir := readOnlyFixture(t)
	// Made before stores were bare, which opening it would put right.
	cfg := filepath.Join(dir, ".git", "config")
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, bytes.Replace(b, []byte("bare = true"), []byte("bare = false"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	chmodAll(t, dir, 0o555, 0o444)
	t.Cleanup(func() { chmodAll(t, dir, 0o755, 0o644) })
	if os.Geteuid() == 0 {
		asAnotherUser(t, dir, "^TestReadOnlyStoreReadsSilently$", "AVENANT_READONLY_STORE="+dir)
		return
	}
	checkReadOnly(t, dir)
}

// checkReadOnly reads the store at dir, which its reader cannot write,
// and tries an import into it.
func checkReadOnly(t *testing.T, dir string) {
	if got := readAll(t, dir); got != "" {
		t.Errorf("notices on a read-only store:\n%s", got)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(parseMD(articles("1", sentA2)), ImportOptions{Party: "CNAM", Label: "V-3", Date: "2024-03-01"}); err == nil || !strings.Contains(err.Error(), "the store cannot be written") {
		t.Errorf("import into a read-only store: %v, want it said the store cannot be written", err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".git", "avenant")); err == nil {
		t.Error("a read-only store was written to")
	}
}

// TestCacheNotSavedToldOnce: a cache that cannot be saved for another
// reason than permissions is told of once a command, not once a save.
func TestCacheNotSavedToldOnce(t *testing.T) {
	dir := readOnlyFixture(t)
	// A file where the caches' directory should be: every save fails.
	if err := os.WriteFile(filepath.Join(dir, ".git", "avenant"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := readAll(t, dir)
	if n := strings.Count(got, "cannot save"); n != 1 {
		t.Errorf("%d notices of caches not saved, want 1:\n%s", n, got)
	}
}

// chmodAll sets the mode of every directory and file under dir.
func chmodAll(t *testing.T, dir string, dirMode, fileMode fs.FileMode) {
	t.Helper()
	if dirMode&0o200 != 0 {
		if err := os.Chmod(dir, dirMode); err != nil { // before walking into it
			t.Fatal(err)
		}
	}
	var dirs []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			dirs = append(dirs, p)
			if dirMode&0o200 != 0 {
				return os.Chmod(p, dirMode)
			}
			return nil
		}
		return os.Chmod(p, fileMode)
	})
	if err != nil {
		t.Fatal(err)
	}
	for i := len(dirs) - 1; i >= 0 && dirMode&0o200 == 0; i-- {
		if err := os.Chmod(dirs[i], dirMode); err != nil {
			t.Fatal(err)
		}
	}
}
