package store

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/reader"
)

// TestCorpusCASF imports the four versions of the CASF's RSA chapter and
// checks the store: four commits, every version rebuilds to what was
// imported, git fsck passes, and article L262-1's history starts at the
// first version.
func TestCorpusCASF(t *testing.T) {
	files := corpus.Files(t, "raw/legi_casf_rsa/*.md")
	if len(files) < 4 {
		t.Fatalf("corpus: %d versions of the CASF chapter, want 4", len(files))
	}
	sort.Strings(files)
	s := newStore(t)
	var imported []*clause.Document
	for i, f := range files {
		text, err := reader.ReadFile(f, reader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		doc := clause.Parse(text)
		label := []string{"casf-2000", "casf-2005", "casf-2008", "casf-2009"}[i]
		date := []string{"2000-12-23", "2005-01-01", "2008-12-04", "2009-06-01"}[i]
		r, err := s.Import(doc, ImportOptions{Party: "Légifrance", Label: label, Date: date, SourceName: filepath.Base(f)})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if r.Version == nil {
			t.Fatalf("%s: identical to %s", f, r.Identical)
		}
		imported = append(imported, normalized(doc))
	}
	vs, err := s.Versions()
	if err != nil || len(vs) != 4 {
		t.Fatalf("%d versions, %v", len(vs), err)
	}
	for i := range vs {
		d, err := s.Document(&vs[i])
		if err != nil {
			t.Fatal(err)
		}
		if !sameDocument(d, imported[i]) {
			t.Errorf("%s does not rebuild to the imported document", vs[i].Label)
		}
	}
	id, err := s.ResolveClause("L262-1", &vs[0])
	if err != nil {
		t.Fatal(err)
	}
	entries, err := s.Log(id, nil)
	if err != nil || entries[0].Version.Label != "casf-2000" {
		t.Errorf("log %s: %v, %v", id, entries, err)
	}
	// No blame line ends inside a sentence, on an abbreviation.
	last := &vs[len(vs)-1]
	m, err := s.manifest(last)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range m {
		lines, err := s.BlameLines(e.ID, last, false)
		if err != nil {
			t.Fatal(err)
		}
		checkSentenceLines(t, e.ID, byLine(lines))
	}
	if hasGit() {
		gitCmd(t, s.Dir, "fsck", "--strict")
	}
	if _, err := os.Stat(s.indexPath()); err != nil {
		t.Errorf("no index: %v", err)
	}
}

// checkSentenceLines fails on a line that the sentence splitter ended on an
// abbreviation ("L.", "art.", "M.", "etc."): a line followed by another of
// the same paragraph must end a sentence.
func checkSentenceLines(t *testing.T, where string, lines []blamedLine) {
	t.Helper()
	for i := 0; i+1 < len(lines); i++ {
		l := strings.TrimSpace(lines[i].text)
		if l == "" || strings.TrimSpace(lines[i+1].text) == "" || frtext.StartsListEntry(lines[i+1].text) {
			continue // a paragraph or a list entry ends here
		}
		if strings.HasSuffix(l, ".") {
			word := l[strings.LastIndexAny(l[:len(l)-1], " («'’")+1 : len(l)-1]
			if frtext.IsAbbreviation(word) {
				t.Errorf("%s: line ends on the abbreviation %q: %q", where, word+".", l)
			}
		}
	}
}

// TestCorpusSentenceLines cuts every clause of every corpus text as the
// store does (formatText): no line ends on an abbreviation.
func TestCorpusSentenceLines(t *testing.T) {
	files := corpus.Files(t, "raw/*/*.md", "raw/*/*/steps/*.txt")
	for _, f := range files {
		text, err := reader.ReadFile(f, reader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range clause.Parse(text).Clauses {
			var lines []blamedLine
			for _, l := range strings.Split(formatText(c.Text), "\n") {
				lines = append(lines, blamedLine{text: l})
			}
			checkSentenceLines(t, filepath.Base(f)+" "+c.ID, lines)
		}
	}
}
