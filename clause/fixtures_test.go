package clause_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/fixtures"
	"github.com/avenant-dev/avenant/internal/goldenfile"
	"github.com/avenant-dev/avenant/render"
)

// loadFixture parses one embedded fixture by label.
func loadFixture(t testing.TB, label string) *clause.Document {
	t.Helper()
	vs, err := fixtures.Versions()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if v.Label == label {
			b, err := fixtures.FS.ReadFile(v.File)
			if err != nil {
				t.Fatal(err)
			}
			return clause.Parse(string(b))
		}
	}
	t.Fatalf("no fixture labelled %s", label)
	return nil
}

// truthName names a clause as the fixtures' truth tables do: the article
// number, or "Annexe 1/<code>" for a tariff row.
func truthName(d *clause.Document, i int) string {
	c := &d.Clauses[i]
	if h := d.Holder(i); c.Kind == clause.KindItem && h >= 0 && d.Clauses[h].Kind == clause.KindAnnex {
		return "Annexe " + d.Clauses[h].Number + "/" + c.Number
	}
	return c.Number
}

func inScope(d *clause.Document, idx []int) bool {
	for _, i := range idx {
		k := d.Clauses[i].Kind
		if k == clause.KindArticle || (k == clause.KindItem && strings.HasPrefix(d.Clauses[i].Key, "tariff:")) {
			return true
		}
	}
	return false
}

// rowOf renders a change the way the truth tables list it.
func rowOf(kind string, old, new []string, renumbered, moved bool, facts []string) string {
	flags := []string{}
	if renumbered {
		flags = append(flags, "renumbered")
	}
	if moved {
		flags = append(flags, "moved")
	}
	slices.Sort(facts)
	return fmt.Sprintf("%s | %s | %s | %s | %s", kind, strings.Join(old, "+"), strings.Join(new, "+"), strings.Join(flags, " "), strings.Join(facts, "; "))
}

// TestFixturePairs checks every planted change of fixtures/README.md: each
// consecutive pair's diff lists exactly the expected articles and tariff
// rows, with the right kind, flags and facts, and nothing else. It also
// keeps a golden of the text output per pair.
func TestFixturePairs(t *testing.T) {
	vs, err := fixtures.Versions()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if v.Base == "" {
			continue
		}
		t.Run(v.Base+"→"+v.Label, func(t *testing.T) {
			want, err := fixtures.Expected(v.Base, v.Label)
			if err != nil {
				t.Fatal(err)
			}
			var wantRows []string
			for _, c := range want {
				var facts []string
				for _, f := range c.Facts {
					facts = append(facts, f.Kind+" "+f.Old+" → "+f.New)
				}
				wantRows = append(wantRows, rowOf(c.Kind, c.Old, c.New, c.Renumbered, c.Moved, facts))
			}
			old, new := loadFixture(t, v.Base), loadFixture(t, v.Label)
			d := clause.Compare(old, new, clause.CompareOptions{})
			var gotRows []string
			for i := range d.Changes {
				c := &d.Changes[i]
				if !render.Listed(c) || !(inScope(d.Old, c.Old) || inScope(d.New, c.New)) {
					continue
				}
				var on, nn []string
				for _, k := range c.Old {
					on = append(on, truthName(d.Old, k))
				}
				for _, k := range c.New {
					nn = append(nn, truthName(d.New, k))
				}
				var facts []string
				for _, f := range c.Facts {
					facts = append(facts, string(f.Kind)+" "+f.Old+" → "+f.New)
				}
				gotRows = append(gotRows, rowOf(string(c.Kind), on, nn, c.Renumbered, c.Moved, facts))
			}
			slices.Sort(wantRows)
			slices.Sort(gotRows)
			for _, r := range wantRows {
				if !slices.Contains(gotRows, r) {
					t.Errorf("missing: %s", r)
				}
			}
			for _, r := range gotRows {
				if !slices.Contains(wantRows, r) {
					t.Errorf("unexpected: %s", r)
				}
			}

			var buf bytes.Buffer
			if err := render.DiffText(&buf, d, render.Side{Ref: v.Base}, render.Side{Ref: v.Label}, false, render.Styles{}); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "fixtures", v.Base+"_"+v.Label+".txt")
			goldenfile.Check(t, golden, buf.Bytes())
		})
	}
}
