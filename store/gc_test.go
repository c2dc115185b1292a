package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// looseObjects counts the loose objects of the store.
func looseObjects(t *testing.T, s *Store) int {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(s.gitDir, "objects", "??", "*"))
	if err != nil {
		t.Fatal(err)
	}
	return len(files)
}

func packs(t *testing.T, s *Store) int {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(s.gitDir, "objects", "pack", "pack-*.pack"))
	return len(files)
}

// bigText has n articles.
func bigText(n, rev int) string {
	var b strings.Builder
	for a := 1; a <= n; a++ {
		fmt.Fprintf(&b, "#### Article %d - Objet %d\n\nLe texte de l'article %d, qui dit une chose précise.", a, a, a)
		if a%97 == rev {
			fmt.Fprintf(&b, " Révision %d.", rev)
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// TestLargeImportIsPacked: an import of many clauses writes one pack,
// not one file per clause; a small one stays loose; both read back and
// pass git fsck.
func TestLargeImportIsPacked(t *testing.T) {
	s := newStore(t)
	r := mustImport(t, s, bigText(300, 0), "CNAM", "V-1", "2024-01-01")
	if n := looseObjects(t, s); n != 0 {
		t.Errorf("%d loose objects after a 300-clause import", n)
	}
	if n := packs(t, s); n != 1 {
		t.Errorf("%d packs after a 300-clause import", n)
	}
	mustImport(t, s, bigText(300, 5), "MG France", "V-2", "2024-01-02")
	if n := looseObjects(t, s); n == 0 || n > 20 {
		t.Errorf("%d loose objects after a 4-clause change", n)
	}
	s, _ = Open(s.Dir)
	if d, err := s.Document(r.Version); err != nil || len(d.Clauses) != 300 {
		t.Fatalf("reading the packed version: %v", err)
	}
	if hasGit() {
		gitCmd(t, s.Dir, "fsck", "--strict")
	}
}

// TestGC: the leftovers of killed imports (unreachable objects, temporary
// files, manifest caches of no version) go once older than the grace;
// versions stay whole.
func TestGC(t *testing.T) {
	s := newStore(t)
	mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01")
	mustImport(t, s, killText(2), "MG France", "V-2", "2024-01-02")
	orphan, err := s.writeBlob([]byte("an import killed before its tag\n"), map[plumbing.Hash]bool{})
	if err != nil {
		t.Fatal(err)
	}
	leftovers := []string{
		filepath.Join(s.gitDir, "objects", "pack", "tmp_obj_123"),
		filepath.Join(s.gitDir, "objects", "pack", "tmp_pack_456"),
		filepath.Join(s.gitDir, tmpPrefix+"789"),
		filepath.Join(s.gitDir, "avenant", "manifests", orphan.String()+manifestSuffix),
	}
	// The gob cache of an earlier release goes even for a live version;
	// the live version's cache stays.
	vs, err := s.Versions()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.manifest(&vs[0]); err != nil {
		t.Fatal(err)
	}
	liveCache := filepath.Join(s.gitDir, "avenant", "manifests", vs[0].Commit+manifestSuffix)
	leftovers = append(leftovers, filepath.Join(s.gitDir, "avenant", "manifests", vs[1].Commit+".gob"))
	for _, f := range leftovers {
		os.MkdirAll(filepath.Dir(f), 0o777)
		if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	orphanFile := filepath.Join(s.gitDir, "objects", orphan.String()[:2], orphan.String()[2:])

	// Young leftovers stay (but for the cache of no version).
	res, err := s.GC(time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if res.Unreachable != 0 || res.TempFiles != 2 {
		t.Errorf("young leftovers: %+v", res)
	}
	if _, err := os.Stat(liveCache); err != nil {
		t.Errorf("the cache of a live version was removed: %v", err)
	}
	if _, err := os.Stat(orphanFile); err != nil {
		t.Errorf("a young orphan was removed")
	}
	old := time.Now().Add(-2 * time.Hour)
	for _, f := range append(leftovers[:3], orphanFile) {
		os.Chtimes(f, old, old)
	}
	if res, err = s.GC(time.Hour); err != nil {
		t.Fatal(err)
	}
	if res.Unreachable != 1 || res.TempFiles != 3 {
		t.Errorf("old leftovers: %+v", res)
	}
	for _, f := range append(leftovers, orphanFile) {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s left behind", f)
		}
	}
	if n := looseObjects(t, s); n != 0 {
		t.Errorf("%d loose objects after gc", n)
	}
	if n := packs(t, s); n != 1 {
		t.Errorf("%d packs after gc", n)
	}
	s, _ = Open(s.Dir)
	vs, err = s.Versions()
	if err != nil || len(vs) != 2 {
		t.Fatalf("versions after gc: %v, %v", vs, err)
	}
	for i := range vs {
		if _, err := s.Document(&vs[i]); err != nil {
			t.Errorf("%s after gc: %v", vs[i].Label, err)
		}
	}
	if hasGit() {
		gitCmd(t, s.Dir, "fsck", "--strict", "--no-dangling")
	}
}

// TestRepackAfterCutIndex: a crash while go-git wrote a pack's index
// leaves that index cut short with no pack beside it; go-git would keep it
// for a pack of the same name written later, and every object in that pack
// would read as EOF. The next pack written drops it first.
func TestRepackAfterCutIndex(t *testing.T) {
	s := newStore(t)
	for i := 1; i <= 2; i++ {
		if _, err := s.Import(parseMD(bigText(20, i)), ImportOptions{Party: "CNAM", Label: fmt.Sprintf("V-%d", i), Date: "2024-01-02"}); err != nil {
			t.Fatal(err)
		}
	}
	cut := filepath.Join(s.gitDir, "objects", "pack", "pack-"+strings.Repeat("ab", 20)+".idx")
	if err := os.MkdirAll(filepath.Dir(cut), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cut, []byte("\377tOc\000\000"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.Repack(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(cut); !os.IsNotExist(err) {
		t.Fatalf("the cut index is still there: %v", err)
	}
	if packs(t, s) != 1 {
		t.Fatalf("%d packs after a repack, want 1", packs(t, s))
	}
	vs, err := s.Versions()
	if err != nil {
		t.Fatal(err)
	}
	for i := range vs {
		if _, err := s.Document(&vs[i]); err != nil {
			t.Fatalf("%s unreadable after the repack: %v", vs[i].Label, err)
		}
	}
}
