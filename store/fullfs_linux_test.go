package store

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// TestFailedWriteLeavesNothing: an import whose objects cannot all be
// written (a full disk; here a file-size limit, which fails a write the
// same way) leaves the objects directory as it found it. It left an empty
// tmp_obj_* file at each attempt, and the objects written before the
// failure, until gc's grace had passed, so that each retry on a full disk
// filled it further. The import runs in a child process: the limit would
// fail the test binary's own writes too.
func TestFailedWriteLeavesNothing(t *testing.T) {
	if dir := os.Getenv("AVENANT_FSIZE_STORE"); dir != "" {
		if os.Getenv("AVENANT_FSIZE_PACK") != "" {
			packFrom = 1
		}
		importPastLimit(dir)
		return
	}
	for _, pack := range []string{"", "1"} {
		s := newStore(t)
		mustImport(t, s, articles("1", sentA1, "2", sentB1), "CNAM", "V-1", "2024-01-01")
		before := objectFiles(t, s)
		cmd := exec.Command(os.Args[0], "-test.run=^TestFailedWriteLeavesNothing$")
		cmd.Env = append(os.Environ(), "AVENANT_FSIZE_STORE="+s.Dir, "AVENANT_FSIZE_PACK="+pack)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("the import past the limit: %v\n%s", err, out)
		}
		if strings.Contains(string(out), "SKIP") {
			t.Skipf("%s", out)
		}
		if after := objectFiles(t, s); !slices.Equal(before, after) {
			t.Errorf("a failed import (as a pack: %q) left files in objects/:\nbefore %v\nafter  %v", pack, before, after)
		}
		mustImport(t, s, fullfsText(), "MG France", "V-2", "2024-02-01")
	}
}

// fullfsText is a version of short new clauses, which fit under the
// limit, and one past it.
func fullfsText() string {
	rng := rand.New(rand.NewPCG(3, 9))
	var long strings.Builder
	for long.Len() < 8000 {
		long.WriteString(string(rune('a'+rng.IntN(26))) + string(rune('a'+rng.IntN(26))) + " ")
	}
	return articles("1", sentA1, "2", sentB1, "3", sentA2, "4", sentB2, "5", sentB3, "6", long.String())
}

// importPastLimit, in the child, imports fullfsText into the store at dir
// with files limited to 1 KiB, and fails unless the import fails so.
func importPastLimit(dir string) {
	s, err := Open(dir)
	if err != nil {
		panic(err)
	}
	var limit syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
		println("SKIP: no file-size limit:", err.Error())
		return
	}
	limit.Cur = 1024
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
		println("SKIP: cannot set a file-size limit:", err.Error())
		return
	}
	_, err = s.Import(parseMD(fullfsText()), ImportOptions{Party: "MG France", Label: "V-2", Date: "2024-02-01"})
	if !errors.Is(err, syscall.EFBIG) {
		panic("import past the file-size limit: " + fmt.Sprint(err) + ", want EFBIG")
	}
}

// objectFiles lists the files under .git/objects, sorted.
func objectFiles(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(filepath.Join(s.gitDir, "objects"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, strings.TrimPrefix(p, s.gitDir))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}
