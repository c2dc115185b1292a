package reader

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/corpus"
)

// TestOfficeFiles reads files that office software saved (LibreOffice
// Writer 7.4, from the fixtures; see testdata/office/README.md), not the
// test writers' own: a tariff table whose wrapped labels are centred in
// their cells, codes set close to their labels, paragraphs set apart by
// spacing rather than blank lines, compounds at the ends of lines. Each
// must read as its Markdown source: the same clauses, the same rows cell
// for cell, and no change but cosmetic ones.
func TestOfficeFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/office/*.*")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		ext := filepath.Ext(path)
		if ext == ".md" {
			continue
		}
		tools := []string{""}
		if ext == ".pdf" {
			tools = []string{"pdftotext", ""}
		}
		for _, tool := range tools {
			name := filepath.Base(path)
			if ext == ".pdf" && tool == "" {
				name += "/built-in"
			} else if ext == ".pdf" {
				name += "/" + tool
			}
			t.Run(name, func(t *testing.T) {
				readsAsSource(t, path, tool, fixture(t, strings.TrimSuffix(filepath.Base(path), ext)+".md"))
			})
		}
	}
}

// readsAsSource reads the office file at path (a PDF with the given
// tool, "" for the built-in reader) and compares it with its source.
func readsAsSource(t *testing.T, path, tool, source string) {
	ext := filepath.Ext(path)
	if ext == ".pdf" {
		if _, err := exec.LookPath(tool); tool != "" && err != nil {
			t.Skip("pdftotext (poppler-utils) is not installed")
		}
		saved := pdftotextName
		defer func() { pdftotextName = saved }()
		pdftotextName = tool
	}
	text, err := ReadFile(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	src := clause.Parse(source)
	doc := clause.Parse(text)
	if s := substantive(clause.Compare(src, doc, clause.CompareOptions{})); len(s) > 0 {
		t.Errorf("%d substantive changes against the Markdown source:\n%s", len(s), strings.Join(s, "\n"))
	}
	byID := map[string]*clause.Clause{}
	for i := range doc.Clauses {
		byID[doc.Clauses[i].ID] = &doc.Clauses[i]
	}
	for _, c := range src.Clauses {
		got := byID[c.ID]
		switch {
		case got == nil:
			t.Errorf("clause %s (%s) missing", c.ID, c.Label())
		case got.Kind != c.Kind || got.Number != c.Number:
			t.Errorf("clause %s: %s %q, want %s %q", c.ID, got.Kind, got.Number, c.Kind, c.Number)
		case c.Kind == clause.KindItem && c.Number != "":
			if g, w := strings.Join(clause.RowCells(got.Text), " | "), strings.Join(clause.RowCells(c.Text), " | "); g != w {
				t.Errorf("row %s: cells %q, want %q", c.ID, g, w)
			}
		}
	}
	if len(doc.Clauses) != len(src.Clauses) {
		t.Errorf("%d clauses, want %d", len(doc.Clauses), len(src.Clauses))
	}
}

// TestOfficeCorpus saves real texts of the corpus (a code, a convention's
// regulation, a step of each bill) with LibreOffice, when it is installed,
// and reads them back as TestOfficeFiles does: the rules of the page
// layout hold on texts they were not written from.
func TestOfficeCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: LibreOffice takes seconds per file")
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
	}
	dir := corpus.Optional(t)
	if dir == "" {
		return
	}
	var texts []string
	for _, pattern := range []string{"raw/legi_casf_rsa/*2009*.md", "raw/rcm_1998/*2003.md", "raw/lafabrique/*/steps/02_*.txt"} {
		m, _ := filepath.Glob(filepath.Join(dir, pattern))
		texts = append(texts, m...)
	}
	if len(texts) < 3 {
		t.Fatalf("corpus texts not found under %s", dir)
	}
	out := t.TempDir()
	var args []string
	for i, p := range texts {
		// One name per text: the bills' steps share theirs.
		name := filepath.Join(out, fmt.Sprintf("%02d-%s", i, filepath.Base(p)))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, name)
	}
	cmd := exec.Command("bash", append([]string{"../scripts/office-files.sh"}, args...)...)
	cmd.Env = append(os.Environ(), "OUT="+out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("office-files.sh: %v\n%s", err, msg)
	}
	for _, src := range args {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		stem := strings.TrimSuffix(src, ".md")
		for _, f := range []struct{ path, tool string }{{stem + ".docx", ""}, {stem + ".pdf", "pdftotext"}, {stem + ".pdf", ""}, {stem + ".txt", ""}} {
			t.Run(filepath.Base(f.path)+"/"+f.tool, func(t *testing.T) { readsAsSource(t, f.path, f.tool, string(b)) })
		}
	}
}
