package store

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// parseMD is a tiny parser for the test texts: "#### Article N - Title"
// headings, each followed by its paragraphs; text before the first heading
// is a preamble. The store does not depend on clause.Parse, so its tests
// do not either.
func parseMD(text string) *clause.Document {
	d := &clause.Document{}
	var body []string
	flush := func() {
		if len(d.Clauses) > 0 {
			d.Clauses[len(d.Clauses)-1].Text = strings.TrimSpace(strings.Join(body, "\n"))
		}
		body = nil
	}
	for _, l := range strings.Split(text, "\n") {
		if h, ok := strings.CutPrefix(l, "#### "); ok {
			flush()
			num := strings.TrimPrefix(h, "Article ")
			if i := strings.Index(num, " - "); i >= 0 {
				num = num[:i]
			}
			d.Clauses = append(d.Clauses, clause.Clause{
				ID: "art-" + Slug(num), Kind: clause.KindArticle, Number: num,
				Key: clause.NumberKey(clause.KindArticle, num), Heading: h,
				Path: []string{h}, Parent: -1,
			})
			continue
		}
		if len(d.Clauses) == 0 && strings.TrimSpace(l) != "" {
			d.Clauses = append(d.Clauses, clause.Clause{ID: "preambule", Kind: clause.KindPreamble, Parent: -1})
		}
		body = append(body, l)
	}
	flush()
	return d
}

// newStore creates a store in a fresh temporary directory.
func newStore(t testing.TB) *Store {
	t.Helper()
	s, err := Init(filepath.Join(t.TempDir(), "store"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// mustImport imports a markdown text.
func mustImport(t testing.TB, s *Store, text, party, label, date string) *ImportResult {
	t.Helper()
	r, err := s.Import(parseMD(text), ImportOptions{Party: party, Label: label, Date: date, SourceName: label + ".md"})
	if err != nil {
		t.Fatalf("import %s: %v", label, err)
	}
	return r
}

// gitCmd runs the git CLI in the store, skipping the test when git is
// absent.
func gitCmd(t *testing.T, dir string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git CLI not installed")
	}
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func hasGit() bool {
	_, err := exec.LookPath("git")
	return err == nil
}

// realAligner reports whether clause.Align matches a renumbered article
// (the stub it replaces matches by number only).
func realAligner() bool {
	old := parseMD("#### Article 1 - Objet\n\nLa présente convention règle les rapports entre les parties signataires.\n")
	new := parseMD("#### Article 2 - Objet\n\nLa présente convention règle les rapports entre les parties signataires.\n")
	for _, m := range clause.Align(old, new, clause.AlignOptions{}) {
		if len(m.Old) == 1 && len(m.New) == 1 {
			return true
		}
	}
	return false
}
