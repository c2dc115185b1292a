package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// TestTooManyClausesRefused: a text that splits into more clauses than
// clause.MaxClauses (here range headings, a hundred articles a line: 40 KB
// that made two gigabytes of clauses) is one line naming the file, exit 2,
// in every command that reads a file, and an import writes nothing.
func TestTooManyClausesRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 200,000 clauses per command")
	}
	var b strings.Builder
	for i := 0; i <= clause.MaxClauses/100; i++ {
		fmt.Fprintf(&b, "Articles %d à %d\n\n", 100*i+1, 100*i+100)
	}
	refusedEverywhere(t, b.String(), "splits into too many clauses")
}

// TestTooManyLinesRefused: a text of more than clause.MaxLines lines (one
// letter each: eight million of them, under the text limit, cost 350 MB
// to read as one paragraph) is refused before it is parsed, as a text of
// too many clauses is.
func TestTooManyLinesRefused(t *testing.T) {
	refusedEverywhere(t, strings.Repeat("a\n", clause.MaxLines+1), "has too many lines: 1000001, more than 1000000")
}

// refusedEverywhere checks that every command reading the file bomb.md
// holding text refuses it with one line naming it and saying why, exit 2,
// and that an import of it writes nothing.
func refusedEverywhere(t *testing.T, text, why string) {
	t.Helper()
	dir := t.TempDir()
	path := func(name string) string { return filepath.Join(dir, name) }
	writeFile(t, path("bomb.md"), text)
	writeFile(t, path("ok.md"), exitDoc)
	st := path("store")
	if _, stderr, code := runCLI(t, "init", st); code != ExitOK {
		t.Fatal(stderr)
	}
	for _, args := range [][]string{
		{"show", path("bomb.md")},
		{"diff", path("ok.md"), path("bomb.md")},
		{"check", path("bomb.md"), path("ok.md")},
		{"tariffs", path("ok.md"), path("bomb.md")},
		{"apply", path("ok.md"), path("bomb.md")},
		{"import", path("bomb.md"), "--store", st, "--party", "P", "--label", "V1"},
	} {
		stdout, stderr, code := runCLI(t, args...)
		if code != ExitError || strings.Count(stderr, "\n") != 1 ||
			!strings.Contains(stderr, path("bomb.md")+": "+why) || stdout != "" {
			t.Errorf("%v: status %d, stdout %q, stderr %q; want 2 and one line naming the file", args[0], code, stdout, stderr)
		}
	}
	if tags, _ := os.ReadDir(filepath.Join(st, ".git", "refs", "tags")); len(tags) != 0 {
		t.Errorf("the refused import left %d tags", len(tags))
	}
}

// TestHugeClauseSaid: a clause past clause.HugeText is compared by
// sentence and line, and every output says so; check fails on it, as its
// tariffs were not read. Word by word, two 12 MB versions of a one-line
// clause took 21 s and 950 MB (BenchmarkDiffHugeClause).
func TestHugeClauseSaid(t *testing.T) {
	if testing.Short() {
		t.Skip("diffs two 2 MB clauses")
	}
	dir := t.TempDir()
	line := func(amount string) string {
		return "Article 1\n\nLe tarif est de " + amount + strings.Repeat(" et la convention s'applique de plein droit", clause.HugeText/2/43+100) + "\n"
	}
	oldPath, newPath := filepath.Join(dir, "old.md"), filepath.Join(dir, "new.md")
	writeFile(t, oldPath, line("26,50 €"))
	writeFile(t, newPath, line("30 €"))
	note := "compared by sentence and line, facts not read: 4.2 MB of text, over the 4 MiB read word by word"
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"diff", oldPath, newPath}, "    ! " + note + "\n"},
		{[]string{"diff", oldPath, newPath, "--format", "json"}, `"coarse": "` + note + `"`},
		{[]string{"diff", oldPath, newPath, "--format", "markdown"}, "> " + note + "\n"},
		{[]string{"check", oldPath, newPath}, "tariffs  Article 1: " + note},
		{[]string{"compare", oldPath, newPath}, ": ! " + note + "\n"},
		{[]string{"compare", oldPath, newPath, "--format", "json"}, `"coarse": "` + note + `"`},
	} {
		stdout, stderr, code := runCLI(t, tc.args...)
		if code != ExitDiffers || !strings.Contains(stdout, tc.want) {
			t.Errorf("%v: status %d (stderr %q), stdout lacks %q", tc.args[:2], code, stderr, tc.want)
		}
	}
}

// BenchmarkDiffHugeClause: avenant diff of two 12 MB versions of a
// one-line clause, one amount changed.
func BenchmarkDiffHugeClause(b *testing.B) {
	dir := b.TempDir()
	for i, amount := range []string{"26,50 €", "30 €"} {
		text := "Article 1\n\nLe tarif est de " + amount + strings.Repeat(" et la convention s'applique de plein droit", 12<<20/43) + "\n"
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprint(i)), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, stderr, code := runCLI(b, "diff", filepath.Join(dir, "0"), filepath.Join(dir, "1")); code != ExitDiffers {
			b.Fatal(stderr)
		}
	}
}
