package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/internal/sanitize"
)

// hostile holds what a document, an argument or a name may carry to take
// over a terminal or a rendered page.
const hostile = "\x1b[31mROUGE\x1b[0m \x1b]0;pwned\x07 \u009b2J \x1b]52;c;Y2xpcA==\x1b\\ [a](javascript:alert(1)) ![x](https://tracker.example/p.png) \u202eesrever\u202c \u2066iso\u2069 \x1b]8;;https://evil.example\x1b\\lien\x1b]8;;\x1b\\"

// residues are what a sanitiser that drops only the ESC byte, or only C0,
// would leave behind.
var residues = []string{"\x1b", "\u009b", "\u009d", "\a", "[31m", "[0m", "]0;", "]52;", "pwned", "Y2xpcA"}

func runCLI(t testing.TB, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(args, &IO{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(string) string { return "" }})
	return out.String(), errb.String(), code
}

func assertClean(t *testing.T, what, s string) {
	t.Helper()
	for _, r := range residues {
		if strings.Contains(s, r) {
			t.Errorf("%s holds %q:\n%s", what, r, s)
		}
	}
	for _, c := range s {
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c >= 0x80 && c < 0xa0 || sanitize.IsBidi(c) {
			t.Errorf("%s holds control U+%04X", what, c)
			return
		}
	}
}

// assertQuotedOnly accepts a message that shows a bad value Go-quoted
// ("CNAM\x1b[31m": the backslash form tells the user what is wrong) but
// no control character and no residue of a sequence whose ESC was dropped.
func assertQuotedOnly(t *testing.T, what, s string) {
	t.Helper()
	unquoted := quotedEscape.ReplaceAllString(s, "")
	for _, c := range s {
		if c < 0x20 && c != '\n' || c == 0x7f || c >= 0x80 && c < 0xa0 {
			t.Errorf("%s holds control U+%04X: %q", what, c, s)
		}
	}
	for _, r := range []string{"[31m", "[2J", "]0;", "]52;"} {
		if strings.Contains(unquoted, r) {
			t.Errorf("%s holds %q outside a quoted value: %s", what, r, s)
		}
	}
}

// activeLink is a link or image whose brackets are not escaped.
var activeLink = regexp.MustCompile(`(^|[^\\])!?\[[^\]]*[^\\]\]\(`)

// quotedEscape is a sequence as strconv.Quote shows it.
var quotedEscape = regexp.MustCompile(`\\(x1b|u009b|u009d)[^ "\\]*`)

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestEscapesInEveryOutputFormat feeds a document full of escape
// sequences and link syntax to every format of diff, show and check.
func TestEscapesInEveryOutputFormat(t *testing.T) {
	dir := t.TempDir()
	// The file names carry sequences too: they are echoed as refs, past
	// the reader's own cleaning of the text.
	named := "\x1b[31mR\x1b]0;pwned\a\u009b2J[a](javascript:x)"
	old, new := filepath.Join(dir, "old"+named+".md"), filepath.Join(dir, "new"+named+".md")
	table := "\n\n# Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation " + hostile + " | %s |\n"
	// The consultation is named by the hostile words, so that compare,
	// which prints facts, prints them as an amount's subject.
	oldText := "# Article 1 " + hostile + "\n\nLa consultation " + hostile + " est valorisée à 25 €. " + hostile + "\n\n# Article 2\n\nTexte supprimé." + fmt.Sprintf(table, "25 €")
	newText := "# Article 1 " + hostile + "\n\nLa consultation " + hostile + " est valorisée à 30 €. " + hostile + "\n\n# Article 3\n\nTexte ajouté " + hostile + "." + fmt.Sprintf(table, "30 €")
	writeFile(t, old, oldText)
	writeFile(t, new, newText)
	// A store refuses such file names as source names: it gets tamer ones.
	v1, v2 := filepath.Join(dir, "v1.md"), filepath.Join(dir, "v2.md")
	writeFile(t, v1, oldText)
	writeFile(t, v2, newText)
	st := filepath.Join(dir, "store")
	for _, args := range [][]string{
		{"init", st},
		{"import", v1, "--store", st, "--party", "CNAM", "--label", "v1", "--date", "2024-01-01"},
		{"import", v2, "--store", st, "--party", "MG France", "--label", "v2", "--date", "2024-02-01"},
	} {
		if _, stderr, code := runCLI(t, args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, stderr)
		}
	}
	runs := [][]string{
		{"diff", "v1", "v2", "--store", st, "--all"},
		{"diff", "v1", "v2", "--store", st, "--format", "json"},
		{"diff", "v1", "v2", "--store", st, "--format", "markdown"},
		{"diff", "v1", "v2", "--store", st, "--format", "html"},
		{"show", "v2", "--store", st},
		{"show", "v2", "--store", st, "--format", "json"},
		{"show", "v2", "Article 1", "--store", st},
		{"log", "Article 1", "--store", st},
		{"log", "Article 1", "--store", st, "--format", "json"},
		{"blame", "Article 1", "--store", st},
		{"blame", "Article 1", "--store", st, "--format", "json"},
		{"versions", "--store", st},
		{"versions", "--store", st, "--format", "json"},
		{"diff", old, new, "--all"},
		{"diff", old, new, "--format", "json"},
		{"diff", old, new, "--format", "markdown"},
		{"diff", old, new, "--format", "html"},
		{"show", new},
		{"show", new, "--format", "json"},
		{"show", new, "Article 1"},
	}
	for _, f := range []string{"text", "json", "github", "junit", "markdown"} {
		runs = append(runs, []string{"check", old, new, "--format", f})
	}
	for _, f := range []string{"text", "json", "csv", "markdown"} {
		runs = append(runs, []string{"tariffs", old, new, "--format", f})
	}
	for _, f := range []string{"text", "json", "markdown", "html"} {
		runs = append(runs, []string{"compare", old, new, v1, "--all", "--format", f},
			[]string{"compare", "v1", "v2", "--store", st, "--format", f})
	}
	for _, args := range runs {
		name := strings.Join(args[min(len(args), 3):], " ")
		t.Run(strings.Join(args[:min(len(args), 3)], " ")+" "+name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, args...)
			if code == 2 {
				t.Fatalf("exit 2: %s", stderr)
			}
			assertClean(t, "stdout", stdout)
			assertClean(t, "stderr", stderr)
			if (args[0] == "diff" || args[0] == "show" || args[0] == "blame" || args[0] == "tariffs" || args[0] == "compare") && !strings.Contains(stdout, "ROUGE") {
				t.Errorf("the document's own words were lost:\n%s", stdout)
			}
			if strings.Contains(name, "markdown") {
				if m := activeLink.FindString(stdout); m != "" {
					t.Errorf("Markdown keeps %q active:\n%s", m, stdout)
				}
			}
		})
	}
}

// TestEscapesInErrorsAndNames: arguments, file names and --store are
// echoed clean in the one error line; labels, parties and kinds holding
// control characters are refused before anything is stored.
func TestEscapesInErrorsAndNames(t *testing.T) {
	dir, st, doc := storeAndDoc(t)
	errorRuns := [][]string{
		{"show", "X\x1b]52;c;Y2xpcA==\a\x1b[2J", "--store", st},
		{"versions", "--store", filepath.Join(dir, "nowhere\x1b]0;pwned\a\x1b[31m")},
		{"diff", filepath.Join(dir, "absent\u009b2J.md"), doc},
		{"import", doc, "--store", st, "--party", "CNAM", "--label", "v\u009b1"},
		{"import", doc, "--store", st, "--party", "CNAM\x1b[31m", "--label", "v1"},
		{"import", doc, "--store", st, "--party", "CNAM", "--label", "v1", "--kind", "avenant\u0085"},
		{"clone", "http://host.invalid/\x1b]0;pwned\a/conv.git", filepath.Join(dir, "clone")},
	}
	for _, args := range errorRuns {
		stdout, stderr, code := runCLI(t, args...)
		if code != 2 {
			t.Errorf("%q: exit %d, want 2 (stdout %q)", args, code, stdout)
		}
		if strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q: want one error line, got %q", args, stderr)
		}
		assertQuotedOnly(t, "stderr", stderr)
	}
	stdout, stderr, code := runCLI(t, "versions", "--store", st, "--format", "json")
	if code != 0 || strings.Contains(stdout, `"label"`) {
		t.Errorf("a refused import left a version (exit %d): %s%s", code, stdout, stderr)
	}
}

// storeAndDoc makes an empty store and a one-article document beside it.
func storeAndDoc(t *testing.T) (dir, st, doc string) {
	t.Helper()
	dir = t.TempDir()
	st = filepath.Join(dir, "store")
	if _, stderr, code := runCLI(t, "init", st); code != 0 {
		t.Fatalf("init: %s", stderr)
	}
	doc = filepath.Join(dir, "v1.md")
	writeFile(t, doc, "# Article 1\n\nLa consultation est valorisée à 25 €.\n")
	return dir, st, doc
}
