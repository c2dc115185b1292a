package amend

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/corpus"
)

// sameClauses compares what a reader sees of two documents: kinds,
// numbers, headings, texts and nesting.
func sameClauses(t *testing.T, name string, want, got *clause.Document) {
	t.Helper()
	type view struct {
		Kind                          clause.Kind
		Number, Heading, Text, Status string
		Depth                         int
	}
	views := func(d *clause.Document) []view {
		out := make([]view, len(d.Clauses))
		for i, c := range d.Clauses {
			out[i] = view{c.Kind, c.Number, c.Heading, c.Text, c.Status, c.Depth}
		}
		return out
	}
	w, g := views(want), views(got)
	if reflect.DeepEqual(w, g) {
		return
	}
	for i := 0; i < len(w) && i < len(g); i++ {
		if w[i] != g[i] {
			t.Fatalf("%s: clause %d differs:\nwant %+v\ngot  %+v", name, i, w[i], g[i])
		}
	}
	t.Fatalf("%s: %d clauses, want %d", name, len(g), len(w))
}

func TestWriteReadsBack(t *testing.T) {
	files, _ := filepath.Glob("../fixtures/*.md")
	writeReadsBack(t, files)
}

func TestWriteReadsBackCorpus(t *testing.T) {
	writeReadsBack(t, corpus.Files(t, "raw/rcm_1998/*.md", "raw/legi_casf_rsa/*.md"))
}

// writeReadsBack checks that every file, written back, parses into the
// clauses it was read as: in Markdown from the file itself, in plain text
// from its plain rendering.
func writeReadsBack(t *testing.T, files []string) {
	for _, f := range files {
		if filepath.Base(f) == "README.md" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := decodeDoc(t, b)
		sameClauses(t, f+" (markdown)", doc, clause.Parse(write(doc, Markdown)))
		plain := clause.Parse(write(doc, Plain))
		sameClauses(t, f+" (plain)", plain, clause.Parse(write(plain, Plain)))
	}
}
