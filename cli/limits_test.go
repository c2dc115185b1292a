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
