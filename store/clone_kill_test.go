package store

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestKilledClone: a clone killed at any point (here, exiting at once at
// each failpoint, as SIGKILL would leave it) leaves no store at its
// directory, which the next clone then takes, removing what the killed
// one left beside it (or in it, for a directory that was there, empty). A killed clone left a directory the next clone
// refused ('exists and is not empty'), and one killed after marking the
// store but before checking its versions left a store no one had checked.
// Where locks are files created exclusively (not flocks), and beside a
// directory whose name reads as a glob pattern, what it left stayed.
func TestKilledClone(t *testing.T) {
	if url := os.Getenv("AVENANT_CLONE_URL"); url != "" {
		n, _ := strconv.Atoi(os.Getenv("AVENANT_CLONE_FAIL"))
		failpoint = func(k int) {
			if k == n {
				os.Exit(3)
			}
		}
		if _, err := Clone(url, os.Getenv("AVENANT_CLONE_DIR"), RemoteOptions{}); err != nil {
			println(err.Error())
			os.Exit(2)
		}
		return
	}
	if !hasGit() {
		t.Skip("git CLI not installed: go-git's file transport runs git-upload-pack")
	}
	src := newStore(t)
	mustImport(t, src, articles("1", sentA1, "2", sentB1), "CNAM", "V-1", "2024-01-01")
	mustImport(t, src, articles("1", sentA1+" "+sentA2, "2", sentB1), "MG France", "V-2", "2024-02-01")
	defer func() { locksByFlock = true }()
	for _, n := range []int{21, 22, 23} {
		for _, empty := range []bool{false, true} {
			// Where locks are files created exclusively, the leftover is
			// told by its process being gone.
			locksByFlock = n != 22
			parent := t.TempDir()
			// A name that reads as a pattern: its leftovers stayed.
			dir := filepath.Join(parent, "copy[1]")
			if empty {
				if err := os.Mkdir(dir, 0o777); err != nil {
					t.Fatal(err)
				}
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestKilledClone$", "-test.count=1")
			cmd.Env = append(os.Environ(), "AVENANT_CLONE_URL="+src.Dir, "AVENANT_CLONE_DIR="+dir, "AVENANT_CLONE_FAIL="+strconv.Itoa(n))
			out, err := cmd.CombinedOutput()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 3 {
				t.Fatalf("the clone killed at %d: %v\n%s", n, err, out)
			}
			// Nothing at dir but what the next clone removes: no store.
			entries, err := os.ReadDir(dir)
			if !empty && !errors.Is(err, os.ErrNotExist) || empty && slices.ContainsFunc(entries, func(e os.DirEntry) bool { return !strings.HasPrefix(e.Name(), ".avenant-clone-") }) {
				t.Errorf("killed at %d (into an empty directory: %v): %s holds %v (%v)", n, empty, dir, entries, err)
			}
			c, err := Clone(src.Dir, dir, RemoteOptions{})
			if err != nil {
				t.Fatalf("the clone after one killed at %d: %v", n, err)
			}
			if vs, err := c.Versions(); err != nil || len(vs) != 2 {
				t.Errorf("the clone after one killed at %d holds %d versions (%v)", n, len(vs), err)
			}
			if entries, _ := os.ReadDir(parent); len(entries) != 1 {
				t.Errorf("beside the clone after one killed at %d: %v", n, entries)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("in the clone after one killed at %d: %v", n, entries)
			}
		}
	}
}

// TestCloneAtWorkKept: what looks like a clone's leftover but belongs to a
// process still running (here, this one) is left alone where locks are
// files created exclusively, as where they are flocks held: a clone at
// work into the same directory.
func TestCloneAtWorkKept(t *testing.T) {
	if !hasGit() {
		t.Skip("git CLI not installed: go-git's file transport runs git-upload-pack")
	}
	src := newStore(t)
	mustImport(t, src, articles("1", sentA1), "CNAM", "V-1", "2024-01-01")
	for _, flock := range []bool{true, false} {
		locksByFlock = flock
		t.Cleanup(func() { locksByFlock = true })
		parent := t.TempDir()
		dir := filepath.Join(parent, "copy")
		tmp, release, err := cloneTemp(cloneTempPrefix(dir, false))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Clone(src.Dir, dir, RemoteOptions{}); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(tmp); err != nil {
			t.Errorf("flock %v: the directory of a clone at work was removed: %v", flock, err)
		}
		release()
	}
}
