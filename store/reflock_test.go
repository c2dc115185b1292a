package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRefLockFilesIgnored: the "name.lock" file git writes beside a
// reference it updates, and leaves when killed, is no reference. Empty
// (as git creates it), it made go-git's listing of references fail, so
// that every import said 'ref file is empty' under the file's name, and
// gc and push failed too; holding a commit, it was listed as a branch
// 'cnam.lock'. Git itself reads past both, and so does the store now.
func TestRefLockFilesIgnored(t *testing.T) {
	s := newStore(t)
	v1 := mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01").Version
	for name, content := range map[string]string{
		"refs/heads/cnam.lock":      "",
		"refs/tags/V-1.lock":        v1.Commit + "\n",
		"refs/heads/mg-france.lock": v1.Commit + "\n",
	} {
		if err := os.WriteFile(filepath.Join(s.gitDir, filepath.FromSlash(name)), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, _ = Open(s.Dir)
	mustImport(t, s, killText(2), "MG France", "V-2", "2024-01-02")
	if _, err := s.Import(parseMD(killText(3)), ImportOptions{Party: "CNAM", Label: "V-3", Date: "2024-01-03", Base: "V-1"}); err != nil {
		t.Fatalf("import answering V-1: %v", err)
	}
	if _, err := s.GC(GCGrace); err != nil {
		t.Fatalf("gc: %v", err)
	}
	heads, err := refsUnder(s.gitDir, "refs/heads/")
	if err != nil {
		t.Fatal(err)
	}
	for name := range heads {
		if strings.HasSuffix(name, ".lock") {
			t.Errorf("branch %s", name)
		}
	}
	local, err := s.localRefs()
	if err != nil {
		t.Fatalf("what a push would send: %v", err)
	}
	if len(local.heads) != 2 || len(local.tags) != 3 {
		t.Errorf("a push would send branches %v and tags %v", local.heads, local.tags)
	}
	if hasGit() {
		gitCmd(t, s.Dir, "fsck", "--strict", "--no-dangling")
	}
	// A branch file damaged is no lock file: a corrupt store, named.
	if err := os.WriteFile(filepath.Join(s.gitDir, "refs", "heads", "cnam"), []byte("garbage\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := refsUnder(s.gitDir, "refs/heads/"); err == nil || !strings.Contains(err.Error(), "corrupt store: refs/heads/cnam holds \"garbage\"") {
		t.Errorf("a damaged branch: %v", err)
	}
}
