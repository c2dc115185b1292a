package reader

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
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
			t.Run(name, func(t *testing.T) { readsAsSource(t, path, tool) })
		}
	}
}

// readsAsSource reads the office file at path (a PDF with the given
// tool, "" for the built-in reader) and compares it with its Markdown
// source.
func readsAsSource(t *testing.T, path, tool string) {
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
	src := clause.Parse(fixture(t, strings.TrimSuffix(filepath.Base(path), ext)+".md"))
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
