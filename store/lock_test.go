package store

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// lockHeld reports whether some open file holds s's lock.
func lockHeld(t *testing.T, s *Store) bool {
	t.Helper()
	release, err := fileLock(s.lockPath())
	if errors.Is(err, errBusy) {
		return true
	}
	if err != nil {
		t.Fatal(err)
	}
	release()
	return false
}

// TestRaceChild is the child process of TestLockRace: one import into
// $AVENANT_RACE_STORE under party and label $AVENANT_RACE_NAME, printing
// "ok LABEL COMMIT" when it reports success.
func TestRaceChild(t *testing.T) {
	dir, name := os.Getenv("AVENANT_RACE_STORE"), os.Getenv("AVENANT_RACE_NAME")
	if dir == "" {
		t.Skip("child of TestLockRace only")
	}
	s, err := Open(dir)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	date := cmp.Or(os.Getenv("AVENANT_RACE_DATE"), "2024-01-02")
	if barrier := os.Getenv("AVENANT_RACE_BARRIER"); barrier != "" {
		whileWaiting = func() { awaitOthers(barrier, name, os.Getenv("AVENANT_RACE_N")) }
	}
	r, err := s.Import(parseMD(killText(len(name))+"Signé par "+name+".\n"), ImportOptions{Party: name, Label: "L-" + name, Date: date})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	fmt.Println("ok", r.Version.Label, r.Version.Commit)
	os.Exit(0)
}

// awaitOthers holds an import that has looked at the store's versions
// until all n have (each leaves a file named after it in dir), so that
// they race for the lock together: a process slow to start, which began
// after another had landed, would import a deliberate back-fill, not race
// (TestLockRaceDated failed so on a loaded machine). It waits no more than
// 20 seconds, then races anyway.
func awaitOthers(dir, name, n string) {
	want := 0
	fmt.Sscan(n, &want)
	_ = os.WriteFile(filepath.Join(dir, name), nil, 0o600)
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if entries, _ := os.ReadDir(dir); len(entries) >= want {
			return
		}
	}
}

// raceImports starts n imports at once, each its own process, party and
// label (and date, when dates is given), and returns the label → commit
// of those that reported success; a failure other than errLandedMeanwhile
// fails the test.
func raceImports(t *testing.T, dir string, n int, dates ...func(int) string) map[string]string {
	t.Helper()
	barrier := t.TempDir()
	var mu sync.Mutex
	var wg sync.WaitGroup
	ok := map[string]string{}
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^TestRaceChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), "AVENANT_RACE_STORE="+dir, fmt.Sprintf("AVENANT_RACE_NAME=P%02d", i),
				"AVENANT_RACE_BARRIER="+barrier, fmt.Sprintf("AVENANT_RACE_N=%d", n))
			if len(dates) > 0 {
				cmd.Env = append(cmd.Env, "AVENANT_RACE_DATE="+dates[0](i))
			}
			out, _ := cmd.Output()
			if l := string(out); strings.HasPrefix(l, "error") && !strings.Contains(l, errLandedMeanwhile.Error()) {
				t.Errorf("import %d: %s", i, l)
			}
			for _, l := range strings.Split(string(out), "\n") {
				if f := strings.Fields(l); len(f) == 3 && f[0] == "ok" {
					mu.Lock()
					ok[f[1]] = f[2]
					mu.Unlock()
				}
			}
		}(i)
	}
	wg.Wait()
	return ok
}

// checkRefsAgree checks that every reported success is a version whose
// tag and party branch both point to the reported commit, that main is
// the latest version, and that git fsck passes.
func checkRefsAgree(t *testing.T, dir string, ok map[string]string) {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	vs, err := s.Versions()
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != len(ok) {
		t.Errorf("%d imports reported success, %d versions", len(ok), len(vs))
	}
	for label, commit := range ok {
		v, err := s.Resolve(label)
		if err != nil {
			t.Errorf("%s reported success: %v", label, err)
			continue
		}
		if v.Commit != commit {
			t.Errorf("%s reported %s, its tag is %s", label, commit, v.Commit)
		}
		if got := s.currentRef(plumbing.NewBranchReferenceName(Slug(v.Party))).String(); got != commit {
			t.Errorf("%s: tag %s, branch %s", label, commit, got)
		}
	}
	if len(vs) > 0 && s.currentRef(plumbing.NewBranchReferenceName(mainBranch)).String() != vs[len(vs)-1].Commit {
		t.Errorf("main is not the latest version")
	}
	if lockHeld(t, s) {
		t.Errorf("lock still held")
	}
	if hasGit() {
		gitCmd(t, dir, "fsck", "--strict", "--no-dangling")
	}
}

// TestLockRace starts parallel imports, on a fresh store and on one whose
// lock file was left by a dead process (an older avenant's pid and date):
// each waits for the lock, so all succeed, and each success is a version
// on its tag and its branch.
func TestLockRace(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	for _, stale := range []bool{false, true} {
		t.Run(fmt.Sprintf("stale=%v", stale), func(t *testing.T) {
			s := newStore(t)
			if stale {
				if err := os.WriteFile(s.lockPath(), []byte("999999999 2020-01-01T00:00:00Z\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				old := time.Now().Add(-time.Hour)
				os.Chtimes(s.lockPath(), old, old)
			}
			const n = 8
			ok := raceImports(t, s.Dir, n)
			if len(ok) != n {
				t.Errorf("%d of %d imports succeeded", len(ok), n)
			}
			checkRefsAgree(t, s.Dir, ok)
		})
	}
}

// TestLockBusy holds the lock and checks that an import gives up after
// lockWait with errLocked, naming the holder, and writes nothing.
func TestLockBusy(t *testing.T) {
	s := newStore(t)
	other, err := Open(s.Dir)
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := other.lock()
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	defer func(w time.Duration) { lockWait = w }(lockWait)
	lockWait = 50 * time.Millisecond
	_, err = s.Import(parseMD(killText(1)), ImportOptions{Party: "CNAM", Label: "V1", Date: "2024-01-02"})
	if !errors.Is(err, errLocked) || !strings.Contains(err.Error(), fmt.Sprintf("pid %d", os.Getpid())) {
		t.Fatalf("import under a held lock: %v", err)
	}
	if vs, _ := s.Versions(); len(vs) != 0 {
		t.Errorf("versions %v", vs)
	}
	if _, err := os.Stat(filepath.Join(s.gitDir, "refs", "tags", "V1")); err == nil {
		t.Errorf("tag written")
	}
}
