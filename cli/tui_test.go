package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// TestDemoStoreSource builds the demo store and reads it as the TUI does:
// versions with their bases, a diff whose clause ids are stable, and the
// history and blame of the G tariff row.
func TestDemoStoreSource(t *testing.T) {
	g := &globals{io: &IO{Err: &bytes.Buffer{}, Getenv: func(string) string { return "" }}}
	src, cleanup, err := demoSource(g)
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	vs, err := src.Versions()
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 6 || vs[5].Label != "AV1-2025" || vs[5].Base != "CONV-2024-06" || vs[2].Party != "MG France" {
		t.Fatalf("versions = %+v", vs)
	}
	d, err := src.Diff("RA-2023", "CNAM-2024-02")
	if err != nil {
		t.Fatal(err)
	}
	id := ""
	for _, c := range d.Changes {
		for _, f := range c.Facts {
			if f.Kind == clause.FactAmount && f.Subject == "G" && len(c.New) == 1 {
				id = d.New.Clauses[c.New[0]].ID
			}
		}
	}
	if id == "" {
		t.Fatal("no change of the G tariff in RA-2023 → CNAM-2024-02")
	}
	log, err := src.Log(id, "CNAM-2024-02")
	if err != nil {
		t.Fatal(err)
	}
	if len(log) < 2 || log[0].Version.Label != "RA-2023" || log[0].Change != clause.Added {
		t.Errorf("log of %s = %+v", id, log)
	}
	spans, err := src.Blame(id, "CNAM-2024-02")
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	byCNAM := false
	for _, sp := range spans {
		text.WriteString(sp.Text)
		byCNAM = byCNAM || (strings.Contains(sp.Text, "30") && sp.Version.Label == "CNAM-2024-02")
	}
	if !byCNAM {
		t.Errorf("30 € not attributed to the CNAM: %+v", spans)
	}
	before, err := src.Blame(id, "RA-2023")
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range before {
		if sp.Version.Label != "RA-2023" {
			t.Errorf("blame as of RA-2023 names %s", sp.Version.Label)
		}
	}
}

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
