package goldenfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "x.golden")
	Check(t, path, []byte("a\nb\n"), true, "update")
	if b, err := os.ReadFile(path); err != nil || string(b) != "a\nb\n" {
		t.Fatalf("update wrote %q, %v", b, err)
	}
	Check(t, path, []byte("a\nb\n"), false, "update")
	if d := firstDifference("a\nb\nc", "a\nx\nc"); !strings.Contains(d, "- b") || !strings.Contains(d, "+ x") {
		t.Errorf("firstDifference = %q", d)
	}
}
