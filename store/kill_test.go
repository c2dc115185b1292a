package store

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// killText is version i of the text the kill test imports.
func killText(i int) string {
	var b strings.Builder
	for a := 1; a <= 40; a++ {
		fmt.Fprintf(&b, "#### Article %d - Objet %d\n\nLe texte de l'article %d. Il dit une chose.", a, a, a)
		if a%10 == i%10 {
			fmt.Fprintf(&b, " Révision %d.", i)
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

func killLabel(i int) string { return fmt.Sprintf("V-%03d", i) }

// TestKillChild is the child process of TestKill: it imports versions into
// $AVENANT_KILL_STORE from the first missing one, printing "done LABEL"
// after each, until $AVENANT_KILL_LAST; with $AVENANT_KILL_FAIL=n it exits
// abruptly at failpoint n of the first import.
func TestKillChild(t *testing.T) {
	dir := os.Getenv("AVENANT_KILL_STORE")
	if dir == "" {
		t.Skip("child of TestKill only")
	}
	s, err := Open(dir)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	if n, _ := strconv.Atoi(os.Getenv("AVENANT_KILL_FAIL")); n > 0 {
		failpoint = func(k int) {
			if k == n {
				os.Exit(3)
			}
		}
	}
	// Repack and pack often, so that kills land in both too.
	RepackEvery = 3
	packFrom = 5
	last, _ := strconv.Atoi(os.Getenv("AVENANT_KILL_LAST"))
	vs, err := s.Versions()
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	for i := len(vs) + 1; i <= last; i++ {
		if _, err := s.Import(parseMD(killText(i)), ImportOptions{Party: []string{"CNAM", "MG France"}[i%2], Label: killLabel(i), Date: "2024-01-02"}); err != nil {
			fmt.Println("error", err)
			os.Exit(2)
		}
		fmt.Println("done", killLabel(i))
	}
	os.Exit(0)
}

// runChild runs TestKillChild and returns the labels it reported done.
// kill > 0 sends SIGKILL after that delay.
func runChild(t *testing.T, dir string, last, fail int, kill time.Duration) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "AVENANT_KILL_STORE="+dir, "AVENANT_KILL_LAST="+strconv.Itoa(last), "AVENANT_KILL_FAIL="+strconv.Itoa(fail))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if kill > 0 {
		timer := time.AfterFunc(kill, func() { cmd.Process.Signal(syscall.SIGKILL) })
		defer timer.Stop()
	}
	var done []string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if l, ok := strings.CutPrefix(sc.Text(), "done "); ok {
			done = append(done, l)
		} else if strings.HasPrefix(sc.Text(), "error") {
			t.Errorf("child: %s", sc.Text())
		}
	}
	cmd.Wait()
	return done
}

// checkStore opens the store and checks it holds V-001…V-n with n in
// [min, max], passes git fsck, and returns n.
func checkStore(t *testing.T, dir string, lo, hi int) int {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("store does not open: %v", err)
	}
	vs, err := s.Versions()
	if err != nil {
		t.Fatalf("versions: %v", err)
	}
	if len(vs) < lo || len(vs) > hi {
		t.Fatalf("%d versions, want %d..%d", len(vs), lo, hi)
	}
	for i, v := range vs {
		if v.Label != killLabel(i+1) {
			t.Fatalf("version %d is %s", i+1, v.Label)
		}
		if _, err := s.Document(&vs[i]); err != nil {
			t.Fatalf("version %s unreadable: %v", v.Label, err)
		}
	}
	if hasGit() {
		gitCmd(t, dir, "fsck", "--strict", "--no-dangling")
	}
	return len(vs)
}

// TestKill interrupts imports at every failpoint, then kills them at random
// moments, and checks each time that the store holds exactly the versions
// committed before the interruption (the one in flight counts when its tag
// was written) and stays consistent.
func TestKill(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	s := newStore(t)
	dir := s.Dir
	n := 0
	for fp := 1; fp <= 8; fp++ {
		done := runChild(t, dir, n+1, fp, 0)
		committed := fp >= 7 // the tag, written last, between failpoints 6 and 7
		want := n
		if committed {
			want = n + 1
		}
		if len(done) != 0 {
			t.Fatalf("failpoint %d: child reported %v", fp, done)
		}
		n = checkStore(t, dir, want, want)
	}
	// Branches moved by failpoints 5 and 6 to a commit with no tag are
	// moved back by the next import.
	done := runChild(t, dir, n+1, 0, 0)
	n = checkStore(t, dir, n+len(done), n+len(done))
	if s, err := Open(dir); err == nil {
		checkBranches(t, s)
	}
	if hasGit() {
		if got := strings.TrimSpace(gitCmd(t, dir, "rev-parse", "main")); got != strings.TrimSpace(gitCmd(t, dir, "rev-parse", killLabel(n))) {
			t.Errorf("main is not the latest version")
		}
	}
	rng := rand.New(rand.NewPCG(1, uint64(time.Now().UnixNano())))
	rounds := 15
	for r := 0; r < rounds; r++ {
		delay := time.Duration(10+rng.IntN(150)) * time.Millisecond
		done := runChild(t, dir, n+5, 0, delay)
		n = checkStore(t, dir, n+len(done), n+len(done)+1)
	}
	t.Logf("%d versions after %d kills", n, rounds)
}
