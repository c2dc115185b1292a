package clause

import (
	"testing"

	"github.com/avenant-dev/avenant/fixtures"
)

// TestParseFixtures checks the segmenter on the demo negotiation: nothing
// lost, ids unique, and each version made of 40 to 120 articles and tariff
// rows, as the fixtures promise.
func TestParseFixtures(t *testing.T) {
	vs, err := fixtures.Versions()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		t.Run(v.Label, func(t *testing.T) {
			b, err := fixtures.FS.ReadFile(v.File)
			if err != nil {
				t.Fatal(err)
			}
			in := string(b)
			d := Parse(in)
			checkDocument(t, in, d)
			units, rows := 0, 0
			for _, c := range d.Clauses {
				switch {
				case c.Kind == KindArticle:
					units++
				case c.Kind == KindItem && c.Key != "":
					units++
					rows++
				}
			}
			if units < 40 || units > 120 {
				t.Errorf("%d articles and tariff rows, want 40 to 120", units)
			}
			if rows == 0 {
				t.Error("no tariff row: the annex was not read as a table")
			}
		})
	}
}
