package store

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitFails runs git in dir and returns its output, failing the test when
// git succeeds.
func gitFails(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("git %s succeeded:\n%s", strings.Join(args, " "), out)
	}
	return string(out)
}

// TestStoreIsBare: git reads a store as any repository, but neither
// git status nor a stray git commit sees an empty work tree in it; a
// store made non-bare by an older avenant is migrated when opened.
func TestStoreIsBare(t *testing.T) {
	if !hasGit() {
		t.Skip("git CLI not installed")
	}
	s := newStore(t)
	mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01")
	gitCmd(t, s.Dir, "config", "core.bare", "false") // as older stores were
	if out := gitCmd(t, s.Dir, "status", "--short"); !strings.Contains(out, "D ") {
		t.Fatalf("a non-bare store's status lists no deletion:\n%s", out)
	}
	s, err := Open(s.Dir)
	if err != nil {
		t.Fatal(err)
	}
	mustImport(t, s, killText(2), "MG France", "V-2", "2024-01-02")
	if out := gitCmd(t, s.Dir, "config", "core.bare"); strings.TrimSpace(out) != "true" {
		t.Errorf("core.bare = %q after Open", out)
	}
	if out := gitFails(t, s.Dir, "status"); !strings.Contains(out, "work tree") {
		t.Errorf("git status in a store:\n%s", out)
	}
	gitFails(t, s.Dir, "-c", "user.name=x", "-c", "user.email=x@y", "commit", "--allow-empty", "-m", "stray")
	if out := gitCmd(t, s.Dir, "log", "--format=%s", "main"); out != "V-2\nV-1\n" {
		t.Errorf("git log main:\n%s", out)
	}
	if out := gitCmd(t, s.Dir, "show", "V-1:clauses/art-1.txt"); !strings.Contains(out, "article 1") {
		t.Errorf("git show V-1:clauses/art-1.txt:\n%s", out)
	}
	gitCmd(t, s.Dir, "fsck", "--strict")
	copyDir := filepath.Join(t.TempDir(), "copy")
	gitCmd(t, s.Dir, "clone", "-q", s.Dir, copyDir)
	if out := gitCmd(t, copyDir, "status", "--short"); out != "" {
		t.Errorf("a git clone of a store is not clean:\n%s", out)
	}
}

// TestOpenLeavesConfig: opening a store that is already bare does not
// write its config again (every command did, through a rename).
func TestOpenLeavesConfig(t *testing.T) {
	s := newStore(t)
	path := filepath.Join(s.gitDir, "config")
	before, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(s.Dir); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("Open rewrote the config of a bare store")
	}
}
