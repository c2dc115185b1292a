package goldenfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "x.golden")
	check(t, path, []byte("a\nb\n"), true)
	if b, err := os.ReadFile(path); err != nil || string(b) != "a\nb\n" {
		t.Fatalf("update wrote %q, %v", b, err)
	}
	check(t, path, []byte("a\nb\n"), false)
	if d := firstDifference("a\nb\nc", "a\nx\nc"); !strings.Contains(d, "- b") || !strings.Contains(d, "+ x") {
		t.Errorf("firstDifference = %q", d)
	}
	if d := firstDifference("\x1b[1mé\"\n", "\x1b[2mé\"\n"); !strings.Contains(d, `- \x1b[1mé"`) || strings.Contains(d, "\x1b") {
		t.Errorf("firstDifference does not escape control characters only: %q", d)
	}
}
