package check

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestFindPassesOverOthersFiles: a rules file another user owns is not
// taken as the rules of a check run below it; the nearest one of the user's
// own is, and the one passed over is named.
func TestFindPassesOverOthersFiles(t *testing.T) {
	top := t.TempDir()
	mid := filepath.Join(top, "shared")
	low := filepath.Join(mid, "work")
	if err := os.MkdirAll(low, 0o755); err != nil {
		t.Fatal(err)
	}
	mine, theirs := filepath.Join(top, FileName), filepath.Join(mid, FileName)
	for _, p := range []string{mine, theirs} {
		if err := os.WriteFile(p, []byte("defaults: false\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got, skipped, err := Find(low); err != nil || got != theirs || len(skipped) != 0 {
		t.Fatalf("both mine: Find = %q, %q, %v; want %q", got, skipped, err, theirs)
	}
	// 65534 is nobody's id; only root can give a file away.
	if err := os.Chown(theirs, 65534, 65534); err != nil {
		t.Skipf("cannot give a file to another user here: %v", err)
	}
	got, skipped, err := Find(low)
	if err != nil || got != mine || !slices.Equal(skipped, []string{theirs}) {
		t.Errorf("Find = %q, %q, %v; want %q, passing over %q", got, skipped, err, mine, theirs)
	}
}
