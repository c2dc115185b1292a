package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
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

// TestTUIFilesNames: avenant tui A B opens whatever two files avenant diff
// compares. Before, the same file given twice was refused ("label already
// used…", the fallback label "head" being git's HEAD to the store), and a
// file whose name holds an escape sequence or a bidi override was refused
// as a "party" the user never typed.
func TestTUIFilesNames(t *testing.T) {
	dir := t.TempDir()
	text := "## Article 1 - Objet\n\nLe tarif est de 25 €.\n"
	tests := []struct{ base, head, wantBase, wantHead string }{
		{"a.md", "a.md", "a.md", "new"},
		{"evil\x1b]0;pwned\x07\u202ename.md", "b.md", "evilname.md", "b.md"},
		{"\x1b[31m.md", "b.md", "old", "b.md"},
		{"b.md", "\x1b[31m.md", "b.md", "new"},
	}
	for _, tt := range tests {
		writeFile(t, filepath.Join(dir, tt.base), text)
		writeFile(t, filepath.Join(dir, tt.head), text)
		opts := &TUIOptions{g: &globals{io: &IO{Err: &bytes.Buffer{}, Getenv: func(string) string { return "" }}},
			Base: filepath.Join(dir, tt.base), Head: filepath.Join(dir, tt.head)}
		src, cleanup, err := tuiSource(opts)
		if err != nil {
			t.Errorf("tui %q %q: %v", tt.base, tt.head, err)
			continue
		}
		if opts.Base != tt.wantBase || opts.Head != tt.wantHead {
			t.Errorf("tui %q %q: versions %q → %q, want %q → %q", tt.base, tt.head, opts.Base, opts.Head, tt.wantBase, tt.wantHead)
		}
		if d, err := src.Diff(opts.Base, opts.Head); err != nil || d.Summary.Modified != 0 {
			t.Errorf("tui %q %q: diff %v, %v", tt.base, tt.head, d, err)
		}
		cleanup()
	}
}

// TestTUIFilesBlameIsTheCLIs: the blame the TUI shows on two plain files
// is the store's, span for span, as avenant blame gives it on a store of
// the same two files: one implementation. Before, the TUI had one of its
// own, which credited the words a merge took from its second source
// ("Une majoration de 5 €…", article 2 bis merged into 2) to the merge.
func TestTUIFilesBlameIsTheCLIs(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "proposition CNAM.md"), filepath.Join(dir, "contre-proposition.md")
	writeFile(t, a, "## Article 1 - Objet\n\nLa convention règle les rapports entre les médecins et l'assurance maladie.\n\n"+
		"## Article 2 - Tarif\n\nLa consultation est valorisée à 25 €.\n\n## Article 2 bis - Majoration\n\nUne majoration de 5 € s'applique la nuit.\n\n"+
		"## Article 3 - Aide\n\nLe médecin s'engage à augmenter sa patientèle de 10 %. La caisse verse l'aide chaque année. Elle vérifie les engagements au terme du contrat.\n")
	writeFile(t, b, "## Article 1 - Objet\n\nLa convention règle les rapports entre les médecins et l'assurance maladie.\n\n"+
		"## Article 2 - Tarif\n\nLa consultation est valorisée à 30 €. Une majoration de 5 € s'applique la nuit.\n\n"+
		"## Article 3 - Aide\n\nLe médecin s'engage à augmenter sa patientèle de 5 %. La caisse verse l'aide chaque année.\n\n"+
		"## Article 4 - Contrôle\n\nElle vérifie les engagements au terme du contrat.\n")
	opts := &TUIOptions{g: &globals{io: &IO{Err: &bytes.Buffer{}, Getenv: func(string) string { return "" }}}, Base: a, Head: b}
	src, cleanup, err := tuiSource(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	if opts.Base != "proposition-CNAM.md" || opts.Head != "contre-proposition.md" {
		t.Errorf("labels %q, %q: want the files' names as git takes them", opts.Base, opts.Head)
	}
	st := filepath.Join(dir, "store")
	for _, args := range [][]string{
		{"init", st},
		{"import", a, "--store", st, "--party", filepath.Base(a), "--label", opts.Base},
		{"import", b, "--store", st, "--party", filepath.Base(b), "--label", opts.Head},
	} {
		if _, stderr, code := runCLI(t, args...); code != ExitOK {
			t.Fatalf("%v: %s", args, stderr)
		}
	}
	var merged []string
	d, err := src.Diff(opts.Base, opts.Head)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range d.New.Clauses {
		spans, err := src.Blame(c.ID, opts.Head)
		if err != nil {
			t.Fatal(err)
		}
		var tuiSpans []string
		for _, sp := range spans {
			tuiSpans = append(tuiSpans, sp.Version.Label+":"+sp.Text)
		}
		stdout, stderr, code := runCLI(t, "blame", c.ID, "--store", st, "--format", "json")
		if code != ExitOK {
			t.Fatalf("blame %s: %s", c.ID, stderr)
		}
		var doc struct {
			Spans []struct{ Text, Version string }
		}
		if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
			t.Fatal(err)
		}
		var cliSpans []string
		for _, sp := range doc.Spans {
			cliSpans = append(cliSpans, sp.Version+":"+sp.Text)
		}
		if !slices.Equal(tuiSpans, cliSpans) {
			t.Errorf("%s: the TUI blames\n%q\nthe CLI\n%q", c.ID, tuiSpans, cliSpans)
		}
		if c.Number == "2" {
			merged = tuiSpans
		}
	}
	// Both reading one store, what they say must also be right: the
	// sentence article 2 took from 2 bis is the proposal's.
	if !slices.ContainsFunc(merged, func(s string) bool {
		return strings.HasPrefix(s, opts.Base+":") && strings.Contains(s, "majoration de 5 €")
	}) {
		t.Errorf("article 2 blamed %q: the majoration is not credited to %s", merged, opts.Base)
	}
}
