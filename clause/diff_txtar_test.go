package clause_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/goldenfile"
	"github.com/avenant-dev/avenant/render"
)

// TestDiffCases runs the diff cases of testdata/diff/*.txtar: each holds an
// "old" and a "new" text, optionally a "concordance", and the expected
// text output in "want" (rewritten by -update).
func TestDiffCases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "diff", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no diff cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			parts := map[string]string{}
			for _, f := range ar.Files {
				parts[f.Name] = string(f.Data)
			}
			var opts clause.CompareOptions
			if c, ok := parts["concordance"]; ok {
				if opts.Align.Concordance, err = clause.ParseConcordance(strings.NewReader(c)); err != nil {
					t.Fatal(err)
				}
			}
			d := clause.Compare(clause.Parse(parts["old"]), clause.Parse(parts["new"]), opts)
			var buf bytes.Buffer
			if err := render.DiffText(&buf, d, render.Side{Ref: "old"}, render.Side{Ref: "new"}, false, render.Styles{}); err != nil {
				t.Fatal(err)
			}
			if goldenfile.Updating() {
				for i := range ar.Files {
					if ar.Files[i].Name == "want" {
						ar.Files[i].Data = buf.Bytes()
					}
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got := buf.String(); got != parts["want"] {
				t.Errorf("got:\n%s\nwant:\n%s", got, parts["want"])
			}
		})
	}
}
