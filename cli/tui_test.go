package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestTUIFilesSource: avenant tui A B with two files compares them, the
// first as base, each named by its file name.
func TestTUIFilesSource(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	if err := os.WriteFile(a, []byte("## Article 1 - Objet\n\nLe tarif est de 25 €.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte("## Article 1 - Objet\n\nLe tarif est de 30 €.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := &TUIOptions{g: &globals{io: &IO{Err: &bytes.Buffer{}, Getenv: func(string) string { return "" }}}, Base: a, Head: b}
	src, cleanup, err := tuiSource(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	if opts.Base != "a.md" || opts.Head != "b.md" || opts.Demo {
		t.Fatalf("base %q head %q demo %v", opts.Base, opts.Head, opts.Demo)
	}
	d, err := src.Diff(opts.Base, opts.Head)
	if err != nil {
		t.Fatal(err)
	}
	if d.Summary.Modified != 1 {
		t.Errorf("summary %+v, want one modified clause", d.Summary)
	}
	opts.Base, opts.Head = filepath.Join(dir, "missing.md"), b
	if _, _, err := tuiSource(opts); err == nil {
		t.Error("a missing file opened something")
	}
}
