package tui

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"sort"
	"testing"

	"github.com/avenant-dev/avenant/check"
	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/fixtures"
	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/reader"
	"github.com/avenant-dev/avenant/render"
)

// TestBrokenReferencesAgree diffs every consecutive pair of the fixtures
// and of the corpus texts and counts broken references three ways: the
// outline's "broken ref" badge, the "broken" flags of diff --format json,
// and the findings of check's references rule. The three must agree on
// every pair, and the fixtures must hold some.
func TestBrokenReferencesAgree(t *testing.T) {
	type text struct{ name, body string }
	var series [][]text
	vs, err := fixtures.Versions()
	if err != nil {
		t.Fatal(err)
	}
	var demo []text
	for _, v := range vs {
		b, err := fixtures.FS.ReadFile(v.File)
		if err != nil {
			t.Fatal(err)
		}
		demo = append(demo, text{v.File, string(b)})
	}
	series = append(series, demo)
	// Every bill of La Fabrique, not a list of them: one added to the
	// corpus is counted too.
	if dir := corpus.Optional(t); dir != "" {
		patterns := []string{"raw/rcm_1998/*.md", "raw/legi_casf_rsa/*.md"}
		bills, _ := filepath.Glob(filepath.Join(dir, "raw", "lafabrique", "*", "steps"))
		for _, b := range bills {
			rel, _ := filepath.Rel(dir, b)
			patterns = append(patterns, filepath.Join(rel, "*.txt"))
		}
		if len(bills) == 0 {
			t.Fatalf("corpus %s holds no bill of La Fabrique", dir)
		}
		for _, pattern := range patterns {
			files := corpus.Files(t, pattern)
			sort.Strings(files)
			var s []text
			for _, f := range files {
				body, err := reader.ReadFile(f, reader.Options{})
				if err != nil {
					t.Fatal(err)
				}
				s = append(s, text{filepath.Base(f), body})
			}
			series = append(series, s)
		}
	} else {
		t.Log("corpus absent: fixtures only")
	}
	total, pairs := 0, 0
	for _, s := range series {
		for i := 1; i < len(s); i++ {
			old, new := clause.Parse(s[i-1].body), clause.Parse(s[i].body)
			d := clause.Compare(old, new, clause.CompareOptions{})
			sides := [2]render.Side{{Ref: s[i-1].name}, {Ref: s[i].name}}

			badged := 0
			for k := range d.Changes {
				for _, b := range badges(&d.Changes[k]) {
					if badgeText(b, d, &d.Changes[k]) == "broken ref" {
						badged++
					}
				}
			}
			var doc struct {
				Changes []struct {
					Facts []struct {
						Broken bool `json:"broken"`
					} `json:"facts"`
				} `json:"changes"`
			}
			var buf bytes.Buffer
			if err := render.WriteJSON(&buf, render.NewDiffDoc(d, sides[0], sides[1], false)); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			flaggedChanges, flaggedFacts := 0, 0
			for _, c := range doc.Changes {
				n := 0
				for _, f := range c.Facts {
					if f.Broken {
						n++
					}
				}
				flaggedFacts += n
				if n > 0 {
					flaggedChanges++
				}
			}
			findings := 0
			for _, f := range check.Run(d, sides[0], sides[1], nil).Findings {
				if f.Rule == "references" {
					findings++
				}
			}
			if badged != flaggedChanges || findings != flaggedFacts {
				t.Errorf("%s → %s: %d clauses badged broken ref, %d with broken flags in the JSON; %d broken flags, %d references findings",
					s[i-1].name, s[i].name, badged, flaggedChanges, flaggedFacts, findings)
			}
			total += flaggedFacts
			pairs++
		}
	}
	t.Logf("%d pairs, %d broken references", pairs, total)
	if total == 0 {
		t.Error("no broken reference in any pair: the agreement proves nothing")
	}
}
